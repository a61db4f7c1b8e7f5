//! The weekly org board in the leaders' chat: considered once a week at the group boards'
//! slot (Monday 09:30, or the week's first working day), posted only when its fingerprint
//! differs from the one last posted
//! (an empty board — nothing praised, late, due or open — is not posted at all). The week and the fingerprint are stored with the outbox
//! record that posts it, in one transaction: once a week across restarts, nothing lost.

use jiff::Timestamp;

use super::super::Service;
use super::read::org_board_view;
use crate::card;
use crate::domain::unit::ranking::fingerprint;
use crate::feishu::{Outgoing, feishu_uuid};
use crate::outbox_record::{Intent, OutboxRecord};
use crate::store::StoreError;
use crate::store::org::OrgWeekly;
use crate::store::outbox::Changes;

impl Service {
    /// Queues this week's org board for the leaders' chat in `ch` when it is due (`week`: the
    /// week's Monday), unless it was considered this week already, or nothing changed since
    /// the last one posted, or the board is empty. Nothing without a leaders' chat or without
    /// units.
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn queue_weekly_org_board(
        &self,
        ch: &mut Changes,
        week: &str,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let Some(chat) = self.cfg.board.leaders_chat.as_deref() else {
            return Ok(());
        };
        let reg = self.unit_registry();
        if reg.is_empty() {
            return Ok(());
        }
        let last = self.store.org_weekly()?;
        if last.as_ref().is_some_and(|l| l.week == week) {
            return Ok(());
        }
        let b = org_board_view(&self.store, &reg, now, &self.calendar)?;
        let last_fp = last.map(|l| l.fingerprint).unwrap_or_default();
        let fp = fingerprint(&b);
        let posted = if b.is_empty() {
            tracing::info!(week, "weekly org board empty; not posted");
            last_fp
        } else if last_fp != fp {
            let c = card::org_board_card(&b, now, &self.calendar);
            let out =
                Outgoing::send_card_to_chat(chat, &c, &feishu_uuid(&format!("org-weekly:{chat}:{week}")));
            ch.outbox_push(
                &self.store,
                &OutboxRecord::new(Intent::Message(out), Some(chat.to_owned())),
            )?;
            fp
        } else {
            tracing::info!(week, "weekly org board unchanged since the last one; not posted");
            fp
        };
        ch.put_org_weekly(
            &self.store,
            &OrgWeekly {
                week: week.to_owned(),
                fingerprint: posted,
            },
        )
    }
}
