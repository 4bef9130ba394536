//! A client of an object store for arranging and checking a scenario: what a test writes
//! before dsr runs and reads after it, the same for the S3 and the Azure test servers.

use std::path::Path;

use futures::StreamExt as _;
use object_store::path::Path as Key;
use object_store::{ObjectStore, ObjectStoreExt as _};

pub struct StoreClient<S> {
    pub store: S,
    pub runtime: tokio::runtime::Runtime,
}

impl<S: ObjectStore> StoreClient<S> {
    /// The store `build` makes, with a runtime of its own (the library's clients are built
    /// inside one).
    pub fn new(build: impl FnOnce() -> S) -> StoreClient<S> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime");
        let store = {
            let _entered = runtime.enter();
            build()
        };
        StoreClient { store, runtime }
    }

    /// Writes `key` byte for byte, as the cloud's own tools upload it (`Key::from` would
    /// percent-encode `#`, `%` and letters beyond ASCII into the key itself).
    pub fn put(&self, key: &str, bytes: Vec<u8>) {
        self.runtime
            .block_on(
                self.store
                    .put(&Key::parse(key).expect("a key"), bytes.into()),
            )
            .expect("put");
    }

    /// Writes `key` only if its ETag is still `e_tag`.
    pub fn put_if_match(&self, key: &str, e_tag: &str) -> Result<(), object_store::Error> {
        let options = object_store::PutOptions {
            mode: object_store::PutMode::Update(object_store::UpdateVersion {
                e_tag: Some(e_tag.to_owned()),
                version: None,
            }),
            ..object_store::PutOptions::default()
        };
        self.runtime
            .block_on(self.store.put_opts(
                &Key::parse(key).expect("a key"),
                b"changed".to_vec().into(),
                options,
            ))
            .map(|_| ())
    }

    /// An object's bytes; `None` once it is gone.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        self.runtime.block_on(async {
            match self.store.get(&Key::parse(key).expect("a key")).await {
                Ok(got) => Some(got.bytes().await.expect("the body").to_vec()),
                Err(object_store::Error::NotFound { .. }) => None,
                Err(e) => panic!("get {key}: {e}"),
            }
        })
    }

    /// Every key under `prefix`, sorted.
    pub fn keys(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> = self.runtime.block_on(async {
            self.store
                .list(Some(&Key::parse(prefix).expect("a prefix")))
                .map(|m| m.expect("a listing").location.to_string())
                .collect()
                .await
        });
        keys.sort();
        keys
    }

    /// Copies every file under `folder` to `prefix/<its relative path>`.
    pub fn upload(&self, folder: &Path, prefix: &str) {
        for entry in walkdir::WalkDir::new(folder).min_depth(1) {
            let entry = entry.expect("an entry");
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry
                .path()
                .strip_prefix(folder)
                .expect("inside")
                .to_str()
                .expect("UTF-8");
            self.put(
                &format!("{prefix}/{relative}"),
                std::fs::read(entry.path()).expect("a file"),
            );
        }
    }
}
