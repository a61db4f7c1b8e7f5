//! Reminder-engine scale benchmark: 1,000,000 open items with deadlines spread over the next 90
//! days, in a real sled store. Measures a tick with nothing due, a tick with 1,000 due items
//! (excluding the network: sends are queued in the outbox, not delivered), the resident memory
//! of the whole process, and start-up to ready (opening the store and building the app). A child
//! process (this program again) loads the store first, so the measured process is one that only
//! opened it, as `duban serve` does. Resident memory is also reported at each stage (process
//! start, store opened and app built, idle ticks, first busy tick, busy ticks), split into its
//! anonymous part (heap, stacks) and file-backed part (the binary), beside what mimalloc has
//! committed from the OS.
//!
//! Run: `cargo bench --bench scheduler` (optional env: BENCH_ITEMS=1000000; BENCH_BUSY_TICKS=5;
//! BENCH_STORE=<dir>
//! measures on a copy of a store loaded earlier with `DUBAN_BENCH_LOAD_INTO=<dir>`, to compare
//! changes without loading each time; `MIMALLOC_PURGE_DELAY=0` as deploy/ sets it for the
//! served process, so that the resident figure is the deployed one). On PostgreSQL:
//! `DUBAN_BENCH_DATABASE_URL=<admin URL>` loads into a fresh database (`DUBAN_BENCH_DB=<database
//! URL>` measures one loaded earlier).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::Arc;
use std::time::Instant;

use duban::clock::{Clock, VirtualClock};
use duban::config;
use duban::domain::ids::{ChatId, ItemId, OpenId, Person};
use duban::domain::supervision::{Item, NewItem};
use duban::startup::{Application, TimeSource};
use duban::store::outbox::Changes;

/// The same allocator as the `duban` binary (the system's with `--features bench-system-alloc`,
/// for heaptrack: it sees only what goes through `malloc`).
#[cfg(not(feature = "bench-system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A line of `/proc/self/status` in MB (`VmRSS`, `RssAnon`, `RssFile`, `VmHWM`).
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.strip_prefix(field).is_some_and(|r| r.starts_with(':')))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn rss_mb() -> f64 {
    status_mb("VmRSS")
}

/// Resident memory at each stage: the whole process, its anonymous part (the heap, thread
/// stacks) and its file-backed part (the binary's pages).
#[derive(Default)]
struct Stages(Vec<(&'static str, f64, f64, f64, f64)>);

/// What mimalloc has committed from the OS now, in MB.
fn committed_mb() -> f64 {
    mimalloc::MiMalloc::stats_json()
        .ok()
        .and_then(|j| serde_json::from_str::<serde_json::Value>(j.to_str().ok()?).ok())
        .and_then(|v| v.get("committed")?.get("current")?.as_f64())
        .map_or(0.0, |b| b / 1048576.0)
}

impl Stages {
    fn mark(&mut self, stage: &'static str) {
        self.0.push((
            stage,
            status_mb("VmRSS"),
            status_mb("RssAnon"),
            status_mb("RssFile"),
            committed_mb(),
        ));
    }

    /// mimalloc's current and peak figures that it keeps in a release build (memory it has
    /// committed from the OS, pages in use), in MB.
    fn mimalloc() -> String {
        let Ok(json) = mimalloc::MiMalloc::stats_json() else {
            return "mimalloc: no statistics".to_owned();
        };
        let v: serde_json::Value = serde_json::from_str(json.to_str().unwrap_or("{}")).unwrap_or_default();
        let mut out = Vec::new();
        for key in [
            "committed",
            "reserved",
            "pages",
            "page_committed",
            "segments",
            "threads",
        ] {
            if let Some(c) = v.get(key) {
                let cur = c
                    .get("current")
                    .and_then(serde_json::Value::as_f64)
                    .unwrap_or(0.0);
                let peak = c.get("peak").and_then(serde_json::Value::as_f64).unwrap_or(0.0);
                if key == "pages" || key == "segments" || key == "threads" {
                    out.push(format!("{key} {cur:.0} (peak {peak:.0})"));
                } else {
                    out.push(format!(
                        "{key} {:.1} MB (peak {:.1})",
                        cur / 1048576.0,
                        peak / 1048576.0
                    ));
                }
            }
        }
        format!("mimalloc: {}", out.join("; "))
    }

    fn print(&self) {
        println!(
            "| stage | resident | anonymous (heap, stacks) | file-backed (binary) | mimalloc committed |"
        );
        println!("|---|---|---|---|---|");
        for (stage, rss, anon, file, committed) in &self.0 {
            println!("| {stage} | {rss:.1} MB | {anon:.1} MB | {file:.1} MB | {committed:.1} MB |");
        }
        println!(
            "peak resident {:.1} MB; threads {}",
            status_mb("VmHWM"),
            std::fs::read_to_string("/proc/self/status")
                .unwrap_or_default()
                .lines()
                .find(|l| l.starts_with("Threads:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .unwrap_or("?")
        );
        println!("{}", Self::mimalloc());
    }
}

fn person(i: u64) -> Person {
    Person {
        open_id: OpenId(format!("ou_bench_{:04}", i % 500)),
        name: format!("员工{}", i % 500),
    }
}

fn main() {
    let mut stages = Stages::default();
    stages.mark("process start");
    let n: u64 = std::env::var("BENCH_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let start: jiff::Timestamp = "2026-03-02T08:00:00+08:00".parse().unwrap();
    // The store is loaded by a child process (this program again), so that the figures below
    // — start-up, ticks, resident memory — are those of a process that only opened the store,
    // as `duban serve` does, not one that also created a million items.
    let loading = std::env::var_os("DUBAN_BENCH_LOAD_INTO");
    let tmp = tempfile::tempdir().unwrap();
    let dir_path = loading
        .as_ref()
        .map_or_else(|| tmp.path().to_path_buf(), std::path::PathBuf::from);
    let reuse = std::env::var_os("BENCH_STORE");
    if let (None, Some(src)) = (&loading, &reuse) {
        let status = std::process::Command::new("cp")
            .arg("-r")
            .arg(format!("{}/.", std::path::Path::new(src).display()))
            .arg(&dir_path)
            .status()
            .unwrap();
        assert!(status.success(), "copying the store failed");
    }
    // PostgreSQL: the parent makes a fresh database; the child loads it (`DUBAN_BENCH_DB`).
    let reuse_db = std::env::var("DUBAN_BENCH_DB").ok();
    let pg_db = reuse_db.clone().or_else(|| {
        std::env::var("DUBAN_BENCH_DATABASE_URL")
            .ok()
            .map(|admin| duban::store::testing::fresh_database(&admin).unwrap())
    });
    if loading.is_none() && reuse.is_none() && reuse_db.is_none() {
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .env("DUBAN_BENCH_LOAD_INTO", &dir_path)
            .envs(pg_db.iter().map(|u| ("DUBAN_BENCH_DB", u)))
            .status()
            .unwrap();
        assert!(status.success(), "loading the store failed");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let env: std::collections::HashMap<String, String> = [
        ("DUBAN_LISTEN", "127.0.0.1:0".to_owned()),
        ("DUBAN_DATA_DIR", dir_path.display().to_string()),
        ("FEISHU_BASE_URL", "http://127.0.0.1:9".to_owned()),
        ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718".to_owned()),
        ("FEISHU_APP_SECRET", "bench".to_owned()),
        ("FEISHU_VERIFICATION_TOKEN", "bench".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .chain(pg_db.iter().map(|u| ("DUBAN_DATABASE_URL".to_owned(), u.clone())))
    .collect();
    let settings = config::load(None, &env).unwrap();
    let creds = settings.credentials.clone().unwrap();

    // Load: items with deadlines spread uniformly over 90 days, each with its due-index entry,
    // written through the same store API the service uses.
    let t = Instant::now();
    let clock = Arc::new(VirtualClock::new(start));
    if loading.is_some() {
        rt.block_on(async {
            let app = Application::build(&settings, &creds, TimeSource::Virtual(clock.clone()))
                .await
                .unwrap();
            let store = app.store().clone();
            let service = app.state().service.clone();
            let span_ms = 90 * 24 * 3600 * 1000_i64;
            let mut ch = Changes::new();
            for i in 1..=n {
                let offset = i64::try_from(i).unwrap().wrapping_mul(7_919_993) % span_ms;
                let deadline = start
                    .checked_add(jiff::SignedDuration::from_millis(3_600_000 + offset))
                    .unwrap();
                let item = Item::create(
                    ItemId(i),
                    NewItem::new(
                        format!("第{i}项督办事项"),
                        ChatId(format!("oc_bench_{:03}", i % 200)),
                        person(i + 7),
                        person(i),
                        deadline,
                    ),
                    start,
                );
                ch.put_new_item(&store, &item).unwrap();
                service.stage_new_item(&mut ch, &item).unwrap();
                if i % 2_000 == 0 {
                    store.commit(&ch).unwrap();
                    ch = Changes::new();
                }
            }
            store.commit(&ch).unwrap();
            store.durable().await.unwrap();
            println!(
                "loaded {n} items in {:.1} s; due-index entries: {}",
                t.elapsed().as_secs_f64(),
                store.due_len()
            );
        });
        return;
    }
    // A cold start on the full store.
    stages.mark("runtime built, store copied");
    let t = Instant::now();
    rt.block_on(async {
        let app = Application::build(&settings, &creds, TimeSource::Virtual(clock.clone()))
            .await
            .unwrap();
        let ready = t.elapsed();
        stages.mark("store opened, app built");
        let store = app.store().clone();
        let service = app.state().service.clone();
        // Tick with nothing due (the first entry is hours away).
        let mut idle = Vec::new();
        for _ in 0..200 {
            let t = Instant::now();
            service.tick().await.unwrap();
            idle.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        idle.sort_by(f64::total_cmp);
        stages.mark("after 200 idle ticks");
        // Five busy ticks: each time, move time on until more than 1,000 items are due, and
        // tick once (at most 1,000 per tick). A single tick is at the mercy of the machine.
        let first = store.next_due_ms().unwrap().unwrap();
        clock.set(jiff::Timestamp::from_millisecond(first).unwrap());
        let rounds: usize = std::env::var("BENCH_BUSY_TICKS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(5)
            .max(1);
        // Move time on until more than 1,000 items are due (a tick takes at most 1,000).
        let make_due = || {
            let mut step = 60_000;
            while store
                .due_items(clock.now().as_millisecond(), 1_001)
                .unwrap()
                .len()
                <= 1_000
            {
                clock.advance(jiff::SignedDuration::from_millis(step));
                step *= 2;
            }
        };
        // A busy tick right after start, before the scheduler could read anything ahead (as
        // after downtime, when a backlog is due at once): only what start-up read ahead (the
        // records of the items due first, `Service::read_ahead_at_start`, counted in start-up) is
        // in memory; the due index and the rest of the store are paged in as the tick goes.
        make_due();
        let t = Instant::now();
        service.tick().await.unwrap();
        let cold = t.elapsed().as_secs_f64() * 1000.0;
        stages.mark("after the first busy tick (cold)");
        // Busy ticks as the scheduler runs them: while it waits for the next reminders it
        // reads their records ahead (`Service::read_ahead`, outside the lock), then the time
        // comes and it ticks. A single tick is at the mercy of the machine: several are timed.
        let mut busy = Vec::new();
        let mut last = None;
        let mut ahead = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            service.read_ahead(&mut last).await.unwrap();
            ahead.push(t.elapsed().as_secs_f64() * 1000.0);
            make_due();
            let t = Instant::now();
            service.tick().await.unwrap();
            busy.push(t.elapsed().as_secs_f64() * 1000.0);
            // After a tick, the scheduler removes the entries it consumed.
            service.collect_consumed().await.unwrap();
        }
        ahead.sort_by(f64::total_cmp);
        busy.sort_by(f64::total_cmp);
        stages.mark("after the busy ticks");
        let queued = store.outbox_len();
        println!("scheduler benchmark: {n} open items, deadlines over 90 days");
        println!("| measure | value | target |");
        println!("|---|---|---|");
        println!(
            "| start-up to ready (open store + build app) | {:.2} s | ≤ 3 s |",
            ready.as_secs_f64()
        );
        println!(
            "| tick, nothing due (median / max of 200) | {:.3} ms / {:.3} ms | ≤ 1 ms |",
            idle[100], idle[199]
        );
        println!(
            "| tick, 1,000 items due (excl. network; records read ahead; median / max of {rounds}) | {:.1} ms / {:.1} ms ({queued} outbox records) | ≤ 50 ms |",
            busy[rounds / 2],
            busy[rounds - 1]
        );
        println!(
            "| — the same, right after start (only start-up's read-ahead) | {cold:.1} ms | ≤ 60 ms |"
        );
        println!(
            "| — reading ahead the next 1,000 records, while waiting (median) | {:.1} ms | |",
            ahead[rounds / 2]
        );
        println!(
            "| resident memory of the process | {:.0} MB | ≤ 150 MB |",
            rss_mb()
        );
        stages.print();
        println!(
            "MIMALLOC_PURGE_DELAY={} (deploy/ sets 0; unset: mimalloc's 10 ms)",
            std::env::var("MIMALLOC_PURGE_DELAY").unwrap_or_else(|_| "unset".to_owned())
        );
    });
}
