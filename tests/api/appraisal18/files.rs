//! The xlsx export read back, and the Feishu Performance push against the fake.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_has_a_summary_and_a_sheet_per_person() {
    use calamine::{Data, Reader as _};
    let app = spawn_app_with(settings).await;
    quarter(&app).await;
    p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-4 连夜处置故障", &[ZHANG]).await;
    // Not a leader: refused, no file.
    let r = p2p(&app, WANG, "/督办 考评 导出 本季度", &[]).await;
    assert!(
        r.content.to_string().contains("只有上级和管理员可以导出"),
        "{}",
        r.content
    );
    let r = p2p(&app, BOSS, "/督办 考评 导出 本季度", &[]).await;
    assert!(r.content.to_string().contains("2 人的考评材料"), "{}", r.content);
    let files = || {
        app.fake
            .messages()
            .into_iter()
            .filter(|m| m.msg_type == "file")
            .collect::<Vec<_>>()
    };
    assert!(eventually(|| files().len() == 1).await);
    let m = &files()[0];
    assert_eq!(
        (m.receive_id_type.as_str(), m.receive_id.as_str()),
        ("open_id", BOSS.0)
    );
    let key = m.content["file_key"].as_str().unwrap().to_owned();
    let f = app.fake.files().into_iter().find(|f| f.file_key == key).unwrap();
    assert!(
        f.file_name.starts_with("考评材料-2026年第一季度") && f.file_name.ends_with(".xlsx"),
        "{}",
        f.file_name
    );
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(f.bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "汇总");
    let summary = book.worksheet_range("汇总").unwrap();
    let rows: Vec<Vec<Data>> = summary.rows().map(<[Data]>::to_vec).collect();
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(
        header[..6],
        ["姓名", "open_id", "交办", "完成", "按时完成", "按时率"]
    );
    let zhang = rows
        .iter()
        .find(|r| r[1] == Data::String(ZHANG.0.to_owned()))
        .unwrap();
    let nums: Vec<f64> = zhang[2..]
        .iter()
        .map(|c| match c {
            Data::Float(f) => *f,
            Data::Int(i) => *i as f64,
            _ => -1.0,
        })
        .collect();
    // 交办 完成 按时 按时率 平均延误 申请延期 批准延期 被催办 下达响应 急难险重 标杆分 负面分 记录数
    assert_eq!(
        nums,
        [
            5.0,
            3.0,
            2.0,
            2.0 / 3.0,
            0.7,
            1.0,
            1.0,
            4.0,
            1.0,
            1.0,
            2.0,
            0.0,
            1.0
        ]
    );
    let sheet = book.worksheet_range("张三").unwrap();
    let cells: Vec<String> = sheet
        .rows()
        .flat_map(|r| r.iter().map(ToString::to_string).collect::<Vec<_>>())
        .collect();
    assert!(cells.iter().any(|c| c == "DB-2"), "{cells:?}");
    assert!(
        cells.iter().any(|c| c == "B01 按时高质量完成重点任务"),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c == "DB-1、DB-2、DB-4"),
        "the items behind 完成: {cells:?}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_push_updates_on_the_second_run_instead_of_duplicating() {
    let app = spawn_app_with(settings).await;
    app.fake.state().add_performance_semester(SEMESTER);
    group(
        &app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    group(&app, BOSS, "@_user_1 /督办 整理台账 @_user_2 明天", &[BOT, ZHANG]).await;
    wait_items(&app, 2).await;
    p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-1 提前完成", &[ZHANG]).await;

    let told = |needle: &'static str| {
        let app = &app;
        move || {
            app.fake
                .messages()
                .iter()
                .any(|m| m.receive_id == BOSS.0 && m.content.to_string().contains(needle))
        }
    };
    // Without the scope: one clear message naming it, nothing stored, the job done.
    app.fake.state().deny_scope("performance:performance");
    let r = p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    assert!(
        r.content
            .to_string()
            .contains("正在把本季度 2 人的考评材料推送到飞书绩效"),
        "{}",
        r.content
    );
    app.service.performance_tick().await.unwrap();
    assert!(
        eventually(told("performance:performance")).await,
        "the missing scope is named"
    );
    assert!(app.fake.state().performance_infos().is_empty());
    app.fake.state().allow_scope("performance:performance");

    p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    app.service.performance_tick().await.unwrap();
    assert!(eventually(told("新建 3 条，更新 0 条")).await);
    let infos = app.fake.state().performance_infos();
    assert_eq!(infos.len(), 3, "DB-1, DB-2 and BR-1: {infos:?}");
    let ext: Vec<&str> = infos.iter().filter_map(|i| i.external_id.as_deref()).collect();
    assert_eq!(ext, ["duban:DB-1", "duban:DB-2", "duban:BR-1"]);
    assert!(
        infos
            .iter()
            .all(|i| i.reviewee_user_id == ZHANG.0 && i.semester_id == SEMESTER)
    );
    assert!(
        infos[2]
            .detailed_description
            .contains("标杆行为 B01 按时高质量完成重点任务（+2分）"),
        "{infos:?}"
    );

    // DB-1 is accepted meanwhile: the second push updates the three, adds nothing.
    group(&app, ZHANG, "@_user_1 /督办 完成 DB-1", &[BOT]).await;
    group(&app, BOSS, "@_user_1 /督办 验收 DB-1", &[BOT]).await;
    p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    app.service.performance_tick().await.unwrap();
    assert!(eventually(told("新建 0 条，更新 3 条")).await);
    let again = app.fake.state().performance_infos();
    assert_eq!(again.len(), 3);
    assert!(again.iter().all(|i| i.writes == 2), "{again:?}");
    assert_eq!(
        again.iter().map(|i| &i.item_id).collect::<Vec<_>>(),
        infos.iter().map(|i| &i.item_id).collect::<Vec<_>>()
    );
    assert!(
        again[0].detailed_description.contains("完成：2026-03-11"),
        "{again:?}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_push_is_off_unless_configured() {
    let app = spawn_app_with(|s| {
        settings(s);
        s.appraisal.performance.push = false;
    })
    .await;
    let r = p2p(&app, BOSS, "/督办 考评 推送 本季度", &[]).await;
    assert!(
        r.content.to_string().contains("[performance] push = true"),
        "{}",
        r.content
    );
    assert!(app.store.push_jobs().unwrap().is_empty());
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_by_unit_holds_only_the_people_of_that_units_items() {
    use duban::domain::unit::{UnitDecl, UnitRegistry};
    let app = spawn_app_with(|s| {
        settings(s);
        s.units = UnitRegistry::from_decls(
            &[],
            &[UnitDecl {
                name: "杭州营业部".into(),
                kind: Some("营业部".into()),
                region: Some("华东片区".into()),
                chat_id: Some(CHAT.into()),
                heads: vec![],
            }],
        )
        .unwrap();
    })
    .await;
    group(
        &app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    // 李四's item lives in another group, outside the unit.
    let mid = app.next_id("om_beta_");
    let ev = message_event(
        &app.next_id("ev_"),
        &mid,
        "oc_group_beta",
        "group",
        BOSS.0,
        "@_user_1 /督办 核对名单 @_user_2 下周五前",
        &[BOT, LI],
        None,
    );
    assert_eq!(app.post_event(&ev).await.status(), 200);
    wait_items(&app, 2).await;
    let all = p2p(&app, ADMIN, "/督办 考评 导出 本季度", &[]).await;
    assert!(
        all.content.to_string().contains("2 人的考评材料"),
        "张三 and 李四: {}",
        all.content
    );
    let unit = p2p(&app, ADMIN, "/督办 考评 导出 本季度 杭州营业部", &[]).await;
    assert!(
        unit.content.to_string().contains("杭州营业部 1 人的考评材料"),
        "{}",
        unit.content
    );
    let unknown = p2p(&app, ADMIN, "/督办 考评 导出 本季度 火星营业部", &[]).await;
    let text = unknown.content.to_string();
    assert!(
        text.contains("单位没有找到") && text.contains("/督办 考评 导出 本季度"),
        "{text}"
    );
    app.stop().await;
}
