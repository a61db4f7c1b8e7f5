//! Rules of round 67 (heldout88–91 as tuning data, session 53), by family, each on phrasings of
//! our own, never a line copied from a file.
//!
//! - notes of a one-to-one talk (`1:1｜某甲 × 某乙`): 我 is the first named, 你 the second, in
//!   labels (`你：…`), headings over a list (`我要做的`) and sentences (`extract/one_on_one.rs`);
//!   `你说…` retells the other's words, and `我这边没问题` agrees to something, taking no work
//!   (`evidence/words.rs`, `assign/reach.rs`);
//! - a stand-up one person to a line, or as a table, gives its dated plans and its requests for
//!   help (`extract/standup_line.rs`); a decisions table's to-do column and a RACI matrix give
//!   their to-dos (`extract/matrix_table.rs`);
//! - to-dos led by an emoji (`📌 …`) are a list, and the one an arrow points at (`👉 某乙…`) does
//!   the work, not the one the line is about (`extract/surface.rs`, `assign/arrow.rs`);
//! - `我司某甲、某乙在…`: the firm before its people in talks with another party
//!   (`assign/clauses.rs`);
//! - a table's `经办` column names who handles the row, `复核` who checks it with them; a register
//!   of differences says its work by the cause, and a row `无需处理` leaves none (`table.rs`,
//!   `table/state.rs`);
//! - `（现行做法，不变）`, `（…，不另安排）`: a duty as it stands; `暂不定时间` leaves the date open,
//!   not the work; `下次例会的议题征集` prepares the next meeting, announcing nothing
//!   (`evidence/`);
//! - a version number (`5.12.0`) is read by the second reading as a name, not as a figure
//!   (`lexical/mod.rs`).

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &["许文杰", "高晓岚", "马一鸣", "邓若云", "叶青"];

#[test]
fn a_one_to_one_talk_gives_me_and_you_their_names() {
    let ex = run(
        "1:1 记录｜高晓岚 × 马一鸣｜3月10日\n\
         聊了什么\n\
         - 你说新系统的报表口径还不熟。\n\
         - 你想报名内部讲师，我这边没问题，你自己安排。\n\
         接下来\n\
         - 你：把三类常见退单原因整理成一页，周五前发我。\n\
         - 我：约运营部一起看退单自动化的可行性，下周三前约上。\n\
         你要做的\n\
         1. 重写两封发给清算组的邮件，3月16日前发我看。\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("退单原因") && t[1].contains("退单自动化") && t[2].contains("两封"));
    assert_eq!(owners(&ex), [vec!["马一鸣"], vec!["高晓岚"], vec!["马一鸣"]]);
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-13"),
            due_by_end_of("2026-03-18"),
            due_by_end_of("2026-03-16")
        ]
    );
}

#[test]
fn an_emoji_led_to_do_belongs_to_the_one_the_arrow_points_at() {
    let ex = run(
        "📋 班组会\n\
         📌 待办\n\
         📌 早高峰加开两个坐席 👉 叶青调整排班，周四前出新表\n\
         📌 马一鸣试岗结束 👉 邓若云给出试岗评价，3月20日前\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("加开两个坐席") && !t[0].ends_with('→'));
    assert_eq!(owners(&ex), [vec!["叶青"], vec!["邓若云"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-12"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn the_firm_before_its_people_leaves_them_the_owners() {
    let ex = run(
        "双方商定：\n\
         1. 我司许文杰、叶青在收到名单后三个工作日内完成首轮电话回访。\n\
         2. 我方邓若云负责场地和物料，3月18日前备好。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["许文杰", "叶青"], vec!["邓若云"]]);
}

#[test]
fn a_handling_column_and_its_checker_own_the_row() {
    let ex = run(
        "| 问题 | 处理措施 | 经办 | 复核 | 时限 | 状态 |\n\
         |---|---|---|---|---|---|\n\
         | 回执晚于时限2件 | 逐件补写情况说明 | 许文杰 | 高晓岚 | 3月13日 | 待办 |\n\
         | 扫描件缺页 | 已补齐 | 叶青 | — | — | 已关闭 |\n\
         \n\
         | 编号 | 银行 | 差异金额 | 原因 | 处理人 | 处理时限 | 状态 |\n\
         |---|---|---|---|---|---|---|\n\
         | C-1 | 甲银行 | 300.00 | 退款流水未回传 | 马一鸣 | 3月12日 | 处理中 |\n\
         | C-2 | 乙银行 | 5.00 | 手续费 | 叶青 | — | 无需处理（正常扣费） |\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("补写情况说明") && t[1].contains("退款流水未回传"));
    assert_eq!(owners(&ex), [vec!["许文杰", "高晓岚"], vec!["马一鸣"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-12")]
    );
}

#[test]
fn a_standing_duty_is_none_and_an_open_date_keeps_the_work() {
    let ex = run(
        "二、本次议题\n\
         1. 对账差异清单每月由叶青更新（现行做法，不变）。\n\
         2. 旧系统只读期间的查询由许文杰受理（按切换方案执行，不另安排）。\n\
         3. 法院来人的接待流程，马一鸣整理一版，暂不定时间。\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("接待流程"));
    assert_eq!(owners(&ex), [vec!["马一鸣"]]);
    assert_eq!(dues(&ex), [None]);
}
