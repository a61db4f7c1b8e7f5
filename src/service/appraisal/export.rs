//! `考评 导出 [期间] [单位]`: the packs as an xlsx file sent 1:1 to the asker through the
//! durable file path (`Intent::SendFile`, as `/督办 导出`): a 汇总 sheet (one row per person)
//! and one sheet per person (figures by class with the items behind them, the items, the
//! records). An admin gets everyone, a leader the people they lead (and themself); with a
//! unit, only the people who own that unit's items in the period.

use std::collections::BTreeMap;

use super::super::Service;
use super::super::origin::Origin;
use super::super::reply::Replies;
use super::pack::{NOT_ALLOWED, pack_of, person_named};
use crate::card;
use crate::domain::appraisal::{ClassFigures, Pack, Window};
use crate::domain::ids::OpenId;
use crate::export::{Cell, Table, What, workbook};
use crate::feishu::event::MessageEvent;
use crate::feishu::feishu_uuid;
use crate::feishu::files::MAX_FILE_BYTES;
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// The summary sheet's columns.
pub(crate) const SUMMARY_COLUMNS: &[&str] = &[
    "姓名",
    "open_id",
    "交办",
    "完成",
    "按时完成",
    "按时率",
    "平均延误(工作日)",
    "申请延期",
    "批准延期",
    "被催办",
    "下达响应",
    "急难险重",
    "标杆分",
    "负面分",
    "记录数",
];

pub(super) fn export(
    svc: &Service,
    window: Window,
    unit: Option<&str>,
    o: &Origin,
    msg: &MessageEvent,
    replies: &mut Replies<'_>,
    ch: &mut Changes,
) -> Result<(), StoreError> {
    let now = svc.clock.now();
    let access = svc.appraisal_access();
    let example = "/督办 考评 导出 本季度";
    if !access.is_manager(&o.who.open_id) {
        let e = card::error_card(
            "只有上级和管理员可以导出考评材料",
            &format!("导出包含多人的考评材料。你可以发送「/督办 考评 本季度」查看自己的材料。{NOT_ALLOWED}"),
            Some("/督办 考评 本季度"),
        );
        return replies.card(svc, ch, &e);
    }
    let all = svc.store.all_items()?;
    let (start, end) = window.range(now);
    let mut people: Vec<OpenId> = match access.people_of(&o.who.open_id) {
        Some(p) => p,
        None => {
            let mut set: Vec<OpenId> = all
                .iter()
                .filter(|i| i.created_at < end && i.completed_at.is_none_or(|c| c >= start))
                .map(|i| i.owner.open_id.clone())
                .collect();
            for rule in &access.leaders {
                set.push(OpenId(rule.person.clone()));
            }
            set.sort();
            set.dedup();
            set
        }
    };
    let mut unit_name = None;
    if let Some(query) = unit {
        let found = svc
            .units
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .find(query)
            .map(|u| u.name.clone());
        let name = match found {
            Ok(n) => n,
            Err(e) => {
                let c = card::error_card(
                    "单位没有找到",
                    &e.to_string(),
                    Some("/督办 考评 导出 本季度 杭州营业部"),
                );
                return replies.card(svc, ch, &c);
            }
        };
        let ids = svc.store.unit_item_ids(&name)?;
        people.retain(|p| all.iter().any(|i| ids.contains(&i.id) && &i.owner.open_id == p));
        unit_name = Some(name);
    }
    let mut packs = Vec::with_capacity(people.len());
    for p in &people {
        let person = person_named(svc, p, &all);
        packs.push(pack_of(svc, &person, window, &all)?);
    }
    let bytes = match book(&packs) {
        Ok(b) if b.len() <= MAX_FILE_BYTES => b,
        Ok(_) => {
            let c = card::error_card(
                "导出文件太大",
                "文件超过飞书 30 MB 的上限，请缩小范围（例如写上单位）。",
                Some(example),
            );
            return replies.card(svc, ch, &c);
        }
        Err(e) => {
            tracing::error!(error.message = %e, "appraisal xlsx export failed");
            let c = card::error_card("导出失败", "生成 Excel 文件时出错，请稍后再试。", Some(example));
            return replies.card(svc, ch, &c);
        }
    };
    use base64::Engine as _;
    let scope = unit_name.as_deref().map_or_else(String::new, |u| format!("-{u}"));
    let file_name = format!(
        "考评材料-{}{scope}-{}.xlsx",
        window.title(now),
        crate::domain::time::local(now).strftime("%Y%m%d-%H%M")
    );
    let intent = Intent::SendFile {
        open_id: o.who.open_id.0.clone(),
        file_name,
        file_type: "xls".to_owned(),
        data: base64::engine::general_purpose::STANDARD.encode(&bytes),
        file_key: None,
        uuid: feishu_uuid(&format!("appraisal-export:{}", msg.message_id)),
    };
    ch.outbox_push(&svc.store, &OutboxRecord::new(intent, None))?;
    replies.text(
        svc,
        ch,
        &format!(
            "已导出{}{} {} 人的考评材料，Excel 文件稍后私信发给你。",
            window.title(now),
            unit_name.unwrap_or_default(),
            packs.len()
        ),
    )
}

/// The workbook: 汇总, then one sheet per person.
pub(crate) fn book(packs: &[Pack]) -> Result<Vec<u8>, crate::export::ExportError> {
    let summary = Table {
        what: What::Items,
        headers: SUMMARY_COLUMNS.iter().map(|s| (*s).to_owned()).collect(),
        rows: packs.iter().map(summary_row).collect(),
    };
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut sheets: Vec<(String, Table)> = vec![("汇总".to_owned(), summary)];
    for p in packs {
        let base = sheet_name(if p.person.name.is_empty() {
            &p.person.open_id.0
        } else {
            &p.person.name
        });
        let n = names.entry(base.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 {
            base
        } else {
            format!("{}({n})", base.chars().take(26).collect::<String>())
        };
        sheets.push((name, person_sheet(p)));
    }
    let refs: Vec<(&str, &Table)> = sheets.iter().map(|(n, t)| (n.as_str(), t)).collect();
    workbook(&refs)
}

/// A valid Excel sheet name: no `[]:*?/\`, at most 31 characters, never 汇总.
fn sheet_name(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\''))
        .take(31)
        .collect();
    if clean.is_empty() || clean == "汇总" {
        format!("{clean}_")
    } else {
        clean
    }
}

fn num(n: u32) -> Cell {
    Cell::Number(f64::from(n))
}

fn summary_row(p: &Pack) -> Vec<Cell> {
    let t = &p.total;
    let (plus, minus) = p.points();
    vec![
        Cell::Text(p.person.name.clone()),
        Cell::Text(p.person.open_id.0.clone()),
        num(t.assigned.count),
        num(t.completed.count),
        num(t.on_time.count),
        t.on_time_rate().map_or(Cell::Empty, Cell::Percent),
        t.avg_delay_workdays()
            .map_or(Cell::Empty, |d| Cell::Number((d * 10.0).round() / 10.0)),
        num(t.extensions_asked.count),
        num(t.extensions_granted.count),
        num(t.urged.count),
        num(t.batches_answered.count),
        num(t.urgent_handled.count),
        Cell::Number(plus),
        Cell::Number(minus),
        num(u32::try_from(p.records.len()).unwrap_or(u32::MAX)),
    ]
}

/// One person's sheet: (section, 类别, 指标/编号, 数值/标题, 事项/详情 …) rows.
fn person_sheet(p: &Pack) -> Table {
    let headers = ["部分", "类别", "指标或编号", "数值或标题", "事项或说明", "时间"];
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let text = |s: &str| Cell::Text(s.to_owned());
    let mut figures = |c: &ClassFigures| {
        let label = c.class.map_or("合计", |k| k.label());
        for (name, f) in c.figures() {
            let ids: Vec<String> = f.items.iter().map(ToString::to_string).collect();
            rows.push(vec![
                text("指标"),
                text(label),
                text(name),
                num(f.count),
                Cell::Text(ids.join("、")),
                Cell::Empty,
            ]);
        }
        rows.push(vec![
            text("指标"),
            text(label),
            text("平均延误(工作日)"),
            c.avg_delay_workdays()
                .map_or(Cell::Empty, |d| Cell::Number((d * 10.0).round() / 10.0)),
            Cell::Empty,
            Cell::Empty,
        ]);
    };
    figures(&p.total);
    for c in &p.classes {
        figures(c);
    }
    for it in p.items.values() {
        rows.push(vec![
            text("事项"),
            text(it.class.label()),
            Cell::Text(it.id.to_string()),
            Cell::Text(it.title.clone()),
            Cell::Text(format!(
                "{} · {} · 截止 {}",
                it.priority,
                it.status.label(),
                crate::domain::time::local(it.deadline).strftime("%Y-%m-%d %H:%M")
            )),
            it.completed_at.map_or(Cell::Empty, Cell::Time),
        ]);
    }
    for (okr, items) in &p.okrs {
        let ids: Vec<String> = items.iter().map(ToString::to_string).collect();
        rows.push(vec![
            text("对齐OKR"),
            Cell::Empty,
            Cell::Text(okr.id.clone()),
            Cell::Text(okr.text.clone()),
            Cell::Text(ids.join("、")),
            Cell::Empty,
        ]);
    }
    for r in &p.records {
        let mut detail = format!("{:+}分 · 记录人 {}", r.signed_points(), r.recorder.name);
        if let Some(i) = r.item {
            detail.push_str(&format!(" · {i}"));
        }
        if let Some(n) = &r.note {
            detail.push_str(&format!(" · {n}"));
        }
        for c in &r.comments {
            detail.push_str(&format!(" · 本人备注：{}", c.text));
        }
        rows.push(vec![
            text(r.kind.label()),
            Cell::Empty,
            Cell::Text(r.id.to_string()),
            Cell::Text(r.code_and_name()),
            Cell::Text(detail),
            Cell::Time(r.at),
        ]);
    }
    Table {
        what: What::Items,
        headers: headers.iter().map(|s| (*s).to_owned()).collect(),
        rows,
    }
}
