//! The registry in memory, and the per-unit index of items kept in step with every item write.

use serde_json::Value;

use super::super::Service;
use super::start::registry_at_start;
use crate::card;
use crate::domain::ids::ChatId;
use crate::domain::supervision::Item;
use crate::domain::unit::UnitRegistry;
use crate::store::StoreError;
use crate::store::outbox::Changes;

impl Service {
    /// A snapshot of the registry (cheap enough: a few hundred units at most).
    pub(crate) fn unit_registry(&self) -> UnitRegistry {
        match self.units.read() {
            Ok(r) => r.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }

    /// The name of the unit whose group is `chat`.
    pub(crate) fn unit_of_chat(&self, chat: &ChatId) -> Option<String> {
        let read = |r: &UnitRegistry| r.by_chat(chat).map(|u| u.name.clone());
        match self.units.read() {
            Ok(r) => read(&r),
            Err(p) => read(&p.into_inner()),
        }
    }

    /// Changes the registry (under [`Service::lock`], after the change is committed).
    pub(crate) fn with_registry<T>(&self, f: impl FnOnce(&mut UnitRegistry) -> T) -> T {
        match self.units.write() {
            Ok(mut r) => f(&mut r),
            Err(p) => f(&mut p.into_inner()),
        }
    }

    /// Reads the registry again from the configuration and sled (after a commit that failed,
    /// so a binding made in memory and not stored does not linger).
    pub(crate) fn reload_units(&self) {
        let fresh = registry_at_start(&self.store, &self.cfg.configured_units);
        self.with_registry(|reg| *reg = fresh);
    }

    /// Files a new item under the unit of its group, if the group is a unit's.
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn file_new_item(&self, ch: &mut Changes, item: &Item) -> Result<(), StoreError> {
        match self.unit_of_chat(&item.chat_id) {
            Some(unit) => ch.put_unit_item(&self.store, &unit, item),
            None => Ok(()),
        }
    }

    /// The live card of `item` as it is now: with its unit, when it belongs to one.
    ///
    /// # Errors
    /// sled errors.
    pub(crate) fn live_item_card(&self, item: &Item) -> Result<Value, StoreError> {
        let unit = self.store.unit_of_item(item.id)?;
        let t = self.store.item_target(item.id)?;
        let target = t.as_ref().map(|t| card::TargetView {
            target: &t.target,
            report: t.report.as_ref(),
        });
        let c = card::item_card_full(item, unit.as_deref(), target, self.clock.now(), &self.calendar);
        self.with_series_line(item, c)
    }
}
