//! The fake's content rules (§8.2, §9.4): `content` must be a JSON *string* whose JSON fits
//! the `msg_type`, within the size caps. Pure.

use serde_json::Value;

/// Text bodies up to 150 KB.
pub(crate) const TEXT_LIMIT: usize = 150 * 1024;
/// Cards and posts up to 30 KB.
pub(crate) const CARD_LIMIT: usize = 30 * 1024;

/// Why the fake refuses a request: a business code and Feishu-style message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) code: i64,
    pub(crate) msg: &'static str,
}

const fn refuse(code: i64, msg: &'static str) -> Refusal {
    Refusal { code, msg }
}

/// Checks the `content` field of a send, reply or patch and returns it parsed.
pub(crate) fn check(msg_type: &str, content: Option<&Value>) -> Result<Value, Refusal> {
    let Some(Value::String(text)) = content else {
        return Err(refuse(
            230001,
            "invalid message content: content must be a string of JSON",
        ));
    };
    let limit = if msg_type == "text" {
        TEXT_LIMIT
    } else {
        CARD_LIMIT
    };
    if text.len() > limit {
        return Err(refuse(230025, "The message content exceeds the length limit."));
    }
    let Ok(parsed) = serde_json::from_str::<Value>(text) else {
        return Err(refuse(
            230001,
            "invalid message content: content is not valid JSON",
        ));
    };
    let ok = match msg_type {
        "text" => parsed.get("text").is_some_and(Value::is_string),
        "post" => valid_post(&parsed),
        "interactive" => valid_card(&parsed),
        "image" => parsed.get("image_key").is_some_and(Value::is_string),
        "file" | "audio" | "media" | "sticker" => parsed.get("file_key").is_some_and(Value::is_string),
        "share_chat" => parsed.get("chat_id").is_some_and(Value::is_string),
        "share_user" => parsed.get("user_id").is_some_and(Value::is_string),
        _ => return Err(refuse(230001, "invalid msg_type")),
    };
    if ok {
        Ok(parsed)
    } else {
        Err(refuse(230001, "invalid message content for msg_type"))
    }
}

/// im/v1 posts are `{"zh_cn": {"title", "content": [[…]]}}`: no outer `post` wrapper.
fn valid_post(v: &Value) -> bool {
    let Some(obj) = v.as_object() else { return false };
    !obj.contains_key("post")
        && !obj.is_empty()
        && obj
            .values()
            .all(|locale| locale.get("content").is_some_and(Value::is_array))
}

/// A card (1.0 or 2.0), a template reference or a CardKit card reference.
fn valid_card(v: &Value) -> bool {
    let Some(obj) = v.as_object() else { return false };
    match obj.get("type").and_then(Value::as_str) {
        Some("template") => v.pointer("/data/template_id").is_some_and(Value::is_string),
        Some("card") => v.pointer("/data/card_id").is_some_and(Value::is_string),
        _ => match obj.get("schema") {
            None => true,
            Some(s) => s.as_str() == Some("2.0"),
        },
    }
}

/// A shared card can be PATCHed: `config.update_multi: true`, or any JSON 2.0 card.
pub(crate) fn is_shared_card(card: &Value) -> bool {
    card.pointer("/config/update_multi").and_then(Value::as_bool) == Some(true)
        || card.get("schema").and_then(Value::as_str) == Some("2.0")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests {
    use serde_json::json;

    use super::*;

    fn s(v: Value) -> Value {
        Value::String(v.to_string())
    }

    #[test]
    fn an_object_instead_of_a_string_is_refused() {
        let e = check("text", Some(&json!({"text": "hi"}))).unwrap_err();
        assert_eq!(e.code, 230001);
    }

    #[test]
    fn bad_json_inside_the_string_is_refused() {
        let e = check("text", Some(&Value::String("{text:".to_owned()))).unwrap_err();
        assert_eq!(e.code, 230001);
    }

    #[test]
    fn text_without_a_text_field_is_refused() {
        assert_eq!(
            check("text", Some(&s(json!({"txt": "x"})))).unwrap_err().code,
            230001
        );
        assert_eq!(
            check("text", Some(&s(json!({"text": "x"})))).unwrap(),
            json!({"text": "x"})
        );
    }

    #[test]
    fn a_post_wrapped_in_post_is_refused_and_a_bare_one_accepted() {
        let inner = json!({"zh_cn": {"title": "t", "content": [[{"tag": "text", "text": "x"}]]}});
        assert_eq!(
            check("post", Some(&s(json!({ "post": &inner }))))
                .unwrap_err()
                .code,
            230001
        );
        assert!(check("post", Some(&s(inner))).is_ok());
    }

    #[test]
    fn oversized_cards_and_texts_hit_230025_at_their_own_caps() {
        let big_card = json!({"elements": [{"tag": "markdown", "content": "x".repeat(CARD_LIMIT)}]});
        assert_eq!(check("interactive", Some(&s(big_card))).unwrap_err().code, 230025);
        let mid_text = json!({"text": "x".repeat(CARD_LIMIT * 2)});
        assert!(
            check("text", Some(&s(mid_text))).is_ok(),
            "text may be larger than a card"
        );
        let big_text = json!({"text": "x".repeat(TEXT_LIMIT)});
        assert_eq!(check("text", Some(&s(big_text))).unwrap_err().code, 230025);
    }

    #[test]
    fn cards_of_both_schemas_and_templates_are_accepted() {
        assert!(check("interactive", Some(&s(json!({"config": {}, "elements": []})))).is_ok());
        assert!(
            check(
                "interactive",
                Some(&s(json!({"schema": "2.0", "body": {"elements": []}})))
            )
            .is_ok()
        );
        let tpl = json!({"type": "template", "data": {"template_id": "ctp_1"}});
        assert!(check("interactive", Some(&s(tpl))).is_ok());
        assert_eq!(
            check("interactive", Some(&s(json!("just text"))))
                .unwrap_err()
                .code,
            230001
        );
        assert_eq!(check("nonsense", Some(&s(json!({})))).unwrap_err().code, 230001);
    }

    #[test]
    fn only_update_multi_or_schema_two_cards_are_shared() {
        assert!(is_shared_card(&json!({"config": {"update_multi": true}})));
        assert!(is_shared_card(&json!({"schema": "2.0"})));
        assert!(!is_shared_card(&json!({"config": {"update_multi": false}})));
        assert!(!is_shared_card(&json!({"elements": []})));
    }
}
