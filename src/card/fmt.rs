//! Shared card pieces (pure): card skeleton, header and its tags, markdown, grey notes and
//! coloured text, mentions, truncation, the progress bar, the size/count checks, and dates and
//! times as cards show them (`12月10日（周四）`, [`format_datetime`]). Controls (buttons, forms,
//! pickers) are in [`crate::card::widgets`].

use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::{Value, json};

use crate::calendar::Calendar;
use crate::command::when::day_off_note;
use crate::domain::ids::Person;
/// A deadline as every card shows it (`12月10日（周四）18:00`).
pub(crate) use crate::domain::time::format_datetime;
use crate::domain::time::{local, weekday_label};

/// Feishu's limit on components per JSON 2.0 card.
pub const MAX_COMPONENTS: usize = 200;
/// Feishu's limit on a card's serialized size (we stay strictly below it).
pub const MAX_BYTES: usize = 30 * 1024;

/// A complete JSON 2.0 card: shared (`update_multi`), with a chat-list `summary`.
pub fn card(header: Value, elements: Vec<Value>, summary: &str) -> Value {
    json!({
        "schema": "2.0",
        "config": {
            "update_multi": true,
            "width_mode": "fill",
            "summary": { "content": truncate(summary, 60) },
        },
        "header": header,
        "body": { "elements": elements },
    })
}

/// A header with a colour template, optional subtitle and up to three text tags
/// (`(text, colour)`).
pub fn header(title: &str, template: &str, subtitle: Option<&str>, tags: &[(&str, &str)]) -> Value {
    let mut h = json!({ "title": plain(title), "template": template });
    if let Some(obj) = h.as_object_mut() {
        if let Some(s) = subtitle {
            obj.insert("subtitle".to_owned(), plain(s));
        }
        if !tags.is_empty() {
            let list = tags.iter().take(3).map(|(t, c)| text_tag(t, c)).collect();
            obj.insert("text_tag_list".to_owned(), Value::Array(list));
        }
    }
    h
}

/// A coloured label (`逾期` in red, `已完成` in green) as a header shows it.
pub fn text_tag(text: &str, color: &str) -> Value {
    json!({ "tag": "text_tag", "text": plain(text), "color": color })
}

/// A list card: `hdr`, then one markdown row per item (`rows` yields them in order, `total` in
/// all), at most `max`, then `more(n)` for the `n` left out; `empty` alone when `total` is 0.
pub fn rows_card(
    hdr: Value,
    title: &str,
    rows: impl Iterator<Item = String>,
    total: usize,
    max: usize,
    empty: &str,
    more: impl Fn(usize) -> String,
) -> Value {
    if total == 0 {
        return card(hdr, vec![markdown(empty)], title);
    }
    let mut elements: Vec<Value> = rows.take(max).map(|r| markdown(&r)).collect();
    if total > max {
        elements.push(markdown(&more(total - max)));
    }
    card(hdr, elements, title)
}

/// A markdown element.
pub fn markdown(content: &str) -> Value {
    json!({ "tag": "markdown", "content": content })
}

/// A grey note under a card's content.
pub fn note(content: &str) -> Value {
    markdown(&font("grey", content))
}

/// `text` in a colour (`red`, `orange`, `green`, `grey`) inside card markdown.
pub fn font(color: &str, text: &str) -> String {
    format!("<font color='{color}'>{text}</font>")
}

/// A divider.
pub fn hr() -> Value {
    json!({ "tag": "hr" })
}

/// A plain-text object (`{"tag":"plain_text","content":…}`).
pub fn plain(content: &str) -> Value {
    json!({ "tag": "plain_text", "content": content })
}

/// A card-markdown mention of `p`.
pub fn at(p: &Person) -> String {
    format!("<at id={}></at>", p.open_id)
}

/// A mention of `p` inside a text message (not a card): `<at user_id="ou_1">张三</at>`, the name
/// made safe ([`text_safe`]).
pub fn text_at(p: &Person) -> String {
    format!("<at user_id=\"{}\">{}</at>", p.open_id, text_safe(&p.name))
}

/// Text safe inside a Feishu text message: no `<` that could open a forged `<at>` tag.
pub fn text_safe(s: &str) -> String {
    s.replace('<', "＜").replace('>', "＞")
}

/// Mentions of up to `max` people, then `等N人`.
pub fn mentions(people: &[Person], max: usize) -> String {
    let mut out: Vec<String> = people.iter().take(max).map(at).collect();
    if people.len() > max {
        out.push(format!("等{}人", people.len()));
    }
    out.join(" ")
}

/// User text made safe for card markdown: angle brackets are escaped so that a title cannot
/// forge a mention or a font tag; at most `max_chars` characters are kept.
pub fn md_text(s: &str, max_chars: usize) -> String {
    truncate(s, max_chars).replace('<', "&lt;").replace('>', "&gt;")
}

/// At most `max_chars` characters of `s`, with `…` when cut.
pub fn truncate(s: &str, max_chars: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max_chars {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A ten-cell text progress bar: `▰▰▰▰▰▰▱▱▱▱ 60%`.
pub fn progress_bar(percent: u8) -> String {
    let p = percent.min(100);
    let full = usize::from(p / 10);
    format!("{}{} {p}%", "▰".repeat(full), "▱".repeat(10 - full))
}

/// How many components a card holds (every JSON object with a `tag`, counted conservatively:
/// text objects count too).
pub fn component_count(v: &Value) -> usize {
    match v {
        Value::Object(map) => {
            usize::from(map.contains_key("tag")) + map.values().map(component_count).sum::<usize>()
        }
        Value::Array(items) => items.iter().map(component_count).sum(),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => 0,
    }
}

/// The serialized size in bytes.
pub fn json_size(v: &Value) -> usize {
    serde_json::to_vec(v).map_or(0, |b| b.len())
}

/// Whether `v` is within Feishu's card limits.
pub fn within_limits(v: &Value) -> bool {
    component_count(v) <= MAX_COMPONENTS && json_size(v) < MAX_BYTES
}

/// `12月10日（周四）` — with the clock time when `has_time`.
pub(crate) fn when(ts: Timestamp, has_time: bool, now: Timestamp) -> String {
    if has_time {
        format_datetime(ts, now)
    } else {
        day(ts, now)
    }
}

/// ` · 注意：3月21日是周六` (in orange) when `at` falls on a day off (deadlines are kept as
/// typed); empty otherwise.
pub(crate) fn day_off(at: Timestamp, cal: &Calendar) -> String {
    day_off_note(at, cal)
        .map(|n| format!(" · {}", font("orange", &format!("注意：{n}"))))
        .unwrap_or_default()
}

/// `12月10日（周四）`, with the year when it is not `now`'s.
pub(crate) fn day(ts: Timestamp, now: Timestamp) -> String {
    let d = local(ts).date();
    civil_day(d, d.year() != local(now).date().year())
}

/// The Shanghai day of `ts` as a date picker wants it preset (`2026-12-04`).
pub(crate) fn picker_day(ts: Timestamp) -> String {
    local(ts).date().to_string()
}

/// `12月10日（周四）`, or `2026年12月10日（周四）` `with_year`.
pub(crate) fn civil_day(d: Date, with_year: bool) -> String {
    let year = if with_year {
        format!("{}年", d.year())
    } else {
        String::new()
    };
    format!("{year}{}月{}日（{}）", d.month(), d.day(), weekday_label(d))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::ids::OpenId;

    #[test]
    fn truncation_counts_characters_not_bytes() {
        assert_eq!(truncate("合规自查报告", 4), "合规自…");
        assert_eq!(truncate(" 短 ", 4), "短");
    }

    #[test]
    fn user_text_cannot_forge_a_mention() {
        assert_eq!(md_text("<at id=all></at>", 50), "&lt;at id=all&gt;&lt;/at&gt;");
    }

    #[test]
    fn the_progress_bar_has_ten_cells() {
        assert_eq!(progress_bar(0), "▱▱▱▱▱▱▱▱▱▱ 0%");
        assert_eq!(progress_bar(65), "▰▰▰▰▰▰▱▱▱▱ 65%");
        assert_eq!(progress_bar(100), "▰▰▰▰▰▰▰▰▰▰ 100%");
    }

    #[test]
    fn mentions_are_capped() {
        let people: Vec<Person> = (0..3)
            .map(|i| Person {
                open_id: OpenId(format!("ou_{i}")),
                name: format!("p{i}"),
            })
            .collect();
        assert_eq!(mentions(&people, 2), "<at id=ou_0></at> <at id=ou_1></at> 等3人");
    }

    #[test]
    fn components_are_counted_recursively() {
        let c = card(header("t", "blue", None, &[]), vec![markdown("a"), hr()], "s");
        // header title text + two elements
        assert_eq!(component_count(&c), 3);
        assert!(within_limits(&c));
    }
}
