//! A test tenant on any platform — the sandbox's `dir` folder itself, the same folder
//! served by the FotoWeb test double on 127.0.0.1, or read as an object store (`file://`) —
//! registered as `acme` and synced, with a way to read back what the platform now holds.
//! Erase and rectify tests run on each.

use std::collections::BTreeMap;

use fotoweb_double::{Double, Options, RequestRecord};
use serde_json::Value;

use crate::azurite;
use crate::s3server::{self, S3Server};
use crate::support::{Run, Test};

pub const CLIENT_ID: &str = "dsr-tests";
pub const SECRET: &str = "s3cret-of-the-double-Zq7";

/// Which platform a tenant lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dir,
    Fotoweb,
    /// The `objects` platform over the sandbox's folder as a `file://` store.
    Objects,
    /// The `objects` platform over an S3 bucket on a local S3 server (moto), the sandbox's
    /// folder copied to it under [`S3_PREFIX`]. Tests check [`crate::s3server::missing`]
    /// first.
    S3,
    /// [`Kind::S3`] in a bucket that keeps every version, with object lock on (no version
    /// locked unless a test puts a legal hold on it).
    S3Versioned,
    /// The `objects` platform over an Azure Blob container on a local Azurite, the
    /// sandbox's folder copied to it under [`S3_PREFIX`]. Tests check
    /// [`crate::azurite::missing`] first.
    Azure,
}

/// Where an S3 tenant's objects live in its bucket.
pub const S3_PREFIX: &str = "export";

/// A registered, synced tenant and the sandbox it lives in.
pub struct Tenant {
    pub t: Test,
    /// The double serving the tenant folder (FotoWeb tenants only). It read the folder once
    /// at start: from then on the platform's state is the double's, not the folder's.
    pub double: Option<Double>,
    /// The S3 server holding the tenant (S3 tenants only).
    pub s3: Option<S3Server>,
    /// The Azure container holding the tenant (Azure tenants only).
    pub azure: Option<azurite::Container>,
}

impl Tenant {
    /// Registers the sandbox's tenant folder (its assets written first) as tenant `acme` on
    /// `kind`, with extra `tenant add` arguments, and syncs it. `configure` adjusts the
    /// double's options (latency, chaos).
    pub fn new(
        t: Test,
        kind: Kind,
        extra: &[&str],
        configure: impl FnOnce(&mut Options),
    ) -> Tenant {
        let mut s3 = None;
        let mut azure = None;
        let double = match kind {
            Kind::Azure => {
                let container =
                    azurite::Container::create("acme").expect("Azurite (check missing() first)");
                container.upload(&t.tenant_dir(), S3_PREFIX);
                let mut add = t
                    .dsr(["tenant", "add", "acme", "--platform", "objects", "--url"])
                    .arg(container.url(S3_PREFIX))
                    .args(["--endpoint", &container.server.endpoint])
                    .args(["--default-region", "NO"])
                    .args(extra);
                for (key, value) in azurite::ENV {
                    add = add.env(key, value);
                }
                add.run();
                azure = Some(container);
                None
            }
            Kind::S3 | Kind::S3Versioned => {
                let server = S3Server::start("acme").expect("an S3 server (check missing() first)");
                if kind == Kind::S3Versioned {
                    server.enable_versioning();
                    // No version is locked until a test puts a legal hold on one.
                    server.enable_object_lock();
                }
                server.upload(&t.tenant_dir(), S3_PREFIX);
                let mut add = t
                    .dsr(["tenant", "add", "acme", "--platform", "objects", "--url"])
                    .arg(format!("s3://acme/{S3_PREFIX}"))
                    .args(["--endpoint", &server.endpoint, "--default-region", "NO"])
                    .args(extra);
                for (key, value) in s3server::ENV {
                    add = add.env(key, value);
                }
                add.run();
                s3 = Some(server);
                None
            }
            Kind::Dir => {
                t.add_tenant("acme", &[&["--default-region", "NO"], extra].concat());
                None
            }
            Kind::Fotoweb => {
                let mut options = Options::new(t.tenant_dir(), CLIENT_ID, SECRET);
                configure(&mut options);
                let double = Double::spawn(options).expect("the double starts");
                t.dsr(["tenant", "add", "acme", "--platform", "fotoweb", "--url"])
                    .arg(double.url())
                    .args(["--client-id", CLIENT_ID, "--default-region", "NO"])
                    .args(extra)
                    .run();
                Some(double)
            }
            Kind::Objects => {
                let url = url::Url::from_directory_path(t.tenant_dir()).expect("an absolute path");
                t.dsr(["tenant", "add", "acme", "--platform", "objects", "--url"])
                    .arg(url.as_str())
                    .args(["--default-region", "NO"])
                    .args(extra)
                    .run();
                None
            }
        };
        let tenant = Tenant {
            t,
            double,
            s3,
            azure,
        };
        tenant.dsr(["sync", "-o", "json"]).run();
        tenant
    }

    /// A dsr command line for this tenant (with the double's secret in the environment).
    pub fn dsr<I, S>(&self, args: I) -> Run<'_>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut run = self.t.dsr(args).env("DSR_CLIENT_SECRET", SECRET);
        if self.s3.is_some() {
            for (key, value) in s3server::ENV {
                run = run.env(key, value);
            }
        }
        if self.azure.is_some() {
            for (key, value) in azurite::ENV {
                run = run.env(key, value);
            }
        }
        run
    }

    /// Copies an asset's sidecar, as just written in the sandbox's folder, to the bucket (S3
    /// tenants; the others read that folder already).
    pub fn copy_sidecar_to_store(&self, id: &str) {
        if let Some(s3) = &self.s3 {
            let sidecar = self.t.tenant_dir().join(format!("{id}.json"));
            s3.put(
                &format!("{S3_PREFIX}/{id}.json"),
                std::fs::read(sidecar).expect("the sidecar"),
            );
        }
        if let Some(azure) = &self.azure {
            let sidecar = self.t.tenant_dir().join(format!("{id}.json"));
            azure.put(
                &format!("{S3_PREFIX}/{id}.json"),
                std::fs::read(sidecar).expect("the sidecar"),
            );
        }
    }

    /// The bytes stored under `key` (a path in the tenant's layout, `A/x.png.json`) where
    /// the platform keeps it: the bucket, the container or the folder; `None` once gone.
    /// Not for FotoWeb tenants, whose double keeps its own state.
    pub fn stored(&self, key: &str) -> Option<Vec<u8>> {
        if let Some(s3) = &self.s3 {
            return s3.get(&format!("{S3_PREFIX}/{key}"));
        }
        if let Some(azure) = &self.azure {
            return azure.get(&format!("{S3_PREFIX}/{key}"));
        }
        match std::fs::read(self.t.tenant_dir().join(key)) {
            Ok(bytes) => Some(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => panic!("cannot read {key}: {e}"),
        }
    }

    /// The double (FotoWeb tenants only).
    pub fn double(&self) -> &Double {
        self.double.as_ref().expect("a FotoWeb tenant")
    }

    /// One asset's metadata as the platform now holds it (field → string or array);
    /// `None` once the asset is gone.
    pub fn metadata(&self, id: &str) -> Option<BTreeMap<String, Value>> {
        if let Some(double) = &self.double {
            return double.asset(id).map(|a| a.metadata);
        }
        if let Some(s3) = &self.s3 {
            let sidecar = s3.get(&format!("{S3_PREFIX}/{id}.json"))?;
            let json: Value = serde_json::from_slice(&sidecar).expect("a sidecar is JSON");
            return Some(fields_of(&json));
        }
        if let Some(azure) = &self.azure {
            let sidecar = azure.get(&format!("{S3_PREFIX}/{id}.json"))?;
            let json: Value = serde_json::from_slice(&sidecar).expect("a sidecar is JSON");
            return Some(fields_of(&json));
        }
        let sidecar = self.t.tenant_dir().join(format!("{id}.json"));
        let file = self.t.tenant_dir().join(id);
        let text = match std::fs::read_to_string(&sidecar) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                assert!(!file.exists(), "{id}: the file is left without its sidecar");
                return None;
            }
            Err(e) => panic!("cannot read {}: {e}", sidecar.display()),
        };
        let json: Value = serde_json::from_str(&text).expect("a sidecar is JSON");
        Some(fields_of(&json))
    }

    /// Every live asset with its metadata.
    pub fn everything(&self) -> BTreeMap<String, BTreeMap<String, Value>> {
        let keys = match (&self.s3, &self.azure) {
            (Some(s3), _) => Some(s3.keys(S3_PREFIX)),
            (None, Some(azure)) => Some(azure.keys(S3_PREFIX)),
            (None, None) => None,
        };
        let ids: Vec<String> = match (&self.double, keys) {
            (Some(double), _) => double.asset_ids(),
            (None, Some(keys)) => keys
                .into_iter()
                .filter_map(|key| {
                    let id = key.strip_prefix(&format!("{S3_PREFIX}/"))?;
                    id.strip_suffix(".json").map(str::to_owned)
                })
                .collect(),
            (None, None) => Test::entries(&self.t.tenant_dir())
                .into_iter()
                .filter_map(|p| {
                    let p = p.to_string_lossy().into_owned();
                    p.strip_suffix(".json").map(str::to_owned)
                })
                .collect(),
        };
        ids.into_iter()
            .filter_map(|id| self.metadata(&id).map(|m| (id, m)))
            .collect()
    }

    /// Opens a case for `right` with these identity flags and returns its id.
    pub fn open_case(&self, right: &str, identities: &[&str]) -> String {
        let out = self
            .dsr(["case", "open", "--right", right])
            .args(identities)
            .run();
        out.stdout.trim().to_owned()
    }

    /// The case folder, where plans and journals are kept.
    pub fn case_dir(&self, case: &str) -> std::path::PathBuf {
        self.t.tenant_data("acme").join("cases").join(case)
    }
}

/// A sidecar's fields: field → string or array.
fn fields_of(sidecar: &Value) -> BTreeMap<String, Value> {
    let metadata = sidecar["metadata"].as_object().expect("a metadata object");
    metadata
        .iter()
        .map(|(field, entry)| (field.clone(), entry["value"].clone()))
        .collect()
}

/// Requests that change a FotoWeb tenant: metadata PATCHes and delete requests (a POST to
/// the background-task service); a token request or a GET changes nothing.
pub fn is_mutation(r: &RequestRecord) -> bool {
    r.method == "PATCH"
        || r.method == "DELETE"
        || (r.method == "POST" && r.path.starts_with("/fotoweb/me/background-tasks"))
}

/// The identity flags of the subject every erase and rectify test is about.
pub const JANE: &[&str] = &[
    "--name",
    "Jane Doe",
    "--email",
    "jane.doe@example.com",
    "--login",
    "jdoe",
    "--phone",
    "+47 912 34 567",
];

/// True when a metadata value holds any of Jane Doe's values as written in these tests.
pub fn holds_jane(value: &Value) -> bool {
    let text = |s: &str| {
        let s = s.to_lowercase();
        s.contains("jane doe")
            || s.contains("doe, jane")
            || s.contains("jane.doe@example.com")
            || s.contains("912 34 567")
            || s.trim() == "jdoe"
    };
    match value {
        Value::String(s) => text(s),
        Value::Array(items) => items.iter().any(holds_jane),
        _ => false,
    }
}
