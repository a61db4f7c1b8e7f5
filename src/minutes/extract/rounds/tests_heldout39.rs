//! Rules found on heldout39 (tuning data since the thirty-eighth round): a role word written after
//! the names it marks (`Mike owner`, `Zoe lead, Ivan support`, `柯南 support`, any case, bare or
//! bracketed) leaves names that own the work, as `owner 某某` before them always did; `跟踪`/`跟进`
//! after a name is a verb, not `跟` joining a second name; a meeting held over several days
//! (`时间：3月2日至3月5日`, `3月2日-5日`) counts its relative words from its last day; a routine
//! mark as a field of its own (`Owner：某某　常规`) and, with no one named, work put off to be
//! arranged later (`…，春节后再安排`) are no task; who follows work up in brackets (`（某某跟踪）`)
//! owns it; a verdict describing whom the work is for (`测评不通过客户的…`) rules nothing; a
//! recurring thing built once by a date (`看板每日推送，两周内完成`) is work; a duration after a start
//! (`本周六起试运行两周`) is how long it runs, no deadline; figures in brackets in someone's dated work (`@某某 名单（资产50万
//! 以上）导出来，周五前`) say what the work is; a heading of results (`一、演练结果`, `检查结果`) reports. Each on phrasings of
//! our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_role_word_after_the_names_leaves_owners() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "Ops sync｜3月10日\nAttendees: Mike（柯南）, Zoe（董青）, Ivan（卜一凡）\n\nAction items\n1. 对账脚本重构，Mike owner，周五前提交。\n2. 客户分层看板，Zoe Lead, Ivan support，下周内上线。\n3. 应急通讯录 — Ivan lead，柯南 (support)，本周内更新。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("对账脚本重构"), "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["柯南"], vec!["董青", "卜一凡"], vec!["卜一凡", "柯南"]],
        "{t:?}"
    );
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn following_up_after_a_name_is_no_second_name() {
    let members = ["柯南", "董青"];
    let ex = run(
        "档案整理周会（3月10日）\n\n下一步：\n1. 档案补扫分到各支行，柯南跟踪进度，周四前发通知。\n2. 董青跟进影像系统扩容，周五前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南"], vec!["董青"]], "{t:?}");
}

#[test]
fn a_meeting_over_several_days_counts_from_its_last_day() {
    let members = ["柯南", "董青"];
    for head in [
        "时间：3月2日至3月5日",
        "时间：3月2日-5日",
        "日期：2026年3月2日～2026年3月5日",
    ] {
        let ex = run(
            &format!(
                "检查组现场工作纪要\n{head}　检查组：柯南（组长）、董青\n\n→ 底稿归档，董青明天下班前完成。\n→ 检查报告初稿由柯南牵头，3个工作日内报送。\n"
            ),
            &members,
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{head}: {t:?}");
        assert_eq!(
            dues(&ex),
            vec![due_by_end_of("2026-03-06"), due_by_end_of("2026-03-10")],
            "{head}: {t:?}"
        );
    }
}

#[test]
fn routine_rows_and_work_put_off_are_no_tasks() {
    let members = ["柯南", "董青"];
    let ex = run(
        "运营季度目标对齐会（3月10日）\n\nO1：数据可用\n- KR1 建立十项校验规则　Owner：柯南　周五前出清单\n- KR2 周报按周发布　Owner：董青　常规\n\n待办\n1. 影像系统扩容申请，董青，下周三前。\n2. 年度回访统计，春节后再安排。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("校验规则"), "{t:?}");
    assert!(t[1].contains("影像系统扩容"), "{t:?}");
}

#[test]
fn who_follows_it_up_in_brackets_owns_it() {
    let members = ["柯南", "董青"];
    let ex = run(
        "检查问题整改\n→ 差旅报销2笔缺发票，请支行综合部补交（董青跟踪），本月内。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["董青"]], "{t:?}");
}

#[test]
fn a_verdict_describing_the_work_and_a_recurring_thing_built_once_are_work() {
    let members = ["柯南", "董青"];
    let ex = run(
        "投教工作会（3月10日）\n\n决定\n1. 整理风险测评不通过客户的沟通口径，3个工作日内完成（柯南）。\n2. 董青：投诉数据看板每日自动推送，两周内完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("沟通口径"), "{t:?}");
    assert!(t[1].contains("数据看板"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南"], vec!["董青"]], "{t:?}");
}

#[test]
fn a_duration_after_a_start_is_no_deadline() {
    let members = ["柯南", "董青"];
    let ex = run(
        "厅堂服务改进会（3月10日）\n\n待办事项\n1. 在大堂设置适老服务专窗，下周一起试运行两周——柯南。\n2. 专窗服务评估，董青，两周内完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(dues(&ex), vec![None, due_by_end_of("2026-03-24")], "{t:?}");
}

#[test]
fn figures_in_brackets_in_someones_dated_work_say_what_it_is() {
    let members = ["柯南", "董青"];
    let ex = run(
        "@柯南 3月到期客户名单（资产100万以上）拉出来，周四前发群里\n@董青 到期提醒短信模板出一版，明天下班前\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南"], vec!["董青"]], "{t:?}");
}

#[test]
fn lines_under_a_results_heading_report() {
    let members = ["柯南", "董青"];
    let ex = run(
        "机房搬迁演练总结（3月10日）\n\n一、演练结果\n1. 3月7日晚21:00开始搬迁，23:10业务系统在新机房恢复运行，停机130分钟，满足180分钟要求。\n2. 全部12套系统验证通过。\n\n二、结论\n演练达到预期，问题均已闭环。\n",
        &members,
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}
