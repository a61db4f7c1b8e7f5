//! The command tables: one row per subcommand of each family, keyed by that family's
//! subcommand enum ([`SuperviseSub`], [`ProjectSub`], [`RequirementSub`]). The parsers look a
//! word up here and dispatch on the key with an exhaustive `match`; the help cards are rendered
//! from the same rows, so help can never drift from what is accepted.
//!
//! Completeness is by construction: `subcommands!` declares a family's enum together with its
//! `ALL` list and its `TABLE` (help order is declaration order), and each family's `row` is an
//! exhaustive `match` on the key. A new subcommand without a row, without a dispatch arm, or
//! without a `key()` arm for its parsed command does not compile.
//!
//! `table.rs` holds the shape (the row, the key, the enums); `supervise.rs`, `project.rs`,
//! `requirement.rs` and `minutes.rs` hold the rows. To add a subcommand: a variant in
//! `table.rs`, then follow the compiler (its row, its dispatch arm, its parsed command's
//! `key()`, render and JSON arms, the service).

mod minutes;
mod project;
mod requirement;
mod series;
mod supervise;
mod table;

pub use self::minutes::OTHER_COMMANDS;
pub use self::project::PROJECT_COMMANDS;
pub use self::requirement::REQUIREMENT_COMMANDS;
pub use self::series::SERIES_COMMANDS;
pub use self::supervise::SUPERVISE_COMMANDS;
pub use self::table::{CommandSpec, Key, ProjectSub, RequirementSub, SeriesSub, SuperviseSub};

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests;
