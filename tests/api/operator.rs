//! Issue 15: operator — backup, restore and export as an operator runs them (the real binary),
//! while the real server runs on the same data directory and after it stopped.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use duban::store::Store;
use secrecy::SecretString;

use crate::helpers::*;

const TOKEN: &str = "operator-test-token-0123456789";

/// Runs the `duban` binary with the server's data directory and admin token.
fn duban(args: &[&str], data_dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DUBAN_DATA_DIR", data_dir)
        .envs(duban::store::testing::database_for(data_dir).map(|u| ("DUBAN_DATABASE_URL", u)))
        .env("DUBAN_ADMIN_TOKEN", TOKEN)
        .env("DUBAN_VIRTUAL_CLOCK", "2026-03-11T10:00:00+08:00")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn run(args: Vec<String>, data_dir: &Path) -> (i32, String, String) {
    let dir = data_dir.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        duban(&args, &dir)
    })
    .await
    .unwrap()
}

fn with_admin(s: &mut duban::config::Settings) {
    s.admin = Some(duban::config::AdminSettings {
        listen: "127.0.0.1:0".parse().unwrap(),
        token: SecretString::from(TOKEN.to_owned()),
    });
}

fn titles(store: &Store) -> Vec<String> {
    let mut t: Vec<String> = store.all_items().unwrap().into_iter().map(|i| i.title).collect();
    t.sort();
    t
}

/// A busy instance is backed up through its admin endpoint while events keep arriving; the
/// restored copy, started on its own, ends with exactly the items whose events were
/// acknowledged before the backup began (the rest of the inbox is replayed, nothing twice).
/// Then, with Feishu down so sends stay queued, the stopped instance is backed up directly,
/// restored, and every item, audit record, pending outbox record and inbox entry compared.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn backup_restore_round_trip_under_load_loses_nothing() {
    if sled_only("backups are sled's; PostgreSQL is backed up by its own tools") {
        return;
    }
    init();
    let home = tempfile::tempdir().unwrap();
    let fake = Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = Arc::new(start_on(&home.path().join("live"), fake, with_admin).await);
    for i in 0..5 {
        app.say(
            BOSS,
            &format!("@_user_1 /督办 准备{i} @_user_2 下周五前"),
            &[BOT, ZHANG],
        )
        .await;
    }
    assert!(eventually(|| app.store.all_items().unwrap().len() == 5).await);
    // Feishu is down from here: everything the bot sends stays in the outbox.
    app.fake.set_outage(true);

    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(std::sync::Mutex::new(Vec::<(
        usize,
        std::time::Instant,
        std::time::Instant,
    )>::new()));
    let load = {
        let (app, stop, acked) = (Arc::clone(&app), Arc::clone(&stop), Arc::clone(&acked));
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                let sent = std::time::Instant::now();
                app.say(
                    BOSS,
                    &format!("@_user_1 /督办 负载{n} @_user_2 下周五前"),
                    &[BOT, ZHANG],
                )
                .await;
                acked.lock().unwrap().push((n, sent, std::time::Instant::now()));
                n += 1;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(400)).await;
    let work = tempfile::tempdir().unwrap();
    let busy = work.path().join("busy.backup");
    let t0 = std::time::Instant::now();
    let (code, out, err) = run(
        vec!["backup".into(), "--to".into(), busy.display().to_string()],
        &app.data_dir,
    )
    .await;
    let t1 = std::time::Instant::now();
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("已备份"), "{out}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::SeqCst);
    load.await.unwrap();
    let acked = acked.lock().unwrap().clone();
    let before: Vec<String> = acked
        .iter()
        .filter(|(_, _, done)| *done < t0)
        .map(|(n, _, _)| format!("负载{n}"))
        .collect();
    let after: Vec<String> = acked
        .iter()
        .filter(|(_, sent, _)| *sent > t1)
        .map(|(n, _, _)| format!("负载{n}"))
        .collect();
    assert!(
        !before.is_empty() && !after.is_empty(),
        "events arrived before and after the backup"
    );

    // The busy snapshot, restored into a new directory and started on its own.
    let restored_dir = work.path().join("restored-busy");
    let (code, out, err) = run(
        vec!["restore".into(), "--from".into(), busy.display().to_string()],
        &restored_dir,
    )
    .await;
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("已恢复"), "{out}");
    let fake2 = Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let copy = start_on(&restored_dir, fake2, |_| {}).await;
    assert!(
        eventually(|| copy.store.inbox_len() == 0).await,
        "the restored inbox is replayed"
    );
    let restored = titles(&copy.store);
    for t in &before {
        assert!(
            restored.contains(t),
            "{t} was acknowledged before the backup and is in it"
        );
    }
    for t in &after {
        assert!(
            !restored.contains(t),
            "{t} arrived after the backup and is not in it"
        );
    }
    let mut dedup = restored.clone();
    dedup.dedup();
    assert_eq!(dedup, restored, "no item twice");
    for it in copy.store.all_items().unwrap() {
        assert!(
            copy.store
                .audit_of(it.id)
                .unwrap()
                .iter()
                .any(|a| a.action == "create"),
            "{} has its audit trail",
            it.id
        );
    }
    copy.stop().await;

    // Quiesce, stop, back up directly (no server on the directory), restore and compare all.
    assert!(eventually(|| app.store.inbox_len() == 0).await);
    let live_dir = app.data_dir.clone();
    let app = Arc::into_inner(app).unwrap();
    let keep_dir = app.data_dir.clone();
    let pending_outbox = app.store.outbox_len();
    assert!(pending_outbox > 0, "sends are queued while Feishu is down");
    app.stop().await;
    let quiet = work.path().join("quiet.backup");
    let (code, out, err) = run(
        vec!["backup".into(), "--to".into(), quiet.display().to_string()],
        &live_dir,
    )
    .await;
    assert_eq!(code, 0, "{out}{err}");
    let second = work.path().join("restored-quiet");
    let (code, out, err) = run(
        vec!["restore".into(), "--from".into(), quiet.display().to_string()],
        &second,
    )
    .await;
    assert_eq!(code, 0, "{out}{err}");
    // Restoring again into the now non-empty directory is refused, and changes nothing.
    let (code, _, err) = run(
        vec!["restore".into(), "--from".into(), quiet.display().to_string()],
        &second,
    )
    .await;
    assert_eq!(code, 1);
    assert!(err.contains("不是空的"), "{err}");

    let live = Store::open(&keep_dir).unwrap();
    let back = Store::open(&second).unwrap();
    assert_eq!(back.all_items().unwrap(), live.all_items().unwrap());
    assert_eq!(back.all_audit().unwrap(), live.all_audit().unwrap());
    assert_eq!(back.all_projects().unwrap(), live.all_projects().unwrap());
    assert_eq!(back.all_requirements().unwrap(), live.all_requirements().unwrap());
    let (lo, bo) = (live.outbox_all().unwrap(), back.outbox_all().unwrap());
    assert_eq!(lo.len(), pending_outbox);
    assert_eq!(
        serde_json::to_value(bo.iter().map(|(k, r)| (k, r)).collect::<Vec<_>>()).unwrap(),
        serde_json::to_value(lo.iter().map(|(k, r)| (k, r)).collect::<Vec<_>>()).unwrap(),
        "every pending outbox record, under its key"
    );
    assert!(
        back.generate_id().unwrap() > lo.last().unwrap().0,
        "new keys come after the restored ones"
    );
}

/// Exports read back: CSV parsed (BOM, the mirror's headers) and xlsx opened with calamine,
/// the same rows in both; the running server answers through its admin endpoint and a stopped
/// one is read directly, with the same result.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_read_back_as_csv_and_xlsx_while_running_and_after() {
    use calamine::{Data, Reader as _};
    init();
    let home = tempfile::tempdir().unwrap();
    let fake = Arc::new(
        duban::fake_feishu::FakeFeishu::start(APP_ID, APP_SECRET)
            .await
            .unwrap(),
    );
    let app = start_on(&home.path().join("live"), fake, |s| {
        with_admin(s);
        s.supervision.admins = vec![LI.0.to_owned()];
    })
    .await;
    app.say(
        BOSS,
        "@_user_1 /督办 写周报, \"第一版\" @_user_2 @_user_3 下周五前 P1 #合规",
        &[BOT, ZHANG, LI],
    )
    .await;
    app.say(BOSS, "@_user_1 /督办 整理台账 @_user_2 明天", &[BOT, WANG])
        .await;
    assert!(eventually(|| app.store.all_items().unwrap().len() == 2).await);
    let work = tempfile::tempdir().unwrap();
    let csv_path = work.path().join("items.csv");
    let xlsx_path = work.path().join("items.xlsx");
    for (fmt, p) in [("csv", &csv_path), ("xlsx", &xlsx_path)] {
        let (code, out, err) = run(
            vec![
                "export".into(),
                "--what".into(),
                "items".into(),
                "--format".into(),
                fmt.into(),
                "--out".into(),
                p.display().to_string(),
            ],
            &app.data_dir,
        )
        .await;
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("2 行"), "{out}");
    }
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel and WPS");
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_owned).collect();
    let mirror: Vec<String> = duban::mirror::ITEM_FIELDS
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    assert_eq!(headers, mirror, "the Bitable mirror's column headers");
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("编号")], "DB-1");
    let title = app.store.all_items().unwrap()[0].title.clone();
    assert!(title.contains(','), "a title that CSV must quote: {title}");
    assert_eq!(&rows[0][col("标题")], title.as_str());
    assert_eq!(&rows[0][col("主办")], "张三");
    assert_eq!(&rows[0][col("协办")], "李四");
    let creator = app.store.all_items().unwrap()[0].creator.clone();
    let shown = if creator.name.is_empty() {
        creator.open_id.0.clone()
    } else {
        creator.name
    };
    assert_eq!(&rows[0][col("督办人")], shown.as_str());
    assert_eq!(&rows[0][col("状态")], "待签收");
    assert_eq!(&rows[0][col("优先级")], "P1 高");
    assert_eq!(&rows[0][col("截止时间")], "2026-03-20 18:00");
    assert_eq!(&rows[0][col("是否逾期")], "否");
    assert_eq!(&rows[0][col("标签")], "合规");
    assert_eq!(&rows[1][col("主办")], "王五");

    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx_path).unwrap();
    assert_eq!(book.sheet_names(), vec!["督办事项".to_owned()]);
    let range = book.worksheet_range("督办事项").unwrap();
    let sheet: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(sheet.len(), 3);
    let xheaders: Vec<String> = sheet[0].iter().map(ToString::to_string).collect();
    assert_eq!(xheaders, mirror);
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let cell = &sheet[r + 1][c];
            match cell {
                Data::DateTime(d) => {
                    // Excel's serial date of the CSV's Shanghai civil time.
                    let civil: jiff::civil::DateTime =
                        format!("{text}:00").replace(' ', "T").parse().unwrap();
                    let epoch: jiff::civil::DateTime = "1899-12-30T00:00:00".parse().unwrap();
                    let serial = civil.duration_since(epoch).as_secs_f64() / 86_400.0;
                    assert!((d.as_f64() - serial).abs() < 1e-6, "{} {text}", headers[c]);
                }
                Data::Float(f) if text.ends_with('%') => {
                    assert_eq!(format!("{}%", (f * 100.0).round()), text);
                }
                Data::Float(f) => assert_eq!(f.to_string(), text, "{}", headers[c]),
                Data::Empty => assert_eq!(text, "", "{}", headers[c]),
                other => assert_eq!(other.to_string(), text, "{}", headers[c]),
            }
        }
    }

    // A unit filter naming no registered unit is refused plainly; audit exports list the
    // creations.
    let (code, _, err) = run(
        vec![
            "export".into(),
            "--what".into(),
            "items".into(),
            "--format".into(),
            "csv".into(),
            "--out".into(),
            work.path().join("x.csv").display().to_string(),
            "--unit".into(),
            "营业部".into(),
        ],
        &app.data_dir,
    )
    .await;
    assert_eq!(code, 1);
    assert!(
        err.contains("找不到单位“营业部”") && err.contains("还没有登记任何单位"),
        "{err}"
    );
    let audit_path = work.path().join("audit.csv");
    let (code, out, err) = run(
        vec![
            "export".into(),
            "--what".into(),
            "audit".into(),
            "--format".into(),
            "csv".into(),
            "--out".into(),
            audit_path.display().to_string(),
            "--from".into(),
            "2026-03-11".into(),
            "--to".into(),
            "2026-03-11".into(),
        ],
        &app.data_dir,
    )
    .await;
    assert_eq!(code, 0, "{out}{err}");
    let audit = std::fs::read(&audit_path).unwrap();
    let mut rdr = csv::Reader::from_reader(&audit[3..]);
    assert_eq!(rdr.headers().unwrap(), duban::export::AUDIT_COLUMNS.to_vec());
    let recs: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(
        (&recs[0][0], &recs[0][2], &recs[0][3]),
        ("DB-1", shown.as_str(), "创建")
    );

    // Requirements by 提出单位, once it names a registered unit (bound in its group by an
    // admin: kept in sled, so the export finds it too).
    crate::units::say_in(
        &app,
        "oc_group_hz",
        LI,
        "@_user_1 /督办 绑定单位 杭州营业部 营业部 @_user_2",
        &[BOT, ZHANG],
    )
    .await;
    assert!(eventually(|| app.store.bound_units().unwrap().len() == 1).await);
    for unit in ["杭州营业部", "上海营业部"] {
        app.say(
            ZHANG,
            &format!("@_user_1 /需求 两融开户线上化\n提出单位：{unit}\n场景：客户临柜办理耗时长\n优先级：P1"),
            &[BOT],
        )
        .await;
    }
    assert!(eventually(|| app.store.all_requirements().unwrap().len() == 2).await);
    let reqs = work.path().join("reqs.xlsx");
    let (code, out, err) = run(
        vec![
            "export".into(),
            "--what".into(),
            "requirements".into(),
            "--format".into(),
            "xlsx".into(),
            "--out".into(),
            reqs.display().to_string(),
            "--unit".into(),
            "杭州营业部".into(),
        ],
        &app.data_dir,
    )
    .await;
    assert_eq!(code, 0, "{out}{err}");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&reqs).unwrap();
    let range = book.worksheet_range("需求").unwrap();
    let sheet: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    let req_headers: Vec<String> = duban::mirror::REQUIREMENT_FIELDS
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    assert_eq!(sheet[0], req_headers);
    assert_eq!(sheet.len(), 2, "only 杭州营业部: {sheet:?}");
    let unit_col = req_headers.iter().position(|h| h == "提出单位").unwrap();
    assert_eq!(sheet[1][unit_col], "杭州营业部");

    // Stopped: the same export read directly gives the same file content.
    let dir = app.data_dir.clone();
    app.stop().await;
    let direct = work.path().join("direct.csv");
    let (code, out, err) = run(
        vec![
            "export".into(),
            "--what".into(),
            "items".into(),
            "--format".into(),
            "csv".into(),
            "--out".into(),
            direct.display().to_string(),
        ],
        &dir,
    )
    .await;
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(std::fs::read(&direct).unwrap(), bytes);
}

/// Without the admin token the commands explain what to do instead of failing obscurely; a
/// wrong token is refused by the endpoint.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_server_without_the_right_token_is_explained() {
    if sled_only("backups are sled's; PostgreSQL is backed up by its own tools") {
        return;
    }
    let app = spawn_app_with(with_admin).await;
    let work = tempfile::tempdir().unwrap();
    let to = work.path().join("never.backup");
    let attempt = |token: Option<&'static str>| {
        let (dir, to) = (app.data_dir.clone(), to.clone());
        tokio::task::spawn_blocking(move || {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_duban"));
            cmd.arg("backup")
                .arg("--to")
                .arg(&to)
                .env_clear()
                .env("PATH", std::env::var("PATH").unwrap_or_default())
                .env("DUBAN_DATA_DIR", &dir);
            if let Some(t) = token {
                cmd.env("DUBAN_ADMIN_TOKEN", t);
            }
            let out = cmd.output().unwrap();
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
    };
    let (code, err) = attempt(None).await.unwrap();
    assert_eq!(code, Some(1));
    assert!(err.contains("DUBAN_ADMIN_TOKEN"), "{err}");
    let (code, err) = attempt(Some("wrong-token-wrong-token")).await.unwrap();
    assert_eq!(code, Some(1));
    assert!(err.contains("拒绝"), "{err}");
    assert!(!to.exists());
    app.stop().await;
}

/// The daily job on the virtual clock: audit records past `keep_days` are exported to the
/// backup directory, then pruned; a backup is written and only the newest `keep` are kept.
#[tokio::test]
async fn the_daily_job_exports_and_prunes_old_audit_and_rotates_backups() {
    if sled_only("backups are sled's; PostgreSQL is backed up by its own tools") {
        return;
    }
    let backups = tempfile::tempdir().unwrap();
    let dir = backups.path().to_path_buf();
    let app = spawn_app_with(|s| {
        s.backup = Some(duban::config::BackupConfig {
            dir: dir.clone(),
            at: "02:00".to_owned(),
            keep: 2,
        });
    })
    .await;
    app.say(BOSS, "@_user_1 /督办 写周报 @_user_2 下周五前", &[BOT, ZHANG])
        .await;
    assert!(eventually(|| app.store.all_items().unwrap().len() == 1).await);
    let env = env_for(&app.data_dir, &app.fake.base_url);
    let mut settings = duban::config::load(None, &env).unwrap();
    settings.backup = Some(duban::config::BackupConfig {
        dir: dir.clone(),
        at: "02:00".to_owned(),
        keep: 2,
    });
    // Days 1 and 2: nothing old enough yet; backups accumulate.
    let day = |d: i64| reference_now() + jiff::SignedDuration::from_hours(24 * d);
    for d in 1..=3 {
        let r = duban::operator::daily(&app.store, &settings, day(d)).unwrap();
        assert_eq!(r.pruned, 0);
        assert!(r.backup.unwrap().exists());
    }
    let names = |dir: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&dir).len(), 2, "keep = 2: {:?}", names(&dir));
    assert_eq!(app.store.all_audit().unwrap().len(), 1);
    // 181 days later the creation record is past the 180-day retention.
    let r = duban::operator::daily(&app.store, &settings, day(181)).unwrap();
    assert_eq!(r.pruned, 1);
    let exported = r.pruned_export.unwrap();
    let bytes = std::fs::read(&exported).unwrap();
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    let recs: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!((&recs[0][0], &recs[0][3]), ("DB-1", "创建"));
    assert!(app.store.all_audit().unwrap().is_empty());
    assert_eq!(app.store.all_items().unwrap().len(), 1, "items stay");

    // The server runs the job itself once its clock passes `at` on a new day.
    let before = names(&dir).len();
    app.clock.set(day(182));
    assert!(
        eventually(|| names(&dir)
            .iter()
            .any(|n| n == &duban::operator::backup_file_name(day(182))))
        .await,
        "the scheduled backup of the day: {:?} (had {before})",
        names(&dir)
    );

    // A retention shorter than 180 days is refused at start.
    let cfg = backups.path().join("short.toml");
    std::fs::write(&cfg, "[audit]\nkeep_days = 30\n").unwrap();
    let err = duban::config::load(Some(&cfg), &env).unwrap_err().to_string();
    assert!(err.contains("audit.keep_days 30") && err.contains("180"), "{err}");
    app.stop().await;
}

/// `/督办 导出`: someone who never created an item is refused (no file); a 督办人 gets the items
/// they created, an admin every item, each as an xlsx file uploaded through the files API and
/// sent to them 1:1 as a `file` message; the workbook opens with the mirror's headers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chat_export_sends_the_xlsx_file_to_the_asker() {
    use calamine::Reader as _;
    let app = spawn_app_with(|s| s.supervision.admins = vec![LI.0.to_owned()]).await;
    app.say(BOSS, "@_user_1 /督办 写周报 @_user_2 下周五前", &[BOT, ZHANG])
        .await;
    app.say(BOSS, "@_user_1 /督办 整理台账 @_user_2 明天", &[BOT, WANG])
        .await;
    app.say(ZHANG, "@_user_1 /督办 核对名单 @_user_2 明天", &[BOT, WANG])
        .await;
    assert!(eventually(|| app.store.all_items().unwrap().len() == 3).await);

    let asked = app.say(WANG, "@_user_1 /督办 导出", &[BOT]).await;
    let refusal = app.reply_to(&asked).await;
    assert!(
        refusal.content.to_string().contains("只有管理员和督办人可以导出"),
        "{}",
        refusal.content
    );

    let asked = app.say(BOSS, "@_user_1 /督办 导出 本月", &[BOT]).await;
    let ack = app.reply_to(&asked).await;
    assert!(
        ack.content.to_string().contains("你发起的督办事项 2 条"),
        "{}",
        ack.content
    );
    let asked = app.say(LI, "@_user_1 /督办 导出", &[BOT]).await;
    let ack = app.reply_to(&asked).await;
    assert!(
        ack.content.to_string().contains("督办事项 3 条"),
        "{}",
        ack.content
    );

    let file_messages = || {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| m.msg_type == "file")
            .collect::<Vec<_>>()
    };
    assert!(
        eventually(|| file_messages().len() == 2).await,
        "two file messages"
    );
    let files = app.fake.files();
    assert_eq!(files.len(), 2, "each export uploaded once");
    for (m, (who, rows)) in file_messages().iter().zip([(BOSS.0, 2), (LI.0, 3)]) {
        assert_eq!(
            (m.receive_id_type.as_str(), m.receive_id.as_str()),
            ("open_id", who)
        );
        let key = m.content["file_key"].as_str().unwrap();
        let f = files.iter().find(|f| f.file_key == key).unwrap();
        assert_eq!(f.file_type, "xls");
        assert!(
            f.file_name.starts_with("督办事项-") && f.file_name.ends_with(".xlsx"),
            "{}",
            f.file_name
        );
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(f.bytes.clone())).unwrap();
        let range = book.worksheet_range("督办事项").unwrap();
        let sheet: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .collect();
        let mirror: Vec<String> = duban::mirror::ITEM_FIELDS
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .collect();
        assert_eq!(sheet[0], mirror);
        assert_eq!(sheet.len(), rows + 1, "{who}: {sheet:?}");
    }
    app.stop().await;
}
