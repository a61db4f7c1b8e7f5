//! The [`Service`] object: the state every flow shares (store, client, clock, settings, the
//! one lock, caches) and its wiring. Kept apart from `mod.rs` (a facade) and from the flows,
//! which all import it: the small state types the flows own are declared here too, so this
//! file imports none of them.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;
use tokio::sync::{Mutex, Notify};

use crate::calendar::Calendar;
use crate::clock::Clock;
use crate::config::{MinutesConfig, Settings};
use crate::domain::ids::{OpenId, Person};
use crate::domain::supervision::Policy;
use crate::feishu::FeishuClient;
use crate::store::Store;

/// The orchestrator.
pub struct Service {
    pub(super) store: Store,
    pub(super) client: FeishuClient,
    pub(super) clock: Arc<dyn Clock>,
    pub(super) calendar: Calendar,
    pub(super) policy: Policy,
    /// The one lock every command, click and tick takes before its read-modify-write (also
    /// across instances on PostgreSQL); taken with [`Service::exclusive`].
    pub(super) lock: crate::cluster::ServiceLock,
    pub(super) people: std::sync::Mutex<People>,
    pub(super) next_board_ms: std::sync::atomic::AtomicI64,
    pub(super) minutes: MinutesState,
    pub(super) bot: std::sync::Mutex<BotIdentity>,
    /// `(event_id, answer)` of the most recent card callbacks, oldest first: a callback
    /// delivered again (a lost acknowledgement) gets the answer already given.
    pub(super) answers: std::sync::Mutex<std::collections::VecDeque<(String, Value)>>,
    /// Every known unit: the configured ones and those bound in chat (kept in sled), changed
    /// only under [`Service::lock`] (by `/督办 绑定单位` and `/督办 单位 解绑`).
    pub(super) units: std::sync::RwLock<crate::domain::unit::UnitRegistry>,
    /// What each family reads from the configuration.
    pub(super) cfg: Families,
    /// The tasks a commit wakes.
    pub(super) wake: Wakers,
    /// One `考评 推送` at a time.
    pub(super) push_lock: Mutex<()>,
}

/// What each family reads from the configuration, resolved once at start.
pub(crate) struct Families {
    /// `[reminders]`.
    pub(super) reminders: crate::domain::schedule::ReminderPolicy,
    /// `[[groups]]` overrides.
    pub(super) groups: Vec<GroupOverrides>,
    /// `[board]`.
    pub(super) board: crate::config::BoardConfig,
    /// `[projects]`.
    pub(super) projects: crate::config::ProjectsConfig,
    /// `[requirements]`.
    pub(super) requirements: crate::config::RequirementsConfig,
    /// Whether the Bitable mirror is configured.
    pub(super) mirror_on: bool,
    /// `[supervision] issuers`: who may 下达 besides the admins.
    pub(super) issuers: Vec<OpenId>,
    /// The configured units alone (what [`Service::units`] is rebuilt from).
    pub(super) configured_units: crate::domain::unit::UnitRegistry,
    /// `[okr]`.
    pub(super) okr: crate::config::OkrConfig,
    /// `[repeat] next`: when a recurring item's next occurrence is created.
    pub(super) repeat: crate::domain::repeat::NextWhen,
    /// `[appraisal]`, `[[behaviours]]`, `[performance]`.
    pub(super) appraisal: crate::config::AppraisalSettings,
}

/// The tasks a commit wakes.
pub(crate) struct Wakers {
    /// The outbox dispatcher.
    pub(super) outbox: Arc<Notify>,
    /// The scheduler.
    pub(super) scheduler: Arc<Notify>,
    /// The Bitable mirror task.
    pub(super) mirror: Arc<Notify>,
}

/// A group's reminder overrides, resolved from configuration.
#[derive(Debug, Clone)]
pub(super) struct GroupOverrides {
    pub(super) chat_id: String,
    pub(super) leaders: Vec<crate::domain::ids::Person>,
    pub(super) calendar: Option<crate::calendar::DayRule>,
    pub(super) board: Option<bool>,
    /// `[groups.reminders]` resolved over `[reminders]`.
    pub(super) policy: Option<crate::domain::schedule::ReminderPolicy>,
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
        let store_for_units = store.clone();
        Self {
            store,
            client,
            clock,
            calendar: settings.calendar.clone(),
            policy,
            lock: crate::cluster::ServiceLock::local(),
            people: std::sync::Mutex::new(People::remembered(&store_for_units)),
            answers: std::sync::Mutex::new(std::collections::VecDeque::new()),
            next_board_ms: std::sync::atomic::AtomicI64::new(0),
            minutes: MinutesState::new(&settings.minutes),
            bot: std::sync::Mutex::new(BotIdentity::default()),
            units: std::sync::RwLock::new(super::units::registry_at_start(&store_for_units, &settings.units)),
            cfg: Families {
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
                board: settings.board.clone(),
                projects: settings.projects.clone(),
                requirements: settings.requirements.clone(),
                mirror_on: settings.mirror.is_some(),
                issuers: settings
                    .supervision
                    .issuers
                    .iter()
                    .map(|a| OpenId(a.clone()))
                    .collect(),
                configured_units: settings.units.clone(),
                okr: settings.okr.clone(),
                repeat: settings.repeat.next,
                appraisal: settings.appraisal.clone(),
            },
            wake: Wakers {
                outbox: outbox_notify,
                scheduler: scheduler_notify,
                mirror: Arc::new(Notify::new()),
            },
            push_lock: Mutex::new(()),
        }
    }
}

/// Several instances on one database (issue 19).
impl Service {
    /// Shares the service lock with other instances (the cluster coordinator's lock).
    #[must_use]
    pub fn with_service_lock(mut self, lock: crate::cluster::ServiceLock) -> Self {
        self.lock = lock;
        self
    }

    /// Takes the service lock. When another instance held it since this one last did, what
    /// this instance caches from the store is read again first: the units registry (the only
    /// cache a command changes). The other caches are safe as they are: names, member lists and
    /// the bot's identity are hints that expire; the weekly board's next time is a shortcut over
    /// what is stored (`weekly_for`); a card callback Feishu repeats to another instance misses
    /// that instance's `answers` and is answered by the stale-card check instead (the record's
    /// version moved, so nothing is done twice).
    pub(super) async fn exclusive(&self) -> crate::cluster::ServiceGuard {
        let guard = self.lock.acquire().await;
        if guard.foreign() {
            self.reload_units();
        }
        guard
    }
}

/// Names learned from mentions and member lists, behind `Service::name_of`, and the member
/// lists read per chat (with when they were read), behind `Service::members_of`.
#[derive(Debug, Default)]
pub(super) struct People {
    pub(super) names: HashMap<String, String>,
    pub(super) members: HashMap<String, (i64, Vec<Person>)>,
}

impl People {
    /// The names remembered in the store (none, logged, when it cannot be read).
    fn remembered(store: &crate::store::Store) -> Self {
        let names = store.person_names().unwrap_or_else(|e| {
            tracing::warn!(error.message = %e, "cannot read the remembered names; names are learned again as people are seen");
            HashMap::new()
        });
        Self {
            names,
            members: HashMap::new(),
        }
    }
}

/// What is known of the bot's identity.
#[derive(Debug, Default)]
pub(super) struct BotIdentity {
    pub(super) open_id: Option<OpenId>,
    /// When the last failed ask went out (virtual ms).
    pub(super) failed_at_ms: Option<i64>,
}

/// The minutes-generated event (payload assumed; see [`super::meetings`]).
pub(super) const MINUTES_EVENT: &str = "minutes.minute.generated_v1";

/// The meeting follow-up's configuration.
pub(super) struct MinutesState {
    pub(super) closure_workdays: u32,
    pub(super) events: bool,
    /// When a 例会's pre-meeting card is posted, the working day before.
    pub(super) series_notice_at: jiff::civil::Time,
}

impl MinutesState {
    pub(super) fn new(cfg: &MinutesConfig) -> Self {
        Self {
            closure_workdays: cfg.closure_workdays,
            events: cfg.events,
            series_notice_at: cfg
                .series_notice_time()
                .unwrap_or(jiff::civil::Time::constant(16, 0, 0, 0)),
        }
    }

    /// Whether `event_type` is the (optional) minutes event and it is enabled.
    pub(super) fn handles(&self, event_type: &str) -> bool {
        self.events && event_type == MINUTES_EVENT
    }
}
