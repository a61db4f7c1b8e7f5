//! Terse closing words (pure): `海报终稿某某清明节前送印。`, `照片某某4月10日前收齐`: after a
//! member's name and a date, a short verb alone ends the clause (`送印`, `收齐`, `补齐`).

/// Whether `after_date` (what follows the date) is a short closing verb and nothing else in its
/// clause: two to four Chinese characters up to the clause's end.
pub(super) fn terse_close(after_date: &str) -> bool {
    let clause = after_date
        .trim_start()
        .split(['，', ',', '；', ';', '。', '！', '!', '（', '('])
        .next()
        .unwrap_or_default()
        .trim_end();
    (2..=4).contains(&clause.chars().count())
        && clause.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        // `…前后`, `…内外`: no verb.
        && !["后", "外", "左右", "为止"].iter().any(|w| clause.starts_with(w))
}
