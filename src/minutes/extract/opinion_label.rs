//! A dated opinion's label alone on its line (pure): `3月26日　运营管理部 某某：` over what that
//! person wrote (an OA paper's circulated opinions, a log of replies). It names the one who
//! speaks below (`由我部…` is theirs); it is no task itself.

/// The name in `M月D日 [unit or post …] 姓名：` alone, or nothing.
pub(super) fn dated_opinion_name(line: &str) -> Option<&str> {
    let body = line.trim().strip_suffix(['：', ':'])?;
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let date = words.first()?;
    let dated = date.contains(['月', '-', '/', '.'])
        && date.chars().any(|c| c.is_ascii_digit())
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || "年月日号-/.".contains(c));
    let name = words.last()?;
    let name_like = (2..=4).contains(&name.chars().count()) && name.chars().all(crate::minutes::scan::is_cjk);
    (dated && name_like).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::dated_opinion_name as name;

    #[test]
    fn a_dated_label_with_a_unit_names_the_writer() {
        assert_eq!(name("5月12日　财务部 卢海生："), Some("卢海生"));
        assert_eq!(name("5月13日 总经理 丁一凡:"), Some("丁一凡"));
        assert_eq!(name("2026-05-14 季文："), Some("季文"));
        assert_eq!(name("5月12日 财务部 卢海生：同意，周五前报"), None);
        assert_eq!(name("会议时间：5月12日"), None);
    }
}
