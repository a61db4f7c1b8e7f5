//! The 考评 pack of one person over a period: figures by item class, each with the items
//! behind it, the aligned OKRs with their items, and the behaviour records.
//!
//! What counts (the person as 主办; the period `[start, end)` in Asia/Shanghai):
//! - 交办: items created in the period;
//! - 完成: items accepted (验收通过) in the period; 按时: of those, closed by their deadline
//!   (approved extensions count, as in 统计); 平均延误: working days late averaged over the
//!   completed items (on-time ones count 0);
//! - 申请延期 / 批准延期: the requests and approvals made in the period (from the audit);
//! - 被催办: manual 催办 in the period plus the overdue chases of the items active in it
//!   (as 统计 counts them);
//! - 下达响应: 下达 items (a batch's child) submitted or completed in the period;
//! - 急难险重: 突发 items of priority P0 completed in the period.

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;

use crate::calendar::{Calendar, DayRule};
use crate::domain::audit::AuditRecord;
use crate::domain::board::{completed_in, on_time};
use crate::domain::ids::{BatchId, ItemId, Person};
use crate::domain::item::{Item, ItemClass};
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::domain::time::local;

use super::behaviour::{BehaviourKind, BehaviourRecord};
use super::window::Window;

/// What the service gathers about one item.
#[derive(Debug, Clone)]
pub struct ItemFacts {
    /// The item.
    pub item: Item,
    /// Its audit trail.
    pub audit: Vec<AuditRecord>,
    /// The overdue chases sent (see [`crate::domain::schedule::overdue_chases`]).
    pub overdue_chases: u32,
    /// The 下达 batch it belongs to, if any.
    pub batch: Option<BatchId>,
}

/// An OKR objective or key result an item is aligned with (filled by the OKR alignment; an
/// empty map where there is none).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AlignedOkr {
    /// The OKR's id (objective or key result).
    pub id: String,
    /// Its text as snapshotted at alignment (`O1 提升合规管理水平`).
    pub text: String,
}

impl AlignedOkr {
    /// What `item` is aligned with (`/督办 对齐`, or inherited from its project): the
    /// objective or key result, and its text as snapshotted then (`O2 / KR1 …`).
    pub fn of(item: &Item) -> Option<Self> {
        let a = item.alignment.as_ref()?;
        Some(Self {
            id: a.target().0.to_owned(),
            text: a.summary(),
        })
    }
}

/// One figure and the items behind it (`count` may exceed the items: several 催办 on one).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figure {
    /// The figure.
    pub count: u32,
    /// The items behind it, each once, in number order.
    pub items: Vec<ItemId>,
}

impl Figure {
    fn add(&mut self, id: ItemId, n: u32) {
        if n == 0 {
            return;
        }
        self.count = self.count.saturating_add(n);
        if let Err(at) = self.items.binary_search(&id) {
            self.items.insert(at, id);
        }
    }
}

/// The figures of one class (or of all classes: `class` is `None`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClassFigures {
    /// 承诺 / 挑战 / 突发; `None` for the total.
    pub class: Option<ItemClass>,
    /// 交办.
    pub assigned: Figure,
    /// 完成.
    pub completed: Figure,
    /// 按时完成.
    pub on_time: Figure,
    /// 逾期完成.
    pub late: Figure,
    /// Working days late, summed over the completed items.
    pub delay_workdays: u32,
    /// 申请延期.
    pub extensions_asked: Figure,
    /// 批准延期.
    pub extensions_granted: Figure,
    /// 被催办.
    pub urged: Figure,
    /// 下达响应.
    pub batches_answered: Figure,
    /// 急难险重 (突发 + P0 completed).
    pub urgent_handled: Figure,
}

impl ClassFigures {
    /// The average working days late over the completed items; `None` when none completed.
    pub fn avg_delay_workdays(&self) -> Option<f64> {
        (self.completed.count > 0).then(|| f64::from(self.delay_workdays) / f64::from(self.completed.count))
    }

    /// `on_time / completed`, 0–1.
    pub fn on_time_rate(&self) -> Option<f64> {
        (self.completed.count > 0).then(|| f64::from(self.on_time.count) / f64::from(self.completed.count))
    }

    /// Every figure with its label, in display order (the average delay apart).
    pub fn figures(&self) -> [(&'static str, &Figure); 9] {
        [
            ("交办", &self.assigned),
            ("完成", &self.completed),
            ("按时完成", &self.on_time),
            ("逾期完成", &self.late),
            ("申请延期", &self.extensions_asked),
            ("批准延期", &self.extensions_granted),
            ("被催办", &self.urged),
            ("下达响应", &self.batches_answered),
            ("急难险重", &self.urgent_handled),
        ]
    }

    fn is_empty(&self) -> bool {
        self.figures().iter().all(|(_, f)| f.count == 0)
    }
}

/// One item as the pack lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct PackItem {
    /// The item.
    pub id: ItemId,
    /// Its title.
    pub title: String,
    /// Its class.
    pub class: ItemClass,
    /// Its priority.
    pub priority: Priority,
    /// Its status now.
    pub status: Status,
    /// Its deadline.
    pub deadline: Timestamp,
    /// When it was completed.
    pub completed_at: Option<Timestamp>,
    /// Its chat (for a link to the group).
    pub chat_id: String,
    /// Its live card's message, if posted.
    pub card_message: Option<String>,
}

/// One person's pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    /// Whose.
    pub person: Person,
    /// The period.
    pub window: Window,
    /// `[start, end)`.
    pub start: Timestamp,
    /// End (exclusive).
    pub end: Timestamp,
    /// 承诺, 挑战, 突发 (every class, in order, even when empty).
    pub classes: Vec<ClassFigures>,
    /// All classes together.
    pub total: ClassFigures,
    /// The aligned OKRs with their items, in OKR order.
    pub okrs: Vec<(AlignedOkr, Vec<ItemId>)>,
    /// The behaviour records of the period, oldest first.
    pub records: Vec<BehaviourRecord>,
    /// Every item the figures name, by number.
    pub items: BTreeMap<ItemId, PackItem>,
}

impl Pack {
    /// The sum of the 标杆 points and of the 负面 points (negative).
    pub fn points(&self) -> (f64, f64) {
        let sum = |k: BehaviourKind| {
            self.records
                .iter()
                .filter(|r| r.kind == k)
                .map(BehaviourRecord::signed_points)
                .sum::<f64>()
        };
        (sum(BehaviourKind::Commend), sum(BehaviourKind::Fault))
    }

    /// Whether there is nothing at all to show.
    pub fn is_empty(&self) -> bool {
        self.total.is_empty() && self.records.is_empty()
    }
}

fn active_in(it: &Item, start: Timestamp, end: Timestamp) -> bool {
    let closed_at = match it.status {
        Status::Done => it.completed_at,
        Status::Cancelled => Some(it.updated_at),
        Status::Pending | Status::InProgress | Status::Submitted => None,
    };
    it.created_at < end && closed_at.is_none_or(|c| c >= start)
}

/// The pack of `person` for `window` around `now`: `items` are the facts of the items they
/// own (others are skipped), `aligned` the OKR each item is aligned with (empty: none),
/// `records` their behaviour records (those outside the period are skipped).
pub fn pack(
    person: &Person,
    window: Window,
    items: &[ItemFacts],
    aligned: &HashMap<ItemId, AlignedOkr>,
    records: &[BehaviourRecord],
    now: Timestamp,
    cal: &Calendar,
) -> Pack {
    let (start, end) = window.range(now);
    let within = |t: Timestamp| t >= start && t < end;
    let mut classes: Vec<ClassFigures> = ItemClass::ALL
        .into_iter()
        .map(|c| ClassFigures {
            class: Some(c),
            ..ClassFigures::default()
        })
        .collect();
    let mut listed = BTreeMap::new();
    let mut okrs: BTreeMap<AlignedOkr, Vec<ItemId>> = BTreeMap::new();
    for f in items {
        let it = &f.item;
        if it.owner.open_id != person.open_id {
            continue;
        }
        let active = active_in(it, start, end);
        let Some(fig) = classes.iter_mut().find(|c| c.class == Some(it.class)) else {
            continue;
        };
        let before = fig.clone();
        let id = it.id;
        if within(it.created_at) {
            fig.assigned.add(id, 1);
        }
        let done = completed_in(it, start, end);
        if done {
            fig.completed.add(id, 1);
            if on_time(it) {
                fig.on_time.add(id, 1);
            } else if let Some(c) = it.completed_at {
                fig.late.add(id, 1);
                let late = cal
                    .count_between(local(it.deadline).date(), local(c).date(), DayRule::Working)
                    .unwrap_or(0);
                fig.delay_workdays = fig.delay_workdays.saturating_add(late);
            }
            if it.class == ItemClass::Urgent && it.priority == Priority::P0 {
                fig.urgent_handled.add(id, 1);
            }
        }
        let audited = |key: &str| {
            u32::try_from(f.audit.iter().filter(|r| r.action == key && within(r.at)).count())
                .unwrap_or(u32::MAX)
        };
        fig.extensions_asked.add(id, audited("request_extension"));
        fig.extensions_granted.add(id, audited("approve_extension"));
        let chases = if active { f.overdue_chases } else { 0 };
        fig.urged.add(id, audited("nudge").saturating_add(chases));
        let answered = done || it.submitted_at.is_some_and(within);
        if f.batch.is_some() && answered {
            fig.batches_answered.add(id, 1);
        }
        if *fig != before || active {
            if let Some(okr) = aligned.get(&id) {
                okrs.entry(okr.clone()).or_default().push(id);
            }
            listed.insert(
                id,
                PackItem {
                    id,
                    title: it.title.clone(),
                    class: it.class,
                    priority: it.priority,
                    status: it.status,
                    deadline: it.deadline,
                    completed_at: it.completed_at,
                    chat_id: it.chat_id.0.clone(),
                    card_message: it.card_message_id.as_ref().map(|m| m.0.clone()),
                },
            );
        }
    }
    let mut total = ClassFigures::default();
    for c in &classes {
        merge(&mut total, c);
    }
    let mut records: Vec<BehaviourRecord> = records
        .iter()
        .filter(|r| r.subject.open_id == person.open_id && within(r.at))
        .cloned()
        .collect();
    records.sort_by_key(|r| (r.at, r.id));
    for list in okrs.values_mut() {
        list.sort();
        list.dedup();
    }
    Pack {
        person: person.clone(),
        window,
        start,
        end,
        classes,
        total,
        okrs: okrs.into_iter().collect(),
        records,
        items: listed,
    }
}

fn merge(total: &mut ClassFigures, c: &ClassFigures) {
    let pairs: [(&mut Figure, &Figure); 9] = [
        (&mut total.assigned, &c.assigned),
        (&mut total.completed, &c.completed),
        (&mut total.on_time, &c.on_time),
        (&mut total.late, &c.late),
        (&mut total.extensions_asked, &c.extensions_asked),
        (&mut total.extensions_granted, &c.extensions_granted),
        (&mut total.urged, &c.urged),
        (&mut total.batches_answered, &c.batches_answered),
        (&mut total.urgent_handled, &c.urgent_handled),
    ];
    for (t, f) in pairs {
        t.count = t.count.saturating_add(f.count);
        t.items.extend_from_slice(&f.items);
        t.items.sort();
        t.items.dedup();
    }
    total.delay_workdays = total.delay_workdays.saturating_add(c.delay_workdays);
}
