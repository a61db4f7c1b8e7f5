//! Turning what a user does in the page into what Feishu would push (pure apart from the
//! cipher's random IV): `im.message.receive_v1` with `@_user_N` placeholders and a `mentions`
//! array, `card.action.trigger` for clicks, and the seal (AES-256-CBC + SHA-256 signature).

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::seed::{APP_ID, TENANT_KEY, VERIFICATION_TOKEN};
use crate::config::GroupMessages;
use crate::feishu::crypto::EventCipher;
use crate::feishu::signature::event_signature;

/// Someone a message mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// `ou_…`.
    pub open_id: String,
    /// The name shown after `@`.
    pub name: String,
}

/// Replaces each `@name` of a picked person in `text` (left to right, longest name first) by
/// `@_user_N`, numbering the mentions in order of appearance as Feishu does; every occurrence
/// gets its own key. `@` followed by no picked name stays plain text, as in Feishu.
pub fn encode_mentions(text: &str, picked: &[Mention]) -> (String, Vec<Mention>) {
    let mut by_len: Vec<&Mention> = picked.iter().filter(|m| !m.name.is_empty()).collect();
    by_len.sort_by_key(|m| std::cmp::Reverse(m.name.chars().count()));
    let mut out = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find('@') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        match by_len.iter().find(|m| after.starts_with(m.name.as_str())) {
            Some(m) => {
                found.push((*m).clone());
                out.push_str(&format!("@_user_{}", found.len()));
                rest = &after[m.name.len()..];
            }
            None => {
                out.push('@');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, found)
}

/// Whether Feishu would push this message to the app, given the permission that decides group
/// delivery: 1:1 messages always; group messages that @ the bot always; other group messages only
/// with [`GroupMessages::All`] (`im:message.group_msg`).
pub fn is_delivered(chat_type: &str, scope: GroupMessages, mentions: &[Mention], bot_open_id: &str) -> bool {
    chat_type != "group" || scope == GroupMessages::All || mentions.iter().any(|m| m.open_id == bot_open_id)
}

/// The page's note on a group message Feishu would not deliver under the default permission.
pub const NOT_DELIVERED_HINT: &str = "未投递给机器人：应用只有“接收群聊中@机器人消息”权限（im:message.group_at_msg:readonly），\
     群里不 @督办 的消息飞书不会推送。请 @督办 后输入指令（如 @督办 /督办 帮助），\
     或在左栏打开“获取群组中所有消息”（im:message.group_msg，需企业管理员审批）。";

/// What a message event needs besides its text.
#[derive(Debug, Clone)]
pub struct MessageMeta<'a> {
    /// `header.event_id`.
    pub event_id: &'a str,
    /// `om_…`, as registered in the fake.
    pub message_id: &'a str,
    /// `oc_…`.
    pub chat_id: &'a str,
    /// `group` or `p2p`.
    pub chat_type: &'a str,
    /// The sender's open_id.
    pub sender: &'a str,
    /// Milliseconds since the epoch (sandbox time).
    pub create_time_ms: i64,
}

/// An `im.message.receive_v1` plaintext (schema 2.0) for a text message whose `text` already
/// carries the `@_user_N` placeholders of `mentions`.
pub fn message_event(meta: &MessageMeta<'_>, text: &str, mentions: &[Mention]) -> Value {
    let mentions: Vec<Value> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            json!({
                "key": format!("@_user_{}", i + 1),
                "id": {"open_id": m.open_id, "union_id": union_id(&m.open_id), "user_id": null},
                "name": m.name,
                "tenant_key": TENANT_KEY,
            })
        })
        .collect();
    let t = meta.create_time_ms.to_string();
    json!({
        "schema": "2.0",
        "header": {
            "event_id": meta.event_id, "event_type": "im.message.receive_v1", "create_time": t,
            "token": VERIFICATION_TOKEN, "app_id": APP_ID, "tenant_key": TENANT_KEY,
        },
        "event": {
            "sender": {
                "sender_id": {"open_id": meta.sender, "union_id": union_id(meta.sender), "user_id": null},
                "sender_type": "user", "tenant_key": TENANT_KEY,
            },
            "message": {
                "message_id": meta.message_id, "create_time": t, "update_time": t,
                "chat_id": meta.chat_id, "chat_type": meta.chat_type, "message_type": "text",
                "content": json!({"text": text}).to_string(), "mentions": mentions,
            },
        },
    })
}

/// What a card click needs.
#[derive(Debug, Clone)]
pub struct ClickMeta<'a> {
    /// `header.event_id`.
    pub event_id: &'a str,
    /// Who clicked.
    pub operator: &'a str,
    /// The card message.
    pub message_id: &'a str,
    /// Its chat.
    pub chat_id: &'a str,
    /// Microseconds since the epoch (sandbox time).
    pub create_time_us: i64,
}

/// A `card.action.trigger` plaintext. `action` is what the component reports (`value`, `tag`,
/// `name`, `form_value`, `option`, …), passed through as the page built it.
pub fn card_action_event(meta: &ClickMeta<'_>, action: &Value) -> Value {
    let mut action = match action {
        Value::Object(o) => Value::Object(o.clone()),
        _ => json!({}),
    };
    if action.get("timezone").is_none()
        && matches!(
            action.get("tag").and_then(Value::as_str),
            Some("date_picker" | "picker_datetime" | "picker_time")
        )
    {
        action["timezone"] = json!("Asia/Shanghai");
    }
    json!({
        "schema": "2.0",
        "header": {
            "event_id": meta.event_id, "event_type": "card.action.trigger",
            "create_time": meta.create_time_us.to_string(),
            "token": VERIFICATION_TOKEN, "app_id": APP_ID, "tenant_key": TENANT_KEY,
        },
        "event": {
            "operator": {"tenant_key": TENANT_KEY, "open_id": meta.operator, "union_id": union_id(meta.operator)},
            "token": format!("c-{}", meta.event_id),
            "action": action,
            "host": "im_message",
            "context": {"open_message_id": meta.message_id, "open_chat_id": meta.chat_id},
        },
    })
}

/// A stable `on_…` union id for an open id (the emulator has one tenant and one app).
fn union_id(open_id: &str) -> String {
    format!("on_{}", open_id.trim_start_matches("ou_"))
}

/// A sealed push: the body `{"encrypt": …}` and the three `X-Lark-*` headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// The HTTP body.
    pub body: String,
    /// `(header, value)` pairs.
    pub headers: Vec<(String, String)>,
}

/// Encrypts `plaintext` with `cipher` and signs the body with `encrypt_key`, as Feishu does.
pub fn seal(
    cipher: &EventCipher,
    encrypt_key: &str,
    plaintext: &Value,
    timestamp_s: i64,
    nonce: &str,
) -> Sealed {
    let body = json!({ "encrypt": cipher.encrypt(plaintext.to_string().as_bytes()) }).to_string();
    let ts = timestamp_s.to_string();
    let sig = event_signature(&ts, nonce, encrypt_key, body.as_bytes());
    Sealed {
        body,
        headers: vec![
            ("x-lark-request-timestamp".to_owned(), ts),
            ("x-lark-request-nonce".to_owned(), nonce.to_owned()),
            ("x-lark-signature".to_owned(), sig),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feishu::event::{CardActionEvent, MessageEvent};
    use crate::feishu::signature::{SignedParts, verify_event};
    use proptest::prelude::*;

    #[test]
    fn group_messages_without_the_bot_are_delivered_only_under_the_all_messages_permission() {
        let bot = Mention {
            open_id: "ou_bot".to_owned(),
            name: "督办".to_owned(),
        };
        let li = Mention {
            open_id: "ou_li".to_owned(),
            name: "李四".to_owned(),
        };
        assert!(!is_delivered("group", GroupMessages::AtBot, &[], "ou_bot"));
        assert!(!is_delivered(
            "group",
            GroupMessages::AtBot,
            std::slice::from_ref(&li),
            "ou_bot"
        ));
        assert!(is_delivered("group", GroupMessages::AtBot, &[li, bot], "ou_bot"));
        assert!(is_delivered("group", GroupMessages::All, &[], "ou_bot"));
        assert!(is_delivered("p2p", GroupMessages::AtBot, &[], "ou_bot"));
    }

    fn m(open_id: &str, name: &str) -> Mention {
        Mention {
            open_id: open_id.to_owned(),
            name: name.to_owned(),
        }
    }

    #[test]
    fn picked_names_become_numbered_placeholders_in_order_of_appearance() {
        let picked = [m("ou_b", "李四"), m("ou_a", "张三")];
        let (text, ms) = encode_mentions("/督办 写报告 @张三 @李四 周五前", &picked);
        assert_eq!(text, "/督办 写报告 @_user_1 @_user_2 周五前");
        assert_eq!(ms, vec![m("ou_a", "张三"), m("ou_b", "李四")]);
    }

    #[test]
    fn an_unpicked_at_stays_text_and_the_longest_name_wins() {
        let picked = [m("ou_a", "张三"), m("ou_c", "张三丰")];
        let (text, ms) = encode_mentions("邮件 a@b.cn 给 @张三丰 和 @王五", &picked);
        assert_eq!(text, "邮件 a@b.cn 给 @_user_1 和 @王五");
        assert_eq!(ms, vec![m("ou_c", "张三丰")]);
    }

    #[test]
    fn a_person_mentioned_twice_gets_two_keys() {
        let (text, ms) = encode_mentions("@张三 和 @张三", &[m("ou_a", "张三")]);
        assert_eq!(text, "@_user_1 和 @_user_2");
        assert_eq!(ms.len(), 2);
    }

    #[test]
    fn the_message_event_reads_back_as_duban_reads_feishu_events() {
        let meta = MessageMeta {
            event_id: "ev1",
            message_id: "om_1",
            chat_id: "oc_g",
            chat_type: "group",
            sender: "ou_boss",
            create_time_ms: 1_773_194_400_000,
        };
        let ev = message_event(&meta, "/督办 写周报 @_user_1 周五前", &[m("ou_a", "张三")]);
        let msg = MessageEvent::from_event(&ev["event"]).unwrap();
        assert_eq!(msg.message_id, "om_1");
        assert_eq!(msg.chat_type, "group");
        assert_eq!(msg.sender_open_id, "ou_boss");
        assert_eq!(msg.text, "/督办 写周报 @_user_1 周五前");
        assert_eq!(msg.mentions[0].key, "@_user_1");
        assert_eq!(msg.mentions[0].open_id, "ou_a");
        assert_eq!(ev["header"]["token"], VERIFICATION_TOKEN);
        assert!(
            ev["event"]["message"]["content"].is_string(),
            "content is a JSON string"
        );
    }

    #[test]
    fn the_click_event_carries_operator_value_form_and_context() {
        let meta = ClickMeta {
            event_id: "ev2",
            operator: "ou_a",
            message_id: "om_card",
            chat_id: "oc_g",
            create_time_us: 1,
        };
        let action = json!({"tag": "button", "name": "progress_submit", "value": {"op": "progress", "item": 1},
                            "form_value": {"percent": "60", "note": "初稿"}});
        let ev = card_action_event(&meta, &action);
        let a = CardActionEvent::from_event(&ev["event"]).unwrap();
        assert_eq!(a.operator_open_id, "ou_a");
        assert_eq!(a.open_message_id, "om_card");
        assert_eq!(a.open_chat_id.as_deref(), Some("oc_g"));
        assert_eq!(a.value, json!({"op": "progress", "item": 1}));
        assert_eq!(a.form_value.unwrap()["percent"], "60");
        let picker = card_action_event(
            &meta,
            &json!({"tag": "date_picker", "option": "2026-03-20 +0800"}),
        );
        assert_eq!(picker["event"]["action"]["timezone"], "Asia/Shanghai");
    }

    #[test]
    fn a_sealed_event_verifies_and_decrypts_to_the_plaintext() {
        let cipher = EventCipher::new("k");
        let plain = json!({"schema": "2.0", "x": "督办"});
        let s = seal(&cipher, "k", &plain, 1_700_000_000, "nonce1");
        let h = |n: &str| {
            s.headers
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.as_str())
                .unwrap()
        };
        let parts = SignedParts {
            timestamp: h("x-lark-request-timestamp"),
            nonce: h("x-lark-request-nonce"),
            signature: h("x-lark-signature"),
        };
        assert!(verify_event(parts, "k", s.body.as_bytes()));
        assert!(!verify_event(parts, "other", s.body.as_bytes()));
        let outer: Value = serde_json::from_str(&s.body).unwrap();
        let back = cipher.decrypt(outer["encrypt"].as_str().unwrap()).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&back).unwrap(), plain);
    }

    proptest! {
        #[test]
        fn encoding_mentions_never_panics_and_keeps_unmentioned_text(text in "\\PC{0,60}", name in "[张三李四@]{1,3}") {
            let (out, ms) = encode_mentions(&text, &[m("ou_a", &name)]);
            prop_assert!(ms.len() <= text.matches('@').count());
            if ms.is_empty() { prop_assert_eq!(out, text); }
        }
    }
}
