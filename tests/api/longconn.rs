//! Issue 15: longconn.
