//! The requirement family (`/需求`, XQ-n): submission (text or form card) → triage card for
//! the requirement managers → decisions (受理 / 合并 / 驳回 / 待补充) through one [`act`] path
//! for commands and clicks → the submitter's status card at every change of the closed-loop
//! status, and the 效果反馈 request when the linked project reaches that stage. Its intake SLA
//! reminder is in [`super::watched`].

mod act;
mod click;
mod closing;
mod command;
mod submit;
mod triage;

pub(super) use closing::follows_project;
pub(super) use command::command;
pub(super) use triage::{card_now, linked_project, managers};
