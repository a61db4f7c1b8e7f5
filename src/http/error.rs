//! Ingress errors and their HTTP answers, decided in one place. Rejections of bad requests are
//! answered, counted and logged at debug level; internal failures are opaque and logged once.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::store::StoreError;

/// Why a push was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum IngressError {
    /// Signature headers absent where required.
    #[error("missing signature")]
    MissingSignature,
    /// Signature does not match.
    #[error("bad signature")]
    BadSignature,
    /// Verification Token absent or wrong.
    #[error("invalid verification token")]
    BadToken,
    /// The `encrypt` field could not be opened (or encryption is not configured).
    #[error("cannot decrypt")]
    Decrypt,
    /// Not JSON.
    #[error("malformed JSON")]
    Json,
    /// JSON but not an envelope.
    #[error("not a Feishu event")]
    Shape,
    /// The body is over the limit ([`super::body::MAX_BODY`]).
    #[error("body too large")]
    TooLarge,
    /// The body could not be read (the connection broke off).
    #[error("body not readable")]
    Body,
    /// Storage failed: Feishu will retry.
    #[error("storage unavailable")]
    Store(#[from] StoreError),
}

impl IngressError {
    fn status(&self) -> StatusCode {
        match self {
            Self::MissingSignature | Self::BadSignature | Self::BadToken => StatusCode::UNAUTHORIZED,
            Self::Decrypt | Self::Json | Self::Shape | Self::Body => StatusCode::BAD_REQUEST,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn label(&self) -> &'static str {
        match self {
            Self::MissingSignature => "missing_signature",
            Self::BadSignature => "bad_signature",
            Self::BadToken => "bad_token",
            Self::Decrypt => "decrypt",
            Self::Json => "json",
            Self::Shape => "shape",
            Self::TooLarge => "too_large",
            Self::Body => "body",
            Self::Store(_) => "store",
        }
    }
}

impl IntoResponse for IngressError {
    fn into_response(self) -> Response {
        metrics::counter!("duban_events_rejected_total", "reason" => self.label()).increment(1);
        match &self {
            Self::Store(e) => {
                tracing::error!(error.message = %e, error.cause_chain = ?e, "could not store an event")
            }
            other => tracing::debug!(reason = other.label(), "push rejected"),
        }
        (
            self.status(),
            Json(json!({"code": self.status().as_u16(), "error": self.to_string()})),
        )
            .into_response()
    }
}
