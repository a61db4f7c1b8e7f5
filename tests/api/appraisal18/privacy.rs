//! Refusals that reveal nothing, bad input with examples, and a record's life (notice,
//! comment, audit, pack).

use duban::domain::ids::ItemId;

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn others_are_refused_with_the_same_words_and_bad_input_gets_an_example() {
    let app = spawn_app_with(settings).await;
    group(
        &app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    wait_items(&app, 1).await;
    let r = p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-1 提前完成", &[ZHANG]).await;
    assert!(
        r.content.to_string().contains("已记录标杆行为 BR-1"),
        "{}",
        r.content
    );

    // 王五 is nobody's leader: 张三 (records and items) and 李四 (nothing) get the same answer.
    let about_zhang = p2p(&app, WANG, "/督办 考评 本季度 @_user_1", &[ZHANG]).await;
    let about_li = p2p(&app, WANG, "/督办 考评 本季度 @_user_1", &[LI]).await;
    assert_eq!(about_zhang.content, about_li.content);
    // Named without @ (a 1:1 chat cannot @ others): a known name and an unknown one alike.
    let by_name = p2p(&app, WANG, "/督办 考评 本季度 张三", &[]).await;
    let nobody = p2p(&app, WANG, "/督办 考评 本季度 赵六", &[]).await;
    assert_eq!(by_name.content, about_zhang.content);
    assert_eq!(nobody.content, about_zhang.content);
    let refusal = about_zhang.content.to_string();
    assert!(refusal.contains("仅本人、其上级和管理员可以查看"), "{refusal}");
    assert!(
        !refusal.contains("BR-1") && !refusal.contains("张三"),
        "{refusal}"
    );
    // Nor may 王五 record, or comment on a record (existing or not), and the answers match.
    let rec_zhang = p2p(&app, WANG, "/督办 负面 @_user_1 N01 迟交", &[ZHANG]).await;
    let rec_li = p2p(&app, WANG, "/督办 负面 @_user_1 N01 迟交", &[LI]).await;
    assert_eq!(rec_zhang.content, rec_li.content);
    let c1 = p2p(&app, WANG, "/督办 标杆 备注 BR-1 不服", &[]).await;
    let c9 = p2p(&app, WANG, "/督办 标杆 备注 BR-9 不服", &[]).await;
    assert_eq!(
        c1.content.to_string().replace("BR-1", "BR-n"),
        c9.content.to_string().replace("BR-9", "BR-n")
    );
    assert_eq!(
        app.store
            .behaviour_records_of(&duban::domain::ids::OpenId(ZHANG.0.into()))
            .unwrap()
            .len(),
        1
    );

    // In a group: refused with the 1:1 example, nothing about anyone.
    let g = group(&app, ZHANG, "@_user_1 /督办 考评 本季度", &[BOT]).await;
    let gt = g.content.to_string();
    assert!(
        gt.contains("请在与督办机器人的私聊中使用") && gt.contains("/督办 考评 本季度"),
        "{gt}"
    );
    assert!(!gt.contains("交办"), "{gt}");
    let g = group(&app, BOSS, "@_user_1 /督办 标杆 @_user_2 B01 好", &[BOT, ZHANG]).await;
    assert!(g.content.to_string().contains("私聊"), "{}", g.content);

    // Unknown code, unreadable period, an item the asker cannot see: each with an example.
    let e = p2p(&app, BOSS, "/督办 标杆 @_user_1 B99 好", &[ZHANG])
        .await
        .content
        .to_string();
    assert!(
        e.contains("没有代码“B99”")
            && e.contains("B01 按时高质量完成重点任务")
            && e.contains("/督办 标杆 @张三 B01"),
        "{e}"
    );
    let e = p2p(&app, BOSS, "/督办 负面 @_user_1 B01 好", &[ZHANG])
        .await
        .content
        .to_string();
    assert!(
        e.contains("没有代码“B01”") && e.contains("N01"),
        "a 标杆 code is no 负面 code: {e}"
    );
    let e = p2p(&app, ZHANG, "/督办 考评 下下季度", &[])
        .await
        .content
        .to_string();
    assert!(
        e.contains("考评期间没看懂") && e.contains("/督办 考评 本季度"),
        "{e}"
    );
    let e = p2p(&app, BOSS, "/督办 标杆 @_user_1 B01 DB-99 好", &[ZHANG])
        .await
        .content
        .to_string();
    assert!(
        e.contains("没有找到事项 DB-99") && e.contains("/督办 标杆 @张三 B01"),
        "{e}"
    );
    assert_eq!(
        app.store
            .behaviour_records_of(&duban::domain::ids::OpenId(ZHANG.0.into()))
            .unwrap()
            .len(),
        1
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_is_told_privately_commented_audited_and_shown_in_the_pack() {
    let app = spawn_app_with(settings).await;
    group(
        &app,
        BOSS,
        "@_user_1 /督办 写周报 @_user_2 下周五前",
        &[BOT, ZHANG],
    )
    .await;
    wait_items(&app, 1).await;
    // By name, as a 1:1 chat allows: 张三 is known from the items.
    let e = p2p(&app, BOSS, "/督办 负面 赵六 N01 迟交", &[])
        .await
        .content
        .to_string();
    assert!(
        e.contains("没有找到“赵六”") && e.contains("/督办 负面 @张三"),
        "{e}"
    );
    let r = p2p(&app, BOSS, "/督办 负面 张三 N01 DB-1 周报迟交两天", &[]).await;
    assert!(
        r.content.to_string().contains("已记录负面行为 BR-1 · 张三"),
        "{}",
        r.content
    );
    // 张三 is told 1:1 (a card to their open_id, through the outbox).
    let told = |needle: &'static str, to: &'static str| {
        let app = &app;
        move || {
            app.fake.messages().iter().any(|m| {
                m.receive_id_type == "open_id" && m.receive_id == to && m.content.to_string().contains(needle)
            })
        }
    };
    assert!(eventually(told("你有一条新的负面行为记录 BR-1", ZHANG.0)).await);
    let r = p2p(&app, ZHANG, "/督办 负面 备注 BR-1 因系统故障延迟，已说明", &[]).await;
    assert!(
        r.content.to_string().contains("已为 BR-1 添加备注"),
        "{}",
        r.content
    );
    assert!(
        eventually(told("因系统故障延迟", BOSS.0)).await,
        "the recorder is told"
    );
    let rec = app
        .store
        .behaviour_record(duban::domain::appraisal::RecordId(1))
        .unwrap()
        .unwrap();
    let actions: Vec<&str> = rec.audit.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, ["behaviour_record", "behaviour_comment"]);
    assert_eq!(rec.audit[0].actor.open_id.0, BOSS.0);
    assert_eq!(rec.item, Some(ItemId(1)));
    // The pack shows it, with the comment; the admin sees it too.
    for who in [ZHANG, ADMIN] {
        let mentions: &[(&str, &str)] = if who == ZHANG { &[] } else { &[ZHANG] };
        let text = if who == ZHANG {
            "/督办 考评 本季度"
        } else {
            "/督办 考评 本季度 @_user_1"
        };
        let pack = p2p(&app, who, text, mentions).await.content.to_string();
        assert!(
            pack.contains("BR-1") && pack.contains("N01 未按时报送且未说明（-3分）"),
            "{pack}"
        );
        assert!(pack.contains("本人备注：因系统故障延迟，已说明"), "{pack}");
    }
    app.stop().await;
}
