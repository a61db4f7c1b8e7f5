//! `标杆|负面 @某人 <代码> [DB-n] 说明` (a leader of the person, or an admin) and
//! `标杆|负面 备注 BR-n 说明` (the subject). The subject is told privately (a 1:1 card through
//! the outbox); a comment is told to the recorder the same way. Both are audited on the
//! record.

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::Replies;
use crate::card;
use crate::command::BehaviourCmd;
use crate::domain::appraisal::{BehaviourKind, BehaviourRecord, RecordComment, RecordId};
use crate::domain::audit::{AuditRecord, Change};
use crate::domain::ids::{ItemId, OpenId, Person};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::OutboxRecord;
use crate::store::StoreError;
use crate::store::outbox::Changes;

pub(super) fn behaviour(
    svc: &Service,
    cmd: BehaviourCmd,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    match cmd {
        BehaviourCmd::Record {
            kind,
            subject,
            code,
            item,
            note,
        } => record(svc, kind, subject, &code, item, note, o, replies, ch),
        BehaviourCmd::Comment { kind, id, text } => comment(svc, kind, id, text, o, replies, ch),
    }
}

#[allow(clippy::too_many_arguments)]
fn record(
    svc: &Service,
    kind: BehaviourKind,
    subject: Person,
    code: &str,
    item: Option<ItemId>,
    note: Option<String>,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let word = kind.label();
    let access = svc.appraisal_access();
    let typed = subject.name.clone();
    let resolved = super::pack::resolve(svc, subject, &svc.store.all_items()?);
    if resolved.is_none() && access.is_manager(&o.who.open_id) {
        let e = super::pack::unknown_name(&typed, &format!("/督办 {word} @张三 B01 DB-12 说明"));
        return replies.card(svc, ch, &e);
    }
    let Some(subject) = resolved.filter(|s| access.may_record(&o.who.open_id, &s.open_id)) else {
        let e = card::error_card(
            &format!("只有上级和管理员可以记录{word}行为"),
            &format!(
                "{word}行为由被记录人的上级（在 [appraisal] leaders 中登记）或管理员记录。{}",
                super::pack::NOT_ALLOWED
            ),
            Some(&format!("/督办 {word} @张三 B01 DB-12 说明")),
        );
        return replies.card(svc, ch, &e);
    };
    let catalogue = &svc.cfg.appraisal.catalogue;
    let Some(b) = catalogue.find(code).filter(|b| b.kind == kind) else {
        let known: Vec<String> = catalogue
            .examples(kind, 5)
            .iter()
            .map(|b| format!("{} {}", b.code, b.name))
            .collect();
        let list = if known.is_empty() {
            "行为目录里还没有配置任何代码，请管理员在配置文件的 [[behaviours]] 中添加。".to_owned()
        } else {
            format!("可用的{word}代码例如：{}。", known.join("；"))
        };
        let example = catalogue
            .examples(kind, 1)
            .first()
            .map_or("B01", |b| b.code.as_str())
            .to_owned();
        let e = card::error_card(
            &format!("{word}行为目录里没有代码“{code}”"),
            &list,
            Some(&format!("/督办 {word} @张三 {example} DB-12 说明")),
        );
        return replies.card(svc, ch, &e);
    };
    if let Some(id) = item {
        let visible = svc.store.get_item(id)?.is_some_and(|i| {
            let involved = |p: &OpenId| {
                &i.owner.open_id == p
                    || &i.creator.open_id == p
                    || i.assistants.iter().any(|a| &a.open_id == p)
            };
            access.is_admin(&o.who.open_id) || involved(&o.who.open_id) || involved(&subject.open_id)
        });
        if !visible {
            let e = card::error_card(
                &format!("没有找到事项 {id}"),
                &format!("{id} 不存在，或不是你或被记录人参与的事项。请核对编号，或不写事项编号。"),
                Some(&format!("/督办 {word} @张三 {} 说明", b.code)),
            );
            return replies.card(svc, ch, &e);
        }
    }
    let now = svc.clock.now();
    let id = ch.next_record_id(&svc.store)?;
    let mut r = BehaviourRecord {
        id,
        subject: subject.clone(),
        recorder: o.who.clone(),
        kind,
        code: b.code.clone(),
        name: b.name.clone(),
        points: b.points,
        item,
        note,
        at: now,
        comments: Vec::new(),
        audit: Vec::new(),
    };
    r.audit.push(AuditRecord {
        at: now,
        actor: o.who.clone(),
        action: "behaviour_record".to_owned(),
        source: o.source.clone(),
        changes: vec![Change::new("behaviour", "", r.code_and_name())],
        note: r.note.clone(),
    });
    ch.put_new_behaviour_record(&svc.store, &r)?;
    if subject.open_id != o.who.open_id {
        let out = Outgoing::send_card_to_user(
            &subject.open_id.0,
            &card::appraisal::record_card(&r, true),
            &feishu_uuid(&format!("behaviour:{id}")),
        );
        ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
    }
    replies.card(svc, ch, &card::appraisal::record_card(&r, false))
}

fn comment(
    svc: &Service,
    kind: BehaviourKind,
    id: RecordId,
    text: String,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let Some(mut r) = svc
        .store
        .behaviour_record(id)?
        .filter(|r| r.subject.open_id == o.who.open_id)
    else {
        let e = card::error_card(
            &format!("没有找到可以备注的记录 {id}"),
            &format!(
                "只能备注关于你本人的记录；{id} 不存在或不是关于你的记录。记录编号在通知你的私信卡片上。"
            ),
            Some(&format!("/督办 {} 备注 BR-3 说明", kind.label())),
        );
        return replies.card(svc, ch, &e);
    };
    let now = svc.clock.now();
    r.comments.push(RecordComment {
        text: text.clone(),
        at: now,
    });
    r.audit.push(AuditRecord {
        at: now,
        actor: o.who.clone(),
        action: "behaviour_comment".to_owned(),
        source: o.source.clone(),
        changes: vec![Change::new("comment", "", text.clone())],
        note: None,
    });
    ch.put_behaviour_record(&svc.store, &r)?;
    let n = r.comments.len();
    if r.recorder.open_id != o.who.open_id {
        let out = Outgoing::send_text_to_user(
            &r.recorder.open_id.0,
            &format!(
                "{} 对{}记录 {id}（{}）添加了备注：{text}",
                o.who.name,
                r.kind.label(),
                r.code_and_name()
            ),
            &feishu_uuid(&format!("behaviour:{id}:comment:{n}")),
        );
        ch.outbox_push(&svc.store, &OutboxRecord::message(out))?;
    }
    replies.text(
        svc,
        ch,
        &format!("已为 {id} 添加备注，记录人、你的上级和管理员可以看到。"),
    )
}
