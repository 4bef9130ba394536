//! `fotoweb-double`: serves a `dir` tenant folder through a FotoWeb-like REST API until
//! killed. The first line on stdout is `listening on http://ADDR`.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use fotoweb_double::{Double, Options};

/// A local test double of the FotoWeb REST API.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// The `dir` tenant folder to serve (read at start, never written).
    #[arg(long)]
    tenant: PathBuf,
    /// The only client id the token endpoint accepts.
    #[arg(long)]
    client_id: String,
    /// The only client secret it accepts (also the value of the legacy FWAPIToken header).
    #[arg(long)]
    client_secret: String,
    /// Assets per page of an asset list.
    #[arg(long, default_value_t = 25)]
    page_size: usize,
    /// Delay before every response, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Share of requests answered with a random 500, 502 or 503.
    #[arg(long, default_value_t = 0.0)]
    fail_rate: f64,
    /// Requests per second above which the answer is 429 with Retry-After.
    #[arg(long)]
    rate_limit: Option<u32>,
    /// Share of requests whose connection is closed without a response.
    #[arg(long, default_value_t = 0.0)]
    drop_rate: f64,
    /// Share of delete requests carried out whose answer is then lost (connection closed).
    #[arg(long, default_value_t = 0.0)]
    lose_answer_rate: f64,
    /// Milliseconds after which a delete task finishes on its own, polled or not.
    #[arg(long)]
    task_run_ms: Option<u64>,
    /// Lifetime of access tokens in seconds.
    #[arg(long, default_value_t = 3600)]
    token_ttl: u64,
    /// Seed of all randomness, for reproducible chaos.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Comma-separated permissions of the client (default: all, as an admin client has).
    #[arg(long, value_delimiter = ',')]
    permissions: Option<Vec<String>>,
    /// Serve the sample user accounts, comments, albums and orders (Jane Doe, Ola and Kari
    /// Nordmann).
    #[arg(long)]
    sample_accounts: bool,
    /// Refuse to change or delete users (403), as for a client without user management.
    #[arg(long)]
    no_user_management: bool,
}

impl Args {
    fn options(self) -> Options {
        let mut options = Options::new(self.tenant, &self.client_id, &self.client_secret);
        options.page_size = self.page_size;
        options.latency_ms = self.latency_ms;
        options.fail_rate = self.fail_rate;
        options.rate_limit = self.rate_limit;
        options.drop_rate = self.drop_rate;
        options.lose_answer_rate = self.lose_answer_rate;
        options.task_run_ms = self.task_run_ms;
        options.token_ttl = self.token_ttl;
        options.seed = self.seed;
        if let Some(permissions) = self.permissions {
            options.permissions = permissions;
        }
        if self.sample_accounts {
            options = options.with_sample_accounts();
        }
        options.manage_users = !self.no_user_management;
        options
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fotoweb-double: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    Double::serve_with_ready(args.options(), listener, |addr| {
        // Flushed at once: a script waiting for this line must not wait for a buffer.
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "listening on http://{addr}");
        let _ = stdout.flush();
    })
    .await
}
