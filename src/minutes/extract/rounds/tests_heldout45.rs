//! Rules found on heldout45 (tuning data since the forty-fourth round): a header line of the
//! meeting's day and who chaired or reported it (`3月10日　主任委员：某某`) is the meeting's facts;
//! a follow-up after an arrow given to a unit (`→ …，运维部负责，月底前。`) is work with no person
//! as owner; a sentence mark inside a title or a quotation (`《…？》`) ends no sentence; a
//! speaker's closing (`…，今天先这样。`) gives neither a date nor a next step; a line ending in its
//! colon that names no one and sets no date leads into the list below. Each on phrasings of our
//! own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_dated_chair_or_reporter_line_is_the_meetings_facts() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "资产配置委员会季度例会\n3月10日　主任委员：鲍文清\n\n一、部署\n1. 邢海负责模型回测，周五前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("模型回测"), "{t:?}");
    let ex = run(
        "托管业务月度情况汇报\n3月10日 汇报人：邢海\n\n1. 本月托管规模环比增长3%。\n2. 估值差错0笔。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn an_arrow_follow_up_given_to_a_unit_is_work() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "机房搬迁复盘会（3月10日）\n\n三、后续\n→ 邢海：网络割接方案复核，周五前。\n→ 老旧终端回收，运维部负责，月底前。\n→ 客户满意度回访，由各分公司负责人组织，3月20日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t[1].contains("老旧终端回收") && t[2].contains("客户满意度回访"),
        "{t:?}"
    );
    let o = owners(&ex);
    assert!(o[1].is_empty() && o[2].is_empty(), "{o:?}");
    // The unit stays with the item, for the card to show beside the owner to pick.
    assert_eq!(ex.items[1].units, ["运维部"]);
    assert_eq!(dues(&ex)[2], due_by_end_of("2026-03-20"));
}

#[test]
fn a_question_mark_inside_a_title_ends_no_sentence() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "投教组周会（3月10日）\n\n下一步：\n1. 宣传册《炒股还是理财？》排版 —— 邢海、鲍文清，周五前\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("炒股还是理财？》排版"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["邢海", "鲍文清"]]);
}

#[test]
fn a_closing_gives_no_date_nor_next_step() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "飞书妙记 · 托管对账碰头\n邢海 00:01\n对账差异清单我周五前发出来。\n鲍文清 02:10\n财务那边的事我自己跟老周讲，今天先这样。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("对账差异清单"), "{t:?}");
}

#[test]
fn a_lead_in_ending_in_its_colon_is_no_task() {
    let members = ["鲍文清", "邢海"];
    let ex = run(
        "#接龙 社区义工活动分工（3月10日）\n请报名后在自己名字后面补上完成时间：\n\n1. 邢海 认领：活动签到表准备，周五前\n2. 鲍文清 认领：慰问物资采购，3月20日\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("活动签到表") && t[1].contains("慰问物资"), "{t:?}");
}
