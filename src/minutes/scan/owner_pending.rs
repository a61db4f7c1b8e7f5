//! An aside saying the owner is still to name (pure): `…准备金测算（负责人待定）`,
//! `（责任人：待定）`, `(owner TBD)`. The label in it is a noun, not the verb `负责` after a name:
//! the aside is read apart, so the words before it (`准备金测算`) are never taken for a person.

/// Labels that name the owner.
const OWNER_LABELS: &[&str] = &["负责人", "责任人", "牵头人", "承办人", "经办人", "owner"];
/// Words that put the choice off.
const PUT_OFF: &[&str] = &["待定", "未定", "另定", "待议", "待明确", "tbd", "TBD"];

/// `text` without its asides saying the owner is still to name, if it has one.
pub(super) fn without_pending_owner(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    let mut cut = false;
    while let Some(i) = rest.find(['（', '(']) {
        let open = rest
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
        let after = rest.get(i + open..).unwrap_or_default();
        let Some(j) = after.find(['）', ')']) else {
            break;
        };
        let inner = after.get(..j).unwrap_or_default().trim();
        let close = after
            .get(j..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
        let pending = OWNER_LABELS.iter().any(|l| {
            inner.strip_prefix(l).is_some_and(|r| {
                let r = r.trim_start_matches(['：', ':', ' ']);
                PUT_OFF.contains(&r)
            })
        });
        out.push_str(rest.get(..i).unwrap_or_default());
        if pending {
            cut = true;
        } else {
            out.push_str(rest.get(i..i + open + j + close).unwrap_or_default());
        }
        rest = after.get(j + close..).unwrap_or_default();
    }
    out.push_str(rest);
    cut.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::without_pending_owner;

    #[test]
    fn an_owner_still_to_name_is_read_apart() {
        assert_eq!(
            without_pending_owner("- 案件风险准备金测算（负责人待定）").as_deref(),
            Some("- 案件风险准备金测算")
        );
        assert_eq!(
            without_pending_owner("客户名单（VIP）复核（责任人：待定），周五前").as_deref(),
            Some("客户名单（VIP）复核，周五前")
        );
        assert!(without_pending_owner("名单复核（金涛负责）").is_none());
    }
}
