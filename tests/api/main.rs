//! The single integration test binary: the real server on port 0, real sled, and a fake Feishu
//! OpenAPI over real HTTP.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    unreachable_pub,
    dead_code
)]

mod architecture;
mod cli;
mod crash;
mod helpers;
mod ingress;
mod longconn;
mod minutes;
mod nudges;
mod onboarding;
mod operator;
mod projects;
mod regression;
mod supervise;
mod units;
