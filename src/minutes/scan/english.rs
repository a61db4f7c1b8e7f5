//! Who does the work in an English stand-up line (pure): `Today: Nina to fix the cost model`,
//! `…; Ryan to raise a ticket`, `Sam please chase the vendor` (a member named, then `to`,
//! `will` or `please` and the work), and `Alice: today I'll finish…` (the label's member says
//! `I will`, `I'll`, `I need to`).

use crate::minutes::owner::OwnerRef;

use super::Ctx;

/// What follows a name that is given the work.
const ASKED: &[&str] = &["to ", "will ", "please ", "should "];

/// What follows a name asked for a verdict on the work, not for the work (`景某 to decide`); the
/// owner reader leaves that member out too (`assign/not_owner.rs`).
pub(crate) const VERDICT: &[&str] = &[
    "to decide",
    "to approve",
    "to sign off",
    "will decide",
    "will approve",
];

/// What the speaker says of work they take on.
const I_WILL: &[&str] = &[
    "i will ",
    "i'll ",
    "i’ll ",
    "i need to ",
    "i also need to ",
    "i'm going to ",
    "i am going to ",
    "i can do it ",
    "i can have it ",
];

impl Ctx<'_> {
    /// The member given the work in an English line, and where the name stands; only in a
    /// line written mostly in Latin letters.
    pub(crate) fn english_assignee(&self, text: &str) -> Option<(Vec<OwnerRef>, usize)> {
        let latin = text.chars().filter(char::is_ascii_alphabetic).count();
        if latin * 2 < text.chars().count() {
            return None;
        }
        // `Nina to fix…` after the start or a boundary (`: `, `. `, `, `, `; `).
        let starts = std::iter::once(0).chain(
            text.match_indices([':', '.', ',', ';', '：', '，', '；'])
                .map(|(i, s)| i + s.len()),
        );
        for at in starts {
            let rest = text.get(at..).unwrap_or_default();
            let lead = rest.len() - rest.trim_start().len();
            let word = rest.trim_start();
            // A leading `Today:` is when, not who.
            let word = word
                .strip_prefix("Today ")
                .or_else(|| word.strip_prefix("today "))
                .unwrap_or(word);
            if let Some((found, after)) = self.leading_member(word)
                && ASKED.iter().any(|w| after.starts_with(w))
                && !VERDICT.iter().any(|w| after.starts_with(w))
            {
                return Some((found, at + lead));
            }
        }
        // `鲁某 and Ryan, the roadshow logistics, next Wed please.`: the members named first are
        // asked, by the `please` that ends the line.
        let (label, said) = speaker_and_words(text)?;
        if asks_please(said)
            && let Some((found, after)) = self.leading_member(&format!("{} ", said.trim_start()))
            && after.starts_with(',')
        {
            return Some((found, text.len() - said.trim_start().len()));
        }
        // `Alice: today I'll finish…`: the member of the label takes it on.
        let committed = commits_in_english(said);
        let who = self.leading_member(&format!("{} ", label.trim()))?;
        (committed && who.1.is_empty()).then_some((who.0, 0))
    }
}

/// Whether `s` says in English that the speaker takes the work on (`I'll have it ready`,
/// `I will send it`, `I can do it by…`).
pub(crate) fn commits_in_english(s: &str) -> bool {
    let lower = s.to_lowercase();
    I_WILL
        .iter()
        .any(|w| lower.starts_with(w) || lower.contains(&format!(" {w}")))
}

/// Whether `s` ends asking in English (`…, next Wed please.`).
pub(crate) fn asks_please(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['.', '!', '。'])
        .to_ascii_lowercase()
        .ends_with(" please")
}

/// The speaker's label and what they say in `Alice: …`, `Kelvin（关某）：…` or a transcript turn
/// `[00:01:12] Kelvin（关某）：…` (the clock time first is no label; the bracketed Chinese name
/// beside the English one is the same person).
fn speaker_and_words(text: &str) -> Option<(String, &str)> {
    let t = text.trim_start();
    let t = match t.strip_prefix('[').and_then(|r| r.split_once(']')) {
        Some((clock, rest)) if clock.chars().all(|c| c.is_ascii_digit() || c == ':') => rest,
        _ => t,
    };
    let at = t.find([':', '：'])?;
    let label = t.get(..at)?;
    let said = t.get(at..)?.trim_start_matches([':', '：']);
    let label = label.split(['（', '(']).next().unwrap_or(label);
    Some((label.to_owned(), said))
}

impl Ctx<'_> {
    /// [`Ctx::english_assignee`] and the text left to title the work: from the name on when a
    /// report stood before it (`Kevin: the backtest is done. Today: Nina to fix…`).
    pub(crate) fn english_work(&self, text: &str) -> Option<(Vec<OwnerRef>, String)> {
        let (found, at) = self.english_assignee(text)?;
        let before = text.get(..at).unwrap_or_default().trim_end();
        let rest = if at > 0 && before.ends_with(['.', ';', ':', '；', '：']) {
            text.get(at..).unwrap_or_default()
        } else {
            text
        };
        Some((found, rest.to_owned()))
    }
}
