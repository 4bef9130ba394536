//! The versions of an S3 object, which the `object_store` library does not reach: whether
//! the bucket keeps them (`GET ?versioning`), which it holds for one key (`GET ?versions`)
//! and removing one (`DELETE ?versionId=`). Requests are signed with the library's own
//! SigV4 signer and credentials, so they go where its requests go, as the same client.

use object_store::aws::{AwsAuthorizer, AwsCredentialProvider};
use object_store::client::HttpRequestBody;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::super::{PlatformError, Timeouts};

/// What S3 leaves unescaped in a path segment or query value: the unreserved characters.
const S3_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Whether a bucket keeps earlier versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versioning {
    /// Never turned on: a deleted object is gone.
    Off,
    Enabled,
    /// Turned off after being on: versions written before remain.
    Suspended,
    /// The credentials may not ask.
    Unknown,
}

impl Versioning {
    pub fn as_str(self) -> &'static str {
        match self {
            Versioning::Off => "off",
            Versioning::Enabled => "enabled",
            Versioning::Suspended => "suspended",
            Versioning::Unknown => "unknown (the credentials may not read it)",
        }
    }
}

/// One version (or delete marker) of a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub id: String,
    pub latest: bool,
    /// A delete marker, which holds no data.
    pub marker: bool,
}

/// Signed requests to one bucket.
pub struct Bucket {
    /// `…/bucket/`, path-style.
    url: url::Url,
    region: String,
    credentials: AwsCredentialProvider,
    client: reqwest::Client,
    timeouts: Timeouts,
}

impl Bucket {
    pub fn new(
        endpoint: Option<&str>,
        bucket: &str,
        region: &str,
        credentials: AwsCredentialProvider,
        timeouts: Timeouts,
    ) -> Result<Bucket, String> {
        let base = match endpoint {
            Some(endpoint) => endpoint.trim_end_matches('/').to_owned(),
            None => format!("https://s3.{region}.amazonaws.com"),
        };
        let url = url::Url::parse(&format!(
            "{base}/{}/",
            utf8_percent_encode(bucket, S3_UNRESERVED)
        ))
        .map_err(|e| format!("the bucket's address: {e}"))?;
        let client = reqwest::Client::builder()
            .timeout(timeouts.per_try)
            .connect_timeout(timeouts.per_try.min(super::store::CONNECT_LIMIT))
            .user_agent(concat!("dsr/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Bucket {
            url,
            region: region.to_owned(),
            credentials,
            client,
            timeouts,
        })
    }

    /// Sends one signed request; `path` is an escaped key (or empty), `query` escaped.
    async fn send(
        &self,
        method: http::Method,
        path: &str,
        query: &str,
    ) -> Result<(u16, String), PlatformError> {
        let mut url = self.url.clone();
        url.set_path(&format!("{}{path}", self.url.path()));
        url.set_query(Some(query));
        let failed = |message: String| PlatformError::Store {
            url: format!("s3 bucket at {}", self.url),
            message,
        };
        let credential = self
            .credentials
            .get_credential()
            .await
            .map_err(|e| failed(format!("no credentials: {e}")))?;
        let mut request = http::Request::builder()
            .method(method.clone())
            .uri(url.as_str())
            .body(HttpRequestBody::empty())
            .map_err(|e| failed(e.to_string()))?;
        AwsAuthorizer::new(&credential, "s3", &self.region)
            .try_authorize(&mut request, None)
            .map_err(|e| failed(format!("cannot sign a request: {e}")))?;
        let mut outgoing = self.client.request(method, url.as_str());
        for (name, value) in request.headers() {
            outgoing = outgoing.header(name, value);
        }
        let answered = |e: reqwest::Error| {
            if e.is_timeout() {
                failed(super::no_answer(self.timeouts))
            } else {
                failed(e.to_string())
            }
        };
        let response = outgoing.send().await.map_err(answered)?;
        let status = response.status().as_u16();
        let body = response.text().await.map_err(answered)?;
        Ok((status, body))
    }

    /// Whether the bucket keeps versions.
    pub async fn versioning(&self) -> Result<Versioning, PlatformError> {
        let (status, body) = self.send(http::Method::GET, "", "versioning=").await?;
        match status {
            200 => Ok(match element(&body, "Status").as_deref() {
                Some("Enabled") => Versioning::Enabled,
                Some("Suspended") => Versioning::Suspended,
                _ => Versioning::Off,
            }),
            401 | 403 => Ok(Versioning::Unknown),
            _ => Err(self.status("GET ?versioning", status, &body)),
        }
    }

    /// Every version and delete marker of exactly `key`, page after page.
    pub async fn versions(&self, key: &str) -> Result<Vec<Version>, PlatformError> {
        let mut found = Vec::new();
        let mut marker: Option<(String, String)> = None;
        loop {
            let mut query = String::new();
            if let Some((key_marker, version_marker)) = &marker {
                query.push_str(&format!(
                    "key-marker={}&",
                    utf8_percent_encode(key_marker, S3_UNRESERVED)
                ));
                query.push_str(&format!(
                    "prefix={}&version-id-marker={}&versions=",
                    utf8_percent_encode(key, S3_UNRESERVED),
                    utf8_percent_encode(version_marker, S3_UNRESERVED)
                ));
            } else {
                query.push_str(&format!(
                    "prefix={}&versions=",
                    utf8_percent_encode(key, S3_UNRESERVED)
                ));
            }
            let (status, body) = self.send(http::Method::GET, "", &query).await?;
            if status != 200 {
                return Err(self.status("GET ?versions", status, &body));
            }
            let versions = blocks(&body, "Version").map(|b| (b, false));
            let markers = blocks(&body, "DeleteMarker").map(|b| (b, true));
            for (block, marker) in versions.chain(markers) {
                if element(block, "Key").as_deref() != Some(key) {
                    continue; // another key that begins with this one
                }
                if let Some(id) = element(block, "VersionId") {
                    found.push(Version {
                        id,
                        latest: element(block, "IsLatest").as_deref() == Some("true"),
                        marker,
                    });
                }
            }
            let truncated = element(&body, "IsTruncated").as_deref() == Some("true");
            match (
                truncated,
                element(&body, "NextKeyMarker"),
                element(&body, "NextVersionIdMarker"),
            ) {
                (true, Some(k), Some(v)) if k.as_str() <= key => marker = Some((k, v)),
                _ => return Ok(found),
            }
        }
    }

    /// Removes one version for good.
    pub async fn delete_version(&self, key: &str, version: &str) -> Result<(), PlatformError> {
        let path: Vec<String> = key
            .split('/')
            .map(|part| utf8_percent_encode(part, S3_UNRESERVED).to_string())
            .collect();
        let query = format!("versionId={}", utf8_percent_encode(version, S3_UNRESERVED));
        let (status, body) = self
            .send(http::Method::DELETE, &path.join("/"), &query)
            .await?;
        match status {
            200 | 204 | 404 => Ok(()),
            _ => Err(self.status("DELETE ?versionId", status, &body)),
        }
    }

    fn status(&self, what: &str, status: u16, body: &str) -> PlatformError {
        match status {
            401 | 403 => PlatformError::Forbidden(format!(
                "the bucket refused {what} ({}): the credentials need s3:ListBucketVersions and s3:DeleteObjectVersion to remove earlier versions",
                element(body, "Code").unwrap_or_default()
            )),
            _ => PlatformError::Status {
                method: what.to_owned(),
                path: self.url.path().to_owned(),
                status,
                detail: element(body, "Code"),
            },
        }
    }
}

/// The text of the first `<name>` element, unescaped.
pub(super) fn element(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find(&format!("</{name}>"))?;
    Some(unescape(&xml[start..end]))
}

/// The contents of each `<name>…</name>` block.
pub(super) fn blocks<'a>(xml: &'a str, name: &str) -> impl Iterator<Item = &'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let mut rest = xml;
    std::iter::from_fn(move || {
        let start = rest.find(&open)? + open.len();
        let end = start + rest[start..].find(&close)?;
        let block = &rest[start..end];
        rest = &rest[end + close.len()..];
        Some(block)
    })
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_of_the_key_itself_are_read_from_a_listing() {
        let xml = r#"<ListVersionsResult><IsTruncated>false</IsTruncated><Version><Key>A/x.png</Key><VersionId>v2</VersionId><IsLatest>true</IsLatest></Version><Version><Key>A/x.png.json</Key><VersionId>s1</VersionId><IsLatest>true</IsLatest></Version><DeleteMarker><Key>A/x.png</Key><VersionId>m1</VersionId><IsLatest>false</IsLatest></DeleteMarker><Version><Key>A/a&amp;b.png</Key><VersionId>q</VersionId></Version></ListVersionsResult>"#;
        let keys: Vec<(Option<String>, Option<String>)> = blocks(xml, "Version")
            .chain(blocks(xml, "DeleteMarker"))
            .map(|b| (element(b, "Key"), element(b, "VersionId")))
            .collect();
        assert_eq!(keys.len(), 4);
        assert_eq!(keys[2], (Some("A/a&b.png".into()), Some("q".into())));
        assert_eq!(keys[3], (Some("A/x.png".into()), Some("m1".into())));
    }
}
