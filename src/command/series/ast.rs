//! The parsed `/例会` command (pure), its render and JSON, and the link rule.

use crate::command::spec::SeriesSub;
use crate::domain::cadence::Cadence;
use crate::domain::deadline::Deadline;
use crate::domain::ids::{Person, SeriesId};

/// A `/例会` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesCmd {
    /// `新建`.
    Create(NewSeries),
    /// `列表`.
    List,
    /// `查看`.
    Show(SeriesId),
    /// `暂停`.
    Pause(SeriesId),
    /// `恢复`.
    Resume(SeriesId),
    /// `取消`.
    Cancel(SeriesId),
    /// `改期`: the next occurrence only.
    Reschedule {
        /// The series.
        id: SeriesId,
        /// The new start (without a typed time the series' time of day is kept).
        to: Deadline,
    },
    /// `帮助`.
    Help,
}

/// `新建`'s fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSeries {
    /// 名称.
    pub name: String,
    /// 周期.
    pub cadence: Cadence,
    /// 周期 as typed.
    pub cadence_text: String,
    /// 参会人.
    pub attendees: Vec<Person>,
    /// 提纲 link.
    pub agenda: Option<String>,
    /// 看板 link.
    pub board: Option<String>,
}

impl SeriesCmd {
    /// The table row this command comes from.
    pub fn key(&self) -> SeriesSub {
        match self {
            Self::Create(_) => SeriesSub::Create,
            Self::List => SeriesSub::List,
            Self::Show(_) => SeriesSub::Show,
            Self::Pause(_) => SeriesSub::Pause,
            Self::Resume(_) => SeriesSub::Resume,
            Self::Cancel(_) => SeriesSub::Cancel,
            Self::Reschedule { .. } => SeriesSub::Reschedule,
            Self::Help => SeriesSub::Help,
        }
    }

    /// The command as typed (mentions as `@name`).
    pub fn render(&self) -> String {
        let word = self.key().spec().zh;
        match self {
            Self::Create(n) => {
                let mut parts = vec![format!("/例会 新建 {} {}", n.name, n.cadence_text)];
                parts.extend(n.attendees.iter().map(|p| format!("@{}", p.name)));
                if let Some(a) = &n.agenda {
                    parts.push(format!("提纲：{a}"));
                }
                if let Some(b) = &n.board {
                    parts.push(format!("看板：{b}"));
                }
                parts.join(" ")
            }
            Self::List | Self::Help => format!("/例会 {word}"),
            Self::Show(id) | Self::Pause(id) | Self::Resume(id) | Self::Cancel(id) => {
                format!("/例会 {word} {id}")
            }
            Self::Reschedule { id, to } => format!(
                "/例会 {word} {id} {}",
                crate::command::grammar::format_deadline(to)
            ),
        }
    }

    /// The command as JSON (`{"command": "series.<alias>", …}`).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let command = format!("series.{}", self.key().spec().en);
        match self {
            Self::Create(n) => json!({
                "command": command,
                "name": n.name,
                "cadence": n.cadence.describe(),
                "attendees": n.attendees.iter().map(crate::command::grammar::person_json).collect::<Vec<_>>(),
                "agenda": n.agenda,
                "board": n.board,
            }),
            Self::List | Self::Help => json!({"command": command}),
            Self::Show(id) | Self::Pause(id) | Self::Resume(id) | Self::Cancel(id) => {
                json!({"command": command, "id": id.to_string()})
            }
            Self::Reschedule { id, to } => json!({
                "command": command,
                "id": id.to_string(),
                "to": crate::command::when::format_rfc3339(to.at),
                "has_time": to.has_time,
            }),
        }
    }
}

/// Whether `url` is a link a card can open: an http(s) URL with a host (a Feishu doc or wiki
/// link is one).
pub fn is_link(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let name = host.split(':').next().unwrap_or(host);
    name.contains('.')
        && !name.starts_with('.')
        && !name.ends_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !url.chars().any(char::is_whitespace)
}
