//! Several instances on one PostgreSQL: leader lease, shared inbox, failover (issue 19).
