//! The 督办 item family: one [`act`] path for chat commands and card clicks, the `/督办`
//! command, the card click, and what they say afterwards.

mod act;
mod click;
mod command;
mod texts;

#[cfg(test)]
mod tests;

pub(super) use act::{act, person_on_item, post_card, record_new, visible};
pub(super) use click::on_click;
pub(super) use command::command;
pub(super) use texts::not_found;
