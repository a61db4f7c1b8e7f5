//! Issue 12 regressions: deadlines (pt 2), punctuation kept as typed (pt 7) and the command
//! words people actually type (pt 3, parser part), through the webhook and the fake Feishu.

use std::time::Duration;

use duban::domain::ids::{ItemId, RequirementId};
use serde_json::Value;

use crate::helpers::*;

/// Monday 2026-03-16 10:00 Asia/Shanghai, the day of the issue's report.
fn monday() -> jiff::Timestamp {
    "2026-03-16T10:00:00+08:00".parse().unwrap()
}

/// The text of the bot's reply to `mid` (a card's JSON, or a text's content).
async fn reply_text(app: &TestApp, mid: &str) -> String {
    app.reply_to(mid).await.content.to_string()
}

/// The header title of the card the bot replied to `mid` with.
async fn reply_title(app: &TestApp, mid: &str) -> String {
    let m = app.reply_to(mid).await;
    assert_eq!(m.msg_type, "interactive", "{}", m.content);
    m.content["header"]["title"]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The live card of item `id` as it is now (after any PATCH).
async fn item_card(app: &TestApp, id: u64) -> String {
    assert!(
        eventually(|| app.store.item_card(ItemId(id)).ok().flatten().is_some()).await,
        "DB-{id} has a card"
    );
    let card_mid = app.store.item_card(ItemId(id)).unwrap().unwrap();
    app.fake.message(&card_mid).unwrap().card().to_string()
}

fn item(app: &TestApp, id: u64) -> duban::domain::supervision::Item {
    app.store.get_item(ItemId(id)).unwrap().unwrap()
}

// ---- pt 2: recent past dates and non-working days ------------------------------------------------

#[tokio::test]
async fn issue_12_a_month_day_that_just_passed_is_refused_not_moved_to_next_year() {
    let app = spawn_app().await;
    app.clock.set(monday());
    let mid = app
        .say(
            BOSS,
            "@_user_1 /督办 测试过去日期 @_user_2 3月14日",
            &[BOT, ZHANG],
        )
        .await;
    let text = reply_text(&app, &mid).await;
    assert!(text.contains("已经过去了"), "{text}");
    assert!(
        text.contains("2027年3月14日"),
        "the reply shows how to mean next year: {text}"
    );
    assert!(!text.contains("363"), "{text}");
    assert!(
        app.store.get_item(ItemId(1)).unwrap().is_none(),
        "nothing is created"
    );

    // Further back than 60 days still means next year; an explicit next year is taken as written.
    let mid = app
        .say(BOSS, "@_user_1 /督办 年初盘点 @_user_2 1月10日", &[BOT, ZHANG])
        .await;
    app.reply_to(&mid).await;
    assert_eq!(item(&app, 1).deadline.to_string(), "2027-01-10T10:00:00Z");
    let mid = app
        .say(
            BOSS,
            "@_user_1 /督办 明年复盘 @_user_2 2027年3月14日",
            &[BOT, ZHANG],
        )
        .await;
    app.reply_to(&mid).await;
    assert_eq!(item(&app, 2).deadline.to_string(), "2027-03-14T10:00:00Z");

    // The same rule for an extension date.
    let mid = app.say(ZHANG, "/督办 延期 DB-2 3月1日 等待数据", &[]).await;
    let text = reply_text(&app, &mid).await;
    assert!(
        text.contains("已经过去了") && text.contains("2027年3月1日"),
        "{text}"
    );
    assert!(item(&app, 2).extension.is_none());
    app.stop().await;
}

#[tokio::test]
async fn issue_12_a_deadline_on_a_day_off_is_kept_with_a_visible_note() {
    let app = spawn_app().await;
    app.clock.set(monday());
    let mid = app
        .say(
            BOSS,
            "@_user_1 /督办 周末值班安排 @_user_2 3月21日",
            &[BOT, ZHANG],
        )
        .await;
    // The reply is the item's live card: the deadline is kept, with the note.
    let reply = app.reply_to(&mid).await;
    assert!(
        reply.content.to_string().contains("3月21日是周六"),
        "{}",
        reply.content
    );
    assert_eq!(item(&app, 1).deadline.to_string(), "2026-03-21T10:00:00Z");

    let mid = app
        .say(BOSS, "@_user_1 /督办 清明值班 @_user_2 4月5日", &[BOT, ZHANG])
        .await;
    app.reply_to(&mid).await;
    assert!(item_card(&app, 2).await.contains("4月5日是清明节假期"));

    // A working day gets no note.
    let mid = app
        .say(BOSS, "@_user_1 /督办 周五报送 @_user_2 3月20日", &[BOT, ZHANG])
        .await;
    app.reply_to(&mid).await;
    let card = item_card(&app, 3).await;
    assert!(!card.contains("注意："), "{card}");

    // An extension to a day off shows the note on the request, then on the new deadline.
    app.say(ZHANG, "/督办 延期 DB-3 4月5日 等待清明后数据", &[]).await;
    assert!(eventually(|| item(&app, 3).extension.is_some()).await);
    let card_mid = app.store.item_card(ItemId(3)).unwrap().unwrap();
    assert!(
        eventually(|| app
            .fake
            .message(&card_mid)
            .unwrap()
            .card()
            .to_string()
            .contains("4月5日是清明节假期"))
        .await,
        "the extension request on the card carries the note"
    );
    app.stop().await;
}

// ---- pt 7: punctuation kept as typed -------------------------------------------------------------

#[tokio::test]
async fn issue_12_titles_notes_and_requirement_fields_keep_chinese_punctuation() {
    let app = spawn_app().await;
    let title = "修订《客户适当性管理办法》（2026版），报合规总监审阅";
    let mid = app
        .say(
            BOSS,
            &format!("@_user_1 /督办 {title} @_user_2 3月20日 P2"),
            &[BOT, ZHANG],
        )
        .await;
    app.reply_to(&mid).await;
    assert_eq!(item(&app, 1).title, title);
    assert!(item_card(&app, 1).await.contains(title));

    let note = "已完成《办法》初稿（第1版）：待审阅；附“问答”";
    let mid = app
        .say(ZHANG, &format!("/督办 进展 ＤＢ－１ ６０％ {note}"), &[])
        .await;
    app.reply_to(&mid).await;
    let it = item(&app, 1);
    assert_eq!(it.latest_note.as_deref(), Some(note));
    assert_eq!(it.progress, 60);

    let mid = app
        .say(
            ZHANG,
            "/需求 两融客户到期提醒（试点）\n提出单位：杭州分公司（营业部）\n场景：到期前3天，提醒客户；\n优先级：高\n说明：依据《融资融券业务管理办法》，约3000户",
            &[],
        )
        .await;
    app.reply_to(&mid).await;
    let r = app.store.get_requirement(RequirementId(1)).unwrap().unwrap();
    assert_eq!(r.title, "两融客户到期提醒（试点）");
    assert_eq!(r.unit.as_deref(), Some("杭州分公司（营业部）"));
    assert_eq!(r.scenario.as_deref(), Some("到期前3天，提醒客户；"));
    assert_eq!(
        r.description.as_deref(),
        Some("依据《融资融券业务管理办法》，约3000户")
    );
    app.stop().await;
}

// ---- pt 3 (parser part): command words as people type them ----------------------------------------

#[tokio::test]
async fn issue_12_input_method_and_unspaced_command_words_get_the_same_reply() {
    let app = spawn_app().await;
    let cases: &[(&str, &str)] = &[
        ("/督办 帮助", "、督办 帮助"),
        ("/督办 帮助", "/督办帮助"),
        ("/督办 列表", "/督办列表"),
        ("/督办 列表", "@_user_1 、督办 列表"),
        ("/督办 列表", "／督办 列表"),
        ("/督办 列表 逾期", "、督办列表 逾期"),
        ("/task list", "、task list"),
        ("/项目 列表", "/项目列表"),
        ("/项目 列表", "、项目 列表"),
        ("/需求 列表", "/需求列表"),
        ("/需求 帮助", "、需求帮助"),
    ];
    for (canonical, typed) in cases {
        let mid = app.say(ZHANG, canonical, &[BOT]).await;
        let want = reply_title(&app, &mid).await;
        assert!(!want.is_empty(), "{canonical}");
        let mid = app.say(ZHANG, typed, &[BOT]).await;
        assert_eq!(
            reply_title(&app, &mid).await,
            want,
            "{typed} answers like {canonical}"
        );
    }
    // A glued creation title.
    let mid = app.say(BOSS, "/督办整理3份合同 @_user_1 周四前", &[ZHANG]).await;
    app.reply_to(&mid).await;
    assert_eq!(item(&app, 1).title, "整理3份合同");
    app.stop().await;
}

#[tokio::test]
async fn issue_12_chat_that_contains_the_command_word_stays_chat() {
    let app = spawn_app().await;
    let chat: Vec<String> = [
        "请大家督办一下",
        "这个要督办",
        "/督办事项 已经发到群里了",
        "、督办一下",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    let mut mids = Vec::new();
    for t in &chat {
        mids.push(app.say(ZHANG, t, &[]).await);
    }
    // A command sent after them is answered; by then the chat has been read and left alone.
    let mid = app.say(ZHANG, "/督办 帮助", &[]).await;
    app.reply_to(&mid).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let replies: Vec<Value> = app
        .fake
        .messages()
        .into_iter()
        .filter(|m| m.parent_id.as_ref().is_some_and(|p| mids.contains(p)))
        .map(|m| m.content)
        .collect();
    assert!(replies.is_empty(), "{replies:?}");
    app.stop().await;
}

#[tokio::test]
async fn issue_12_project_plan_dates_follow_the_same_rules() {
    use duban::domain::ids::ProjectId;
    use duban::store::projects::Watched;
    let app = spawn_app().await;
    app.clock.set(monday());
    app.say(BOSS, "@_user_1 /项目 新建 开户流程优化 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(
        eventually(|| app
            .store
            .watched_card(Watched::Project(ProjectId(1)))
            .ok()
            .flatten()
            .is_some())
        .await
    );
    // A plan date that just passed is refused …
    let mid = app
        .say(ZHANG, "@_user_1 /项目 计划 XM-1 需求对接 3月14日", &[BOT])
        .await;
    let text = reply_text(&app, &mid).await;
    assert!(
        text.contains("已经过去了") && text.contains("2027年3月14日"),
        "{text}"
    );
    assert!(
        app.store.get_project(ProjectId(1)).unwrap().unwrap().stages[0]
            .planned_end
            .is_none()
    );
    // … and one on a holiday is kept, with the note on the project card.
    let mid = app
        .say(ZHANG, "@_user_1 /项目 计划 XM-1 需求对接 4月5日", &[BOT])
        .await;
    app.reply_to(&mid).await;
    let mid = app.say(ZHANG, "@_user_1 /项目 查看 XM-1", &[BOT]).await;
    let text = reply_text(&app, &mid).await;
    assert!(text.contains("4月5日是清明节假期"), "{text}");
    app.stop().await;
}
