//! Rules found on heldout20 (tuning data since the twenty-first set): a department's dated work
//! followed on its line by its contact (`对接人：某某`) is the contact's, with that date; the
//! contact of done work on such a line has nothing.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_contact_after_a_departments_dated_work_owns_it_by_that_date() {
    let ex = run(
        "年末盘点布置\n\n分工如下：\n一、综合部：完成各网点固定资产盘点，3月20日前。联系人：岳明。\n二、信息部：导出全年设备台账，下周四前。联系人：孟冬。\n三、法务部：合同归档已交档案室（已完成）。联系人：柏青。\n",
        &["岳明", "孟冬", "柏青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?} {:?} {:?}", owners(&ex), dues(&ex));
    assert!(t[0].contains("固定资产盘点"), "{t:?}");
    assert!(t[1].contains("设备台账"), "{t:?}");
    assert_eq!(owners(&ex), [["岳明"], ["孟冬"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-19")]
    );
}

#[test]
fn a_thin_owner_sentence_keeps_its_own_date_over_the_work_before() {
    let ex = run(
        "质量检查\n\n组织一次全面的档案质量检查。此项由岳明负责，3月27日前完成。",
        &["岳明"],
    );
    assert_eq!(owners(&ex), [["岳明"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-27")]);
}

#[test]
fn a_visit_tables_purpose_is_the_work_and_its_companion_helps() {
    let ex = run(
        "客户走访安排\n\n| 客户 | 走访目的 | 负责人 | 陪同 | 时间 | 备注 |\n|---|---|---|---|---|---|\n| 海川基金 | 托管协议续签 | 岳明 | 孟冬 | 3月20日前 | |\n| 北辰信托 | 投研服务回访 | 孟冬 | — | 月底前 | 先约时间 |\n",
        &["岳明", "孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("托管协议续签"), "{t:?}");
    assert!(t[1].contains("投研服务回访"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["岳明", "孟冬"], vec!["孟冬"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-31")]
    );
}

#[test]
fn a_member_after_a_dash_and_their_office_owns_the_item() {
    let ex = run(
        "督办事项\n\n二、待办事项\n1. 年度培训计划草案——综合办岳明，下周五。\n2. 信息披露细则修订——合规专员孟冬，3月31日前。\n",
        &["岳明", "孟冬"],
    );
    assert_eq!(owners(&ex), [["岳明"], ["孟冬"]], "{:?}", texts(&ex));
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-31")]
    );
}

#[test]
fn asking_how_things_stand_and_putting_work_off_are_no_items() {
    let ex = run(
        "周会 妙记\n\n柏青 00:00:08\n今天人都到了，先过渠道。小孟你那边进展怎么样？\n\n孟冬 00:00:30\n渠道对账差异还有 200 多笔，在查。\n\n柏青 00:01:10\n行。岳明，周报改成月报的事先不急，节后再说。\n\n岳明 00:01:30\n好。测试环境的权限我明天上午开给大家。\n",
        &["柏青", "孟冬", "岳明"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("测试环境的权限"), "{t:?}");
    assert_eq!(owners(&ex), [["岳明"]]);
}

#[test]
fn everyone_or_the_units_told_to_act_by_a_date_is_a_task_with_no_owner() {
    let ex = run(
        "早会\n\n1. 开户回访电话，岳明明天上班前打完。\n2. 周四中午前全员完成反洗钱线上测试。\n3. 所有客户经理3月20日前交齐尽调底稿。\n4. 网点应急预案修订——各营业部——3月25日前。\n",
        &["岳明"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(owners(&ex)[1..], [[""; 0]; 3], "{t:?}");
}

#[test]
fn a_member_after_their_office_or_post_owns_the_clause() {
    let ex = run(
        "检查发现：\n1. 安全出口堆放纸箱，网点运营岗岳明明天下班前清走。\n2. 监控硬盘已满，信息技术部孟冬本周五前更换。\n",
        &["岳明", "孟冬"],
    );
    assert_eq!(owners(&ex), [["岳明"], ["孟冬"]], "{:?}", texts(&ex));
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-11"), due_by_end_of("2026-03-13")]
    );
}

#[test]
fn a_documents_header_and_a_watched_risk_row_are_no_items() {
    let ex = run(
        "服务月筹备（飞书文档）\n创建人：@岳明 更新于 3月9日 16:30\n\n| 类型 | 内容 | 责任人 | 计划完成 | 状态 |\n|---|---|---|---|---|\n| 风险 | 场地方可能临时改期 | — | — | 持续关注 |\n| 需协调 | 申请宣传物料预算 | 孟冬 | 3月13日前 | 进行中 |\n",
        &["岳明", "孟冬"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("宣传物料预算"), "{t:?}");
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn everyone_or_a_team_after_the_dash_is_a_task_with_no_owner() {
    let ex = run(
        "Roadshow prep\n\n1. Deck 路演材料 — 岳明, 3月13日前\n2. Rehearsal 彩排 — all, 3月19日下午\n3. Print the handouts 讲义印刷 — admin team, 3月18日前\n",
        &["岳明"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex)[1..], [[""; 0]; 2], "{t:?}");
}

#[test]
fn attendance_as_the_topic_of_dated_work_given_to_someone_is_an_item() {
    let ex = run(
        "各部门：\n\n现将需配合的事项函告如下：\n一、独立董事列席季度经营会的安排，由董办岳明统筹，两周内回复各位董事。\n\n列席：孟冬\n",
        &["岳明", "孟冬"],
    );
    assert_eq!(owners(&ex), [["岳明"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-24")]);
}

#[test]
fn the_rest_of_partly_done_work_given_a_date_is_an_item() {
    let ex = run(
        "周例会\n\n一、上周事项\n1. 存量客户回访（岳明）——已完成 30 户，剩余 12 户本周五前回访完。\n2. 网点海报更换（孟冬）——已完成。\n",
        &["岳明", "孟冬"],
    );
    assert_eq!(owners(&ex), [["岳明"]], "{:?}", texts(&ex));
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}
