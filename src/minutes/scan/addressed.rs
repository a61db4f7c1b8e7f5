//! Work a speaker hands to someone (pure): in `某某：…` the one labelled speaks; the person they
//! address (`许鹏你弄一下`, `丽丽，拿到数据后你…写完`) or name as its owner (`小申负责排版`, when the
//! speaker says nothing of their own part, no `我`) does the work.

/// How a speaker calls `name` (a Chinese name of two or three characters): in full, by the given
/// name of two (`丽丽`), or `小`/`老` and the surname (`小申`).
fn called(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut forms = vec![name.to_owned()];
    if (2..=3).contains(&chars.len()) && chars.iter().all(|c| super::ctx::is_cjk(*c)) {
        if chars.len() == 3 {
            forms.push(chars[1..].iter().collect());
        }
        forms.push(format!("小{}", chars[0]));
        forms.push(format!("老{}", chars[0]));
    }
    forms
}

/// Whether `line` (`speaker：what is said`) hands the work to `name`.
pub(super) fn handed_to(line: &str, name: &str) -> bool {
    let said = line.split_once(['：', ':']).map_or(line, |(_, r)| r).trim_start();
    called(name).iter().any(|name| {
        let vocative = [format!("{name}，"), format!("{name},"), format!("{name}, ")]
            .iter()
            .any(|v| said.starts_with(v.as_str()));
        line.contains(&format!("{name}你"))
            || (vocative && said.contains('你'))
            || (said.contains(&format!("{name}负责")) && !said.contains('我'))
    })
}

/// Words after 你 that report what the other said or thinks, not work they take.
const YOU_TALK: &[&str] = &[
    "说", "的", "们", "提", "想", "觉得", "问", "反映", "目前", "现在", "这次", "上次",
];

/// `你给新人讲一次…`, `那两个客户，你和贺俊…一起上门`: a clause that opens with 你 and gives
/// them work (in a one-to-one talk, whoever's line it is, the other of the pair does it).
pub(super) fn you_do(said: &str) -> bool {
    said.split(['，', ',', '。', '；', ';', '：', ':']).any(|c| {
        c.trim()
            .strip_prefix('你')
            .is_some_and(|r| !r.is_empty() && !YOU_TALK.iter().any(|w| r.starts_with(w)))
    })
}

#[cfg(test)]
mod tests {
    use super::{handed_to, you_do};

    #[test]
    fn the_one_addressed_or_named_owner_does_the_work() {
        assert!(handed_to("严冬：柳青你弄一下", "柳青"));
        assert!(handed_to("严冬：柳青，拿到数据后你把章节写完", "柳青"));
        assert!(handed_to("严冬：用新模板，柳青负责排版", "柳青"));
        assert!(!handed_to("严冬：柳青负责开发，我负责测试", "柳青"));
        assert!(!handed_to("严冬：我和柳青一起整理", "柳青"));
        assert!(handed_to("严冬：丽丽，你把章节写完", "蒙丽丽"));
        assert!(handed_to("严冬：用新模板，小申负责排版", "申浩然"));
        assert!(handed_to("严冬：用新模板，小申负责排版", "申浩"));
        assert!(you_do("那两个客户，你和贺俊国庆节前一起上门拜访一次。"));
        assert!(you_do("你给新人讲一次经验"));
        assert!(!you_do("你说最近很忙，我这边没问题"));
    }
}
