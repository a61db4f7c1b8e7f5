//! `GET /healthz` (alive), `GET /readyz` (store open, a tenant token obtainable, in
//! long-connection mode the connection to Feishu up, and in a cluster the role and epoch) and `GET /metrics` (Prometheus text; the
//! gauges are read from the store at each scrape).

use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::state::AppState;

/// Liveness.
pub(super) async fn healthz() -> &'static str {
    "ok"
}

/// Readiness.
pub(super) async fn readyz(State(st): State<AppState>) -> Response {
    let store_ok = st.store.is_healthy();
    let token = tokio::time::timeout(Duration::from_secs(3), st.client.tenant_token()).await;
    let token_ok = matches!(token, Ok(Ok(_)));
    let connection = st.longconn.as_ref().map(|lc| lc.readiness());
    let connection_ok = connection.as_ref().is_none_or(|(ok, _)| *ok);
    let mut body = json!({
        "store": if store_ok { "ok" } else { "unavailable" },
        "store_backend": st.store.backend_name(),
        "feishu_token": match token {
            Ok(Ok(_)) => "ok".to_owned(),
            Ok(Err(e)) => format!("unavailable: {e}"),
            Err(_) => "unavailable: timeout".to_owned(),
        },
    });
    if let Some((_, text)) = connection {
        body["long_connection"] = serde_json::Value::String(text);
    }
    // Several instances on one database: every instance is ready (each accepts events and
    // answers card callbacks); the role says which one runs the leader-only work.
    let cluster = st.cluster.snapshot();
    if cluster.clustered {
        body["role"] = json!(if cluster.role.leader { "leader" } else { "follower" });
        body["epoch"] = json!(cluster.role.epoch);
        body["instance"] = json!(cluster.instance);
        body["leader"] = json!(cluster.leader);
    }
    let status = if store_ok && token_ok && connection_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(body)).into_response()
}

/// Prometheus metrics.
pub(super) async fn metrics(State(st): State<AppState>) -> Response {
    metrics::gauge!("duban_inbox_pending").set(st.store.inbox_len() as f64);
    metrics::gauge!("duban_outbox_pending").set(st.store.outbox_len() as f64);
    metrics::gauge!("duban_store_size_bytes").set(st.store.size_on_disk() as f64);
    metrics::gauge!("duban_outbox_dead").set(st.store.outbox_dead_len() as f64);
    // How long the oldest waiting message has waited (outbox timing runs on wall time).
    let oldest = st.store.outbox_oldest_created_ms().ok().flatten();
    let wait_ms = oldest.map_or(0, |t| (jiff::Timestamp::now().as_millisecond() - t).max(0));
    metrics::gauge!("duban_outbox_oldest_seconds").set(wait_ms as f64 / 1000.0);
    // How far the earliest scheduled reminder is behind the clock: above a few minutes the
    // scheduler is not sending reminders.
    let next_due = st.store.next_due_ms().ok().flatten();
    let late_ms = next_due.map_or(0, |t| (st.clock.now().as_millisecond() - t).max(0));
    metrics::gauge!("duban_reminders_late_seconds").set(late_ms as f64 / 1000.0);
    cluster_gauges(&st);
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        st.metrics.render(),
    )
        .into_response()
}

/// The cluster's gauges: the role (1 on the leader; always 1 for a single process), the fencing
/// epoch, how long ago the lease was last renewed (leader) or tried (follower), and the inbox
/// lag: how long the oldest accepted event has waited (on the leader's worker, in a cluster).
fn cluster_gauges(st: &AppState) {
    let c = st.cluster.snapshot();
    metrics::gauge!("duban_cluster_leader").set(if c.role.leader { 1.0 } else { 0.0 });
    metrics::gauge!("duban_cluster_epoch").set(c.role.epoch as f64);
    let wall = jiff::Timestamp::now().as_millisecond();
    let age_ms = c.renewed_ms.map_or(0, |t| (wall - t).max(0));
    metrics::gauge!("duban_cluster_lease_age_seconds").set(age_ms as f64 / 1000.0);
    if let Some(t) = c.renewed_ms {
        metrics::gauge!("duban_cluster_lease_renewed_timestamp_seconds").set(t as f64 / 1000.0);
    }
    let oldest = st
        .store
        .inbox_pending(None, 1)
        .ok()
        .and_then(|e| e.first().map(|e| e.received_ms));
    let lag_ms = oldest.map_or(0, |t| (st.clock.now().as_millisecond() - t).max(0));
    metrics::gauge!("duban_inbox_lag_seconds").set(lag_ms as f64 / 1000.0);
}
