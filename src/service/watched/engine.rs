//! The watched-things engine, one for projects and requirements: [`watch`] reschedules a
//! record's next check after every change, [`remind`] sends what a tick finds due and
//! reschedules from the new state, and [`Service::tick_projects`] drives it from the index.
//! What differs between the families — when a check is due and what it says — is the
//! [`Watch`] trait, implemented beside each family's rules in this folder.

use jiff::Timestamp;

use super::super::Service;
use crate::calendar::CalendarError;
use crate::domain::ids::ChatId;
use crate::domain::project_nudge::WatchState;
use crate::domain::schedule::ReminderPolicy;
use crate::feishu::Outgoing;
use crate::mirror::MirrorTable;
use crate::outbox_record::OutboxRecord;
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// At most this many projects and requirements per reminder tick.
const TICK_LIMIT: usize = 1_000;

/// A record with reminders of its own (a project, a requirement).
pub(crate) trait Watch {
    /// Its key in the watch index.
    fn key(&self) -> Watched;
    /// The group whose reminder policy applies.
    fn chat(&self) -> &ChatId;
    /// Its mirror row.
    fn row(&self) -> (MirrorTable, String);
    /// The next instant a reminder may be due (`None`: nothing to watch).
    ///
    /// # Errors
    /// The calendar lacks a year involved.
    fn next_check(
        &self,
        svc: &Service,
        state: &WatchState,
        now: Timestamp,
        policy: &ReminderPolicy,
    ) -> Result<Option<Timestamp>, CalendarError>;
    /// What is due at `now`, with `state` updated to say it was sent.
    ///
    /// # Errors
    /// sled errors.
    fn due(
        &self,
        svc: &Service,
        state: &mut WatchState,
        now: Timestamp,
        policy: &ReminderPolicy,
    ) -> Result<Due, StoreError>;
}

/// What a tick sends for one watched record.
#[derive(Debug, Default)]
pub(crate) struct Due {
    /// The reminders.
    pub(crate) outs: Vec<Outgoing>,
    /// Whether the updated state is stored.
    pub(crate) store_state: bool,
    /// The card PATCH that shows the new state (延期 / 停滞).
    pub(crate) refresh: Option<OutboxRecord>,
    /// Whether the mirror row is queued again.
    pub(crate) mirror: bool,
}

/// Reschedules `w`'s next check (from its stored state) and queues its mirror row.
///
/// # Errors
/// sled errors.
pub(crate) fn watch(svc: &Service, ch: &mut Changes, w: &impl Watch) -> Result<(), StoreError> {
    let state = svc.store.watch_state(w.key())?;
    let now = svc.clock.now();
    let policy = svc.policy_for(w.chat());
    ch.schedule_watched(&svc.store, w.key(), next_ms(svc, w, &state, now, &policy))?;
    let (table, row) = w.row();
    svc.queue_mirror(ch, table, &row)
}

/// Sends `w`'s reminders due at `now`, stores what was sent, and reschedules from the new
/// state (the store still holds the old one).
///
/// # Errors
/// sled errors.
pub(crate) fn remind(
    svc: &Service,
    ch: &mut Changes,
    w: &impl Watch,
    now: Timestamp,
) -> Result<(), StoreError> {
    let mut state = svc.store.watch_state(w.key())?;
    let policy = svc.policy_for(w.chat());
    let due = w.due(svc, &mut state, now, &policy)?;
    if due.store_state {
        ch.put_watch_state(&svc.store, w.key(), &state);
    }
    for out in due.outs {
        ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
    }
    if let Some(rec) = due.refresh {
        ch.outbox_push(&svc.store, &rec)?;
    }
    ch.schedule_watched(&svc.store, w.key(), next_ms(svc, w, &state, now, &policy))?;
    if due.mirror {
        let (table, row) = w.row();
        svc.queue_mirror(ch, table, &row)?;
    }
    Ok(())
}

/// The next check in Unix ms, never before `now` + 1 s (an answer not after `now` would spin
/// the scheduler).
fn next_ms(
    svc: &Service,
    w: &impl Watch,
    state: &WatchState,
    now: Timestamp,
    policy: &ReminderPolicy,
) -> Option<i64> {
    let floor = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(now);
    match w.next_check(svc, state, now, policy) {
        Ok(next) => next.map(|t| t.max(floor).as_millisecond()),
        Err(e) => {
            tracing::warn!(watched = ?w.key(), error.message = %e, "no reminders: calendar data missing");
            None
        }
    }
}

impl Service {
    /// Sends the project and requirement reminders due now. Returns when the next check is due.
    ///
    /// # Errors
    /// Storage failures (nothing of the tick is committed; it is retried).
    pub async fn tick_projects(&self) -> Result<Option<i64>, StoreError> {
        let now = self.clock.now();
        let _guard = self.exclusive().await;
        let due = self.store.watched_due(now.as_millisecond(), TICK_LIMIT)?;
        if due.is_empty() {
            return self.store.next_watched_ms();
        }
        let mut ch = Changes::new();
        for (fire_ms, w) in due {
            ch.unschedule_watched(&self.store, fire_ms, w);
            if self.store.watched_scheduled(w)? != Some(fire_ms) {
                continue; // a stale entry; the live one is elsewhere in the index
            }
            let found = match w {
                Watched::Project(id) => match self.store.get_project(id)? {
                    Some(p) => remind(self, &mut ch, &p, now).map(|()| true)?,
                    None => false,
                },
                Watched::Requirement(id) => match self.store.get_requirement(id)? {
                    Some(r) => remind(self, &mut ch, &r, now).map(|()| true)?,
                    None => false,
                },
            };
            if !found {
                ch.schedule_watched(&self.store, w, None)?;
            }
        }
        self.store.commit(&ch)?;
        self.wake.outbox.notify_one();
        self.wake.mirror.notify_one();
        self.store.next_watched_ms()
    }
}
