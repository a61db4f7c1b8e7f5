//! The fake's chat member list: `GET /open-apis/im/v1/chats/:chat_id/members`, paginated
//! (`page_size` 1–100, default 20; `page_token`, `has_more`, `member_total`), open_ids only,
//! needing `im:chat:readonly`. Assumed: a chat never configured, or one the bot was removed
//! from, answers 232011 ("operator not in chat"); a bad `page_size` or `member_id_type`
//! answers 99992402 (field validation failed).

use std::collections::HashMap;

use axum::Router;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

use super::FakeFeishu;
use super::reply::Reply;
use super::routes::serve;
use super::state::{FakeState, World};
use crate::domain::ids::Person;

const SCOPE_CHAT: &str = "im:chat:readonly";

/// The member route, merged into the fake's router.
pub(crate) fn routes() -> Router<FakeState> {
    Router::new().route("/open-apis/im/v1/chats/{id}/members", get(members))
}

async fn members(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    serve(&s, &m, &u, |w| w.members(&h, &id, &q))
}

impl World {
    fn members(&mut self, h: &HeaderMap, chat: &str, q: &HashMap<String, String>) -> Result<Reply, Reply> {
        self.authorize(h)?;
        self.check_scope(SCOPE_CHAT)?;
        let invalid = |what: &str| Reply::error(400, 99992402, &format!("field validation failed: {what}"));
        if q.get("member_id_type").is_some_and(|t| t != "open_id") {
            return Err(invalid("member_id_type (the fake only has open_ids)"));
        }
        let size = match q.get("page_size") {
            None => 20,
            Some(s) => match s.parse::<usize>() {
                Ok(n @ 1..=100) => n,
                _ => return Err(invalid("page_size must be 1..100")),
            },
        };
        let start = match q.get("page_token") {
            None => 0,
            Some(t) => t
                .strip_prefix("mp")
                .and_then(|n| n.parse::<usize>().ok())
                .ok_or_else(|| invalid("page_token"))?,
        };
        let people = match self.chat_members.get(chat) {
            Some(p) if !self.removed_chats.contains(chat) => p,
            _ => {
                return Err(Reply::error(
                    400,
                    232011,
                    "Operator and chat can NOT be in different tenants or operator is not in chat.",
                ));
            }
        };
        let items: Vec<Value> = people
            .iter()
            .skip(start)
            .take(size)
            .map(|p| json!({ "member_id_type": "open_id", "member_id": p.open_id.0, "name": p.name, "tenant_key": self.tenant_key }))
            .collect();
        let end = start + items.len();
        let has_more = end < people.len();
        let token = if has_more {
            format!("mp{end}")
        } else {
            String::new()
        };
        Ok(Reply::data(json!({
            "items": items, "page_token": token, "has_more": has_more, "member_total": people.len(),
        })))
    }
}

impl FakeState {
    /// Sets a chat's human members (the bot is in the chat too, as in Feishu, but not listed).
    pub fn set_chat_members(&self, chat_id: &str, people: &[Person]) {
        self.lock()
            .chat_members
            .insert(chat_id.to_owned(), people.to_vec());
    }
}

impl FakeFeishu {
    /// Sets a chat's human members.
    pub fn set_chat_members(&self, chat_id: &str, people: &[Person]) {
        self.state.set_chat_members(chat_id, people);
    }
}
