//! PostgreSQL as the store: migrate-store, schema versions, the store switch (issue 19).
