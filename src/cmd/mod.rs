//! One module per subcommand. Each reads its arguments, calls the library, and prints:
//! data to stdout, people-facing messages to stderr.

mod access;
mod access_across;
mod across;
mod audit;
mod bulk;
mod case;
mod changes;
mod demo;
mod engine;
mod erase;
mod erase_across;
mod erase_list_across;
mod generate;
mod identities;
mod keys;
mod list;
mod locate;
mod locate_group;
mod output;
mod portability;
mod portability_across;
mod receipt;
mod record;
mod rectify;
mod restrict;
mod session;
mod sync;
mod tenant;
mod unreadable;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, Result};
use dsr::audit::{AuditLog, AuditRecord};
use dsr::config::{Config, Scope, TenantProfile};
use dsr::index::sync::TenantFiles;
use dsr::matching::identity::Identity;
use dsr::platform::http::SecretSource;
use dsr::platform::{Connection, Platform, Timeouts, WaitReport, Waiting};
use dsr::receipt::sign::{KeyError, SigningKey};
use dsr::secret::Secret;
use dsr::threads::lock;
use std::sync::Arc;

use crate::cli::{ColorChoice, Command, GlobalArgs};

pub use output::sanitize;

pub const EXIT_ERROR: u8 = 2;

/// A signing key once unlocked, and where it came from.
type UnlockedKey = (PathBuf, Arc<SigningKey>);

/// How a command ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// `locate` found nothing.
    NotFound,
    /// Finished, but some assets failed or are not verified.
    Partial,
    /// A change needed a confirmation that could not be given, or a legal hold kept
    /// assets from it.
    Refused,
    /// A check ran to the end and found something that does not verify.
    Unverified,
    /// Stopped by this signal before the end; `--resume` goes on.
    Interrupted(i32),
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::NotFound => ExitCode::from(1),
            Outcome::Partial | Outcome::Unverified => ExitCode::from(3),
            Outcome::Refused => ExitCode::from(4),
            Outcome::Interrupted(signal) => {
                ExitCode::from(128u8.saturating_add(signal.clamp(0, 127) as u8))
            }
        }
    }
}

/// The global options resolved once: paths, output style, the configuration.
#[derive(Clone)]
pub struct Context {
    pub config_path: PathBuf,
    pub data_dir: PathBuf,
    pub tenant: Option<String>,
    /// `--group NAME`.
    pub group: Option<String>,
    /// `--all-tenants`.
    pub all_tenants: bool,
    pub client_secret_file: Option<PathBuf>,
    /// `--timeout`, `DSR_TIMEOUT`: one request's total wait, in seconds.
    pub timeout: Option<u64>,
    pub quiet: bool,
    /// Colour on stdout.
    pub color: bool,
    /// Progress bars and prompts may be drawn on stderr.
    pub interactive_stderr: bool,
    /// `--operator`, `DSR_OPERATOR`.
    pub operator: Option<String>,
    /// `--purpose`, `DSR_PURPOSE`.
    pub purpose: Option<String>,
    /// `--key`, `DSR_SIGNING_KEY`.
    pub key: Option<PathBuf>,
    /// Set by SIGINT or SIGTERM once [`Context::catch_signals`] has been called.
    pub stop: dsr::stop::Stop,
    /// The signing key once unlocked, so a bulk run asks for its passphrase once.
    unlocked: Arc<std::sync::Mutex<Option<UnlockedKey>>>,
}

impl Context {
    fn new(global: &GlobalArgs) -> Result<Context> {
        let global = &global.clone().with_environment()?;
        let base = || {
            etcetera::choose_base_strategy()
                .context("cannot find the home directory: set --data-dir and --config, or HOME")
        };
        let data_dir = match &global.data_dir {
            Some(dir) => dir.clone(),
            None => {
                use etcetera::BaseStrategy;
                base()?.data_dir().join("dsr")
            }
        };
        let config_path = match &global.config {
            Some(path) => path.clone(),
            None => {
                use etcetera::BaseStrategy;
                base()?.config_dir().join("dsr").join("config.toml")
            }
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        Ok(Context {
            config_path,
            data_dir,
            tenant: global.tenant.clone(),
            group: global.group.clone(),
            all_tenants: global.all_tenants,
            client_secret_file: global.client_secret_file.clone(),
            timeout: global.timeout,
            quiet: global.quiet,
            color,
            interactive_stderr: !global.quiet && std::io::stderr().is_terminal(),
            operator: non_empty(global.operator.as_deref()),
            purpose: non_empty(global.purpose.as_deref()),
            key: global.key.clone(),
            stop: dsr::stop::Stop::new(),
            unlocked: Arc::default(),
        })
    }

    /// From here on SIGINT and SIGTERM ask the run to stop after the steps in flight
    /// (which the command must check for); a second one ends dsr at once, which the
    /// journals are written to survive. Only commands that heed the request call this:
    /// any other is simply ended by the signal.
    pub fn catch_signals(&self) -> Result<()> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let again = Arc::new(std::sync::atomic::AtomicBool::new(false));
        for (signal, status) in [(SIGINT, 130), (SIGTERM, 143)] {
            // Registered first, so it sees the flag as the earlier signal left it.
            signal_hook::flag::register_conditional_shutdown(signal, status, Arc::clone(&again))
                .context("cannot catch signals")?;
            signal_hook::flag::register(signal, Arc::clone(&again))
                .context("cannot catch signals")?;
            signal_hook::flag::register_usize(signal, self.stop.flag(), signal as usize)
                .context("cannot catch signals")?;
        }
        Ok(())
    }

    /// A copy for work done on behalf of a bulk run: its notes are not printed (the run
    /// reports each subject itself) and it draws no progress bar of its own.
    pub fn hushed(&self) -> Context {
        Context {
            quiet: true,
            interactive_stderr: false,
            ..self.clone()
        }
    }

    pub fn load_config(&self) -> Result<Config> {
        log::info!("reading the configuration {}", self.config_path.display());
        Ok(Config::load(&self.config_path)?)
    }

    /// The tenants the run works on: --tenant (or the only one), --group or --all-tenants.
    pub fn scope(&self) -> Scope {
        match (&self.group, self.all_tenants) {
            (_, true) => Scope::All,
            (Some(group), false) => Scope::Group(group.clone()),
            (None, false) => Scope::Tenant(self.tenant.clone()),
        }
    }

    /// True when --group or --all-tenants chose the tenants.
    pub fn spans_tenants(&self) -> bool {
        !matches!(self.scope(), Scope::Tenant(_))
    }

    /// The selected tenant's name and profile.
    pub fn tenant(&self, config: &Config) -> Result<(String, TenantProfile)> {
        let (name, profile) = config.select(self.tenant.as_deref())?;
        Ok((name.to_owned(), profile.clone()))
    }

    /// Where a tenant's index and state live.
    pub fn tenant_files(&self, name: &str) -> TenantFiles {
        TenantFiles::new(&self.data_dir.join("tenants").join(name))
    }

    /// The tenant's record of processing, beside the configuration file: it is the DPO's
    /// configuration, not data dsr derives.
    /// Several tenants may share one record (`tenant edit NAME --ropa RECORD`).
    pub fn ropa_path(&self, name: &str, profile: &TenantProfile) -> PathBuf {
        let record = profile.ropa.as_deref().unwrap_or(name);
        self.config_path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join("ropa")
            .join(format!("{record}.toml"))
    }

    /// The tenant named by --tenant, else the only one configured, else none (for commands
    /// that work without a tenant but use its profile when there is one).
    pub fn tenant_if_any(&self, config: &Config) -> Result<Option<(String, TenantProfile)>> {
        if self.tenant.is_none() && config.tenants.len() != 1 {
            return Ok(None);
        }
        self.tenant(config).map(Some)
    }

    /// Who is running dsr: --operator (DSR_OPERATOR), the tenant's operator, the login
    /// name, or the numeric user id when there is no login name.
    pub fn operator(&self, profile: Option<&TenantProfile>) -> String {
        self.operator
            .clone()
            .or_else(|| profile.and_then(|p| non_empty(p.operator.as_deref())))
            .or_else(|| non_empty(std::env::var("USER").ok().as_deref()))
            .or_else(|| non_empty(std::env::var("LOGNAME").ok().as_deref()))
            .or_else(login_name)
            .unwrap_or_else(|| format!("uid {}", rustix::process::getuid().as_raw()))
    }

    /// Why personal data is read: --purpose (DSR_PURPOSE), else the tenant's purpose.
    pub fn purpose(&self, profile: Option<&TenantProfile>) -> Option<String> {
        self.purpose
            .clone()
            .or_else(|| profile.and_then(|p| non_empty(p.purpose.as_deref())))
    }

    /// The data directory's own signing key, `keys/dsr_ed25519`.
    pub fn default_key_path(&self) -> PathBuf {
        self.data_dir.join("keys").join("dsr_ed25519")
    }

    /// The key that signs a tenant's receipts: --key, the tenant's signing key, or the data
    /// directory's.
    pub fn key_path(&self, profile: Option<&TenantProfile>) -> PathBuf {
        self.key
            .clone()
            .or_else(|| profile.and_then(|p| p.signing_key.clone()))
            .unwrap_or_else(|| self.default_key_path())
    }

    /// Records one use of personal data in the audit log and returns the log's new head
    /// (the entry's hash). Fails (and so fails the command) when the entry cannot be
    /// written: a read that leaves no trace must not happen.
    pub fn audit(&self, note: AuditNote<'_>) -> Result<String> {
        let record = AuditRecord {
            operator: self.operator(Some(note.profile)),
            purpose: note.purpose.to_owned(),
            tenant: Some(note.tenant.to_owned()),
            case: note.case.map(str::to_owned),
            command: note.command.to_owned(),
            counts: note
                .counts
                .iter()
                .map(|(k, v)| ((*k).to_owned(), *v))
                .collect(),
            receipt_sha256: note.receipt.map(str::to_owned),
        };
        let region = note.profile.settings().ok().and_then(|s| s.region);
        let entry = AuditLog::new(&self.data_dir)
            .append(record, note.subject, region)
            .with_context(|| format!("cannot record `dsr {}` in the audit log", note.command))?;
        Ok(entry.sha256())
    }

    /// Prints a message for people on stderr, unless --quiet.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }
}

/// What a command that read or changed personal data tells the audit log.
pub struct AuditNote<'a> {
    /// The subcommand, `locate`, `sync`, …
    pub command: &'a str,
    pub tenant: &'a str,
    pub profile: &'a TenantProfile,
    pub case: Option<&'a str>,
    pub purpose: &'a str,
    /// Whom the command concerned: an operator or purpose naming them is refused.
    pub subject: &'a [Identity],
    /// How many of what; never a personal value.
    pub counts: &'a [(&'a str, u64)],
    /// The receipt the command issued (hex SHA-256), which the entry anchors.
    pub receipt: Option<&'a str>,
}

/// The login name of the user running dsr, from /etc/passwd, for when the environment
/// names none (cron jobs, containers).
fn login_name() -> Option<String> {
    let uid = rustix::process::getuid().as_raw().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid && !name.is_empty()).then(|| name.to_owned())
    })
}

fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Unlocks the key that signs a tenant's receipts. A passphrase comes from
/// `DSR_KEY_PASSPHRASE`, or a hidden prompt when there is a terminal; a key once unlocked
/// is kept for the rest of the command (and its hushed copies).
pub fn signing_key(ctx: &Context, profile: Option<&TenantProfile>) -> Result<Arc<SigningKey>> {
    let path = ctx.key_path(profile);
    let mut unlocked = lock(&ctx.unlocked);
    if let Some((held, key)) = unlocked.as_ref()
        && *held == path
    {
        return Ok(Arc::clone(key));
    }
    let key = Arc::new(unlock(ctx, &path)?);
    *unlocked = Some((path, Arc::clone(&key)));
    Ok(key)
}

fn unlock(ctx: &Context, path: &std::path::Path) -> Result<SigningKey> {
    let from_env = key_passphrase_from_env();
    match SigningKey::load(path, from_env.as_ref()) {
        Err(KeyError::NeedsPassphrase { .. }) if can_prompt(ctx) => {
            let typed = dialoguer::Password::new()
                .with_prompt(format!("Passphrase of the signing key {}", path.display()))
                .interact()
                .context("cannot read the passphrase")?;
            Ok(SigningKey::load(path, Some(&Secret::new(typed)))?)
        }
        loaded => Ok(loaded?),
    }
}

/// `DSR_KEY_PASSPHRASE`, when set and not empty.
pub fn key_passphrase_from_env() -> Option<Secret> {
    std::env::var("DSR_KEY_PASSPHRASE")
        .ok()
        .filter(|s| !s.is_empty())
        .map(Secret::new)
}

/// A prompt may be shown: stdin and stderr are terminals and --quiet is off.
pub fn can_prompt(ctx: &Context) -> bool {
    ctx.interactive_stderr && std::io::stdin().is_terminal()
}

/// Opens the platform a profile names, with the secret to be asked for only if needed.
pub fn open_platform(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
) -> Result<Box<dyn Platform>> {
    open_platform_limited(ctx, name, profile, None)
}

/// [`open_platform`], sending at most `max_requests` requests at once when given.
pub fn open_platform_limited(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    max_requests: Option<usize>,
) -> Result<Box<dyn Platform>> {
    let files = ctx.tenant_files(name);
    log::info!(
        "opening tenant '{name}': {} (data in {})",
        profile.location(),
        files.dir.display()
    );
    let connection = Connection {
        secret: Some(secret_source(ctx, name, profile)),
        token_cache: Some(files.token_cache()),
        salt_file: Some(dsr::receipt::ledger::TenantRecords::new(&ctx.data_dir, name).salt_path()),
        max_requests,
        timeouts: timeouts(ctx, profile),
        waiting: ctx.interactive_stderr.then(|| {
            let report: WaitReport =
                Arc::new(|waiting: &Waiting| eprintln!("dsr: {}", sanitize(&waiting.to_string())));
            report
        }),
    };
    let started = std::time::Instant::now();
    profile
        .open_platform(connection)
        .inspect(|_| log::info!("tenant '{name}' opened in {:?}", started.elapsed()))
        .inspect_err(|e| {
            log::info!(
                "tenant '{name}' failed to open after {:?}: {e}",
                started.elapsed()
            )
        })
        .with_context(|| format!("cannot open tenant '{name}'"))
}

/// How long a request to the tenant's server may take: `--timeout` (`DSR_TIMEOUT`), the
/// profile's `timeout`, or [`Timeouts::DEFAULT_TOTAL`].
fn timeouts(ctx: &Context, profile: &TenantProfile) -> Timeouts {
    match ctx.timeout.or(profile.timeout) {
        Some(secs) => Timeouts::with_total(Duration::from_secs(secs.max(1))),
        None => Timeouts::default(),
    }
}

/// Where the client secret comes from, in order: `DSR_CLIENT_SECRET`, `--client-secret-file`,
/// the profile's secret file, a hidden prompt when there is a terminal. Read once. For a
/// database (`sql`) it is the database user's password, from `DSR_DB_PASSWORD` first.
pub(crate) fn secret_source(ctx: &Context, name: &str, profile: &TenantProfile) -> SecretSource {
    let (variable, what) = match profile.platform {
        dsr::config::PlatformKind::Sql => ("DSR_DB_PASSWORD", "database password"),
        _ => ("DSR_CLIENT_SECRET", "client secret"),
    };
    let from_env = std::env::var(variable)
        .ok()
        .filter(|s| !s.is_empty())
        .map(Secret::new);
    let file = ctx
        .client_secret_file
        .clone()
        .or_else(|| profile.client_secret_file.clone());
    let can_prompt = can_prompt(ctx);
    let name = name.to_owned();
    let read = std::sync::Mutex::new(None::<Secret>);
    Arc::new(move || {
        let mut read = lock(&read);
        if let Some(secret) = read.as_ref() {
            return Ok(secret.clone());
        }
        let secret = if let Some(secret) = &from_env {
            secret.clone()
        } else if let Some(path) = &file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the {what} file {}: {e}", path.display()))?;
            let secret = Secret::new(text.trim_end_matches(['\r', '\n']));
            if secret.is_empty() {
                return Err(format!("the {what} file {} is empty", path.display()));
            }
            secret
        } else if can_prompt {
            let mut prompt = what.to_owned();
            prompt[..1].make_ascii_uppercase();
            let typed = dialoguer::Password::new()
                .with_prompt(format!("{prompt} for tenant '{name}'"))
                .interact()
                .map_err(|e| format!("cannot read the {what}: {e}"))?;
            Secret::new(typed)
        } else {
            return Err(format!(
                "no {what}: set {variable}, pass --client-secret-file FILE, or run dsr in a terminal to be asked"
            ));
        };
        *read = Some(secret.clone());
        Ok(secret)
    })
}

pub fn run(cli: crate::cli::Cli) -> Result<Outcome> {
    // Everything dsr writes holds personal data: owner-only, whatever the caller's umask.
    rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
    let ctx = Context::new(&cli.global)?;
    if ctx.spans_tenants() && !spans_systems(&cli.command) {
        anyhow::bail!(
            "--group and --all-tenants are taken by `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`, `dsr rectify` and `dsr restrict`; this command works on one tenant at a time: pass --tenant NAME"
        );
    }
    match cli.command {
        Command::Tenant(args) => tenant::run(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
        Command::Locate(args) => locate::run(&ctx, args),
        Command::Case(args) => case::run(&ctx, args),
        Command::Access(args) => access::run(&ctx, args),
        Command::Portability(args) => portability::run(&ctx, args),
        Command::Erase(args) => erase::run(&ctx, args),
        Command::Rectify(args) => rectify::run(&ctx, args),
        Command::Restrict(args) => restrict::run(&ctx, args),
        Command::Keys(args) => keys::run(&ctx, args),
        Command::Receipt(args) => receipt::run(&ctx, args),
        Command::Audit(args) => audit::run(&ctx, args),
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Generate(args) => generate::run(args),
        Command::GenerateTenant(args) => generate::tenant(&ctx, args),
    }
}

/// Whether a command works on several tenants at once (--group, --all-tenants). Every other
/// one refuses them rather than pick one tenant of the group.
fn spans_systems(command: &Command) -> bool {
    use crate::cli::CaseCommand;
    match command {
        Command::Locate(_)
        | Command::Erase(_)
        | Command::Rectify(_)
        | Command::Restrict(_)
        | Command::Access(_)
        | Command::Portability(_) => true,
        Command::Case(args) => matches!(args.command, CaseCommand::List(_) | CaseCommand::Open(_)),
        _ => false,
    }
}

pub fn init_logging(global: &GlobalArgs) {
    let level = match global.verbose {
        0 => log::LevelFilter::Warn,
        1 => log::LevelFilter::Info,
        2 => log::LevelFilter::Debug,
        _ => log::LevelFilter::Trace,
    };
    let level = if global.quiet {
        log::LevelFilter::Error
    } else {
        level
    };
    env_logger::Builder::new()
        .filter_level(log::LevelFilter::Off)
        .filter_module("dsr", level)
        .format_timestamp(None)
        .format_target(false)
        .init();
}

/// The exit status of a run stopped by a signal (130 for SIGINT, 143 for SIGTERM), when
/// that is what `err` says.
pub fn interrupted_status(err: &anyhow::Error) -> Option<u8> {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<dsr::stop::Interrupted>())
        .map(|i| 128u8.saturating_add(i.signal.clamp(0, 127) as u8))
}

/// True when the error is only stdout having been closed (`dsr locate … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error as one message for stderr: each cause after the context it explains, except a
/// cause whose text the message already ends with (an error that prints its source, wrapped
/// in a context, would otherwise say "No such file or directory (os error 2)" twice). Line
/// breaks are kept, as a TOML error's caret under the faulty column needs them; any other
/// control character is replaced.
pub fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let said = cause.to_string();
        if text.ends_with(&said) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&said);
    }
    text.trim_end()
        .split('\n')
        .map(sanitize)
        .collect::<Vec<_>>()
        .join("\n")
}
