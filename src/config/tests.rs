use super::*;
use std::collections::HashMap;

fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn no_credentials_means_sandbox_and_defaults_apply() {
    let d = dir();
    let s = load(None, &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())])).unwrap();
    assert!(s.credentials.is_none());
    assert_eq!(s.base_url, "https://open.feishu.cn");
    assert_eq!(s.listen.port(), 8080);
}

#[test]
fn group_messages_default_to_at_bot_and_the_environment_overrides_the_file() {
    let d = dir();
    let data = d.path().to_str().unwrap();
    let s = load(None, &env(&[("DUBAN_DATA_DIR", data)])).unwrap();
    assert_eq!(s.feishu.group_messages, GroupMessages::AtBot);
    let s = load(
        None,
        &env(&[("DUBAN_DATA_DIR", data), ("DUBAN_GROUP_MESSAGES", "all")]),
    )
    .unwrap();
    assert_eq!(s.feishu.group_messages, GroupMessages::All);
    let f = d.path().join("c.toml");
    std::fs::write(&f, "[feishu]\ngroup_messages = \"all\"\n").unwrap();
    let s = load(Some(&f), &env(&[("DUBAN_DATA_DIR", data)])).unwrap();
    assert_eq!(s.feishu.group_messages, GroupMessages::All);
    let e = load(
        None,
        &env(&[("DUBAN_DATA_DIR", data), ("DUBAN_GROUP_MESSAGES", "everything")]),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("at_bot") && e.contains("all"), "{e}");
}

#[test]
fn a_malformed_app_id_is_refused_without_leaking_the_secret() {
    let d = dir();
    let e = env(&[
        ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
        ("FEISHU_APP_ID", "cli_123"),
        ("FEISHU_APP_SECRET", "supersecretvalue"),
        ("FEISHU_VERIFICATION_TOKEN", "tok"),
    ]);
    let err = format!("{:#}", load(None, &e).unwrap_err());
    assert!(err.contains("FEISHU_APP_ID"), "{err}");
    assert!(!err.contains("supersecretvalue"));
}

#[test]
fn a_missing_secret_and_a_bad_listen_address_are_named() {
    let d = dir();
    let e = env(&[
        ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
        ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
    ]);
    assert!(format!("{:#}", load(None, &e).unwrap_err()).contains("FEISHU_APP_SECRET"));
    let e = env(&[
        ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
        ("DUBAN_LISTEN", "localhost:x"),
    ]);
    assert!(format!("{:#}", load(None, &e).unwrap_err()).contains("DUBAN_LISTEN"));
}

#[test]
fn the_environment_overrides_the_file_and_secrets_do_not_debug_print() {
    let d = dir();
    let cfg = d.path().join("duban.toml");
    std::fs::write(
        &cfg,
        "[server]\nlisten = \"127.0.0.1:9000\"\n[supervision]\nrequire_acceptance = false\n",
    )
    .unwrap();
    let e = env(&[
        ("DUBAN_DATA_DIR", d.path().join("data").to_str().unwrap()),
        ("DUBAN_LISTEN", "127.0.0.1:9100"),
        ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
        ("FEISHU_APP_SECRET", "supersecretvalue"),
        ("FEISHU_VERIFICATION_TOKEN", "tok"),
    ]);
    let s = load(Some(&cfg), &e).unwrap();
    assert_eq!(s.listen.port(), 9100);
    assert!(!s.supervision.require_acceptance);
    assert!(!format!("{s:?}").contains("supersecretvalue"));
}

#[test]
fn unknown_keys_and_unwritable_dirs_are_refused() {
    let d = dir();
    let cfg = d.path().join("duban.toml");
    std::fs::write(&cfg, "[server]\nlisen = \"x\"\n").unwrap();
    assert!(
        load(
            Some(&cfg),
            &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())])
        )
        .is_err()
    );
    let file = d.path().join("plainfile");
    std::fs::write(&file, "x").unwrap();
    let err = load(
        None,
        &env(&[("DUBAN_DATA_DIR", file.join("sub").to_str().unwrap())]),
    )
    .unwrap_err();
    assert!(format!("{err:#}").contains("data dir"));
}

fn load_text(text: &str) -> anyhow::Result<Settings> {
    let d = dir();
    let cfg = d.path().join("duban.toml");
    std::fs::write(&cfg, text).unwrap();
    load(
        Some(&cfg),
        &env(&[("DUBAN_DATA_DIR", d.path().join("data").to_str().unwrap())]),
    )
}

#[test]
fn a_group_may_change_any_reminder_setting_and_typos_and_odd_times_are_refused() {
    let s = load_text(
        "[reminders]\noverdue_daily_at = [9, 30]\nurgent_sms = true\n\
             [[groups]]\nchat_id = \"oc_a\"\n[groups.reminders]\nurgent_from_day = 5\n\
             quiet_end = [17, 0]\n[[groups]]\nchat_id = \"oc_b\"\n",
    )
    .unwrap();
    let a = s.groups[0].policy.clone().unwrap();
    assert_eq!((a.urgent_from_day, a.quiet_end), (5, (17, 0)));
    // What the group does not change comes from [reminders], then the defaults.
    assert_eq!(
        (a.overdue_daily_at, a.urgent_sms, a.snooze_cap),
        ((9, 30), true, 3)
    );
    assert_eq!(s.groups[1].policy, None);

    let typo = "[[groups]]\nchat_id = \"oc_a\"\n[groups.reminders]\nurgent_form_day = 5\n";
    let err = format!("{:#}", load_text(typo).unwrap_err());
    assert!(err.contains("urgent_form_day") && err.contains("oc_a"), "{err}");
    let err = format!("{:#}", load_text("[reminders]\nurgnt_sms = true\n").unwrap_err());
    assert!(err.contains("urgnt_sms"), "{err}");
    let err = format!(
        "{:#}",
        load_text("[reminders]\nquiet_start = [19, 0]\n").unwrap_err()
    );
    assert!(err.contains("quiet_start"), "{err}");
    let late = "[[groups]]\nchat_id = \"oc_a\"\n[groups.reminders]\noverdue_daily_at = [25, 0]\n";
    let err = format!("{:#}", load_text(late).unwrap_err());
    assert!(err.contains("overdue_daily_at") && err.contains("oc_a"), "{err}");
}

#[test]
fn the_annotated_example_configuration_loads() {
    let d = dir();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/duban.example.toml");
    let s = load(
        Some(&example),
        &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())]),
    )
    .unwrap();
    assert_eq!(s.board.at, "09:30");
    assert_eq!(s.reminders, crate::domain::schedule::ReminderPolicy::default());
    let prod = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/production.toml");
    let p = load(
        Some(&prod),
        &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())]),
    )
    .unwrap();
    assert_eq!(p.log.format, "json");
}

#[test]
fn the_event_mode_comes_from_the_file_or_duban_events_and_long_connection_needs_no_token() {
    let s = load_text("[feishu]\nevents = \"long-connection\"\n").unwrap();
    assert_eq!(s.feishu.events, EventsMode::LongConnection);
    assert_eq!(load_text("").unwrap().feishu.events, EventsMode::Webhook);
    assert!(load_text("[feishu]\nevents = \"websocket\"\n").is_err());
    let d = dir();
    let base = [
        ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
        ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
        ("FEISHU_APP_SECRET", "s"),
    ];
    let mut e = env(&base);
    e.insert("DUBAN_EVENTS".to_owned(), "long-connection".to_owned());
    let s = load(None, &e).unwrap();
    assert_eq!(s.feishu.events, EventsMode::LongConnection);
    assert!(s.credentials.is_some());
    // The webhook still needs its Verification Token.
    assert!(format!("{:#}", load(None, &env(&base)).unwrap_err()).contains("FEISHU_VERIFICATION_TOKEN"));
    e.insert("DUBAN_EVENTS".to_owned(), "ws".to_owned());
    assert!(format!("{:#}", load(None, &e).unwrap_err()).contains("DUBAN_EVENTS"));
}

#[test]
fn app_ids_are_cli_and_sixteen_hex_digits() {
    assert!(is_app_id("cli_a1b2c3d4e5f60718"));
    assert!(!is_app_id("cli_a1b2c3d4e5f6071"));
    assert!(!is_app_id("cli_a1b2c3d4e5f6071g"));
    assert!(!is_app_id("app_a1b2c3d4e5f60718"));
}

const UNITS: &str = "[org]\nregions = [\"华东片区\", \"华中片区\"]\n\
    [supervision]\nadmins = [\"ou_admin\"]\nissuers = [\"ou_boss\"]\n\
    [board]\nleaders_chat = \"oc_leaders\"\n\
    [[units]]\nname = \"杭州营业部\"\nkind = \"营业部\"\nregion = \"华东片区\"\nchat_id = \"oc_hz\"\nheads = [\"ou_hz\"]\n\
    [[units]]\nname = \"运营管理部\"\nkind = \"总部部门\"\nchat_id = \"oc_yy\"\nheads = [\"ou_yy\", \"ou_yy2\"]\n";

#[test]
fn units_regions_issuers_and_the_leaders_chat_are_read_into_a_ready_registry() {
    let s = load_text(UNITS).unwrap();
    assert_eq!(s.units.regions(), ["华东片区", "华中片区"]);
    let hz = s
        .units
        .by_chat(&crate::domain::ids::ChatId("oc_hz".to_owned()))
        .unwrap();
    assert_eq!(
        (hz.name.as_str(), hz.kind.label(), hz.region.as_deref()),
        ("杭州营业部", "营业部", Some("华东片区"))
    );
    assert_eq!(s.units.find("运营").unwrap().heads.len(), 2);
    assert_eq!(s.board.leaders_chat.as_deref(), Some("oc_leaders"));
    assert_eq!(s.supervision.issuers, ["ou_boss"]);
    // None of it is required.
    let s = load_text("").unwrap();
    assert!(s.units.is_empty() && s.board.leaders_chat.is_none());
}

#[test]
fn bad_units_stop_start_up_with_every_problem_in_chinese() {
    let bad = "[org]\nregions = [\"华东片区\"]\n\
        [[units]]\nname = \"杭州营业部\"\nregion = \"华东片区\"\nchat_id = \"oc_hz\"\n\
        [[units]]\nname = \"宁波营业部\"\nregion = \"华东区\"\nchat_id = \"oc_nb\"\n\
        [[units]]\nname = \"温州营业部\"\nchat_id = \"oc_hz\"\n\
        [[units]]\nname = \"长沙营业部\"\n\
        [[units]]\nname = \"杭州营业部\"\nchat_id = \"oc_hz2\"\n";
    let err = load_text(bad).unwrap_err();
    let problems = err.downcast_ref::<UnitProblems>().unwrap().problems().to_vec();
    assert_eq!(problems.len(), 4, "{problems:?}");
    let text = format!("{err:#}");
    for part in [
        "4 处问题",
        "华东区",
        "温州营业部",
        "杭州营业部",
        "长沙营业部",
        "chat_id",
        "不止一次",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    // Only the keys the issue names.
    let typo = "[[units]]\nname = \"杭州营业部\"\nchat = \"oc_hz\"\n";
    assert!(format!("{:#}", load_text(typo).unwrap_err()).contains("chat"));
    let e = format!(
        "{:#}",
        load_text("[supervision]\nissuers = [\"赵督办\"]\n").unwrap_err()
    );
    assert!(e.contains("supervision.issuers"), "{e}");
    let e = format!(
        "{:#}",
        load_text("[board]\nleaders_chat = \"领导群\"\n").unwrap_err()
    );
    assert!(e.contains("board.leaders_chat"), "{e}");
}

#[test]
fn the_log_filter_is_a_level_or_a_target_list_and_anything_else_is_refused_at_start() {
    for good in [
        "info",
        "debug",
        "warn,duban=debug",
        "info,duban::worker=trace,sled=warn",
    ] {
        let s = load_text(&format!("[log]\nlevel = \"{good}\"\n")).unwrap();
        assert_eq!(s.log.level, good);
    }
    let d = dir();
    let err = load(
        None,
        &env(&[
            ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
            ("DUBAN_LOG", "duban=loud"),
        ]),
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("DUBAN_LOG") && err.contains("duban=loud"), "{err}");
    assert!(load_text("[log]\nlevel = \"[span{id=1}]\"\n").is_err());
}
