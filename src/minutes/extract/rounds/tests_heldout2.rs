//! Tests of the rules added once the second held-out set became tuning data (issue 16, third
//! round), and for the fresh batches written with them: one test per rule, each on lines shaped
//! like the minutes that needed it (never copied from one file only).

#![allow(clippy::unwrap_used)]

use super::super::*;
use super::testkit::{cal, dues, owners, person, run};
use crate::command::when::format_rfc3339;
use crate::minutes::owner::OwnerRef;
use crate::minutes::weights::Signal;

/// `(text, owners, deadline)` of each item.
fn items(ex: &Extraction) -> Vec<(String, Vec<String>, Option<String>)> {
    ex.items
        .iter()
        .map(|i| {
            (
                i.text.clone(),
                i.owners.iter().map(|o| o.name().to_owned()).collect(),
                i.deadline.map(|d| format_rfc3339(d.at)),
            )
        })
        .collect()
}

const FRI: &str = "2026-03-13T18:00:00+08:00";

#[test]
fn a_person_and_a_date_together_make_an_item_unless_something_speaks_against_it() {
    let ex = run(
        "3月10日碰头：\n易建下周一前把营业部排班表调整好。\n其余照旧。",
        &["易建"],
    );
    assert_eq!(owners(&ex), [["易建"]]);
    assert_eq!(dues(&ex), [Some("2026-03-16T18:00:00+08:00".to_owned())]);
    let (_, traces) = explain(
        "易建下周一前把营业部排班表调整好。",
        &[],
        &[person("易建")],
        "2026-03-10T17:00:00+08:00".parse().unwrap(),
        cal(),
    );
    assert!(
        traces[0]
            .signals
            .iter()
            .any(|(s, _)| *s == Signal::OwnerAndDeadline)
    );
    // A `张三：` label with a figure is a report, not an assignment.
    let ex = run("- 柏林：去年3月的活动覆盖客户约2万人，今年目标3万人。", &["柏林"]);
    assert!(ex.items.is_empty());
}

#[test]
fn a_threshold_that_selects_is_not_a_reported_figure() {
    let ex = run(
        "1. 孙悦负责把维持担保比例低于140%的客户名单推送至各营业部，本周五前；",
        &["孙悦"],
    );
    assert_eq!(owners(&ex), [["孙悦"]]);
}

#[test]
fn a_title_followed_by_its_conclusion_opens_a_block_with_role_fields() {
    let text = "风险数据需求评审\n\nNo.1 风控指标日报增加集中度指标\n- 评审意见：通过\n- 开发：陶然；测试：范冰\n- 计划完成：3月18日\n\nNo.2 历史回溯接口对接外部数据商\n- 评审意见：需补充数据授权文件后再评\n- 补充材料：谢安，3月15日前";
    let ex = run(text, &["陶然", "范冰", "谢安"]);
    let got = items(&ex);
    assert_eq!(got.len(), 2);
    assert!(got[0].0.contains("集中度指标"));
    assert_eq!(got[0].1, ["陶然", "范冰"]);
    assert_eq!(got[0].2.as_deref(), Some("2026-03-18T18:00:00+08:00"));
    // The conclusion asks for more than a yes: it is part of the task.
    assert!(got[1].0.contains("数据授权文件"), "{:?}", got[1].0);
    assert_eq!(got[1].1, ["谢安"]);
    assert_eq!(got[1].2.as_deref(), Some("2026-03-15T18:00:00+08:00"));
}

#[test]
fn block_keys_responsible_and_time_after_a_square_marker() {
    let text = "■ 需求：柜台业务影像自动分类\n  结论：同意开发\n  负责：钟灵\n  时间：3月27日前完成开发\n\n■ 需求：营业部自助打印对账单\n  结论：不予立项";
    let ex = run(text, &["钟灵"]);
    assert_eq!(owners(&ex), [["钟灵"]]);
    assert_eq!(dues(&ex), [Some("2026-03-27T18:00:00+08:00".to_owned())]);
}

#[test]
fn a_numbered_title_before_a_conclusion_ends_the_block_above() {
    let text = "一、宁波营业部：希望在企业微信推送客户生日提醒\n结论：改用飞书推送，由侯杰评估，3月20日前给出方案。\n\n二、长沙营业部：征信查询结果希望能导出\n结论：合规不同意导出，不做。\n\n三、温州营业部：看板增加“有效户”口径说明\n结论：同意，姚远下周内补充口径说明。";
    let ex = run(text, &["侯杰", "姚远"]);
    let got = items(&ex);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].0.contains("生日提醒"));
    assert_eq!(got[0].1, ["侯杰"]);
    assert!(got[1].0.contains("口径说明"));
    assert_eq!(got[1].1, ["姚远"]);
    assert_eq!(got[1].2.as_deref(), Some("2026-03-20T18:00:00+08:00"));
}

#[test]
fn a_heading_with_bold_owner_fields_and_english_action_blocks() {
    let text = "### 1. 高净值客户名单更新\n**负责人**：殷桃\n**完成时间**：3月19日\n按最新口径筛选。\n\n### 2. 上期遗留：权限\n已于上周开通，关闭。";
    let ex = run(text, &["殷桃"]);
    assert_eq!(owners(&ex), [["殷桃"]]);
    assert!(ex.items[0].text.contains("高净值客户名单更新"));
    let text = "2. Interbank lines\nAction: renew the credit line with 招商银行 before it expires\nOwner: Daniel 石\nDue: March 27";
    let ex = run(text, &["冯磊"]);
    assert_eq!(owners(&ex), [["Daniel 石"]]);
    assert_eq!(dues(&ex), [Some("2026-03-27T18:00:00+08:00".to_owned())]);
    // A marked `- Owner: … — task` line under a heading is an item of its own, not a block.
    let ex = run(
        "## Action items\n- Owner: Kevin Wang — finalize CRM cut-over plan, DDL: 3月24日",
        &["Kevin Wang"],
    );
    assert_eq!(owners(&ex), [["Kevin Wang"]]);
}

#[test]
fn tables_aligned_with_spaces_a_next_step_column_and_english_headers() {
    let text = "年终结算准备会 · 任务清单\n\n事项                         负责人     时限\n年终决算数据核对             秦岚       3月15日\n审计机构进场资料准备         沈腾       3月18日";
    let ex = run(text, &["秦岚", "沈腾"]);
    assert_eq!(owners(&ex), [["秦岚"], ["沈腾"]]);
    let text = "| 项目 | 当前进展 | 下一步 | 负责人 | 时间节点 |\n|---|---|---|---|---|\n| 机构客户CRM | 需求已确认 | 完成原型设计并评审 | 江涛 | 3月16日 |\n| 营业部视频会议改造 | 已验收 | 无 | 江涛 | — |";
    let ex = run(text, &["江涛"]);
    assert_eq!(items(&ex).len(), 1);
    assert!(ex.items[0].text.contains("原型设计"));
    let text = "| No. | Action | Responsible | Target date | Status |\n|---|---|---|---|---|\n| 1 | Publish the data dictionary | 靳东 | 2026-03-31 | Open |\n| 2 | Retire the legacy mart | 蒋欣 | 2026-03-01 | Closed |";
    let ex = run(text, &["靳东", "蒋欣"]);
    assert_eq!(owners(&ex), [["靳东"]]);
    assert_eq!(dues(&ex), [Some("2026-03-31T18:00:00+08:00".to_owned())]);
    // A tab-separated row keeps its empty cell: the date stays in its column.
    let ex = run(
        "事项\t负责人\t配合人\t截止\n数据质量月报模板\t马岱\t\t3月20日",
        &["马岱"],
    );
    assert_eq!(dues(&ex), [Some("2026-03-20T18:00:00+08:00".to_owned())]);
    let ex = run(
        "| 任务 | 主办 | 协办 | 计划完成 |\n|:--|:--|:--|:--|\n| 补正过期档案 | 满江 | 左岸、温岭 | 3月26日 |",
        &["满江", "左岸", "温岭"],
    );
    assert_eq!(owners(&ex), [["满江", "左岸", "温岭"]]);
    assert_eq!(dues(&ex), [Some("2026-03-26T18:00:00+08:00".to_owned())]);
}

#[test]
fn the_writer_of_a_signed_letter_owns_what_they_commit_to() {
    let text =
        "各位同事：\n\n第三，关于销售激励方案，我本人会在3月31日前提交部门会讨论。\n\n谢谢大家！\n范伟";
    let ex = run(text, &["范伟", "吴静"]);
    assert_eq!(owners(&ex), [["范伟"]]);
    // A department signing is not a person.
    let ex = run(
        "一、我部将印发指引。\n二、营业部按指引开展回访。\n\n合规部",
        &["薛琴"],
    );
    assert!(owners(&ex).iter().all(|o| o.iter().all(|n| n != "合规部")));
}

#[test]
fn owners_in_brackets_beside_a_date_or_a_placeholder_and_two_line_items() {
    let text = "## 待跟进\n- [ ] 梳理维持担保比例低于150%的客户名单，\n      并逐户电话提醒补仓（韩雪，3月14日前）\n- [ ] 修订操作指引第三章 【卢宁】 周五\n- [ ] 对一下集中度指标口径 [孟凡] 下周三前\n- 清算差错登记表格式统一（陆川，待定）";
    let ex = run(text, &["韩雪", "卢宁", "孟凡", "陆川"]);
    assert_eq!(owners(&ex), [["韩雪"], ["卢宁"], ["孟凡"], ["陆川"]]);
    assert!(ex.items[0].text.contains("逐户电话提醒"));
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-14T18:00:00+08:00".to_owned()),
            Some(FRI.to_owned()),
            Some("2026-03-18T18:00:00+08:00".to_owned()),
            None
        ]
    );
}

#[test]
fn departments_with_and_beside_people() {
    let ex = run(
        "会议决定：责成经纪业务部会同财务部于3月底前细化人员安置和成本测算，报公司审定。",
        &["熊伟"],
    );
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
    assert_eq!(ex.items[0].units, ["经纪业务部", "财务部"]);
    let ex = run(
        "会议决定：由信息技术部牵头，运营管理部、合规管理部参与，3月31日前拿出分阶段实施计划。",
        &["熊伟"],
    );
    assert_eq!(owners(&ex), [Vec::<String>::new()]);
    assert_eq!(ex.items[0].units, ["信息技术部", "运营管理部", "合规管理部"]);
    // Beside a person, a department is where the work sits.
    let ex = run(
        "（一）请财富管理部牵头，会同零售业务部，于3月底前提出考核方案修订稿，具体由钱钟书负责；",
        &["钱钟书"],
    );
    assert_eq!(owners(&ex), [["钱钟书"]]);
}

#[test]
fn a_member_then_an_auxiliary_or_a_form_of_address() {
    let ex = run(
        "接下来要做的\n- 沈佳会跟进港股通交收失败的异常，本周内给出原因说明",
        &["沈佳"],
    );
    assert_eq!(owners(&ex), [["沈佳"]]);
    let ex = run(
        "会后请相关同事落实：\n（三）账号开通，请信息技术部华峰同学跟进。",
        &["汪晴"],
    );
    assert_eq!(owners(&ex), [["华峰"]]);
    assert_eq!(ex.items[0].owners[0], OwnerRef::Unresolved("华峰".to_owned()));
}

#[test]
fn helpers_alone_own_and_an_open_date_is_not_a_rejection() {
    let ex = run(
        "需要落实的事项：\n2）核心交易系统的备份恢复验证，钱坤、柳岩配合完成，3月18日前",
        &["钱坤", "柳岩"],
    );
    assert_eq!(owners(&ex), [["钱坤", "柳岩"]]);
    let ex = run(
        "会议明确分工如下：\n仝卓——对营业部期权业务人员开展一次线上培训，时间另定。",
        &["仝卓"],
    );
    assert_eq!(owners(&ex), [["仝卓"]]);
    assert_eq!(dues(&ex), [None]);
    // 另行通知 alone still puts a thing off.
    let ex = run("- 下一次视频会议时间另行通知。", &["仝卓"]);
    assert!(ex.items.is_empty());
}

#[test]
fn a_span_of_time_routine_work_a_contact_and_conditions_are_not_tasks() {
    let text = "二、四季度重点工作部署\n1. 开展“金秋理财季”活动，活动期间为3月11日至3月25日。\n2. 活动宣传物料按惯例走合规审查流程。\n3. 重点机构客户的季度回访，按原计划执行。\n4. 开户适当性培训：吴用在3月20日前组织一次全员线上培训。\n三、其他事项\n1. 委员会秘书处联系人：花荣。";
    let ex = run(text, &["花荣", "吴用"]);
    assert_eq!(owners(&ex), [["吴用"]], "{:?}", items(&ex));
    let ex = run("林冲补充，目标分解后营业部如有异议可在一周内反馈。", &["林冲"]);
    assert!(ex.items.is_empty());
}

#[test]
fn bracketed_speakers_tag_fields_arrows_and_english_tails() {
    let text = "【宫羽】今天主要两件事，一是引流，二是营业部活动。\n【严岩】引流这块上个月来了大概两千户。\n【宫羽】那落地页要改一下，严岩你这周五前出个改版方案。\n【车澈】营业部活动我这边下周一前把各营业部的报名表汇总上来。";
    let ex = run(text, &["宫羽", "严岩", "车澈"]);
    assert_eq!(owners(&ex), [["严岩"], ["车澈"]]);
    let ex = run(
        "二、工作要求\n2. 对B项目的募投资金用途再做一次核查【责任人：卓越、单磊】【时限：月底前】",
        &["卓越", "单磊"],
    );
    assert_eq!(owners(&ex), [["卓越", "单磊"]]);
    assert_eq!(dues(&ex), [Some("2026-03-31T18:00:00+08:00".to_owned())]);
    let ex = run(
        "**待办**\n1. 更新估值核算差错处理流程 → 闵柔 → 3/21\n2. 托管系统权限季度复核 → 闵柔",
        &["闵柔"],
    );
    assert_eq!(owners(&ex), [["闵柔"], ["闵柔"]]);
    assert_eq!(dues(&ex), [Some("2026-03-21T18:00:00+08:00".to_owned()), None]);
    let ex = run(
        "Next steps:\n- 季节 will set up the UAT accounts and share them with the client next Wednesday.",
        &["季节"],
    );
    assert_eq!(dues(&ex), [Some("2026-03-18T18:00:00+08:00".to_owned())]);
}

#[test]
fn a_short_reply_takes_on_the_item_just_proposed() {
    let text = "柏杨：下一个事，服务费的对账差异，谁来跟一下？\n鲁瑶：我跟吧，我周四前把差异明细拉出来。\n柏杨：好。另外月底前要把新组合的路演材料准备好。\n费翔：这个我来弄。\n柏杨：行，那就这样，辛苦大家。";
    let ex = run(text, &["柏杨", "鲁瑶", "费翔"]);
    assert_eq!(owners(&ex), [["鲁瑶"], ["费翔"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-12T18:00:00+08:00".to_owned()),
            Some("2026-03-31T18:00:00+08:00".to_owned())
        ]
    );
    // The same reply with no item just before it proposes nothing.
    let ex = run(
        "柏杨：先说一下签约的情况。\n费翔：这个我来弄。",
        &["柏杨", "费翔"],
    );
    assert!(ex.items.is_empty(), "{:?}", items(&ex));
}

#[test]
fn closings_are_talk_and_a_labelled_person_saying_i_commits() {
    let ex = run("史磊：今天先到这。\n丁一：明白，给您。", &["史磊", "丁一"]);
    assert!(ex.items.is_empty(), "{:?}", items(&ex));
    let ex = run(
        "史磊：第三，我们和运营商的SLA要重新谈，这个我来，3月20日前约他们见面。",
        &["史磊", "丁一"],
    );
    assert_eq!(owners(&ex), [["史磊"]]);
}

#[test]
fn field_lines_under_an_item_and_numbered_undertakings() {
    let text = "Follow-ups\n* Refresh the fund shelf scoring model with Q2 data\n  Owner(s): 巫琳, 管乐\n  ETA: Mar 20\n* Prepare the fee reconciliation\n  Owner(s): 管乐\n  ETA: end of month";
    let ex = run(text, &["巫琳", "管乐"]);
    assert_eq!(owners(&ex), [vec!["巫琳", "管乐"], vec!["管乐"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-20T18:00:00+08:00".to_owned()),
            Some("2026-03-31T18:00:00+08:00".to_owned())
        ]
    );
    let text = "事项一：完善营业部客户身份识别流程\n承办部门：合规管理部；承办人：詹青；办结时限：2026年3月28日\n\n事项二：消防设施年检\n已由行政部办结，不再督办。";
    let ex = run(text, &["詹青"]);
    assert_eq!(owners(&ex), [["詹青"]]);
    assert!(ex.items[0].text.contains("客户身份识别流程"));
    assert_eq!(dues(&ex), [Some("2026-03-28T18:00:00+08:00".to_owned())]);
}

#[test]
fn i_or_you_then_a_time_word_then_the_work() {
    let text = "Speaker 1 (邝薇) 00:00:03\n上周的平仓处置都完成了。\n\nSpeaker 2 (骆明) 00:00:40\n有一个客户的担保品集中度偏高，我这两天再盯一下，周四前给出处置建议。\n\nSpeaker 1 (邝薇) 00:01:15\n可以。另外标的券调整的公告，你明天上午发出去。";
    let ex = run(text, &["邝薇", "骆明"]);
    assert_eq!(owners(&ex), [["骆明"], ["骆明"]]);
    assert_eq!(
        dues(&ex),
        [
            Some("2026-03-12T18:00:00+08:00".to_owned()),
            Some("2026-03-11T12:00:00+08:00".to_owned())
        ]
    );
}

#[test]
fn a_name_alone_heads_the_tasks_indented_below_it() {
    let text = "## 各人本周任务\n- **殷悦**\n  - 完成三位客户的资产配置复盘，周五前\n  - 跟进私募产品的双录补录\n- **温迪**\n  - 整理新发产品的卖点材料，3月13日前发群里\n- 团队保有规模环比增长1.8%。";
    let ex = run(text, &["殷悦", "温迪"]);
    assert_eq!(owners(&ex), [["殷悦"], ["殷悦"], ["温迪"]]);
    // A numbered line naming someone with a remark is an item of its own, not a heading.
    let ex = run("1. 孟凡（外部顾问）提供模型可解释性报告，3月15日", &["孟凡"]);
    assert_eq!(items(&ex).len(), 1);
}

#[test]
fn a_confirmation_of_the_item_just_before_is_not_a_second_item() {
    let text = "[00:05:45] 罗琦：销售适当性材料这块，我这周内可以出初稿。\n[00:06:10] 汪洋：可以，罗琦这周内出初稿。";
    let ex = run(text, &["罗琦", "汪洋"]);
    assert_eq!(owners(&ex), [["罗琦"]], "{:?}", items(&ex));
}
