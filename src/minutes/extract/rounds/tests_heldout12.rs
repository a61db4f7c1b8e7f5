//! Tests of the rules added once the twelfth held-out set became tuning data (issue 16, thirteenth
//! round): a heading over a marked owner field (`### 步骤1　20:00　切换网关` then `- 执行人：某某`)
//! is a block, while a section heading over tasks that begin with their owner (`## Action items`
//! then `- Owner: … — …`) stays a list; a spaced span (`15 分钟`) is a figure, not a deadline; an
//! English span may spell its number (`within two weeks`); a sub-section whose note asks for the
//! work below (`（一）行政事项（以下请于7月15日前完成）`) gives its deadline until the next `（二）`;
//! a member's English name after the task, then `to`/`will` (`KYC — Mark to chase…`), owns it;
//! work marked as not yet taken (`（待认领）`) is an item with no owner; more English work verbs
//! (`brief the`, `chase`, `circulate`, `coordinate` …) count as work.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_heading_over_a_marked_owner_field_is_a_block() {
    let ex = run(
        "机房搬迁方案评审\n\n二、搬迁步骤\n### 第1步　19:00　关闭业务入口\n- 执行人：孟冬\n- 检查项：完成后群内回报\n- 异常处理：超过预计时间 10 分钟即上报指挥\n- 回退点：无\n\n### 第2步　19:30　设备下架装箱\n- 执行人：柏青\n- 检查项：完成后群内回报\n- 异常处理：超过预计时间 10 分钟即上报指挥\n- 回退点：上一步",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("关闭业务入口"), "{t:?}");
    assert!(t[1].contains("设备下架装箱"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(dues(&ex), [None, None]);
}

#[test]
fn a_section_heading_over_tasks_that_begin_with_their_owner_stays_a_list() {
    let ex = run(
        "# Weekly sync\n\n## Action items\n- Owner: 孟冬 — update the migration checklist, DDL: 3月20日\n- 柏青：整理客户反馈并排优先级，下周二前",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("migration checklist"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
}

#[test]
fn a_spaced_minute_span_is_no_deadline() {
    let ex = run(
        "值班安排\n\n- 孟冬负责切换后巡检，超过 20 分钟未恢复即上报。",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [None]);
}

#[test]
fn a_span_with_its_number_in_english_words_is_a_deadline() {
    // Said on Tuesday 2026-03-10: two weeks → 14 days later.
    let ex = run(
        "Weekly sync\n\nAction items\n1. Vendor security questionnaire — 孟冬, within two weeks",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-24")]);
}

#[test]
fn a_sub_section_whose_note_asks_for_the_list_gives_its_deadline_until_the_next() {
    let ex = run(
        "一、迁址准备\n（一）技术准备（以下请于3月20日前完成）\n1. 网络专线开通：孟冬负责。\n2. 旧机房清点：已完成。\n（二）客户服务\n1. 迁址告知短信，柏青负责，开业当天发送。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20"), None]);
}

#[test]
fn an_english_name_after_the_task_then_to_owns_it() {
    let ex = run(
        "Custody call\nAttendees: Nora（孟冬）, Owen（柏青）\n\n1. Board resolution copy — Nora to follow up with the fund, 3月20日前.\n2. Owen to send the fee letter, 3月18日.",
        &["孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].starts_with("Board resolution copy"), "{t:?}");
    assert!(!t[0].contains("Nora"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"], ["柏青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-18")]
    );
}

#[test]
fn work_marked_as_not_yet_taken_is_an_item_without_owner() {
    let ex = run(
        "智能纪要：运营周会\n待办\n· 孟冬 负责 对账流程文档 发布，3月20日前\n· 档案目录三期需求调研（待认领）",
        &["孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("档案目录三期需求调研"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["孟冬"], vec![]]);
}

#[test]
fn common_english_work_verbs_count_as_work() {
    for line in [
        "- Nora will brief the branch managers after the holiday.",
        "- Nora will circulate the minutes to the branches.",
        "- Nora will coordinate with the custodian on the cut-off.",
    ] {
        let ex = run(
            &format!("Prep sync\nAttendees: Nora（孟冬）, Owen（柏青）\n\n{line}"),
            &["孟冬", "柏青"],
        );
        assert_eq!(owners(&ex), [["孟冬"]], "{line}");
    }
}
