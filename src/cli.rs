//! The command line: `duban serve`, `duban sandbox`, `duban check-config`, the admin tools
//! `duban time` and `duban parse`, and the operator's `duban backup`, `duban restore`,
//! `duban export` and `duban migrate-store`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// duban (督办): a Feishu/Lark supervision bot.
#[derive(Debug, Parser)]
#[command(name = "duban", version, about = "督办 — a Feishu/Lark supervision bot")]
pub struct Cli {
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the bot (webhook server, worker, dispatcher).
    Serve {
        /// TOML configuration file (also DUBAN_CONFIG).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Try duban without a Feishu app: a built-in group-chat emulator in the browser (the
    /// default of `serve` when no FEISHU_* credentials are set).
    Sandbox {
        /// TOML configuration file (also DUBAN_CONFIG).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Check the configuration, the Feishu app (token, bot, scopes) and the data directory;
    /// prints a checklist and exits 0 only when every check passes.
    CheckConfig {
        /// TOML configuration file (also DUBAN_CONFIG).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Write a consistent snapshot of all data (items, projects, requirements, meetings, audit,
    /// queues) to one file, whether or not duban is serving this data directory (while it runs,
    /// through its local admin endpoint: set DUBAN_ADMIN_TOKEN as for the server).
    Backup {
        /// The backup file to write.
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
        /// TOML configuration file (also DUBAN_CONFIG); use the server's.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Restore a backup into the configured data directory, which must be empty.
    Restore {
        /// The backup file.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// TOML configuration file (also DUBAN_CONFIG).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Export items, projects, requirements or the audit trail as CSV (UTF-8 with BOM) or xlsx,
    /// with the Bitable mirror's Chinese column headers; works whether or not duban is running.
    Export {
        /// What to export.
        #[arg(long, value_enum)]
        what: crate::export::What,
        /// File format.
        #[arg(long, value_enum)]
        format: crate::export::Format,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// First day (YYYY-MM-DD, Asia/Shanghai) by creation time (audit: record time).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day (YYYY-MM-DD), inclusive.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Only this 提出单位. Requirements only: items, projects and audit records have no
        /// unit yet, and are refused with this option.
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        /// TOML configuration file (also DUBAN_CONFIG); use the server's.
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Copy a sled data directory (stop duban first) into an empty PostgreSQL database, every
    /// tree byte for byte, and verify the counts, e.g.
    /// `duban migrate-store --from ./data --to postgres://duban@db:5432/duban`.
    MigrateStore {
        /// The sled data directory.
        #[arg(long, value_name = "DATA_DIR")]
        from: PathBuf,
        /// The PostgreSQL URL (an empty database).
        #[arg(long, value_name = "URL")]
        to: String,
    },
    /// Resolve a Chinese deadline, e.g. `duban time -- "下周五前"`.
    Time {
        /// The reference time (RFC 3339; without an offset it is Asia/Shanghai). Default: now.
        #[arg(long, value_name = "RFC3339")]
        now: Option<String>,
        /// TOML configuration file (for extra calendar years).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
        /// The deadline text.
        #[arg(required = true, num_args = 1.., trailing_var_arg = true)]
        text: Vec<String>,
    },
    /// Show how `/纪要` reads a minutes file: per line the score, the reasons and the decision,
    /// e.g. `duban minutes --explain 纪要.md --members 张三,李四`.
    Minutes {
        /// The minutes file (UTF-8 text or markdown).
        #[arg(long, value_name = "FILE")]
        explain: PathBuf,
        /// The group's members, comma-separated (owners are matched against them).
        #[arg(long, value_name = "NAMES", value_delimiter = ',')]
        members: Vec<String>,
        /// When the minutes are posted (RFC 3339; without an offset it is Asia/Shanghai). Default:
        /// now. Relative deadlines count from the meeting date written in the minutes, else from this.
        #[arg(long, value_name = "RFC3339")]
        now: Option<String>,
        /// TOML configuration file (for extra calendar years).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
    },
    /// Parse a command line as the bot would, e.g. `duban parse -- "/督办 写周报 @张三 周五前"`.
    Parse {
        /// The reference time (RFC 3339; without an offset it is Asia/Shanghai). Default: now.
        #[arg(long, value_name = "RFC3339")]
        now: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// TOML configuration file (for extra calendar years).
        #[arg(long, value_name = "PATH")]
        config: Option<PathBuf>,
        /// The command text; mentions are written `@名字`.
        #[arg(required = true, num_args = 1.., trailing_var_arg = true)]
        text: Vec<String>,
    },
}
