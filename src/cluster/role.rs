//! The cluster's fixed names and the role type every part shares.

/// The leader lease's advisory lock key ("duban" in ASCII, then 1).
pub const LEADER_KEY: i64 = 0x6475_6261_6e00_0001;
/// The cross-instance service lock's key.
pub const SERVICE_KEY: i64 = 0x6475_6261_6e00_0002;
/// The channel followers `NOTIFY` after changing shared state under the service lock.
pub const WAKE_CHANNEL: &str = "duban_wake";

/// This instance's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// Whether this instance holds the lease (always, in single-process mode).
    pub leader: bool,
    /// The fencing epoch: raised on every takeover; a follower shows the current leader's.
    pub epoch: i64,
}
