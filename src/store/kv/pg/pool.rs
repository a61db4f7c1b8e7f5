//! The connection threads. The store's API is synchronous and is called from async code (also
//! from current-thread runtimes), so nothing here blocks on the caller's runtime: each thread
//! owns one `postgres::Client` (which drives its own small runtime), takes jobs from a shared
//! queue, and answers on the job's own channel. A lost connection is opened again by the next
//! job; every failure reaches the caller as a [`StoreError`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex, mpsc};

use postgres::{Client, Statement};

use super::redact::redact;
use crate::store::StoreError;

type Job = Box<dyn FnOnce(&mut Conn) + Send>;

/// One connection thread's state: the client (opened on first use, again after a loss) and its
/// prepared statements.
pub(crate) struct Conn {
    url: Arc<str>,
    client: Option<Client>,
    statements: HashMap<&'static str, Statement>,
}

impl Conn {
    /// The open client, connecting if there is none (or it was lost).
    ///
    /// # Errors
    /// The connection failed.
    pub(crate) fn client(&mut self) -> Result<&mut Client, StoreError> {
        if self.client.as_ref().is_some_and(Client::is_closed) {
            self.client = None;
        }
        if self.client.is_none() {
            self.statements.clear();
            self.client = Some(connect(&self.url)?);
        }
        self.client
            .as_mut()
            .ok_or_else(|| StoreError::Pg("no connection".to_owned()))
    }

    /// After a failed job: a connection the server dropped (a restart, a failover, a
    /// terminated backend) is let go, so the next job opens a new one. The client may not have
    /// noticed yet, hence the empty query.
    fn after_error(&mut self) {
        let broken = self
            .client
            .as_mut()
            .is_some_and(|c| c.is_closed() || c.is_valid(std::time::Duration::from_secs(2)).is_err());
        if broken {
            self.client = None;
            self.statements.clear();
        }
    }

    /// The client and `sql` prepared on it (once per connection).
    ///
    /// # Errors
    /// Connection or SQL errors.
    pub(crate) fn prepared(&mut self, sql: &'static str) -> Result<(&mut Client, Statement), StoreError> {
        self.client()?;
        let statement = match self.statements.get(sql) {
            Some(s) => s.clone(),
            None => {
                let client = self.client()?;
                let s = client.prepare(sql).map_err(pg_err)?;
                self.statements.insert(sql, s.clone());
                s
            }
        };
        Ok((self.client()?, statement))
    }
}

/// Opens a connection: TLS (rustls, the system's roots) when the server offers it, as the
/// URL's `sslmode` asks (`prefer` by default, `require` to insist).
///
/// # Errors
/// The connection failed (the message never holds the password).
pub(crate) fn connect(url: &str) -> Result<Client, StoreError> {
    let config: postgres::Config = url
        .parse()
        .map_err(|e| StoreError::Pg(format!("database URL {} is invalid: {e}", redact(url))))?;
    config
        .connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls()?))
        .map_err(|e| {
            let why = e
                .as_db_error()
                .map_or_else(|| e.to_string(), |d| d.message().to_owned());
            StoreError::Pg(format!("cannot connect to {}: {why}", redact(url)))
        })
}

/// The TLS set-up, built once: ring, the system's root certificates.
fn tls() -> Result<rustls::ClientConfig, StoreError> {
    static TLS: std::sync::OnceLock<Result<rustls::ClientConfig, String>> = std::sync::OnceLock::new();
    TLS.get_or_init(|| {
        let mut roots = rustls::RootCertStore::empty();
        for cert in rustls_native_certs::load_native_certs().certs {
            let _ = roots.add(cert);
        }
        Ok(
            rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .map_err(|e| e.to_string())?
                .with_root_certificates(roots)
                .with_no_client_auth(),
        )
    })
    .clone()
    .map_err(StoreError::Pg)
}

/// A PostgreSQL error as a store error (the server's message; never the URL).
pub(crate) fn pg_err(e: postgres::Error) -> StoreError {
    match e.as_db_error() {
        Some(db) => StoreError::Pg(format!("{}: {}", db.code().code(), db.message())),
        None => StoreError::Pg(e.to_string()),
    }
}

/// The queue of the connection threads. The threads stop when the pool is dropped.
pub(crate) struct Pool {
    tx: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pool")
    }
}

impl Pool {
    /// Starts `size` connection threads for `url` (each connects on its first job).
    ///
    /// # Errors
    /// If the OS refuses a thread.
    pub(crate) fn start(url: &str, size: usize) -> Result<Self, StoreError> {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let url: Arc<str> = Arc::from(url);
        for i in 0..size.max(1) {
            let rx = Arc::clone(&rx);
            let mut conn = Conn {
                url: Arc::clone(&url),
                client: None,
                statements: HashMap::new(),
            };
            std::thread::Builder::new()
                .name(format!("duban-pg-{i}"))
                .spawn(move || {
                    loop {
                        let job = {
                            let Ok(rx) = rx.lock() else { return };
                            match rx.recv() {
                                Ok(job) => job,
                                Err(_) => return,
                            }
                        };
                        job(&mut conn);
                    }
                })
                .map_err(|e| StoreError::Io(e.to_string()))?;
        }
        Ok(Self { tx })
    }

    /// Hands `f` to a connection thread; `reply` gets its result (after a failed call, the
    /// connection is checked before its next job).
    fn submit<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Conn) -> Result<T, StoreError> + Send + 'static,
        reply: impl FnOnce(Result<T, StoreError>) + Send + 'static,
    ) -> Result<(), StoreError> {
        self.tx
            .send(Box::new(move |conn: &mut Conn| {
                let r = f(conn);
                if r.is_err() {
                    conn.after_error();
                }
                reply(r);
            }))
            .map_err(|_| StoreError::Pg("database threads stopped".to_owned()))
    }

    /// Runs `f` on a connection thread and waits for its answer.
    ///
    /// # Errors
    /// What `f` returns, or the threads are gone.
    pub(crate) fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Conn) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (reply, answer) = mpsc::sync_channel(1);
        self.submit(f, move |r| {
            let _ = reply.send(r);
        })?;
        answer
            .recv()
            .map_err(|_| StoreError::Pg("database thread stopped".to_owned()))?
    }

    /// [`Pool::run`] for async callers: the task waits for the answer, its thread is free.
    ///
    /// # Errors
    /// What `f` returns, or the threads are gone.
    pub(crate) async fn run_async<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Conn) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.submit(f, move |r| {
            let _ = reply.send(r);
        })?;
        answer
            .await
            .map_err(|_| StoreError::Pg("database thread stopped".to_owned()))?
    }
}
