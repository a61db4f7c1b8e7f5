//! Mirror records and configuration (pure): which table a record goes to, its key (the
//! `编号` column, e.g. `DB-12`), and the `client_token` that makes a batch idempotent.

use serde::Deserialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The column every mirrored table must have: the record's key (`DB-12`, `XM-3`, `XQ-7`), a
/// text field. It is how a lost record id is found again.
pub const KEY_FIELD: &str = "编号";

/// Columns added after tables were first made for duban (`单位`, issue 14; `类别` and
/// `对齐OKR`, issue 18). A table that lacks one gets it as a text field before the mirror's
/// first write to it (see [`super::Mirror::flush`]), so a base set up for an older duban keeps
/// working (an admin may turn `类别` into a single-select field; the values stay the same).
pub const ADDED_COLUMNS: &[&str] = &["单位", "类别", "对齐OKR"];

/// The mirrored tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MirrorTable {
    /// 督办 items (`DB-n`).
    Items,
    /// Projects (`XM-n`).
    Projects,
    /// Requirements (`XQ-n`).
    Requirements,
}

impl MirrorTable {
    /// Every table, in flush order.
    pub const ALL: [Self; 3] = [Self::Items, Self::Projects, Self::Requirements];

    /// A stable lower-case name (for storage keys and logs).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Items => "items",
            Self::Projects => "projects",
            Self::Requirements => "requirements",
        }
    }

    /// The Chinese name (督办事项 / 项目 / 需求).
    pub fn label(self) -> &'static str {
        match self {
            Self::Items => "督办事项",
            Self::Projects => "项目",
            Self::Requirements => "需求",
        }
    }
}

/// One row to upsert.
#[derive(Debug, Clone, PartialEq)]
pub struct MirrorRecord {
    /// Which table.
    pub table: MirrorTable,
    /// The row's key, written to [`KEY_FIELD`] (e.g. `DB-12`).
    pub key: String,
    /// Field name → Bitable cell value. Names must exist in the table; `null` clears a cell.
    /// Include something that changes with every change (e.g. `更新时间`): batches are
    /// idempotent by content, so an exact repeat of an earlier batch is not written again.
    pub fields: Map<String, Value>,
}

/// `[mirror]` in the configuration: the base and the table of each kind (a table left out is
/// not mirrored).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct MirrorConfig {
    /// The base's app_token (from its URL: `…/base/<app_token>?table=<table_id>`).
    pub app_token: String,
    /// Table id (`tbl…`) for 督办 items.
    #[serde(default)]
    pub items_table: Option<String>,
    /// Table id for projects.
    #[serde(default)]
    pub projects_table: Option<String>,
    /// Table id for requirements.
    #[serde(default)]
    pub requirements_table: Option<String>,
}

impl MirrorConfig {
    /// The configured table id for `table`, if any (blank counts as none).
    pub fn table_id(&self, table: MirrorTable) -> Option<&str> {
        let id = match table {
            MirrorTable::Items => self.items_table.as_deref(),
            MirrorTable::Projects => self.projects_table.as_deref(),
            MirrorTable::Requirements => self.requirements_table.as_deref(),
        };
        id.map(str::trim).filter(|s| !s.is_empty())
    }
}

/// A UUID-v4-shaped token derived from everything that defines one batch call: the operation,
/// base, table and each row's key or record id with its fields (object keys in sorted order).
/// A retried batch gets the same token, so Feishu answers it without writing twice.
pub fn client_token<'a>(
    op: &str,
    app_token: &str,
    table_id: &str,
    rows: impl IntoIterator<Item = (&'a str, &'a Map<String, Value>)>,
) -> String {
    let mut h = Sha256::new();
    for part in [op, app_token, table_id] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let mut buf = String::new();
    for (id, fields) in rows {
        buf.clear();
        buf.push_str(id);
        buf.push('\u{1}');
        canonical(&Value::Object(fields.clone()), &mut buf);
        h.update(buf.as_bytes());
        h.update([0]);
    }
    let d = h.finalize();
    let mut b = [0u8; 16];
    for (dst, src) in b.iter_mut().zip(d.iter()) {
        *dst = *src;
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = hex::encode(b);
    let (p1, r) = hex.split_at(8);
    let (p2, r) = r.split_at(4);
    let (p3, r) = r.split_at(4);
    let (p4, p5) = r.split_at(4);
    format!("{p1}-{p2}-{p3}-{p4}-{p5}")
}

/// JSON with object keys sorted, whatever map order serde_json was built with.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                if let Some(x) = m.get(k) {
                    canonical(x, out);
                }
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(x, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn the_same_batch_always_gets_the_same_uuid_shaped_token() {
        let a = map(json!({"标题": "x", "进度": 0.5}));
        let t1 = client_token("create", "app", "tbl", [("DB-1", &a)]);
        let t2 = client_token("create", "app", "tbl", [("DB-1", &a)]);
        assert_eq!(t1, t2);
        let parts: Vec<&str> = t1.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'), "{t1}");
    }

    #[test]
    fn any_change_in_the_batch_changes_the_token() {
        let a = map(json!({"标题": "x"}));
        let b = map(json!({"标题": "y"}));
        let base = client_token("create", "app", "tbl", [("DB-1", &a)]);
        assert_ne!(base, client_token("update", "app", "tbl", [("DB-1", &a)]));
        assert_ne!(base, client_token("create", "app2", "tbl", [("DB-1", &a)]));
        assert_ne!(base, client_token("create", "app", "tbl", [("DB-2", &a)]));
        assert_ne!(base, client_token("create", "app", "tbl", [("DB-1", &b)]));
        assert_ne!(
            base,
            client_token("create", "app", "tbl", [("DB-1", &a), ("DB-2", &a)])
        );
    }

    #[test]
    fn key_order_inside_fields_does_not_matter() {
        let mut a = Map::new();
        a.insert("甲".to_owned(), json!(1));
        a.insert("乙".to_owned(), json!({"z": 1, "a": 2}));
        let mut b = Map::new();
        b.insert("乙".to_owned(), json!({"a": 2, "z": 1}));
        b.insert("甲".to_owned(), json!(1));
        assert_eq!(
            client_token("c", "a", "t", [("k", &a)]),
            client_token("c", "a", "t", [("k", &b)])
        );
    }

    #[test]
    fn the_config_reads_from_toml_and_ignores_blank_tables() {
        let c: MirrorConfig =
            toml::from_str("app_token = \"bascn1\"\nitems_table = \"tblA\"\nprojects_table = \" \"").unwrap();
        assert_eq!(c.table_id(MirrorTable::Items), Some("tblA"));
        assert_eq!(c.table_id(MirrorTable::Projects), None);
        assert_eq!(c.table_id(MirrorTable::Requirements), None);
    }
}
