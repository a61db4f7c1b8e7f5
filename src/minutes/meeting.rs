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
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::ids::OpenId;
    use crate::minutes::extract::ActionItem;

    fn person(name: &str) -> Person {
        Person {
            open_id: OpenId(format!("ou_{name}")),
            name: name.to_owned(),
        }
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn due() -> Deadline {
        Deadline {
            at: ts("2026-03-20T18:00:00+08:00"),
            has_time: false,
        }
    }

    fn action(
        text: &str,
        owners: Vec<OwnerRef>,
        deadline: Option<Deadline>,
        deadline_text: Option<&str>,
    ) -> ActionItem {
        ActionItem {
            text: text.to_owned(),
            owners,
            deadline,
            deadline_text: deadline_text.map(str::to_owned),
            priority: None,
            units: Vec::new(),
        }
    }

    fn meeting() -> Meeting {
        let ex = Extraction {
            title: Some("合规委员会周例会".to_owned()),
            meeting_date: Some(jiff::civil::date(2026, 3, 10)),
            items: vec![
                action(
                    "规则调优方案",
                    vec![OwnerRef::Person(person("张三"))],
                    Some(due()),
                    Some("3月20日前"),
                ),
                action(
                    "自查报告",
                    vec![OwnerRef::Unresolved("李总".to_owned())],
                    Some(due()),
                    None,
                ),
                action(
                    "佣金套餐",
                    vec![OwnerRef::Person(person("王五"))],
                    None,
                    Some("尽快"),
                ),
                action("台账模板", vec![], None, None),
            ],
            decisions: vec![],
        };
        Meeting::from_extraction(
            MeetingId(7),
            ChatId("oc_1".to_owned()),
            person("赵敏"),
            MeetingSource::Pasted {
                message_id: MessageId("om_1".to_owned()),
            },
            ex,
            ts("2026-03-10T17:00:00+08:00"),
        )
    }

    #[test]
    fn a_meeting_takes_the_stated_title_and_date() {
        let m = meeting();
        assert_eq!(m.id.to_string(), "HY-7");
        assert_eq!(m.title, "合规委员会周例会");
        assert_eq!(m.date, jiff::civil::date(2026, 3, 10));
        assert!(m.items.iter().all(|i| i.status == DraftStatus::Pending));
        let bare = Meeting::from_extraction(
            MeetingId(8),
            ChatId("oc_1".to_owned()),
            person("赵敏"),
            MeetingSource::Doc {
                url: "https://x".to_owned(),
            },
            Extraction::default(),
            ts("2026-03-11T01:00:00+08:00"),
        );
        assert_eq!(
            (bare.title.as_str(), bare.date),
            ("会议纪要", jiff::civil::date(2026, 3, 11))
        );
    }

    #[test]
    fn readiness_says_exactly_what_is_missing() {
        let m = meeting();
        let (item, owner, deadline) = m.ready_to_convert(0).unwrap();
        assert_eq!(
            (item.text.as_str(), owner.name.as_str(), *deadline),
            ("规则调优方案", "张三", due())
        );
        let err = m.ready_to_convert(1).unwrap_err();
        assert!(err.to_string().contains("“李总”不在本群成员中"), "{err}");
        let err = m.ready_to_convert(2).unwrap_err();
        assert!(err.to_string().contains("“尽快”无法确定"), "{err}");
        let err = m.ready_to_convert(3).unwrap_err();
        assert!(err.to_string().contains("缺负责人和截止日期"), "{err}");
        assert_eq!(
            m.ready_to_convert(9).unwrap_err(),
            MinutesError::NoSuchItem { number: 10 }
        );
    }

    #[test]
    fn edits_fill_what_is_missing_and_conversion_is_once_only() {
        let mut m = meeting();
        m.edit(2, None, Some(due()), Some(" 确认佣金套餐 ".to_owned()))
            .unwrap();
        assert_eq!(m.items[2].text, "确认佣金套餐");
        assert!(m.ready_to_convert(2).is_ok());
        m.edit(1, Some(person("李明")), None, None).unwrap();
        assert_eq!(m.ready_to_convert(1).unwrap().1.name, "李明");
        assert_eq!(
            m.edit(0, None, None, Some("  ".to_owned())),
            Err(MinutesError::EmptyText)
        );
        m.mark_converted(0, ItemId(12));
        assert!(matches!(
            m.ready_to_convert(0),
            Err(MinutesError::AlreadyConverted { .. })
        ));
        assert!(matches!(
            m.edit(0, None, None, None),
            Err(MinutesError::AlreadyConverted { .. })
        ));
        m.ignore(3).unwrap();
        assert!(matches!(
            m.ignore(3),
            Err(MinutesError::AlreadyIgnored { number: 4 })
        ));
    }

    #[test]
    fn convert_all_lists_ready_items_and_the_reasons_for_the_rest() {
        let m = meeting();
        let (ready, not_ready) = m.convert_all_plan();
        assert_eq!(ready, vec![0]);
        assert_eq!(not_ready.len(), 3);
    }

    #[test]
    fn closure_is_n_working_days_after_the_meeting_at_ten() {
        let cal = Calendar::builtin();
        let m = meeting();
        // Tuesday 2026-03-10 + 5 working days = Tuesday 2026-03-17.
        assert_eq!(m.closure_time(5, &cal).unwrap(), ts("2026-03-17T10:00:00+08:00"));
        let mut before_holiday = meeting();
        before_holiday.date = jiff::civil::date(2026, 9, 30);
        // 国庆 and 中秋 off until 10-07 (10-10 is a working Saturday in 2026? the calendar decides).
        let at = before_holiday.closure_time(1, &cal).unwrap();
        let day = local(at).date();
        assert!(cal.is_workday(day).unwrap() && day > jiff::civil::date(2026, 10, 7));
    }

    #[test]
    fn a_department_alone_asks_for_a_person_from_it_and_survives_storage() {
        let mut unit = action("整理两融客户集中度名单", vec![], Some(due()), Some("3月20日前"));
        unit.units = vec!["运营管理部".to_owned()];
        let mut m = meeting();
        m.items.push(DraftItem {
            text: unit.text,
            owners: unit.owners,
            deadline: unit.deadline,
            deadline_text: unit.deadline_text,
            priority: None,
            status: DraftStatus::Pending,
            units: unit.units,
        });
        let err = m.ready_to_convert(4).unwrap_err();
        assert_eq!(
            err.to_string(),
            "第5条待办写的是由“运营管理部”负责：请在卡片上选择一位具体负责人后再转为督办"
        );
        // Picking a person makes it ready; the unit stays for the record.
        m.edit(4, Some(person("李明")), None, None).unwrap();
        assert_eq!(m.ready_to_convert(4).unwrap().1.name, "李明");
        assert_eq!(m.items[4].units, vec!["运营管理部".to_owned()]);
        let back: Meeting = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back, m);
        // A meeting stored before units existed reads with none.
        let mut old = serde_json::to_value(meeting()).unwrap();
        for i in old["items"].as_array_mut().unwrap() {
            i.as_object_mut().unwrap().remove("units");
        }
        let old: Meeting = serde_json::from_value(old).unwrap();
        assert!(old.items.iter().all(|i| i.units.is_empty()));
    }

    #[test]
    fn a_meeting_survives_a_json_round_trip() {
        let mut m = meeting();
        m.mark_converted(0, ItemId(3));
        let back: Meeting = serde_json::from_str(&serde_json::to_string(&m).unwrap()).unwrap();
        assert_eq!(back, m);
    }
}
