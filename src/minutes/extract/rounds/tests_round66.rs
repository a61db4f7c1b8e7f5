//! Rules of round 66 (heldout84–87 as tuning data, session 52), by family, each on phrasings of
//! our own, never a line copied from a file.
//!
//! - members sharing work by 分片/分头/共同/轮流 (`某甲、某乙分片负责`) are all its owners, and a
//!   name after its unit (`某甲与运营中心某乙一起准备`) joins the names before the unit
//!   (`assign/words.rs`, `assign/lead_in.rs`);
//! - the name before a line's opening colon speaks: when what is said gives the work to someone
//!   else (`某甲：本轮名单，某乙汇总后…`), that one owns it; when no one, or someone who only
//!   checks or helps (`某乙审核`, `某乙 support`), the name before the colon does; work dealt out
//!   (`分给某甲和某乙`) and written by members closing the clause (`题目某甲、某乙出`) is theirs
//!   (`assign/colon_head.rs`);
//! - `；某乙配合提供…` after someone's dated work adds a helper to it, while a helper's own
//!   deliverable (`某乙配合出具意见`) stays apart (`extract/helper_clause.rs`);
//! - a bracket describing the work (`（3个月保留原权益）`, `（70周岁以上）`, `（不少于3日）`) sets no
//!   deadline ahead of the line's date, but a bracket naming a day still does (`scan/mod.rs`);
//! - `由某甲重新编制…`: an adverb after the name is no part of it (`scan/by_verb.rs`);
//! - a table's `具体工作` column is the work beside its `事项` heading; a column headed only `处理`
//!   says what is done about the row, `不调整` and `已调整` leaving nothing (`table/`);
//! - a block turned down whose `后续` gives someone dated rework is that rework (`blocks/split.rs`);
//! - in a transcript a given name then a word of doing (`立帆出迭代拆分`) is the member's work
//!   (`extract/dialogue/people.rs`);
//! - a hand-over list's receiver (`接收人`) does the work, its witness (`监交人`) helps, and who hands
//!   it over (`移交人`) is no owner (`table.rs`, `table/columns.rs`); `下个月的第三个工作日` is the
//!   month's third working day, in minutes and in `/督办` (`command/when/`);
//! - two clauses each giving a member work by a verb and a date of its own, the second naming the
//!   work before its doer (`场地某乙负责下周二前落实`), are two items (`extract/sentence.rs`).

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &["许文杰", "高晓岚", "马一鸣", "邓若云", "叶青"];

#[test]
fn members_sharing_work_by_parts_are_all_its_owners() {
    let ex = run(
        "会议决定：\n\
         1. 四个支部的换届摸底，马一鸣、叶青分片负责，3月20日前报摸底表。\n\
         2. 期末走访名单，邓若云与运营中心许文杰一起整理，3月13日前。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["马一鸣", "叶青"], vec!["邓若云", "许文杰"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-13")]
    );
}

#[test]
fn the_name_before_the_colon_speaks_unless_no_one_else_does_the_work() {
    let one = |line: &str| owners(&run(&format!("周例会纪要\n{line}\n"), TEAM));
    assert_eq!(
        one("许文杰：本轮复核通过的名单，高晓岚汇总后3月13日前报党委会。"),
        [vec!["高晓岚"]]
    );
    assert_eq!(
        one("马一鸣：问题清单分给邓若云和叶青，3月12日前确认优先级。"),
        [vec!["邓若云", "叶青"]]
    );
    assert_eq!(
        one("邓若云：整理培训签到表，叶青审核，3月16日前。"),
        [vec!["邓若云", "叶青"]]
    );
    assert_eq!(one("叶青：更新值班联系表，3月11日前。"), [vec!["叶青"]]);
}

#[test]
fn members_closing_a_clause_with_chu_write_it_but_not_other_words() {
    let ex = run(
        "培训班碰头\n\
         1. 结业考试题目马一鸣、叶青出，下周三前给许老师审。\n\
         2. 补丁厂商一周发出，邓若云负责验证，3月13日前。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["马一鸣", "叶青"], vec!["邓若云"]]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-18"));
}

#[test]
fn a_helper_feeding_dated_work_joins_it_but_not_with_a_deliverable_of_their_own() {
    let ex = run(
        "会议决定：\n\
         许文杰写一份书面答复，3月13日前寄出；高晓岚配合提供评分明细。\n\
         马一鸣负责完成接口联调，3月20日前提测；叶青配合出具合规验收要点。\n",
        TEAM,
    );
    let o = owners(&ex);
    assert_eq!(o.first().unwrap(), &vec!["许文杰", "高晓岚"], "{o:?}");
    assert_eq!(o.get(1).unwrap(), &vec!["马一鸣"], "{o:?}");
}

#[test]
fn a_bracket_describing_the_work_sets_no_deadline_before_the_lines_date() {
    let ex = run(
        "会议决定：\n\
         1. 第二批回访名单（70周岁以上、近一年买过R4产品），许文杰从系统导出，本周内。\n\
         2. 降级客户的过渡规则（3个月保留原权益），高晓岚起草，3月20日前。\n\
         3. 中标结果公示（不少于3日）——马一鸣，3月16日发布。\n\
         4. 外地营业部的自查结果由邓若云汇总，明天（3月11日，周三）下班前报叶青。\n",
        TEAM,
    );
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-13"),
            due_by_end_of("2026-03-20"),
            due_by_end_of("2026-03-16"),
            due_by_end_of("2026-03-11")
        ]
    );
}

#[test]
fn an_adverb_after_a_name_given_work_by_you_is_no_part_of_the_name() {
    let ex = run(
        "后续安排\n\
         1. 由许文杰重新编制询价文件，3月18日前报小组。\n\
         2. 由高晓岚尽快补齐验收签字，3月13日前。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["许文杰"], vec!["高晓岚"]]);
}

#[test]
fn a_tables_detail_and_handling_columns_are_the_work() {
    let ex = run(
        "福利工作分工\n\n| 事项 | 具体工作 | 主办 | 时限 |\n|---|---|---|---|\n\
         | 补充医疗 | 明年续保询价，至少三家 | 许文杰 | 3月20日 |\n\
         | 补充医疗 | 理赔数据按病种分析 | 高晓岚 | 3月27日 |\n\n\
         审计调整事项\n\n| 编号 | 事项 | 金额 | 处理 | 负责人 | 时限 |\n|---|---|---|---|---|---|\n\
         | A1 | 坏账准备补提 | -26 | 同意调整 | 马一鸣 | 3月16日 |\n\
         | A2 | 利息计提差异 | -8 | 已调整 | 邓若云 | — |\n\
         | A3 | 折现率口径 | -2 | 不调整（低于重要性水平） | — | — |\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("明年续保询价"), "{t:?}");
    assert!(t[1].contains("理赔数据按病种分析"), "{t:?}");
    assert!(
        t[2].contains("坏账准备补提") && t[2].contains("同意调整"),
        "{t:?}"
    );
}

#[test]
fn a_rejected_blocks_follow_up_with_an_owner_and_a_date_is_the_rework() {
    let ex = run(
        "验收会纪要\n\n\
         【模块二】柜面打印\n\
         验收结论：不通过。两类凭证的格式与老系统不一致。\n\
         后续：马一鸣牵头，厂商配合，5个工作日内修正后重新提交；复测时间另定。\n\n\
         【模块三】报表导出\n\
         验收结论：通过。\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("修正后重新提交"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["马一鸣"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-17")]);
}

#[test]
fn a_given_name_then_a_word_of_doing_in_a_transcript_is_the_members_work() {
    let ex = run(
        "许文杰（14:02）：今天过一下行情页改版的方案。\n\
         高晓岚（14:05）：前端重构工作量不小，建议拆成两个迭代。\n\
         许文杰（14:12）：同意拆。晓岚出迭代拆分方案，3月18日前。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["高晓岚"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-18")]);
}

#[test]
fn two_clauses_each_giving_a_member_dated_work_by_a_verb_are_two_items() {
    let ex = run(
        "沙龙筹备\n课件许文杰周五前做完，场地高晓岚负责下周二前落实。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["许文杰"], vec!["高晓岚"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-17")]
    );
}

#[test]
fn a_hand_over_lists_receiver_does_the_work_and_its_witness_helps() {
    let ex = run(
        "离职交接\n\n| 序号 | 交接事项 | 移交人 | 接收人 | 监交人 | 状态 |\n|---|---|---|---|---|---|\n\
         | 1 | 名下客户的服务关系划转 | 王某 | 许文杰 | 叶青 | 3月13日前完成划转 |\n\
         | 2 | 工牌和门禁卡 | 王某 | 高晓岚 | 叶青 | 已收回 |\n\
         | 3 | 执业注册注销申报 | — | 马一鸣 | 邓若云 | 3月20日前 |\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["许文杰", "叶青"], vec!["马一鸣", "邓若云"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn a_months_nth_working_day_is_read_in_minutes() {
    let ex = run(
        "会议决定：\n许文杰：2月费用快报，下个月的第三个工作日出。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["许文杰"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-04-03")]);
}
