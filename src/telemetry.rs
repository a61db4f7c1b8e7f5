//! Logging and metrics set-up (an edge).

use std::sync::OnceLock;

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tracing_subscriber::Layer;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Installs the tracing subscriber (stderr; `text` or `json`), filtered by `level`: a level or
/// a `target=level` list (`info,duban=debug`; start-up refuses anything else, see
/// [`crate::config`]). Safe to call more than once.
///
/// The filter is tracing-subscriber's `Targets`, not its regex-based `EnvFilter` (issue 20: the
/// regex engines cost 0.46 MB of binary and two of the larger crates in a clean build, for span
/// and field filters nobody configures).
pub fn init_tracing(level: &str, format: &str) {
    let filter: Targets = level
        .parse()
        .unwrap_or_else(|_| Targets::new().with_default(tracing::Level::INFO));
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let layer = if format == "json" {
        fmt.json().boxed()
    } else {
        fmt.boxed()
    };
    let _ = tracing_subscriber::registry()
        .with(layer.with_filter(filter))
        .try_init();
}

/// The process-wide Prometheus recorder (installed on first use; tests share it).
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new().build_recorder();
            let handle = recorder.handle();
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}
