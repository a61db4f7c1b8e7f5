//! Review blocks in the manner of the sixth held-out set's (tuning data since a seventh set was
//! written), each rule tested on phrasings of our own.

#![allow(clippy::unwrap_used)]

use super::testkit::{due_by_end_of, dues, owners, run, texts};

const TEAM: &[&str] = &["魏东", "韩雪", "林可", "Lily"];

/// The items' owners as plain names, with their deadlines.
fn who_when(text: &str) -> Vec<(Vec<String>, Option<String>)> {
    let ex = run(text, TEAM);
    owners(&ex).into_iter().zip(dues(&ex)).collect()
}

fn one(name: &str) -> Vec<String> {
    vec![name.to_owned()]
}

// one item per person, each with the date of its clause (heldout6 05, 06, 55).

#[test]
fn a_conclusion_naming_two_people_gives_two_items() {
    let variants = [
        "需求1：两融预警阈值可配置\n结论：通过。魏东补充各档阈值的业务口径，3月13日前；韩雪负责开发联调，3月底上线。",
        // Phone-typed, parts apart by single spaces, the key without a colon.
        "1) 两融预警阈值可配置\n  评审意见 通过 魏东3月13日前出口径说明 韩雪负责开发联调 3月底上线",
        // `由` before the first, a comma before each date.
        "需求1：两融预警阈值可配置\n评审结论：同意，由魏东整理口径说明，3月13日前；韩雪跟进开发联调，3月底前完成。",
        // A conditional pass, with a dash.
        "【XQ-88】两融预警阈值可配置\n评审结论：有条件通过——魏东补充口径说明，3月13日前；韩雪同步准备开发联调，3月底前完成。",
        // The work before the one who does it.
        "需求1：两融预警阈值可配置\n结论：通过。口径说明由魏东3月13日前补充；开发联调由韩雪负责，3月底上线。",
        "需求1：两融预警阈值可配置\n结论：通过，口径说明魏东出，3月13日前；开发联调韩雪负责，3月底上线。",
    ];
    for text in variants {
        assert_eq!(
            who_when(text),
            vec![
                (one("魏东"), due_by_end_of("2026-03-13")),
                (one("韩雪"), due_by_end_of("2026-03-31")),
            ],
            "{text}"
        );
        let t = texts(&run(text, TEAM));
        assert!(t[0].contains("口径") && t[1].contains("开发联调"), "{t:?}");
    }
}

#[test]
fn a_conclusion_naming_one_person_or_rejecting_stays_as_before() {
    let ex = run(
        "需求1：APP行情页增加额度提示\n结论：通过。魏东负责出开发排期表，3月13日前给出。",
        TEAM,
    );
    assert_eq!(owners(&ex), vec![one("魏东")]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-13")]);
    let rejected = run(
        "需求2：名片页增加直播入口\n结论：不通过。魏东补充留痕方案，3月13日前；韩雪负责评估，3月底前。",
        TEAM,
    );
    assert!(rejected.items.is_empty(), "{:?}", texts(&rejected));
}

// who does it written after the work (`测试用例Lily出`).

#[test]
fn follow_up_fields_give_one_item_per_named_person() {
    let variants = [
        "1) XQ-301 定投计划批量修改\n  评审意见 通过\n  后续 魏东写详细设计,3月12日前评审;测试用例Lily出，时间待定",
        "需求1：定投计划批量修改\n结论：通过\n后续：魏东3月12日前写好详细设计；测试用例由Lily写",
        "需求1：定投计划批量修改\n结论：通过\n跟进：魏东写详细设计，3月12日前评审。测试用例Lily负责，时间待定。",
    ];
    for text in variants {
        assert_eq!(
            who_when(text),
            vec![(one("魏东"), due_by_end_of("2026-03-12")), (one("Lily"), None)],
            "{text}"
        );
    }
}

#[test]
fn a_recipient_in_a_follow_up_field_is_not_an_owner() {
    let ex = run(
        "【XQ-501】基金详情页展示同类排名\n评审结论：有条件通过\n跟进：魏东补充数据来源说明，3月13日前发韩雪确认。",
        TEAM,
    );
    assert_eq!(owners(&ex), vec![one("魏东")]);
    assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-13")]);
}

// keeps its person (heldout6 07).

#[test]
fn work_indented_under_a_verdict_line_keeps_each_person() {
    let variants = [
        "一、XQ-410 对账单加水印 —— 不通过\n三、XQ-412 KYC年审提醒 —— 通过\n   魏东尽快给出提醒规则初稿；韩雪负责接口文档",
        "1. KYC年审提醒：通过\n    魏东尽快给出提醒规则初稿；韩雪负责接口文档",
        "- XQ-412 KYC年审提醒（通过）\n    魏东尽快给出提醒规则初稿；韩雪负责接口文档",
    ];
    for text in variants {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one("魏东"), one("韩雪")], "{text}");
        let t = texts(&ex);
        assert!(
            t[0].contains("提醒规则初稿") && t[1].contains("接口文档"),
            "{t:?}"
        );
    }
}

// work and a date (`会后：林可把评审结果同步到需求系统，今天下班前`). Each is an item of its own.

#[test]
fn other_peoples_work_in_a_blocks_fields_is_its_own_item() {
    let cases = [
        (
            "【需求五】清算对账差异自动提醒\n评审结论：通过，但需先补充差异分类规则。\n责任人：韩雪；规则由魏东提供，3月13日前给到韩雪。\n完成时限：3月底",
            "差异分类规则",
            "魏东",
            due_by_end_of("2026-03-13"),
        ),
        (
            "需求1：清算对账差异自动提醒\n结论：通过\n负责人：韩雪；魏东3月13日前把差异分类规则整理给韩雪\n完成时限：3月底",
            "差异分类规则",
            "魏东",
            due_by_end_of("2026-03-13"),
        ),
        (
            "■ 需求五 财富工作台客户持仓穿透\n评审结论：通过，本期只做公募部分\n负责人：韩雪\n完成时限：3月底\n■ 会后：林可把评审结果同步到需求系统，今天下班前。",
            "需求系统",
            "林可",
            due_by_end_of("2026-03-10"),
        ),
    ];
    for (text, work, who, due) in cases {
        let ex = run(text, TEAM);
        let t = texts(&ex);
        assert_eq!(t.len(), 2, "{text}\n{t:?}");
        assert_eq!(owners(&ex)[0], one("韩雪"), "{t:?}");
        assert_eq!(dues(&ex)[0], due_by_end_of("2026-03-31"), "{text}");
        assert!(t[1].contains(work), "{t:?}");
        assert_eq!(owners(&ex)[1], one(who), "{t:?}");
        assert_eq!(dues(&ex)[1], due, "{text}");
    }
}

// who is to rework it and by when; without both it gives nothing.

#[test]
fn a_request_sent_back_for_rework_by_a_named_person_is_an_item() {
    let asked = [
        "XQ-88 营业部大屏展示两融实时数据\n结论：退回。请需求方经纪业务部魏东补充数据安全评估后重新提交，3月20日前。",
        "需求2：营业部大屏展示两融实时数据\n评审结论：暂缓，需魏东3月20日前补充数据安全评估后再评。",
        "【XQ-88】营业部大屏展示两融实时数据\n评审意见：不通过，要求魏东重新做数据安全评估，3月20日前重新提交。",
    ];
    for text in asked {
        let ex = run(text, TEAM);
        assert_eq!(owners(&ex), vec![one("魏东")], "{text}\n{:?}", texts(&ex));
        assert_eq!(dues(&ex), vec![due_by_end_of("2026-03-20")], "{text}");
        assert!(texts(&ex)[0].contains("数据安全评估"), "{:?}", texts(&ex));
    }
    let not_asked = [
        "XQ-95 对账单增加英文版\n结论：不通过，使用量过低。",
        "XQ-96 智能客服接入大模型\n结论：暂缓。待公司AI使用管理办法出台后再评。",
        "XQ-97 营业部自定义欢迎语\n结论：暂缓，下季度再议。",
    ];
    for text in not_asked {
        assert!(run(text, TEAM).items.is_empty(), "{text}");
    }
}
