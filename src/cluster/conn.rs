//! One dedicated PostgreSQL session (never a pooled one: advisory locks belong to the backend
//! session that took them). TLS through rustls when the server offers it (`sslmode` in the URL
//! as libpq reads it), TCP keepalives on both ends so a partition is noticed in seconds, and a
//! driver task that hands `NOTIFY` messages over and reports when the socket is gone.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use futures_util::StreamExt as _;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_postgres::{AsyncMessage, Client, Config, Notification};

/// Client-side keepalives: idle seconds before the first probe, seconds between probes, probes.
pub(super) const KEEPALIVE: (u64, u64, u32) = (5, 2, 3);

/// A connected session.
pub(crate) struct Session {
    /// The client (queries are pipelined on the one connection).
    pub(crate) client: Client,
    /// `NOTIFY` messages for channels this session listens on.
    pub(crate) notes: mpsc::UnboundedReceiver<Notification>,
    /// Finishes when the connection is gone (closed, reset, or the server went away).
    pub(crate) driver: JoinHandle<()>,
}

impl Drop for Session {
    fn drop(&mut self) {
        // The connection closes when the client is dropped; the driver ends with it.
        self.driver.abort();
    }
}

/// Parses `url` and sets what every duban session needs: the application name (visible in
/// `pg_stat_activity`), a connect timeout and keepalives on the client and on the server (the
/// server's `tcp_keepalives_*` decide how soon PostgreSQL frees a partitioned holder's locks).
///
/// # Errors
/// A URL that is not a PostgreSQL connection string.
pub(crate) fn config(url: &str, application: &str) -> Result<Config, tokio_postgres::Error> {
    let mut cfg: Config = url.parse()?;
    let (idle, interval, retries) = KEEPALIVE;
    cfg.application_name(application)
        .connect_timeout(Duration::from_secs(5))
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(idle))
        .keepalives_interval(Duration::from_secs(interval))
        .keepalives_retries(retries);
    let server = format!(
        "-c tcp_keepalives_idle={idle} -c tcp_keepalives_interval={interval} -c tcp_keepalives_count={retries}"
    );
    let options = match cfg.get_options() {
        Some(o) if !o.trim().is_empty() => format!("{o} {server}"),
        _ => server,
    };
    cfg.options(&options);
    Ok(cfg)
}

/// Opens a session on `url`.
///
/// # Errors
/// Connection or authentication failures.
pub(crate) async fn connect(url: &str, application: &str) -> Result<Session, tokio_postgres::Error> {
    let cfg = config(url, application)?;
    let (client, mut connection) = cfg.connect(tls()).await?;
    let (tx, notes) = mpsc::unbounded_channel();
    let driver = tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(m) = messages.next().await {
            match m {
                Ok(AsyncMessage::Notification(n)) => {
                    let _ = tx.send(n);
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error.message = %e, "PostgreSQL session lost");
                    return;
                }
            }
        }
    });
    Ok(Session {
        client,
        notes,
        driver,
    })
}

/// rustls with the system's roots (read once) and the ring provider duban uses everywhere.
fn tls() -> tokio_postgres_rustls::MakeRustlsConnect {
    static CONFIG: OnceLock<Arc<rustls::ClientConfig>> = OnceLock::new();
    let cfg = CONFIG.get_or_init(|| {
        let mut roots = rustls::RootCertStore::empty();
        let found = rustls_native_certs::load_native_certs();
        for e in &found.errors {
            tracing::warn!(error.message = %e, "a system certificate could not be read");
        }
        let (_, ignored) = roots.add_parsable_certificates(found.certs);
        if ignored > 0 {
            tracing::debug!(ignored, "system certificates rustls cannot use");
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap_or_else(|_| rustls::ClientConfig::builder());
        Arc::new(builder.with_root_certificates(roots).with_no_client_auth())
    });
    tokio_postgres_rustls::MakeRustlsConnect::new((**cfg).clone())
}
