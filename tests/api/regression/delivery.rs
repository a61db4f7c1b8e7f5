//! Issue 12 regressions: delivery.
