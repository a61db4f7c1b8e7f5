//! duban (督办): a Feishu/Lark supervision bot.
//!
//! # Architecture: arrows point down
//!
//! Each layer imports only from the layers below it, and no file imports a file that imports it
//! back. `tests/api/architecture.rs` checks both on every test run: it parses every file with
//! `syn`, resolves each path (`use` trees, globs, and paths in code through module aliases) to
//! the file that defines the item, following `pub use` re-exports, and fails on any circle
//! between files or any import from the pure core into an edge. Tests and the fake Feishu are
//! outside the rule.
//!
//! 1. **Pure core** — [`calendar`] (working days) ← [`domain`] (records and their transitions,
//!    permissions, deadlines, time formatting, reminder planning, units and 下达 batches; its
//!    module doc is the glossary) ← [`command`] (parsing; each family's command table is its
//!    dispatcher) ← [`minutes`] (action items in meeting minutes) ← [`card`] (card building:
//!    one widget toolkit, one typed callback). No I/O and no clock: `now` is passed in. The
//!    core imports nothing from `store`, `feishu`, `http`, `service`, `outbox` or `cli`: it is
//!    the crate `duban_core` (`core/Cargo.toml`, root `src/core.rs`), re-exported here under
//!    the same module names, so the compiler enforces the rule too.
//! 2. **Records the edges share** — [`outbox_record`] (what the bot will send) and the Feishu
//!    message and event *types* (`feishu::types`), which the store keeps as they are; [`clock`]
//!    (the injected time source); [`config`].
//! 3. **Edges** — [`store`] (sled: bytes and domain records; it never reaches the Feishu client
//!    or HTTP), [`feishu`] (the OpenAPI client), [`outbox`] (the dispatcher: sends what the
//!    store holds, through the [`outbox::Materialize`] trait the service implements), [`mirror`]
//!    (the Bitable mirror), [`export`], [`cluster`] (several instances on one PostgreSQL: the
//!    leader lease and the cross-instance service lock).
//! 4. **Orchestration** — [`service`]: the only module that knows both the store and Feishu. One
//!    folder per family (items, projects, requirements, meetings), each with one `act` path
//!    that chat commands and card clicks share; intake, watched things, reminders, the board.
//! 5. **Drivers** — [`worker`] (the inbox), [`scheduler`], and the two entrances, [`http`] (the
//!    webhook) and [`longconn`] (the long connection), which share one admission path.
//! 6. **Wiring and tools** — [`startup`], [`leader_tasks`], [`cli`], [`operator`], [`check_config`], [`sandbox`],
//!    [`fake_feishu`] (the Feishu the tests talk to), [`telemetry`].
//!
//! Inside a layer, a folder's `mod.rs` declares its parts and re-exports them; what the parts
//! share lives in a file of its own, so a part never imports its own `mod.rs` back.

pub use duban_core::{calendar, card, command, domain, minutes};
pub mod check_config;
pub mod cli;
pub mod clock;
pub mod cluster;
pub mod config;
pub mod export;
pub mod fake_feishu;
pub mod feishu;
pub mod http;
pub mod leader_tasks;
pub mod longconn;
pub mod mirror;
pub mod operator;
pub mod outbox;
pub mod outbox_record;
pub mod sandbox;
pub mod scheduler;
pub mod service;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod worker;
