//! Rules found on heldout35 (tuning data since the thirty-sixth held-out set was written): a card
//! of bracket-labelled fields (`【问题】…` `【措施】…` `【责任人】…` `【时限】…`, any brackets,
//! any labels) is a block of fields; work under a heading saying its time is not set yet
//! (`三、时间另定`, `完成时间待定`) is work, due 待定; a table task's own deadline before its row's
//! date is its deadline; someone's work said not done then given a date is carried over; a
//! follow-up after an arrow (`→ …，某某尽快…`) given to someone is work; a role in a speaker's
//! label (`某某（总监）：`) is not what they say; a span after an event (`拿到数据后你3个工作日内`)
//! has no date, whoever is asked between them; a speaker hands work to whom they address
//! (`某某，…你…`) or name as its owner (`某某负责…`); `某某也一起…` after work just given joins it. Each on phrasings of our own, never a line copied
//! from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn bracket_labelled_cards_are_blocks_of_fields() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "柜台差错复盘\n\n【问题一】开户资料漏扫\n【整改措施】柜员每日下班前自查影像\n【责任人】严冬\n【完成时间】3月13日\n\n〔隐患〕叫号机故障\n〔对策〕联系厂商更换主板\n〔牵头人〕柳青、孟河\n〔截止〕月底前\n\n[问题] 宣传册过期\n[措施] 已于3月9日全部下架\n[状态] 已完成\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("自查影像"), "{t:?}");
    assert!(t[1].contains("更换主板"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青", "孟河"]]);
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-13"), due_by_end_of("2026-03-31")]
    );
}

#[test]
fn bracket_tags_without_an_owner_or_due_label_stay_tags() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "网点周会\n\n【决定】4月18日上午举办，场地用三楼报告厅。\n【跟进】柳青牵头整理参会客户名单，4月15日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("参会客户名单"), "{t:?}");
}

#[test]
fn work_under_a_no_date_yet_heading_is_due_later() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "网点月度会\n\n一、本周内完成\n1. 柜面差错台账（严冬）\n\n二、完成时间待定\n1. 智能柜台迁移方案（柳青）\n2. 孟河联系物业更换门禁\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青"], vec!["孟河"]]);
    assert_eq!(dues(&ex)[1..], [None, None]);
}

#[test]
fn a_table_task_due_before_its_rows_date_keeps_its_own_deadline() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "客户沙龙排期\n\n| 场次 | 日期 | 负责人 | 待办 |\n|---|---|---|---|\n| 第一场 | 3月20日 | 严冬 | 严冬3月16日前印好邀请函 |\n| 第二场 | 3月27日 | 柳青 | 柳青落实茶歇 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-16"), due_by_end_of("2026-03-27")]
    );
}

#[test]
fn work_not_done_given_a_new_date_is_carried_over() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "网点例会（3月10日）\n一、上期事项回顾\n1. 客户回访（严冬）——已完成，回访30户。\n2. 应急演练脚本（柳青）——未完成，定于3月20日前补齐。\n二、本期新增\n1. 孟河下周二前更新排班表。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("应急演练脚本"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
}

#[test]
fn a_follow_up_after_an_arrow_is_work() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "差错登记\n\n1. 第7笔 转账差错 1200元 已更正\n2. 第8笔 申购差错 560元 已更正\n→ 第8笔客户有异议，严冬尽快约客户面谈。\n3. 第9笔 转账差错 300元 已更正\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("约客户面谈"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["严冬"]);
    assert_eq!(dues(&ex)[0], None);
}

#[test]
fn a_role_in_a_speakers_label_is_not_what_they_say() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "启动会 录音整理\n严冬（总监）：报告要和年报一起出。\n柳青：数据下周才能给。\n严冬（总监）：青青，你3月13日前把数据章节写完。\n孟河(PM)：那排期呢？\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("数据章节"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
}

#[test]
fn a_span_after_an_event_stays_open_when_a_pronoun_stands_between() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "启动会\n\n二、分工\n1. 柳青：收到托管行数据后你3个工作日内写完业绩章节。\n",
        &members,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(dues(&ex), vec![None]);
}

#[test]
fn the_speaker_hands_work_to_whom_they_address_or_name() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "启动会 录音整理\n严冬：报告要和年报一起出。\n柳青：数据下周才能给。\n严冬：柳青，拿到数据后你把数据章节写完。\n孟河：排版用哪个模板？\n严冬：用新模板，孟河负责排版，时间另定。\n",
        &members,
    );
    let t = texts(&ex);
    let o = owners(&ex);
    let typeset = t.iter().position(|t| t.contains("排版")).unwrap();
    assert_eq!(o[typeset], vec!["孟河"], "{t:?}");
    assert!(o.iter().all(|o| !o.contains(&"严冬".to_owned())), "{o:?}");
}

#[test]
fn someone_also_joining_the_work_just_given_is_its_helper() {
    let members = ["严冬", "柳青", "孟河", "金海燕"];
    let ex = run(
        "口径对齐会 妙记\n严冬 00:00:05\n说明文档还有几处没改。\n孟河 00:01:10\n柳青，下周内把说明文档改完。海燕也一起看一下冲突的口径。\n金海燕 00:01:30\n好的。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青", "金海燕"]);
}
