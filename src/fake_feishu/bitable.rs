//! The fake's Bitable records API (protocol notes §12): batch create, batch update and search
//! on configured apps and tables, enforcing Bearer tokens, the `bitable:app` scope, at most 500
//! records per call (1254104), known field names (1254045), known record ids (1254043), one
//! write at a time per table (1254291 write conflict: a write is "in flight" for the
//! configurable write latency), and `client_token` idempotency (the same token answers the
//! first answer again and writes nothing). Assumed details: unknown app 1254040, unknown table
//! 1254041, malformed body or `client_token` not a UUID 1254001; a repeated `client_token`
//! with a different body returns the first answer.

use std::collections::HashMap;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Map, Value, json};

use super::FakeFeishu;
use super::reply::Reply;
use super::state::{FakeState, LoggedRequest, World};

/// The scope every Bitable call needs.
pub(crate) const SCOPE_BITABLE: &str = "bitable:app";
const MAX_RECORDS: usize = 500;

/// Every fake base: tables, records, idempotency answers, injected conflicts.
#[derive(Debug, Default)]
pub(crate) struct Bitables {
    tables: HashMap<(String, String), Table>,
    /// (app, table, op, client_token) → the answer's `data`.
    answered: HashMap<(String, String, &'static str, String), Value>,
    /// How long each write stays in flight (conflicting with others on its table).
    latency: Duration,
    /// Writes still to be refused with 1254291.
    conflicts_next: usize,
    seq: u64,
    /// (app, table, client_token) → the answer of a field creation (`bitable_fields.rs`).
    field_answers: HashMap<(String, String, String), Value>,
}

#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) fields: Vec<String>,
    pub(crate) records: Vec<(String, Map<String, Value>)>,
    in_flight: usize,
}

pub(crate) type Key = (String, String);
/// A write's rows: (record id for updates, fields).
type Rows = Vec<(Option<String>, Map<String, Value>)>;

/// The Bitable routes, merged into the fake's router.
pub(crate) fn routes() -> Router<FakeState> {
    let base = "/open-apis/bitable/v1/apps/{app}/tables/{table}/records";
    Router::new()
        .route(&format!("{base}/batch_create"), post(batch_create))
        .route(&format!("{base}/batch_update"), post(batch_update))
        .route(&format!("{base}/search"), post(super::bitable_search::search))
        .merge(super::bitable_fields::routes())
}

/// A Bitable list's paging: `page_size` (default 20, at most `max`) and the start offset read
/// from `page_token` (`<prefix><offset>`, as this fake hands them out); 1254001 otherwise.
pub(crate) fn paging(q: &HashMap<String, String>, prefix: &str, max: usize) -> Result<(usize, usize), Reply> {
    let size = match q.get("page_size") {
        None => 20,
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => n,
            _ => return Err(Reply::error(400, 1254001, &format!("page_size must be 1..{max}"))),
        },
    };
    let start = match q.get("page_token") {
        None => 0,
        Some(t) => t
            .strip_prefix(prefix)
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| Reply::error(400, 1254001, "invalid page_token"))?,
    };
    Ok((size, start))
}

/// Pushes the exchange onto the request log.
pub(crate) fn log(w: &mut World, method: &Method, uri: &Uri, reply: &Reply) {
    w.log.push(LoggedRequest {
        method: method.as_str().to_owned(),
        path: uri.path().to_owned(),
        status: reply.status,
        code: reply.code(),
        at: std::time::Instant::now(),
        chat_id: None,
    });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Create,
    Update,
}

/// A validated write, waiting for its latency to pass.
struct Pending {
    key: Key,
    token: Option<String>,
    records: Rows,
}

async fn batch_create(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path((app, table)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    write(&s, &m, &u, &h, (app, table), &q, &body, Op::Create).await
}

async fn batch_update(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path((app, table)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    write(&s, &m, &u, &h, (app, table), &q, &body, Op::Update).await
}

/// Both writes: check and mark in flight, wait the latency, apply, log.
#[allow(clippy::too_many_arguments)]
async fn write(
    s: &FakeState,
    m: &Method,
    u: &Uri,
    h: &HeaderMap,
    key: Key,
    q: &HashMap<String, String>,
    body: &[u8],
    op: Op,
) -> Response {
    let (prepared, latency) = {
        let mut w = s.lock();
        let prepared = if w.outage {
            Err(Reply::outage())
        } else {
            w.prepare_write(h, key, q, body, op)
        };
        let latency = w.bitable.latency;
        match prepared {
            Ok(Ok(p)) => (p, latency),
            Ok(Err(done)) | Err(done) => {
                log(&mut w, m, u, &done);
                return done.into_response();
            }
        }
    };
    // A task, so a client that hangs up mid-write cannot leave the table "in flight".
    let (state, method, uri) = (s.clone(), m.clone(), u.clone());
    let task = tokio::spawn(async move {
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        let mut w = state.lock();
        let reply = w.apply_write(prepared, op);
        log(&mut w, &method, &uri, &reply);
        reply
    });
    match task.await {
        Ok(reply) => reply.into_response(),
        Err(_) => Reply::error(500, 1254000, "internal error").into_response(),
    }
}

impl World {
    /// `Err` refuses; `Ok(Err)` is a finished answer (an idempotent repeat); `Ok(Ok)` is a
    /// write now in flight.
    fn prepare_write(
        &mut self,
        h: &HeaderMap,
        key: Key,
        q: &HashMap<String, String>,
        body: &[u8],
        op: Op,
    ) -> Result<Result<Pending, Reply>, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE_BITABLE)?;
        self.bitable.table(&key)?;
        let token = q.get("client_token").cloned();
        if let Some(t) = &token {
            if !is_uuid(t) {
                return Err(Reply::error(
                    400,
                    1254001,
                    "WrongRequestBody: client_token must be a uuid",
                ));
            }
            let k = (key.0.clone(), key.1.clone(), op_name(op), t.clone());
            if let Some(data) = self.bitable.answered.get(&k) {
                return Ok(Err(Reply::data(data.clone())));
            }
        }
        let records = parse_records(body, op)?;
        let bt = &mut self.bitable;
        if bt.conflicts_next > 0 {
            bt.conflicts_next -= 1;
            return Err(conflict());
        }
        let table = bt.table_mut(&key)?;
        if table.in_flight > 0 {
            return Err(conflict());
        }
        for (id, fields) in &records {
            if let Some(name) = fields.keys().find(|f| !table.fields.contains(f)) {
                return Err(Reply::error(400, 1254045, &format!("FieldNameNotFound: {name}")));
            }
            if let Some(id) = id
                && !table.records.iter().any(|(r, _)| r == id)
            {
                return Err(Reply::error(400, 1254043, &format!("RecordIdNotFound: {id}")));
            }
        }
        table.in_flight += 1;
        Ok(Ok(Pending { key, token, records }))
    }

    /// Applies a prepared write and remembers its answer under its `client_token`.
    fn apply_write(&mut self, p: Pending, op: Op) -> Reply {
        let bt = &mut self.bitable;
        let mut out = Vec::new();
        let mut ids = Vec::with_capacity(p.records.len());
        for _ in &p.records {
            bt.seq += 1;
            ids.push(format!("rec{:010x}", bt.seq));
        }
        let Ok(table) = bt.table_mut(&p.key) else {
            return Reply::error(400, 1254041, "TableIdNotFound");
        };
        table.in_flight = table.in_flight.saturating_sub(1);
        for ((id, fields), fresh) in p.records.into_iter().zip(ids) {
            match (op, id) {
                (Op::Update, Some(id)) => {
                    if let Some((_, existing)) = table.records.iter_mut().find(|(r, _)| *r == id) {
                        for (k, v) in fields {
                            existing.insert(k, v);
                        }
                        out.push(json!({ "record_id": id, "fields": existing.clone() }));
                    }
                }
                _ => {
                    let fields: Map<String, Value> =
                        fields.into_iter().filter(|(_, v)| !v.is_null()).collect();
                    out.push(json!({ "record_id": fresh, "fields": fields.clone() }));
                    table.records.push((fresh, fields));
                }
            }
        }
        let data = json!({ "records": out });
        if let Some(t) = p.token {
            bt.answered
                .insert((p.key.0, p.key.1, op_name(op), t), data.clone());
        }
        Reply::data(data)
    }
}

impl Bitables {
    /// The first answer to a field creation under `token`.
    pub(crate) fn field_answer(&self, key: &Key, token: &str) -> Option<Value> {
        self.field_answers
            .get(&(key.0.clone(), key.1.clone(), token.to_owned()))
            .cloned()
    }

    /// Remembers the answer to a field creation under `token`.
    pub(crate) fn remember_field_answer(&mut self, key: &Key, token: String, data: Value) {
        self.field_answers
            .insert((key.0.clone(), key.1.clone(), token), data);
    }

    pub(crate) fn table(&self, key: &Key) -> Result<&Table, Reply> {
        self.tables.get(key).ok_or_else(|| self.missing(key))
    }

    pub(crate) fn table_mut(&mut self, key: &Key) -> Result<&mut Table, Reply> {
        let missing = self.missing(key);
        self.tables.get_mut(key).ok_or(missing)
    }

    fn missing(&self, key: &Key) -> Reply {
        if self.tables.keys().any(|(app, _)| *app == key.0) {
            Reply::error(400, 1254041, "TableIdNotFound")
        } else {
            Reply::error(400, 1254040, "BaseTokenNotFound")
        }
    }
}

fn conflict() -> Reply {
    Reply::error(400, 1254291, "Write conflict")
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::Create => "batch_create",
        Op::Update => "batch_update",
    }
}

/// `records[]` of a batch body: `{fields}` (create) or `{record_id, fields}` (update).
fn parse_records(body: &[u8], op: Op) -> Result<Rows, Reply> {
    let bad = || Reply::error(400, 1254001, "WrongRequestBody");
    let v: Value = serde_json::from_slice(body).map_err(|_| bad())?;
    let records = v.get("records").and_then(Value::as_array).ok_or_else(bad)?;
    if records.len() > MAX_RECORDS {
        return Err(Reply::error(
            400,
            1254104,
            "RecordAddOnceExceedLimit: at most 500 records",
        ));
    }
    if records.is_empty() {
        return Err(bad());
    }
    records
        .iter()
        .map(|r| {
            let fields = r
                .get("fields")
                .and_then(Value::as_object)
                .cloned()
                .ok_or_else(bad)?;
            let id = match op {
                Op::Create => None,
                Op::Update => Some(
                    r.get("record_id")
                        .and_then(Value::as_str)
                        .ok_or_else(bad)?
                        .to_owned(),
                ),
            };
            Ok((id, fields))
        })
        .collect()
}

/// 8-4-4-4-12 hex digits.
fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
}

impl FakeState {
    /// Creates (or resets) a table with these field names in base `app_token`.
    pub fn add_bitable(&self, app_token: &str, table_id: &str, fields: &[&str]) {
        self.lock().bitable.tables.insert(
            (app_token.to_owned(), table_id.to_owned()),
            Table {
                fields: fields.iter().map(|f| (*f).to_owned()).collect(),
                ..Table::default()
            },
        );
    }

    /// A table's records, in creation order (empty for an unknown table).
    pub fn bitable_records(&self, app_token: &str, table_id: &str) -> Vec<(String, Map<String, Value>)> {
        self.lock()
            .bitable
            .tables
            .get(&(app_token.to_owned(), table_id.to_owned()))
            .map(|t| t.records.clone())
            .unwrap_or_default()
    }

    /// How long each Bitable write stays in flight (a concurrent write meanwhile gets 1254291).
    pub fn set_bitable_write_latency(&self, latency: Duration) {
        self.lock().bitable.latency = latency;
    }

    /// The next `n` Bitable writes answer 1254291 (write conflict).
    pub fn bitable_conflict_next(&self, n: usize) {
        self.lock().bitable.conflicts_next = n;
    }

    /// Deletes a record, as a user might in the Bitable UI.
    pub fn delete_bitable_record(&self, app_token: &str, table_id: &str, record_id: &str) {
        if let Some(t) = self
            .lock()
            .bitable
            .tables
            .get_mut(&(app_token.to_owned(), table_id.to_owned()))
        {
            t.records.retain(|(id, _)| id != record_id);
        }
    }
}

impl FakeFeishu {
    /// Creates (or resets) a table with these field names in base `app_token`.
    pub fn add_bitable(&self, app_token: &str, table_id: &str, fields: &[&str]) {
        self.state.add_bitable(app_token, table_id, fields);
    }

    /// A table's records, in creation order.
    pub fn bitable_records(&self, app_token: &str, table_id: &str) -> Vec<(String, Map<String, Value>)> {
        self.state.bitable_records(app_token, table_id)
    }

    /// How long each Bitable write stays in flight.
    pub fn set_bitable_write_latency(&self, latency: Duration) {
        self.state.set_bitable_write_latency(latency);
    }

    /// The next `n` Bitable writes answer 1254291 (write conflict).
    pub fn bitable_conflict_next(&self, n: usize) {
        self.state.bitable_conflict_next(n);
    }

    /// Deletes a record, as a user might in the Bitable UI.
    pub fn delete_bitable_record(&self, app_token: &str, table_id: &str, record_id: &str) {
        self.state.delete_bitable_record(app_token, table_id, record_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_tokens_must_look_like_uuids() {
        assert!(is_uuid("fe599b60-450f-46ff-b2ef-9f6675625b97"));
        assert!(!is_uuid("fe599b60450f46ffb2ef9f6675625b97"));
        assert!(!is_uuid("zz599b60-450f-46ff-b2ef-9f6675625b97"));
    }

    #[test]
    fn more_than_five_hundred_records_are_refused() {
        let records: Vec<Value> = (0..501).map(|_| json!({"fields": {}})).collect();
        let body = serde_json::to_vec(&json!({ "records": records })).unwrap();
        let e = parse_records(&body, Op::Create).unwrap_err();
        assert_eq!(e.code(), Some(1254104));
    }
}
