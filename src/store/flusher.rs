//! Group commit: one thread owns `Db::flush()` and releases every waiter whose write the flush
//! covered. sled 0.34.7's `flush_async` deadlocks when awaited concurrently (upstream #1308), so
//! nothing else in duban may flush.

use std::sync::{Arc, RwLock, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;

use super::StoreError;
use super::inbox::group::Admissions;

type Waiter = oneshot::Sender<Result<(), String>>;

/// How long a flush under load waits for more waiters (issue 20: at 64 connections this took
/// the flushes per second down and the acknowledged events per second up; p99 stays a few ms).
const GATHER: Duration = Duration::from_micros(300);
/// A flush that covered at least this many waiters means the next one may wait [`GATHER`].
const BUSY: usize = 8;
/// The gather sleeps in slices of this length and takes what arrived after each.
const SLICE: Duration = Duration::from_micros(100);

/// Handle to the flusher thread. Cloning shares the thread; it stops when every handle is gone.
#[derive(Clone, Debug)]
pub struct Flusher {
    tx: mpsc::Sender<Waiter>,
}

impl Flusher {
    /// Starts the flusher thread for `db`.
    ///
    /// # Errors
    /// If the OS refuses to start a thread.
    pub(crate) fn start(
        db: sled::Db,
        inbox: sled::Tree,
        admissions: Arc<Admissions>,
        gate: Arc<RwLock<()>>,
    ) -> Result<Self, StoreError> {
        let (tx, rx) = mpsc::channel::<Waiter>();
        let parts = Parts {
            db,
            inbox,
            admissions,
            gate,
        };
        thread::Builder::new()
            .name("duban-flusher".to_owned())
            .spawn(move || run(&parts, &rx))
            .map_err(|e| StoreError::Io(e.to_string()))?;
        Ok(Self { tx })
    }

    /// Waits until everything written before this call is on disk.
    ///
    /// # Errors
    /// [`StoreError::Flush`] if the flush failed or the flusher is gone.
    pub async fn durable(&self) -> Result<(), StoreError> {
        let (tx, rx) = oneshot::channel();
        self.tx
            .send(tx)
            .map_err(|_| StoreError::Flush("flusher stopped".to_owned()))?;
        rx.await
            .map_err(|_| StoreError::Flush("flusher stopped".to_owned()))?
            .map_err(StoreError::Flush)
    }

    /// Blocking variant for synchronous contexts (start-up, shutdown).
    ///
    /// # Errors
    /// [`StoreError::Flush`] if the flush failed or the flusher is gone.
    pub fn durable_blocking(&self) -> Result<(), StoreError> {
        let (tx, rx) = oneshot::channel();
        self.tx
            .send(tx)
            .map_err(|_| StoreError::Flush("flusher stopped".to_owned()))?;
        rx.blocking_recv()
            .map_err(|_| StoreError::Flush("flusher stopped".to_owned()))?
            .map_err(StoreError::Flush)
    }
}

/// What the flusher thread works on.
struct Parts {
    db: sled::Db,
    inbox: sled::Tree,
    /// Events acknowledged but not yet in `inbox`.
    admissions: Arc<Admissions>,
    /// The store's write gate ([`super::Store::writing`]): writing the admitted events out is a
    /// write like any other, so a snapshot never runs beside it (a backup under load once found
    /// the inbox grown while it read it, and failed).
    gate: Arc<RwLock<()>>,
}

impl Parts {
    /// Writes the admitted events out, then flushes.
    fn write_out_and_flush(&self) -> Result<(), String> {
        {
            let _w = self
                .gate
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            self.admissions.write_out(&self.inbox)?;
        }
        self.db.flush().map(drop).map_err(|e| e.to_string())
    }
}

fn run(parts: &Parts, rx: &mpsc::Receiver<Waiter>) {
    // Every waiter taken into `batch` registered after its write; the flush that starts after
    // the batch is taken therefore covers all of them. Late arrivals wait for the next round.
    let mut last = 0usize;
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while let Ok(more) = rx.try_recv() {
            batch.push(more);
        }
        // Busy (the last flush covered several waiters): wait a moment for about as many
        // before flushing, so one flush covers more of them. A lone write is flushed at once.
        // The wait sleeps in slices rather than waking for each arrival: under load a receive
        // with a timeout made every acknowledgement wake this thread (a futex call and a
        // context switch per event).
        if last >= BUSY {
            let deadline = Instant::now() + GATHER;
            while batch.len() < last {
                let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                    break;
                };
                thread::sleep(left.min(SLICE));
                batch.extend(rx.try_iter());
            }
        }
        last = batch.len();
        // The events admitted so far go in before the flush: every waiter of the batch
        // registered after its event was admitted (the acknowledgement path admits, then
        // waits), so the flush covers each waiter's event.
        let res = parts.write_out_and_flush();
        metrics::counter!("duban_store_flushes_total").increment(1);
        metrics::histogram!("duban_store_flush_batch").record(batch.len() as f64);
        for w in batch {
            let _ = w.send(res.clone());
        }
    }
}
