//! A meeting and its draft action items (pure): created from an [`Extraction`], edited on the
//! follow-up card, converted one by one into 督办 items, and summarised at closure time.

use std::fmt;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, DayRule};
use crate::domain::deadline::Deadline;
use crate::domain::ids::{ChatId, ItemId, MessageId, Person};
use crate::domain::priority::Priority;
use crate::domain::status::Status;
use crate::domain::supervision::Item;
use crate::domain::time::{SHANGHAI, local};
use crate::minutes::error::MinutesError;
use crate::minutes::extract::Extraction;
use crate::minutes::owner::OwnerRef;

/// A meeting number, shown as `HY-n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeetingId(pub u64);

impl fmt::Display for MeetingId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HY-{}", self.0)
    }
}

/// Where the minutes came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MeetingSource {
    /// Pasted in a message (or the message replied to).
    Pasted {
        /// That message.
        message_id: MessageId,
    },
    /// A Feishu doc.
    Doc {
        /// Its link.
        url: String,
    },
    /// A Feishu minutes (妙记) page.
    Minutes {
        /// The minute token.
        token: String,
    },
}

/// Where a draft item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftStatus {
    /// Waiting for confirmation.
    Pending,
    /// Became this 督办 item.
    Converted(ItemId),
    /// Dismissed.
    Ignored,
}

/// An action item awaiting confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftItem {
    /// What is to be done.
    pub text: String,
    /// Owners (the first resolved one becomes the 主办).
    pub owners: Vec<OwnerRef>,
    /// The deadline, when known.
    pub deadline: Option<Deadline>,
    /// The deadline as written in the minutes.
    pub deadline_text: Option<String>,
    /// A stated priority.
    pub priority: Option<Priority>,
    /// Where it stands.
    pub status: DraftStatus,
    /// Departments, teams or posts the minutes made responsible (`运营管理部牵头`): not people,
    /// so the card asks for an owner from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
}

/// A meeting whose minutes were handed to the bot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// `HY-n`.
    pub id: MeetingId,
    /// The group it was posted in.
    pub chat_id: ChatId,
    /// The title (from the minutes, or `会议纪要`).
    pub title: String,
    /// The meeting date (stated in the minutes, or the day it was posted).
    pub date: Date,
    /// Who posted the minutes.
    pub created_by: Person,
    /// When.
    pub created_at: Timestamp,
    /// The source.
    pub source: MeetingSource,
    /// Draft action items, in order (card numbers are index + 1).
    pub items: Vec<DraftItem>,
    /// Decisions recorded without owner or deadline.
    #[serde(default)]
    pub decisions: Vec<String>,
    /// When the closure card is due.
    #[serde(default)]
    pub closure_at: Option<Timestamp>,
    /// Whether the closure card was posted.
    #[serde(default)]
    pub closure_posted: bool,
    /// The follow-up card's message, once sent.
    #[serde(default)]
    pub card_message_id: Option<MessageId>,
    /// Incremented by every change of a draft (edit, ignore, conversion), so a click on a card
    /// drawn before the change is recognised as stale. Records written before versions existed
    /// read as 0.
    #[serde(default)]
    pub version: u64,
}

impl Meeting {
    /// A meeting from an extraction; every item starts [`DraftStatus::Pending`].
    pub fn from_extraction(
        id: MeetingId,
        chat_id: ChatId,
        created_by: Person,
        source: MeetingSource,
        ex: Extraction,
        now: Timestamp,
    ) -> Self {
        let items = ex
            .items
            .into_iter()
            .map(|a| DraftItem {
                text: a.text,
                owners: a.owners,
                deadline: a.deadline,
                deadline_text: a.deadline_text,
                priority: a.priority,
                status: DraftStatus::Pending,
                units: a.units,
            })
            .collect();
        Self {
            id,
            chat_id,
            title: ex.title.unwrap_or_else(|| "会议纪要".to_owned()),
            date: ex.meeting_date.unwrap_or_else(|| local(now).date()),
            created_by,
            created_at: now,
            source,
            items,
            decisions: ex.decisions,
            closure_at: None,
            closure_posted: false,
            card_message_id: None,
            version: 1,
        }
    }

    fn pending_mut(&mut self, idx: usize) -> Result<&mut DraftItem, MinutesError> {
        let number = idx + 1;
        let item = self
            .items
            .get_mut(idx)
            .ok_or(MinutesError::NoSuchItem { number })?;
        match item.status {
            DraftStatus::Pending => Ok(item),
            DraftStatus::Converted(id) => Err(MinutesError::AlreadyConverted { number, id }),
            DraftStatus::Ignored => Err(MinutesError::AlreadyIgnored { number }),
        }
    }

    /// Edits a pending draft: a picked owner replaces all owners, a picked deadline replaces
    /// the deadline (and its text), a non-blank text replaces the text.
    ///
    /// # Errors
    /// [`MinutesError`] when the index is wrong, the draft is no longer pending, or the new
    /// text is blank.
    pub fn edit(
        &mut self,
        idx: usize,
        owner: Option<Person>,
        deadline: Option<Deadline>,
        text: Option<String>,
    ) -> Result<(), MinutesError> {
        let item = self.pending_mut(idx)?;
        if let Some(t) = &text
            && t.trim().is_empty()
        {
            return Err(MinutesError::EmptyText);
        }
        if let Some(p) = owner {
            item.owners = vec![OwnerRef::Person(p)];
        }
        if let Some(d) = deadline {
            item.deadline = Some(d);
            item.deadline_text = None;
        }
        if let Some(t) = text {
            item.text = t.trim().to_owned();
        }
        self.version = self.version.saturating_add(1);
        Ok(())
    }

    /// Dismisses a pending draft.
    ///
    /// # Errors
    /// [`MinutesError`] when the index is wrong or the draft is no longer pending.
    pub fn ignore(&mut self, idx: usize) -> Result<(), MinutesError> {
        self.pending_mut(idx)?.status = DraftStatus::Ignored;
        self.version = self.version.saturating_add(1);
        Ok(())
    }

    /// The draft, its 主办 (the first owner; every owner must be resolved) and its deadline,
    /// when it can become a 督办 item; the other resolved owners become 协办.
    ///
    /// # Errors
    /// [`MinutesError`] saying what is missing: the owner, the deadline, or both; an owner
    /// name that matched no member; a deadline that could not be read.
    pub fn ready_to_convert(&self, idx: usize) -> Result<(&DraftItem, &Person, &Deadline), MinutesError> {
        let number = idx + 1;
        let item = self.items.get(idx).ok_or(MinutesError::NoSuchItem { number })?;
        match item.status {
            DraftStatus::Pending => {}
            DraftStatus::Converted(id) => return Err(MinutesError::AlreadyConverted { number, id }),
            DraftStatus::Ignored => return Err(MinutesError::AlreadyIgnored { number }),
        }
        if let Some(OwnerRef::Unresolved(name)) = item.owners.iter().find(|o| o.person().is_none()) {
            return Err(MinutesError::UnresolvedOwner {
                number,
                name: name.clone(),
            });
        }
        let owner = item.owners.first().and_then(OwnerRef::person);
        match (owner, &item.deadline) {
            (Some(p), Some(d)) => Ok((item, p, d)),
            (None, Some(_)) if !item.units.is_empty() => Err(MinutesError::UnitOnly {
                number,
                unit: item.units.join("、"),
            }),
            (None, None) => Err(MinutesError::MissingOwnerAndDeadline { number }),
            (None, Some(_)) => Err(MinutesError::MissingOwner { number }),
            (Some(_), None) => match &item.deadline_text {
                Some(text) => Err(MinutesError::UnreadableDeadline {
                    number,
                    text: text.clone(),
                }),
                None => Err(MinutesError::MissingDeadline { number }),
            },
        }
    }

    /// Records that draft `idx` became item `id` (no-op for a wrong index).
    pub fn mark_converted(&mut self, idx: usize, id: ItemId) {
        if let Some(item) = self.items.get_mut(idx) {
            item.status = DraftStatus::Converted(id);
            self.version = self.version.saturating_add(1);
        }
    }

    /// The indices of pending drafts that are ready, and the errors of those that are not.
    pub fn convert_all_plan(&self) -> (Vec<usize>, Vec<MinutesError>) {
        let mut ready = Vec::new();
        let mut not_ready = Vec::new();
        for (idx, item) in self.items.iter().enumerate() {
            if item.status != DraftStatus::Pending {
                continue;
            }
            match self.ready_to_convert(idx) {
                Ok(_) => ready.push(idx),
                Err(e) => not_ready.push(e),
            }
        }
        (ready, not_ready)
    }

    /// `workdays` working days after the meeting date, at 10:00 Asia/Shanghai.
    ///
    /// # Errors
    /// [`CalendarError::NoData`] when the span needs a year without calendar data.
    pub fn closure_time(&self, workdays: u32, cal: &Calendar) -> Result<Timestamp, CalendarError> {
        let day = cal.nth_after(self.date, workdays, DayRule::Working)?;
        SHANGHAI
            .to_timestamp(day.at(10, 0, 0, 0))
            .map_err(|_| CalendarError::NoData { year: day.year() })
    }
}

/// Where one of the meeting's items stands at closure time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosureState {
    /// 已完成.
    Done,
    /// Open and not overdue (待签收, 进行中, 待验收).
    InProgress,
    /// Open and past its deadline.
    Overdue,
    /// 已取消.
    Cancelled,
    /// Never converted (still pending on the follow-up card).
    NotConverted,
    /// Ignored on the follow-up card.
    Ignored,
    /// Converted, but the item could not be found.
    Missing,
}

/// One row of the closure card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosureRow {
    /// The draft's 1-based number.
    pub number: usize,
    /// The item's title (or the draft's text when not converted).
    pub text: String,
    /// The item, when converted.
    pub item: Option<ItemId>,
    /// Owners: the item's 主办 and 协办, or the draft's names.
    pub owners: Vec<String>,
    /// The deadline, when known.
    pub deadline: Option<Timestamp>,
    /// Where it stands.
    pub state: ClosureState,
    /// Working days overdue (0 unless overdue).
    pub overdue_workdays: u32,
}

/// The committee's review view of a meeting's items.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClosureSummary {
    /// Every draft, in order.
    pub rows: Vec<ClosureRow>,
    /// How many are done.
    pub done: usize,
    /// How many are open and on time.
    pub in_progress: usize,
    /// How many are overdue.
    pub overdue: usize,
    /// How many were never converted.
    pub not_converted: usize,
    /// How many were ignored.
    pub ignored: usize,
    /// How many were cancelled (or could not be found).
    pub cancelled: usize,
}

/// Summarises `meeting`'s drafts against the converted `items` (any order; others ignored).
pub fn closure_summary(meeting: &Meeting, items: &[Item], now: Timestamp, cal: &Calendar) -> ClosureSummary {
    let mut s = ClosureSummary::default();
    for (idx, draft) in meeting.items.iter().enumerate() {
        let draft_owners = || draft.owners.iter().map(|o| o.name().to_owned()).collect();
        let mut row = ClosureRow {
            number: idx + 1,
            text: draft.text.clone(),
            item: None,
            owners: draft_owners(),
            deadline: draft.deadline.map(|d| d.at),
            state: ClosureState::NotConverted,
            overdue_workdays: 0,
        };
        match draft.status {
            DraftStatus::Pending => s.not_converted += 1,
            DraftStatus::Ignored => {
                row.state = ClosureState::Ignored;
                s.ignored += 1;
            }
            DraftStatus::Converted(id) => {
                row.item = Some(id);
                match items.iter().find(|i| i.id == id) {
                    None => {
                        row.state = ClosureState::Missing;
                        s.cancelled += 1;
                    }
                    Some(item) => {
                        row.text = item.title.clone();
                        row.deadline = Some(item.deadline);
                        row.owners = std::iter::once(&item.owner)
                            .chain(&item.assistants)
                            .map(|p| p.name.clone())
                            .collect();
                        row.state = match item.status {
                            Status::Done => ClosureState::Done,
                            Status::Cancelled => ClosureState::Cancelled,
                            _ if item.is_overdue(now) => ClosureState::Overdue,
                            _ => ClosureState::InProgress,
                        };
                        match row.state {
                            ClosureState::Done => s.done += 1,
                            ClosureState::Overdue => {
                                s.overdue += 1;
                                row.overdue_workdays = item.overdue_workdays(now, cal).unwrap_or(0);
                            }
                            ClosureState::InProgress => s.in_progress += 1,
                            _ => s.cancelled += 1,
                        }
                    }
                }
            }
        }
        s.rows.push(row);
    }
    s
}

#[cfg(test)]
mod tests;
