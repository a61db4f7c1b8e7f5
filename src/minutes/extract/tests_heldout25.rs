//! Rules found on heldout25 (tuning data since the twenty-seventh set): a numbered heading that is
//! only a person's name (`一、柳青`) heads that person's tasks listed under it, and a helper named
//! on such a line (`（孟河配合）`) comes second to the person of the heading.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn a_numbered_name_heading_owns_the_list_under_it() {
    let ex = run(
        "食堂改造推进会\n3月10日（周二）　主持：严冬\n\n一、柳青\n- 与厨具供应商确认安装日期，3月20日前\n- 整理新菜单试吃名单，本周内报行政部\n\n二、孟河\n1. 排风系统检测，截至3月25日\n2. 已完成：旧设备清点\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("安装日期"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["柳青"], vec!["柳青"], vec!["孟河"]]);
}

#[test]
fn a_helper_under_a_name_heading_comes_second() {
    let ex = run(
        "食堂改造推进会\n3月10日（周二）　主持：严冬\n\n一、柳青\n1. 与采购部对接餐具更换清单（孟河配合）\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), [vec!["柳青", "孟河"]]);
}
