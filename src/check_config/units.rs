//! The units part of `duban check-config`: the units the configuration declares (how many per
//! kind and region), every problem of `[[units]]` on its own line, who may issue a 下达, and
//! whether the bot is in the leaders' group (`[board] leaders_chat`) and in each unit's group
//! with the unit's heads (read through the chat members API, as Feishu answers it: 232011 when
//! the bot is not in the chat).

use super::report::{Check, Mark};
use crate::config::{Settings, UnitProblems};
use crate::domain::ids::{OpenId, Person};
use crate::domain::unit::UnitRegistry;
use crate::feishu::members::SCOPE_CHAT_MEMBERS;
use crate::feishu::{FeishuClient, FeishuError};

/// One ✘ line per problem of `[org]` / `[[units]]`.
pub(super) fn problems(p: &UnitProblems) -> Vec<Check> {
    p.problems()
        .iter()
        .map(|text| {
            Check::fail(
                format!("单位：{text}"),
                "修改配置文件中的 [[units]]（name、kind、region、chat_id、heads）或 [org] regions，参考 config/duban.example.toml",
            )
        })
        .collect()
}

/// The units, 下达 issuers and leaders' chat as configured (no Feishu call).
pub(super) fn summary(settings: &Settings) -> Vec<Check> {
    let mut v = vec![Check::pass(units_line(&settings.units))];
    let sup = &settings.supervision;
    v.push(Check::pass(format!(
        "下达：管理员 {} 人、下达人（supervision.issuers）{} 人可以下达",
        sup.admins.len(),
        sup.issuers.len()
    )));
    if settings.board.leaders_chat.is_none() {
        v.push(Check {
            mark: Mark::Optional,
            text:
                "领导群：未设置 [board] leaders_chat：全公司晾晒只能在管理员单聊中查看，每周晾晒不发往领导群"
                    .to_owned(),
            fix: Some(
                "在 [board] 中写 leaders_chat = \"oc_…\"（领导群的群 ID），并把机器人拉进该群".to_owned(),
            ),
        });
    }
    v
}

/// `单位：…` — how many units per kind and per region.
fn units_line(reg: &UnitRegistry) -> String {
    if reg.is_empty() {
        return "单位：配置中未登记单位（[[units]]）；管理员也可在单位群里用 /督办 绑定单位 登记".to_owned();
    }
    let kinds: Vec<String> = reg
        .kinds()
        .into_iter()
        .map(|k| format!("{k} {}", reg.of_kind(k).len()))
        .collect();
    let mut regions: Vec<String> = reg
        .regions()
        .iter()
        .map(|r| format!("{r} {}", reg.in_region(r).len()))
        .collect();
    let none = reg.all().iter().filter(|u| u.region.is_none()).count();
    if none > 0 {
        regions.push(format!("未分片区 {none}"));
    }
    format!(
        "单位：配置登记 {} 个 —— {}；{}",
        reg.all().len(),
        kinds.join("、"),
        regions.join("、")
    )
}

/// The leaders' group and every unit's group: is the bot in it, are the heads in it.
pub(super) async fn chats(client: &FeishuClient, settings: &Settings) -> Vec<Check> {
    let mut v = Vec::new();
    if let Some(chat) = &settings.board.leaders_chat {
        let result = client.chat_members(chat).await;
        if result
            .as_ref()
            .err()
            .and_then(|e| e.missing_scope(SCOPE_CHAT_MEMBERS))
            .is_some()
        {
            return vec![unreadable()];
        }
        v.push(
            chat_check("领导群", chat, &[], result)
                .unwrap_or_else(|| Check::pass(format!("领导群：机器人已在群 {chat} 中"))),
        );
    }
    let units = settings.units.all();
    let mut fine = 0;
    for u in units {
        let result = client.chat_members(&u.chat_id.0).await;
        if result
            .as_ref()
            .err()
            .and_then(|e| e.missing_scope(SCOPE_CHAT_MEMBERS))
            .is_some()
        {
            v.push(unreadable());
            return v;
        }
        match chat_check(&format!("单位群「{}」", u.name), &u.chat_id.0, &u.heads, result) {
            Some(c) => v.push(c),
            None => fine += 1,
        }
    }
    if fine > 0 {
        let rest = if fine == units.len() { "" } else { "其余 " };
        v.push(Check::pass(format!(
            "单位群：{rest}{fine} 个单位的群里都有机器人和单位负责人"
        )));
    }
    v
}

/// Without `im:chat:readonly` no group can be read (the scope's own line says how to grant it).
fn unreadable() -> Check {
    Check {
        mark: Mark::Manual,
        text: format!(
            "领导群与单位群：未开通 {SCOPE_CHAT_MEMBERS}，无法检测机器人和负责人是否在群里，请在各群的设置中确认"
        ),
        fix: None,
    }
}

/// `None` when the bot is in `chat` and so is every head; otherwise the ✘ line saying what
/// is wrong and how to fix it.
fn chat_check(
    what: &str,
    chat: &str,
    heads: &[OpenId],
    result: Result<Vec<Person>, FeishuError>,
) -> Option<Check> {
    match result {
        Ok(members) => {
            let missing: Vec<&str> = heads
                .iter()
                .filter(|h| !members.iter().any(|m| m.open_id == **h))
                .map(|h| h.0.as_str())
                .collect();
            (!missing.is_empty()).then(|| {
                Check::fail(
                    format!(
                        "{what}：负责人 {} 不在群 {chat} 中，看不到也点不了本单位的督办卡片",
                        missing.join("、")
                    ),
                    "把负责人拉进该群，或改正 [[units]] 中的 heads",
                )
            })
        }
        Err(FeishuError::Transport(e)) => Some(Check::fail(
            format!("{what}：检测群 {chat} 时无法连接飞书（{e}）"),
            "检查网络后重新运行 duban check-config",
        )),
        Err(e) if matches!(e.code(), Some(232011 | 230002)) => Some(Check::fail(
            format!("{what}：机器人不在群 {chat} 中（或群 ID 写错了）"),
            "在该群「设置 → 群机器人 → 添加机器人」添加本应用，或改正配置中的群 ID",
        )),
        Err(e) if e.code() == Some(232009) => Some(Check::fail(
            format!("{what}：群 {chat} 已解散"),
            "在配置中改用该单位现在的群",
        )),
        Err(e) => Some(Check::fail(
            format!("{what}：无法读取群 {chat}（{e}）"),
            "核对配置中的群 ID，并确认机器人在群里",
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::unit::UnitDecl;

    fn decl(name: &str, region: Option<&str>, chat: &str) -> UnitDecl {
        UnitDecl {
            name: name.to_owned(),
            kind: None,
            region: region.map(str::to_owned),
            chat_id: Some(chat.to_owned()),
            heads: vec!["ou_h".to_owned()],
        }
    }

    #[test]
    fn the_units_line_counts_per_kind_and_region() {
        let regions = [
            "华东片区".to_owned(),
            "华中片区".to_owned(),
            "华南片区".to_owned(),
        ];
        let reg = UnitRegistry::from_decls(
            &regions,
            &[
                decl("杭州营业部", Some("华东片区"), "oc_a"),
                decl("宁波营业部", Some("华东片区"), "oc_b"),
                decl("长沙营业部", Some("华中片区"), "oc_c"),
                decl("运营管理部", None, "oc_d"),
            ],
        )
        .unwrap();
        assert_eq!(
            units_line(&reg),
            "单位：配置登记 4 个 —— 营业部 3、总部部门 1；华东片区 2、华中片区 1、华南片区 0、未分片区 1"
        );
        assert!(units_line(&UnitRegistry::default()).contains("/督办 绑定单位"));
    }

    #[test]
    fn a_group_without_the_bot_or_a_head_is_a_cross_with_its_fix() {
        let heads = [OpenId("ou_h".to_owned()), OpenId("ou_g".to_owned())];
        let member = |id: &str| Person {
            open_id: OpenId(id.to_owned()),
            name: String::new(),
        };
        let ok = chat_check(
            "单位群「杭州营业部」",
            "oc_a",
            &heads,
            Ok(vec![member("ou_h"), member("ou_g")]),
        );
        assert_eq!(ok, None);
        let c = chat_check("单位群「杭州营业部」", "oc_a", &heads, Ok(vec![member("ou_h")])).unwrap();
        assert_eq!(c.mark, Mark::Fail);
        assert!(c.text.contains("ou_g") && !c.text.contains("ou_h"), "{}", c.text);
        let not_in = FeishuError::Api {
            code: 232011,
            msg: "operator is not in chat".to_owned(),
            http_status: 400,
        };
        let c = chat_check("领导群", "oc_l", &[], Err(not_in)).unwrap();
        assert!(c.text.contains("机器人不在群 oc_l 中"), "{}", c.text);
        assert!(c.fix.unwrap().contains("添加机器人"));
    }

    #[test]
    fn each_configuration_problem_is_its_own_cross() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("duban.toml");
        std::fs::write(
            &cfg,
            "[[units]]\nname = \"杭州营业部\"\nchat_id = \"oc_a\"\n[[units]]\nname = \"宁波营业部\"\nchat_id = \"oc_a\"\n[[units]]\nname = \"长沙营业部\"\n",
        )
        .unwrap();
        let env: std::collections::HashMap<String, String> = [(
            "DUBAN_DATA_DIR".to_owned(),
            dir.path().join("d").display().to_string(),
        )]
        .into();
        let err = crate::config::load(Some(&cfg), &env).unwrap_err();
        let checks = problems(err.downcast_ref::<UnitProblems>().unwrap());
        assert_eq!(checks.len(), 2);
        assert!(
            checks
                .iter()
                .all(|c| c.mark == Mark::Fail && c.text.starts_with("单位："))
        );
        assert!(checks[0].text.contains("宁波营业部") && checks[1].text.contains("长沙营业部"));
    }
}
