//! What an Azure storage account keeps of a blob after it is overwritten or deleted, which
//! the `object_store` library does not reach: blob versioning keeps every earlier version,
//! soft delete keeps a deleted blob (and its versions) for days, and a snapshot someone took
//! keeps the blob as it was then. Both are settings of the
//! account (the management API's blob service properties), not of the container, so dsr
//! finds out by experiment: a probe blob written, overwritten and deleted, then listed with
//! `include=snapshots,versions,deleted`. Anything of it still listed is a copy the account
//! keeps. Snapshots are taken by hand, blob by blob: after each change the changed blobs are
//! listed the same way, and a copy left is reported as earlier versions remaining.
//!
//! dsr does not remove versions or soft-deleted blobs in Azure (that needs `versionid`
//! deletes and, for soft delete, permanent delete allowed on the account): where copies
//! are kept, erasure and rectification are refused before anything changes.
//!
//! Tested against Azurite (the emulator, `tests/main/azurite.rs`), which lists snapshots
//! and accepts `include=versions,deleted` but keeps neither versions nor soft-deleted blobs:
//! the tests see the "nothing kept" answer and every change it allows. The "copies kept"
//! answer is tested through a proxy in front of Azurite that adds an earlier version to
//! such listings, and through the listing's parsing (below, on the documented format).
//! Against a real account with versioning or soft delete on, it is untested: in particular
//! that Azure lists a soft-deleted probe with `include=deleted` when versioning is off.

use object_store::azure::{AzureAuthorizer, AzureCredentialProvider};
use object_store::client::HttpRequestBody;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::super::{PlatformError, Timeouts};
use super::versions::{blocks, element};

/// What Azure leaves unescaped in a query value: the unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Whether the account keeps copies of overwritten and deleted blobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    /// Nothing of the probe was left: an overwrite or a delete leaves no copy behind.
    Nothing,
    /// Earlier versions or soft-deleted copies of the probe were listed.
    Copies,
    /// The credentials may not write, delete or list what the probe needs.
    Unknown,
}

impl Keeping {
    pub fn as_str(self) -> &'static str {
        match self {
            Keeping::Nothing => "none kept",
            Keeping::Copies => {
                "kept (blob versioning or soft delete is on): dsr cannot remove them, so it refuses to erase or rectify"
            }
            Keeping::Unknown => "unknown (the credentials may not write, delete or list a probe)",
        }
    }
}

/// Signed requests to one container.
pub struct Container {
    /// `…/container`, as the library addresses it.
    url: url::Url,
    account: String,
    credentials: AzureCredentialProvider,
    client: reqwest::Client,
    timeouts: Timeouts,
}

impl Container {
    /// `service` is the account's blob endpoint (with the account in its path for the
    /// emulator's path-style addresses).
    pub fn new(
        service: &str,
        account: &str,
        container: &str,
        credentials: AzureCredentialProvider,
        timeouts: Timeouts,
    ) -> Result<Container, String> {
        let mut url =
            url::Url::parse(service).map_err(|e| format!("the account's address: {e}"))?;
        url.path_segments_mut()
            .map_err(|()| "the account's address cannot hold a container".to_owned())?
            .pop_if_empty()
            .push(container);
        let client = reqwest::Client::builder()
            .timeout(timeouts.per_try)
            .connect_timeout(timeouts.per_try.min(super::store::CONNECT_LIMIT))
            .user_agent(concat!("dsr/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Container {
            url,
            account: account.to_owned(),
            credentials,
            client,
            timeouts,
        })
    }

    /// Sends one signed GET to the container with `query` (escaped).
    async fn get(&self, query: &str) -> Result<(u16, String), PlatformError> {
        let mut url = self.url.clone();
        url.set_query(Some(query));
        let failed = |message: String| PlatformError::Store {
            url: format!("azure container at {}", self.url),
            message,
        };
        let credential = self
            .credentials
            .get_credential()
            .await
            .map_err(|e| failed(format!("no credentials: {e}")))?;
        let mut request = http::Request::builder()
            .method(http::Method::GET)
            .uri(url.as_str())
            .body(HttpRequestBody::empty())
            .map_err(|e| failed(e.to_string()))?;
        AzureAuthorizer::new(&credential, &self.account)
            .try_authorize(&mut request)
            .map_err(|e| failed(format!("cannot sign a request: {e}")))?;
        // A SAS token is added to the query by the signer.
        let url = request.uri().to_string();
        let mut outgoing = self.client.get(&url);
        for (name, value) in request.headers() {
            outgoing = outgoing.header(name, value);
        }
        let answered = |e: reqwest::Error| {
            if e.is_timeout() {
                failed(super::no_answer(self.timeouts))
            } else {
                failed(e.without_url().to_string())
            }
        };
        let response = outgoing.send().await.map_err(answered)?;
        let status = response.status().as_u16();
        let body = response.text().await.map_err(answered)?;
        Ok((status, body))
    }

    /// How many copies of exactly `key` other than the blob itself the container lists —
    /// snapshots, earlier versions, soft-deleted blobs; `None` when the credentials may not
    /// list them.
    pub async fn copies(&self, key: &str) -> Result<Option<usize>, PlatformError> {
        let query = format!(
            "restype=container&comp=list&prefix={}&include=snapshots,versions,deleted",
            utf8_percent_encode(key, UNRESERVED)
        );
        let (status, body) = self.get(&query).await?;
        match status {
            200 => Ok(Some(listed(&body, key))),
            401 | 403 => Ok(None),
            _ => Err(PlatformError::Status {
                method: "GET ?comp=list&include=snapshots,versions,deleted".to_owned(),
                path: self.url.path().to_owned(),
                status,
                detail: element(&body, "Code"),
            }),
        }
    }
}

/// The copies of exactly `key` in a listing (another key may begin with it) other than the
/// blob itself: a snapshot, a soft-deleted blob, or a version that is not the current one.
fn listed(xml: &str, key: &str) -> usize {
    blocks(xml, "Blob")
        .filter(|blob| element(blob, "Name").as_deref() == Some(key))
        .filter(|blob| {
            let current = element(blob, "Snapshot").is_none()
                && element(blob, "Deleted").as_deref() != Some("true")
                && (element(blob, "VersionId").is_none()
                    || element(blob, "IsCurrentVersion").as_deref() == Some("true"));
            !current
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_and_deleted_copies_of_the_key_itself_are_counted() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="https://a.blob.core.windows.net/" ContainerName="c"><Prefix>p/.dsr-check</Prefix><Blobs><Blob><Name>p/.dsr-check</Name><VersionId>2026-12-06T21:00:00.0000000Z</VersionId><Properties /></Blob><Blob><Name>p/.dsr-check</Name><Deleted>true</Deleted><VersionId>2026-12-06T21:00:01.0000000Z</VersionId><Properties /></Blob><Blob><Name>p/.dsr-check-other</Name><Properties /></Blob></Blobs><NextMarker /></EnumerationResults>"#;
        assert_eq!(listed(xml, "p/.dsr-check"), 2);
        assert_eq!(listed(xml, "p/.dsr-check-none"), 0);
        let current = r#"<EnumerationResults><Blobs><Blob><Name>A/x.json</Name><Properties /></Blob><Blob><Name>A/y.json</Name><VersionId>v2</VersionId><IsCurrentVersion>true</IsCurrentVersion><Properties /></Blob><Blob><Name>A/y.json</Name><VersionId>v1</VersionId><Properties /></Blob><Blob><Name>A/z.json</Name><Snapshot>2026-12-06T21:00:00.0000000Z</Snapshot><Properties /></Blob><Blob><Name>A/z.json</Name><Properties /></Blob></Blobs></EnumerationResults>"#;
        assert_eq!(listed(current, "A/x.json"), 0, "the blob itself");
        assert_eq!(listed(current, "A/y.json"), 1, "an earlier version");
        assert_eq!(listed(current, "A/z.json"), 1, "a snapshot");
        let empty = r#"<EnumerationResults><Blobs /><NextMarker /></EnumerationResults>"#;
        assert_eq!(listed(empty, "p/.dsr-check"), 0);
    }
}
