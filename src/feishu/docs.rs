//! Reading meeting minutes from Feishu (an edge): doc links, new-style documents (docx) and
//! wiki pages that wrap a document; [`FeishuClient::doc_text`] also reads Feishu Minutes (妙记)
//! through `minutes.rs`.
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
use super::client::{FeishuClient, path_segment, record};
use super::response::truncated;
use super::scope::MissingScope;

/// Scope needed to read a new-style document's text.
pub const SCOPE_DOCX: &str = "docx:document:readonly";
/// Scope needed to resolve a wiki page to its document.
pub const SCOPE_WIKI: &str = "wiki:wiki:readonly";
pub use super::minutes::SCOPE_MINUTES;

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

#[cfg(test)]
mod tests {
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
