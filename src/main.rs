//! The `duban` binary: parse the command line, load configuration, run.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser as _;
use duban::calendar::Calendar;
use duban::cli::{Cli, Command};
use duban::clock::VirtualClock;
use duban::clock::parse_now;
use duban::config::{self, ProcessEnv};
use duban::startup::TimeSource;

/// mimalloc instead of the system allocator: malloc/free were ~16 % of the ingress profile.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve { config: None }) {
        Command::Serve { config } => serve(config.as_deref()),
        Command::Sandbox { config } => sandbox(config.as_deref()),
        Command::CheckConfig { config } => check_config(config.as_deref()),
        Command::Time { now, config, text } => time(now.as_deref(), config.as_deref(), &text.join(" ")),
        Command::Parse {
            now,
            json,
            config,
            text,
        } => parse(now.as_deref(), config.as_deref(), json, &text.join(" ")),
        Command::Minutes {
            explain,
            members,
            now,
            config,
        } => minutes(&explain, &members, now.as_deref(), config.as_deref()),
        Command::Backup { to, config } => backup(config.as_deref(), &to),
        Command::MigrateStore { from, to } => migrate_store(&from, &to),
        Command::Restore { from, config } => restore(config.as_deref(), &from),
        Command::Export {
            what,
            format,
            out,
            from,
            to,
            unit,
            config,
        } => export(
            config.as_deref(),
            what,
            format,
            &out,
            from.as_deref(),
            to.as_deref(),
            unit,
        ),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("duban: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn calendar(config_path: Option<&std::path::Path>) -> anyhow::Result<Calendar> {
    match config_path {
        None => Ok(Calendar::builtin()),
        Some(p) => {
            let mut env = std::collections::HashMap::new();
            env.insert(
                "DUBAN_DATA_DIR".to_owned(),
                std::env::temp_dir().join("duban-cli").display().to_string(),
            );
            Ok(config::load(Some(p), &env)?.calendar)
        }
    }
}

fn time(now: Option<&str>, cfg: Option<&std::path::Path>, text: &str) -> anyhow::Result<ExitCode> {
    let now = parse_now(now)?;
    let cal = calendar(cfg)?;
    match duban::command::when::parse_deadline(text, now, &cal) {
        Ok(d) => {
            #[allow(clippy::print_stdout)]
            {
                println!("{}", duban::command::when::format_rfc3339(d.at));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn parse(
    now: Option<&str>,
    cfg: Option<&std::path::Path>,
    json: bool,
    text: &str,
) -> anyhow::Result<ExitCode> {
    let now = parse_now(now)?;
    let cal = calendar(cfg)?;
    let out = duban::service::describe_command(text, now, &cal, json);
    #[allow(clippy::print_stdout)]
    {
        println!("{}", out.text);
    }
    Ok(if out.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn minutes(
    file: &std::path::Path,
    members: &[String],
    now: Option<&str>,
    cfg: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let now = parse_now(now)?;
    let cal = calendar(cfg)?;
    let text =
        std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    #[allow(clippy::print_stdout)]
    {
        print!(
            "{}",
            duban::minutes::extract::explain_report(&text, members, now, &cal)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(config_path: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let settings = config::load(config_path, &ProcessEnv)?;
    duban::telemetry::init_tracing(&settings.log.level, &settings.log.format);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let time = match virtual_start()? {
            Some(start) => TimeSource::Virtual(Arc::new(VirtualClock::new(start))),
            None => TimeSource::System,
        };
        let Some(credentials) = settings.credentials.clone() else {
            tracing::info!("no FEISHU_* credentials: starting the sandbox (set them to connect to Feishu)");
            let settings = config::load(config_path, &duban::sandbox::SandboxEnv(ProcessEnv))?;
            return duban::sandbox::run(settings, virtual_start()?).await;
        };
        let app = duban::startup::Application::build(&settings, &credentials, time).await?;
        app.run_until_stopped().await
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Now: `DUBAN_VIRTUAL_CLOCK` if set (as the server), else the system clock.
fn operator_now() -> anyhow::Result<jiff::Timestamp> {
    Ok(virtual_start()?.unwrap_or_else(jiff::Timestamp::now))
}

fn operator_settings(config_path: Option<&std::path::Path>) -> anyhow::Result<config::Settings> {
    let settings = config::load(config_path, &ProcessEnv)?;
    duban::telemetry::init_tracing("warn", "text");
    Ok(settings)
}

fn backup(config_path: Option<&std::path::Path>, to: &std::path::Path) -> anyhow::Result<ExitCode> {
    let settings = operator_settings(config_path)?;
    let now = operator_now()?;
    let snap = tokio::runtime::Runtime::new()?.block_on(duban::operator::backup(&settings, to, now))?;
    #[allow(clippy::print_stdout)]
    {
        println!("已备份到 {}：{}", to.display(), snap.summary());
    }
    Ok(ExitCode::SUCCESS)
}

fn restore(config_path: Option<&std::path::Path>, from: &std::path::Path) -> anyhow::Result<ExitCode> {
    let settings = operator_settings(config_path)?;
    let snap = duban::operator::restore(&settings, from)?;
    #[allow(clippy::print_stdout)]
    {
        println!("已恢复到 {}：{}", settings.data_dir.display(), snap.summary());
    }
    Ok(ExitCode::SUCCESS)
}

fn export(
    config_path: Option<&std::path::Path>,
    what: duban::export::What,
    format: duban::export::Format,
    out: &std::path::Path,
    from: Option<&str>,
    to: Option<&str>,
    unit: Option<String>,
) -> anyhow::Result<ExitCode> {
    let settings = operator_settings(config_path)?;
    let now = operator_now()?;
    let day = |s: Option<&str>| -> anyhow::Result<Option<jiff::civil::Date>> {
        s.map(|s| duban::export::parse_day(s).map_err(|e| anyhow::anyhow!(e)))
            .transpose()
    };
    let filter = duban::export::Filter {
        from: day(from)?,
        to: day(to)?,
        unit,
        creator: None,
    };
    let done = tokio::runtime::Runtime::new()?.block_on(duban::operator::export(
        &settings, what, format, out, &filter, now,
    ))?;
    #[allow(clippy::print_stdout)]
    {
        println!("已导出{} {} 行到 {}", what.label(), done.rows, out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `DUBAN_VIRTUAL_CLOCK`, if set.
fn virtual_start() -> anyhow::Result<Option<jiff::Timestamp>> {
    match std::env::var("DUBAN_VIRTUAL_CLOCK")
        .ok()
        .filter(|v| !v.trim().is_empty())
    {
        Some(start) => Ok(Some(
            parse_now(Some(start.trim())).map_err(|e| anyhow::anyhow!("DUBAN_VIRTUAL_CLOCK: {e}"))?,
        )),
        None => Ok(None),
    }
}

/// `duban check-config`: the checklist on stdout; exit 0 only when every check passes.
fn check_config(config_path: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new()?;
    let report = runtime.block_on(duban::check_config::run(config_path, &ProcessEnv));
    #[allow(clippy::print_stdout)]
    {
        print!("{}", report.render());
    }
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `duban migrate-store`: the copy, one line per tree, and a non-zero exit on any mismatch.
fn migrate_store(from: &std::path::Path, to: &str) -> anyhow::Result<ExitCode> {
    let shown = duban::store::kv::pg::redact(to);
    let report = duban::store::migrate::migrate_store(from, to)
        .map_err(|e| anyhow::anyhow!("migrate-store {} → {shown}: {e}", from.display()))?;
    let mut ok = true;
    #[allow(clippy::print_stdout)]
    for c in &report {
        let mark = if c.source == c.target { "✔" } else { "✘" };
        ok &= c.source == c.target;
        println!(
            "{mark} {:<20} sled {:>8}  postgres {:>8}",
            c.tree, c.source, c.target
        );
    }
    let total: u64 = report.iter().map(|c| c.source).sum();
    #[allow(clippy::print_stdout)]
    if ok {
        println!("已复制 {total} 条记录到 {shown}，各表条数一致");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("条数不一致：请勿启用该数据库，检查后重新迁移到一个空数据库");
        Ok(ExitCode::FAILURE)
    }
}

/// `duban sandbox`: the emulator, whatever credentials are set.
fn sandbox(config_path: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    let settings = config::load(config_path, &duban::sandbox::SandboxEnv(ProcessEnv))?;
    duban::telemetry::init_tracing(&settings.log.level, &settings.log.format);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(duban::sandbox::run(settings, virtual_start()?))?;
    Ok(ExitCode::SUCCESS)
}
