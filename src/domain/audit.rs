//! Audit records (pure): one [`AuditRecord`] per successful change to a 督办 item.
//!
//! The log is append-only: records are never edited or deleted, and nothing deletes items
//! (a withdrawn item is 已取消, not removed). The store saves records as JSON next to the item.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::domain::ids::{MessageId, Person};

/// Where a change came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "message_id", rename_all = "snake_case")]
pub enum Source {
    /// A chat command, with the message that carried it.
    Message(MessageId),
    /// A button or form on a card, with the card's message.
    Card(MessageId),
    /// The bot itself (scheduler, migration).
    System,
}

impl Source {
    /// A short Chinese label for history views: 消息 / 卡片 / 系统.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Message(_) => "消息",
            Self::Card(_) => "卡片",
            Self::System => "系统",
        }
    }
}

/// One field's value before and after a change, both as shown to users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The field's stable key (`status`, `progress`, `deadline`, `owner`, …); see
    /// [`Change::field_label`] for the Chinese name.
    pub field: String,
    /// The value before, as displayed (empty when there was none).
    pub before: String,
    /// The value after, as displayed (empty when cleared).
    pub after: String,
}

impl Change {
    /// A change of `field` from `before` to `after`.
    pub fn new(field: &str, before: impl Into<String>, after: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            before: before.into(),
            after: after.into(),
        }
    }

    /// The Chinese name of the field (the key itself if unknown).
    pub fn field_label(&self) -> &str {
        match self.field.as_str() {
            "status" => "状态",
            "progress" => "进度",
            "latest_note" => "最新进展",
            "deadline" => "截止时间",
            "owner" => "主办",
            "assistants" => "协办",
            "extension" => "延期申请",
            "nudge_count" => "催办次数",
            "stage" => "阶段",
            "stage_owner" => "阶段负责人",
            "planned_end" => "计划完成",
            "items" => "关联事项",
            "requirements" => "关联需求",
            "name" => "名称",
            "project" => "所属项目",
            "merged_into" => "合并到",
            "feedback" => "效果评价",
            "reported" => "汇报值",
            "class" => "类别",
            "alignment" => "对齐",
            other => other,
        }
    }
}

/// One entry of an item's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// When the change happened.
    pub at: Timestamp,
    /// Who did it.
    pub actor: Person,
    /// The action's stable key (see `ActionKind::key`), e.g. `acknowledge`.
    pub action: String,
    /// Where it came from.
    pub source: Source,
    /// What changed, field by field.
    #[serde(default)]
    pub changes: Vec<Change>,
    /// The note, reason or comment given with the action.
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::ids::OpenId;

    #[test]
    fn a_record_survives_a_json_round_trip() {
        let rec = AuditRecord {
            at: "2026-03-11T02:00:00Z".parse().unwrap(),
            actor: Person {
                open_id: OpenId("ou_a".to_owned()),
                name: "张三".to_owned(),
            },
            action: "acknowledge".to_owned(),
            source: Source::Card(MessageId("om_1".to_owned())),
            changes: vec![Change::new("status", "待签收", "进行中")],
            note: None,
        };
        let json = serde_json::to_string(&rec).unwrap();
        assert_eq!(serde_json::from_str::<AuditRecord>(&json).unwrap(), rec);
    }

    #[test]
    fn an_old_record_without_changes_or_note_still_loads() {
        let json = r#"{"at":"2026-03-11T02:00:00Z","actor":{"open_id":"ou_a","name":"张三"},
            "action":"nudge","source":{"kind":"system"}}"#;
        let rec: AuditRecord = serde_json::from_str(json).unwrap();
        assert!(rec.changes.is_empty());
        assert_eq!(rec.source, Source::System);
    }

    #[test]
    fn known_fields_have_chinese_labels() {
        assert_eq!(Change::new("status", "", "").field_label(), "状态");
        assert_eq!(Change::new("whatever", "", "").field_label(), "whatever");
    }
}
