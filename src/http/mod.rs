//! The HTTP edge (axum): routes, shared state, and the body limit.

pub mod admin;
mod body;
mod cards;
mod debug;
pub(crate) mod error;
pub(crate) mod events;
mod extract;
mod health;
pub mod state;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

pub use body::MAX_BODY;
pub use error::IngressError;
pub use events::{Channel, ingest};
pub use state::{AppState, Ingress, Shared};

/// The router, callable without a socket (`Router::oneshot`) in tests.
pub fn router(state: AppState) -> Router {
    let debug = if state.virtual_clock.is_some() {
        Router::new().route("/debug/clock", get(debug::get_clock).post(debug::set_clock))
    } else {
        Router::new()
    };
    // In long-connection mode events arrive over duban's own outbound connection: the
    // webhook routes are not served at all.
    let (events, cards) = if state.longconn.is_some() {
        (Router::new(), Router::new())
    } else {
        (
            Router::new().route("/feishu/events", post(events::events)),
            Router::new().route("/feishu/cards", post(cards::cards)),
        )
    };
    // The events route reads its body under the same limit itself (see [`events::events`]);
    // the layer covers the routes added before it.
    Router::new()
        .merge(debug)
        .merge(cards)
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .merge(events)
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(state)
}
