//! What every HTTP handler (and the long connection, which admits events through the same
//! path) can reach: the shared state and the ingress secrets.

use std::sync::Arc;

use metrics_exporter_prometheus::PrometheusHandle;
use secrecy::SecretString;
use tokio::sync::Notify;

use crate::clock::{Clock, VirtualClock};
use crate::feishu::FeishuClient;
use crate::feishu::crypto::EventCipher;
use crate::longconn::status::Status;
use crate::service::Service;
use crate::store::Store;

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

/// What every handler can reach: one reference count to clone. axum clones the state for every
/// request, and a struct of a dozen `Arc`s cost a dozen atomic increments and decrements on
/// counters both cores share (issue 20: 1–2 % of the acknowledgement path's CPU in a profile).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    /// The state handlers share.
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] holds.
pub struct Shared {
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
    pub longconn: Option<Arc<Status>>,
    /// Several instances on one database: this instance's role (`/readyz`, `/metrics`).
    pub cluster: crate::cluster::Coordinator,
}
