//! The trees on PostgreSQL: one table `duban_kv(tree, k, v)` keyed by `(tree, k)`, a sequence
//! for ids, and versioned migrations ([`schema`]). Every call is one job on a connection thread
//! ([`pool`]); a commit is one SQL transaction.

mod db;
mod iter;
pub(crate) mod pool;
mod redact;
pub mod schema;
mod tree;

pub(crate) use db::Admit;
pub use db::PgDb;
pub use iter::PgIter;
pub use redact::redact;
pub use tree::PgTree;
