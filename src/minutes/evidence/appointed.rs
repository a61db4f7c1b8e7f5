//! Someone given a role, not a piece of work (pure): `清算小组已成立，由某某任组长`,
//! `某某担任联络人`, `由某某出任召集人` — a clause that says who holds a post (a role noun after
//! `任`/`担任`/`出任`) records how the work is organised; with no request and no `…前` in the
//! line, it gives no one a task.

/// Role nouns' endings (`组长`, `联络人`, `秘书`, `主任`, `负责人`, `总指挥`).
const ROLE_ENDS: &[&str] = &["长", "人", "员", "秘书", "主任", "指挥", "官", "委员"];

/// Whether some clause of `lower` ends with an appointment (`任组长`), and the line asks for
/// nothing.
pub(super) fn only_appoints(lower: &str) -> bool {
    // A limit (`3月5日前`, `月底前`), not `提前` (`提前终止`).
    let asks = [
        "请", "需", "须", "要", "负责", "牵头", "日前", "号前", "底前", "末前", "之前", "尽快", "落实",
        "完成",
    ]
    .iter()
    .any(|w| lower.contains(w));
    !asks
        && lower
            .split(['，', ',', '。', '；', ';'])
            .map(str::trim)
            .any(|clause| {
                ["担任", "出任", "任"].iter().any(|verb| {
                    clause.rsplit_once(verb).is_some_and(|(who, role)| {
                        let n = role.chars().count();
                        !who.is_empty() && (2..=5).contains(&n) && ROLE_ENDS.iter().any(|e| role.ends_with(e))
                    })
                })
            })
}

#[cfg(test)]
mod tests {
    use super::only_appoints;

    #[test]
    fn a_post_given_is_no_task() {
        assert!(only_appoints("工作专班已组建，由某某任组长。"));
        assert!(only_appoints("某某担任联络人"));
        assert!(!only_appoints("请某某任组长，3月5日前拿出方案"));
        assert!(!only_appoints("某某负责整理责任人清单"));
        assert!(only_appoints(
            "计划于5月3日触发提前终止，专班已成立，由某某任组长。"
        ));
        assert!(!only_appoints("由某某任组长，5月3日前拿出方案。"));
    }
}
