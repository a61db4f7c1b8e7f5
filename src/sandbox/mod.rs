//! The sandbox: try duban without a Feishu app. `duban sandbox` (and `duban serve` without
//! `FEISHU_*` credentials) runs duban against a fake Feishu OpenAPI inside the same process and
//! serves a group-chat emulator page. Faithful by construction: typed messages and card clicks
//! are sealed (encrypted + signed) and POSTed to duban's own `/feishu/events`; the bot's replies
//! leave through the real client into the fake, which enforces Feishu's contract.
//!
//! - [`seed`]: the fixed credentials, people and chats (pure).
//! - [`event`]: message and click events, mention placeholders, sealing (pure).
//! - [`clock`]: the clock bar's jumps and the persisted sandbox time (pure + a file).
//! - [`journal`]: the remembered conversation, persisted beside sled.
//! - [`emulator`]: what the page's actions do.
//! - [`api`]: the embedded page and its JSON API.

pub mod api;
pub mod appraisal;
pub mod clock;
pub mod emulator;
pub mod event;
pub mod journal;
pub mod seed;

use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;

use crate::clock::VirtualClock;
use crate::config::{Credentials, Env, Settings};
use crate::fake_feishu::FakeFeishu;
use crate::startup::{Application, TimeSource};

pub use emulator::Emulator;

/// The data dir in sandbox mode unless `DUBAN_DATA_DIR` says otherwise.
pub const DEFAULT_DATA_DIR: &str = "./data/sandbox";
/// The listen address in sandbox mode unless `DUBAN_LISTEN` says otherwise (loopback only:
/// the emulator needs no public URL).
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// The environment as sandbox mode sees it: the process's, with the sandbox's defaults for
/// `DUBAN_DATA_DIR` and `DUBAN_LISTEN`, and without any `FEISHU_*` variable (the sandbox
/// always talks to its own fake Feishu with its own credentials).
#[derive(Debug, Clone)]
pub struct SandboxEnv<E>(pub E);

impl<E: Env> Env for SandboxEnv<E> {
    fn var(&self, key: &str) -> Option<String> {
        if key.starts_with("FEISHU_") {
            return None;
        }
        self.0.var(key).or_else(|| match key {
            "DUBAN_DATA_DIR" => Some(DEFAULT_DATA_DIR.to_owned()),
            "DUBAN_LISTEN" => Some(DEFAULT_LISTEN.to_owned()),
            _ => None,
        })
    }
}

/// The emulated app's credentials.
pub fn credentials() -> Credentials {
    Credentials {
        app_id: seed::APP_ID.to_owned(),
        app_secret: SecretString::from(seed::APP_SECRET.to_owned()),
        verification_token: SecretString::from(seed::VERIFICATION_TOKEN.to_owned()),
        encrypt_key: Some(SecretString::from(seed::ENCRYPT_KEY.to_owned())),
    }
}

/// A started sandbox: duban, the fake Feishu and the emulator, not yet serving.
pub struct Sandbox {
    app: Application,
    fake: FakeFeishu,
    emulator: Arc<Emulator>,
    url: String,
}

impl Sandbox {
    /// Starts the fake Feishu, re-seeds it from the data dir, builds duban against it on a
    /// virtual clock (never earlier than the persisted sandbox time; `DUBAN_VIRTUAL_CLOCK` or
    /// now otherwise) and mounts the emulator's routes.
    ///
    /// # Errors
    /// Any start-up failure, explained in one line.
    pub async fn build(
        mut settings: Settings,
        requested_start: Option<jiff::Timestamp>,
    ) -> anyhow::Result<Self> {
        let fake = FakeFeishu::start(seed::APP_ID, seed::APP_SECRET).await?;
        settings.base_url = fake.base_url.clone();
        if !settings
            .supervision
            .admins
            .iter()
            .any(|a| a == seed::ADMIN.open_id)
        {
            settings.supervision.admins.push(seed::ADMIN.open_id.to_owned());
        }
        // Requirements can be triaged as shipped: 孙管理员 manages them, in 需求管理群.
        if settings.requirements.managers.is_empty() {
            settings
                .requirements
                .managers
                .push(seed::ADMIN.open_id.to_owned());
        }
        if settings.requirements.manager_chat.is_none() {
            settings.requirements.manager_chat = Some(seed::MANAGER_CHAT.to_owned());
        }
        seed_units(&mut settings);
        appraisal::seed_settings(&mut settings);
        fake.state().add_performance_semester(appraisal::SEMESTER);
        // The groups' member lists, as the chat members API returns them (names for owners,
        // senders and minutes).
        for g in &seed::GROUPS {
            let members: Vec<crate::domain::ids::Person> = g
                .members
                .iter()
                .filter_map(|id| seed::person(id))
                .map(|p| crate::domain::ids::Person {
                    open_id: crate::domain::ids::OpenId(p.open_id.to_owned()),
                    name: p.name.to_owned(),
                })
                .collect();
            fake.set_chat_members(g.chat_id, &members);
        }
        for p in &seed::PEOPLE {
            let me = crate::domain::ids::Person {
                open_id: crate::domain::ids::OpenId(p.open_id.to_owned()),
                name: p.name.to_owned(),
            };
            fake.set_chat_members(&seed::p2p_chat_id(p.open_id), &[me]);
        }
        let journal = journal::Journal::load(&settings.data_dir)?;
        journal.restore_into(fake.state());
        let start = clock::start(
            clock::load(&settings.data_dir),
            requested_start,
            jiff::Timestamp::now(),
        );
        // Issue 18: OKRs for the seeded people in every quarter around the sandbox's date, and
        // the progress record written on 验收 (the fake keeps it).
        for (id, name, s, e) in seed::okr_periods(start) {
            fake.add_okr_period(&id, &name, s, e);
            for (who, objectives) in seed::OKRS {
                fake.add_okr(who, &id, objectives);
            }
        }
        settings.okr.write_progress = true;
        if settings.feishu.events == crate::config::EventsMode::LongConnection {
            // Ping every 30 s so the developer panel shows the heartbeat; reconnect quickly.
            fake.state().ws_set_config(30, 2, 1, -1);
        }
        let vc = Arc::new(VirtualClock::new(start));
        let app = Application::build(&settings, &credentials(), TimeSource::Virtual(Arc::clone(&vc))).await?;
        seed::seed_series(app.store(), start)?;
        appraisal::seed_records(app.store(), start)?;
        let host = if settings.listen.ip().is_unspecified() {
            "127.0.0.1".to_owned()
        } else {
            match settings.listen.ip() {
                std::net::IpAddr::V6(ip) => format!("[{ip}]"),
                std::net::IpAddr::V4(ip) => ip.to_string(),
            }
        };
        let base = format!("http://{host}:{}", app.port());
        let mut emulator = Emulator::new(
            fake.state().clone(),
            journal,
            settings.data_dir.clone(),
            format!("{base}/feishu/events"),
            vc,
            Arc::clone(&app.state().scheduler_notify),
            settings.calendar.clone(),
        )
        .with_group_messages(settings.feishu.group_messages);
        if let Some(status) = app.state().longconn.clone() {
            emulator = emulator.with_long_connection(status);
        }
        let emulator = Arc::new(emulator);
        let app = app.with_routes(api::routes(Arc::clone(&emulator)));
        Ok(Self {
            app,
            fake,
            emulator,
            url: format!("{base}/"),
        })
    }

    /// The page's URL.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The emulator (tests drive it directly).
    pub fn emulator(&self) -> &Arc<Emulator> {
        &self.emulator
    }

    /// The in-process fake Feishu.
    pub fn fake(&self) -> &FakeFeishu {
        &self.fake
    }

    /// Cancelling this token stops the sandbox gracefully.
    pub fn shutdown_token(&self) -> tokio_util::sync::CancellationToken {
        self.app.shutdown_token()
    }

    /// Serves until stopped: sandbox time flows with real time, the conversation is saved as
    /// it changes, and once more (with the clock) on the way out.
    ///
    /// # Errors
    /// Server failures.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let Self {
            app, fake, emulator, ..
        } = self;
        let cancel = app.shutdown_token();
        let em = Arc::clone(&emulator);
        let keeper = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(500));
            let mut last = tokio::time::Instant::now();
            let mut n: u64 = 0;
            loop {
                tokio::select! {
                    () = cancel.cancelled() => return,
                    _ = tick.tick() => {}
                }
                let elapsed = last.elapsed();
                last = tokio::time::Instant::now();
                em.tick(jiff::SignedDuration::try_from(elapsed).unwrap_or_default());
                em.sync();
                n += 1;
                if n.is_multiple_of(10)
                    && let Err(e) = clock::save(em.data_dir(), em.now())
                {
                    tracing::warn!(error.message = %e, "cannot save the sandbox clock");
                }
            }
        });
        let result = app.run_until_stopped().await;
        keeper.abort();
        emulator.persist();
        fake.shutdown().await;
        result
    }
}

/// The units, issuer and leaders' group the sandbox ships with, where the configuration names
/// none: the six seeded units (unless `[[units]]` declares some; kept out when `[org] regions`
/// has no room for theirs), 赵督办 as the 下达 issuer, 领导群 as the leaders' chat.
fn seed_units(settings: &mut Settings) {
    if settings.units.is_empty() {
        let regions = settings.units.regions().to_vec();
        match crate::domain::unit::UnitRegistry::from_decls(&regions, &seed::unit_decls()) {
            Ok(reg) => settings.units = reg,
            Err(e) => {
                tracing::warn!(problems = ?e, "the sandbox's units do not fit [org] regions; none seeded")
            }
        }
    }
    if settings.supervision.issuers.is_empty() {
        settings.supervision.issuers.push(seed::BOSS.open_id.to_owned());
    }
    if settings.board.leaders_chat.is_none() {
        settings.board.leaders_chat = Some(seed::LEADERS_CHAT.to_owned());
    }
}

/// Runs the sandbox in the foreground and prints the URL to open.
///
/// # Errors
/// Start-up or server failures.
pub async fn run(settings: Settings, requested_start: Option<jiff::Timestamp>) -> anyhow::Result<()> {
    let sandbox = Sandbox::build(settings, requested_start).await?;
    let now = crate::command::when::format_rfc3339(sandbox.emulator().now());
    #[allow(clippy::print_stdout)]
    {
        println!(
            "沙箱已启动：打开 {} （无需飞书应用；沙箱时间 {now}） / sandbox ready: open {}",
            sandbox.url(),
            sandbox.url()
        );
    }
    sandbox.run_until_stopped().await
}

#[cfg(test)]
mod tests;
