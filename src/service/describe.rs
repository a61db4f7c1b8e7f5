//! `duban parse`: show how the bot reads a command line (support and debugging).

use crate::calendar::Calendar;
use crate::command::{self, Context, cli_mentions};

/// The outcome of [`describe_command`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    /// Whether the line parsed as a command.
    pub ok: bool,
    /// What to print.
    pub text: String,
}

/// Parses `text` (mentions written `@名字`) as the bot would at `now`.
pub fn describe_command(text: &str, now: jiff::Timestamp, cal: &Calendar, json: bool) -> Described {
    let (placeheld, mentions) = cli_mentions(text);
    let ctx = Context {
        now,
        calendar: cal,
        is_reply: false,
    };
    match command::parse(&placeheld, &mentions, &ctx) {
        Ok(Some(cmd)) => {
            let v = cmd.to_json();
            let text = if json {
                v.to_string()
            } else {
                serde_json::to_string_pretty(&v).unwrap_or_else(|_| v.to_string())
            };
            Described { ok: true, text }
        }
        Ok(None) => Described {
            ok: false,
            text: if json {
                serde_json::json!({"error": "不是督办指令（应以 /督办 或 /task 开头）"}).to_string()
            } else {
                "不是督办指令（应以 /督办 或 /task 开头）".to_owned()
            },
        },
        Err(e) => Described {
            ok: false,
            text: if json {
                serde_json::json!({"error": e.message(), "title": e.title(), "example": e.example()})
                    .to_string()
            } else {
                format!("{}：{}\n正确示例：{}", e.title(), e.message(), e.example())
            },
        },
    }
}
