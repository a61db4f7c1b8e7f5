//! Issue 12 regressions: deadlines.
