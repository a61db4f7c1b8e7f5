//! Rules found on heldout30 (tuning data since heldout32): labelled fields on one line apart by
//! full-width bars (`负责人：X｜截止：Y｜事项：Z`, as AI meeting summaries write their actions) are
//! read field by field like the ASCII `|`; a date field left open (`截止：待定`, `时限：另行通知`)
//! says the date is not known, not that the work is put off; in a table whose first task-like
//! column names the subject (`主体/事项`, `客户`), the later work column (`工作内容`) holds the
//! work. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn full_width_bars_part_labelled_fields() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "智能纪要\n\n### 行动项\n- 负责人：严冬｜截止：下周三｜事项：整理网点排班表并发给各组长\n- 负责人：柳青｜截止：月底前｜事项：联系供应商确认设备到货时间\n- 责任人：孟河 ｜ 时限：三个工作日内 ｜ 任务：复核上月对账差异\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].starts_with("整理网点排班表"), "{t:?}");
    assert!(t[2].starts_with("复核上月对账差异"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青"], vec!["孟河"]]);
    assert!(dues(&ex).iter().all(Option::is_some), "{t:?}");
}

#[test]
fn an_open_date_field_is_no_rejection() {
    for open in ["待定", "另行通知", "TBD"] {
        let text = format!(
            "### 行动项\n- 负责人：严冬｜截止：下周三｜事项：整理网点排班表\n- 负责人：柳青｜截止：{open}｜事项：向总部申请增配一台自助终端\n"
        );
        let ex = run(&text, &["严冬", "柳青"]);
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{open}: {t:?}");
        assert!(t[1].contains("自助终端"), "{t:?}");
        assert_eq!(dues(&ex)[1], None, "{t:?}");
    }
}

#[test]
fn a_subject_column_gives_way_to_the_work_column() {
    let ex = run(
        "| 序号 | 主体/事项 | 工作内容 | 负责人 | 时限 |\n|---|---|---|---|---|\n| 1 | 某城商行 | 核实二季度不良率上升的原因 | 严冬 | 下周五 |\n| 2 | 某券商资管 | 跟踪产品净值回撤情况 | 柳青 | 月底前 |\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("不良率上升"), "{t:?}");
    assert!(t[1].contains("净值回撤"), "{t:?}");
    let ex = run(
        "| 客户 | 跟进事项 | 负责人 | 时限 |\n|---|---|---|---|\n| 某城商行 | 核实二季度不良率上升的原因 | 严冬 | 下周五 |\n",
        &["严冬"],
    );
    assert!(texts(&ex)[0].contains("不良率上升"), "{:?}", texts(&ex));
}

#[test]
fn an_offer_given_to_another_instead_is_no_item() {
    let members = ["严冬", "柳青", "孟河"];
    for instead in [
        "你这周要去总部开会，还是让小孟来。",
        "你手上的活太多了，还是由孟河来吧，他熟悉。",
    ] {
        let text = format!(
            "严冬 00:00:05\n这次的宣传方案谁来写？\n\n柳青 00:00:20\n这个我来吧，我手上有去年的材料。\n\n严冬 00:00:40\n柳青，{instead}孟河，宣传方案下周五前给我初稿。\n\n孟河 00:01:00\n好的。\n"
        );
        let ex = run(&text, &members);
        let t = texts(&ex);
        assert_eq!(t.len(), 1, "{instead}: {t:?}");
        assert!(t[0].contains("宣传方案"), "{t:?}");
        assert_eq!(owners(&ex), vec![vec!["孟河"]], "{t:?}");
    }
}

#[test]
fn the_part_still_to_do_of_a_followed_up_item_is_carried_over() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "一、上次会议事项跟进\n1. 网点宣传折页 — 严冬：已完成并分发。\n2. 客户回访话术 — 柳青：初稿已完成，法务审核中，仍需按法务意见修改后定稿，下周三前。\n3. 机房巡检表（孟河）——模板已更新，试填未完成，月底前完成试填并报部门。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("修改后定稿"), "{t:?}");
    assert!(t[1].contains("试填"), "{t:?}");
    assert!(dues(&ex).iter().all(Option::is_some), "{t:?}");
    // A forecast of the rest is no work asked for.
    let ex = run(
        "一、上次会议事项跟进\n1. 客户回访话术 — 柳青：初稿已完成，仍需修改，预计下周三前定稿。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_helper_named_before_their_own_work_owns_it() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "需求评审\n落实：严冬负责完成接口改造和联调，下周五前提测；柳青配合出具安全测试要点。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("安全测试要点"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柳青"], "{t:?}");
}

#[test]
fn a_done_word_in_the_object_of_the_work_is_no_status() {
    let ex = run(
        "待办事项\n一、对上季度已核销的坏账做一次复查（主办：严冬）\n二、把已签约的客户名单整理后发给我（主办：柳青）\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("复查"), "{t:?}");
}

#[test]
fn a_note_said_to_be_a_daily_duty_is_no_item() {
    let ex = run(
        "其他\n严冬提示：本周五为月末结算日，柜员注意核对现金尾箱，此为日常职责。\n",
        &["严冬"],
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn dated_work_said_to_the_one_who_just_reported_is_theirs_once_they_agree() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "严冬 00:00:05\n柳青先说说吧。\n\n柳青 00:00:20\n报名的80家机构里，已经确认的有52家，还有十几家没回。\n\n严冬 00:00:40\n没回的再发一轮邮件，后天下班前把确认名单发给我。\n\n柳青 00:00:55\n好的严总。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("确认名单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]], "{t:?}");
    assert!(dues(&ex)[0].is_some(), "{t:?}");
}
