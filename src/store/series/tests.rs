use std::collections::BTreeMap;

use jiff::civil::date;

use super::*;
use crate::domain::cadence::Cadence;
use crate::domain::ids::{OpenId, Person};
use crate::domain::series::SeriesStatus;

fn series(id: u64) -> Series {
    Series {
        id: SeriesId(id),
        chat_id: ChatId("oc_g".to_owned()),
        name: "周例会".to_owned(),
        cadence: Cadence::parse("每周一 9:30").unwrap(),
        anchor: date(2026, 9, 14),
        attendees: Vec::new(),
        agenda: Some("https://x.feishu.cn/docx/A".to_owned()),
        board: None,
        created_by: Person {
            open_id: OpenId("ou_a".to_owned()),
            name: "甲".to_owned(),
        },
        created_at: "2026-09-14T10:00:00+08:00".parse().unwrap(),
        status: SeriesStatus::Active,
        moved: BTreeMap::from([(date(2026, 10, 12), "2026-10-13T06:00:00Z".parse().unwrap())]),
        notice: None,
    }
}

#[test]
fn a_series_round_trips_with_its_counter_cards_and_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::testing::open_for_test(dir.path()).unwrap();
    let mut ch = Changes::new();
    assert_eq!(ch.next_series_id(&store).unwrap(), SeriesId(1));
    let s = series(1);
    ch.put_new_series(&store, &s).unwrap();
    ch.attach_minutes(&store, MeetingId(4), s.id, date(2026, 9, 28))
        .unwrap();
    store.commit(&ch).unwrap();
    assert_eq!(store.get_series(SeriesId(1)).unwrap(), Some(s.clone()));
    assert_eq!(Changes::new().next_series_id(&store).unwrap(), SeriesId(2));
    assert_eq!(store.series_in_chat(&ChatId("oc_g".to_owned())).unwrap().len(), 1);
    assert!(
        store
            .series_in_chat(&ChatId("oc_h".to_owned()))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.series_of_meeting(MeetingId(4)).unwrap(),
        Some((SeriesId(1), date(2026, 9, 28)))
    );
    assert_eq!(
        store
            .minutes_of_occurrence(SeriesId(1), date(2026, 9, 28))
            .unwrap(),
        vec![MeetingId(4)]
    );
    assert!(
        store
            .minutes_of_occurrence(SeriesId(1), date(2026, 10, 8))
            .unwrap()
            .is_empty()
    );
    store
        .set_series_card(SeriesId(1), date(2026, 10, 8), "om_c")
        .unwrap();
    assert_eq!(
        store
            .series_card(SeriesId(1), date(2026, 10, 8))
            .unwrap()
            .as_deref(),
        Some("om_c")
    );
}
