//! `/需求` end to end: submission (text or form card) → triage card for the requirement
//! managers → decisions (受理 / 合并 / 驳回 / 待补充) → the submitter's status card at every
//! change of the closed-loop status, the 效果反馈 request when the linked project reaches that
//! stage, and the intake SLA reminder.

use serde_json::{Value, json};

use super::Service;
use super::replies::{Replies, at};
use crate::card::requirement::{
    RequirementCardAction, feedback_card, feedback_done_card, requirement_board_card, requirement_card,
    requirement_form_card, requirement_status_card, requirement_submitted_card,
};
use crate::card::{self, ToastKind};
use crate::command::{AcceptTarget, NewReq, ReqCmd, ReqFilter};
use crate::domain::audit::{AuditRecord, Change, Source};
use crate::domain::ids::{ChatId, MessageId, OpenId, Person, RequirementId};
use crate::domain::project::{Project, ProjectStatus, StageTemplate};
use crate::domain::project_nudge::{next_requirement_check, requirement_due_now};
use crate::domain::requirement::{
    LoopStatus, NewRequirement, ReqAction, ReqStatus, Requirement, loop_status, triage_refusal, who_triages,
};
use crate::domain::supervision::Actor;
use crate::domain::time::local;
use crate::feishu::event::{CardActionEvent, MessageEvent};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::mirror::MirrorTable;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// Where a requirement command or click came from.
pub(super) struct Origin {
    /// The chat.
    chat: ChatId,
    /// Who.
    who: Person,
    /// Audit source.
    source: Source,
    /// The message to answer under (commands).
    reply_to: Option<String>,
}

impl Service {
    /// The configured requirement managers, with the names learned so far.
    pub(super) fn managers(&self) -> Vec<Person> {
        self.req_cfg
            .managers
            .iter()
            .map(|m| self.known_person(m))
            .collect()
    }

    pub(super) fn is_manager(&self, who: &OpenId) -> bool {
        self.req_cfg.managers.contains(&who.0)
    }

    /// PATCHes every triage card of `r` (one per manager when they went 1:1; a card not posted
    /// yet renders the latest state when it is).
    fn refresh_triage_cards(&self, ch: &mut Changes, r: RequirementId) -> Result<(), StoreError> {
        let n = self.store.watched_cards(Watched::Requirement(r))?.len().max(1);
        for nth in 0..n {
            let rec = OutboxRecord::new(Intent::RefreshRequirementCard { req: r.0, nth }, None);
            ch.outbox_push(&self.store, &rec)?;
        }
        Ok(())
    }

    pub(super) fn linked_project(&self, r: &Requirement) -> Result<Option<Project>, StoreError> {
        match r.project {
            Some(p) => self.store.get_project(p),
            None => Ok(None),
        }
    }

    /// The triage card of `id` now (`None`: unknown).
    pub(super) fn requirement_card_now(&self, id: RequirementId) -> Result<Option<Value>, StoreError> {
        let Some(r) = self.store.get_requirement(id)? else {
            return Ok(None);
        };
        let p = self.linked_project(&r)?;
        Ok(Some(requirement_card(&r, p.as_ref(), self.clock.now())))
    }

    /// Sends the submitter's status card when the closed-loop status moved from (`before`,
    /// `before_p`) to (`after`, `after_p`), and the 效果反馈 request when it reached 上线.
    pub(super) fn loop_moved(
        &self,
        ch: &mut Changes,
        before: &Requirement,
        after: &Requirement,
        before_p: Option<&Project>,
        after_p: Option<&Project>,
    ) -> Result<(), StoreError> {
        let was = loop_status(before, before_p);
        let now_s = loop_status(after, after_p);
        if was == now_s && before.status == after.status {
            return Ok(());
        }
        self.queue_mirror(ch, MirrorTable::Requirements, &after.id.to_string())?;
        let chat = &after.chat_id.0;
        let stamp = after_p.map_or(after.version, |p| p.version);
        let c = requirement_status_card(after, after_p, self.clock.now());
        let uuid = feishu_uuid(&format!(
            "rstatus:{}:{}:{stamp}:{}",
            after.id.0,
            after.version,
            now_s.label()
        ));
        ch.outbox_push(
            &self.store,
            &OutboxRecord::message(Outgoing::send_card_to_chat(chat, &c, &uuid)),
        )?;
        if now_s == LoopStatus::Launched && was != LoopStatus::Launched && after.feedback.is_none() {
            let uuid = feishu_uuid(&format!("rfeedback:{}:{stamp}", after.id.0));
            let c = feedback_card(after);
            ch.outbox_push(
                &self.store,
                &OutboxRecord::message(Outgoing::send_card_to_chat(chat, &c, &uuid)),
            )?;
        }
        Ok(())
    }

    /// A linked project changed from `before_p` to `after_p`: the requirement closes with it
    /// (已上线 / 已关闭, see [`Requirement::follow_project`]) and the submitter is told when
    /// the loop moved.
    pub(super) fn requirement_follows_project(
        &self,
        ch: &mut Changes,
        r: &Requirement,
        before_p: &Project,
        after_p: &Project,
    ) -> Result<(), StoreError> {
        let Some((next, record)) = r.follow_project(after_p, self.clock.now()) else {
            return self.loop_moved(ch, r, r, Some(before_p), Some(after_p));
        };
        ch.put_requirement(&self.store, &next);
        ch.push_watched_audit(&self.store, Watched::Requirement(next.id), &record)?;
        self.watch_requirement(ch, &next)?;
        self.refresh_triage_cards(ch, next.id)?;
        self.loop_moved(ch, r, &next, Some(before_p), Some(after_p))
    }

    /// Stores a changed requirement with its audit record, triage card PATCH, SLA check and
    /// mirror row, and tells the submitter when the loop moved.
    fn stage_requirement(
        &self,
        ch: &mut Changes,
        before: &Requirement,
        after: &Requirement,
        record: &AuditRecord,
    ) -> Result<(), StoreError> {
        ch.put_requirement(&self.store, after);
        ch.push_watched_audit(&self.store, Watched::Requirement(after.id), record)?;
        self.watch_requirement(ch, after)?;
        self.refresh_triage_cards(ch, after.id)?;
        let bp = self.linked_project(before)?;
        let ap = self.linked_project(after)?;
        self.loop_moved(ch, before, after, bp.as_ref(), ap.as_ref())
    }

    fn watch_requirement(&self, ch: &mut Changes, r: &Requirement) -> Result<(), StoreError> {
        let w = Watched::Requirement(r.id);
        let state = self.store.watch_state(w)?;
        let now = self.clock.now();
        let policy = self.policy_for(&r.chat_id);
        let floor = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(now);
        let next = next_requirement_check(r, &state, now, &policy, &self.calendar, self.req_cfg.sla_workdays)
            .ok()
            .flatten()
            .map(|t| t.max(floor));
        ch.schedule_watched(&self.store, w, next.map(jiff::Timestamp::as_millisecond))?;
        self.queue_mirror(ch, MirrorTable::Requirements, &r.id.to_string())
    }

    /// Records a submission and sends the triage card to the managers (see `routed` below);
    /// returns the requirement and where its triage card went, in words for the submitter.
    fn submit_requirement(
        &self,
        ch: &mut Changes,
        new: NewReq,
        o: &Origin,
    ) -> Result<(Requirement, String), StoreError> {
        let id = ch.next_requirement_id(&self.store)?;
        let r = Requirement::create(
            id,
            NewRequirement {
                chat_id: o.chat.clone(),
                title: new.title,
                unit: new.unit,
                scenario: new.scenario,
                expected: new.expected,
                priority: new.priority,
                contact: new.contact,
                description: new.description,
                submitter: o.who.clone(),
            },
            self.clock.now(),
        );
        ch.put_new_requirement(&self.store, &r);
        ch.push_watched_audit(
            &self.store,
            Watched::Requirement(id),
            &r.creation_record(o.source.clone()),
        )?;
        self.watch_requirement(ch, &r)?;
        let key = o.reply_to.clone().unwrap_or_else(|| format!("{}", id.0));
        let managers = self.managers();
        // Where the triage card goes: the manager chat; else each manager 1:1 (never the
        // submitting branch's own group); nowhere while no manager is configured.
        let routed = match &self.req_cfg.manager_chat {
            Some(chat) if *chat == o.chat.0 => {
                // Submitted in the managers' own chat: the triage card answers the command.
                let intent = Intent::PostRequirementCard {
                    req: id.0,
                    chat_id: chat.clone(),
                    reply_to: o.reply_to.clone(),
                    uuid: feishu_uuid(&format!("rcard:{}:{key}", id.0)),
                    to_user: false,
                };
                ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(chat.clone())))?;
                return Ok((r, "需求管理员请在本群的受理卡片上处理。".to_owned()));
            }
            Some(chat) => {
                let intent = Intent::PostRequirementCard {
                    req: id.0,
                    chat_id: chat.clone(),
                    reply_to: None,
                    uuid: feishu_uuid(&format!("rcard:{}:{key}", id.0)),
                    to_user: false,
                };
                ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(chat.clone())))?;
                format!("已转给{}受理，受理结果会在本群通知。", who_triages(&managers))
            }
            None if managers.is_empty() => "还没有配置需求管理员，暂时无人受理：请系统管理员在配置文件的 \
                 [requirements] managers 中填写需求管理员，配置后可用「/需求 列表 待受理」查看。"
                .to_owned(),
            None => {
                for m in &managers {
                    let intent = Intent::PostRequirementCard {
                        req: id.0,
                        chat_id: m.open_id.0.clone(),
                        reply_to: None,
                        uuid: feishu_uuid(&format!("rcard:{}:{key}:{}", id.0, m.open_id)),
                        to_user: true,
                    };
                    ch.outbox_push(&self.store, &OutboxRecord::new(intent, None))?;
                }
                format!("已单独发给{}受理，受理结果会在本群通知。", who_triages(&managers))
            }
        };
        // A command is answered with the submitted card; a submission by form is not: the
        // form itself turns into that card (the click's answer), so it shows once.
        if let Some(mid) = &o.reply_to {
            let c = requirement_submitted_card(&r, &routed, self.clock.now());
            let uuid = feishu_uuid(&format!("rsubmitted:{}:{key}", id.0));
            let out = Outgoing::reply_card(mid, Some(&o.chat.0), &c, &uuid);
            ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
        }
        Ok((r, routed))
    }

    /// Applies a requirement action (a new project first for 受理 新建项目); `Err` carries the
    /// refusal text.
    fn act_on_requirement(
        &self,
        ch: &mut Changes,
        id: RequirementId,
        action: Option<ReqAction>,
        new_project_owner: Option<Person>,
        o: &Origin,
    ) -> Result<Result<Requirement, String>, StoreError> {
        let Some(r) = self.store.get_requirement(id)? else {
            return Ok(Err(format!("没有找到需求 {id}，请发送「/需求 列表」查看。")));
        };
        let managers = self.managers();
        let actor = Actor {
            person: o.who.clone(),
        };
        let mut created = None;
        let action = match action {
            Some(a) => a,
            None => {
                // 受理 into a new project: check the decision first, then create the project.
                if !self.is_manager(&o.who.open_id) {
                    return Ok(Err(triage_refusal("受理", &managers).to_string()));
                }
                if !(r.status.is_open() || matches!(r.status, ReqStatus::Closed { .. })) {
                    return Ok(Err(format!("需求当前为“{}”，不能受理", r.status.label())));
                }
                // Without an @-named owner, the manager who accepted leads the new project.
                let owner = new_project_owner.unwrap_or_else(|| o.who.clone());
                let t = self.template(None).unwrap_or_else(StageTemplate::default_five);
                let p = self.create_project(
                    ch,
                    &o.chat,
                    &r.title,
                    owner,
                    o.who.clone(),
                    &t,
                    o.source.clone(),
                    o.reply_to.as_deref(),
                )?;
                let id = p.id;
                created = Some(p);
                ReqAction::Accept { project: Some(id) }
            }
        };
        let target = match &action {
            ReqAction::Accept { project: Some(pid) } => match created.or(self.store.get_project(*pid)?) {
                Some(p) if p.status != ProjectStatus::Active => {
                    return Ok(Err(format!(
                        "项目 {pid} {}，不能再纳入需求：请关联进行中的项目，或写“新建项目”。",
                        p.status.label()
                    )));
                }
                Some(p) => Some(p),
                None => return Ok(Err(format!("没有找到项目 {pid}，请检查编号。"))),
            },
            _ => None,
        };
        if let ReqAction::Merge { into } = &action
            && self.store.get_requirement(*into)?.is_none()
        {
            return Ok(Err(format!("没有找到需求 {into}，请检查编号。")));
        }
        let project = self.linked_project(&r)?;
        let now = self.clock.now();
        let (next, record) = match r.apply(action, &actor, &managers, project.as_ref(), now, o.source.clone())
        {
            Ok(x) => x,
            Err(e) => return Ok(Err(e.to_string())),
        };
        ch.put_requirement(&self.store, &next);
        if let Some(p) = target
            && !p.requirements.contains(&next.id)
        {
            let mut after = p.clone();
            after.requirements.push(next.id);
            after.updated_at = now;
            after.version = p.version.saturating_add(1);
            let rec = AuditRecord {
                at: now,
                actor: o.who.clone(),
                action: "p_link_req".to_owned(),
                source: o.source.clone(),
                changes: vec![Change::new("requirements", "", next.id.to_string())],
                note: Some(next.title.clone()),
            };
            ch.push_watched_audit(&self.store, Watched::Project(p.id), &rec)?;
            // Not `stage_project`: the requirement's own loop change is told below, once.
            ch.put_project(&self.store, &after);
            let refresh = OutboxRecord::new(
                Intent::RefreshProjectCard { project: p.id.0 },
                Some(p.chat_id.0.clone()),
            );
            ch.outbox_push(&self.store, &refresh)?;
            self.queue_mirror(ch, MirrorTable::Projects, &p.id.to_string())?;
        }
        self.stage_requirement(ch, &r, &next, &record)?;
        Ok(Ok(next))
    }

    /// `/需求 …` from a chat message.
    pub(super) fn requirement_command(
        &self,
        cmd: ReqCmd,
        msg: &MessageEvent,
        sender: &Person,
        replies: &mut Replies<'_>,
        ch: &mut Changes,
    ) -> Result<(), StoreError> {
        let now = self.clock.now();
        let o = Origin {
            chat: ChatId(msg.chat_id.clone()),
            who: sender.clone(),
            source: Source::Message(MessageId(msg.message_id.clone())),
            reply_to: Some(msg.message_id.clone()),
        };
        let (id, action, owner) = match cmd {
            ReqCmd::Help => return replies.card(self, ch, &card::requirement::requirement_help_card()),
            ReqCmd::Form => return replies.card(self, ch, &requirement_form_card()),
            ReqCmd::Submit(new) => {
                self.submit_requirement(ch, new, &o)?;
                return Ok(());
            }
            ReqCmd::Show(id) => {
                return match self.requirement_card_now(id)? {
                    Some(c) => {
                        let history = self.store.audit_of_watched(Watched::Requirement(id))?;
                        replies.card(self, ch, &card::detail::record_card(c, &history, now))
                    }
                    None => replies.card(self, ch, &req_not_found(id)),
                };
            }
            ReqCmd::List(filter) => {
                let list = self.requirement_list(filter, &o)?;
                let title = match filter {
                    ReqFilter::Open => "未关闭的需求",
                    ReqFilter::Pending => "待受理的需求",
                    ReqFilter::Mine => "我提出的需求",
                    ReqFilter::All => "全部需求",
                };
                return replies.card(self, ch, &requirement_list_card(title, &list, now));
            }
            ReqCmd::Board => {
                let all = self.store.all_requirements()?;
                return replies.card(self, ch, &requirement_board_card(&all, now));
            }
            ReqCmd::Accept { id, target } => match target {
                AcceptTarget::None => (id, Some(ReqAction::Accept { project: None }), None),
                AcceptTarget::Project(p) => (id, Some(ReqAction::Accept { project: Some(p) }), None),
                AcceptTarget::NewProject { owner } => (id, None, owner),
            },
            ReqCmd::Merge { id, into } => (id, Some(ReqAction::Merge { into }), None),
            ReqCmd::Reject { id, reason } => (id, Some(ReqAction::Reject { reason }), None),
            ReqCmd::AskInfo { id, what } => (id, Some(ReqAction::AskInfo { what }), None),
            ReqCmd::Supplement { id, text } => (id, Some(ReqAction::Supplement { text }), None),
        };
        let label = action.as_ref().map_or("受理", ReqAction::label);
        match self.act_on_requirement(ch, id, action, owner, &o)? {
            Ok(r) => {
                let text = format!(
                    "{} {}「{}」已{label}，当前状态：{}。",
                    at(sender),
                    r.id,
                    r.title,
                    r.status.label()
                );
                replies.text(self, ch, &text)
            }
            Err(text) => replies.card(self, ch, &card::error_card("操作没有生效", &text, None)),
        }
    }

    fn requirement_list(&self, filter: ReqFilter, o: &Origin) -> Result<Vec<Requirement>, StoreError> {
        let is_manager = self.is_manager(&o.who.open_id);
        let manager_chat = self.req_cfg.manager_chat.as_deref() == Some(o.chat.0.as_str());
        Ok(self
            .store
            .all_requirements()?
            .into_iter()
            // Managers (and their chat) see every requirement; a branch group sees its own.
            .filter(|r| is_manager || manager_chat || r.chat_id == o.chat || r.is_submitter(&o.who.open_id))
            .filter(|r| match filter {
                ReqFilter::Open => r.status.is_open() || r.status == ReqStatus::Accepted,
                ReqFilter::Pending => r.status.is_open(),
                ReqFilter::Mine => r.is_submitter(&o.who.open_id),
                ReqFilter::All => true,
            })
            .collect())
    }

    /// A click on a requirement card (triage, supplement, feedback, the submission form).
    pub(super) async fn on_requirement_action(
        &self,
        action: RequirementCardAction,
        a: &CardActionEvent,
    ) -> Result<Value, StoreError> {
        let mut chat = a.open_chat_id.clone().unwrap_or_default();
        self.learn_manager_names(&chat).await;
        // The clicker's name (a project made by 受理 gets them as its owner), before the lock.
        let who = if chat.is_empty() {
            Person {
                open_id: OpenId(a.operator_open_id.clone()),
                name: String::new(),
            }
        } else {
            self.name_of(&a.operator_open_id, &chat).await
        };
        let _guard = match self.lock_fresh(a).await? {
            Ok(g) => g,
            Err(refusal) => return Ok(refusal),
        };
        // A 1:1 form card acts for the group the triage card lives in (a project created by
        // 受理 新建项目 belongs there, not in the manager's private chat).
        if super::stale::from_form_card(a)
            && let RequirementCardAction::Act { req, .. }
            | RequirementCardAction::AcceptIntoNewProject { req } = &action
            && let Some(r) = self.store.get_requirement(*req)?
        {
            chat = self.req_cfg.manager_chat.clone().unwrap_or(r.chat_id.0);
        }
        let o = Origin {
            chat: ChatId(chat),
            who,
            source: Source::Card(MessageId(a.open_message_id.clone())),
            reply_to: None,
        };
        let mut ch = Changes::new();
        let now = self.clock.now();
        let result = match action {
            RequirementCardAction::Submit(new) => {
                if o.chat.0.is_empty() {
                    return Ok(json!({"toast": card::toast(ToastKind::Error, "请在群里提交需求")}));
                }
                let (r, routed) = self.submit_requirement(&mut ch, new, &o)?;
                ch.mark_form_submitted(&self.store, &a.open_message_id, r.id);
                let c = requirement_submitted_card(&r, &routed, now);
                Ok((format!("已提交 {}", r.id), c))
            }
            RequirementCardAction::Act { req, action } => {
                let kind = action.clone();
                self.act_on_requirement(&mut ch, req, Some(action), None, &o)?
                    .map(|r| (self.after_click_text(&kind, &r), self.after_click_card(&kind, &r)))
                    .and_then(|(t, c)| Ok((t, c?)))
            }
            RequirementCardAction::AcceptIntoNewProject { req } => self
                .act_on_requirement(&mut ch, req, None, None, &o)?
                .map(|r| {
                    let p = r.project.map(|p| p.to_string()).unwrap_or_default();
                    (
                        format!("已受理，并新建项目 {p}"),
                        self.after_click_card(&ReqAction::Accept { project: None }, &r),
                    )
                })
                .and_then(|(t, c)| Ok((t, c?))),
        };
        match result {
            Err(text) => Ok(json!({"toast": card::toast(ToastKind::Error, &text)})),
            Ok((text, c)) => {
                let c = if super::stale::from_form_card(a) {
                    let title = match card::drawn::drawn_for(&a.value).map(|d| d.target) {
                        Some(card::drawn::Target::Requirement(id)) => format!("需求 {id}"),
                        _ => "需求".to_owned(),
                    };
                    card::forms::receipt_card(&title, &text)
                } else {
                    c
                };
                self.store.commit(&ch)?;
                self.store.durable().await?;
                self.outbox_notify.notify_one();
                self.scheduler_notify.notify_one();
                self.mirror_notify.notify_one();
                Ok(json!({
                    "toast": card::toast(ToastKind::Success, &text),
                    "card": {"type": "raw", "data": c},
                }))
            }
        }
    }

    fn after_click_text(&self, action: &ReqAction, r: &Requirement) -> String {
        match action {
            ReqAction::Feedback { .. } => "感谢您的评价！".to_owned(),
            ReqAction::Supplement { .. } => "补充内容已提交".to_owned(),
            other => format!("已{}，当前状态：{}", other.label(), r.status.label()),
        }
    }

    /// The card that replaces the clicked one: the triage card for a manager's decision, the
    /// status card for the submitter's supplement or feedback.
    fn after_click_card(&self, action: &ReqAction, r: &Requirement) -> Result<Value, String> {
        let p = self.linked_project(r).map_err(|e| e.to_string())?;
        let now = self.clock.now();
        Ok(match action {
            ReqAction::Supplement { .. } => requirement_status_card(r, p.as_ref(), now),
            // The rating form turns into the rating given, not into a copy of the status card.
            ReqAction::Feedback { .. } => feedback_done_card(r, now),
            _ => requirement_card(r, p.as_ref(), now),
        })
    }

    /// The intake SLA reminder of `r`.
    pub(super) fn requirement_reminders(
        &self,
        ch: &mut Changes,
        r: &Requirement,
        now: jiff::Timestamp,
    ) -> Result<(), StoreError> {
        let w = Watched::Requirement(r.id);
        let mut state = self.store.watch_state(w)?;
        let policy = self.policy_for(&r.chat_id);
        let sla = self.req_cfg.sla_workdays;
        if requirement_due_now(r, &state, now, &policy, &self.calendar, sla).unwrap_or(false) {
            state.nudged_on = Some(local(now).date());
            ch.put_watch_state(&self.store, w, &state);
            let managers: Vec<String> = self
                .req_cfg
                .managers
                .iter()
                .map(|m| format!("<at user_id=\"{m}\"></at>"))
                .collect();
            let text = format!(
                "{} 需求 {}「{}」提交已超过{sla}个工作日，仍未受理，请尽快处理（受理 / 合并 / 驳回 / 待补充）。",
                managers.join(" "),
                r.id,
                r.title
            );
            let uuid = feishu_uuid(&format!("rsla:{}:{}", r.id.0, local(now).date()));
            // Where the triage card went: the manager chat, or each manager 1:1.
            let mut outs = Vec::new();
            match &self.req_cfg.manager_chat {
                Some(chat) => outs.push(match self.store.watched_card(w)? {
                    Some(mid) => Outgoing::reply_text(&mid, Some(chat), &text, &uuid),
                    None => Outgoing::send_text_to_chat(chat, &text, &uuid),
                }),
                None => {
                    for m in &self.req_cfg.managers {
                        let uuid = feishu_uuid(&format!("{uuid}:{m}"));
                        outs.push(Outgoing::send_text_to_user(m, &text, &uuid));
                    }
                }
            }
            for out in outs {
                ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
            }
        }
        let floor = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(now);
        let next = next_requirement_check(r, &state, now, &policy, &self.calendar, sla)
            .ok()
            .flatten()
            .map(|t| t.max(floor));
        ch.schedule_watched(&self.store, w, next.map(jiff::Timestamp::as_millisecond))
    }
}

fn req_not_found(id: RequirementId) -> Value {
    card::error_card(
        "没有找到需求",
        &format!("没有找到 {id}，请检查编号，或发送「/需求 列表」查看。"),
        Some("/需求 列表"),
    )
}

/// A plain list of requirements (newest first, at most 30 rows).
fn requirement_list_card(title: &str, reqs: &[Requirement], now: jiff::Timestamp) -> Value {
    use crate::card::fmt::{card as mk, header, markdown, md_text};
    let count = format!("共{}条", reqs.len());
    let hdr = header(title, "blue", None, &[(count.as_str(), "blue")]);
    if reqs.is_empty() {
        return mk(
            hdr,
            vec![markdown("暂时没有符合条件的需求。发送 `/需求 新建` 提交需求。")],
            title,
        );
    }
    let mut lines = Vec::new();
    for r in reqs.iter().rev().take(30) {
        let unit = r
            .unit
            .as_deref()
            .map(|u| format!(" · {}", md_text(u, 20)))
            .unwrap_or_default();
        lines.push(format!(
            "- {} {} · {}{unit} · {}",
            r.id,
            md_text(&r.title, 40),
            r.status.label(),
            crate::domain::time::format_datetime(r.created_at, now)
        ));
    }
    if reqs.len() > 30 {
        lines.push(format!("……另有{}条未列出", reqs.len() - 30));
    }
    mk(hdr, vec![markdown(&lines.join("\n"))], title)
}
