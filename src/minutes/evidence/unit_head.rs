//! A unit's head named in its brackets (pure): `被检查单位：某某营业部（负责人某某）`, `某某营业部
//! （受帮扶方，负责人某某）` — who runs the unit, written to say which unit, not work given.

/// Endings of a unit's name.
const UNIT_ENDS: &[&str] = &["营业部", "分公司", "子公司", "公司", "支行", "分行", "中心", "部"];

/// Whether every `负责人` in `raw` stands in brackets right after a unit's name.
pub(super) fn only_a_units_head(raw: &str) -> bool {
    let mut seen = false;
    for (at, _) in raw.match_indices("负责人") {
        let before = raw.get(..at).unwrap_or_default();
        let Some(open) = before.rfind(['（', '(']) else {
            return false;
        };
        let inside = before.get(open..).unwrap_or_default();
        if inside.contains(['）', ')']) {
            return false;
        }
        let head = before.get(..open).unwrap_or_default().trim_end();
        if !UNIT_ENDS.iter().any(|u| head.ends_with(u)) {
            return false;
        }
        seen = true;
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::only_a_units_head;

    #[test]
    fn a_units_head_in_its_brackets() {
        assert!(only_a_units_head("被检查单位：城东营业部（负责人龙飞）"));
        assert!(only_a_units_head(
            "结对双方：甲营业部 — 乙营业部（受帮扶方，负责人龙飞）"
        ));
        assert!(!only_a_units_head("整改方案（负责人龙飞）3月20日前提交"));
        assert!(!only_a_units_head("城东营业部负责人龙飞牵头整改"));
    }
}
