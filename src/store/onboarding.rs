//! Onboarding state (sled tree `onboarding`): who has been welcomed — each group once
//! (`g:<chat_id>`), each person's first 1:1 message once (`u:<open_id>`) — and which groups the
//! bot was removed from (`x:<chat_id>`), so nothing more is sent there. Values are the Unix ms
//! of the event. Written in the same transaction as the event's other effects, so a welcome is
//! sent once across restarts and Feishu's redeliveries.

use super::outbox::Changes;
use super::{Store, StoreError, be, encode};
use crate::outbox_record::{Intent, OutboxRecord};

/// Who a welcome was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Welcomed<'a> {
    /// A group, by chat id.
    Group(&'a str),
    /// A person (their first 1:1 message), by open_id.
    Person(&'a str),
}

impl Welcomed<'_> {
    fn key(self) -> Vec<u8> {
        match self {
            Self::Group(chat) => format!("g:{chat}").into_bytes(),
            Self::Person(open_id) => format!("u:{open_id}").into_bytes(),
        }
    }
}

fn removed_key(chat: &str) -> Vec<u8> {
    format!("x:{chat}").into_bytes()
}

impl Store {
    /// Whether `who` has been welcomed.
    ///
    /// # Errors
    /// sled errors.
    pub fn welcomed(&self, who: Welcomed<'_>) -> Result<bool, StoreError> {
        self.onboarding.contains_key(who.key())
    }

    /// Whether the bot was removed from `chat` (and not added back since).
    ///
    /// # Errors
    /// sled errors.
    pub fn bot_removed_from(&self, chat: &str) -> Result<bool, StoreError> {
        self.onboarding.contains_key(removed_key(chat))
    }
}

impl Store {
    /// Records at once that Feishu said the bot is not in `chat` (230002), so that nothing more
    /// is sent there until the bot is added back or someone writes to it from there.
    ///
    /// # Errors
    /// sled errors.
    pub fn note_bot_not_in_chat(&self, chat: &str, now_ms: i64) -> Result<(), StoreError> {
        let _w = self.writing();
        self.onboarding
            .insert(removed_key(chat), be(u64::try_from(now_ms).unwrap_or(0)).to_vec())?;
        Ok(())
    }
}

impl Changes {
    /// Records that `who` was welcomed at `now_ms`.
    pub fn mark_welcomed(&mut self, store: &Store, who: Welcomed<'_>, now_ms: i64) {
        self.put(
            &store.onboarding,
            who.key(),
            be(u64::try_from(now_ms).unwrap_or(0)).to_vec(),
        );
    }

    /// Records that the bot left `chat` (`true`) or is back in it (`false`).
    pub fn mark_bot_removed(&mut self, store: &Store, chat: &str, removed: bool, now_ms: i64) {
        if removed {
            self.put(
                &store.onboarding,
                removed_key(chat),
                be(u64::try_from(now_ms).unwrap_or(0)).to_vec(),
            );
        } else {
            self.remove(&store.onboarding, removed_key(chat));
        }
    }

    /// Stages the removal of every outbox record still pending for `chat` (batched records lose
    /// their parts for it). Returns how many messages are dropped.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn drop_outbox_for_chat(&mut self, store: &Store, chat: &str) -> Result<usize, StoreError> {
        let mut dropped = 0;
        for (seq, rec) in store.outbox_all()? {
            if rec.chat.as_deref() == Some(chat) {
                self.remove(&store.outbox, be(seq).to_vec());
                dropped += 1;
                continue;
            }
            if let Intent::Batch(parts) = &rec.intent {
                let kept: Vec<(Intent, Option<String>)> = parts
                    .iter()
                    .filter(|(_, c)| c.as_deref() != Some(chat))
                    .cloned()
                    .collect();
                if kept.len() == parts.len() {
                    continue;
                }
                dropped += parts.len() - kept.len();
                if kept.is_empty() {
                    self.remove(&store.outbox, be(seq).to_vec());
                } else {
                    let rewritten = OutboxRecord {
                        intent: Intent::Batch(kept),
                        ..rec
                    };
                    self.put(&store.outbox, be(seq).to_vec(), encode(&rewritten));
                }
            }
        }
        Ok(dropped)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::feishu::Outgoing;

    fn text_to(chat: &str, n: u32) -> OutboxRecord {
        OutboxRecord::message(Outgoing::send_text_to_chat(
            chat,
            &format!("m{n}"),
            &format!("u{n}"),
        ))
    }

    #[test]
    fn welcomes_are_remembered_per_group_and_per_person() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        assert!(!store.welcomed(Welcomed::Group("oc_1")).unwrap());
        let mut ch = Changes::new();
        ch.mark_welcomed(&store, Welcomed::Group("oc_1"), 5);
        store.commit(&ch).unwrap();
        assert!(store.welcomed(Welcomed::Group("oc_1")).unwrap());
        assert!(!store.welcomed(Welcomed::Person("oc_1")).unwrap());
        assert!(!store.welcomed(Welcomed::Group("oc_2")).unwrap());
    }

    #[test]
    fn leaving_a_chat_drops_its_records_and_batch_parts_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::testing::open_for_test(dir.path()).unwrap();
        let mut ch = Changes::new();
        ch.outbox_push(&store, &text_to("oc_gone", 1)).unwrap();
        ch.outbox_push(&store, &text_to("oc_stay", 2)).unwrap();
        let batch = Intent::Batch(vec![
            (Intent::RefreshItemCard { item: 1 }, Some("oc_gone".to_owned())),
            (Intent::RefreshItemCard { item: 2 }, Some("oc_stay".to_owned())),
        ]);
        ch.outbox_push(&store, &OutboxRecord::new(batch, None)).unwrap();
        store.commit(&ch).unwrap();

        let mut ch = Changes::new();
        assert_eq!(ch.drop_outbox_for_chat(&store, "oc_gone").unwrap(), 2);
        ch.mark_bot_removed(&store, "oc_gone", true, 9);
        store.commit(&ch).unwrap();
        let left: Vec<OutboxRecord> = store.outbox_all().unwrap().into_iter().map(|(_, r)| r).collect();
        assert_eq!(left.len(), 2);
        assert_eq!(left[0].chat.as_deref(), Some("oc_stay"));
        assert_eq!(
            left[1].intent,
            Intent::Batch(vec![(
                Intent::RefreshItemCard { item: 2 },
                Some("oc_stay".to_owned())
            )])
        );
        assert!(store.bot_removed_from("oc_gone").unwrap());

        let mut ch = Changes::new();
        ch.mark_bot_removed(&store, "oc_gone", false, 10);
        store.commit(&ch).unwrap();
        assert!(!store.bot_removed_from("oc_gone").unwrap());
    }
}
