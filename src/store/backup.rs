//! Snapshots of the whole store in one file (`duban backup`, scheduled backups) and their
//! restoration into an empty directory (`duban restore`).
//!
//! **Consistency.** sled 0.34 has no snapshot across trees, and a commit of duban touches
//! several trees at once (an event's item, audit records, outbox records and the removal of
//! its inbox entry). Every write to the trees holds the store's write gate shared
//! ([`Store::writing`]); a snapshot holds it exclusively while it reads every tree, so it
//! contains each commit wholly or not at all: exactly the data directory a crash at that
//! instant would have left, which duban already recovers from (the inbox is replayed, the
//! outbox is sent, every message under its idempotent `uuid`). Writers wait while the trees
//! are read (milliseconds for a typical deployment), nothing is refused.
//!
//! **Format** (version 1): the line `DUBAN-BACKUP 1`, one JSON header line, then per tree
//! `T`, its name and entry count and each key and value length-prefixed (big-endian u32),
//! then `E` and the SHA-256 of everything before it. A truncated or altered file is refused
//! before anything is written.

use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{SCHEMA_VERSION, Store, StoreError, from_be};

const MAGIC: &[u8] = b"DUBAN-BACKUP 1\n";
const DEFAULT_TREE: &[u8] = b"__sled__default";

/// What `duban backup` says on a PostgreSQL store.
pub const PG_BACKUP: &str =
    "duban 使用 PostgreSQL 存储时不做备份：请用 PostgreSQL 自己的备份（pg_dump 或数据库管理员的备份工具）";

/// The header line of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The snapshot format (1).
    pub format: u32,
    /// The store's schema version when it was taken.
    pub schema_version: u64,
    /// When it was taken (the server's clock).
    pub taken_at: jiff::Timestamp,
    /// The duban that wrote it.
    pub duban: String,
    /// Above every id the store had generated: a restored store generates ids from here, so
    /// new outbox, inbox and audit keys never collide with restored ones.
    pub next_id: u64,
}

/// A tree's entries, (key, value) in key order.
pub type Entries = Vec<(Vec<u8>, Vec<u8>)>;

/// A snapshot read back and verified.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The header.
    pub header: Header,
    /// Every tree: name and entries in key order.
    pub trees: Vec<(String, Entries)>,
}

impl Snapshot {
    /// Number of entries in tree `name` (0 if absent).
    pub fn count(&self, name: &str) -> usize {
        self.trees
            .iter()
            .find(|(n, _)| n == name)
            .map_or(0, |(_, e)| e.len())
    }

    /// Events waiting in the inbox (a grouped record holds several).
    pub fn pending_events(&self) -> usize {
        self.trees.iter().find(|(n, _)| n == "inbox").map_or(0, |(_, e)| {
            e.iter().map(|(_, v)| super::inbox::group::events_in(v)).sum()
        })
    }

    /// A one-line Chinese summary for operators.
    pub fn summary(&self) -> String {
        format!(
            "督办事项 {} 条、项目 {} 个、需求 {} 条、纪要 {} 份、审计记录 {} 条、待发送 {} 条、待处理事件 {} 条（{}）",
            self.count("items"),
            self.count("projects"),
            self.count("requirements"),
            self.count("meetings"),
            self.count("audit") + self.count("proj_audit"),
            self.count("outbox"),
            self.pending_events(),
            crate::command::when::format_rfc3339(self.header.taken_at),
        )
    }
}

/// Hashes everything written through it.
struct Hashing<W> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Io(format!("备份文件读写失败：{e}"))
}

fn len32(n: usize) -> Result<[u8; 4], StoreError> {
    u32::try_from(n)
        .map(u32::to_be_bytes)
        .map_err(|_| StoreError::Io("记录过大，无法写入备份".to_owned()))
}

impl Store {
    /// Writes a consistent snapshot of every tree to `out` (see the module docs); returns
    /// the number of entries written. Blocking: run it off the async workers.
    ///
    /// # Errors
    /// sled or I/O errors.
    pub fn snapshot_to(&self, out: impl Write, taken_at: jiff::Timestamp) -> Result<u64, StoreError> {
        let Some(db) = self.db.as_sled() else {
            return Err(StoreError::Io(PG_BACKUP.to_owned()));
        };
        let mut w = Hashing {
            inner: std::io::BufWriter::new(out),
            hash: Sha256::new(),
        };
        let exclusive = self
            .gate
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let header = Header {
            format: 1,
            schema_version: self
                .meta
                .get("schema_version")?
                .map_or(SCHEMA_VERSION, |v| from_be(&v)),
            taken_at,
            duban: env!("CARGO_PKG_VERSION").to_owned(),
            next_id: db.generate_id()?.saturating_add(1),
        };
        w.write_all(MAGIC).map_err(io)?;
        serde_json::to_writer(&mut w, &header).map_err(|e| StoreError::Io(e.to_string()))?;
        w.write_all(b"\n").map_err(io)?;
        let mut total = 0u64;
        let mut names = db.tree_names();
        names.sort();
        for name in names {
            let tree: sled::Tree = if name.as_ref() == DEFAULT_TREE {
                (**db).clone()
            } else {
                db.open_tree(&name)?
            };
            let count = tree.len() as u64;
            w.write_all(b"T").map_err(io)?;
            w.write_all(&len32(name.len())?).map_err(io)?;
            w.write_all(&name).map_err(io)?;
            w.write_all(&count.to_be_bytes()).map_err(io)?;
            let mut written = 0u64;
            for kv in tree.iter() {
                let (k, v) = kv?;
                w.write_all(&len32(k.len())?).map_err(io)?;
                w.write_all(&k).map_err(io)?;
                w.write_all(&len32(v.len())?).map_err(io)?;
                w.write_all(&v).map_err(io)?;
                written += 1;
            }
            // Writers are held off, so the count cannot change under the scan.
            if written != count {
                return Err(StoreError::Io(format!(
                    "树 {} 在备份过程中发生变化",
                    String::from_utf8_lossy(&name)
                )));
            }
            total += written;
        }
        drop(exclusive);
        let digest = w.hash.clone().finalize();
        w.inner.write_all(b"E").map_err(io)?;
        w.inner.write_all(&digest).map_err(io)?;
        w.inner.flush().map_err(io)?;
        Ok(total)
    }

    /// Writes a snapshot to `path` atomically (a temporary file renamed into place, fsynced).
    ///
    /// # Errors
    /// sled or I/O errors.
    pub fn snapshot_file(&self, path: &Path, taken_at: jiff::Timestamp) -> Result<u64, StoreError> {
        let tmp = path.with_extension("partial");
        let file = std::fs::File::create(&tmp)
            .map_err(|e| StoreError::Io(format!("无法创建备份文件 {}：{e}", tmp.display())))?;
        let n = self.snapshot_to(&file, taken_at)?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)?;
        Ok(n)
    }
}

/// Reads and verifies a snapshot (checksum, format, schema).
///
/// # Errors
/// [`StoreError::Io`] in plain Chinese: not a duban backup, truncated, altered, or from a newer
/// duban.
pub fn read_snapshot(mut r: impl Read) -> Result<Snapshot, StoreError> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).map_err(io)?;
    let bad = |why: &str| StoreError::Io(format!("备份文件无效：{why}"));
    let body = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| bad("不是 duban 备份文件"))?;
    if bytes.len() < MAGIC.len() + 33 {
        return Err(bad("文件不完整"));
    }
    let (content, trailer) = bytes.split_at(bytes.len() - 33);
    if trailer[0] != b'E' || Sha256::digest(content).as_slice() != &trailer[1..] {
        return Err(bad("文件不完整或已被改动（校验和不符）"));
    }
    let body = &body[..body.len() - 33];
    let nl = body
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| bad("缺少文件头"))?;
    let header: Header = serde_json::from_slice(&body[..nl]).map_err(|_| bad("文件头无法读取"))?;
    if header.format != 1 {
        return Err(bad(&format!("格式 {} 不受支持，请升级 duban", header.format)));
    }
    if header.schema_version > SCHEMA_VERSION {
        return Err(bad(&format!(
            "由更新版本的 duban 写入（数据格式 {}），请升级 duban 后再恢复",
            header.schema_version
        )));
    }
    let mut cur = &body[nl + 1..];
    let mut take = |n: usize| -> Result<&[u8], StoreError> {
        if cur.len() < n {
            return Err(bad("文件不完整"));
        }
        let (a, b) = cur.split_at(n);
        cur = b;
        Ok(a)
    };
    let mut trees = Vec::new();
    loop {
        match take(1) {
            Ok(b"T") => {}
            Ok(_) => return Err(bad("结构错误")),
            Err(_) => break,
        }
        let n = from_be32(take(4)?);
        let name = String::from_utf8_lossy(take(n)?).into_owned();
        let count = from_be(take(8)?);
        let mut entries = Vec::new();
        for _ in 0..count {
            let kl = from_be32(take(4)?);
            let k = take(kl)?.to_vec();
            let vl = from_be32(take(4)?);
            let v = take(vl)?.to_vec();
            entries.push((k, v));
        }
        trees.push((name, entries));
    }
    Ok(Snapshot { header, trees })
}

fn from_be32(b: &[u8]) -> usize {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    u32::from_be_bytes(a) as usize
}

/// Whether `dir` is absent or holds nothing at all.
pub fn is_empty_dir(dir: &Path) -> Result<bool, StoreError> {
    match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(StoreError::Io(format!("无法读取目录 {}：{e}", dir.display()))),
        Ok(mut entries) => Ok(entries.next().is_none()),
    }
}

/// Restores `snapshot` into `dir`, which must be empty or absent; the result is a data directory
/// `duban serve` opens as it would the original (upgrading an older format as usual).
///
/// # Errors
/// [`StoreError::Io`] when `dir` is not empty, sled errors otherwise.
pub fn restore(snapshot: &Snapshot, dir: &Path) -> Result<u64, StoreError> {
    if !is_empty_dir(dir)? {
        return Err(StoreError::Io(format!(
            "目录 {} 不是空的：恢复只写入空的数据目录，以免覆盖现有数据（请换一个新目录，或先移走其中的内容）",
            dir.display()
        )));
    }
    // No periodic flusher thread: it would hold the database (and its file lock) for a moment
    // after this returns, and whoever opens the restored directory next would find it locked.
    let db = sled::Config::new()
        .path(dir)
        .cache_capacity(32 << 20)
        .flush_every_ms(None)
        .open()?;
    let mut n = 0u64;
    for (name, entries) in &snapshot.trees {
        let tree: sled::Tree = if name.as_bytes() == DEFAULT_TREE {
            (*db).clone()
        } else {
            db.open_tree(name)?
        };
        let mut batch = sled::Batch::default();
        for (k, v) in entries {
            batch.insert(k.as_slice(), v.as_slice());
            n += 1;
        }
        tree.apply_batch(batch)?;
    }
    // Ids are handed out in increasing order from where the original had got to.
    while db.generate_id()? < snapshot.header.next_id {}
    db.flush()?;
    drop(db);
    wait_unlocked(dir);
    Ok(n)
}

/// Waits (up to 5 s) until sled has let go of `dir`'s file lock, so that whoever opens the
/// directory next finds it free: sled releases it from its last thread, shortly after the last
/// handle is dropped. Returns at once for a directory without one (PostgreSQL, nothing written).
pub fn wait_unlocked(dir: &Path) {
    let lock = dir.join("db");
    for _ in 0..100 {
        match std::fs::File::open(&lock) {
            // Taken and let go at once (flock, as sled's own lock).
            Ok(file) if file.try_lock().is_err() => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            _ => return,
        }
    }
}

/// sled only: snapshots are sled's (a PostgreSQL store is backed up by PostgreSQL's tools).
#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::outbox::Changes;

    fn ts() -> jiff::Timestamp {
        "2026-03-11T02:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_snapshot_restores_every_tree_and_id_generation_moves_on() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut ch = Changes::new();
        for i in 0..50u64 {
            ch.put(&store.items, i.to_be_bytes().to_vec(), vec![1, 2, i as u8]);
            ch.put(
                &store.audit,
                store.generate_id().unwrap().to_be_bytes().to_vec(),
                b"x".to_vec(),
            );
        }
        store.commit(&ch).unwrap();
        let last_id = store.generate_id().unwrap();
        let mut buf = Vec::new();
        store.snapshot_to(&mut buf, ts()).unwrap();
        let snap = read_snapshot(buf.as_slice()).unwrap();
        assert_eq!(snap.count("items"), 50);
        assert_eq!(snap.count("audit"), 50);
        assert_eq!(snap.header.taken_at, ts());

        let target = tempfile::tempdir().unwrap();
        let back = target.path().join("restored");
        restore(&snap, &back).unwrap();
        let restored = Store::open(&back).unwrap();
        for (a, b) in store.items.iter().zip(restored.items.iter()) {
            assert_eq!(a.unwrap(), b.unwrap());
        }
        assert_eq!(restored.items.len(), 50);
        assert_eq!(restored.audit.len(), 50);
        assert!(restored.generate_id().unwrap() > last_id);
    }

    #[test]
    fn restore_refuses_a_directory_with_anything_in_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("a")).unwrap();
        let mut buf = Vec::new();
        store.snapshot_to(&mut buf, ts()).unwrap();
        let snap = read_snapshot(buf.as_slice()).unwrap();
        let full = dir.path().join("b");
        std::fs::create_dir_all(&full).unwrap();
        std::fs::write(full.join("notes.txt"), "keep me").unwrap();
        let err = restore(&snap, &full).unwrap_err().to_string();
        assert!(err.contains("不是空的"), "{err}");
        assert_eq!(
            std::fs::read_to_string(full.join("notes.txt")).unwrap(),
            "keep me"
        );
    }

    #[test]
    fn a_truncated_or_altered_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store.items.insert(b"k", b"v".to_vec()).unwrap();
        let mut buf = Vec::new();
        store.snapshot_to(&mut buf, ts()).unwrap();
        assert!(read_snapshot(&buf[..buf.len() - 1]).is_err());
        let mut altered = buf.clone();
        let at = altered.len() - 40;
        altered[at] ^= 1;
        let err = read_snapshot(altered.as_slice()).unwrap_err().to_string();
        assert!(err.contains("校验和"), "{err}");
        assert!(
            read_snapshot(&b"hello"[..])
                .unwrap_err()
                .to_string()
                .contains("不是 duban")
        );
    }

    /// Commits move a token between two trees (never in both, never in neither) while
    /// snapshots are taken: every snapshot has each token exactly once. Without the write gate
    /// the scan of one tree and then the other sees tokens twice or not at all.
    #[test]
    fn a_snapshot_sees_each_commit_wholly_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut ch = Changes::new();
        for i in 0..200u64 {
            ch.put(&store.audit, i.to_be_bytes().to_vec(), b"t".to_vec());
        }
        store.commit(&ch).unwrap();
        let stop = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            let mover = s.spawn(|| {
                let mut round = 0u64;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    for i in 0..200u64 {
                        let (from, to) = if round.is_multiple_of(2) {
                            (&store.audit, &store.items)
                        } else {
                            (&store.items, &store.audit)
                        };
                        let mut ch = Changes::new();
                        ch.remove(from, i.to_be_bytes().to_vec());
                        ch.put(to, i.to_be_bytes().to_vec(), b"t".to_vec());
                        store.commit(&ch).unwrap();
                    }
                    round += 1;
                }
                round
            });
            let mut seen = Vec::new();
            for _ in 0..30 {
                let mut buf = Vec::new();
                let taken = store.snapshot_to(&mut buf, ts()).map(|_| {
                    let snap = read_snapshot(buf.as_slice()).unwrap();
                    snap.count("audit") + snap.count("items")
                });
                seen.push(taken.map_err(|e| e.to_string()));
            }
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            assert!(mover.join().unwrap() > 0);
            assert!(seen.iter().all(|s| s == &Ok(200)), "{seen:?}");
        });
    }
}
