//! Scans on PostgreSQL: keyset pages (`k > last ORDER BY k LIMIT n`), read as the caller
//! iterates, so walking a large tree never holds it all.

use std::collections::VecDeque;
use std::ops::Bound;

use std::sync::Arc;

use super::db::PgDb;
use super::pool::pg_err;
use crate::store::StoreError;
use crate::store::kv::types::{Bounds, IVec};

/// Rows per page after the first (the first is small: many scans want one row or a few).
const PAGE: i64 = 512;

/// The entries of a key range of one tree, in key order.
pub struct PgIter {
    db: PgDb,
    tree: Arc<str>,
    lo: Bound<Vec<u8>>,
    hi: Bound<Vec<u8>>,
    page: i64,
    buf: VecDeque<(IVec, IVec)>,
    done: bool,
}

impl PgIter {
    pub(super) fn new(db: PgDb, tree: Arc<str>, (lo, hi): Bounds, first_page: i64) -> Self {
        Self {
            db,
            tree,
            lo,
            hi,
            page: first_page,
            buf: VecDeque::new(),
            done: false,
        }
    }

    fn fetch(&mut self) -> Result<(), StoreError> {
        let (lo_op, lo) = match &self.lo {
            Bound::Included(k) => (true, k.clone()),
            Bound::Excluded(k) => (false, k.clone()),
            Bound::Unbounded => (true, Vec::new()),
        };
        let sql = sql(lo_op, &self.hi);
        let hi = match &self.hi {
            Bound::Included(k) | Bound::Excluded(k) => Some(k.clone()),
            Bound::Unbounded => None,
        };
        let (name, limit) = (Arc::clone(&self.tree), self.page);
        let rows: Vec<(IVec, IVec)> = self.db.run(move |c| {
            let (client, st) = c.prepared(sql)?;
            let name = &*name;
            let rows = match &hi {
                Some(hi) => client.query(&st, &[&name, &lo, hi, &limit]),
                None => client.query(&st, &[&name, &lo, &limit]),
            }
            .map_err(pg_err)?;
            Ok(rows
                .iter()
                .map(|r| (IVec::from(r.get::<_, &[u8]>(0)), IVec::from(r.get::<_, &[u8]>(1))))
                .collect())
        })?;
        if i64::try_from(rows.len()).unwrap_or(0) < self.page {
            self.done = true;
        }
        if let Some((k, _)) = rows.last() {
            self.lo = Bound::Excluded(k.to_vec());
        }
        self.buf.extend(rows);
        self.page = PAGE;
        Ok(())
    }
}

/// The page query for a lower bound (inclusive or not) and an upper bound: one statement per
/// shape, so that both bounds are index conditions.
fn sql(lo_inclusive: bool, hi: &Bound<Vec<u8>>) -> &'static str {
    match (lo_inclusive, hi) {
        (true, Bound::Unbounded) => {
            "SELECT k, v FROM duban_kv WHERE tree = $1 AND k >= $2 ORDER BY k LIMIT $3"
        }
        (false, Bound::Unbounded) => {
            "SELECT k, v FROM duban_kv WHERE tree = $1 AND k > $2 ORDER BY k LIMIT $3"
        }
        (true, Bound::Included(_)) => {
            "SELECT k, v FROM duban_kv WHERE tree = $1 AND k >= $2 AND k <= $3 ORDER BY k LIMIT $4"
        }
        (false, Bound::Included(_)) => {
            "SELECT k, v FROM duban_kv WHERE tree = $1 AND k > $2 AND k <= $3 ORDER BY k LIMIT $4"
        }
        (true, Bound::Excluded(_)) => {
            "SELECT k, v FROM duban_kv WHERE tree = $1 AND k >= $2 AND k < $3 ORDER BY k LIMIT $4"
        }
        (false, Bound::Excluded(_)) => {
            "SELECT k, v FROM duban_kv WHERE tree = $1 AND k > $2 AND k < $3 ORDER BY k LIMIT $4"
        }
    }
}

impl Iterator for PgIter {
    type Item = Result<(IVec, IVec), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.buf.is_empty()
            && !self.done
            && let Err(e) = self.fetch()
        {
            self.done = true;
            return Some(Err(e));
        }
        self.buf.pop_front().map(Ok)
    }
}
