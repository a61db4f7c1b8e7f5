//! The inbox worker (an edge): processes acknowledged events in order, one at a time. Each
//! event's effects — domain writes, outbox records and the removal of the inbox entry — are
//! committed in one transaction, so after a crash every event is processed exactly once.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::feishu::event::{self, Envelope, Head, Inbound};
use crate::feishu::message_push::{StoredMessage, read_message_push};
use crate::service::{InboxEvent, Service};
use crate::store::inbox::{self, InboxBody, InboxEntry};
use crate::store::{Store, StoreError, be};

/// How long the worker lets events gather after a wake-up before it reads them: during a
/// burst it then takes them in batches (one `seen` record and one commit for the chatter of a
/// batch) instead of one or two at a time, which leaves more of the cores to the
/// acknowledgement path; the wait adds 2 ms to an answer and holds back no more than 2 ms of
/// traffic.
const GATHER: Duration = Duration::from_millis(2);
/// Events read from the inbox at a time.
const BATCH: usize = 128;

/// Runs until `cancel` fires.
pub async fn run(
    store: Store,
    service: Arc<Service>,
    notify: Arc<Notify>,
    outbox: Arc<Notify>,
    cancel: CancellationToken,
) {
    let mut backoff = Duration::from_millis(100);
    loop {
        match drain(&store, &service, &outbox).await {
            Ok(()) => backoff = Duration::from_millis(100),
            Err(e) => {
                tracing::error!(error.message = %e, error.cause_chain = ?e, "inbox processing failed; retrying");
                tokio::select! {
                    () = cancel.cancelled() => return,
                    () = tokio::time::sleep(backoff) => {}
                }
                backoff = (backoff * 2).min(Duration::from_secs(30));
                continue;
            }
        }
        tokio::select! {
            () = cancel.cancelled() => return,
            () = notify.notified() => tokio::select! {
                () = cancel.cancelled() => return,
                () = tokio::time::sleep(GATHER) => {}
            },
            () = tokio::time::sleep(Duration::from_secs(5)) => {}
        }
    }
}

/// Processes everything pending now.
///
/// # Errors
/// The first storage failure (the event stays in the inbox).
pub async fn drain(store: &Store, service: &Service, outbox: &Notify) -> anyhow::Result<()> {
    let mut after = None;
    loop {
        let mut batch = store
            .inbox_pending(after, BATCH)?
            .into_iter()
            .map(classify)
            .collect::<Result<Vec<_>, _>>()?;
        if batch.is_empty() {
            return Ok(());
        }
        after = batch.last().map(|e| e.seq);
        let n = batch.len() as u64;
        service.process_batch(&mut batch).await?;
        metrics::counter!("duban_events_processed_total").increment(n);
        outbox.notify_one();
    }
}

/// The de-duplication keys of a push, from its head: its event key first and, for received
/// messages, the message id (Feishu may repeat a message under a new event id).
pub fn dedup_keys(head: &Head) -> Vec<String> {
    let message = (head.event_type == "im.message.receive_v1")
        .then_some(head.message_id.as_deref())
        .flatten()
        .map(|mid| (head.tenant_key.as_deref().unwrap_or(""), mid));
    inbox::dedup_keys(&head.event_id, message)
}

/// Reads a stored push: the event it carries.
///
/// # Errors
/// [`StoreError::Codec`] when the entry holds no event.
pub fn classify(entry: InboxEntry) -> Result<InboxEvent, StoreError> {
    let not_an_event = |reason: String| StoreError::Codec {
        key: String::from_utf8_lossy(&be(entry.seq)).into_owned(),
        reason,
    };
    // A received message (most of what arrives) was stored as read on the acknowledgement
    // path; in an entry of an earlier version it is read with a typed parse of the fields
    // duban uses; anything else, or a shape that parse declines, is classified in full.
    let read = match &entry.body {
        InboxBody::Message(bytes) => Some(
            StoredMessage::decode(bytes)
                .ok_or_else(|| not_an_event("not a stored message".to_owned()))?
                .into_parts(),
        ),
        InboxBody::Push(json) => read_message_push(json),
        InboxBody::Envelope(_) => None,
    };
    if let Some((head, message)) = read {
        let keys = if entry.keys.is_empty() {
            dedup_keys(&head)
        } else {
            entry.keys
        };
        return Ok(InboxEvent {
            seq: entry.seq,
            envelope: Envelope {
                schema: event::Schema::V2,
                event_id: head.event_id,
                event_type: head.event_type,
                token: head.token,
                tenant_key: head.tenant_key,
                event: serde_json::Value::Null,
            },
            received_ms: entry.received_ms,
            keys,
            message: Some(message),
        });
    }
    let envelope = match &entry.body {
        InboxBody::Push(json) => match event::classify(json) {
            Ok(Inbound::Event(envelope)) => envelope,
            _ => return Err(not_an_event("not an event".to_owned())),
        },
        InboxBody::Envelope(v) => Envelope::deserialize(v).map_err(|e| not_an_event(e.to_string()))?,
        InboxBody::Message(_) => return Err(not_an_event("not a stored message".to_owned())),
    };
    // Entries of earlier versions carry no keys: the same ones, from the event.
    let keys = if entry.keys.is_empty() {
        dedup_keys(&Head::of(&envelope))
    } else {
        entry.keys
    };
    Ok(InboxEvent {
        seq: entry.seq,
        envelope,
        received_ms: entry.received_ms,
        keys,
        message: None,
    })
}
