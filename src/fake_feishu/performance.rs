//! Feishu Performance's supplementary information in the fake (see
//! [`crate::feishu::performance`]: the endpoint is UNCONFIRMED against a live tenant; this
//! enforces the contract as documented): `POST /open-apis/performance/v2/additional_informations/import`
//! needs a Bearer token and the `performance:performance` scope, a `client_token` query (a
//! token used before is intercepted), a known `semester_id`, and for every information a
//! `reviewee_user_id`, `item`, `time` and `detailed_description`; an `item_id` must exist; a
//! known `item_id` or `external_id` updates that information, otherwise one is created.
//! `POST …/additional_informations/query` lists a cycle's informations (tests read back).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::post;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

use super::reply::Reply;
use super::routes::serve;
use super::state::{FakeState, World};

const SCOPE: &str = "performance:performance";

/// One stored supplementary information.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FakeAdditionalInfo {
    /// The id the fake gave it.
    pub item_id: String,
    /// The caller's external id.
    pub external_id: Option<String>,
    /// Its cycle.
    pub semester_id: String,
    /// The reviewee.
    pub reviewee_user_id: String,
    /// 事项.
    pub item: String,
    /// 时间.
    pub time: String,
    /// 具体描述.
    pub detailed_description: String,
    /// How many imports wrote it.
    pub writes: u32,
}

/// The fake's Performance state.
#[derive(Debug, Default)]
pub(crate) struct PerfWorld {
    semesters: HashSet<String>,
    infos: Vec<FakeAdditionalInfo>,
    client_tokens: HashSet<String>,
    seq: u64,
}

pub(crate) fn routes() -> Router<FakeState> {
    Router::new()
        .route(
            "/open-apis/performance/v2/additional_informations/import",
            post(import),
        )
        .route(
            "/open-apis/performance/v2/additional_informations/query",
            post(query),
        )
}

async fn import(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    Query(q): Query<HashMap<String, String>>,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    serve(&s, &m, &u, |w| w.perf_import(&h, &q, &body))
}

async fn query(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    serve(&s, &m, &u, |w| w.perf_query(&h, &body))
}

fn invalid(what: &str) -> Reply {
    // The documented error codes are not known; 1450001 stands for "invalid parameter".
    Reply::error(400, 1450001, &format!("invalid param: {what}"))
}

fn info_json(i: &FakeAdditionalInfo) -> Value {
    json!({
        "item_id": i.item_id,
        "external_id": i.external_id,
        "reviewee_user_id": i.reviewee_user_id,
        "item": i.item,
        "time": i.time,
        "detailed_description": i.detailed_description,
    })
}

impl World {
    fn perf_import(
        &mut self,
        h: &HeaderMap,
        q: &HashMap<String, String>,
        body: &[u8],
    ) -> Result<Reply, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE)?;
        let token = q
            .get("client_token")
            .filter(|t| !t.is_empty())
            .ok_or_else(|| invalid("client_token is required"))?;
        let v: Value = serde_json::from_slice(body).map_err(|_| invalid("body is not JSON"))?;
        let semester = v["semester_id"].as_str().unwrap_or_default().to_owned();
        if !self.performance.semesters.contains(&semester) {
            return Err(invalid("semester_id not found"));
        }
        let list = v["additional_informations"]
            .as_array()
            .cloned()
            .ok_or_else(|| invalid("additional_informations is required"))?;
        if self.performance.client_tokens.contains(token) {
            return Err(Reply::error(
                400,
                1450002,
                "duplicate request: client_token already used",
            ));
        }
        let mut checked = Vec::new();
        for a in &list {
            let field = |k: &str| {
                a[k].as_str()
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_owned)
                    .ok_or_else(|| invalid(&format!("{k} is required")))
            };
            let item_id = a["item_id"].as_str().map(str::to_owned);
            if let Some(id) = &item_id
                && !self.performance.infos.iter().any(|i| &i.item_id == id)
            {
                return Err(invalid("item_id not found"));
            }
            checked.push((
                item_id,
                a["external_id"].as_str().map(str::to_owned),
                field("reviewee_user_id")?,
                field("item")?,
                field("time")?,
                field("detailed_description")?,
            ));
        }
        self.performance.client_tokens.insert(token.clone());
        let mut out = Vec::new();
        for (item_id, external_id, reviewee, item, time, desc) in checked {
            let p = &mut self.performance;
            let found = p.infos.iter().position(|i| {
                i.semester_id == semester
                    && (item_id.as_ref() == Some(&i.item_id)
                        || (external_id.is_some() && i.external_id == external_id)
                        || (i.reviewee_user_id == reviewee
                            && i.item == item
                            && i.time == time
                            && i.detailed_description == desc))
            });
            let at = match found {
                Some(at) => at,
                None => {
                    p.seq += 1;
                    p.infos.push(FakeAdditionalInfo {
                        item_id: format!("70{:016}", p.seq),
                        external_id: None,
                        semester_id: semester.clone(),
                        reviewee_user_id: String::new(),
                        item: String::new(),
                        time: String::new(),
                        detailed_description: String::new(),
                        writes: 0,
                    });
                    p.infos.len() - 1
                }
            };
            if let Some(i) = p.infos.get_mut(at) {
                if external_id.is_some() {
                    i.external_id = external_id;
                }
                i.reviewee_user_id = reviewee;
                i.item = item;
                i.time = time;
                i.detailed_description = desc;
                i.writes += 1;
                out.push(info_json(i));
            }
        }
        Ok(Reply::data(json!({
            "import_record_id": format!("rec_{token}"),
            "additional_informations": out,
        })))
    }

    fn perf_query(&mut self, h: &HeaderMap, body: &[u8]) -> Result<Reply, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE)?;
        let v: Value = serde_json::from_slice(body).map_err(|_| invalid("body is not JSON"))?;
        let semester = v["semester_id"].as_str().unwrap_or_default();
        let list: Vec<Value> = self
            .performance
            .infos
            .iter()
            .filter(|i| i.semester_id == semester)
            .map(info_json)
            .collect();
        Ok(Reply::data(
            json!({ "additional_informations": list, "has_more": false }),
        ))
    }
}

impl FakeState {
    /// Creates a Performance review cycle (`semester_id`) imports may name.
    pub fn add_performance_semester(&self, id: &str) {
        self.lock().performance.semesters.insert(id.to_owned());
    }

    /// Every supplementary information stored, in creation order.
    pub fn performance_infos(&self) -> Vec<FakeAdditionalInfo> {
        self.lock().performance.infos.clone()
    }
}
