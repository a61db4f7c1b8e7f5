//! The fake's Bitable search (`POST …/records/search`): `field_names`, a `filter` of `is`
//! conditions joined by `and`/`or`, `page_size` ≤ 500 and `page_token`; text cells come back
//! as rich-text segments, as Feishu shows them. Needs the `bitable:app` scope.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::bitable::{Key, SCOPE_BITABLE, paging};
use super::reply::Reply;
use super::routes::serve;
use super::state::{FakeState, World};

const MAX_PAGE: usize = 500;

impl World {
    /// `POST …/records/search`: `field_names`, `filter` with `is` conditions (joined by
    /// `and`/`or`), `page_size` ≤ 500 and `page_token`.
    pub(crate) fn bitable_search(
        &mut self,
        h: &HeaderMap,
        key: &Key,
        q: &HashMap<String, String>,
        body: &[u8],
    ) -> Result<Reply, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE_BITABLE)?;
        let table = self.bitable.table(key)?;
        let body: Value = if body.is_empty() {
            json!({})
        } else {
            serde_json::from_slice(body).map_err(|_| Reply::error(400, 1254001, "WrongRequestBody"))?
        };
        let (size, start) = paging(q, "pt", MAX_PAGE)?;
        let names: Option<Vec<String>> = body
            .get("field_names")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect());
        let conditions = conditions(&body);
        for name in names.iter().flatten().chain(conditions.iter().map(|(f, _)| f)) {
            if !table.fields.contains(name) {
                return Err(Reply::error(400, 1254045, &format!("FieldNameNotFound: {name}")));
            }
        }
        let any = body.pointer("/filter/conjunction").and_then(Value::as_str) == Some("or");
        let hits: Vec<&(String, Map<String, Value>)> = table
            .records
            .iter()
            .filter(|(_, f)| {
                let test = |(name, values): &(String, Vec<String>)| {
                    let cell = f.get(name).and_then(crate::feishu::bitable::field_text);
                    cell.is_some_and(|c| values.contains(&c))
                };
                conditions.is_empty()
                    || if any {
                        conditions.iter().any(test)
                    } else {
                        conditions.iter().all(test)
                    }
            })
            .collect();
        let total = hits.len();
        let items: Vec<Value> = hits
            .into_iter()
            .skip(start)
            .take(size)
            .map(|(id, f)| {
                let fields: Map<String, Value> = f
                    .iter()
                    .filter(|(k, _)| names.as_ref().is_none_or(|n| n.contains(k)))
                    .map(|(k, v)| (k.clone(), as_searched(v)))
                    .collect();
                json!({ "record_id": id, "fields": fields })
            })
            .collect();
        let end = start + items.len();
        let has_more = end < total;
        let mut data = json!({ "items": items, "has_more": has_more, "total": total });
        if has_more && let Some(obj) = data.as_object_mut() {
            obj.insert("page_token".to_owned(), json!(format!("pt{end}")));
        }
        Ok(Reply::data(data))
    }
}

pub(crate) async fn search(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(key): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    serve(&s, &m, &u, |w| w.bitable_search(&h, &key, &q, &body))
}

/// `filter.conditions` as (field, accepted values); only `is` is understood.
fn conditions(body: &Value) -> Vec<(String, Vec<String>)> {
    body.pointer("/filter/conditions")
        .and_then(Value::as_array)
        .map(|cs| {
            cs.iter()
                .filter(|c| c.get("operator").and_then(Value::as_str) == Some("is"))
                .filter_map(|c| {
                    let f = c.get("field_name").and_then(Value::as_str)?.to_owned();
                    let vals = c
                        .get("value")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                        .unwrap_or_default();
                    Some((f, vals))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// How search shows a cell: text as rich-text segments, the rest as stored.
fn as_searched(v: &Value) -> Value {
    match v {
        Value::String(s) => json!([{ "text": s, "type": "text" }]),
        other => other.clone(),
    }
}
