//! `[feishu]` and the app's credentials: the OpenAPI address and send rates, which group
//! messages arrive, how events reach duban (webhook or long connection), and the app id and
//! secrets, read from the environment only.

use anyhow::bail;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::env::Env;

/// `[feishu]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeishuFile {
    /// OpenAPI base URL.
    pub base_url: String,
    /// HTTP timeout for OpenAPI calls, seconds.
    pub timeout_secs: u64,
    /// Per-app sends per second.
    pub app_per_second: u32,
    /// Per-app sends per minute.
    pub app_per_minute: u32,
    /// Per-chat sends per second.
    pub chat_per_second: u32,
    /// Which group messages the app's permissions let Feishu deliver (`DUBAN_GROUP_MESSAGES`).
    pub group_messages: GroupMessages,
    /// How events and card callbacks reach duban (`DUBAN_EVENTS`).
    pub events: EventsMode,
    /// HTTP proxy for the long connection's WebSocket (`HTTPS_PROXY` when unset).
    pub proxy: Option<String>,
}

/// Which group messages Feishu delivers to the app, by the permission it was granted
/// (`feishu.group_messages`, env `DUBAN_GROUP_MESSAGES`). duban answers whatever arrives either
/// way; the setting tells the sandbox what to deliver and the start-up log what to expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupMessages {
    /// `im:message.group_at_msg:readonly` (接收群聊中@机器人消息): only messages that @ the bot.
    #[default]
    AtBot,
    /// `im:message.group_msg` (获取群组中所有消息, a sensitive permission the tenant admin must
    /// approve): every user message in the bot's groups.
    All,
}

impl GroupMessages {
    /// Reads `at_bot` or `all`.
    ///
    /// # Errors
    /// Any other word, with the two accepted ones.
    pub fn parse(s: &str) -> anyhow::Result<Self> {
        match s.trim() {
            "at_bot" => Ok(Self::AtBot),
            "all" => Ok(Self::All),
            other => {
                bail!("DUBAN_GROUP_MESSAGES / feishu.group_messages {other:?} must be \"at_bot\" or \"all\"")
            }
        }
    }

    /// The setting's word (`at_bot`, `all`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AtBot => "at_bot",
            Self::All => "all",
        }
    }
}

/// How events and card callbacks reach duban: `feishu.events` / `DUBAN_EVENTS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EventsMode {
    /// Feishu POSTs to `/feishu/events` and `/feishu/cards` (needs a public HTTPS address).
    #[default]
    Webhook,
    /// duban opens an outbound WebSocket to Feishu (长连接); no inbound address needed.
    LongConnection,
}

impl EventsMode {
    /// `webhook` / `long-connection`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "webhook" => Some(Self::Webhook),
            "long-connection" => Some(Self::LongConnection),
            _ => None,
        }
    }
}

impl Default for FeishuFile {
    fn default() -> Self {
        Self {
            base_url: "https://open.feishu.cn".to_owned(),
            timeout_secs: 10,
            app_per_second: 50,
            app_per_minute: 1000,
            chat_per_second: 5,
            group_messages: GroupMessages::AtBot,
            events: EventsMode::Webhook,
            proxy: None,
        }
    }
}
/// Feishu app credentials (from the environment only).
#[derive(Debug, Clone)]
pub struct Credentials {
    /// `cli_` + 16 hex digits.
    pub app_id: String,
    /// App secret.
    pub app_secret: SecretString,
    /// Verification Token.
    pub verification_token: SecretString,
    /// Encrypt Key (optional in the console; signatures and encryption need it).
    pub encrypt_key: Option<SecretString>,
}
impl Credentials {
    /// The Encrypt Key's text, if any.
    pub fn encrypt_key_str(&self) -> Option<&str> {
        self.encrypt_key.as_ref().map(ExposeSecret::expose_secret)
    }
}
pub(super) fn credentials(env: &dyn Env, mode: EventsMode) -> anyhow::Result<Option<Credentials>> {
    let names = [
        "FEISHU_APP_ID",
        "FEISHU_APP_SECRET",
        "FEISHU_VERIFICATION_TOKEN",
        "FEISHU_ENCRYPT_KEY",
    ];
    if names.iter().all(|n| env.var(n).is_none()) {
        return Ok(None);
    }
    let need = |n: &str| {
        env.var(n)
            .ok_or_else(|| anyhow::anyhow!("{n} is not set (needed together with FEISHU_APP_ID)"))
    };
    let app_id = need("FEISHU_APP_ID")?.trim().to_owned();
    if !is_app_id(&app_id) {
        bail!("FEISHU_APP_ID {app_id:?} is not an app id (cli_ followed by 16 hex digits)");
    }
    Ok(Some(Credentials {
        app_id,
        app_secret: SecretString::from(need("FEISHU_APP_SECRET")?.trim().to_owned()),
        // The long connection has no token check (the webhook routes are not served then).
        verification_token: SecretString::from(match mode {
            EventsMode::Webhook => need("FEISHU_VERIFICATION_TOKEN")?.trim().to_owned(),
            EventsMode::LongConnection => env
                .var("FEISHU_VERIFICATION_TOKEN")
                .unwrap_or_default()
                .trim()
                .to_owned(),
        }),
        encrypt_key: env
            .var("FEISHU_ENCRYPT_KEY")
            .map(|k| SecretString::from(k.trim().to_owned())),
    }))
}

/// `cli_` followed by exactly 16 hex digits.
pub fn is_app_id(s: &str) -> bool {
    s.strip_prefix("cli_")
        .is_some_and(|h| h.len() == 16 && h.chars().all(|c| c.is_ascii_hexdigit()))
}
