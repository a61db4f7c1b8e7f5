//! A speaker's label with their role (pure): `某某（总监）：…`, `某某(PM): …`, `某某【主持】：…` —
//! the role in brackets says who they are, not what they say; the label is read as `某某：…`, as
//! a transcript's plain labels are, so the work they hand out goes to whom they address.

/// `某某（总监）：…` → `某某：…` when `某某` is a person (`is_name`) and the bracketed part is a
/// short role (no digits, so no clock time, no colon, so no field).
fn unrole(line: &str, is_name: &impl Fn(&str) -> bool) -> Option<String> {
    let lead = &line[..line.len() - line.trim_start().len()];
    let body = line.trim_start();
    let (name, rest) = body.split_once(['（', '(', '【', '['])?;
    let (role, after) = rest.split_once(['）', ')', '】', ']'])?;
    let said = after.strip_prefix(['：', ':'])?;
    let n = role.chars().count();
    let role_like = (1..=8).contains(&n)
        && !role.chars().any(|c| c.is_ascii_digit() || "：:，,、".contains(c))
        && !is_name(role.trim());
    (is_name(name.trim()) && role_like && !said.trim().is_empty())
        .then(|| format!("{lead}{}：{said}", name.trim()))
}

/// Rewrites every `某某（role）：…` label in `lines` when at least two lines are labelled so (a
/// transcript's turns, not one aside).
pub(super) fn drop_speaker_roles(lines: &mut [String], is_name: impl Fn(&str) -> bool) {
    super::repeated::rewrite_if_repeated(lines, |l| unrole(l, &is_name));
}
