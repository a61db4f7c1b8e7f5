//! Names of people: Feishu events carry only open_ids for senders, so names are learned from
//! mentions and, when needed, read from the group's member list (chat members API, cached for
//! a few minutes per chat).

use super::Service;
use crate::domain::ids::{OpenId, Person};

/// How long a chat's member list is reused.
const MEMBERS_TTL_MS: i64 = 5 * 60 * 1000;

impl Service {
    /// The chat's members (cached for a few minutes).
    pub(super) async fn members_of(&self, chat: &str) -> Result<Vec<Person>, String> {
        let now_ms = self.clock.now().as_millisecond();
        if let Ok(cache) = self.people.lock()
            && let Some((at, people)) = cache.members.get(chat)
            && now_ms - at < MEMBERS_TTL_MS
        {
            return Ok(people.clone());
        }
        match self.client.chat_members(chat).await {
            Ok(people) => {
                if let Ok(mut cache) = self.people.lock() {
                    cache.members.insert(chat.to_owned(), (now_ms, people.clone()));
                }
                Ok(people)
            }
            Err(e) => {
                tracing::warn!(error.message = %e, "could not read the chat's members");
                Err(
                    match e.missing_scope(crate::feishu::members::SCOPE_CHAT_MEMBERS) {
                        Some(m) => m.to_string(),
                        None => e.to_string(),
                    },
                )
            }
        }
    }

    /// Remembers the names that mentions reveal, in memory and (new or changed ones) in the
    /// store, so they are known after a restart.
    pub(super) fn learn_names<'a>(&self, people: impl IntoIterator<Item = &'a Person>) {
        let mut fresh = Vec::new();
        {
            let mut g = self
                .people
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for p in people {
                if !p.name.is_empty() && g.names.get(&p.open_id.0) != Some(&p.name) {
                    g.names.insert(p.open_id.0.clone(), p.name.clone());
                    fresh.push((p.open_id.0.clone(), p.name.clone()));
                }
            }
        }
        if let Err(e) = self.store.remember_person_names(&fresh) {
            tracing::warn!(error.message = %e, "could not remember names; they are learned again after a restart");
        }
    }

    /// The members of a group (through the cached member list, see `members_of`). Empty when
    /// the API is unavailable: callers then keep names unresolved rather than guess.
    pub async fn chat_members(&self, chat_id: &str) -> Vec<Person> {
        let list = self.members_of(chat_id).await.unwrap_or_default();
        self.learn_names(&list);
        list
    }

    /// The person behind `open_id` with the best name known (learned, or from the group's
    /// member list); the name stays empty when nothing tells it.
    pub(super) async fn name_of(&self, open_id: &str, chat_id: &str) -> Person {
        let known = {
            let g = self
                .people
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            g.names.get(open_id).cloned()
        };
        let name = match known {
            Some(n) => n,
            None => self
                .chat_members(chat_id)
                .await
                .into_iter()
                .find(|p| p.open_id.0 == open_id)
                .map(|p| p.name)
                .unwrap_or_default(),
        };
        Person {
            open_id: OpenId(open_id.to_owned()),
            name,
        }
    }

    /// The person behind `open_id` with the name learned so far (empty when none).
    pub(super) fn known_person(&self, open_id: &str) -> Person {
        let g = self
            .people
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Person {
            open_id: OpenId(open_id.to_owned()),
            name: g.names.get(open_id).cloned().unwrap_or_default(),
        }
    }

    /// Learns the requirement managers' names (for refusals and the submitter's card) from the
    /// member lists of the manager chat and of `chat_id`, when some are not known yet.
    pub(super) async fn learn_manager_names(&self, chat_id: &str) {
        let unknown = || {
            self.cfg
                .requirements
                .managers
                .iter()
                .any(|m| self.known_person(m).name.is_empty())
        };
        let chats = self
            .cfg
            .requirements
            .manager_chat
            .iter()
            .map(String::as_str)
            .chain([chat_id]);
        for chat in chats {
            if !unknown() {
                return;
            }
            if !chat.is_empty() {
                self.chat_members(chat).await;
            }
        }
    }
}
