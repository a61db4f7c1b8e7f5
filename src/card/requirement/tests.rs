//! Tests of the requirement cards: snapshots of every state, limits, callback round trips.

use serde_json::{Map, Value, json};

use super::*;
use crate::card::callback::{Callback, CallbackError, parse};
use crate::card::fixtures::{at as ts, now, person};
use crate::card::fmt::within_limits;
use crate::card::project::tests::{callback_of, form_of};
use crate::command::NewReq;
use crate::domain::audit::Source;
use crate::domain::deadline::Deadline;
use crate::domain::ids::ChatId;
use crate::domain::ids::{OpenId, Person, ProjectId, RequirementId};
use crate::domain::priority::Priority;
use crate::domain::project::{ProjectAction, StageTemplate};
use crate::domain::requirement::NewRequirement;
use crate::domain::requirement::ReqAction;
use crate::domain::supervision::{Actor, Policy};

/// A click on a requirement button, as the one callback parser reads it.
fn req_click(
    value: &Value,
    form: Option<&Map<String, Value>>,
    now: Timestamp,
) -> Result<RequirementCardAction, CallbackError> {
    match parse(value, form, now)? {
        Callback::Requirement(action) => Ok(action),
        other => panic!("{value} is not a requirement click: {other:?}"),
    }
}

fn mgr() -> Actor {
    Actor {
        person: person("mgr", "孙八"),
    }
}

fn managers() -> Vec<Person> {
    vec![person("mgr", "孙管理员")]
}

pub(crate) fn submitted() -> Requirement {
    Requirement::create(
        RequirementId(5),
        NewRequirement {
            chat_id: ChatId("oc_branch".to_owned()),
            title: "两融客户合约到期提醒".to_owned(),
            unit: Some("杭州分公司".to_owned()),
            scenario: Some("客户合约到期前一周自动提醒".to_owned()),
            expected: Some(Deadline {
                at: ts(2026, 12, 31, 18, 0),
                has_time: false,
            }),
            priority: Priority::P1,
            contact: Some(person("qian", "钱七")),
            description: Some("短信和APP推送都要".to_owned()),
            submitter: person("zhao", "赵六"),
        },
        ts(2026, 11, 16, 9, 0),
    )
}

fn act(r: &Requirement, a: ReqAction, p: Option<&Project>) -> Requirement {
    let who = match a {
        ReqAction::Supplement { .. } | ReqAction::Feedback { .. } => Actor {
            person: person("zhao", "赵六"),
        },
        _ => mgr(),
    };
    r.apply(a, &who, &managers(), p, ts(2026, 11, 20, 10, 0), Source::System)
        .unwrap()
        .0
}

fn project(stage: usize) -> Project {
    let mut p = Project::create(
        ProjectId(3),
        ChatId("oc_ops".to_owned()),
        "两融提醒",
        person("zhangsan", "张三"),
        &StageTemplate::default_five(),
        ts(2026, 11, 20, 9, 0),
    );
    let owner = Actor {
        person: person("zhangsan", "张三"),
    };
    for _ in 0..stage {
        p = p
            .apply(
                ProjectAction::Advance { note: None },
                &owner,
                &Policy::default(),
                ts(2026, 11, 21, 9, 0),
                Source::System,
            )
            .unwrap()
            .0;
    }
    p
}

pub(crate) fn states() -> Vec<(&'static str, Requirement, Option<Project>)> {
    let accepted = act(
        &submitted(),
        ReqAction::Accept {
            project: Some(ProjectId(3)),
        },
        None,
    );
    vec![
        ("submitted", submitted(), None),
        (
            "needs_info",
            act(
                &submitted(),
                ReqAction::AskInfo {
                    what: "请补充涉及客户数量".to_owned(),
                },
                None,
            ),
            None,
        ),
        ("accepted_in_development", accepted.clone(), Some(project(2))),
        ("accepted_launched", accepted.clone(), Some(project(4))),
        (
            "merged",
            act(
                &submitted(),
                ReqAction::Merge {
                    into: RequirementId(2),
                },
                None,
            ),
            None,
        ),
        (
            "rejected",
            act(
                &submitted(),
                ReqAction::Reject {
                    reason: "监管规定不允许".to_owned(),
                },
                None,
            ),
            None,
        ),
        ("launched_rated", launched_rated(&accepted), Some(project(5))),
        ("closed", closed(&accepted), None),
    ]
}

/// Rated at 效果反馈, then its project completed: 已上线.
fn launched_rated(accepted: &Requirement) -> Requirement {
    let rated = act(
        accepted,
        ReqAction::Feedback {
            rating: 4,
            comment: Some("办理时间从半小时缩短到五分钟".to_owned()),
        },
        Some(&project(4)),
    );
    rated
        .follow_project(&project(5), ts(2026, 11, 21, 10, 0))
        .unwrap()
        .0
}

/// Its project cancelled: 已关闭.
fn closed(accepted: &Requirement) -> Requirement {
    let mut p = project(2);
    p.status = crate::domain::project::ProjectStatus::Cancelled;
    accepted.follow_project(&p, ts(2026, 11, 21, 10, 0)).unwrap().0
}

#[test]
fn a_closed_requirement_shows_its_end_and_no_triage_forms() {
    let all = states();
    let (_, launched, p) = &all[6];
    let manager = requirement_card(launched, p.as_ref(), now()).to_string();
    assert!(
        manager.contains("已上线") && manager.contains("★★★★☆"),
        "{manager}"
    );
    assert!(
        !manager.contains("r_reject") && !manager.contains("r_accept"),
        "{manager}"
    );
    let status = requirement_status_card(launched, p.as_ref(), now());
    assert_eq!(
        status["header"]["title"]["content"],
        "需求已上线：XQ-5 两融客户合约到期提醒"
    );
    assert!(status.to_string().contains("办理时间从半小时缩短到五分钟"));
    let (_, closed, _) = &all[7];
    let manager = requirement_card(closed, None, now()).to_string();
    assert!(
        manager.contains("已关闭") && manager.contains("关联项目 XM-3 已取消"),
        "{manager}"
    );
    assert!(!manager.contains("r_reject"), "{manager}");
}

#[test]
fn the_feedback_card_turns_into_the_rating_given() {
    let (_, r, _) = states().swap_remove(6);
    let c = feedback_done_card(&r, now());
    let text = c.to_string();
    assert!(
        text.contains("★★★★☆（4星）") && text.contains("办理时间从半小时缩短到五分钟"),
        "{text}"
    );
    assert!(!text.contains("r_feedback"), "no form any more: {text}");
    assert_ne!(c, requirement_status_card(&r, None, now()));
    assert!(within_limits(&c));
    insta::assert_json_snapshot!("req_feedback_done", c);
}

#[test]
fn the_submitted_card_says_where_the_triage_card_went() {
    let c = requirement_submitted_card(&submitted(), "已单独发给需求管理员（孙管理员）受理", now());
    let text = c.to_string();
    assert!(
        text.contains("需求已提交") && text.contains("已单独发给需求管理员（孙管理员）受理"),
        "{text}"
    );
    assert!(within_limits(&c));
}

#[test]
fn snapshots_of_the_manager_and_status_cards_in_every_state() {
    for (name, r, p) in states() {
        let manager = requirement_card(&r, p.as_ref(), now());
        let status = requirement_status_card(&r, p.as_ref(), now());
        assert!(within_limits(&manager) && within_limits(&status), "{name}");
        insta::assert_json_snapshot!(format!("req_{name}"), manager);
        insta::assert_json_snapshot!(format!("req_status_{name}"), status);
    }
}

#[test]
fn the_status_card_shows_the_loop_position() {
    let (_, r, p) = states().swap_remove(2);
    let text = requirement_status_card(&r, p.as_ref(), now()).to_string();
    assert!(
        text.contains("已提交 ✓ → 已受理 ✓ → **进入开发** ▶ → 测试 → 上线"),
        "{text}"
    );
    let merged = requirement_status_card(&states()[4].1, None, now()).to_string();
    assert!(merged.contains("已合并到 XQ-2"));
}

#[test]
fn every_triage_form_round_trips() {
    let r = submitted();
    let live = requirement_card(&r, None, now());
    assert!(
        !live.to_string().contains(r#""tag":"form""#),
        "the triage card carries no form"
    );
    assert_eq!(callback_of(&live, "open_r_reject")["v"], json!(r.version));
    let forms: Vec<Value> = ["r_accept", "r_ask_info", "r_merge", "r_reject"]
        .iter()
        .map(|op| triage_form_card(&r, op, None).unwrap())
        .collect();
    let c = json!(forms);
    assert_eq!(callback_of(&c, "r_reject_submit")["v"], json!(r.version));
    let id = RequirementId(5);
    let run =
        |name: &str, form: &[(&str, &str)]| req_click(&callback_of(&c, name), Some(&form_of(form)), now());
    let acts = |action| Ok(RequirementCardAction::Act { req: id, action });
    assert_eq!(
        run("r_accept_submit", &[]),
        acts(ReqAction::Accept { project: None })
    );
    assert_eq!(
        run("r_accept_submit", &[("project", "XM-3")]),
        acts(ReqAction::Accept {
            project: Some(ProjectId(3))
        })
    );
    assert_eq!(
        run("r_accept_submit", &[("project", "新建项目")]),
        Ok(RequirementCardAction::AcceptIntoNewProject { req: id })
    );
    assert!(matches!(
        run("r_accept_submit", &[("project", "x")]),
        Err(CallbackError::BadValue { .. })
    ));
    assert_eq!(
        run("r_merge_submit", &[("into", "xq2")]),
        acts(ReqAction::Merge {
            into: RequirementId(2)
        })
    );
    assert_eq!(
        run("r_merge_submit", &[]),
        Err(CallbackError::MissingField {
            field: "需求编号"
        })
    );
    assert_eq!(
        run("r_reject_submit", &[("reason", "不允许")]),
        acts(ReqAction::Reject {
            reason: "不允许".to_owned()
        })
    );
    assert_eq!(run("r_reject_submit", &[]), Err(CallbackError::MissingReason));
    assert_eq!(
        run("r_ask_info_submit", &[("what", "客户数量")]),
        acts(ReqAction::AskInfo {
            what: "客户数量".to_owned()
        })
    );
}

#[test]
fn supplement_and_feedback_forms_round_trip() {
    let needs = &states()[1].1;
    let c = requirement_status_card(needs, None, now());
    let v = callback_of(&c, "r_supplement_submit");
    assert_eq!(
        req_click(&v, Some(&form_of(&[("text", "约3000户")])), now()),
        Ok(RequirementCardAction::Act {
            req: RequirementId(5),
            action: ReqAction::Supplement {
                text: "约3000户".to_owned()
            }
        })
    );
    let accepted = &states()[3].1;
    let fb = feedback_card(accepted);
    assert!(within_limits(&fb));
    insta::assert_json_snapshot!("req_feedback", fb);
    let v = callback_of(&fb, "r_feedback_submit");
    let parsed = req_click(&v, Some(&form_of(&[("rating", "4"), ("comment", "好用")])), now());
    let Ok(RequirementCardAction::Act { action, .. }) = parsed else {
        panic!("{parsed:?}")
    };
    assert_eq!(
        action,
        ReqAction::Feedback {
            rating: 4,
            comment: Some("好用".to_owned())
        }
    );
    // And it applies once the project is live.
    assert!(
        accepted
            .apply(
                action,
                &Actor {
                    person: person("zhao", "赵六")
                },
                &managers(),
                Some(&project(4)),
                now(),
                Source::System
            )
            .is_ok()
    );
    assert!(matches!(
        req_click(&v, Some(&form_of(&[("rating", "9")])), now()),
        Err(CallbackError::BadValue { .. })
    ));
    assert_eq!(
        req_click(&v, None, now()),
        Err(CallbackError::MissingField { field: "评分" })
    );
}

#[test]
fn the_submission_form_round_trips() {
    let c = requirement_form_card();
    assert!(within_limits(&c));
    insta::assert_json_snapshot!("req_form", c);
    let v = callback_of(&c, "r_submit_submit");
    let form = form_of(&[
        ("title", "开户流程优化"),
        ("unit", "宁波营业部"),
        ("expected", "2026-12-31 +0800"),
        ("priority", "P0"),
        ("contact", "ou_qian"),
    ]);
    assert_eq!(
        req_click(&v, Some(&form), now()),
        Ok(RequirementCardAction::Submit(NewReq {
            title: "开户流程优化".to_owned(),
            unit: Some("宁波营业部".to_owned()),
            scenario: None,
            expected: Some(Deadline {
                at: ts(2026, 12, 31, 18, 0),
                has_time: false
            }),
            priority: Priority::P0,
            contact: Some(Person {
                open_id: OpenId("ou_qian".to_owned()),
                name: String::new()
            }),
            description: None,
        }))
    );
    assert_eq!(
        req_click(&v, Some(&form_of(&[("unit", "x")])), now()),
        Err(CallbackError::MissingField {
            field: "需求标题"
        })
    );
    assert_eq!(
        req_click(
            &v,
            Some(&form_of(&[("title", "t"), ("expected", "2026-01-01")])),
            now()
        ),
        Err(CallbackError::PastDate)
    );
}

#[test]
fn other_families_are_not_requirement_callbacks() {
    assert!(matches!(
        parse(&json!({"op": "p_advance", "project": 1}), None, now()),
        Ok(Callback::Project(..))
    ));
    assert!(matches!(
        parse(&json!({"op": "acknowledge", "item": 1}), None, now()),
        Ok(Callback::Item(_))
    ));
    assert_eq!(
        req_click(&json!({"op": "r_reject"}), None, now()),
        Err(CallbackError::Malformed)
    );
}

#[test]
fn snapshots_of_the_board_and_help() {
    let mut reqs: Vec<Requirement> = states().into_iter().map(|(_, r, _)| r).collect();
    let mut old = submitted();
    old.id = RequirementId(1);
    old.unit = Some("宁波营业部".to_owned());
    old.created_at = ts(2026, 10, 1, 9, 0);
    reqs.push(old);
    let board = requirement_board_card(&reqs, now());
    assert!(within_limits(&board));
    let text = board.to_string();
    assert!(text.contains("杭州分公司 **4**"), "{text}");
    assert!(text.contains("30天以上 **1**"));
    insta::assert_json_snapshot!("req_board", board);
    let help = requirement_help_card();
    assert!(within_limits(&help));
    insta::assert_json_snapshot!("req_help", help);
    assert!(
        requirement_board_card(&[], now())
            .to_string()
            .contains("/需求 新建")
    );
}

#[test]
fn a_requirement_names_its_unit_and_its_proposer_only_when_they_differ() {
    // 提出单位 as written differs from the registered unit: both lines.
    let r = submitted().in_unit(Some("杭州营业部".to_owned()));
    let text = requirement_card(&r, None, now()).to_string();
    assert!(
        text.contains("**提出单位**：杭州分公司") && text.contains("**单位**：杭州营业部"),
        "{text}"
    );
    let status = requirement_status_card(&r, None, now()).to_string();
    assert!(status.contains("**单位**：杭州营业部"), "{status}");
    // The same name: one line.
    let mut same = submitted().in_unit(Some("杭州分公司".to_owned()));
    same.unit = Some("杭州分公司".to_owned());
    let text = requirement_card(&same, None, now()).to_string();
    assert!(
        !text.contains("**提出单位**") && text.contains("**单位**：杭州分公司"),
        "{text}"
    );
    // No registered unit: as before.
    let plain = requirement_card(&submitted(), None, now()).to_string();
    assert!(
        plain.contains("**提出单位**：杭州分公司") && !plain.contains("**单位**"),
        "{plain}"
    );
}
