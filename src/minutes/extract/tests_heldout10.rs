//! Tests of the rules added once the tenth held-out set became tuning data (issue 16, eleventh
//! round): a measured span of minutes or hours (`平均响应8分钟`) is no deadline. Each on phrasings
//! of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, run, texts};

#[test]
fn a_measured_span_of_minutes_or_hours_is_no_deadline() {
    let ex = run(
        "三、供应商服务情况\n1. 甲公司（数据库）：全年工单90张，平均响应12分钟，人员更换1次，文档不完整。\n2. 乙公司（网络）：故障恢复平均用时1小时20分钟，服务稳定。\n3. 灾备演练已完成，RTO为35分钟。",
        &["孟冬"],
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
    // A span with its own 内 is a time limit still.
    let ex = run("二、工作安排\n1. 孟冬负责主机重启，2小时内完成。", &["孟冬"]);
    assert_eq!(dues(&ex), [Some("2026-03-10T19:00:00+08:00".to_owned())]);
}
