//! An English full name written before a member's Chinese name in brackets (pure): `Attendees:
//! Tony Zhou（周子恒）, Helen Xu（徐海伦）` — the minutes then write `Tony Zhou:` or `Tony` for
//! that member. Any given name and family name of letters, not only the few seen.

/// `…, Tony Zhou` → (`Tony`, `Tony Zhou`): the given name and the full name ending `before`,
/// when both words are capitalised names (`Zhou`, `Xu`, `Lin`, `Ou-Yang`) and the given name
/// stands alone (a separator or the line's start before it).
pub(super) fn given_and_family(before: &str) -> Option<(String, String)> {
    let b = before.trim_end();
    let family: String = {
        let mut w: Vec<char> = b
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
            .collect();
        w.reverse();
        w.into_iter().collect()
    };
    let rest = b.get(..b.len() - family.len())?;
    let rest = rest.strip_suffix(' ')?;
    let given: String = {
        let mut w: Vec<char> = rest.chars().rev().take_while(char::is_ascii_alphabetic).collect();
        w.reverse();
        w.into_iter().collect()
    };
    let head = rest.get(..rest.len() - given.len())?;
    let capital = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().any(|c| c.is_ascii_lowercase())
            && cs.all(|c| c.is_ascii_alphabetic() || c == '-')
    };
    (capital(&given)
        && given.chars().count() >= 3
        && capital(&family)
        && family.chars().count() >= 2
        && !head.ends_with(|c: char| c.is_ascii_alphanumeric()))
    .then(|| (given.clone(), format!("{given} {family}")))
}

/// `Tony Zhou: 重算…` → `Tony: 重算…` in every line, for each full name paired with a member
/// (a mention key of two words), so the full name reads as the given name does.
pub(super) fn shorten_full_names(lines: &mut [String], mentions: &[crate::command::Mention]) {
    for m in mentions {
        let Some((given, _)) = m.key.split_once(' ') else {
            continue;
        };
        // Two Tonys (`Tony Zhou`, `Tony Wang`): each keeps the full name.
        let same_given = mentions
            .iter()
            .filter(|o| o.key.split_once(' ').is_some_and(|(g, _)| g == given))
            .count();
        if !m.key.is_ascii() || given.is_empty() || same_given > 1 {
            continue;
        }
        for line in lines.iter_mut() {
            if line.contains(m.key.as_str()) {
                *line = line.replace(m.key.as_str(), given);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::given_and_family;

    #[test]
    fn a_given_and_a_family_name_before_the_bracket() {
        assert_eq!(
            given_and_family("Attendees: Nora Lam"),
            Some(("Nora".to_owned(), "Nora Lam".to_owned()))
        );
        assert_eq!(
            given_and_family("参会：Derek Ou-Yang"),
            Some(("Derek".to_owned(), "Derek Ou-Yang".to_owned()))
        );
        assert_eq!(given_and_family("Attendees: the ERP"), None);
        assert_eq!(given_and_family("Lam"), None);
    }
}
