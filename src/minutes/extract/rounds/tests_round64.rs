//! Rules of round 64 (heldout76–79 as tuning data, session 50), by family, each on phrasings of
//! our own, never a line copied from a file.
//!
//! - a transcript turn saying in English that the speaker takes the work on (`I'll send it by
//!   Friday`) is theirs, and `某甲 and Kevin, …, please.` asks them (`dialogue/acts.rs`,
//!   `scan/english.rs`);
//! - a tracker row moved in its state cell (`延至3月27日`) is due on the new day; a row closed on
//!   a day (`3月9日办结`) or withdrawn (`撤销`, `Dropped`) is no item (`table/state.rs`);
//! - a tracker entry written `事项——某某。` then its state and date in the next sentence is one
//!   entry (`extract/sentence.rs`);
//! - a question handing the floor on (`某某你那边什么情况？`, `你先说`) gives no work
//!   (`evidence/sig_talk.rs`);
//! - `3/20（周五）` is the date, not the weekday; full-width digits are digits; a time inside
//!   quotation marks is quoted content; `月底起草` is a deadline, `一个月报` a monthly report
//!   (`scan/`);
//! - `小某` before the time of the work, and a given name standing alone before work in a note
//!   typed with spaces, are that member (`extract/spoken_alias.rs`);
//! - `* `, `• ` and `· ` bullets read as `- ` (`extract/surface.rs`);
//! - `CRM 3.2` after a product name is a version, not March 2nd (`scan/deadline.rs`).

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &["许文杰", "高晓岚", "马一鸣"];

#[test]
fn english_self_commitments_in_a_transcript_are_the_speakers() {
    let ex = run(
        "[00:00:10] 许文杰：OK, let's go through the list.\n\
         [00:01:02] 高晓岚：On the pricing memo, I'll send it to the desk by Friday.\n\
         [00:01:30] 许文杰：Good.\n\
         [00:02:05] 马一鸣：For the client list cleanup, I can do it by 3/20.\n\
         [00:02:40] 许文杰：Fine, thanks all.\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [["高晓岚"], ["马一鸣"]], "{:?}", texts(&ex));
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-20")]
    );
}

#[test]
fn a_tracker_rows_moved_date_and_closed_rows() {
    let ex = run(
        "督办事项跟踪\n\n| 编号 | 事项 | 承办 | 时限 | 情况 |\n|---|---|---|---|---|\n\
         | 1 | 网点装修验收 | 许文杰 | 3月13日 | 延至3月27日，不再延期 |\n\
         | 2 | 客户回访抽查 | 高晓岚 | 3月6日 | 3月5日办结 |\n\
         | 3 | 外包续约 | 马一鸣 | 3月20日 | 撤销（转入采购流程） |\n\
         | 4 | 演练问题整改 | 马一鸣 | 3月20日 | 12项全部关闭 |\n\
         | 5 | annual survey | 高晓岚 | 3/20 | Dropped |\n",
        TEAM,
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
    assert!(texts(&ex)[0].contains("网点装修验收"));
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-27")]);
}

#[test]
fn a_titled_tracker_entry_takes_its_next_sentence() {
    let ex = run(
        "一、上期事项\n\
         1. 营业部宣传栏更新——许文杰。原定3月6日，等总部模板，本周五前完成。\n\
         2. 年度费用预算下达——高晓岚。已下发，办结。\n\
         3. 客户分层服务细则：未完成。原定3月6日，延期至3月20日，仍由马一鸣负责。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [["许文杰"], ["马一鸣"]], "{:?}", texts(&ex));
    assert_eq!(
        dues(&ex),
        [due_by_end_of("2026-03-13"), due_by_end_of("2026-03-20")]
    );
    assert!(texts(&ex)[0].contains("宣传栏更新") && !texts(&ex)[0].contains("——。"));
}

#[test]
fn questions_handing_the_floor_on_give_no_work() {
    let ex = run(
        "[00:01] 许文杰：周五可以。高晓岚你那边什么情况？\n\
         [00:02] 高晓岚：还在等数据，周四能出来。\n\
         [00:03] 许文杰：好。马一鸣你那个呢，两融的。\n\
         [00:04] 马一鸣：下周一给你。\n\
         [00:05] 许文杰：好，3点恢复。机房那边有没有异常？\n\
         [00:06] 许文杰：高晓岚你先说情况。\n",
        TEAM,
    );
    for t in texts(&ex) {
        assert!(
            !t.contains("什么情况")
                && !t.contains("那个呢")
                && !t.contains("有没有异常")
                && !t.contains("先说"),
            "{t}"
        );
    }
}

#[test]
fn a_date_noted_with_its_weekday_and_digits_of_any_width() {
    let ex = run(
        "Action items\n\
         1. 许文杰: draft the vendor memo, by 3/20（周五）\n\
         2. 高晓岚：compliance check on the contract, 3/27 (周五)\n\
         3. 马一鸣：产品清单复核，３月３１日前完成。\n",
        TEAM,
    );
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-20"),
            due_by_end_of("2026-03-27"),
            due_by_end_of("2026-03-31")
        ]
    );
}

#[test]
fn quoted_times_month_reports_and_drafting_at_the_months_end() {
    let ex = run(
        "会议决定\n\
         1. 合同补充条款“2小时响应、24小时内到场”，许文杰本周五前报法务审核。\n\
         2. 高晓岚先出一个月报模板，下周三前给我。\n\
         3. 验收材料模板，马一鸣月底起草。\n",
        TEAM,
    );
    assert_eq!(
        dues(&ex),
        [
            due_by_end_of("2026-03-13"),
            due_by_end_of("2026-03-18"),
            due_by_end_of("2026-03-31")
        ],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn short_forms_in_notes_typed_with_spaces() {
    let ex = run(
        "本周安排\n\
         ➢ 晓岚 客户沙龙海报 周四前给我看一眼\n\
         剩余12家的巡检计划，小马下周二前排出来。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [["高晓岚"], ["马一鸣"]], "{:?}", texts(&ex));
}

#[test]
fn any_bullet_reads_as_a_dash() {
    let dash = "▶ 许文杰（驻场）\n- 防火墙特征库升级，3月20日前完成。\n- VPN证书更换，3月27日前。\n";
    for b in ["* ", "• ", "· "] {
        let other = dash.replace("- ", b);
        assert_eq!(owners(&run(&other, TEAM)), owners(&run(dash, TEAM)), "{b}");
        assert_eq!(dues(&run(&other, TEAM)), dues(&run(dash, TEAM)), "{b}");
    }
}

#[test]
fn a_version_after_a_product_name_is_no_day() {
    let ex = run(
        "会议决定\n1. CRM 3.2 上线评审材料，许文杰牵头，高晓岚、马一鸣配合，3月20日前。\n",
        TEAM,
    );
    assert_eq!(owners(&ex), [["许文杰", "高晓岚", "马一鸣"]]);
    assert_eq!(dues(&ex), [due_by_end_of("2026-03-20")]);
}
