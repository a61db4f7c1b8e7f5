//! Issue 12 regressions: requirements (points 4 and 6) and the combined reminder (point 5).

use duban::domain::ids::{ItemId, OpenId, Person};
use duban::fake_feishu::FakeMessage;
use serde_json::{Value, json};

use crate::helpers::*;

fn ts(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

/// Issue 12 point 5: an owner's single reminder on overdue day 2 @-mentions the 督办人; the
/// next working day, combined with a second item into "督办提醒 · 2项待关注", the 督办人 must
/// still be @-mentioned, and the escalation (加急 on the item card, the leaders' note) is the
/// one the single reminders would have had.
#[tokio::test]
async fn issue_12_5_the_combined_reminder_mentions_everyone_the_single_ones_would() {
    let app = spawn_app_with(|s| {
        s.reminders.leaders = vec![Person {
            open_id: OpenId(LI.0.to_owned()),
            name: LI.1.to_owned(),
        }];
    })
    .await;
    // Wed 03-11: DB-1 due today, DB-2 due Tue 03-17, both for 张三, by 赵督办.
    app.say(
        BOSS,
        "@_user_1 /督办 报送两融业务周报 @_user_2 今天",
        &[BOT, ZHANG],
    )
    .await;
    app.say(
        BOSS,
        "@_user_1 /督办 更新客户适当性档案 @_user_2 3月17日",
        &[BOT, ZHANG],
    )
    .await;
    assert!(
        eventually(|| (1..=2).all(|i| app.store.item_card(ItemId(i)).ok().flatten().is_some())).await,
        "both item cards posted"
    );
    let card1 = app.store.item_card(ItemId(1)).unwrap().unwrap();
    let card2 = app.store.item_card(ItemId(2)).unwrap().unwrap();
    let ticks = app.run_clock_until(ts("2026-03-16T12:00:00+08:00")).await;
    let on = |day: &str| -> Vec<FakeMessage> {
        ticks
            .iter()
            .filter(|(t, _)| local_day(*t) == day)
            .flat_map(|(_, ms)| ms.clone())
            .filter(|m| !m.content.to_string().contains("晾晒"))
            .collect()
    };
    // Fri 03-13, overdue day 2: one reminder, a reply under DB-1's card, @ 主办 and 督办人.
    let fri = on("2026-03-13");
    assert_eq!(fri.len(), 1, "{fri:#?}");
    let single = fri[0].content.to_string();
    assert_eq!(fri[0].parent_id.as_deref(), Some(card1.as_str()));
    assert!(
        single.contains("逾期2个工作日") && single.contains(BOSS.0) && single.contains(ZHANG.0),
        "{single}"
    );
    // Mon 03-16: DB-1 on overdue day 3 and DB-2 due tomorrow come as one card for 张三.
    let mon = on("2026-03-16");
    let combined: Vec<&FakeMessage> = mon
        .iter()
        .filter(|m| m.content.to_string().contains("2项待关注"))
        .collect();
    assert_eq!(combined.len(), 1, "{mon:#?}");
    let c = combined[0].card().to_string();
    assert!(c.contains(&format!("<at id={}></at>", ZHANG.0)), "{c}");
    assert!(
        c.contains(&format!("<at id={}></at>", BOSS.0)),
        "the 督办人 is @-mentioned in the combined card: {c}"
    );
    assert!(c.contains("加急"), "{c}");
    // Escalation as for a single reminder: 加急 to the 主办 on DB-1's card, the leaders told.
    assert_eq!(
        app.fake.message(&card1).unwrap().urgent,
        vec![vec![ZHANG.0.to_owned()]]
    );
    assert!(app.fake.message(&card2).unwrap().urgent.is_empty());
    assert!(
        mon.iter().any(|m| {
            let t = m.content.to_string();
            t.contains("请关注") && t.contains(LI.0) && t.contains("DB-1")
        }),
        "{mon:#?}"
    );
    app.stop().await;
}

fn local_day(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Shanghai").unwrap())
        .strftime("%Y-%m-%d")
        .to_string()
}

// ---- points 4 and 6: requirements ----

const BRANCH: &str = "oc_branch_hangzhou";
const BRANCH_USER: (&str, &str) = ("ou_branch_hz", "杭州营业部小陈");

fn person(p: (&str, &str)) -> Person {
    Person {
        open_id: OpenId(p.0.to_owned()),
        name: p.1.to_owned(),
    }
}

async fn say_in(
    app: &TestApp,
    chat: &str,
    from: (&str, &str),
    text: &str,
    mentions: &[(&str, &str)],
) -> String {
    let mid = app.next_id("om_user_");
    let ev = message_event(
        &app.next_id("ev_"),
        &mid,
        chat,
        "group",
        from.0,
        text,
        mentions,
        None,
    );
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    mid
}

async fn click_in(
    app: &TestApp,
    chat: &str,
    who: &str,
    card_mid: &str,
    value: Value,
    form: Option<Value>,
) -> Value {
    let value = app.drawn_now(value);
    let mut ev = card_action_event(&app.next_id("ev_click_"), who, card_mid, value, form);
    ev["event"]["context"]["open_chat_id"] = json!(chat);
    let r = app.post_event(&ev).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// The bot's messages in `chat`, once the outbox is empty.
async fn settled(app: &TestApp, chat: &str) -> Vec<FakeMessage> {
    assert!(eventually(|| app.store.outbox_len() == 0).await, "outbox drained");
    app.fake
        .messages()
        .into_iter()
        .filter(|m| m.chat_id == chat)
        .collect()
}

fn with(content: &str) -> impl Fn(&FakeMessage) -> bool + '_ {
    move |m: &FakeMessage| m.content.to_string().contains(content)
}

/// Issue 12 point 4: without `manager_chat` the triage card goes to each manager 1:1, not into
/// the branch office's own group; the branch is told where it went; a refusal names the
/// managers; a decision on one manager's card updates the other's.
#[tokio::test]
async fn issue_12_4_without_a_manager_chat_triage_goes_to_the_managers_one_to_one() {
    let app = spawn_app_with(|s| {
        s.requirements.managers = vec![BOSS.0.to_owned(), LI.0.to_owned()];
        s.requirements.manager_chat = None;
    })
    .await;
    app.fake
        .set_chat_members(BRANCH, &[person(BRANCH_USER), person(BOSS), person(LI)]);
    let cmd = say_in(
        &app,
        BRANCH,
        BRANCH_USER,
        "@_user_1 /需求 两融开户线上化\n提出单位：杭州营业部",
        &[BOT],
    )
    .await;
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .filter(|m| m.chat_id.starts_with("oc_p2p_"))
            .count()
            == 2)
        .await
    );
    let branch = settled(&app, BRANCH).await;
    assert!(
        !branch.iter().any(with("r_accept")),
        "no triage card in the branch group: {branch:#?}"
    );
    let submitted: Vec<&FakeMessage> = branch.iter().filter(|m| with("需求已提交")(m)).collect();
    assert_eq!(submitted.len(), 1, "{branch:#?}");
    assert_eq!(submitted[0].parent_id.as_deref(), Some(cmd.as_str()));
    assert!(
        with("已单独发给需求管理员（赵督办、李四）受理")(submitted[0]),
        "{}",
        submitted[0].content
    );
    let card_of = |who: &str| {
        app.fake
            .messages()
            .into_iter()
            .find(|m| m.chat_id == format!("oc_p2p_{who}") && with("r_accept")(m))
            .unwrap()
    };
    let (boss_card, li_card) = (card_of(BOSS.0), card_of(LI.0));
    // The submitter may not triage, and is told who can.
    let no = say_in(&app, BRANCH, BRANCH_USER, "@_user_1 /需求 受理 XQ-1", &[BOT]).await;
    let refusal = app.reply_to(&no).await.content.to_string();
    assert!(
        refusal.contains("只有需求管理员（赵督办、李四）可以受理"),
        "{refusal}"
    );
    // 赵督办 accepts on his card; 李四's card follows.
    let before = li_card.patches.len();
    let chat = boss_card.chat_id.clone();
    let resp = click_in(
        &app,
        &chat,
        BOSS.0,
        &boss_card.message_id,
        json!({"op":"r_accept","req":1}),
        None,
    )
    .await;
    assert_eq!(resp["toast"]["type"], "success", "{resp}");
    assert!(
        eventually(|| app.fake.message(&li_card.message_id).unwrap().patches.len() > before).await,
        "the other manager's card is updated"
    );
    assert!(
        app.fake
            .message(&li_card.message_id)
            .unwrap()
            .card()
            .to_string()
            .contains("已受理")
    );
    app.stop().await;
}

/// Issue 12 point 4: with no requirement manager configured at all, a refusal says so and how
/// to configure one, and the submitter is told instead of waiting in vain.
#[tokio::test]
async fn issue_12_4_with_no_manager_configured_the_refusal_says_how_to_configure_one() {
    let app = spawn_app().await;
    let cmd = app.say(ZHANG, "@_user_1 /需求 柜台打印机更换", &[BOT]).await;
    let card = app.reply_to(&cmd).await.content.to_string();
    assert!(
        card.contains("需求已提交") && card.contains("还没有配置需求管理员"),
        "{card}"
    );
    let no = app.say(BOSS, "@_user_1 /需求 受理 XQ-1", &[BOT]).await;
    let refusal = app.reply_to(&no).await.content.to_string();
    assert!(
        refusal.contains("还没有配置需求管理员") && refusal.contains("[requirements] managers"),
        "{refusal}"
    );
    assert!(
        !settled(&app, CHAT).await.iter().any(with("r_accept")),
        "no triage card in the group"
    );
    app.stop().await;
}

/// Issue 12 point 4: the sandbox as shipped has a requirement manager (孙管理员) and a manager
/// chat (需求管理群): a branch's requirement is triaged there, and a refusal names him.
#[tokio::test]
async fn issue_12_4_requirements_can_be_triaged_in_the_sandbox_as_shipped() {
    use duban::sandbox::{Sandbox, seed};
    init();
    let dir = tempfile::tempdir().unwrap();
    let env: std::collections::HashMap<String, String> = [
        ("DUBAN_DATA_DIR", dir.path().to_str().unwrap()),
        ("DUBAN_LISTEN", "127.0.0.1:0"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let settings = duban::config::load(None, &env).unwrap();
    let sandbox = Sandbox::build(settings, Some(ts("2026-03-11T10:00:00+08:00")))
        .await
        .unwrap();
    let em = std::sync::Arc::clone(sandbox.emulator());
    let fake = sandbox.fake().state().clone();
    let stop = sandbox.shutdown_token();
    let running = tokio::spawn(sandbox.run_until_stopped());
    let branch = seed::GROUPS[1].chat_id;
    let in_chat = |chat: &str, needle: &str| {
        fake.messages()
            .into_iter()
            .filter(|m| m.chat_id == chat && m.card().to_string().contains(needle))
            .collect::<Vec<_>>()
    };
    // 张三 submits by the form in the branch group, addressing the bot as the default
    // permission requires (only messages that @ the bot are delivered).
    let bot = duban::sandbox::event::Mention {
        open_id: fake.bot_open_id(),
        name: "督办".to_owned(),
    };
    let (_, pushed) = em
        .send(
            seed::ZHANG.open_id,
            branch,
            "@督办 /需求 新建",
            std::slice::from_ref(&bot),
        )
        .await
        .unwrap();
    assert_eq!(pushed.expect("delivered: the message @s the bot").status, 200);
    assert!(eventually(|| !in_chat(branch, "r_submit").is_empty()).await);
    let form = in_chat(branch, "r_submit").remove(0);
    let pushed = em
        .click(
            seed::ZHANG.open_id,
            &form.message_id,
            &json!({"tag": "button", "value": {"op": "r_submit"},
                    "form_value": {"title": "两融开户线上化", "unit": "杭州营业部", "priority": "P1"}}),
        )
        .await
        .unwrap();
    assert_eq!(pushed.answer["toast"]["type"], "success", "{}", pushed.answer);
    // The triage card lands in 需求管理群, not in the branch group.
    assert!(eventually(|| !in_chat(seed::MANAGER_CHAT, "r_accept").is_empty()).await);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(in_chat(branch, "r_accept").is_empty());
    // 需求已提交 shows once: the form turned into it, nothing else posted.
    let submitted = in_chat(branch, "需求已提交");
    assert_eq!(submitted.len(), 1, "{submitted:#?}");
    assert_eq!(submitted[0].message_id, form.message_id);
    let card = submitted[0].card().to_string();
    assert!(card.contains("已转给需求管理员（孙管理员）受理"), "{card}");
    // 张三 may not triage; the refusal names 孙管理员.
    let (no, _) = em
        .send(
            seed::ZHANG.open_id,
            branch,
            "@督办 /需求 受理 XQ-1",
            std::slice::from_ref(&bot),
        )
        .await
        .unwrap();
    assert!(
        eventually(|| fake
            .messages()
            .iter()
            .any(|m| m.parent_id.as_deref() == Some(no.as_str())))
        .await
    );
    let refusal = fake
        .messages()
        .into_iter()
        .find(|m| m.parent_id.as_deref() == Some(no.as_str()))
        .unwrap()
        .content
        .to_string();
    assert!(
        refusal.contains("只有需求管理员（孙管理员）可以受理"),
        "{refusal}"
    );
    // 孙管理员 accepts it into a new project in 需求管理群.
    let wang = duban::sandbox::event::Mention {
        open_id: seed::WANG.open_id.to_owned(),
        name: seed::WANG.name.to_owned(),
    };
    em.send(
        seed::ADMIN.open_id,
        seed::MANAGER_CHAT,
        "@督办 /项目 新建 两融开户线上化 @王五",
        &[bot.clone(), wang],
    )
    .await
    .unwrap();
    assert!(eventually(|| !in_chat(seed::MANAGER_CHAT, "XM-1").is_empty()).await);
    let (yes, _) = em
        .send(
            seed::ADMIN.open_id,
            seed::MANAGER_CHAT,
            "@督办 /需求 受理 XQ-1 XM-1",
            std::slice::from_ref(&bot),
        )
        .await
        .unwrap();
    assert!(
        eventually(|| fake
            .messages()
            .iter()
            .any(|m| m.parent_id.as_deref() == Some(yes.as_str())))
        .await
    );
    assert!(
        eventually(|| !in_chat(branch, "需求已受理").is_empty()).await,
        "the branch is told"
    );
    stop.cancel();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), running).await;
}

/// Issue 12 point 6: after the rating and the project's completion the requirement is closed
/// (已上线, with the rating), `/需求 查看` offers no 驳回 any more and `/需求 看板` no longer
/// counts it as open; the rating card shows the rating given; the form's 需求已提交 shows once.
#[tokio::test]
async fn issue_12_6_the_requirement_loop_closes_and_keeps_the_feedback() {
    let app = spawn_app_with(|s| {
        s.requirements.managers = vec![BOSS.0.to_owned()];
        s.requirements.manager_chat = Some(CHAT.to_owned());
    })
    .await;
    // The form, submitted from the branch group.
    let cmd = say_in(&app, BRANCH, BRANCH_USER, "@_user_1 /需求 新建", &[BOT]).await;
    let form = app.reply_to(&cmd).await;
    let resp = click_in(
        &app,
        BRANCH,
        BRANCH_USER.0,
        &form.message_id,
        json!({"op":"r_submit"}),
        Some(json!({"title":"两融开户线上化","unit":"杭州营业部","priority":"P1"})),
    )
    .await;
    assert_eq!(resp["toast"]["type"], "success", "{resp}");
    assert!(resp["card"]["data"].to_string().contains("需求已提交"), "{resp}");
    assert!(
        eventually(|| app
            .store
            .watched_card(duban::store::projects::Watched::Requirement(
                duban::domain::ids::RequirementId(1)
            ))
            .ok()
            .flatten()
            .is_some())
        .await
    );
    let posted: Vec<FakeMessage> = settled(&app, BRANCH)
        .await
        .into_iter()
        .filter(|m| with("需求已提交")(m))
        .collect();
    assert!(
        posted.is_empty(),
        "the form turned into 需求已提交; nothing else: {posted:#?}"
    );

    app.say(BOSS, "@_user_1 /项目 新建 两融开户线上化 @_user_2", &[BOT, ZHANG])
        .await;
    assert!(
        eventually(|| app
            .store
            .get_project(duban::domain::ids::ProjectId(1))
            .unwrap()
            .is_some())
        .await
    );
    app.say(BOSS, "@_user_1 /需求 受理 XQ-1 XM-1", &[BOT]).await;
    for _ in 0..4 {
        app.say(ZHANG, "@_user_1 /项目 推进 XM-1", &[BOT]).await;
    }
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.chat_id == BRANCH && with("r_feedback")(m)))
        .await
    );
    let feedback = app
        .fake
        .messages()
        .into_iter()
        .find(|m| m.chat_id == BRANCH && with("r_feedback")(m))
        .unwrap();
    let resp = click_in(
        &app,
        BRANCH,
        BRANCH_USER.0,
        &feedback.message_id,
        json!({"op":"r_feedback","req":1}),
        Some(json!({"rating":"4","comment":"办理时间从半小时缩短到五分钟"})),
    )
    .await;
    assert_eq!(resp["toast"]["type"], "success", "{resp}");
    let after = resp["card"]["data"].to_string();
    assert!(
        after.contains("★★★★☆") && after.contains("办理时间从半小时缩短到五分钟"),
        "{after}"
    );
    assert!(
        !after.contains("需求上线："),
        "not a copy of the status card: {after}"
    );

    app.say(ZHANG, "@_user_1 /项目 推进 XM-1 效果反馈已收集，项目结项", &[BOT])
        .await;
    assert!(
        eventually(|| app
            .store
            .get_project(duban::domain::ids::ProjectId(1))
            .unwrap()
            .unwrap()
            .status
            == duban::domain::project::ProjectStatus::Done)
        .await
    );
    let r = app
        .store
        .get_requirement(duban::domain::ids::RequirementId(1))
        .unwrap()
        .unwrap();
    assert_eq!(r.status, duban::domain::requirement::ReqStatus::Launched);
    assert_eq!(r.feedback.as_ref().map(|f| f.rating), Some(4));
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.chat_id == BRANCH && with("需求已上线")(m)))
        .await
    );

    let show = app.say(BOSS, "@_user_1 /需求 查看 XQ-1", &[BOT]).await;
    let card = app.reply_to(&show).await.content.to_string();
    assert!(card.contains("已上线") && card.contains("★★★★☆"), "{card}");
    assert!(
        !card.contains("r_reject") && !card.contains("驳回原因"),
        "no 驳回 form: {card}"
    );
    let board = app.say(BOSS, "@_user_1 /需求 看板", &[BOT]).await;
    let card = app.reply_to(&board).await.content.to_string();
    assert!(card.contains("已上线 **1**"), "{card}");
    assert!(!card.contains("已受理 **"), "{card}");
    assert!(!card.contains("杭州营业部"), "not among the open ones: {card}");
    app.stop().await;
}

/// Issue 12 point 6: a requirement whose project is cancelled is closed with the reason and
/// the submitter told; a manager may take it up again in another project.
#[tokio::test]
async fn issue_12_6_a_cancelled_project_closes_its_requirement_with_the_reason() {
    let app = spawn_app_with(|s| {
        s.requirements.managers = vec![BOSS.0.to_owned()];
        s.requirements.manager_chat = Some(CHAT.to_owned());
    })
    .await;
    say_in(&app, BRANCH, BRANCH_USER, "@_user_1 /需求 柜台打印机更换", &[BOT]).await;
    assert!(
        eventually(|| app
            .store
            .get_requirement(duban::domain::ids::RequirementId(1))
            .unwrap()
            .is_some())
        .await
    );
    app.say(BOSS, "@_user_1 /需求 受理 XQ-1 新建项目", &[BOT]).await;
    assert!(
        eventually(|| app
            .store
            .get_project(duban::domain::ids::ProjectId(1))
            .unwrap()
            .is_some())
        .await
    );
    app.say(BOSS, "@_user_1 /项目 取消 XM-1 预算取消", &[BOT]).await;
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.chat_id == BRANCH && with("需求已关闭")(m)))
        .await
    );
    let r = app
        .store
        .get_requirement(duban::domain::ids::RequirementId(1))
        .unwrap()
        .unwrap();
    assert_eq!(
        r.status,
        duban::domain::requirement::ReqStatus::Closed {
            reason: "关联项目 XM-1 已取消".to_owned()
        }
    );
    // Linking it to the cancelled project again is refused; a new project takes it up.
    let no = app.say(BOSS, "@_user_1 /需求 受理 XQ-1 XM-1", &[BOT]).await;
    assert!(
        app.reply_to(&no)
            .await
            .content
            .to_string()
            .contains("XM-1 已取消")
    );
    app.say(BOSS, "@_user_1 /需求 受理 XQ-1 新建项目", &[BOT]).await;
    assert!(
        eventually(|| app
            .store
            .get_requirement(duban::domain::ids::RequirementId(1))
            .unwrap()
            .unwrap()
            .project
            == Some(duban::domain::ids::ProjectId(2)))
        .await
    );
    app.stop().await;
}

/// Issue 12 point 4: without a manager chat, the intake SLA reminder also goes to each
/// manager 1:1, not into the submitting group.
#[tokio::test]
async fn issue_12_4_without_a_manager_chat_the_sla_reminder_goes_to_the_managers_one_to_one() {
    let app = spawn_app_with(|s| {
        s.requirements.managers = vec![BOSS.0.to_owned()];
        s.requirements.manager_chat = None;
    })
    .await;
    say_in(&app, BRANCH, BRANCH_USER, "@_user_1 /需求 柜台打印机更换", &[BOT]).await;
    assert!(
        eventually(|| app
            .store
            .get_requirement(duban::domain::ids::RequirementId(1))
            .unwrap()
            .is_some())
        .await
    );
    // Submitted Wed; two working days (Thu, Fri) pass → Monday morning the manager is nudged.
    let r = app
        .http
        .post(format!("{}/debug/clock", app.base))
        .json(&json!({ "set": "2026-03-16T09:40:00+08:00" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let p2p = format!("oc_p2p_{}", BOSS.0);
    assert!(
        eventually(|| app
            .fake
            .messages()
            .iter()
            .any(|m| m.chat_id == p2p && with("仍未受理")(m)))
        .await,
        "the manager is reminded 1:1"
    );
    assert!(!settled(&app, BRANCH).await.iter().any(with("仍未受理")));
    app.stop().await;
}
