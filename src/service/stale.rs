//! Card clicks against the state the card was drawn for, and forms opened on demand.
//!
//! [`Service::lock_fresh`] is the ONE place where a click's drawn-for version
//! ([`crate::card::drawn`]) is compared with the record's current version: every card-click
//! handler takes the service lock through it, so the compare and the write that follows are
//! atomic with respect to each other (a double click or two people at once: the second click
//! sees the first one's version bump and is refused). A refused click gets a toast in plain
//! Chinese and the card redrawn from the record's current state.
//!
//! [`Service::on_open_form`] answers the buttons that open a form: after the same check it
//! asks the domain whether the clicker may act at all (so a bystander is told who may before
//! typing anything) and sends the form 1:1 to the clicker.

use serde_json::Value;

use super::Service;
use super::projects::card_now as project_card;
use super::requirements::{linked_project, managers};
use crate::card::drawn::{Drawn, Target, drawn_for};
use crate::card::forms::{Prefill, item_form_card};
use crate::card::project::project_form_card;
use crate::card::requirement::{feedback_card, requirement_card, requirement_status_card, triage_form_card};
use crate::card::{self, ToastKind};
use crate::domain::audit::Source;
use crate::domain::ids::{MessageId, OpenId, Person};
use crate::domain::permissions::ActionKind;
use crate::domain::project::{ProjectAction, ProjectError};
use crate::domain::requirement::{ReqAction, RequirementError};
use crate::domain::supervision::Actor;
use crate::feishu::event::CardActionEvent;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::OutboxRecord;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// The lock, or the answer refusing a stale click.
pub(super) type Fresh = Result<crate::cluster::ServiceGuard, Value>;

impl Service {
    /// Takes the service lock for card click `a` and, under it, compares the version its button
    /// was drawn for with the record's current version. A mismatch — or a button drawn before
    /// versions were carried — gives `Err(answer)`: a warning toast saying where the record
    /// stands now and the clicked card redrawn from it. Clicks that change no record's state
    /// (and records that no longer exist, which the handlers report) pass.
    ///
    /// # Errors
    /// Storage failures.
    pub(super) async fn lock_fresh(&self, a: &CardActionEvent) -> Result<Fresh, StoreError> {
        let guard = self.exclusive().await;
        let Some(drawn) = drawn_for(&a.value) else {
            return Ok(Ok(guard));
        };
        Ok(match stale_answer(self, &drawn, a)? {
            None => Ok(guard),
            Some(answer) => Err(answer),
        })
    }

    /// A button that opens a form: refused when stale or when the clicker may not act;
    /// otherwise the form is sent 1:1 to the clicker and the clicked card stays as it is.
    pub(super) async fn on_open_form(&self, a: &CardActionEvent) -> Result<Value, StoreError> {
        let Some(d) = drawn_for(&a.value) else {
            let e = card::CardActionError::Malformed;
            return Ok(card::answer(ToastKind::Warning, &e.to_string()));
        };
        // The plan form's person picker lists the project group's members (fetched before the
        // lock; cached).
        let people = match d.target {
            Target::Project(id) => match self.store.get_project(id)? {
                Some(p) => self.members_of(&p.chat_id.0).await.unwrap_or_default(),
                None => Vec::new(),
            },
            Target::Item(_) | Target::Requirement(_) | Target::Meeting(_) | Target::SubmissionForm => {
                Vec::new()
            }
        };
        let _guard = match self.lock_fresh(a).await? {
            Ok(g) => g,
            Err(refusal) => return Ok(refusal),
        };
        let who = OpenId(a.operator_open_id.clone());
        let form = match form_for(self, &d, &who, &people)? {
            Ok(f) => f,
            Err(text) => return Ok(card::answer(ToastKind::Error, &text)),
        };
        let key = format!("form:{:?}:{}:{:?}:{}", d.target, d.op, d.version, who.0);
        let out = Outgoing::send_card_to_user(&who.0, &form, &feishu_uuid(&key));
        let mut ch = Changes::new();
        ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
        self.store.commit(&ch)?;
        self.store.durable().await?;
        self.wake.outbox.notify_one();
        Ok(card::answer(
            ToastKind::Info,
            "表单已私信发给你，请在与机器人的单聊中填写提交",
        ))
    }
}

/// `None` when `d` matches the record's current version (or the record is gone).
fn stale_answer(svc: &Service, d: &Drawn, a: &CardActionEvent) -> Result<Option<Value>, StoreError> {
    let now = svc.clock.now();
    let typed: Option<&Prefill> = a.form_value.as_ref();
    let (state, fresh) = match d.target {
        Target::Item(id) => {
            let Some(it) = svc.store.get_item(id)? else {
                return Ok(None);
            };
            if d.version == Some(it.version) {
                return Ok(None);
            }
            let form = ActionKind::from_key(&d.op)
                .filter(|_| d.on_form_card)
                .and_then(|k| item_form_card(&it, k, now, typed));
            let fresh = match form {
                Some(f) => f,
                None => svc.live_item_card(&it)?,
            };
            (
                format!(
                    "{id} 已有新的变化（现在{}，进度{}%）",
                    it.status.label(),
                    it.progress
                ),
                fresh,
            )
        }
        Target::Project(id) => {
            let Some(p) = svc.store.get_project(id)? else {
                return Ok(None);
            };
            if d.version == Some(p.version) {
                return Ok(None);
            }
            let form = d
                .on_form_card
                .then(|| project_form_card(&p, &d.op, typed, &[]))
                .flatten();
            let fresh = match form {
                Some(f) => f,
                None => project_card(svc, &p)?,
            };
            let state = match (p.status, p.current_stage()) {
                (crate::domain::project::ProjectStatus::Active, Some(s)) => {
                    format!("{id} 现在处于“{}”阶段", s.name)
                }
                (status, _) => format!("{id} 现在{}", status.label()),
            };
            (state, fresh)
        }
        Target::Requirement(id) => {
            let Some(r) = svc.store.get_requirement(id)? else {
                return Ok(None);
            };
            if d.version == Some(r.version) {
                return Ok(None);
            }
            let p = linked_project(svc, &r)?;
            let fresh = match d.op.as_str() {
                "r_supplement" => requirement_status_card(&r, p.as_ref(), now),
                "r_feedback" if r.feedback.is_none() => feedback_card(&r),
                "r_feedback" => requirement_status_card(&r, p.as_ref(), now),
                op => d
                    .on_form_card
                    .then(|| triage_form_card(&r, op, typed))
                    .flatten()
                    .unwrap_or_else(|| requirement_card(&r, p.as_ref(), now)),
            };
            (format!("{id} 现在是“{}”", r.status.label()), fresh)
        }
        Target::SubmissionForm => {
            let Some(id) = svc.store.submitted_from_form(&a.open_message_id)? else {
                return Ok(None);
            };
            let Some(r) = svc.store.get_requirement(id)? else {
                return Ok(None);
            };
            let p = linked_project(svc, &r)?;
            let text = format!("这张表单已经提交过（{id}），不会重复提交，已为你刷新");
            return Ok(Some(card::answer_with_card(
                ToastKind::Warning,
                &text,
                requirement_status_card(&r, p.as_ref(), now),
            )));
        }
        Target::Meeting(id) => {
            let Some(m) = svc.store.get_meeting(id)? else {
                return Ok(None);
            };
            if d.version == Some(m.version) {
                return Ok(None);
            }
            (
                format!("会议纪要 {id} 的待办已有变化"),
                card::minutes_card(&m, now),
            )
        }
    };
    tracing::info!(op = %d.op, drawn = ?d.version, "stale card click refused");
    let text = format!("这张卡片已过期：{state}，已为你刷新，请确认后再操作");
    Ok(Some(card::answer_with_card(ToastKind::Warning, &text, fresh)))
}

/// The form card `d` opens for `who`, or the refusal text (the record is gone, the form
/// no longer applies, or `who` may not act).
fn form_for(
    svc: &Service,
    d: &Drawn,
    who: &OpenId,
    people: &[Person],
) -> Result<Result<Value, String>, StoreError> {
    let now = svc.clock.now();
    let actor = Actor {
        person: Person {
            open_id: who.clone(),
            name: String::new(),
        },
    };
    let gone = || "这项记录已不存在".to_owned();
    let no_longer = || "当前状态下不能再这样操作，请查看最新卡片".to_owned();
    Ok(match d.target {
        Target::Item(id) => {
            let Some(it) = svc.store.get_item(id)? else {
                return Ok(Err(gone()));
            };
            let Some(kind) = ActionKind::from_key(&d.op) else {
                return Ok(Err(no_longer()));
            };
            if let Err(e) = it.may(kind, who, &svc.policy) {
                return Ok(Err(e.to_string()));
            }
            item_form_card(&it, kind, now, None).ok_or_else(no_longer)
        }
        Target::Project(id) => {
            let Some(p) = svc.store.get_project(id)? else {
                return Ok(Err(gone()));
            };
            // Ask the domain with a stand-in action of the same kind: only a refusal of
            // the person or of the project's status counts here.
            let probe = match d.op.as_str() {
                "p_rollback" => ProjectAction::Rollback {
                    reason: "-".to_owned(),
                },
                _ => ProjectAction::Plan {
                    stage: (p.current + 1).to_string(),
                    owner: None,
                    planned_end: None,
                },
            };
            let source = Source::Card(MessageId(String::new()));
            match p.apply(probe, &actor, &svc.policy, now, source) {
                Err(e @ (ProjectError::Forbidden { .. } | ProjectError::Closed { .. })) => Err(e.to_string()),
                Ok(_) | Err(_) => project_form_card(&p, &d.op, None, people).ok_or_else(no_longer),
            }
        }
        Target::Requirement(id) => {
            let Some(r) = svc.store.get_requirement(id)? else {
                return Ok(Err(gone()));
            };
            let probe = ReqAction::Reject {
                reason: "-".to_owned(),
            };
            let source = Source::Card(MessageId(String::new()));
            match r.apply(probe, &actor, &managers(svc), None, now, source) {
                Err(e @ RequirementError::Forbidden { .. }) => Err(e.to_string()),
                Ok(_) | Err(_) => triage_form_card(&r, &d.op, None).ok_or_else(no_longer),
            }
        }
        Target::Meeting(_) | Target::SubmissionForm => Err(no_longer()),
    })
}
