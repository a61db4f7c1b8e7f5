//! Coordinator tests against a real PostgreSQL (`DUBAN_TEST_DATABASE_URL`, an admin URL; each
//! test creates a fresh database and drops it). Skipped, with a note, when the variable is unset.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

use super::conn;
use super::{Coordinator, LEADER_KEY, Wakers, run_while_leader, start};

/// A fresh database on the test server; dropped with the value.
struct TestDb {
    admin: String,
    name: String,
    url: String,
}

impl TestDb {
    async fn create() -> Option<Self> {
        let Ok(admin) = std::env::var("DUBAN_TEST_DATABASE_URL") else {
            println!("skipped: DUBAN_TEST_DATABASE_URL is not set");
            return None;
        };
        let name = format!("pgha_cluster_{:08x}", rand::random::<u32>());
        let s = conn::connect(&admin, "duban-test")
            .await
            .expect("admin connection");
        s.client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        let url = crate::store::testing::with_database(&admin, &name);
        // The store's migrations create `duban_leases`, as a starting duban does.
        let u = url.clone();
        tokio::task::spawn_blocking(move || crate::store::Store::open_postgres(&u, 1).map(drop))
            .await
            .unwrap()
            .expect("migrations");
        Some(Self { admin, name, url })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        // Dropped from a fresh thread: the test's runtime may be shutting down.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(s) = conn::connect(&admin, "duban-test").await {
                    let _ = s
                        .client
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            });
        })
        .join();
    }
}

async fn wait_until(what: &str, limit: Duration, mut f: impl FnMut() -> bool) -> Duration {
    let t0 = Instant::now();
    while !f() {
        assert!(t0.elapsed() < limit, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    t0.elapsed()
}

async fn got(s: &conn::Session) -> bool {
    s.client
        .query_one("SELECT pg_try_advisory_lock($1)", &[&LEADER_KEY])
        .await
        .unwrap()
        .get(0)
}

#[tokio::test]
async fn a_second_session_cannot_take_the_lease_until_the_holders_connection_drops() {
    let Some(db) = TestDb::create().await else { return };
    let a = conn::connect(&db.url, "duban-test").await.unwrap();
    let b = conn::connect(&db.url, "duban-test").await.unwrap();
    assert!(got(&a).await);
    assert!(!got(&b).await, "the second session took a lock the first holds");
    drop(a);
    let t0 = Instant::now();
    while !got(&b).await {
        assert!(
            t0.elapsed() < Duration::from_secs(2),
            "the lock was not freed with the holder's connection"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn one_of_two_coordinators_leads_and_the_other_takes_over_when_it_goes() {
    let Some(db) = TestDb::create().await else { return };
    let (one, two) = (Coordinator::postgres(&db.url), Coordinator::postgres(&db.url));
    let (c1, c2) = (CancellationToken::new(), CancellationToken::new());
    let l1 = start(&one, Wakers::default(), c1.clone()).unwrap();
    wait_until("the first to lead", Duration::from_secs(5), || one.role().leader).await;
    let _l2 = start(&two, Wakers::default(), c2.clone()).unwrap();
    let epoch = one.role().epoch;
    wait_until("the follower to see the leader", Duration::from_secs(5), || {
        two.snapshot().leader == one.instance()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(one.role().leader);
    assert!(!two.role().leader, "two leaders at once");
    assert_eq!(two.role().epoch, epoch, "the follower shows the leader's epoch");
    assert!(two.snapshot().renewed_ms.is_some());
    // The leader goes (its session closes): the follower takes over with the next epoch.
    c1.cancel();
    l1.await.unwrap();
    assert!(!one.role().leader);
    let took = wait_until("the takeover", Duration::from_secs(5), || two.role().leader).await;
    println!("takeover after the leader's session closed: {took:?}");
    assert_eq!(two.role().epoch, epoch + 1);
    assert_eq!(two.snapshot().leader, two.instance());
    c2.cancel();
}

#[tokio::test]
async fn a_fenced_leader_steps_down_and_its_tasks_stop_before_the_lock_goes() {
    let Some(db) = TestDb::create().await else { return };
    let coord = Coordinator::postgres(&db.url);
    let cancel = CancellationToken::new();
    let running = Arc::new(AtomicUsize::new(0));
    let starts = Arc::new(AtomicUsize::new(0));
    let (r, s) = (Arc::clone(&running), Arc::clone(&starts));
    let supervisor = run_while_leader(coord.clone(), cancel.clone(), move |stop| {
        s.fetch_add(1, Ordering::SeqCst);
        let r = Arc::clone(&r);
        r.fetch_add(1, Ordering::SeqCst);
        vec![tokio::spawn(async move {
            stop.cancelled().await;
            // A task that takes a moment to wind down.
            tokio::time::sleep(Duration::from_millis(300)).await;
            r.fetch_sub(1, Ordering::SeqCst);
        })]
    });
    let lease = start(&coord, Wakers::default(), cancel.clone()).unwrap();
    wait_until("leading", Duration::from_secs(5), || coord.role().leader).await;
    wait_until("the tasks", Duration::from_secs(1), || {
        running.load(Ordering::SeqCst) == 1
    })
    .await;
    let epoch = coord.role().epoch;
    // Another party moves the epoch (what a takeover does): the renewal finds the row fenced.
    let other = conn::connect(&db.url, "duban-test").await.unwrap();
    other
        .client
        .execute(
            "UPDATE duban_leases SET epoch = epoch + 10 WHERE name = 'leader'",
            &[],
        )
        .await
        .unwrap();
    wait_until("stepping down", Duration::from_secs(5), || !coord.role().leader).await;
    // The lock is let go only once the tasks have stopped: until then nobody else can take it.
    let held = other
        .client
        .query_one("SELECT pg_try_advisory_lock($1)", &[&LEADER_KEY])
        .await
        .unwrap()
        .get::<_, bool>(0);
    if held {
        assert_eq!(
            running.load(Ordering::SeqCst),
            0,
            "the lock went while leader-only tasks ran"
        );
        other
            .client
            .execute("SELECT pg_advisory_unlock($1)", &[&LEADER_KEY])
            .await
            .unwrap();
    }
    wait_until("the tasks to stop", Duration::from_secs(2), || {
        running.load(Ordering::SeqCst) == 0
    })
    .await;
    // It reconnects and leads again, at a new epoch, with its tasks restarted.
    wait_until("leading again", Duration::from_secs(8), || coord.role().leader).await;
    assert!(coord.role().epoch > epoch + 10);
    wait_until("the tasks again", Duration::from_secs(1), || {
        starts.load(Ordering::SeqCst) == 2
    })
    .await;
    cancel.cancel();
    supervisor.await.unwrap();
    lease.await.unwrap();
    assert_eq!(running.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn the_service_lock_excludes_other_instances_and_says_when_another_held_it() {
    let Some(db) = TestDb::create().await else { return };
    let (one, two) = (Coordinator::postgres(&db.url), Coordinator::postgres(&db.url));
    let (l1, l2) = (one.service_lock(), two.service_lock());
    let g1 = l1.acquire().await;
    assert!(
        g1.foreign(),
        "the first holder ever: nothing cached can be trusted"
    );
    let waiting = tokio::spawn(async move {
        let g = l2.acquire().await;
        let foreign = g.foreign();
        drop(g);
        (Instant::now(), foreign, l2)
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(
        !waiting.is_finished(),
        "the other instance got the lock while it was held"
    );
    let released = Instant::now();
    drop(g1);
    let (got_at, foreign, l2) = waiting.await.unwrap();
    assert!(got_at >= released);
    assert!(foreign, "another instance held it last");
    // Back to the first: the second held it in between; then the first again: nobody did.
    assert!(l1.acquire().await.foreign());
    assert!(!l1.acquire().await.foreign());
    assert!(l2.acquire().await.foreign());
}

#[tokio::test]
async fn a_single_process_always_leads_and_locks_locally() {
    let coord = Coordinator::single();
    assert!(!coord.clustered());
    assert!(coord.role().leader);
    assert!(start(&coord, Wakers::default(), CancellationToken::new()).is_none());
    let lock = coord.service_lock();
    let g = lock.acquire().await;
    assert!(!g.foreign());
    let second = tokio::spawn({
        let lock = lock.clone();
        async move { lock.acquire().await.foreign() }
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(!second.is_finished());
    drop(g);
    assert!(!second.await.unwrap());
}
