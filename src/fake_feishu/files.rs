//! `POST /open-apis/im/v1/files` in the fake: a Bearer token, `multipart/form-data` with
//! `file_type` (opus, mp4, pdf, doc, xls, ppt, stream), `file_name` and a non-empty `file` of
//! at most 30 MB; answers `data.file_key`. Error codes as Feishu's IM file API documents them:
//! 234001 invalid parameter, 234006 file too large, 234010 empty file. Uploaded files are kept
//! so tests can read them back.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, OriginalUri, State};
use axum::http::{HeaderMap, Method};
use axum::response::Response;
use axum::routing::post;
use serde_json::json;

use super::reply::Reply;
use super::routes::serve;
use super::state::{FakeState, World};

/// Feishu's upload limit.
const MAX_FILE: usize = 30 * 1024 * 1024;
const FILE_TYPES: &[&str] = &["opus", "mp4", "pdf", "doc", "xls", "ppt", "stream"];

/// A file the bot uploaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FakeFile {
    /// The key answered (`file_v2_…`).
    pub file_key: String,
    /// `file_type` as sent.
    pub file_type: String,
    /// `file_name` as sent.
    pub file_name: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

pub(crate) fn routes() -> Router<FakeState> {
    Router::new()
        .route("/open-apis/im/v1/files", post(upload))
        // Room for a 30 MB file and its multipart framing; larger bodies get the API's answer.
        .layer(DefaultBodyLimit::max(MAX_FILE + 1024 * 1024))
}

async fn upload(
    State(s): State<FakeState>,
    m: Method,
    OriginalUri(u): OriginalUri,
    h: HeaderMap,
    body: Bytes,
) -> Response {
    serve(&s, &m, &u, |w| w.upload(&h, &body))
}

/// One part of a multipart body: (name, filename, content).
type Part<'a> = (String, Option<String>, &'a [u8]);

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn param(header: &str, key: &str) -> Option<String> {
    let at = header.find(&format!("{key}=\""))? + key.len() + 2;
    let rest = header.get(at..)?;
    Some(rest.get(..rest.find('"')?)?.to_owned())
}

/// Parses `body` framed by `boundary`; `None` when it is not well-formed multipart.
fn parts<'a>(body: &'a [u8], boundary: &str) -> Option<Vec<Part<'a>>> {
    let delim = format!("--{boundary}");
    let mut rest = body.get(find(body, delim.as_bytes())? + delim.len()..)?;
    let mut out = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(out);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(rest.get(..head_end)?).ok()?;
        let content_start = head_end + 4;
        let next = find(rest.get(content_start..)?, format!("\r\n{delim}").as_bytes())?;
        let content = rest.get(content_start..content_start + next)?;
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        out.push((
            param(disposition, "name")?,
            param(disposition, "filename"),
            content,
        ));
        rest = rest.get(content_start + next + 2 + delim.len()..)?;
    }
}

impl World {
    fn upload(&mut self, h: &HeaderMap, body: &[u8]) -> Result<Reply, Reply> {
        self.authorize(h)?;
        let invalid = |what: &str| Reply::error(400, 234001, &format!("Invalid request param: {what}"));
        let ct = h
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let Some(boundary) = ct
            .strip_prefix("multipart/form-data")
            .and_then(|r| r.split(';').find_map(|p| p.trim().strip_prefix("boundary=")))
            .map(|b| b.trim_matches('"').to_owned())
        else {
            return Err(invalid(
                "content type must be multipart/form-data with a boundary",
            ));
        };
        let parts = parts(body, &boundary).ok_or_else(|| invalid("malformed multipart body"))?;
        let field = |name: &str| {
            parts
                .iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, f, c)| (f.clone(), *c))
        };
        let text = |name: &str| field(name).and_then(|(_, c)| String::from_utf8(c.to_vec()).ok());
        let file_type = text("file_type").ok_or_else(|| invalid("file_type is required"))?;
        if !FILE_TYPES.contains(&file_type.as_str()) {
            return Err(invalid(
                "file_type must be one of opus, mp4, pdf, doc, xls, ppt, stream",
            ));
        }
        let file_name = text("file_name")
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| invalid("file_name is required"))?;
        let Some((Some(_), bytes)) = field("file") else {
            return Err(invalid("file is required (a file part)"));
        };
        if bytes.is_empty() {
            return Err(Reply::error(400, 234010, "File's size can't be 0."));
        }
        if bytes.len() > MAX_FILE {
            return Err(Reply::error(400, 234006, "The file size exceed the max value."));
        }
        let file_key = format!("file_v2_fake_{:08}", self.files.len() + 1);
        self.files.push(FakeFile {
            file_key: file_key.clone(),
            file_type,
            file_name,
            bytes: bytes.to_vec(),
        });
        Ok(Reply::data(json!({ "file_key": file_key })))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_clients_multipart_body_parses_back() {
        let (ct, body) = crate::feishu::files::multipart(
            &[("file_type", "xls"), ("file_name", "a.xlsx")],
            "a.xlsx",
            b"PK\r\n--x\r\nbytes",
        );
        let boundary = ct.split("boundary=").nth(1).unwrap();
        let p = parts(&body, boundary).unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!((p[0].0.as_str(), p[0].2), ("file_type", &b"xls"[..]));
        assert_eq!(
            (p[2].0.as_str(), p[2].1.as_deref(), p[2].2),
            ("file", Some("a.xlsx"), &b"PK\r\n--x\r\nbytes"[..])
        );
        assert!(parts(b"garbage", boundary).is_none());
    }
}
