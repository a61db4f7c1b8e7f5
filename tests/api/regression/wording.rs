//! Issue 12 regressions: wording.
