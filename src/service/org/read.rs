//! The firm-wide views read through the per-unit indexes ([`Store::unit_items_since`]): for
//! each unit, its open items and the items it closed since the period began — never every
//! item. Public so the `org_board` benchmark measures exactly what the bot runs.

use std::collections::HashMap;

use jiff::Timestamp;

use crate::calendar::Calendar;
use crate::domain::batch::Batch;
use crate::domain::batch::rollup::{Child, ChildState, rollup};
use crate::domain::board::Period;
use crate::domain::ids::ItemId;
use crate::domain::schedule::overdue_chases;
use crate::domain::status::Status;
use crate::domain::supervision::Item;
use crate::domain::time::{SHANGHAI, local};
use crate::domain::unit::UnitRegistry;
use crate::domain::unit::ranking::{BatchLine, OrgBoard, UnitFigures, UnitItems, org_board, unit_figures};
use crate::store::{Store, StoreError};

use crate::card::org::IssuedShare;

/// Each registered unit's open items and those it closed at or after `since`, in registry
/// order.
fn units_items(
    store: &Store,
    reg: &UnitRegistry,
    since: Timestamp,
) -> Result<Vec<(String, Vec<Item>)>, StoreError> {
    reg.all()
        .iter()
        .map(|u| Ok((u.name.clone(), store.unit_items_since(&u.name, since)?)))
        .collect()
}

/// An open 下达 batch's line: its roll-up headline and how many units are done.
fn batch_line(store: &Store, b: &Batch, now: Timestamp, cal: &Calendar) -> Result<BatchLine, StoreError> {
    let items = store.batch_child_items(b)?;
    let mut reports = Vec::with_capacity(items.len());
    for (_, item) in &items {
        reports.push(match item {
            Some(i) => store.item_target(i.id)?.and_then(|t| t.report),
            None => None,
        });
    }
    let children: Vec<Child<'_>> = items
        .iter()
        .zip(&reports)
        .map(|((unit, item), report)| Child {
            unit,
            item: item.as_ref(),
            report: report.as_ref(),
        })
        .collect();
    let r = rollup(b, &children, now, cal);
    Ok(BatchLine {
        id: b.id,
        title: b.title.clone(),
        headline: r.headline(),
        done: r.count(ChildState::Done),
        total: r.total,
    })
}

/// Every open 下达 batch's line, oldest first.
///
/// # Errors
/// sled or codec errors.
pub fn open_batch_lines(store: &Store, now: Timestamp, cal: &Calendar) -> Result<Vec<BatchLine>, StoreError> {
    store
        .open_batches()?
        .iter()
        .map(|b| batch_line(store, b, now, cal))
        .collect()
}

/// Next Monday 00:00 in Asia/Shanghai: a board's "this week" ends there.
fn end_of_week(now: Timestamp) -> Timestamp {
    let today = local(now).date();
    let ahead = 7 - i64::from(today.weekday().to_monday_zero_offset());
    let monday = today.checked_add(jiff::Span::new().days(ahead)).unwrap_or(today);
    SHANGHAI
        .to_timestamp(monday.to_datetime(jiff::civil::Time::midnight()))
        .unwrap_or(now)
}

/// The firm's 晾晒 at `now`: every registered unit's open items that are overdue or due this
/// week and the items it closed since the 1st (nothing else shows on the board), and the open
/// 下达 batches. The board shows no 催办 counts, so no nudge records are read.
///
/// # Errors
/// sled or codec errors.
pub fn org_board_view(
    store: &Store,
    reg: &UnitRegistry,
    now: Timestamp,
    cal: &Calendar,
) -> Result<OrgBoard, StoreError> {
    let (since, _) = Period::ThisMonth.range(now);
    let due_before = end_of_week(now);
    let per_unit: Vec<(String, Vec<Item>)> = reg
        .all()
        .iter()
        .map(|u| {
            Ok((
                u.name.clone(),
                store.unit_board_items(&u.name, due_before, since)?,
            ))
        })
        .collect::<Result<_, StoreError>>()?;
    let units: Vec<UnitItems<'_>> = per_unit
        .iter()
        .map(|(u, items)| UnitItems { unit: u, items })
        .collect();
    let batches = open_batch_lines(store, now, cal)?;
    Ok(org_board(&units, batches, &HashMap::new(), now, cal))
}

/// Per-unit figures for `period` (every registered unit, in registry order) and each unit's
/// share of 下达 items received in the period (created in it, not cancelled) and completed.
///
/// # Errors
/// sled or codec errors.
pub fn unit_stats_view(
    store: &Store,
    reg: &UnitRegistry,
    period: Period,
    now: Timestamp,
    cal: &Calendar,
) -> Result<(Vec<UnitFigures>, HashMap<String, IssuedShare>), StoreError> {
    let (start, end) = period.range(now);
    let per_unit = units_items(store, reg, start)?;
    let mut chased: HashMap<ItemId, u32> = HashMap::new();
    let mut issued: HashMap<String, IssuedShare> = HashMap::new();
    for (unit, items) in &per_unit {
        for i in items {
            let n = overdue_chases(&store.nudge_state(i.id)?);
            if n > 0 {
                chased.insert(i.id, n);
            }
            let received = i.created_at >= start && i.created_at < end && i.status != Status::Cancelled;
            if received && store.batch_of_item(i.id)?.is_some() {
                let s = issued.entry(unit.clone()).or_default();
                s.total += 1;
                if i.status == Status::Done {
                    s.done += 1;
                }
            }
        }
    }
    let units: Vec<UnitItems<'_>> = per_unit
        .iter()
        .map(|(u, items)| UnitItems { unit: u, items })
        .collect();
    Ok((unit_figures(&units, &chased, period, now, cal), issued))
}
