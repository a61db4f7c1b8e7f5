//! The multi-tree writes on sled: one sled transaction over the trees a change touches.

use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

use crate::store::{StoreError, tx_err};

/// One write: the tree, the key, the value (`None`: removal).
pub(super) type SledOp<'a> = (&'a sled::Tree, &'a [u8], Option<&'a [u8]>);

/// Applies `ops` in order: in one transaction, or (idempotent bookkeeping) one by one.
pub(super) fn commit(ops: &[SledOp<'_>], atomic: bool) -> Result<(), StoreError> {
    let mut trees: Vec<sled::Tree> = Vec::new();
    let mut idx = Vec::with_capacity(ops.len());
    for &(t, k, v) in ops {
        if !atomic {
            // Bookkeeping of events that had no effect: each write is idempotent and replaying
            // a prefix is harmless, so skip the transaction (sled transactions take a global
            // lock that every flush blocks, stalling the acknowledgement path).
            match v {
                Some(v) => drop(t.insert(k, v)?),
                None => drop(t.remove(k)?),
            }
            continue;
        }
        let i = match trees.iter().position(|x| x.name() == t.name()) {
            Some(i) => i,
            None => {
                trees.push(t.clone());
                trees.len() - 1
            }
        };
        idx.push(i);
    }
    if !atomic {
        return Ok(());
    }
    trees
        .as_slice()
        .transaction(|views| {
            for (&(_, k, v), i) in ops.iter().zip(&idx) {
                let Some(view) = views.get(*i) else { continue };
                match v {
                    Some(v) => {
                        view.insert(k, v)?;
                    }
                    None => {
                        view.remove(k)?;
                    }
                }
            }
            Ok::<_, ConflictableTransactionError<StoreError>>(())
        })
        .map_err(tx_err)
}

/// Moves `key` from `from` to `to` (with `value`) if `from` holds it, in one transaction.
pub(super) fn move_if_present(
    from: &sled::Tree,
    to: &sled::Tree,
    key: &[u8],
    value: &[u8],
) -> Result<(), StoreError> {
    (from, to)
        .transaction(|(o, d)| {
            if o.remove(key)?.is_some() {
                d.insert(key, value)?;
            }
            Ok::<_, ConflictableTransactionError<StoreError>>(())
        })
        .map_err(tx_err)
}
