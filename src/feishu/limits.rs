//! Client-side rate limiters (governor, in memory): per app 50/s and 1000/min, per chat
//! 5/s (§10). Waiting here is cheaper than being answered 429 and retrying.
//!
//! The per-second limiters allow no burst: they space requests evenly. Feishu counts per chat
//! in a one-second window, and a burst of 5 followed by GCRA's steady 5/s would put up to 10
//! requests into the first second. The per-app and per-chat spacings also carry a 10 % margin,
//! so that network jitter cannot squeeze n + 1 requests into one of Feishu's seconds.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::FeishuError;

/// Forget idle per-chat entries once this many chats are tracked.
const MAX_TRACKED_CHATS: usize = 4096;

/// The three limiters every write passes.
pub(crate) struct Limiters {
    app_second: DefaultDirectRateLimiter,
    app_minute: DefaultDirectRateLimiter,
    chat: DefaultKeyedRateLimiter<String>,
}

impl Limiters {
    /// Builds the limiters; every rate must be positive.
    pub(crate) fn new(
        app_per_second: u32,
        app_per_minute: u32,
        chat_per_second: u32,
    ) -> Result<Self, FeishuError> {
        // The same 10 % margin as per chat: Feishu counts the app's calls in a one-second window
        // too, and jitter must not squeeze n + 1 of them into one.
        let app_second = spaced(Duration::from_millis(1100), app_per_second, 1)?;
        // Burst of one second's worth, so the minute quota never blocks a short flurry that the
        // per-second limiter already allows.
        let app_minute = spaced(Duration::from_secs(60), app_per_minute, app_per_second)?;
        let chat = spaced(Duration::from_millis(1100), chat_per_second, 1)?;
        Ok(Self {
            app_second: RateLimiter::direct(app_second),
            app_minute: RateLimiter::direct(app_minute),
            chat: RateLimiter::dashmap(chat),
        })
    }

    /// Waits until a request may go out: app limits first, then the chat's own.
    pub(crate) async fn until_ready(&self, chat: Option<&str>) {
        self.app_minute.until_ready().await;
        self.app_second.until_ready().await;
        if let Some(chat) = chat {
            if self.chat.len() > MAX_TRACKED_CHATS {
                self.chat.retain_recent();
            }
            self.chat.until_key_ready(&chat.to_owned()).await;
        }
    }
}

/// A quota of `per_window` requests per `window`, evenly spaced, with the given burst.
fn spaced(window: Duration, per_window: u32, burst: u32) -> Result<Quota, FeishuError> {
    let n =
        NonZeroU32::new(per_window).ok_or_else(|| FeishuError::Config("限流配置必须大于 0".to_owned()))?;
    let burst = NonZeroU32::new(burst.clamp(1, per_window)).unwrap_or(n);
    Quota::with_period(window / n.get())
        .map(|q| q.allow_burst(burst))
        .ok_or_else(|| FeishuError::Config("限流配置过大".to_owned()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests {
    use std::time::Instant;

    use super::*;

    #[test]
    fn a_zero_rate_is_a_config_error() {
        assert!(matches!(Limiters::new(0, 1000, 5), Err(FeishuError::Config(_))));
        assert!(matches!(Limiters::new(50, 1000, 0), Err(FeishuError::Config(_))));
    }

    #[test]
    fn the_chat_limiter_lets_one_request_through_at_once_per_chat() {
        let l = Limiters::new(50, 1000, 5).unwrap();
        let a = "oc_a".to_owned();
        let b = "oc_b".to_owned();
        assert!(l.chat.check_key(&a).is_ok());
        assert!(
            l.chat.check_key(&a).is_err(),
            "second request in the same instant must wait"
        );
        assert!(l.chat.check_key(&b).is_ok(), "another chat has its own budget");
    }

    #[tokio::test]
    async fn five_per_second_spaces_requests_over_about_a_second() {
        let l = Limiters::new(50, 1000, 5).unwrap();
        let start = Instant::now();
        for _ in 0..6 {
            l.until_ready(Some("oc_x")).await;
        }
        // Six requests at 5/s need five gaps of ≥ 200 ms; only a lower bound is asserted.
        assert!(
            start.elapsed() >= Duration::from_millis(1000),
            "{:?}",
            start.elapsed()
        );
    }
}
