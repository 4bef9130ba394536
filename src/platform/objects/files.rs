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
                Err(e) => Err(self.error(&label)(e)),
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
                .map_err(self.error(&label))?;
            let mut chunks = got.into_stream();
            let mut written = 0;
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk.map_err(self.error(&label))?;
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
    /// an error: the read finds nothing, which is what erasure needs.
    pub fn delete_file(&self, key: &str) -> Result<(), PlatformError> {
        let path = self.file_path(key)?;
        let label = key_label(key);
        self.ready_for_changes()?;
        self.runtime.block_on(async {
            if let Some(bucket) = &self.store.bucket
                && bucket.versioning().await? != versions::Versioning::Off
            {
                let remain = |_| PlatformError::VersionsRemain { id: label.clone() };
                let all = bucket.versions(path.as_ref()).await.map_err(remain)?;
                // Earlier versions first: until the current one goes, the file is there,
                // so a run that stops half-way deletes it again rather than missing it.
                let (earlier, latest): (Vec<_>, Vec<_>) = all.into_iter().partition(|v| !v.latest);
                for version in earlier.iter().chain(&latest) {
                    bucket
                        .delete_version(path.as_ref(), &version.id)
                        .await
                        .map_err(|e| match e {
                            PlatformError::Forbidden(_) => {
                                PlatformError::VersionsRemain { id: label.clone() }
                            }
                            other => other,
                        })?;
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
                match self.store.inner.delete(&path).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(self.error(&label)(e)),
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
                Err(e) => return Err(self.error(&label)(e)),
            }
            if let Some(container) = &self.store.container {
                self.nothing_kept(container, &label, &[&path]).await?;
            }
            Ok(())
        })
    }
}
