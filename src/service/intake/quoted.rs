//! The text of a replied-to message (a `/督办` created by replying, `/纪要` in reply to the
//! minutes): read from Feishu before the lock; `None` when it cannot be read or is no text.

use serde_json::Value;

use super::super::Service;
use crate::feishu::event::post_text;

/// The text of message `message_id`, trimmed (`None`: unreadable, empty, or not text).
pub(crate) async fn quoted_text(svc: &Service, message_id: &str) -> Option<String> {
    match svc.client.get_message(message_id).await {
        Ok(m) => {
            let content: Value = serde_json::from_str(&m.content).ok()?;
            let text = match m.msg_type.as_str() {
                "text" => content.get("text").and_then(Value::as_str).map(str::to_owned),
                "post" => Some(post_text(&content)),
                _ => None,
            }?;
            let text = text.trim().to_owned();
            (!text.is_empty()).then_some(text)
        }
        Err(e) => {
            tracing::warn!(error.message = %e, "could not read the quoted message");
            None
        }
    }
}
