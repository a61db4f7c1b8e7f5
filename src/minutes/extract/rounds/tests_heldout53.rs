//! Rules found on heldout53 (tuning data since the fiftieth round): a slip or form whose time
//! field waits on something (`时限：另行通知`, `完成时间：待总部答复`) is work, its day open; `下次
//! 会议前反馈` is a time said by the next meeting, not the next meeting announced; an offer that
//! closes its clause (`…我来收吧，有两位在出差。`) is taken up by the reply; and in a turn, work
//! said to be needed (`…要出两套方案`) then handed over by `你` (`某某你来起草`) names that work;
//! an English full name before a member's name in brackets is theirs; a prohibition for all
//! (`不得…`, not `不得晚于…`) with no one named is a rule.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_slip_whose_time_waits_on_someone_is_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "门店督办事项（3月10日）\n\n【督办-01】旧机具清点｜承办：韦海｜时限：3月13日\n【督办-02】新址装修报价比对｜承办：柳青｜时限：待总部答复\n【督办-03】门头灯箱更换｜承办：韦海｜时限：另行通知\n【督办-04】钥匙移交｜承办：柳青｜状态：已办结\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(
        t[1].contains("装修报价比对") && t[2].contains("灯箱更换"),
        "{t:?}"
    );
    assert_eq!(owners(&ex)[1], vec!["柳青"]);
    assert_eq!(dues(&ex)[1], None);
    assert_eq!(dues(&ex)[2], None);
}

#[test]
fn reporting_back_by_the_next_meeting_is_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "部门例会纪要\n\n时间：5月6日 10:00　主持：严冬\n\n三、新布置事项\n1. 韦海：整理两个渠道的对账差异，本周内发出。\n2. 严冬：与运营部商量服务费分摊口径，下次会议前反馈。\n\n下次会议：5月下旬。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("服务费分摊口径"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["严冬"]);
    assert_eq!(dues(&ex)[1], None);
}

#[test]
fn an_offer_closing_its_clause_then_accepted_is_the_offerers() {
    let members = ["韦海", "柳青"];
    // 2026-06-05 is the Friday of that week.
    let ex = run(
        "闭店准备 - 飞书妙记\n2026年6月2日 16:00\n参会人：韦海、柳青\n\n柳青 00:10\n会签单的原件我来收吧，有两位同事在出差。\n\n韦海 00:20\n可以，柳青你收一下，周五前交给我。出差的让他们先发扫描件。\n",
        &members,
    );
    let t = texts(&ex);
    assert!(t.iter().any(|x| x.contains("会签单的原件")), "{t:?}");
    let i = t.iter().position(|x| x.contains("会签单的原件")).unwrap();
    assert_eq!(owners(&ex)[i], vec!["柳青"]);
}

#[test]
fn work_needed_then_handed_by_you_names_the_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "网点迁址讨论（会议记录）\n时间：7月1日 10:00\n\n严冬：新址的装修要做一个预算，硬装软装分开列。柳青你做个测算，7月8日前给我。\n柳青：好的。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("装修要做一个预算"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-07-08"));
    // A question before the hand-over names no work of its own.
    let ex = run(
        "网点迁址讨论（会议记录）\n时间：7月1日 10:00\n\n严冬：新址的装修预算谁来做？柳青你来做，7月8日前给我。\n",
        &members,
    );
    assert_eq!(texts(&ex).len(), 1);
}

#[test]
fn an_english_full_name_before_a_members_name_is_theirs() {
    let members = ["龙飞", "柳青", "严冬"];
    let ex = run(
        "Ops weekly sync\nDate: 3月2日 (Mon) 10:00\nAttendees: Nora Lam（柳青）, Derek Wong（龙飞）, 严冬\n\nAction items\n- Nora Lam: 整理对账差异清单 and send to 严冬, by 3月5日.\n- Derek: 更新值班表, 下周一前.\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["柳青"], vec!["龙飞"]]);
}

#[test]
fn a_prohibition_for_everyone_is_a_rule_not_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "迎审准备会（4月7日）\n\n二、工作安排\n1. 韦海：整理近三年的凭证目录，4月10日前完成。\n2. 全体人员：审计期间不得擅自调取原始档案。\n3. 柳青：会议室布置，不得晚于4月9日完成。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[1].contains("会议室布置"), "{t:?}");
}
