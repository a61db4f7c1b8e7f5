//! The unit list card (`/督办 单位 列表`): every registered unit, grouped by 片区 (regions in
//! the registry's order, then units without one) and, inside, by kind; each with its group, its
//! heads and where it was declared (配置文件, or bound in its group by an admin).

use std::collections::HashMap;

use jiff::Timestamp;
use serde_json::Value;

use crate::card::fmt::{card, day, header, hr, markdown, md_text, note};
use crate::domain::ids::{OpenId, Person};
use crate::domain::unit::{Origin, Unit, UnitKind, UnitRegistry};

/// Units listed before "另有N个单位" (a group per region and kind, 67 units fit).
pub(super) const MAX_UNITS: usize = 120;

/// The unit list at `now`. `names`: the heads' names where known (a head not in it is shown
/// as a mention, which Feishu renders with the person's name).
pub fn unit_list_card(reg: &UnitRegistry, names: &HashMap<OpenId, String>, now: Timestamp) -> Value {
    let title = "督办单位列表";
    let units = reg.all();
    let bound = units.iter().filter(|u| u.origin != Origin::Config).count();
    let mut tags: Vec<(String, &str)> = vec![(format!("共{}个单位", units.len()), "blue")];
    if !reg.regions().is_empty() {
        tags.push((format!("{}个片区", reg.regions().len()), "blue"));
    }
    if bound > 0 {
        tags.push((format!("群内绑定{bound}个"), "violet"));
    }
    let tag_refs: Vec<(&str, &str)> = tags.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let hdr = header(title, "blue", Some("按片区和类别分组"), &tag_refs);

    if units.is_empty() {
        return card(
            hdr,
            vec![markdown(
                "还没有登记任何单位。\n管理员可以在配置文件的 `[[units]]` 中登记，或在单位的群里发送：\n`/督办 绑定单位 杭州营业部 营业部 华东片区 @负责人`",
            )],
            title,
        );
    }
    let mut elements = Vec::new();
    let mut shown = 0;
    for (region, members) in grouped(reg) {
        let mut lines = vec![format!(
            "**{}**（{}个单位）",
            md_text(&region, 30),
            members.iter().map(|(_, v)| v.len()).sum::<usize>()
        )];
        for (kind, us) in members {
            lines.push(format!("{}：", kind.label()));
            for u in us {
                if shown < MAX_UNITS {
                    lines.push(line(u, names, now));
                }
                shown += 1;
            }
        }
        elements.push(markdown(&lines.join("\n")));
    }
    if shown > MAX_UNITS {
        elements.push(markdown(&format!("另有{}个单位未列出…", shown - MAX_UNITS)));
    }
    elements.push(hr());
    elements.push(note(
        "在单位的群里发送 `/督办 绑定单位 杭州营业部 营业部 华东片区 @负责人` 绑定，\
         `/督办 单位 解绑 杭州营业部` 解绑；配置文件中登记的单位请修改配置文件。",
    ));
    card(hdr, elements, title)
}

/// A kind and its units.
pub(crate) type KindGroup<'a> = (UnitKind, Vec<&'a Unit>);

/// Regions in the registry's order (then 未分片区), each with its kinds in
/// [`UnitKind`] order and the units in registry order. Empty groups are left out.
pub(crate) fn grouped(reg: &UnitRegistry) -> Vec<(String, Vec<KindGroup<'_>>)> {
    let regions: Vec<Option<&str>> = reg
        .regions()
        .iter()
        .map(|r| Some(r.as_str()))
        .chain(std::iter::once(None))
        .collect();
    let mut out = Vec::new();
    for region in regions {
        let in_region: Vec<&Unit> = reg
            .all()
            .iter()
            .filter(|u| match region {
                Some(r) => u.region.as_deref() == Some(r),
                // Units without a region, or with one no longer in the list.
                None => u
                    .region
                    .as_deref()
                    .is_none_or(|r| !reg.regions().iter().any(|k| k == r)),
            })
            .collect();
        if in_region.is_empty() {
            continue;
        }
        let kinds: Vec<(UnitKind, Vec<&Unit>)> = reg
            .kinds()
            .into_iter()
            .map(|k| {
                (
                    k.clone(),
                    in_region
                        .iter()
                        .copied()
                        .filter(|u| u.kind == *k)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        out.push((region.unwrap_or("未分片区").to_owned(), kinds));
    }
    out
}

fn line(u: &Unit, names: &HashMap<OpenId, String>, now: Timestamp) -> String {
    let heads: Vec<String> = u
        .heads
        .iter()
        .map(|h| match names.get(h) {
            Some(n) if !n.is_empty() => md_text(n, 20),
            _ => crate::card::fmt::at(&Person {
                open_id: h.clone(),
                name: String::new(),
            }),
        })
        .collect();
    let heads = if heads.is_empty() {
        "负责人未登记".to_owned()
    } else {
        format!("负责人 {}", heads.join("、"))
    };
    let origin = match &u.origin {
        Origin::Config => "配置文件".to_owned(),
        Origin::Chat { by, at } => {
            let who = if by.name.is_empty() {
                String::new()
            } else {
                format!("{} ", md_text(&by.name, 20))
            };
            format!("群内绑定（{who}{}）", day(*at, now))
        }
    };
    format!(
        "· **{}** · [单位群](https://applink.feishu.cn/client/chat/open?openChatId={}) · {heads} · {origin}",
        md_text(&u.name, 30),
        u.chat_id
    )
}
