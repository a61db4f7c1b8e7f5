//! The fake's long connection: `POST /callback/ws/endpoint` hands out a one-use WebSocket URL
//! and a ClientConfig; `GET /ws/v2` upgrades (or refuses with `Handshake-*` headers), answers
//! pings with pongs carrying the current ClientConfig, pushes events and card callbacks (whole
//! or in fragments, in any order), records every acknowledgement, re-pushes what was not
//! acknowledged, and closes connections on demand. Frames are encoded and decoded by hand in `wire_frame.rs`,
//! independently of duban's prost codec, so a symmetric bug in one cannot hide.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::{SinkExt as _, StreamExt as _};
use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::state::FakeState;
use super::wire_frame::{SERVICE_ID, WireFrame};

/// An acknowledgement the fake received.
#[derive(Debug, Clone, PartialEq)]
pub struct AckRecord {
    /// The connection it came on.
    pub conn: u64,
    /// The frame as decoded.
    pub frame: WireFrame,
    /// Its payload as JSON (`{"code":200, "data": …}`).
    pub body: Value,
    /// `data` decoded from base64 and parsed (a card callback's answer).
    pub data: Option<Value>,
    /// Whether the fake pretended not to receive it (see [`FakeState::ws_lose_next_acks`]).
    pub lost: bool,
}

/// A ping the fake received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PingRecord {
    /// The connection.
    pub conn: u64,
    /// Its `service`.
    pub service: i32,
    /// When.
    pub at: Instant,
}

/// What a connection task is told to do.
#[derive(Debug)]
enum Cmd {
    Send(Vec<u8>),
    Text(String),
    Close(u16, String),
}

#[derive(Debug)]
struct Conn {
    id: u64,
    tx: mpsc::UnboundedSender<Cmd>,
    open: bool,
}

/// A pushed message until it is acknowledged: its frames in sending order.
#[derive(Debug)]
struct Pending {
    message_id: String,
    frames: Vec<Vec<u8>>,
    due: Instant,
    acked: bool,
    deliveries: u32,
}

/// The long connection's part of the fake's memory.
#[derive(Debug)]
pub(crate) struct WsWorld {
    config: Value,
    endpoint_fail: Vec<(i64, String)>,
    handshake_refusals: Vec<(u16, i64)>,
    tickets: HashSet<String>,
    conns: Vec<Conn>,
    next_conn: u64,
    next_seq: u64,
    pings: Vec<PingRecord>,
    acks: Vec<AckRecord>,
    pending: Vec<Pending>,
    redeliver_after: Duration,
    lose_acks: usize,
    endpoint_requests: usize,
    client_closes: usize,
}

impl Default for WsWorld {
    fn default() -> Self {
        Self {
            // Feishu's values (seconds) until a test changes them.
            config: json!({"ReconnectCount": -1, "ReconnectInterval": 120, "ReconnectNonce": 30, "PingInterval": 120}),
            endpoint_fail: Vec::new(),
            handshake_refusals: Vec::new(),
            tickets: HashSet::new(),
            conns: Vec::new(),
            next_conn: 0,
            next_seq: 0,
            pings: Vec::new(),
            acks: Vec::new(),
            pending: Vec::new(),
            redeliver_after: Duration::from_secs(3),
            lose_acks: 0,
            endpoint_requests: 0,
            client_closes: 0,
        }
    }
}

/// The routes.
pub(crate) fn routes() -> Router<FakeState> {
    Router::new()
        .route("/callback/ws/endpoint", post(endpoint))
        .route("/ws/v2", get(upgrade))
}

async fn endpoint(State(s): State<FakeState>, headers: HeaderMap, body: Bytes) -> Response {
    let mut w = s.lock();
    if w.outage {
        return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
    }
    let ws = &mut w.ws;
    ws.endpoint_requests += 1;
    if !ws.endpoint_fail.is_empty() {
        let (code, msg) = ws.endpoint_fail.remove(0);
        return axum::Json(json!({"code": code, "msg": msg, "data": null})).into_response();
    }
    let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let (id, secret) = (w.app_id.clone(), w.app_secret.clone());
    if v.get("AppID").and_then(Value::as_str) != Some(id.as_str())
        || v.get("AppSecret").and_then(Value::as_str) != Some(secret.as_str())
    {
        return axum::Json(json!({"code": 1_000_040_344, "msg": "invalid AppID or AppSecret", "data": null}))
            .into_response();
    }
    let ws = &mut w.ws;
    ws.next_seq += 1;
    let ticket = format!("t{:016x}", ws.next_seq.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    ws.tickets.insert(ticket.clone());
    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_owned();
    let url = format!(
        "ws://{host}/ws/v2?fpid=493&aid=552564&device_id={}&access_key={ticket}&service_id={SERVICE_ID}&ticket={ticket}",
        7_000_000 + ws.next_seq
    );
    axum::Json(json!({"code": 0, "msg": "ok", "data": {"URL": url, "ClientConfig": ws.config}}))
        .into_response()
}

async fn upgrade(
    State(s): State<FakeState>,
    Query(q): Query<std::collections::HashMap<String, String>>,
    up: WebSocketUpgrade,
) -> Response {
    let refuse = |status: u16, auth: i64, msg: &str| {
        (
            StatusCode::BAD_REQUEST,
            [
                ("Handshake-Status", status.to_string()),
                ("Handshake-Msg", msg.to_owned()),
                ("Handshake-Autherrcode", auth.to_string()),
            ],
        )
            .into_response()
    };
    let (id, rx) = {
        let mut w = s.lock();
        let ws = &mut w.ws;
        if !ws.handshake_refusals.is_empty() {
            let (status, auth) = ws.handshake_refusals.remove(0);
            return refuse(status, auth, "refused by the test");
        }
        let ticket = q.get("ticket").cloned().unwrap_or_default();
        if !ws.tickets.remove(&ticket) {
            return refuse(403, 0, "unknown or used ticket");
        }
        let (tx, rx) = mpsc::unbounded_channel();
        ws.next_conn += 1;
        let id = ws.next_conn;
        ws.conns.push(Conn { id, tx, open: true });
        (id, rx)
    };
    up.on_upgrade(move |socket| connection(socket, s, id, rx))
}

async fn connection(socket: WebSocket, s: FakeState, id: u64, mut rx: mpsc::UnboundedReceiver<Cmd>) {
    let (mut sink, mut stream) = socket.split();
    let mut tick = tokio::time::interval(Duration::from_millis(50));
    loop {
        tokio::select! {
            cmd = rx.recv() => {
                let sent = match cmd {
                    Some(Cmd::Send(b)) => sink.send(Message::Binary(b.into())).await,
                    Some(Cmd::Text(t)) => sink.send(Message::Text(t.into())).await,
                    Some(Cmd::Close(code, reason)) => {
                        let _ = sink
                            .send(Message::Close(Some(CloseFrame { code, reason: reason.into() })))
                            .await;
                        break;
                    }
                    None => break,
                };
                if sent.is_err() {
                    break;
                }
            }
            _ = tick.tick() => {
                for f in s.ws_due(id) {
                    if sink.send(Message::Binary(f.into())).await.is_err() {
                        break;
                    }
                }
            }
            msg = stream.next() => match msg {
                Some(Ok(Message::Binary(b))) => {
                    if let Some(reply) = s.ws_inbound(id, &b)
                        && sink.send(Message::Binary(reply.into())).await.is_err()
                    {
                        break;
                    }
                }
                Some(Ok(Message::Close(_))) => {
                    s.lock().ws.client_closes += 1;
                    break;
                }
                Some(Ok(_)) => {}
                None | Some(Err(_)) => break,
            }
        }
    }
    if let Some(c) = s.lock().ws.conns.iter_mut().find(|c| c.id == id) {
        c.open = false;
    }
}

impl FakeState {
    /// Frames due on connection `id`: pushes not yet acknowledged whose time has come, sent on
    /// the newest open connection only (Feishu delivers each message to one client).
    fn ws_due(&self, id: u64) -> Vec<Vec<u8>> {
        let mut w = self.lock();
        let ws = &mut w.ws;
        if ws.conns.iter().rev().find(|c| c.open).map(|c| c.id) != Some(id) {
            return Vec::new();
        }
        let now = Instant::now();
        let again = ws.redeliver_after;
        let mut out = Vec::new();
        for p in ws.pending.iter_mut().filter(|p| !p.acked && p.due <= now) {
            out.extend(p.frames.iter().cloned());
            p.due = now + again;
            p.deliveries += 1;
        }
        out
    }

    /// A binary frame from duban: a ping (answered with a pong) or an acknowledgement.
    fn ws_inbound(&self, conn: u64, bytes: &[u8]) -> Option<Vec<u8>> {
        let frame = WireFrame::decode(bytes)?;
        let mut w = self.lock();
        let ws = &mut w.ws;
        if frame.method == 0 && frame.header("type") == Some("ping") {
            ws.pings.push(PingRecord {
                conn,
                service: frame.service,
                at: Instant::now(),
            });
            let pong = WireFrame {
                service: frame.service,
                method: 0,
                headers: vec![("type".to_owned(), "pong".to_owned())],
                payload: Some(ws.config.to_string().into_bytes()),
                ..WireFrame::default()
            };
            return Some(pong.encode());
        }
        let body: Value = frame
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_slice(p).ok())
            .unwrap_or(Value::Null);
        let data = body.get("data").and_then(Value::as_str).and_then(|d| {
            use base64::Engine as _;
            let bytes = base64::engine::general_purpose::STANDARD.decode(d).ok()?;
            serde_json::from_slice(&bytes).ok()
        });
        let lost = ws.lose_acks > 0;
        if lost {
            ws.lose_acks -= 1;
        } else if body.get("code").and_then(Value::as_i64) == Some(200)
            && let Some(mid) = frame.header("message_id")
            && let Some(p) = ws.pending.iter_mut().find(|p| p.message_id == mid)
        {
            p.acked = true;
        }
        ws.acks.push(AckRecord {
            conn,
            frame,
            body,
            data,
            lost,
        });
        None
    }

    fn ws_frame(&self, kind: &str, message_id: &str, sum: usize, seq: usize, payload: &[u8]) -> Vec<u8> {
        let mut w = self.lock();
        let ws = &mut w.ws;
        ws.next_seq += 1;
        WireFrame {
            seq_id: ws.next_seq,
            log_id: 1_000_000 + ws.next_seq,
            service: SERVICE_ID,
            method: 1,
            headers: vec![
                ("type".to_owned(), kind.to_owned()),
                ("message_id".to_owned(), message_id.to_owned()),
                ("sum".to_owned(), sum.to_string()),
                ("seq".to_owned(), seq.to_string()),
                ("trace_id".to_owned(), format!("trace-{}", ws.next_seq)),
                ("timestamp".to_owned(), "1773194400000".to_owned()),
            ],
            payload: Some(payload.to_vec()),
            log_id_new: Some(format!("log-{}", ws.next_seq)),
        }
        .encode()
    }

    /// Pushes an event or card callback (the webhook's plaintext JSON) over the long
    /// connection, re-pushing it until acknowledged; returns its `message_id`.
    pub fn ws_push(&self, event: &Value) -> String {
        self.ws_push_fragmented(event, 1, &[0])
    }

    /// Pushes `event` cut into `parts` fragments sent in `order` (seq numbers).
    pub fn ws_push_fragmented(&self, event: &Value, parts: usize, order: &[usize]) -> String {
        let payload = event.to_string().into_bytes();
        let mid = {
            let mut w = self.lock();
            w.ws.next_seq += 1;
            format!("msg_{:08}", w.ws.next_seq)
        };
        let parts = parts.max(1);
        let size = payload.len().div_ceil(parts).max(1);
        let chunks: Vec<&[u8]> = payload.chunks(size).collect();
        let sum = chunks.len();
        let frames = order
            .iter()
            .filter_map(|&i| chunks.get(i).map(|c| self.ws_frame("event", &mid, sum, i, c)))
            .collect();
        self.lock().ws.pending.push(Pending {
            message_id: mid.clone(),
            frames,
            due: Instant::now(),
            acked: false,
            deliveries: 0,
        });
        mid
    }

    /// Sends raw bytes as one binary message on every open connection (bad frames).
    pub fn ws_send_raw(&self, bytes: &[u8]) {
        self.ws_each(|| Cmd::Send(bytes.to_vec()));
    }

    /// Sends a text message on every open connection.
    pub fn ws_send_text(&self, text: &str) {
        self.ws_each(|| Cmd::Text(text.to_owned()));
    }

    /// Sends a data frame with exactly these headers and payload (not tracked for re-push).
    pub fn ws_send_frame(&self, headers: &[(&str, &str)], payload: &[u8]) -> Vec<u8> {
        let bytes = {
            let mut w = self.lock();
            w.ws.next_seq += 1;
            WireFrame {
                seq_id: w.ws.next_seq,
                log_id: 1,
                service: SERVICE_ID,
                method: 1,
                headers: headers
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
                payload: Some(payload.to_vec()),
                log_id_new: None,
            }
            .encode()
        };
        self.ws_send_raw(&bytes);
        bytes
    }

    fn ws_each(&self, cmd: impl Fn() -> Cmd) {
        for c in self.lock().ws.conns.iter().filter(|c| c.open) {
            let _ = c.tx.send(cmd());
        }
    }

    /// Closes every open connection from the server side with a Close frame.
    pub fn ws_close_all(&self, code: u16, reason: &str) {
        self.ws_each(|| Cmd::Close(code, reason.to_owned()));
    }

    /// The ClientConfig (seconds) the endpoint and every later pong carry.
    pub fn ws_set_config(
        &self,
        ping: u64,
        reconnect_interval: u64,
        reconnect_nonce: u64,
        reconnect_count: i64,
    ) {
        self.lock().ws.config = json!({
            "ReconnectCount": reconnect_count,
            "ReconnectInterval": reconnect_interval,
            "ReconnectNonce": reconnect_nonce,
            "PingInterval": ping,
        });
    }

    /// How long an unacknowledged push waits before it is pushed again (default 3 s).
    pub fn ws_set_redeliver_after(&self, d: Duration) {
        self.lock().ws.redeliver_after = d;
    }

    /// The next endpoint requests answer these codes (e.g. 1 = busy, 1000040343, 403…).
    pub fn ws_fail_endpoint(&self, codes: &[(i64, &str)]) {
        self.lock()
            .ws
            .endpoint_fail
            .extend(codes.iter().map(|(c, m)| (*c, (*m).to_owned())));
    }

    /// The next upgrades are refused with `Handshake-Status` / `Handshake-Autherrcode`.
    pub fn ws_refuse_handshakes(&self, refusals: &[(u16, i64)]) {
        self.lock().ws.handshake_refusals.extend_from_slice(refusals);
    }

    /// The next `n` acknowledgements are recorded but treated as never received (the push is
    /// re-pushed as if duban had died before its acknowledgement arrived).
    pub fn ws_lose_next_acks(&self, n: usize) {
        self.lock().ws.lose_acks = n;
    }

    /// Every acknowledgement received, in order.
    pub fn ws_acks(&self) -> Vec<AckRecord> {
        self.lock().ws.acks.clone()
    }

    /// Every ping received, in order.
    pub fn ws_pings(&self) -> Vec<PingRecord> {
        self.lock().ws.pings.clone()
    }

    /// How many connections were accepted in all.
    pub fn ws_connections(&self) -> u64 {
        self.lock().ws.next_conn
    }

    /// How many connections are open now.
    pub fn ws_open(&self) -> usize {
        self.lock().ws.conns.iter().filter(|c| c.open).count()
    }

    /// How many endpoint requests were made.
    pub fn ws_endpoint_requests(&self) -> usize {
        self.lock().ws.endpoint_requests
    }

    /// How many Close frames clients sent (clean shutdowns).
    pub fn ws_client_closes(&self) -> usize {
        self.lock().ws.client_closes
    }

    /// (times pushed, acknowledged) of a pushed message.
    pub fn ws_delivery(&self, message_id: &str) -> Option<(u32, bool)> {
        self.lock()
            .ws
            .pending
            .iter()
            .find(|p| p.message_id == message_id)
            .map(|p| (p.deliveries, p.acked))
    }

    /// Whether every push so far is acknowledged.
    pub fn ws_all_acked(&self) -> bool {
        self.lock().ws.pending.iter().all(|p| p.acked)
    }
}
