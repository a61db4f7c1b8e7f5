//! `POST /debug/clock` (only with `DUBAN_VIRTUAL_CLOCK`): move the virtual clock for demos and
//! acceptance runs — `{"advance_seconds": N}` or `{"set": "<RFC3339>"}`; `GET` reads it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::state::AppState;

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClockChange {
    advance_seconds: Option<i64>,
    set: Option<String>,
}

/// Reads the virtual clock.
pub(super) async fn get_clock(State(st): State<AppState>) -> Response {
    Json(json!({ "now": crate::command::when::format_rfc3339(st.clock.now()) })).into_response()
}

/// Moves the virtual clock.
pub(super) async fn set_clock(State(st): State<AppState>, body: Option<Json<ClockChange>>) -> Response {
    let Some(vc) = st.virtual_clock.as_ref() else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "virtual clock is off"})),
        )
            .into_response();
    };
    let bad = |m: &str| (StatusCode::BAD_REQUEST, Json(json!({"error": m}))).into_response();
    match body.map(|Json(b)| b) {
        Some(ClockChange {
            advance_seconds: Some(s),
            set: None,
        }) if s >= 0 => {
            vc.advance(jiff::SignedDuration::from_secs(s));
        }
        Some(ClockChange {
            advance_seconds: None,
            set: Some(t),
        }) => match crate::clock::parse_now(Some(&t)) {
            Ok(ts) => vc.set(ts),
            Err(e) => return bad(&e.to_string()),
        },
        _ => return bad("send {\"advance_seconds\": N} (N ≥ 0) or {\"set\": \"<RFC3339>\"}"),
    }
    tracing::warn!(now = %st.clock.now(), "virtual clock moved");
    st.scheduler_notify.notify_one();
    get_clock(State(st)).await
}
