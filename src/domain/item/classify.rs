//! The two changes of issue 18 that are not lifecycle actions: the 类别 (class) of an item,
//! changed by its 督办人 or an admin, and its 对齐 (OKR alignment), chosen by its 主办, its
//! 督办人 or an admin. Both work in any status, bump the version and return their audit record;
//! a refusal says in Chinese who may.

use jiff::Timestamp;

use super::class::ItemClass;
use super::policy::Policy;
use super::record::Item;
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::Person;
use crate::domain::okr::Alignment;

impl Item {
    /// Sets the class to `class` on behalf of `actor` (the 督办人 or an admin).
    ///
    /// # Errors
    /// The Chinese refusal: who may change it, or that it already has this class.
    pub fn set_class(
        &self,
        class: ItemClass,
        actor: &Person,
        policy: &Policy,
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), String> {
        let roles = self.role_of(&actor.open_id, policy);
        if !(roles.creator || roles.admin) {
            return Err(format!(
                "只有{}或管理员可以修改 {} 的类别。",
                role("督办人", &self.creator),
                self.id
            ));
        }
        if self.class == class {
            return Err(format!("{} 的类别已经是“{}”。", self.id, class.label()));
        }
        let mut next = self.clone();
        next.class = class;
        Ok(self.changed(
            next,
            "set_class",
            actor,
            now,
            source,
            Change::new("class", self.class.label(), class.label()),
        ))
    }

    /// Aligns the item with `alignment` on behalf of `actor` (the 主办, the 督办人 or an admin).
    ///
    /// # Errors
    /// The Chinese refusal naming who may.
    pub fn align(
        &self,
        alignment: Alignment,
        actor: &Person,
        policy: &Policy,
        now: Timestamp,
        source: Source,
    ) -> Result<(Self, AuditRecord), String> {
        self.may_align(actor, policy)?;
        let before = self
            .alignment
            .as_ref()
            .map(Alignment::summary)
            .unwrap_or_default();
        let change = Change::new("alignment", before, alignment.summary());
        let mut next = self.clone();
        next.alignment = Some(alignment);
        Ok(self.changed(next, "align", actor, now, source, change))
    }

    /// Whether `actor` may choose the item's alignment (asked before the OKRs are fetched).
    ///
    /// # Errors
    /// The Chinese refusal naming who may.
    pub fn may_align(&self, actor: &Person, policy: &Policy) -> Result<(), String> {
        let roles = self.role_of(&actor.open_id, policy);
        if roles.owner || roles.creator || roles.admin {
            return Ok(());
        }
        Err(format!(
            "只有{}、{}或管理员可以为 {} 对齐 OKR。",
            role("主办", &self.owner),
            role("督办人", &self.creator),
            self.id
        ))
    }

    fn changed(
        &self,
        mut next: Self,
        action: &str,
        actor: &Person,
        now: Timestamp,
        source: Source,
        change: Change,
    ) -> (Self, AuditRecord) {
        next.version = self.version + 1;
        next.updated_at = now;
        let record = AuditRecord {
            at: now,
            actor: actor.clone(),
            action: action.to_owned(),
            source,
            changes: vec![change],
            note: None,
        };
        (next, record)
    }
}

/// `督办人（李四）`, or the role alone when the name is not known.
fn role(label: &str, p: &Person) -> String {
    if p.name.is_empty() {
        label.to_owned()
    } else {
        format!("{label}（{}）", p.name)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChatId, ItemId, OpenId};
    use crate::domain::item::NewItem;
    use crate::domain::okr::{KeyResult, Objective, UserOkrs};

    fn person(id: &str, name: &str) -> Person {
        Person {
            open_id: OpenId(id.to_owned()),
            name: name.to_owned(),
        }
    }

    fn item() -> Item {
        let now: Timestamp = "2026-11-02T02:00:00Z".parse().unwrap();
        Item::create(
            ItemId(3),
            NewItem {
                title: "t".to_owned(),
                chat_id: ChatId("oc_1".to_owned()),
                creator: person("ou_li", "李四"),
                owner: person("ou_zhang", "张三"),
                assistants: vec![person("ou_wang", "王五")],
                deadline: now,
                deadline_has_time: false,
                priority: Default::default(),
                tags: vec![],
                resources: None,
                scenario: None,
                description: None,
                source_message: None,
            },
            now,
        )
    }

    #[test]
    fn only_the_supervisor_or_an_admin_changes_the_class() {
        let it = item();
        let now = it.created_at;
        let policy = Policy {
            admins: vec![OpenId("ou_admin".to_owned())],
            ..Policy::default()
        };
        let err = it
            .set_class(
                ItemClass::Urgent,
                &person("ou_zhang", "张三"),
                &policy,
                now,
                Source::System,
            )
            .unwrap_err();
        assert!(err.contains("督办人（李四）或管理员"), "{err}");
        let (next, rec) = it
            .set_class(
                ItemClass::Urgent,
                &person("ou_li", "李四"),
                &policy,
                now,
                Source::System,
            )
            .unwrap();
        assert_eq!((next.class, next.version), (ItemClass::Urgent, 2));
        assert_eq!(rec.changes.first().map(|c| c.field_label()), Some("类别"));
        assert!(
            it.set_class(
                ItemClass::Stretch,
                &person("ou_admin", "管"),
                &policy,
                now,
                Source::System
            )
            .is_ok()
        );
        assert!(
            it.set_class(
                ItemClass::Commit,
                &person("ou_li", "李四"),
                &policy,
                now,
                Source::System
            )
            .is_err()
        );
    }

    #[test]
    fn the_owner_aligns_but_an_assistant_may_not() {
        let it = item();
        let okrs = UserOkrs {
            okr_id: "okr".to_owned(),
            period: "p".to_owned(),
            objectives: vec![Objective {
                id: "o1".to_owned(),
                content: "O".to_owned(),
                krs: vec![KeyResult {
                    id: "k1".to_owned(),
                    content: "K".to_owned(),
                }],
            }],
        };
        let a = Alignment::pick(&okrs, &it.owner, 0, Some(0)).unwrap();
        let policy = Policy::default();
        let err = it
            .align(
                a.clone(),
                &person("ou_wang", "王五"),
                &policy,
                it.created_at,
                Source::System,
            )
            .unwrap_err();
        assert!(err.contains("主办（张三）、督办人（李四）或管理员"), "{err}");
        let (next, rec) = it
            .align(
                a,
                &person("ou_zhang", "张三"),
                &policy,
                it.created_at,
                Source::System,
            )
            .unwrap();
        assert_eq!(next.alignment.map(|a| a.label()), Some("O1 / KR1".to_owned()));
        assert_eq!(rec.action, "align");
    }
}
