//! Surface forms that must not change what is found (issue 16; found by the metamorphic tool,
//! `quality/metamorphic`): the same minutes written with another colon, bracket, separator or
//! empty-cell mark give the same items, owners and deadlines. Each on phrasings of our own,
//! never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

/// What is found: texts, owners and deadlines.
type Found = (Vec<String>, Vec<Vec<String>>, Vec<Option<String>>);

fn found(text: &str, members: &[&str]) -> Found {
    let ex = run(text, members);
    (texts(&ex), owners(&ex), dues(&ex))
}

/// `a` and every rewrite of it give what `a` gives, which has `n` items.
fn same(a: &str, rewrites: &[&str], members: &[&str], n: usize) {
    let want = found(a, members);
    assert_eq!(want.0.len(), n, "{want:?}");
    for b in rewrites {
        let got = found(b, members);
        // The texts may differ in the surface form itself; owners and deadlines may not.
        assert_eq!(got.0.len(), want.0.len(), "{b}\n{got:?}\nwant {want:?}");
        assert_eq!(got.1, want.1, "{b}");
        assert_eq!(got.2, want.2, "{b}");
    }
}

#[test]
fn a_label_colon_reads_the_same_in_any_width_and_spacing() {
    let members = ["严冬", "柳青"];
    same(
        "营业部周会\n会议时间：2026年3月10日\n\n待办事项：\n1. 客户回访清单整理，责任人：严冬，完成时限：3月13日\n2. 柜台排班表更新，责任人：柳青，完成时限：3月16日\n",
        &[
            "营业部周会\n会议时间: 2026年3月10日\n\n待办事项:\n1. 客户回访清单整理，责任人: 严冬，完成时限: 3月13日\n2. 柜台排班表更新，责任人: 柳青，完成时限: 3月16日\n",
            "营业部周会\n会议时间 ：2026年3月10日\n\n待办事项 ：\n1. 客户回访清单整理，责任人 ：严冬，完成时限 ：3月13日\n2. 柜台排班表更新，责任人 ：柳青，完成时限 ：3月16日\n",
            "营业部周会\n会议时间： 2026年3月10日\n\n待办事项：\n1. 客户回访清单整理，责任人： 严冬，完成时限： 3月13日\n2. 柜台排班表更新，责任人： 柳青，完成时限： 3月16日\n",
        ],
        &members,
        2,
    );
}

#[test]
fn a_status_label_with_a_spaced_colon_stays_a_record() {
    // `严格汇报 ：…`, `4月16日 主持 ：…` are record lines however the colon is written.
    let members = ["严冬", "柳青"];
    for text in [
        "周会纪要\n3月10日 主持：严冬\n1. 严格汇报：内控部计划4月中旬开展一次全面检查。\n",
        "周会纪要\n3月10日 主持 ：严冬\n1. 严格汇报 ：内控部计划4月中旬开展一次全面检查。\n",
        "周会纪要\n3月10日 主持: 严冬\n1. 严格汇报: 内控部计划4月中旬开展一次全面检查。\n",
    ] {
        let ex = run(text, &members);
        assert!(ex.items.is_empty(), "{text}\n{:?}", texts(&ex));
    }
}

#[test]
fn fields_in_parentheses_read_the_same_after_a_half_width_colon() {
    let members = ["严冬", "柳青"];
    same(
        "会议决定：\n1. 开展理财产品适当性回访抽查（牵头：严冬；配合：柳青；时间：3月25日前）。\n",
        &[
            "会议决定:\n1. 开展理财产品适当性回访抽查（牵头: 严冬；配合: 柳青；时间: 3月25日前）。\n",
            "会议决定 ：\n1. 开展理财产品适当性回访抽查（牵头 ：严冬；配合 ：柳青；时间 ：3月25日前）。\n",
            "会议决定：\n1. 开展理财产品适当性回访抽查（牵头： 严冬； 配合： 柳青； 时间： 3月25日前）。\n",
        ],
        &members,
        1,
    );
}

#[test]
fn a_bracketed_field_reads_the_same_in_any_bracket() {
    let members = ["严冬", "柳青"];
    same(
        "二、会议决定\n1. 网点宣传物料更新【责任人：严冬】【时限：3月20日】\n2. 自助终端巡检表修订【责任人：柳青】【时限：3月25日】\n",
        &[
            "二、会议决定\n1. 网点宣传物料更新[责任人：严冬][时限：3月20日]\n2. 自助终端巡检表修订[责任人：柳青][时限：3月25日]\n",
            "二、会议决定\n1. 网点宣传物料更新〔责任人：严冬〕〔时限：3月20日〕\n2. 自助终端巡检表修订〔责任人：柳青〕〔时限：3月25日〕\n",
            "二、会议决定\n1. 网点宣传物料更新［责任人：严冬］［时限：3月20日］\n2. 自助终端巡检表修订［责任人：柳青］［时限：3月25日］\n",
        ],
        &members,
        2,
    );
    // A checkbox and a link keep their brackets.
    let ex = run(
        "待办：\n- [ ] 严冬整理[合同台账](https://example.com)，3月20日前\n",
        &members,
    );
    assert_eq!(ex.items.len(), 1);
    assert!(
        ex.items[0].text.contains("[合同台账](https://example.com)"),
        "{:?}",
        ex.items
    );
}

#[test]
fn an_empty_cell_reads_the_same_in_any_dash() {
    let members = ["严冬", "柳青"];
    same(
        "| 序号 | 事项 | 主办 | 协办 | 截止 |\n|---|---|---|---|---|\n| 1 | 客户回访抽查 | 严冬 | — | 3月20日 |\n| 2 | 理财沙龙场地预订 | 柳青 | 严冬 | 3月18日 |\n",
        &[
            "| 序号 | 事项 | 主办 | 协办 | 截止 |\n|---|---|---|---|---|\n| 1 | 客户回访抽查 | 严冬 |——| 3月20日 |\n| 2 | 理财沙龙场地预订 | 柳青 | 严冬 | 3月18日 |\n",
            "| 序号 | 事项 | 主办 | 协办 | 截止 |\n|---|---|---|---|---|\n| 1 | 客户回访抽查 | 严冬 | -- | 3月20日 |\n| 2 | 理财沙龙场地预订 | 柳青 | 严冬 | 3月18日 |\n",
            "| 序号 | 事项 | 主办 | 协办 | 截止 |\n|---|---|---|---|---|\n| 1 | 客户回访抽查 | 严冬 | － | 3月20日 |\n| 2 | 理财沙龙场地预订 | 柳青 | 严冬 | 3月18日 |\n",
        ],
        &members,
        2,
    );
}

#[test]
fn a_shared_owner_line_counts_items_in_any_numbering() {
    let members = ["严冬", "柳青"];
    same(
        "三、会后工作\n1. 补充网点客流统计表；\n2. 整理理财沙龙报名名单并发给柳青。\n以上两项由柳青负责，3月20日前完成。\n",
        &[
            "三、会后工作\n① 补充网点客流统计表；\n② 整理理财沙龙报名名单并发给柳青。\n以上两项由柳青负责，3月20日前完成。\n",
            "三、会后工作\n1) 补充网点客流统计表；\n2) 整理理财沙龙报名名单并发给柳青。\n以上两项由柳青负责，3月20日前完成。\n",
            "三、会后工作\n• 补充网点客流统计表；\n• 整理理财沙龙报名名单并发给柳青。\n以上两项由柳青负责，3月20日前完成。\n",
        ],
        &members,
        2,
    );
}

#[test]
fn a_field_label_reads_the_same_under_any_synonym() {
    let members = ["严冬", "柳青", "孟河"];
    // Lines of fields under a marked item.
    same(
        "◆ 更新网点应急预案的演练情景\n负责人：严冬\n时限：3月20日\n◆ 梳理柜台差错的复核流程\n负责人：柳青、孟河\n时限：3月27日\n",
        &[
            "◆ 更新网点应急预案的演练情景\n牵头人：严冬\n截止日期：3月20日\n◆ 梳理柜台差错的复核流程\n经办人：柳青、孟河\n期限：3月27日\n",
            "◆ 更新网点应急预案的演练情景\n承办人：严冬\n完成时限：3月20日\n◆ 梳理柜台差错的复核流程\n主责人：柳青、孟河\n完成日期：3月27日\n",
        ],
        &members,
        2,
    );
    // A review block's helper.
    same(
        "1）需求名称：理财直播间弹幕过滤\n   结论：同意\n   牵头人：严冬；配合人：合规部 柳青\n   计划完成：3月27日\n",
        &[
            "1）需求名称：理财直播间弹幕过滤\n   结论：同意\n   牵头人：严冬；协助：合规部 柳青\n   计划完成：3月27日\n",
        ],
        &members,
        1,
    );
}

#[test]
fn an_ascii_double_hyphen_reads_as_the_dash() {
    let members = ["严冬", "柳青"];
    same(
        "会后事项\n1. 网点客流统计表——严冬，3月20日前\n2. 理财沙龙报名名单——柳青，3月18日前\n",
        &[
            "会后事项\n1. 网点客流统计表 -- 严冬，3月20日前\n2. 理财沙龙报名名单 -- 柳青，3月18日前\n",
            "会后事项\n1. 网点客流统计表--严冬，3月20日前\n2. 理财沙龙报名名单--柳青，3月18日前\n",
        ],
        &members,
        2,
    );
}
