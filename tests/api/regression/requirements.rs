//! Issue 12 regressions: requirements.
