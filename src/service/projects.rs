//! `/项目` end to end: commands and card clicks → [`Project::apply`] → one [`Changes`] with
//! the audit record, the live card's PATCH, the reminder index, the mirror queue and, for
//! linked requirements whose closed-loop status moved, the submitters' status cards.

use serde_json::{Value, json};

use super::Service;
use super::replies::{Replies, at, notice};
use crate::card::{self, ToastKind};
use crate::command::{ProjectCmd, ProjectFilter};
use crate::domain::audit::Source;
use crate::domain::ids::{ChatId, ItemId, MessageId, OpenId, Person, ProjectId};
use crate::domain::project::{Project, ProjectAction, ProjectStatus, StageTemplate};
use crate::domain::project_nudge::{ProjectCheck, mark_project_sent, next_project_check, project_due_now};
use crate::domain::supervision::{Actor, Item, Policy};
use crate::domain::time::format_datetime;
use crate::feishu::event::{CardActionEvent, MessageEvent};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::mirror::MirrorTable;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;
use crate::store::projects::Watched;

/// At most this many projects and requirements per reminder tick.
const TICK_LIMIT: usize = 1_000;

impl Service {
    /// The configured template called `name` (the default one when `None`).
    pub(super) fn template(&self, name: Option<&str>) -> Option<StageTemplate> {
        let t = &self.projects_cfg.templates;
        match name {
            Some(n) => StageTemplate::find(t, n).cloned().or_else(|| {
                (n == StageTemplate::DEFAULT_NAME && t.is_empty()).then(StageTemplate::default_five)
            }),
            None => Some(
                StageTemplate::find(t, StageTemplate::DEFAULT_NAME)
                    .or_else(|| t.first())
                    .cloned()
                    .unwrap_or_else(StageTemplate::default_five),
            ),
        }
    }

    /// The open 督办 items of `p`, for its card.
    pub(super) fn project_open_items(&self, p: &Project) -> Result<Vec<Item>, StoreError> {
        let mut out = Vec::new();
        for id in &p.items {
            if let Some(i) = self.store.get_item(*id)?
                && i.is_open()
            {
                out.push(i);
            }
        }
        Ok(out)
    }

    pub(super) fn project_card_now(&self, p: &Project) -> Result<Value, StoreError> {
        Ok(card::project::project_card(
            p,
            &self.project_open_items(p)?,
            self.clock.now(),
            &self.calendar,
        ))
    }

    /// Creates a project (command or 受理 新建项目) by `creator` and queues its live card in `chat`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn create_project(
        &self,
        ch: &mut Changes,
        chat: &ChatId,
        name: &str,
        owner: Person,
        creator: Person,
        template: &StageTemplate,
        source: Source,
        reply_to: Option<&str>,
    ) -> Result<Project, StoreError> {
        let id = ch.next_project_id(&self.store)?;
        let p =
            Project::create(id, chat.clone(), name, owner, template, self.clock.now()).created_by(creator);
        ch.put_new_project(&self.store, &p);
        ch.push_watched_audit(&self.store, Watched::Project(id), &p.creation_record(source))?;
        self.watch_project(ch, &p)?;
        let intent = Intent::PostProjectCard {
            project: id.0,
            chat_id: chat.0.clone(),
            reply_to: reply_to.map(str::to_owned),
            uuid: feishu_uuid(&format!("pcard:{}:{}", id.0, reply_to.unwrap_or(""))),
        };
        ch.outbox_push(&self.store, &OutboxRecord::new(intent, Some(chat.0.clone())))?;
        Ok(p)
    }

    /// Reschedules `p`'s reminder check and queues its mirror row.
    fn watch_project(&self, ch: &mut Changes, p: &Project) -> Result<(), StoreError> {
        let w = Watched::Project(p.id);
        let state = self.store.watch_state(w)?;
        let now = self.clock.now();
        let policy = self.policy_for(&p.chat_id);
        let floor = now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(now);
        let next = match next_project_check(
            p,
            &state,
            now,
            &policy,
            &self.calendar,
            self.projects_cfg.stalled_workdays,
        ) {
            Ok(n) => n.map(|t| t.max(floor)),
            Err(e) => {
                tracing::warn!(project = %p.id, error.message = %e, "no project reminders: calendar data missing");
                None
            }
        };
        ch.schedule_watched(&self.store, w, next.map(jiff::Timestamp::as_millisecond))?;
        self.queue_mirror(ch, MirrorTable::Projects, &p.id.to_string())
    }

    /// Stores a changed project with everything that follows from it: card PATCH, reminder
    /// check, mirror row, and the closed loop of its linked requirements.
    pub(super) fn stage_project(
        &self,
        ch: &mut Changes,
        before: &Project,
        after: &Project,
    ) -> Result<(), StoreError> {
        ch.put_project(&self.store, after);
        self.watch_project(ch, after)?;
        let rec = OutboxRecord::new(
            Intent::RefreshProjectCard { project: after.id.0 },
            Some(after.chat_id.0.clone()),
        );
        ch.outbox_push(&self.store, &rec)?;
        for rid in &after.requirements {
            if let Some(r) = self.store.get_requirement(*rid)? {
                self.requirement_follows_project(ch, &r, before, after)?;
            }
        }
        Ok(())
    }

    /// Applies `action` to project `id` and stages the result; `Err` carries the refusal text.
    pub(super) fn act_on_project(
        &self,
        ch: &mut Changes,
        id: ProjectId,
        action: ProjectAction,
        who: &Person,
        source: Source,
        policy: &Policy,
    ) -> Result<Result<(Project, Project), String>, StoreError> {
        let Some(p) = self.store.get_project(id)? else {
            return Ok(Err(format!("没有找到项目 {id}，请发送「/项目 列表」查看。")));
        };
        let actor = Actor {
            person: person_on_project(&p, who),
        };
        match p.apply(action, &actor, policy, self.clock.now(), source) {
            Ok((next, record)) => {
                ch.push_watched_audit(&self.store, Watched::Project(id), &record)?;
                self.stage_project(ch, &p, &next)?;
                Ok(Ok((p, next)))
            }
            Err(e) => Ok(Err(e.to_string())),
        }
    }

    /// `/项目 …` from a chat message.
    pub(super) fn project_command(
        &self,
        cmd: ProjectCmd,
        msg: &MessageEvent,
        sender: &Person,
        replies: &mut Replies<'_>,
        ch: &mut Changes,
    ) -> Result<(), StoreError> {
        let now = self.clock.now();
        let chat = ChatId(msg.chat_id.clone());
        let p2p = msg.chat_type == "p2p";
        let source = Source::Message(MessageId(msg.message_id.clone()));
        let (id, action) = match cmd {
            ProjectCmd::Help => return replies.card(self, ch, &card::project::project_help_card()),
            ProjectCmd::Create {
                name,
                owner,
                template,
            } => {
                let Some(t) = self.template(template.as_deref()) else {
                    let names: Vec<String> = self
                        .projects_cfg
                        .templates
                        .iter()
                        .map(|t| t.name.clone())
                        .collect();
                    let text = format!(
                        "没有名为“{}”的项目模板。可用模板：{}",
                        template.unwrap_or_default(),
                        if names.is_empty() {
                            StageTemplate::DEFAULT_NAME.to_owned()
                        } else {
                            names.join("、")
                        }
                    );
                    return replies.card(self, ch, &card::error_card("模板不存在", &text, None));
                };
                let creator = sender.clone();
                self.create_project(
                    ch,
                    &chat,
                    &name,
                    owner,
                    creator,
                    &t,
                    source,
                    Some(&msg.message_id),
                )?;
                return Ok(());
            }
            ProjectCmd::Show(id) => {
                let Some(p) = self.store.get_project(id)? else {
                    return replies.card(self, ch, &project_not_found(id));
                };
                let history = self.store.audit_of_watched(Watched::Project(id))?;
                let c = card::project::project_detail_card(
                    &p,
                    &self.project_open_items(&p)?,
                    &history,
                    now,
                    &self.calendar,
                );
                return replies.card(self, ch, &c);
            }
            ProjectCmd::List(filter) => {
                let (title, list) = self.project_list(filter, &chat, p2p, &sender.open_id, now)?;
                return replies.card(self, ch, &card::project::project_list_card(&title, &list, now));
            }
            ProjectCmd::Board { all } => {
                let (scope, list) = if all || p2p {
                    ("全部门", self.store.all_projects()?)
                } else {
                    ("本群", self.store.projects_in_chat(&chat)?)
                };
                let c = card::project::project_board_card(
                    &list,
                    now,
                    &self.calendar,
                    self.projects_cfg.stalled_workdays,
                    scope,
                );
                return replies.card(self, ch, &c);
            }
            ProjectCmd::Plan {
                id,
                stage,
                owner,
                planned_end,
            } => (
                id,
                ProjectAction::Plan {
                    stage,
                    owner,
                    planned_end,
                },
            ),
            ProjectCmd::Advance { id, note } => (id, ProjectAction::Advance { note }),
            ProjectCmd::Rollback { id, reason } => (id, ProjectAction::Rollback { reason }),
            ProjectCmd::Link { id, item } => {
                if self.store.get_item(item)?.is_none() {
                    let e = card::error_card("没有找到事项", &format!("没有找到 {item}，请检查编号。"), None);
                    return replies.card(self, ch, &e);
                }
                (id, ProjectAction::LinkItem(item))
            }
            ProjectCmd::Unlink { id, item } => (id, ProjectAction::UnlinkItem(item)),
            ProjectCmd::Cancel { id, reason } => (id, ProjectAction::Cancel { reason }),
        };
        match self.act_on_project(ch, id, action, sender, source, &self.policy)? {
            Ok((before, after)) => replies.text(self, ch, &movement_text(&before, &after, now)),
            Err(text) => replies.card(self, ch, &card::error_card("操作没有生效", &text, None)),
        }
    }

    fn project_list(
        &self,
        filter: ProjectFilter,
        chat: &ChatId,
        p2p: bool,
        me: &OpenId,
        now: jiff::Timestamp,
    ) -> Result<(String, Vec<Project>), StoreError> {
        let mine = |p: &Project| p.is_owner(me) || p.is_creator(me) || p.is_stage_owner(me);
        let pool: Vec<Project> = if p2p {
            self.store
                .all_projects()?
                .into_iter()
                .filter(|p| mine(p))
                .collect()
        } else {
            self.store.projects_in_chat(chat)?
        };
        let scope = if p2p { "我参与的" } else { "本群" };
        type Keep<'k> = Box<dyn Fn(&Project) -> bool + 'k>;
        let (title, keep): (String, Keep<'_>) = match filter {
            ProjectFilter::Active => (
                format!("{scope}进行中的项目"),
                Box::new(|p: &Project| p.status == ProjectStatus::Active),
            ),
            ProjectFilter::Mine => ("我负责的项目".to_owned(), Box::new(move |p: &Project| mine(p))),
            ProjectFilter::Late => (
                format!("{scope}延期的项目"),
                Box::new(move |p: &Project| p.is_late(now)),
            ),
            ProjectFilter::All => (
                format!("{scope}全部项目（含已完成、已取消）"),
                Box::new(|_: &Project| true),
            ),
        };
        Ok((title, pool.into_iter().filter(|p| keep(p)).collect()))
    }

    /// Links a new 督办 item to the projects tagged `#XM-n` on its creation line. Members of
    /// the project's own group may link; elsewhere the project's roles apply.
    pub(super) fn link_tagged_projects(
        &self,
        ch: &mut Changes,
        item: &Item,
        sender: &Person,
        replies: &mut Replies<'_>,
    ) -> Result<(), StoreError> {
        for tag in &item.tags {
            let Some(pid) = ProjectId::parse(tag) else {
                continue;
            };
            let same_group = self
                .store
                .get_project(pid)?
                .is_some_and(|p| p.chat_id == item.chat_id);
            let mut policy = self.policy.clone();
            if same_group {
                policy.admins.push(sender.open_id.clone());
            }
            let source = Source::System;
            if let Err(text) =
                self.act_on_project(ch, pid, ProjectAction::LinkItem(item.id), sender, source, &policy)?
            {
                replies.text(
                    self,
                    ch,
                    &format!("{} 已创建，但未能关联到 {pid}：{text}", item.id),
                )?;
            }
        }
        Ok(())
    }

    /// A click on a project card's buttons or forms.
    pub(super) async fn on_project_action(
        &self,
        id: ProjectId,
        mut action: ProjectAction,
        a: &CardActionEvent,
    ) -> Result<Value, StoreError> {
        let now = self.clock.now();
        // The clicker's name (for the audit trail and 退回 on the card), before the lock.
        let who = match &a.open_chat_id {
            Some(chat) => self.name_of(&a.operator_open_id, chat).await,
            None => Person {
                open_id: OpenId(a.operator_open_id.clone()),
                name: String::new(),
            },
        };
        let _guard = match self.lock_fresh(a).await? {
            Ok(g) => g,
            Err(refusal) => return Ok(refusal),
        };
        if let (ProjectAction::Plan { owner: Some(o), .. }, Some(p)) =
            (&mut action, self.store.get_project(id)?)
        {
            *o = person_on_project(&p, o);
        }
        let mut ch = Changes::new();
        let source = Source::Card(MessageId(a.open_message_id.clone()));
        let kind = action.kind();
        match self.act_on_project(&mut ch, id, action, &who, source, &self.policy)? {
            Err(text) => Ok(json!({"toast": card::toast(ToastKind::Error, &text)})),
            Ok((before, after)) => {
                let text = movement_text(&before, &after, now);
                if before.current != after.current || before.status != after.status {
                    let key = format!("pn:{}:{}", after.id.0, after.version);
                    notice(self, &mut ch, &after.chat_id.0, &text, &key)?;
                }
                self.store.commit(&ch)?;
                self.store.durable().await?;
                self.outbox_notify.notify_one();
                self.scheduler_notify.notify_one();
                self.mirror_notify.notify_one();
                let done = format!("已{}", kind.label());
                let c = if super::stale::from_form_card(a) {
                    let stage = after.current_stage().map_or("", |s| s.name.as_str());
                    let line = format!(
                        "{done}。{} 当前阶段：{stage}（{}）",
                        after.id,
                        after.status.label()
                    );
                    card::forms::receipt_card(&format!("{} {}", after.id, after.name), &line)
                } else {
                    self.project_card_now(&after)?
                };
                Ok(json!({
                    "toast": card::toast(ToastKind::Success, &done),
                    "card": {"type": "raw", "data": c},
                }))
            }
        }
    }

    /// Sends the project and requirement reminders due now. Returns when the next check is due.
    ///
    /// # Errors
    /// Storage failures (nothing of the tick is committed; it is retried).
    pub async fn tick_projects(&self) -> Result<Option<i64>, StoreError> {
        let now = self.clock.now();
        let _guard = self.lock.lock().await;
        let due = self.store.watched_due(now.as_millisecond(), TICK_LIMIT)?;
        if due.is_empty() {
            return self.store.next_watched_ms();
        }
        let mut ch = Changes::new();
        for (fire_ms, w) in due {
            ch.unschedule_watched(&self.store, fire_ms, w);
            if self.store.watched_scheduled(w)? != Some(fire_ms) {
                continue; // a stale entry; the live one is elsewhere in the index
            }
            match w {
                Watched::Project(id) => {
                    if let Some(p) = self.store.get_project(id)? {
                        self.project_reminders(&mut ch, &p, now)?;
                    } else {
                        ch.schedule_watched(&self.store, w, None)?;
                    }
                }
                Watched::Requirement(id) => {
                    if let Some(r) = self.store.get_requirement(id)? {
                        self.requirement_reminders(&mut ch, &r, now)?;
                    } else {
                        ch.schedule_watched(&self.store, w, None)?;
                    }
                }
            }
        }
        self.store.commit(&ch)?;
        self.outbox_notify.notify_one();
        self.mirror_notify.notify_one();
        self.store.next_watched_ms()
    }

    fn project_reminders(
        &self,
        ch: &mut Changes,
        p: &Project,
        now: jiff::Timestamp,
    ) -> Result<(), StoreError> {
        let w = Watched::Project(p.id);
        let mut state = self.store.watch_state(w)?;
        let policy = self.policy_for(&p.chat_id);
        let stalled_after = self.projects_cfg.stalled_workdays;
        let due =
            project_due_now(p, &state, now, &policy, &self.calendar, stalled_after).unwrap_or_else(|e| {
                tracing::warn!(project = %p.id, error.message = %e, "cannot plan project reminders");
                Vec::new()
            });
        mark_project_sent(p, &mut state, &due, now);
        ch.put_watch_state(&self.store, w, &state);
        let card_mid = self.store.watched_card(w)?;
        for c in &due {
            let (text, key) = match c {
                ProjectCheck::LateStage {
                    stage,
                    owner,
                    planned_end,
                } => {
                    let name = p.stages.get(*stage).map_or("", |s| s.name.as_str());
                    (
                        format!(
                            "{} {}「{}」的「{name}」阶段计划 {} 完成，目前已超期，请尽快推进；如需调整计划，请发送「/项目 计划 {} {name} 新的日期」。",
                            at(owner),
                            p.id,
                            p.name,
                            format_datetime(*planned_end, now),
                            p.id
                        ),
                        format!(
                            "plate:{}:{stage}:{}",
                            p.id.0,
                            crate::domain::time::local(now).date()
                        ),
                    )
                }
                ProjectCheck::Stalled { workdays } => {
                    let stage = p.current_stage();
                    let owner = stage.and_then(|s| s.owner.as_ref()).unwrap_or(&p.owner);
                    (
                        format!(
                            "{} 请关注：{}「{}」已经{workdays}个工作日没有推进（当前阶段：{}，负责人 {}）。推进后请发送「/项目 推进 {}」。",
                            at(&p.owner),
                            p.id,
                            p.name,
                            stage.map_or("", |s| s.name.as_str()),
                            at(owner),
                            p.id
                        ),
                        format!(
                            "pstall:{}:{}:{workdays}",
                            p.id.0,
                            p.last_moved_at.as_millisecond()
                        ),
                    )
                }
            };
            let uuid = feishu_uuid(&key);
            let out = match &card_mid {
                Some(mid) => Outgoing::reply_text(mid, Some(&p.chat_id.0), &text, &uuid),
                None => Outgoing::send_text_to_chat(&p.chat_id.0, &text, &uuid),
            };
            ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
        }
        if !due.is_empty() {
            // The card shows 延期 / 停滞 now.
            let rec = OutboxRecord::new(
                Intent::RefreshProjectCard { project: p.id.0 },
                Some(p.chat_id.0.clone()),
            );
            ch.outbox_push(&self.store, &rec)?;
        }
        // Reschedule against the new state (the store still holds the old one).
        let next = next_project_check(p, &state, now, &policy, &self.calendar, stalled_after)
            .ok()
            .flatten()
            .map(|t| t.max(now.checked_add(jiff::SignedDuration::from_secs(1)).unwrap_or(now)));
        ch.schedule_watched(&self.store, w, next.map(jiff::Timestamp::as_millisecond))?;
        self.queue_mirror(ch, MirrorTable::Projects, &p.id.to_string())
    }

    /// Renders project and requirement cards for the dispatcher.
    pub(super) fn materialize_watched(&self, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
        Ok(match intent {
            Intent::PostProjectCard {
                project,
                chat_id,
                reply_to,
                uuid,
            } => {
                let Some(p) = self.store.get_project(ProjectId(*project))? else {
                    return Ok(None);
                };
                let c = self.project_card_now(&p)?;
                Some(match reply_to {
                    Some(mid) => Outgoing::reply_card(mid, Some(chat_id), &c, uuid),
                    None => Outgoing::send_card_to_chat(chat_id, &c, uuid),
                })
            }
            Intent::RefreshProjectCard { project } => {
                let id = ProjectId(*project);
                let (Some(p), Some(mid)) = (
                    self.store.get_project(id)?,
                    self.store.watched_card(Watched::Project(id))?,
                ) else {
                    return Ok(None);
                };
                let c = self.project_card_now(&p)?;
                Some(Outgoing::patch_card(&mid, Some(&p.chat_id.0), &c))
            }
            Intent::PostRequirementCard {
                req,
                chat_id,
                reply_to,
                uuid,
                to_user,
            } => {
                let Some(c) = self.requirement_card_now(crate::domain::ids::RequirementId(*req))? else {
                    return Ok(None);
                };
                Some(match reply_to {
                    _ if *to_user => Outgoing::send_card_to_user(chat_id, &c, uuid),
                    Some(mid) => Outgoing::reply_card(mid, Some(chat_id), &c, uuid),
                    None => Outgoing::send_card_to_chat(chat_id, &c, uuid),
                })
            }
            Intent::RefreshRequirementCard { req, nth } => {
                let id = crate::domain::ids::RequirementId(*req);
                let (Some(c), Some(mid)) = (
                    self.requirement_card_now(id)?,
                    self.store
                        .watched_cards(Watched::Requirement(id))?
                        .into_iter()
                        .nth(*nth),
                ) else {
                    return Ok(None);
                };
                Some(Outgoing::patch_card(&mid, None, &c))
            }
            _ => None,
        })
    }

    /// Records a posted project or triage card's message id.
    pub(super) fn watched_delivered(&self, intent: &Intent, mid: &str) -> Result<(), StoreError> {
        match intent {
            Intent::PostProjectCard { project, .. } => self
                .store
                .set_watched_card(Watched::Project(ProjectId(*project)), mid),
            Intent::PostRequirementCard { req, .. } => self
                .store
                .add_watched_card(Watched::Requirement(crate::domain::ids::RequirementId(*req)), mid),
            _ => Ok(()),
        }
    }

    /// The open items linked to a project (for tests and the integrator).
    ///
    /// # Errors
    /// sled errors.
    pub fn project_items(&self, id: ProjectId) -> Result<Vec<ItemId>, StoreError> {
        Ok(self.store.get_project(id)?.map(|p| p.items).unwrap_or_default())
    }
}

/// `who` with the best name the project knows.
fn person_on_project(p: &Project, who: &Person) -> Person {
    if !who.name.is_empty() {
        return who.clone();
    }
    std::iter::once(&p.owner)
        .chain(p.creator.as_ref())
        .chain(p.stages.iter().filter_map(|s| s.owner.as_ref()))
        .find(|x| x.open_id == who.open_id && !x.name.is_empty())
        .cloned()
        .unwrap_or_else(|| who.clone())
}

fn project_not_found(id: ProjectId) -> Value {
    card::error_card(
        "没有找到项目",
        &format!("没有找到 {id}，请检查编号，或发送「/项目 列表」查看。"),
        Some("/项目 列表"),
    )
}

/// The chat confirmation of a project change.
fn movement_text(before: &Project, after: &Project, now: jiff::Timestamp) -> String {
    let id = after.id;
    let name = &after.name;
    let stage = after.current_stage();
    let stage_name = stage.map_or("", |s| s.name.as_str());
    let owner = stage
        .and_then(|s| s.owner.as_ref())
        .map(|o| format!("，阶段负责人 {}", at(o)))
        .unwrap_or_default();
    match (before.status, after.status) {
        (_, ProjectStatus::Cancelled) => format!("{id}「{name}」已取消。"),
        (ProjectStatus::Active, ProjectStatus::Done) => {
            format!("{id}「{name}」全部阶段已完成，项目结项，辛苦了！")
        }
        (ProjectStatus::Done, ProjectStatus::Active) => {
            format!("{id}「{name}」已重新打开「{stage_name}」阶段{owner}。")
        }
        _ if after.current > before.current => {
            let plan = stage
                .and_then(|s| s.planned_end)
                .map(|e| format!("，计划 {} 完成", format_datetime(e, now)))
                .unwrap_or_default();
            format!("{id}「{name}」已推进到「{stage_name}」阶段{owner}{plan}。")
        }
        _ if after.current < before.current => format!("{id}「{name}」已退回到「{stage_name}」阶段{owner}。"),
        _ if after.items.len() > before.items.len() => {
            let added: Vec<String> = after
                .items
                .iter()
                .filter(|i| !before.items.contains(i))
                .map(ToString::to_string)
                .collect();
            format!("已将 {} 关联到 {id}「{name}」。", added.join("、"))
        }
        _ if after.items.len() < before.items.len() => {
            format!("已取消关联，{id} 现有{}个关联事项。", after.items.len())
        }
        _ => format!("{id}「{name}」的阶段计划已更新。"),
    }
}
