//! `duban check-config` (an edge): validates the configuration file and environment, obtains a
//! tenant token, reads the bot's info, probes one harmless read per OpenAPI scope the enabled
//! features need (a missing scope answers 99991672, named as the bot names it in chat), checks
//! the data directory, and renders a checklist with ✔ / ✘ and a one-line fix per ✘.
//!
//! Scopes that no read can reveal (event scopes, 加急) are listed as "confirm in the console"
//! and do not fail the check; optional features' scopes (document links in `/纪要`) are shown
//! but fail it only when their feature is switched on. Secrets and tokens are never printed.
//!
//! [`units`]: the units, 下达 issuers and the leaders' group, and whether the bot is in each
//! unit's group.

mod database;
mod report;
mod units;

pub use report::{Check, Mark, Report};

use std::path::Path;
use std::time::Duration;

use crate::config::{self, Env, Settings};
use crate::feishu::scope::scope_label;
use crate::feishu::{ClientConfig, FeishuClient, FeishuError};

/// A dummy id for probes: no such message, chat, document or recording exists, so a granted
/// scope answers "not found" and a missing one 99991672.
const PROBE_ID: &str = "duban_check_config";

/// Runs every check: configuration from `config_path` and `env`, then Feishu and the data
/// directory. Never fails: every problem is a ✘ line.
pub async fn run(config_path: Option<&Path>, env: &dyn Env) -> Report {
    let mut report = Report::default();
    let settings = match config::load(config_path, env) {
        Ok(s) => s,
        Err(e) => {
            if let Some(p) = e.downcast_ref::<config::UnitProblems>() {
                report.checks.extend(units::problems(p));
                return report;
            }
            report.checks.push(Check::fail(
                format!("配置：{e:#}"),
                "按上面的提示修改配置文件或环境变量（参考 config/duban.example.toml 与 deploy/env.example）",
            ));
            return report;
        }
    };
    let file = config_path
        .map(Path::to_path_buf)
        .or_else(|| env.var("DUBAN_CONFIG").map(std::path::PathBuf::from));
    let source = file.map_or_else(
        || "环境变量（未指定配置文件）".to_owned(),
        |p| format!("{} 与环境变量", p.display()),
    );
    report.checks.push(Check::pass(format!("配置：{source} 有效")));
    report.checks.push(data_dir(&settings));
    report.checks.extend(database::check(&settings));
    report.checks.extend(units::summary(&settings));
    let Some(creds) = settings.credentials.clone() else {
        report.checks.push(Check::fail(
            "飞书凭据：未设置 FEISHU_APP_ID、FEISHU_APP_SECRET、FEISHU_VERIFICATION_TOKEN（duban 会以沙箱模式启动）",
            "在环境变量中设置这三项（开发者后台 → 凭证与基础信息、事件与回调 → 加密策略；参考 deploy/env.example）",
        ));
        return report;
    };
    report
        .checks
        .push(Check::pass(format!("飞书凭据：应用 {}", creds.app_id)));
    if creds.encrypt_key.is_none() {
        report.checks.push(Check {
            mark: Mark::Optional,
            text: "未设置 FEISHU_ENCRYPT_KEY：事件推送不加密、不验签".to_owned(),
            fix: Some(
                "建议在开发者后台「事件与回调 → 加密策略」设置 Encrypt Key，并填入 FEISHU_ENCRYPT_KEY"
                    .to_owned(),
            ),
        });
    }
    let client = match FeishuClient::new(ClientConfig {
        timeout: Duration::from_secs(settings.feishu.timeout_secs.clamp(1, 30)),
        ..ClientConfig::new(&settings.base_url, &creds.app_id, creds.app_secret.clone())
    }) {
        Ok(c) => c,
        Err(e) => {
            report
                .checks
                .push(Check::fail(format!("飞书地址：{e}"), "检查 FEISHU_BASE_URL"));
            return report;
        }
    };
    match client.tenant_token().await {
        Ok(_) => report.checks.push(Check::pass(format!(
            "飞书令牌：已从 {} 获取 tenant_access_token",
            settings.base_url
        ))),
        Err(e) => {
            report.checks.push(token_failure(&e, &settings.base_url));
            return report;
        }
    }
    report.checks.push(bot(&client).await);
    for need in needed_scopes(&settings) {
        report.checks.push(scope_check(&client, &need).await);
    }
    report.checks.extend(units::chats(&client, &settings).await);
    report
}

fn token_failure(e: &FeishuError, base_url: &str) -> Check {
    let fix = match e.code() {
        Some(10003 | 10012 | 10013 | 10014 | 10015 | 99991543) => {
            "核对 FEISHU_APP_ID 与 FEISHU_APP_SECRET（开发者后台 → 凭证与基础信息），应用须已发布"
        }
        Some(99991401) => "把本机出口 IP 加入开发者后台「安全设置 → IP 白名单」",
        Some(_) => "按错误码在开发者后台排查应用状态",
        None => {
            "检查网络与代理，以及 FEISHU_BASE_URL（飞书 https://open.feishu.cn，Lark https://open.larksuite.com）"
        }
    };
    Check::fail(format!("飞书令牌：无法从 {base_url} 获取（{e}）"), fix)
}

/// The data directory: the loader has made sure it exists and is writable; say whether it
/// holds a store. The store itself is not opened: opening would take the lock a running duban
/// holds and could upgrade an older data format in place.
fn data_dir(settings: &Settings) -> Check {
    let dir = &settings.data_dir;
    if !dir.is_dir() {
        return Check::fail(
            format!("数据目录：{} 不是目录", dir.display()),
            "把 DUBAN_DATA_DIR（或 server.data_dir）指向一个目录",
        );
    }
    if dir.join("db").is_file() {
        Check::pass(format!("数据目录：{} 可写，已有数据", dir.display()))
    } else {
        Check::pass(format!(
            "数据目录：{} 可写（首次启动时创建数据库）",
            dir.display()
        ))
    }
}

async fn bot(client: &FeishuClient) -> Check {
    match client.bot_info().await {
        Ok(b) if b.activate_status == 2 => Check::pass(format!(
            "机器人：「{}」已启用（open_id {}）",
            b.app_name, b.open_id
        )),
        Ok(b) => Check::fail(
            format!("机器人：「{}」未启用（状态 {}）", b.app_name, b.activate_status),
            "在开发者后台启用机器人能力，并在「版本管理与发布」发布新版本",
        ),
        Err(e) => Check::fail(
            format!("机器人：无法读取机器人信息（{e}）"),
            "在开发者后台「添加应用能力」添加机器人，并发布新版本",
        ),
    }
}

/// A harmless read that needs a scope.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Probe {
    /// Read a message that does not exist.
    Message,
    /// Read the members of a chat that does not exist.
    ChatMembers,
    /// Read a document that does not exist.
    Docx,
    /// Resolve a wiki node that does not exist.
    Wiki,
    /// Read a recording that does not exist.
    Minutes,
    /// List the OKR periods.
    OkrPeriods,
    /// Search the mirror's table for `DB-0`.
    Bitable {
        /// The base.
        app_token: String,
        /// A table in it.
        table: String,
    },
    /// No read reveals it.
    None,
}

/// A scope a feature needs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Need {
    scope: &'static str,
    /// What it is for, in plain Chinese.
    feature: &'static str,
    probe: Probe,
    /// Whether a missing scope fails the check (the feature is on).
    required: bool,
}

/// The scopes the features switched on in `settings` need.
fn needed_scopes(settings: &Settings) -> Vec<Need> {
    let need = |scope, feature, probe, required| Need {
        scope,
        feature,
        probe,
        required,
    };
    let mut v = vec![
        need(
            "im:message",
            "发送与回复消息、读取被回复的消息",
            Probe::Message,
            true,
        ),
        need("im:message:send_as_bot", "以机器人身份发消息", Probe::None, true),
        need(
            "im:message.group_at_msg:readonly",
            "接收群里 @督办 的消息",
            Probe::None,
            true,
        ),
        need("im:message.p2p_msg:readonly", "接收单聊消息", Probe::None, true),
        need(
            "im:chat:readonly",
            "读取群成员（姓名对应到成员）",
            Probe::ChatMembers,
            true,
        ),
        need(
            "im:message.urgent",
            "逾期第3个工作日起的应用内加急",
            Probe::None,
            true,
        ),
    ];
    let policies = || {
        std::iter::once(&settings.reminders).chain(settings.groups.iter().filter_map(|g| g.policy.as_ref()))
    };
    if policies().any(|p| p.urgent_sms) {
        v.push(need(
            "im:message.urgent:sms",
            "短信加急（urgent_sms）",
            Probe::None,
            true,
        ));
    }
    if policies().any(|p| p.urgent_phone) {
        v.push(need(
            "im:message.urgent:phone",
            "电话加急（urgent_phone）",
            Probe::None,
            true,
        ));
    }
    v.push(need(
        "docx:document:readonly",
        "/纪要 <文档链接>",
        Probe::Docx,
        false,
    ));
    v.push(need(
        "wiki:wiki:readonly",
        "/纪要 <知识库链接>",
        Probe::Wiki,
        false,
    ));
    v.push(need(
        "minutes:minutes:readonly",
        if settings.minutes.events {
            "妙记生成事件（[minutes] events = true）与 /纪要 <妙记链接>"
        } else {
            "/纪要 <妙记链接>"
        },
        Probe::Minutes,
        settings.minutes.events,
    ));
    // `/督办 对齐` reads the owner's OKRs; required once progress is written on 验收.
    v.push(need(
        "okr:okr:readonly",
        "/督办 对齐、/项目 对齐（读取 OKR）",
        Probe::OkrPeriods,
        settings.okr.write_progress,
    ));
    if settings.okr.write_progress {
        v.push(need(
            "okr:okr.progress:writeonly",
            "验收后写 OKR 进展（[okr] write_progress = true；也可开通「更新 OKR 信息」okr:okr）",
            Probe::None,
            true,
        ));
    }
    if settings.appraisal.performance.push {
        v.push(need(
            "performance:performance",
            "考评推送到飞书绩效（[performance] push = true；接口与权限尚未经官方文档确认）",
            Probe::None,
            true,
        ));
    }
    if let Some(m) = &settings.mirror {
        let table = [&m.items_table, &m.projects_table, &m.requirements_table]
            .into_iter()
            .find_map(|t| t.clone());
        let probe = match table {
            Some(table) => Probe::Bitable {
                app_token: m.app_token.clone(),
                table,
            },
            None => Probe::None,
        };
        v.push(need("bitable:app", "多维表格镜像（[mirror]）", probe, true));
    }
    v
}

async fn scope_check(client: &FeishuClient, need: &Need) -> Check {
    let label = scope_label(need.scope).unwrap_or(need.scope);
    let name = format!("权限「{label}」（{}，用于{}）", need.scope, need.feature);
    let result: Result<(), FeishuError> = match &need.probe {
        Probe::None => {
            return Check {
                mark: Mark::Manual,
                text: format!("{name}：无法通过接口检测，请在开发者后台「权限管理」确认已开通"),
                fix: None,
            };
        }
        Probe::Message => client.get_message(PROBE_ID).await.map(drop),
        Probe::ChatMembers => client.chat_members(PROBE_ID).await.map(drop),
        Probe::Docx => client.doc_raw_content(PROBE_ID).await.map(drop),
        Probe::Wiki => client.wiki_node(PROBE_ID).await.map(drop),
        Probe::Minutes => client.minutes_artifacts(PROBE_ID).await.map(drop),
        Probe::OkrPeriods => client.okr_periods().await.map(drop),
        Probe::Bitable { app_token, table } => client
            .bitable_search_by_field(app_token, table, "编号", "DB-0")
            .await
            .map(drop),
    };
    match result {
        Err(e) => match e.missing_scope(need.scope) {
            Some(missing) => Check {
                mark: if need.required { Mark::Fail } else { Mark::Optional },
                text: format!("{name}：未开通"),
                fix: Some(missing.to_string()),
            },
            // Transport failures say nothing about the scope, but the feature cannot work.
            None if matches!(e, FeishuError::Transport(_)) => Check::fail(
                format!("{name}：检测时无法连接飞书（{e}）"),
                "检查网络后重新运行 duban check-config",
            ),
            // Any other refusal (no such message / chat / document) means the scope is there.
            None => Check::pass(format!("{name}：已开通")),
        },
        Ok(()) => Check::pass(format!("{name}：已开通")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_report_fails_only_on_a_cross_and_prints_each_fix() {
        let mut r = Report {
            checks: vec![
                Check::pass("配置"),
                Check {
                    mark: Mark::Optional,
                    text: "可选".to_owned(),
                    fix: Some("开通".to_owned()),
                },
            ],
        };
        assert!(r.passed());
        assert!(r.render().contains("结果：全部通过"));
        r.checks.push(Check::fail("权限", "去开通"));
        assert!(!r.passed());
        let text = r.render();
        assert!(text.contains("✘ 权限\n    修复：去开通\n"), "{text}");
        assert!(text.contains("结果：1 项未通过"), "{text}");
    }

    #[test]
    fn switched_on_features_make_their_scopes_required() {
        let env: std::collections::HashMap<String, String> =
            [("DUBAN_DATA_DIR", std::env::temp_dir().join("duban-check-test"))]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.display().to_string()))
                .collect();
        let mut s = config::load(None, &env).unwrap();
        let required = |s: &Settings, scope: &str| {
            needed_scopes(s)
                .iter()
                .find(|n| n.scope == scope)
                .map(|n| n.required)
        };
        assert_eq!(required(&s, "minutes:minutes:readonly"), Some(false));
        assert_eq!(required(&s, "bitable:app"), None);
        assert_eq!(required(&s, "im:message.urgent:sms"), None);
        s.minutes.events = true;
        s.reminders.urgent_sms = true;
        assert_eq!(required(&s, "minutes:minutes:readonly"), Some(true));
        assert_eq!(required(&s, "im:message.urgent:sms"), Some(true));
        // OKR: reading is shown (optional) until progress is written on 验收; the push into
        // Performance only when switched on.
        assert_eq!(required(&s, "okr:okr:readonly"), Some(false));
        assert_eq!(required(&s, "okr:okr.progress:writeonly"), None);
        assert_eq!(required(&s, "performance:performance"), None);
        s.okr.write_progress = true;
        s.appraisal.performance.push = true;
        assert_eq!(required(&s, "okr:okr:readonly"), Some(true));
        assert_eq!(required(&s, "okr:okr.progress:writeonly"), Some(true));
        assert_eq!(required(&s, "performance:performance"), Some(true));
    }
}
