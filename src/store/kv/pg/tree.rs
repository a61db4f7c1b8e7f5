//! One tree's rows: single-key reads and writes, compare-and-swap, counts and scans.

use std::ops::Bound;
use std::sync::Arc;

use super::db::PgDb;
use super::iter::PgIter;
use super::pool::pg_err;
use crate::store::StoreError;
use crate::store::kv::types::{Bounds, CasMismatch, IVec};

/// One tree's rows.
#[derive(Clone, Debug)]
pub struct PgTree {
    name: Arc<str>,
    db: PgDb,
}

impl PgTree {
    pub(crate) fn new(db: &PgDb, name: &str) -> Self {
        Self {
            name: Arc::from(name),
            db: db.clone(),
        }
    }

    pub(crate) fn db(&self) -> &PgDb {
        &self.db
    }

    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    fn one(&self, sql: &'static str, key: &[u8]) -> Result<Option<IVec>, StoreError> {
        let (name, key) = (Arc::clone(&self.name), key.to_vec());
        self.db.run(move |c| {
            let (client, st) = c.prepared(sql)?;
            let row = client.query_opt(&st, &[&&*name, &key]).map_err(pg_err)?;
            Ok(row.map(|r| IVec::from(r.get::<_, &[u8]>(0))))
        })
    }

    pub(crate) fn get(&self, key: &[u8]) -> Result<Option<IVec>, StoreError> {
        self.one("SELECT v FROM duban_kv WHERE tree = $1 AND k = $2", key)
    }

    pub(crate) fn remove(&self, key: &[u8]) -> Result<Option<IVec>, StoreError> {
        self.one("DELETE FROM duban_kv WHERE tree = $1 AND k = $2 RETURNING v", key)
    }

    pub(crate) fn insert(&self, key: &[u8], value: &[u8]) -> Result<Option<IVec>, StoreError> {
        let (name, key, value) = (Arc::clone(&self.name), key.to_vec(), value.to_vec());
        self.db.run(move |c| {
            let (client, st) = c.prepared(
                "WITH old AS (SELECT v FROM duban_kv WHERE tree = $1 AND k = $2), \
                 up AS (INSERT INTO duban_kv (tree, k, v) VALUES ($1, $2, $3) \
                        ON CONFLICT (tree, k) DO UPDATE SET v = EXCLUDED.v) \
                 SELECT v FROM old",
            )?;
            let row = client.query_opt(&st, &[&&*name, &key, &value]).map_err(pg_err)?;
            Ok(row.map(|r| IVec::from(r.get::<_, &[u8]>(0))))
        })
    }

    pub(crate) fn first(&self) -> Result<Option<(IVec, IVec)>, StoreError> {
        let mut it = self.scan_sized((Bound::Unbounded, Bound::Unbounded), 1);
        it.next().transpose()
    }

    pub(crate) fn len(&self) -> Result<usize, StoreError> {
        let name = Arc::clone(&self.name);
        self.db.run(move |c| {
            let (client, st) = c.prepared("SELECT count(*) FROM duban_kv WHERE tree = $1")?;
            let n: i64 = client.query_one(&st, &[&&*name]).map_err(pg_err)?.get(0);
            Ok(usize::try_from(n).unwrap_or(0))
        })
    }

    pub(crate) fn compare_and_swap(
        &self,
        key: &[u8],
        old: Option<&[u8]>,
        new: Option<&[u8]>,
    ) -> Result<Result<(), CasMismatch>, StoreError> {
        let (name, key) = (Arc::clone(&self.name), key.to_vec());
        let (old, new) = (old.map(<[u8]>::to_vec), new.map(<[u8]>::to_vec));
        self.db.run(move |c| {
            let name = &*name;
            let n = match (old, new) {
                (None, None) => {
                    let (client, st) = c.prepared("SELECT 1 FROM duban_kv WHERE tree = $1 AND k = $2")?;
                    u64::from(client.query_opt(&st, &[&name, &key]).map_err(pg_err)?.is_none())
                }
                (None, Some(new)) => {
                    let (client, st) = c.prepared(
                        "INSERT INTO duban_kv (tree, k, v) VALUES ($1, $2, $3) ON CONFLICT (tree, k) DO NOTHING",
                    )?;
                    client.execute(&st, &[&name, &key, &new]).map_err(pg_err)?
                }
                (Some(old), Some(new)) => {
                    let (client, st) =
                        c.prepared("UPDATE duban_kv SET v = $4 WHERE tree = $1 AND k = $2 AND v = $3")?;
                    client.execute(&st, &[&name, &key, &old, &new]).map_err(pg_err)?
                }
                (Some(old), None) => {
                    let (client, st) = c.prepared("DELETE FROM duban_kv WHERE tree = $1 AND k = $2 AND v = $3")?;
                    client.execute(&st, &[&name, &key, &old]).map_err(pg_err)?
                }
            };
            Ok(if n == 1 { Ok(()) } else { Err(CasMismatch) })
        })
    }

    pub(crate) fn scan(&self, bounds: Bounds) -> PgIter {
        self.scan_sized(bounds, 32)
    }

    fn scan_sized(&self, bounds: Bounds, first_page: i64) -> PgIter {
        PgIter::new(self.db.clone(), Arc::clone(&self.name), bounds, first_page)
    }
}
