//! Rules found on heldout52 (tuning data since the forty-ninth round). Each on phrasings of our
//! own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_due_heading_with_a_gloss_and_a_no_limit_heading_head_action_sections() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "档案整改会\n2026年9月15日（周二）\n\n一、情况\n档案室已完成上架。\n\n二、节前完成（中秋前）\n1. 借阅登记表修订后报办公室备案（韦海）。\n\n三、不设时限\n1. 梳理历年档案缺口，形成补档清单（柳青）。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("借阅登记表") && t[1].contains("补档清单"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["韦海"], vec!["柳青"]]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-09-24"), None]);
}
