//! Orchestration: events and card clicks in, domain changes, audit records and outbox records
//! out. The only module that knows both the store and Feishu. Every change of one event or
//! click is committed in one transaction, under one lock, so domain writes never interleave.

mod board;
mod card_action;
mod describe;
mod export;
mod identity;
mod minutes;
mod minutes_actions;
mod minutes_closure;
mod mirror;
mod nudges;
mod onboarding;
mod people;
mod projects;
mod replies;
mod requirements;
mod stale;
mod supervise;

use std::sync::Arc;

use serde_json::Value;
use tokio::sync::{Mutex, Notify};

use crate::calendar::Calendar;
use crate::card;
use crate::clock::Clock;
use crate::config::Settings;
use crate::domain::ids::{ItemId, OpenId};
use crate::domain::supervision::Policy;
use crate::feishu::event::{self, BotMembershipEvent, CardActionEvent};
use crate::feishu::{Delivered, FeishuClient, Outgoing};
use crate::outbox::Materialize;
use crate::outbox_record::Intent;
use crate::store::outbox::Changes;
use crate::store::{Store, StoreError};

pub use describe::{Described, describe_command};
pub use mirror::MirrorRoundError;

/// The orchestrator.
pub struct Service {
    store: Store,
    client: FeishuClient,
    clock: Arc<dyn Clock>,
    calendar: Calendar,
    policy: Policy,
    outbox_notify: Arc<Notify>,
    scheduler_notify: Arc<Notify>,
    lock: Mutex<()>,
    people: std::sync::Mutex<people::People>,
    reminders: crate::domain::schedule::ReminderPolicy,
    groups: Vec<GroupOverrides>,
    board_cfg: crate::config::BoardConfig,
    next_board_ms: std::sync::atomic::AtomicI64,
    minutes: minutes::MinutesState,
    projects_cfg: crate::config::ProjectsConfig,
    req_cfg: crate::config::RequirementsConfig,
    mirror_on: bool,
    mirror_notify: Arc<Notify>,
    bot: std::sync::Mutex<identity::BotIdentity>,
    /// `(event_id, answer)` of the most recent card callbacks, oldest first: a callback
    /// delivered again (a lost acknowledgement) gets the answer already given.
    answers: std::sync::Mutex<std::collections::VecDeque<(String, Value)>>,
}

/// How many card-callback answers are remembered for redeliveries.
const ANSWERS: usize = 512;

/// An acknowledged event read from the inbox (classified by the worker).
#[derive(Debug, Clone, PartialEq)]
pub struct InboxEvent {
    /// Position in the inbox.
    pub seq: u64,
    /// The event.
    pub envelope: event::Envelope,
    /// When it was acknowledged (Unix ms).
    pub received_ms: i64,
}

/// What an inbox event asks of the service, prepared before the lock is taken.
enum Work {
    /// Nothing (an unreadable or irrelevant event).
    Nothing,
    /// A message (or the minutes event, handled like a `/纪要`).
    Message(Box<supervise::Prepared>),
    /// The bot joined or left a group.
    Membership(BotMembershipEvent),
}

/// A group's reminder overrides, resolved from configuration.
#[derive(Debug, Clone)]
struct GroupOverrides {
    chat_id: String,
    leaders: Vec<crate::domain::ids::Person>,
    calendar: Option<crate::calendar::DayRule>,
    board: Option<bool>,
    /// `[groups.reminders]` resolved over `[reminders]`.
    policy: Option<crate::domain::schedule::ReminderPolicy>,
}

impl Service {
    /// Wires the service.
    pub fn new(
        store: Store,
        client: FeishuClient,
        clock: Arc<dyn Clock>,
        settings: &Settings,
        outbox_notify: Arc<Notify>,
        scheduler_notify: Arc<Notify>,
    ) -> Self {
        let policy = Policy {
            require_acceptance: settings.supervision.require_acceptance,
            nudge_cooldown: jiff::SignedDuration::from_mins(i64::from(
                settings.supervision.nudge_cooldown_minutes,
            )),
            admins: settings
                .supervision
                .admins
                .iter()
                .map(|a| OpenId(a.clone()))
                .collect(),
        };
        Self {
            store,
            client,
            clock,
            calendar: settings.calendar.clone(),
            policy,
            outbox_notify,
            scheduler_notify,
            lock: Mutex::new(()),
            people: std::sync::Mutex::new(people::People::default()),
            answers: std::sync::Mutex::new(std::collections::VecDeque::new()),
            reminders: settings.reminders.clone(),
            groups: settings
                .groups
                .iter()
                .map(|g| GroupOverrides {
                    chat_id: g.chat_id.clone(),
                    leaders: g
                        .leaders
                        .iter()
                        .map(|l| crate::domain::ids::Person {
                            open_id: OpenId(l.clone()),
                            name: String::new(),
                        })
                        .collect(),
                    calendar: g.calendar,
                    board: g.board,
                    policy: g.policy.clone(),
                })
                .collect(),
            board_cfg: settings.board.clone(),
            next_board_ms: std::sync::atomic::AtomicI64::new(0),
            minutes: minutes::MinutesState::new(&settings.minutes),
            projects_cfg: settings.projects.clone(),
            req_cfg: settings.requirements.clone(),
            mirror_on: settings.mirror.is_some(),
            mirror_notify: Arc::new(Notify::new()),
            bot: std::sync::Mutex::new(identity::BotIdentity::default()),
        }
    }

    /// Whether events of this type go to the inbox (everything else is acknowledged and ignored).
    pub fn handles(&self, event_type: &str) -> bool {
        matches!(
            event_type,
            "im.message.receive_v1" | event::BOT_ADDED | event::BOT_REMOVED | event::CHAT_DISBANDED
        ) || self.handles_minutes_event(event_type)
    }

    /// Processes acknowledged events, in order, and commits their effects together with the
    /// removal of their inbox entries: one transaction for the batch (sled transactions wait
    /// for the disk, so fewer is faster), so after a crash each event is processed exactly once.
    ///
    /// # Errors
    /// Storage failures (the events stay in the inbox and are retried).
    pub async fn process_batch(&self, entries: &[InboxEvent]) -> Result<(), StoreError> {
        let mut prepared = Vec::with_capacity(entries.len());
        for entry in entries {
            let env = &entry.envelope;
            let p = if env.event_type == "im.message.receive_v1" {
                self.prepare_message(&env.event)
                    .await
                    .map_or(Work::Nothing, |p| Work::Message(Box::new(p)))
            } else if self.handles_minutes_event(&env.event_type) {
                self.prepare_event_minutes(&env.event, &env.event_id)
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
                // Processed first, then removed: a crash in between only replays a no-op.
                changes.inbox_done(&self.store, entry.seq, &entry.envelope.event_id, now_ms);
            }
            changes.bookkeeping_only();
            return self.store.commit(&changes);
        }
        let _guard = self.lock.lock().await;
        let mut changes = Changes::new();
        for (entry, p) in entries.iter().zip(prepared) {
            let before = changes.len();
            changes.inbox_done(&self.store, entry.seq, &entry.envelope.event_id, now_ms);
            let bookkeeping = changes.len();
            match p {
                Work::Nothing => {}
                Work::Message(p) => self.apply_message(*p, &mut changes)?,
                Work::Membership(m) => self.apply_membership(&m, now_ms, &mut changes)?,
            }
            // A command's reads must see the previous command's writes: commit at once when
            // this event changed anything beyond its own bookkeeping. Plain chatter batches.
            if changes.len() > bookkeeping || before > bookkeeping {
                self.store.commit(&changes)?;
                changes = Changes::new();
            }
        }
        self.store.commit(&changes)?;
        self.outbox_notify.notify_one();
        self.scheduler_notify.notify_one();
        self.mirror_notify.notify_one();
        Ok(())
    }

    /// Answers a card click (new or legacy callback) within Feishu's 3 s budget: a toast, and
    /// the updated card when something changed. A callback delivered again under the same
    /// `event_id` (its acknowledgement was lost, on the webhook or the long connection) gets
    /// the answer already given: the click is not carried out twice.
    pub async fn card_action(&self, action: &CardActionEvent, event_id: Option<&str>) -> Value {
        let remembered = |id: &str| {
            self.answers
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .iter()
                .find(|(seen, _)| seen == id)
                .map(|(_, a)| a.clone())
        };
        if let Some(answer) = event_id.and_then(remembered) {
            tracing::info!(
                event_id,
                "a card callback was delivered again; answering as before"
            );
            return answer;
        }
        let answer = match self.on_card_action(action).await {
            Ok(v) => v,
            Err(e) => {
                tracing::error!(error.message = %e, error.cause_chain = ?e, "card action failed");
                return serde_json::json!({"toast": card::toast(card::ToastKind::Error, "系统繁忙，操作未保存，请稍后再试")});
            }
        };
        if let Some(id) = event_id {
            let mut answers = self
                .answers
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if answers.len() == ANSWERS {
                answers.pop_front();
            }
            answers.push_back((id.to_owned(), answer.clone()));
        }
        answer
    }
}

impl Materialize for Service {
    fn materialize(&self, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
        Ok(match intent {
            Intent::Message(m) => Some(m.clone()),
            Intent::PostItemCard {
                item,
                chat_id,
                reply_to,
                uuid,
            } => {
                let Some(it) = self.store.get_item(ItemId(*item))? else {
                    return Ok(None);
                };
                let c = card::item_card(&it, self.clock.now(), &self.calendar);
                Some(match reply_to {
                    Some(mid) => Outgoing::reply_card(mid, Some(chat_id), &c, uuid),
                    None => Outgoing::send_card_to_chat(chat_id, &c, uuid),
                })
            }
            Intent::RefreshItemCard { item } => {
                let id = ItemId(*item);
                let (Some(it), Some(mid)) = (self.store.get_item(id)?, self.store.item_card(id)?) else {
                    return Ok(None);
                };
                let c = card::item_card(&it, self.clock.now(), &self.calendar);
                Some(Outgoing::patch_card(&mid, Some(&it.chat_id.0), &c))
            }
            Intent::PostBoard { .. } | Intent::RefreshBoard { .. } => return self.materialize_board(intent),
            Intent::NudgeRound {
                chat_id,
                person,
                entries,
                uuid,
            } => {
                return self.materialize_round(chat_id, person, entries, uuid);
            }
            // Split by the dispatcher before anything is sent.
            Intent::Batch(_) => None,
            // Uploaded by the dispatcher first; then the file message.
            Intent::SendFile {
                open_id,
                file_key,
                uuid,
                ..
            } => file_key
                .as_ref()
                .map(|k| Outgoing::send_file_to_user(open_id, k, uuid)),
            Intent::PostMeetingCard { .. } | Intent::RefreshMeetingCard { .. } => {
                return self.materialize_meeting(intent);
            }
            Intent::PostProjectCard { .. }
            | Intent::RefreshProjectCard { .. }
            | Intent::PostRequirementCard { .. }
            | Intent::RefreshRequirementCard { .. } => return self.materialize_watched(intent),
        })
    }

    fn delivered(&self, intent: &Intent, delivered: &Delivered) -> Result<(), StoreError> {
        match (intent, &delivered.message_id) {
            (Intent::PostItemCard { item, .. }, Some(mid)) => self.store.set_item_card(ItemId(*item), mid)?,
            (Intent::PostBoard { chat_id, .. }, Some(mid)) => self.board_delivered(chat_id, mid)?,
            (Intent::PostMeetingCard { meeting, .. }, Some(mid)) => {
                self.store
                    .set_meeting_card(crate::minutes::MeetingId(*meeting), mid)?;
            }
            (Intent::PostProjectCard { .. } | Intent::PostRequirementCard { .. }, Some(mid)) => {
                self.watched_delivered(intent, mid)?;
            }
            _ => {}
        }
        Ok(())
    }
}
