//! The database: its connection threads, ids, and the writes that span keys or trees
//! (commits, moves, the acceptance of a push).

use std::collections::HashMap;
use std::sync::Arc;

use super::pool::{self, Pool, pg_err};
use super::redact::redact;
use super::schema;
use crate::store::StoreError;

/// One write of a commit: the tree's name, the key, the value (`None`: removal).
pub(crate) type PgOp<'a> = (&'a str, &'a [u8], Option<&'a [u8]>);

/// A PostgreSQL database holding duban's trees.
#[derive(Clone, Debug)]
pub struct PgDb {
    pool: Arc<Pool>,
    /// How many connection threads.
    size: usize,
    /// The URL without its password, for messages.
    shown: Arc<str>,
}

impl PgDb {
    /// Connects to `url` with `pool` connection threads and migrates the schema.
    ///
    /// # Errors
    /// The database cannot be reached, or its schema is newer than this duban's.
    pub fn open(url: &str, pool: usize) -> Result<Self, StoreError> {
        let db = Self {
            pool: Arc::new(Pool::start(url, pool)?),
            size: pool.max(1),
            shown: Arc::from(redact(url)),
        };
        let from = db.pool.run(schema::migrate)?;
        if from < schema::latest() {
            tracing::info!(from, to = schema::latest(), database = %db.shown, "database schema migrated");
        }
        Ok(db)
    }

    /// How many connections (threads) this database uses at most.
    pub fn connections(&self) -> usize {
        self.size
    }

    /// The URL without its password.
    pub fn shown_url(&self) -> &str {
        &self.shown
    }

    /// Runs `f` on a connection thread.
    pub(crate) fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut pool::Conn) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.pool.run(f)
    }

    pub(crate) fn tree_names(&self) -> Result<Vec<String>, StoreError> {
        self.run(|c| {
            let (client, st) = c.prepared("SELECT DISTINCT tree FROM duban_kv ORDER BY tree")?;
            let rows = client.query(&st, &[]).map_err(pg_err)?;
            Ok(rows.iter().map(|r| r.get::<_, String>(0)).collect())
        })
    }

    pub(crate) fn drop_tree(&self, name: &str) -> Result<bool, StoreError> {
        let name = name.to_owned();
        self.run(move |c| {
            let (client, st) = c.prepared("DELETE FROM duban_kv WHERE tree = $1")?;
            Ok(client.execute(&st, &[&name]).map_err(pg_err)? > 0)
        })
    }

    pub(crate) fn generate_id(&self) -> Result<u64, StoreError> {
        self.run(|c| {
            let (client, st) = c.prepared("SELECT nextval('duban_ids')")?;
            let n: i64 = client.query_one(&st, &[]).map_err(pg_err)?.get(0);
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }

    /// Sets the id sequence so the next id is above `highest` (migration).
    pub(crate) fn ids_above(&self, highest: u64) -> Result<(), StoreError> {
        let n = i64::try_from(highest).unwrap_or(i64::MAX).max(1);
        self.run(move |c| {
            c.client()?
                .execute(
                    "SELECT setval('duban_ids', greatest($1, (SELECT last_value FROM duban_ids)))",
                    &[&n],
                )
                .map_err(pg_err)?;
            Ok(())
        })
    }

    pub(crate) fn size(&self) -> Result<u64, StoreError> {
        self.run(|c| {
            let (client, st) = c.prepared("SELECT pg_database_size(current_database())")?;
            let n: i64 = client.query_one(&st, &[]).map_err(pg_err)?.get(0);
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }

    /// Whether the database answers.
    pub fn ping(&self) -> bool {
        self.run(|c| {
            let (client, st) = c.prepared("SELECT 1")?;
            client.query_one(&st, &[]).map_err(pg_err)?;
            Ok(())
        })
        .is_ok()
    }

    /// Applies `ops` in one transaction: the last write of each key wins, as applying them in
    /// order would; then one batched upsert and one batched delete.
    pub(crate) fn commit(&self, ops: &[PgOp<'_>]) -> Result<(), StoreError> {
        let mut last: HashMap<(&str, &[u8]), Option<&[u8]>> = HashMap::with_capacity(ops.len());
        for &(t, k, v) in ops {
            last.insert((t, k), v);
        }
        let (mut pt, mut pk, mut pv, mut dt, mut dk) = (vec![], vec![], vec![], vec![], vec![]);
        for ((t, k), v) in last {
            match v {
                Some(v) => {
                    pt.push(t.to_owned());
                    pk.push(k.to_vec());
                    pv.push(v.to_vec());
                }
                None => {
                    dt.push(t.to_owned());
                    dk.push(k.to_vec());
                }
            }
        }
        if pt.is_empty() && dt.is_empty() {
            return Ok(());
        }
        self.run(move |c| {
            let (_, put) = c.prepared(
                "INSERT INTO duban_kv (tree, k, v) SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[]) \
                 ON CONFLICT (tree, k) DO UPDATE SET v = EXCLUDED.v",
            )?;
            let (_, del) = c.prepared(
                "DELETE FROM duban_kv WHERE (tree, k) IN (SELECT * FROM unnest($1::text[], $2::bytea[]))",
            )?;
            let mut tx = c.client()?.transaction().map_err(pg_err)?;
            if !pt.is_empty() {
                tx.execute(&put, &[&pt, &pk, &pv]).map_err(pg_err)?;
            }
            if !dt.is_empty() {
                tx.execute(&del, &[&dt, &dk]).map_err(pg_err)?;
            }
            tx.commit().map_err(pg_err)
        })
    }

    pub(crate) fn move_if_present(
        &self,
        from: &str,
        to: &str,
        key: &[u8],
        value: &[u8],
    ) -> Result<(), StoreError> {
        let (from, to, key, value) = (from.to_owned(), to.to_owned(), key.to_vec(), value.to_vec());
        self.run(move |c| {
            let (client, st) = c.prepared(
                "WITH d AS (DELETE FROM duban_kv WHERE tree = $1 AND k = $3 RETURNING k) \
                 INSERT INTO duban_kv (tree, k, v) SELECT $2::text, k, $4::bytea FROM d \
                 ON CONFLICT (tree, k) DO UPDATE SET v = EXCLUDED.v",
            )?;
            client.execute(&st, &[&from, &to, &key, &value]).map_err(pg_err)?;
            Ok(())
        })
    }

    /// Acceptance of a push, in one transaction: claims every key of `claims` in tree `seen`
    /// (the primary key is the de-duplication: a key already there means a duplicate, and
    /// nothing is written), then stores `entry` in tree `inbox` under a fresh id. Returns the
    /// id, or `None` for a duplicate. `claim(id)` is the value each claimed key holds.
    pub(crate) fn admit(&self, a: Admit) -> Result<Option<u64>, StoreError> {
        self.run(move |c| a.run(c))
    }

    /// [`PgDb::admit`] for async callers: the caller's task waits, not its thread.
    pub(crate) async fn admit_async(&self, a: Admit) -> Result<Option<u64>, StoreError> {
        self.pool.run_async(move |c| a.run(c)).await
    }
}

/// What [`PgDb::admit`] writes.
pub(crate) struct Admit {
    /// The tree of the de-duplication keys, and of the inbox.
    pub(crate) seen: &'static str,
    pub(crate) inbox: &'static str,
    /// The keys to claim.
    pub(crate) claims: Vec<Vec<u8>>,
    /// The value of each claimed key, given the new id.
    pub(crate) claim: Box<dyn FnOnce(u64) -> Vec<u8> + Send>,
    /// The inbox entry.
    pub(crate) entry: Vec<u8>,
}

impl Admit {
    fn run(self, c: &mut pool::Conn) -> Result<Option<u64>, StoreError> {
        let (_, id) = c.prepared("SELECT nextval('duban_ids')")?;
        let (_, put) = c.prepared(
            "INSERT INTO duban_kv (tree, k, v) SELECT $1::text, k, $3::bytea FROM unnest($2::bytea[]) AS k \
             ON CONFLICT (tree, k) DO NOTHING",
        )?;
        let (_, ins) = c.prepared("INSERT INTO duban_kv (tree, k, v) VALUES ($1, $2, $3)")?;
        let mut tx = c.client()?.transaction().map_err(pg_err)?;
        let n: i64 = tx.query_one(&id, &[]).map_err(pg_err)?.get(0);
        let seq = u64::try_from(n).unwrap_or(0);
        let claimed = tx
            .execute(&put, &[&self.seen, &self.claims, &(self.claim)(seq)])
            .map_err(pg_err)?;
        if usize::try_from(claimed).ok() != Some(self.claims.len()) {
            tx.rollback().map_err(pg_err)?;
            return Ok(None);
        }
        tx.execute(&ins, &[&self.inbox, &seq.to_be_bytes().as_slice(), &self.entry])
            .map_err(pg_err)?;
        tx.commit().map_err(pg_err)?;
        Ok(Some(seq))
    }
}
