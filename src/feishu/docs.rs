//! Reading meeting minutes from Feishu (an edge): doc links, new-style documents (docx), wiki
//! pages that wrap a document, and Feishu Minutes (妙记) — metadata, transcript and the AI
//! artifacts (summary and todos).
//!
//! Confirmed from the official Python SDK: `GET /open-apis/docx/v1/documents/:id/raw_content`
//! answers `data.content`; `GET /open-apis/minutes/v1/minutes/:token` answers `data.minute`
//! (`title`, `create_time`, `url`, …); `GET …/minutes/:token/transcript` (query `need_speaker`,
//! `need_timestamp`, `file_format`) answers the transcript as a file body on success and JSON
//! on failure; `GET …/minutes/:token/artifacts` answers `data.summary` and
//! `data.minute_todos[] {content, assignees, is_done}`. `GET /open-apis/wiki/v2/spaces/get_node
//! ?token=` answering `data.node {obj_type, obj_token, title}` is from the Feishu docs and
//! widespread use, not the SDK files read here. Assumptions: `create_time` is milliseconds as
//! a string; `assignees` are display names or open_ids (shown, never trusted as ids); the scope
//! each endpoint needs is the one in [`DocRef::required_scope`].

use serde_json::Value;

use super::FeishuError;
use super::client::{FeishuClient, path_segment, record, transport};
use super::response::{decode, truncated};
use super::scope::MissingScope;

/// Scope needed to read a new-style document's text.
pub const SCOPE_DOCX: &str = "docx:document:readonly";
/// Scope needed to resolve a wiki page to its document.
pub const SCOPE_WIKI: &str = "wiki:wiki:readonly";
/// Scope needed to read minutes (assumed name; see the module notes).
pub const SCOPE_MINUTES: &str = "minutes:minutes:readonly";

/// What a Feishu / Lark link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocRef {
    /// A new-style document (`…/docx/<document_id>`).
    Docx(String),
    /// A wiki page (`…/wiki/<node_token>`), usually wrapping a docx.
    Wiki(String),
    /// A Feishu Minutes recording (`…/minutes/<minute_token>`).
    Minutes(String),
}

impl DocRef {
    /// The scope the app needs to read what this link points at.
    pub fn required_scope(&self) -> &'static str {
        match self {
            Self::Docx(_) => SCOPE_DOCX,
            Self::Wiki(_) => SCOPE_WIKI,
            Self::Minutes(_) => SCOPE_MINUTES,
        }
    }
}

/// Recognises `https://<tenant>.feishu.cn/docx/<id>`, `…/wiki/<token>` and `…/minutes/<token>`
/// on feishu.cn, larksuite.com and larkoffice.com (scheme optional; query and fragment
/// ignored). Anything else is `None`.
pub fn parse_doc_link(url: &str) -> Option<DocRef> {
    let url = url
        .trim()
        .trim_matches(|c| matches!(c, '<' | '>' | '(' | ')' | '（' | '）'));
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let rest = rest.split(['?', '#']).next()?;
    let mut parts = rest.split('/');
    let host = parts.next()?.to_ascii_lowercase();
    let host = host.split(':').next()?;
    let known = ["feishu.cn", "larksuite.com", "larkoffice.com"];
    if !known
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
    {
        return None;
    }
    let kind = parts.next()?;
    let token = parts.next()?;
    if token.is_empty() || !token.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let token = token.to_owned();
    match kind {
        "docx" => Some(DocRef::Docx(token)),
        "wiki" => Some(DocRef::Wiki(token)),
        "minutes" => Some(DocRef::Minutes(token)),
        _ => None,
    }
}

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

/// Why a linked document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    /// The app lacks a permission: the message names it.
    #[error("{0}")]
    MissingScope(MissingScope),
    /// The link points at something that is not a text document (a sheet, a base, …).
    #[error("这个链接指向的是「{0}」，目前只能读取新版文档（docx）和妙记。请把纪要粘贴到消息里再发一次。")]
    Unsupported(String),
    /// Any other failure.
    #[error("{0}")]
    Feishu(FeishuError),
}

impl DocError {
    fn from_feishu(e: FeishuError, scope: &str) -> Self {
        match e.missing_scope(scope) {
            Some(m) => Self::MissingScope(m),
            None => Self::Feishu(e),
        }
    }
}

impl FeishuClient {
    /// A docx document's plain text (`GET /open-apis/docx/v1/documents/:id/raw_content`).
    ///
    /// # Errors
    /// Any [`FeishuError`]; see [`FeishuError::missing_scope`] with [`SCOPE_DOCX`].
    #[tracing::instrument(skip_all, fields(op = "doc_raw_content", code))]
    pub async fn doc_raw_content(&self, document_id: &str) -> Result<String, FeishuError> {
        let id = path_segment(document_id)?;
        let url = self.url(&format!("/open-apis/docx/v1/documents/{id}/raw_content"));
        let result = self
            .authed(|token| Ok(self.http().get(&url).bearer_auth(token)))
            .await
            .and_then(|v| string_at(&v, "/data/content"));
        record("doc_raw_content", &result);
        result
    }

    /// A wiki node's underlying object: `(obj_type, obj_token)`, e.g. `("docx", "doxcn…")`.
    ///
    /// # Errors
    /// Any [`FeishuError`]; see [`FeishuError::missing_scope`] with [`SCOPE_WIKI`].
    #[tracing::instrument(skip_all, fields(op = "wiki_node", code))]
    pub async fn wiki_node(&self, node_token: &str) -> Result<(String, String), FeishuError> {
        let token_param = path_segment(node_token)?.to_owned();
        let url = self.url("/open-apis/wiki/v2/spaces/get_node");
        let result = self
            .authed(|token| {
                Ok(self
                    .http()
                    .get(&url)
                    .query(&[("token", token_param.as_str())])
                    .bearer_auth(token))
            })
            .await
            .and_then(|v| {
                Ok((
                    string_at(&v, "/data/node/obj_type")?,
                    string_at(&v, "/data/node/obj_token")?,
                ))
            });
        record("wiki_node", &result);
        result
    }

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

    /// The text behind a link: a docx's raw content, a wiki page's document, or a recording's
    /// transcript (its title first). A missing permission comes back as
    /// [`DocError::MissingScope`] naming it.
    ///
    /// # Errors
    /// [`DocError`].
    pub async fn doc_text(&self, doc: &DocRef) -> Result<String, DocError> {
        match doc {
            DocRef::Docx(id) => self
                .doc_raw_content(id)
                .await
                .map_err(|e| DocError::from_feishu(e, SCOPE_DOCX)),
            DocRef::Wiki(token) => {
                let (kind, obj) = self
                    .wiki_node(token)
                    .await
                    .map_err(|e| DocError::from_feishu(e, SCOPE_WIKI))?;
                if kind != "docx" {
                    return Err(DocError::Unsupported(kind));
                }
                self.doc_raw_content(&obj)
                    .await
                    .map_err(|e| DocError::from_feishu(e, SCOPE_DOCX))
            }
            DocRef::Minutes(token) => {
                let m = self
                    .minutes_text(token)
                    .await
                    .map_err(|e| DocError::from_feishu(e, SCOPE_MINUTES))?;
                Ok(if m.title.is_empty() {
                    m.text
                } else {
                    format!("{}\n{}", m.title, m.text)
                })
            }
        }
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

/// The string at `ptr`, or a `Decode` error.
fn string_at(v: &Value, ptr: &str) -> Result<String, FeishuError> {
    v.pointer(ptr)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| FeishuError::Decode {
            raw: truncated(&v.to_string()),
        })
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
    fn feishu_and_lark_links_are_recognised() {
        let cases = [
            (
                "https://abc.feishu.cn/docx/AbCd123?from=from_copylink",
                DocRef::Docx("AbCd123".to_owned()),
            ),
            (
                "https://abc.larksuite.com/wiki/WikTok9#part",
                DocRef::Wiki("WikTok9".to_owned()),
            ),
            (
                "abc.feishu.cn/minutes/obcnq3b9jl72l83w4f14xxxx",
                DocRef::Minutes("obcnq3b9jl72l83w4f14xxxx".to_owned()),
            ),
            ("https://x.larkoffice.com/docx/Q1", DocRef::Docx("Q1".to_owned())),
            ("<https://feishu.cn/wiki/W2>", DocRef::Wiki("W2".to_owned())),
        ];
        for (url, want) in cases {
            assert_eq!(parse_doc_link(url), Some(want), "{url}");
        }
    }

    #[test]
    fn other_links_are_not_documents() {
        for url in [
            "https://example.com/docx/abc",
            "https://evilfeishu.cn/docx/abc",
            "https://abc.feishu.cn/sheets/abc",
            "https://abc.feishu.cn/docx/",
            "https://abc.feishu.cn/docx/a%2F..",
            "完成三季度报告",
            "",
        ] {
            assert_eq!(parse_doc_link(url), None, "{url}");
        }
    }

    #[test]
    fn each_link_kind_names_the_scope_it_needs() {
        assert_eq!(
            DocRef::Docx("a".to_owned()).required_scope(),
            "docx:document:readonly"
        );
        assert_eq!(
            DocRef::Wiki("a".to_owned()).required_scope(),
            "wiki:wiki:readonly"
        );
        assert_eq!(
            DocRef::Minutes("a".to_owned()).required_scope(),
            "minutes:minutes:readonly"
        );
    }

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

    #[test]
    fn a_missing_scope_becomes_a_plain_chinese_message() {
        let e = FeishuError::Api {
            code: 99991672,
            msg: "No permission".to_owned(),
            http_status: 400,
        };
        let text = DocError::from_feishu(e, SCOPE_DOCX).to_string();
        assert!(text.contains("查看新版文档"), "{text}");
    }
}
