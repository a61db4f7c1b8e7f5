//! The connection policy the server sets, and the socket type both ends of the module share.

use std::time::Duration;

use rand::Rng as _;
use serde::Deserialize;

/// The connection policy the server sets (endpoint answer and pongs), values in seconds.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub struct ServerConfig {
    /// Reconnect attempts after a loss (−1: forever).
    pub reconnect_count: Option<i64>,
    /// Seconds between reconnect attempts after the first.
    pub reconnect_interval: Option<u64>,
    /// The first attempt waits a random time below this many seconds.
    pub reconnect_nonce: Option<u64>,
    /// Seconds between pings.
    pub ping_interval: Option<u64>,
}

/// The policy in force (the SDKs' defaults until the server says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Attempts per loss (−1: forever).
    pub reconnect_count: i64,
    /// Between attempts after the first.
    pub reconnect_interval: Duration,
    /// The first attempt's jitter bound.
    pub reconnect_nonce: Duration,
    /// Between pings (at least 1 s).
    pub ping_interval: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            reconnect_count: -1,
            reconnect_interval: Duration::from_secs(120),
            reconnect_nonce: Duration::from_secs(30),
            ping_interval: Duration::from_secs(120),
        }
    }
}

impl Policy {
    /// Applies the keys the server sent (only those present).
    pub fn apply(&mut self, c: &ServerConfig) {
        if let Some(n) = c.reconnect_count {
            self.reconnect_count = n;
        }
        if let Some(s) = c.reconnect_interval {
            self.reconnect_interval = Duration::from_secs(s);
        }
        if let Some(s) = c.reconnect_nonce {
            self.reconnect_nonce = Duration::from_secs(s);
        }
        if let Some(s) = c.ping_interval {
            self.ping_interval = Duration::from_secs(s.max(1));
        }
    }

    /// How long to wait before reconnect attempt number `attempt` (0 = the first after a loss).
    pub(super) fn delay(&self, attempt: u32) -> Duration {
        if attempt > 0 {
            return self.reconnect_interval;
        }
        let bound = u64::try_from(self.reconnect_nonce.as_millis()).unwrap_or(u64::MAX);
        if bound == 0 {
            Duration::ZERO
        } else {
            Duration::from_millis(rand::rng().random_range(0..bound))
        }
    }
}

pub(super) type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;
