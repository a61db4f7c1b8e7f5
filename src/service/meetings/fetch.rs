//! Before the lock: the minutes text of a `/纪要` (pasted, quoted, a linked document or a
//! recording) or of the minutes event, and the group's members.

use serde_json::Value;

use super::super::Service;
use super::super::intake::quoted_text;
use crate::command::MinutesCmd;
use crate::domain::ids::{MessageId, Person};
use crate::feishu::docs::{DocError, DocRef, parse_doc_link};
use crate::feishu::event::MessageEvent;
use crate::minutes::MeetingSource;

/// What was fetched for a `/纪要` before the lock.
pub(crate) struct Fetched {
    /// The minutes text and its source, or what to tell the user.
    pub(super) text: Result<(String, MeetingSource), String>,
    /// The group's members, or why they could not be read.
    pub(super) members: Result<Vec<Person>, String>,
    /// Started by the minutes event (no message to reply to).
    pub(super) from_event: bool,
    /// A title known from the source (the recording's).
    pub(super) title: Option<String>,
}

/// Fetches what `/纪要` needs: the minutes text (pasted, quoted or linked) and the group's
/// members. Runs before the service lock.
pub(crate) async fn fetch_minutes(svc: &Service, cmd: &MinutesCmd, msg: &MessageEvent) -> Fetched {
    if msg.chat_type == "p2p" {
        return Fetched {
            text: Err(
                "会后待办需要在开会的群里跟进：请在对应的群里发送“/纪要”加纪要内容（或附上文档链接）。"
                    .to_owned(),
            ),
            members: Ok(Vec::new()),
            from_event: false,
            title: None,
        };
    }
    let mut title = None;
    let text = match cmd {
        MinutesCmd::Text(t) => Ok((
            t.clone(),
            MeetingSource::Pasted {
                message_id: MessageId(msg.message_id.clone()),
            },
        )),
        MinutesCmd::FromReply => match &msg.parent_id {
            Some(pid) => match quoted_text(svc, pid).await {
                Some(t) => Ok((
                    t,
                    MeetingSource::Pasted {
                        message_id: MessageId(pid.clone()),
                    },
                )),
                None => Err("没能读取被回复的那条消息（可能是图片、文件或已撤回的消息）。请把纪要文字直接粘贴在“/纪要”后面再发一次。".to_owned()),
            },
            None => Err("请回复包含纪要的那条消息再发送“/纪要”，或把纪要粘贴在“/纪要”后面。".to_owned()),
        },
        MinutesCmd::Link(url) => match parse_doc_link(url) {
            None => Err("这个链接不是飞书文档、知识库或妙记的链接。请附上飞书文档（docx）、知识库页面或妙记的链接，或把纪要粘贴到消息里再发一次。".to_owned()),
            Some(DocRef::Minutes(token)) => {
                let r = minutes_link_text(svc, &token).await;
                if let Ok((t, _)) = &r {
                    title = t.clone();
                }
                r.map(|(_, text)| (text, MeetingSource::Minutes { token }))
            }
            Some(doc) => svc
                .client
                .doc_text(&doc)
                .await
                .map(|t| (t, MeetingSource::Doc { url: url.clone() }))
                .map_err(doc_error_text),
        },
    };
    let members = svc.members_of(&msg.chat_id).await;
    Fetched {
        text,
        members,
        from_event: false,
        title,
    }
}

/// A recording's title, and its text for extraction: the AI todos as a 待办 section (their
/// assignees as 负责人), the summary, and the transcript when there are no todos.
async fn minutes_link_text(svc: &Service, token: &str) -> Result<(Option<String>, String), String> {
    let meta = svc
        .client
        .minutes_text(token)
        .await
        .map_err(|e| doc_error_text(minutes_error(e)))?;
    let artifacts = match svc.client.minutes_artifacts(token).await {
        Ok(a) => Some(a),
        Err(e) => {
            tracing::warn!(error.message = %e, "minutes artifacts unavailable; using the transcript");
            None
        }
    };
    let mut text = String::new();
    if !meta.title.is_empty() {
        text.push_str(&format!("会议主题：{}\n", meta.title));
    }
    let todos: Vec<_> = artifacts
        .as_ref()
        .map(|a| a.todos.iter().filter(|t| !t.is_done).collect())
        .unwrap_or_default();
    if let Some(a) = &artifacts
        && !a.summary.trim().is_empty()
    {
        text.push_str(&format!("会议摘要\n{}\n", a.summary.trim()));
    }
    if todos.is_empty() {
        text.push_str(&meta.text);
    } else {
        text.push_str("\n待办事项\n");
        for t in todos {
            let owners = t.assignees.join("、");
            if owners.is_empty() {
                text.push_str(&format!("- [ ] {}\n", t.content.trim()));
            } else {
                text.push_str(&format!("- [ ] {} 负责人：{owners}\n", t.content.trim()));
            }
        }
    }
    let title = (!meta.title.is_empty()).then_some(meta.title);
    Ok((title, text))
}

/// The optional minutes event: fetch the recording and start the flow in its group.
pub(crate) async fn prepare_minutes_event(
    svc: &Service,
    event: &Value,
    event_id: &str,
) -> Option<(MessageEvent, Fetched)> {
    let s = |ptr: &str| event.pointer(ptr).and_then(Value::as_str).map(str::to_owned);
    let token = s("/minute_token")
        .or_else(|| s("/minute/token"))
        .or_else(|| s("/object_token"));
    let chat = s("/chat_id").or_else(|| s("/meeting/chat_id"));
    let (Some(token), Some(chat)) = (token, chat) else {
        tracing::warn!(
            event_id,
            "minutes event without a minute token or a chat id; ignored"
        );
        return None;
    };
    let (title, text) = match minutes_link_text(svc, &token).await {
        Ok(x) => x,
        Err(e) => {
            tracing::warn!(event_id, error.message = %e, "minutes event: the recording could not be read");
            return None;
        }
    };
    let members = svc.members_of(&chat).await;
    let msg = MessageEvent {
        message_id: format!("evt_{event_id}"),
        chat_id: chat,
        chat_type: "group".to_owned(),
        message_type: "text".to_owned(),
        text: String::new(),
        mentions: Vec::new(),
        sender_open_id: String::new(),
        parent_id: None,
        root_id: None,
        create_time_ms: None,
    };
    let fetched = Fetched {
        text: Ok((text, MeetingSource::Minutes { token })),
        members,
        from_event: true,
        title,
    };
    Some((msg, fetched))
}

/// A plain Chinese explanation of why a linked document could not be read.
pub(super) fn doc_error_text(e: DocError) -> String {
    match e {
        DocError::MissingScope(m) => m.to_string(),
        DocError::Unsupported(_) => e.to_string(),
        DocError::Feishu(f) => format!(
            "没能读取这份文档：{f}\n请确认链接正确、文档已对机器人所在应用开放（文档右上角「分享」中添加本应用），或把纪要内容直接粘贴到消息里再发一次。"
        ),
    }
}

fn minutes_error(e: crate::feishu::FeishuError) -> DocError {
    match e.missing_scope(crate::feishu::docs::SCOPE_MINUTES) {
        Some(m) => DocError::MissingScope(m),
        None => DocError::Feishu(e),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_scope_is_named_with_the_console_path() {
        let e = crate::feishu::FeishuError::Api {
            code: 99991672,
            msg: "Access denied. One of the following scopes is required: [docx:document:readonly]"
                .to_owned(),
            http_status: 400,
        };
        let text = doc_error_text(DocError::MissingScope(e.missing_scope("x:y").unwrap()));
        assert!(text.contains("查看新版文档"), "{text}");
        assert!(text.contains("docx:document:readonly"), "{text}");
        assert!(text.contains("权限管理"), "{text}");
    }
}
