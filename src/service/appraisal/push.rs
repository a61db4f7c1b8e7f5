//! `考评 推送 [期间]`: each person's pack items and records pushed into Feishu Performance as
//! supplementary information (补充信息) for the reviewee, when `[performance] push = true`.
//!
//! UNCONFIRMED ENDPOINT (see [`crate::feishu::performance`]): built as the documentation
//! describes, not yet checked against a live tenant; hence behind the flag.
//!
//! The command queues a [`PushJob`] (durable, in the same commit as the reply); the scheduler
//! runs it ([`Service::performance_tick`]) outside the service lock. Every item and record is
//! sent under its external id (`duban:DB-12`, `duban:BR-3`) and, once Performance answered
//! an id for it, that id too (kept in `perf_remote`): a second push updates instead of adding.
//! The asker is told the outcome 1:1.

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::Replies;
use super::pack::{NOT_ALLOWED, pack_of, person_named};
use crate::card;
use crate::domain::appraisal::{BehaviourRecord, Pack, Window};
use crate::domain::ids::ItemId;
use crate::domain::time::local;
use crate::feishu::event::MessageEvent;
use crate::feishu::performance::{AdditionalInfo, SCOPE_PERFORMANCE};
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::OutboxRecord;
use crate::store::StoreError;
use crate::store::behaviours::PushJob;
use crate::store::outbox::Changes;

/// Informations per import call.
const CHUNK: usize = 50;

pub(super) fn request(
    svc: &Service,
    window: Window,
    o: &Origin,
    msg: &MessageEvent,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let perf = &svc.cfg.appraisal.performance;
    if !perf.push {
        let e = card::error_card(
            "未开启推送到飞书绩效",
            "推送到飞书绩效默认关闭。管理员可在配置文件中设置 [performance] push = true 并填写 semester_id（绩效周期 ID），同时为应用开通绩效权限（performance:performance）。",
            Some("/督办 考评 导出 本季度"),
        );
        return replies.card(svc, ch, &e);
    }
    let access = svc.appraisal_access();
    if !access.is_manager(&o.who.open_id) {
        let e = card::error_card(
            "只有上级和管理员可以推送考评材料",
            NOT_ALLOWED,
            Some("/督办 考评 本季度"),
        );
        return replies.card(svc, ch, &e);
    }
    let people = match access.people_of(&o.who.open_id) {
        Some(p) => p,
        None => {
            let mut set: Vec<_> = svc
                .store
                .all_items()?
                .into_iter()
                .map(|i| i.owner.open_id)
                .collect();
            set.extend(
                access
                    .leaders
                    .iter()
                    .map(|r| crate::domain::ids::OpenId(r.person.clone())),
            );
            set.sort();
            set.dedup();
            set
        }
    };
    let n = people.len();
    let job = PushJob {
        asker: o.who.clone(),
        window: window.label().to_owned(),
        people,
        key: msg.message_id.clone(),
    };
    ch.put_push_job(&svc.store, &job)?;
    svc.wake.scheduler.notify_one();
    replies.text(
        svc,
        ch,
        &format!(
            "正在把{} {n} 人的考评材料推送到飞书绩效（补充信息），完成后私信告诉你结果。",
            window.label()
        ),
    )
}

impl Service {
    /// Runs the queued `考评 推送` jobs (one at a time). Cheap when none is queued.
    ///
    /// # Errors
    /// sled errors.
    pub async fn performance_tick(&self) -> Result<(), StoreError> {
        let _one = self.push_lock.lock().await;
        for (seq, job) in self.store.push_jobs()? {
            let outcome = self.run_push(&job).await?;
            let mut ch = Changes::new();
            ch.remove_push_job(&self.store, seq)?;
            let out = Outgoing::send_text_to_user(
                &job.asker.open_id.0,
                &outcome,
                &feishu_uuid(&format!("perf-push:{}", job.key)),
            );
            ch.outbox_push(&self.store, &OutboxRecord::message(out))?;
            let _guard = self.exclusive().await;
            self.store.commit(&ch)?;
            drop(_guard);
            self.wake.outbox.notify_one();
        }
        Ok(())
    }

    /// Pushes one job; answers the sentence the asker is told.
    async fn run_push(&self, job: &PushJob) -> Result<String, StoreError> {
        let perf = &self.cfg.appraisal.performance;
        let window = Window::parse(&job.window).unwrap_or_default();
        let all = self.store.all_items()?;
        let mut infos = Vec::new();
        for p in &job.people {
            let person = person_named(self, p, &all);
            let pack = pack_of(self, &person, window, &all)?;
            for info in infos_of(&pack) {
                let item_id = self.store.perf_remote_id(&info.external_id)?;
                infos.push(AdditionalInfo { item_id, ..info });
            }
        }
        let name = perf
            .import_record_name
            .clone()
            .unwrap_or_else(|| "督办考评材料".to_owned());
        let (mut created, mut updated) = (0usize, 0usize);
        for (n, chunk) in infos.chunks(CHUNK).enumerate() {
            let token = feishu_uuid(&format!("perf:{}:{n}", job.key));
            match self
                .client
                .import_additional_informations(&perf.semester_id, &name, &token, chunk)
                .await
            {
                Ok(ids) => {
                    let mut ch = Changes::new();
                    for (external, remote) in &ids {
                        ch.put_perf_remote_id(&self.store, external, remote)?;
                    }
                    let _guard = self.exclusive().await;
                    self.store.commit(&ch)?;
                    let known = chunk.iter().filter(|i| i.item_id.is_some()).count();
                    updated += known;
                    created += ids.len().saturating_sub(known);
                }
                Err(e) => {
                    tracing::warn!(error.message = %e, "performance push failed");
                    let why = match e.missing_scope(SCOPE_PERFORMANCE) {
                        Some(m) => format!("应用缺少飞书绩效权限：{m}"),
                        None => e.to_string(),
                    };
                    return Ok(format!(
                        "推送到飞书绩效未完成（已新建 {created} 条、更新 {updated} 条）：{why}。处理后可再次发送「/督办 考评 推送 {}」，已推送的不会重复。",
                        job.window
                    ));
                }
            }
        }
        Ok(format!(
            "已把{} {} 人的考评材料推送到飞书绩效：新建 {created} 条，更新 {updated} 条。",
            job.window,
            job.people.len()
        ))
    }
}

/// The supplementary informations of one pack: one per item, one per record.
pub(crate) fn infos_of(p: &Pack) -> Vec<AdditionalInfo> {
    let reviewee = p.person.open_id.0.clone();
    let mut out = Vec::new();
    for it in p.items.values() {
        let mut figures = Vec::new();
        for c in std::iter::once(&p.total) {
            for (name, f) in c.figures() {
                if f.items.contains(&it.id) {
                    figures.push(name);
                }
            }
        }
        let done = it.completed_at.map_or_else(
            || format!("状态：{}", it.status.label()),
            |c| format!("完成：{}", local(c).strftime("%Y-%m-%d")),
        );
        out.push(AdditionalInfo {
            item_id: None,
            external_id: external_item(it.id),
            reviewee: reviewee.clone(),
            item: format!("{} {}", it.id, it.title),
            time: local(it.deadline).strftime("%Y-%m-%d").to_string(),
            description: format!(
                "督办事项（{}类，{}）；截止：{}；{done}；计入：{}",
                it.class.label(),
                it.priority,
                local(it.deadline).strftime("%Y-%m-%d %H:%M"),
                if figures.is_empty() {
                    "在办".to_owned()
                } else {
                    figures.join("、")
                }
            ),
        });
    }
    for r in &p.records {
        out.push(record_info(&reviewee, r));
    }
    out
}

fn external_item(id: ItemId) -> String {
    format!("duban:{id}")
}

fn record_info(reviewee: &str, r: &BehaviourRecord) -> AdditionalInfo {
    let mut description = format!(
        "{}行为 {}（{:+}分），记录人 {}",
        r.kind.label(),
        r.code_and_name(),
        r.signed_points(),
        r.recorder.name
    );
    if let Some(i) = r.item {
        description.push_str(&format!("；相关事项 {i}"));
    }
    if let Some(n) = &r.note {
        description.push_str(&format!("；说明：{n}"));
    }
    for c in &r.comments {
        description.push_str(&format!("；本人备注：{}", c.text));
    }
    AdditionalInfo {
        item_id: None,
        external_id: format!("duban:{}", r.id),
        reviewee: reviewee.to_owned(),
        item: format!("{} {}", r.id, r.code_and_name()),
        time: local(r.at).strftime("%Y-%m-%d").to_string(),
        description,
    }
}
