//! Rules of round 68 (heldout92–95 as tuning data, session 54), by family, each on phrasings of
//! our own, never a line copied from a file.
//!
//! - minutes in 繁體 (a Hong Kong subsidiary's, Cantonese words and all) are read as 简体 and
//!   their items given back as written, owners as the group lists them (`extract/script.rs`);
//!   `12月16日（星期三）前` notes the weekday as `（周三）` does (`scan/mod.rs`);
//! - English dates: `by 3/13 (Fri)`, `end of October`, `tomorrow noon`, `today before leaving`,
//!   `first working day after 国庆`, `due before 端午` (`command/when/english.rs`,
//!   `scan/spaced.rs`); an English name in an owner's place (`Callback list: Karen,`, `Wendy
//!   herself`) is its member (`extract/at_alias.rs`); what is left of an English sentence once
//!   its owner and date go loses its stops and its `to` (`item.rs`);
//! - a PDF's copy: page marks and repeated titles go, lines broken mid-sentence join
//!   (`extract/pdf_reflow.rs`); a longer title sentence before `由某某牵头，…` names the work
//!   (`extract/sentence.rs`);
//! - a voice note's fillers (`嗯`, `那个`, `就是说`) and counted points (`第二个`) read as a
//!   typed note's (`extract/run_on.rs`); a recording's heading is no item (`layout/title.rs`);
//! - tables: a docket's `需求单号` is a number, `选题` a task, `撰稿`/`答复起草` who does it; a
//!   decision `待定` or `不采用`, `不再制作`, `转行政部` leave no work; the requester's column gives
//!   way to the thing asked for; a committee's opinion or a `处置要求` is the work, naming its own
//!   people when no column does (`table.rs`, `table/`);
//! - `本周新事项` heads new work; `不在本次布置范围` is none (`layout/`, `evidence/`).

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn traditional_minutes_are_read_and_given_back_as_written() {
    let ex = run(
        "資管部周會紀要\n\
         出席：陳浩文、林嘉慧、黃子聰\n\
         本周新事項\n\
         - 基金年報校對：浩文負責，下星期三前完成。\n\
         - 客戶風險問卷更新，子聰同嘉慧一齊做，3月20日（星期五）前。\n\
         - 每日對數照舊（常規，唔另列）。\n",
        &["陳浩文", "林嘉慧", "黃子聰"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].contains("基金年報校對") && t[1].contains("客戶風險問卷更新"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), [vec!["陳浩文"], vec!["黃子聰", "林嘉慧"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-18"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn english_dates_and_owners_read_as_written() {
    let ex = run(
        "Weekly service call\n\
         Present: Grace (袁静), Henry (邵明), Ivy (蔡琳)\n\
         Actions\n\
         - Henry to update the rate card, by 3/13 (Fri).\n\
         - Holiday reply template — Grace, today before leaving.\n\
         - Review the complaint log — Ivy herself, by end of April.\n\
         - Callback list: Grace, first working day after 清明.\n\
         - Survey translation — Henry, due before 端午.\n",
        &["袁静", "邵明", "蔡琳"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 5, "{t:?}");
    assert_eq!(t[0], "update the rate card");
    assert!(!t[1].ends_with(['.', ',']) && !t[1].contains("today"), "{t:?}");
    assert_eq!(
        owners(&ex),
        [
            vec!["邵明"],
            vec!["袁静"],
            vec!["蔡琳"],
            vec!["袁静"],
            vec!["邵明"]
        ]
    );
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-13"),
            due_by_end_of("2026-03-10"),
            due_by_end_of("2026-04-30"),
            due_by_end_of("2026-04-07"),
            due_by_end_of("2026-06-18")
        ]
    );
}

#[test]
fn a_pdf_copy_is_read_as_the_paragraphs_typed() {
    let ex = run(
        "运营部季度工作会议纪要\n\
         \u{3000}\u{3000}3月10日，运营部召开季度工作会议。纪要如下：\n\
         \u{3000}\u{3000}（一）柜台业务操作规程修订。由钟亮牵头，邱敏配合，结合上季度检\n\
         查发现提出修订稿，3月20日（周五）\n\
         前提交部门审议。\n\
         \x20                                      - 1 -\n\
         运营部季度工作会议纪要\n\
         \u{3000}\u{3000}（二）印章管理台账清理。邱敏负责，对停用印章逐一核对，月底前完成\n\
         销毁登记。\n\
         \u{3000}\u{3000}（三）关于网点撤并事宜，由总经理另行安排，不在本次布置范围。\n",
        &["钟亮", "邱敏"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(
        t[0].starts_with("柜台业务操作规程修订") && t[0].contains("检查发现"),
        "{t:?}"
    );
    assert!(
        t[1].starts_with("印章管理台账清理") && t[1].contains("销毁登记"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), [vec!["钟亮", "邱敏"], vec!["邱敏"]]);
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-20"), due_by_end_of("2026-03-31")]
    );
}

#[test]
fn a_voice_note_reads_without_its_fillers() {
    let ex = run(
        "语音备忘 3月10日 周二例会 自动转写\n\
         嗯 今天就说两个事 第一个是 那个 大堂的宣传架 要换了 许亮你这周五之前 把新的样子定一下\n\
         然后 周敏 嗯 那个客户投诉 就是说你再打个电话回访一下 尽快吧\n",
        &["许亮", "周敏"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("宣传架") && t[1].contains("回访"), "{t:?}");
    assert!(
        !t.iter().any(|x| x.contains('嗯') || x.contains("就是说")),
        "{t:?}"
    );
    assert_eq!(owners(&ex), [vec!["许亮"], vec!["周敏"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-13"), None]);
}

#[test]
fn tables_of_dockets_topics_and_committee_opinions_give_their_work() {
    let ex = run(
        "物料需求会\n\
         | 需求单号 | 营业部 | 需求内容 | 审批 | 承办 | 交付时间 |\n\
         |---|---|---|---|---|---|\n\
         | XQ-11 | 城东 | 理财讲座易拉宝 | 同意 | 唐琪 | 3月16日 |\n\
         | XQ-12 | 城西 | 纪念伞300把 | 不同意（超标准） | — | — |\n\
         \n\
         | 编号 | 选题 | 结论 | 撰稿/制作 | 发布时间 |\n\
         |---|---|---|---|---|\n\
         | A1 | 养老理财三问 | 采用 | 米雪 | 3月20日 |\n\
         | A2 | 春季行情展望 | 待定（等研究所观点） | 唐琪 | — |\n\
         | A3 | 理财小白入门 | 不采用 | — | — |\n\
         \n\
         | 指标 | 执行情况 | 处置要求 |\n\
         |---|---|---|\n\
         | 单一客户集中度 | 超限 | 米雪牵头、唐琪配合压降至限额内，3月17日前报风控 |\n\
         | 净资本覆盖率 | 正常 | 无 |\n",
        &["唐琪", "米雪"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t[0].contains("理财讲座易拉宝") && t[1].contains("养老理财三问"),
        "{t:?}"
    );
    assert!(t[2].contains("压降至限额内"), "{t:?}");
    assert_eq!(owners(&ex), [vec!["唐琪"], vec!["米雪"], vec!["米雪", "唐琪"]]);
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-16"),
            due_by_end_of("2026-03-20"),
            due_by_end_of("2026-03-17")
        ]
    );
}

#[test]
fn a_requesters_column_gives_way_to_the_thing_asked_for() {
    let ex = run(
        "| 序号 | 营业部 | 物料 | 处理意见 | 负责人 | 时间 |\n\
         |---|---|---|---|---|---|\n\
         | 1 | 城东 | 开户礼品袋 | 安排采购 | 唐琪 | 3月20日前 |\n\
         | 2 | 城西 | 门头灯箱 | 不属物料预算，转行政部 | — | — |\n\
         | 3 | 城南 | 春节海报 | 活动已结束，不再制作 | — | — |\n",
        &["唐琪", "米雪"],
    );
    assert_eq!(texts(&ex), ["开户礼品袋：安排采购"]);
    assert_eq!(owners(&ex), [vec!["唐琪"]]);
}

#[test]
fn who_drafts_the_answer_owns_the_question() {
    let ex = run(
        "| 序号 | 问询问题 | 答复起草 | 协助/复核 | 时限 |\n\
         |---|---|---|---|---|\n\
         | 1 | 营业收入下降的原因 | 唐琪 | 米雪 | 3月18日 |\n\
         | 2 | 商誉减值测试过程 | 米雪 | 会计师 | 3月19日 |\n",
        &["唐琪", "米雪"],
    );
    let t = texts(&ex);
    assert!(
        t[0].contains("营业收入下降") && t[1].contains("商誉减值"),
        "{t:?}"
    );
    assert_eq!(owners(&ex), [vec!["唐琪", "米雪"], vec!["米雪"]]);
}

#[test]
fn a_surname_like_character_before_a_verb_is_no_owner() {
    let ex = run(
        "执行会\n\
         1. 外请嘉宾的行程确认，我来联系，本周内给大家准信。（唐琪）\n",
        &["唐琪", "米雪"],
    );
    assert_eq!(owners(&ex), [vec!["唐琪"]]);
}
