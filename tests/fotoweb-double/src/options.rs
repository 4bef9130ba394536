//! What a double serves and how badly it behaves.

use std::path::PathBuf;

use crate::accounts::{SeedComment, SeedUser};
use crate::albums::SeedAlbum;
use crate::orders::SeedOrder;

/// The permission strings a non-interactive OAuth client has on every archive (it acts as an
/// administrator); the ones dsr needs come first.
pub const ALL_PERMISSIONS: &[&str] = &[
    "View",
    "Preview",
    "Download",
    "EditText",
    "Delete",
    "CropRotate",
    "Comping",
    "Alert",
    "CopyTo",
    "MoveTo",
    "CopyFrom",
    "MoveFrom",
    "Rename",
    "OpenFile",
    "EditFile",
    "CropFile",
    "UploadFile",
    "Export",
    "Comment",
    "CropAndDownload",
];

/// Settings of one double. Build with [`Options::new`] and change the fields you need.
#[derive(Debug, Clone)]
pub struct Options {
    /// The `dir` tenant folder to serve; read once at start and never written.
    pub tenant: PathBuf,
    pub client_id: String,
    pub client_secret: String,
    /// Assets per page of an asset list (FotoWeb was seen using about 25).
    pub page_size: usize,
    /// Delay added before every response, in milliseconds.
    pub latency_ms: u64,
    /// Share of requests answered with a random 500, 502 or 503 before anything changes.
    pub fail_rate: f64,
    /// Requests per second above which the answer is 429 with `Retry-After: 1`.
    pub rate_limit: Option<u32>,
    /// Share of requests whose connection is closed without any response.
    pub drop_rate: f64,
    /// Share of delete requests that are carried out (their task is created) and whose
    /// connection is then closed without the answer, as when a proxy gives up on a slow
    /// server: the client cannot tell whether its request took effect.
    pub lose_answer_rate: f64,
    /// When set, a delete task finishes on its own this many milliseconds after it was
    /// created, polled or not, as on a real server; without it a task advances only when
    /// polled, one stage per poll.
    pub task_run_ms: Option<u64>,
    /// Lifetime of an access token in seconds.
    pub token_ttl: u64,
    /// Seed of every random choice: chaos, tokens and task ids.
    pub seed: u64,
    /// What the client may do on every archive and asset ([`ALL_PERMISSIONS`] by default).
    /// Without `EditText` a PATCH gives 403, without `Delete` a delete request, without
    /// `Download` a rendition request.
    pub permissions: Vec<String>,
    /// User accounts served under `/fotoweb/api/users` (none by default).
    pub users: Vec<SeedUser>,
    /// Comments on assets, served under each asset's `.annotations/` (none by default).
    pub comments: Vec<SeedComment>,
    /// Whether the client may change and delete users; without it a PUT or DELETE under
    /// `/fotoweb/api/users` gives 403 (reading them stays allowed).
    pub manage_users: bool,
    /// Albums served under their owners (none by default).
    pub albums: Vec<SeedAlbum>,
    /// Whether the client may delete albums, change their owner and remove their shares;
    /// without it those give 403 (reading them stays allowed).
    pub manage_albums: bool,
    /// Orders of the site (none by default).
    pub orders: Vec<SeedOrder>,
    /// Whether the client may administer orders; without it the order list and a change
    /// of an order give 403.
    pub read_orders: bool,
}

impl Options {
    /// Defaults: pages of 25, no chaos, tokens valid for an hour, seed 0, all permissions.
    pub fn new(tenant: impl Into<PathBuf>, client_id: &str, client_secret: &str) -> Options {
        Options {
            tenant: tenant.into(),
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            page_size: 25,
            latency_ms: 0,
            fail_rate: 0.0,
            rate_limit: None,
            drop_rate: 0.0,
            lose_answer_rate: 0.0,
            task_run_ms: None,
            token_ttl: 3600,
            seed: 0,
            permissions: ALL_PERMISSIONS.iter().map(|p| p.to_string()).collect(),
            users: Vec::new(),
            comments: Vec::new(),
            manage_users: true,
            albums: Vec::new(),
            manage_albums: true,
            orders: Vec::new(),
            read_orders: true,
        }
    }

    /// Seeds the sample accounts and comments ([`crate::accounts::sample`]), albums
    /// ([`crate::albums::sample`]) and orders ([`crate::orders::sample`]).
    pub fn with_sample_accounts(mut self) -> Options {
        (self.users, self.comments) = crate::accounts::sample();
        self.albums = crate::albums::sample();
        self.orders = crate::orders::sample();
        self
    }

    /// Refuses settings that cannot be served, so a typo fails at start and not mid-test.
    pub(crate) fn validate(&self) -> anyhow::Result<()> {
        anyhow::ensure!(self.page_size > 0, "the page size must be at least 1");
        for (name, rate) in [
            ("fail", self.fail_rate),
            ("drop", self.drop_rate),
            ("lose-answer", self.lose_answer_rate),
        ] {
            anyhow::ensure!(
                (0.0..=1.0).contains(&rate),
                "the {name} rate must be between 0 and 1, not {rate}"
            );
        }
        anyhow::ensure!(
            self.rate_limit != Some(0),
            "the rate limit must be at least 1 request per second"
        );
        Ok(())
    }
}
