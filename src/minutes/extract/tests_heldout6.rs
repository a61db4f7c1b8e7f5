//! Tests of the rules added once the sixth held-out set became tuning data (issue 16, seventh
//! round): one test per rule, each on several phrasings of our own (other verbs, word orders,
//! punctuation, the owner before, after or in brackets), never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_recurring_duty_given_to_someone_is_theirs_without_a_deadline() {
    for (line, who) in [
        ("1. 每周一上午报送上周客户投诉统计表——李明负责", "李明"),
        ("2. 每日收盘后核对两融维保比例，异常的当天通知客户——赵倩", "赵倩"),
        ("3 维保低于130的客户 每天收盘后电话提醒 王强负责", "王强"),
        ("4. 由李明每月5日前报送营业部费用明细", "李明"),
    ] {
        let ex = run(&format!("## 工作安排\n{line}"), &["李明", "赵倩", "王强"]);
        assert_eq!(owners(&ex), [[who]], "{line}");
        assert_eq!(dues(&ex), [None], "{line}");
    }
    // A standing rule for everyone stays out.
    let ex = run("## 工作安排\n1. 每周五下午召开例会，照常进行。", &["李明"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_table_row_due_continuously_is_an_item_unless_it_is_routine() {
    let text = "事项|负责人|完成时间|状态\n---|---|---|---\n\
                每日收盘后统计新开户数并在群里通报|李明|持续|待办\n\
                每周五汇总客户回访记录|赵倩|每周五|进行中\n\
                月度清算差错报表|王强|每月5日|常规\n\
                营业部宣传栏更新|赵倩|3月20日|待办";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [vec!["李明"], vec!["赵倩"], vec!["赵倩"]]);
    assert_eq!(dues(&ex), [None, None, due_by_end_of("2026-03-20")]);
}

#[test]
fn new_work_after_a_review_of_the_last_meetings_is_under_an_action_heading() {
    for heading in ["本次新增", "本期新增", "此次新增：", "新布置"] {
        let text = format!(
            "上次待办回顾\n1. 李明：系统巡检 —— 已完成\n\n{heading}\n\
             2. 营业部宣传栏更新，赵倩负责，时间另定\n3. 王强把客户名单整理出来，3月13日前交李明"
        );
        let ex = run(&text, &["李明", "赵倩", "王强"]);
        assert_eq!(owners(&ex), [vec!["赵倩"], vec!["王强"]], "{heading}");
        assert_eq!(dues(&ex), [None, due_by_end_of("2026-03-13")], "{heading}");
    }
}

#[test]
fn a_member_right_before_a_date_opens_the_clause_whatever_the_verb() {
    for line in [
        "- 到期客户名单，李明两个工作日内拉出来发给各理财经理",
        "- 到期客户名单：李明两个工作日内导一份给理财经理",
        "- 关于到期客户名单，李明3月12日前捋一遍",
    ] {
        let ex = run(&format!("## 会后事项\n{line}"), &["李明", "赵倩"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-12")], "{line}");
    }
}

#[test]
fn a_month_dot_day_standing_apart_is_the_deadline() {
    for line in [
        "- 节前柜台现金盘点 —赵倩 3.13",
        "- 柜台现金盘点（赵倩/3.13）",
        "- 柜台现金盘点 赵倩 3.13前",
        "- 柜台现金盘点，赵倩负责，截止3.13",
    ] {
        let ex = run(line, &["赵倩"]);
        assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")], "{line}");
    }
    // A figure is no date, even with spaces around it.
    let ex = run(
        "- 赵倩3月20日前把维保低于1.3的客户名单发群里，涉及 2.3 万户",
        &["赵倩"],
    );
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
}

#[test]
fn a_date_right_after_fuze_is_the_deadline() {
    for line in [
        "- 清明节假期安排告示，赵倩负责节前张贴并在公众号同步",
        "- 假期值班表由赵倩负责节前排好",
    ] {
        let ex = run(line, &["赵倩"]);
        // Said on 2026-03-10, the next holiday block is 清明 (from Saturday 04-04).
        assert_eq!(dues(&ex), [due_by_end_of("2026-04-03")], "{line}");
    }
}

#[test]
fn a_line_told_for_information_or_left_to_others_is_no_item() {
    for line in [
        "4. 上月代销收入1,820万元，环比+6%（仅通报）",
        "4. 法律尽调清单由外部律所自行准备（我方不跟踪）",
        "4. 交易所3月下旬发布新版接口规范，仅供参考，知悉即可",
        "4. Auditor to send the management letter by Friday (not tracked)",
        "4. 监管新规解读材料已发群里，无需跟踪",
    ] {
        let text = format!("待办：\n1. 李明负责起草方案，3月20日前初稿\n{line}");
        let ex = run(&text, &["李明"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
    }
}

#[test]
fn a_bracketed_label_of_the_document_is_nobody() {
    for title in [
        "【纪要】3/12 柜台组",
        "【晨会】3月11日 运营组",
        "【通知】3.11 营业部",
    ] {
        let text = format!("{title}\n1.客户预留手机号批量核验 明天上午 李明\n2.培训签到表 已交");
        let ex = run(&text, &["李明"]);
        assert_eq!(owners(&ex), [["李明"]], "{title}");
    }
}

#[test]
fn the_meetings_facts_in_a_row_are_no_item() {
    for line in [
        "2026年3月10日 | 时长 46分钟 | 参与人：李明、赵倩、王强",
        "3月10日 14:00 · 参会：李明、赵倩 · 记录：王强",
        "日期：3月10日 | 与会人员：李明、赵倩、王强",
    ] {
        let text = format!("智能纪要：营业部周会\n{line}\n\n待办\n☐ 李明：3月13日前提交渠道费用结算单");
        let ex = run(&text, &["李明", "赵倩", "王强"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
    }
}

#[test]
fn a_routing_and_sign_off_header_is_no_item() {
    let text = "会议纪要\n文号：财富委纪〔2026〕3号\n拟稿：李明 核稿：赵倩 签发：王总\n\
                流转：财富管理委员会各成员单位 → 经纪业务部 → 运营管理部\n\
                签批意见：同意，请各单位抓紧落实。——王总 3月10日\n\n关于一季度重点工作的会议纪要\n\n\
                一、会议要求经纪业务部牵头，赵倩具体负责，于3月20日前完成钻石客户走访。\n\
                分送：各营业部、财富管理部";
    let ex = run(text, &["李明", "赵倩", "王总"]);
    assert_eq!(owners(&ex), [["赵倩"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
    // The same header with a 领导批示 and a 主送 line.
    let text = "主送：各营业部\n领导批示：请认真落实，3月底前报进展。——王总\n\n\
                1. 李明负责营业部宣传栏更新，3月20日前完成。";
    let ex = run(text, &["李明", "王总"]);
    assert_eq!(owners(&ex), [["李明"]]);
}

#[test]
fn a_state_column_that_gives_the_work_anew_makes_the_item() {
    let text = "遗留问题清单\n\n编号 | 问题 | 原负责人 | 本周情况\n\
                1 | VPN偶发断线 | 李明 | 已定位为线路问题，已关闭\n\
                2 | 空调巡检记录缺失 | 李明 | 仍未解决，转给赵倩跟进，3月13日前补齐记录\n\
                3 | 历史数据归档 | 王强 | 进行中，继续由王强负责，3月20日前完成归档校验\n\
                4 | 垃圾邮件误判 | 王强 | 观察一周无再发，关闭\n\
                5 | 打印机卡纸 | 赵倩 | 复测通过，已解决\n\n\
                新问题\n\
                6 | 内网带宽峰值达85% | 王强 | 出扩容评估，3月16日前";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [vec!["赵倩"], vec!["王强"], vec!["王强"]]);
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-13"),
            due_by_end_of("2026-03-20"),
            due_by_end_of("2026-03-16")
        ]
    );
    let t = texts(&ex);
    assert!(
        t[0].contains("补齐记录") && t[1].contains("归档校验") && t[2].contains("扩容评估"),
        "{t:?}"
    );
    // A markdown table with a 进展 column: the same.
    let text = "| 事项 | 负责人 | 进展 |\n|---|---|---|\n| 客户回访 | 李明 | 还差5户，改由赵倩3月12日前回访完 |\n\
                | 宣传栏更新 | 王强 | 已更换 |";
    let ex = run(text, &["李明", "赵倩", "王强"]);
    assert_eq!(owners(&ex), [["赵倩"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-12")]);
}

#[test]
fn a_date_before_a_verb_of_gathering_or_a_modal_is_the_deadline() {
    for (line, want) in [
        (
            "李明请把2月份营业部费用报销单今天收齐",
            "2026-03-10T18:00:00+08:00",
        ),
        ("报销单，李明明天核一遍", "2026-03-11T18:00:00+08:00"),
        (
            "底稿电子化归档 王总说月底必须完 李明负责",
            "2026-03-31T18:00:00+08:00",
        ),
        ("底稿归档，李明负责，月底务必弄完", "2026-03-31T18:00:00+08:00"),
        ("客户资料，李明周五补齐", "2026-03-13T18:00:00+08:00"),
    ] {
        let ex = run(&format!("早会 3/10\n{line}\n其他无"), &["李明", "王总"]);
        assert_eq!(owners(&ex), [["李明"]], "{line}");
        assert_eq!(dues(&ex), [Some(want.to_owned())], "{line}");
    }
}

#[test]
fn homework_is_work_and_a_count_of_the_people_named_says_nothing_more() {
    for heading in ["作业布置：", "课后作业", "## 本次作业"] {
        let text = format!(
            "新员工培训 第二天小结\n讲师：王老师\n\n{heading}\n\
             1）全体学员：周五前提交一份学习心得，不少于800字\n\
             2）李明、赵倩两位负责整理今日课堂问答，明天下班前发到培训群\n\
             3）王强、孙悦二人牵头下周一前把案例汇编出来"
        );
        let ex = run(&text, &["王老师", "李明", "赵倩", "王强", "孙悦"]);
        assert_eq!(
            owners(&ex),
            [vec![], vec!["李明", "赵倩"], vec!["王强", "孙悦"]],
            "{heading}"
        );
        assert_eq!(
            dues(&ex),
            [
                due_by_end_of("2026-03-13"),
                due_by_end_of("2026-03-11"),
                due_by_end_of("2026-03-16")
            ],
            "{heading}"
        );
    }
}

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
