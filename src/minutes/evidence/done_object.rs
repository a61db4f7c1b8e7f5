//! `对4、5月份已报销的招待费做一次抽查`, `把已签约的客户名单发给我` (pure): a done word inside the
//! object of a `对`/`把`/`将`/`针对` phrase (`已V的N`) names what the work is about, not work
//! that is done — the broad form of `对已整改问题进行复查`.

/// Prepositions that open the object of the work.
const OPENERS: &[&str] = &["对", "把", "将", "针对", "就"];

/// Verbs that go over what has been done (`抽查已发布内容`, `复核已办结案件`, `回访已开户客户`).
const CHECK_VERBS: &[&str] = &[
    "抽查", "检查", "复核", "核查", "排查", "复查", "审查", "筛查", "自查", "巡检", "梳理", "清理", "盘点",
    "核对", "回访", "走访", "统计", "汇总", "整理", "跟踪", "归档", "评估",
];

/// The rest of the clause after the `已` at byte `i`.
fn after_clause(lower: &str, i: usize) -> String {
    lower
        .get(i + '已'.len_utf8()..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':'))
        .collect()
}

/// Whether the words after `已` run on past a two-character verb (`发布内容`, not `完成`).
fn object_follows(after: &str) -> bool {
    after
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count()
        >= 4
}

/// `lower` with each such `已` (of `已V的`, after an opener in the same clause) taken out.
pub(super) fn without_done_objects(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut clause_start = 0usize;
    for (i, c) in lower.char_indices() {
        if matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':') {
            clause_start = out.len() + c.len_utf8();
            out.push(c);
            continue;
        }
        if c == '已' {
            let before = out.get(clause_start..).unwrap_or_default();
            let after: String = lower
                .get(i + c.len_utf8()..)
                .unwrap_or_default()
                .chars()
                .take(5)
                .collect();
            let modifier = after.find('的').is_some_and(|j| {
                j > 0
                    && after
                        .get(..j)
                        .is_some_and(|v| v.chars().all(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)))
            });
            if modifier && OPENERS.iter().any(|o| before.contains(o)) {
                continue;
            }
            // `每月抽查已发布内容10条`: a verb of checking right before `已V` and a noun after it
            // (more than the verb before the clause ends): the done word names the object.
            if CHECK_VERBS.iter().any(|v| before.ends_with(v)) && object_follows(&after_clause(lower, i)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_done_objects;

    #[test]
    fn a_done_word_in_the_object_goes() {
        assert_eq!(
            without_done_objects("对上月已报销的差旅费做一次抽查"),
            "对上月报销的差旅费做一次抽查"
        );
        assert_eq!(
            without_done_objects("把已签约的客户名单发给我"),
            "把签约的客户名单发给我"
        );
        assert_eq!(
            without_done_objects("方案已完成，对客户做回访"),
            "方案已完成，对客户做回访"
        );
        assert_eq!(without_done_objects("对接已完成"), "对接已完成");
    }
}
