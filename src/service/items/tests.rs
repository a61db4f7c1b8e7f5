#![allow(clippy::unwrap_used)]

use serde_json::json;

use super::act::{Refused, act};
use crate::domain::audit::Source;
use crate::domain::ids::{ChatId, ItemId, MessageId};
use crate::domain::status::Status;
use crate::domain::supervision::Action;
use crate::feishu::event::{CardActionEvent, MessageEvent};
use crate::outbox_record::Intent;
use crate::service::origin::Origin;
use crate::service::testkit::{GROUP, item, kit, outbox, person};
use crate::store::outbox::Changes;

fn message(chat: &str, chat_type: &str, sender: &str) -> MessageEvent {
    MessageEvent {
        message_id: "om_cmd".to_owned(),
        chat_id: chat.to_owned(),
        chat_type: chat_type.to_owned(),
        message_type: "text".to_owned(),
        text: String::new(),
        mentions: Vec::new(),
        sender_open_id: sender.to_owned(),
        parent_id: None,
        root_id: None,
        create_time_ms: None,
    }
}

fn click(chat: Option<&str>) -> CardActionEvent {
    CardActionEvent {
        operator_open_id: "ou_li".to_owned(),
        open_message_id: "om_card".to_owned(),
        open_chat_id: chat.map(str::to_owned),
        value: json!({}),
        form_value: None,
        tag: None,
        option: None,
        input_value: None,
    }
}

#[test]
fn a_refused_action_writes_nothing_at_all() {
    let k = kit();
    let (zhang, li, wang) = (
        person("ou_zhang", "张三"),
        person("ou_li", "李四"),
        person("ou_wang", "王五"),
    );
    let it = item(&k.svc, &zhang, &li);
    let before = outbox(&k.svc).len();
    // 王五 is not the owner: the domain refuses, naming who may.
    let o = Origin::message(&message(GROUP, "group", "ou_wang"), wang);
    let mut ch = Changes::new();
    let got = act(&k.svc, &mut ch, &o, it.id, Action::Acknowledge).unwrap();
    assert!(
        matches!(&got, Err(Refused::Denied(text)) if text.contains("李四")),
        "{got:?}"
    );
    assert!(ch.is_empty(), "a refusal stages no write");
    assert_eq!(k.svc.store.get_item(it.id).unwrap().unwrap(), it);
    assert_eq!(outbox(&k.svc).len(), before);
}

#[test]
fn an_item_of_another_group_or_not_ones_own_in_1_1_is_not_found_and_untouched() {
    let k = kit();
    let (zhang, li) = (person("ou_zhang", "张三"), person("ou_li", "李四"));
    let it = item(&k.svc, &zhang, &li);
    let elsewhere = Origin::message(&message("oc_other", "group", "ou_li"), li.clone());
    let mut ch = Changes::new();
    let got = act(&k.svc, &mut ch, &elsewhere, it.id, Action::Accept).unwrap();
    assert!(matches!(got, Err(Refused::NotFound(id)) if id == it.id));
    let stranger = Origin::message(&message("oc_p2p", "p2p", "ou_x"), person("ou_x", "赵六"));
    let got = act(&k.svc, &mut ch, &stranger, it.id, Action::Accept).unwrap();
    assert!(matches!(got, Err(Refused::NotFound(_))));
    let missing = act(&k.svc, &mut ch, &elsewhere, ItemId(999), Action::Accept).unwrap();
    assert_eq!(missing.unwrap_err(), Refused::NotFound(ItemId(999)));
    assert!(ch.is_empty());
    // The owner in a 1:1 chat does find it.
    let own = Origin::message(&message("oc_p2p", "p2p", "ou_li"), li);
    assert!(
        act(&k.svc, &mut ch, &own, it.id, Action::Acknowledge)
            .unwrap()
            .is_ok()
    );
}

#[test]
fn a_command_and_a_click_go_the_same_way_and_differ_only_in_their_source() {
    for (o, source) in [
        (
            Origin::message(&message(GROUP, "group", "ou_li"), person("ou_li", "李四")),
            Source::Message(MessageId("om_cmd".to_owned())),
        ),
        (
            // A click from a card forwarded elsewhere still acts on the card's item.
            Origin::click(&click(Some("oc_other")), person("ou_li", "李四")),
            Source::Card(MessageId("om_card".to_owned())),
        ),
    ] {
        let k = kit();
        let it = item(&k.svc, &person("ou_zhang", "张三"), &person("ou_li", ""));
        let mut ch = Changes::new();
        let done = act(&k.svc, &mut ch, &o, it.id, Action::Acknowledge)
            .unwrap()
            .unwrap();
        k.svc.store.commit(&ch).unwrap();
        assert_eq!(done.before, it);
        assert_eq!(done.after.status, Status::InProgress);
        // The clicker's name comes from the origin when the item does not know it.
        assert_eq!(done.actor, person("ou_li", "李四"));
        let stored = k.svc.store.get_item(it.id).unwrap().unwrap();
        assert_eq!(stored, done.after);
        let audit = k.svc.store.audit_of(it.id).unwrap();
        assert_eq!(audit.last().unwrap().source, source);
        // The live card is refreshed through the outbox, in the item's own group.
        let refresh = outbox(&k.svc)
            .into_iter()
            .find(|r| matches!(r.intent, Intent::RefreshItemCard { item } if item == it.id.0));
        assert_eq!(refresh.unwrap().chat.as_deref(), Some(GROUP));
        // The next reminder moved with the write.
        assert!(k.svc.store.nudge_record(it.id).unwrap().due_ms.is_some());
        assert_eq!(stored.chat_id, ChatId(GROUP.to_owned()));
    }
}
