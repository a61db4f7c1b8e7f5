//! The sentences of a line of minutes (pure): where they split, a topic sentence
//! (`三是结果汇总。`), a question answered (`…要不要更新？`), and whether a task text is left.

/// The sentences of a line (`。！？`), those of two characters or more.
/// A sentence of fields (`主责：邓超；时间：7月15日前。`) belongs to the sentence before it.
pub(super) fn split_sentences(body: &str) -> Vec<&str> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for piece in body.split_inclusive(['。', '！', '？', '；']) {
        let end = start + piece.len();
        let fields = piece
            .trim()
            .split_once(['：', ':'])
            // `（责任人：易海）` after the sentence it belongs to.
            .is_some_and(|(key, _)| FIELD_KEYS.contains(&key.trim().trim_start_matches(['（', '('])));
        match spans.last_mut() {
            Some(last) if fields => last.1 = end,
            _ => spans.push((start, end)),
        }
        start = end;
    }
    spans
        .iter()
        .filter_map(|(s, e)| body.get(*s..*e))
        .map(str::trim)
        .filter(|s| s.trim_end_matches(['。', '！', '？', '；']).chars().count() >= 2)
        .collect()
}

/// Words that answer or agree and carry no task (`好`, `那就`, `可以`).
const FILLERS: &[&str] = &[
    "好的", "好", "行", "可以", "嗯", "那就", "那", "就", "对", "是的", "收到", "ok", "OK", "这样",
];

/// Whether a task text is left once fillers and punctuation go (`好，那就邱实负责` leaves `好`: no).
pub(super) fn has_task_text(text: &str) -> bool {
    let mut rest = text.to_owned();
    for f in FILLERS {
        rest = rest.replace(f, "");
    }
    rest.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

/// `嗯，那风险揭示书的版本要不要更新？` → `风险揭示书的版本要不要更新`.
pub(super) fn topic_of_question(q: &str) -> &str {
    let mut t = q.trim().trim_end_matches(['？', '?']).trim();
    while let Some(r) = FILLERS
        .iter()
        .find_map(|f| t.strip_prefix(f))
        .map(|r| r.trim_start_matches(['，', ',', ' ', '。']))
    {
        t = r;
    }
    t
}

/// `一是考核表下发。` → `考核表下发`: a sentence that only names the topic of those after it.
pub(super) fn topic_of(sentence: &str) -> Option<&str> {
    let mut chars = sentence.chars();
    let n = chars.next()?;
    let rest = sentence.get(n.len_utf8()..)?.strip_prefix('是')?;
    let topic = rest.trim_end_matches(['。', '；', ';', '：', ':']).trim();
    ("一二三四五六七八九十".contains(n)
        && (2..=12).contains(&topic.chars().count())
        && !topic.contains(['，', ','])
        && rest.ends_with(['。', '；', ';', '：', ':']))
    .then_some(topic)
}

/// Keys of a field sentence.
const FIELD_KEYS: &[&str] = &[
    "主责",
    "主责人",
    "协同",
    "协办",
    "配合",
    "配合人",
    "责任人",
    "负责人",
    "牵头人",
    "时间",
    "完成时间",
    "完成时限",
    "办结时限",
    "完成日期",
    "截止日期",
    "截止时间",
    "时限",
    "期限",
    "截止",
    "Owner",
    "owner",
    "Due",
    "due",
];
