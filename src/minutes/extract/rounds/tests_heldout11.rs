//! Tests of the rules added once the eleventh held-out set became tuning data (issue 16, twelfth
//! round): a table written with full-width bars and no outer ones (`事项｜负责人｜时间`) is a
//! table; a request under review titled `【需求A】…` or `① …` and described (`内容：…`, `现状：…`)
//! before its conclusion keeps its title as its work; a word of approval (`不错。`) before a request
//! is no topic of it; a record date under its own key (`交接日期：`) is the meeting date; an owner
//! field gives the date after the names; the next one's time (`下次复盘时间：…`) and routine work
//! (`常规工作，按原流程执行`) are no tasks. Each on phrasings of our own, never a line
//! copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_table_with_full_width_bars_is_a_table() {
    let ex = run(
        "网点装修协调会\n\n工作｜牵头人｜完成时间\n图纸确认｜孟冬｜已完成\n消防报审｜柏青｜3月20日\n门头招牌更换｜孟冬、柏青｜3月27日\n\n备注：开业日另定。",
        &["孟冬", "柏青"],
    );
    assert_eq!(texts(&ex), ["消防报审", "门头招牌更换"]);
    assert_eq!(owners(&ex), [vec!["柏青"], vec!["孟冬", "柏青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-27")]
    );
}

#[test]
fn a_bracketed_request_described_before_its_conclusion_keeps_its_title() {
    let ex = run(
        "理财商城需求评审\n\n【需求一】到期赎回提醒\n内容：产品到期前三天向持有客户发送站内信。\n结论：通过。\n负责人：孟冬；3月25日前提交排期。\n\n【需求二】收益曲线分享\n内容：客户可把持仓收益曲线分享到朋友圈。\n结论：不通过，涉及收益宣传合规风险。",
        &["孟冬"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].starts_with("到期赎回提醒"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_circled_request_over_its_state_then_its_conclusion_is_one_block() {
    let ex = run(
        "清算系统需求评审会\n\n① 资金划拨自动对账\n现状：每日靠人工比对两张表，耗时长。\n结论：通过。柏青负责，3月20日前给出设计方案。\n\n② 报表导出改版\n现状：业务希望增加筛选条件。\n结论：暂缓，下季度再议。",
        &["柏青"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].starts_with("资金划拨自动对账"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["柏青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
}

#[test]
fn a_word_of_approval_before_a_request_is_no_topic() {
    let ex = run(
        "复盘会 妙记\n\n孟冬 00:00:02\n上周的活动数据出来了吗？\n柏青 00:00:20\n出来了，报名人数比上次多三成。\n孟冬 00:00:45\n可以。小柏，活动照片周四前整理好，发公众号。\n柏青 00:00:52\n好的。",
        &["孟冬", "柏青"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].starts_with("活动照片"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["柏青"]]);
}

#[test]
fn an_owner_field_gives_the_date_written_after_the_names() {
    let ex = run(
        "需求评审会\n\n需求一：开户进度短信提醒\n说明：开户每一步完成后发短信。\n评审结论：通过。\n负责人：孟冬，月底前出详细设计。\n\n需求二：风险测评到期提醒\n说明：到期前30天推送。\n评审结论：通过。\n负责人：柏青（主办），孟冬（协办）；3月25日前完成开发。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [vec!["孟冬"], vec!["柏青", "孟冬"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-31"), due_by_end_of("2026-03-25")]
    );
}

#[test]
fn a_record_date_under_its_own_key_is_the_meeting_date() {
    let ex = run(
        "假期值班交接记录（3月1日—3月3日）\n\n交接日期：2026年3月4日\n\n二、待办\n1. 孟冬负责磁盘扩容，明天完成。",
        &["孟冬"],
    );
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-05")]);
}

#[test]
fn the_next_ones_time_under_a_key_is_no_task() {
    let ex = run(
        "清算差错复盘会\n\n二、后续安排\n1. 孟冬负责补齐对账脚本，3月20日前完成。\n2. 下次复盘时间：4月上旬。\n3. 下次检查定于3月底。",
        &["孟冬"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn routine_work_carried_on_as_before_is_no_task() {
    let ex = run(
        "主题：年末冲刺部署会纪要\n\n各位好，\n\n二、工作要求：\n1. 孟冬3月15日前上报冲刺方案。\n2. 冲刺期间，重点客户名单由柏青每两个交易日更新一次（常规工作，按原流程执行）。",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn the_minutes_bracketed_title_opens_no_request() {
    let ex = run(
        "【需求评审会纪要】理财商城三期\n\n评审日期：2026年3月10日\n\n需求一：到期赎回提醒\n说明：到期前三天发站内信。\n评审结论：通过。\n负责人：孟冬，3月25日前提交排期。",
        &["孟冬"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].starts_with("到期赎回提醒"), "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [["孟冬"]]);
}

#[test]
fn a_clock_setting_moved_to_a_new_time_is_no_task() {
    let ex = run(
        "晨会小结\n\n- 孟冬3月13日前交调仓说明\n\n其他\n柏青：下周一起晨会改到8:40\n例会提前到8:30",
        &["孟冬", "柏青"],
    );
    assert_eq!(owners(&ex), [["孟冬"]]);
}
