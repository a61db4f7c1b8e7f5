//! Rules found on heldout24 (tuning data since later sets were written): a table row whose due
//! cell says only `持续` is ongoing work with no single date, not a task (unless its status says
//! it is still to do), and so is an item whose bracketed time field says `时间：持续`;
//! `谁来…？——某某负责，…` is one item, the question naming the work and the answer giving it;
//! the `来` of `未来`/`以来` is no owner verb (`由某某补录未来…`); a title line naming who attended
//! (`…会（1月8日）参会：…`) opens no field block; `（某某主讲，某某配合，…）` — who gives the talk
//! leads, but not `…的主讲嘉宾`; a line ending on a short `还没…` clause, nobody asked or promising,
//! is status.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{owners, run, texts};

#[test]
fn a_row_due_only_as_ongoing_is_no_task() {
    let ex = run(
        "| 序号 | 事项 | 责任人 | 完成时间 |\n|---|---|---|---|\n| 1 | 更新营业部通讯录 | 严冬 | 4月10日 |\n| 2 | 柜台服务质量周报 | 柳青 | 持续 |\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("通讯录"), "{t:?}");
}

#[test]
fn an_ongoing_row_still_to_do_stays_a_task() {
    let ex = run(
        "事项|负责人|完成时间|状态\n---|---|---|---\n每周汇总投诉工单并在群里通报|柳青|持续|待办\n",
        &["柳青"],
    );
    assert_eq!(texts(&ex).len(), 1, "{:?}", texts(&ex));
}

#[test]
fn a_who_question_answered_on_its_line_is_one_item() {
    let ex = run(
        "分工：\n- 年会宣传片谁来剪？——柳青负责，严冬配合，下周五前出样片。\n- 活动预算表谁来报财务？——孟河负责，周三下班前。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(
        ex.items[0].owners.first().map(|o| o.name()),
        Some("柳青"),
        "{t:?}"
    );
    assert!(t[1].contains("活动预算表"), "{t:?}");
    assert_eq!(
        ex.items[1].owners.first().map(|o| o.name()),
        Some("孟河"),
        "{t:?}"
    );
    assert!(ex.items.iter().all(|i| i.deadline.is_some()), "{t:?}");
}

#[test]
fn an_item_whose_time_field_says_ongoing_is_no_task() {
    let ex = run(
        "二、整改安排\n1. 补齐三家营业部的风险测评问卷（负责：严冬；时间：3月20日前）\n2. 客户回访质量抽查（负责：柳青；时间：持续）\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("风险测评问卷"), "{t:?}");
}

#[test]
fn the_lai_of_a_word_after_the_work_verb_is_no_owner_verb() {
    let ex = run(
        "三、待办\n待办：由严冬补录未来两周的值班记录，12月15日前完成。\n待办：由柳青复核以来的差错记录，12月18日前完成。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("补录未来两周的值班记录"), "{t:?}");
    assert_eq!(
        ex.items[0].owners.first().map(|o| o.name()),
        Some("严冬"),
        "{t:?}"
    );
    assert_eq!(
        ex.items[1].owners.first().map(|o| o.name()),
        Some("柳青"),
        "{t:?}"
    );
}

#[test]
fn a_title_line_naming_who_attended_opens_no_block() {
    let ex = run(
        "营业部装修协调会（3月2日）参会：严冬、柳青\n结论：装修期间柜台改到二楼办公。\n柳青负责跟物业确认施工时间。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("施工时间"), "{t:?}");
}

#[test]
fn the_one_giving_the_talk_leads_and_the_helper_follows() {
    let ex = run(
        "本月选题：\n1. 视频号直播“养老金第三支柱”（严冬主讲，柳青配合，下周二）\n",
        &["严冬", "柳青"],
    );
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬".to_owned(), "柳青".to_owned()]],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn the_speaker_named_as_a_noun_is_no_owner() {
    let ex = run(
        "□ 严冬、柳青：确定客户沙龙的主讲嘉宾，5月8日前\n",
        &["严冬", "柳青"],
    );
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬".to_owned(), "柳青".to_owned()]],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn a_speakers_not_yet_status_is_no_task() {
    let ex = run(
        "网点合作沟通会（录音整理）\n参会：严冬、柳青、孟河\n\n孟河：驻点人员下个月要增加到三个网点，值班表还没排。\n严冬：孟河，驻点值班表下周三前给我。\n孟河：没问题。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(
        t[0].contains("值班表下周三前给我") || t[0].contains("驻点值班表"),
        "{t:?}"
    );
}
