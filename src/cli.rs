//! The command line: the one source of help text, man pages and shell completions.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit status:
  0  success (locate: the person was found; receipt verify, audit --verify: all good)
  1  locate found nothing, and every asset was searched
  2  error: bad input, configuration, platform or index problem
  3  partial: the command finished but some assets failed or are unverified (listed);
     locate: assets the last sync could not read were not searched (found or not);
     access, portability: likewise, unless --accept-unreadable;
     receipt verify, audit --verify: something does not verify (listed);
     erase --replay-tombstones: erased subjects are back (a case was opened for each)
  4  refused: a change needs a confirmation (--yes) and there was no terminal, or a legal
     hold withheld assets (erase, rectify)
  130  interrupted by Ctrl-C (SIGINT): the steps begun were finished and journaled;
       --resume goes on
  143  interrupted by SIGTERM, likewise
With --from, a list ends 3 when any subject is partial, interrupted or in error (or a row
is bad), 4 when only legal holds kept something back, 0 when every subject is done.";

const RECEIPT_FIELDS: &str = "\
A receipt is one file, receipt.json, in RFC 8785 canonical JSON, with a
detached OpenSSH signature beside it, receipt.json.sig (sshsig, namespace
dsr-receipt, Ed25519). Its fields (JSON Schema:
schemas/receipt-v1.schema.json in dsr's sources):
  format           dsr-receipt/1
  receipt_id       a random UUID
  sequence         place in the tenant's chain, 1 for the first
  case_id          the request (case) it belongs to
  tenant           the tenant's name
  platform         the tenant's platform kind (dir, fotoweb)
  right            access, rectification, erasure or portability
  article          GDPR Art. 15, 16, 17 or 20
  operation        the command or step that ran (access, erase, ...)
  subject          salt_id, and per identity its kind and sha256:
                   SHA-256 of the tenant's salt, kind and normalised
                   value; never the value itself
  operator         who ran the operation
  purpose          why, as the operator stated it
  verified_by      how the requester's identity was checked
  started_at       RFC 3339, UTC
  finished_at      RFC 3339, UTC
  assets           per asset: asset (its id), action, outcome
                   (deleted, scrubbed, rectified, clean: read back
                   and confirmed by a locate afterwards; withheld;
                   image-still-shows-subject; manual;
                   versions-remain: earlier versions kept by the
                   store could not be removed; unverified;
                   failed; restricted, lifted: the restriction mark
                   read back; done: exported; not-searched: the last
                   sync could not read it; verified and skipped in
                   older receipts), evidence (how the outcome
                   was established) and, for a database row with a
                   file in an object store, files: per file its
                   store, key_sha256 (never the key), outcome
                   (deleted: a read found nothing; versions-remain;
                   failed) and versions_removed
  plan_sha256      SHA-256 of the plan carried out, or null
  files            every file produced: name -> SHA-256
  recipients       whom to tell of a rectification or erasure
                   (Art. 19)
  tool             name and version of dsr
  previous_sha256  SHA-256 of the tenant's previous receipt file,
                   or null for the first
  audit_head       SHA-256 of the audit log's newest line when it
                   was issued; the operation's audit entry records
                   the receipt's hash, so each log anchors the other

Each tenant's ledger, tenants/NAME/ledger.jsonl in the data directory,
lists its receipts in order, each by its path inside the data directory
(a moved or copied data directory checks its own receipts); its salt is
tenants/NAME/salt. Anyone can check a receipt without dsr, with the
allowed_signers file `dsr keys show` prints (principal dsr):
  dsr keys show > allowed_signers
  ssh-keygen -Y verify -f allowed_signers -I dsr \\
      -n dsr-receipt -s receipt.json.sig < receipt.json
A receipt signed by a key replaced since (`dsr keys generate --force`) is
checked at the time it was signed: add -O verify-time=YYYYMMDDHHMMSSZ,
its finished_at in UTC.";

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

/// Options every command takes. Their environment variables are read by the command layer
/// (`cmd::Context`), not by clap: clap would count a value from the environment as typed
/// and add it to the usage line of every error.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// The tenant to work on (the only one configured when omitted) [env: DSR_TENANT]
    #[arg(long, global = true, value_name = "NAME")]
    pub tenant: Option<String>,
    /// Work on every tenant of a group (`dsr tenant group add`), where a request spans
    /// systems: `dsr locate`, `dsr case open`, `dsr case list`, `dsr access`, `dsr
    /// portability`, `dsr erase`
    #[arg(long, global = true, value_name = "NAME", conflicts_with = "tenant")]
    pub group: Option<String>,
    /// Work on every registered tenant, where a request spans systems: `dsr locate`, `dsr
    /// case open`, `dsr case list`, `dsr access`, `dsr portability`, `dsr erase`
    #[arg(long, global = true, conflicts_with_all = ["tenant", "group"])]
    pub all_tenants: bool,
    /// Where indexes and cases are kept [default: the XDG data directory + dsr] [env:
    /// DSR_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The configuration file [default: the XDG config directory + dsr/config.toml] [env:
    /// DSR_CONFIG]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print nothing but data and errors: no progress, no summaries
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log what dsr does to stderr (repeat for more detail); never logs personal values
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// A file holding the FotoWeb client secret, or the database user's password (sql)
    /// [default: DSR_CLIENT_SECRET (DSR_DB_PASSWORD for sql), the profile's file, or a
    /// hidden prompt] [env: DSR_CLIENT_SECRET_FILE]
    #[arg(long, global = true, value_name = "FILE")]
    pub client_secret_file: Option<PathBuf>,
    /// How long one request to the tenant's server may take in all, tries and the waits
    /// between them included (each try waits at most 30 s for an answer). While dsr waits to
    /// try again it says so on stderr (on a terminal); when the time is up the command ends
    /// with an error naming the server and the wait [default: the profile's timeout, or 300]
    /// [env: DSR_TIMEOUT]
    #[arg(
        long,
        global = true,
        value_name = "SECS",
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub timeout: Option<u64>,
    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Who runs dsr, for the audit log and receipts; never the subject, like --purpose
    /// [default: the tenant's operator, or the login name] [env: DSR_OPERATOR]
    #[arg(long, global = true, value_name = "NAME")]
    pub operator: Option<String>,
    /// Why personal data is read, for the audit log and receipts: a case or ticket number,
    /// never the person (locate needs one). One that names the subject in any form — name
    /// in any order or spelling, e-mail, phone in any grouping, login — is refused before
    /// anything is done [default: the tenant's purpose] [env: DSR_PURPOSE]
    #[arg(long, global = true, value_name = "TEXT")]
    pub purpose: Option<String>,
    /// The Ed25519 key that signs receipts [default: the tenant's signing key, or
    /// keys/dsr_ed25519 in the data directory] [env: DSR_SIGNING_KEY]
    #[arg(long, global = true, value_name = "FILE")]
    pub key: Option<PathBuf>,
}

impl GlobalArgs {
    /// Fills what was not typed from the environment (an empty variable counts as unset).
    pub fn with_environment(mut self) -> anyhow::Result<GlobalArgs> {
        fn var(name: &str) -> Option<std::ffi::OsString> {
            std::env::var_os(name).filter(|v| !v.is_empty())
        }
        fn text(name: &str) -> anyhow::Result<Option<String>> {
            var(name)
                .map(|v| {
                    v.into_string()
                        .map_err(|_| anyhow::anyhow!("{name} is not valid UTF-8: set it again"))
                })
                .transpose()
        }
        // A group typed on the command line is a choice of tenants: DSR_TENANT does not
        // narrow it.
        if self.group.is_none() && !self.all_tenants {
            self.tenant = self.tenant.or(text("DSR_TENANT")?);
        }
        self.data_dir = self.data_dir.or(var("DSR_DATA_DIR").map(PathBuf::from));
        self.config = self.config.or(var("DSR_CONFIG").map(PathBuf::from));
        self.client_secret_file = self
            .client_secret_file
            .or(var("DSR_CLIENT_SECRET_FILE").map(PathBuf::from));
        self.operator = self.operator.or(text("DSR_OPERATOR")?);
        self.purpose = self.purpose.or(text("DSR_PURPOSE")?);
        self.key = self.key.or(var("DSR_SIGNING_KEY").map(PathBuf::from));
        if self.timeout.is_none()
            && let Some(secs) = text("DSR_TIMEOUT")?
        {
            let parsed = secs.trim().parse::<u64>().ok().filter(|&s| s >= 1);
            self.timeout = Some(parsed.ok_or_else(|| {
                anyhow::anyhow!(
                    "DSR_TIMEOUT is {secs:?}: it must be a whole number of seconds, 1 or more"
                )
            })?);
        }
        Ok(self)
    }
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
    /// that disappeared are removed from the index. Assets that cannot be read (a sidecar
    /// that does not parse) are named, and remembered until a sync reads them or finds them
    /// gone: every command that answers from the index says it did not search them.
    /// Refused while another dsr process changes the tenant (an erase or rectify); the
    /// error names its pid.
    Sync(SyncArgs),
    /// Find every asset that holds a person's data, with an explanation for each hit
    ///
    /// E-mails, phones and logins match exactly (high confidence). Names are compared
    /// after folding case, accents and spelling variants, in any word order: in person
    /// fields a full name is high, extra words or one typo medium; a whole name written in
    /// free text is medium; initials, single words and loose phrases are low.
    ///
    /// --output json prints {"hits": [...], "unreadable": [...]}: the hits, and the assets
    /// the last sync could not read, which were not searched. While there are any, a note
    /// says so on stderr and locate ends 3, found or not.
    Locate(LocateArgs),
    /// Open, review, extend, list and close data-subject requests
    ///
    /// A case is one request: the right asked for, the subject's identities, the date it was
    /// received and the date it is due (one calendar month later, Art. 12(3); three months
    /// once extended), the matches a person reviewed, and what was done. What a case acts on
    /// is its reviewed set: its high-confidence matches plus what review put in.
    Case(CaseArgs),
    /// Write the Art. 15 access package of a case
    ///
    /// index.html for the subject (who the controller is, the Art. 15(1)(a)-(h) information
    /// from the tenant's record of processing, and every reviewed asset with its fields and a
    /// preview), data.json with its JSON Schema, data.csv, and a cover letter (letter.md).
    /// Other people in the same fields are shown as "[another person]" (Art. 15(4)). A
    /// database row that points at one of the subject's (a quote of their client record) is
    /// shown under that record, in index.html and data.json.
    /// Assets the last sync could not read are named as not searched, in the package and
    /// its receipt, and the command ends 3 unless --accept-unreadable.
    ///
    /// With --group NAME (or --all-tenants), CASE is a request opened with `case open
    /// --group` and --out names a new folder: one folder per system, named after its tenant,
    /// holds what `dsr access` of that tenant alone writes, and index.html and data.json on
    /// top list the systems (tenant, platform, what it holds, whether complete). Every system
    /// is read first: one that cannot be is named, nothing is written, and the command ends 3.
    Access(AccessArgs),
    /// Write the Art. 20 portable ZIP of a case
    ///
    /// originals/ (the files the subject uploaded), metadata.json, metadata.csv,
    /// manifest.json (every entry's size and SHA-256) and README.txt. The same input gives
    /// the same bytes. --encrypt protects every entry with AES-256. Assets the last sync
    /// could not read are named as not searched, in the manifest and the receipt, and the
    /// command ends 3 unless --accept-unreadable.
    ///
    /// With --group NAME (or --all-tenants), CASE is a request opened with `case open
    /// --group` and --out names a new ZIP: one folder per system, named after its tenant,
    /// holds what that tenant's own portable ZIP holds, and a top manifest.json names the
    /// systems and every entry's size and SHA-256, its path prefixed by its folder. Every
    /// system is read first: one that cannot be is named, nothing is written, and the
    /// command ends 3.
    Portability(PortabilityArgs),
    /// Erase a subject's data (Art. 17): plan, confirm, apply under a journal, verify
    ///
    /// The plan acts on the case's reviewed set: on each asset every match of the subject
    /// at medium confidence or above, and every match, low ones too, on an asset a person
    /// put in with `case review --include`. Per asset it deletes it (it shows the subject
    /// and no one else, the photographer and uploader not counting as shown; or the subject
    /// uploaded it and no one else is in it), scrubs the subject's values from every field
    /// dsr may change (their element of a bag field, a field only they fill, their name or
    /// e-mail in free text replaced by [redacted]), or withholds it (legal hold). A field
    /// dsr cannot change is named and the asset reported "manual". An image that shows the
    /// subject beside other people is scrubbed and reported "image-still-shows-subject"
    /// unless --shown-with-others says to delete or keep it. The plan is printed and
    /// hashed; without --yes it is confirmed in a terminal, and refused (exit 4) without
    /// one. Every step is journaled before it is taken, so a killed run finishes with
    /// --resume and never acts twice. Every asset of the plan is read back, the index
    /// refreshed and the subject located again with the search `dsr locate` runs: where it
    /// is still found the step is not done, whatever its read-back said. The receipt gives
    /// each asset one outcome: deleted, scrubbed, clean, withheld,
    /// image-still-shows-subject, manual, versions-remain (a versioned bucket keeps earlier
    /// versions dsr may not delete), unverified or failed. Only an erasure with
    /// nothing left is reported done (else exit 3); assets under legal hold are withheld
    /// and reported so (exit 4 when nothing else is left).
    ///
    /// With --group NAME (or --all-tenants), CASE is a request opened with `case open
    /// --group`: every system's plan is made first and printed under its tenant's name, and
    /// one confirmation covers them all. Each system's plan is then carried out on its own
    /// worker under that system's own journal, read back and receipted in that tenant's
    /// ledger, and one signed case receipt (in requests/CASE/ of the data directory) lists
    /// every system with its receipt's SHA-256 and outcome: done, withheld, partial or
    /// not-done. `dsr receipt verify` checks it and every receipt it lists; `ssh-keygen -Y
    /// verify` checks its signature. A system that fails or ends partial does not stop the
    /// others; the run ends 3, and --resume carries out only what is left (a finished
    /// system is not run again). --from and --replay-tombstones work on one tenant.
    Erase(EraseArgs),
    /// Correct a subject's data (Art. 16): plan, confirm, apply under a journal, verify
    ///
    /// --replace OLD --with NEW puts the new value where the subject's old one stands in the
    /// reviewed assets: the whole entry of a bag field or list of names, the phrase in free
    /// text, nothing else (--field limits it to some fields). --set FIELD=VALUE sets a field
    /// instead; it refuses a person, e-mail, phone or login field that holds someone else's
    /// value too. The case must be a rectification case. As with erase, the plan is printed
    /// and hashed, confirmed (--yes; refused with exit 4 without a terminal), journaled
    /// (--resume) and read back: each changed field must hold the new value and not the old
    /// one, or the command ends with exit 3.
    Rectify(RectifyArgs),
    /// Restrict the processing of a subject's data (Art. 18), or lift the restriction
    ///
    /// Marks every reviewed asset of the case by putting the tenant's restriction value into
    /// its restriction field (`dsr tenant add --restriction-field ID`; refused when the
    /// tenant names none), so that the platform's users see the asset is not to be used;
    /// --lift takes the mark away again. Nothing else of an asset changes. The case must be
    /// a restriction case. As with erase, the plan is printed and hashed, confirmed (--yes;
    /// refused with exit 4 without a terminal), journaled (--resume) and read back: each
    /// marked asset must hold the value (after --lift: no longer hold it), or the command
    /// ends with exit 3. A signed receipt records it.
    Restrict(RestrictArgs),
    /// Make the key that signs receipts, and show every key that signed them
    Keys(KeysArgs),
    /// Check receipts (signed proof of what an operation did) and show what they say
    #[command(after_long_help = RECEIPT_FIELDS)]
    Receipt(ReceiptArgs),
    /// List the audit log of every command that read personal data, and check its chain
    ///
    /// Each entry says when, who (--operator), why (--purpose), which tenant and case, which
    /// command, and how many identities and assets — never a personal value. Each holds the
    /// SHA-256 of the entry before, so an entry changed or removed shows in --verify.
    Audit(AuditArgs),
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
    /// Change a registered tenant's profile
    Edit(TenantEditArgs),
    /// Forget a tenant and delete its local index; its records are kept
    ///
    /// Deletes the profile, the index and its sync state, and the cached token: what `dsr
    /// sync` makes again from the platform. The tenant's records stay where they are — its
    /// cases with their receipts, plans, journals and packages, the receipt ledger, the
    /// identity salt, the tombstones of erased subjects, the journals of bulk runs — and so
    /// does the audit log: they are what a controller must keep. A tenant registered again
    /// under the same name has them back. `dsr case purge` deletes the personal data of
    /// closed cases once the tenant's records retention has passed.
    Remove(TenantRemoveArgs),
    /// Check that the tenant can be reached and what the credentials may do
    ///
    /// Reports reachability, authentication, and per archive whether dsr may read,
    /// edit metadata, delete and download — and therefore which rights it can carry out.
    /// Exits 2 with a list of what is missing.
    ///
    /// For a bucket (objects), dsr writes, reads and deletes one small probe object at the
    /// top of the tenant's prefix, where it is in no archive, and reports whether the
    /// bucket keeps versions and whether the credentials may delete them: in a versioned
    /// bucket, deleting counts only where earlier versions can be deleted too.
    ///
    /// For a database whose dataset keeps files behind rows ([tables.NAME.files]), each
    /// file store gets the same check, one row per store: whether it is reachable, whether
    /// it keeps versions and what the credentials may do there (list, read, write, delete,
    /// delete versions). A store that cannot be read stops access and portability; one
    /// whose files, with every version, cannot be deleted stops erasure.
    Check(TenantCheckArgs),
    /// Show the tenant's record of processing, or write a template to fill in (--init)
    ///
    /// The record (GDPR Art. 30) names the controller and holds what Art. 15(1)(a)-(h)
    /// requires every access package to say: purposes, categories, recipients, retention,
    /// rights, the supervisory authority, the source, automated decisions.
    Ropa(TenantRopaArgs),
    /// Name groups of tenants: the systems one request must reach
    ///
    /// A person who asks for "everything you hold about me" means every system the
    /// controller runs: the DAM, the quoting database, the file bucket. A group names those
    /// tenants once; `--group NAME` then works on each of them where a request spans
    /// systems (`dsr locate --group NAME`, `dsr case list --group NAME`), and
    /// `--all-tenants` on every configured tenant. Groups are kept in the configuration
    /// file beside the tenants.
    #[command(after_help = "Examples:
  dsr tenant group add company acme shop
  dsr tenant group list
  dsr tenant group remove company shop")]
    Group(TenantGroupArgs),
}

#[derive(Debug, Args)]
pub struct TenantGroupArgs {
    #[command(subcommand)]
    pub command: TenantGroupCommand,
}

#[derive(Debug, Subcommand)]
pub enum TenantGroupCommand {
    /// Make a group of tenants, or add tenants to one; each must be registered
    Add(TenantGroupAddArgs),
    /// List the groups and their tenants
    List(TenantListArgs),
    /// Remove a group, or only the tenants named from it; the tenants themselves stay
    Remove(TenantGroupRemoveArgs),
}

#[derive(Debug, Args)]
pub struct TenantGroupAddArgs {
    /// The group's name (letters, digits, '-', '_'), not a tenant's
    pub name: String,
    /// The tenants the group holds, in the order requests go through them
    #[arg(required = true, value_name = "TENANT")]
    pub tenants: Vec<String>,
}

#[derive(Debug, Args)]
pub struct TenantGroupRemoveArgs {
    /// The group
    pub name: String,
    /// Only these tenants leave the group [default: the whole group is removed]
    #[arg(value_name = "TENANT")]
    pub tenants: Vec<String>,
}

#[derive(Debug, Args)]
pub struct TenantRopaArgs {
    /// The tenant [default: --tenant, or the only one]
    pub name: Option<String>,
    /// Write a commented template to fill in
    #[arg(long)]
    pub init: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlatformArg {
    /// A folder of archives with JSON sidecars
    Dir,
    /// A FotoWeb server, through its REST API
    Fotoweb,
    /// The dir layout in object storage: an S3 bucket, an Azure Blob container or a local
    /// folder (file://)
    Objects,
    /// A SQLite database described by a dataset file: each row of a described table is an
    /// asset (`table/key`)
    Sql,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthArg {
    /// OAuth2 client credentials
    Oauth,
    /// The legacy FWAPIToken header
    ApiKey,
}

/// A kind of record a FotoWeb tenant holds of people beside asset metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordArg {
    /// User accounts (user management): username, full name, e-mail, phone, address
    Users,
    /// Comments on assets: their text and author
    Comments,
    /// Albums: their owner (login and name), name and description
    Albums,
    /// Shares of albums to people by e-mail
    Shares,
    /// Orders: the customer's login, name, e-mail, phone, address and comment (kept under
    /// the bookkeeping hold when she is erased)
    Orders,
    /// Assets' consent statuses (consent management), beside the people each asset shows
    Consents,
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
    /// The FotoWeb server's URL, https unless on loopback (fotoweb); or the store's:
    /// file:///path, s3://bucket/prefix or az://container/prefix (objects); or the database's
    /// (sql): sqlite:///path/db.sqlite, postgres://USER@HOST:PORT/DB or
    /// mysql://USER@HOST:PORT/DB (mariadb:// too). A database URL holds no password (it
    /// comes from DSR_DB_PASSWORD, --client-secret-file or a prompt) and needs
    /// ?sslmode=require unless the server is on loopback or a Unix socket
    #[arg(
        long,
        value_name = "URL",
        required_if_eq_any([("platform", "fotoweb"), ("platform", "objects"), ("platform", "sql")])
    )]
    pub url: Option<String>,
    /// The dataset file describing the database (sql): a TOML file naming, per table, its
    /// key, an optional change column, the personal columns and their roles (email,
    /// phone, login, person, text), and what erasure does to a row (delete, scrub with a
    /// mask per column: null, a fixed text, a marker, a salted hash, or an e-mail address
    /// or phone number that keeps its form; or keep with a legal reason). It is read and
    /// checked against the database now, each mask against its column's type, length,
    /// NOT NULL, unique indexes and CHECK constraints; the profile records its roles, the tables erasure deletes and those it
    /// keeps. A table of another schema (on MariaDB/MySQL: another database of the server)
    /// is named with it, billing.invoices; a schema the database lacks is refused. See
    /// docs/sql.md
    #[arg(long, value_name = "FILE", required_if_eq("platform", "sql"))]
    pub dataset: Option<PathBuf>,
    /// Limit every query to one customer of a multi-tenant database (sql), as
    /// COLUMN=VALUE: the column must be on every table of the dataset. Rows of other
    /// customers are never read, exported, changed or erased
    #[arg(long, value_name = "COLUMN=VALUE")]
    pub scope: Option<String>,
    /// The server to talk to instead of the cloud's own (objects): an S3-compatible
    /// provider such as MinIO, Hetzner or DigitalOcean, or an emulator; https unless on
    /// loopback. Credentials are read from the environment (AWS_ACCESS_KEY_ID,
    /// AWS_SECRET_ACCESS_KEY, or the profile AWS_PROFILE names in ~/.aws/credentials;
    /// AZURE_STORAGE_ACCOUNT_NAME, AZURE_STORAGE_ACCOUNT_KEY), never from the profile
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// The OAuth2 client id (fotoweb); the secret is never stored in the profile
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Records to read, search and erase beside the assets (fotoweb), comma-separated:
    /// user accounts, comments on assets, albums and their shares, orders, assets' consent
    /// statuses (read with the assets, no request of their own). Each sync then
    /// reads every user, the comments of every asset (one request per asset), the sharing
    /// of every album (one request per album) and the site's order history
    #[arg(long, value_enum, value_name = "KIND", value_delimiter = ',')]
    pub records: Vec<RecordArg>,
    /// How to authenticate (fotoweb): OAuth2 client credentials, or the legacy FWAPIToken
    /// header of on-premises servers (the API key is then given as the secret)
    #[arg(long, value_enum, default_value_t = AuthArg::Oauth)]
    pub auth: AuthArg,
    /// A file holding the client secret, read whenever a token is needed (fotoweb), or
    /// the database user's password, read when the server asks for one (sql)
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
    /// The Ed25519 key that signs this tenant's receipts [default: the data directory's]
    #[arg(long, value_name = "FILE")]
    pub signing_key: Option<PathBuf>,
    /// Who works on this tenant when --operator is not given (audit log, receipts)
    #[arg(long, value_name = "NAME")]
    pub default_operator: Option<String>,
    /// Why this tenant's personal data is read when --purpose is not given: a contract or
    /// ticket reference, never a person's name
    #[arg(long, value_name = "TEXT")]
    pub default_purpose: Option<String>,
    /// How long the records of a closed case are kept before `dsr case purge` may delete
    /// its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m [default:
    /// none, and no case is purged]
    #[arg(long, value_name = "PERIOD")]
    pub records_retention: Option<String>,
    /// The field `dsr restrict` marks a subject's assets in (Art. 18), such as a status or
    /// keyword field the platform's users see [default: none, and restriction is refused]
    #[arg(long, value_name = "ID")]
    pub restriction_field: Option<String>,
    /// The value `dsr restrict` puts into --restriction-field [default: restricted]
    #[arg(long, value_name = "TEXT", requires = "restriction_field")]
    pub restriction_value: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr tenant edit acme --records-retention 5y
  dsr tenant edit acme --restriction-field 25 --restriction-value restricted
  dsr tenant edit acme --ropa company   # a record of processing several systems share")]
pub struct TenantEditArgs {
    /// The tenant [default: --tenant, or the only one]
    pub name: Option<String>,
    /// How long the records of a closed case are kept before `dsr case purge` may delete
    /// its personal data: years, months, weeks or days, such as 5y, 18m or 1y6m
    #[arg(long, value_name = "PERIOD")]
    pub records_retention: Option<String>,
    /// The field `dsr restrict` marks a subject's assets in (Art. 18)
    #[arg(long, value_name = "ID")]
    pub restriction_field: Option<String>,
    /// The value `dsr restrict` puts into --restriction-field [default: restricted]
    #[arg(long, value_name = "TEXT", requires = "restriction_field")]
    pub restriction_value: Option<String>,
    /// The record of processing the tenant's access packages draw on, when several
    /// systems share one: `dsr tenant ropa RECORD` (ropa/RECORD.toml) [default: the
    /// tenant's own]
    #[arg(long, value_name = "RECORD")]
    pub ropa: Option<String>,
}

#[derive(Debug, Args)]
pub struct TenantListArgs {
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct TenantShowArgs {
    /// The tenant [default: --tenant, or the only one]
    pub name: Option<String>,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct TenantCheckArgs {
    /// The tenant [default: --tenant, or the only one]
    pub name: Option<String>,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct TenantRemoveArgs {
    /// The tenant to forget
    pub name: String,
    /// Keep the local index instead of deleting it
    #[arg(long)]
    pub keep_index: bool,
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
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// For people: aligned columns, or a summary
    #[value(name = "human", alias = "table")]
    Table,
    /// One JSON document (an array for a list)
    Json,
    /// One JSON object per line (per item of a list)
    Jsonl,
    /// A header, then one row per item
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
  dsr locate --login jdoe --output jsonl --min-confidence high
  dsr locate --from leavers.csv --output jsonl
  dsr locate --group company --email jane.doe@example.com --output jsonl")]
pub struct LocateArgs {
    /// Locate every subject of a list: CSV with a header (email, name, phone, login,
    /// reference, received; repeated columns or ';' for several values) or JSON Lines with
    /// the same keys; '-' reads stdin. One result per subject; a bad row is reported with
    /// its row number and the others go on
    #[arg(long, value_name = "FILE", conflicts_with_all = ["values", "email", "name", "phone", "login", "text"])]
    pub from: Option<PathBuf>,
    /// A value to search: an e-mail if it holds '@', otherwise a name
    #[arg(value_name = "VALUE")]
    pub values: Vec<String>,
    /// An e-mail address (exact, case-insensitive)
    #[arg(long, value_name = "E")]
    pub email: Vec<String>,
    /// A person's name: not initials alone, at most 200 characters
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
    /// Show why each match was made, and name the assets that could not be searched
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
    /// Write the quoting service sample database instead (examples/sql/quoting.sql and its
    /// dataset file), with --assets rows, as portable SQL for SQLite, PostgreSQL and
    /// MariaDB: for benchmarks of the sql platform
    #[arg(long, requires = "assets")]
    pub sql: bool,
}

#[derive(Debug, Args)]
pub struct CaseArgs {
    #[command(subcommand)]
    pub command: CaseCommand,
}

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Open a case and locate the subject; prints the case id (the case with --output json)
    ///
    /// With --group NAME (or --all-tenants) one request spans the systems of a group: the
    /// case is opened under the same id in each tenant, names every tenant, and holds each
    /// tenant's own matches, reviewed per tenant (`dsr case review ID --tenant NAME`). Every
    /// tenant's case has the request's received date and so its due date. --output json
    /// prints the id and each tenant's case.
    Open(CaseOpenArgs),
    /// Go through a case's matches and decide which are the subject
    ///
    /// In a terminal, a checklist with the high-confidence matches ticked, each with the
    /// values that matched. Without one, --include and --exclude decide; with neither it
    /// refuses (exit 2) rather than take the high matches as reviewed.
    ///
    /// --include also takes any asset of the tenant the search did not find, with
    /// --reason saying why it is the subject's (not naming them: the reason goes into the
    /// package and receipts). Such an asset stays in the case across later reviews;
    /// access and portability include it, and an erasure that finds nothing of the
    /// subject on it leaves it to a person (manual), with the reason.
    #[command(after_help = "Example:
  dsr case review 20261201-001 --include Events/anniversary-2019-040.png --reason 'shown in the photo, not named in its metadata'")]
    Review(CaseReviewArgs),
    /// Extend the deadline by two months (once, Art. 12(3))
    ///
    /// A case opened for a group (`case open --group`) has one deadline: it is extended in
    /// every tenant that holds it, or, when one of them cannot be, in none.
    Extend(CaseExtendArgs),
    /// List the tenant's cases, or every tenant's
    ///
    /// With --group NAME, --all-tenants, or no --tenant while several tenants are
    /// registered, lists the cases of every tenant meant, each naming its tenant (a TENANT
    /// column; a `tenant` key for scripts), overdue cases first, then by due date. A case
    /// opened for a group appears once per tenant, each with its own review.
    List(CaseListArgs),
    /// Show one case
    Show(CaseShowArgs),
    /// Close a case
    Close(CaseIdArgs),
    /// Delete the personal data of closed cases past the tenant's records retention
    ///
    /// Each CASE must be closed, and closed longer ago than the records retention of the
    /// tenant's profile (`dsr tenant edit NAME --records-retention 5y`); without a retention
    /// nothing is purged, and an open or recent case is refused by name, with nothing
    /// purged. A purge deletes the case's plans, journals, reports and packages in its folder
    /// and the identities, matches, reference and other free text of its record. It keeps
    /// the record's dates and history and the case's signed receipts, which hold salted
    /// hashes only: the tenant's receipt ledger still verifies, and the tombstones of erased
    /// subjects stay. Each purge is written to the audit log. Confirmed in a terminal, or
    /// with --yes; refused (exit 4) without either.
    #[command(after_help = "Example:
  dsr case purge 20211201-001 20211203-002 --yes")]
    Purge(CasePurgeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RightArg {
    /// Art. 15
    Access,
    /// Art. 20
    Portability,
    /// Art. 16
    Rectification,
    /// Art. 17
    Erasure,
    /// Art. 18
    Restriction,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr case open --right access --email jane.doe@example.com --name 'Jane Doe' \\
      --received 2026-11-28 --reference 'letter of 27 Nov' --verified-by 'ID checked at reception'
  dsr case open --group company --right erasure --email jane.doe@example.com")]
pub struct CaseOpenArgs {
    /// The right the subject exercises
    #[arg(long, value_enum)]
    pub right: RightArg,
    /// Open one case per subject of a list (CSV or JSON Lines, as for `dsr locate --from`;
    /// '-' reads stdin); prints one case id per line, or one object per subject with
    /// --output jsonl
    #[arg(long, value_name = "FILE", conflicts_with_all = ["email", "name", "phone", "login"])]
    pub from: Option<PathBuf>,
    /// How the case is printed: its id (human) or the case as `case show` prints it; with
    /// --from the ids, or one object per subject
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// The subject's e-mail address (repeatable)
    #[arg(long, value_name = "E")]
    pub email: Vec<String>,
    /// The subject's name (repeatable): not initials alone, at most 200 characters
    #[arg(long, value_name = "N")]
    pub name: Vec<String>,
    /// The subject's phone number (repeatable)
    #[arg(long, value_name = "P")]
    pub phone: Vec<String>,
    /// The subject's platform login (repeatable)
    #[arg(long, value_name = "L")]
    pub login: Vec<String>,
    /// When the request was received, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    /// The requester's or your own reference
    #[arg(long, value_name = "TEXT")]
    pub reference: Option<String>,
    /// How the subject's identity was checked (Art. 12(6))
    #[arg(long, value_name = "TEXT")]
    pub verified_by: Option<String>,
    /// Search with every identity the subject's high matches hold beside hers (her phone
    /// on the client row her e-mail found), in every tenant of the case, and with what
    /// those find, up to three rounds: for scripts that accept them unseen. Without it they
    /// are listed, and searched only once accepted with `case review --accept-identity`
    #[arg(long, conflicts_with = "from")]
    pub expand_identities: bool,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr case review 20261201-001 --exclude Events/party-017.png
  dsr case review 20261201-001 --tenant crm --accept-identity login:jdoe
  dsr case review 20261201-001 --tenant crm --decline-identity 'name:Jane Smith'")]
pub struct CaseReviewArgs {
    /// The case id
    pub case: String,
    /// An asset that is the subject's although its match is not high, or although the
    /// search did not find her there at all (then with --reason) (repeatable)
    #[arg(long, value_name = "ASSET")]
    pub include: Vec<String>,
    /// An asset whose match is not the subject (repeatable)
    #[arg(long, value_name = "ASSET")]
    pub exclude: Vec<String>,
    /// Why an --include asset the search did not find is the subject's; kept in the case,
    /// the access package and the erasure receipt, so it must not name the subject
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// An identity found along the way that is the subject's, as `case show` lists it
    /// (KIND:VALUE, e.g. login:jdoe): every tenant of the case searches with it (repeatable)
    #[arg(long, value_name = "KIND:VALUE")]
    pub accept_identity: Vec<String>,
    /// An identity found along the way that is not the subject's: it is no longer proposed
    /// (repeatable)
    #[arg(long, value_name = "KIND:VALUE")]
    pub decline_identity: Vec<String>,
    /// Accept every identity found along the way, and what searching with them finds, up
    /// to three rounds
    #[arg(long, conflicts_with_all = ["accept_identity", "decline_identity"])]
    pub expand_identities: bool,
}

#[derive(Debug, Args)]
pub struct CaseExtendArgs {
    /// The case id
    pub case: String,
    /// Why more time is needed (the subject must be told within the first month)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr case list --open
  dsr case list --all-tenants --overdue --output csv")]
pub struct CaseListArgs {
    /// Only cases not yet closed
    #[arg(long)]
    pub open: bool,
    /// Only open cases past their due date
    #[arg(long)]
    pub overdue: bool,
    /// How the cases are printed; with none, an empty table ([] in json, the header in csv)
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct CaseShowArgs {
    /// The case id
    pub case: String,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct CasePurgeArgs {
    /// The case ids
    #[arg(required = true, value_name = "CASE")]
    pub cases: Vec<String>,
    /// Purge without asking (needed without a terminal)
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct CaseIdArgs {
    /// The case id
    pub case: String,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr access 20261201-001 --out jane-doe-access.zip
  dsr access 20261201-001 --out ./package --templates ./our-templates")]
pub struct AccessArgs {
    /// The case id
    #[arg(required_unless_present = "from")]
    pub case: Option<String>,
    /// Where to write the package: a folder, or a ZIP when the name ends in .zip
    /// [default: access-CASE.zip in the case's folder]; with --from, the folder every
    /// package goes into as access-CASE.zip. A package is never written over a symbolic link
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// A folder whose index.html, letter.md or strings.toml replace the built-in templates:
    /// LANG/NAME for one language, NAME for every language
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The language of the package, its letter and its pages: en (English), nb (Norwegian
    /// Bokmål) or de (German) [default: the record of processing's `language`, else en]
    #[arg(long, value_name = "LANG", value_parser = ["en", "nb", "de"])]
    pub lang: Option<String>,
    /// Answer although assets the last sync could not read were not searched, because a
    /// person has checked them by hand: exit 0 instead of 3. The package and the receipt
    /// still name them as not searched, the receipt with this acceptance
    #[arg(long)]
    pub accept_unreadable: bool,
    #[command(flatten)]
    pub list: ListArgs,
}

/// A command run over a list of subjects instead of one case.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Do it for every subject of a list (CSV or JSON Lines, as for `dsr locate --from`;
    /// '-' reads stdin): one case per row, its high matches reviewed in; one result per
    /// subject as it is finished
    #[arg(long, value_name = "FILE", conflicts_with = "case")]
    pub from: Option<PathBuf>,
    /// With --from: how many subjects are worked on at once
    #[arg(long, short, default_value_t = 4, value_name = "N", requires = "from", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// With --from: finish a list that was stopped (Ctrl-C, SIGTERM) without doing any
    /// subject twice
    #[arg(long, requires = "from")]
    pub resume: bool,
    /// How the result is printed: for one case its path (human) or {path, assets, files,
    /// receipt, missing, not_searched}; with --from one result per subject, jsonl and csv
    /// printing each as soon as it is finished
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// With --from: how the subjects' identities were checked (Art. 12(6)), for every case
    #[arg(long, value_name = "TEXT", requires = "from")]
    pub verified_by: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr portability 20261201-002 --out jane-doe.zip
  DSR_ZIP_PASSPHRASE='told to her by phone' dsr portability 20261201-002 --out jane-doe-aes.zip --encrypt")]
pub struct PortabilityArgs {
    /// The case id
    #[arg(required_unless_present = "from")]
    pub case: Option<String>,
    /// The ZIP to write [default: portable-CASE.zip in the case's folder]; with --from, the
    /// folder every archive goes into as portable-CASE.zip. An archive is never written over a
    /// symbolic link
    #[arg(long, value_name = "FILE.zip")]
    pub out: Option<PathBuf>,
    /// Encrypt every entry with AES-256; the passphrase comes from DSR_ZIP_PASSPHRASE or
    /// a hidden prompt
    #[arg(long)]
    pub encrypt: bool,
    /// Put the original of every reviewed asset in, not only those the subject uploaded
    #[arg(long)]
    pub all_originals: bool,
    /// The language of README.txt: en (English), nb (Norwegian Bokmål) or de (German)
    /// [default: the record of processing's `language`, else en]
    #[arg(long, value_name = "LANG", value_parser = ["en", "nb", "de"])]
    pub lang: Option<String>,
    /// Answer although assets the last sync could not read were not searched, because a
    /// person has checked them by hand: exit 0 instead of 3. The manifest and the receipt
    /// still name them as not searched, the receipt with this acceptance
    #[arg(long)]
    pub accept_unreadable: bool,
    #[command(flatten)]
    pub list: ListArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StrategyArg {
    /// Delete assets that show or were uploaded by the subject alone; scrub the rest
    Auto,
    /// Never delete: remove only the subject's values
    Scrub,
    /// Delete every reviewed asset not under legal hold
    Delete,
}

/// What happens to the subject's own user account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AccountArg {
    /// Delete the account
    Delete,
    /// Disable the account and clear its personal fields
    Disable,
}

/// What happens to the comments the subject wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthoredArg {
    /// Delete the comment
    Delete,
    /// Keep it with "[former user]" as its author and her names taken out
    Anonymise,
}

/// What happens to an image that shows the subject beside other people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShownArg {
    /// Scrub its metadata and report "image still shows the subject" (the run ends 3)
    Report,
    /// Delete the image, with the other people in it
    Delete,
    /// Scrub its metadata and keep the image: a decision written in the receipt with
    /// --reason
    Keep,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr erase 20261201-003 --dry-run
  dsr erase 20261201-003 --yes --shown-with-others keep --reason 'group photos stay in the staff archive'
  dsr erase 20261201-003 --resume --yes   # finishes a run that was stopped; a finished one is not redone
  dsr erase --replay-tombstones           # after the platform restored a backup and dsr synced it")]
pub struct EraseArgs {
    /// The erasure case
    #[arg(required_unless_present_any = ["replay_tombstones", "from"])]
    pub case: Option<String>,
    /// Erase every subject of a list (CSV or JSON Lines, as for `dsr locate --from`; '-'
    /// reads stdin): one erasure case per row, its high matches reviewed in, every plan
    /// made before one confirmation for the whole list; one result per subject as it is
    /// finished. --jobs counts subjects; --resume finishes a list that was stopped. With
    /// --group or --all-tenants each subject is one request across every system (its case
    /// receipt and each system's outcome on the subject's line)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["case", "replay_tombstones"])]
    pub from: Option<PathBuf>,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// How assets are erased
    #[arg(long, value_enum, default_value_t = StrategyArg::Auto)]
    pub strategy: StrategyArg,
    /// An image that shows the subject beside other people cannot be erased by editing its
    /// metadata: her face stays. `report` scrubs its metadata and lists it as "image still
    /// shows the subject" (the run ends 3); `delete` deletes it; `keep` scrubs it and keeps
    /// it, a decision the receipt records with --reason
    #[arg(long, value_enum, default_value_t = ShownArg::Report, value_name = "WHAT", conflicts_with = "resume")]
    pub shown_with_others: ShownArg,
    /// Why images that show the subject with other people are kept (required with
    /// --shown-with-others keep); written in the plan and the receipt
    #[arg(long, value_name = "TEXT", required_if_eq("shown_with_others", "keep"))]
    pub reason: Option<String>,
    /// The subject's own user account, where the tenant reads accounts (fotoweb
    /// --records users, or a dir tenant's .records/users/): `delete` it (what an erasure asks for: a leaver's account has no
    /// purpose left), or `disable` it and clear its name, e-mail, phone, address and
    /// description, renaming a login that is hers, where the account itself must stay
    #[arg(long, value_enum, default_value_t = AccountArg::Delete, value_name = "WHAT", conflicts_with = "resume")]
    pub account: AccountArg,
    /// Comments the subject wrote, where the tenant reads comments (fotoweb --records
    /// comments, or a dir tenant's .records/): `delete` them, or `anonymise` them (author "[former user]", her names
    /// taken out of the text). Comments that merely name her are scrubbed like captions
    #[arg(long, value_enum, default_value_t = AuthoredArg::Delete, value_name = "WHAT", conflicts_with = "resume")]
    pub authored_comments: AuthoredArg,
    /// Hand the albums the subject owns to the account with this login, where the tenant
    /// reads albums (fotoweb --records albums, or a dir tenant's .records/albums/). Without it her albums are deleted: an
    /// album only links assets, which stay in their archives, and a leaver's album has no
    /// owner left to keep it. A login the tenant does not have, or her own, is refused
    /// before anything changes. Shares of albums to her e-mail address are removed either
    /// way
    #[arg(long, value_name = "LOGIN", conflicts_with = "resume")]
    pub transfer_to: Option<String>,
    /// Apply the plan without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Finish an interrupted (or partly failed) erasure: the same plan, from its journal,
    /// without repeating a finished step; a step whose asset changed since it was planned
    /// is planned again from the asset as it now is
    #[arg(long, conflicts_with = "strategy")]
    pub resume: bool,
    /// Look for erased subjects again (after the platform restored a backup and it was
    /// synced), open an erasure case for each one found and print its id. Needs the data
    /// directory's tombstone key, keys/tombstone.key
    #[arg(long, conflicts_with_all = ["case", "dry_run", "resume"])]
    pub replay_tombstones: bool,
    /// How many changes run at once (with --from: how many subjects, each one change at a
    /// time)
    #[arg(long, short, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// How the plan and the outcome are printed; with --from, jsonl and csv print each
    /// subject's result as soon as it is finished
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// With --from: how the subjects' identities were checked (Art. 12(6)), for every case
    #[arg(long, value_name = "TEXT", requires = "from")]
    pub verified_by: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr rectify 20261201-004 --replace 'Jane Doe' --with 'Jane Roe' --dry-run
  dsr rectify 20261201-004 --replace jane.doe@example.com --with jane.roe@example.com --yes
  dsr rectify 20261201-004 --replace 'Jane Doe' --with 'Jane Roe' --field 80 --field 368 --yes
  dsr rectify 20261201-004 --set '309=+47 913 45 678' --dry-run
  dsr rectify 20261201-004 --set '309=+47 913 45 678' --add --yes
  dsr rectify 20261201-004 --resume --yes
  dsr rectify --from name-changes.csv --yes --output jsonl   # columns email,name,new_name
  dsr rectify 20261201-004 --group company --replace 'Jane Doe' --with 'Jane Roe' --yes")]
pub struct RectifyArgs {
    /// The rectification case
    #[arg(required_unless_present = "from")]
    pub case: Option<String>,
    /// Correct every subject of a list (CSV or JSON Lines, as for `dsr locate --from`;
    /// '-' reads stdin): one rectification case per row, its high matches reviewed in. A
    /// row's new_email, new_name, new_phone or new_login replaces its value of that kind;
    /// --set applies to every row without one. Every plan is made before one confirmation
    /// for the whole list; one result per subject as it is finished
    #[arg(long, value_name = "FILE", conflicts_with_all = ["case", "replace"])]
    pub from: Option<PathBuf>,
    /// The subject's value as it stands now: a name, e-mail, phone or login
    #[arg(
        long,
        value_name = "OLD",
        requires = "with",
        conflicts_with = "set",
        required_unless_present_any = ["set", "resume", "from"]
    )]
    pub replace: Option<String>,
    /// The value to put in its place (of the same kind)
    #[arg(long, value_name = "NEW", requires = "replace")]
    pub with: Option<String>,
    /// Replace only in this field (repeatable or comma-separated) [default: every field]
    #[arg(long = "field", value_name = "ID", value_delimiter = ',')]
    pub fields: Vec<String>,
    /// Correct a field, as FIELD=VALUE (repeatable): on each reviewed asset where the field
    /// holds the subject's value (found by the case's identities), that entry is replaced
    /// and everyone else's kept, in the field's shape; an empty VALUE removes it. Assets
    /// whose field does not hold the subject's value are left alone (see --add)
    #[arg(long, value_name = "FIELD=VALUE")]
    pub set: Vec<String>,
    /// With --set: also add the value to the field on reviewed assets where it holds neither
    /// the subject's value nor the new one (one more element of a list; an empty field
    /// filled; a field holding one value of someone else's is left for a person)
    #[arg(long, requires = "set")]
    pub add: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Apply the plan without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Finish an interrupted (or partly failed) rectification: the same plan, from its
    /// journal, without repeating a finished step (with --from: the whole list); a step
    /// whose asset changed since it was planned is planned again from the asset as it now is
    #[arg(long, conflicts_with_all = ["replace", "with", "fields", "set", "add"])]
    pub resume: bool,
    /// How many changes run at once (with --from: at most N requests at once, three
    /// subjects in progress per request)
    #[arg(long, short, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// How the plan and the outcome are printed
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// With --from: how the subjects' identities were checked (Art. 12(6)), for every case
    #[arg(long, value_name = "TEXT", requires = "from")]
    pub verified_by: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr restrict 20261201-005 --dry-run
  dsr restrict 20261201-005 --yes
  dsr restrict 20261201-005 --lift --yes
  dsr restrict 20261201-005 --group company --yes   # every system of a request")]
pub struct RestrictArgs {
    /// The restriction case
    pub case: String,
    /// Take the restriction mark away again (the restriction ends)
    #[arg(long)]
    pub lift: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Apply the plan without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Finish an interrupted (or partly failed) restriction: the same plan, from its
    /// journal, without repeating a finished step
    #[arg(long, conflicts_with = "lift")]
    pub resume: bool,
    /// How many changes run at once
    #[arg(long, short, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: u16,
    /// How the plan and the outcome are printed
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct KeysArgs {
    #[command(subcommand)]
    pub command: KeysCommand,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make an Ed25519 signing key in OpenSSH format, and its .pub beside it
    ///
    /// The key is owner-only. It is protected by the passphrase in DSR_KEY_PASSPHRASE, or by
    /// one typed at a hidden prompt when there is a terminal (empty for none); without
    /// either it is stored unencrypted. An existing key is never replaced without --force.
    /// The key's history, KEY.allowed_signers beside it, lists every key that was the key,
    /// with when it took over and when it was replaced: a replaced key stays trusted for the
    /// receipts it signed, and for nothing it signs later.
    #[command(after_help = "Examples:
  dsr keys generate
  dsr keys generate --force          # replace the key made by the first operation
  dsr keys generate --out ~/.ssh/dsr-acme_ed25519 --comment dpo@example.com")]
    Generate(KeysGenerateArgs),
    /// Print every key that signed receipts, as an allowed_signers file for ssh-keygen
    ///
    /// The key is --key, the tenant's signing key, or the data directory's. Each key is one
    /// line under the principal dsr, newest first, with the time it took over (valid-after)
    /// and, once replaced, the time it was replaced (valid-before), under a comment saying
    /// which key is current. No passphrase is needed. Save it for verifiers with
    /// `dsr keys show > allowed_signers`.
    Show(KeysShowArgs),
}

#[derive(Debug, Args)]
pub struct KeysGenerateArgs {
    /// Where to write the private key [default: the file --key names, else keys/dsr_ed25519 in
    /// the data directory]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace a key that exists already (it stays in the key's history, trusted for the
    /// receipts it signed until now)
    #[arg(long)]
    pub force: bool,
    /// The key's comment: who holds it (such as dpo@example.com)
    #[arg(long, default_value = "dsr", value_name = "TEXT")]
    pub comment: String,
}

#[derive(Debug, Args)]
pub struct KeysShowArgs {
    /// Another principal for the allowed_signers lines, for a file shared with other
    /// signers (verifiers then pass it to ssh-keygen -I) [default: dsr]
    #[arg(long, value_name = "NAME")]
    pub identity: Option<String>,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct ReceiptArgs {
    #[command(subcommand)]
    pub command: ReceiptCommand,
}

#[derive(Debug, Subcommand)]
pub enum ReceiptCommand {
    /// Check receipts: signature, canonical form and, with --ledger, the tenant's chain
    ///
    /// Each FILE (a receipt.json, or the folder holding one) must carry a valid signature in
    /// FILE.sig by a trusted key — those in --allowed-signers, else the configured signing
    /// key or a key it replaced, signing while it was the key — and be in canonical form. With --ledger, the whole chain of each receipt's
    /// tenant is checked too (of --tenant, when no FILE is given): a receipt removed,
    /// reordered or edited fails. Exits 0 when everything verifies, 3 when something does
    /// not (each failure names the receipt and what is wrong), 2 when it cannot check.
    #[command(after_help = "Examples:
  dsr receipt verify receipt.json
  dsr receipt verify --ledger --tenant acme
  dsr receipt verify --allowed-signers allowed_signers receipt.json")]
    Verify(ReceiptVerifyArgs),
    /// Print what a receipt says, for people (it is not verified: use verify)
    Show(ReceiptShowArgs),
}

#[derive(Debug, Args)]
pub struct ReceiptVerifyArgs {
    /// Receipt files, or folders holding a receipt.json
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Trust the keys of this OpenSSH allowed_signers file instead of the configured key
    /// (and its history); a key's valid-after and valid-before are checked against the
    /// receipt's finished_at
    #[arg(long, value_name = "FILE")]
    pub allowed_signers: Option<PathBuf>,
    /// Check the tenant's whole chain of receipts as well
    #[arg(long)]
    pub ledger: bool,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
pub struct ReceiptShowArgs {
    /// The receipt file, or the folder holding a receipt.json
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// table prints a summary; json prints the receipt
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  dsr audit --since 2026-11-01
  dsr audit --tenant acme --output jsonl
  dsr audit --verify
  dsr audit --verify --expect-head 3f6c0e5b9d2a41c87e0f6a3b5c9d1e2f4a6b8c0d2e4f6a8b0c1d3e5f7a9b1c3d   # the head an operation printed")]
pub struct AuditArgs {
    /// Only entries from this day (YYYY-MM-DD, UTC) or moment (RFC 3339) on
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Check the whole log's hash chain instead of listing it, and that it and every
    /// tenant's ledger anchor each other (each receipt in the log, each logged receipt in
    /// its ledger, each receipt file in its ledger); exits 3 when something is broken or
    /// cut, naming it
    #[arg(long)]
    pub verify: bool,
    /// With --verify: the audit head an operation printed ("Audit head HASH"); fails when
    /// that entry is no longer in the log, so that cutting the newest entries shows
    #[arg(long, value_name = "HASH", requires = "verify")]
    pub expect_head: Option<String>,
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
}
