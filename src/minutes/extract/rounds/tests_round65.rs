//! Rules of round 65 (heldout80–83 as tuning data, session 51), by family, each on phrasings of
//! our own, never a line copied from a file.
//!
//! - a card's bracketed fields joined on one line (`【牵头】某甲【配合】某乙【时限】3月20日`) under
//!   the point they are about are that point's owners and deadline (`records/bracketed.rs`);
//! - an issue table's `处理意见` column holds the work; a row turned down there (`不同意，…`,
//!   `不予安排`, `同意，无需补充`, `…，不另处理`) is no item (`table/subject.rs`, `table/state.rs`);
//! - a tracker row moved to standing work (`转常态推进`, `长期整改，按季度抽查`) or closed in its last
//!   clause (`验收通过，本期销号`) is no item; a `下一步/时限` cell's words beside the date are the
//!   work; a target (`2.5万户`) in the time column is a measure of the plan, no item (`table/`);
//! - an AI summary's chapter naming work in fewer words than its to-do list, or work of someone
//!   the list already gives work to, is the list's (`extract/ai_recap.rs`);
//! - a reply keeping the quoted minutes in force with changes (`第2项改由某乙负责`, `第4项不做了`,
//!   `其余按纪要执行`) is read as the minutes so changed (`extract/quoted_mail.rs`);
//! - work called off for good (`不再进行`, `今年不做`), a line the minutes mark as no task
//!   (`非任务`), one pointing back to a table's row (`见上表第2行`), and whom to ask while someone
//!   is away (`期间有事找某某`) give no items (`evidence/sig_rejected.rs`, `evidence/away_cover.rs`);
//! - no name is read from inside a word (`沙龙预算你…`, `一张接龙表`, `资金往来`), and `空缺` in
//!   an owner cell is nobody (`assign/lead_in.rs`, `assign/words.rs`, `scan/names.rs`);
//! - in a chat, who posts `某甲：…，@某乙 压缩一下` hands the work to the one mentioned
//!   (`scan/mod.rs`), and `请 @某甲 今晚前把…，@某乙 明早前把…` is one piece of work each
//!   (`extract/at_split.rs`);
//! - an open checkbox with checkboxes under it groups them: its open children are the items, its
//!   mentions their owners (`extract/checkbox_tree.rs`);
//! - a given name after a clause of when (`会后晓岚整理…`) is that member (`extract/spoken_alias.rs`),
//!   and a duty's routine named in brackets (`（值班常规动作）`) is no task (`evidence/clues.rs`).

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &["许文杰", "高晓岚", "马一鸣", "邓若云"];

#[test]
fn bracketed_fields_joined_on_one_line_belong_to_the_point_above() {
    let ex = run(
        "检查反馈意见整改分工\n\n\
         第1条 客户回访记录缺失\n\
         【牵头】许文杰【配合】高晓岚【时限】3月20日\n\n\
         第2条 柜台印章保管不规范\n\
         【牵头】马一鸣【配合】—【时限】3月27日\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("客户回访记录缺失"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("柜台印章保管不规范"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [vec!["许文杰", "高晓岚"], vec!["马一鸣"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-27")]
    );
}

#[test]
fn an_issue_tables_handling_column_is_the_work_and_refusals_are_none() {
    let ex = run(
        "营业部意见处理\n\n| 部门 | 问题 | 处理意见 | 跟进人 | 时限 |\n|---|---|---|---|---|\n\
         | 宁波营业部 | 宣传折页版本太旧 | 重新印制新版宣传折页 | 许文杰 | 3月18日 |\n\
         | 嘉兴营业部 | 希望增设自助机 | 不同意，统一按总部规划 | — | — |\n\
         | 绍兴营业部 | 申请增加培训名额 | 同意，无需补充材料 | — | — |\n\
         | 台州营业部 | 网点灯箱损坏 | 物业已修好，不另处理 | — | — |\n\
         | 湖州营业部 | 车辆更新 | 不予安排 | — | — |\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("重新印制新版宣传折页"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["许文杰"]]);
}

#[test]
fn standing_closed_and_target_rows_give_no_items() {
    let ex = run(
        "督办台账清理\n\n| 编号 | 发现 | 主办 | 下一步/时限 |\n|---|---|---|---|\n\
         | A-1 | 档案借阅无登记 | 许文杰 | 验收通过，本期销号 |\n\
         | A-2 | 账户权限未复核 | 高晓岚 | 长期整改，按月抽查 |\n\
         | A-3 | 备用金账实不符 | 马一鸣 | 差异清理报批，3月31日前 |\n\n\
         | 序号 | 事项 | 责任人 | 清理结果 |\n|---|---|---|---|\n\
         | 1 | 网点租约续签 | 邓若云 | 转常态推进 |\n\n\
         | 类别 | 内容 | 责任人 | 目标/时间 |\n|---|---|---|---|\n\
         | 指标 | 新增有效户 | 许文杰 | 1.8万户 |\n\
         | 举措 | 开门红海报定稿 | 高晓岚 | 3月20日 |\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("差异清理报批"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("开门红海报定稿"), "{:?}", texts(&ex));
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-31"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn an_ai_summarys_chapter_retelling_the_to_do_list_is_the_lists() {
    let ex = run(
        "智能纪要｜季度经营分析会筹备\n\n会议总结\n确定了分析会的材料分工。\n\n章节\n一、材料分工\n\
         许文杰牵头经营分析报告，高晓岚负责图表部分；马一鸣负责同业对比。\n\n待办事项\n\
         1. 一季度经营分析报告定稿 —— 许文杰、高晓岚，3月20日前\n\
         2. 同业对比材料 —— 马一鸣，3月18日前\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [vec!["许文杰", "高晓岚"], vec!["马一鸣"]]);
}

#[test]
fn a_reply_changing_the_quoted_minutes_is_read_with_its_changes() {
    let ex = run(
        "发件人：许文杰\n收件人：高晓岚; 马一鸣; 邓若云\n主题：回复：【纪要】季度客户活动筹备会\n\n\
         各位，纪要收到，两处调整：\n1. 第2项改由邓若云负责，马一鸣下周出差。\n2. 第3项不做了，场地方不再合作。\n\
         其余按纪要执行。\n\n-----原始邮件-----\n发件人：高晓岚\n主题：【纪要】季度客户活动筹备会\n\n\
         一、会议安排\n1. 高晓岚：活动邀请函定稿，3月18日前。\n2. 马一鸣：嘉宾接送车辆预订，3月20日前。\n\
         3. 邓若云：联系备用场地，时间另定。\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 2, "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("嘉宾接送车辆预订"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["高晓岚"], ["邓若云"]]);
}

#[test]
fn work_called_off_marked_no_task_or_pointing_back_gives_no_item() {
    let ex = run(
        "周会纪要\n\
         1. 线下路演场地比价（不再进行）。\n\
         2. 原定的客户满意度回访，因预算原因今年不做。\n\
         3. 年末批处理当晚值守 @许文杰 截止：3月31日（会议提醒，非任务）\n\
         4. 许文杰的活动方案（见上表第2行），按新时间交。\n\
         5. 高晓岚本周休年假，期间有事找马一鸣。\n\
         6. 马一鸣负责客户回访抽查，3月20日前完成。\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["马一鸣"]]);
}

#[test]
fn no_name_is_read_from_inside_a_word() {
    let guessed = |text: &str| {
        let ex = run(text, TEAM);
        owners(&ex).concat()
    };
    let found = guessed("[00:01:00] 许文杰：可以，沙龙预算你先做一个，月底给我看。\n");
    assert!(!found.iter().any(|o| o == "龙预算"), "{found:?}");
    let found = guessed("会议纪要\n1. 稽核继续核查交易明细和资金往来，3月20日前出报告。\n");
    assert!(!found.iter().any(|o| o == "金往"), "{found:?}");
    let found = guessed("会议纪要\n接龙完成后出一张接龙汇总表，3月18日前给我。\n");
    assert!(!found.iter().any(|o| o == "张接龙"), "{found:?}");
    let ex = run(
        "人事安排\n\n| 网点 | 负责人 | 事项 | 时限 |\n|---|---|---|---|\n| 宁波营业部 | 空缺 | 选聘公告 | 3月20日 |\n",
        TEAM,
    );
    assert!(owners(&ex).concat().is_empty(), "{:?}", owners(&ex));
}

#[test]
fn a_chat_post_hands_work_to_those_it_mentions() {
    let ex = run(
        "群聊记录\n\
         许文杰：周报模板太长了，@高晓岚 压缩到一页，周五前。\n\
         【群公告】明天现场检查，请 @马一鸣 今晚10点前把开户档案装盒，@邓若云 明早8点半前把意见簿放到前台。\n\
         许文杰：@马一鸣 负责会场布置，@邓若云 配合，周五前。\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 4, "{:?}", texts(&ex));
    assert_eq!(
        owners(&ex),
        [
            vec!["高晓岚"],
            vec!["马一鸣"],
            vec!["邓若云"],
            vec!["马一鸣", "邓若云"]
        ]
    );
    assert!(texts(&ex)[1].contains("开户档案装盒"), "{:?}", texts(&ex));
    assert!(texts(&ex)[2].contains("意见簿放到前台"), "{:?}", texts(&ex));
}

#[test]
fn a_checkbox_over_checkboxes_groups_them() {
    let ex = run(
        "站会\n\
         - [ ] @许文杰 清算模块联调\n\
         \x20 - [x] 行情接口接入\n\
         \x20 - [ ] 日终清算结果和财务系统对账，3月18日前\n\
         \x20 - [ ] 清算报表格式确认\n\
         - [ ] @高晓岚 客户告知书模板，周五前\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 3, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("财务系统对账"), "{:?}", texts(&ex));
    assert!(texts(&ex)[1].contains("清算报表格式确认"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["许文杰"], ["许文杰"], ["高晓岚"]]);
}

#[test]
fn a_given_name_after_a_clause_of_when_and_a_duty_named_routine() {
    let ex = run(
        "[00:03:10] 许文杰：会后晓岚整理一张签到汇总表，3月18日前给我。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [["高晓岚"]], "{:?}", texts(&ex));
    let ex = run(
        "春节值班安排\n1. 值班总协调，值班期间每天中午在群里报平安（值班常规动作）——许文杰\n\
         2. 值班表3月13日前报行政部——高晓岚\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [["高晓岚"]], "{:?}", texts(&ex));
}
