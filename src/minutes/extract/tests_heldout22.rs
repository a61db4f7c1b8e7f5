//! Rules found on heldout22 (tuning data since the twenty-third set): a heading due by a holiday
//! written with its `节` or by the first working day after it (`一、端午节前完成`,
//! `二、春节后第一个工作日完成`) dates the work under it, even work whose own words name the
//! holiday (`端午粽子发放`); a date, a unit and a person alone under the title
//! (`3月10日　财富管理部　某某`) say who wrote the minutes. Each on phrasings of our own, never a line
//! copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{run, texts};

#[test]
fn holiday_headings_date_the_work_under_them() {
    let ex = run(
        "后勤保障会　3月10日（周二）\n\n一、端午节前完成\n1. 端午粽子发放，严冬负责。\n2. 柳青统计值班人员名单。\n\n二、端午节后第一个工作日完成\n1. 孟河汇总食堂满意度问卷。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    for it in &ex.items {
        assert!(it.deadline.is_some(), "{:?}", it);
    }
}

#[test]
fn a_date_unit_and_writer_line_under_the_title_is_no_task() {
    let ex = run(
        "理财产品适当性复查会\n3月10日　财富管理部　严冬\n\n【柳青】整理双录抽查清单，3月13日前完成。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("双录抽查清单"), "{t:?}");
}
