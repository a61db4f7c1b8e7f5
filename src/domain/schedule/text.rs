//! The words of an item reminder (pure): who is @-mentioned, who gets 加急, and the Chinese line.

use jiff::Timestamp;

use super::types::{NudgeKind, Occ, PlannedNudge, ProgressAsk, ReminderPolicy};
use crate::calendar::Calendar;
use crate::domain::deadline::DeadlineHint;
use crate::domain::ids::Person;
use crate::domain::item::Item;
use crate::domain::time::format_datetime;

fn push_unique(list: &mut Vec<Person>, p: &Person) {
    if !list.iter().any(|q| q.open_id == p.open_id) {
        list.push(p.clone());
    }
}

pub(super) fn plan(
    item: &Item,
    o: Occ,
    key: String,
    resume: Option<Timestamp>,
    asks: &[ProgressAsk],
    p: &ReminderPolicy,
    cal: &Calendar,
) -> PlannedNudge {
    let at = resume.map_or(o.at, |r| r.max(o.at));
    let due = format_datetime(item.deadline, at);
    let mut mention = Vec::new();
    let mut urgent = Vec::new();
    let mut notify_leaders = false;
    let text = match o.kind {
        NudgeKind::Unacknowledged => {
            push_unique(&mut mention, &item.owner);
            let m = p.ack_within_work_minutes;
            let span = if m.is_multiple_of(60) {
                format!("{}个工作小时", m / 60)
            } else {
                format!("{m}个工作分钟")
            };
            format!("派发已超过{span}，还没有签收，请尽快签收")
        }
        NudgeKind::DayBefore | NudgeKind::HoursBefore => {
            push_unique(&mut mention, &item.owner);
            for a in &item.assistants {
                push_unique(&mut mention, a);
            }
            match DeadlineHint::compute(item.deadline, at, cal) {
                DeadlineHint::DueTomorrow => format!("明天截止（{due}），请抓紧办理"),
                hint => format!("{hint}（{due}截止），请抓紧办理"),
            }
        }
        NudgeKind::AtDeadline => {
            push_unique(&mut mention, &item.owner);
            format!("已到截止时间（{due}），事项还没有完成，请尽快办理；如需更多时间请申请延期")
        }
        NudgeKind::Overdue { day } => {
            push_unique(&mut mention, &item.owner);
            if day >= p.mention_creator_from_day {
                push_unique(&mut mention, &item.creator);
            }
            if day >= p.urgent_from_day {
                urgent.push(item.owner.clone());
                notify_leaders = !p.leaders.is_empty();
            }
            format!("已逾期{day}个{}，请尽快办理；如需更多时间请申请延期", p.day_rule)
        }
        NudgeKind::ExtensionPending => {
            push_unique(&mut mention, &item.creator);
            let (who, until) = item.extension.as_ref().map_or_else(
                || (item.owner.name.clone(), due.clone()),
                |e| (e.requested_by.name.clone(), format_datetime(e.deadline, at)),
            );
            format!(
                "{who}申请延期至{until}，已等待超过{}个{}，请督办人批准或拒绝",
                p.extension_unanswered_workdays, p.day_rule
            )
        }
        NudgeKind::ProgressAsk { .. } => {
            push_unique(&mut mention, &item.owner);
            match asks.iter().find(|a| a.kind() == o.kind) {
                Some(a) => format!(
                    "【进展征集】例会「{}」将于{}召开，请在会前更新你负责事项的进展：{}（例如：/督办 进展 {} 60% 说明），会前提醒卡片上会显示你已更新",
                    a.name,
                    format_datetime(a.meeting_at, at),
                    a.items.join("；"),
                    item.id
                ),
                None => "【进展征集】例会前请更新进展".to_owned(),
            }
        }
    };
    PlannedNudge {
        kind: o.kind,
        key,
        scheduled: o.scheduled,
        at,
        moved: o.moved,
        mention,
        urgent,
        notify_leaders,
        text,
    }
}
