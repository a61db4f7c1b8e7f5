//! Missing permissions, said plainly: turns Feishu's "no permission" answers (99991672 app
//! scope, 99991679 user scope, or HTTP 403 with a scope in `msg`) into [`MissingScope`], which
//! names the scope and its name in the Feishu console, so the bot can tell an admin exactly
//! what to grant. Pure.
//!
//! Feishu's `msg` for 99991672 reads like "Access denied. One of the following scopes is
//! required: [docx:document:readonly, docx:document]. 应用尚未开通所需的应用身份权限：[…]" ([3P]
//! observations; the exact wording is not guaranteed), so the first scope-shaped word in the
//! message is taken, and the caller's expected scope is used when there is none.

use super::FeishuError;

/// Codes that mean "the app (or user) lacks an API scope".
const SCOPE_CODES: &[i64] = &[99991672, 99991679];

/// Console names of the scopes duban uses (as the Feishu developer console shows them).
const SCOPE_NAMES: &[(&str, &str)] = &[
    ("docx:document:readonly", "查看新版文档"),
    ("docx:document", "查看、编辑和管理新版文档"),
    ("docs:doc:readonly", "查看旧版文档"),
    ("wiki:wiki:readonly", "查看知识库"),
    ("wiki:wiki", "查看、编辑和管理知识库"),
    ("minutes:minutes:readonly", "查看妙记文件"),
    ("minutes:minutes", "查看、编辑妙记文件"),
    ("bitable:app", "查看、评论、编辑和管理多维表格"),
    ("bitable:app:readonly", "查看、评论和导出多维表格"),
    ("im:chat:readonly", "获取群组信息"),
    ("im:chat.members:read", "查看群成员"),
    ("im:message", "获取与发送单聊、群组消息"),
    ("im:message:send_as_bot", "以应用的身份发消息"),
    ("im:message.group_at_msg:readonly", "接收群聊中@机器人消息事件"),
    ("im:message.p2p_msg:readonly", "读取用户发给机器人的单聊消息"),
    ("im:message.urgent", "发送应用内加急消息"),
    ("im:message.urgent:sms", "发送短信加急消息"),
    ("im:message.urgent:phone", "发送电话加急消息"),
    ("drive:drive", "查看、评论、编辑和管理云空间中所有文件"),
    ("drive:drive:readonly", "查看、评论和下载云空间中所有文件"),
    ("contact:user.base:readonly", "获取用户基本信息"),
    ("okr:okr:readonly", "获取 OKR 信息"),
    ("okr:okr", "更新 OKR 信息"),
    ("okr:okr.progress:writeonly", "更新 OKR 进展"),
];

/// The app lacks one OpenAPI permission (scope).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "机器人还没有飞书权限「{}」（{scope}）。请飞书管理员在开发者后台的「权限管理」中开通该权限，并发布新版本后再试。",
    self.label()
)]
pub struct MissingScope {
    /// The scope as Feishu names it, e.g. `docx:document:readonly`.
    pub scope: String,
}

impl MissingScope {
    /// The scope's name in the console (`查看新版文档`), or the scope itself when unknown.
    pub fn label(&self) -> &str {
        scope_label(&self.scope).unwrap_or(&self.scope)
    }
}

/// The console name of a scope duban knows.
pub fn scope_label(scope: &str) -> Option<&'static str> {
    SCOPE_NAMES
        .iter()
        .find(|(s, _)| *s == scope)
        .map(|(_, name)| *name)
}

impl FeishuError {
    /// `Some` when Feishu refused the call for a missing scope: the scope named in `msg`, or
    /// `expected` (the scope the endpoint is documented to need) when `msg` names none.
    /// HTTP 403 counts only when `msg` names a scope (a 403 can also mean the document is not
    /// shared with the app).
    pub fn missing_scope(&self, expected: &str) -> Option<MissingScope> {
        let Self::Api {
            code,
            msg,
            http_status,
        } = self
        else {
            return None;
        };
        let named = scope_in(msg);
        if SCOPE_CODES.contains(code) {
            let scope = named.unwrap_or_else(|| expected.to_owned());
            return Some(MissingScope { scope });
        }
        if *http_status == 403 {
            return named.map(|scope| MissingScope { scope });
        }
        None
    }
}

/// The first scope-shaped word in `msg` (`a:b` or `a:b:c`, lower-case letters, `_` and `.`),
/// preferring a scope duban knows by name.
fn scope_in(msg: &str) -> Option<String> {
    let words: Vec<&str> = msg
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, ':' | '_' | '.')))
        .map(|w| w.trim_matches(|c| c == '.' || c == ':'))
        .filter(|w| is_scope(w))
        .collect();
    words
        .iter()
        .find(|w| scope_label(w).is_some())
        .or_else(|| words.first())
        .map(|w| (*w).to_owned())
}

fn is_scope(w: &str) -> bool {
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        // URLs (`https://…`) are not scopes.
        && !parts.first().is_some_and(|p| p.starts_with("http"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(code: i64, status: u16, msg: &str) -> FeishuError {
        FeishuError::Api {
            code,
            msg: msg.to_owned(),
            http_status: status,
        }
    }

    #[test]
    fn the_scope_named_in_feishus_message_is_reported() {
        let e = api(
            99991672,
            400,
            "Access denied. One of the following scopes is required: [docx:document:readonly, docx:document]. \
             应用尚未开通所需的应用身份权限：[docx:document:readonly, docx:document]，点击链接申请并开通任一权限即可：\
             https://open.feishu.cn/app/cli_x/auth?q=docx:document:readonly",
        );
        let m = e.missing_scope("wiki:wiki:readonly").unwrap();
        assert_eq!(m.scope, "docx:document:readonly");
        assert_eq!(m.label(), "查看新版文档");
        let text = m.to_string();
        assert!(
            text.contains("查看新版文档") && text.contains("docx:document:readonly"),
            "{text}"
        );
    }

    #[test]
    fn without_a_scope_in_the_message_the_expected_one_is_used() {
        let m = api(99991672, 400, "No permission").missing_scope("minutes:minutes:readonly");
        assert_eq!(m.unwrap().label(), "查看妙记文件");
        let m = api(99991679, 400, "Unauthorized").missing_scope("docx:document:readonly");
        assert_eq!(m.unwrap().scope, "docx:document:readonly");
    }

    #[test]
    fn a_403_counts_only_when_it_names_a_scope() {
        assert!(
            api(1770032, 403, "forBidden")
                .missing_scope("docx:document:readonly")
                .is_none()
        );
        let m = api(1, 403, "scope required: im:chat:readonly").missing_scope("x:y");
        assert_eq!(m.unwrap().scope, "im:chat:readonly");
    }

    #[test]
    fn other_errors_are_not_scope_errors() {
        assert!(api(230002, 400, "bot not in chat").missing_scope("a:b").is_none());
        assert!(
            FeishuError::Transport("x".to_owned())
                .missing_scope("a:b")
                .is_none()
        );
    }

    #[test]
    fn an_unknown_scope_is_shown_as_is() {
        let m = MissingScope {
            scope: "foo:bar".to_owned(),
        };
        assert_eq!(m.label(), "foo:bar");
    }
}
