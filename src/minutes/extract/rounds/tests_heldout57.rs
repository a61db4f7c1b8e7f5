//! Rules found on heldout57 (tuning data since the fifty-fourth round):
//! - tables: a header whose last word names a group (`工作模块`, `任务类别`) is no work column
//!   even with `工作` in it; a column of kinds (`| 类别 |`) gives way to the next one; a
//!   suggestion turned down (`不采纳`) leaves its row nothing to do; a yes/no column of whether
//!   the row is finished (`是否办结：是`), a standing row (`常态`) and `已提供（9月28日）` are no work;
//! - names: a familiar form (`小吕`) opening a clause before 把 is that member; `请小吕10点前…`
//!   asks that member; `某某负责的展厅改版，周四前提测` is that person's work;
//! - a group heading with its leader (`▌会务组（组长：某某）`) over a list gives the leader every
//!   line naming no one;
//! - `…，不再另选` / `不再另报`: nothing more to do; a follow-up label saying `不需要` and a table
//!   cell `不要求` are no work; a signature (`…签收：某某　某某`), the next meeting moved by whoever
//!   tells of it (`某某提醒下周例会改到周四`) and the meeting's own purpose (`今天把情况总结一下`) are
//!   the record, and so is a form's contact field (`经办人：某某 联系电话：分机3321`);
//! - `我方：某某（项目负责人）、某某` is a roster; `（某部汇总）` after the full stop is the
//!   sentence's remark, no sentence of its own;
//! - `某某起草，某某审核` / `某某执笔，某某提供数据`: the second hand owns the work too, after the
//!   lead; `由某某会同某某于…完成` names both; `阿依古丽` is the member `阿依古丽·买买提`; an English
//!   full stop and a space (`…才显示. Sam + 某某 to fix`) part clauses.
//!
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_module_column_gives_way_to_the_content_column() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "季度推进会\n\n| 编号 | 工作模块 | 具体内容 | 牵头人 | 配合人 | 截止日期 |\n|---|---|---|---|---|---|\n| 1 | 培训 | 新员工带教手册修订 | 韦海 | 柳青 | 3月20日 |\n| 2 | 考核 | 网点积分规则测算 | 严冬 | — | 3月24日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("带教手册修订") && t[1].contains("积分规则测算"),
        "{t:?}"
    );
    assert_eq!(owners(&ex)[0], vec!["韦海", "柳青"]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-24"));
}

#[test]
fn a_kind_column_gives_way_and_a_turned_down_suggestion_is_no_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "意见汇总会\n\n| 类别 | 意见摘要 | 处理 | 落实人 | 时间 |\n|---|---|---|---|---|\n| 一 | 积分兑换门槛偏高 | 采纳：下调一档 | 韦海 | 3月16日前 |\n| 二 | 增设季度评优 | 不采纳（与年度评优重复） | — | — |\n| 三 | 公开评分明细 | 部分采纳 | 柳青 | 3月18日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("积分兑换门槛") && t[1].contains("公开评分明细"),
        "{t:?}"
    );
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
}

#[test]
fn a_finished_or_standing_row_of_a_progress_table_is_no_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "督办进展（第3期）\n\n| 督办事项 | 承办人 | 原定时限 | 进展 | 是否办结 |\n|---|---|---|---|---|\n| 旧机具清点 | 韦海 | 3月9日 | 全部清点完毕 | 是 |\n| 门头灯箱更换 | 柳青 | 3月20日 | 询价中 | 否 |\n| 节能检查 | 各网点 | — | 执行中 | 常态 |\n\n| 资料 | 准备人 | 提交时间 |\n|---|---|---|\n| 消防检查记录 | 严冬 | 已提供（3月6日） |\n| 租赁合同复印件 | 韦海 | 3月13日 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("门头灯箱") && t[1].contains("租赁合同"), "{t:?}");
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
}

#[test]
fn a_familiar_form_before_ba_or_after_qing_with_an_hour_is_the_member() {
    let members = ["吕思远", "尚佳", "廖敏"];
    let ex = run(
        "周会：上周排名已发群里。\n小吕把路演评分表改成十分制，下周二前给我。\n其余照旧。\n",
        &members,
    );
    assert_eq!(owners(&ex), vec![vec!["吕思远"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-17"));
    let ex = run("夜班交接：无告警。\n早班请小吕9点前把工单关掉。\n", &members);
    assert_eq!(owners(&ex), vec![vec!["吕思远"]]);
    assert_eq!(dues(&ex)[0], Some("2026-03-11T09:00:00+08:00".to_owned()));
}

#[test]
fn whose_charge_the_work_is_then_its_date_names_the_owner() {
    let members = ["吕思远", "尚佳", "廖敏"];
    let ex = run(
        "例会：上月数据已报。\n@尚佳 把排期表今天发群里；廖敏负责的展厅改版，周四前提测。\n其他无。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("展厅改版"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["廖敏"]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-12"));
}

#[test]
fn a_group_heading_with_its_leader_gives_the_leader_the_lines_naming_no_one() {
    let members = ["韦海", "柳青", "严冬", "尚佳"];
    let ex = run(
        "年会筹备分工\n\n▌场务组（组长：韦海）\n· 舞台搭建三家询价，3月13日前定下来；\n· 签到台物料：柳青负责，3月16日前备齐。\n\n▌节目组（组长：严冬）\n· 节目单汇总，3月18日前；\n· 主持人：尚佳一人主持，不再另选。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("舞台搭建") && t[2].contains("节目单"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["韦海"]);
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
    assert_eq!(owners(&ex)[2], vec!["严冬"]);
}

#[test]
fn a_follow_up_saying_not_needed_and_a_side_roster_are_no_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "客户沟通会 问题清单\n\n我方：韦海（项目负责人）、柳青、严冬\n\nQ1：担保合同是否已经续签？\nA1：已续签。\n跟进：不需要。\n\nQ2：审计报告什么时候出？\nA2：预计月底。\n跟进：柳青 拿到报告后核对附注，3月20日前完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("核对附注"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
}

#[test]
fn a_remark_in_brackets_after_the_full_stop_is_no_sentence() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "会后安排\n1. 各网点报送演练人员名单，3月16日前。（办公室汇总）\n2. 演练脚本由韦海编写，3月18日前发群里。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("演练人员名单"), "{t:?}");
}

#[test]
fn the_second_hand_on_the_same_work_owns_it_too() {
    let members = ["韦海", "柳青", "严冬", "尚佳"];
    let ex = run(
        "会议议定\n1. 自查报告由韦海起草，柳青审核，3月20日前定稿。\n2. 复盘材料由严冬执笔，尚佳提供数据，3月24日前完成。\n3. 由柳青会同尚佳于3月27日前完成档案清点。\n",
        &members,
    );
    let o = owners(&ex);
    assert_eq!(o.len(), 3, "{o:?}");
    assert_eq!(o[0], vec!["韦海", "柳青"]);
    assert_eq!(o[1], vec!["严冬", "尚佳"]);
    assert_eq!(o[2], vec!["柳青", "尚佳"]);
}

#[test]
fn a_signature_a_meeting_moved_and_the_meeting_purpose_are_no_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "节前保障总结会\n\n韦海：保障期已经结束，今天把情况总结一下。\n1. 值守共安排12人次，无异常。\n2. 柳青把值守日志归档，3月13日前完成。\n会议最后，严冬提醒下周例会改到周四。\n\n承办部门负责人签收：韦海　柳青\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("值守日志归档"), "{t:?}");
}

#[test]
fn a_row_not_asked_for_is_no_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "预算编制 行动项\n\n| 行动项 | 负责人 | 截止 |\n|---|---|---|\n| 费用口径说明 | 韦海 | 3月13日 |\n| 多情景敏感性测算 | — | 不要求 |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("费用口径说明"), "{t:?}");
}

#[test]
fn the_given_part_of_a_dotted_name_and_a_name_after_an_english_full_stop_are_members() {
    let members = ["伍志鹏", "阿依古丽·买买提", "乔文斌", "麦子豪"];
    let ex = run(
        "Weekly sync (3/10)\n\nAttendees: Kevin（伍志鹏）, 阿依古丽·买买提, Sam（乔文斌）, 麦子豪\n\n1. Onboarding quiz — Kevin + 阿依古丽, 3月13日 kick off.\n2. 报表 export slow — 导出要等两分钟. Sam + 麦子豪 to fix the 分页 logic, 3月12日.\n",
        &members,
    );
    let o = owners(&ex);
    assert_eq!(o.len(), 2, "{:?}", texts(&ex));
    assert_eq!(o[0], vec!["伍志鹏", "阿依古丽·买买提"]);
    assert_eq!(o[1], vec!["乔文斌", "麦子豪"]);
}

#[test]
fn a_contact_field_line_of_a_form_is_no_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "工作联系单\n\n发起部门：运营部\n经办人：韦海 联系电话：分机3321\n\n联系事项：\n1. 柳青把对账差异清单整理好，3月13日前发运营部。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("对账差异清单"), "{t:?}");
}
