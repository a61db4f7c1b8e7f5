-- Several instances (the cluster coordinator): one row per lock. `leader` is the lease (who
-- holds it, the fencing epoch raised on every takeover, when it was taken and last renewed);
-- `service` records who last held the cross-instance service lock, so an instance taking it
-- knows whether another instance changed the shared state since.
CREATE TABLE duban_leases (
    name        text PRIMARY KEY,
    holder      text NOT NULL DEFAULT '',
    epoch       bigint NOT NULL DEFAULT 0,
    acquired_at timestamptz,
    renewed_at  timestamptz
);
INSERT INTO duban_leases (name) VALUES ('leader'), ('service');
