//! Attendance as the object of work (pure): `联系对方负责人确认出席`, `邀请监事列席`,
//! `通知各营业部参会` — someone is to arrange that others attend, not the record of who came.

/// Verbs that make another's attendance the thing to get done.
const ARRANGE: &[&str] = &[
    "确认", "邀请", "邀约", "通知", "安排", "落实", "统计", "协调", "争取", "确保", "联系",
];

/// Whether every `word` (`出席`, `列席`, `参会`) in `lower` follows an arranging verb in its clause.
pub(super) fn attendance_arranged(lower: &str, word: &str) -> bool {
    let clauses: Vec<&str> = lower
        .split(['，', ',', '。', '；', ';', '：', ':'])
        .filter(|c| c.contains(word))
        .collect();
    !clauses.is_empty()
        && clauses.iter().all(|c| {
            c.find(word)
                .and_then(|i| c.get(..i))
                .is_some_and(|before| ARRANGE.iter().any(|v| before.contains(v)))
        })
}
