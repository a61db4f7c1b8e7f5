//! Tests of `feishu/event/mod.rs`.

use super::*;
use serde_json::json;

#[test]
fn the_typed_head_reads_what_classify_reads_or_defers_to_it() {
    let bodies = [
        json!({"schema":"2.0","header":{"event_id":"e1","event_type":"im.message.receive_v1","token":"v","tenant_key":"t"},
            "event":{"message":{"message_id":"om_1","content":"{\"text\":\"hi\"}"}}}),
        json!({"schema":"2.0","header":{"event_id":"e\"2一","event_type":"im.chat.member.bot.added_v1","token":"v"},"event":{}}),
        json!({"schema":"2.0","header":{"event_id":"e3","event_type":"x"},"event":{"message":{"chat_id":"oc"}}}),
        json!({"schema":"2.0","header":{"event_id":"e4","event_type":"x"}}),
        json!({"schema":"2.0","header":{"event_id":"","event_type":"x"},"event":{}}),
        json!({"schema":"","header":{"event_id":"e5","event_type":"x"},"event":{}}),
        json!({"schema":"2.0","event":{}}),
        json!({"schema":"2.0","header":{"event_id":"e6"},"event":{}}),
        json!({"schema":"2.0","header":{"event_id":"e7","event_type":"x"},"event":"not an object"}),
        json!({"schema":"2.0","header":{"event_id":"e8","event_type":"x"},"event":{"message":{"message_id":7}}}),
        json!({"uuid":"u1","token":"v","event":{"type":"message","tenant_key":"t"}}),
        json!({"type":"url_verification","challenge":"c","token":"v"}),
        json!([1, 2]),
        json!("text"),
    ];
    for body in bodies {
        let raw = body.to_string();
        let classified = match classify(raw.as_bytes()) {
            Ok(Inbound::Event(env)) if env.schema == Schema::V2 => Some(Head::of(&env)),
            _ => None,
        };
        match peek_v2(raw.as_bytes()) {
            // Whatever the typed parse accepts, it reads exactly as the full one.
            Some(head) => assert_eq!(Some(head), classified, "{raw}"),
            // Whatever it declines goes through `classify`, which alone judges it.
            None => assert!(
                classified.is_none()
                    || body["event"].is_string()
                    || body["event"]["message"]["message_id"].is_number(),
                "{raw}"
            ),
        }
    }
}

#[test]
fn a_v2_message_event_is_read_with_mentions() {
    let body = json!({"schema":"2.0","header":{"event_id":"e1","event_type":"im.message.receive_v1","token":"v","tenant_key":"t","app_id":"cli_x","create_time":"1608725989000"},
        "event":{"sender":{"sender_id":{"open_id":"ou_a"},"sender_type":"user"},
          "message":{"message_id":"om_1","chat_id":"oc_1","chat_type":"group","message_type":"text",
            "content":"{\"text\":\"@_user_1 /督办 帮助\"}","mentions":[{"key":"@_user_1","id":{"open_id":"ou_bot"},"name":"督办"}]}}});
    let Inbound::Event(env) = classify(body.to_string().as_bytes()).unwrap() else {
        panic!()
    };
    assert_eq!(env.schema, Schema::V2);
    assert_eq!(env.event_type, "im.message.receive_v1");
    assert_eq!(env.token.as_deref(), Some("v"));
    let m = MessageEvent::from_event(&env.event).unwrap();
    assert_eq!(m.text, "@_user_1 /督办 帮助");
    assert_eq!(m.mentions[0].open_id, "ou_bot");
    assert_eq!(m.sender_open_id, "ou_a");
}

#[test]
fn a_v1_envelope_and_a_challenge_are_classified() {
    let v1 = json!({"ts":"1502199207.7171419","uuid":"u1","token":"v","type":"event_callback","event":{"type":"p2p_chat_create"}});
    let Inbound::Event(env) = classify(v1.to_string().as_bytes()).unwrap() else {
        panic!()
    };
    assert_eq!(
        (env.schema, env.event_id.as_str(), env.event_type.as_str()),
        (Schema::V1, "u1", "p2p_chat_create")
    );
    let ch = json!({"challenge":"abc","token":"v","type":"url_verification"});
    assert_eq!(
        classify(ch.to_string().as_bytes()).unwrap(),
        Inbound::Challenge {
            challenge: "abc".into(),
            token: Some("v".into())
        }
    );
    assert_eq!(classify(b"[1]"), Err(EventError::Json));
    assert_eq!(classify(b"{\"a\":1}"), Err(EventError::Shape));
    assert_eq!(classify(b"not json"), Err(EventError::Json));
}

#[test]
fn a_card_action_trigger_is_read() {
    let ev = json!({"operator":{"open_id":"ou_z"},"token":"c-1","action":{"value":{"op":"ack","item":3},"tag":"button","form_value":{"note":"x"}},
        "host":"im_message","context":{"open_message_id":"om_c","open_chat_id":"oc_1"}});
    let a = CardActionEvent::from_event(&ev).unwrap();
    assert_eq!(a.operator_open_id, "ou_z");
    assert_eq!(a.open_message_id, "om_c");
    assert_eq!(a.value["op"], "ack");
    assert_eq!(a.form_value.unwrap()["note"], "x");
}

#[test]
fn bot_added_and_removed_events_are_read() {
    let ev = json!({"chat_id":"oc_9","operator_id":{"open_id":"ou_admin","union_id":"on_a","user_id":"u1"},
        "external":false,"operator_tenant_key":"tk","name":"合规部督办群","i18n_names":{"zh_cn":"合规部督办群"}});
    let a = BotMembershipEvent::from_event(BOT_ADDED, &ev).unwrap();
    assert_eq!(a.change, Membership::Added);
    assert_eq!(
        (a.chat_id.as_str(), a.operator_open_id.as_str()),
        ("oc_9", "ou_admin")
    );
    assert_eq!(a.chat_name.as_deref(), Some("合规部督办群"));
    let r = BotMembershipEvent::from_event(BOT_REMOVED, &json!({"chat_id":"oc_9"})).unwrap();
    assert_eq!((r.change, r.operator_open_id.as_str()), (Membership::Removed, ""));
    assert!(BotMembershipEvent::from_event(BOT_ADDED, &json!({"operator_id":{}})).is_none());
    let d = BotMembershipEvent::from_event(
        CHAT_DISBANDED,
        &json!({"chat_id":"oc_9","operator_id":{"open_id":"ou_o"}}),
    );
    assert_eq!(d.unwrap().change, Membership::Removed);
    assert!(BotMembershipEvent::from_event("im.message.receive_v1", &ev).is_none());
}

#[test]
fn post_messages_yield_their_text_with_placeholders() {
    let c = json!({"title":"","content":[[{"tag":"at","user_id":"@_user_1"},{"tag":"text","text":" /督办 写报告"}],[{"tag":"text","text":"第二行"}]]});
    assert_eq!(post_text(&c), "@_user_1 /督办 写报告\n第二行");
}
