//! Names of people: Feishu events carry only open_ids for senders, so names are learned from
//! mentions and, when needed, read from the group's member list (chat members API, cached).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::Service;
use crate::domain::ids::{OpenId, Person};

/// How long a group's member list is trusted.
const MEMBERS_TTL: Duration = Duration::from_secs(600);

/// The cache behind [`Service::chat_members`] and [`Service::name_of`].
#[derive(Debug, Default)]
pub(super) struct People {
    names: HashMap<String, String>,
    members: HashMap<String, (Instant, Vec<Person>)>,
}

impl Service {
    /// Remembers the names that mentions reveal.
    pub(super) fn learn_names<'a>(&self, people: impl IntoIterator<Item = &'a Person>) {
        let mut g = self.people.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for p in people {
            if !p.name.is_empty() {
                g.names.insert(p.open_id.0.clone(), p.name.clone());
            }
        }
    }

    /// The members of a group (cached for ten minutes). Empty when the API is unavailable:
    /// callers then keep names unresolved rather than guess.
    pub async fn chat_members(&self, chat_id: &str) -> Vec<Person> {
        {
            let g = self.people.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some((at, list)) = g.members.get(chat_id)
                && at.elapsed() < MEMBERS_TTL
            {
                return list.clone();
            }
        }
        match self.client.chat_members(chat_id).await {
            Ok(list) => {
                self.learn_names(&list);
                let mut g = self.people.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                g.members.insert(chat_id.to_owned(), (Instant::now(), list.clone()));
                list
            }
            Err(e) => {
                tracing::debug!(chat_id, error.message = %e, "chat members unavailable");
                Vec::new()
            }
        }
    }

    /// The person behind `open_id` with the best name known (learned, or from the group's
    /// member list); the name stays empty when nothing tells it.
    pub(super) async fn name_of(&self, open_id: &str, chat_id: &str) -> Person {
        let known = {
            let g = self.people.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
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
        Person { open_id: OpenId(open_id.to_owned()), name }
    }
}
