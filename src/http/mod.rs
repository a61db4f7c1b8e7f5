//! The HTTP edge (axum): routes, shared state, and the body limit.

pub mod admin;
mod cards;
mod debug;
mod error;
mod events;
mod extract;
mod health;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use metrics_exporter_prometheus::PrometheusHandle;
use secrecy::SecretString;
use tokio::sync::Notify;

use crate::clock::{Clock, VirtualClock};
use crate::feishu::FeishuClient;
use crate::feishu::crypto::EventCipher;
use crate::service::Service;
use crate::store::Store;

pub use error::IngressError;
pub use events::{Channel, ingest};

/// Bodies above this are refused with 413.
pub const MAX_BODY: usize = 1024 * 1024;

/// Ingress secrets.
#[derive(Debug)]
pub struct Ingress {
    /// Verification Token.
    pub verification_token: SecretString,
    /// Encrypt Key (signatures are checked when set).
    pub encrypt_key: Option<SecretString>,
    /// The cipher derived from the Encrypt Key.
    pub cipher: Option<EventCipher>,
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// Store.
    pub store: Store,
    /// Secrets.
    pub ingress: Arc<Ingress>,
    /// Wakes the inbox worker.
    pub inbox_notify: Arc<Notify>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Orchestration.
    pub service: Arc<Service>,
    /// Feishu (readiness).
    pub client: FeishuClient,
    /// Metrics renderer.
    pub metrics: PrometheusHandle,
    /// The virtual clock, when `DUBAN_VIRTUAL_CLOCK` is on (enables `/debug/clock`).
    pub virtual_clock: Option<Arc<VirtualClock>>,
    /// Wakes the scheduler (deadlines changed, clock moved).
    pub scheduler_notify: Arc<Notify>,
    /// The long connection's state, in long-connection mode (`DUBAN_EVENTS=long-connection`).
    pub longconn: Option<Arc<crate::longconn::Status>>,
}

/// The router, callable without a socket (`Router::oneshot`) in tests.
pub fn router(state: AppState) -> Router {
    let debug = if state.virtual_clock.is_some() {
        Router::new().route("/debug/clock", get(debug::get_clock).post(debug::set_clock))
    } else {
        Router::new()
    };
    // In long-connection mode events arrive over duban's own outbound connection: the
    // webhook routes are not served at all.
    let ingress = if state.longconn.is_some() {
        Router::new()
    } else {
        Router::new()
            .route("/feishu/events", post(events::events))
            .route("/feishu/cards", post(cards::cards))
    };
    Router::new()
        .merge(debug)
        .merge(ingress)
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(state)
}
