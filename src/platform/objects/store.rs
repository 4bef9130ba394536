//! Opens the object store a tenant's URL names: a local folder (`file://`), an S3 bucket
//! (`s3://`, AWS or any S3-compatible provider through an endpoint) or an Azure Blob
//! container (`az://`). Credentials are read the way each cloud's own tools read them, from
//! the environment (and for S3 the shared credentials file); never from the profile.

use std::path::PathBuf;
use std::sync::Arc;

use object_store::ObjectStore;
use object_store::azure::AzureConfigKey;
use object_store::path::Path as Key;

use super::super::{PlatformError, Timeouts};

/// Which kind of store a tenant lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    Local,
    S3,
    Azure,
}

/// An opened store and the prefix the tenant lives under.
pub struct Store {
    pub inner: Arc<dyn ObjectStore>,
    pub prefix: Key,
    pub kind: StoreKind,
    /// The tenant folder of a `file://` store.
    pub folder: Option<PathBuf>,
    /// Signed requests the library has no call for (S3: versions).
    pub bucket: Option<super::versions::Bucket>,
    /// Signed requests the library has no call for (Azure: what the account keeps).
    pub container: Option<super::blobs::Container>,
}

fn unsupported(problem: String) -> PlatformError {
    PlatformError::Store {
        url: String::new(),
        message: problem,
    }
}

/// Opens the store at `url`; `endpoint` points an S3 or Azure client at another server
/// than the cloud's own (an S3-compatible provider, an emulator). Both must be HTTPS
/// except on loopback.
pub fn open(url: &str, endpoint: Option<&str>, timeouts: Timeouts) -> Result<Store, PlatformError> {
    let parsed = url::Url::parse(url).map_err(|_| {
        unsupported(format!(
            "'{url}' is not a store URL: give file:///path, s3://bucket/prefix or az://container/prefix"
        ))
    })?;
    let prefix = |parsed: &url::Url| {
        let path = percent_encoding::percent_decode_str(parsed.path().trim_matches('/'))
            .decode_utf8_lossy()
            .into_owned();
        Key::parse(&path)
            .map_err(|e| unsupported(format!("the prefix of {url} cannot be used: {e}")))
    };
    match parsed.scheme() {
        "file" => {
            let folder = parsed
                .to_file_path()
                .map_err(|()| unsupported(format!("{url} names no local folder")))?;
            let meta = std::fs::metadata(&folder).map_err(|source| PlatformError::Unreachable {
                path: folder.clone(),
                source,
            })?;
            if !meta.is_dir() {
                return Err(PlatformError::Unreachable {
                    path: folder,
                    source: std::io::Error::other("not a directory"),
                });
            }
            let local = object_store::local::LocalFileSystem::new_with_prefix(&folder)
                .map_err(|e| unsupported(format!("cannot open {url}: {e}")))?;
            Ok(Store {
                inner: Arc::new(local),
                prefix: Key::default(),
                kind: StoreKind::Local,
                folder: Some(folder),
                bucket: None,
                container: None,
            })
        }
        "s3" => {
            let bucket = parsed
                .host_str()
                .filter(|b| !b.is_empty())
                .ok_or_else(|| unsupported(format!("{url} names no bucket")))?;
            let mut builder = object_store::aws::AmazonS3Builder::from_env()
                .with_bucket_name(bucket)
                .with_client_options(client_options(timeouts))
                .with_retry(retry(timeouts));
            if std::env::var_os("AWS_ACCESS_KEY_ID").is_none()
                && let Some(shared) = super::credentials::shared()?
            {
                builder = builder
                    .with_access_key_id(shared.access_key_id)
                    .with_secret_access_key(shared.secret_access_key);
                if let Some(token) = shared.session_token {
                    builder = builder.with_token(token);
                }
                if std::env::var_os("AWS_REGION").is_none()
                    && std::env::var_os("AWS_DEFAULT_REGION").is_none()
                    && let Some(region) = shared.region
                {
                    builder = builder.with_region(region);
                }
            }
            let endpoint = endpoint.map(str::to_owned).or_else(|| {
                ["AWS_ENDPOINT_URL", "AWS_ENDPOINT"]
                    .iter()
                    .find_map(|v| std::env::var(v).ok())
            });
            let mut loopback = false;
            if let Some(endpoint) = &endpoint {
                loopback = check_endpoint(endpoint)?;
                builder = builder.with_endpoint(endpoint.clone());
            }
            let region = builder
                .get_config_value(&object_store::aws::AmazonS3ConfigKey::Region)
                .unwrap_or_else(|| "us-east-1".to_owned());
            // Plain HTTP only to loopback, whatever AWS_ALLOW_HTTP says.
            let store = builder
                .with_allow_http(loopback)
                .build()
                .map_err(|e| unsupported(format!("cannot open {url}: {e}")))?;
            let versions = super::versions::Bucket::new(
                endpoint.as_deref(),
                bucket,
                &region,
                store.credentials().clone(),
                timeouts,
            )
            .map_err(|e| unsupported(format!("cannot open {url}: {e}")))?;
            Ok(Store {
                inner: Arc::new(store),
                prefix: prefix(&parsed)?,
                kind: StoreKind::S3,
                folder: None,
                bucket: Some(versions),
                container: None,
            })
        }
        "az" | "azure" => {
            let container = parsed
                .host_str()
                .filter(|c| !c.is_empty())
                .ok_or_else(|| unsupported(format!("{url} names no container")))?;
            let mut builder = object_store::azure::MicrosoftAzureBuilder::from_env()
                .with_container_name(container)
                .with_client_options(client_options(timeouts))
                .with_retry(retry(timeouts));
            let emulator = builder
                .get_config_value(&AzureConfigKey::UseEmulator)
                .is_some_and(|v| {
                    // As the library reads it.
                    matches!(
                        v.to_ascii_lowercase().as_str(),
                        "1" | "true" | "on" | "yes" | "y"
                    )
                });
            let account = builder
                .get_config_value(&AzureConfigKey::AccountName)
                .or_else(|| emulator.then(|| EMULATOR_ACCOUNT.to_owned()))
                .ok_or_else(|| {
                    unsupported(format!(
                        "{url} needs the storage account's name: set AZURE_STORAGE_ACCOUNT_NAME (and its key in AZURE_STORAGE_ACCOUNT_KEY, or another Azure credential)"
                    ))
                })?;
            let mut loopback = false;
            let service = if emulator {
                // The emulator is reached over plain HTTP, which the library allows
                // wherever AZURITE_BLOB_STORAGE_URL points: only loopback is accepted.
                let emulator_url = std::env::var("AZURITE_BLOB_STORAGE_URL")
                    .unwrap_or_else(|_| "http://127.0.0.1:10000".to_owned());
                check_endpoint(&emulator_url)?;
                format!("{}/{account}", emulator_url.trim_end_matches('/'))
            } else {
                let endpoint = endpoint
                    .map(str::to_owned)
                    .or_else(|| builder.get_config_value(&AzureConfigKey::Endpoint));
                match endpoint {
                    Some(endpoint) => {
                        loopback = check_endpoint(&endpoint)?;
                        builder = builder.with_endpoint(endpoint.clone());
                        endpoint
                    }
                    None => format!("https://{account}.blob.core.windows.net"),
                }
            };
            let store = builder
                .with_allow_http(loopback)
                .build()
                .map_err(|e| unsupported(format!("cannot open {url}: {e}")))?;
            let keeping = super::blobs::Container::new(
                &service,
                &account,
                container,
                store.credentials().clone(),
                timeouts,
            )
            .map_err(|e| unsupported(format!("cannot open {url}: {e}")))?;
            Ok(Store {
                inner: Arc::new(store),
                prefix: prefix(&parsed)?,
                kind: StoreKind::Azure,
                folder: None,
                bucket: None,
                container: Some(keeping),
            })
        }
        other => Err(unsupported(format!(
            "'{other}://' is not a store dsr can open: use file://, s3:// or az://"
        ))),
    }
}

/// The account Azurite and the older Azure Storage Emulator serve, as the library names it
/// when only `AZURE_STORAGE_USE_EMULATOR` is set.
const EMULATOR_ACCOUNT: &str = "devstoreaccount1";

/// Checks that an endpoint is HTTPS, or HTTP on loopback; says whether it is on loopback.
pub fn check_endpoint(endpoint: &str) -> Result<bool, PlatformError> {
    crate::platform::http::check_url(endpoint)
        .map_err(|problem| unsupported(format!("the endpoint {endpoint}: {problem}")))?;
    Ok(endpoint.starts_with("http://"))
}

/// A few quick tries, none after the request's time in all (`--timeout`): the library's
/// default waits minutes for a server that is down.
fn retry(timeouts: Timeouts) -> object_store::RetryConfig {
    object_store::RetryConfig {
        max_retries: 3,
        retry_timeout: timeouts.total,
        ..object_store::RetryConfig::default()
    }
}

/// Each try waits for an answer as long as a FotoWeb request's try does.
fn client_options(timeouts: Timeouts) -> object_store::ClientOptions {
    object_store::ClientOptions::new()
        .with_timeout(timeouts.per_try)
        .with_connect_timeout(timeouts.per_try.min(CONNECT_LIMIT))
}

/// The longest wait for a connection, within a try's time limit.
pub const CONNECT_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);
