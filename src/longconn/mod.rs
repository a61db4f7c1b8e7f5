//! The long connection (长连接, an edge): duban dials Feishu instead of being called. It asks
//! `POST /callback/ws/endpoint` for a WebSocket URL with the app's credentials, dials it, pings
//! on the server's interval, applies the configuration pongs carry, reassembles fragmented
//! payloads and hands every event and card callback to the webhook's own admission path
//! (the webhook's `ingest`): the acknowledging frame goes back only after the event is durable
//! in the inbox, and a card callback's answer (toast, card) travels back in it. A lost
//! connection is re-established with the server's interval and jitter, a fresh URL each time.
//! Protocol: the pbbp2 frames of the official SDKs ([`frame`]).

pub mod frame;
mod policy;
mod proxy;
mod session;
pub mod status;

use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

pub use frame::{Frame, Header};
use policy::Ws;
pub use policy::{Policy, ServerConfig};
pub use status::{FrameNote, Status};

use crate::http::state::AppState;

/// Where and as whom to connect.
#[derive(Debug, Clone)]
pub struct Config {
    /// The OpenAPI base URL (`https://open.feishu.cn`, Lark's, or a fake).
    pub base_url: String,
    /// `cli_…`.
    pub app_id: String,
    /// The app secret.
    pub app_secret: SecretString,
    /// An HTTP proxy for the WebSocket (`http://[user:pass@]host:port`), if egress needs one.
    pub proxy: Option<String>,
}

/// Why a connection could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectError {
    /// Worth retrying (Feishu busy, network, bad answer).
    #[error("{0}")]
    Server(String),
    /// Retrying will not help without an operator (bad credentials, app disabled, too many
    /// connections).
    #[error("{0}")]
    Client(String),
}

/// Business codes of the endpoint answer (from the SDKs).
const OK: i64 = 0;
const SYSTEM_BUSY: i64 = 1;
const INTERNAL_ERROR: i64 = 1_000_040_343;
/// The handshake's "too many connections" auth code.
const EXCEED_CONN_LIMIT: i64 = 1_000_040_350;
/// How long to wait after a refusal that needs an operator before trying again.
const REFUSED_RETRY: Duration = Duration::from_secs(600);

/// The WebSocket URL and the policy from `POST /callback/ws/endpoint`.
///
/// # Errors
/// [`ConnectError::Client`] for a refusal that retrying cannot fix, else
/// [`ConnectError::Server`].
pub async fn endpoint(http: &reqwest::Client, cfg: &Config) -> Result<(String, ServerConfig), ConnectError> {
    #[derive(Deserialize)]
    struct Answer {
        #[serde(default)]
        code: i64,
        #[serde(default)]
        msg: String,
        #[serde(default)]
        data: Option<Data>,
    }
    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "URL", default)]
        url: String,
        #[serde(rename = "ClientConfig", default)]
        client_config: Option<ServerConfig>,
    }
    let resp = http
        .post(format!("{}/callback/ws/endpoint", cfg.base_url))
        .header("locale", "zh")
        .json(&serde_json::json!({
            "AppID": cfg.app_id,
            "AppSecret": cfg.app_secret.expose_secret(),
        }))
        .send()
        .await
        .map_err(|e| ConnectError::Server(format!("the endpoint request failed: {e}")))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(ConnectError::Server(format!(
            "the endpoint answered HTTP {status}"
        )));
    }
    let a: Answer = resp
        .json()
        .await
        .map_err(|e| ConnectError::Server(format!("the endpoint answer is not JSON: {e}")))?;
    match a.code {
        OK => {}
        SYSTEM_BUSY | INTERNAL_ERROR => {
            return Err(ConnectError::Server(format!(
                "Feishu is busy ({}: {})",
                a.code, a.msg
            )));
        }
        code => {
            return Err(ConnectError::Client(format!(
                "Feishu refused the long connection ({code}: {}); check FEISHU_APP_ID / FEISHU_APP_SECRET and that the app is a self-built app",
                a.msg
            )));
        }
    }
    let data = a
        .data
        .filter(|d| !d.url.is_empty())
        .ok_or_else(|| ConnectError::Server("the endpoint answer has no URL".to_owned()))?;
    Ok((data.url, data.client_config.unwrap_or_default()))
}

/// The URL with its query (credentials) removed, for logs.
pub fn redact(url: &str) -> &str {
    url.split_once('?').map_or(url, |(base, _)| base)
}

/// A query parameter of the connection URL.
fn query_param(url: &str, key: &str) -> Option<String> {
    let (_, q) = url.split_once('?')?;
    q.split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_owned())
}

/// Keeps duban connected until `cancel` fires: connect, serve the session, and on a loss wait
/// (jitter, then the server's interval) and connect again with a fresh URL.
pub async fn run(cfg: Config, st: AppState, status: Arc<Status>, cancel: CancellationToken) {
    let mut builder = reqwest::Client::builder().timeout(Duration::from_secs(15));
    if let Some(p) = cfg.proxy.as_deref() {
        match reqwest::Proxy::https(p) {
            Ok(proxy) => builder = builder.proxy(proxy),
            Err(e) => {
                tracing::warn!(error.message = %e, proxy = %proxy::redact(p), "the proxy URL is unusable for the endpoint request")
            }
        }
    }
    let http = match builder.build() {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error.message = %e, "cannot build the HTTP client for the long connection");
            status.set_refused(&format!("cannot build an HTTP client: {e}"));
            return;
        }
    };
    let mut policy = Policy::default();
    let mut attempt: u32 = 0;
    let mut wait = Duration::ZERO;
    loop {
        if !wait.is_zero() {
            tokio::select! {
                () = cancel.cancelled() => return,
                () = tokio::time::sleep(wait) => {}
            }
        }
        if cancel.is_cancelled() {
            return;
        }
        match connect(&http, &cfg, &mut policy).await {
            Ok((ws, url)) => {
                attempt = 0;
                let service: i32 = query_param(&url, "service_id")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                let device = query_param(&url, "device_id").unwrap_or_default();
                tracing::info!(url = redact(&url), device_id = %device, "long connection to Feishu established");
                status.set_connected(&device);
                let end = session::serve(ws, service, &st, &status, &mut policy, &cancel).await;
                match end {
                    session::End::Cancelled => {
                        status.set_disconnected("duban is shutting down");
                        tracing::info!(device_id = %device, "long connection closed (shutdown)");
                        return;
                    }
                    session::End::Lost(reason) => {
                        tracing::warn!(device_id = %device, reason = %reason, "long connection lost; reconnecting");
                        status.set_disconnected(&reason);
                        status.count_reconnect();
                    }
                }
            }
            Err(ConnectError::Client(reason)) => {
                tracing::error!(reason = %reason, retry_in_secs = REFUSED_RETRY.as_secs(), "Feishu refused the long connection; an operator must fix the app or its credentials");
                status.set_refused(&reason);
                attempt = 0;
                wait = REFUSED_RETRY;
                continue;
            }
            Err(ConnectError::Server(reason)) => {
                tracing::warn!(reason = %reason, attempt, "cannot open the long connection; retrying");
                status.set_disconnected(&reason);
            }
        }
        if policy.reconnect_count >= 0 && i64::from(attempt) >= policy.reconnect_count {
            tracing::error!(
                attempts = attempt,
                retry_in_secs = REFUSED_RETRY.as_secs(),
                "reconnect attempts exhausted (the server's ReconnectCount); trying again later"
            );
            attempt = 0;
            wait = REFUSED_RETRY;
            continue;
        }
        wait = policy.delay(attempt);
        attempt = attempt.saturating_add(1);
    }
}

/// One connection attempt: a fresh URL, then the WebSocket handshake.
async fn connect(
    http: &reqwest::Client,
    cfg: &Config,
    policy: &mut Policy,
) -> Result<(Ws, String), ConnectError> {
    let (url, server) = endpoint(http, cfg).await?;
    policy.apply(&server);
    let dial = tokio::time::timeout(Duration::from_secs(15), dial(&url, cfg.proxy.as_deref()));
    match dial.await {
        Err(_) => Err(ConnectError::Server(format!(
            "the WebSocket handshake with {} timed out",
            redact(&url)
        ))),
        Ok(Ok((ws, _))) => Ok((ws, url)),
        Ok(Err(tokio_tungstenite::tungstenite::Error::Http(resp))) => Err(handshake_error(&resp)),
        Ok(Err(e)) => Err(ConnectError::Server(format!("cannot dial {}: {e}", redact(&url)))),
    }
}

/// The WebSocket handshake, directly or through the proxy.
async fn dial(
    url: &str,
    proxy: Option<&str>,
) -> Result<
    (Ws, tokio_tungstenite::tungstenite::handshake::client::Response),
    tokio_tungstenite::tungstenite::Error,
> {
    use tokio_tungstenite::tungstenite::Error;
    let Some(proxy) = proxy else {
        return tokio_tungstenite::connect_async(url).await;
    };
    let uri: tokio_tungstenite::tungstenite::http::Uri = url
        .parse()
        .map_err(|_| Error::Url(tokio_tungstenite::tungstenite::error::UrlError::NoHostName))?;
    let host = uri.host().unwrap_or_default().to_owned();
    let port = uri
        .port_u16()
        .unwrap_or(if uri.scheme_str() == Some("wss") { 443 } else { 80 });
    let stream = proxy::tunnel(proxy, &host, port)
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e)))?;
    tokio_tungstenite::client_async_tls_with_config(url, stream, None, None).await
}

/// A refused upgrade, read from its `Handshake-*` headers as the SDKs do.
fn handshake_error<T>(resp: &tokio_tungstenite::tungstenite::http::Response<T>) -> ConnectError {
    let h = |k: &str| {
        resp.headers()
            .get(k)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let code = h("handshake-status")
        .and_then(|s| s.parse::<i64>().ok())
        .filter(|c| *c != 0)
        .unwrap_or_else(|| i64::from(resp.status().as_u16()));
    let msg = h("handshake-msg").unwrap_or_default();
    let auth: Option<i64> = h("handshake-autherrcode").and_then(|s| s.parse().ok());
    let text = format!("the WebSocket handshake was refused ({code}: {msg})");
    match code {
        403 => ConnectError::Client(text),
        514 if auth == Some(EXCEED_CONN_LIMIT) => ConnectError::Client(format!(
            "{text}: more than 50 connections for this app — is another duban (or a developer's laptop) using the same app?"
        )),
        _ => ConnectError::Server(text),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_takes_only_the_keys_sent_and_jitters_the_first_attempt_only() {
        let mut p = Policy::default();
        p.apply(&ServerConfig {
            ping_interval: Some(0),
            reconnect_interval: Some(3),
            ..ServerConfig::default()
        });
        assert_eq!(p.ping_interval, Duration::from_secs(1));
        assert_eq!(p.reconnect_interval, Duration::from_secs(3));
        assert_eq!(p.reconnect_nonce, Duration::from_secs(30));
        assert_eq!(p.reconnect_count, -1);
        for _ in 0..50 {
            assert!(p.delay(0) < Duration::from_secs(30));
        }
        assert_eq!(p.delay(1), Duration::from_secs(3));
        p.reconnect_nonce = Duration::ZERO;
        assert_eq!(p.delay(0), Duration::ZERO);
    }

    #[test]
    fn the_url_is_redacted_and_its_ids_read() {
        let u = "wss://msg-frontier.feishu.cn/ws/v2?fpid=1&device_id=77&access_key=secret&service_id=33554678&ticket=t";
        assert_eq!(redact(u), "wss://msg-frontier.feishu.cn/ws/v2");
        assert_eq!(query_param(u, "service_id").as_deref(), Some("33554678"));
        assert_eq!(query_param(u, "device_id").as_deref(), Some("77"));
    }

    #[test]
    fn refused_handshakes_split_into_fatal_and_retryable() {
        let resp = |status: u16, hs: &str, auth: &str| {
            tokio_tungstenite::tungstenite::http::Response::builder()
                .status(status)
                .header("Handshake-Status", hs)
                .header("Handshake-Autherrcode", auth)
                .body(())
                .unwrap()
        };
        assert!(matches!(
            handshake_error(&resp(400, "403", "")),
            ConnectError::Client(_)
        ));
        assert!(matches!(
            handshake_error(&resp(400, "514", "1000040350")),
            ConnectError::Client(_)
        ));
        assert!(matches!(
            handshake_error(&resp(400, "514", "1")),
            ConnectError::Server(_)
        ));
        assert!(matches!(
            handshake_error(&resp(502, "x", "")),
            ConnectError::Server(_)
        ));
    }
}
