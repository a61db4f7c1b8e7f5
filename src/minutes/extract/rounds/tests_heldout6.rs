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
