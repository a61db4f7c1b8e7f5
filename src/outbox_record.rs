//! What the durable outbox holds: the intents (what to send) and their records (when, how
//! often tried). Plain stored data, below both the store that keeps it and the dispatcher (the
//! `outbox` module) that sends it. The serde encoding is what is on disk: variant and field
//! names must not change.

use serde::{Deserialize, Serialize};

use crate::domain::ids::Person;
use crate::domain::schedule::PlannedNudge;
use crate::feishu::types::Outgoing;

/// What to send. Item cards are rendered when they are sent, so a queued card is never stale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Intent {
    /// A fully formed request.
    Message(Outgoing),
    /// Post (or reply with) item `item`'s live card, rendered at send time.
    PostItemCard {
        /// Item number.
        item: u64,
        /// Chat to post in.
        chat_id: String,
        /// Reply to this message instead of posting at top level.
        reply_to: Option<String>,
        /// De-duplication key.
        uuid: String,
    },
    /// PATCH item `item`'s card with its current state (dropped if the card is not posted yet:
    /// the pending post renders the latest state).
    RefreshItemCard {
        /// Item number.
        item: u64,
    },
    /// Post a group's 晾晒 board, rendered at send time.
    PostBoard {
        /// The group.
        chat_id: String,
        /// Reply to this message (`/督办 晾晒`) instead of posting at top level.
        reply_to: Option<String>,
        /// De-duplication key.
        uuid: String,
    },
    /// One person's reminders of one scheduler round, rendered when sent.
    NudgeRound {
        /// The group.
        chat_id: String,
        /// Who is reminded.
        person: Person,
        /// (item number, the planned reminder).
        entries: Vec<(u64, PlannedNudge)>,
        /// De-duplication key (from the items and occurrence keys).
        uuid: String,
    },
    /// Post (or reply with) batch `batch`'s roll-up card (下达 XD-n), rendered at send time.
    PostRollup {
        /// Batch number.
        batch: u64,
        /// The issuing chat.
        chat_id: String,
        /// Reply to this message (the `/督办 下达` command) instead of posting at top level.
        reply_to: Option<String>,
        /// De-duplication key.
        uuid: String,
    },
    /// PATCH batch `batch`'s roll-up card with the units' current state (dropped if the card
    /// is not posted yet: the pending post renders the latest state).
    RefreshRollup {
        /// Batch number.
        batch: u64,
    },
    /// PATCH the group's current board card in place.
    RefreshBoard {
        /// The group.
        chat_id: String,
    },
    /// Post (or reply with) meeting `meeting`'s follow-up card, rendered at send time.
    PostMeetingCard {
        /// Meeting number (`HY-n`).
        meeting: u64,
        /// Chat to post in.
        chat_id: String,
        /// Reply to this message (the `/纪要` command) instead of posting at top level.
        reply_to: Option<String>,
        /// De-duplication key.
        uuid: String,
    },
    /// Post project `project`'s live card, rendered at send time.
    PostProjectCard {
        /// Project number.
        project: u64,
        /// Chat to post in.
        chat_id: String,
        /// Reply to this message instead of posting at top level.
        reply_to: Option<String>,
        /// De-duplication key.
        uuid: String,
    },
    /// PATCH meeting `meeting`'s follow-up card with its current state (dropped if the card is
    /// not posted yet: the pending post renders the latest state).
    RefreshMeetingCard {
        /// Meeting number.
        meeting: u64,
    },
    /// PATCH project `project`'s live card with its current state.
    RefreshProjectCard {
        /// Project number.
        project: u64,
    },
    /// Post requirement `req`'s triage card (for the requirement managers), rendered at send time.
    PostRequirementCard {
        /// Requirement number.
        req: u64,
        /// Chat to post in.
        chat_id: String,
        /// Reply to this message instead of posting at top level.
        reply_to: Option<String>,
        /// De-duplication key.
        uuid: String,
        /// `chat_id` is a manager's open_id: a direct (1:1) message.
        #[serde(default)]
        to_user: bool,
    },
    /// PATCH requirement `req`'s triage card with its current state.
    RefreshRequirementCard {
        /// Requirement number.
        req: u64,
        /// Which of its triage cards (one per manager when sent 1:1), in posting order.
        #[serde(default)]
        nth: usize,
    },
    /// A file sent 1:1 to `open_id` (`/督办 导出`): uploaded first (`file_key` is recorded in
    /// the record once uploaded, so a retry does not upload again), then sent as a `file`
    /// message under `uuid`. The bytes live in the record until it is sent.
    SendFile {
        /// The recipient.
        open_id: String,
        /// The file name shown in the chat.
        file_name: String,
        /// Feishu's `file_type` (`xls` for a workbook).
        file_type: String,
        /// The file, base64.
        data: String,
        /// Set once uploaded.
        file_key: Option<String>,
        /// De-duplication key of the file message.
        uuid: String,
    },
    /// Several records queued as one (a scheduler round: its reminders, card refreshes and
    /// 加急): the dispatcher splits it into its records, in order, before sending any of them.
    /// A busy tick thus writes one outbox record instead of one per message.
    Batch(Vec<(Self, Option<String>)>),
    /// Write item `item`'s OKR progress record (issue 18), rendered at send time from the
    /// item and its alignment; dropped once written.
    OkrProgress {
        /// Item number.
        item: u64,
    },
    /// Post the pre-meeting card (会前提醒) of series `series`' occurrence `occurrence`
    /// (`YYYY-MM-DD`), rendered at send time.
    PostSeriesCard {
        /// Series number.
        series: u64,
        /// The occurrence's nominal date.
        occurrence: String,
        /// The group.
        chat_id: String,
        /// De-duplication key.
        uuid: String,
    },
    /// PATCH that card with its current state (dropped if it is not posted yet).
    RefreshSeriesCard {
        /// Series number.
        series: u64,
        /// The occurrence's nominal date.
        occurrence: String,
    },
}

/// One queued send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRecord {
    /// What to send.
    pub intent: Intent,
    /// The chat whose order it keeps.
    pub chat: Option<String>,
    /// Failed attempts so far.
    #[serde(default)]
    pub attempts: u32,
    /// Not before this Unix ms.
    #[serde(default)]
    pub next_attempt_ms: i64,
    /// When queued (Unix ms).
    pub created_ms: i64,
    /// Last failure, for operators.
    #[serde(default)]
    pub last_error: Option<String>,
    /// Feishu error code of the last failure.
    #[serde(default)]
    pub last_code: Option<i64>,
}

impl OutboxRecord {
    /// A record to send as soon as possible. Outbox timing (retries, giving up) runs on wall
    /// time, whatever clock the domain runs on: it is about Feishu's availability, not deadlines.
    pub fn new(intent: Intent, chat: Option<String>) -> Self {
        Self {
            intent,
            chat,
            attempts: 0,
            next_attempt_ms: 0,
            created_ms: wall_ms(),
            last_error: None,
            last_code: None,
        }
    }

    /// A ready message.
    pub fn message(out: Outgoing) -> Self {
        let chat = out.chat_hint.clone();
        Self::new(Intent::Message(out), chat)
    }
}

/// Wall-clock Unix ms: outbox timing (retries, giving up) is about Feishu's availability.
pub(crate) fn wall_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}
