//! The older mails quoted under a reply (pure): `主题：回复：…` with the latest mail first, then
//! `-----原始邮件-----`, `-----Original Message-----`, `> 原邮件：…` or `在…写道：` and the mails it
//! answered. Their requests were made before and answered since (the reply says what is left),
//! so the quoted part is read as blank.

/// Whether `line` opens the quoted older mails.
fn opens_quote(line: &str) -> bool {
    let t = line.trim();
    let bare = t.trim_matches(|c: char| c == '-' || c == '—' || c == '=' || c.is_whitespace());
    let lower = bare.to_lowercase();
    (t.starts_with("--") || t.starts_with("——") || t.starts_with("=="))
        && [
            "原始邮件",
            "原邮件",
            "original message",
            "forwarded message",
            "转发邮件",
        ]
        .iter()
        .any(|w| lower == *w)
        || t.starts_with(['>', '＞'])
        || (t.starts_with('在') && (t.ends_with("写道：") || t.ends_with("写道:")))
        || (t.starts_with("On ") && t.ends_with("wrote:"))
}

/// Whether the first lines say the text is a reply (`主题：回复：…`, `Subject: RE: …`).
fn is_reply(lines: &[String]) -> bool {
    lines.iter().take(4).any(|l| {
        let l = l.trim().to_lowercase();
        ["主题：", "主题:", "subject:", "标题："].iter().any(|k| {
            l.strip_prefix(k).is_some_and(|r| {
                ["回复", "答复", "re:", "re：", "回覆"]
                    .iter()
                    .any(|w| r.trim_start().starts_with(w))
            })
        })
    })
}

/// Blanks every line from the first quoted older mail on, in a reply.
pub(super) fn blank_quoted_mails(lines: &mut [String]) {
    if !is_reply(lines) {
        return;
    }
    let Some(from) = lines.iter().skip(1).position(|l| opens_quote(l)).map(|i| i + 1) else {
        return;
    };
    for line in lines.iter_mut().skip(from) {
        line.clear();
    }
}
