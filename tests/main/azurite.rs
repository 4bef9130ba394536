//! A real Azure Blob server for the tests: Azurite, Microsoft's storage emulator (npm
//! package `azurite`), started on 127.0.0.1 in a temporary folder, one for the test process
//! while any test holds it, and stopped when the last holder drops it. Each test gets a
//! container of its own. The tests read and write it through the same library dsr uses,
//! signed with the emulator's well-known account key, as any client does.
//!
//! What Azurite (3.35) does and does not do, which bounds what these tests show: it answers
//! blob reads, writes, listings and deletes, refuses a write whose `If-Match` ETag is stale
//! (412), and accepts a listing with `include=versions,deleted`; it keeps no blob versions
//! and has no soft delete, so the tests see only an account that keeps nothing of an
//! overwritten or deleted blob. An account that keeps copies is untested against Azure.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use crate::storeclient::StoreClient;

/// The emulator's account and its well-known key (published by Microsoft for every
/// Azurite; not a secret).
pub const ACCOUNT: &str = "devstoreaccount1";
pub const KEY: &str =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/// The credentials the tests give dsr through the environment, the ordinary Azure way.
pub const ENV: [(&str, &str); 2] = [
    ("AZURE_STORAGE_ACCOUNT_NAME", ACCOUNT),
    ("AZURE_STORAGE_ACCOUNT_KEY", KEY),
];

/// Where `.ci/run` installs Azurite when it is not on the PATH.
fn cached() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let program = cache.join("dsr-ci/azurite/node_modules/.bin/azurite-blob");
    program.exists().then_some(program)
}

/// The `azurite-blob` program, on the PATH or in `.ci/run`'s cache.
fn program() -> Option<PathBuf> {
    let on_path = Command::new("azurite-blob")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if on_path {
        return Some(PathBuf::from("azurite-blob"));
    }
    cached()
}

/// Whether the Azure tests cannot run here (the reason printed); in CI they always must.
pub fn missing() -> bool {
    let installed = program().is_some();
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "azurite-blob is missing: install it with `npm install azurite` (.ci/run does)"
        );
        eprintln!("skipped: azurite-blob is not installed (npm install azurite)");
    }
    !installed
}

/// The running emulator.
pub struct Azurite {
    child: Child,
    _dir: tempfile::TempDir,
    /// The account's blob endpoint, path-style: `http://127.0.0.1:PORT/devstoreaccount1`.
    pub endpoint: String,
}

/// The emulator the test process shares while any test holds it.
static SHARED: Mutex<Weak<Azurite>> = Mutex::new(Weak::new());

impl Azurite {
    /// The emulator, started unless another test holds it already.
    fn shared() -> Arc<Azurite> {
        let mut shared = SHARED.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(running) = shared.upgrade() {
            return running;
        }
        let running = Arc::new(Azurite::start());
        *shared = Arc::downgrade(&running);
        running
    }

    fn start() -> Azurite {
        let program = program().expect("azurite-blob (check missing() first)");
        let dir = tempfile::tempdir().expect("a temp dir");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(program)
            .args(["--blobHost", "127.0.0.1", "--blobPort", &port.to_string()])
            .arg("--location")
            .arg(dir.path())
            .args([
                "--skipApiVersionCheck",
                "--loose",
                "--silent",
                "--disableTelemetry",
            ])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("azurite-blob starts");
        let mut server = Azurite {
            child,
            _dir: dir,
            endpoint: format!("http://127.0.0.1:{port}/{ACCOUNT}"),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "azurite-blob did not listen on {port} within 30 s"
            );
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("azurite-blob ended at start: {status}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }
}

impl Drop for Azurite {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One test's container in the shared emulator.
pub struct Container {
    pub server: Arc<Azurite>,
    /// Unique in the test process.
    pub name: String,
    client: StoreClient<object_store::azure::MicrosoftAzure>,
}

impl std::ops::Deref for Container {
    type Target = StoreClient<object_store::azure::MicrosoftAzure>;
    fn deref(&self) -> &Self::Target {
        &self.client
    }
}

impl Container {
    /// A new empty container named after `stem`. `None`, with the reason printed, when
    /// Azurite is not installed and this is not CI; in CI a missing server fails.
    pub fn create(stem: &str) -> Option<Container> {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        if missing() {
            return None;
        }
        let server = Azurite::shared();
        let name = format!(
            "{stem}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let client = StoreClient::new(|| {
            object_store::azure::MicrosoftAzureBuilder::new()
                .with_endpoint(server.endpoint.clone())
                .with_allow_http(true)
                .with_account(ACCOUNT)
                .with_access_key(KEY)
                .with_container_name(&name)
                .build()
                .expect("a client")
        });
        let container = Container {
            server,
            name,
            client,
        };
        container.create_on_server();
        Some(container)
    }

    /// `PUT ?restype=container`, which the library has no call for, signed with its signer.
    fn create_on_server(&self) {
        self.signed_put(&format!("{}?restype=container", self.name));
    }

    /// Takes a snapshot of `key` (`PUT ?comp=snapshot`): a read-only copy of the blob as it
    /// is now, which stays when the blob is overwritten.
    pub fn snapshot(&self, key: &str) {
        self.signed_put(&format!("{}/{key}?comp=snapshot", self.name));
    }

    /// Deletes every snapshot of `key`, keeping the blob (`x-ms-delete-snapshots: only`).
    pub fn delete_snapshots(&self, key: &str) {
        self.signed(
            http::Method::DELETE,
            &format!("{}/{key}", self.name),
            &[("x-ms-delete-snapshots", "only")],
        );
    }

    /// A signed PUT with no body to `path` (below the account).
    fn signed_put(&self, path: &str) {
        self.signed(http::Method::PUT, path, &[("content-length", "0")]);
    }

    /// A signed request with no body to `path` (below the account).
    fn signed(&self, method: http::Method, path: &str, headers: &[(&str, &str)]) {
        let url = format!("{}/{path}", self.server.endpoint);
        let mut request = http::Request::builder().method(method.clone()).uri(&url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request
            .body(object_store::client::HttpRequestBody::empty())
            .expect("a request");
        let credential = object_store::azure::AzureCredential::AccessKey(
            object_store::azure::AzureAccessKey::try_new(KEY).expect("the emulator's key"),
        );
        object_store::azure::AzureAuthorizer::new(&credential, ACCOUNT)
            .try_authorize(&mut request)
            .expect("signed");
        let mut outgoing = reqwest::blocking::Client::new().request(method, &url);
        for (name, value) in request.headers() {
            outgoing = outgoing.header(name, value);
        }
        let response = outgoing.send().expect("Azurite answers");
        assert!(response.status().is_success(), "{path}: {response:?}");
    }

    /// The tenant URL of `prefix` in this container.
    pub fn url(&self, prefix: &str) -> String {
        format!("az://{}/{prefix}", self.name)
    }
}

/// A loopback proxy in front of the emulator that makes it look like an account with blob
/// versioning: every listing that asks for versions also shows an earlier version of the
/// key it lists. Everything else passes through unchanged, signatures included (the
/// signed path, query and headers are forwarded as they are).
pub struct VersioningProxy {
    /// The account's endpoint through the proxy.
    pub endpoint: String,
}

impl VersioningProxy {
    pub fn start(server: &Azurite) -> VersioningProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let port = listener.local_addr().expect("an address").port();
        let upstream = server
            .endpoint
            .trim_end_matches(&format!("/{ACCOUNT}"))
            .to_owned();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                let upstream = upstream.clone();
                std::thread::spawn(move || {
                    let _ = Self::serve(stream, &upstream);
                });
            }
        });
        VersioningProxy {
            endpoint: format!("http://127.0.0.1:{port}/{ACCOUNT}"),
        }
    }

    /// Serves one connection: each listing that asks for versions gets an earlier version
    /// of the first blob it names added.
    fn serve(stream: TcpStream, upstream: &str) -> std::io::Result<()> {
        crate::relay::relay(stream, upstream, &|target, _, answer| {
            let include = target
                .split(['?', '&'])
                .find_map(|p| p.strip_prefix("include="))
                .unwrap_or_default();
            if target.contains("comp=list") && include.split(',').any(|i| i == "versions") {
                let prefix = target
                    .split(['?', '&'])
                    .find_map(|p| p.strip_prefix("prefix="))
                    .map(|p| {
                        percent_encoding::percent_decode_str(p)
                            .decode_utf8_lossy()
                            .into_owned()
                    })
                    .unwrap_or_default();
                let text = String::from_utf8_lossy(answer).into_owned();
                let earlier = format!(
                    "<Blob><Name>{prefix}</Name><VersionId>2026-01-01T00:00:00.0000000Z</VersionId><Properties /></Blob>"
                );
                *answer = text
                    .replacen("<Blobs>", &format!("<Blobs>{earlier}"), 1)
                    .replacen("<Blobs />", &format!("<Blobs>{earlier}</Blobs>"), 1)
                    .replacen("<Blobs/>", &format!("<Blobs>{earlier}</Blobs>"), 1)
                    .into_bytes();
            }
        })
    }
}
