//! The OKR picker's buttons (pure, issue 18): `o_align` (an item, keyed `item`) and `p_align`
//! (a project, keyed `project`, so the project's version check applies), each with the
//! record's version `v` and the chosen objective or key result: `okr`, `period`, `oid`, `ono`,
//! `otext`, and for a key result `kid`, `kno`, `ktext`; the OKR's owner as `owner`, `oname`.

use serde_json::{Value, json};

use super::CallbackError;
use crate::domain::ids::{ItemId, OpenId, Person, ProjectId};
use crate::domain::okr::{AlignedKr, Alignment};

/// The op of an item's picker button.
pub const ALIGN_ITEM: &str = "o_align";
/// The op of a project's picker button.
pub const ALIGN_PROJECT: &str = "p_align";
/// The ops this module reads.
pub const OPS: &[&str] = &[ALIGN_ITEM, ALIGN_PROJECT];

/// What is being aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlignTarget {
    /// A 督办 item.
    Item(ItemId),
    /// A project.
    Project(ProjectId),
}

/// A picker click: what to align, and with what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignPick {
    /// The item or project.
    pub target: AlignTarget,
    /// The choice.
    pub alignment: Alignment,
}

/// The value of a picker button.
pub fn pick_value(target: AlignTarget, version: u64, a: &Alignment) -> Value {
    let mut v = json!({
        "okr": a.okr_id, "period": a.period, "oid": a.objective_id, "ono": a.objective_no,
        "otext": a.objective, "owner": a.okr_owner.open_id.0, "oname": a.okr_owner.name, "v": version,
    });
    if let Some(obj) = v.as_object_mut() {
        match target {
            AlignTarget::Item(i) => {
                obj.insert("op".to_owned(), json!(ALIGN_ITEM));
                obj.insert("item".to_owned(), json!(i.0));
            }
            AlignTarget::Project(p) => {
                obj.insert("op".to_owned(), json!(ALIGN_PROJECT));
                obj.insert("project".to_owned(), json!(p.0));
            }
        }
        if let Some(kr) = &a.kr {
            obj.insert("kid".to_owned(), json!(kr.id));
            obj.insert("kno".to_owned(), json!(kr.no));
            obj.insert("ktext".to_owned(), json!(kr.content));
        }
    }
    v
}

/// Reads a picker click.
///
/// # Errors
/// [`CallbackError::Malformed`] when a part is missing.
pub fn parse(op: &str, value: &Value) -> Result<AlignPick, CallbackError> {
    let s = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_owned);
    let n = |k: &str| {
        value
            .get(k)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let target = match op {
        ALIGN_ITEM => AlignTarget::Item(ItemId(
            value
                .get("item")
                .and_then(Value::as_u64)
                .ok_or(CallbackError::Malformed)?,
        )),
        _ => AlignTarget::Project(ProjectId(
            value
                .get("project")
                .and_then(Value::as_u64)
                .ok_or(CallbackError::Malformed)?,
        )),
    };
    let kr = match (s("kid"), n("kno")) {
        (Some(id), Some(no)) => Some(AlignedKr {
            id,
            no,
            content: s("ktext").unwrap_or_default(),
        }),
        _ => None,
    };
    let (Some(okr_id), Some(objective_id), Some(objective_no), Some(owner)) =
        (s("okr"), s("oid"), n("ono"), s("owner"))
    else {
        return Err(CallbackError::Malformed);
    };
    Ok(AlignPick {
        target,
        alignment: Alignment {
            okr_id,
            period: s("period").unwrap_or_default(),
            objective_id,
            objective_no,
            objective: s("otext").unwrap_or_default(),
            kr,
            okr_owner: Person {
                open_id: OpenId(owner),
                name: s("oname").unwrap_or_default(),
            },
        },
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::card::callback::drawn::{Target, drawn_for};
    use crate::domain::okr::{KeyResult, Objective, UserOkrs};

    #[test]
    fn a_pick_round_trips_and_names_its_record_and_version() {
        let okrs = UserOkrs {
            okr_id: "okr1".to_owned(),
            period: "Q4".to_owned(),
            objectives: vec![Objective {
                id: "o1".to_owned(),
                content: "O".to_owned(),
                krs: vec![KeyResult {
                    id: "k1".to_owned(),
                    content: "K".to_owned(),
                }],
            }],
        };
        let owner = Person {
            open_id: OpenId("ou_z".to_owned()),
            name: "张三".to_owned(),
        };
        let a = Alignment::pick(&okrs, &owner, 0, Some(0)).unwrap();
        for target in [AlignTarget::Item(ItemId(4)), AlignTarget::Project(ProjectId(2))] {
            let v = pick_value(target, 7, &a);
            let op = v["op"].as_str().unwrap().to_owned();
            let pick = parse(&op, &v).unwrap();
            assert_eq!(
                pick,
                AlignPick {
                    target,
                    alignment: a.clone()
                }
            );
            let d = drawn_for(&v).unwrap();
            let expected = match target {
                AlignTarget::Item(i) => Target::Item(i),
                AlignTarget::Project(p) => Target::Project(p),
            };
            assert_eq!((d.target, d.version), (expected, Some(7)));
        }
    }
}
