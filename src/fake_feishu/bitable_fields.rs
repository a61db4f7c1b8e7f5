//! The fake's Bitable fields (columns): `GET …/fields` lists a table's fields page by page
//! (`page_size` ≤ 100, `page_token`), `POST …/fields` adds one (`{"field_name", "type"}`).
//! Needs the `bitable:app` scope. Assumed details: field types are not modelled (every field
//! lists as type 1, text), ids are `fld` + position, a name already in the table is refused
//! with 1254014 (FieldNameDuplicated), a repeated `client_token` answers the first answer.

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use super::bitable::{Key, SCOPE_BITABLE, paging};
use super::reply::Reply;
use super::routes::serve;
use super::state::{FakeState, World};

const MAX_PAGE: usize = 100;

/// The fields routes, merged into the fake's router with the records routes.
pub(crate) fn routes() -> Router<FakeState> {
    Router::new().route(
        "/open-apis/bitable/v1/apps/{app}/tables/{table}/fields",
        get(list).post(create),
    )
}

fn field(i: usize, name: &str) -> Value {
    json!({ "field_id": format!("fld{i:05}"), "field_name": name, "type": 1, "is_primary": i == 0 })
}

impl World {
    fn bitable_list_fields(
        &mut self,
        h: &HeaderMap,
        key: &Key,
        q: &HashMap<String, String>,
    ) -> Result<Reply, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE_BITABLE)?;
        let table = self.bitable.table(key)?;
        let (size, start) = paging(q, "fp", MAX_PAGE)?;
        let total = table.fields.len();
        let items: Vec<Value> = table
            .fields
            .iter()
            .enumerate()
            .skip(start)
            .take(size)
            .map(|(i, n)| field(i, n))
            .collect();
        let end = start + items.len();
        let has_more = end < total;
        let mut data = json!({ "items": items, "has_more": has_more, "total": total });
        if has_more && let Some(obj) = data.as_object_mut() {
            obj.insert("page_token".to_owned(), json!(format!("fp{end}")));
        }
        Ok(Reply::data(data))
    }

    fn bitable_create_field(
        &mut self,
        h: &HeaderMap,
        key: &Key,
        q: &HashMap<String, String>,
        body: &[u8],
    ) -> Result<Reply, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE_BITABLE)?;
        self.bitable.table(key)?;
        let token = q.get("client_token").cloned();
        if let Some(t) = &token
            && let Some(data) = self.bitable.field_answer(key, t)
        {
            return Ok(Reply::data(data));
        }
        let bad = || Reply::error(400, 1254001, "WrongRequestBody");
        let body: Value = serde_json::from_slice(body).map_err(|_| bad())?;
        let name = body
            .get("field_name")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .ok_or_else(bad)?
            .to_owned();
        body.get("type").and_then(Value::as_u64).ok_or_else(bad)?;
        let table = self.bitable.table_mut(key)?;
        if table.fields.contains(&name) {
            return Err(Reply::error(400, 1254014, "FieldNameDuplicated"));
        }
        table.fields.push(name.clone());
        let data = json!({ "field": field(table.fields.len() - 1, &name) });
        if let Some(t) = token {
            self.bitable.remember_field_answer(key, t, data.clone());
        }
        Ok(Reply::data(data))
    }
}

async fn list(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(key): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    serve(&s, &m, &u, |w| w.bitable_list_fields(&h, &key, &q))
}

async fn create(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(key): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    serve(&s, &m, &u, |w| w.bitable_create_field(&h, &key, &q, &body))
}

impl FakeState {
    /// A table's field names, in order (empty for an unknown table).
    pub fn bitable_fields(&self, app_token: &str, table_id: &str) -> Vec<String> {
        self.lock()
            .bitable
            .table(&(app_token.to_owned(), table_id.to_owned()))
            .map(|t| t.fields.clone())
            .unwrap_or_default()
    }
}

impl super::FakeFeishu {
    /// A table's field names, in order (empty for an unknown table).
    pub fn bitable_fields(&self, app_token: &str, table_id: &str) -> Vec<String> {
        self.state.bitable_fields(app_token, table_id)
    }
}
