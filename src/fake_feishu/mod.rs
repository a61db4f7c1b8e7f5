//! A fake Feishu OpenAPI (an edge: an axum server on 127.0.0.1, in-memory state) that
//! enforces the contract of the protocol notes §15: tokens, Bearer checks, content rules,
//! size caps, `uuid` de-duplication, chat membership, card PATCH rules, urgent_app and the
//! per-chat rate limit, with fault injection (outage, failures, 429s, token expiry) for tests.
//! Compiled into the library so the sandbox mode can run it in-process.

mod auth;
mod bitable;
mod bitable_fields;
mod bitable_search;
mod content;
mod docs;
mod files;
mod longconn;
mod members;
mod messages;
mod okr;
mod performance;
mod raw;
mod reply;
mod routes;
mod state;
mod updates;
mod wire_frame;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests;

use std::time::Duration;

use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub use files::FakeFile;
pub use longconn::{AckRecord, PingRecord};
pub use okr::{FakeObjective, FakeOkr, FakePeriod, FakeProgress};
pub use performance::FakeAdditionalInfo;
pub use raw::RawRequest;
pub use routes::router;
pub use state::{FakeMessage, FakeState, LoggedRequest};
pub use wire_frame::{SERVICE_ID, WireFrame};

/// A running fake Feishu server; stops when dropped (or on [`FakeFeishu::shutdown`]).
#[derive(Debug)]
pub struct FakeFeishu {
    /// `http://127.0.0.1:<port>`: use as the client's base URL.
    pub base_url: String,
    state: FakeState,
    stop: CancellationToken,
    task: Option<JoinHandle<()>>,
}

impl FakeFeishu {
    /// Binds `127.0.0.1:0` and serves a fake tenant for one app.
    ///
    /// # Errors
    /// When the port cannot be bound.
    pub async fn start(app_id: &str, app_secret: &str) -> std::io::Result<Self> {
        let state = FakeState::new(app_id, app_secret);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let stop = CancellationToken::new();
        let app = routes::router(state.clone());
        let until = stop.clone().cancelled_owned();
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).with_graceful_shutdown(until).await {
                tracing::warn!(error.message = %e, "fake Feishu server stopped with an error");
            }
        });
        Ok(Self {
            base_url: format!("http://{addr}"),
            state,
            stop,
            task: Some(task),
        })
    }

    /// The router over `state`, for in-process use without a socket.
    pub fn router(state: FakeState) -> axum::Router {
        routes::router(state)
    }

    /// The shared state behind this server.
    pub fn state(&self) -> &FakeState {
        &self.state
    }

    /// Stops accepting connections and waits (up to 5 s) for the server task to end.
    pub async fn shutdown(mut self) {
        self.stop.cancel();
        if let Some(task) = self.task.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }

    /// Every message the bot sent (sends and replies), in order.
    pub fn messages(&self) -> Vec<FakeMessage> {
        self.state.messages()
    }

    /// Every file the bot uploaded, in order.
    pub fn files(&self) -> Vec<FakeFile> {
        self.state.lock().files.clone()
    }

    /// One message by id.
    pub fn message(&self, id: &str) -> Option<FakeMessage> {
        self.state.message(id)
    }

    /// Every message, users' seeded ones included, in order.
    pub fn all_messages(&self) -> Vec<FakeMessage> {
        self.state.all_messages()
    }

    /// Records a user's message under the id Feishu gave it.
    pub fn add_user_message(
        &self,
        message_id: &str,
        chat_id: &str,
        sender_open_id: &str,
        msg_type: &str,
        content_json: &str,
    ) {
        self.state
            .add_user_message(message_id, chat_id, sender_open_id, msg_type, content_json);
    }

    /// Polls until the bot has sent at least `n` messages or `timeout` passes.
    pub async fn wait_for_messages(&self, n: usize, timeout: Duration) -> Vec<FakeMessage> {
        self.state.wait_for_messages(n, timeout).await
    }

    /// Every request answered, in order.
    pub fn request_log(&self) -> Vec<LoggedRequest> {
        self.state.request_log()
    }

    /// How many times the token endpoint was called.
    pub fn token_requests(&self) -> usize {
        self.state.token_requests()
    }

    /// The bot's open_id, as `bot/v3/info` reports it.
    pub fn bot_open_id(&self) -> String {
        self.state.bot_open_id()
    }

    /// Gives the bot another open_id (before duban first asks `bot/v3/info`).
    pub fn set_bot_open_id(&self, open_id: &str) {
        self.state.set_bot_open_id(open_id);
    }

    /// While on, every call (token endpoint included) is answered HTTP 503.
    pub fn set_outage(&self, on: bool) {
        self.state.set_outage(on);
    }

    /// The next `n` message writes answer `code` with `http_status`.
    pub fn fail_next(&self, n: usize, code: i64, http_status: u16) {
        self.state.fail_next(n, code, http_status);
    }

    /// The next `n` message writes answer 429 / 99991400 with a reset of `reset_secs`.
    pub fn rate_limit_next(&self, n: usize, reset_secs: u64) {
        self.state.rate_limit_next(n, reset_secs);
    }

    /// Invalidates every issued token (calls answer 99991663 until a new one is fetched).
    pub fn expire_tokens(&self) {
        self.state.expire_tokens();
    }

    /// Removes the bot from a chat: writes to it answer 230002.
    pub fn remove_bot_from_chat(&self, chat_id: &str) {
        self.state.remove_bot_from_chat(chat_id);
    }

    /// Adds the bot (back) to a chat: writes to it are accepted again.
    pub fn add_bot_to_chat(&self, chat_id: &str) {
        self.state.add_bot_to_chat(chat_id);
    }

    /// Seeds a user's message; returns its `om_…` id.
    pub fn add_message(
        &self,
        chat_id: &str,
        sender_open_id: &str,
        msg_type: &str,
        content_json: &str,
    ) -> String {
        self.state
            .add_message(chat_id, sender_open_id, msg_type, content_json)
    }
}

impl Drop for FakeFeishu {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}
