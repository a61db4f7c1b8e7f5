//! Small replies (pure): the error card and callback toasts.

use serde_json::{Value, json};

use crate::card::fmt::{card, header, markdown, md_text, truncate};

/// The kind of a toast shown after a card interaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    /// Green tick.
    Success,
    /// Neutral.
    Info,
    /// Yellow.
    Warning,
    /// Red.
    Error,
}

impl ToastKind {
    /// The wire name: `success`, `info`, `warning`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// A callback response toast: `{"type":"success","content":"…"}`.
pub fn toast(kind: ToastKind, text: &str) -> Value {
    json!({ "type": kind.as_str(), "content": truncate(text, 200) })
}

/// The answer to a card click: a toast only.
pub fn answer(kind: ToastKind, text: &str) -> Value {
    json!({ "toast": toast(kind, text) })
}

/// The answer to a card click: a toast, and the clicked card redrawn as `card`.
pub fn answer_with_card(kind: ToastKind, text: &str, card: Value) -> Value {
    json!({ "toast": toast(kind, text), "card": { "type": "raw", "data": card } })
}

/// A card explaining what went wrong, with an optional correct example.
pub fn error_card(title: &str, message: &str, example: Option<&str>) -> Value {
    let mut elements = vec![markdown(&md_text(message, 1000))];
    if let Some(ex) = example {
        let ex = truncate(ex, 500).replace("```", "'''");
        elements.push(markdown(&format!("正确示例：\n```\n{ex}\n```")));
    }
    card(header(&truncate(title, 60), "orange", None, &[]), elements, title)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::card::fmt::within_limits;

    #[test]
    fn a_toast_has_a_type_and_content() {
        assert_eq!(
            toast(ToastKind::Success, "已签收"),
            json!({"type": "success", "content": "已签收"})
        );
        assert_eq!(toast(ToastKind::Error, "x")["type"], json!("error"));
        assert_eq!(toast(ToastKind::Warning, "x")["type"], json!("warning"));
        assert_eq!(toast(ToastKind::Info, "x")["type"], json!("info"));
    }

    #[test]
    fn snapshot_of_the_error_card() {
        let c = error_card(
            "没有看懂截止时间",
            "“改天”不是一个明确的时间，请写明日期或时间。",
            Some("/督办 完成三季度合规自查报告 @张三 下周五前 P1"),
        );
        assert!(within_limits(&c));
        insta::assert_json_snapshot!("error_card", c);
    }

    #[test]
    fn an_error_card_without_example_has_only_the_message() {
        let c = error_card("出错了", "请稍后再试", None);
        assert_eq!(c["body"]["elements"].as_array().unwrap().len(), 1);
    }
}
