//! The single integration test binary: the real server on port 0, real sled, and a fake Feishu
//! OpenAPI over real HTTP.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    unreachable_pub,
    dead_code
)]

mod appraisal18;
mod architecture;
mod batches14;
mod cli;
mod cluster19;
mod crash;
mod helpers;
mod ingress;
mod longconn;
mod minutes;
mod nudges;
mod okr18;
mod onboarding;
mod operator;
mod orgboard14;
mod pgstore19;
mod projects;
mod regression;
mod repeat17;
mod series17;
mod supervise;
mod units;
mod unitscope14;
