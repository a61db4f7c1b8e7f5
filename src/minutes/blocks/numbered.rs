//! A field label numbered after its key (pure): `事项（一）：…`, `问题(2)：…`, `需求3：…`,
//! `整改项三：…` — the number, bare or in brackets, is no part of the key.

/// Chinese numerals a writer numbers labels with.
const NUMERALS: &str = "一二三四五六七八九十";

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || NUMERALS.contains(c)
}

/// The label without its number: `督办事项（一）` → `督办事项`, `需求3` → `需求`.
pub(super) fn bare(label: &str) -> &str {
    let l = label.trim_end_matches(is_numeral);
    if let Some(inner) = l.strip_suffix(['）', ')'])
        && let Some((head, num)) = inner.rsplit_once(['（', '('])
        && !num.is_empty()
        && num.chars().all(is_numeral)
    {
        return head.trim_end();
    }
    l
}

/// What follows a key once its number is passed: `（一）：…` → `：…`, `3：…` → `：…`.
pub(super) fn skip(rest: &str) -> &str {
    let r = rest.trim_start_matches(is_numeral);
    if let Some(inner) = r.strip_prefix(['（', '('])
        && let Some((num, after)) = inner.split_once(['）', ')'])
        && !num.is_empty()
        && num.chars().all(is_numeral)
    {
        return after;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::{bare, skip};

    #[test]
    fn a_number_in_brackets_is_no_part_of_the_key() {
        assert_eq!(bare("督办事项（一）"), "督办事项");
        assert_eq!(bare("问题(12)"), "问题");
        assert_eq!(bare("需求3"), "需求");
        assert_eq!(bare("备注（内部）"), "备注（内部）");
        assert_eq!(skip("（二）：完善口径"), "：完善口径");
        assert_eq!(skip("2：完善口径"), "：完善口径");
        assert_eq!(skip("（说明）：x"), "（说明）：x");
    }
}
