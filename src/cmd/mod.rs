//! One module per subcommand. Each reads its arguments, calls the library, and prints:
//! data to stdout, people-facing messages to stderr.

mod demo;
mod generate;
mod locate;
mod output;
mod sync;
mod tenant;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use dsr::config::{Config, TenantProfile};
use dsr::index::sync::TenantFiles;
use dsr::platform::Platform;

use crate::cli::{ColorChoice, Command, GlobalArgs};

pub use output::sanitize;

pub const EXIT_ERROR: u8 = 2;

/// How a command ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// `locate` found nothing.
    NotFound,
    /// Finished, but some assets failed.
    Partial,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Done => ExitCode::SUCCESS,
            Outcome::NotFound => ExitCode::from(1),
            Outcome::Partial => ExitCode::from(3),
        }
    }
}

/// The global options resolved once: paths, output style, the configuration.
pub struct Context {
    pub config_path: PathBuf,
    pub data_dir: PathBuf,
    pub tenant: Option<String>,
    pub quiet: bool,
    /// Colour on stdout.
    pub color: bool,
    /// Progress bars and prompts may be drawn on stderr.
    pub interactive_stderr: bool,
}

impl Context {
    fn new(global: &GlobalArgs) -> Result<Context> {
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
            quiet: global.quiet,
            color,
            interactive_stderr: !global.quiet && std::io::stderr().is_terminal(),
        })
    }

    pub fn load_config(&self) -> Result<Config> {
        Ok(Config::load(&self.config_path)?)
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

    /// Prints a message for people on stderr, unless --quiet.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            eprintln!("{message}");
        }
    }
}

/// Opens the platform a profile names.
pub fn open_platform(name: &str, profile: &TenantProfile) -> Result<Box<dyn Platform>> {
    dsr::platform::open(profile).with_context(|| format!("cannot open tenant '{name}'"))
}

pub fn run(cli: crate::cli::Cli) -> Result<Outcome> {
    // Everything dsr writes holds personal data: owner-only, whatever the caller's umask.
    rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
    let ctx = Context::new(&cli.global)?;
    match cli.command {
        Command::Tenant(args) => tenant::run(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
        Command::Locate(args) => locate::run(&ctx, args),
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Generate(args) => generate::run(args),
        Command::GenerateTenant(args) => generate::tenant(&ctx, args),
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

/// True when the error is only stdout having been closed (`dsr locate … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
