//! Orchestration: events and card clicks in, domain changes, audit records and outbox records
//! out. The only module that knows both the store and Feishu. Every change of one event or
//! click is committed in one transaction, under one lock, so domain writes never interleave.
//!
//! One folder per family — [`items`], [`projects`], [`requirements`], [`meetings`] — each with
//! ONE `act` path that chat commands and card clicks share: an [`origin::Origin`] built once
//! (who, which chat, which message or card) → permission → the domain transition → audit →
//! card refresh → schedule → outbox; the caller then answers (a reply in chat, or a toast and
//! the card for a click). [`intake`] recognises which family a message is for and prepares it
//! before the lock; [`batch`] runs the inbox, [`clicks`] the card callbacks; [`watched`] ticks
//! projects and requirements with one generic watch/remind pair; [`reply`] holds the one
//! "reply under the card, or post" helper. The rest are single ideas: [`board`], [`nudges`]
//! (item reminders), [`people`], [`identity`], [`onboarding`], [`mirror`], [`export`],
//! [`stale`] (version check of clicks, forms), [`materialize`] (intents rendered at send time).

mod batch;
mod board;
mod clicks;
mod describe;
mod export;
mod identity;
mod intake;
mod items;
mod materialize;
mod meetings;
mod mirror;
mod nudges;
mod onboarding;
mod origin;
mod people;
mod projects;
mod reply;
mod requirements;
mod stale;
#[cfg(test)]
mod testkit;
mod watched;

use std::sync::Arc;

use serde_json::Value;
use tokio::sync::{Mutex, Notify};

use crate::calendar::Calendar;
use crate::clock::Clock;
use crate::config::Settings;
use crate::domain::ids::OpenId;
use crate::domain::supervision::Policy;
use crate::feishu::FeishuClient;
use crate::store::Store;

pub use batch::InboxEvent;
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
    minutes: meetings::MinutesState,
    projects_cfg: crate::config::ProjectsConfig,
    req_cfg: crate::config::RequirementsConfig,
    mirror_on: bool,
    mirror_notify: Arc<Notify>,
    bot: std::sync::Mutex<identity::BotIdentity>,
    /// `(event_id, answer)` of the most recent card callbacks, oldest first: a callback
    /// delivered again (a lost acknowledgement) gets the answer already given.
    answers: std::sync::Mutex<std::collections::VecDeque<(String, Value)>>,
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
            minutes: meetings::MinutesState::new(&settings.minutes),
            projects_cfg: settings.projects.clone(),
            req_cfg: settings.requirements.clone(),
            mirror_on: settings.mirror.is_some(),
            mirror_notify: Arc::new(Notify::new()),
            bot: std::sync::Mutex::new(identity::BotIdentity::default()),
        }
    }
}
