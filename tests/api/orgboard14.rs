//! Integration tests: see the module list in main.rs.
