//! A reminder card's 稍后提醒 / 处理中 buttons: only the item's owner or assistants, and the
//! item's next reminder moves.

use super::super::Service;
use crate::card;
use crate::domain::time::format_datetime;
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// Applies a snooze / 处理中 click from a reminder card.
    pub(crate) async fn on_nudge_action(
        &self,
        action: card::nudge::NudgeAction,
        operator: &str,
    ) -> Result<serde_json::Value, StoreError> {
        use card::nudge::NudgeAction;
        let now = self.clock.now();
        let _guard = self.exclusive().await;
        let id = match &action {
            NudgeAction::Snooze { item, .. } | NudgeAction::Working { item } => *item,
        };
        let toast = |kind, text: &str| card::answer(kind, text);
        let Some(item) = self.store.get_item(id)? else {
            return Ok(toast(card::ToastKind::Error, &format!("{id} 不存在")));
        };
        let is_party =
            item.owner.open_id.0 == operator || item.assistants.iter().any(|a| a.open_id.0 == operator);
        if !is_party {
            // Named, as every refusal: 只有主办（张三）或协办（李四、王五）可以设置提醒.
            let mut who = format!("主办（{}）", item.owner.name);
            let helpers: Vec<&str> = item.assistants.iter().map(|a| a.name.as_str()).collect();
            if !helpers.is_empty() {
                who.push_str(&format!("或协办（{}）", helpers.join("、")));
            }
            return Ok(toast(card::ToastKind::Error, &format!("只有{who}可以设置提醒")));
        }
        let policy = self.policy_for(&item.chat_id);
        let rec = self.store.nudge_record(id)?;
        let mut state = rec.state;
        let text = match action {
            NudgeAction::Snooze { choice, .. } => {
                match crate::domain::schedule::snooze(&mut state, choice, now, &policy, &self.calendar) {
                    Ok(until) => format!("好的，{} 再提醒", format_datetime(until, now)),
                    Err(e) => return Ok(toast(card::ToastKind::Warning, &e.to_string())),
                }
            }
            NudgeAction::Working { .. } => {
                crate::domain::schedule::mark_working(&mut state, now);
                "已标记处理中，今天不再催办".to_owned()
            }
        };
        let mut ch = Changes::new();
        ch.known_position(id, rec.due_ms);
        self.reschedule(&mut ch, &item, &state)?;
        self.store.commit(&ch)?;
        self.store.durable().await?;
        Ok(toast(card::ToastKind::Success, &text))
    }
}
