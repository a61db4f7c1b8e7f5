//! Rules found on heldout39 (tuning data since the thirty-eighth round): a role word written after
//! the names it marks (`Mike owner`, `Zoe lead, Ivan support`, `柯南 support`, any case, bare or
//! bracketed) leaves names that own the work, as `owner 某某` before them always did; `跟踪`/`跟进`
//! after a name is a verb, not `跟` joining a second name; a meeting held over several days
//! (`时间：3月2日至3月5日`, `3月2日-5日`) counts its relative words from its last day. Each on
//! phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_role_word_after_the_names_leaves_owners() {
    let members = ["柯南", "董青", "卜一凡"];
    let ex = run(
        "Ops sync｜3月10日\nAttendees: Mike（柯南）, Zoe（董青）, Ivan（卜一凡）\n\nAction items\n1. 对账脚本重构，Mike owner，周五前提交。\n2. 客户分层看板，Zoe Lead, Ivan support，下周内上线。\n3. 应急通讯录 — Ivan lead，柯南 (support)，本周内更新。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t[0].contains("对账脚本重构"), "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["柯南"], vec!["董青", "卜一凡"], vec!["卜一凡", "柯南"]],
        "{t:?}"
    );
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn following_up_after_a_name_is_no_second_name() {
    let members = ["柯南", "董青"];
    let ex = run(
        "档案整理周会（3月10日）\n\n下一步：\n1. 档案补扫分到各支行，柯南跟踪进度，周四前发通知。\n2. 董青跟进影像系统扩容，周五前。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柯南"], vec!["董青"]], "{t:?}");
}

#[test]
fn a_meeting_over_several_days_counts_from_its_last_day() {
    let members = ["柯南", "董青"];
    for head in [
        "时间：3月2日至3月5日",
        "时间：3月2日-5日",
        "日期：2026年3月2日～2026年3月5日",
    ] {
        let ex = run(
            &format!(
                "检查组现场工作纪要\n{head}　检查组：柯南（组长）、董青\n\n→ 底稿归档，董青明天下班前完成。\n→ 检查报告初稿由柯南牵头，3个工作日内报送。\n"
            ),
            &members,
        );
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{head}: {t:?}");
        assert_eq!(
            dues(&ex),
            vec![due_by_end_of("2026-03-06"), due_by_end_of("2026-03-10")],
            "{head}: {t:?}"
        );
    }
}
