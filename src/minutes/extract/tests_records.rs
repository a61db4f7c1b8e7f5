//! Records read by their shape and their values (`crate::minutes::records`): cards and forms
//! under labels no list holds, each field's role read from its value. Every record here is our
//! own paraphrase; none of these label sets is in a set.

#![allow(clippy::unwrap_used)]

use super::testkit::{cal, due_by_end_of, dues, owners, run, texts};

const MEMBERS: [&str; 3] = ["严冬", "柳青", "孟河"];

#[test]
fn kanban_cards_under_unknown_labels_give_one_item_per_open_card() {
    let ex = run(
        "网点改造 看板\n【看板】更换大厅叫号机\n阶段：进行中｜对接：严冬｜交付：3月20日\n【看板】门头灯箱报修\n阶段：已完成｜对接：柳青\n【看板】整理客户回访名单\n阶段：待开始｜对接：孟河｜交付：待定\n【看板】更换迎宾地毯\n阶段：搁置｜对接：柳青｜交付：3月31日\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("更换大厅叫号机"), "{t:?}");
    assert!(t[1].contains("整理客户回访名单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["孟河"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20"), None]);
}

#[test]
fn issue_cards_take_the_measure_as_the_work_and_drop_the_done_one() {
    let ex = run(
        "柜面复盘 问题卡\n\n【问题】自助机凭条打印模糊\n【对策】更换打印头并调整打印浓度\n【跟进人】严冬\n【完成日】3月13日\n\n【问题】大堂宣传册过期\n【对策】已于3月9日全部替换\n【进度】已完成\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("更换打印头"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-13")]);
}

#[test]
fn two_people_fields_give_the_lead_then_the_helpers() {
    let ex = run(
        "行动卡\n\n做什么：梳理柜面业务差错清单\n谁来做：严冬\n谁帮忙：柳青、孟河\n何时交：3月16日\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("梳理柜面业务差错清单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬", "柳青", "孟河"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-16")]);
}

#[test]
fn a_status_report_made_of_records_gives_nothing() {
    let ex = run(
        "三月第二周 进展通报\n会议时间：3月10日\n主持人：严冬\n参会：柳青、孟河\n\n【事项】自助终端巡检\n【情况】已完成\n【人员】严冬\n【事项】网点消防检查\n【情况】已完成\n【人员】柳青\n",
        &MEMBERS,
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn fields_joined_on_one_line_are_one_record() {
    let ex = run(
        "周例会\n\n要办：更新网点应急预案｜｜对接人：孟河｜｜节点：3月27日\n要办：复核上月对账差异｜｜对接人：柳青｜｜节点：尽快\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("更新网点应急预案"), "{t:?}");
    assert!(t[1].contains("复核上月对账差异"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["孟河"], vec!["柳青"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-27"), None]);
}

#[test]
fn english_bracketed_labels_form_a_record() {
    let ex = run(
        "Branch sync\n\n[Task] Refresh the branch FAQ board\n[Owner] 严冬\n[Due] 3月12日\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("Refresh the branch FAQ board"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-12")]);
}

#[test]
fn a_form_with_an_id_and_a_plain_title_line() {
    let ex = run(
        "督办清单\n\n补齐网点应急物资台账\n单号：DB-031\n经手：柳青\n期满：3月25日\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("补齐网点应急物资台账"), "{t:?}");
    assert!(!t[0].contains("DB-031"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-25")]);
}

#[test]
fn the_explanation_says_which_lines_formed_a_record() {
    let text = "网点看板\n【看板】更换大厅叫号机\n阶段：进行中｜对接：严冬｜交付：3月20日\n";
    let members: Vec<String> = MEMBERS.iter().map(|m| (*m).to_owned()).collect();
    let report = super::explain_report(
        text,
        &members,
        "2026-03-10T17:00:00+08:00".parse().unwrap(),
        cal(),
    );
    assert!(report.contains("〔记录 第2–3行〕"), "{report}");
    assert!(report.contains("对接=人员"), "{report}");
    assert!(report.contains("交付=时限"), "{report}");
}

#[test]
fn an_okr_block_takes_its_objective_and_key_result_as_the_work() {
    let ex = run(
        "二季度目标对齐\n\nO：提升网点线上预约率\nKR1：上线预约小程序入口\n负责：严冬\n截止：4月30日\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("上线预约小程序入口"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-04-30")]);
}

#[test]
fn known_labels_joined_by_slashes_and_bars_are_read_whole() {
    let ex = run(
        "Branch sync\n\n- Task: refresh the FAQ board / Owner: 严冬 / Due: 3月12日\n\n【事项】复核上月对账差异\n经办｜柳青\n期限｜3月19日\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t, vec!["refresh the FAQ board", "复核上月对账差异"]);
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青"]]);
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-12"), due_by_end_of("2026-03-19")]
    );
}

#[test]
fn plain_titled_cards_with_unknown_labels() {
    let ex = run(
        "看板\n更换大厅叫号机\n阶段：进行中｜对接：严冬｜交付：3月20日\n门头灯箱报修\n阶段：已完成｜对接：柳青\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t, vec!["更换大厅叫号机"]);
    assert_eq!(owners(&ex), vec![vec!["严冬"]]);
}

#[test]
fn people_speaking_and_a_meeting_header_are_no_records() {
    let ex = run(
        "周会\n时间：3月10日 14:00\n地点：三楼会议室\n主持：严冬\n\n严冬：叫号机的事情下周再说吧，先看看预算。\n柳青：好的，我先问一下厂家报价。\n",
        &MEMBERS,
    );
    assert!(
        ex.items.iter().all(|i| !i.text.contains("三楼会议室")),
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn numbered_key_results_stay_in_one_record() {
    let ex = run(
        "季度目标\n\nO：提升网点线上预约率\nKR1：上线预约小程序入口\nKR2：到店等候压到10分钟以内\n负责：严冬\n截止：4月30日\n\nO：降低柜面差错\nKR1：每周复盘差错清单\n负责：柳青\n截止：5月15日\n",
        &MEMBERS,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("上线预约小程序入口") && t[0].contains("10分钟以内"),
        "{t:?}"
    );
    assert!(t[1].contains("每周复盘差错清单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青"]]);
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-04-30"), due_by_end_of("2026-05-15")]
    );
}

#[test]
fn fields_apart_by_spaces_and_marked_states() {
    let ex = run(
        "看板\n\n更换大厅叫号机\n阶段：🟡进行中  对接：严冬  交付：3月20日\n门头灯箱报修\n阶段：[已完成]  对接：柳青  交付：3月6日\n",
        &MEMBERS,
    );
    assert_eq!(texts(&ex), vec!["更换大厅叫号机"]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
}
