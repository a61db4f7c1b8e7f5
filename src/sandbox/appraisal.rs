//! What the sandbox seeds for the 考评 pack (issue 18), where the configuration names none: a
//! short example 标杆 / 负面 catalogue (not the firm's list), 赵督办 as the leader of 张三, 李四
//! and 王五, the Performance push switched on against the fake's review cycle, and two records
//! about 张三 so `/督办 考评 本季度` has something to show.

use crate::config::{AppraisalSettings, Settings};
use crate::domain::appraisal::{Behaviour, BehaviourKind, BehaviourRecord, LeaderRule, RecordId};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{OpenId, Person};
use crate::store::outbox::Changes;
use crate::store::{Store, StoreError};

use super::seed;

/// The fake Performance review cycle the sandbox pushes into.
pub const SEMESTER: &str = "sandbox_semester_2026";

/// The example catalogue: three 标杆, three 负面.
pub fn example_catalogue() -> Vec<Behaviour> {
    let b = |code: &str, kind, name: &str, points| Behaviour {
        code: code.to_owned(),
        kind,
        name: name.to_owned(),
        points,
    };
    vec![
        b("B01", BehaviourKind::Commend, "按时高质量完成重点任务", 2.0),
        b("B02", BehaviourKind::Commend, "主动承担急难险重任务", 3.0),
        b("B03", BehaviourKind::Commend, "提出并落地流程改进", 2.0),
        b("N01", BehaviourKind::Fault, "未按时报送且未说明", 2.0),
        b("N02", BehaviourKind::Fault, "重要事项未及时上报", 3.0),
        b("N03", BehaviourKind::Fault, "同类问题重复发生", 1.0),
    ]
}

/// Fills `[appraisal]`, `[[behaviours]]` and `[performance]` where the configuration left
/// them empty.
pub(super) fn seed_settings(settings: &mut Settings) {
    let a: &mut AppraisalSettings = &mut settings.appraisal;
    if a.catalogue.0.is_empty() {
        a.catalogue.0 = example_catalogue();
    }
    if a.appraisal.leaders.is_empty() {
        a.appraisal.leaders = [seed::ZHANG, seed::LI, seed::WANG]
            .iter()
            .map(|p| LeaderRule {
                person: p.open_id.to_owned(),
                leaders: vec![seed::BOSS.open_id.to_owned()],
            })
            .collect();
    }
    if !a.performance.push && a.performance.semester_id.is_empty() {
        a.performance.push = true;
        a.performance.semester_id = SEMESTER.to_owned();
    }
}

/// Two records about 张三 by 赵督办 (once: nothing when records exist).
///
/// # Errors
/// sled errors.
pub(super) fn seed_records(store: &Store, now: jiff::Timestamp) -> Result<(), StoreError> {
    if store.behaviour_record(RecordId(1))?.is_some() {
        return Ok(());
    }
    let person = |p: &seed::SeedPerson| Person {
        open_id: OpenId(p.open_id.to_owned()),
        name: p.name.to_owned(),
    };
    let catalogue = example_catalogue();
    let mut ch = Changes::new();
    for (n, (code, note)) in [
        ("B02", "周末连夜处置交易系统故障"),
        ("N01", "月度合规报表迟交两天，未提前说明"),
    ]
    .into_iter()
    .enumerate()
    {
        let Some(b) = catalogue.iter().find(|b| b.code == code) else {
            continue;
        };
        let at = now
            .checked_sub(jiff::SignedDuration::from_hours(
                24 * (2 - i64::try_from(n).unwrap_or(0)),
            ))
            .unwrap_or(now);
        let r = BehaviourRecord {
            id: RecordId(u64::try_from(n).unwrap_or(0) + 1),
            subject: person(&seed::ZHANG),
            recorder: person(&seed::BOSS),
            kind: b.kind,
            code: b.code.clone(),
            name: b.name.clone(),
            points: b.points,
            item: None,
            note: Some(note.to_owned()),
            at,
            comments: Vec::new(),
            audit: vec![AuditRecord {
                at,
                actor: person(&seed::BOSS),
                action: "behaviour_record".to_owned(),
                source: Source::System,
                changes: vec![Change::new("behaviour", "", format!("{} {}", b.code, b.name))],
                note: Some(note.to_owned()),
            }],
        };
        ch.put_new_behaviour_record(store, &r)?;
        store.commit(&ch)?;
        ch = Changes::new();
    }
    Ok(())
}
