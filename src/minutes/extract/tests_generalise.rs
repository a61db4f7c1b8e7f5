//! Tests of the rules added while generalising to minutes written by others (issue 16, second
//! round): one test per rule, each on a line shaped like the minutes that needed it.

#![allow(clippy::unwrap_used)]

use super::testkit::{cal, owners, person, run};
use super::*;
use crate::command::when::format_rfc3339;
use crate::minutes::owner::OwnerRef;
use crate::minutes::weights::Signal;

const NOW: &str = "2026-03-10T17:00:00+08:00";

fn due(item: &ActionItem) -> Option<String> {
    item.deadline.map(|d| format_rfc3339(d.at))
}

#[test]
fn an_owner_after_you_and_a_department_anywhere_in_the_clause() {
    let ex = run(
        "二、后续安排\n1. 接口规范解读及差异清单由信息技术部柏林负责，3月27日前完成；",
        &["柏林"],
    );
    assert_eq!(owners(&ex), [["柏林"]]);
    // The trailing `由…负责` leaves the title.
    assert_eq!(ex.items[0].text, "接口规范解读及差异清单");
    // Not a member, an uncommon surname: shown as written; the helper after a department too.
    let ex = run(
        "客户王某两融强平投诉，由风控部葛亮牵头、经纪业务部吕方配合，尽快出处理意见。",
        &["蒋琳"],
    );
    assert_eq!(owners(&ex), [["葛亮", "吕方"]]);
    assert_eq!(ex.items[0].owners[0], OwnerRef::Unresolved("葛亮".to_owned()));
    // 理由 and 由于 are not 由.
    let ex = run("理由是柏林负责的系统由于升级暂停。", &["柏林"]);
    assert!(ex.items.is_empty() || owners(&ex) == [["柏林"]]);
}

#[test]
fn a_request_inside_a_clause_names_its_owner() {
    let ex = run(
        "后续安排\n1. 改造项目预算申请请柏林于4月上旬报财务部；\n2. 各营业部的网络切换测试，请运营管理部包昊于3月31日前组织完成。",
        &["柏林"],
    );
    assert_eq!(owners(&ex), [["柏林"], ["包昊"]]);
    assert_eq!(due(&ex.items[1]).as_deref(), Some("2026-03-31T18:00:00+08:00"));
}

#[test]
fn an_owner_key_without_a_colon_and_a_new_tag() {
    let ex = run(
        "本期会议事项\n1. 新增：端午节前完成全辖风险限额执行情况检查，牵头人杨业。",
        &["杨业"],
    );
    assert_eq!(owners(&ex), [["杨业"]]);
    assert!(!ex.items[0].text.starts_with("新增"), "{}", ex.items[0].text);
}

#[test]
fn a_lead_verb_after_a_name_of_an_uncommon_surname_or_holding_a_verb() {
    // 法 is not a common surname; the clause is only the name and 负责.
    let ex = run(
        "- 网点Wi-Fi访客网络隔离：法正负责，后天上午10点前把整改方案发我。",
        &["庞统"],
    );
    assert_eq!(owners(&ex), [["法正"]]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-12T10:00:00+08:00"));
    // 去 inside 霍去病 is not the verb.
    let ex = run(
        "本次新增事项\n1. 二季度营销活动方案，霍去病负责，4月10日前报委员会",
        &["霍去病"],
    );
    assert_eq!(owners(&ex), [["霍去病"]]);
    // `鲁肃你负责` is 鲁肃, not a name `鲁肃你`.
    let ex = run("五一前要把分仓协议续签完，鲁肃你负责。", &["鲁肃"]);
    assert_eq!(owners(&ex), [["鲁肃"]]);
}

#[test]
fn the_one_helped_leads_and_names_beside_a_name_count() {
    let ex = run(
        "三、下一步\n3、许静配合何晨做客户满意度抽样回访，两周内完成",
        &["许静"],
    );
    assert_eq!(owners(&ex), [["何晨", "许静"]]);
    // 时 is not a common surname, but beside the member 戴宗 it is a name.
    let ex = run("- 运营风险事件月报模板：时迁、戴宗一起修订，下周内。", &["戴宗"]);
    assert_eq!(owners(&ex), [["时迁", "戴宗"]]);
    // Beside a name, but after a comma: `可以` is not one.
    let ex = run("可以，辛弃疾负责，下周内把培训计划给我。", &["辛弃疾"]);
    assert_eq!(owners(&ex), [["辛弃疾"]]);
}

#[test]
fn time_words_and_places_are_not_owners() {
    let ex = run(
        "## 待办\n- [ ] 房琪：汇总问题清单（本周五）\n- [ ] 阿朱：牵头第一组（华东区）现场检查，4月上旬完成",
        &["房琪", "阿朱"],
    );
    assert_eq!(owners(&ex), [["房琪"], ["阿朱"]]);
    // `上周监管来电` holds no person `周监管`.
    let ex = run(
        "[00:04:10] 龚丽：我补充一下，上周监管来电问了一下阈值设置。",
        &["龚丽"],
    );
    assert!(ex.items.is_empty(), "{:?}", ex.items);
}

#[test]
fn a_heading_after_an_emoji_opens_its_section() {
    let ex = run(
        "✅ 待办\n1. 乔峰：对接财富管理部，确认产品风险等级清单\n🔖 章节\n- 上半年投诉通报",
        &["乔峰"],
    );
    assert_eq!(owners(&ex), [["乔峰"]]);
    // A done item after a tick is still no heading and no item.
    let ex = run("上期事项完成情况\n✔ 两融业务集中度指标调整方案（已执行）", &[]);
    assert!(ex.items.is_empty());
}

#[test]
fn a_target_is_not_a_reported_figure() {
    let (ex, traces) = explain(
        "待办\n2. 王语嫣：抽取高风险产品销售记录样本，每家营业部不少于20笔，下周内完成",
        &[],
        &[person("王语嫣")],
        NOW.parse().unwrap(),
        cal(),
    );
    assert_eq!(owners(&ex), [["王语嫣"]]);
    let line = traces.iter().find(|t| t.item.is_some()).unwrap();
    assert!(!line.signals.iter().any(|(s, _)| *s == Signal::Figures));
    // A reported figure still counts against.
    let (_, traces) = explain(
        "本月新增有效户1.2万，同比上升12%",
        &[],
        &[],
        NOW.parse().unwrap(),
        cal(),
    );
    assert!(traces[0].signals.iter().any(|(s, _)| *s == Signal::Figures));
}

#[test]
fn a_settled_arrangement_and_a_standing_meeting_are_not_tasks() {
    let ex = run(
        "会议内容\n- 升级窗口确定为8月8日（周六）夜间，需提前报备监管。\n后续安排\n4. 每两周召开一次进度会，下次会议3月31日。",
        &[],
    );
    assert!(ex.items.is_empty(), "{:?}", ex.items);
}

#[test]
fn a_table_row_put_off_is_no_task() {
    let ex = run(
        "| 事项 | 负责人 | 状态 | 截止 |\n| --- | --- | --- | --- |\n| 投诉考核办法修订 | 王五 | 暂缓 | — |\n| 暂停网点回访 | 王五 | 新增 | 3月20日 |",
        &["王五"],
    );
    // The task's own words (暂停…) do not put it off; the status column does.
    let texts: Vec<&str> = ex.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["暂停网点回访"]);
}

#[test]
fn a_block_owner_in_its_conclusion_or_helpers_in_parentheses() {
    let ex = run(
        "需求4：投顾业绩展示合规复核。结论：通过，由合规部尤佳牵头。完成时限：月底。",
        &["唐雨"],
    );
    assert_eq!(owners(&ex), [["尤佳"]]);
    let ex = run(
        "需求20：营业部印章电子化管理\n结论：通过\n责任人：龙飞（配合：运营管理部 房山）\n完成时限：3月底",
        &["龙飞"],
    );
    assert_eq!(owners(&ex), [["龙飞", "房山"]]);
}

#[test]
fn a_mention_of_an_english_name_and_a_surname() {
    let ex = run(
        "TODO\n- [ ] @Grace 林 prepare the Q4 product shelf proposal, 3月16日 EOD",
        &["丁力"],
    );
    assert_eq!(owners(&ex), [["Grace 林"]]);
    assert!(ex.items[0].text.starts_with("prepare"), "{}", ex.items[0].text);
}

#[test]
fn a_name_after_a_closing_dash_owns_the_line_and_a_relative_day_before_a_verb_is_its_deadline() {
    let ex = run("两融业务碰头\n1. 适当性回访话术明早定稿——邵峰", &["邵峰"]);
    assert_eq!(owners(&ex), [["邵峰"]]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-11T09:00:00+08:00"));
}

#[test]
fn names_then_a_space_end_an_owner_field_and_the_task_label_goes() {
    let ex = run(
        "【待办】\n3. 负责人：蒙恬、李斯 事项：营业部投顾岗位需求摸底 截止：下周五",
        &["蒙恬"],
    );
    assert_eq!(owners(&ex), [["蒙恬", "李斯"]]);
    assert_eq!(ex.items[0].text, "营业部投顾岗位需求摸底");
}

#[test]
fn a_topic_sentence_names_the_items_after_it() {
    let ex = run(
        "三是结果汇总。司马光、欧阳修负责汇总，春节后三个工作日内报总经理办公会。",
        &["司马光", "欧阳修"],
    );
    assert_eq!(owners(&ex), [["司马光", "欧阳修"]]);
    assert!(ex.items[0].text.starts_with("结果汇总："), "{}", ex.items[0].text);
}

#[test]
fn in_a_transcript_i_is_the_speaker() {
    let members = ["严峰", "夏雨", "冉冉", "田野"];
    let ex = run(
        "说话人1（严峰） 01:02\n好。4月初监管要来现场检查，检查准备工作由我牵头，夏雨、冉冉配合，清明前把材料目录定下来。",
        &members,
    );
    assert_eq!(owners(&ex), [["严峰", "夏雨", "冉冉"]]);
    let ex = run(
        "田野（合规部）：00:03:40\n可以。第四条已经关闭。整体的整改报告我来汇总，3月30日报证监局。",
        &members,
    );
    assert_eq!(owners(&ex), [["田野"]]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-30T18:00:00+08:00"));
    // Talking is not taking work on; without a known speaker, `我` is nobody.
    let ex = run(
        "[00:03:40] 田野：我来说一下下半年的考核口径，3月底前和上半年保持一致。",
        &members,
    );
    assert!(ex.items.is_empty(), "{:?}", ex.items);
    let ex = run("发言人 A：我来汇总，3月30日报证监局。", &members);
    assert!(ex.items.iter().all(|i| i.owners.is_empty()), "{:?}", ex.items);
}

#[test]
fn an_answer_takes_the_question_as_its_topic_and_a_bare_yes_is_no_item() {
    let ex = run(
        "雷鸣  03:40\n嗯，那风险揭示书的版本要不要更新？\n\n何苗  03:55\n我觉得要，我先起草一个，3月14号之前发合规审。\n\n雷鸣  04:20\n好，那就何苗负责，两周内。",
        &["雷鸣", "何苗"],
    );
    assert_eq!(owners(&ex), [["何苗"]]);
    assert!(
        ex.items[0].text.starts_with("风险揭示书的版本要不要更新："),
        "{}",
        ex.items[0].text
    );
}

#[test]
fn he_or_she_is_the_person_named_just_before() {
    let ex = run(
        "第二条，营业部员工执业行为，这个归人力，人力部的范悦今天没来，会后我跟她说，请她牵头，月底前出方案。",
        &["田野"],
    );
    assert_eq!(owners(&ex), [["范悦"]]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-31T18:00:00+08:00"));
}

/// The deadline shapes of issue 16 inside a task's own text (numerals of the task stay).
#[test]
fn the_issue_deadline_shapes_inside_task_text() {
    let ex = run(
        "下一步安排：\n1. 陈晨五天内交三份反洗钱自查报告。\n2. 客户回访抽检结果，刘洋三个工作日内发给风控组。\n3. 季度合规考核结果，月内报给总部，朱丽负责。\n4. 陈晨后天上午10点前提交检查底稿。\n5. 国庆后第一个工作日碰头，朱丽组织。\n6. 监管问询回复口径，刘洋尽快拿出初稿。",
        &["陈晨", "刘洋", "朱丽"],
    );
    let got: Vec<(String, Option<String>)> = ex.items.iter().map(|i| (i.text.clone(), due(i))).collect();
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(got[0].0.contains("交三份反洗钱自查报告"), "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("2026-03-15T18:00:00+08:00"));
    assert_eq!(got[1].1.as_deref(), Some("2026-03-13T18:00:00+08:00"));
    assert_eq!(got[2].1.as_deref(), Some("2026-03-31T18:00:00+08:00"));
    assert_eq!(got[3].1.as_deref(), Some("2026-03-12T10:00:00+08:00"));
    assert_eq!(got[4].1.as_deref(), Some("2026-10-08T18:00:00+08:00"));
    assert_eq!(
        (got[5].1.as_deref(), ex.items[5].deadline_text.as_deref()),
        (None, Some("尽快"))
    );
}

#[test]
fn a_cause_is_no_owner_and_a_department_after_you_is_the_unit() {
    let ex = run(
        "1. 由于年底系统封版，投顾签约小程序改版推迟到明年一季度，理由是测试资源不足。\n4. 客户签约数据核对，由运营管理部牵头，3月15日前完成。\n8. 会议精神传达至各营业部，由各营业部负责人组织，本周内完成。",
        &["阎丽"],
    );
    let got: Vec<(&str, Vec<String>)> = ex
        .items
        .iter()
        .map(|i| {
            (
                i.text.as_str(),
                i.owners.iter().map(|o| o.name().to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].0.starts_with("客户签约数据核对"), "{got:?}");
    // Owners are people: the department is the item's unit, shown beside the owner to pick.
    assert!(got[0].1.is_empty(), "{got:?}");
    assert_eq!(ex.items[0].units, ["运营管理部"]);
    assert!(got[1].1.is_empty(), "{got:?}");
}

#[test]
fn tasks_apart_by_a_semicolon_and_a_name_before_ba() {
    let ex = run(
        "柜台交接会 3/10\n今晚把交接清单签完——喻涛；明天中午前贝贝把印章登记表交回运营。",
        &["喻涛", "贝贝"],
    );
    assert_eq!(owners(&ex), [["喻涛"], ["贝贝"]]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-10T23:59:59+08:00"));
    assert_eq!(due(&ex.items[1]).as_deref(), Some("2026-03-11T12:00:00+08:00"));
}

#[test]
fn an_adverb_between_the_name_and_the_verb() {
    let ex = run(
        "一、上周事项跟踪\n2. 异常交易复核人手补充——进行中，宫雪继续跟进，3月18日前到位",
        &["宫雪"],
    );
    assert_eq!(owners(&ex), [["宫雪"]]);
}

#[test]
fn in_a_transcript_you_is_who_spoke_just_before() {
    let members = ["常青", "房琳"];
    let ex = run(
        "房琳 00:00:40\n我这边看了一下，还差一份风险揭示书。\n\n常青 00:01:15\n那风险揭示书你来补，周三之前给我。",
        &members,
    );
    assert_eq!(owners(&ex), [["房琳"]]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-11T18:00:00+08:00"));
    // Nobody spoke before: 你 is nobody known, and no owner is guessed.
    let ex = run("常青 00:01:15\n那风险揭示书你来补，周三之前给我。", &members);
    assert!(ex.items.iter().all(|i| i.owners.is_empty()), "{:?}", ex.items);
}

#[test]
fn an_adverb_before_the_verb_after_you() {
    let ex = run(
        "一、我部将于4月3日前印发回访工作指引，由合规部薛琴具体负责。",
        &["薛琴"],
    );
    assert_eq!(owners(&ex), [["薛琴"]]);
}

#[test]
fn a_department_member_doing_part_of_a_conclusion_and_an_english_partner() {
    let ex = run(
        "【需求 XQ-090】柜台凭证影像OCR识别\n结论：同意，由运营管理部计灵提供样本，信息技术部裴东开发。上线时间：7月底",
        &["裴东"],
    );
    assert_eq!(owners(&ex), [["计灵", "裴东"]]);
    let ex = run(
        "Today / next\n- 司徒 will pair with 邵晴 on the 客户标签 pipeline, target end of this week",
        &["邵晴", "司徒"],
    );
    assert_eq!(owners(&ex), [["司徒", "邵晴"]]);
    assert_eq!(due(&ex.items[0]).as_deref(), Some("2026-03-13T18:00:00+08:00"));
}
