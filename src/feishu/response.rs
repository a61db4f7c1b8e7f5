//! The one envelope decoder: an HTTP status, the rate-limit reset header and a body become
//! `Result<serde_json::Value, FeishuError>`. Pure. The body is parsed on every status, because
//! Feishu sends business errors with HTTP 400, rate limits with 429 and token errors with 200.

use std::time::Duration;

use serde_json::Value;

use super::FeishuError;
use super::error::RATE_LIMIT_CODES;

/// Longest piece of a body kept in a `Decode` error.
const RAW_KEEP_CHARS: usize = 512;

/// Decodes one Feishu answer. `Ok` holds the whole JSON object (token and bot-info answers
/// carry their fields at the top level, the IM APIs under `data`).
pub(crate) fn decode(status: u16, reset_header: Option<&str>, body: &str) -> Result<Value, FeishuError> {
    let reset = reset_header
        .and_then(|h| h.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let parsed: Option<Value> = serde_json::from_str(body).ok();
    let code = parsed
        .as_ref()
        .and_then(|v| v.get("code"))
        .and_then(Value::as_i64);
    let (Some(value), Some(code)) = (parsed, code) else {
        return Err(match status {
            429 => FeishuError::RateLimited {
                code: 99991400,
                reset,
            },
            500.. => FeishuError::Transport(format!("HTTP {status}")),
            _ => FeishuError::Decode { raw: truncated(body) },
        });
    };
    if code == 0 && (200..300).contains(&status) {
        return Ok(value);
    }
    if status == 429 || RATE_LIMIT_CODES.contains(&code) {
        return Err(FeishuError::RateLimited { code, reset });
    }
    let msg = value
        .get("msg")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Err(FeishuError::Api {
        code,
        msg,
        http_status: status,
    })
}

/// The first few hundred characters of `body`, for error reports.
pub(crate) fn truncated(body: &str) -> String {
    body.chars().take(RAW_KEEP_CHARS).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests {
    use super::*;

    #[test]
    fn success_returns_the_whole_object() {
        let v = decode(
            200,
            None,
            r#"{"code":0,"msg":"success","data":{"message_id":"om_1"}}"#,
        )
        .unwrap();
        assert_eq!(v["data"]["message_id"], "om_1");
    }

    #[test]
    fn a_business_error_on_http_400_keeps_code_and_msg() {
        let e = decode(
            400,
            None,
            r#"{"code":230002,"msg":"Bot/User can NOT be out of the chat."}"#,
        )
        .unwrap_err();
        assert_eq!(
            e,
            FeishuError::Api {
                code: 230002,
                msg: "Bot/User can NOT be out of the chat.".to_owned(),
                http_status: 400
            }
        );
    }

    #[test]
    fn a_token_error_on_http_200_is_still_an_error() {
        let e = decode(200, None, r#"{"code":10014,"msg":"app secret invalid"}"#).unwrap_err();
        assert_eq!(e.code(), Some(10014));
    }

    #[test]
    fn a_429_carries_the_reset_header() {
        let e = decode(
            429,
            Some("52"),
            r#"{"code":99991400,"msg":"request trigger frequency limit"}"#,
        )
        .unwrap_err();
        assert_eq!(
            e,
            FeishuError::RateLimited {
                code: 99991400,
                reset: Some(Duration::from_secs(52))
            }
        );
    }

    #[test]
    fn a_chat_rate_limit_code_on_http_400_is_a_rate_limit() {
        let e = decode(400, None, r#"{"code":230020,"msg":"frequency limit"}"#).unwrap_err();
        assert_eq!(
            e,
            FeishuError::RateLimited {
                code: 230020,
                reset: None
            }
        );
    }

    #[test]
    fn a_gateway_error_page_is_a_transport_error() {
        let e = decode(503, None, "<html>Service Unavailable</html>").unwrap_err();
        assert_eq!(e, FeishuError::Transport("HTTP 503".to_owned()));
    }

    #[test]
    fn garbage_on_200_is_a_decode_error_keeping_a_truncated_body() {
        let body = "x".repeat(2000);
        let FeishuError::Decode { raw } = decode(200, None, &body).unwrap_err() else {
            panic!("not a decode error");
        };
        assert_eq!(raw.len(), RAW_KEEP_CHARS);
    }
}
