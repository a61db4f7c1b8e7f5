//! `FeishuClient` (an edge, HTTP via reqwest + rustls/ring): the tenant token, the four
//! message writes of [`Outgoing`], reading a message back and the bot's own identity.
//! One HTTP attempt per call (retries belong to the outbox), except the single retry after
//! Feishu reports the tenant token invalid. Tokens and the app secret are never logged.

use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, RequestBuilder};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Value, json};

use super::limits::Limiters;
use super::response::{decode, truncated};
use super::token::{FreshToken, TokenCache};
use super::types::{BotInfo, Delivered, FetchedMessage, Outgoing, OutgoingKind};
use super::{Disposition, FeishuError};

/// How to reach Feishu and how hard to push it.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// `https://open.feishu.cn` (Feishu), `https://open.larksuite.com` (Lark) or a fake.
    pub base_url: String,
    /// The self-built app's id (`cli_…`).
    pub app_id: String,
    /// The app secret.
    pub app_secret: SecretString,
    /// Whole-request timeout.
    pub timeout: Duration,
    /// Per-app writes per second (Feishu: 50).
    pub app_per_second: u32,
    /// Per-app writes per minute (Feishu: 1000).
    pub app_per_minute: u32,
    /// Per-chat writes per second (Feishu: 5, shared by all bots in the chat).
    pub chat_per_second: u32,
}

impl ClientConfig {
    /// A configuration with Feishu's documented limits and a 10 s timeout.
    pub fn new(base_url: &str, app_id: &str, app_secret: SecretString) -> Self {
        Self {
            base_url: base_url.to_owned(),
            app_id: app_id.to_owned(),
            app_secret,
            timeout: Duration::from_secs(10),
            app_per_second: 50,
            app_per_minute: 1000,
            chat_per_second: 5,
        }
    }
}

/// A cheap-to-clone handle on one Feishu app's API.
#[derive(Clone)]
pub struct FeishuClient {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    app_id: String,
    app_secret: SecretString,
    token: TokenCache,
    limits: Limiters,
}

impl std::fmt::Debug for FeishuClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeishuClient")
            .field("base_url", &self.inner.base_url)
            .field("app_id", &self.inner.app_id)
            .finish_non_exhaustive()
    }
}

impl FeishuClient {
    /// Builds the client (no network traffic yet).
    ///
    /// # Errors
    /// `Config` for a base URL that is not http(s), a zero rate, or an HTTP client that cannot
    /// be built.
    pub fn new(cfg: ClientConfig) -> Result<Self, FeishuError> {
        let base_url = cfg.base_url.trim_end_matches('/').to_owned();
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(FeishuError::Config(
                "飞书地址必须以 http:// 或 https:// 开头".to_owned(),
            ));
        }
        // Idempotent: an Err only means a provider is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(cfg.timeout)
            .connect_timeout(cfg.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("duban/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|_| FeishuError::Config("无法创建 HTTP 客户端".to_owned()))?;
        let limits = Limiters::new(cfg.app_per_second, cfg.app_per_minute, cfg.chat_per_second)?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                base_url,
                app_id: cfg.app_id,
                app_secret: cfg.app_secret,
                token: TokenCache::new(),
                limits,
            }),
        })
    }

    /// The tenant_access_token: cached, refreshed when fewer than 10 minutes remain, with
    /// one refresh in flight at a time (concurrent callers wait for it).
    ///
    /// # Errors
    /// The token endpoint's failure, e.g. `Api { code: 10014 }` for a wrong secret.
    pub async fn tenant_token(&self) -> Result<String, FeishuError> {
        self.inner.token.get(|| self.fetch_token()).await
    }

    /// Performs one write after waiting on the rate limiters (per app, and per chat by
    /// `op.chat_hint`). If Feishu reports the token invalid or expired, the token is dropped,
    /// fetched again and the write retried once.
    ///
    /// # Errors
    /// Any [`FeishuError`]; [`FeishuError::disposition`] says whether to retry.
    #[tracing::instrument(skip_all, fields(op = op.op_name(), code))]
    pub async fn execute(&self, op: &Outgoing) -> Result<Delivered, FeishuError> {
        self.inner.limits.until_ready(op.chat_hint.as_deref()).await;
        let result = self
            .authed(|token| self.build(op, token))
            .await
            .map(|v| Delivered {
                message_id: v
                    .pointer("/data/message_id")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            });
        record(op.op_name(), &result);
        result
    }

    /// Reads a message (`GET /open-apis/im/v1/messages/:id`).
    ///
    /// # Errors
    /// Any [`FeishuError`]; `Decode` if the answer holds no message.
    #[tracing::instrument(skip_all, fields(op = "get_message", code))]
    pub async fn get_message(&self, message_id: &str) -> Result<FetchedMessage, FeishuError> {
        let id = path_segment(message_id)?;
        let url = format!("{}/open-apis/im/v1/messages/{id}", self.inner.base_url);
        let result = self
            .authed(|token| Ok(self.inner.http.get(&url).bearer_auth(token)))
            .await
            .and_then(|v| fetched_message(&v));
        record("get_message", &result);
        result
    }

    /// The bot's identity (`GET /open-apis/bot/v3/info`; `bot` sits at the top level).
    ///
    /// # Errors
    /// Any [`FeishuError`]; `Decode` if the answer holds no bot.
    #[tracing::instrument(skip_all, fields(op = "bot_info", code))]
    pub async fn bot_info(&self) -> Result<BotInfo, FeishuError> {
        let url = format!("{}/open-apis/bot/v3/info", self.inner.base_url);
        let result = self
            .authed(|token| Ok(self.inner.http.get(&url).bearer_auth(token)))
            .await
            .and_then(|v| {
                v.get("bot")
                    .and_then(|b| serde_json::from_value::<BotInfo>(b.clone()).ok())
                    .ok_or_else(|| FeishuError::Decode {
                        raw: truncated(&v.to_string()),
                    })
            });
        record("bot_info", &result);
        result
    }

    /// Runs the request built by `build` with the current token; on a token-invalid answer
    /// drops that token, fetches a new one and runs it once more.
    pub(super) async fn authed<F>(&self, build: F) -> Result<Value, FeishuError>
    where
        F: Fn(&str) -> Result<RequestBuilder, FeishuError>,
    {
        let token = self.tenant_token().await?;
        match send(build(&token)?).await {
            Err(e) if e.is_token_invalid() => {
                tracing::info!(code = e.code(), "飞书令牌失效，重新获取后重试一次");
                self.inner.token.invalidate(&token).await;
                let token = self.tenant_token().await?;
                send(build(&token)?).await
            }
            other => other,
        }
    }

    /// The shared HTTP client (for the API families in sibling modules).
    pub(super) fn http(&self) -> &reqwest::Client {
        &self.inner.http
    }

    /// `base_url` + `path` (`path` starts with `/open-apis/`).
    pub(super) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.inner.base_url)
    }

    /// Waits on the per-app rate limiters (no chat involved).
    pub(super) async fn pace(&self) {
        self.inner.limits.until_ready(None).await;
    }

    /// Drops `token` from the cache, so the next call fetches a new one.
    pub(super) async fn invalidate_token(&self, token: &str) {
        self.inner.token.invalidate(token).await;
    }

    /// The HTTP request for one outgoing operation.
    fn build(&self, op: &Outgoing, token: &str) -> Result<RequestBuilder, FeishuError> {
        let base = format!("{}/open-apis/im/v1/messages", self.inner.base_url);
        let http = &self.inner.http;
        let rb = match &op.kind {
            OutgoingKind::Send { receive_id_type, receive_id, msg_type, content, uuid } => http
                .post(base)
                .query(&[("receive_id_type", receive_id_type.as_str())])
                .json(&json!({ "receive_id": receive_id, "msg_type": msg_type, "content": content, "uuid": uuid })),
            OutgoingKind::Reply { message_id, msg_type, content, uuid, reply_in_thread } => http
                .post(format!("{base}/{}/reply", path_segment(message_id)?))
                .json(&json!({ "msg_type": msg_type, "content": content, "uuid": uuid, "reply_in_thread": reply_in_thread })),
            OutgoingKind::PatchCard { message_id, content } => http
                .request(Method::PATCH, format!("{base}/{}", path_segment(message_id)?))
                .json(&json!({ "content": content })),
            OutgoingKind::UrgentApp { message_id, user_ids }
            | OutgoingKind::UrgentSms { message_id, user_ids }
            | OutgoingKind::UrgentPhone { message_id, user_ids } => http
                .request(
                    Method::PATCH,
                    format!("{base}/{}/{}", path_segment(message_id)?, op.op_name()),
                )
                .query(&[("user_id_type", "open_id")])
                .json(&json!({ "user_id_list": user_ids })),
            OutgoingKind::OkrProgress { target_id, target_type, source_title, source_url, content } => http
                .post(format!("{}/open-apis/okr/v1/progress_records", self.inner.base_url))
                .query(&[("user_id_type", "open_id")])
                .json(&super::types::okr_progress_body(target_id, *target_type, source_title, source_url, content)),
        };
        Ok(rb.bearer_auth(token))
    }

    /// `POST /open-apis/auth/v3/tenant_access_token/internal`.
    async fn fetch_token(&self) -> Result<FreshToken, FeishuError> {
        let url = format!(
            "{}/open-apis/auth/v3/tenant_access_token/internal",
            self.inner.base_url
        );
        let body = json!({
            "app_id": self.inner.app_id,
            "app_secret": self.inner.app_secret.expose_secret(),
        });
        let result = send(self.inner.http.post(url).json(&body)).await.and_then(|v| {
            let token = v.get("tenant_access_token").and_then(Value::as_str);
            let expire = v.get("expire").and_then(Value::as_u64);
            match (token, expire) {
                (Some(t), Some(e)) => Ok(FreshToken {
                    value: SecretString::from(t.to_owned()),
                    expire_secs: e,
                }),
                // Never echo this body: it holds a token.
                _ => Err(FeishuError::Decode {
                    raw: "tenant_access_token 缺失".to_owned(),
                }),
            }
        });
        match &result {
            Ok(_) => metrics::counter!("duban_feishu_requests_total", "op" => "token", "outcome" => "ok")
                .increment(1),
            Err(e) => record_error("token", e),
        }
        result
    }
}

/// Sends one request and decodes the envelope.
pub(super) async fn send(rb: RequestBuilder) -> Result<Value, FeishuError> {
    let resp = rb.send().await.map_err(transport)?;
    let status = resp.status().as_u16();
    let reset = resp
        .headers()
        .get("x-ogw-ratelimit-reset")
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned);
    let body = resp.text().await.map_err(transport)?;
    let result = decode(status, reset.as_deref(), &body);
    if let Some(code) = result.as_ref().err().and_then(FeishuError::code) {
        tracing::Span::current().record("code", code);
    }
    result
}

/// Describes a reqwest failure without its URL or anything else from the request.
pub(super) fn transport(e: reqwest::Error) -> FeishuError {
    let what = if e.is_timeout() {
        "请求超时"
    } else if e.is_connect() {
        "连接失败"
    } else {
        "请求失败"
    };
    FeishuError::Transport(what.to_owned())
}

/// A message id as a single URL path segment; anything else would change the route.
pub(super) fn path_segment(id: &str) -> Result<&str, FeishuError> {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        Ok(id)
    } else {
        Err(FeishuError::Config("消息编号格式不正确".to_owned()))
    }
}

/// `data.items[0]` of a get-message answer.
fn fetched_message(v: &Value) -> Result<FetchedMessage, FeishuError> {
    let decode_err = || FeishuError::Decode {
        raw: truncated(&v.to_string()),
    };
    let item = v.pointer("/data/items/0").ok_or_else(decode_err)?;
    let s = |ptr: &str| item.pointer(ptr).and_then(Value::as_str).map(str::to_owned);
    Ok(FetchedMessage {
        message_id: s("/message_id").ok_or_else(decode_err)?,
        msg_type: s("/msg_type").ok_or_else(decode_err)?,
        content: s("/body/content").ok_or_else(decode_err)?,
        sender_id: s("/sender/id").unwrap_or_default(),
        sender_type: s("/sender/sender_type").unwrap_or_default(),
        chat_id: s("/chat_id").unwrap_or_default(),
        parent_id: s("/parent_id").filter(|p| !p.is_empty()),
    })
}

/// Counts the call by outcome, and errors by code.
pub(super) fn record<T>(op: &'static str, result: &Result<T, FeishuError>) {
    match result {
        Ok(_) => metrics::counter!("duban_feishu_requests_total", "op" => op, "outcome" => "ok").increment(1),
        Err(e) => record_error(op, e),
    }
}

fn record_error(op: &'static str, e: &FeishuError) {
    let outcome = match e.disposition() {
        Disposition::Retry { .. } => "retry",
        Disposition::Permanent => "permanent",
    };
    metrics::counter!("duban_feishu_requests_total", "op" => op, "outcome" => outcome).increment(1);
    let code = match e {
        FeishuError::Api { code, .. } | FeishuError::RateLimited { code, .. } => code.to_string(),
        FeishuError::Transport(_) => "transport".to_owned(),
        FeishuError::Decode { .. } => "decode".to_owned(),
        FeishuError::Config(_) => "config".to_owned(),
    };
    metrics::counter!("duban_feishu_errors_total", "code" => code).increment(1);
    tracing::debug!(op, error.message = %e, "飞书接口调用失败");
}
