//! Rules found on heldout26 (tuning data since later sets were written): a time word opening a
//! field label (`本季资产变化：-19万元`, `本月新增：…`) names what the field measures, not a
//! deadline, so a client-by-client review whose lines carry such fields proposes nothing but
//! the follow-ups that are work; helpers in brackets after the lead (`严冬（柳青、孟河协助）`, in a
//! field, a cell or a sentence) are owners after the lead. Each on phrasings of our own, never a line copied from a file.

#![allow(clippy::unwrap_used)]

use super::testkit::{dues, owners, run, texts};

#[test]
fn a_time_word_opening_a_field_label_is_no_deadline() {
    let ex = run(
        "重点客户逐户回顾\n\n1. 苏先生（尾号1234），资产约210万元，持仓集中。\n   客户经理：严冬；本季资产变化：-12万元。\n   后续：维持常规服务。\n\n2. 林女士（尾号5678），资产约420万元，长期未交易。\n   客户经理：柳青；本月新增：3万元。\n   后续：柳青负责给尾号5678客户做一次资产检视，下周五前。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("资产检视"), "{t:?}");
    assert!(dues(&ex)[0].is_some(), "{t:?}");
}

#[test]
fn helpers_in_brackets_after_the_lead_keep_every_owner() {
    let members = ["严冬", "柳青", "孟河"];
    for t in [
        "工作安排：\n1. 客户逐户电话告知\n   负责人：严冬（柳青协助）\n   时间：6天内\n",
        "改进事项：\n☐ 汇率文件监控告警 | 严冬（柳青协助） | 6天内\n",
        "工作安排：\n1. 客户逐户电话告知，严冬负责（柳青协助），6天内。\n",
        "工作安排：\n1. 客户逐户电话告知，负责人：严冬（柳青协助），6天内。\n",
    ] {
        let ex = run(t, &members);
        assert_eq!(owners(&ex), vec![vec!["严冬", "柳青"]], "{t}: {:?}", texts(&ex));
    }
    let ex = run(
        "二、整改措施\n1. 文件变更的提前通知机制\n   负责人：严冬（柳青协助）\n   完成时间：下周末前\n2. 应急预案修订\n   负责人：孟河（严冬、柳青协助）\n   完成时间：年底前\n",
        &members,
    );
    assert_eq!(
        owners(&ex),
        vec![vec!["严冬", "柳青"], vec!["孟河", "严冬", "柳青"]],
        "{:?}",
        texts(&ex)
    );
}

#[test]
fn a_member_the_work_urges_is_no_owner() {
    let ex = run(
        "承诺书签署逐人核对\n\n01. 柳青，运营部，入职3年\n    状态：已签署，原件已归档。\n\n02. 孟河，投顾中心，入职1年\n    督办：严冬负责督促孟河补签承诺书，本月25日前。\n",
        &["严冬", "柳青", "孟河"],
    );
    assert_eq!(owners(&ex), vec![vec!["严冬"]], "{:?}", texts(&ex));
}

#[test]
fn a_bracketed_deadline_opening_the_line_leaves_its_owner_seen() {
    let ex = run(
        "待办：\n【11/27前】严冬下架3条违规短视频\n【尽快】柳青与品牌部沟通企业号认证\n【某某】整理名单\n",
        &["严冬", "柳青"],
    );
    let o = owners(&ex);
    assert_eq!(o.first(), Some(&vec!["严冬".to_owned()]), "{:?}", texts(&ex));
    assert_eq!(o.get(1), Some(&vec!["柳青".to_owned()]), "{:?}", texts(&ex));
    assert!(dues(&ex)[0].is_some(), "{:?}", texts(&ex));
}

#[test]
fn who_carried_out_an_inspection_is_no_task() {
    let ex = run(
        "营业部安全检查记录\n2026年3月10日　检查组：严冬、柳青、孟河\n\n整改事项：\n1. 保险柜密码更换，严冬负责，3月13日前。\n",
        &["严冬", "柳青", "孟河"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("保险柜密码"), "{t:?}");
}

#[test]
fn a_recurring_cell_marked_routine_is_no_task() {
    let ex = run(
        "推广专项会\n\n| 事项 | 主办 | 协办 | 时限 |\n|---|---|---|---|\n| 目标客户筛查 | 严冬 | 柳青 | 三个工作日内 |\n| 市场周报转发 | 柳青 | — | 每周一（常规） |\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("目标客户筛查"), "{t:?}");
}

#[test]
fn helpers_called_by_nickname_in_a_transcript_stay_owners() {
    let ex = run(
        "推广冲刺会 妙记 2026-03-10\n[00:00:03] 发言人1（严冬）：简单对一下下周的安排。\n[00:00:35] 发言人2（柳青）：严总，本月开户目标还差一些。\n[00:01:20] 发言人1（严冬）：这个事情柳青你牵头，老孟和小钱配合一下，把还没开户的客户再筛一遍，出一个外呼计划，下周三给我。\n[00:02:45] 发言人3（孟河）：好的。\n[00:02:58] 发言人4（钱进）：没问题。\n",
        &["严冬", "柳青", "孟河", "钱进"],
    );
    let o = owners(&ex);
    assert!(
        o.iter().any(|o| o == &vec!["柳青", "孟河", "钱进"]),
        "{o:?} {:?}",
        texts(&ex)
    );
}

#[test]
fn a_bare_period_beside_an_open_date_is_the_work_not_its_deadline() {
    let ex = run(
        "请各位按以下分工推进：\n- 严冬：整理本季度对账底稿归档（不急，时间待定）。\n- 柳青：本月底前完成差异清单核对。\n",
        &["严冬", "柳青"],
    );
    let d = dues(&ex);
    assert_eq!(d.len(), 2, "{:?}", texts(&ex));
    assert!(d[0].is_none(), "{d:?}");
    assert!(d[1].is_some(), "{d:?}");
}

#[test]
fn a_figure_compared_with_a_target_is_a_report() {
    let ex = run(
        "推广冲刺会 妙记 2026-03-10\n[00:00:03] 发言人1（严冬）：简单对一下节后安排。\n[00:00:35] 发言人2（柳青）：严总，节前开通的客户是126户，比目标少了30户左右。\n[00:01:20] 发言人1（严冬）：柳青你把外呼计划做出来，下周三给我。\n[00:02:45] 发言人2（柳青）：好的。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("外呼计划"), "{t:?}");
}

#[test]
fn work_under_way_given_a_new_date_is_a_task() {
    let ex = run(
        "已完成：\n1. 参数调整已于11月27日上线。\n\n进行中：\n1. 监控报表开发：严冬跟进，排期新定为12月18日前交付测试。\n2. 征信复核：柳青按计划推进，无变化。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].contains("监控报表开发"), "{t:?}");
}

#[test]
fn long_term_naming_a_noun_is_no_standing_duty() {
    let ex = run(
        "各位同事：\n请各位按以下分工推进：\n1. 严冬：统计外派及长期病假员工名单，安排邮寄签署，本月25日前；\n2. 柳青：收齐纸质承诺书并扫描归档，春节前完成。\n",
        &["严冬", "柳青"],
    );
    let t = texts(&ex);
    assert_eq!(t.len(), 2, "{t:?}");
    assert!(t[0].contains("病假员工名单"), "{t:?}");
}
