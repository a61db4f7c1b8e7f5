//! The fake's token endpoint (§7), the Bearer check every other call passes, and
//! `bot/v3/info` (whose `bot` sits at the top level, §6).

use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use serde_json::{Value, json};

use super::reply::Reply;
use super::state::World;

/// Token lifetime, as Feishu issues it.
const TOKEN_LIFETIME: Duration = Duration::from_secs(7200);
/// A new token is issued only when less than this remains on the current one.
const REISSUE_BELOW: Duration = Duration::from_secs(30 * 60);

impl World {
    /// `POST /open-apis/auth/v3/tenant_access_token/internal`. Errors come back as HTTP 200.
    pub(crate) fn issue_token(&mut self, body: &[u8]) -> Reply {
        self.token_requests += 1;
        let parsed: Option<Value> = serde_json::from_slice(body).ok();
        let field = |k: &str| parsed.as_ref().and_then(|v| v.get(k)).and_then(Value::as_str);
        let (Some(app_id), Some(secret)) = (field("app_id"), field("app_secret")) else {
            return Reply::error(400, 10003, "invalid param");
        };
        if app_id != self.app_id {
            return Reply::error(200, 10003, "invalid param");
        }
        if secret != self.app_secret {
            return Reply::error(200, 10014, "app secret invalid");
        }
        let now = Instant::now();
        let reusable = self.current_token.as_ref().and_then(|t| {
            let left = self.tokens.get(t)?.saturating_duration_since(now);
            (left >= REISSUE_BELOW).then(|| (t.clone(), left))
        });
        let (token, left) = match reusable {
            Some(found) => found,
            None => {
                self.seq += 1;
                let token = format!("t-fake{:04}{:016x}", self.seq, rand::random::<u64>());
                self.tokens.insert(token.clone(), now + TOKEN_LIFETIME);
                self.current_token = Some(token.clone());
                (token, TOKEN_LIFETIME)
            }
        };
        Reply::top(json!({
            "code": 0,
            "msg": "ok",
            "tenant_access_token": token,
            "expire": left.as_secs(),
        }))
    }

    /// The Bearer check: missing ⇒ 99991661, malformed ⇒ 99991671, unknown or expired ⇒
    /// 99991663 (all HTTP 400).
    pub(crate) fn authorize(&mut self, headers: &HeaderMap) -> Result<(), Reply> {
        let Some(value) = headers.get("authorization").and_then(|v| v.to_str().ok()) else {
            return Err(Reply::error(
                400,
                99991661,
                "Missing access token for authorization. Please make a request with token attached.",
            ));
        };
        let Some(token) = value
            .strip_prefix("Bearer ")
            .filter(|t| t.starts_with("t-") || t.starts_with("u-"))
        else {
            return Err(Reply::error(
                400,
                99991671,
                "Invalid access token format, must start with t- or u-.",
            ));
        };
        let now = Instant::now();
        match self.tokens.get(token) {
            Some(expiry) if *expiry > now => Ok(()),
            _ => Err(Reply::error(
                400,
                99991663,
                "Invalid access token for authorization. Please make a request with token attached.",
            )),
        }
    }

    /// `GET /open-apis/bot/v3/info`.
    pub(crate) fn bot_info(&mut self, headers: &HeaderMap) -> Result<Reply, Reply> {
        self.authorize(headers)?;
        Ok(Reply::top(json!({
            "code": 0,
            "msg": "ok",
            "bot": {
                "activate_status": 2,
                "app_name": "督办",
                "avatar_url": "https://example.invalid/avatar.png",
                "ip_white_list": [],
                "open_id": self.bot_open_id,
            },
        })))
    }
}
