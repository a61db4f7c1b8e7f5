//! Answers shaped like Feishu's: `{"code":0,"msg":"success","data":{…}}` for successes,
//! `{"code":…,"msg":…,"error":{"log_id":…}}` for failures, a gateway page for outages.

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::content::Refusal;

/// One answer of the fake, before it becomes an HTTP response.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    body: Body,
    headers: Vec<(&'static str, String)>,
    /// The chat a message write concerned, for the request log.
    pub(crate) chat: Option<String>,
}

#[derive(Debug, Clone)]
enum Body {
    Json(Value),
    Text(&'static str),
    Plain(String),
}

impl Reply {
    /// HTTP 200 with `data` in the standard envelope.
    pub(crate) fn data(data: Value) -> Self {
        Self::top(json!({ "code": 0, "msg": "success", "data": data }))
    }

    /// HTTP 200 with `obj` as the whole body (token and bot-info answers).
    pub(crate) fn top(obj: Value) -> Self {
        Self {
            status: 200,
            body: Body::Json(obj),
            headers: Vec::new(),
            chat: None,
        }
    }

    /// A failure with a business code.
    pub(crate) fn error(status: u16, code: i64, msg: &str) -> Self {
        Self {
            status,
            body: Body::Json(json!({
                "code": code,
                "msg": msg,
                "error": { "log_id": "20250101000000FAKEFEISHU", "troubleshooter": "fake feishu" },
            })),
            headers: Vec::new(),
            chat: None,
        }
    }

    /// A content or parameter refusal (HTTP 400).
    pub(crate) fn refusal(r: &Refusal) -> Self {
        Self::error(400, r.code, r.msg)
    }

    /// 429 / 99991400 with the gateway's rate-limit headers.
    pub(crate) fn rate_limited(limit: u32, reset_secs: u64) -> Self {
        let mut r = Self::error(429, 99991400, "request trigger frequency limit");
        r.headers.push(("x-ogw-ratelimit-limit", limit.to_string()));
        r.headers.push(("x-ogw-ratelimit-reset", reset_secs.to_string()));
        r
    }

    /// The gateway's answer while the service is down: HTTP 503, not JSON.
    pub(crate) fn outage() -> Self {
        Self {
            status: 503,
            body: Body::Text("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"),
            headers: Vec::new(),
            chat: None,
        }
    }

    /// HTTP 200 with a plain-text file body (transcript downloads).
    pub(crate) fn plain(text: String) -> Self {
        Self {
            status: 200,
            body: Body::Plain(text),
            headers: Vec::new(),
            chat: None,
        }
    }

    /// Notes the chat this answer concerns.
    pub(crate) fn in_chat(mut self, chat: &str) -> Self {
        self.chat = Some(chat.to_owned());
        self
    }

    /// The JSON answered, if the body is JSON.
    pub(crate) fn json(&self) -> Option<&Value> {
        match &self.body {
            Body::Json(v) => Some(v),
            Body::Text(_) | Body::Plain(_) => None,
        }
    }

    /// The business code answered, if the body is JSON.
    pub(crate) fn code(&self) -> Option<i64> {
        match &self.body {
            Body::Json(v) => v.get("code").and_then(Value::as_i64),
            Body::Text(_) | Body::Plain(_) => None,
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut resp = match self.body {
            Body::Json(v) => (status, axum::Json(v)).into_response(),
            Body::Text(t) => (status, [("content-type", "text/html")], t).into_response(),
            Body::Plain(t) => (status, [("content-type", "text/plain; charset=utf-8")], t).into_response(),
        };
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                resp.headers_mut().insert(HeaderName::from_static(name), value);
            }
        }
        resp.headers_mut()
            .insert("x-tt-logid", HeaderValue::from_static("20250101000000FAKEFEISHU"));
        resp
    }
}
