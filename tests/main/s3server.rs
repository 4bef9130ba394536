//! A real S3-compatible server for the tests: moto's server mode (`moto_server`, from the
//! `moto[server]` Python package), started on 127.0.0.1 in a temporary folder and stopped
//! when dropped. Moto keeps versions and delete markers and answers conditional writes,
//! which is what the `objects` platform relies on. The tests read and write the bucket
//! through the same library dsr uses, signing as any client does.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::storeclient::StoreClient;

/// The credentials the tests give dsr through the environment (moto accepts any).
pub const ENV: [(&str, &str); 3] = [
    ("AWS_ACCESS_KEY_ID", "dsr-tests"),
    ("AWS_SECRET_ACCESS_KEY", "dsr-tests-secret"),
    ("AWS_REGION", "us-east-1"),
];

pub struct S3Server {
    child: Child,
    _dir: tempfile::TempDir,
    pub endpoint: String,
    pub bucket: String,
    client: StoreClient<object_store::aws::AmazonS3>,
}

impl std::ops::Deref for S3Server {
    type Target = StoreClient<object_store::aws::AmazonS3>;
    fn deref(&self) -> &Self::Target {
        &self.client
    }
}

/// Whether the S3 tests cannot run here (the reason printed); in CI they always must.
pub fn missing() -> bool {
    let installed = Command::new("moto_server")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "moto_server is missing: install it with `pip install 'moto[server]'` (.ci/run does)"
        );
        eprintln!("skipped: moto_server is not installed (pip install 'moto[server]')");
    }
    !installed
}

impl S3Server {
    /// Starts a server with one empty bucket. `None`, with the reason printed, when
    /// `moto_server` is not installed and this is not CI; in CI a missing server fails.
    pub fn start(bucket: &str) -> Option<S3Server> {
        if missing() {
            return None;
        }
        let dir = tempfile::tempdir().expect("a temp dir");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server starts");
        let endpoint = format!("http://127.0.0.1:{port}");
        let client = StoreClient::new(|| {
            object_store::aws::AmazonS3Builder::new()
                .with_endpoint(&endpoint)
                .with_allow_http(true)
                .with_bucket_name(bucket)
                .with_region(ENV[2].1)
                .with_access_key_id(ENV[0].1)
                .with_secret_access_key(ENV[1].1)
                .build()
                .expect("a client")
        });
        let mut server = S3Server {
            child,
            _dir: dir,
            endpoint,
            bucket: bucket.to_owned(),
            client,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "moto_server did not listen on {port} within 30 s"
            );
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("moto_server ended at start: {status}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        server.bucket_request("", "");
        Some(server)
    }

    /// Turns versioning on: every overwrite and delete then keeps the earlier version.
    pub fn enable_versioning(&self) {
        self.bucket_request(
            "?versioning",
            r#"<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>"#,
        );
    }

    /// Turns on object lock (versioning must be on and the bucket empty), with no default
    /// retention: nothing is locked until [`S3Server::legal_hold`] locks a version.
    pub fn enable_object_lock(&self) {
        self.bucket_request(
            "?object-lock",
            r#"<ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>"#,
        );
    }

    /// Puts a legal hold on (or takes it off) every version of `key`. A held version cannot
    /// be deleted: the server refuses with 403 AccessDenied, as it refuses credentials
    /// without s3:DeleteObjectVersion. The tests stand in for such credentials with it (moto
    /// accepts any credentials and enforces no bucket policy).
    pub fn legal_hold(&self, key: &str, on: bool) {
        let status = if on { "ON" } else { "OFF" };
        for (_, version) in self.versions(key).into_iter().filter(|(k, _)| k == key) {
            let response = reqwest::blocking::Client::new()
                .put(format!(
                    "{}/{}/{key}?legal-hold&versionId={version}",
                    self.endpoint, self.bucket
                ))
                // moto takes object-level requests from anyone who names credentials;
                // it checks no signature.
                .header(
                    "authorization",
                    "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0",
                )
                .header("content-type", "application/xml")
                .body(format!(
                    r#"<LegalHold xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>{status}</Status></LegalHold>"#
                ))
                .send()
                .expect("the server answers");
            assert!(response.status().is_success(), "legal hold: {response:?}");
        }
    }

    /// A bucket-level PUT (moto takes these unsigned).
    fn bucket_request(&self, query: &str, body: &str) {
        let response = reqwest::blocking::Client::new()
            .put(format!("{}/{}{query}", self.endpoint, self.bucket))
            .header("content-type", "application/xml")
            .body(body.to_owned())
            .send()
            .expect("the server answers");
        assert!(response.status().is_success(), "{query}: {response:?}");
    }

    /// Every version and delete marker under `prefix`, as `(key, version id)`, sorted.
    pub fn versions(&self, prefix: &str) -> Vec<(String, String)> {
        let body = reqwest::blocking::Client::new()
            .get(format!(
                "{}/{}?versions&prefix={}",
                self.endpoint,
                self.bucket,
                url::form_urlencoded::byte_serialize(prefix.as_bytes()).collect::<String>()
            ))
            .send()
            .and_then(|r| r.error_for_status())
            .and_then(|r| r.text())
            .expect("a version listing");
        let field = |block: &str, name: &str| {
            let start = block.find(&format!("<{name}>")).expect("the field") + name.len() + 2;
            let end = start + block[start..].find('<').expect("its end");
            block[start..end].to_owned()
        };
        let mut found: Vec<(String, String)> = ["<Version>", "<DeleteMarker>"]
            .iter()
            .flat_map(|open| body.split(open).skip(1))
            .map(|block| (field(block, "Key"), field(block, "VersionId")))
            .collect();
        found.sort();
        found
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
