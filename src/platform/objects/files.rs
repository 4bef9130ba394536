//! Single files of a store named by their key, for the files behind a database's rows
//! (`[tables.NAME.files]` of a dataset): their size, their bytes, and their deletion,
//! seen gone by a read that finds nothing, with every earlier version on a versioned
//! bucket. Errors name a file by a hash of its key, which may hold a person's name.

use futures::StreamExt as _;
use object_store::ObjectStoreExt as _;
use object_store::path::Path as Key;
use sha2::{Digest as _, Sha256};

use super::super::{Platform as _, PlatformError};
use super::{ObjectsPlatform, versions};

/// How a file is named in messages and receipts: `file ` and the first 16 hex digits of
/// the SHA-256 of its key.
pub fn key_label(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    format!("file {}", &crate::encode::hex(&digest)[..16])
}

impl ObjectsPlatform {
    /// The platform's error for a failed request about the file at `path`, with the key
    /// replaced by its label wherever the library's message quotes it.
    fn file_error<'a>(
        &'a self,
        path: &'a Key,
        label: &'a str,
    ) -> impl Fn(object_store::Error) -> PlatformError + 'a {
        move |e| {
            let hide = |text: String| {
                let encoded = percent_encoding::utf8_percent_encode(
                    path.as_ref(),
                    percent_encoding::NON_ALPHANUMERIC,
                )
                .to_string();
                text.replace(path.as_ref(), label).replace(&encoded, label)
            };
            match self.error(label)(e) {
                PlatformError::Store { url, message } => PlatformError::Store {
                    url,
                    message: hide(message),
                },
                PlatformError::Forbidden(message) => PlatformError::Forbidden(hide(message)),
                PlatformError::Auth(message) => PlatformError::Auth(hide(message)),
                other => other,
            }
        }
    }

    /// The full key of a file below the store's prefix; a key that is not clean and
    /// relative names nothing.
    fn file_path(&self, key: &str) -> Result<Key, PlatformError> {
        let not_found = || PlatformError::NotFound { id: key_label(key) };
        if key
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        {
            return Err(not_found());
        }
        let relative = Key::parse(key).map_err(|_| not_found())?;
        Ok(self.store.prefix.parts().chain(relative.parts()).collect())
    }

    /// The size of the file at `key`, or `None` when there is none.
    pub fn file_size(&self, key: &str) -> Result<Option<u64>, PlatformError> {
        let path = self.file_path(key)?;
        let label = key_label(key);
        self.limited(async {
            match self.store.inner.head(&path).await {
                Ok(meta) => Ok(Some(meta.size)),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(self.file_error(&path, &label)(e)),
            }
        })
    }

    /// Streams the file at `key` to `to`, a chunk at a time; returns the number of bytes.
    pub fn read_file(&self, key: &str, to: &mut dyn std::io::Write) -> Result<u64, PlatformError> {
        let path = self.file_path(key)?;
        let label = key_label(key);
        self.runtime.block_on(async {
            let got = self
                .store
                .inner
                .get(&path)
                .await
                .map_err(self.file_error(&path, &label))?;
            let mut chunks = got.into_stream();
            let mut written = 0;
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk.map_err(self.file_error(&path, &label))?;
                to.write_all(&chunk).map_err(|source| PlatformError::Io {
                    path: std::path::PathBuf::from(&label),
                    source,
                })?;
                written += chunk.len() as u64;
            }
            Ok(written)
        })
    }

    /// Deletes the file at `key` and sees it gone: a read must find nothing, and on a
    /// versioned bucket no version or delete marker of it may be listed
    /// (`VersionsRemain` otherwise, never taken for deleted). A file already gone is not
    /// an error: the read finds nothing, which is what erasure needs. Says too how many
    /// versions were removed, which a receipt records however the deletion ended.
    pub fn delete_file(&self, key: &str) -> FileDeletion {
        let removed = std::sync::atomic::AtomicU64::new(0);
        let result = self.delete_file_counting(key, &removed);
        FileDeletion {
            versions_removed: removed.into_inner(),
            result,
        }
    }

    fn delete_file_counting(
        &self,
        key: &str,
        removed: &std::sync::atomic::AtomicU64,
    ) -> Result<(), PlatformError> {
        use std::sync::atomic::Ordering;
        let path = self.file_path(key)?;
        let label = key_label(key);
        self.ready_for_changes()?;
        self.runtime.block_on(async {
            if let Some(bucket) = &self.store.bucket
                && bucket.versioning().await? != versions::Versioning::Off
            {
                // A plain delete first: its delete marker hides the file, so that an earlier
                // version refused below stays hidden and is told as what it is
                // ("versions-remain"); deleting the current version by its id would bring
                // the earlier one back into view instead. The marker goes last. The row
                // stays until every version is gone, so a run that stops half-way is erased
                // again, never taken for done.
                match self.store.inner.delete(&path).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(self.file_error(&path, &label)(e)),
                }
                let remain = |_| PlatformError::VersionsRemain { id: label.clone() };
                let all = bucket.versions(path.as_ref()).await.map_err(remain)?;
                let (latest, earlier): (Vec<_>, Vec<_>) = all.into_iter().partition(|v| v.latest);
                for version in earlier.iter().chain(&latest) {
                    if let Err(e) = bucket.delete_version(path.as_ref(), &version.id).await {
                        // Refused while the file itself is still there: not deleted at all,
                        // which is more than "earlier versions remain".
                        let still_there = self.store.inner.head(&path).await.is_ok();
                        return Err(match e {
                            PlatformError::Forbidden(_) if still_there => PlatformError::Forbidden(
                                format!("the store refused to delete {label}"),
                            ),
                            PlatformError::Forbidden(_) => {
                                PlatformError::VersionsRemain { id: label.clone() }
                            }
                            other => other,
                        });
                    }
                    if !version.marker {
                        removed.fetch_add(1, Ordering::Relaxed);
                    }
                }
                if !bucket
                    .versions(path.as_ref())
                    .await
                    .map_err(remain)?
                    .is_empty()
                {
                    return Err(PlatformError::VersionsRemain { id: label.clone() });
                }
            } else {
                // Some stores answer a delete of nothing as done: a file that was there is
                // told from one already gone by a read first.
                let there = match self.store.inner.head(&path).await {
                    Ok(_) => true,
                    Err(object_store::Error::NotFound { .. }) => false,
                    Err(e) => return Err(self.file_error(&path, &label)(e)),
                };
                match self.store.inner.delete(&path).await {
                    Ok(()) if there => {
                        removed.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(self.file_error(&path, &label)(e)),
                }
            }
            // Seen gone, not assumed.
            match self.store.inner.head(&path).await {
                Err(object_store::Error::NotFound { .. }) => {}
                Ok(_) => {
                    return Err(PlatformError::Rejected(format!(
                        "{label} is still in the store after its deletion"
                    )));
                }
                Err(e) => return Err(self.file_error(&path, &label)(e)),
            }
            if let Some(container) = &self.store.container {
                self.nothing_kept(container, &label, &[&path]).await?;
            }
            Ok(())
        })
    }
}

/// How the deletion of one file ended.
#[derive(Debug)]
pub struct FileDeletion {
    /// Versions of the file removed (delete markers not counted), also when the deletion
    /// did not finish.
    pub versions_removed: u64,
    /// `Ok` once a read finds nothing of the file.
    pub result: Result<(), PlatformError>,
}
