//! The firm's 晾晒 at scale: 67 units, 100,000 items of mixed states and deadlines spread
//! over the past year, in a real sled store. Times building the org board (reading through
//! the per-unit indexes, ranking, and rendering the card) and the per-unit statistics of the
//! quarter, and — side by side, in the same run — the same org board built from a full scan
//! of every item, as a ratio.
//!
//! Run: `cargo bench --bench org_board` (optional env: BENCH_ITEMS=100000, BENCH_UNITS=67,
//! BENCH_RUNS=21).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::collections::HashMap;
use std::time::Instant;

use duban::calendar::Calendar;
use duban::domain::board::Period;
use duban::domain::ids::{ChatId, ItemId, OpenId, Person};
use duban::domain::status::Status;
use duban::domain::supervision::{Item, NewItem};
use duban::domain::unit::ranking::{UnitItems, fingerprint, org_board};
use duban::domain::unit::{UnitDecl, UnitRegistry};
use duban::service::{open_batch_lines, org_board_view, unit_stats_view};
use duban::store::Store;
use duban::store::outbox::Changes;

/// The same allocator as the `duban` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DAY_MS: i64 = 24 * 3600 * 1000;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn person(i: u64) -> Person {
    Person {
        open_id: OpenId(format!("ou_bench_{:04}", i % 800)),
        name: format!("员工{}", i % 800),
    }
}

fn at(t: jiff::Timestamp, ms: i64) -> jiff::Timestamp {
    t.checked_add(jiff::SignedDuration::from_millis(ms)).unwrap()
}

/// A deterministic spread (no RNG crate needed): a multiplicative hash of `i` and `salt`.
fn spread(i: u64, salt: u64, m: u64) -> u64 {
    (i.wrapping_add(salt).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 17) % m
}

/// Item `i` of unit chat `chat`: created within the past year; 88% closed (most on time,
/// some late, some cancelled), the rest open (some overdue, some due this week, most later).
fn item(i: u64, chat: &str, now: jiff::Timestamp) -> Item {
    let created = at(
        now,
        -i64::try_from(spread(i, 1, 365 * 24)).unwrap() * 3_600_000 - 3_600_000,
    );
    let lead = i64::try_from(1 + spread(i, 2, 30)).unwrap() * DAY_MS;
    let mut it = Item::create(
        ItemId(i),
        NewItem::new(
            format!("第{i}项督办事项：落实营业部月度考核指标"),
            ChatId(chat.to_owned()),
            person(i + 7),
            person(i),
            at(created, lead),
        ),
        created,
    );
    let roll = spread(i, 3, 100);
    if roll < 88 {
        // Closed: on time (70%), a few days late, or cancelled; never after `now`.
        let when = match roll {
            0..70 => at(it.deadline, -i64::try_from(spread(i, 4, 48)).unwrap() * 3_600_000),
            70..82 => at(it.deadline, i64::try_from(1 + spread(i, 5, 6)).unwrap() * DAY_MS),
            _ => at(created, DAY_MS),
        };
        let when = when.min(now).max(created);
        if roll < 82 {
            it.status = Status::Done;
            it.completed_at = Some(when);
        } else {
            it.status = Status::Cancelled;
        }
        it.updated_at = when;
    } else {
        // Open, created recently: deadlines from two weeks ago to two months ahead.
        it.created_at = at(now, -i64::try_from(1 + spread(i, 6, 20)).unwrap() * DAY_MS);
        it.deadline = at(now, (i64::try_from(spread(i, 7, 75)).unwrap() - 14) * DAY_MS);
        it.status = if roll < 94 {
            Status::InProgress
        } else {
            Status::Pending
        };
        it.updated_at = it.created_at;
    }
    it
}

fn summary(label: &str, mut ms: Vec<f64>) -> f64 {
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    let p95 = ms[((ms.len() * 95).div_ceil(100)).saturating_sub(1)];
    println!(
        "{label:<44} median {median:>8.1} ms   p95 {p95:>8.1} ms   ({} runs)",
        ms.len()
    );
    median
}

fn main() {
    let n = env("BENCH_ITEMS", 100_000);
    let units = env("BENCH_UNITS", 67);
    let runs = usize::try_from(env("BENCH_RUNS", 21)).unwrap().max(3);
    let now: jiff::Timestamp = "2026-03-18T10:00:00+08:00".parse().unwrap();
    let cal = Calendar::builtin();
    let decls: Vec<UnitDecl> = (0..units)
        .map(|u| UnitDecl {
            name: format!("第{u:02}营业部"),
            kind: Some("营业部".to_owned()),
            region: None,
            chat_id: Some(format!("oc_unit_{u:02}")),
            heads: vec![format!("ou_head_{u:02}")],
        })
        .collect();
    let reg = UnitRegistry::from_decls(&[], &decls).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let t = Instant::now();
    let mut ch = Changes::new();
    for i in 1..=n {
        let u = i % units;
        let it = item(i, &format!("oc_unit_{u:02}"), now);
        ch.put_new_item(&store, &it).unwrap();
        ch.put_unit_item(&store, &format!("第{u:02}营业部"), &it).unwrap();
        if i % 2_000 == 0 {
            store.commit(&ch).unwrap();
            ch = Changes::new();
        }
    }
    store.commit(&ch).unwrap();
    let (since, _) = Period::ThisMonth.range(now);
    // This week ends next Monday 00:00 (2026-03-23).
    let due_before: jiff::Timestamp = "2026-03-23T00:00:00+08:00".parse().unwrap();
    let read: usize = reg
        .all()
        .iter()
        .map(|u| store.unit_board_items(&u.name, due_before, since).unwrap().len())
        .sum();
    println!(
        "loaded {n} items in {units} units in {:.1} s; the org board reads {read} of them through the indexes",
        t.elapsed().as_secs_f64()
    );

    let board = || {
        let b = org_board_view(&store, &reg, now, &cal).unwrap();
        let card = duban::card::org_board_card(&b, now, &cal);
        assert!(card.is_object());
        b
    };
    let stats = || {
        let (rows, _) = unit_stats_view(&store, &reg, Period::ThisQuarter, now, &cal).unwrap();
        let card = duban::card::unit_stats_card(Period::ThisQuarter, &rows, &HashMap::new());
        assert!(card.is_object());
    };
    // The same board from every item (what the indexes avoid).
    let scan = || {
        let mut per_unit: Vec<(String, Vec<Item>)> =
            reg.all().iter().map(|u| (u.name.clone(), Vec::new())).collect();
        let index: HashMap<String, usize> = reg
            .all()
            .iter()
            .enumerate()
            .map(|(i, u)| (u.chat_id.0.clone(), i))
            .collect();
        for it in store.all_items().unwrap() {
            if let Some(&k) = index.get(&it.chat_id.0) {
                per_unit[k].1.push(it);
            }
        }
        let views: Vec<UnitItems<'_>> = per_unit
            .iter()
            .map(|(u, items)| UnitItems { unit: u, items })
            .collect();
        let batches = open_batch_lines(&store, now, &cal).unwrap();
        let b = org_board(&views, batches, &HashMap::new(), now, &cal);
        let card = duban::card::org_board_card(&b, now, &cal);
        assert!(card.is_object());
        b
    };
    // Reading alone: through the indexes, and every item.
    let read_idx = || {
        let got: usize = reg
            .all()
            .iter()
            .map(|u| store.unit_board_items(&u.name, due_before, since).unwrap().len())
            .sum();
        assert_eq!(got, read);
    };
    let read_all = || {
        assert_eq!(store.all_items().unwrap().len(), usize::try_from(n).unwrap());
    };
    let (indexed, scanned) = (board(), scan());
    assert_eq!(
        fingerprint(&indexed),
        fingerprint(&scanned),
        "the indexes give the same board as a full scan"
    );
    assert_eq!(
        duban::card::org_board_card(&indexed, now, &cal),
        duban::card::org_board_card(&scanned, now, &cal)
    );
    println!(
        "{} of {units} units have overdue items",
        indexed.ranking.late.len()
    );
    // Interleaved, so that a busy machine slows every measure alike.
    let mut ms: [Vec<f64>; 5] = Default::default();
    let timed = |f: &dyn Fn()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1000.0
    };
    for _ in 0..runs {
        ms[0].push(timed(&|| drop(board())));
        ms[1].push(timed(&stats));
        ms[2].push(timed(&|| drop(scan())));
        ms[3].push(timed(&read_idx));
        ms[4].push(timed(&read_all));
    }
    let [board_ms, stats_ms, scan_ms, idx_ms, all_ms] = ms;
    let b = summary("org board (per-unit indexes, with the card)", board_ms);
    summary("  of which reading through the indexes", idx_ms);
    summary("统计 本季度 按单位 (per-unit indexes, with the card)", stats_ms);
    let s = summary("org board from a full scan of every item", scan_ms);
    summary("  of which reading every item", all_ms);
    println!("full scan / indexed org board: {:.1}x", s / b);
}
