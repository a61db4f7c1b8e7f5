//! The firm's 晾晒 and per-unit statistics (issue 14): `/督办 晾晒 全部门` (or `按单位`),
//! `/督办 统计 [期间] 按单位`, and the weekly org board in the leaders' chat. Both commands
//! answer only in the leaders' group (`[board] leaders_chat`) or in an admin's 1:1 chat; what
//! they read comes through the per-unit indexes ([`read`]).

mod read;
mod weekly;

use super::Service;
use super::origin::Origin;
use super::reply::Replies;
use crate::card;
use crate::domain::board::Period;
use crate::store::StoreError;
use crate::store::outbox::Changes;

pub use self::read::{open_batch_lines, org_board_view, unit_stats_view};

impl Service {
    /// Whether the firm-wide views may be asked from `o`: the leaders' group, or an admin 1:1.
    fn may_view_org(&self, o: &Origin) -> bool {
        let leaders = self.cfg.board.leaders_chat.as_deref() == Some(o.chat.0.as_str());
        leaders || (o.p2p() && self.policy.admins.contains(&o.who.open_id))
    }

    /// The refusal: where the firm-wide views work (and nothing else).
    fn org_refusal(&self, what: &str, example: &str) -> serde_json::Value {
        let where_ = if self.cfg.board.leaders_chat.is_some() {
            "请在领导群里发送，或由管理员在与机器人的私聊中发送"
        } else {
            "管理员还没有设置领导群，目前只能由管理员在与机器人的私聊中发送"
        };
        card::error_card(
            &format!("{what}只能在领导群或管理员私聊中查看"),
            &format!("{what}涉及全公司各单位的数据，{where_}「{example}」。"),
            None,
        )
    }
}

/// `/督办 晾晒 全部门`.
///
/// # Errors
/// sled errors.
pub(crate) fn org_board(
    svc: &Service,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    if !svc.may_view_org(o) {
        return replies.card(svc, ch, &svc.org_refusal("全公司晾晒", "/督办 晾晒 全部门"));
    }
    let now = svc.clock.now();
    let b = org_board_view(&svc.store, &svc.unit_registry(), now, &svc.calendar)?;
    replies.card(svc, ch, &card::org_board_card(&b, now, &svc.calendar))
}

/// `/督办 统计 [本月|上月|本季度] 按单位`.
///
/// # Errors
/// sled errors.
pub(crate) fn unit_stats(
    svc: &Service,
    period: Period,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    if !svc.may_view_org(o) {
        return replies.card(
            svc,
            ch,
            &svc.org_refusal("按单位统计", "/督办 统计 本季度 按单位"),
        );
    }
    let now = svc.clock.now();
    let (rows, issued) = unit_stats_view(&svc.store, &svc.unit_registry(), period, now, &svc.calendar)?;
    replies.card(svc, ch, &card::unit_stats_card(period, &rows, &issued))
}
