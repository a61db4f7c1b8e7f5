//! Rules found on heldout52 (tuning data since the forty-ninth round). Each on phrasings of our
//! own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_due_heading_with_a_gloss_and_a_no_limit_heading_head_action_sections() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "档案整改会\n2026年9月15日（周二）\n\n一、情况\n档案室已完成上架。\n\n二、节前完成（中秋前）\n1. 借阅登记表修订后报办公室备案（韦海）。\n\n三、不设时限\n1. 梳理历年档案缺口，形成补档清单（柳青）。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("借阅登记表") && t[1].contains("补档清单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["柳青"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-09-24"), None]);
}

#[test]
fn a_supervision_order_closed_or_withdrawn_is_no_item() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "督办会\n日期：2026年3月10日（周二）\n\n督办单 A-01\n督办事项：补齐借阅登记表的签字栏\n承办人：韦海\n办结时限：3月20日\n\n督办单 A-02\n督办事项：档案室温湿度计更换\n承办人：柳青\n办结情况：已于3月2日办结，共更换4台\n\n督办单 A-03\n督办事项：外包扫描服务询价\n承办人：严冬\n办结情况：预算未获批准，予以撤销\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("签字栏"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"]]);
}

#[test]
fn a_preparation_heading_makes_each_colon_owner_line_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "年检准备会\n时间：2026年3月10日（周二）\n\n各岗位准备工作：\n韦海：按20%比例抽查档案30卷，本周五前出结果；对缺页的当场补齐。\n柳青：导出全年借阅系统的登记日志。\n严冬：核对目录与实物，3个工作日内完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert!(t.len() >= 3, "{t:?}");
    assert!(t.iter().any(|x| x.contains("登记日志")), "{t:?}");
    assert!(t.iter().any(|x| x.contains("抽查档案")), "{t:?}");
}

#[test]
fn a_meeting_wide_conclusion_after_the_last_block_is_not_its_own() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "需求评审会\n时间：2026年3月10日（周二）\n\n需求1：登录页改版\n评审意见：暂缓，下季度再议。\n\n需求2：报表导出提速\n评审意见：通过。\n后续动作：韦海牵头，柳青配合，梳理慢查询清单，3个工作日内给出。\n\n会议结论：需求2进入下一迭代，需求1暂缓。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("慢查询清单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海", "柳青"]]);
}

#[test]
fn a_sentence_ending_in_the_following_work_heads_the_list_below() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "迁移准备会\n时间：2026年3月10日（周二）\n\n会议听取了测试情况汇报，共发现缺陷9个。\n\n经讨论，会议确定4月1日切换，切换前完成以下工作：\n\n1. 修复缺陷并完成回归（韦海），3月20日前。\n2. 与各分部联络人确认收件地址（柳青）。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("收件地址"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
}

#[test]
fn a_follow_up_label_makes_an_undated_line_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "答疑会\n时间：2026年3月10日（周二）\n\n问1（柳青）：年报的英文版由谁校对？\n答（严冬）：沿用去年的做法。\n跟进：联系外部机构确认校对排期（柳青）。\n\n问2：是否需要单独公告？\n答（严冬）：不需要。\n跟进：无。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("校对排期"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"]]);
}

#[test]
fn a_header_with_the_events_date_then_the_meetings_counts_from_the_meeting() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "切换演练复盘\n演练日期：2026年3月7日（周六）夜间　复盘会：2026年3月10日（周二）\n指挥：严冬\n\n一、会后工作\n1. 韦海复核演练期间的操作日志，下周五前反馈。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")]);
}

#[test]
fn keeping_up_a_duty_is_no_new_task() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "各位同事：\n\n本周例会要点如下：\n1. 韦海整理培训课件，3月13日前发群。\n2. 各客户经理持续做好老客户回访，有新情况及时报业务组。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("培训课件"), "{t:?}");
}
