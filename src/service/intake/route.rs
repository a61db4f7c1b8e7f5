//! Under the lock: a prepared message routed to its family — the welcome and help answers,
//! `/督办`, `/项目`, `/需求`, `/纪要` — each given the one [`Origin`] of the message.

use super::super::Service;
use super::super::items::command as item_command;
use super::super::meetings::apply_minutes;
use super::super::okr::{align_item, align_project};
use super::super::origin::Origin;
use super::super::projects::command as project_command;
use super::super::reply::Replies;
use super::super::requirements::command as requirement_command;
use super::prepare::{Prepared, person_named};
use crate::card;
use crate::command::spec::SUPERVISE_COMMANDS;
use crate::command::{self, Command};
use crate::domain::ids::Person;
use crate::store::StoreError;
use crate::store::outbox::Changes;

/// Applies a prepared message to `ch`. The caller holds the service lock and commits.
pub(crate) fn apply_message(svc: &Service, p: Prepared, ch: &mut Changes) -> Result<(), StoreError> {
    let Prepared {
        msg,
        sender,
        mentions,
        parsed,
        unreadable,
        quoted,
        minutes,
        okr,
    } = p;
    let mut replies = Replies::new(&msg);
    // A person's first 1:1 message gets the welcome card first (which also explains the
    // commands: plain chatter then needs no help card after it).
    svc.note_bot_present(&msg.chat_id, ch)?;
    let welcomed = svc.welcome_person(&msg, &mut replies, ch)?;
    match parsed {
        Ok(None) => {
            if msg.chat_type == "p2p" && !welcomed {
                let c = card::help_card(SUPERVISE_COMMANDS);
                replies.card(svc, ch, &c)?;
            } else if unreadable {
                replies.card(svc, ch, &card::short_help_card())?;
            }
        }
        Ok(Some(Command::Supervise(command::SuperviseCmd::Align { id }))) => {
            let o = Origin::message(
                &msg,
                named(sender, || person_named(&msg.sender_open_id, &mentions)),
            );
            align_item(svc, ch, &o, id, okr, &mut replies)?;
        }
        Ok(Some(Command::Project(command::ProjectCmd::Align { id }))) => {
            let o = Origin::message(
                &msg,
                named(sender, || person_named(&msg.sender_open_id, &mentions)),
            );
            align_project(svc, ch, &o, id, okr, &mut replies)?;
        }
        Ok(Some(Command::Supervise(cmd))) => {
            let o = Origin::message(
                &msg,
                named(sender, || person_named(&msg.sender_open_id, &mentions)),
            );
            item_command(svc, cmd, &o, &msg, quoted, &mut replies, ch)?;
        }
        Ok(Some(Command::Project(cmd))) => {
            // The resolved name too: a project's creator is shown and named in refusals.
            let o = Origin::message(
                &msg,
                named(sender, || person_named(&msg.sender_open_id, &mentions)),
            );
            project_command(svc, cmd, &o, &mut replies, ch)?;
        }
        Ok(Some(Command::Requirement(cmd))) => {
            let o = Origin::message(
                &msg,
                named(sender, || person_named(&msg.sender_open_id, &mentions)),
            );
            requirement_command(svc, cmd, &o, &mut replies, ch)?;
        }
        Ok(Some(Command::Minutes(_))) => {
            if let Some(fetched) = minutes {
                let sender = named(sender, || person_named(&msg.sender_open_id, &mentions));
                apply_minutes(svc, fetched, &mentions, &sender, &mut replies, ch)?;
            }
        }
        Ok(Some(Command::Series(cmd))) => {
            let o = Origin::message(
                &msg,
                named(sender, || person_named(&msg.sender_open_id, &mentions)),
            );
            super::super::series::command(svc, cmd, &o, &mut replies, ch)?;
        }
        Err(e) => {
            let c = if e.wants_help() {
                match &e {
                    command::ParseError::Series(_) => card::series::series_help_card(),
                    command::ParseError::Project(_) => card::project::project_help_card(),
                    command::ParseError::Requirement(_) => card::requirement::requirement_help_card(),
                    _ => card::help_card(SUPERVISE_COMMANDS),
                }
            } else {
                card::error_card(e.title(), &e.message(), Some(e.example()))
            };
            replies.card(svc, ch, &c)?;
        }
    }
    Ok(())
}

/// `sender` when their name is known, else the person `fallback` finds (from the mentions).
fn named(sender: Person, fallback: impl FnOnce() -> Person) -> Person {
    if sender.name.is_empty() {
        fallback()
    } else {
        sender
    }
}
