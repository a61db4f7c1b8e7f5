//! Issue 15: operator.
