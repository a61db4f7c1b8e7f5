//! Rules of round 69 (heldout96–99 as tuning data, session 55), by family, each on phrasings of
//! our own, never a line copied from a file.
//!
//! - tables: a `需跟进事项` or `条件/跟进` column is the next step (a huddle's `姓名` then names
//!   its owner); a `同上` row shares the row above; `（日常）` marks a routine; `活动形式` is a kind
//!   of event, not the work beside a `待办` column; a pipeline's next step that closes, reports it
//!   signed or waits on the client or the next meeting is no step (`table.rs`, `table/`,
//!   `extract/stage_table.rs`);
//! - a one-to-one talk: its first line is its heading, not a speaker's label, so 我 and 你 are the
//!   pair's; `我：你…` gives the other the work, with whoever is named beside 你
//!   (`extract/mod.rs`, `scan/ctx.rs`, `scan/each_by.rs`); `我跟某某一起…`, `你…找某某一起…` put
//!   the speaker or the one addressed first (`assign/mod.rs`);
//! - an OCR scan: spaced characters closed up, `l` read as `1`, broken lines joined, the banner
//!   dropped (`extract/ocr.rs`);
//! - a unit's contact in brackets (`运营管理部（联系人：某某）于…前报送`) does its dated work; a
//!   recipient's contact does not (`scan/mod.rs`, `evidence/sig_record.rs`);
//! - English: holidays by name (`after the Qingming holiday`, `before Dragon Boat`), `Other` as a
//!   heading, `Name to publish`, `Name will ask` as an owner's own form, `Present: Grace (某某,
//!   chair)` pairs the names (`command/when/english.rs`, `layout/`, `assign/`, `extract/alias.rs`);
//! - lines: figures in a clause of their own before `；` report yesterday, `剩余约200户` is what is
//!   left to do; `X前一起…` keeps its limit; beside a period (`冻结期…至…`) someone's own `…前` is
//!   a deadline; `A由某甲、B由某乙分别…` gives both; `PT-07 … / 中 / 整改人：某某 / 复测：…` reads
//!   as a record; a quoted notice to `各营业部` asks no one here; a rejected change whose
//!   conclusion asks someone by name to resubmit is work; a meeting moved or made online, `下次1:1`,
//!   `没有新的要求` are none (`evidence/`, `scan/`, `blocks/split.rs`).

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &["许文杰", "高晓岚", "马一鸣", "邓若云", "叶青"];

#[test]
fn a_follow_up_column_names_the_work_and_a_ditto_row_shares_it() {
    let ex = run(
        "城东营业部晨会\n\
         | 姓名 | 昨日拜访 | 需跟进事项 |\n\
         |---|---|---|\n\
         | 许文杰 | 3 | 周四前把路演名单发群里 |\n\
         | 叶青 | 1 | 同上 |\n\
         | 马一鸣 | 0 | 客户回访清单每天下班前更新（日常） |\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("路演名单"));
    assert_eq!(owners(&ex), [vec!["许文杰", "叶青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-12")]);
}

#[test]
fn a_pipeline_step_that_closes_or_waits_is_none_and_a_todo_column_beats_the_event_kind() {
    let ex = run(
        "| 客户 | 阶段 | 下一步 | 负责人 | 时间 |\n\
         |---|---|---|---|---|\n\
         | 甲公司 | 方案 | 出一版报价单 | 许文杰 | 3月13日 |\n\
         | 乙公司 | 签约 | 已签约，首笔款已到账 | 叶青 | — |\n\
         | 丙公司 | 意向 | 等客户内部评估，暂无动作 | 马一鸣 | — |\n\
         | 丁公司 | 流失 | 客户转投他家，关闭 | 邓若云 | — |\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert_eq!(owners(&ex), [vec!["许文杰"]]);
    let ex = run(
        "| 营业部 | 活动形式 | 负责人 | 待办 | 时限 |\n\
         |---|---|---|---|---|\n\
         | 城东 | 客户沙龙 | 许文杰 | 场地合同签订 | 3月12日 |\n",
        TEAM,
    );
    let t = texts(&ex);
    assert!(t.len() == 1 && t[0].contains("场地合同"), "{t:?}");
}

#[test]
fn in_a_one_to_one_talk_you_is_the_other_of_the_pair() {
    let ex = run(
        "高晓岚 × 马一鸣 1:1（第2次）\n\
         时间：3月10日 16:00　记录：马一鸣\n\
         \n\
         - 我：你下周一前找叶青一起把交接清单补齐。\n\
         - 我：那几户老客户，你和邓若云3月20日前一起上门拜访一次。\n\
         - 我：这个月你按现在的节奏来就行，没有新的要求。\n\
         - 下次1:1还是月底。\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), [vec!["马一鸣", "叶青"], vec!["马一鸣", "邓若云"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-16"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn an_ocr_scan_is_read_as_typed() {
    let ex = run(
        "[OCR 识别结果]\n\
         客 户 服 务 部 周 例 会 纪 要\n\
         参会：许文杰  叶青\n\
         第 l 项  回 访 记 录 缺 失 —— 由许文杰补录回访记录，\n\
         \u{20}        3月13日（周五）前完\n\
         \u{20}        成。\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("补录回访记录") && !t[0].contains("回 访"));
    assert_eq!(owners(&ex), [vec!["许文杰"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}

#[test]
fn a_units_bracketed_contact_does_its_work_and_a_recipients_does_not() {
    let ex = run(
        "报送安排：\n\
         - 运营管理部（联系人：叶青）于3月20日（周五）前报送柜台流程修订稿\n\
         - 各营业部于3月20日前报送自查表至合规部（联系人：许文杰）\n",
        TEAM,
    );
    let o = owners(&ex);
    assert_eq!(o.first(), Some(&vec!["叶青".to_owned()]), "{o:?}");
    assert!(!o.iter().flatten().any(|n| n == "许文杰"), "{o:?}");
}

#[test]
fn english_holidays_and_an_other_heading_are_read() {
    let ex = run(
        "Weekly call\n\
         Present: Grace (叶青, chair), Mark (马一鸣)\n\
         \n\
         Other\n\
         - Mark to publish the flash note by the first working day after the Qingming holiday.\n\
         - Grace will ask sales for the feedback list before Dragon Boat.\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["马一鸣"], vec!["叶青"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-04-07"), due_by_end_of("2026-06-18")]
    );
}

#[test]
fn lines_with_figures_periods_and_parts_given_apart() {
    let ex = run(
        "晨会\n\
         许文杰：昨日开户3户，资产120万；本周四前把沙龙报备补上。\n\
         叶青：短信发送中，剩余约200户，3月12日前发完。\n\
         邓若云和马一鸣端午节前一起上门拜访一次。\n\
         其他：五一变更冻结期 4月30日至5月6日，冻结通知由高晓岚4月28日前发出。\n\
         华东由许文杰、华南由叶青分别督促片区营业部按时报送，3月19日前把汇总表交马一鸣。\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 5, "{:?}", texts(&ex));
    assert_eq!(
        owners(&ex),
        [
            vec!["许文杰"],
            vec!["叶青"],
            vec!["邓若云", "马一鸣"],
            vec!["高晓岚"],
            vec!["许文杰", "叶青"]
        ]
    );
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-12"),
            due_by_end_of("2026-03-12"),
            due_by_end_of("2026-06-18"),
            due_by_end_of("2026-04-28"),
            due_by_end_of("2026-03-19")
        ]
    );
}

#[test]
fn records_notices_rejections_and_meeting_changes() {
    let ex = run(
        "安全整改会\n\
         PT-07 官网越权访问 / 中 / 整改人：叶青 / 复测：3月16日\n\
         \n\
         > 关于开展自查的通知\n\
         > 各营业部于3月20日前报送自查表。\n\
         \n\
         ① CHG-01 网关升级\n\
         结论：驳回。回滚需要4小时。请许文杰修改回滚方案，3月17日前重新提交。\n\
         \n\
         - 下周一晨会改为线上。\n",
        TEAM,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[0], "PT-07 官网越权访问");
    assert_eq!(owners(&ex), [vec!["叶青"], vec!["许文杰"]]);
    assert_eq!(dues(&ex)[1], due_by_end_of("2026-03-17"));
}

#[test]
fn the_speaker_with_someone_named_beside_them_shares_the_work() {
    let ex = run(
        "许文杰（10:02）：我跟叶青一起核对名单，周五前给你。\n\
         高晓岚（10:04）：好。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [vec!["许文杰", "叶青"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13")]);
}
