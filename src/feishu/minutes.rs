//! Feishu Minutes (妙记) on [`FeishuClient`] (an edge): a recording's metadata and transcript,
//! and its AI artifacts (summary and todos). Shapes confirmed from the official Python SDK
//! (`lark_oapi/api/minutes/v1`): `GET /open-apis/minutes/v1/minutes/:token` answers
//! `data.minute {title, create_time, url, …}`; `GET …/transcript` (query `need_speaker`,
//! `need_timestamp`, `file_format`) answers a file body on success and JSON on failure;
//! `GET …/artifacts` answers `data.summary` and `data.minute_todos[] {content, assignees,
//! is_done}`. Assumed: `create_time` is milliseconds (as a string); `assignees` are names or
//! ids (shown, never trusted); the scope is [`SCOPE_MINUTES`].

use serde_json::Value;

use super::FeishuError;
use super::client::{FeishuClient, path_segment, record, transport};
use super::response::{decode, truncated};

/// Scope needed to read minutes (assumed name; see the module notes).
pub const SCOPE_MINUTES: &str = "minutes:minutes:readonly";

/// A recording's metadata and transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesText {
    /// The recording's title (usually the meeting's).
    pub title: String,
    /// When it was created, in ms since the epoch, when Feishu said.
    pub created_ms: Option<i64>,
    /// The transcript as plain text (speaker lines).
    pub text: String,
}

/// One AI-extracted todo of a recording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesTodo {
    /// What is to be done.
    pub content: String,
    /// Who, as Feishu listed them (names or ids; to be matched, never trusted).
    pub assignees: Vec<String>,
    /// Whether it is already ticked off.
    pub is_done: bool,
}

/// A recording's AI artifacts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MinutesArtifacts {
    /// The summary text.
    pub summary: String,
    /// The todos.
    pub todos: Vec<MinutesTodo>,
}

impl FeishuClient {
    /// A recording's title, creation time and transcript (metadata, then
    /// `…/transcript?need_speaker=true&need_timestamp=false&file_format=txt`).
    ///
    /// # Errors
    /// Any [`FeishuError`]; see [`FeishuError::missing_scope`] with [`SCOPE_MINUTES`].
    #[tracing::instrument(skip_all, fields(op = "minutes_text", code))]
    pub async fn minutes_text(&self, minute_token: &str) -> Result<MinutesText, FeishuError> {
        let t = path_segment(minute_token)?;
        let meta_url = self.url(&format!("/open-apis/minutes/v1/minutes/{t}"));
        let meta = self
            .authed(|token| Ok(self.http().get(&meta_url).bearer_auth(token)))
            .await;
        record("minutes_get", &meta);
        let meta = meta?;
        let title = meta
            .pointer("/data/minute/title")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let created_ms = meta.pointer("/data/minute/create_time").and_then(|v| match v {
            Value::String(s) => s.parse().ok(),
            other => other.as_i64(),
        });
        let url = self.url(&format!("/open-apis/minutes/v1/minutes/{t}/transcript"));
        let query = [
            ("need_speaker", "true"),
            ("need_timestamp", "false"),
            ("file_format", "txt"),
        ];
        let text = self.get_text(&url, &query).await;
        record("minutes_transcript", &text);
        Ok(MinutesText {
            title,
            created_ms,
            text: text?,
        })
    }

    /// A recording's AI summary and todos (`GET …/minutes/:token/artifacts`).
    ///
    /// # Errors
    /// Any [`FeishuError`]; see [`FeishuError::missing_scope`] with [`SCOPE_MINUTES`].
    #[tracing::instrument(skip_all, fields(op = "minutes_artifacts", code))]
    pub async fn minutes_artifacts(&self, minute_token: &str) -> Result<MinutesArtifacts, FeishuError> {
        let t = path_segment(minute_token)?;
        let url = self.url(&format!("/open-apis/minutes/v1/minutes/{t}/artifacts"));
        let result = self
            .authed(|token| Ok(self.http().get(&url).bearer_auth(token)))
            .await
            .map(|v| artifacts(&v));
        record("minutes_artifacts", &result);
        result
    }

    /// A GET whose success is a file body (not the JSON envelope); failures are JSON and
    /// decode as usual. Retries once after a token-invalid answer.
    async fn get_text(&self, url: &str, query: &[(&str, &str)]) -> Result<String, FeishuError> {
        let token = self.tenant_token().await?;
        match self.get_text_once(url, query, &token).await {
            Err(e) if e.is_token_invalid() => {
                self.invalidate_token(&token).await;
                let token = self.tenant_token().await?;
                self.get_text_once(url, query, &token).await
            }
            other => other,
        }
    }

    async fn get_text_once(
        &self,
        url: &str,
        query: &[(&str, &str)],
        token: &str,
    ) -> Result<String, FeishuError> {
        let resp = self
            .http()
            .get(url)
            .query(query)
            .bearer_auth(token)
            .send()
            .await
            .map_err(transport)?;
        let status = resp.status().as_u16();
        let reset = resp
            .headers()
            .get("x-ogw-ratelimit-reset")
            .and_then(|h| h.to_str().ok())
            .map(str::to_owned);
        let body = resp.text().await.map_err(transport)?;
        let is_envelope = serde_json::from_str::<Value>(&body)
            .ok()
            .is_some_and(|v| v.get("code").is_some());
        if (200..300).contains(&status) && !is_envelope {
            return Ok(body);
        }
        decode(status, reset.as_deref(), &body).and_then(|v| {
            Err(FeishuError::Decode {
                raw: truncated(&v.to_string()),
            })
        })
    }
}

/// `data.summary` and `data.minute_todos`.
fn artifacts(v: &Value) -> MinutesArtifacts {
    let s = |it: &Value, k: &str| it.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let todos = v
        .pointer("/data/minute_todos")
        .and_then(Value::as_array)
        .map(|todos| {
            todos
                .iter()
                .map(|t| MinutesTodo {
                    content: s(t, "content"),
                    assignees: t
                        .get("assignees")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                        .unwrap_or_default(),
                    is_done: t.get("is_done").and_then(Value::as_bool).unwrap_or(false),
                })
                .filter(|t| !t.content.trim().is_empty())
                .collect()
        })
        .unwrap_or_default();
    MinutesArtifacts {
        summary: v
            .pointer("/data/summary")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        todos,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn artifacts_keep_todos_with_content() {
        let v = json!({"code": 0, "data": {"summary": "讨论了三季度", "minute_todos": [
            {"content": "张三提交报告", "assignees": ["张三"], "is_done": false},
            {"content": " "},
        ]}});
        let a = artifacts(&v);
        assert_eq!(a.summary, "讨论了三季度");
        assert_eq!(
            a.todos,
            [MinutesTodo {
                content: "张三提交报告".to_owned(),
                assignees: vec!["张三".to_owned()],
                is_done: false
            }]
        );
    }
}
