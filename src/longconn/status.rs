//! What the long connection is doing, for `/readyz`, `/metrics`, logs and the sandbox's
//! developer panel (the most recent frames).

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};

use serde::Serialize;

/// How many recent frames are kept for the sandbox panel.
const RECENT: usize = 200;

/// One frame that went in or out, as the developer panel shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FrameNote {
    /// Running number.
    pub n: u64,
    /// `in` or `out`.
    pub dir: &'static str,
    /// `ping`, `pong`, `event`, `ack`, `fragment`, `bad`, `close`, …
    pub kind: String,
    /// The frame's SeqID (0 for control frames).
    pub seq_id: u64,
    /// `message_id` of data frames.
    pub message_id: Option<String>,
    /// A short description (event type, fragment k/n, ACK code, why it was skipped…).
    pub detail: String,
}

/// The shared state of the long connection.
#[derive(Debug, Default)]
pub struct Status {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    connected: bool,
    device_id: String,
    /// Why it is not connected (or was last lost).
    reason: Option<String>,
    refused: bool,
    reconnects: u64,
    frames_in: u64,
    frames_out: u64,
    n: u64,
    recent: VecDeque<FrameNote>,
}

impl Status {
    /// Not yet connected.
    pub fn new() -> Self {
        let s = Self::default();
        s.lock().reason = Some("connecting".to_owned());
        metrics::gauge!("duban_longconn_connected").set(0.0);
        s
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// (ready, what `/readyz` says about the connection).
    pub fn readiness(&self) -> (bool, String) {
        let i = self.lock();
        if i.connected {
            (true, "connected".to_owned())
        } else {
            let why = i.reason.clone().unwrap_or_else(|| "connecting".to_owned());
            let what = if i.refused { "refused" } else { "disconnected" };
            (false, format!("{what}: {why}"))
        }
    }

    /// Whether a connection is up.
    pub fn is_connected(&self) -> bool {
        self.lock().connected
    }

    /// Reconnects since start.
    pub fn reconnects(&self) -> u64 {
        self.lock().reconnects
    }

    /// (frames in, frames out) since start.
    pub fn frames(&self) -> (u64, u64) {
        let i = self.lock();
        (i.frames_in, i.frames_out)
    }

    /// The most recent frames, oldest first.
    pub fn recent(&self) -> Vec<FrameNote> {
        self.lock().recent.iter().cloned().collect()
    }

    /// The connection's `device_id` (empty while disconnected).
    pub fn device_id(&self) -> String {
        self.lock().device_id.clone()
    }

    pub(super) fn set_connected(&self, device_id: &str) {
        let mut i = self.lock();
        i.connected = true;
        i.refused = false;
        i.reason = None;
        device_id.clone_into(&mut i.device_id);
        metrics::gauge!("duban_longconn_connected").set(1.0);
    }

    pub(super) fn set_disconnected(&self, reason: &str) {
        let mut i = self.lock();
        i.connected = false;
        i.refused = false;
        i.device_id.clear();
        i.reason = Some(reason.to_owned());
        metrics::gauge!("duban_longconn_connected").set(0.0);
    }

    pub(super) fn set_refused(&self, reason: &str) {
        self.set_disconnected(reason);
        self.lock().refused = true;
        metrics::counter!("duban_longconn_refused_total").increment(1);
    }

    pub(super) fn count_reconnect(&self) {
        self.lock().reconnects += 1;
        metrics::counter!("duban_longconn_reconnects_total").increment(1);
    }

    /// Records a frame (counters, metrics, the recent list).
    pub(super) fn note(
        &self,
        dir: &'static str,
        kind: &str,
        seq_id: u64,
        message_id: Option<&str>,
        detail: String,
    ) {
        metrics::counter!("duban_longconn_frames_total", "direction" => dir, "type" => kind.to_owned())
            .increment(1);
        let mut i = self.lock();
        if dir == "in" {
            i.frames_in += 1;
        } else {
            i.frames_out += 1;
        }
        i.n += 1;
        let note = FrameNote {
            n: i.n,
            dir,
            kind: kind.to_owned(),
            seq_id,
            message_id: message_id.map(str::to_owned),
            detail,
        };
        if i.recent.len() == RECENT {
            i.recent.pop_front();
        }
        i.recent.push_back(note);
    }
}
