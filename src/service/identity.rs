//! The bot's own open_id, asked of Feishu (`bot/v3/info`) the first time a group message
//! @-mentions someone and kept for the process's life; a failed ask is retried at most once a
//! minute, and meanwhile mentions of the bot are simply not recognised.

use super::Service;
use crate::domain::ids::OpenId;

/// How long after a failed ask the next one may go out.
const RETRY_AFTER_MS: i64 = 60_000;

impl Service {
    /// The bot's open_id, when Feishu has told it (or tells it now).
    pub(super) async fn bot_open_id(&self) -> Option<OpenId> {
        let now_ms = self.clock.now().as_millisecond();
        {
            let g = self.bot.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(id) = &g.open_id {
                return Some(id.clone());
            }
            if g.failed_at_ms.is_some_and(|t| now_ms - t < RETRY_AFTER_MS) {
                return None;
            }
        }
        let asked = self.client.bot_info().await;
        let mut g = self.bot.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match asked {
            Ok(info) if !info.open_id.is_empty() => {
                let id = OpenId(info.open_id);
                g.open_id = Some(id.clone());
                Some(id)
            }
            Ok(_) => {
                g.failed_at_ms = Some(now_ms);
                None
            }
            Err(e) => {
                tracing::warn!(error.message = %e, "cannot read the bot's identity; @-mentions of the bot are not recognised for now");
                g.failed_at_ms = Some(now_ms);
                None
            }
        }
    }
}
