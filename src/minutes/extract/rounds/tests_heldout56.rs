//! Rules found on heldout56 (tuning data since the fifty-third round): a weekly round by person
//! (a name alone over `本周：…` / `下周：…`, no marks) reports this week and plans the next, and
//! `下周：无新增…` plans nothing; a pasted relay (`#接龙` / `【接龙】` over `1 某某 事项 时间`)
//! gives each entry to the member who wrote it; anonymous transcript speakers (`说话人1`) are
//! named by the mapping line (`说话人对应：说话人1=某某 …`); a due heading may say the year
//! (`二、明年1月15日前完成`); a punch list's `✘` marks what is still open, a list item's first
//! sentence states the problem its thin task after it works on, and a thin owner sentence
//! (`某某负责，下一个工作日清理完`) takes up the ownerless work before it; a verb starting inside a
//! member's name (`魏某来跟物业办`) leaves the name whole; `先不订`, `不指定人` put work off.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_weekly_round_by_person_plans_next_week() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "运营组周会 3月10日\n\n主持：严冬\n\n韦海\n本周：柜台排队叫号系统升级已完成，运行正常。\n下周：叫号数据的周报模板，3月18日前出。\n\n柳青\n本周：两家网点的消防检查已通过。\n下周：无新增，继续配合韦海做数据核对。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("周报模板"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-18"));
}

#[test]
fn a_relay_entry_is_the_members_who_wrote_it() {
    let members = ["韦海", "柳青", "严冬", "马悦"];
    let ex = run(
        "网点走访分工（3月10日）\n\n会后群里接龙认领，原样贴在下面：\n\n#接龙\n序号+姓名+认领内容+完成时间\n1 韦海 东片区9户上门走访 3月20日前\n2 柳青 西片区11户电话回访 3月18日前\n3 马悦 走访记录汇总表 3月25日前\n\n严冬回复：收到。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("东片区9户上门走访"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-18"));
    assert_eq!(owners(&ex)[2], vec!["马悦"]);
}

#[test]
fn numbered_speakers_are_named_by_the_mapping_line() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "腾讯会议 · 网点装修协调 · 智能转写\n说话人对应：说话人1=严冬 说话人2=柳青 说话人3=韦海\n\n说话人1 00:00:05\n今天就一件事，装修验收。\n\n说话人3 00:01:10\n验收清单我这周内整理出来。\n\n说话人1 00:01:40\n好。柳青你把施工方的结算单核一下，3月17日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("验收清单"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海"]);
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
}

#[test]
fn a_due_heading_may_name_next_year() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "年度收尾会\n\n一、3月13日（周五）前完成\n1. 网点资产盘点表核对，韦海负责。\n\n二、明年1月20日前完成\n1. 全年服务质量分析报告，柳青起草。\n",
        &members,
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 2, "{:?}", texts(&ex));
    assert_eq!(d[0], due_by_end_of("2026-03-13"));
    assert_eq!(d[1], due_by_end_of("2027-01-20"));
}

#[test]
fn a_punch_lists_cross_is_open_and_its_problem_names_the_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "装修验收遗留问题（3月10日）\n\n✔ 1. 大堂灯带不亮——施工方已更换，正常。\n✘ 2. 二楼会议室的投影幕布卡顿，升降不到位。韦海联系施工方返修，3月13日前落实。\n✘ 3. 档案室里还有两箱旧凭证没有归位，需要整理。柳青负责，下周五前整理完。\n✘ 4. 门口坡道加装扶手：需等物业审批，暂不处理。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("投影幕布卡顿"), "{t:?}");
    assert!(t[1].contains("两箱旧凭证"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["柳青"]]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-20"));
}

#[test]
fn a_verb_inside_a_members_name_leaves_the_name_whole() {
    let members = ["魏东来", "柳青"];
    let ex = run(
        "网点收尾碰头（3月10日）\n\n旧址的退租手续魏东来跟物业办，3月20日前办完；\n",
        &members,
    );
    let o = owners(&ex);
    assert_eq!(o.len(), 1, "{:?}", texts(&ex));
    assert_eq!(o[0], vec!["魏东来"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
}

#[test]
fn held_back_or_left_unassigned_is_no_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "活动筹备会（3月10日）\n\n待办：\n1. 活动海报设计，韦海负责，3月16日前。\n2. 场地：问了两家都约满了，建议推到四月，先不订。\n3. 下季度活动计划：等总部方案下发后再做，不指定人。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("活动海报设计"), "{t:?}");
}

#[test]
fn a_masked_surname_is_no_week_and_an_issue_number_ends_a_title() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "AI 会议纪要｜回访复核例会 第12期（季末）\n\n二、逐户结果（系统导出，姓名已脱敏）\n001  周**  客户号 3100000001  复核结果：一致  复核人：韦海\n002  王**  客户号 3100000002  复核结果：地址更新  复核人：柳青\n003  周**  客户号 3100000003  复核结果：一致  复核人：柳青\n\n三、待办\n1. 复核底稿扫描归档，韦海负责，3月20日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("扫描归档"), "{t:?}");
}

#[test]
fn nothing_new_or_decided_against_is_no_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "季度例会（3月10日）\n\n韦海：季末最后一次会，没有新事项。\n\n待办：\n- 网点排名附表（会上决定本季度不编制）\n- 客户回访汇总，柳青负责，3月20日前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("客户回访汇总"), "{t:?}");
}

#[test]
fn a_table_state_done_by_a_team_in_letters_is_done() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "客服周会（3月10日）\n\n| 编号 | 事由 | 处理人 | 状态/下一步 | 时限 |\n|---|---|---|---|---|\n| K-01 | 网银转账失败 | 韦海 | IT已修复，待客户确认 | — |\n| K-02 | 对账单缺页 | 柳青 | 补发对账单并电话说明 | 3月12日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("补发对账单"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
}
