//! The admin tools `duban time` and `duban parse`, and start-up validation, as an operator runs
//! them.

use std::process::Command;

fn duban(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duban"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const NOW: &str = "2026-03-11T10:00:00+08:00";

#[test]
fn time_prints_the_resolved_deadline_with_its_offset() {
    let (code, out, _) = duban(&["time", "--now", NOW, "--", "下周五前"], &[]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "2026-03-20T18:00:00+08:00");
    let (code, out, _) = duban(
        &["time", "--now", "2026-04-29T10:00:00", "--", "3个工作日内"],
        &[],
    );
    assert_eq!((code, out.trim()), (0, "2026-05-07T18:00:00+08:00"));
}

#[test]
fn time_refuses_with_the_reason_on_stderr() {
    let (code, out, err) = duban(&["time", "--now", NOW, "--", "2月30日"], &[]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("2月30日"), "{err}");
    let (code, _, err) = duban(&["time", "--now", NOW, "--", "尽快"], &[]);
    assert_eq!(code, 1);
    assert!(!err.is_empty());
}

#[test]
fn parse_prints_the_command_as_json() {
    let (code, out, _) = duban(
        &[
            "parse",
            "--now",
            NOW,
            "--json",
            "--",
            "/督办 完成三季度合规自查报告 @张三 @李四 下周五前 P1 #合规",
        ],
        &[],
    );
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["title"], "完成三季度合规自查报告");
    assert_eq!(v["owner"]["name"], "张三");
    assert_eq!(v["assistants"][0]["name"], "李四");
    assert_eq!(v["deadline"], "2026-03-20T18:00:00+08:00");
    assert_eq!(v["priority"], "P1");
    assert_eq!(v["tags"][0], "合规");
}

#[test]
fn parse_reports_a_malformed_command_and_fails() {
    let (code, out, _) = duban(
        &["parse", "--now", NOW, "--json", "--", "/督办 写周报 @张三"],
        &[],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v["error"].as_str().unwrap().contains("截止"), "{v}");
    assert!(v["example"].as_str().unwrap().starts_with("/督办"));
}

#[test]
fn serve_refuses_bad_configuration_in_one_line_without_leaking_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let (code, _, err) = duban(
        &["serve"],
        &[
            ("DUBAN_DATA_DIR", data),
            ("FEISHU_APP_ID", "cli_bad"),
            ("FEISHU_APP_SECRET", "s3cr3t-value"),
            ("FEISHU_VERIFICATION_TOKEN", "t"),
        ],
    );
    assert_ne!(code, 0);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("FEISHU_APP_ID") && !err.contains("s3cr3t-value"),
        "{err}"
    );
    let ok = [
        ("DUBAN_DATA_DIR", data),
        ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
        ("FEISHU_APP_SECRET", "s"),
        ("FEISHU_VERIFICATION_TOKEN", "t"),
    ];
    let mut env = ok.to_vec();
    env.push(("DUBAN_LISTEN", "not-an-address"));
    let (code, _, err) = duban(&["serve"], &env);
    assert_ne!(code, 0);
    assert!(err.contains("DUBAN_LISTEN"), "{err}");
}

/// A bad `[[units]]` stops start-up (serve and the sandbox alike) with every problem, in Chinese,
/// on one line.
#[test]
fn serve_refuses_bad_units_naming_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("duban.toml");
    std::fs::write(
        &cfg,
        "[org]\nregions = [\"华东片区\"]\n\
         [[units]]\nname = \"杭州营业部\"\nregion = \"华东片区\"\nchat_id = \"oc_hz\"\n\
         [[units]]\nname = \"宁波营业部\"\nregion = \"华东片区\"\nchat_id = \"oc_hz\"\n\
         [[units]]\nname = \"长沙营业部\"\nregion = \"华中片区\"\nchat_id = \"oc_cs\"\n\
         [[units]]\nname = \"武汉营业部\"\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let env = [
        ("DUBAN_DATA_DIR", data.to_str().unwrap()),
        ("DUBAN_CONFIG", cfg.to_str().unwrap()),
        ("DUBAN_LISTEN", "127.0.0.1:0"),
    ];
    for cmd in ["serve", "sandbox"] {
        let (code, _, err) = duban(&[cmd], &env);
        assert_ne!(code, 0, "{cmd}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{cmd}: {err}");
        for part in ["3 处问题", "宁波营业部", "华中片区", "武汉营业部"] {
            assert!(err.contains(part), "{cmd} {part}: {err}");
        }
    }
}

#[test]
fn a_data_dir_held_by_a_running_duban_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let listen = format!("127.0.0.1:{port}");
    let env = [
        ("DUBAN_DATA_DIR", data),
        ("DUBAN_LISTEN", listen.as_str()),
        ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
        ("FEISHU_APP_SECRET", "s"),
        ("FEISHU_VERIFICATION_TOKEN", "t"),
        ("FEISHU_BASE_URL", "http://127.0.0.1:9"),
    ];
    let mut first = Command::new(env!("CARGO_BIN_EXE_duban"))
        .arg("serve")
        .env_clear()
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the first one holds the store (it listens after opening it).
    for _ in 0..100 {
        if std::net::TcpStream::connect(&listen).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let mut env2 = env.to_vec();
    env2[1] = ("DUBAN_LISTEN", "127.0.0.1:0");
    let (code, _, err) = duban(&["serve"], &env2);
    first.kill().unwrap();
    first.wait().unwrap();
    assert_ne!(code, 0);
    assert!(err.contains("占用") || err.contains("lock"), "{err}");
}

#[test]
fn the_readme_shows_the_permission_table_the_code_enforces() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = duban::domain::permissions::permissions_markdown();
    assert!(
        readme.contains(table.trim()),
        "README.md must contain the table from code:\n{table}"
    );
}
