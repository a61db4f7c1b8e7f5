//! `FeishuError`: everything that can go wrong when calling the Feishu OpenAPI, and the one
//! place ([`FeishuError::disposition`]) that decides whether a failed call is worth retrying.
//! Pure: no I/O. Messages never contain tokens or secrets.

use std::time::Duration;

/// A failed Feishu OpenAPI call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeishuError {
    /// The request never got a usable answer: connection refused, timeout, or a gateway error
    /// page (HTTP 5xx without a Feishu JSON body).
    #[error("暂时无法连接飞书服务器（{0}），稍后会自动重试。")]
    Transport(String),
    /// Feishu answered with a non-zero business `code`.
    #[error("飞书接口返回错误（错误码 {code}，HTTP {http_status}）：{msg}")]
    Api {
        /// Feishu's business error code (§14 of the protocol notes).
        code: i64,
        /// Feishu's `msg`, as sent.
        msg: String,
        /// The HTTP status the answer came with (business errors are often 400).
        http_status: u16,
    },
    /// Feishu refused the call because a rate limit was hit.
    #[error("飞书接口调用过于频繁（错误码 {code}），稍后会自动重试。")]
    RateLimited {
        /// The rate-limit code (99991400, 11232, 11233, 11247, 230020 or 232019).
        code: i64,
        /// How long until the window resets (`x-ogw-ratelimit-reset`), when Feishu said so.
        reset: Option<Duration>,
    },
    /// The answer was not the JSON we expected. `raw` is the (truncated) body.
    #[error("飞书返回了无法识别的内容。")]
    Decode {
        /// The body as received, cut to a few hundred characters.
        raw: String,
    },
    /// The client is mis-configured (bad base URL, HTTP client could not be built, …).
    #[error("飞书客户端配置有误：{0}")]
    Config(String),
}

/// What a caller (the outbox) should do with a failed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    /// Try again later; `after` is Feishu's own hint when it gave one.
    Retry {
        /// Wait at least this long before the next attempt, when known.
        after: Option<Duration>,
    },
    /// Retrying cannot help (bad parameters, missing permission, bot not in chat, …).
    Permanent,
}

/// Business codes that mean "rate limited": back off and retry (§10, §14).
pub(crate) const RATE_LIMIT_CODES: &[i64] = &[99991400, 11232, 11233, 11247, 230020, 232019];

/// Business codes that mean "the tenant token is invalid or expired": refresh and retry once.
pub(crate) const TOKEN_INVALID_CODES: &[i64] = &[99991663, 99991664, 99991665];

/// Business codes that mean "an identical request is still being processed": retry later.
const IN_FLIGHT_CODES: &[i64] = &[230049, 18121];

impl FeishuError {
    /// Whether (and when) the failed call should be retried.
    pub fn disposition(&self) -> Disposition {
        match self {
            Self::Transport(_) | Self::Decode { .. } => Disposition::Retry { after: None },
            Self::RateLimited { reset, .. } => Disposition::Retry { after: *reset },
            Self::Config(_) => Disposition::Permanent,
            Self::Api {
                code, http_status, ..
            } => {
                if RATE_LIMIT_CODES.contains(code)
                    || IN_FLIGHT_CODES.contains(code)
                    || TOKEN_INVALID_CODES.contains(code)
                    || *http_status >= 500
                {
                    Disposition::Retry { after: None }
                } else {
                    // 230002 bot not in chat, 230013 out of scope, 99991672 no permission,
                    // 230001 bad parameter, 230025 too long, 230031 card too old, 10014 bad
                    // secret, 99991401 IP denied, 230006 bot disabled, and every unknown 4xx code:
                    // repeating the same request gives the same answer.
                    Disposition::Permanent
                }
            }
        }
    }

    /// Feishu's business code, when the error carries one.
    pub fn code(&self) -> Option<i64> {
        match self {
            Self::Api { code, .. } | Self::RateLimited { code, .. } => Some(*code),
            Self::Transport(_) | Self::Decode { .. } | Self::Config(_) => None,
        }
    }

    /// Whether Feishu said the tenant token is invalid or expired.
    pub(crate) fn is_token_invalid(&self) -> bool {
        self.code().is_some_and(|c| TOKEN_INVALID_CODES.contains(&c))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests {
    use super::*;

    fn api(code: i64, http_status: u16) -> FeishuError {
        FeishuError::Api {
            code,
            msg: "x".to_owned(),
            http_status,
        }
    }

    #[test]
    fn permanent_business_codes_are_not_retried() {
        for code in [
            230002, 230013, 99991672, 230001, 230025, 230031, 10014, 99991401, 230006,
        ] {
            assert_eq!(
                api(code, 400).disposition(),
                Disposition::Permanent,
                "code {code}"
            );
        }
    }

    #[test]
    fn rate_limit_and_in_flight_codes_are_retried() {
        for code in [11232, 11233, 11247, 230020, 232019, 230049, 18121, 99991400] {
            assert_eq!(
                api(code, 400).disposition(),
                Disposition::Retry { after: None },
                "code {code}"
            );
        }
    }

    #[test]
    fn server_errors_are_retried_whatever_the_code() {
        assert_eq!(api(1, 503).disposition(), Disposition::Retry { after: None });
        assert_eq!(
            FeishuError::Transport("timeout".to_owned()).disposition(),
            Disposition::Retry { after: None }
        );
    }

    #[test]
    fn a_rate_limit_carries_its_reset_into_the_disposition() {
        let e = FeishuError::RateLimited {
            code: 99991400,
            reset: Some(Duration::from_secs(7)),
        };
        assert_eq!(
            e.disposition(),
            Disposition::Retry {
                after: Some(Duration::from_secs(7))
            }
        );
        assert_eq!(e.code(), Some(99991400));
    }

    #[test]
    fn config_errors_are_permanent_and_have_no_code() {
        let e = FeishuError::Config("bad url".to_owned());
        assert_eq!(e.disposition(), Disposition::Permanent);
        assert_eq!(e.code(), None);
    }

    #[test]
    fn messages_are_chinese_and_name_the_code() {
        let text = api(230002, 400).to_string();
        assert!(text.contains("230002"), "{text}");
        assert!(text.contains("飞书"), "{text}");
    }
}
