//! The fake's Feishu OKR (issue 18): periods (`GET /open-apis/okr/v1/periods`), a person's
//! OKRs (`GET /open-apis/okr/v1/users/:user_id/okrs`) and progress records (`POST
//! /open-apis/okr/v1/progress_records`, `GET …/:progress_id`), seeded per person, enforcing
//! the contract of the official descriptions: bearer token; `offset` and `limit` (0–10)
//! required, `user_id_type` open_id (the fake's only ids); a progress record needs
//! `source_title`, an http(s) `source_url`, a `target_id` that exists and `target_type` 2
//! (objective) or 3 (key result), and `content` as an object of `blocks` (paragraph / gallery,
//! elements textRun / docsLink / person) — JSON text instead of an object is refused. Reads
//! need `okr:okr:readonly` or `okr:okr`, writes `okr:okr` or `okr:okr.progress:writeonly`
//! (99991672 when every one is taken away); a tenant on the standard edition answers 1000403
//! for everything. Errors: 1001001 invalid parameters, 1001003 user not found, 1001004 OKR
//! data not found (codes from the OKR error tables).

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::FakeFeishu;
use super::reply::Reply;
use super::routes::serve;
use super::state::{FakeState, World};

const READ: &[&str] = &["okr:okr:readonly", "okr:okr"];
const WRITE: &[&str] = &["okr:okr", "okr:okr.progress:writeonly"];

/// A period as seeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FakePeriod {
    /// `id`.
    pub id: String,
    /// `zh_name`.
    pub name: String,
    /// 0 normal, 1 invalid, 2 hidden.
    pub status: i64,
    /// Unix ms.
    pub start_ms: i64,
    /// Unix ms.
    pub end_ms: i64,
}

/// One objective as seeded: (id, text, key results as (id, text)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FakeObjective {
    /// Objective id.
    pub id: String,
    /// Text.
    pub content: String,
    /// (id, text) of its key results.
    pub krs: Vec<(String, String)>,
}

/// A person's OKR for one period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FakeOkr {
    /// OKR id.
    pub id: String,
    /// Period id.
    pub period_id: String,
    /// Its objectives.
    pub objectives: Vec<FakeObjective>,
}

/// A progress record written through the API.
#[derive(Debug, Clone, PartialEq)]
pub struct FakeProgress {
    /// `progress_id`.
    pub id: String,
    /// `target_id`.
    pub target_id: String,
    /// 2 or 3.
    pub target_type: i64,
    /// `source_title`.
    pub source_title: String,
    /// `source_url`.
    pub source_url: String,
    /// The text of every textRun, one line per paragraph.
    pub text: String,
    /// `content` as sent.
    pub content: Value,
}

/// The OKR world.
#[derive(Debug, Default)]
pub(crate) struct Okrs {
    periods: Vec<FakePeriod>,
    /// open_id → OKRs.
    people: HashMap<String, Vec<FakeOkr>>,
    records: Vec<FakeProgress>,
    /// The tenant's OKR is the standard edition (no OpenAPI).
    standard_edition: bool,
    seq: u64,
}

impl Okrs {
    fn next_id(&mut self) -> String {
        self.seq += 1;
        format!("{}", 7_300_000_000_000_000_000_u64 + self.seq)
    }

    fn has_target(&self, id: &str, kind: i64) -> bool {
        self.people
            .values()
            .flatten()
            .flat_map(|o| &o.objectives)
            .any(|ob| match kind {
                2 => ob.id == id,
                _ => ob.krs.iter().any(|(k, _)| k == id),
            })
    }
}

/// The OKR routes, merged into the fake's router.
pub(crate) fn routes() -> Router<FakeState> {
    Router::new()
        .route("/open-apis/okr/v1/periods", get(periods))
        .route("/open-apis/okr/v1/users/{id}/okrs", get(user_okrs))
        .route("/open-apis/okr/v1/progress_records", post(create_progress))
        .route("/open-apis/okr/v1/progress_records/{id}", get(get_progress))
}

async fn periods(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
) -> Response {
    let q = query_pairs(&u);
    serve(&s, &m, &u, |w| w.okr_periods(&h, &q))
}

async fn user_okrs(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let q = query_pairs(&u);
    serve(&s, &m, &u, |w| w.okr_list(&h, &id, &q))
}

async fn create_progress(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    let q = query_pairs(&u);
    serve(&s, &m, &u, |w| w.okr_progress(&h, &q, &body))
}

async fn get_progress(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    serve(&s, &m, &u, |w| {
        w.okr_gate(&h, READ)?;
        let r = w
            .okr
            .records
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| Reply::error(400, 1001004, "OKR data not found."))?;
        Ok(Reply::data(
            json!({"progress_id": r.id, "modify_time": "0", "content": r.content}),
        ))
    })
}

/// Every `key=value` of the query, repeated keys kept (`period_ids` repeats).
fn query_pairs(u: &axum::http::Uri) -> Vec<(String, String)> {
    reqwest::Url::parse(&format!(
        "http://fake{}",
        u.path_and_query().map_or("/", |p| p.as_str())
    ))
    .map(|url| {
        url.query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    })
    .unwrap_or_default()
}

fn first<'q>(q: &'q [(String, String)], key: &str) -> Option<&'q str> {
    q.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn invalid(what: &str) -> Reply {
    Reply::error(400, 1001001, &format!("Invalid parameters: {what}"))
}

impl World {
    /// Token, edition, then "any one of `scopes`".
    fn okr_gate(&mut self, h: &HeaderMap, scopes: &[&str]) -> Result<(), Reply> {
        self.authorize(h)?;
        if self.okr.standard_edition {
            return Err(Reply::error(
                403,
                1000403,
                "OpenAPI is unavailable in current edition (Standard edition). Please update to Business edition.",
            ));
        }
        if scopes.iter().all(|s| self.denied_scopes.contains(*s)) {
            let list = scopes.join(", ");
            let msg = format!(
                "Access denied. One of the following scopes is required: [{list}]. 应用尚未开通所需的应用身份权限：[{list}]"
            );
            return Err(Reply::error(400, 99991672, &msg));
        }
        Ok(())
    }

    fn okr_periods(&mut self, h: &HeaderMap, q: &[(String, String)]) -> Result<Reply, Reply> {
        self.okr_gate(h, READ)?;
        let size = match first(q, "page_size") {
            None => 10,
            Some(s) => s
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=100).contains(n))
                .ok_or_else(|| invalid("page_size"))?,
        };
        let start = match first(q, "page_token") {
            None | Some("") => 0,
            Some(t) => t.parse::<usize>().map_err(|_| invalid("page_token"))?,
        };
        let all = &self.okr.periods;
        let items: Vec<Value> = all
            .iter()
            .skip(start)
            .take(size)
            .map(|p| {
                json!({"id": p.id, "zh_name": p.name, "en_name": p.name, "status": p.status,
                       "period_start_time": p.start_ms.to_string(), "period_end_time": p.end_ms.to_string()})
            })
            .collect();
        let end = start + items.len();
        let more = end < all.len();
        Ok(Reply::data(json!({
            "items": items, "has_more": more, "page_token": if more { end.to_string() } else { String::new() },
        })))
    }

    fn okr_list(&mut self, h: &HeaderMap, user: &str, q: &[(String, String)]) -> Result<Reply, Reply> {
        self.okr_gate(h, READ)?;
        if first(q, "user_id_type").is_some_and(|t| t != "open_id") {
            return Err(invalid("user_id_type (the fake only has open_ids)"));
        }
        let offset = first(q, "offset")
            .ok_or_else(|| invalid("offset is required"))?
            .parse::<usize>()
            .map_err(|_| invalid("offset"))?;
        let limit = first(q, "limit")
            .ok_or_else(|| invalid("limit is required"))?
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= 10)
            .ok_or_else(|| invalid("limit must be 0..10"))?;
        let wanted: Vec<&str> = q
            .iter()
            .filter(|(k, _)| k == "period_ids")
            .map(|(_, v)| v.as_str())
            .collect();
        if wanted.len() > 10 {
            return Err(invalid("at most 10 period_ids"));
        }
        let Some(okrs) = self.okr.people.get(user) else {
            return Err(Reply::error(400, 1001003, "User not found."));
        };
        let names: HashMap<&str, &str> = self
            .okr
            .periods
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        let chosen: Vec<&FakeOkr> = okrs
            .iter()
            .filter(|o| wanted.is_empty() || wanted.contains(&o.period_id.as_str()))
            .collect();
        let list: Vec<Value> = chosen
            .iter()
            .skip(offset)
            .take(limit)
            .map(|o| {
                let objectives: Vec<Value> = o
                    .objectives
                    .iter()
                    .map(|ob| {
                        let krs: Vec<Value> = ob
                            .krs
                            .iter()
                            .map(|(id, c)| json!({"id": id, "content": c, "score": 0, "kr_weight": 0}))
                            .collect();
                        json!({"id": ob.id, "permission": 1, "content": ob.content, "score": 0, "kr_list": krs,
                               "aligned_objective_list": [], "aligning_objective_list": []})
                    })
                    .collect();
                json!({"id": o.id, "permission": 1, "period_id": o.period_id,
                       "name": names.get(o.period_id.as_str()).copied().unwrap_or_default(),
                       "objective_list": objectives, "confirm_status": 4})
            })
            .collect();
        Ok(Reply::data(json!({ "total": chosen.len(), "okr_list": list })))
    }

    fn okr_progress(&mut self, h: &HeaderMap, q: &[(String, String)], body: &[u8]) -> Result<Reply, Reply> {
        self.okr_gate(h, WRITE)?;
        if first(q, "user_id_type").is_some_and(|t| !["open_id", "union_id", "user_id"].contains(&t)) {
            return Err(invalid("user_id_type"));
        }
        let v: Value = serde_json::from_slice(body).map_err(|_| invalid("body is not JSON"))?;
        let text_field = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
                .ok_or_else(|| invalid(&format!("{k} is required")))
        };
        let source_title = text_field("source_title")?;
        let source_url = text_field("source_url")?;
        if !(source_url.starts_with("https://") || source_url.starts_with("http://")) {
            return Err(invalid("source_url must be a link"));
        }
        let target_id = text_field("target_id")?;
        let target_type = v
            .get("target_type")
            .and_then(Value::as_i64)
            .filter(|t| *t == 2 || *t == 3)
            .ok_or_else(|| invalid("target_type must be 2 or 3"))?;
        let content = v
            .get("content")
            .filter(|c| c.is_object())
            .ok_or_else(|| invalid("content must be an object of blocks"))?
            .clone();
        let text = blocks_text(&content).map_err(|e| invalid(&e))?;
        if !self.okr.has_target(&target_id, target_type) {
            return Err(Reply::error(400, 1001004, "OKR data not found."));
        }
        let id = self.okr.next_id();
        self.okr.records.push(FakeProgress {
            id: id.clone(),
            target_id,
            target_type,
            source_title,
            source_url,
            text,
            content: content.clone(),
        });
        Ok(Reply::data(
            json!({"progress_id": id, "modify_time": "0", "content": content}),
        ))
    }
}

/// The text of a `content` object, checking its shape.
fn blocks_text(content: &Value) -> Result<String, String> {
    let blocks = content
        .get("blocks")
        .and_then(Value::as_array)
        .filter(|b| !b.is_empty())
        .ok_or("content.blocks must be a non-empty list")?;
    let mut lines = Vec::new();
    for b in blocks {
        match b.get("type").and_then(Value::as_str) {
            Some("paragraph") => {
                let elements = b
                    .pointer("/paragraph/elements")
                    .and_then(Value::as_array)
                    .ok_or("paragraph.elements must be a list")?;
                let mut line = String::new();
                for e in elements {
                    match e.get("type").and_then(Value::as_str) {
                        Some("textRun") => line.push_str(
                            e.pointer("/textRun/text")
                                .and_then(Value::as_str)
                                .ok_or("textRun.text must be text")?,
                        ),
                        Some("docsLink" | "person") => {}
                        _ => return Err("element type must be textRun, docsLink or person".to_owned()),
                    }
                }
                lines.push(line);
            }
            Some("gallery") => {}
            _ => return Err("block type must be paragraph or gallery".to_owned()),
        }
    }
    Ok(lines.join("\n"))
}

impl FakeState {
    /// Adds an OKR period.
    pub fn add_okr_period(&self, id: &str, name: &str, start_ms: i64, end_ms: i64) {
        self.lock().okr.periods.push(FakePeriod {
            id: id.to_owned(),
            name: name.to_owned(),
            status: 0,
            start_ms,
            end_ms,
        });
    }

    /// Gives `open_id` an OKR for `period_id`: objectives as (text, key result texts); ids are
    /// generated. Returns the OKR as stored.
    pub fn add_okr(&self, open_id: &str, period_id: &str, objectives: &[(&str, &[&str])]) -> FakeOkr {
        let mut w = self.lock();
        let id = w.okr.next_id();
        let objectives = objectives
            .iter()
            .map(|(text, krs)| {
                let oid = w.okr.next_id();
                let krs = krs.iter().map(|k| (w.okr.next_id(), (*k).to_owned())).collect();
                FakeObjective {
                    id: oid,
                    content: (*text).to_owned(),
                    krs,
                }
            })
            .collect();
        let okr = FakeOkr {
            id,
            period_id: period_id.to_owned(),
            objectives,
        };
        w.okr
            .people
            .entry(open_id.to_owned())
            .or_default()
            .push(okr.clone());
        okr
    }

    /// The tenant's OKR is (or is no longer) the standard edition without OpenAPI.
    pub fn set_okr_standard_edition(&self, on: bool) {
        self.lock().okr.standard_edition = on;
    }

    /// Every progress record written, in order.
    pub fn okr_progress_records(&self) -> Vec<FakeProgress> {
        self.lock().okr.records.clone()
    }
}

impl FakeFeishu {
    /// Adds an OKR period.
    pub fn add_okr_period(&self, id: &str, name: &str, start_ms: i64, end_ms: i64) {
        self.state().add_okr_period(id, name, start_ms, end_ms);
    }

    /// Gives `open_id` an OKR for `period_id` (see [`FakeState::add_okr`]).
    pub fn add_okr(&self, open_id: &str, period_id: &str, objectives: &[(&str, &[&str])]) -> FakeOkr {
        self.state().add_okr(open_id, period_id, objectives)
    }

    /// Every progress record written, in order.
    pub fn okr_progress_records(&self) -> Vec<FakeProgress> {
        self.state().okr_progress_records()
    }

    /// The tenant's OKR is the standard edition (every OKR call answers 1000403).
    pub fn set_okr_standard_edition(&self, on: bool) {
        self.state().set_okr_standard_edition(on);
    }
}
