//! The inbox worker's entry: acknowledged events, prepared before the lock (parsing, the
//! network reads a command needs), then applied in order and committed together with the
//! removal of their inbox entries.

use super::Service;
use super::intake::{Prepared, apply_message, prepare_event_minutes, prepare_message, prepare_read_message};
use crate::feishu::event::{self, BotMembershipEvent};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// An acknowledged event read from the inbox (classified by the worker).
#[derive(Debug, Clone, PartialEq)]
pub struct InboxEvent {
    /// Position in the inbox.
    pub seq: u64,
    /// The event.
    pub envelope: event::Envelope,
    /// When it was acknowledged (Unix ms).
    pub received_ms: i64,
    /// Its de-duplication keys, recorded as processed with its effects.
    pub keys: Vec<String>,
    /// For a received message read straight from the push
    /// ([`crate::feishu::message_push::read_message_push`]): the message, and then the
    /// envelope's `event` is left empty.
    pub message: Option<event::MessageEvent>,
}

/// What an inbox event asks of the service, prepared before the lock is taken.
enum Work {
    /// Nothing (an unreadable or irrelevant event).
    Nothing,
    /// A message (or the minutes event, handled like a `/纪要`).
    Message(Box<Prepared>),
    /// The bot joined or left a group.
    Membership(BotMembershipEvent),
}

impl Service {
    /// Whether events of this type go to the inbox (everything else is acknowledged and ignored).
    pub fn handles(&self, event_type: &str) -> bool {
        matches!(
            event_type,
            "im.message.receive_v1" | event::BOT_ADDED | event::BOT_REMOVED | event::CHAT_DISBANDED
        ) || self.minutes.handles(event_type)
    }

    /// Processes acknowledged events, in order, and commits their effects together with the
    /// removal of their inbox entries: one transaction for the batch (sled transactions wait
    /// for the disk, so fewer is faster), so after a crash each event is processed exactly once.
    ///
    /// # Errors
    /// Storage failures (the events stay in the inbox and are retried).
    pub async fn process_batch(&self, entries: &mut [InboxEvent]) -> Result<(), StoreError> {
        let mut prepared = Vec::with_capacity(entries.len());
        // An event of a grouped inbox record processed before (the record stays until its last
        // event is): only its bookkeeping again.
        let done = self
            .store
            .already_processed(entries.iter().map(|e| (e.keys.as_slice(), e.received_ms)));
        for (entry, done) in entries.iter_mut().zip(done) {
            if done {
                prepared.push(Work::Nothing);
                continue;
            }
            let message = entry.message.take();
            let env = &entry.envelope;
            let p = if env.event_type == "im.message.receive_v1" {
                let prepared = match message {
                    Some(msg) => prepare_read_message(self, msg).await,
                    None => prepare_message(self, &env.event).await,
                };
                prepared.map_or(Work::Nothing, |p| Work::Message(Box::new(p)))
            } else if self.minutes.handles(&env.event_type) {
                prepare_event_minutes(self, &env.event, &env.event_id)
                    .await
                    .map_or(Work::Nothing, |p| Work::Message(Box::new(p)))
            } else {
                BotMembershipEvent::from_event(&env.event_type, &env.event)
                    .map_or(Work::Nothing, Work::Membership)
            };
            prepared.push(p);
        }
        let now_ms = self.clock.now().as_millisecond();
        // Plain chatter (no command): mark processed without the lock or a transaction.
        if prepared.iter().all(|p| match p {
            Work::Nothing => true,
            Work::Message(p) => !p.is_command() && !p.in_p2p(),
            Work::Membership(_) => false,
        }) {
            let mut changes = Changes::new();
            for entry in entries {
                changes.inbox_done(&self.store, entry.seq, &entry.keys, now_ms);
            }
            changes.bookkeeping_only();
            return self.store.commit(&changes);
        }
        let _guard = self.exclusive().await;
        let mut changes = Changes::new();
        for (entry, p) in entries.iter().zip(prepared) {
            let before = changes.len();
            changes.inbox_done(&self.store, entry.seq, &entry.keys, now_ms);
            let bookkeeping = changes.len();
            match p {
                Work::Nothing => {}
                Work::Message(p) => apply_message(self, *p, &mut changes)?,
                Work::Membership(m) => self.apply_membership(&m, now_ms, &mut changes)?,
            }
            // A command's reads must see the previous command's writes: commit at once when
            // this event changed anything beyond its own bookkeeping. Plain chatter batches.
            if changes.len() > bookkeeping || before > bookkeeping {
                self.commit_or_reload(&changes)?;
                changes = Changes::new();
            }
        }
        self.commit_or_reload(&changes)?;
        self.wake.outbox.notify_one();
        self.wake.scheduler.notify_one();
        self.wake.mirror.notify_one();
        Ok(())
    }

    /// Commits `changes`; when that fails, the registry of units (which a command may have
    /// changed in memory) is read again from what is stored.
    fn commit_or_reload(&self, changes: &Changes) -> Result<(), StoreError> {
        let r = self.store.commit(changes);
        if r.is_err() {
            self.reload_units();
        }
        r
    }
}
