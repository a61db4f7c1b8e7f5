//! Tests of the eighth round's rules for lines that note rather than ask (issue 16): a risk, what
//! the work touches, a window of time, work reported released. Phrasings of our own.

#![allow(clippy::unwrap_used)]

use super::testkit::{run, texts};

#[test]
fn a_risk_or_the_scope_noted_is_no_task() {
    for line in [
        "Risk: 如果合规审批晚于 3月25日，组合上线顺延到 4 月。",
        "- 涉及：集中交易柜台、营业部网关、短信平台",
    ] {
        let ex = run(&format!("## 待办\n{line}"), &["孟冬"]);
        assert!(ex.items.is_empty(), "{line}: {:?}", texts(&ex));
    }
    let ex = run("风险：供应商人力不足，3月20日的上线可能顺延一周。", &["孟冬"]);
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_window_of_time_is_a_period_not_a_deadline() {
    let ex = run(
        "## 割接准备\n- 割接窗口：3月14日（周六）20:00 至 3月15日（周日）06:00",
        &["孟冬"],
    );
    assert!(ex.items.is_empty(), "{:?}", texts(&ex));
}

#[test]
fn work_reported_released_or_live_is_done() {
    for line in [
        "- 孟冬: hotfix 2.8.3（行情推送延迟）released to prod",
        "- 孟冬: 新版报表 deployed to UAT",
        "- 孟冬: 移动端 8.1 went live",
    ] {
        let ex = run(&format!("Updates\n{line}"), &["孟冬"]);
        assert!(ex.items.is_empty(), "{line}: {:?}", texts(&ex));
    }
}

#[test]
fn a_numbered_units_name_alone_heads_its_tasks() {
    let ex = run(
        "二、分工\n（一）战略发展部\n1. 孟冬负责本周五前下发模板；\n（二）业务部门\n2. 经纪业务部（柏青）：3月20日前报送初稿；",
        &["孟冬", "柏青"],
    );
    assert_eq!(ex.items.len(), 2, "{:?}", texts(&ex));
}

#[test]
fn an_answer_opening_with_the_thing_done_is_no_task() {
    for line in ["柏青：交了，周一交给人力了。", "柏青：发了，昨天下午发到群里了。"]
    {
        let ex = run(&format!("孟冬：培训签到表呢？\n{line}"), &["孟冬", "柏青"]);
        assert!(ex.items.is_empty(), "{line}: {:?}", texts(&ex));
    }
    // `好了` opens what comes next.
    let ex = run("孟冬：好了，柏青周五前把签到表交给人力。", &["孟冬", "柏青"]);
    assert_eq!(ex.items.len(), 1, "{:?}", texts(&ex));
}
