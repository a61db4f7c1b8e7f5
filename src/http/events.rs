//! `POST /feishu/events`: raw bytes → signature → decrypt → classify → token → de-duplicate →
//! durable inbox → 200. Card callbacks (`card.action.trigger`) are answered synchronously.

use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use secrecy::ExposeSecret;
use serde_json::{Value, json};

use super::error::IngressError;
use super::extract::{any_signature_header, signed_parts};
use super::state::AppState;
use crate::feishu::event::{CardActionEvent, Head, Inbound, classify, peek_v2};
use crate::feishu::signature::{ct_eq, verify_event};
use crate::store::inbox::Admission;
use crate::worker::dedup_keys;

/// The events and callbacks route.
pub(super) async fn events(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, IngressError> {
    let started = Instant::now();
    let ing = &st.ingress;
    // Authenticate the raw bytes first when signatures are in play.
    let signed = match (ing.encrypt_key.as_ref(), signed_parts(&headers)) {
        (Some(key), Some(parts)) => {
            if !verify_event(parts, key.expose_secret(), &body) {
                return Err(IngressError::BadSignature);
            }
            true
        }
        (Some(_), None) if any_signature_header(&headers) => return Err(IngressError::MissingSignature),
        _ => false,
    };
    let plaintext = open(&st, &body)?;
    let answer = ingest(&st, &plaintext, Channel::Webhook { signed }, started).await?;
    Ok(Json(answer).into_response())
}

/// Where a push came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// `POST /feishu/events`: signatures (when an Encrypt Key is set) and the Verification
    /// Token are checked.
    Webhook {
        /// Whether the request carried a valid signature.
        signed: bool,
    },
    /// The long connection: the channel itself is authenticated (duban dialled Feishu with
    /// the app's credentials) and pushes are plaintext, without a token check, as in the
    /// official SDKs.
    LongConnection,
}

/// The one admission path of a plaintext push, for both channels: classify, check, then
/// either de-duplicate and write the event durably to the inbox (answer `{}`), or answer a
/// card callback synchronously (`{toast, card}`), or echo a URL check's challenge.
///
/// # Errors
/// A malformed or unauthenticated push, or a storage failure (the sender retries).
pub async fn ingest(
    st: &AppState,
    plaintext: &[u8],
    channel: Channel,
    started: Instant,
) -> Result<Value, IngressError> {
    // The common case — a schema-2.0 event that is not a card click — is read with a typed
    // parse of its head; everything else is classified in full.
    if let Some(head) = peek_v2(plaintext)
        && head.event_type != "card.action.trigger"
    {
        return acknowledge(st, &head, plaintext, channel, started).await;
    }
    match classify(plaintext).map_err(|e| match e {
        crate::feishu::event::EventError::Json => IngressError::Json,
        crate::feishu::event::EventError::Shape => IngressError::Shape,
    })? {
        Inbound::Challenge { challenge, token } => {
            check_token(st, token.as_deref())?;
            Ok(json!({ "challenge": challenge }))
        }
        Inbound::Event(env) if env.event_type == "card.action.trigger" => {
            authenticate(st, channel, env.token.as_deref())?;
            let Some(action) = CardActionEvent::from_event(&env.event) else {
                return Err(IngressError::Shape);
            };
            let answer = st.service.card_action(&action, Some(&env.event_id)).await;
            metrics::counter!("duban_card_actions_total").increment(1);
            Ok(answer)
        }
        Inbound::Event(env) => acknowledge(st, &Head::of(&env), plaintext, channel, started).await,
    }
}

/// The webhook's signature and token checks (nothing for the long connection).
fn authenticate(st: &AppState, channel: Channel, token: Option<&str>) -> Result<(), IngressError> {
    match channel {
        Channel::Webhook { signed } => {
            if st.ingress.encrypt_key.is_some() && !signed {
                return Err(IngressError::MissingSignature);
            }
            check_token(st, token)
        }
        Channel::LongConnection => Ok(()),
    }
}

/// An event push: token, then de-duplication and the durable inbox, then `{}`.
async fn acknowledge(
    st: &AppState,
    head: &Head,
    plaintext: &[u8],
    channel: Channel,
    started: Instant,
) -> Result<Value, IngressError> {
    authenticate(st, channel, head.token.as_deref())?;
    if !st.service.handles(&head.event_type) {
        tracing::debug!(event_type = %head.event_type, event_id = %head.event_id, "ignoring an event type duban does not use");
        metrics::counter!("duban_events_received_total", "outcome" => "ignored").increment(1);
        return Ok(json!({}));
    }
    let now_ms = st.clock.now().as_millisecond();
    match st.store.admit_async(plaintext, &dedup_keys(head), now_ms).await? {
        Admission::New(_) => {
            st.store.durable().await?;
            st.inbox_notify.notify_one();
            metrics::counter!("duban_events_received_total", "outcome" => "accepted").increment(1);
        }
        Admission::Duplicate => {
            // The original may still be on its way to the disk: this answer waits for it too
            // (group commit: no write of its own).
            st.store.durable().await?;
            tracing::debug!(event_id = %head.event_id, "duplicate push");
            metrics::counter!("duban_events_received_total", "outcome" => "duplicate").increment(1);
        }
    }
    metrics::histogram!("duban_event_ack_seconds").record(started.elapsed().as_secs_f64());
    Ok(json!({}))
}

/// The plaintext of a push: the decrypted `encrypt` field, or the body itself.
pub(super) fn open(st: &AppState, body: &Bytes) -> Result<Vec<u8>, IngressError> {
    /// Only the `encrypt` field matters here; everything else is read after decryption.
    #[derive(serde::Deserialize)]
    struct Outer<'a> {
        #[serde(borrow, default)]
        encrypt: Option<std::borrow::Cow<'a, str>>,
    }
    let outer: Outer<'_> = serde_json::from_slice(body).map_err(|_| IngressError::Json)?;
    match outer.encrypt.as_deref() {
        Some(enc) => {
            let cipher = st.ingress.cipher.as_ref().ok_or(IngressError::Decrypt)?;
            cipher
                .decrypt(enc)
                .map(String::into_bytes)
                .map_err(|_| IngressError::Decrypt)
        }
        None => Ok(body.to_vec()),
    }
}

/// Constant-time Verification Token check.
pub(super) fn check_token(st: &AppState, token: Option<&str>) -> Result<(), IngressError> {
    match token {
        Some(t) if ct_eq(t, st.ingress.verification_token.expose_secret()) => Ok(()),
        _ => Err(IngressError::BadToken),
    }
}
