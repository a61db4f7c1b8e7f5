//! The pieces every command renderer shares (pure): mention placeholders, deadlines and free
//! text written so that they parse back to what they were. Used by `command/render.rs` and the
//! `/项目` and `/需求` renderers.

use jiff::tz::{self, TimeZone};
use serde_json::{Value, json};

use crate::command::grammar::lexer::normalise;
use crate::command::mention::Mention;
use crate::domain::deadline::Deadline;
use crate::domain::ids::Person;
use crate::domain::priority::Priority;

/// Placeholders, one per distinct person, in order of appearance.
#[derive(Debug, Default)]
pub(crate) struct Renderer {
    pub(crate) mentions: Vec<Mention>,
}

impl Renderer {
    pub(crate) fn mention(&mut self, p: &Person) -> String {
        // A person named by a bare word (no open_id) goes back as that word.
        if p.open_id.0.is_empty() {
            return p.name.clone();
        }
        if let Some(m) = self.mentions.iter().find(|m| m.person.open_id == p.open_id) {
            return m.key.clone();
        }
        let key = format!("@_user_{}", self.mentions.len() + 1);
        self.mentions.push(Mention {
            key: key.clone(),
            person: p.clone(),
        });
        key
    }
}

/// The deadline as `YYYY-MM-DD HH:MM`, or `YYYY-MM-DD` without a clock time (Asia/Shanghai).
pub(crate) fn format_deadline(d: &Deadline) -> String {
    let z = d.at.to_zoned_datetime(TimeZone::fixed(tz::offset(8)));
    let format = if d.has_time { "%Y-%m-%d %H:%M" } else { "%Y-%m-%d" };
    z.strftime(format).to_string()
}

/// Non-empty parts joined by one space.
pub(crate) fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Free text as is when every word reads back as plain text, else in quotes. `risky_first`
/// flags a first word that the subcommand would read as something else.
pub(crate) fn free_text(text: &str, risky_first: impl Fn(&str) -> bool) -> String {
    let plain = normalise(text) == text
        && !text.contains(['\n', '"', '@'])
        && text.split(' ').all(|w| {
            !w.is_empty() && !w.starts_with('#') && !w.contains(':') && Priority::parse(w).is_none()
        })
        && !text.split(' ').next().is_some_and(risky_first);
    if plain {
        text.to_owned()
    } else {
        format!("\"{text}\"")
    }
}

/// A person in a command's JSON view: `{"name", "open_id"}`.
pub(crate) fn person_json(p: &Person) -> Value {
    json!({"name": p.name, "open_id": p.open_id.0})
}
