//! Parallel reads over many keys.

use super::error::StoreError;

/// Runs `f` over `items` split in `width` parts (the calling thread takes the first part), and
/// joins the results in order. Below `min` items, or with a width of 1, it runs on the calling
/// thread. For many random reads: on sled they page nodes in from disk (one part per core, at
/// most four: [`super::Store::read_width`]), on PostgreSQL each is a round trip (one part per
/// connection). A tick plans its due items this way, and the scheduler reads the next ones ahead.
///
/// # Errors
/// The first part's error, or [`StoreError::Io`] naming `what` when a thread panicked.
pub(crate) fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    width: usize,
    min: usize,
    what: &str,
    f: impl Fn(&[T]) -> Result<Vec<R>, StoreError> + Sync,
) -> Result<Vec<R>, StoreError> {
    let threads = width;
    if threads < 2 || items.len() < min {
        return f(items);
    }
    let f = &f;
    std::thread::scope(|s| {
        let mut parts = items.chunks(items.len().div_ceil(threads));
        let first = parts.next().unwrap_or_default();
        let handles: Vec<_> = parts.map(|part| s.spawn(move || f(part))).collect();
        let mut out = f(first)?;
        for h in handles {
            out.extend(
                h.join()
                    .map_err(|_| StoreError::Io(format!("{what}: a thread failed")))??,
            );
        }
        Ok(out)
    })
}
