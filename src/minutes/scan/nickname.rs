//! What colleagues call one another (pure), beyond the full name, the given name and `小`/`老` +
//! surname: the last character doubled (`雯雯`), the last character with `子` or after `阿`
//! (`浩子`, `阿雯`), the last character with `儿` (`雪儿`), a two-character surname alone (`欧阳`, `诸葛`), and any surname before a
//! kinship word (`邰姐`, `欧阳哥`) — each read as a member when exactly one of the group is so
//! called.

use super::surnames::COMPOUND_SURNAMES;
use crate::domain::ids::Person;
use crate::minutes::owner::OwnerRef;

/// Kinship words after a surname that address its bearer (`邰姐`, `欧阳哥`); office titles
/// (`甘总`, `冉工`) are read elsewhere, and only for surnames known as such.
const ADDRESS_WORDS: &[&str] = &["姐", "哥", "姐姐", "大姐", "哥哥", "大哥"];

/// Doubled characters and `X子` that are words, never a name (`天天`, `慢慢`, `样子`).
const NOT_NAMES: &[&str] = &[
    "天天", "常常", "刚刚", "慢慢", "好好", "早早", "渐渐", "看看", "试试", "谢谢", "想想", "稍稍", "仅仅",
    "明明", "人人", "个个", "处处", "时时", "事事", "多多", "大大", "往往", "统统", "默默", "偏偏", "孩子",
    "样子", "日子", "本子", "单子", "点子", "路子", "位子", "桌子", "盘子", "稿子", "票子", "场子", "台子",
    "圈子", "帖子", "法子", "底子", "例子", "面子", "法子", "班子", "架子", "句子", "这儿", "那儿", "哪儿",
    "会儿", "点儿", "事儿", "活儿", "块儿", "份儿", "个儿", "空儿", "头儿", "味儿", "女儿", "儿儿",
];

fn surname(name: &str) -> &str {
    COMPOUND_SURNAMES
        .iter()
        .find(|s| name.starts_with(**s) && name.chars().count() > 2)
        .copied()
        .or_else(|| name.chars().next().and_then(|c| name.get(..c.len_utf8())))
        .unwrap_or(name)
}

/// Whether `w` is a way of calling `name` (a Chinese name of two to four characters).
fn calls(w: &str, name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if !(2..=4).contains(&chars.len()) || w == name || NOT_NAMES.contains(&w) {
        return false;
    }
    let Some(last) = chars.last() else {
        return false;
    };
    let sur = surname(name);
    let nick = [
        format!("{last}{last}"),
        format!("{last}子"),
        format!("阿{last}"),
        format!("{last}儿"),
    ];
    nick.iter().any(|n| n == w)
        || (sur.chars().count() == 2 && w == sur)
        || w.strip_prefix(sur).is_some_and(|r| ADDRESS_WORDS.contains(&r))
        // `岚姐` (柯岚), `涛哥` (岳洪涛): the last character of the given name before a kinship word.
        || (chars.len() > sur.chars().count()
            && w.strip_prefix(*last).is_some_and(|r| ["姐", "哥"].contains(&r)))
        // `雪莉姐` (毛雪莉): the whole given name before a kinship word.
        || (chars.len() == 3
            && name
                .get(chars[0].len_utf8()..)
                .is_some_and(|given| w.strip_prefix(given).is_some_and(|r| ["姐", "哥"].contains(&r))))
}

/// The member `name` calls, else `name` as written.
pub(crate) fn owner_called(members: &[Person], name: &str) -> OwnerRef {
    member_called(members, name).map_or_else(
        || OwnerRef::Unresolved(name.to_owned()),
        |p| OwnerRef::Person(p.clone()),
    )
}

/// The one member `w` calls, if exactly one.
pub(crate) fn member_called<'a>(members: &'a [Person], w: &str) -> Option<&'a Person> {
    // `阿依古丽` for `阿依古丽·买买提`: the given part of a name written with a middle dot.
    let dotted = |name: &str| {
        w.chars().count() >= 2
            && name
                .split_once(['·', '•', '・'])
                .is_some_and(|(head, _)| head == w)
    };
    let mut hits = members.iter().filter(|p| calls(w, &p.name) || dotted(&p.name));
    match (hits.next(), hits.next()) {
        (Some(p), None) => Some(p),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::calls;

    #[test]
    fn colleagues_call_one_another_so() {
        assert!(calls("雯雯", "诸葛雯"));
        assert!(calls("浩子", "上官浩"));
        assert!(calls("雪儿", "龚雪"));
        assert!(!calls("会儿", "李会"));
        assert!(calls("阿雯", "诸葛雯"));
        assert!(calls("欧阳", "欧阳琳"));
        assert!(calls("邰姐", "邰丽君"));
        assert!(calls("欧阳姐", "欧阳琳"));
        assert!(calls("岚姐", "柯岚"));
        assert!(calls("涛哥", "岳洪涛"));
        assert!(!calls("柯哥", "岳洪涛"));
        assert!(!calls("甘总", "甘国伟"));
        assert!(!calls("天天", "张晓天"));
        assert!(!calls("样子", "李样"));
        assert!(!calls("欧阳", "欧阳"));
        assert!(!calls("邰", "邰丽君"));
    }
}
