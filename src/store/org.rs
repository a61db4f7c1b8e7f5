//! The weekly org board's memory: which week it was last considered for the leaders' chat and
//! the fingerprint of the board last posted there, so it goes out at most once a week, only
//! when something changed, across restarts.
//!
//! Tree `org_board` (`weekly` → [`OrgWeekly`]), written in the caller's [`Changes`], in the
//! same transaction as the outbox record that posts the board.

use serde::{Deserialize, Serialize};

use super::outbox::Changes;
use super::{Store, StoreError, decode, encode};

const ORG_BOARD: &str = "org_board";
const WEEKLY: &[u8] = b"weekly";

/// The last week the weekly org board was considered, and what was last posted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrgWeekly {
    /// The week's Monday, `YYYY-MM-DD`.
    pub week: String,
    /// The fingerprint of the board last posted ([`crate::domain::unit::ranking::fingerprint`]).
    pub fingerprint: String,
}

impl Store {
    /// The weekly org board's memory, if it was ever considered.
    ///
    /// # Errors
    /// sled or codec errors.
    pub fn org_weekly(&self) -> Result<Option<OrgWeekly>, StoreError> {
        self.named_tree(ORG_BOARD)?
            .get(WEEKLY)?
            .map(|v| decode(WEEKLY, &v))
            .transpose()
    }
}

impl Changes {
    /// Records this week's consideration of the weekly org board.
    ///
    /// # Errors
    /// sled errors (opening the tree).
    pub fn put_org_weekly(&mut self, store: &Store, w: &OrgWeekly) -> Result<(), StoreError> {
        self.put(&store.named_tree(ORG_BOARD)?, WEEKLY.to_vec(), encode(w));
        Ok(())
    }
}
