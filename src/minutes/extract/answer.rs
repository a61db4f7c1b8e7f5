//! Answers in a question-and-answer record (pure): `答（某某）：话术我来写，2月13日前发。` — the
//! person in the brackets is the one speaking; their `我` is them, and they are no owner of work
//! they hand to someone else (`答（某某）：某某负责…`).

/// `答（某某）：…` → (`某某`, `…`): the answerer and what they said.
pub(super) fn answer_label(body: &str) -> Option<(&str, &str)> {
    let rest = ["答", "回答", "回复", "A"]
        .iter()
        .find_map(|w| body.strip_prefix(w))?
        .trim_start();
    let inner = rest.strip_prefix(['（', '('])?;
    let (who, said) = inner.split_once(['）', ')'])?;
    let said = said.trim_start().strip_prefix(['：', ':'])?.trim_start();
    let who = who.trim();
    ((2..=4).contains(&who.chars().count()) && !said.is_empty()).then_some((who, said))
}

#[cfg(test)]
mod tests {
    use super::answer_label;

    #[test]
    fn an_answer_names_its_speaker() {
        assert_eq!(
            answer_label("答（齐悦）：话术我来写。"),
            Some(("齐悦", "话术我来写。"))
        );
        assert_eq!(answer_label("答：不接受。"), None);
        assert_eq!(answer_label("答复函（草稿）：见附件"), None);
    }
}
