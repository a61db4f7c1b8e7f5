//! The key-value seam under the typed store: ordered byte trees on sled or on PostgreSQL.
//!
//! The typed modules of [`super`] use only these [`Db`] and [`Tree`] methods, with sled's
//! semantics on both backends: byte keys in lexicographic order, prefix and range scans in key
//! order (lazily paged on PostgreSQL), atomic single-key writes, compare-and-swap, and the
//! multi-tree commit ([`Db::commit`]) that is one sled transaction or one SQL transaction.
//! Values are the same bytes on both, so moving a store between them is a byte copy.

use std::ops::{Bound, RangeBounds};

use super::StoreError;

pub mod pg;
mod sled_kv;
pub(crate) mod types;

pub use types::{Batch, CasMismatch, IVec};
pub(crate) use types::{owned, prefix_bounds};

/// The database: sled, or PostgreSQL through a small pool of connection threads.
#[derive(Clone, Debug)]
pub enum Db {
    /// An embedded sled directory.
    Sled(sled::Db),
    /// A PostgreSQL database.
    Pg(pg::PgDb),
}

/// One tree (a key space) of a [`Db`].
#[derive(Clone, Debug)]
pub enum Tree {
    /// A sled tree.
    Sled(sled::Tree),
    /// The rows of one tree in the PostgreSQL key-value table.
    Pg(pg::PgTree),
}

/// One staged write of a commit: the tree, the key, the value (`None`: removal).
pub type Op = (Tree, Vec<u8>, Option<Vec<u8>>);

/// Entries of a tree in key order.
pub enum Iter {
    /// sled's iterator.
    Sled(sled::Iter),
    /// Pages of rows read as they are needed.
    Pg(pg::PgIter),
}

impl std::fmt::Debug for Iter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Iter")
    }
}

impl Iterator for Iter {
    type Item = Result<(IVec, IVec), StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Sled(it) => it.next().map(|r| r.map_err(StoreError::from)),
            Self::Pg(it) => it.next(),
        }
    }
}

impl Tree {
    /// The value at `key`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn get(&self, key: impl AsRef<[u8]>) -> Result<Option<IVec>, StoreError> {
        match self {
            Self::Sled(t) => Ok(t.get(key)?),
            Self::Pg(t) => t.get(key.as_ref()),
        }
    }

    /// Writes `value` at `key`; returns the value it replaced.
    ///
    /// # Errors
    /// Storage errors.
    pub fn insert(&self, key: impl AsRef<[u8]>, value: impl Into<IVec>) -> Result<Option<IVec>, StoreError> {
        match self {
            Self::Sled(t) => Ok(t.insert(key, value)?),
            Self::Pg(t) => t.insert(key.as_ref(), &value.into()),
        }
    }

    /// Removes `key`; returns the value it held.
    ///
    /// # Errors
    /// Storage errors.
    pub fn remove(&self, key: impl AsRef<[u8]>) -> Result<Option<IVec>, StoreError> {
        match self {
            Self::Sled(t) => Ok(t.remove(key)?),
            Self::Pg(t) => t.remove(key.as_ref()),
        }
    }

    /// Whether `key` holds a value.
    ///
    /// # Errors
    /// Storage errors.
    pub fn contains_key(&self, key: impl AsRef<[u8]>) -> Result<bool, StoreError> {
        Ok(self.get(key)?.is_some())
    }

    /// The entry with the smallest key.
    ///
    /// # Errors
    /// Storage errors.
    pub fn first(&self) -> Result<Option<(IVec, IVec)>, StoreError> {
        match self {
            Self::Sled(t) => Ok(t.first()?),
            Self::Pg(t) => t.first(),
        }
    }

    /// Number of entries (a scan on sled, a count on PostgreSQL; 0 if the database fails).
    pub fn len(&self) -> usize {
        match self {
            Self::Sled(t) => t.len(),
            Self::Pg(t) => t.len().unwrap_or(0),
        }
    }

    /// Whether the tree is empty (false if the database fails).
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Sled(t) => t.is_empty(),
            Self::Pg(t) => t.first().map(|f| f.is_none()).unwrap_or(false),
        }
    }

    /// Every entry, in key order.
    pub fn iter(&self) -> Iter {
        match self {
            Self::Sled(t) => Iter::Sled(t.iter()),
            Self::Pg(t) => Iter::Pg(t.scan((Bound::Unbounded, Bound::Unbounded))),
        }
    }

    /// The entries whose key starts with `prefix`, in key order.
    pub fn scan_prefix(&self, prefix: impl AsRef<[u8]>) -> Iter {
        match self {
            Self::Sled(t) => Iter::Sled(t.scan_prefix(prefix)),
            Self::Pg(t) => Iter::Pg(t.scan(prefix_bounds(prefix.as_ref()))),
        }
    }

    /// The entries in `range`, in key order.
    pub fn range<K: AsRef<[u8]>, R: RangeBounds<K>>(&self, range: R) -> Iter {
        match self {
            Self::Sled(t) => Iter::Sled(t.range(range)),
            Self::Pg(t) => Iter::Pg(t.scan((owned(range.start_bound()), owned(range.end_bound())))),
        }
    }

    /// Sets `key` to `new` if it holds `old` (`None`: absent / remove).
    ///
    /// # Errors
    /// Storage errors; a different current value is the inner [`CasMismatch`].
    pub fn compare_and_swap<O: AsRef<[u8]>, N: Into<IVec>>(
        &self,
        key: impl AsRef<[u8]>,
        old: Option<O>,
        new: Option<N>,
    ) -> Result<Result<(), CasMismatch>, StoreError> {
        match self {
            Self::Sled(t) => Ok(t.compare_and_swap(key, old, new)?.map_err(|_| CasMismatch)),
            Self::Pg(t) => t.compare_and_swap(
                key.as_ref(),
                old.as_ref().map(AsRef::as_ref),
                new.map(Into::into).as_deref(),
            ),
        }
    }

    /// Replaces the value at `key` by `f(current)` atomically; returns the new value.
    ///
    /// # Errors
    /// Storage errors.
    pub fn update_and_fetch<V: Into<IVec>>(
        &self,
        key: impl AsRef<[u8]>,
        mut f: impl FnMut(Option<&[u8]>) -> Option<V>,
    ) -> Result<Option<IVec>, StoreError> {
        match self {
            Self::Sled(t) => Ok(t.update_and_fetch(key, f)?),
            Self::Pg(_) => loop {
                let key = key.as_ref();
                let old = self.get(key)?;
                let new: Option<IVec> = f(old.as_deref()).map(Into::into);
                if self.compare_and_swap(key, old.as_deref(), new.clone())?.is_ok() {
                    return Ok(new);
                }
            },
        }
    }

    /// Applies `batch` atomically.
    ///
    /// # Errors
    /// Storage errors.
    pub fn apply_batch(&self, batch: Batch) -> Result<(), StoreError> {
        match self {
            Self::Sled(t) => {
                let mut b = sled::Batch::default();
                for (k, v) in batch.ops {
                    match v {
                        Some(v) => b.insert(k, v),
                        None => b.remove(k),
                    }
                }
                Ok(t.apply_batch(b)?)
            }
            Self::Pg(t) => {
                let ops: Vec<_> = batch
                    .ops
                    .iter()
                    .map(|(k, v)| (t.name(), k.as_slice(), v.as_deref()))
                    .collect();
                t.db().commit(&ops)
            }
        }
    }

    /// The tree's name.
    pub fn name(&self) -> Vec<u8> {
        match self {
            Self::Sled(t) => t.name().to_vec(),
            Self::Pg(t) => t.name().as_bytes().to_vec(),
        }
    }
}

impl IntoIterator for &Tree {
    type Item = Result<(IVec, IVec), StoreError>;
    type IntoIter = Iter;

    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl Db {
    /// Opens (or names) tree `name`.
    ///
    /// # Errors
    /// Storage errors.
    pub fn open_tree(&self, name: &str) -> Result<Tree, StoreError> {
        match self {
            Self::Sled(db) => Ok(Tree::Sled(db.open_tree(name)?)),
            Self::Pg(db) => Ok(Tree::Pg(pg::PgTree::new(db, name))),
        }
    }

    /// The names of the trees that hold (or, on sled, ever held) entries.
    ///
    /// # Errors
    /// Storage errors.
    pub fn tree_names(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Self::Sled(db) => Ok(db
                .tree_names()
                .iter()
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .collect()),
            Self::Pg(db) => db.tree_names(),
        }
    }

    /// Removes tree `name` and everything in it; whether it existed.
    ///
    /// # Errors
    /// Storage errors.
    pub fn drop_tree(&self, name: &str) -> Result<bool, StoreError> {
        match self {
            Self::Sled(db) => Ok(db.drop_tree(name)?),
            Self::Pg(db) => db.drop_tree(name),
        }
    }

    /// A fresh id, above every id generated before.
    ///
    /// # Errors
    /// Storage errors.
    pub fn generate_id(&self) -> Result<u64, StoreError> {
        match self {
            Self::Sled(db) => Ok(db.generate_id()?),
            Self::Pg(db) => db.generate_id(),
        }
    }

    /// Makes every write so far durable (sled's flush; a commit on PostgreSQL already is).
    ///
    /// # Errors
    /// Storage errors.
    pub fn flush(&self) -> Result<(), StoreError> {
        match self {
            Self::Sled(db) => db.flush().map(drop).map_err(StoreError::from),
            Self::Pg(_) => Ok(()),
        }
    }

    /// Applies `ops` in order, atomically (one sled transaction, one SQL transaction). With
    /// `atomic` false (idempotent bookkeeping) sled applies them one by one.
    ///
    /// # Errors
    /// Storage errors; nothing is applied.
    pub fn commit(&self, ops: &[Op], atomic: bool) -> Result<(), StoreError> {
        match self {
            Self::Sled(_) => {
                let mut flat = Vec::with_capacity(ops.len());
                for (t, k, v) in ops {
                    let Tree::Sled(t) = t else {
                        return Err(StoreError::Io("a PostgreSQL tree in a sled commit".to_owned()));
                    };
                    flat.push((t, k.as_slice(), v.as_deref()));
                }
                sled_kv::commit(&flat, atomic)
            }
            Self::Pg(db) => {
                let mut flat = Vec::with_capacity(ops.len());
                for (t, k, v) in ops {
                    let Tree::Pg(t) = t else {
                        return Err(StoreError::Io("a sled tree in a PostgreSQL commit".to_owned()));
                    };
                    flat.push((t.name(), k.as_slice(), v.as_deref()));
                }
                db.commit(&flat)
            }
        }
    }

    /// Moves `key` from `from` to `to` with the value `value`, if `from` still holds it,
    /// atomically.
    ///
    /// # Errors
    /// Storage errors.
    pub fn move_if_present(
        &self,
        from: &Tree,
        to: &Tree,
        key: &[u8],
        value: &[u8],
    ) -> Result<(), StoreError> {
        match (from, to) {
            (Tree::Sled(f), Tree::Sled(t)) => sled_kv::move_if_present(f, t, key, value),
            (Tree::Pg(f), Tree::Pg(t)) => f.db().move_if_present(f.name(), t.name(), key, value),
            _ => Err(StoreError::Io("trees of two databases in one change".to_owned())),
        }
    }

    /// Bytes used (sled's files; the database's size on PostgreSQL).
    pub fn size_on_disk(&self) -> u64 {
        match self {
            Self::Sled(db) => db.size_on_disk().unwrap_or(0),
            Self::Pg(db) => db.size().unwrap_or(0),
        }
    }

    /// The sled database, if this is one.
    pub fn as_sled(&self) -> Option<&sled::Db> {
        match self {
            Self::Sled(db) => Some(db),
            Self::Pg(_) => None,
        }
    }

    /// The PostgreSQL database, if this is one.
    pub fn as_pg(&self) -> Option<&pg::PgDb> {
        match self {
            Self::Sled(_) => None,
            Self::Pg(db) => Some(db),
        }
    }

    /// `"sled"` or `"postgres"`.
    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sled(_) => "sled",
            Self::Pg(_) => "postgres",
        }
    }
}
