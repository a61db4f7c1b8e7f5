//! duban (督办): a Feishu/Lark supervision bot.
//!
//! A pure core — [`calendar`], [`domain`], [`command`] parsing and [`card`] building — and thin
//! edges: the HTTP webhook ([`http`]), the sled [`store`], the Feishu client ([`feishu`]), the
//! inbox [`worker`] and the [`outbox`] dispatcher, wired together in [`startup`]. [`service`] is
//! the only module that knows both the store and Feishu.

pub mod calendar;
pub mod card;
pub mod check_config;
pub mod cli;
pub mod clock;
pub mod command;
pub mod config;
pub mod domain;
pub mod export;
pub mod fake_feishu;
pub mod feishu;
pub mod http;
pub mod longconn;
pub mod minutes;
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
