//! The sandbox's HTTP surface: the page (`/`, `/sandbox`, its script and style, embedded in the
//! binary) and its JSON API under `/sandbox/api/…` — state, send, click, messages since a
//! cursor, clock jumps, and the raw event / raw OpenAPI requests behind a message.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use super::clock::{self, Jump};
use super::emulator::{Emulator, EmulatorError, Pushed};
use super::event::Mention;
use super::journal::StoredMessage;
use super::seed::{self, BOT_NAME, GROUPS, PEOPLE};
use crate::command::when::format_rfc3339;

const INDEX_HTML: &str = include_str!("../../assets/sandbox/index.html");
const APP_JS: &str = include_str!("../../assets/sandbox/app.js");
const STYLE_CSS: &str = include_str!("../../assets/sandbox/style.css");

/// The page and the API over `emulator`.
pub fn routes(emulator: Arc<Emulator>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/sandbox", get(index))
        .route("/sandbox/app.js", get(app_js))
        .route("/sandbox/style.css", get(style_css))
        .route("/sandbox/api/state", get(state))
        .route("/sandbox/api/messages", get(messages))
        .route("/sandbox/api/messages/{id}/raw", get(raw))
        .route("/sandbox/api/send", post(send))
        .route("/sandbox/api/click", post(click))
        .route("/sandbox/api/clock", post(move_clock))
        .route("/sandbox/api/scope", post(set_scope))
        .route("/sandbox/api/frames", get(frames))
        .with_state(emulator)
}

type St = State<Arc<Emulator>>;

async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

async fn style_css() -> Response {
    asset("text/css; charset=utf-8", STYLE_CSS)
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, "no-cache")],
        body,
    )
        .into_response()
}

fn clock_json(em: &Emulator) -> Value {
    let now = em.now();
    let (label, working) = clock::label(now, em.calendar());
    json!({ "now": format_rfc3339(now), "label": label, "working_day": working })
}

async fn state(State(em): St) -> Response {
    let bot = em.fake().bot_open_id();
    let people: Vec<Value> = PEOPLE
        .iter()
        .map(|p| json!({"open_id": p.open_id, "name": p.name, "title": p.title, "p2p_chat_id": seed::p2p_chat_id(p.open_id)}))
        .collect();
    Json(json!({
        "people": people,
        "groups": GROUPS,
        "bot": {"open_id": bot, "name": BOT_NAME},
        "app_id": seed::APP_ID,
        "group_messages": em.group_messages(),
        "clock": clock_json(&em),
    }))
    .into_response()
}

#[derive(Debug, Deserialize)]
struct Since {
    #[serde(default)]
    since: u64,
}

/// A message as the page draws it.
fn view(m: &StoredMessage, bot: &str, requests: usize, events: usize) -> Value {
    let sender = m.sender_open_id.as_deref().unwrap_or(bot);
    let urgent: Vec<String> = m
        .urgent
        .iter()
        .flatten()
        .map(|id| seed::display_name(id, bot))
        .collect();
    json!({
        "id": m.message_id,
        "chat_id": m.chat_id,
        "sender": {"open_id": sender, "name": seed::display_name(sender, bot), "is_bot": m.sender_open_id.is_none()},
        "msg_type": m.msg_type,
        "content": m.latest(),
        "mentions": m.mentions,
        "parent_id": m.parent_id,
        "at": m.at,
        "updated_at": m.updated_at,
        "updates": m.patches.len(),
        "urgent": urgent,
        "rev": m.rev,
        "requests": requests,
        "events": events,
        "not_delivered": m.not_delivered,
    })
}

async fn messages(State(em): St, Query(q): Query<Since>) -> Response {
    em.sync();
    let bot = em.fake().bot_open_id();
    let j = em.journal();
    let list: Vec<Value> = j
        .since(q.since)
        .into_iter()
        .map(|m| {
            view(
                m,
                &bot,
                j.requests_for(&m.message_id).len(),
                j.events_for(&m.message_id).len(),
            )
        })
        .collect();
    let body = json!({ "cursor": j.rev, "messages": list, "clock": clock_json(&em) });
    drop(j);
    Json(body).into_response()
}

async fn raw(State(em): St, Path(id): Path<String>) -> Response {
    em.sync();
    let j = em.journal();
    let Some(m) = j.message(&id) else {
        return refuse(StatusCode::NOT_FOUND, &format!("找不到消息 {id}"));
    };
    let cause = m
        .parent_id
        .as_deref()
        .map(|p| j.events_for(p))
        .unwrap_or_default();
    let body = json!({
        "message": m,
        "events": j.events_for(&id),
        "cause_events": cause,
        "requests": j.requests_for(&id),
    });
    drop(j);
    Json(body).into_response()
}

#[derive(Debug, Deserialize)]
struct SendBody {
    from: String,
    chat_id: String,
    text: String,
    #[serde(default)]
    mentions: Vec<Mention>,
}

async fn send(State(em): St, Json(b): Json<SendBody>) -> Response {
    match em.send(&b.from, &b.chat_id, &b.text, &b.mentions).await {
        Ok((message_id, Some(pushed))) => pushed_json(Some(&message_id), &pushed),
        Ok((message_id, None)) => Json(json!({
            "message_id": message_id,
            "delivered": false,
            "hint": super::event::NOT_DELIVERED_HINT,
        }))
        .into_response(),
        Err(e) => refused(&e),
    }
}

#[derive(Debug, Deserialize)]
struct ScopeBody {
    group_messages: crate::config::GroupMessages,
}

/// Switches which group messages the emulated app receives (`at_bot` or `all`).
async fn set_scope(State(em): St, Json(b): Json<ScopeBody>) -> Response {
    em.set_group_messages(b.group_messages);
    Json(json!({ "group_messages": em.group_messages() })).into_response()
}

#[derive(Debug, Deserialize)]
struct ClickBody {
    from: String,
    message_id: String,
    action: Value,
}

async fn click(State(em): St, Json(b): Json<ClickBody>) -> Response {
    match em.click(&b.from, &b.message_id, &b.action).await {
        Ok(pushed) => pushed_json(None, &pushed),
        Err(e) => refused(&e),
    }
}

#[derive(Debug, Deserialize)]
struct ClockBody {
    jump: Option<Jump>,
    set: Option<String>,
}

async fn move_clock(State(em): St, Json(b): Json<ClockBody>) -> Response {
    let set = match b.set.as_deref().map(|s| crate::clock::parse_now(Some(s))) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(e)) => return refuse(StatusCode::BAD_REQUEST, &e.to_string()),
    };
    if b.jump.is_none() && set.is_none() {
        return refuse(
            StatusCode::BAD_REQUEST,
            "请发送 {\"jump\": \"hour|next_morning|day|week\"} 或 {\"set\": \"<RFC3339>\"}",
        );
    }
    em.move_clock(b.jump, set);
    Json(json!({ "clock": clock_json(&em) })).into_response()
}

/// The long connection's state and recent frames (developer panel), or just the mode.
async fn frames(State(em): St) -> Response {
    let Some(lc) = em.long_connection() else {
        return Json(json!({ "mode": "webhook" })).into_response();
    };
    let (ready, state) = lc.readiness();
    let (frames_in, frames_out) = lc.frames();
    Json(json!({
        "mode": "long-connection",
        "connected": ready,
        "state": state,
        "device_id": lc.device_id(),
        "reconnects": lc.reconnects(),
        "frames_in": frames_in,
        "frames_out": frames_out,
        "frames": lc.recent(),
    }))
    .into_response()
}

fn pushed_json(message_id: Option<&str>, p: &Pushed) -> Response {
    Json(json!({
        "message_id": message_id,
        "delivered": true,
        "event_id": p.event_id,
        "status": p.status,
        "answer": p.answer,
    }))
    .into_response()
}

fn refused(e: &EmulatorError) -> Response {
    let status = match e {
        EmulatorError::Delivery(_) => StatusCode::BAD_GATEWAY,
        _ => StatusCode::BAD_REQUEST,
    };
    refuse(status, &e.to_string())
}

fn refuse(status: StatusCode, msg: &str) -> Response {
    (status, Json(json!({ "error": msg }))).into_response()
}
