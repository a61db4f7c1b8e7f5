//! Rules found on heldout32 (tuning data since the thirty-first round): a post or team named
//! beside a person (`由柜面岗牵头、客服团队配合，某某负责…`) says where the work sits, not another
//! owner, as departments already did; `以上两项由某某负责，…前完成` after a numbered list gives
//! the owner and the date to each item it counts and is no item itself; `第N项…` work given
//! to a numbered record that is no item keeps its number in its text; a rejected
//! block's title read as work before the rejection was seen is withdrawn. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn a_post_or_team_beside_a_person_is_no_owner() {
    let members = ["严冬", "柳青", "孟河"];
    let ex = run(
        "三、会议议定\n（一）由柜面岗牵头、风控岗配合，严冬负责梳理大额取现预约流程，下周二前完成。\n（二）由理财团队牵头，柳青负责更新产品宣传单页，本月20日前完成。\n（三）由客服小组牵头、投教团队配合，孟河牵头、柳青配合，筹办两场投教讲座，三个工作日内报方案。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 3, "{t:?}");
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬"], vec!["柳青"], vec!["孟河", "柳青"]]
    );
}

#[test]
fn an_owner_line_for_the_items_above_gives_each_of_them() {
    let members = ["严冬", "柳青"];
    for shared in [
        "以上两项由严冬负责，下周五前完成。",
        "上述2项严冬牵头，月底前完成。",
    ] {
        let text = format!(
            "二、工作安排\n1. 核对三季度客户回访记录；\n2. 网点应急预案修订稿报送分公司。\n{shared}\n3. 投教讲座场地预订，柳青负责，本周内。\n"
        );
        let ex = run(&text, &members);
        let t = texts(&ex);
        assert_eq!(t.len(), 3, "{shared}: {t:?}");
        assert!(t[0].contains("客户回访记录"), "{t:?}");
        assert!(t[1].contains("应急预案修订稿"), "{t:?}");
        assert_eq!(owners(&ex), vec![vec!["严冬"], vec!["严冬"], vec!["柳青"]]);
        assert!(dues(&ex)[..2].iter().all(Option::is_some), "{t:?}");
    }
}

#[test]
fn work_given_to_a_numbered_record_keeps_its_number() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "二、逐项核对记录\n001. 网点客流量：来源运营部，数值1200，口径一致，核对无误。\n002. 投诉办结率：来源客服部，数值98%，口径一致，核对无误。\n    补充：第002项按月拆分明细（投诉办结率），严冬负责，5月10日前交办公室。\n003. 员工培训时长：来源人力部，数值320，口径一致，核对无误。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("第002项按月拆分明细"), "{t:?}");
    assert_eq!(owners(&ex), vec![vec!["严冬"]]);
    assert!(dues(&ex)[0].is_some(), "{t:?}");
}

#[test]
fn a_rejected_proposal_after_a_passed_one_is_no_work() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "系统改造需求评审纪要\n\n【议题一】柜台系统升级到新版本\n说明：厂商支持即将到期。\n评审意见：通过。\n后续动作：完成升级演练并出报告，严冬负责，下周五前提交。\n\n【议题二】同步更换全部终端\n说明：预算不足。\n评审意见：不同意。\n\n【议题三】升级后回访重点客户\n评审意见：通过。\n后续动作：整理回访名单，柳青负责，下周三前发评审组。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t.iter().all(|x| !x.contains("更换全部终端")), "{t:?}");
}

#[test]
fn no_action_in_english_is_no_work() {
    let members = ["严冬", "柳青"];
    let ex = run(
        "Action items:\nAI1: 核对清算差异明细 — 严冬, due 下周三.\nAI2: Printer contract renewal — already signed by 柳青, no action.\nAI3: Branch signage check — handled last week, no further action.\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("清算差异"), "{t:?}");
}
