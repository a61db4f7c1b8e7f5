//! Rules found on heldout58 (tuning data since the fifty-fifth round): an entry of a sign-up or
//! check list ticked at its end (`3. 某某 物料寄送 ✅`) is done; a board's card on one line with
//! its people in a field of their own and its date (`· 认证材料 ｜ 某某 ｜ 截止 3/20`) is work even
//! under `【进行中】`; a task card's last field naming who only follows it (`；关注人：某某`) is
//! neither an item nor an owner, nor is a card's `分管领导`/`督办领导`; `本月不新增…任务` says there is
//! no new work; `某某同志就…作了说明` reports what was said.
//! Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

#[test]
fn a_sign_up_entry_ticked_at_its_end_is_done() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "迁址前事项接龙（完成的请打✅）\n1. 韦海 新址门牌安装 ✅\n2. 柳青 旧址客户告知短信 3月12日前\n3. 严冬 钥匙和门禁卡交接 ✔️\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("告知短信"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-12"));
}

#[test]
fn a_card_under_way_with_its_people_and_date_is_work() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "活动看板（3月10日）\n\n【进行中】\n· 线下讲座场地确认 ｜ 韦海 ｜ 截止 3/13\n· 宣传海报二稿 ｜ 柳青、严冬 ｜ 截止 3/18\n【已完成】\n· 讲师邀约 ｜ 严冬 ｜ 3/6\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("场地确认") && t[1].contains("海报二稿"), "{t:?}");
    assert_eq!(owners(&ex)[1], vec!["柳青", "严冬"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-13"));
}

#[test]
fn who_only_follows_a_card_is_no_owner_nor_item() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "待办\n□ 柳青：备份磁带异地存放，3月20日前；关注人：严冬\n□ 韦海：机房巡检表改版，下周五前\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("异地存放") && !t[0].contains("关注人"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-20"));
}

#[test]
fn no_new_tasks_this_month_is_no_work() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "理财沙龙月度碰头会\n\n1. 2月共办沙龙4场，到场客户96人。\n2. 本月不再新增工作事项，原定安排照常进行，韦海提醒物料由总部统一配发。\n",
        &members,
    );
    assert!(texts(&ex).is_empty(), "{:?}", texts(&ex));
}

#[test]
fn the_overseeing_leader_on_a_card_is_no_owner() {
    let members = ["韦海", "柳青", "严冬"];
    let ex = run(
        "整改任务分工\n\n任务1：员工行为手册修订\n分管领导：严冬｜承办：柳青｜协办：韦海｜时限：3月31日\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("行为手册修订"), "{t:?}");
    assert_eq!(owners(&ex)[0], vec!["柳青", "韦海"]);
    assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-31"));
}

#[test]
fn a_comrade_who_explained_at_the_meeting_is_reported() {
    let members = ["韦海", "柳青"];
    let ex = run(
        "三、会议要求\n1. 柳青同志就积分扣减标准作了说明，扣减结果与季度评优挂钩。\n2. 韦海3月20日前把扣分明细发各部门核对。\n",
        &members,
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("扣分明细"), "{t:?}");
}
