//! Rules found on heldout36 (tuning data since the thirty-sixth round): a card whose work is a
//! field of its own, labelled by the question it answers (`做什么：` `谁来做：` `何时完成：`,
//! `What:` `Who:` `When:`, any order), is one item, none when it says the work is done; work
//! claimed in a relay list (`1. 某某 认领：…，12月9日前`) is the claimer's, and work nobody has
//! claimed yet (`（待认领）…`) is still work, owner open. Each on phrasings of our own, never a line
//! copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn question_labelled_cards_are_one_item_each() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "网点搬迁碰头会（3月10日）\n\n■ 卡片A\n要做什么：自助设备搬运与调试\n由谁负责：严冬\n什么时候：3月13日\n如何做：联系厂商上门\n\n■ 卡片B\n谁来做：柳青（主）、孟河（配合）\n做什么：新址门头灯箱报审\n何时完成：月底前\n\n■ 卡片C\n做什么：旧址钥匙移交\n谁来做：孟河\n何时完成：已完成，物业签收\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("搬运与调试"), "{t:?}");
    assert!(t[1].contains("灯箱报审"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["严冬"]);
    assert_eq!(owners(&ex)[1], vec!["柳青", "孟河"]);
    assert_eq!(
        dues(&ex),
        vec![due_by_end_of("2026-03-13"), due_by_end_of("2026-03-31")]
    );
}

#[test]
fn english_question_labels_make_a_card_too() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "Weekly sync（3月10日）\n\n# 1\nWhat: 客户回访话术更新\nWho: 柳青\nWhen: 3月12日\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("回访话术"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
}

#[test]
fn work_claimed_in_a_relay_is_the_claimers() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "#接龙 年会筹备分工（3月10日会后）\n大家接龙领任务：\n\n1. 严冬 领取：节目单汇总，3月13日前\n2. 柳青 认领：场地押金申请\n3. 孟河（认领）抽奖礼品采购，月底前\n4. 【待认领】年会视频剪辑\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 4, "{t:?}");
    assert!(t[0].contains("节目单汇总"), "{t:?}");
    assert!(t[3].contains("视频剪辑"), "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬"], vec!["柳青"], vec!["孟河"], Vec::<&str>::new()]
    );
    assert_eq!(
        dues(&ex),
        vec![
            due_by_end_of("2026-03-13"),
            None,
            due_by_end_of("2026-03-31"),
            None
        ]
    );
}

#[test]
fn a_tables_measures_or_manner_column_is_the_work() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "回访安排（3月10日）\n\n| 客户类型 | 处理措施 | 负责人 | 时限 |\n|---|---|---|---|\n| 大额赎回客户 | 专人电话解释 | 严冬 | 3月12日 |\n| 新开户客户 | 短信提醒风险 | 柳青 | 3月13日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("专人电话解释"), "{t:?}");
    assert!(t[1].contains("短信提醒风险"), "{t:?}");
    let ex = run(
        "回访安排（3月10日）\n\n| 人群 | 触达方式 | 负责人 | 完成时间 |\n|---|---|---|---|\n| 老年客户 | 上门讲解 | 孟河 | 3月13日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("上门讲解"), "{t:?}");
}

#[test]
fn status_lines_said_other_ways_are_not_work() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "网点周会（3月10日）\n严冬主持｜柳青参会\n\n一、进展\n本周暂无新增任务，日常工作按现有制度办理。\n\n二、决定\n1. 开户复核时限缩短为当日办结，照此执行。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
    let ex = run(
        "投诉周会录音整理\n\n严冬：这周两笔投诉，柳青你那边跟客户沟通得如何？\n柳青：一笔已经解释清楚，另一笔还在沟通。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_helper_named_before_the_lead_keeps_both() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "网点周会（3月10日）\n\n待办：\n1. 柳青协助严冬整理大额客户回访台账，3月13日前。\n2. Owner: 严冬, support: 柳青 — 理财双录抽检, by 3月12日\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["严冬", "柳青"], vec!["严冬", "柳青"]]);
}
