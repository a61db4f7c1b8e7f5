//! Dates typed apart (pure): `2 月底前` (a space between the number and its unit) and `by Fri
//! 出结果` (an English date, then the Chinese words of the work).

/// `w` without the spaces between a digit and the Chinese unit after it (`2 月底前` →
/// `2月底前`), for the parser; `None` when there are none.
pub(super) fn squeezed(w: &str) -> Option<String> {
    // Only a stated limit (`2 月底前`, `3 天内`), not a month named in a report (`12 月 演练成功`).
    if !w.trim_end().ends_with(['前', '内']) {
        return None;
    }
    let chars: Vec<char> = w.chars().collect();
    let mut out = String::with_capacity(w.len());
    let mut changed = false;
    for (i, c) in chars.iter().enumerate() {
        let after_digit = i > 0 && chars.get(i - 1).is_some_and(char::is_ascii_digit);
        let unit_next = chars.get(i + 1).is_some_and(|n| "年月日号天周个点".contains(*n));
        if *c == ' ' && after_digit && unit_next {
            changed = true;
            continue;
        }
        out.push(*c);
    }
    changed.then_some(out)
}

/// The English date closing a clause (`… on suitability mapping by next Wed`, `…, today before
/// leaving`), from its first lead word; else a day word closing it; else the whole clause.
pub(super) fn english_tail(c: &str) -> &str {
    [
        " by ",
        " due ",
        " before ",
        " within ",
        " until ",
        "ETA ",
        "eta ",
        " next ",
        " end of ",
        " today before ",
        " tomorrow before ",
    ]
    .iter()
    .filter_map(|w| c.rfind(w).map(|i| i + 1))
    .min()
    .and_then(|i| c.get(i..))
    .unwrap_or_else(|| ends_with_day_word(c))
}

/// `Ryan to raise a ticket with the vendor today.`: an English day word closing the clause
/// (`today`, `tonight`, `tomorrow`, `this week`) is its deadline; else the whole clause.
fn ends_with_day_word(c: &str) -> &str {
    let body = c.trim_end().trim_end_matches(['.', '!', '。']);
    ["today", "tonight", "tomorrow", "this week"]
        .iter()
        .find_map(|w| {
            let at = body.len().checked_sub(w.len())?;
            (body.get(at..)?.eq_ignore_ascii_case(w) && body.get(..at)?.ends_with(' '))
                .then(|| c.get(at..))?
        })
        .unwrap_or(c)
}

/// An English date phrase (`by Fri 出结果`) up to where Chinese words resume (`by Fri`), when
/// the whole is no date (`before 五一` is one); or up to the punctuation that ends it (`@X by
/// Fri: submit …`, `by next Wed, run …`; not the colon of a clock time `by 10:30`).
pub(super) fn english_part(tail: &str) -> &str {
    let cut = tail.char_indices().find(|&(i, c)| {
        let after = tail.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || "（(，。；;".contains(c)
            || (matches!(c, ':' | '：' | ',') && !after.is_some_and(|a| a.is_ascii_digit()))
    });
    cut.and_then(|(i, _)| tail.get(..i)).unwrap_or(tail)
}

#[cfg(test)]
mod tests {
    use super::{english_part, squeezed};

    #[test]
    fn spaced_units_and_english_parts() {
        assert_eq!(squeezed("2 月底前").as_deref(), Some("2月底前"));
        assert_eq!(squeezed("3 天内").as_deref(), Some("3天内"));
        assert_eq!(squeezed("月底前"), None);
        assert_eq!(squeezed("12 月"), None);
        assert_eq!(english_part("by Fri 出结果"), "by Fri ");
        assert_eq!(english_part("next Tue"), "next Tue");
        assert_eq!(english_part("by Fri: submit the form"), "by Fri");
        assert_eq!(english_part("by next Wed, run the test"), "by next Wed");
        assert_eq!(english_part("by 10:30 send it"), "by 10:30 send it");
    }
}
