//! Rules found on heldout31 (tuning data since the thirty-first round): a roster that pairs
//! letters with names (`参会人：A=某某（…），B=某某`) makes each letter that member, as a turn's
//! speaker and as the person addressed (`B，…你们来出`, `那C你跟B对一下`); a block whose
//! conclusion says there is no new work (`结论：运行平稳，本月无新增工作安排`) proposes nothing.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn letters_in_a_roster_are_its_members() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "网点协同会（速记）\n参会人：A=严冬（营业部），B=柳青（运营部），C=孟河（合规部）\n2026年5月11日（周一）\n\nA: 先说排班。\nB: 周末人手不够。\nA: B，周末排班表你们来排，5月15日前发我。\nB: 可以。\nA: 那C你跟B对一下双录抽检的口径，下周内出个说明。\nC: 好。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("周末排班表"), "{t:?}");
    assert!(t[1].contains("双录抽检"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(owners(&ex)[1][0], "孟河");
    assert!(dues(&ex).iter().all(Option::is_some), "{t:?}");
}

#[test]
fn a_letter_beside_other_letters_is_no_person() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "参会人：A=严冬，B=柳青\n\nA: IB业务和A股开户的数字看过了。\nB: 好。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn a_conclusion_of_no_new_work_proposes_nothing() {
    for said in [
        "运行平稳，本月无新增工作安排。",
        "无需后续跟进。",
        "情况正常，暂无新的任务。",
    ] {
        let text = format!(
            "渠道运行情况（5月）\n2026年6月1日 汇报：严冬\n\n- 新渠道5月6日上线，受理申请32笔。\n- 抽查档案8份，未发现问题。\n\n结论：{said}\n"
        );
        let ex = run(&text, &["严冬"]);
        assert!(texts(&ex).is_empty(), "{said}: {:?}", texts(&ex));
    }
}

#[test]
fn a_forenoon_after_a_relative_day_is_noon() {
    let ex = run(
        "严冬：对，柳青你后天上午先给我一个初步的口径说明。\n",
        &["严冬", "柳青"],
    );
    let due = dues(&ex);
    assert!(
        due.len() == 1 && due[0].as_deref().is_some_and(|d| d.ends_with("T12:00:00+08:00")),
        "{due:?}"
    );
}

#[test]
fn a_part_not_yet_done_put_off_to_a_day_is_carried_over() {
    let ex = run(
        "一、上次会议事项\n（1）12户客户补签风险揭示书（严冬）：已完成11户，1户客户在外地暂未联系上，改为6月20日前完成。\n（2）宣传折页更新（柳青）：新折页已印发，完成。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"]]);
}
