-- duban's store on PostgreSQL: the same ordered key-value trees as on sled, in one table.
-- Keys and values are the bytes sled holds (values: a format byte, then JSON), so a sled
-- store moves here byte for byte (`duban migrate-store`).
CREATE TABLE duban_kv (
    tree text COLLATE "C" NOT NULL,
    k    bytea NOT NULL,
    v    bytea NOT NULL,
    PRIMARY KEY (tree, k)
);

-- Ids (inbox and outbox positions, audit and version stamps): above every id ever handed out.
CREATE SEQUENCE duban_ids AS bigint MINVALUE 1 START 1;

-- For people reading the database: JSON values as jsonb (format byte 1), others as NULL.
CREATE VIEW duban_kv_json AS
SELECT tree,
       k,
       CASE WHEN get_byte(v, 0) = 1 THEN convert_from(substring(v FROM 2), 'UTF8')::jsonb END AS value
  FROM duban_kv;
