//! The project family (`/项目`, XM-n): one [`act`] path for chat commands and card clicks,
//! creation from templates, the command, the card click, and what they say afterwards. Its
//! reminders are in [`super::watched`].

mod act;
mod click;
mod command;
mod texts;

#[cfg(test)]
mod tests;

pub(super) use act::{card_now, create, person_on_project, stage as stage_project, template};
pub(super) use command::{command, link_tagged_projects};
