//! Outbox intents rendered at send time from the records' current state, and what a delivery
//! teaches (a posted card's message id).

use super::Service;
use super::batches::{render_rollup, rollup_delivered};
use super::board::{board_delivered, materialize_board};
use super::meetings::materialize as render_meeting;
use super::reply::{Says, under_or_post};
use super::watched::{delivered as watched_delivered, materialize as render_watched};
use crate::domain::ids::ItemId;
use crate::feishu::{Delivered, Outgoing};
use crate::outbox::Materialize;
use crate::outbox_record::Intent;
use crate::store::StoreError;

impl Materialize for Service {
    fn materialize(&self, intent: &Intent) -> Result<Option<Outgoing>, StoreError> {
        Ok(match intent {
            Intent::Message(m) => Some(m.clone()),
            Intent::PostItemCard {
                item,
                chat_id,
                reply_to,
                uuid,
            } => {
                let Some(it) = self.store.get_item(ItemId(*item))? else {
                    return Ok(None);
                };
                let c = self.live_item_card(&it)?;
                Some(under_or_post(reply_to.as_deref(), chat_id, Says::Card(&c), uuid))
            }
            Intent::RefreshItemCard { item } => {
                let id = ItemId(*item);
                let (Some(it), Some(mid)) = (self.store.get_item(id)?, self.store.item_card(id)?) else {
                    return Ok(None);
                };
                let c = self.live_item_card(&it)?;
                Some(Outgoing::patch_card(&mid, Some(&it.chat_id.0), &c))
            }
            Intent::PostBoard { .. } | Intent::RefreshBoard { .. } => return materialize_board(self, intent),
            Intent::PostRollup { .. } | Intent::RefreshRollup { .. } => return render_rollup(self, intent),
            Intent::NudgeRound {
                chat_id,
                person,
                entries,
                uuid,
            } => {
                return self.materialize_round(chat_id, person, entries, uuid);
            }
            // Split by the dispatcher before anything is sent.
            Intent::Batch(_) => None,
            // Uploaded by the dispatcher first; then the file message.
            Intent::SendFile {
                open_id,
                file_key,
                uuid,
                ..
            } => file_key
                .as_ref()
                .map(|k| Outgoing::send_file_to_user(open_id, k, uuid)),
            Intent::PostMeetingCard { .. } | Intent::RefreshMeetingCard { .. } => {
                return render_meeting(self, intent);
            }
            Intent::PostProjectCard { .. }
            | Intent::RefreshProjectCard { .. }
            | Intent::PostRequirementCard { .. }
            | Intent::RefreshRequirementCard { .. } => return render_watched(self, intent),
            Intent::OkrProgress { item } => return super::okr::materialize_progress(self, *item),
            Intent::PostSeriesCard { .. } | Intent::RefreshSeriesCard { .. } => {
                return super::series::materialize(self, intent);
            }
        })
    }

    fn delivered(&self, intent: &Intent, delivered: &Delivered) -> Result<(), StoreError> {
        match (intent, &delivered.message_id) {
            (Intent::PostItemCard { item, .. }, Some(mid)) => self.store.set_item_card(ItemId(*item), mid)?,
            (Intent::PostBoard { chat_id, .. }, Some(mid)) => board_delivered(self, chat_id, mid)?,
            (Intent::PostRollup { batch, .. }, Some(mid)) => rollup_delivered(self, *batch, mid)?,
            (Intent::PostMeetingCard { meeting, .. }, Some(mid)) => {
                self.store
                    .set_meeting_card(crate::minutes::MeetingId(*meeting), mid)?;
            }
            (Intent::PostProjectCard { .. } | Intent::PostRequirementCard { .. }, Some(mid)) => {
                watched_delivered(self, intent, mid)?;
            }
            (Intent::OkrProgress { item }, _) => super::okr::progress_delivered(self, *item)?,
            (Intent::PostSeriesCard { .. }, Some(mid)) => super::series::delivered(self, intent, mid)?,
            _ => {}
        }
        Ok(())
    }

    fn failed(&self, intent: &Intent, error: &crate::feishu::FeishuError) -> Result<(), StoreError> {
        if let Intent::OkrProgress { item } = intent {
            super::okr::progress_failed(self, *item, error)?;
        }
        Ok(())
    }
}
