//! A board's card written on one line (pure): `· 宣传物料设计 ｜ 张三、李四 ｜ 截止 4/10` — the
//! work, then a field holding only the people on the card, then its date.

/// Whether `raw` is a card on one line: at least three fields split by a full-width bar (not a
/// markdown table's row), a field after the first holding only short names (`张三`,
/// `张三、李四`), and one that is its date (`截止 4/10`, `4月10日`).
pub(super) fn names_field_on_a_card(raw: &str) -> bool {
    let t = raw.trim();
    if t.starts_with('|') || t.starts_with('｜') {
        return false;
    }
    let fields: Vec<&str> = t.split('｜').map(str::trim).collect();
    if fields.len() < 3 || fields.iter().any(|f| f.is_empty()) {
        return false;
    }
    let names_only = |f: &str| {
        f.split(['、', '，', ',', '/'])
            .all(|n| (2..=4).contains(&n.trim().chars().count()) && n.trim().chars().all(is_han))
    };
    fields.iter().skip(1).any(|f| names_only(f))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::names_field_on_a_card;

    #[test]
    fn a_card_with_its_people_in_a_field() {
        assert!(names_field_on_a_card("· 宣传物料设计 ｜ 王五 ｜ 截止 4/10"));
        assert!(names_field_on_a_card("- 客户名单清洗 ｜ 赵六、钱七 ｜ 5月8日"));
        assert!(!names_field_on_a_card("| 宣传物料设计 | 王五 | 4/10 |"));
        assert!(!names_field_on_a_card("· 宣传物料设计 ｜ 截止 4/10"));
        assert!(!names_field_on_a_card("· 宣传物料设计 ｜ 市场部负责组织 ｜ 4/10"));
    }
}
