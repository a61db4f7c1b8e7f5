//! The outbox dispatcher (an edge): drains the durable outbox through the Feishu client, under
//! its rate limiters, with exponential backoff and jitter for transient failures, keeping each
//! chat's messages in order. Feishu de-duplicates on each message's `uuid`, derived from what
//! caused it, so a record re-sent after a crash never shows twice.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::feishu::{Delivered, Disposition, FeishuClient, Outgoing};
use crate::outbox_record::wall_ms;
pub use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::{Store, StoreError};

/// How long a record may keep failing transiently before it is given up.
const GIVE_UP_AFTER_MS: i64 = 48 * 3600 * 1000;
/// Largest backoff between attempts.
const MAX_BACKOFF_MS: i64 = 5 * 60 * 1000;
/// Feishu's "bot not in the chat" (protocol reference §14).
const BOT_NOT_IN_CHAT: i64 = 230002;
/// How many chats are served concurrently per round.
const ROUND_WIDTH: usize = 32;

/// Turns intents that need current state into requests, and learns what was delivered.
pub trait Materialize: Send + Sync + 'static {
    /// The request for `intent` now, or `None` when there is nothing to send any more.
    ///
    /// # Errors
    /// Storage errors; the record is retried later.
    fn materialize(&self, intent: &Intent) -> Result<Option<Outgoing>, StoreError>;

    /// Called once Feishu accepted `intent`.
    ///
    /// # Errors
    /// Storage errors (logged; the send is not repeated).
    fn delivered(&self, intent: &Intent, delivered: &Delivered) -> Result<(), StoreError>;

    /// Called once Feishu refused `intent` for good (it is buried next).
    ///
    /// # Errors
    /// Storage errors (logged).
    fn failed(&self, _intent: &Intent, _error: &crate::feishu::FeishuError) -> Result<(), StoreError> {
        Ok(())
    }
}

/// The dispatcher task.
#[derive(Clone)]
pub struct Dispatcher {
    /// Store.
    pub store: Store,
    /// Feishu.
    pub client: FeishuClient,
    /// Wakes the dispatcher when records are queued.
    pub notify: Arc<Notify>,
    /// Renders intents.
    pub materializer: Arc<dyn Materialize>,
}

impl Dispatcher {
    /// Runs until `cancel` fires.
    pub async fn run(self, cancel: CancellationToken) {
        loop {
            let wait = match self.round().await {
                Ok(Some(0)) => continue,
                Ok(Some(ms)) => Duration::from_millis(u64::try_from(ms.clamp(1, 60_000)).unwrap_or(1000)),
                Ok(None) => Duration::from_secs(60),
                Err(e) => {
                    tracing::error!(error.message = %e, "outbox round failed");
                    Duration::from_secs(1)
                }
            };
            tokio::select! {
                () = cancel.cancelled() => return,
                () = self.notify.notified() => {}
                () = tokio::time::sleep(wait) => {}
            }
        }
    }

    /// One round: attempts the first due record of each chat. Returns how long until the next
    /// record is due (`Some(0)`: go again now), or `None` if the outbox is empty.
    ///
    /// # Errors
    /// Storage errors.
    pub async fn round(&self) -> Result<Option<i64>, StoreError> {
        let all = self.store.outbox_all()?;
        if all.is_empty() {
            return Ok(None);
        }
        // Only send what is on disk: a record whose cause could still be lost in a crash must
        // not reach a chat.
        self.store.durable().await?;
        let now = wall_ms();
        let mut chats = HashSet::new();
        let mut next: Option<i64> = None;
        let mut set = JoinSet::new();
        for (seq, rec) in all {
            if let Some(c) = &rec.chat
                && !chats.insert(c.clone())
            {
                continue;
            }
            if rec.next_attempt_ms > now {
                next = Some(next.map_or(rec.next_attempt_ms - now, |n: i64| {
                    n.min(rec.next_attempt_ms - now)
                }));
                continue;
            }
            if set.len() >= ROUND_WIDTH {
                next = Some(0);
                break;
            }
            let me = self.clone();
            set.spawn(async move { me.attempt(seq, rec).await });
        }
        let ran = !set.is_empty();
        while let Some(r) = set.join_next().await {
            if let Ok(Err(e)) = r {
                tracing::error!(error.message = %e, "outbox bookkeeping failed");
            }
        }
        Ok(if ran { Some(0) } else { next })
    }

    async fn attempt(&self, seq: u64, mut rec: OutboxRecord) -> Result<(), StoreError> {
        if let Intent::Batch(parts) = &mut rec.intent {
            let parts: Vec<OutboxRecord> = std::mem::take(parts)
                .into_iter()
                .map(|(intent, chat)| OutboxRecord::new(intent, chat))
                .collect();
            self.store.outbox_split(seq, &parts)?;
            // The parts are sent from the next round, which starts at once.
            return Ok(());
        }
        if let Some(chat) = rec.chat.as_deref()
            && self.store.bot_removed_from(chat)?
        {
            // The bot left this group: Feishu would refuse (230002) whatever is sent there.
            metrics::counter!("duban_outbox_dropped_total", "reason" => "bot_removed").increment(1);
            tracing::info!(seq, chat_id = %chat, "dropping a message for a group the bot was removed from");
            return self.store.outbox_delivered(seq);
        }
        if let Intent::SendFile {
            file_name,
            file_type,
            data,
            file_key: None,
            ..
        } = &rec.intent
        {
            use base64::Engine as _;
            let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(data) else {
                rec.last_error = Some("the queued file is unreadable".to_owned());
                return self.store.outbox_bury(seq, &rec);
            };
            match self.client.upload_file(file_type, file_name, &bytes).await {
                Ok(key) => {
                    if let Intent::SendFile { file_key, .. } = &mut rec.intent {
                        *file_key = Some(key);
                    }
                    self.store.outbox_update(seq, &rec)?;
                }
                Err(e) => {
                    return match e.disposition() {
                        Disposition::Retry { after } => {
                            self.reschedule(seq, rec, after, &e.to_string(), e.code())
                        }
                        Disposition::Permanent => {
                            tracing::warn!(seq, code = ?e.code(), error.message = %e, "Feishu refused a file upload for good");
                            rec.last_error = Some(e.to_string());
                            rec.last_code = e.code();
                            self.store.outbox_bury(seq, &rec)
                        }
                    };
                }
            }
        }
        let out = match self.materializer.materialize(&rec.intent) {
            Ok(Some(out)) => out,
            Ok(None) => return self.store.outbox_delivered(seq),
            Err(e) => {
                tracing::warn!(error.message = %e, "could not render an outbox record; retrying later");
                return self.reschedule(seq, rec, None, &e.to_string(), None);
            }
        };
        let op = out.op_name();
        match self.client.execute(&out).await {
            Ok(d) => {
                metrics::counter!("duban_outbox_sent_total", "op" => op).increment(1);
                if let Err(e) = self.materializer.delivered(&rec.intent, &d) {
                    tracing::error!(error.message = %e, "recording a delivery failed");
                }
                self.store.outbox_delivered(seq)
            }
            Err(e) => match e.disposition() {
                Disposition::Retry { after } => {
                    metrics::counter!("duban_outbox_retries_total", "op" => op).increment(1);
                    self.reschedule(seq, rec, after, &e.to_string(), e.code())
                }
                Disposition::Permanent => {
                    let code = e.code().map_or_else(|| "none".to_owned(), |c| c.to_string());
                    metrics::counter!("duban_outbox_failed_total", "code" => code.clone()).increment(1);
                    tracing::warn!(seq, op, code = %code, error.message = %e, "Feishu refused a message for good");
                    rec.last_error = Some(e.to_string());
                    rec.last_code = e.code();
                    if let Err(err) = self.materializer.failed(&rec.intent, &e) {
                        tracing::error!(error.message = %err, "recording a refusal failed");
                    }
                    if e.code() == Some(BOT_NOT_IN_CHAT)
                        && matches!(op, "send" | "reply")
                        && let Some(chat) = rec.chat.as_deref()
                    {
                        // The bot left without our hearing of it (event not subscribed, or
                        // lost): stop sending there rather than bury every later message too.
                        // Only for posts: the same code on 加急 can mean a *person* left.
                        tracing::info!(chat_id = %chat, "the bot is not in this chat any more; later messages to it are dropped");
                        self.store.note_bot_not_in_chat(chat, wall_ms())?;
                    }
                    self.store.outbox_bury(seq, &rec)
                }
            },
        }
    }

    fn reschedule(
        &self,
        seq: u64,
        mut rec: OutboxRecord,
        after: Option<Duration>,
        why: &str,
        code: Option<i64>,
    ) -> Result<(), StoreError> {
        let now = wall_ms();
        rec.attempts = rec.attempts.saturating_add(1);
        rec.last_error = Some(why.to_owned());
        rec.last_code = code;
        if rec.created_ms > 0 && now - rec.created_ms > GIVE_UP_AFTER_MS {
            metrics::counter!("duban_outbox_failed_total", "code" => "gave_up").increment(1);
            tracing::warn!(seq, "giving up on a message after 48 h of failures");
            return self.store.outbox_bury(seq, &rec);
        }
        rec.next_attempt_ms = now + backoff_ms(rec.attempts, after);
        self.store.outbox_update(seq, &rec)
    }
}

/// Backoff before attempt `attempts + 1`: the server's reset if it gave one, else 500 ms × 2^n,
/// capped at five minutes, with ±30 % jitter.
pub fn backoff_ms(attempts: u32, server_says: Option<Duration>) -> i64 {
    if let Some(d) = server_says {
        let ms = i64::try_from(d.as_millis()).unwrap_or(MAX_BACKOFF_MS);
        return ms.clamp(100, MAX_BACKOFF_MS) + rand::random_range(0..250);
    }
    let base = 500i64
        .saturating_mul(1i64 << attempts.min(20))
        .min(MAX_BACKOFF_MS);
    let jitter = rand::random_range(0.7..1.3);
    #[allow(clippy::cast_possible_truncation)]
    let ms = (base as f64 * jitter) as i64;
    ms.max(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped_and_honours_the_server() {
        assert!((350..=650).contains(&backoff_ms(0, None)));
        assert!(backoff_ms(3, None) >= 2_800);
        assert!(backoff_ms(30, None) <= MAX_BACKOFF_MS * 13 / 10);
        let b = backoff_ms(0, Some(Duration::from_secs(7)));
        assert!((7_000..7_250).contains(&b));
    }
}
