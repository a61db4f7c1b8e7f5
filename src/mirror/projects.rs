//! Projects and requirements as Bitable rows (pure), in the formats of [`super::items`]:
//! dates as ms timestamps, people as `[{"id":"ou_…"}]`, empty cells `null`. Every row carries
//! 更新时间, which changes with every change, so a retried batch is idempotent by content.

use jiff::Timestamp;
use serde_json::{Map, Value, json};

use super::record::{KEY_FIELD, MirrorRecord, MirrorTable};
use crate::calendar::Calendar;
use crate::domain::ids::Person;
use crate::domain::project::{Project, ProjectStatus};
use crate::domain::requirement::{Requirement, loop_status, stars};

/// The projects table's columns: (name, Bitable field type). 编号 is the primary column.
pub const PROJECT_FIELDS: &[(&str, &str)] = &[
    (KEY_FIELD, "文本（主字段），如 XM-3"),
    ("项目名称", "文本"),
    ("负责人", "人员"),
    ("状态", "单选：进行中 / 已完成 / 已取消"),
    ("当前阶段", "单选"),
    ("阶段负责人", "人员"),
    ("阶段计划完成", "日期（含时间）"),
    ("阶段进度", "文本，如 2/5"),
    ("是否延期", "复选框"),
    ("停滞工作日", "数字"),
    ("关联事项", "文本"),
    ("关联需求", "文本"),
    ("模板", "文本"),
    ("群", "文本（群 ID）"),
    ("单位", "文本（所属单位，如 杭州营业部）"),
    ("创建时间", "日期（含时间）"),
    ("更新时间", "日期（含时间）"),
];

/// The requirements table's columns.
pub const REQUIREMENT_FIELDS: &[(&str, &str)] = &[
    (KEY_FIELD, "文本（主字段），如 XQ-7"),
    ("需求标题", "文本"),
    ("提出单位", "文本"),
    ("单位", "文本（登记的单位，如 杭州营业部）"),
    ("提出人", "人员"),
    ("联系人", "人员"),
    ("优先级", "单选：P0 紧急 / P1 高 / P2 中 / P3 低"),
    ("状态", "单选：待受理 / 待补充 / 已受理 / 已合并 / 已驳回"),
    (
        "进展",
        "单选：已提交 / 待补充 / 已受理 / 进入开发 / 测试 / 上线 / 已合并 / 已驳回",
    ),
    ("关联项目", "文本"),
    ("合并到", "文本"),
    ("场景", "文本"),
    ("期望上线时间", "日期（含时间）"),
    ("评分", "文本，如 ★★★★☆"),
    ("评价", "文本"),
    ("群", "文本（群 ID）"),
    ("提交时间", "日期（含时间）"),
    ("受理时间", "日期（含时间）"),
    ("更新时间", "日期（含时间）"),
];

fn person(p: Option<&Person>) -> Value {
    p.map_or(Value::Null, |p| json!([{ "id": p.open_id.0 }]))
}

fn text(s: Option<&str>) -> Value {
    s.map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or(Value::Null, |t| json!(t))
}

fn ms(t: Option<Timestamp>) -> Value {
    t.map_or(Value::Null, |t| json!(t.as_millisecond()))
}

fn joined<T: ToString>(ids: &[T]) -> Value {
    if ids.is_empty() {
        Value::Null
    } else {
        json!(ids.iter().map(ToString::to_string).collect::<Vec<_>>().join("、"))
    }
}

/// A project's row. Every column of [`PROJECT_FIELDS`] is present.
pub fn project_fields(p: &Project, now: Timestamp, cal: &Calendar) -> Map<String, Value> {
    let stage = p.current_stage();
    let done = if p.status == ProjectStatus::Done {
        p.stages.len()
    } else {
        p.current
    };
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_owned(), v);
    };
    put(KEY_FIELD, json!(p.id.to_string()));
    put("项目名称", json!(p.name));
    put("负责人", person(Some(&p.owner)));
    put("状态", json!(p.status.label()));
    put("当前阶段", text(stage.map(|s| s.name.as_str())));
    put("阶段负责人", person(stage.and_then(|s| s.owner.as_ref())));
    put("阶段计划完成", ms(stage.and_then(|s| s.planned_end)));
    put("阶段进度", json!(format!("{done}/{}", p.stages.len())));
    put("是否延期", json!(p.is_late(now)));
    put(
        "停滞工作日",
        p.stalled_workdays(now, cal).map_or(Value::Null, |n| json!(n)),
    );
    put("关联事项", joined(&p.items));
    put("关联需求", joined(&p.requirements));
    put("模板", json!(p.template));
    put("群", json!(p.chat_id.0));
    put("单位", text(p.org_unit.as_deref()));
    put("创建时间", ms(Some(p.created_at)));
    put("更新时间", ms(Some(p.updated_at)));
    m
}

/// A requirement's row (`project`: its linked project, for the 进展 column).
pub fn requirement_fields(r: &Requirement, project: Option<&Project>) -> Map<String, Value> {
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_owned(), v);
    };
    put(KEY_FIELD, json!(r.id.to_string()));
    put("需求标题", json!(r.title));
    put("提出单位", text(r.unit.as_deref()));
    put("单位", text(r.org_unit.as_deref()));
    put("提出人", person(Some(&r.submitter)));
    put("联系人", person(r.contact.as_ref()));
    put("优先级", json!(format!("{} {}", r.priority, r.priority.label())));
    put("状态", json!(r.status.label()));
    put("进展", json!(loop_status(r, project).label()));
    put("关联项目", text(r.project.map(|p| p.to_string()).as_deref()));
    put("合并到", text(r.merged_into.map(|p| p.to_string()).as_deref()));
    put("场景", text(r.scenario.as_deref()));
    put("期望上线时间", ms(r.expected.as_ref().map(|e| e.at)));
    put(
        "评分",
        r.feedback
            .as_ref()
            .map_or(Value::Null, |f| json!(stars(f.rating))),
    );
    put(
        "评价",
        text(r.feedback.as_ref().and_then(|f| f.comment.as_deref())),
    );
    put("群", json!(r.chat_id.0));
    put("提交时间", ms(Some(r.created_at)));
    put("受理时间", ms(r.triaged_at));
    put("更新时间", ms(Some(r.updated_at)));
    m
}

/// The project's [`MirrorRecord`].
pub fn project_record(p: &Project, now: Timestamp, cal: &Calendar) -> MirrorRecord {
    MirrorRecord {
        table: MirrorTable::Projects,
        key: p.id.to_string(),
        fields: project_fields(p, now, cal),
    }
}

/// The requirement's [`MirrorRecord`].
pub fn requirement_record(r: &Requirement, project: Option<&Project>) -> MirrorRecord {
    MirrorRecord {
        table: MirrorTable::Requirements,
        key: r.id.to_string(),
        fields: requirement_fields(r, project),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::ids::{ChatId, OpenId, ProjectId, RequirementId};
    use crate::domain::priority::Priority;
    use crate::domain::project::StageTemplate;
    use crate::domain::requirement::NewRequirement;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn who(id: &str) -> Person {
        Person {
            open_id: OpenId(id.to_owned()),
            name: "某人".to_owned(),
        }
    }

    fn project() -> Project {
        Project::create(
            ProjectId(3),
            ChatId("oc_g".to_owned()),
            "开户流程优化",
            who("ou_zs"),
            &StageTemplate::default_five(),
            ts("2026-03-11T02:00:00Z"),
        )
    }

    fn sorted(fields: &[(&str, &str)]) -> Vec<String> {
        let mut v: Vec<String> = fields.iter().map(|(n, _)| (*n).to_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_project_row_has_exactly_the_documented_columns() {
        let m = project_fields(&project(), ts("2026-03-11T03:00:00Z"), &Calendar::builtin());
        let mut keys: Vec<String> = m.keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, sorted(PROJECT_FIELDS));
        assert_eq!(m["编号"], "XM-3");
        assert_eq!(m["当前阶段"], "需求对接");
        assert_eq!(m["阶段进度"], "0/5");
        assert_eq!(m["负责人"], json!([{"id": "ou_zs"}]));
    }

    #[test]
    fn a_requirement_row_has_exactly_the_documented_columns_and_its_loop_status() {
        let mut r = Requirement::create(
            RequirementId(7),
            NewRequirement {
                chat_id: ChatId("oc_b".to_owned()),
                title: "两融线上化".to_owned(),
                unit: Some("杭州营业部".to_owned()),
                scenario: None,
                expected: None,
                priority: Priority::P1,
                contact: None,
                description: None,
                submitter: who("ou_b"),
            },
            ts("2026-03-11T02:00:00Z"),
        );
        r.status = crate::domain::requirement::ReqStatus::Accepted;
        r.project = Some(ProjectId(3));
        let m = requirement_fields(&r, Some(&project()));
        let mut keys: Vec<String> = m.keys().cloned().collect();
        keys.sort();
        assert_eq!(keys, sorted(REQUIREMENT_FIELDS));
        assert_eq!(m["进展"], "已受理");
        assert_eq!(m["关联项目"], "XM-3");
        assert_eq!(m["联系人"], Value::Null);
        assert_eq!(m["优先级"], "P1 高");
    }
}
