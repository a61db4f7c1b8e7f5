//! A document's facts in one row (pure): `沙龙日期：4月25日（周六）　编制：某某　4月8日`,
//! `活动时间：10月16日  制表：某某`, `Date: 3/5 | Prepared by: X`, `3/5 | Host: X | Team: Y、Z` — fields apart by wide spaces or
//! bars, each a label ending in a date or time word or a sign-off label (编制, 制表, 整理, 签发 …)
//! with a plain value, or a bare date. A row of such fields says when and by whom the paper was
//! made, whatever the labels' first words; it assigns no work.

/// Labels a paper is signed off or made under.
const SIGN_OFF: &[&str] = &[
    "编制",
    "制表",
    "整理",
    "签发",
    "拟稿",
    "核稿",
    "审核",
    "审定",
    "编写",
    "撰写",
    "起草",
    "填表",
    "填报",
    "记录",
    "纪要",
    "主持",
    "发布",
    "制定",
    "编制人",
    "制表人",
    "整理人",
    "起草人",
    "填表人",
    "Prepared by",
    "Compiled by",
    "Author",
    "Owner of notes",
    // Who held the meeting and who was there (`3月5日 | Host: X | Team: Y、Z`).
    "主持人",
    "参会",
    "参会人",
    "出席",
    "与会",
    "Host",
    "Chair",
    "Facilitator",
    "Team",
    "Attendees",
    "Participants",
];

/// Label endings that name a day or an hour (`沙龙日期`, `活动时间`, `编制日期`).
const WHEN_ENDINGS: &[&str] = &["日期", "时间", "日", "Date", "date", "Time", "time"];

/// Labels that carry work even in a row of facts (`完成时间：5月1日　责任人：某某`).
const WORK_LABELS: &[&str] = &[
    "完成", "截止", "时限", "期限", "责任", "负责", "牵头", "承办", "主办", "办结", "Due", "DDL", "Owner",
];

fn is_plain(v: &str) -> bool {
    !v.is_empty() && !v.contains(['，', '。', '？', '！', '；', ',', ';'])
}

/// `4月8日`, `2026-04-08`, `4/8`, `4月8日（周三）`.
fn is_bare_date(p: &str) -> bool {
    let p = p.split(['（', '(']).next().unwrap_or(p).trim();
    !p.is_empty()
        && p.chars().any(|c| c.is_ascii_digit())
        && p.chars().all(|c| c.is_ascii_digit() || "-/.年月日".contains(c))
}

enum Field {
    When,
    SignOff,
    Date,
}

fn field(p: &str) -> Option<Field> {
    if is_bare_date(p) {
        return Some(Field::Date);
    }
    let (key, value) = p.split_once(['：', ':'])?;
    let key = key.trim();
    if !is_plain(value.trim()) || key.chars().count() > 8 || WORK_LABELS.iter().any(|w| key.contains(w)) {
        return None;
    }
    if SIGN_OFF.contains(&key) {
        Some(Field::SignOff)
    } else if WHEN_ENDINGS.iter().any(|e| key.ends_with(e)) {
        Some(Field::When)
    } else {
        None
    }
}

/// Whether `line` is a row of the paper's own facts: two or more fields apart by spaces or bars,
/// every one a dated or sign-off label or a bare date, one a sign-off.
pub(super) fn is_meta_row(line: &str) -> bool {
    // Fields apart by any space or bar (the walk hands lines with single spaces); a word with
    // neither a colon nor a date goes on with the field before it (`主持：某 某`).
    let mut parts: Vec<String> = Vec::new();
    for w in line.split(|c: char| c.is_whitespace() || c == '|' || c == '｜') {
        let w = w.trim();
        if w.is_empty() {
            continue;
        }
        match parts.last_mut() {
            Some(last) if !w.contains(['：', ':']) && !is_bare_date(w) => {
                last.push(' ');
                last.push_str(w);
            }
            _ => parts.push(w.to_owned()),
        }
    }
    let fields: Option<Vec<Field>> = parts.iter().map(|p| field(p)).collect();
    fields.is_some_and(|f| {
        f.len() >= 2
            && f.iter().any(|x| matches!(x, Field::SignOff))
            && f.iter().any(|x| matches!(x, Field::When | Field::Date))
    })
}

#[cfg(test)]
mod tests {
    use super::is_meta_row;

    #[test]
    fn a_row_of_dates_and_sign_offs_is_the_papers_facts() {
        assert!(is_meta_row("沙龙日期：4月25日（周六）　编制：麦某　4月8日"));
        assert!(is_meta_row("活动时间：10月16日  制表：某某"));
        assert!(is_meta_row("沙龙日期：4月25日（周六） 编制：麦某 4月8日"));
        assert!(is_meta_row("发布日期：5月3日 | 整理：某某"));
        assert!(!is_meta_row("完成时间：5月1日　责任人：某某"));
        assert!(!is_meta_row("编制：某某"));
        assert!(!is_meta_row("验收日期：5月1日　整理：某某负责汇总，周五前交"));
        assert!(is_meta_row(
            "3月7日（周六） | Host: Amy（某某） | Team: Bob（某甲）、Cat（某乙）"
        ));
        assert!(!is_meta_row("Host: Amy（某某） | Team: Bob（某甲）"));
    }
}
