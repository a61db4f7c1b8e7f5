//! Work whose owner is written as still to name together with its date (pure):
//! `负责人和时间待定`, `责任人及完成时间另定`, `负责人、时限未定` — a clause that opens with the
//! owner's label and ends with a word that puts it off marks work someone is still to take, as
//! `负责人待定` does.

/// Labels that name the owner.
const OWNER_LABELS: &[&str] = &["负责人", "责任人", "牵头人", "承办人", "经办人"];
/// Words that put a choice off.
const PUT_OFF: &[&str] = &["待定", "未定", "另定", "待议", "待明确"];

/// Whether a clause of `raw` opens with an owner's label and ends with a word that puts it off.
pub(super) fn owner_still_to_name(raw: &str) -> bool {
    raw.split(['，', ',', '；', ';', '。', '（', '）', '(', ')'])
        .map(str::trim)
        .any(|c| {
            OWNER_LABELS.iter().any(|l| c.starts_with(l))
                && PUT_OFF.iter().any(|w| c.ends_with(w))
                && c.chars().count() <= 12
        })
}

#[cfg(test)]
mod tests {
    use super::owner_still_to_name;

    #[test]
    fn an_owner_and_a_date_still_to_name() {
        assert!(owner_still_to_name("→ 模板增加备注列，负责人和时间待定。"));
        assert!(owner_still_to_name("补录客户标签（责任人及完成时间另定）"));
        assert!(!owner_still_to_name("补录客户标签，时间待定。"));
        assert!(!owner_still_to_name("负责人：王敏，3月20日前"));
    }
}
