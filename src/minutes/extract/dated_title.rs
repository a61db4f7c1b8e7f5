//! A first line dated with the meeting's own day (pure): `沙龙筹备碰头（10月20日，蒋曼琳、戚宇航）`,
//! `预算口径复核（11月18日）` — the meeting's name, its date and who met, not a task due today.

use crate::minutes::scan::Ctx;

/// Whether `line` (the first of the minutes) is a short name with, in its closing brackets, a
/// plain date (no 前/截止/内) that falls on the day the minutes are about.
pub(super) fn is_dated_title(line: &str, ctx: &Ctx<'_>) -> bool {
    let Some(rest) = line.strip_suffix(['）', ')']) else {
        return false;
    };
    let Some((core, inside)) = rest.rsplit_once(['（', '(']) else {
        return false;
    };
    let core = core.trim();
    if core.is_empty()
        || core.chars().count() > 24
        || core.contains(['，', ',', '。', '；', ';', '：', ':', '！', '？', '!', '?'])
        || ["前", "截止", "内", "完成", "到期"]
            .iter()
            .any(|w| inside.contains(w))
    {
        return false;
    }
    let base = ctx.base.as_second();
    ctx.deadline_in(inside)
        .and_then(|(_, d)| d)
        .is_some_and(|d| !d.has_time && (d.at.as_second() - base).abs() < 24 * 3600)
}
