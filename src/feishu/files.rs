//! File upload (an edge): `POST /open-apis/im/v1/files`, `multipart/form-data` with the fields
//! `file_type` (`opus`, `mp4`, `pdf`, `doc`, `xls`, `ppt` or `stream`), `file_name` and `file`
//! (at most 30 MB, not empty); the answer's `data.file_key` is then sent as a `file` message
//! (`content` = `{"file_key": …}`). Scope `im:resource` (or `im:message`).

use serde_json::Value;

use super::FeishuError;
use super::client::{FeishuClient, record};
use super::response::truncated;

/// The largest file Feishu accepts.
pub const MAX_FILE_BYTES: usize = 30 * 1024 * 1024;

/// A `multipart/form-data` body: text fields then one file part. Returns (content type, body).
pub fn multipart(fields: &[(&str, &str)], file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    // Derived from the content, so it cannot occur in it by accident.
    let digest = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(bytes));
    let boundary = format!("duban{}", digest.get(..32).unwrap_or_default());
    let mut body = Vec::with_capacity(bytes.len() + 512);
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    let safe_name = file_name.replace(['"', '\r', '\n'], "_");
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{safe_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

impl FeishuClient {
    /// Uploads a file for a file message; returns its `file_key`.
    ///
    /// # Errors
    /// Any [`FeishuError`]; `Decode` when the answer holds no `file_key`.
    #[tracing::instrument(skip_all, fields(op = "upload_file", code))]
    pub async fn upload_file(
        &self,
        file_type: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<String, FeishuError> {
        let url = self.url("/open-apis/im/v1/files");
        let (content_type, body) = multipart(
            &[("file_type", file_type), ("file_name", file_name)],
            file_name,
            bytes,
        );
        let result = self
            .authed(|token| {
                Ok(self
                    .http()
                    .post(&url)
                    .bearer_auth(token)
                    .header(reqwest::header::CONTENT_TYPE, content_type.as_str())
                    .body(body.clone()))
            })
            .await
            .and_then(|v| {
                v.pointer("/data/file_key")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| FeishuError::Decode {
                        raw: truncated(&v.to_string()),
                    })
            });
        record("upload_file", &result);
        result
    }
}
