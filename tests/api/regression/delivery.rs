//! Issue 12 regressions: delivery (point 3). With the default permission Feishu delivers only
//! group messages that @ the bot, so what follows the @ must be understood: `@督办 帮助`,
//! `@督办 列表`, `@督办 /督办 …`, and anything else to the bot gets a short help card.
//! Through the webhook: sealed events in, the fake Feishu's received messages out.

use std::time::Duration;

use serde_json::Value;

use crate::helpers::*;

/// The app, with the fake's bot answering `bot/v3/info` as the `BOT` the events mention.
async fn app() -> TestApp {
    let app = spawn_app().await;
    app.fake.set_bot_open_id(BOT.0);
    app
}

fn card_text(m: &duban::fake_feishu::FakeMessage) -> String {
    assert_eq!(m.msg_type, "interactive", "{:?}", m.content);
    m.content.to_string()
}

fn title(m: &duban::fake_feishu::FakeMessage) -> String {
    m.content
        .pointer("/header/title/content")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Regression for issue 12 point 3: `@督办 帮助` in a group got no reply.
#[tokio::test]
async fn issue_12_at_bot_then_a_subcommand_word_is_the_command() {
    let app = app().await;
    let mid = app.say(ZHANG, "@_user_1 帮助", &[BOT]).await;
    let help = app.reply_to(&mid).await;
    assert_eq!(title(&help), "督办使用说明");
    let text = card_text(&help);
    for word in [
        "在群里 @督办 后输入指令",
        "/项目",
        "/需求",
        "/纪要",
        "负责人：@张三",
    ] {
        assert!(text.contains(word), "{word} missing from {text}");
    }

    app.say(BOSS, "@_user_1 /督办 周报 @_user_2 周五前", &[BOT, ZHANG])
        .await;
    assert!(eventually(|| app.store.outbox_len() == 0 && app.fake.messages().len() >= 2).await);
    let mid = app.say(BOSS, "@_user_1 列表", &[BOT]).await;
    let list = app.reply_to(&mid).await;
    assert!(
        card_text(&list).contains("周报"),
        "the list shows the item: {}",
        card_text(&list)
    );
    app.stop().await;
}

/// `@督办 /督办 …` (what the default permission delivers) works as the bare command does.
#[tokio::test]
async fn issue_12_at_bot_then_the_full_command_works() {
    let app = app().await;
    let mid = app
        .say(BOSS, "@_user_1 /督办 写周报 @_user_2 周五前", &[BOT, ZHANG])
        .await;
    let created = app.reply_to(&mid).await;
    assert!(card_text(&created).contains("写周报"));
    assert_eq!(app.store.all_items().unwrap().len(), 1);
    app.stop().await;
}

/// Regression for issue 12 point 3: an @-mention of the bot it cannot read got silence.
#[tokio::test]
async fn issue_12_at_bot_with_unreadable_text_gets_a_short_help_card() {
    let app = app().await;
    let mid = app.say(ZHANG, "@_user_1 这个怎么用？", &[BOT]).await;
    let short = app.reply_to(&mid).await;
    assert_eq!(title(&short), "督办没看懂这条消息");
    let text = card_text(&short);
    assert!(
        text.contains("在群里 @督办 后输入指令") && text.contains("@督办 帮助"),
        "{text}"
    );

    // A message that mentions only people, not the bot, is chatter: no answer.
    let before = app.fake.messages().len();
    app.say(ZHANG, "@_user_1 明天开会", &[LI]).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(eventually(|| app.store.outbox_len() == 0).await);
    assert_eq!(app.fake.messages().len(), before, "no reply to chatter");
    assert!(app.store.all_items().unwrap().is_empty(), "nothing created");
    app.stop().await;
}

/// Under the all-messages permission a bare command arrives without an @ and works too.
#[tokio::test]
async fn issue_12_a_bare_command_works_when_it_arrives() {
    let app = app().await;
    let mid = app.say(ZHANG, "/督办 帮助", &[]).await;
    assert_eq!(title(&app.reply_to(&mid).await), "督办使用说明");
    app.stop().await;
}
