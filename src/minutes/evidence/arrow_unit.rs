//! `→ 旧服务器下线申请，IT部负责，月底前。`, `→ 面谈，由各营业部负责人组织，7月17日前完成。` (pure):
//! a follow-up after an arrow given to a unit — a department, team, or the holders of a post —
//! rather than a person. It is work all the same (the unit becomes the item's units, its owners
//! stay empty), as a follow-up given to someone named is.

use crate::minutes::scan::is_unit_name;

/// Verbs that close `<unit>负责`, `由<unit>组织`.
/// `（运营部汇总）`, `由合规部把关`: a unit that gathers or oversees the work holds it too.
const OWNS: &[&str] = &[
    "负责", "牵头", "组织", "跟进", "落实", "承办", "办理", "推进", "汇总", "统筹", "收集", "督办", "把关",
    "审核",
];

/// The unit a clause of `raw` gives the work to, `[由]<unit><verb>` (`IT部负责` → `IT部`,
/// `由各营业部负责人组织` → `各营业部负责人`).
pub(crate) fn unit_given(raw: &str) -> Option<&str> {
    raw.split(['，', ',', '。', '；', ';', '（', '）', '(', ')'])
        .map(|c| c.trim().trim_start_matches(['→', ' ']).trim())
        .find_map(|c| {
            let c = c.strip_prefix('由').unwrap_or(c);
            OWNS.iter()
                .find_map(|v| c.strip_suffix(v).map(str::trim).filter(|u| is_unit_name(u)))
                .or_else(|| by_unit(c))
        })
}

/// `轮值表由秘书组排定`, `由综合岗编制`: after `由`, a unit and the short verb it does the work
/// with (`排定`, `编制`, `发布`) — the work named before `由` or in another clause.
fn by_unit(clause: &str) -> Option<&str> {
    let (_, after) = clause.split_once('由')?;
    let after = after.trim();
    after
        .char_indices()
        .skip(2)
        .map(|(i, _)| (&after[..i], &after[i..]))
        .filter(|(_, verb)| {
            (1..=3).contains(&verb.chars().count()) && verb.chars().all(crate::minutes::scan::is_cjk)
        })
        .find(|(unit, _)| is_unit_name(unit))
        .map(|(unit, _)| unit)
}

/// Whether a clause of `raw` is `[由]<unit><verb>` (`IT部负责`, `由各营业部负责人组织`).
pub(super) fn given_to_a_unit(raw: &str) -> bool {
    unit_given(raw).is_some()
}

#[cfg(test)]
mod tests {
    use super::given_to_a_unit;

    #[test]
    fn a_unit_given_the_work() {
        assert!(given_to_a_unit("→ 旧机房设备清点，运维部负责，下周五前。"));
        assert!(given_to_a_unit(
            "→ 客户回访，由各分公司负责人组织，5月8日前完成。"
        ));
        assert!(given_to_a_unit("→ 数据核对（由清算组跟进），月底前"));
        assert!(given_to_a_unit(
            "→ 各分公司报表报送总部，5月8日前（财务部汇总）。"
        ));
        assert!(!given_to_a_unit("→ 旧机房设备清点，下周五前。"));
        assert_eq!(
            super::unit_given("→ 节后值班表由综合管理岗排定，节后第一个工作日发布"),
            Some("综合管理岗")
        );
        assert!(!given_to_a_unit("→ 值班表由张伟排定，周五前。"));
        assert!(!given_to_a_unit("→ 旧机房设备清点，张伟负责，下周五前。"));
        assert_eq!(
            super::unit_given("→ 客户回访，由各分公司负责人组织，5月8日前完成。"),
            Some("各分公司负责人")
        );
    }
}
