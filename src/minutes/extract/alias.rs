//! English names written beside a member's Chinese name (pure): `Attendees: Kevin 蒋凯文, Iris
//! 苗一诺`, `Tony (唐志远)` or `黎大伟（David）`, so `Kevin: …` and `| Tony | … |` later in the minutes are those
//! members. Read from every line; only a name that is a group member is paired.

use crate::command::Mention;
use crate::domain::ids::Person;
use crate::minutes::scan::is_cjk;

/// The mentions `mentions` plus one per English name paired with a member in `lines`.
pub(super) fn with_latin_aliases(lines: &[String], mentions: &[Mention], members: &[Person]) -> Vec<Mention> {
    let mut out = mentions.to_vec();
    // `Kevin Zhou` in the group is `Kevin` in the minutes, when no other member is a Kevin.
    for p in members {
        let Some((given, family)) = p.name.split_once(' ') else {
            continue;
        };
        let same = |q: &Person| q.name.split_once(' ').is_some_and(|(g, _)| g == given);
        if is_given_name(given)
            && !family.is_empty()
            && family
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
            && members.iter().filter(|q| same(q)).count() == 1
            && !out.iter().any(|m| m.key == given)
            && !members.iter().any(|q| q.name == given)
        {
            out.push(Mention {
                key: given.to_owned(),
                person: p.clone(),
            });
        }
    }
    for line in lines {
        for (alias, person) in pairs(line, members) {
            if !out.iter().any(|m| m.key == alias) && !members.iter().any(|p| p.name == alias) {
                out.push(Mention { key: alias, person });
            }
        }
    }
    out
}

/// Whether `w` reads as an English given name: a capital and lower-case letters (`Kevin`,
/// not `QA`, `UAT`).
fn is_given_name(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars().count() >= 3
        && cs.all(|c| c.is_ascii_lowercase())
}

/// The ASCII letters that end `s`.
fn last_word(s: &str) -> String {
    let mut w: Vec<char> = s.chars().rev().take_while(char::is_ascii_alphabetic).collect();
    w.reverse();
    w.into_iter().collect()
}

/// `Kevin 蒋凯文`, `Tony (唐志远)` and `蒋凯文（Kevin）` / `蒋凯文 (Kevin)` in one line, the Chinese name a member.
fn pairs(line: &str, members: &[Person]) -> Vec<(String, Person)> {
    let mut out = Vec::new();
    for p in members {
        let name = p.name.as_str();
        if name.chars().count() < 2 || !name.chars().all(is_cjk) {
            continue;
        }
        for (at, _) in line.match_indices(name) {
            let after = line.get(at + name.len()..).unwrap_or_default();
            if after.chars().next().is_some_and(is_cjk) {
                continue;
            }
            let before = line.get(..at).unwrap_or_default();
            if let Some(b) = before.strip_suffix(' ') {
                let word: String = b
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_alphabetic)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let head = b.get(..b.len() - word.len()).unwrap_or_default();
                if is_given_name(&word) && !head.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                    out.push((word, p.clone()));
                }
            }
            // `Tony (唐志远)`, `Tony（唐志远）`: the English name first, the member's in brackets;
            // so written, a two-letter name pairs too (`Lu (甘露)`).
            // (`Angela (程安琪, chair)`: a role after the name, inside the brackets.)
            if let Some(b) = before.strip_suffix(['(', '（']).map(str::trim_end)
                && (after.starts_with([')', '）'])
                    || (after.starts_with([',', '，']) && after.contains([')', '）'])))
            {
                let word = last_word(b);
                let head = b.get(..b.len() - word.len()).unwrap_or_default();
                let short_name = word.chars().count() == 2
                    && word.starts_with(|c: char| c.is_ascii_uppercase())
                    && word.ends_with(|c: char| c.is_ascii_lowercase());
                if let Some((given, full)) = super::full_latin_name::given_and_family(b) {
                    // `Tony Zhou（周子恒）`: the full name and the given name alone are theirs.
                    out.push((full, p.clone()));
                    out.push((given, p.clone()));
                } else if (is_given_name(&word) || short_name)
                    && !head.ends_with(|c: char| c.is_ascii_alphanumeric())
                {
                    out.push((word, p.clone()));
                }
            }
            let inside = after
                .trim_start()
                .strip_prefix(['(', '（'])
                .and_then(|r| r.split_once([')', '）']))
                .map(|(w, _)| w.trim());
            if let Some(w) = inside.filter(|w| is_given_name(w)) {
                out.push((w.to_owned(), p.clone()));
            }
        }
    }
    out
}
