//! `/督办 绑定单位 …` (an admin, in the unit's group), `/督办 单位 列表` and `/督办 单位 解绑 …`
//! (an admin). The binding is stored in the caller's [`Changes`] and applied to the registry in
//! memory at once (under the service lock); should the commit fail, the registry is read again
//! from the configuration and sled ([`Service::reload_units`]).

use std::collections::HashMap;

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::Replies;
use crate::card;
use crate::command::spec::SuperviseSub;
use crate::command::{BindUnit, UnitsCmd};
use crate::domain::ids::OpenId;
use crate::domain::unit::{Binding, Origin as UnitOrigin, Unit, UnitKind};
use crate::store::StoreError;
use crate::store::outbox::Changes;

const BIND_EXAMPLE: &str = SuperviseSub::BindUnit.spec().example;
const UNBIND_EXAMPLE: &str = "/督办 单位 解绑 杭州营业部";

/// `/督办 绑定单位 杭州营业部 [营业部] [华东片区] @负责人…`.
///
/// # Errors
/// sled errors.
pub(crate) fn bind(
    svc: &Service,
    b: BindUnit,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let refuse = |title: &str, text: &str| card::error_card(title, text, Some(BIND_EXAMPLE));
    if o.p2p() {
        let e = refuse(
            "请在单位的群里绑定",
            "绑定单位要在该单位自己的群里发送，这样机器人才知道这个群属于哪个单位。",
        );
        return replies.card(svc, ch, &e);
    }
    if !svc.policy.admins.contains(&o.who.open_id) {
        let e = refuse(
            "只有管理员可以绑定单位",
            "绑定单位会影响全公司的下达和晾晒，请联系督办管理员操作。",
        );
        return replies.card(svc, ch, &e);
    }
    let kind = match b.kind.as_deref().and_then(UnitKind::parse) {
        Some(k) => k,
        None => match UnitKind::infer(&b.name) {
            Some(k) => k,
            None => {
                let e = refuse(
                    "请写明单位类型",
                    &format!(
                        "从“{}”看不出单位类型，请在名称后写上 营业部、分公司 或 总部部门。",
                        b.name
                    ),
                );
                return replies.card(svc, ch, &e);
            }
        },
    };
    svc.learn_names(&b.heads);
    let unit = Unit {
        name: b.name,
        kind,
        region: b.region,
        chat_id: o.chat.clone(),
        heads: b.heads.iter().map(|p| p.open_id.clone()).collect(),
        origin: UnitOrigin::Chat {
            by: o.who.clone(),
            at: svc.clock.now(),
        },
    };
    let bound = svc.with_registry(|reg| {
        let unit = reg.normalise(unit);
        reg.bind(unit.clone()).map(|how| (unit, how))
    });
    let (unit, how) = match bound {
        Ok(x) => x,
        Err(e) => return replies.card(svc, ch, &refuse("单位没有绑定", &e.to_string())),
    };
    ch.put_bound_unit(&svc.store, &unit)?;
    let heads = if b.heads.is_empty() {
        "未指定负责人（下达时请在指令里 @ 负责人，或重新绑定时 @ 负责人）".to_owned()
    } else {
        b.heads
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    let region = unit
        .region
        .as_deref()
        .map_or(String::new(), |r| format!(" · {r}"));
    let verb = match how {
        Binding::New => "已绑定",
        Binding::Replaces(_) => "已更新",
    };
    let text = format!(
        "{verb}：本群为「{}」（{}{region}），负责人：{heads}。此后在本群新建的督办事项都归属该单位。",
        unit.name, unit.kind
    );
    replies.text(svc, ch, &text)
}

/// `/督办 单位 [列表]` and `/督办 单位 解绑 <名称>`.
///
/// # Errors
/// sled errors.
pub(crate) fn units(
    svc: &Service,
    cmd: UnitsCmd,
    o: &Origin,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    match cmd {
        UnitsCmd::List => {
            let reg = svc.unit_registry();
            let names = known_names(svc, reg.all());
            let c = card::unit_list_card(&reg, &names, svc.clock.now());
            replies.card(svc, ch, &c)
        }
        UnitsCmd::Unbind { name } => {
            let refuse = |title: &str, text: &str| card::error_card(title, text, Some(UNBIND_EXAMPLE));
            if !svc.policy.admins.contains(&o.who.open_id) {
                let e = refuse(
                    "只有管理员可以解绑单位",
                    "解绑单位会影响全公司的下达和晾晒，请联系督办管理员操作。",
                );
                return replies.card(svc, ch, &e);
            }
            let unit = match svc.with_registry(|reg| reg.unbind(&name)) {
                Ok(u) => u,
                Err(e) => return replies.card(svc, ch, &refuse("单位没有解绑", &e.to_string())),
            };
            ch.remove_bound_unit(&svc.store, &unit.name)?;
            let text = format!(
                "已解绑「{}」：此后在原来的群里新建的事项不再归属该单位，已有事项仍归属该单位。",
                unit.name
            );
            replies.text(svc, ch, &text)
        }
    }
}

/// The names known for the units' heads.
fn known_names(svc: &Service, units: &[Unit]) -> HashMap<OpenId, String> {
    let g = svc
        .people
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    units
        .iter()
        .flat_map(|u| u.heads.iter())
        .filter_map(|h| g.names.get(&h.0).map(|n| (h.clone(), n.clone())))
        .collect()
}
