//! Configuration (an edge): a TOML file (`--config PATH` or `DUBAN_CONFIG`) overlaid by
//! environment variables, validated once at start-up into [`Settings`]. Secrets come only from
//! the environment and are [`SecretString`]s that never print.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::calendar::Calendar;

/// The file layer (no secrets).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    /// `[server]`
    pub server: ServerFile,
    /// `[feishu]`
    pub feishu: FeishuFile,
    /// `[supervision]`
    pub supervision: SupervisionFile,
    /// `[calendar]`
    pub calendar: CalendarFile,
    /// `[log]`
    pub log: LogFile,
    /// `[reminders]`: the reminder policy (every key optional).
    pub reminders: crate::domain::schedule::ReminderPolicy,
    /// `[board]`: the weekly 晾晒 board.
    pub board: BoardConfig,
    /// `[[groups]]`: per-group overrides.
    pub groups: Vec<GroupConfig>,
    /// `[minutes]`: meeting follow-up.
    pub minutes: MinutesConfig,
    /// `[projects]`: stage templates and the stalled threshold.
    pub projects: ProjectsConfig,
    /// `[requirements]`: managers, their chat and the intake SLA.
    pub requirements: RequirementsConfig,
    /// `[mirror]`: the optional Bitable mirror.
    pub mirror: Option<crate::mirror::MirrorConfig>,
    /// `[backup]`: scheduled backups (absent: none).
    pub backup: Option<BackupConfig>,
    /// `[audit]`: how long audit records are kept.
    pub audit: AuditConfig,
}

/// `[backup]`: a snapshot every day at `at` into `dir`, keeping the newest `keep`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupConfig {
    /// Where backups (and exports of pruned audit records) go (created if missing; relative
    /// paths are relative to the configuration file).
    pub dir: PathBuf,
    /// Local time (Asia/Shanghai), `HH:MM`.
    #[serde(default = "default_backup_at")]
    pub at: String,
    /// How many scheduled backups to keep (older ones are deleted).
    #[serde(default = "default_backup_keep")]
    pub keep: usize,
}

fn default_backup_at() -> String {
    "02:00".to_owned()
}

fn default_backup_keep() -> usize {
    7
}

/// `[audit]`: retention of audit records.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditConfig {
    /// Records older than this many days are pruned (at least [`MIN_AUDIT_DAYS`]).
    pub keep_days: u32,
}

/// The shortest audit retention allowed.
pub const MIN_AUDIT_DAYS: u32 = 180;

impl Default for AuditConfig {
    fn default() -> Self {
        Self {
            keep_days: MIN_AUDIT_DAYS,
        }
    }
}

/// The local admin endpoint (`DUBAN_ADMIN_TOKEN` set): backups and exports while serving.
#[derive(Debug, Clone)]
pub struct AdminSettings {
    /// A loopback address (`DUBAN_ADMIN_LISTEN` / `server.admin_listen`).
    pub listen: SocketAddr,
    /// The bearer token.
    pub token: SecretString,
}

/// `[minutes]`: meeting follow-up (`/纪要`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MinutesConfig {
    /// Working days after the meeting when the closure card is posted (at 10:00).
    pub closure_workdays: u32,
    /// Also start the flow from Feishu's minutes-generated event (`minutes.minute.generated_v1`;
    /// its payload is not confirmed by the protocol reference, see `service::minutes`).
    pub events: bool,
}

impl Default for MinutesConfig {
    fn default() -> Self {
        Self {
            closure_workdays: 5,
            events: false,
        }
    }
}

/// `[projects]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProjectsConfig {
    /// `[[projects.templates]]` (`name`, `stages`); the first is the default when none is
    /// named `默认`. Empty: the built-in five stages.
    pub templates: Vec<crate::domain::project::StageTemplate>,
    /// A project without stage movement for this many working days is flagged (5).
    pub stalled_workdays: u32,
}

impl Default for ProjectsConfig {
    fn default() -> Self {
        Self {
            templates: Vec::new(),
            stalled_workdays: 5,
        }
    }
}

/// `[requirements]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RequirementsConfig {
    /// Requirement managers' open_ids (they triage).
    pub managers: Vec<String>,
    /// Where triage cards go (`oc_…`); unset: to each manager 1:1 (never the submitting group).
    pub manager_chat: Option<String>,
    /// Not triaged within this many working days → the managers are nudged (2).
    pub sla_workdays: u32,
}

impl Default for RequirementsConfig {
    fn default() -> Self {
        Self {
            managers: Vec::new(),
            manager_chat: None,
            sla_workdays: 2,
        }
    }
}

/// `[board]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BoardConfig {
    /// Post the weekly board at all.
    pub enabled: bool,
    /// Day of the week, 1 = Monday … 7 = Sunday (moved to the next working day if off).
    pub weekday: i8,
    /// Local time, `HH:MM`.
    pub at: String,
    /// How many names in the 按时完成 section.
    pub top_n: usize,
}

impl Default for BoardConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            weekday: 1,
            at: "09:30".to_owned(),
            top_n: 5,
        }
    }
}

impl BoardConfig {
    /// This week's board slot: (the week's Monday as `YYYY-MM-DD`, the instant to post).
    pub fn this_week(&self, now: jiff::Timestamp, cal: &Calendar) -> Option<(String, jiff::Timestamp)> {
        let local = crate::domain::time::local(now).date();
        let monday = local
            .checked_sub(jiff::Span::new().days(i64::from(local.weekday().to_monday_zero_offset())))
            .ok()?;
        let mut day = monday
            .checked_add(jiff::Span::new().days(i64::from(self.weekday.clamp(1, 7) - 1)))
            .ok()?;
        // Off that day (holiday)? The first working day after it, within the same week.
        while !cal.is_workday(day).unwrap_or(true) {
            day = day.tomorrow().ok()?;
            if day.weekday() == jiff::civil::Weekday::Monday {
                return None;
            }
        }
        let (h, m) = parse_hhmm(&self.at)?;
        let at = day
            .at(h, m, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::fixed(crate::domain::time::SHANGHAI))
            .ok()?
            .timestamp();
        Some((monday.to_string(), at))
    }
}

/// `HH:MM` → (hour, minute).
pub fn parse_hhmm(s: &str) -> Option<(i8, i8)> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    ((0..24).contains(&h) && (0..60).contains(&m)).then_some((h, m))
}

/// `[[groups]]`: one group's overrides.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupConfig {
    /// The group (`oc_…`).
    pub chat_id: String,
    /// Leaders noted from the third overdue working day (open_ids).
    #[serde(default)]
    pub leaders: Vec<String>,
    /// `working` (State Council calendar, default) or `trading` (exchange calendar).
    #[serde(default)]
    pub calendar: Option<crate::calendar::DayRule>,
    /// `false` turns the weekly board off for this group.
    #[serde(default)]
    pub board: Option<bool>,
    /// `[groups.reminders]`: any `[reminders]` key, for this group only.
    #[serde(default)]
    pub reminders: Option<toml::Table>,
    /// The group's reminder policy: `[reminders]` with the group's keys over it (resolved when
    /// the configuration is loaded; `None` when the group changes none).
    #[serde(skip)]
    pub policy: Option<crate::domain::schedule::ReminderPolicy>,
}

/// `[reminders]` with a group's `[groups.reminders]` keys over it.
fn group_policy(
    base: &crate::domain::schedule::ReminderPolicy,
    keys: &toml::Table,
) -> anyhow::Result<crate::domain::schedule::ReminderPolicy> {
    let toml::Value::Table(mut merged) = toml::Value::try_from(base)? else {
        bail!("the reminder policy is not a table");
    };
    merged.extend(keys.iter().map(|(k, v)| (k.clone(), v.clone())));
    Ok(crate::domain::schedule::ReminderPolicy::deserialize(
        toml::Value::Table(merged),
    )?)
}

/// `[server]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerFile {
    /// Listen address.
    pub listen: String,
    /// sled directory.
    pub data_dir: PathBuf,
    /// The admin endpoint's address (loopback only; served when `DUBAN_ADMIN_TOKEN` is set).
    pub admin_listen: String,
}

impl Default for ServerFile {
    fn default() -> Self {
        Self {
            listen: "0.0.0.0:8080".to_owned(),
            data_dir: PathBuf::from("./data"),
            admin_listen: "127.0.0.1:8091".to_owned(),
        }
    }
}

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

/// `[supervision]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SupervisionFile {
    /// 完成 waits for 验收.
    pub require_acceptance: bool,
    /// Minutes between two 催办 of one item.
    pub nudge_cooldown_minutes: u32,
    /// open_ids with admin rights.
    pub admins: Vec<String>,
}

impl Default for SupervisionFile {
    fn default() -> Self {
        Self {
            require_acceptance: true,
            nudge_cooldown_minutes: 60,
            admins: Vec::new(),
        }
    }
}

/// `[calendar]`
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CalendarFile {
    /// Extra or replacement years: `[[calendar.years]] year = 2027, file = "cn_2027.tsv"`.
    pub years: Vec<CalendarYear>,
}

/// One calendar year from a file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    /// The year.
    pub year: i16,
    /// TSV file (relative paths are relative to the config file).
    pub file: PathBuf,
}

/// `[log]`
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogFile {
    /// `text` or `json`.
    pub format: String,
    /// Filter, e.g. `info,duban=debug`.
    pub level: String,
}

impl Default for LogFile {
    fn default() -> Self {
        Self {
            format: "text".to_owned(),
            level: "info".to_owned(),
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

/// Validated settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Listen address.
    pub listen: SocketAddr,
    /// sled directory (exists and is writable).
    pub data_dir: PathBuf,
    /// OpenAPI base URL, without a trailing slash.
    pub base_url: String,
    /// The `[feishu]` tuning.
    pub feishu: FeishuFile,
    /// Credentials; `None` means sandbox mode.
    pub credentials: Option<Credentials>,
    /// `[supervision]`.
    pub supervision: SupervisionFile,
    /// The working-day calendar (built-in plus configured years).
    pub calendar: Calendar,
    /// `[log]`.
    pub log: LogFile,
    /// `[reminders]`.
    pub reminders: crate::domain::schedule::ReminderPolicy,
    /// `[board]`.
    pub board: BoardConfig,
    /// `[[groups]]`.
    pub groups: Vec<GroupConfig>,
    /// `[minutes]`.
    pub minutes: MinutesConfig,
    /// `[projects]`.
    pub projects: ProjectsConfig,
    /// `[requirements]`.
    pub requirements: RequirementsConfig,
    /// `[mirror]` (absent: no mirror).
    pub mirror: Option<crate::mirror::MirrorConfig>,
    /// `[backup]` (absent: no scheduled backups).
    pub backup: Option<BackupConfig>,
    /// `[audit]`.
    pub audit: AuditConfig,
    /// The admin endpoint (absent without `DUBAN_ADMIN_TOKEN`).
    pub admin: Option<AdminSettings>,
}

/// Where environment values come from (a map in tests, the process environment otherwise).
pub trait Env {
    /// The value of `key`, if set and not empty.
    fn var(&self, key: &str) -> Option<String>;
}

/// The process environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, key: &str) -> Option<String> {
        std::env::var(key).ok().filter(|v| !v.trim().is_empty())
    }
}

impl Env for std::collections::HashMap<String, String> {
    fn var(&self, key: &str) -> Option<String> {
        self.get(key).cloned().filter(|v| !v.trim().is_empty())
    }
}

/// Loads and validates everything. `config_path` wins over `DUBAN_CONFIG`.
///
/// # Errors
/// A one-line explanation of the first problem found (never containing a secret).
pub fn load(config_path: Option<&Path>, env: &dyn Env) -> anyhow::Result<Settings> {
    let path = config_path
        .map(Path::to_path_buf)
        .or_else(|| env.var("DUBAN_CONFIG").map(PathBuf::from));
    let mut file: FileConfig = match &path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read config file {}", p.display()))?;
            toml::from_str(&text).map_err(|e| {
                anyhow::anyhow!(
                    "config file {} is invalid: {}",
                    p.display(),
                    e.message().replace('\n', " ")
                )
            })?
        }
        None => FileConfig::default(),
    };
    let base = path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();

    let listen_s = env.var("DUBAN_LISTEN").unwrap_or(file.server.listen.clone());
    let listen: SocketAddr = listen_s.trim().parse().map_err(|_| {
        anyhow::anyhow!("DUBAN_LISTEN / server.listen {listen_s:?} is not an address like 0.0.0.0:8080")
    })?;
    let data_dir = env
        .var("DUBAN_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or(file.server.data_dir.clone());
    ensure_writable(&data_dir)?;

    let base_url = env.var("FEISHU_BASE_URL").unwrap_or(file.feishu.base_url.clone());
    let base_url = base_url.trim().trim_end_matches('/').to_owned();
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        bail!("FEISHU_BASE_URL {base_url:?} must start with https:// (or http:// for a local fake)");
    }

    if let Some(mode) = env.var("DUBAN_EVENTS") {
        file.feishu.events = EventsMode::parse(&mode).ok_or_else(|| {
            anyhow::anyhow!("DUBAN_EVENTS {mode:?} must be \"webhook\" or \"long-connection\"")
        })?;
    }
    if file.feishu.proxy.is_none() {
        file.feishu.proxy = env.var("HTTPS_PROXY").or_else(|| env.var("https_proxy"));
    }
    if file.feishu.events == EventsMode::LongConnection
        && let Some(p) = file.feishu.proxy.as_deref()
        && !p.trim().starts_with("http://")
    {
        bail!(
            "feishu.proxy / HTTPS_PROXY must be an http:// proxy URL (the long connection tunnels through it with CONNECT)"
        );
    }
    let credentials = credentials(env, file.feishu.events)?;
    let mut feishu = file.feishu.clone();
    if let Some(g) = env.var("DUBAN_GROUP_MESSAGES") {
        feishu.group_messages = GroupMessages::parse(&g)?;
    }

    let mut calendar = Calendar::builtin();
    for y in &file.calendar.years {
        let p = if y.file.is_absolute() {
            y.file.clone()
        } else {
            base.join(&y.file)
        };
        let text = std::fs::read_to_string(&p)
            .with_context(|| format!("cannot read calendar file {}", p.display()))?;
        calendar
            .load_year(y.year, &text)
            .map_err(|e| anyhow::anyhow!("calendar file {} for {}: {e}", p.display(), y.year))?;
    }
    for a in &file.supervision.admins {
        if !a.starts_with("ou_") {
            bail!("supervision.admins entry {a:?} is not an open_id (ou_…)");
        }
    }
    let mut log = file.log.clone();
    if let Some(l) = env.var("DUBAN_LOG") {
        log.level = l;
    }
    if let Some(f) = env.var("DUBAN_LOG_FORMAT") {
        log.format = f;
    }
    if log.format != "text" && log.format != "json" {
        bail!("log.format must be \"text\" or \"json\", not {:?}", log.format);
    }
    if parse_hhmm(&file.board.at).is_none() {
        bail!("board.at {:?} is not a time like 09:30", file.board.at);
    }
    if !(1..=60).contains(&file.minutes.closure_workdays) {
        bail!(
            "minutes.closure_workdays {} must be between 1 and 60",
            file.minutes.closure_workdays
        );
    }
    if let Err(e) = file.reminders.check() {
        bail!("reminders: {e}");
    }
    for g in &mut file.groups {
        if !g.chat_id.starts_with("oc_") {
            bail!("groups.chat_id {:?} is not a chat id (oc_…)", g.chat_id);
        }
        if let Some(l) = g.leaders.iter().find(|l| !l.starts_with("ou_")) {
            bail!("groups.leaders entry {l:?} is not an open_id (ou_…)");
        }
        if let Some(keys) = &g.reminders {
            let policy = group_policy(&file.reminders, keys)
                .with_context(|| format!("groups.reminders of {}", g.chat_id))?;
            if let Err(e) = policy.check() {
                bail!("groups.reminders of {}: {e}", g.chat_id);
            }
            g.policy = Some(policy);
        }
    }
    if let Some(m) = file.requirements.managers.iter().find(|m| !m.starts_with("ou_")) {
        bail!("requirements.managers entry {m:?} is not an open_id (ou_…)");
    }
    if let Some(c) = file
        .requirements
        .manager_chat
        .as_ref()
        .filter(|c| !c.starts_with("oc_"))
    {
        bail!("requirements.manager_chat {c:?} is not a chat id (oc_…)");
    }
    if let Some(t) = file.projects.templates.iter().find(|t| t.stages.is_empty()) {
        bail!("projects.templates {:?} has no stages", t.name);
    }
    if file
        .mirror
        .as_ref()
        .is_some_and(|m| m.app_token.trim().is_empty())
    {
        bail!("mirror.app_token is empty");
    }
    if file.audit.keep_days < MIN_AUDIT_DAYS {
        bail!(
            "audit.keep_days {} is too short: audit records are kept at least {MIN_AUDIT_DAYS} days",
            file.audit.keep_days
        );
    }
    if let Some(b) = &mut file.backup {
        if parse_hhmm(&b.at).is_none() {
            bail!("backup.at {:?} is not a time like 02:00", b.at);
        }
        if b.keep == 0 {
            bail!("backup.keep must be at least 1");
        }
        if b.dir.is_relative() {
            b.dir = base.join(&b.dir);
        }
        std::fs::create_dir_all(&b.dir)
            .map_err(|e| anyhow::anyhow!("backup.dir {} cannot be created: {e}", b.dir.display()))?;
    }
    let admin = match env.var("DUBAN_ADMIN_TOKEN") {
        None => None,
        Some(token) => {
            let s = env
                .var("DUBAN_ADMIN_LISTEN")
                .unwrap_or(file.server.admin_listen.clone());
            let listen: SocketAddr = s.trim().parse().map_err(|_| {
                anyhow::anyhow!(
                    "DUBAN_ADMIN_LISTEN / server.admin_listen {s:?} is not an address like 127.0.0.1:8091"
                )
            })?;
            if !listen.ip().is_loopback() {
                bail!(
                    "DUBAN_ADMIN_LISTEN / server.admin_listen {s:?} must be a loopback address (127.0.0.1 or ::1): the admin endpoint hands out the whole database"
                );
            }
            if token.trim().len() < 16 {
                bail!("DUBAN_ADMIN_TOKEN is too short: use at least 16 random characters");
            }
            Some(AdminSettings {
                listen,
                token: SecretString::from(token.trim().to_owned()),
            })
        }
    };
    Ok(Settings {
        listen,
        data_dir,
        base_url,
        feishu,
        credentials,
        supervision: file.supervision,
        calendar,
        log,
        reminders: file.reminders,
        board: file.board,
        groups: file.groups,
        minutes: file.minutes,
        projects: file.projects,
        requirements: file.requirements,
        mirror: file.mirror,
        backup: file.backup,
        audit: file.audit,
        admin,
    })
}

fn credentials(env: &dyn Env, mode: EventsMode) -> anyhow::Result<Option<Credentials>> {
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

fn ensure_writable(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("data dir {} cannot be created: {e}", dir.display()))?;
    let probe = dir.join(".duban-write-probe");
    std::fs::write(&probe, b"ok")
        .map_err(|e| anyhow::anyhow!("data dir {} is not writable: {e}", dir.display()))?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

impl Credentials {
    /// The Encrypt Key's text, if any.
    pub fn encrypt_key_str(&self) -> Option<&str> {
        self.encrypt_key.as_ref().map(ExposeSecret::expose_secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn no_credentials_means_sandbox_and_defaults_apply() {
        let d = dir();
        let s = load(None, &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())])).unwrap();
        assert!(s.credentials.is_none());
        assert_eq!(s.base_url, "https://open.feishu.cn");
        assert_eq!(s.listen.port(), 8080);
    }

    #[test]
    fn group_messages_default_to_at_bot_and_the_environment_overrides_the_file() {
        let d = dir();
        let data = d.path().to_str().unwrap();
        let s = load(None, &env(&[("DUBAN_DATA_DIR", data)])).unwrap();
        assert_eq!(s.feishu.group_messages, GroupMessages::AtBot);
        let s = load(
            None,
            &env(&[("DUBAN_DATA_DIR", data), ("DUBAN_GROUP_MESSAGES", "all")]),
        )
        .unwrap();
        assert_eq!(s.feishu.group_messages, GroupMessages::All);
        let f = d.path().join("c.toml");
        std::fs::write(&f, "[feishu]\ngroup_messages = \"all\"\n").unwrap();
        let s = load(Some(&f), &env(&[("DUBAN_DATA_DIR", data)])).unwrap();
        assert_eq!(s.feishu.group_messages, GroupMessages::All);
        let e = load(
            None,
            &env(&[("DUBAN_DATA_DIR", data), ("DUBAN_GROUP_MESSAGES", "everything")]),
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("at_bot") && e.contains("all"), "{e}");
    }

    #[test]
    fn a_malformed_app_id_is_refused_without_leaking_the_secret() {
        let d = dir();
        let e = env(&[
            ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
            ("FEISHU_APP_ID", "cli_123"),
            ("FEISHU_APP_SECRET", "supersecretvalue"),
            ("FEISHU_VERIFICATION_TOKEN", "tok"),
        ]);
        let err = format!("{:#}", load(None, &e).unwrap_err());
        assert!(err.contains("FEISHU_APP_ID"), "{err}");
        assert!(!err.contains("supersecretvalue"));
    }

    #[test]
    fn a_missing_secret_and_a_bad_listen_address_are_named() {
        let d = dir();
        let e = env(&[
            ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
            ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
        ]);
        assert!(format!("{:#}", load(None, &e).unwrap_err()).contains("FEISHU_APP_SECRET"));
        let e = env(&[
            ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
            ("DUBAN_LISTEN", "localhost:x"),
        ]);
        assert!(format!("{:#}", load(None, &e).unwrap_err()).contains("DUBAN_LISTEN"));
    }

    #[test]
    fn the_environment_overrides_the_file_and_secrets_do_not_debug_print() {
        let d = dir();
        let cfg = d.path().join("duban.toml");
        std::fs::write(
            &cfg,
            "[server]\nlisten = \"127.0.0.1:9000\"\n[supervision]\nrequire_acceptance = false\n",
        )
        .unwrap();
        let e = env(&[
            ("DUBAN_DATA_DIR", d.path().join("data").to_str().unwrap()),
            ("DUBAN_LISTEN", "127.0.0.1:9100"),
            ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
            ("FEISHU_APP_SECRET", "supersecretvalue"),
            ("FEISHU_VERIFICATION_TOKEN", "tok"),
        ]);
        let s = load(Some(&cfg), &e).unwrap();
        assert_eq!(s.listen.port(), 9100);
        assert!(!s.supervision.require_acceptance);
        assert!(!format!("{s:?}").contains("supersecretvalue"));
    }

    #[test]
    fn unknown_keys_and_unwritable_dirs_are_refused() {
        let d = dir();
        let cfg = d.path().join("duban.toml");
        std::fs::write(&cfg, "[server]\nlisen = \"x\"\n").unwrap();
        assert!(
            load(
                Some(&cfg),
                &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())])
            )
            .is_err()
        );
        let file = d.path().join("plainfile");
        std::fs::write(&file, "x").unwrap();
        let err = load(
            None,
            &env(&[("DUBAN_DATA_DIR", file.join("sub").to_str().unwrap())]),
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains("data dir"));
    }

    fn load_text(text: &str) -> anyhow::Result<Settings> {
        let d = dir();
        let cfg = d.path().join("duban.toml");
        std::fs::write(&cfg, text).unwrap();
        load(
            Some(&cfg),
            &env(&[("DUBAN_DATA_DIR", d.path().join("data").to_str().unwrap())]),
        )
    }

    #[test]
    fn a_group_may_change_any_reminder_setting_and_typos_and_odd_times_are_refused() {
        let s = load_text(
            "[reminders]\noverdue_daily_at = [9, 30]\nurgent_sms = true\n\
             [[groups]]\nchat_id = \"oc_a\"\n[groups.reminders]\nurgent_from_day = 5\n\
             quiet_end = [17, 0]\n[[groups]]\nchat_id = \"oc_b\"\n",
        )
        .unwrap();
        let a = s.groups[0].policy.clone().unwrap();
        assert_eq!((a.urgent_from_day, a.quiet_end), (5, (17, 0)));
        // What the group does not change comes from [reminders], then the defaults.
        assert_eq!(
            (a.overdue_daily_at, a.urgent_sms, a.snooze_cap),
            ((9, 30), true, 3)
        );
        assert_eq!(s.groups[1].policy, None);

        let typo = "[[groups]]\nchat_id = \"oc_a\"\n[groups.reminders]\nurgent_form_day = 5\n";
        let err = format!("{:#}", load_text(typo).unwrap_err());
        assert!(err.contains("urgent_form_day") && err.contains("oc_a"), "{err}");
        let err = format!("{:#}", load_text("[reminders]\nurgnt_sms = true\n").unwrap_err());
        assert!(err.contains("urgnt_sms"), "{err}");
        let err = format!(
            "{:#}",
            load_text("[reminders]\nquiet_start = [19, 0]\n").unwrap_err()
        );
        assert!(err.contains("quiet_start"), "{err}");
        let late = "[[groups]]\nchat_id = \"oc_a\"\n[groups.reminders]\noverdue_daily_at = [25, 0]\n";
        let err = format!("{:#}", load_text(late).unwrap_err());
        assert!(err.contains("overdue_daily_at") && err.contains("oc_a"), "{err}");
    }

    #[test]
    fn the_annotated_example_configuration_loads() {
        let d = dir();
        let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/duban.example.toml");
        let s = load(
            Some(&example),
            &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())]),
        )
        .unwrap();
        assert_eq!(s.board.at, "09:30");
        assert_eq!(s.reminders, crate::domain::schedule::ReminderPolicy::default());
        let prod = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/production.toml");
        let p = load(
            Some(&prod),
            &env(&[("DUBAN_DATA_DIR", d.path().to_str().unwrap())]),
        )
        .unwrap();
        assert_eq!(p.log.format, "json");
    }

    #[test]
    fn the_event_mode_comes_from_the_file_or_duban_events_and_long_connection_needs_no_token() {
        let s = load_text("[feishu]\nevents = \"long-connection\"\n").unwrap();
        assert_eq!(s.feishu.events, EventsMode::LongConnection);
        assert_eq!(load_text("").unwrap().feishu.events, EventsMode::Webhook);
        assert!(load_text("[feishu]\nevents = \"websocket\"\n").is_err());
        let d = dir();
        let base = [
            ("DUBAN_DATA_DIR", d.path().to_str().unwrap()),
            ("FEISHU_APP_ID", "cli_a1b2c3d4e5f60718"),
            ("FEISHU_APP_SECRET", "s"),
        ];
        let mut e = env(&base);
        e.insert("DUBAN_EVENTS".to_owned(), "long-connection".to_owned());
        let s = load(None, &e).unwrap();
        assert_eq!(s.feishu.events, EventsMode::LongConnection);
        assert!(s.credentials.is_some());
        // The webhook still needs its Verification Token.
        assert!(format!("{:#}", load(None, &env(&base)).unwrap_err()).contains("FEISHU_VERIFICATION_TOKEN"));
        e.insert("DUBAN_EVENTS".to_owned(), "ws".to_owned());
        assert!(format!("{:#}", load(None, &e).unwrap_err()).contains("DUBAN_EVENTS"));
    }

    #[test]
    fn app_ids_are_cli_and_sixteen_hex_digits() {
        assert!(is_app_id("cli_a1b2c3d4e5f60718"));
        assert!(!is_app_id("cli_a1b2c3d4e5f6071"));
        assert!(!is_app_id("cli_a1b2c3d4e5f6071g"));
        assert!(!is_app_id("app_a1b2c3d4e5f60718"));
    }
}
