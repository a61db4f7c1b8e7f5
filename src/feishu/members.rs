//! A chat's members (an edge): `GET /open-apis/im/v1/chats/:chat_id/members` with
//! `member_id_type=open_id&page_size=100`, following `page_token` while `has_more`. Shapes
//! confirmed from the official Python SDK (`GetChatMembersResponseBody`: `items[]
//! {member_id_type, member_id, name, tenant_key}`, `page_token`, `has_more`, `member_total`).
//! Bots are not listed by this API. Needs a chat scope ([`SCOPE_CHAT_MEMBERS`] or `im:chat`).

use serde_json::Value;

use super::FeishuError;
use super::client::{FeishuClient, path_segment, record};
use super::response::truncated;
use crate::domain::ids::{OpenId, Person};

/// The scope usually granted for reading a chat's members.
pub const SCOPE_CHAT_MEMBERS: &str = "im:chat:readonly";

/// Most pages read (100 members each; Feishu groups hold at most a few tens of thousands).
const MAX_PAGES: usize = 600;

impl FeishuClient {
    /// Everyone in the chat, as (open_id, display name), in Feishu's order.
    ///
    /// # Errors
    /// Any [`FeishuError`] (230002 when the bot is not in the chat; see
    /// [`FeishuError::missing_scope`] with [`SCOPE_CHAT_MEMBERS`]); `Decode` for an answer
    /// without `data`.
    #[tracing::instrument(skip_all, fields(op = "chat_members", code))]
    pub async fn chat_members(&self, chat_id: &str) -> Result<Vec<Person>, FeishuError> {
        let id = path_segment(chat_id)?;
        let url = self.url(&format!("/open-apis/im/v1/chats/{id}/members"));
        let mut people = Vec::new();
        let mut page_token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut query = vec![
                ("member_id_type", "open_id".to_owned()),
                ("page_size", "100".to_owned()),
            ];
            if let Some(t) = &page_token {
                query.push(("page_token", t.clone()));
            }
            let result = self
                .authed(|token| Ok(self.http().get(&url).query(&query).bearer_auth(token)))
                .await
                .and_then(|v| page(&v));
            record("chat_members", &result);
            let (mut batch, next) = result?;
            people.append(&mut batch);
            match next {
                Some(t) => page_token = Some(t),
                None => break,
            }
        }
        Ok(people)
    }
}

/// One page: its members and the next page token (`None` on the last page).
fn page(v: &Value) -> Result<(Vec<Person>, Option<String>), FeishuError> {
    let data = v.get("data").ok_or_else(|| FeishuError::Decode {
        raw: truncated(&v.to_string()),
    })?;
    let people = data
        .get("items")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|m| {
                    let id = m.get("member_id").and_then(Value::as_str)?;
                    let name = m.get("name").and_then(Value::as_str).unwrap_or_default();
                    Some(Person {
                        open_id: OpenId(id.to_owned()),
                        name: name.to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let has_more = data.get("has_more").and_then(Value::as_bool).unwrap_or(false);
    let next = data
        .get("page_token")
        .and_then(Value::as_str)
        .filter(|t| has_more && !t.is_empty())
        .map(str::to_owned);
    Ok((people, next))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_page_yields_people_and_the_next_token() {
        let v = json!({"code": 0, "data": {"has_more": true, "page_token": "p2", "member_total": 3, "items": [
            {"member_id_type": "open_id", "member_id": "ou_a", "name": "张三", "tenant_key": "t"},
            {"member_id_type": "open_id", "name": "无编号"},
        ]}});
        let (people, next) = page(&v).unwrap();
        assert_eq!(next.as_deref(), Some("p2"));
        assert_eq!(
            people,
            [Person {
                open_id: OpenId("ou_a".to_owned()),
                name: "张三".to_owned()
            }]
        );
    }

    #[test]
    fn has_more_false_ends_the_walk_even_with_a_token() {
        let v = json!({"data": {"has_more": false, "page_token": "p9", "items": []}});
        assert_eq!(page(&v).unwrap().1, None);
    }
}
