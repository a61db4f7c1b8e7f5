//! The issue's own method, side by side: `wrk` (a separate process, 2 threads, 64 connections,
//! a Lua `request()` giving every request a distinct event) against the bare handler and then
//! against duban, in the same run. The in-process load generator of the main phase costs the
//! server almost nothing, which flatters the bare handler (its work per request is tiny);
//! wrk, as the issue measured with, takes its own share of the two cores from both.
//!
//! `BENCH_WRK_SECS=4 cargo bench --bench ingress` (needs `wrk`: `apt install wrk`); the phase is
//! skipped with a note when wrk is missing.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::Command;

use super::Sealed;

/// wrk's threads (its default) and the files of requests, one per thread.
const THREADS: usize = 2;

/// Feeds each wrk thread its own file of requests: distinct events, pre-formatted in `init`
/// (so wrk's share of the cores is as small as wrk can make it). A thread that runs out starts
/// its file again and says so at the end: for duban those would be duplicates.
const SCRIPT: &str = r#"
local counter = 1
local threads = {}
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  reqs = {}
  idx = 0
  wrapped = 0
  for line in io.lines(args[1] .. "." .. tid) do
    local ts, nonce, sig, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local h = { ["Content-Type"] = "application/json" }
    if sig ~= "" then
      h["X-Lark-Request-Timestamp"] = ts
      h["X-Lark-Request-Nonce"] = nonce
      h["X-Lark-Signature"] = sig
    end
    reqs[#reqs + 1] = wrk.format("POST", "/feishu/events", h, body)
  end
end
function request()
  idx = idx + 1
  if idx > #reqs then
    idx = 1
    wrapped = wrapped + 1
  end
  return reqs[idx]
end
function done(summary, latency, requests)
  local w = 0
  for _, t in ipairs(threads) do
    w = w + (t:get("wrapped") or 0)
  end
  io.write(string.format("WRAPPED %d\n", w))
end
"#;

/// One wrk run's figures.
pub(crate) struct WrkFigures {
    pub(crate) per_sec: f64,
    pub(crate) requests: u64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) non_2xx: u64,
    pub(crate) socket_errors: String,
    pub(crate) wrapped: u64,
}

/// Whether wrk is on the PATH.
pub(crate) fn available() -> bool {
    Command::new("wrk").arg("--version").output().is_ok()
}

/// Writes `per_thread` events per wrk thread (made by `make(i)`, i distinct across threads)
/// under `dir`; returns the prefix the script reads (`<prefix>.1`, `<prefix>.2`).
pub(crate) fn write_requests(
    dir: &std::path::Path,
    name: &str,
    per_thread: usize,
    make: &(dyn Fn(usize) -> Sealed + Sync),
) -> String {
    let prefix = dir.join(name).display().to_string();
    std::thread::scope(|s| {
        for t in 0..THREADS {
            let prefix = prefix.clone();
            s.spawn(move || {
                let file = std::fs::File::create(format!("{prefix}.{}", t + 1)).unwrap();
                let mut out = std::io::BufWriter::new(file);
                let mut line = String::new();
                for j in 0..per_thread {
                    let (body, headers) = make(t * per_thread + j);
                    line.clear();
                    for (_, v) in &headers {
                        line.push_str(v);
                        line.push('\t');
                    }
                    assert!(!body.contains(['\t', '\n']), "a body on one line");
                    let _ = writeln!(line, "{body}");
                    out.write_all(line.as_bytes()).unwrap();
                }
                out.flush().unwrap();
            });
        }
    });
    prefix
}

/// Runs wrk for `secs` against `addr` with the requests under `prefix`.
pub(crate) fn run(
    addr: SocketAddr,
    prefix: &str,
    secs: usize,
    conns: usize,
    dir: &std::path::Path,
) -> WrkFigures {
    let script = dir.join("events.lua");
    std::fs::write(&script, SCRIPT).unwrap();
    let out = Command::new("wrk")
        .args([
            "-t",
            &THREADS.to_string(),
            "-c",
            &conns.to_string(),
            "-d",
            &format!("{secs}s"),
            "--latency",
            "-s",
            &script.display().to_string(),
            &format!("http://{addr}/feishu/events"),
            "--",
            prefix,
        ])
        .output()
        .expect("wrk runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "wrk failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse(&text)
}

/// Reads wrk's report.
fn parse(text: &str) -> WrkFigures {
    let field = |prefix: &str| {
        text.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(prefix))
            .map(str::trim)
            .unwrap_or("")
            .to_owned()
    };
    let requests = text
        .lines()
        .find(|l| l.contains(" requests in "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    WrkFigures {
        per_sec: field("Requests/sec:").parse().unwrap_or(0.0),
        requests,
        p50_ms: millis(&field("50%")),
        p99_ms: millis(&field("99%")),
        non_2xx: field("Non-2xx or 3xx responses:").parse().unwrap_or(0),
        socket_errors: field("Socket errors:"),
        wrapped: field("WRAPPED").parse().unwrap_or(0),
    }
}

/// wrk's `1.23ms` / `850.00us` / `1.02s` in milliseconds.
fn millis(v: &str) -> f64 {
    let num = |s: &str| s.parse::<f64>().unwrap_or(f64::NAN);
    if let Some(us) = v.strip_suffix("us") {
        num(us) / 1000.0
    } else if let Some(ms) = v.strip_suffix("ms") {
        num(ms)
    } else if let Some(s) = v.strip_suffix('s') {
        num(s) * 1000.0
    } else {
        f64::NAN
    }
}

/// One table row.
pub(crate) fn row(label: &str, f: &WrkFigures) -> String {
    let mut s = format!(
        "| {label} | {:.0} | {:.2} | {:.2} | {} |",
        f.per_sec, f.p50_ms, f.p99_ms, f.non_2xx
    );
    if !f.socket_errors.is_empty() {
        let _ = write!(s, " socket errors: {}", f.socket_errors);
    }
    s
}
