//! A real [`Service`] for the service's own unit tests: sled in a temporary directory, the
//! default settings (tweakable), a virtual clock at a Wednesday morning, and a Feishu client
//! pointed at a closed port — the flows tested here make no network call.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::Arc;

use secrecy::SecretString;
use tokio::sync::Notify;

use super::Service;
use crate::clock::VirtualClock;
use crate::config::{self, Settings};
use crate::domain::ids::{ChatId, OpenId, Person};
use crate::domain::supervision::{Item, NewItem};
use crate::feishu::{ClientConfig, FeishuClient};
use crate::outbox_record::OutboxRecord;
use crate::store::outbox::Changes;

/// The group most tests act in.
pub(super) const GROUP: &str = "oc_group";

/// A service and what keeps it alive.
pub(super) struct Kit {
    pub(super) svc: Service,
    _dir: tempfile::TempDir,
}

/// 2026-03-11 (a Wednesday), 10:00 in Shanghai.
pub(super) fn now() -> jiff::Timestamp {
    "2026-03-11T10:00:00+08:00".parse().unwrap()
}

/// A service with the default settings.
pub(super) fn kit() -> Kit {
    kit_with(|_| {})
}

/// A service with `tweak` applied to the default settings.
pub(super) fn kit_with(tweak: impl FnOnce(&mut Settings)) -> Kit {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env: HashMap<String, String> = [
        ("DUBAN_DATA_DIR", data.to_str().unwrap()),
        ("FEISHU_BASE_URL", "http://127.0.0.1:9"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let mut settings = config::load(None, &env).unwrap();
    tweak(&mut settings);
    let store = crate::store::testing::open_for_test(&data).unwrap();
    let client = FeishuClient::new(ClientConfig::new(
        "http://127.0.0.1:9",
        "cli_test",
        SecretString::from("secret".to_owned()),
    ))
    .unwrap();
    let svc = Service::new(
        store,
        client,
        Arc::new(VirtualClock::new(now())),
        &settings,
        Arc::new(Notify::new()),
        Arc::new(Notify::new()),
    );
    Kit { svc, _dir: dir }
}

/// A person.
pub(super) fn person(open_id: &str, name: &str) -> Person {
    Person {
        open_id: OpenId(open_id.to_owned()),
        name: name.to_owned(),
    }
}

/// A new item in [`GROUP`], created by `creator` for `owner`, due in three days; committed.
pub(super) fn item(svc: &Service, creator: &Person, owner: &Person) -> Item {
    let new = NewItem {
        title: "报送季度数据".to_owned(),
        chat_id: ChatId(GROUP.to_owned()),
        creator: creator.clone(),
        owner: owner.clone(),
        assistants: Vec::new(),
        deadline: now().checked_add(jiff::SignedDuration::from_hours(72)).unwrap(),
        deadline_has_time: true,
        priority: Default::default(),
        tags: Vec::new(),
        resources: None,
        scenario: None,
        description: None,
        source_message: None,
    };
    let mut ch = Changes::new();
    let it = super::items::record_new(svc, &mut ch, new, crate::domain::audit::Source::System, None).unwrap();
    svc.store.commit(&ch).unwrap();
    it
}

/// Everything in the outbox, oldest first.
pub(super) fn outbox(svc: &Service) -> Vec<OutboxRecord> {
    svc.store
        .outbox_all()
        .unwrap()
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}
