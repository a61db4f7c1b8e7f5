//! The OKR alignment picker (pure, issue 18): `/督办 对齐 DB-n` and `/项目 对齐 XM-n` answer
//! with the owner's OKRs for the current period, one button per objective and per key result.
//! Each button carries what it stands for (ids, positions and a snapshot of the text), the
//! record's key and its version, so a click on a picker drawn before the record changed is
//! refused like any stale card ([`crate::card::callback::drawn`]); see
//! [`crate::card::callback::okr`] for the value.

use serde_json::Value;

pub use crate::card::callback::okr::AlignTarget;
use crate::card::callback::okr::pick_value;
use crate::card::fmt::{card, header, hr, markdown, md_text, truncate};
use crate::card::widgets::button;
use crate::domain::ids::Person;
use crate::domain::okr::{Alignment, UserOkrs};

/// The picker for `target` (at `version`, titled `title`) over `owner`'s `okrs`; `current`
/// is the alignment it has now, if any.
pub fn align_picker(
    target: AlignTarget,
    version: u64,
    title: &str,
    owner: &Person,
    okrs: &UserOkrs,
    current: Option<&Alignment>,
) -> Value {
    let id = match target {
        AlignTarget::Item(i) => i.to_string(),
        AlignTarget::Project(p) => p.to_string(),
    };
    let hdr = header(
        &format!("对齐 OKR：{id} {}", truncate(title, 40)),
        "indigo",
        Some(&format!("{} · {}", owner.name, okrs.period)),
        &[],
    );
    let mut elements = Vec::new();
    let now = current.map_or_else(
        || "还没有对齐。".to_owned(),
        |a| format!("现在对齐：{}", md_text(&a.summary(), 120)),
    );
    elements.push(markdown(&format!(
        "{now}\n请选择 {} 本周期的一个目标（O）或关键结果（KR）：",
        md_text(&owner.name, 20)
    )));
    for (o, obj) in okrs.objectives.iter().enumerate() {
        elements.push(hr());
        elements.push(markdown(&format!(
            "**O{}** {}",
            o + 1,
            md_text(&obj.content, 200)
        )));
        let Some(a) = Alignment::pick(okrs, owner, o, None) else {
            continue;
        };
        let mut row = vec![button(
            &format!("align_o{}", o + 1),
            &format!("对齐到 O{}", o + 1),
            "primary",
            pick_value(target, version, &a),
        )];
        for (k, kr) in obj.krs.iter().enumerate() {
            elements.push(markdown(&format!("　KR{} {}", k + 1, md_text(&kr.content, 200))));
            if let Some(a) = Alignment::pick(okrs, owner, o, Some(k)) {
                row.push(button(
                    &format!("align_o{}_kr{}", o + 1, k + 1),
                    &format!("KR{}", k + 1),
                    "default",
                    pick_value(target, version, &a),
                ));
            }
        }
        elements.push(crate::card::widgets::button_row(row));
    }
    card(hdr, elements, &format!("对齐 OKR：{id}"))
}

/// The receipt shown in place of the picker once a choice is stored.
pub fn aligned_card(what: &str, a: &Alignment) -> Value {
    let hdr = header(&truncate(what, 60), "green", None, &[("已对齐", "green")]);
    let text = format!(
        "已对齐到 {} 的 OKR（{}）：\n**{}** {}",
        md_text(&a.okr_owner.name, 20),
        md_text(&a.period, 40),
        a.label(),
        md_text(a.text(), 200)
    );
    card(hdr, vec![markdown(&text)], what)
}
