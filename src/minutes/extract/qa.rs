//! Minutes written as questions and answers (pure): `问：新员工什么时候能开通交易系统权限？`
//! then `答：由运营部杭丽在报到后三个工作日内开通。` — the answer gives the work, the question
//! names it.

/// Question words that ask when, how or who, not what the work is.
const ASKING: &[&str] = &[
    "什么时候",
    "什么时间",
    "何时",
    "能不能",
    "能否",
    "可不可以",
    "怎么办",
    "怎么",
    "如何",
    "多久",
    "在哪里",
    "哪里",
    "谁来",
    "谁",
    "吗",
    "呢",
    "？",
    "?",
];

/// The answer `body` (`答：…`) with the work its question (`问：…`, the line before) names
/// before it: `新员工开通交易系统权限：由运营部杭丽…开通`.
pub(super) fn answer_with_question(body: &str, question: Option<&str>) -> Option<String> {
    let answer = body
        .strip_prefix("答：")
        .or_else(|| body.strip_prefix("答:"))?
        .trim();
    let q = question?.trim();
    let q = q.strip_prefix("问：").or_else(|| q.strip_prefix("问:"))?;
    let topic = ASKING
        .iter()
        .fold(q.to_owned(), |t, w| t.replace(w, ""))
        .trim()
        .trim_end_matches(['能', '要', '会'])
        .to_owned();
    (!topic.is_empty() && !answer.is_empty()).then(|| format!("{topic}：{answer}"))
}

/// `问题1：…请说明业务稳定性。` over `回复：某某负责，…`: a question whose answer is the next line
/// asks for the work the answer gives; the answer is the item, the question is not.
pub(super) fn question_answered_below(body: &str, next_line: Option<&str>) -> bool {
    let labelled = |s: &str, labels: &[&str]| {
        labels.iter().any(|l| {
            s.strip_prefix(l).is_some_and(|r| {
                let r =
                    r.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
                r.starts_with(['：', ':'])
            })
        })
    };
    labelled(body.trim(), &["问题", "问", "提问", "Q"])
        && next_line.is_some_and(|n| labelled(n.trim(), &["回复", "答复", "回答", "答", "A"]))
}
