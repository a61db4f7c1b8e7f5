//! Exports for operators and managers (`duban export`, `/督办 导出`): items, projects,
//! requirements or the audit trail as CSV (UTF-8 with a BOM, so Excel and WPS open it
//! cleanly) or xlsx.
//!
//! The columns of items, projects and requirements are the Bitable mirror's
//! ([`crate::mirror::ITEM_FIELDS`] …), filled by the mirror's own mapping and turned into
//! spreadsheet cells: people by name, times in Asia/Shanghai, check boxes as 是/否.
//! [`rows`] reads the store; the rest is pure.

use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::calendar::Calendar;
use crate::domain::audit::AuditRecord;
use crate::domain::ids::OpenId;
use crate::domain::permissions::ActionKind;
use crate::mirror::{ITEM_FIELDS, PROJECT_FIELDS, REQUIREMENT_FIELDS};
use crate::store::{Store, StoreError};

mod unit;

pub use unit::{UnitScope, UnitScopeError};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// 督办事项 (DB-n).
    Items,
    /// 项目 (XM-n).
    Projects,
    /// 需求 (XQ-n).
    Requirements,
    /// 审计记录 of items, projects and requirements.
    Audit,
}

impl What {
    /// The sheet name (also used in file names).
    pub fn label(self) -> &'static str {
        match self {
            Self::Items => "督办事项",
            Self::Projects => "项目",
            Self::Requirements => "需求",
            Self::Audit => "审计记录",
        }
    }
}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CSV, UTF-8 with a BOM.
    Csv,
    /// Excel 2007+ workbook.
    Xlsx,
}

/// Which rows: by creation time (audit: the record's time), in Asia/Shanghai days, inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// First day.
    pub from: Option<Date>,
    /// Last day.
    pub to: Option<Date>,
    /// A registered unit's name (`--unit`): only what belongs to it (see [`UnitScope`]).
    pub unit: Option<String>,
    /// Only items this person created (a 督办人 exporting from the chat).
    pub creator: Option<OpenId>,
}

/// Export failures, in plain Chinese.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The request cannot be served as asked.
    #[error("{0}")]
    Refused(String),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the file failed.
    #[error("导出文件生成失败：{0}")]
    Write(String),
}

impl From<UnitScopeError> for ExportError {
    fn from(e: UnitScopeError) -> Self {
        match e {
            UnitScopeError::Unknown(why) => Self::Refused(why),
            UnitScopeError::Store(e) => Self::Store(e),
        }
    }
}

/// One spreadsheet cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A fraction shown as a percentage (0.6 → 60%).
    Percent(f64),
    /// An instant, shown in Asia/Shanghai.
    Time(Timestamp),
}

impl Cell {
    /// The cell as CSV text (times `2026-03-11 10:00`, percentages `60%`).
    pub fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => s.clone(),
            Self::Number(n) => format_number(*n),
            Self::Percent(p) => format!("{}%", format_number((p * 100.0).round())),
            Self::Time(t) => shanghai(*t).strftime("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

fn shanghai(t: Timestamp) -> jiff::civil::DateTime {
    crate::domain::time::local(t)
}

/// A sheet: headers and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What it holds.
    pub what: What,
    /// Column headers (the mirror's, for items, projects and requirements).
    pub headers: Vec<String>,
    /// Rows, in id order.
    pub rows: Vec<Vec<Cell>>,
}

/// The audit sheet's columns.
pub const AUDIT_COLUMNS: &[&str] = &["编号", "时间", "操作人", "操作", "来源", "变更", "说明"];

fn in_range(t: Timestamp, f: &Filter) -> bool {
    let day = shanghai(t).date();
    f.from.is_none_or(|d| day >= d) && f.to.is_none_or(|d| day <= d)
}

/// Every open_id → name found anywhere in `v` (people are `{"open_id", "name"}` objects). A
/// person whose name was never learned is shown by open_id.
fn names(v: &Value, out: &mut std::collections::HashMap<String, String>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(id)), Some(Value::String(n))) = (m.get("open_id"), m.get("name"))
                && !n.trim().is_empty()
            {
                out.insert(id.clone(), n.clone());
            }
            m.values().for_each(|x| names(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| names(x, out)),
        _ => {}
    }
}

/// A mirror row as cells, in the order of `columns`, by each column's Bitable type.
fn mirror_cells(
    fields: &Map<String, Value>,
    columns: &[(&str, &str)],
    who: &std::collections::HashMap<String, String>,
) -> Vec<Cell> {
    columns
        .iter()
        .map(|(name, kind)| {
            let v = fields.get(*name).unwrap_or(&Value::Null);
            match v {
                Value::Null => Cell::Empty,
                Value::Array(ps) if kind.starts_with("人员") => Cell::Text(
                    ps.iter()
                        .filter_map(|p| p["id"].as_str())
                        .map(|id| who.get(id).cloned().unwrap_or_else(|| id.to_owned()))
                        .collect::<Vec<_>>()
                        .join("、"),
                ),
                Value::Number(n) if kind.starts_with("日期") => n
                    .as_i64()
                    .and_then(|ms| Timestamp::from_millisecond(ms).ok())
                    .map_or(Cell::Empty, Cell::Time),
                Value::Number(n) if kind.starts_with("进度") => Cell::Percent(n.as_f64().unwrap_or(0.0)),
                Value::Number(n) => Cell::Number(n.as_f64().unwrap_or(0.0)),
                Value::Bool(b) => Cell::Text(if *b { "是" } else { "否" }.to_owned()),
                Value::String(s) => Cell::Text(s.clone()),
                Value::Array(a) => Cell::Text(
                    a.iter()
                        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_owned))
                        .collect::<Vec<_>>()
                        .join("、"),
                ),
                Value::Object(_) => Cell::Text(v.to_string()),
            }
        })
        .collect()
}

fn headers(columns: &[(&str, &str)]) -> Vec<String> {
    columns.iter().map(|(n, _)| (*n).to_owned()).collect()
}

fn action_label(key: &str) -> &str {
    match key {
        "create" => "创建",
        key => ActionKind::from_key(key).map_or(key, |k| k.label()),
    }
}

fn audit_row(subject: String, r: &AuditRecord) -> Vec<Cell> {
    let changes: Vec<String> = r
        .changes
        .iter()
        .map(|c| {
            let or_none = |s: &str| {
                if s.is_empty() {
                    "无".to_owned()
                } else {
                    s.to_owned()
                }
            };
            format!(
                "{}：{} → {}",
                c.field_label(),
                or_none(&c.before),
                or_none(&c.after)
            )
        })
        .collect();
    let text = |s: String| if s.is_empty() { Cell::Empty } else { Cell::Text(s) };
    vec![
        Cell::Text(subject),
        Cell::Time(r.at),
        Cell::Text(if r.actor.name.trim().is_empty() {
            r.actor.open_id.0.clone()
        } else {
            r.actor.name.clone()
        }),
        Cell::Text(action_label(&r.action).to_owned()),
        Cell::Text(r.source.label().to_owned()),
        text(changes.join("；")),
        text(r.note.clone().unwrap_or_default()),
    ]
}

/// The items sheet for `items` (each with the unit it belongs to), in the given order.
pub fn items_table(
    items: &[(crate::domain::supervision::Item, Option<String>)],
    now: Timestamp,
    cal: &Calendar,
) -> Table {
    let mut who = std::collections::HashMap::new();
    let mut rows = Vec::new();
    for (it, unit) in items {
        names(&serde_json::to_value(it).unwrap_or_default(), &mut who);
        rows.push(mirror_cells(
            &crate::mirror::item_fields(it, unit.as_deref(), now, cal),
            ITEM_FIELDS,
            &who,
        ));
    }
    Table {
        what: What::Items,
        headers: headers(ITEM_FIELDS),
        rows,
    }
}

/// The audit sheet for `records` (subject label, record), in the given order.
pub fn audit_table(records: &[(String, AuditRecord)]) -> Table {
    Table {
        what: What::Audit,
        headers: AUDIT_COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
        rows: records.iter().map(|(s, r)| audit_row(s.clone(), r)).collect(),
    }
}

/// Reads the rows of `what` from the store. `now` and `cal` compute the derived columns
/// (是否逾期, 逾期工作日, 停滞工作日) as the mirror does; `units` are the configured units
/// (the store adds those bound in chat), against which `f.unit` is read.
///
/// # Errors
/// [`ExportError::Refused`] for a unit name that names no registered unit; store errors.
pub fn rows(
    store: &Store,
    what: What,
    f: &Filter,
    units: &crate::domain::unit::UnitRegistry,
    now: Timestamp,
    cal: &Calendar,
) -> Result<Table, ExportError> {
    let scope = match f.unit.as_deref() {
        Some(q) => Some(UnitScope::resolve(store, units, q)?),
        None => None,
    };
    let mut who = std::collections::HashMap::new();
    let table = match what {
        What::Items => {
            let all = match &scope {
                Some(s) => s.items(store)?,
                None => store.all_items()?,
            };
            let mut items = Vec::new();
            for it in all {
                if in_range(it.created_at, f) && f.creator.as_ref().is_none_or(|c| *c == it.creator.open_id) {
                    let unit = match &scope {
                        Some(s) => Some(s.name.clone()),
                        None => store.unit_of_item(it.id)?,
                    };
                    items.push((it, unit));
                }
            }
            items_table(&items, now, cal)
        }
        What::Projects => {
            let mut rows = Vec::new();
            for p in store.all_projects()? {
                if !in_range(p.created_at, f) || scope.as_ref().is_some_and(|s| !s.has_project(&p)) {
                    continue;
                }
                names(&serde_json::to_value(&p).unwrap_or_default(), &mut who);
                rows.push(mirror_cells(
                    &crate::mirror::project_fields(&p, now, cal),
                    PROJECT_FIELDS,
                    &who,
                ));
            }
            Table {
                what,
                headers: headers(PROJECT_FIELDS),
                rows,
            }
        }
        What::Requirements => {
            let mut rows = Vec::new();
            for r in store.all_requirements()? {
                if !in_range(r.created_at, f) || scope.as_ref().is_some_and(|s| !s.has_requirement(&r)) {
                    continue;
                }
                let project = match r.project {
                    Some(p) => store.get_project(p)?,
                    None => None,
                };
                names(&serde_json::to_value(&r).unwrap_or_default(), &mut who);
                let fields = crate::mirror::requirement_fields(&r, project.as_ref());
                rows.push(mirror_cells(&fields, REQUIREMENT_FIELDS, &who));
            }
            Table {
                what,
                headers: headers(REQUIREMENT_FIELDS),
                rows,
            }
        }
        What::Audit => {
            let subjects = match &scope {
                Some(s) => Some(s.subjects(store)?),
                None => None,
            };
            let records: Vec<_> = store
                .all_audit()?
                .into_iter()
                .filter(|(subject, r)| {
                    in_range(r.at, f) && subjects.as_ref().is_none_or(|s| s.contains(subject))
                })
                .collect();
            audit_table(&records)
        }
    };
    Ok(table)
}

impl Table {
    /// The sheet as CSV: UTF-8 with a byte-order mark, CRLF line ends, every field quoted
    /// where needed.
    ///
    /// # Errors
    /// [`ExportError::Write`].
    pub fn to_csv(&self) -> Result<Vec<u8>, ExportError> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        let err = |e: csv::Error| ExportError::Write(e.to_string());
        w.write_record(&self.headers).map_err(err)?;
        for row in &self.rows {
            w.write_record(row.iter().map(Cell::text)).map_err(err)?;
        }
        w.into_inner().map_err(|e| ExportError::Write(e.to_string()))
    }

    /// The sheet as an xlsx workbook: a bold frozen header row, times as Excel date-times,
    /// percentages and numbers as numbers.
    ///
    /// # Errors
    /// [`ExportError::Write`].
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ExportError> {
        workbook(&[(self.what.label(), self)])
    }

    /// The file in `format`.
    ///
    /// # Errors
    /// [`ExportError::Write`].
    pub fn encode(&self, format: Format) -> Result<Vec<u8>, ExportError> {
        match format {
            Format::Csv => self.to_csv(),
            Format::Xlsx => self.to_xlsx(),
        }
    }
}

/// Parses `--from` / `--to`: `2026-03-01`.
///
/// # Errors
/// A one-line explanation.
pub fn parse_day(s: &str) -> Result<Date, String> {
    s.trim()
        .parse::<Date>()
        .map_err(|_| format!("{s:?} 不是日期，请写成 2026-03-01 这样的形式"))
}

/// A workbook of several sheets, each `(name, table)`, every sheet as [`Table::to_xlsx`]
/// writes its one: a bold frozen header row, times as Excel date-times, percentages and
/// numbers as numbers. Names must be valid Excel sheet names, unique.
///
/// # Errors
/// [`ExportError::Write`].
pub fn workbook(sheets: &[(&str, &Table)]) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Write(e.to_string());
    let mut book = Workbook::new();
    let bold = XFormat::new().set_bold();
    let time = XFormat::new().set_num_format("yyyy-mm-dd hh:mm");
    let pct = XFormat::new().set_num_format("0%");
    for (name, table) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).map_err(err)?;
        for (c, h) in table.headers.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| ExportError::Write("列数过多".to_owned()))?;
            sheet.write_string_with_format(0, col, h, &bold).map_err(err)?;
            sheet
                .set_column_width(col, if h.contains("时间") { 17.0 } else { 12.0 })
                .map_err(err)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
        for (r, row) in table.rows.iter().enumerate() {
            let rr = u32::try_from(r + 1).map_err(|_| ExportError::Write("行数过多".to_owned()))?;
            for (c, cell) in row.iter().enumerate() {
                let col = u16::try_from(c).map_err(|_| ExportError::Write("列数过多".to_owned()))?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        sheet.write_string(rr, col, s).map_err(err)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(rr, col, *n).map_err(err)?;
                    }
                    Cell::Percent(p) => {
                        sheet.write_number_with_format(rr, col, *p, &pct).map_err(err)?;
                    }
                    Cell::Time(t) => {
                        let d = shanghai(*t);
                        let x = ExcelDateTime::from_ymd(
                            u16::try_from(d.year()).unwrap_or(1900),
                            u8::try_from(d.month()).unwrap_or(1),
                            u8::try_from(d.day()).unwrap_or(1),
                        )
                        .and_then(|x| {
                            x.and_hms(
                                u16::try_from(d.hour()).unwrap_or(0),
                                u8::try_from(d.minute()).unwrap_or(0),
                                u8::try_from(d.second()).unwrap_or(0),
                            )
                        })
                        .map_err(err)?;
                        sheet
                            .write_datetime_with_format(rr, col, &x, &time)
                            .map_err(err)?;
                    }
                }
            }
        }
    }
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_starts_with_a_bom_and_quotes_what_needs_it() {
        let t = Table {
            what: What::Items,
            headers: vec!["编号".to_owned(), "标题".to_owned()],
            rows: vec![vec![
                Cell::Text("DB-1".to_owned()),
                Cell::Text("写周报, \"急\"\n第二行".to_owned()),
            ]],
        };
        let bytes = t.to_csv().unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        assert_eq!(r.headers().unwrap(), vec!["编号", "标题"]);
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[1], "写周报, \"急\"\n第二行");
    }

    #[test]
    fn cells_read_as_people_expect_them() {
        let t: Timestamp = "2026-03-11T02:05:00Z".parse().unwrap();
        assert_eq!(Cell::Time(t).text(), "2026-03-11 10:05");
        assert_eq!(Cell::Percent(0.6).text(), "60%");
        assert_eq!(Cell::Number(3.0).text(), "3");
    }

    #[test]
    fn days_parse_or_explain() {
        assert_eq!(parse_day("2026-03-01").unwrap().to_string(), "2026-03-01");
        assert!(parse_day("三月").unwrap_err().contains("2026-03-01"));
    }
}
