//! Storage failures, one type for the whole store.

/// Storage failures.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// sled failed.
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    /// A value could not be (de)serialised.
    #[error("stored value {key} is unreadable: {reason}")]
    Codec {
        /// Which key.
        key: String,
        /// Why.
        reason: String,
    },
    /// The flusher failed.
    #[error("flush failed: {0}")]
    Flush(String),
    /// Another process holds the data directory.
    #[error("数据目录 {0} 已被另一个正在运行的 duban 占用（同一目录只能运行一个实例）")]
    Locked(String),
    /// PostgreSQL failed (the message never holds the password).
    #[error("database error: {0}")]
    Pg(String),
    /// The database was written by a newer duban.
    #[error("{0}")]
    Newer(String),
    /// OS error.
    #[error("{0}")]
    Io(String),
}

/// Converts an abort-free transaction result.
pub(crate) fn tx_err(e: sled::transaction::TransactionError<StoreError>) -> StoreError {
    match e {
        sled::transaction::TransactionError::Abort(e) => e,
        sled::transaction::TransactionError::Storage(e) => StoreError::Sled(e),
    }
}
