//! Recurring items (`重复：每周`): the series is started with its first item, rolled over to the
//! next occurrence when the current one closes (in the same transaction as the closing change)
//! or when the next period starts (the scheduler's [`Service::repeat_tick`], from the durable
//! `next_at` of the series), and ended by `/督办 重复 停止 DB-n`. A series never has two open
//! occurrences: its cursor names the current one, and only closing that one moves it on.
//!
//! See [`crate::domain::repeat`] for the periods and deadlines, [`crate::store::repeat`] for the
//! trees.

mod stop;
mod tick;

use serde_json::Value;

use super::Service;
use super::items::{post_card, record_new};
use crate::card;
use crate::domain::audit::Source;
use crate::domain::repeat::Cadence;
use crate::domain::repeat::{
    NextWhen, Occurrence, Series, describe, first_occurrence, for_items, next_occurrence, period_start_at,
};
use crate::domain::supervision::{Item, NewItem};
use crate::domain::time::local;
use crate::store::StoreError;
use crate::store::outbox::Changes;

pub(super) use stop::stop;

/// The first occurrence's deadline for a creation with `rule`: the typed one, moved to the
/// next working day when it is a day off. Without a rule (or one that no longer reads) the
/// typed deadline as is.
pub(super) fn first_deadline(svc: &Service, rule: Option<&str>, typed: jiff::Timestamp) -> jiff::Timestamp {
    let Some(cadence) = rule.and_then(|r| Cadence::parse(r).ok()) else {
        return typed;
    };
    first_occurrence(&cadence, typed, svc.clock.now(), &svc.calendar).map_or(typed, |p| p.deadline)
}

/// Starts the series of the newly created `item` (its first occurrence) when it has a rule;
/// `typed` is the deadline as typed (the series' anchor).
///
/// # Errors
/// sled errors.
pub(super) fn start(
    svc: &Service,
    ch: &mut Changes,
    item: &Item,
    rule: Option<&str>,
    typed: jiff::Timestamp,
) -> Result<(), StoreError> {
    let Some(rule) = rule else { return Ok(()) };
    let Ok(cadence) = Cadence::parse(rule) else {
        tracing::warn!(item = %item.id, rule, "重复: the rule read when parsing no longer reads");
        return Ok(());
    };
    let plan = match first_occurrence(&cadence, typed, svc.clock.now(), &svc.calendar) {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(item = %item.id, rule, error.message = %e, "重复: the first period cannot be planned");
            return Ok(());
        }
    };
    let series = Series {
        id: item.id,
        rule: rule.to_owned(),
        anchor: local(typed).date(),
        time: local(typed).time(),
        has_time: item.deadline_has_time,
        current: item.id,
        number: 1,
        period_start: plan.period_start,
        period_end: plan.period_end,
        due: local(plan.deadline).date(),
        next_at: None,
        stopped: None,
    };
    ch.put_repeat_series(&svc.store, &series)?;
    ch.put_occurrence(
        &svc.store,
        item.id,
        &Occurrence {
            series: item.id,
            number: 1,
        },
    )
}

/// After an item change (called by every caller of the item `act` path, with what it
/// returned): when `after` closed the current occurrence of a running series, the next one is
/// created now or scheduled for its period's start (`[repeat] next`), in `ch`, the same changes
/// as the closing one.
///
/// # Errors
/// sled errors.
pub(super) fn after_change(
    svc: &Service,
    ch: &mut Changes,
    before: &Item,
    after: &Item,
) -> Result<(), StoreError> {
    if !before.is_open() || after.is_open() {
        return Ok(());
    }
    let Some((_, mut series)) = svc.store.series_of_item(after.id)? else {
        return Ok(());
    };
    if !series.is_active() || series.current != after.id {
        return Ok(());
    }
    let now = svc.clock.now();
    if svc.cfg.repeat == NextWhen::PeriodStart {
        let Some(cadence) = cadence_of(&series) else {
            return Ok(());
        };
        let start = next_occurrence(&cadence, &series, now, &svc.calendar)
            .and_then(|p| period_start_at(&cadence, &p, &svc.calendar));
        match start {
            Ok(at) if at > now => {
                series.next_at = Some(at);
                return ch.put_repeat_series(&svc.store, &series);
            }
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(series = %series.id, error.message = %e, "重复: the next period cannot be planned");
                return Ok(());
            }
        }
    }
    roll(svc, ch, &mut series, after)
}

/// Creates the occurrence after `closed` (the series' current one) in `ch` and moves the
/// series' cursor to it, in the same changes.
///
/// # Errors
/// sled errors.
fn roll(svc: &Service, ch: &mut Changes, series: &mut Series, closed: &Item) -> Result<(), StoreError> {
    let Some(cadence) = cadence_of(series) else {
        return Ok(());
    };
    let plan = match next_occurrence(&cadence, series, svc.clock.now(), &svc.calendar) {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(series = %series.id, error.message = %e, "重复: the next period cannot be planned");
            return Ok(());
        }
    };
    let number = series.number + 1;
    let new = NewItem {
        title: closed.title.clone(),
        chat_id: closed.chat_id.clone(),
        creator: closed.creator.clone(),
        owner: closed.owner.clone(),
        assistants: closed.assistants.clone(),
        deadline: plan.deadline,
        deadline_has_time: series.has_time,
        priority: closed.priority,
        tags: closed.tags.clone(),
        resources: closed.resources.clone(),
        scenario: closed.scenario.clone(),
        description: closed.description.clone(),
        source_message: None,
    };
    let rule = describe(&for_items(cadence, series.anchor));
    let note = format!("重复事项第{number}期（{rule}），上一期 {}", closed.id);
    let item = record_new(svc, ch, new, Source::System, Some(note))?;
    ch.put_occurrence(
        &svc.store,
        item.id,
        &Occurrence {
            series: series.id,
            number,
        },
    )?;
    series.current = item.id;
    series.number = number;
    series.period_start = plan.period_start;
    series.period_end = plan.period_end;
    series.due = local(plan.deadline).date();
    series.next_at = None;
    ch.put_repeat_series(&svc.store, series)?;
    post_card(svc, ch, &item, None, &format!("repeat:{}:{number}", series.id.0))
}

fn cadence_of(series: &Series) -> Option<Cadence> {
    match Cadence::parse(&series.rule) {
        Ok(c) => Some(c),
        Err(e) => {
            tracing::warn!(series = %series.id, rule = %series.rule, error.message = %e, "重复: the stored rule no longer reads");
            None
        }
    }
}

impl Service {
    /// `c`, the live card of `item`, with its series line when it recurs.
    ///
    /// # Errors
    /// sled or codec errors.
    pub(super) fn with_series_line(&self, item: &Item, c: Value) -> Result<Value, StoreError> {
        let Some((occ, series)) = self.store.series_of_item(item.id)? else {
            return Ok(c);
        };
        let rule = cadence_of(&series)
            .map_or_else(|| series.rule.clone(), |c| describe(&for_items(c, series.anchor)));
        let next = if series.current != item.id || !series.is_active() {
            None
        } else if self.cfg.repeat == NextWhen::PeriodStart {
            Some("下个周期开始时发起下一期")
        } else {
            Some("本期完成或取消后即发起下一期")
        };
        let view = card::repeat::SeriesView {
            number: occ.number,
            first: series.id,
            rule: &rule,
            stopped: series.stopped.as_ref().map(|s| (&s.by, s.at)),
            next,
        };
        Ok(card::repeat::with_series(c, &view, self.clock.now()))
    }
}
