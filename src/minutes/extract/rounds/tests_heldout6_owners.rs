//! Tests of the owner and speech rules added once the sixth held-out set became tuning data
//! (issue 16, seventh round); the layout, table and deadline rules are in `tests_heldout6.rs`.
//! Each on several phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_role_word_then_the_name_then_a_preposition_keeps_the_owner() {
    for line in [
        "1. 营业部负责人李明对证书公示问题立即整改，3日内完成并上传照片。",
        "1. 理财经理李明把回访录音3月13日前补录完毕。",
        "1. 柜台主管李明就适当性问题3月13日前出具说明。",
        "1. 合规专员李明针对抽查发现的问题3月13日前整改到位。",
    ] {
        let ex = run(&format!("整改要求：\n{line}"), &["李明"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")], "{line}");
    }
}

#[test]
fn the_member_who_signs_or_checks_it_answers_for_it() {
    for line in [
        "4. 营业部须于3月20日前提交书面整改报告（李明签字）。",
        "4. 3月20日前报送自查报告（李明审核后报送）",
        "4. 整改报告3月20日前报合规部（李明签发）",
    ] {
        let ex = run(&format!("整改要求：\n{line}"), &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
    }
}

#[test]
fn who_tells_the_units_as_a_whole_to_act_does_not_do_it() {
    for line in [
        "会议最后，王老师提醒各营业部五一前把投教宣传品的库存盘一下，报给李明。",
        "王总要求各部门3月20日前把预算表报给李明",
        "王老师督促全体理财经理：本周五前完成合规考试。",
        "会上王总叮嘱各分公司，3月底前把客户回访做完",
    ] {
        let ex = run(line, &["王老师", "王总", "李明"]);
        assert_eq!(owners(&ex), [Vec::<String>::new()], "{line}");
        assert_eq!(texts(&ex).len(), 1, "{line}");
    }
    // Told to a person, the person does it.
    let ex = run("王总要求李明3月20日前把预算表报上来", &["王总", "李明"]);
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn work_put_off_with_what_is_left_is_still_open() {
    for line in [
        "3. 李明：异常名单回访 —— 还差11户没联系上，延期至3月20日",
        "3. 李明：存量产品复核 —— 完成80%，顺延到3月20日",
        "3. 客户资料补录（李明）：剩3家营业部未交，推迟至3月20日",
    ] {
        let ex = run(
            &format!("上次待办回顾\n{line}\n4. 赵倩：宣传栏更新 —— 已完成"),
            &["李明", "赵倩"],
        );
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")], "{line}");
    }
}

#[test]
fn a_line_labelled_other_keeps_its_own_date() {
    for line in [
        "其他：对外版本由李明明早下班前发到部门群；王总强调口径不再临时调整。",
        "其他事项：李明3月13日前把对外版本发到部门群",
        "其它: 对外版本李明负责，周五前发群里",
    ] {
        let ex = run(&format!("OKR对齐会\n\n{line}"), &["李明", "王总"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        assert_eq!(dues(&ex).len(), 1, "{line}");
        assert!(dues(&ex)[0].is_some(), "{line}");
    }
    // The rest put off is still not this line's date, and a meeting moved is no work.
    let ex = run(
        "- 李明周五前把名单发群里，其他事项下周再议\n- 其他：3月例会因清明顺延一周。",
        &["李明"],
    );
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}

#[test]
fn a_member_then_when_the_work_starts_then_the_work_is_the_owner() {
    for line in [
        "2. 若交易所正式发布技术指引，信息技术部李明在发布后尽快完成系统影响评估。",
        "2. 合规部李明待新规出台后负责修订内控制度",
        "2. 如监管有新要求，李明于通知下发后组织自查",
    ] {
        let ex = run(&format!("## 后续安排\n{line}"), &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        // The condition is nobody's date.
        assert_eq!(dues(&ex), [None], "{line}");
    }
}

#[test]
fn someone_speaking_under_a_report_may_commit_to_dated_work_of_their_own() {
    for (line, due) in [
        (
            "李明表示，本季度末完成集中度超标客户的压降，压降后占比控制在 1.5% 以内。",
            "2026-03-31",
        ),
        (
            "李明提醒：反洗钱尽调要求有更新，两个工作日内把客户名单发给合规部复核。",
            "2026-03-12",
        ),
        ("李明承诺3月20日前补齐全部回访录音。", "2026-03-20"),
    ] {
        let text = format!("二、各条线汇报\n（一）融资融券（李明）\n两融余额较年初增长10%。\n{line}");
        let ex = run(&text, &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of(due)], "{line}");
    }
    // A report, a rule stressed, or someone else's date stays out.
    let text = "二、各条线汇报\n李明强调节前最后一个工作日（3月13日）不安排任何系统变更。\n\
                赵倩提醒，证监局将于3月20日前现场检查。\n李明表示，预计下周完成系统切换。\n\
                赵倩提醒3月14日调休上班，柜台正常营业，但交易所休市。";
    let ex = run(text, &["李明", "赵倩"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_topic_labelled_before_the_people_who_do_it_is_no_report() {
    for line in [
        "5. 营业部月度排名通报：李明、赵倩每月5日前报送。",
        "5. 季度经营情况汇报：李明3月20日前准备材料",
    ] {
        let ex = run(&format!("会议明确以下工作：\n{line}"), &["李明", "赵倩", "王总"]);
        assert_eq!(ex.items.len(), 1, "{line}");
        assert_eq!(owners(&ex)[0][0], "李明", "{line}");
    }
    // Someone reporting is still a report.
    let ex = run("会议情况\n王总通报：本月新增开户1,200户。", &["王总"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_pronoun_opening_a_clause_of_work_is_the_one_named_before() {
    for line in [
        "关于年检材料，李明说去年的模板还能用，她这周内会先把今年的数据填进去，其他人不用管。",
        "李明表示模板还能接着用，他周五前会把数据补上",
        "说到宣传品，李明提到自己这周内先盘一下库存",
    ] {
        let ex = run(&format!("4月小结会\n\n{line}"), &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")], "{line}");
    }
    // Two people named before it: whose work is unclear, nobody is guessed.
    let ex = run(
        "4月小结会\n\n李明和赵倩都说模板还能用，她这周内会先把数据填进去",
        &["李明", "赵倩"],
    );
    assert!(
        owners(&ex).iter().all(|o| o.len() != 1 || o[0] != "李明"),
        "{:?}",
        owners(&ex)
    );
}

#[test]
fn each_part_of_the_work_with_its_own_person_gives_both_owners() {
    for line in [
        "- 中秋节前给高净值客户寄送礼盒，名单李明定，寄送赵倩负责",
        "- 客户答谢会3月20日前办完，方案由李明出，会场赵倩负责",
        "- 季度分析报告周五前交，数据李明汇总，报告赵倩写",
    ] {
        let ex = run(&format!("## 本次新增\n{line}"), &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明", "赵倩"]], "{line}");
    }
}

#[test]
fn a_recurring_duty_says_when_even_with_the_owner_in_brackets() {
    for (line, who) in [
        ("1. 每月10日前报送反洗钱月报（赵倩）", "赵倩"),
        ("1. 每周五下午汇总营业部周报——李明", "李明"),
        ("1. 每个交易日收盘后核对保证金（王强负责）", "王强"),
    ] {
        let ex = run(
            &format!("{line}\n2. 季度末前完成适当性复评（孙悦）"),
            &["李明", "赵倩", "王强", "孙悦"],
        );
        assert_eq!(owners(&ex), [vec![who], vec!["孙悦"]], "{line}");
        assert_eq!(dues(&ex)[0], None, "{line}");
    }
}

#[test]
fn a_members_name_with_a_verb_glued_on_is_the_member() {
    for line in [
        "会议决定：由王强牵头，李明、赵倩参与，4月10日前完成新柜台系统切换演练。",
        "会议决定：王强牵头，李明与赵倩配合，4月10日前完成新柜台系统切换演练。",
    ] {
        let ex = run(line, &["王强", "李明", "赵倩"]);
        assert_eq!(owners(&ex), [["王强", "李明", "赵倩"]], "{line}");
    }
    // A longer name that only starts with a member's is someone else, as written.
    let ex = run("- 李明华负责3月20日前更新应急预案", &["李明"]);
    assert_eq!(owners(&ex), [["李明华"]]);
}

#[test]
fn members_listed_before_the_date_or_ba_are_all_owners() {
    for line in [
        "另：李明、赵倩两人下周一前把各自负责的客户名单交给王强",
        "另：李明、赵倩下周一前把各自负责的客户名单交给王强",
        "- 李明和赵倩把各自负责的客户名单下周一前交给王强",
    ] {
        let ex = run(line, &["李明", "赵倩", "王强"]);
        assert_eq!(owners(&ex), [["李明", "赵倩"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-16")], "{line}");
    }
    // `谢谢` closing a request is nobody.
    let ex = run(
        "请孙悦同学于本周五下班前将问卷回收情况反馈给我，谢谢。",
        &["孙悦"],
    );
    assert_eq!(owners(&ex), [["孙悦"]]);
}

#[test]
fn work_under_way_with_its_forecast_is_a_report() {
    for line in [
        "2. 投诉处理——进行中（赵倩，预计下周完成）",
        "2. 赵倩：系统切换推进中，预计3月20日前完成",
    ] {
        let text = format!("1. 反洗钱培训——已完成\n{line}\n3. 新增：李明牵头梳理客户分级标准，3月底前");
        let ex = run(&text, &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
    }
}

#[test]
fn work_given_with_its_date_to_be_announced_stands() {
    for line in [
        "二、赵倩同志负责组织营业部培训，具体时间另行通知。",
        "二、组织营业部培训，由赵倩负责，时间另行通知",
    ] {
        let text = format!("现将分工通知如下：\n一、李明同志负责起草实施细则，3月25日前报部门审定；\n{line}");
        let ex = run(&text, &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明"], ["赵倩"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-25"), None], "{line}");
    }
    // A meeting whose time is to be announced is still no task.
    let ex = run("五、下一次视频会议时间另行通知。", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_per_branch_label_keeps_its_colon_and_loses_the_comma() {
    let ex = run("上海分公司：李明负责，3月底前完成两融客户回访", &["李明"]);
    assert_eq!(texts(&ex), ["上海分公司：完成两融客户回访"]);
}

#[test]
fn status_only_minutes_with_names_and_dates_give_nothing() {
    for text in [
        "项目周报\n- 柜台系统升级：进行中，李明跟进，预计4月上线\n- 适当性系统：已上线，运行平稳\n\
         - 数据中台：赵倩牵头，按计划推进",
        "早会\n今天没有新安排，大家按原计划推进。李明提醒周五交易所有系统测试，请知悉。",
        "周会\n- 客户回访：王强负责，正常推进\n- 特此提醒：3月13日系统停机维护，请各位知悉",
    ] {
        let ex = run(text, &["李明", "赵倩", "王强"]);
        assert!(ex.items.is_empty(), "{text}: {:?}", texts(&ex));
    }
}

#[test]
fn helpers_bracketed_in_the_owners_label_help_and_the_date_stays() {
    for line in [
        "· 孙悦（协助：王强）：3月18日前完成客户回访抽查",
        "· 孙悦（王强配合）：3月18日前完成客户回访抽查",
        "· 孙悦(协办: 王强)：3月18日前完成客户回访抽查",
    ] {
        let ex = run(&format!("待办：\n{line}"), &["孙悦", "王强"]);
        assert_eq!(owners(&ex), [["孙悦", "王强"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-18")], "{line}");
    }
}
