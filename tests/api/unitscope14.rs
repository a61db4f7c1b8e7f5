//! Issue 14 "Units" (projects, requirements, the Bitable 单位 column, head names across a
//! restart, the trading calendar of a unit's group) and issue 15's `duban export --unit`,
//! through the real webhook, the real binary and the fake Feishu.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use duban::config::Settings;
use duban::domain::ids::{ProjectId, RequirementId};
use duban::domain::unit::{UnitDecl, UnitRegistry};
use duban::fake_feishu::FakeFeishu;
use duban::store::projects::Watched;
use secrecy::SecretString;
use serde_json::json;

use crate::helpers::*;
use crate::units::say_in;

/// The group of 杭州营业部.
const HZ_CHAT: &str = "oc_group_hz";
/// The group of 宁波营业部.
const NB_CHAT: &str = "oc_group_nb";
const TOKEN: &str = "unitscope-test-token-0123456789";
const BASE: &str = "bascnUnits";

fn decl(name: &str, chat: &str, heads: &[&str]) -> UnitDecl {
    UnitDecl {
        name: name.to_owned(),
        kind: None,
        region: None,
        chat_id: Some(chat.to_owned()),
        heads: heads.iter().map(|h| (*h).to_owned()).collect(),
    }
}

/// 杭州营业部 (head 张三) and 宁波营业部 (head 王五) configured; 李四 an admin.
fn with_units(s: &mut Settings) {
    s.units = UnitRegistry::from_decls(
        &[],
        &[
            decl("杭州营业部", HZ_CHAT, &[ZHANG.0]),
            decl("宁波营业部", NB_CHAT, &[WANG.0]),
        ],
    )
    .unwrap();
    s.supervision.admins = vec![LI.0.to_owned()];
}

/// No configured units (the binary below reads only the environment); 李四 an admin, the
/// admin endpoint on for the export of a running duban.
fn with_admin(s: &mut Settings) {
    s.supervision.admins = vec![LI.0.to_owned()];
    s.admin = Some(duban::config::AdminSettings {
        listen: "127.0.0.1:0".parse().unwrap(),
        token: SecretString::from(TOKEN.to_owned()),
    });
}

/// A started app on a data directory that outlives it (`spawn_app_with`'s goes with the app).
async fn spawn_in(home: &tempfile::TempDir, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    init();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    start_on(&home.path().join("data"), fake, tweak).await
}

async fn restart(app: TestApp, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    let (dir, fake) = (app.data_dir.clone(), app.fake.clone());
    app.stop().await;
    start_on(&dir, fake, tweak).await
}

fn card_text(app: &TestApp, w: Watched) -> Option<String> {
    let mid = app.store.watched_card(w).ok().flatten()?;
    Some(app.fake.message(&mid)?.card().to_string())
}

fn chat_texts(app: &TestApp, chat: &str) -> Vec<String> {
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.chat_id == chat)
        .map(|m| m.content.to_string())
        .collect()
}

#[tokio::test]
async fn projects_and_requirements_belong_to_their_unit_and_say_so_across_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let app = spawn_in(&home, with_units).await;
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /项目 新建 开户流程优化 @_user_2",
        &[BOT, ZHANG],
    )
    .await;
    assert!(
        eventually(|| card_text(&app, Watched::Project(ProjectId(1)))
            .is_some_and(|c| c.contains("**单位**：杭州营业部")))
        .await,
        "{:?}",
        card_text(&app, Watched::Project(ProjectId(1)))
    );
    // Outside a unit's group: no unit.
    app.say(BOSS, "@_user_1 /项目 新建 周报模板 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(eventually(|| card_text(&app, Watched::Project(ProjectId(2))).is_some()).await);
    assert!(
        !card_text(&app, Watched::Project(ProjectId(2)))
            .unwrap()
            .contains("单位")
    );

    // In a unit's group: the group's unit, whatever 提出单位 says.
    say_in(
        &app,
        NB_CHAT,
        WANG,
        "@_user_1 /需求 两融开户线上化\n提出单位：宁波分部",
        &[BOT],
    )
    .await;
    // Elsewhere: 提出单位 linked to the registered unit it names (a unique prefix will do) …
    app.say(ZHANG, "@_user_1 /需求 适当性回访\n提出单位：杭州", &[BOT])
        .await;
    // … or to none.
    app.say(ZHANG, "@_user_1 /需求 柜台改造\n提出单位：上海营业部", &[BOT])
        .await;
    assert!(eventually(|| app.store.all_requirements().unwrap().len() == 3).await);
    let unit_of = |app: &TestApp, n| app.store.get_requirement(RequirementId(n)).unwrap().unwrap();
    let r1 = unit_of(&app, 1);
    assert_eq!(
        (r1.unit.as_deref(), r1.org_unit.as_deref()),
        (Some("宁波分部"), Some("宁波营业部")),
        "提出单位 kept as written"
    );
    assert_eq!(unit_of(&app, 2).org_unit.as_deref(), Some("杭州营业部"));
    assert_eq!(unit_of(&app, 3).org_unit, None);
    // The submitter's card names the unit.
    assert!(
        eventually(|| chat_texts(&app, NB_CHAT)
            .iter()
            .any(|t| t.contains("XQ-1") && t.contains("**单位**：宁波营业部")))
        .await,
        "{:?}",
        chat_texts(&app, NB_CHAT)
    );
    app.say(ZHANG, "@_user_1 /需求 查看 XQ-2", &[BOT]).await;
    assert!(
        eventually(|| chat_texts(&app, CHAT)
            .iter()
            .any(|t| t.contains("**提出单位**：杭州") && t.contains("**单位**：杭州营业部")))
        .await
    );

    // Kept across a restart.
    let app = restart(app, with_units).await;
    assert_eq!(
        app.store
            .get_project(ProjectId(1))
            .unwrap()
            .unwrap()
            .org_unit
            .as_deref(),
        Some("杭州营业部")
    );
    assert_eq!(
        app.store.get_project(ProjectId(2)).unwrap().unwrap().org_unit,
        None
    );
    assert_eq!(unit_of(&app, 2).org_unit.as_deref(), Some("杭州营业部"));
    app.stop().await;
}

fn with_mirror(s: &mut Settings) {
    with_units(s);
    s.mirror = Some(duban::mirror::MirrorConfig {
        app_token: BASE.to_owned(),
        items_table: Some("tblItems".to_owned()),
        projects_table: Some("tblProjects".to_owned()),
        requirements_table: Some("tblReqs".to_owned()),
    });
}

/// A table as made for a duban before the added columns (单位, 类别, 对齐OKR).
fn without_unit(fields: &'static [(&'static str, &'static str)]) -> Vec<&'static str> {
    fields
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !duban::mirror::ADDED_COLUMNS.contains(n))
        .collect()
}

#[tokio::test]
async fn the_bitable_mirror_writes_the_unit_and_adds_the_column_to_older_tables() {
    init();
    let dir = tempfile::tempdir().unwrap();
    let fake = FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap();
    // Tables made for a duban before units: no 单位 column.
    fake.add_bitable(BASE, "tblItems", &without_unit(duban::mirror::ITEM_FIELDS));
    fake.add_bitable(BASE, "tblProjects", &without_unit(duban::mirror::PROJECT_FIELDS));
    fake.add_bitable(BASE, "tblReqs", &without_unit(duban::mirror::REQUIREMENT_FIELDS));
    let app = start_on(dir.path(), Arc::new(fake), with_mirror).await;
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /督办 完成反洗钱自查 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    app.say(
        BOSS,
        "@_user_1 /督办 整理会议纪要 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /项目 新建 开户流程优化 @_user_2",
        &[BOT, ZHANG],
    )
    .await;
    app.say(ZHANG, "@_user_1 /需求 适当性回访\n提出单位：宁波营业部", &[BOT])
        .await;
    let cell = |table: &str, key: &str| {
        app.fake
            .bitable_records(BASE, table)
            .into_iter()
            .map(|(_, f)| f)
            .find(|f| f.get("编号") == Some(&json!(key)))
            .map(|f| f.get("单位").cloned())
    };
    assert!(eventually(|| cell("tblItems", "DB-1") == Some(Some(json!("杭州营业部")))).await);
    assert!(eventually(|| cell("tblItems", "DB-2").is_some()).await);
    assert_eq!(
        cell("tblItems", "DB-2"),
        Some(None),
        "no unit: the cell stays empty"
    );
    assert!(eventually(|| cell("tblProjects", "XM-1") == Some(Some(json!("杭州营业部")))).await);
    assert!(eventually(|| cell("tblReqs", "XQ-1") == Some(Some(json!("宁波营业部")))).await);
    for t in ["tblItems", "tblProjects", "tblReqs"] {
        let fields = app.fake.bitable_fields(BASE, t);
        assert_eq!(
            fields.iter().filter(|f| *f == "单位").count(),
            1,
            "{t}: {fields:?}"
        );
    }
    // The items table also gets 类别 (issue 18), and every item's class is in it.
    let items = app.fake.bitable_fields(BASE, "tblItems");
    assert_eq!(items.iter().filter(|f| *f == "类别").count(), 1, "{items:?}");
    assert!(
        app.fake
            .bitable_records(BASE, "tblItems")
            .iter()
            .all(|(_, f)| f.get("类别") == Some(&json!("承诺")))
    );
    app.stop().await;
}

/// Runs the `duban` binary on `data_dir` (environment only: no configured units).
async fn duban(args: &[&str], data_dir: &Path) -> (i32, String, String) {
    let (args, dir): (Vec<String>, _) = (
        args.iter().map(|a| (*a).to_owned()).collect(),
        data_dir.to_path_buf(),
    );
    tokio::task::spawn_blocking(move || {
        let out = Command::new(env!("CARGO_BIN_EXE_duban"))
            .args(&args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DUBAN_DATA_DIR", &dir)
            .envs(duban::store::testing::database_for(&dir).map(|u| ("DUBAN_DATABASE_URL", u)))
            .env("DUBAN_ADMIN_TOKEN", TOKEN)
            .env("DUBAN_VIRTUAL_CLOCK", "2026-03-11T10:00:00+08:00")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    })
    .await
    .unwrap()
}

/// `duban export --what <what> --format csv --unit <unit>`, read back: (headers, rows).
async fn export_csv(data_dir: &Path, what: &str, unit: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("x.csv");
    let (code, o, e) = duban(
        &[
            "export",
            "--what",
            what,
            "--format",
            "csv",
            "--out",
            &out.display().to_string(),
            "--unit",
            unit,
        ],
        data_dir,
    )
    .await;
    assert_eq!(code, 0, "{o}{e}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    let headers = rdr.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = rdr
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

fn column(headers: &[String], rows: &[Vec<String>], name: &str) -> Vec<String> {
    let c = headers.iter().position(|h| h == name).unwrap();
    rows.iter().map(|r| r[c].clone()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_by_unit_keeps_the_units_items_projects_requirements_and_audit() {
    init();
    let home = tempfile::tempdir().unwrap();
    let fake = Arc::new(FakeFeishu::start(APP_ID, APP_SECRET).await.unwrap());
    let app = start_on(&home.path().join("live"), fake, with_admin).await;
    // 杭州营业部 bound in chat (kept in sled, which the export reads as the server does).
    say_in(
        &app,
        HZ_CHAT,
        LI,
        "@_user_1 /督办 绑定单位 杭州营业部 营业部 @_user_2",
        &[BOT, ZHANG],
    )
    .await;
    assert!(eventually(|| app.store.bound_units().unwrap().len() == 1).await);
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /督办 完成反洗钱自查 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    app.say(
        BOSS,
        "@_user_1 /督办 整理会议纪要 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /督办 客户回访 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    say_in(
        &app,
        HZ_CHAT,
        BOSS,
        "@_user_1 /项目 新建 开户流程优化 @_user_2",
        &[BOT, ZHANG],
    )
    .await;
    app.say(BOSS, "@_user_1 /项目 新建 周报模板 @_user_2", &[BOT, ZHANG])
        .await;
    app.say(ZHANG, "@_user_1 /需求 适当性回访\n提出单位：杭州营业部", &[BOT])
        .await;
    app.say(ZHANG, "@_user_1 /需求 柜台改造\n提出单位：上海营业部", &[BOT])
        .await;
    assert!(
        eventually(|| app.store.all_items().unwrap().len() == 3
            && app.store.all_projects().unwrap().len() == 2
            && app.store.all_requirements().unwrap().len() == 2)
        .await
    );

    // While running (through the admin endpoint's snapshot), by a tolerant name.
    let dir = app.data_dir.clone();
    let (h, rows) = export_csv(&dir, "items", "杭州").await;
    assert_eq!(column(&h, &rows, "编号"), ["DB-1", "DB-3"]);
    assert_eq!(column(&h, &rows, "单位"), ["杭州营业部", "杭州营业部"]);
    let (h, rows) = export_csv(&dir, "projects", "杭州营业部").await;
    assert_eq!(column(&h, &rows, "编号"), ["XM-1"]);
    assert_eq!(column(&h, &rows, "单位"), ["杭州营业部"]);
    let (h, rows) = export_csv(&dir, "requirements", "杭州营业部").await;
    assert_eq!(column(&h, &rows, "编号"), ["XQ-1"]);
    assert_eq!(column(&h, &rows, "单位"), ["杭州营业部"]);
    let (h, rows) = export_csv(&dir, "audit", "杭州营业部").await;
    let mut subjects = column(&h, &rows, "编号");
    subjects.dedup();
    assert_eq!(subjects, ["DB-1", "DB-3", "XM-1", "XQ-1"], "{rows:?}");

    // An unknown unit is refused with the units that exist.
    let out = home.path().join("never.csv");
    let (code, _, err) = duban(
        &[
            "export",
            "--what",
            "items",
            "--format",
            "csv",
            "--out",
            &out.display().to_string(),
            "--unit",
            "长沙营业部",
        ],
        &dir,
    )
    .await;
    assert_eq!(code, 1);
    assert!(
        err.contains("找不到单位“长沙营业部”") && err.contains("已登记的单位：杭州营业部"),
        "{err}"
    );
    assert!(!out.exists());

    // Stopped: read directly, the same rows.
    app.stop().await;
    let (h, rows) = export_csv(&dir, "items", "杭州营业部").await;
    assert_eq!(column(&h, &rows, "编号"), ["DB-1", "DB-3"]);
}

#[tokio::test]
async fn unit_heads_keep_their_names_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let app = spawn_in(&home, with_units).await;
    // 绍兴营业部 bound in chat, naming its head: the mention tells 李四's name. 张三 (head of
    // the configured 杭州营业部) is named once, on an item.
    say_in(
        &app,
        "oc_group_sx",
        LI,
        "@_user_1 /督办 绑定单位 绍兴营业部 营业部 @_user_2",
        &[BOT, LI],
    )
    .await;
    app.say(
        BOSS,
        "@_user_1 /督办 整理会议纪要 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    assert!(
        eventually(
            || app.store.bound_units().unwrap().len() == 1 && app.store.all_items().unwrap().len() == 1
        )
        .await
    );
    // Restart: the names must come from what duban kept, not from a mention.
    let app = restart(app, with_units).await;
    let mid = say_in(&app, "oc_group_sx", LI, "@_user_1 /督办 单位 列表", &[BOT]).await;
    let reply = app.reply_to(&mid).await.content.to_string();
    assert!(
        reply.contains("绍兴营业部") && reply.contains("负责人 李四"),
        "{reply}"
    );
    assert!(reply.contains("负责人 张三"), "{reply}");
    // A 下达 after the restart makes the head 主办 by name.
    say_in(
        &app,
        "oc_group_sx",
        LI,
        "@_user_1 /督办 下达 客户回访 对象：@杭州营业部 截止：下周五",
        &[BOT],
    )
    .await;
    let owner = || {
        app.store
            .all_items()
            .unwrap()
            .into_iter()
            .find(|i| i.title == "客户回访")
            .map(|i| i.owner)
    };
    assert!(
        eventually(|| owner().is_some()).await,
        "the unit's item is created"
    );
    assert_eq!(owner().unwrap().name, "张三");
    app.stop().await;
}

/// 杭州营业部's group uses the trading calendar (`[[groups]] calendar = "trading"`), 宁波营业部's
/// the working-day one.
fn with_trading_hz(s: &mut Settings) {
    with_units(s);
    s.groups
        .push(toml::from_str(&format!("chat_id = \"{HZ_CHAT}\"\ncalendar = \"trading\"")).unwrap());
}

#[tokio::test]
async fn a_unit_whose_group_trades_gets_its_issued_items_reminders_on_trading_days() {
    let app = spawn_app_with(with_trading_hz).await;
    // Wednesday 2026-09-23; due Wednesday 09-30, before the 国庆 block. Saturday 10-10 is a
    // 调休 working day but no trading day.
    app.clock.set("2026-09-23T10:00:00+08:00".parse().unwrap());
    app.say(
        LI,
        "@_user_1 /督办 下达 整理国庆值班安排 对象：@杭州营业部 @宁波营业部 截止：9月30日",
        &[BOT],
    )
    .await;
    assert!(
        eventually(|| app.store.unit_item_ids("杭州营业部").unwrap().len() == 1
            && app.store.unit_item_ids("宁波营业部").unwrap().len() == 1)
        .await
    );
    let ticks = app
        .run_clock_until("2026-10-13T09:00:00+08:00".parse().unwrap())
        .await;
    let tz = jiff::tz::TimeZone::get("Asia/Shanghai").unwrap();
    let reminders = |chat: &str| -> Vec<(String, String)> {
        ticks
            .iter()
            .flat_map(|(t, ms)| {
                let tz = tz.clone();
                ms.iter().filter(|m| m.chat_id == chat).map(move |m| {
                    (
                        t.to_zoned_datetime(tz.clone())
                            .strftime("%m-%d %H:%M")
                            .to_string(),
                        m.content.to_string(),
                    )
                })
            })
            .filter(|(_, text)| !text.contains("晾晒"))
            .collect()
    };
    let (hz, nb) = (reminders(HZ_CHAT), reminders(NB_CHAT));
    let days = |r: &[(String, String)]| r.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>();
    assert!(days(&nb).contains(&"10-10 10:00".to_owned()), "{nb:#?}");
    assert!(!days(&hz).iter().any(|t| t.starts_with("10-10")), "{hz:#?}");
    // Both are overdue on the first working day after the holiday; each counts in its own days.
    assert!(days(&hz).contains(&"10-08 10:00".to_owned()), "{hz:#?}");
    assert!(hz.iter().any(|(_, t)| t.contains("逾期1个交易日")), "{hz:#?}");
    assert!(nb.iter().any(|(_, t)| t.contains("逾期1个工作日")), "{nb:#?}");
    // The trading unit's third overdue day is Monday 10-12; the working unit's is 10-10.
    assert!(
        hz.iter()
            .any(|(d, t)| d == "10-12 10:00" && t.contains("逾期3个交易日")),
        "{hz:#?}"
    );
    assert!(
        nb.iter()
            .any(|(d, t)| d == "10-10 10:00" && t.contains("逾期3个工作日")),
        "{nb:#?}"
    );
    app.stop().await;
}
