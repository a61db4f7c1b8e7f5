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
