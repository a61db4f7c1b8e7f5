//! `duban migrate-store`: a sled data directory copied into an empty PostgreSQL database,
//! byte for byte (every tree: items, queues, reminder positions, counters…), then counted on
//! both sides.

use std::path::Path;

use super::StoreError;
use super::kv::pg::PgDb;
use super::kv::pg::pool::pg_err;

/// Rows per insert.
const BATCH: usize = 1000;

/// One tree as copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// The tree's name.
    pub tree: String,
    /// Entries in the sled directory.
    pub source: u64,
    /// Rows in PostgreSQL afterwards.
    pub target: u64,
}

/// Copies the sled store in `from` into the empty database at `to`. The directory must not be
/// in use (stop duban first).
///
/// # Errors
/// One line: no data, directory in use, target not empty, database errors.
pub fn migrate_store(from: &Path, to: &str) -> Result<Vec<Copied>, StoreError> {
    if !from.join("db").exists() {
        return Err(StoreError::Io(format!(
            "{} 里没有 duban 的 sled 数据",
            from.display()
        )));
    }
    let src = sled::Config::new().path(from).open().map_err(|e| match e {
        sled::Error::Io(ref io) if io.to_string().contains("lock") => {
            StoreError::Locked(from.display().to_string())
        }
        other => StoreError::Sled(other),
    })?;
    let dst = PgDb::open(to, 2)?;
    let empty = dst.run(|c| {
        let row = c
            .client()?
            .query_one("SELECT NOT EXISTS (SELECT 1 FROM duban_kv)", &[])
            .map_err(pg_err)?;
        Ok(row.get::<_, bool>(0))
    })?;
    if !empty {
        return Err(StoreError::Io(format!(
            "目标数据库 {} 已有 duban 数据：migrate-store 只写入空数据库",
            dst.shown_url()
        )));
    }
    let mut names: Vec<String> = src
        .tree_names()
        .iter()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    names.sort();
    let mut report = Vec::new();
    for name in names {
        let tree = src.open_tree(&name)?;
        let mut source = 0u64;
        let mut batch: Vec<(Vec<u8>, Vec<u8>)> = Vec::with_capacity(BATCH);
        for kv in tree.iter() {
            let (k, v) = kv?;
            batch.push((k.to_vec(), v.to_vec()));
            source += 1;
            if batch.len() == BATCH {
                insert(&dst, &name, std::mem::take(&mut batch))?;
            }
        }
        insert(&dst, &name, batch)?;
        report.push(Copied {
            tree: name,
            source,
            target: 0,
        });
    }
    // Ids continue above every id the directory handed out.
    dst.ids_above(src.generate_id()?.saturating_add(1))?;
    let counts = dst.run(|c| {
        let rows = c
            .client()?
            .query("SELECT tree, count(*) FROM duban_kv GROUP BY tree", &[])
            .map_err(pg_err)?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r.get::<_, String>(0),
                    u64::try_from(r.get::<_, i64>(1)).unwrap_or(0),
                )
            })
            .collect::<std::collections::HashMap<_, _>>())
    })?;
    for c in &mut report {
        c.target = counts.get(&c.tree).copied().unwrap_or(0);
    }
    Ok(report)
}

fn insert(dst: &PgDb, tree: &str, rows: Vec<(Vec<u8>, Vec<u8>)>) -> Result<(), StoreError> {
    if rows.is_empty() {
        return Ok(());
    }
    let tree = tree.to_owned();
    dst.run(move |c| {
        let (ks, vs): (Vec<Vec<u8>>, Vec<Vec<u8>>) = rows.into_iter().unzip();
        c.client()?
            .execute(
                "INSERT INTO duban_kv (tree, k, v) SELECT $1::text, k, v FROM unnest($2::bytea[], $3::bytea[]) AS t(k, v)",
                &[&tree, &ks, &vs],
            )
            .map_err(pg_err)?;
        Ok(())
    })
}
