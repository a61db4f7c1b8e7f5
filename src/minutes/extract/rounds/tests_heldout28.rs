//! Rules found on heldout28 (tuning data since later sets were written): a table's leading-role
//! column (`| 事项 | 主责 | 配合 | 节点 |`) names the owner; field lines written as sub-bullets
//! (`- 负责人：…` nested under the work's bullet) are the work's fields. Each on phrasings of our
//! own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn a_leading_role_column_names_the_owner() {
    let ex = run(
        "专项推进会\n\n| 工作 | 主责 | 配合 | 节点 |\n|---|---|---|---|\n| 客户名单清洗 | 严冬 | 柳青 | 下周三 |\n| 周报 | 柳青 | | 持续 |\n| 操作手册修订 | 孟河 | | 已完成 |\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("名单清洗"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬", "柳青"]]);
    assert!(dues(&ex)[0].is_some());
}

#[test]
fn field_sub_bullets_are_the_work_fields() {
    let members = ["严冬", "柳青", "孟河"];
    for t in [
        "二、下一步\n- 年度考核材料汇总\n  - 负责人：严冬\n  - 时间：12月20日前\n- 客户回访话术更新\n  - 负责人：柳青牵头，孟河配合\n  - 完成时间：下周五\n",
        "下一步：\n* 年度考核材料汇总\n    * 责任人：严冬\n    * 时限：12月20日前\n* 客户回访话术更新\n    * 责任人：柳青牵头，孟河配合\n    * 时限：下周五\n",
    ] {
        let ex = run(t, &members);
        let tx = texts(&ex);
        assert_eq!(tx.len(), 2, "{t}: {tx:?}");
        assert!(tx[0].contains("考核材料"), "{tx:?}");
        assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青", "孟河"]], "{t}");
        assert!(dues(&ex).iter().all(Option::is_some), "{t}");
    }
}

#[test]
fn a_weekly_day_in_the_date_column_is_a_standing_duty() {
    let ex = run(
        "专项对表\n\n| 事项 | 负责人 | 时间 |\n|---|---|---|\n| 进度周报 | 严冬 | 每周四 |\n| 巡检记录汇总 | 柳青 | 每个交易日 |\n| 客户档案补录 | 孟河 | 下周三 |\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("档案补录"), "{t:?}");
}

#[test]
fn a_heading_counted_from_a_holiday_opens_an_action_section() {
    let ex = run(
        "节前安排会\n2026年9月28日\n参会：严冬、柳青、孟河\n\n一、节后第一个工作日完成\n1. 假期异常交易复核汇总（严冬）\n2. 柜面系统开市前自检（柳青）\n\n二、节后第一周\n1. 客户满意度回访名单整理（孟河）\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青"], vec!["孟河"]]);
}

#[test]
fn a_month_part_heading_ends_the_previous_heading_deadline() {
    let ex = run(
        "二期启动会\n2026年11月25日\n参会：严冬、柳青\n\n一、本月27日前完成\n- 设备清单确认 —— 严冬\n\n二、12月下旬\n- 机房搬迁申请（柳青）\n",
        &["严冬", "柳青"],
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 2, "{:?}", texts(&ex));
    assert!(d[0].is_some());
    assert!(d[1].is_none(), "{d:?}");
}

#[test]
fn an_at_mention_of_a_paired_english_name_is_that_member() {
    let ex = run(
        "Weekly sync\nAttendees: 严冬 (Vivian), 柳青 (Marco), 孟河\n\nNext steps\n- @Vivian 汇总 client list by Fri\n- @Marco & @孟河 update the 风控 checklist, by 2月6日\n",
        &["严冬", "柳青", "孟河"],
    );
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬"], vec!["柳青", "孟河"]],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn the_older_mails_quoted_under_a_reply_ask_nothing() {
    let members = ["严冬", "柳青", "孟河"];
    for quote in [
        "-----原始邮件-----\n发件人：严冬　时间：2026年3月2日 09:30\n柳青，请尽快提交机房巡检申请。\n",
        "> 原邮件：严冬 2026年3月2日 09:30\n> 柳青，请尽快提交机房巡检申请。\n",
    ] {
        let t = format!(
            "主题：回复：机房巡检安排\n发件人：严冬　时间：2026年3月4日 16:20\n\n各位：\n- 柳青：编制巡检步骤表，下周三前发我；\n- 孟河：完成交换机配置备份，3月11日前。\n谢谢。\n\n{quote}"
        );
        let ex = run(&t, &members);
        let tx = texts(&ex);
        assert_eq!(tx.len(), 2, "{tx:?}");
        assert!(tx.iter().all(|x| !x.contains("巡检申请")), "{tx:?}");
    }
}

#[test]
fn a_deadline_shared_by_the_line_above_is_each_piece_deadline() {
    let ex = run(
        "核查碰头（3月12日）\n严冬：收回全员承诺书；柳青：比对工商登记数据中的任职信息；孟河：汇总疑似名单。\n以上均于下周一前完成。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["柳青"], vec!["孟河"]]);
    assert!(dues(&ex).iter().all(Option::is_some), "{:?}", dues(&ex));
}

#[test]
fn the_length_of_a_term_is_no_deadline() {
    for t in [
        "会议纪要\n1. 严冬负责评审结果公示，明天发布，公示期三天。\n",
        "会议纪要\n1. 严冬负责新规试运行方案，明天发布，观察期两周。\n",
    ] {
        let ex = run(t, &["严冬"]);
        let d = dues(&ex);
        assert_eq!(d.len(), 1, "{t}: {:?}", texts(&ex));
        let one_day = super::testkit::due_by_end_of("2026-03-11");
        assert_eq!(d[0], one_day, "{t}");
    }
}
