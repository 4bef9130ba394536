//! The command line: the one source of help text, man pages and shell completions.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit status:
  0  success (locate: the person was found)
  1  locate found nothing
  2  error: bad input, configuration, platform or index problem
  3  partial: the command finished but some assets failed or are unverified (listed)
  4  refused: a change needs a confirmation (--yes) and there was no terminal";

/// Answer GDPR data-subject requests against a DAM or SaaS tenant.
///
/// dsr indexes a tenant's metadata, finds every place a person appears, and explains each
/// hit. Start with `dsr demo`, or register a tenant with `dsr tenant add`, index it with
/// `dsr sync`, then search with `dsr locate`.
#[derive(Debug, Parser)]
#[command(name = "dsr", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The tenant to work on (the only one configured when omitted)
    #[arg(long, global = true, env = "DSR_TENANT", value_name = "NAME")]
    pub tenant: Option<String>,
    /// Where indexes and cases are kept [default: the XDG data directory + dsr]
    #[arg(long, global = true, env = "DSR_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The configuration file [default: the XDG config directory + dsr/config.toml]
    #[arg(long, global = true, env = "DSR_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print nothing but data and errors: no progress, no summaries
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log what dsr does to stderr (repeat for more detail); never logs personal values
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// A file holding the FotoWeb client secret [default: DSR_CLIENT_SECRET, the profile's
    /// file, or a hidden prompt]
    #[arg(
        long,
        global = true,
        env = "DSR_CLIENT_SECRET_FILE",
        value_name = "FILE"
    )]
    pub client_secret_file: Option<PathBuf>,
    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Register, list, show and remove tenants
    Tenant(TenantArgs),
    /// Index the tenant's metadata so people can be located
    ///
    /// Incremental by default: only assets changed since the last sync are read, and assets
    /// that disappeared are removed from the index.
    Sync(SyncArgs),
    /// Find every asset that holds a person's data, with an explanation for each hit
    ///
    /// E-mails, phones and logins match exactly (high confidence). Names are compared
    /// after folding case, accents and spelling variants, in any word order: in person
    /// fields a full name is high, extra words or one typo medium; a whole name written in
    /// free text is medium; initials, single words and loose phrases are low.
    Locate(LocateArgs),
    /// Run dsr on a bundled sample tenant, in temporary folders, and show what it finds
    Demo(DemoArgs),
    /// Write the man pages and shell completions from this definition (for maintainers)
    #[command(hide = true)]
    Generate(GenerateArgs),
    /// Write the sample tenant, or a synthetic one of N assets (for maintainers)
    #[command(hide = true)]
    GenerateTenant(GenerateTenantArgs),
}

#[derive(Debug, Args)]
pub struct TenantArgs {
    #[command(subcommand)]
    pub command: TenantCommand,
}

#[derive(Debug, Subcommand)]
pub enum TenantCommand {
    /// Register a tenant
    Add(Box<TenantAddArgs>),
    /// List the registered tenants
    List(TenantListArgs),
    /// Show one tenant's profile and index status
    Show(TenantShowArgs),
    /// Forget a tenant and delete its local index
    Remove(TenantRemoveArgs),
    /// Check that the tenant can be reached and what the credentials may do
    ///
    /// Reports reachability, authentication, and per archive whether dsr may read,
    /// edit metadata, delete and download — and therefore which rights it can carry out.
    /// Exits 2 with a list of what is missing.
    Check(TenantCheckArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlatformArg {
    /// A folder of archives with JSON sidecars
    Dir,
    /// A FotoWeb server, through its REST API
    Fotoweb,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthArg {
    /// OAuth2 client credentials
    Oauth,
    /// The legacy FWAPIToken header
    ApiKey,
}

#[derive(Debug, Args)]
pub struct TenantAddArgs {
    /// A short name for the tenant (letters, digits, '-', '_')
    pub name: String,
    /// Where the tenant lives
    #[arg(long, value_enum)]
    pub platform: PlatformArg,
    /// The tenant folder (dir)
    #[arg(long, value_name = "DIR", required_if_eq("platform", "dir"))]
    pub path: Option<PathBuf>,
    /// The FotoWeb server's URL; https unless on loopback (fotoweb)
    #[arg(long, value_name = "URL", required_if_eq("platform", "fotoweb"))]
    pub url: Option<String>,
    /// The OAuth2 client id (fotoweb); the secret is never stored in the profile
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken
    /// header of on-premises servers (the API key is then given as the secret)
    #[arg(long, value_enum, default_value_t = AuthArg::Oauth)]
    pub auth: AuthArg,
    /// A file holding the client secret, read whenever a token is needed (fotoweb)
    #[arg(long, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// Region for national phone numbers, as a two-letter country code (e.g. NO, DE)
    #[arg(long, value_name = "CC")]
    pub default_region: Option<String>,
    /// Another field holding people's names (repeatable or comma-separated)
    #[arg(long = "person-field", value_name = "ID", value_delimiter = ',')]
    pub person_fields: Vec<String>,
    /// Another field holding e-mail addresses
    #[arg(long = "email-field", value_name = "ID", value_delimiter = ',')]
    pub email_fields: Vec<String>,
    /// Another field holding phone numbers
    #[arg(long = "phone-field", value_name = "ID", value_delimiter = ',')]
    pub phone_fields: Vec<String>,
    /// Another field holding platform logins
    #[arg(long = "login-field", value_name = "ID", value_delimiter = ',')]
    pub login_fields: Vec<String>,
    /// A field to read as free text even where FotoWeb gives it another role
    #[arg(long = "text-field", value_name = "ID", value_delimiter = ',')]
    pub text_fields: Vec<String>,
    /// Another field naming the people shown in the image, like 368 (erasure deletes an
    /// asset that shows the subject alone)
    #[arg(long = "shown-field", value_name = "ID", value_delimiter = ',')]
    pub shown_fields: Vec<String>,
    /// An archive under legal hold: erasure withholds its assets (repeatable)
    #[arg(long = "legal-hold-archive", value_name = "NAME")]
    pub legal_hold_archives: Vec<String>,
    /// A field value that puts an asset under legal hold, as FIELD=VALUE (repeatable)
    #[arg(long = "legal-hold", value_name = "FIELD=VALUE")]
    pub legal_hold_values: Vec<String>,
}

#[derive(Debug, Args)]
pub struct TenantListArgs {
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub output: ListFormat,
}

#[derive(Debug, Args)]
pub struct TenantShowArgs {
    /// The tenant [default: --tenant, or the only one]
    pub name: Option<String>,
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub output: ListFormat,
}

#[derive(Debug, Args)]
pub struct TenantCheckArgs {
    /// The tenant [default: --tenant, or the only one]
    pub name: Option<String>,
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub output: ListFormat,
}

#[derive(Debug, Args)]
pub struct TenantRemoveArgs {
    /// The tenant to forget
    pub name: String,
    /// Keep the local index instead of deleting it
    #[arg(long)]
    pub keep_index: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Rebuild the index from scratch
    #[arg(long)]
    pub full: bool,
    /// How many requests (fotoweb) or files (dir) are read at once
    #[arg(long, short, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// table prints a summary; json prints the report
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub output: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for people
    Table,
    /// One JSON array
    Json,
    /// One JSON object per line
    Jsonl,
    /// One row per match, with a header
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConfidenceArg {
    Low,
    Medium,
    High,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr locate jane.doe@example.com
  dsr locate --name 'Jane Doe' --phone '+47 912 34 567' --explain
  dsr locate --login jdoe --output jsonl --min-confidence high")]
pub struct LocateArgs {
    /// A value to search: an e-mail if it holds '@', otherwise a name
    #[arg(value_name = "VALUE")]
    pub values: Vec<String>,
    /// An e-mail address (exact, case-insensitive)
    #[arg(long, value_name = "E")]
    pub email: Vec<String>,
    /// A person's name
    #[arg(long, value_name = "N")]
    pub name: Vec<String>,
    /// A phone number; national numbers are read in the tenant's default region
    #[arg(long, value_name = "P")]
    pub phone: Vec<String>,
    /// A platform login (exact)
    #[arg(long, value_name = "L")]
    pub login: Vec<String>,
    /// A phrase of free text
    #[arg(long, value_name = "T")]
    pub text: Vec<String>,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// Show why each match was made
    #[arg(long)]
    pub explain: bool,
    /// Leave out matches below this confidence
    #[arg(long, value_enum, default_value_t = ConfidenceArg::Low, value_name = "LEVEL")]
    pub min_confidence: ConfidenceArg,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Keep the temporary folders and print where they are
    #[arg(long)]
    pub keep: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The repository root that receives man/ and completions/
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct GenerateTenantArgs {
    /// The folder to write (must be empty or absent)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Write a synthetic tenant of this many assets instead of the sample tenant
    #[arg(long, value_name = "N")]
    pub assets: Option<usize>,
    /// Seed of the synthetic tenant
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
}
