//! Issue 12 regressions: stale_cards.
