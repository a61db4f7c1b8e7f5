//! One connected session: read frames, ping on the server's interval, reassemble fragments,
//! hand events to the admission path in their own tasks, and write their acknowledgements
//! (one writer: this loop, fed by a channel). Bad frames are logged and skipped.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use prost::Message as _;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_util::sync::CancellationToken;

use super::frame::{Frame, METHOD_CONTROL, METHOD_DATA};
use super::policy::{Policy, ServerConfig, Ws};
use super::status::Status;
use crate::http::error::IngressError;
use crate::http::events::{Channel, ingest};
use crate::http::state::AppState;

/// How a session ended.
#[derive(Debug)]
pub(super) enum End {
    /// duban is shutting down (the connection was closed cleanly).
    Cancelled,
    /// The connection was lost; why.
    Lost(String),
}

/// An incomplete fragmented payload is dropped this long after its last fragment.
const FRAGMENT_TTL: Duration = Duration::from_secs(5);
/// Silence (no frame at all) for this many ping intervals means the connection is dead.
const SILENT_PINGS: u32 = 3;

/// A payload arriving in pieces.
struct Partial {
    parts: Vec<Option<Vec<u8>>>,
    touched: Instant,
}

/// Serves one connection until it is lost or `cancel` fires.
pub(super) async fn serve(
    mut ws: Ws,
    service: i32,
    st: &AppState,
    status: &Arc<Status>,
    policy: &mut Policy,
    cancel: &CancellationToken,
) -> End {
    let (acks, mut outgoing) = mpsc::channel::<Frame>(256);
    let mut partials: HashMap<String, Partial> = HashMap::new();
    let mut next_ping = Instant::now();
    let mut last_inbound = Instant::now();
    let mut sweep = tokio::time::interval(Duration::from_secs(1));
    sweep.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = cancel.cancelled() => {
                close(&mut ws, &mut outgoing, status).await;
                return End::Cancelled;
            }
            () = tokio::time::sleep_until(next_ping) => {
                let ping = Frame::ping(service);
                if let Err(e) = ws.send(Message::Binary(ping.encode_to_vec().into())).await {
                    return End::Lost(format!("sending a ping failed: {e}"));
                }
                status.note("out", "ping", 0, None, String::new());
                next_ping = Instant::now() + policy.ping_interval;
            }
            Some(ack) = outgoing.recv() => {
                let (seq, mid) = (ack.seq_id, ack.header("message_id").map(str::to_owned));
                let detail = ack_detail(&ack);
                if let Err(e) = ws.send(Message::Binary(ack.encode_to_vec().into())).await {
                    return End::Lost(format!("sending an acknowledgement failed: {e}"));
                }
                status.note("out", "ack", seq, mid.as_deref(), detail);
            }
            _ = sweep.tick() => {
                let silent = policy.ping_interval * SILENT_PINGS;
                if last_inbound.elapsed() > silent {
                    return End::Lost(format!("nothing from Feishu for {} s (no pong)", silent.as_secs()));
                }
                partials.retain(|mid, p| {
                    let keep = p.touched.elapsed() < FRAGMENT_TTL;
                    if !keep {
                        let have = p.parts.iter().filter(|x| x.is_some()).count();
                        tracing::warn!(message_id = %mid, have, of = p.parts.len(), "dropping an incomplete fragmented payload (Feishu will push it again)");
                    }
                    keep
                });
            }
            msg = ws.next() => {
                last_inbound = Instant::now();
                let msg = match msg {
                    None => return End::Lost("the connection ended".to_owned()),
                    Some(Err(e)) => return End::Lost(format!("reading failed: {e}")),
                    Some(Ok(m)) => m,
                };
                match msg {
                    Message::Binary(bytes) => {
                        let before = policy.ping_interval;
                        on_frame(&bytes, st, status, policy, &mut partials, &acks);
                        if policy.ping_interval != before {
                            // A new interval applies from the last ping on.
                            next_ping = next_ping
                                .checked_sub(before)
                                .map_or_else(Instant::now, |last| (last + policy.ping_interval).max(Instant::now()));
                        }
                    }
                    Message::Close(frame) => {
                        let why = frame.map_or_else(
                            || "no reason given".to_owned(),
                            |f| format!("{} {}", u16::from(f.code), f.reason),
                        );
                        status.note("in", "close", 0, None, why.clone());
                        return End::Lost(format!("Feishu closed the connection ({why})"));
                    }
                    Message::Text(t) => {
                        tracing::warn!(len = t.len(), "skipping a text message on the long connection (frames are binary)");
                        bad(status, "text message");
                    }
                    // WebSocket-level ping/pong are answered by the library.
                    Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => {}
                }
            }
        }
    }
}

/// Sends what is queued, then a Close frame, and waits briefly for the server's Close.
async fn close(ws: &mut Ws, outgoing: &mut mpsc::Receiver<Frame>, status: &Status) {
    while let Ok(ack) = outgoing.try_recv() {
        let (seq, mid) = (ack.seq_id, ack.header("message_id").map(str::to_owned));
        if ws.send(Message::Binary(ack.encode_to_vec().into())).await.is_ok() {
            status.note("out", "ack", seq, mid.as_deref(), ack_detail(&ack));
        }
    }
    let _ = ws.close(None).await;
    status.note("out", "close", 0, None, "shutdown".to_owned());
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        while let Some(Ok(_)) = ws.next().await {}
    })
    .await;
}

fn ack_detail(ack: &Frame) -> String {
    ack.payload
        .as_deref()
        .map(|p| String::from_utf8_lossy(p).chars().take(120).collect())
        .unwrap_or_default()
}

/// Logs and counts a skipped frame.
fn bad(status: &Status, why: &str) {
    metrics::counter!("duban_longconn_bad_frames_total").increment(1);
    status.note("in", "bad", 0, None, why.to_owned());
}

/// One binary frame: control frames are applied here; complete data frames go to a task.
fn on_frame(
    bytes: &[u8],
    st: &AppState,
    status: &Arc<Status>,
    policy: &mut Policy,
    partials: &mut HashMap<String, Partial>,
    acks: &mpsc::Sender<Frame>,
) {
    let frame = match Frame::decode(bytes) {
        Ok(f) => f,
        Err(e) => {
            tracing::warn!(error.message = %e, len = bytes.len(), "skipping an undecodable frame");
            bad(status, &format!("undecodable ({} bytes)", bytes.len()));
            return;
        }
    };
    let kind = frame.header("type").unwrap_or_default().to_owned();
    match frame.method {
        METHOD_CONTROL => on_control(&frame, &kind, status, policy),
        METHOD_DATA => on_data(frame, &kind, st, status, partials, acks),
        other => {
            tracing::warn!(
                method = other,
                seq_id = frame.seq_id,
                "skipping a frame of unknown method"
            );
            bad(status, &format!("unknown method {other}"));
        }
    }
}

fn on_control(frame: &Frame, kind: &str, status: &Status, policy: &mut Policy) {
    match kind {
        "pong" => {
            let payload = frame.payload.as_deref().filter(|p| !p.is_empty());
            let mut detail = String::new();
            if let Some(p) = payload {
                match serde_json::from_slice::<ServerConfig>(p) {
                    Ok(c) => {
                        let before = *policy;
                        policy.apply(&c);
                        if *policy != before {
                            tracing::info!(
                                ping_secs = policy.ping_interval.as_secs(),
                                reconnect_interval_secs = policy.reconnect_interval.as_secs(),
                                reconnect_nonce_secs = policy.reconnect_nonce.as_secs(),
                                reconnect_count = policy.reconnect_count,
                                "Feishu changed the long connection's settings"
                            );
                        }
                        detail = String::from_utf8_lossy(p).into_owned();
                    }
                    Err(e) => {
                        tracing::warn!(error.message = %e, "a pong carried an unreadable configuration; ignored")
                    }
                }
            }
            status.note("in", "pong", 0, None, detail);
        }
        "ping" => status.note("in", "ping", 0, None, String::new()),
        other => {
            tracing::warn!(r#type = other, "skipping a control frame of unknown type");
            bad(status, &format!("control frame of type {other:?}"));
        }
    }
}

fn on_data(
    frame: Frame,
    kind: &str,
    st: &AppState,
    status: &Arc<Status>,
    partials: &mut HashMap<String, Partial>,
    acks: &mpsc::Sender<Frame>,
) {
    let number = |k: &str| frame.header(k).and_then(|v| v.trim().parse::<usize>().ok());
    let (Some(mid), Some(sum), Some(seq)) = (
        frame.header("message_id").map(str::to_owned),
        number("sum"),
        number("seq"),
    ) else {
        tracing::warn!(
            seq_id = frame.seq_id,
            "skipping a data frame without message_id/sum/seq headers"
        );
        bad(status, "data frame without message_id/sum/seq");
        return;
    };
    if kind != "event" {
        // No SDK handles anything but events here (`card` frames included); acknowledge so
        // Feishu does not push it again, and say so.
        tracing::warn!(r#type = kind, message_id = %mid, "skipping a data frame of a type duban does not handle");
        status.note(
            "in",
            "bad",
            frame.seq_id,
            Some(&mid),
            format!("data frame of type {kind:?}"),
        );
        metrics::counter!("duban_longconn_bad_frames_total").increment(1);
        let _ = acks.try_send(frame.ack(200, None, 0));
        return;
    }
    if sum == 0 || seq >= sum || sum > 1024 {
        tracing::warn!(message_id = %mid, sum, seq, "skipping a fragment with impossible sum/seq");
        bad(status, &format!("fragment {seq} of {sum}"));
        return;
    }
    let payload = frame.payload.clone().unwrap_or_default();
    let whole = if sum == 1 {
        payload
    } else {
        let p = partials.entry(mid.clone()).or_insert_with(|| Partial {
            parts: vec![None; sum],
            touched: Instant::now(),
        });
        if p.parts.len() != sum {
            *p = Partial {
                parts: vec![None; sum],
                touched: Instant::now(),
            };
        }
        p.parts[seq] = Some(payload);
        p.touched = Instant::now();
        let have = p.parts.iter().filter(|x| x.is_some()).count();
        status.note(
            "in",
            "fragment",
            frame.seq_id,
            Some(&mid),
            format!("{have}/{sum} (seq {seq})"),
        );
        if have < sum {
            return;
        }
        let Some(p) = partials.remove(&mid) else { return };
        p.parts.into_iter().flatten().flatten().collect()
    };
    let started = std::time::Instant::now();
    let event_type = event_type_of(&whole);
    status.note("in", "event", frame.seq_id, Some(&mid), event_type.clone());
    let st = st.clone();
    let acks = acks.clone();
    tokio::spawn(async move {
        let (code, answer) = match ingest(&st, &whole, Channel::LongConnection, started).await {
            Ok(answer) => (200, Some(answer)),
            Err(e @ IngressError::Store(_)) => {
                tracing::error!(error.message = %e, message_id = %mid, "could not store an event; Feishu will push it again");
                (500, None)
            }
            Err(e) => {
                // Nothing would change on a re-push: acknowledge, log, move on.
                tracing::warn!(error.message = %e, message_id = %mid, event_type = %event_type, "skipping an unreadable event from the long connection");
                metrics::counter!("duban_longconn_bad_frames_total").increment(1);
                (200, None)
            }
        };
        let ack = frame.ack(code, answer.as_ref(), started.elapsed().as_millis());
        // The session may be gone (reconnecting): the event is durable and its re-push is
        // de-duplicated, so a lost acknowledgement loses nothing.
        let _ = acks.send(ack).await;
    });
}

/// The event type of a payload, for the frame list and logs: the typed head of a schema-2.0
/// push (the common case, no JSON tree), else a full read.
fn event_type_of(payload: &[u8]) -> String {
    if let Some(head) = crate::feishu::event::peek_v2(payload) {
        return head.event_type;
    }
    let v = serde_json::from_slice::<serde_json::Value>(payload).ok();
    let s = |p: &str| {
        v.as_ref()
            .and_then(|v| v.pointer(p))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    s("/header/event_type")
        .or_else(|| s("/event/type"))
        .unwrap_or_else(|| "(unreadable)".to_owned())
}
