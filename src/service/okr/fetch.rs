//! Before the lock: the owner's OKRs for the current period, for `/督办 对齐 DB-n` (the item's
//! 主办) and `/项目 对齐 XM-n` (the project's 负责人). Periods first (the current one holds
//! today), then the person's OKRs for it. A tenant without the OKR API gets what is missing,
//! named.

use super::super::Service;
use crate::command::{Command, ProjectCmd, SuperviseCmd};
use crate::domain::ids::Person;
use crate::domain::okr::{UserOkrs, current_period};
use crate::domain::time::local;
use crate::feishu::FeishuError;
use crate::feishu::okr::{SCOPE_OKR_READ, okr_unavailable};

/// What `对齐` fetched: whose OKRs, and them or what to tell the user.
#[derive(Debug, Clone)]
pub(crate) struct OkrFetched {
    /// The OKRs' owner.
    pub(crate) owner: Person,
    /// The OKR of the current period, or the Chinese reason there is none.
    pub(crate) okrs: Result<UserOkrs, String>,
}

/// Fetches the OKRs a parsed `对齐` needs (`None` for every other command, or a record that
/// does not exist: the command answers that under the lock).
pub(crate) async fn fetch_for(svc: &Service, parsed: &Command) -> Option<OkrFetched> {
    let owner = match parsed {
        Command::Supervise(SuperviseCmd::Align { id }) => svc.store.get_item(*id).ok().flatten()?.owner,
        Command::Project(ProjectCmd::Align { id }) => svc.store.get_project(*id).ok().flatten()?.owner,
        _ => return None,
    };
    let okrs = fetch_okrs(svc, &owner).await;
    Some(OkrFetched { owner, okrs })
}

async fn fetch_okrs(svc: &Service, owner: &Person) -> Result<UserOkrs, String> {
    let now = svc.clock.now();
    let periods = svc.client.okr_periods().await.map_err(|e| told(&e))?;
    let Some(period) = current_period(&periods, now) else {
        return Err(format!(
            "飞书 OKR 里没有包含今天（{}）的周期，请 OKR 管理员先创建本周期。",
            local(now).date()
        ));
    };
    let list = svc
        .client
        .user_okrs(&owner.open_id.0, &period.id)
        .await
        .map_err(|e| told(&e))?;
    let who = if owner.name.is_empty() {
        "主办"
    } else {
        owner.name.as_str()
    };
    match list.into_iter().find(|o| !o.objectives.is_empty()) {
        Some(mut okrs) => {
            if okrs.period.is_empty() {
                okrs.period.clone_from(&period.name);
            }
            Ok(okrs)
        }
        None => Err(format!(
            "{who} 在本周期（{}）还没有填写 OKR，请先在飞书 OKR 中填写后再对齐。",
            period.name
        )),
    }
}

/// What to tell the user when reading OKRs failed.
fn told(e: &FeishuError) -> String {
    okr_unavailable(e, SCOPE_OKR_READ).unwrap_or_else(|| format!("暂时无法读取飞书 OKR：{e}"))
}
