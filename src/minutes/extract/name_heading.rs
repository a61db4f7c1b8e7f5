//! A numbered heading that is only a person's name (`一、阮志坚`, `（二）宁思雨`) over a list
//! (pure): the person's own tasks follow, as under `柏青：` alone.

use crate::minutes::layout::{Marker, strip_marker};
use crate::minutes::owner::OwnerRef;
use crate::minutes::scan::Ctx;

const ORDINALS: &str = "一二三四五六七八九十";

/// The name of `一、X` or `（一）X` (bold and a colon allowed), or nothing.
fn numbered_name(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = if let Some((n, rest)) = line.split_once('、') {
        (!n.is_empty() && n.chars().all(|c| ORDINALS.contains(c))).then_some(rest)?
    } else {
        let (n, rest) = line.strip_prefix(['（', '('])?.split_once(['）', ')'])?;
        (!n.is_empty() && n.chars().all(|c| ORDINALS.contains(c))).then_some(rest)?
    };
    Some(rest.trim().trim_matches('*').trim_end_matches(['：', ':']).trim())
}

/// The people of a numbered heading naming only them over a marked or indented list, and
/// whether that list is at the heading's own indent.
pub(super) fn name_heading_over(line: &str, rest: &[String], ctx: &Ctx<'_>) -> Option<(Vec<OwnerRef>, bool)> {
    let name = numbered_name(line)?;
    if !(2..=12).contains(&name.chars().count()) {
        return None;
    }
    let people = ctx.names_if_all(name)?;
    let next = rest.iter().find(|l| !l.trim().is_empty())?;
    let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let indented = indent(next) > indent(line);
    let marked = strip_marker(next.trim()).0 == Marker::List;
    (marked || indented).then_some((people, !indented))
}

/// `▌会务组（组长：某某）`, `【后勤组】（牵头：某某）` over a list: a group of the preparations with
/// its leader; a line under it naming no one is the leader's (see `name_heading_over`).
pub(super) fn leader_heading_over(
    line: &str,
    rest: &[String],
    ctx: &Ctx<'_>,
) -> Option<(Vec<OwnerRef>, bool)> {
    let t = line
        .trim()
        .trim_start_matches(['▌', '▍', '■', '□', '◆', '◇', '●', '○', '★', '☆', '#', '*', ' '])
        .trim_end_matches(['*', '：', ':'])
        .trim();
    let (topic, aside) = t.strip_suffix(['）', ')'])?.rsplit_once(['（', '('])?;
    let topic = topic.trim().trim_start_matches('【').replace('】', "");
    let (key, who) = aside.split_once(['：', ':'])?;
    if !["组长", "牵头", "牵头人", "负责人", "负责"].contains(&key.trim())
        || !(2..=10).contains(&topic.chars().count())
        || topic.contains(['，', ',', '。', '；'])
        // A group, a team or a section of the work (`会务组`, `宣传小组`, `后勤保障`).
        || !topic.ends_with(['组', '队', '班'])
    {
        return None;
    }
    let people = ctx.names_if_all(who.trim())?;
    let next = rest.iter().find(|l| !l.trim().is_empty())?;
    let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let indented = indent(next) > indent(line);
    let marked = strip_marker(next.trim()).0 == Marker::List;
    (marked || indented).then_some((people, !indented))
}

/// Whether every person named in `body` is named as a helper (`（甘雨欣配合）`, `宁思雨协助`):
/// under a person's heading the work stays that person's, the helpers second.
pub(super) fn helpers_only(body: &str, named: &[OwnerRef]) -> bool {
    !named.is_empty()
        && named.iter().all(|p| {
            let name = p.name();
            !name.is_empty()
                && body.match_indices(name).all(|(at, _)| {
                    let after = body.get(at + name.len()..).unwrap_or_default();
                    ["配合", "协助", "协办"]
                        .iter()
                        .any(|w| after.trim_start().starts_with(w))
                })
        })
}

/// Whether every person named in `body` is only the company of the work (`和某某一起把…算出来`,
/// `跟某某、某某一起整理`): under a person's heading the work is still that person's, with
/// them second.
pub(super) fn companions_only(body: &str, named: &[OwnerRef]) -> bool {
    !named.is_empty()
        && named.iter().all(|p| {
            let name = p.name();
            !name.is_empty()
                && body.match_indices(name).all(|(at, _)| {
                    let before = body.get(..at).unwrap_or_default();
                    let after = body.get(at + name.len()..).unwrap_or_default();
                    let names_after = after.trim_start_matches(|c: char| {
                        c == '、' || c == '和' || named.iter().any(|o| o.name().starts_with(c))
                    });
                    (["和", "跟", "与", "同", "、"].iter().any(|w| before.ends_with(w)))
                        && ["一起", "共同"].iter().any(|w| names_after.starts_with(w))
                })
        })
}
