//! Rules found on heldout40 and heldout41 (tuning data since the fortieth round): in `某某 @某某 …`
//! (an AI summary's to-do, a chat hand-off) the name written before the mention leads and the
//! one mentioned helps; a table column headed by a unit head's title (`网格长`, `组长`, `客户经理`)
//! names the people who own its rows' work; a later dated clause of a line labelled with its
//! person (`某某：A，周五前；B，3个工作日内`) is that person's work too; a clause naming only
//! helpers (`…，下周一前；某某配合。`) adds them after the lead; a row or clause kept as routine
//! (`| 例行工作 |`, `…，作为常规工作继续执行`) is no task. Each on phrasings of our own, never a
//! line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn the_name_before_a_mention_leads_and_the_mention_helps() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "智能纪要｜评审工作会\n时间：2026-03-10 15:00\n\n待办\n- 卜一凡 整理汇总表，3月20日\n- 柯南 @董青 组织系统联调，3月22日\n- 董青 @卜一凡：制定考核细则，3月20日\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["卜一凡"], vec!["柯南", "董青"], vec!["董青", "卜一凡"]],
        "{t:?}"
    );
    // A mention alone, or a mention first, keeps the order found.
    let ex = run("待办\n- @董青 柯南 一起梳理接口清单，3月20日\n", &members);
    assert_eq!(owners(&ex)[0].first().map(String::as_str), Some("董青"));
}

#[test]
fn a_column_headed_by_a_heads_title_names_the_owners() {
    let members = ["柯南", "董青", "卜一凡"];
    for head in ["片区长", "组长", "客户经理"] {
        let ex = run(
            &format!(
                "网格例会（3月10日）\n\n| 片区 | {head} | 本月新开户 | 待办 | 时限 |\n|---|---|---|---|---|\n| 东片 | 柯南 | 12 | 补充活动物料 | 本周内 |\n| 西片 | 董青 | 9 | — | — |\n| 南片 | 卜一凡 | 15 | 联系物业开展讲座 | 3月20日 |\n\n合计新开户36户。\n"
            ),
            &members,
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{head}: {t:?}");
        assert!(t[0].contains("补充活动物料"), "{t:?}");
        assert_eq!(owners(&ex), vec![vec!["柯南"], vec!["卜一凡"]], "{head}");
        assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-20"));
    }
}

#[test]
fn a_later_dated_clause_of_a_labelled_line_is_the_same_persons() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "费用分析会（3月10日）\n\n1. 柯南：2月费用分析报告，下周一。\n2. 董青：超预算科目说明，3月27日前；更新执行看板，3个工作日内。\n3. 卜一凡：二季度资金计划，4月初。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 4, "{t:?}");
    assert!(t[2].contains("更新执行看板"), "{t:?}");
    assert_eq!(owners(&ex)[2], vec!["董青"]);
    assert_eq!(dues(&ex)[2], due_by_end_of("2026-03-13"));
    // An undated aside names no work of its own.
    let ex = run(
        "费用分析会（3月10日）\n\n1. 董青：超预算科目说明，3月27日前；其余科目情况正常。\n",
        &members,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
}

#[test]
fn work_kept_as_routine_is_no_task() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "货架调整会（3月10日）\n\n| 序号 | 调整事项 | 负责人 | 截止时间 | 备注 |\n|---|---|---|---|---|\n| 1 | 货架新增专区 | 柯南 | 3月23日 | |\n| 2 | 产品月度点评 | 董青 | 每月5日 | 例行工作 |\n| 3 | 同业对标分析 | 卜一凡 | 下周五 | |\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("同业对标分析"), "{t:?}");
    let ex = run(
        "集中度专题会（3月10日）\n\n会议决定：\n1. 柯南牵头修订集中度阈值，3月20日前报审。\n2. 超阈值客户名单仍按日发营业部，作为常规工作继续执行。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
}

#[test]
fn a_clause_naming_only_helpers_adds_them_to_the_lines_work() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "需求评审会（3月10日）\n\n【需求4】报表增加维度\n评审：通过。\n落实：柯南整理字段需求说明，下周一前；董青配合。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南", "董青"]]);
}
