//! `POST /feishu/events`: raw bytes → signature → decrypt → classify → token → de-duplicate →
//! durable inbox → 200. Card callbacks (`card.action.trigger`) are answered synchronously.

use std::borrow::Cow;
use std::sync::OnceLock;
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use metrics::{Counter, Histogram};
use secrecy::ExposeSecret;
use serde_json::{Value, json};

use super::body::read_body;
use super::error::IngressError;
use super::extract::{any_signature_header, signed_parts};
use super::state::AppState;
use crate::feishu::event::{CardActionEvent, Head, Inbound, MessageEvent, classify, peek_v2};
use crate::feishu::message_push::{StoredMessage, read_message_push};
use crate::feishu::signature::{ct_eq, verify_event};
use crate::store::inbox::{Admission, Payload};
use crate::worker::dedup_keys;

/// The events and callbacks route. The request is taken whole so that its headers are moved
/// out rather than copied (axum's `HeaderMap` extractor clones them). The body is read here
/// under [`super::MAX_BODY`] (413 above it), not by a body-limit layer, which would give every
/// push a map of request extensions to carry its setting.
pub(super) async fn events(State(st): State<AppState>, mut req: Request) -> Response {
    let started = Instant::now();
    let headers = std::mem::take(req.headers_mut());
    let body = match read_body(req.into_body()).await {
        Ok(body) => body,
        Err(e) => return e.into_response(),
    };
    match admit_webhook(&st, &headers, &body, started).await {
        // The usual answer, an event acknowledged: `{}` without building and serialising a value.
        Ok(answer) if answer.as_object().is_some_and(serde_json::Map::is_empty) => (
            [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))],
            "{}",
        )
            .into_response(),
        Ok(answer) => Json(answer).into_response(),
        Err(e) => e.into_response(),
    }
}

/// Signature, decryption, then [`ingest`].
async fn admit_webhook(
    st: &AppState,
    headers: &axum::http::HeaderMap,
    body: &Bytes,
    started: Instant,
) -> Result<Value, IngressError> {
    let ing = &st.ingress;
    // Authenticate the raw bytes first when signatures are in play.
    let signed = match (ing.encrypt_key.as_ref(), signed_parts(headers)) {
        (Some(key), Some(parts)) => {
            if !verify_event(parts, key.expose_secret(), body) {
                return Err(IngressError::BadSignature);
            }
            true
        }
        (Some(_), None) if any_signature_header(headers) => return Err(IngressError::MissingSignature),
        _ => false,
    };
    let channel = Channel::Webhook { signed };
    // Without an Encrypt Key pushes come as plaintext: the common one, a received message, is
    // read straight from the body (one parse, not a look for `encrypt` first); anything else,
    // an encrypted body included, goes the general way.
    if ing.encrypt_key.is_none()
        && let Some((head, message)) = read_message_push(body)
    {
        return acknowledge(st, &head, body, Some(message), channel, started).await;
    }
    let plaintext = open(st, body)?;
    ingest(st, &plaintext, channel, started).await
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
    // The common case, a received message, is read once with a typed parse and stored as
    // read; another schema-2.0 event that is not a card click with a typed parse of its head
    // (stored as received); everything else is classified in full.
    if let Some((head, message)) = read_message_push(plaintext) {
        return acknowledge(st, &head, plaintext, Some(message), channel, started).await;
    }
    if let Some(head) = peek_v2(plaintext)
        && head.event_type != "card.action.trigger"
    {
        return acknowledge(st, &head, plaintext, None, channel, started).await;
    }
    // Boxed: the rarer paths (a card click runs the whole service) would otherwise make every
    // acknowledgement's future as large as theirs, copied on each request.
    Box::pin(classified(st, plaintext, channel, started)).await
}

/// [`ingest`] for everything but a plain event push: classified in full.
async fn classified(
    st: &AppState,
    plaintext: &[u8],
    channel: Channel,
    started: Instant,
) -> Result<Value, IngressError> {
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
        Inbound::Event(env) => acknowledge(st, &Head::of(&env), plaintext, None, channel, started).await,
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

/// An event push: token, then de-duplication and the durable inbox, then `{}`. A received
/// message already read (`message`) is stored as read, encoded only once the push is
/// authenticated and of a type duban uses; anything else is stored as received.
async fn acknowledge(
    st: &AppState,
    head: &Head,
    plaintext: &[u8],
    message: Option<MessageEvent>,
    channel: Channel,
    started: Instant,
) -> Result<Value, IngressError> {
    authenticate(st, channel, head.token.as_deref())?;
    if !st.service.handles(&head.event_type) {
        tracing::debug!(event_type = %head.event_type, event_id = %head.event_id, "ignoring an event type duban does not use");
        ack_metrics().ignored.increment(1);
        return Ok(json!({}));
    }
    let stored = message.and_then(|m| StoredMessage::new(head, m).encode());
    let payload = stored
        .as_deref()
        .map_or(Payload::Push(plaintext), Payload::Message);
    let now_ms = st.clock.now().as_millisecond();
    match st.store.admit_async(payload, &dedup_keys(head), now_ms).await? {
        Admission::New(_) => {
            st.store.durable().await?;
            st.inbox_notify.notify_one();
            ack_metrics().accepted.increment(1);
        }
        Admission::Duplicate => {
            // The original may still be on its way to the disk: this answer waits for it too
            // (group commit: no write of its own).
            st.store.durable().await?;
            tracing::debug!(event_id = %head.event_id, "duplicate push");
            ack_metrics().duplicate.increment(1);
        }
    }
    ack_metrics().ack_seconds.record(started.elapsed().as_secs_f64());
    Ok(json!({}))
}

/// The acknowledgement's metrics, registered once: each `counter!` call would look its key up
/// in the recorder again.
struct AckMetrics {
    accepted: Counter,
    duplicate: Counter,
    ignored: Counter,
    ack_seconds: Histogram,
}

fn ack_metrics() -> &'static AckMetrics {
    static METRICS: OnceLock<AckMetrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        // The process-wide recorder exists before the handles are taken from it.
        let _ = crate::telemetry::metrics_handle();
        AckMetrics {
            accepted: metrics::counter!("duban_events_received_total", "outcome" => "accepted"),
            duplicate: metrics::counter!("duban_events_received_total", "outcome" => "duplicate"),
            ignored: metrics::counter!("duban_events_received_total", "outcome" => "ignored"),
            ack_seconds: metrics::histogram!("duban_event_ack_seconds"),
        }
    })
}

/// The plaintext of a push: the decrypted `encrypt` field, or the body itself.
pub(super) fn open<'b>(st: &AppState, body: &'b Bytes) -> Result<Cow<'b, [u8]>, IngressError> {
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
                .map(|p| Cow::Owned(p.into_bytes()))
                .map_err(|_| IngressError::Decrypt)
        }
        None => Ok(Cow::Borrowed(body)),
    }
}

/// Constant-time Verification Token check.
pub(super) fn check_token(st: &AppState, token: Option<&str>) -> Result<(), IngressError> {
    match token {
        Some(t) if ct_eq(t, st.ingress.verification_token.expose_secret()) => Ok(()),
        _ => Err(IngressError::BadToken),
    }
}
