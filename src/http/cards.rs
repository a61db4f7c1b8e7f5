//! `POST /feishu/cards`: the legacy "message card request URL" (`card.action.trigger_v1`):
//! SHA-1 signature with the Verification Token, flat payload, the card answered at top level.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use secrecy::ExposeSecret;
use serde_json::{Value, json};

use super::error::IngressError;
use super::events::{check_token, open};
use super::extract::signed_parts;
use super::state::AppState;
use crate::feishu::event::CardActionEvent;
use crate::feishu::signature::verify_card;

/// The legacy card callback route.
pub(super) async fn cards(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, IngressError> {
    let plaintext = open(&st, &body)?;
    let v: Value = serde_json::from_slice(&plaintext).map_err(|_| IngressError::Json)?;
    if v.get("type").and_then(Value::as_str) == Some("url_verification") {
        check_token(&st, v.get("token").and_then(Value::as_str))?;
        let challenge = v.get("challenge").cloned().unwrap_or(Value::Null);
        return Ok(Json(json!({ "challenge": challenge })).into_response());
    }
    let parts = signed_parts(&headers).ok_or(IngressError::MissingSignature)?;
    if !verify_card(parts, st.ingress.verification_token.expose_secret(), &body) {
        return Err(IngressError::BadSignature);
    }
    if let Some(t) = v
        .get("token")
        .and_then(Value::as_str)
        .filter(|t| !t.starts_with("c-"))
    {
        // The flat payload's `token` is the delayed-update token (c-…), not the Verification
        // Token; anything else in that place is checked as a Verification Token.
        check_token(&st, Some(t))?;
    }
    let action = CardActionEvent::from_legacy(&v).ok_or(IngressError::Shape)?;
    let answer = st.service.card_action(&action, None).await;
    // Legacy answers carry the card itself at the top level, with an optional toast.
    let mut out = answer
        .get("card")
        .and_then(|c| c.get("data"))
        .cloned()
        .unwrap_or_else(|| json!({}));
    if let (Some(obj), Some(toast)) = (out.as_object_mut(), answer.get("toast")) {
        obj.insert("toast".to_owned(), toast.clone());
    }
    Ok(Json(out).into_response())
}
