//! The tenant_access_token cache: one token, refreshed when fewer than ten minutes remain
//! (the Python SDK's margin, §7), with at most one refresh in flight — concurrent callers
//! queue on the same lock and then read the fresh token. No I/O of its own: the caller passes
//! the fetch. The token is kept as a `SecretString`, so it never shows up in `Debug` output.

use std::future::Future;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::FeishuError;

/// Refresh when less than this remains.
pub(crate) const REFRESH_MARGIN: Duration = Duration::from_secs(10 * 60);

/// A fetched token and its lifetime in seconds, as the token endpoint reports them.
pub(crate) struct FreshToken {
    pub(crate) value: SecretString,
    pub(crate) expire_secs: u64,
}

struct Cached {
    value: SecretString,
    expires_at: Instant,
}

/// Single-flight cache of the tenant token.
pub(crate) struct TokenCache {
    slot: Mutex<Option<Cached>>,
}

impl TokenCache {
    pub(crate) fn new() -> Self {
        Self {
            slot: Mutex::new(None),
        }
    }

    /// The cached token, or a new one from `fetch` when none is cached or it is about to
    /// expire. The lock is held across the fetch on purpose: that is the single flight.
    pub(crate) async fn get<F, Fut>(&self, fetch: F) -> Result<String, FeishuError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<FreshToken, FeishuError>>,
    {
        let mut slot = self.slot.lock().await;
        let now = Instant::now();
        if let Some(cached) = slot.as_ref()
            && cached.expires_at.saturating_duration_since(now) > REFRESH_MARGIN
        {
            return Ok(cached.value.expose_secret().to_owned());
        }
        let fresh = fetch().await?;
        let value = fresh.value.expose_secret().to_owned();
        *slot = Some(Cached {
            value: fresh.value,
            expires_at: now + Duration::from_secs(fresh.expire_secs),
        });
        Ok(value)
    }

    /// Forgets the cached token if it is still `rejected` (a concurrent caller may already
    /// have replaced it with a good one, which must be kept).
    pub(crate) async fn invalidate(&self, rejected: &str) {
        let mut slot = self.slot.lock().await;
        if slot.as_ref().is_some_and(|c| c.value.expose_secret() == rejected) {
            *slot = None;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap (no clippy.toml yet)
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn fetcher(
        calls: &Arc<AtomicUsize>,
        expire_secs: u64,
    ) -> impl FnOnce() -> std::pin::Pin<Box<dyn Future<Output = Result<FreshToken, FeishuError>> + Send>>
    {
        let calls = Arc::clone(calls);
        move || {
            Box::pin(async move {
                let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
                Ok(FreshToken {
                    value: SecretString::from(format!("t-{n}")),
                    expire_secs,
                })
            })
        }
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_callers_share_one_fetch() {
        let cache = Arc::new(TokenCache::new());
        let calls = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..10 {
            let cache = Arc::clone(&cache);
            let calls = Arc::clone(&calls);
            tasks.push(tokio::spawn(async move {
                cache.get(fetcher(&calls, 7200)).await.unwrap()
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap(), "t-1");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_token_is_refreshed_when_less_than_ten_minutes_remain() {
        let cache = TokenCache::new();
        let calls = Arc::new(AtomicUsize::new(0));
        assert_eq!(cache.get(fetcher(&calls, 7200)).await.unwrap(), "t-1");
        tokio::time::advance(Duration::from_secs(7200 - 601)).await;
        assert_eq!(cache.get(fetcher(&calls, 7200)).await.unwrap(), "t-1");
        tokio::time::advance(Duration::from_secs(2)).await;
        assert_eq!(cache.get(fetcher(&calls, 7200)).await.unwrap(), "t-2");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn invalidating_drops_only_the_rejected_token() {
        let cache = TokenCache::new();
        let calls = Arc::new(AtomicUsize::new(0));
        assert_eq!(cache.get(fetcher(&calls, 7200)).await.unwrap(), "t-1");
        cache.invalidate("t-0").await;
        assert_eq!(cache.get(fetcher(&calls, 7200)).await.unwrap(), "t-1");
        cache.invalidate("t-1").await;
        assert_eq!(cache.get(fetcher(&calls, 7200)).await.unwrap(), "t-2");
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_fetch_caches_nothing() {
        let cache = TokenCache::new();
        let failed = cache
            .get(|| async { Err(FeishuError::Transport("down".to_owned())) })
            .await;
        assert!(failed.is_err());
        let calls = Arc::new(AtomicUsize::new(0));
        assert_eq!(cache.get(fetcher(&calls, 7200)).await.unwrap(), "t-1");
    }
}
