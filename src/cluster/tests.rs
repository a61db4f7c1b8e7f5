//! Coordinator tests against the development PostgreSQL.
