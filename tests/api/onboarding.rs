//! Issue 15: onboarding.
