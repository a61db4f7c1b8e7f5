//! Lines that head the list below them (pure): a person alone over their tasks (`柏青：`), and
//! a short topic over sub-items that name their own owners or dates.

use crate::minutes::layout::{Marker, strip_marker};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::{Ctx, OwnerHow};

/// `1. 尽职调查（牵头：欧阳靖）` over `  1.1 财务尽调：骆嘉禾，4月17日前出初稿`: a short undated
/// topic over an indented sub-list whose first item names its own owner or date heads that
/// sub-list; the work is in the sub-items.
pub(super) fn topic_over_own_tasks(
    line: &str,
    marker: Marker,
    body: &str,
    rest: &[String],
    ctx: &Ctx<'_>,
) -> bool {
    let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let topic = body
        .strip_suffix(['）', ')'])
        .and_then(|r| r.rsplit_once(['（', '(']))
        .map_or(body, |(t, _)| t)
        .trim();
    if marker != Marker::List
        || topic.chars().count() > 12
        || topic.contains(['，', ',', '：', ':', '。'])
        || ctx.scan(body).deadline_text.is_some()
    {
        return false;
    }
    rest.iter().find(|l| !l.trim().is_empty()).is_some_and(|next| {
        let (m, child) = strip_marker(next.trim());
        let sc = ctx.scan(child);
        indent(next) > indent(line)
            && m == Marker::List
            // `  - 负责人：卓慧` is the line's own field, not a task under a topic.
            && !crate::minutes::layout::starts_with_key(child)
            && (sc.deadline.is_some() || sc.how != OwnerHow::None)
    })
}

/// The people of `柏青：` alone over their tasks, and whether those tasks are a list at the
/// line's own indent (`诸葛宁：` over `1. …`) rather than indented under it.
///
/// A name alone without its colon heads a list only under an action heading (`【按人分工】`):
/// elsewhere (`周会` then `孟冬` over a list) it heads nothing.
pub(super) fn owner_over(
    line: &str,
    rest: &[String],
    ctx: &Ctx<'_>,
    in_action: bool,
) -> Option<(Vec<OwnerRef>, bool)> {
    let next = rest.iter().find(|l| !l.trim().is_empty())?;
    // `贺某` alone over `- 昨天：…`, `- 今天：…`: a stand-up's person, with no colon.
    let standup = super::standup::part(strip_marker(next.trim()).1).is_some();
    // `【娄某】` over `本周：…` / `下周：…`: the name in lenticular brackets is the name alone.
    let names = line.trim();
    let names = names
        .strip_prefix('【')
        .and_then(|n| n.strip_suffix('】'))
        .map_or(names, str::trim);
    // `苟丽` alone, no colon, over `- 协会系统信息更新，下周一前`: a bare name over a bulleted
    // list heads that person's tasks too (the line itself carries no marker).
    let bare_over_list =
        in_action && strip_marker(names).0 == Marker::None && strip_marker(next.trim()).0 == Marker::List;
    let names = match names.strip_suffix(['：', ':']) {
        Some(n) => n.trim(),
        None if standup || bare_over_list => names,
        None => return None,
    };
    // `聂文华（新任临平营业部负责人）：`: the person's role in brackets after the name.
    let names = names
        .strip_suffix(['）', ')'])
        .and_then(|n| n.split_once(['（', '(']))
        .map_or(names, |(n, _)| n.trim());
    let people = ctx
        .names_if_all(names)
        .filter(|_| (2..=12).contains(&names.chars().count()))?;
    let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let indented = indent(next) > indent(line);
    let marked = strip_marker(next.trim()).0 != Marker::None;
    // `屈某` alone over `本周：…` / `下周：…` with no marks: the labels make it a list.
    (indented || marked || standup).then_some((people, !indented))
}

/// Whether the next line below a bulleted name (`▶ 甘露`) is a list item at the same indent
/// under another bullet (`· 补丁评估报告，周五前`): the other glyph makes it the name's own
/// sub-list though nothing is indented (the same glyph is a list of peers).
pub(super) fn other_bullet_below(line: &str, rest: &[String]) -> bool {
    let Some(next) = rest.iter().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let glyph = |l: &str| l.trim().chars().next();
    let (marker, body) = strip_marker(next.trim());
    indent(next) == indent(line)
        && marker == Marker::List
        && glyph(next) != glyph(line)
        && !glyph(next).is_some_and(|c| c.is_ascii_digit())
        && !body.is_empty()
}

/// `（一）战略发展部` over `1. 邵华负责…`: a numbered unit's name alone heads the unit's tasks
/// listed below it; it is no task itself.
pub(super) fn unit_over_list(marker: Marker, body: &str, next_line: Option<&str>) -> bool {
    let name = body.trim().trim_end_matches(['：', ':']);
    marker == Marker::List
        && (3..=10).contains(&name.chars().count())
        && name.chars().all(crate::minutes::scan::is_cjk)
        && (name.ends_with(crate::minutes::scan::DEPARTMENT_ENDS) || name.ends_with("部门"))
        && next_line.is_some_and(|l| strip_marker(l).0 != Marker::None)
}
