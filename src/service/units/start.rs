//! The registry at start: kept apart from the flows (which import the service), so the
//! service's wiring can build it without a file circle.

use crate::domain::unit::UnitRegistry;
use crate::store::Store;

/// The configured units plus the bindings kept in sled. A binding that no longer fits the
/// configuration is left out (and logged); it stays stored, so fixing the configuration brings
/// it back. A store that cannot be read leaves the configured units alone (logged).
pub(crate) fn registry_at_start(store: &Store, configured: &UnitRegistry) -> UnitRegistry {
    let bound = match store.bound_units() {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error.message = %e, "cannot read the units bound in chat; using the configured units only");
            Vec::new()
        }
    };
    let (reg, skipped) = configured.clone().with_bindings(bound);
    for (unit, why) in skipped {
        tracing::warn!(unit = %unit.name, chat = %unit.chat_id, reason = %why, "a unit bound in chat is left out");
    }
    reg
}
