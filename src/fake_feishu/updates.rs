//! The fake's writes to existing messages: card PATCH (§8.4) and urgent_app / urgent_sms /
//! urgent_phone (§8.6).

use std::collections::HashMap;

use axum::http::HeaderMap;
use serde_json::{Value, json};

use super::content;
use super::messages::{admit, json_body};
use super::reply::Reply;
use super::state::World;

/// PATCHes per message per second.
const PATCH_QPS: u32 = 5;

impl World {
    /// `PATCH /open-apis/im/v1/messages/:id`: only the bot's own shared cards, ≤ 30 KB.
    pub(crate) fn patch(&mut self, headers: &HeaderMap, id: &str, body: &[u8]) -> Result<Reply, Reply> {
        self.authorize(headers)?;
        self.injected_fault()?;
        let body = json_body(body)?;
        let Some(m) = self.message(id) else {
            return Err(Reply::error(
                400,
                230011,
                "The message was withdrawn or does not exist.",
            ));
        };
        let chat_id = m.chat_id.clone();
        let in_chat = |r: Reply| r.in_chat(&chat_id);
        if !m.sent_by_bot() || m.msg_type != "interactive" {
            return Err(in_chat(Reply::error(
                400,
                230001,
                "only interactive messages sent by the bot can be updated",
            )));
        }
        if !content::is_shared_card(m.card()) {
            return Err(in_chat(Reply::error(
                400,
                230001,
                "the card is not shared: set config.update_multi to true",
            )));
        }
        let card =
            content::check("interactive", body.get("content")).map_err(|r| in_chat(Reply::refusal(&r)))?;
        if !content::is_shared_card(&card) {
            return Err(in_chat(Reply::error(
                400,
                230001,
                "the new card is not shared: set config.update_multi to true",
            )));
        }
        self.member(&chat_id).map_err(in_chat)?;
        self.app_rate("patch").map_err(in_chat)?;
        let window = self.patch_windows.entry(id.to_owned()).or_default();
        if !admit(window, PATCH_QPS) {
            return Err(in_chat(Reply::error(
                400,
                230020,
                "This operation triggers the frequency limit.",
            )));
        }
        if let Some(m) = self.message_mut(id) {
            m.patches.push(card);
        }
        Ok(in_chat(Reply::top(json!({ "code": 0, "msg": "ok", "data": {} }))))
    }

    /// `PATCH /open-apis/im/v1/messages/:id/{urgent_app|urgent_sms|urgent_phone}?user_id_type=…`
    /// (`channel` is the last path segment).
    pub(crate) fn urgent(
        &mut self,
        headers: &HeaderMap,
        query: &HashMap<String, String>,
        id: &str,
        channel: &str,
        body: &[u8],
    ) -> Result<Reply, Reply> {
        self.authorize(headers)?;
        self.injected_fault()?;
        if !matches!(
            query.get("user_id_type").map(String::as_str),
            Some("open_id" | "union_id" | "user_id")
        ) {
            return Err(Reply::error(400, 230001, "user_id_type is required"));
        }
        let body = json_body(body)?;
        let ids: Option<Vec<String>> = body
            .get("user_id_list")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).map(str::to_owned).collect());
        let Some(ids) = ids.filter(|ids| !ids.is_empty()) else {
            return Err(Reply::error(400, 230001, "user_id_list must be a non-empty list"));
        };
        let Some(m) = self.message(id) else {
            return Err(Reply::error(
                400,
                230011,
                "The message was withdrawn or does not exist.",
            ));
        };
        let chat_id = m.chat_id.clone();
        if !m.sent_by_bot() {
            return Err(
                Reply::error(400, 230012, "The bot is not the sender of the message.").in_chat(&chat_id),
            );
        }
        self.member(&chat_id).map_err(|r| r.in_chat(&chat_id))?;
        let (valid, invalid): (Vec<String>, Vec<String>) =
            ids.into_iter().partition(|u| u.starts_with("ou_"));
        if valid.is_empty() {
            return Err(Reply::error(400, 230001, "all user ids are invalid").in_chat(&chat_id));
        }
        if let Some(m) = self.message_mut(id) {
            if channel == "urgent_app" {
                m.urgent.push(valid);
            } else {
                m.paid_urgent.push((channel.to_owned(), valid));
            }
        }
        Ok(Reply::data(json!({ "invalid_user_id_list": invalid })).in_chat(&chat_id))
    }
}
