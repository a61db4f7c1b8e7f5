//! Owners and blocks in the shapes other writers use (session 47): who checks or feeds the work,
//! a given name before the time of the work, `让`/`叫`, `Kelly + 某某` with the alias declared,
//! two owner fields in one line, a word in brackets that is no one's name, a finding with its
//! remedy (`问题2：…` / `整改要求：…` / `责任人：…`), and an hour-by-hour plan.
#![allow(clippy::unwrap_used)]
use super::testkit::*;

fn one(text: &str, m: &[&str]) -> (Vec<String>, Vec<Vec<String>>, Vec<Option<String>>) {
    let ex = run(text, m);
    (texts(&ex), owners(&ex), dues(&ex))
}

fn v(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn who_checks_guides_or_feeds_the_work_owns_it_after_the_lead() {
    let m = ["唐若溪", "蒋一鸣", "乐雅文", "符晓川"];
    let cases = [
        (
            "二、下一步\n1. 营销方案初稿，由唐若溪起草、蒋一鸣审核，5月8日前定稿。",
            vec!["唐若溪", "蒋一鸣"],
        ),
        (
            "二、下一步\n1. 培训计划，唐若溪起草，5月8日前经蒋一鸣审定后下发。",
            vec!["唐若溪", "蒋一鸣"],
        ),
        (
            "二、下一步\n1. 追赶计划，由唐若溪本人牵头，蒋一鸣指导，5月8日前提交。",
            vec!["唐若溪", "蒋一鸣"],
        ),
        (
            "二、下一步\n1. 年度总结由唐若溪起草，蒋一鸣、乐雅文分别提供产品和运营数据，5月8日前完成。",
            vec!["唐若溪", "蒋一鸣", "乐雅文"],
        ),
        // Whom it is sent to for sign-off is no owner.
        (
            "二、下一步\n1. 采购申请唐若溪负责，5月8日前报蒋一鸣审批。",
            vec!["唐若溪"],
        ),
        (
            "二、下一步\n1. 英文摘要唐若溪负责，5月8日前交蒋一鸣复核。",
            vec!["唐若溪"],
        ),
        (
            "二、下一步\n1. 分配建议由唐若溪提出，报蒋一鸣审定。",
            vec!["唐若溪"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            owners(&run(text, &m)),
            vec![want.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()],
            "{text}"
        );
    }
}

#[test]
fn an_hour_by_hour_table_is_the_plan_not_work() {
    let m = ["唐若溪", "蒋一鸣", "乐雅文"];
    let plan = "割接步骤：\n| 序号 | 时间 | 步骤 | 执行人 | 复核人 |\n|---|---|---|---|---|\n| 1 | 19:30 | 人员到位 | 唐若溪 | — |\n| 2 | 20:00 | 停止接入 | 蒋一鸣 | 乐雅文 |\n| 3 | 20:10-21:00 | 数据备份 | 乐雅文 | — |\n| 4 | 21:00 | 部署新版本 | 唐若溪 | 蒋一鸣 |\n\n会后：唐若溪周五前把割接总结发群里。";
    assert_eq!(
        texts(&run(plan, &m)),
        vec!["会后：周五前把割接总结发群里".to_owned()]
    );
    // A dash for an empty cell is no hour: a table of work with a helper column stays work.
    let work = "| 工作 | 负责人 | 配合 | 截止 |\n|---|---|---|---|\n| 客户名单导出 | 唐若溪 | — | 3月20日 |\n| 名单外呼 | 蒋一鸣 | — | 3月25日 |\n| 回访抽查 | 乐雅文 | — | 3月27日 |";
    assert_eq!(run(work, &m).items.len(), 3);
}

#[test]
fn a_given_name_or_a_request_by_let_names_the_owner() {
    let m = ["唐若溪", "蒋一鸣", "符晓川"];
    let (_, o, _) = one("二、下一步\n1. 晓川下周一前把停机公告草稿拟好。", &m);
    assert_eq!(o, vec![v(&["符晓川"])]);
    let (_, o, _) = one("二、下一步\n1. 讲师PPT让晓川周二前发我审一遍。", &m);
    assert_eq!(o, vec![v(&["符晓川"])]);
    let (_, o, _) = one("二、下一步\n1. 讲师PPT叫蒋一鸣周二前发我。", &m);
    assert_eq!(o, vec![v(&["蒋一鸣"])]);
}

#[test]
fn an_english_pair_keeps_both_owners_and_the_title_loses_the_dangling_words() {
    let m = ["唐若溪", "蒋一鸣"];
    let (t, o, _) = one(
        "Attendees: Kelly（唐若溪）, 蒋一鸣\n二、下一步\n1. 测试报告 — owner: Kelly + 蒋一鸣，ETA 5/8",
        &m,
    );
    assert_eq!((t, o), (v(&["测试报告"]), vec![v(&["唐若溪", "蒋一鸣"])]));
    let (_, o, _) = one(
        "Attendees: Kelly（唐若溪）, 蒋一鸣\n二、下一步\n1. 测试报告 — owner: Kelly，ETA 5/8",
        &m,
    );
    assert_eq!(o, vec![v(&["唐若溪"])]);
}

#[test]
fn two_owner_fields_leave_the_title_and_the_department_stays_apart() {
    let m = ["唐若溪", "蒋一鸣"];
    let (t, o, d) = one(
        "决议事项：\n（1）一季度物料清单，\n   责任部门：品牌部\n   责任人：唐若溪\n   完成时间：5月8日",
        &m,
    );
    assert_eq!(
        (t, o, d),
        (
            v(&["一季度物料清单"]),
            vec![v(&["唐若溪"])],
            vec![due_by_end_of("2026-05-08")]
        )
    );
    let (_, o, _) = one(
        "二、下一步\n1. 补充条款；责任人：唐若溪起草、蒋一鸣复核；时限：5月8日。",
        &m,
    );
    assert_eq!(o, vec![v(&["唐若溪", "蒋一鸣"])]);
}

#[test]
fn a_word_in_brackets_with_no_surname_is_no_owner() {
    let m = ["唐若溪", "蒋一鸣"];
    assert_eq!(
        one("二、下一步\n1. 客户经理培训课表（二季度），月底前", &m).1,
        vec![Vec::<String>::new()]
    );
    assert_eq!(
        one("二、下一步\n1. 问题清单（近三年），唐若溪整理，下周三前。", &m).1,
        vec![v(&["唐若溪"])]
    );
    // A name not in the group, of a surname of the 百家姓, is shown as written.
    assert_eq!(
        one("二、下一步\n1. 补交证书扫描件，3个工作日内（蒲晓云）。", &m).1,
        vec![v(&["蒲晓云"])]
    );
    assert_eq!(
        one("二、下一步\n5. 营业部半年度考核方案（恒山），尽快。", &m).1,
        vec![v(&["恒山"])]
    );
}

#[test]
fn a_finding_gives_its_remedy_as_the_work() {
    let m = ["唐若溪", "蒋一鸣", "乐雅文"];
    let (t, o, d) = one(
        "二、发现问题及整改要求\n\n问题1：开户回访有3条超时。\n整改要求：补做回访并补录原因。\n责任人：唐若溪　　整改时限：5月8日\n\n问题2：档案不全。\n整改要求：逐份核实并补签。\n责任人：蒋一鸣、乐雅文　　整改时限：5月9日",
        &m,
    );
    assert_eq!(t, v(&["补做回访并补录原因", "逐份核实并补签"]));
    assert_eq!(o, vec![v(&["唐若溪"]), v(&["蒋一鸣", "乐雅文"])]);
    assert_eq!(d, vec![due_by_end_of("2026-05-08"), due_by_end_of("2026-05-09")]);
    // On one line; done or standing remedies give nothing.
    let (t, o, _) = one(
        "二、检查发现\n问题一：日志留存不足；措施：扩容日志存储，已于4月底完成；责任人：唐若溪；时限：已完成。\n问题二：外包人员未覆盖；措施：补充外包人员访问条款；责任人：蒋一鸣起草、乐雅文复核；时限：5月20日。\n问题三：培训覆盖率不足；措施：纳入年度培训，常态化开展；责任人：人力资源部；时限：长期。",
        &m,
    );
    assert_eq!(
        (t, o),
        (v(&["补充外包人员访问条款"]), vec![v(&["蒋一鸣", "乐雅文"])])
    );
    // A blank line ends the finding: the meeting's own request after it is work of its own.
    let (t, _, _) = one(
        "问题一：台账不全；措施：补登台账；责任人：唐若溪；时限：5月8日。\n\n会议要求：整改总报告5月20日前报总部，由蒋一鸣汇总。",
        &m,
    );
    assert_eq!(t.len(), 2);
}

#[test]
fn a_range_of_days_a_role_column_and_a_raci_table() {
    let m = ["唐若溪", "蒋一鸣", "乐雅文"];
    let (_, o, d) = one("二、下一步\n1. 乐雅文12月21日至25日期间完成客户的逐户提醒。", &m);
    assert_eq!((o, d), (vec![v(&["乐雅文"])], vec![due_by_end_of("2026-12-25")]));
    let (t, o, d) = one(
        "| 优先级 | 需求 | 开发 | 测试 | 排期 |\n|---|---|---|---|---|\n| P0 | 行情接入扩容 | 唐若溪 | 蒋一鸣 | 8月21日上线 |\n| P1 | 延迟监控看板 | 乐雅文 | 蒋一鸣 | 待定 |",
        &m,
    );
    assert_eq!(t, v(&["行情接入扩容", "延迟监控看板"]));
    assert_eq!(o, vec![v(&["唐若溪", "蒋一鸣"]), v(&["乐雅文", "蒋一鸣"])]);
    assert_eq!(d, vec![due_by_end_of("2026-08-21"), None]);
    let (_, o, _) = one(
        "| 工作项 | R（执行） | A（负责） | C（咨询） | 完成时间 |\n|---|---|---|---|---|\n| 引擎选型 | 唐若溪 | 蒋一鸣 | 乐雅文 | 9月11日 |",
        &m,
    );
    assert_eq!(o[0][0], "唐若溪");
}

#[test]
fn each_takes_a_share_and_who_reminds_or_proposes_does_not() {
    let m = ["唐若溪", "蒋一鸣", "乐雅文", "符晓川"];
    let (_, o, _) = one(
        "二、下一步\n1. 邀约：唐若溪牵头，蒋一鸣、乐雅文各负责本营业部名单，10月13日前确认人数。",
        &m,
    );
    assert_eq!(o, vec![v(&["唐若溪", "蒋一鸣", "乐雅文"])]);
    let (_, o, _) = one(
        "二、下一步\n- 唐若溪提醒：下周一上午9点前把短信通道切回主通道，由蒋一鸣操作。",
        &m,
    );
    assert_eq!(o, vec![v(&["蒋一鸣"])]);
}

#[test]
fn who_raises_work_alone_does_it() {
    let m = ["唐若溪", "蒋一鸣"];
    let (_, o, _) = one(
        "二、下一步\n唐若溪提出下半年实行签约激励与服务挂钩，具体方案下周五前报部门审议。",
        &m,
    );
    assert_eq!(o, vec![v(&["唐若溪"])]);
}
