//! The fake's axum router: one thin handler per Feishu route, each locking the world,
//! answering (or answering 503 during an outage) and logging the request.

use std::collections::HashMap;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};

use super::raw::RawRequest;
use super::reply::Reply;
use super::state::{FakeState, LoggedRequest, World};

type Params = Query<HashMap<String, String>>;

/// The fake Feishu OpenAPI as an axum router over `state`.
pub fn router(state: FakeState) -> Router {
    Router::new()
        .route("/open-apis/auth/v3/tenant_access_token/internal", post(token))
        .route("/open-apis/bot/v3/info", get(bot_info))
        .route("/open-apis/im/v1/messages", post(create))
        .route("/open-apis/im/v1/messages/{id}", get(read).patch(patch_card))
        .route("/open-apis/im/v1/messages/{id}/reply", post(reply))
        .route("/open-apis/im/v1/messages/{id}/urgent_app", patch(urgent))
        .route("/open-apis/im/v1/messages/{id}/urgent_sms", patch(urgent))
        .route("/open-apis/im/v1/messages/{id}/urgent_phone", patch(urgent))
        .merge(super::bitable::routes())
        .merge(super::docs::routes())
        .merge(super::members::routes())
        .merge(super::longconn::routes())
        .merge(super::files::routes())
        .merge(super::okr::routes())
        .merge(super::performance::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(not_found)
        .with_state(state)
}

/// Locks the world, answers with `f` (or 503 during an outage) and logs the exchange: every
/// handler of the fake goes through here.
pub(crate) fn serve(
    state: &FakeState,
    method: &Method,
    uri: &Uri,
    f: impl FnOnce(&mut World) -> Result<Reply, Reply>,
) -> Response {
    let mut w = state.lock();
    let reply = if w.outage {
        Reply::outage()
    } else {
        f(&mut w).unwrap_or_else(|e| e)
    };
    w.log.push(LoggedRequest {
        method: method.as_str().to_owned(),
        path: uri.path().to_owned(),
        status: reply.status,
        code: reply.code(),
        at: std::time::Instant::now(),
        chat_id: reply.chat.clone(),
    });
    drop(w);
    reply.into_response()
}

/// [`serve`] for message writes, also recording the raw request and its answer.
fn serve_raw(
    state: &FakeState,
    method: &Method,
    uri: &Uri,
    target: Option<&str>,
    body: &[u8],
    f: impl FnOnce(&mut World) -> Result<Reply, Reply>,
) -> Response {
    let mut w = state.lock();
    let reply = if w.outage {
        Reply::outage()
    } else {
        f(&mut w).unwrap_or_else(|e| e)
    };
    let response = reply.json().cloned().unwrap_or(serde_json::Value::Null);
    let created = response
        .pointer("/data/message_id")
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned);
    let is_reply = uri.path().ends_with("/reply");
    w.raw_seq += 1;
    let raw = RawRequest {
        seq: w.raw_seq,
        method: method.as_str().to_owned(),
        path: uri
            .path_and_query()
            .map_or_else(|| uri.path().to_owned(), |pq| pq.as_str().to_owned()),
        message_id: if is_reply {
            created
        } else {
            created.or(target.map(str::to_owned))
        },
        parent_id: if is_reply { target.map(str::to_owned) } else { None },
        body: serde_json::from_slice(body)
            .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(body).into_owned())),
        status: reply.status,
        response,
    };
    w.raw.push(raw);
    w.log.push(LoggedRequest {
        method: method.as_str().to_owned(),
        path: uri.path().to_owned(),
        status: reply.status,
        code: reply.code(),
        at: std::time::Instant::now(),
        chat_id: reply.chat.clone(),
    });
    drop(w);
    reply.into_response()
}

async fn token(State(s): State<FakeState>, m: Method, OriginalUri(u): OriginalUri, body: Bytes) -> Response {
    serve(&s, &m, &u, |w| Ok(w.issue_token(&body)))
}

async fn bot_info(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
) -> Response {
    serve(&s, &m, &u, |w| w.bot_info(&h))
}

async fn create(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Query(q): Params,
    body: Bytes,
) -> Response {
    serve_raw(&s, &m, &u, None, &body, |w| w.create(&h, &q, &body))
}

async fn read(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    serve(&s, &m, &u, |w| w.get(&h, &id))
}

async fn patch_card(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    serve_raw(&s, &m, &u, Some(&id), &body, |w| w.patch(&h, &id, &body))
}

async fn reply(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    serve_raw(&s, &m, &u, Some(&id), &body, |w| w.reply(&h, &id, &body))
}

async fn urgent(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Query(q): Params,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    // urgent_app, urgent_sms or urgent_phone: the same contract.
    let channel = u.path().rsplit('/').next().unwrap_or_default().to_owned();
    serve_raw(&s, &m, &u, Some(&id), &body, |w| {
        w.urgent(&h, &q, &id, &channel, &body)
    })
}

async fn not_found(State(s): State<FakeState>, m: Method, OriginalUri(u): OriginalUri) -> Response {
    serve(&s, &m, &u, |_| Err(Reply::error(404, 404, "404 page not found")))
}
