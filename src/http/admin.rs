//! The local admin endpoint (served on its own loopback listener when `DUBAN_ADMIN_TOKEN` is
//! set): `GET /admin/backup` answers a consistent snapshot of the whole store, so that
//! `duban backup` and `duban export` work while this duban holds the data directory.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;

use crate::clock::Clock;
use crate::store::Store;

/// What the admin routes need.
#[derive(Clone)]
pub struct AdminState {
    /// The store.
    pub store: Store,
    /// Time (the snapshot's `taken_at`).
    pub clock: Arc<dyn Clock>,
    /// The bearer token.
    pub token: Arc<SecretString>,
}

/// The admin router.
pub fn admin_router(state: AdminState) -> Router {
    Router::new()
        .route("/admin/backup", get(backup))
        .with_state(state)
}

fn authorized(headers: &HeaderMap, token: &SecretString) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let want = token.expose_secret().as_bytes();
    given.len() == want.len() && bool::from(given.as_bytes().ct_eq(want))
}

async fn backup(State(state): State<AdminState>, headers: HeaderMap) -> Response {
    if !authorized(&headers, &state.token) {
        return (StatusCode::UNAUTHORIZED, "需要正确的 DUBAN_ADMIN_TOKEN\n").into_response();
    }
    let now = state.clock.now();
    let store = state.store.clone();
    let taken = tokio::task::spawn_blocking(move || {
        let mut buf = Vec::new();
        store.snapshot_to(&mut buf, now).map(|n| (n, buf))
    })
    .await;
    match taken {
        Ok(Ok((n, buf))) => {
            tracing::info!(
                entries = n,
                bytes = buf.len(),
                "backup taken through the admin endpoint"
            );
            (
                [(header::CONTENT_TYPE, "application/octet-stream")],
                Body::from(buf),
            )
                .into_response()
        }
        Ok(Err(e)) => {
            tracing::error!(error.message = %e, "backup failed");
            (StatusCode::INTERNAL_SERVER_ERROR, format!("备份失败：{e}\n")).into_response()
        }
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "备份失败\n").into_response(),
    }
}
