//! The handle a test holds: it starts the server on its own runtime and thread, shows what
//! the server saw and holds, changes the tenant as "another user" would, and stops the
//! server when dropped.

use std::collections::BTreeMap;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use anyhow::Context;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::options::Options;
use crate::server;
use crate::shared::{Shared, lock};
use crate::state::FieldValue;

/// One request as the double received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub method: String,
    /// Path and query exactly as received.
    pub path: String,
    /// The status sent; 0 when chaos dropped the connection unanswered.
    pub status: u16,
    /// When the request arrived, before any latency was added.
    pub received: Instant,
    /// When the answer was ready to send (or the connection was dropped).
    pub answered: Instant,
}

/// A live asset as the double holds it now.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetState {
    /// `<archive folder name>/<path in the archive>`, e.g. `Staff/board-meeting-020.png`.
    pub id: String,
    pub archive: String,
    pub filename: String,
    /// RFC 3339, as the API shows it.
    pub modified: String,
    /// Field id → a string or an array of strings.
    pub metadata: BTreeMap<String, serde_json::Value>,
    pub bytes_len: u64,
}

/// A running double. Dropping it stops the server and closes its connections.
pub struct Double {
    url: String,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Double {
    /// Loads the tenant and serves it on `127.0.0.1` at a free port, from a runtime on a
    /// thread of its own, so plain synchronous tests can use it.
    pub fn spawn(options: Options) -> anyhow::Result<Double> {
        let shared = Arc::new(Shared::load(options)?);
        let (url, shutdown, thread) =
            Double::start(&shared, SocketAddr::from(([127, 0, 0, 1], 0)))?;
        Ok(Double {
            url,
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// Stops serving, as a server that went down: the listener and every connection are
    /// closed, and a client trying to connect is refused. What the double holds is kept.
    pub fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// Serves again, at the same address, what the double held when it was stopped.
    pub fn restart(&mut self) -> anyhow::Result<()> {
        self.stop();
        let addr: SocketAddr = self
            .url
            .trim_start_matches("http://")
            .parse()
            .context("the double's own address")?;
        let (_, shutdown, thread) = Double::start(&self.shared, addr)?;
        self.shutdown = Some(shutdown);
        self.thread = Some(thread);
        Ok(())
    }

    /// Serves `shared` at `addr` (port 0: a free one) from a runtime on a thread of its own.
    fn start(
        shared: &Arc<Shared>,
        addr: SocketAddr,
    ) -> anyhow::Result<(String, oneshot::Sender<()>, JoinHandle<()>)> {
        let std_listener = StdListener::bind(addr).context("cannot bind")?;
        std_listener.set_nonblocking(true)?;
        let url = format!("http://{}", std_listener.local_addr()?);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("fotoweb-double")
            .enable_all()
            .build()
            .context("cannot start the double's runtime")?;
        let listener = {
            let _entered = runtime.enter();
            TcpListener::from_std(std_listener)?
        };
        let (shutdown, stopped) = oneshot::channel::<()>();
        let server_shared = Arc::clone(shared);
        let thread = std::thread::Builder::new()
            .name("fotoweb-double".to_owned())
            .spawn(move || {
                let stop = async {
                    let _ = stopped.await;
                };
                if let Err(e) = runtime.block_on(server::run(server_shared, listener, stop)) {
                    eprintln!("fotoweb-double: {e:#}");
                }
            })
            .context("cannot start the double's thread")?;
        Ok((url, shutdown, thread))
    }

    /// Loads the tenant and serves it on `listener` until the process ends.
    pub async fn serve(options: Options, listener: TcpListener) -> anyhow::Result<()> {
        Double::serve_with_ready(options, listener, |_| ()).await
    }

    /// Like [`Double::serve`], calling `ready` with the address once the tenant is loaded
    /// and before the first connection is accepted; the binary announces itself there.
    pub async fn serve_with_ready(
        options: Options,
        listener: TcpListener,
        ready: impl FnOnce(SocketAddr),
    ) -> anyhow::Result<()> {
        let shared = Arc::new(Shared::load(options)?);
        ready(listener.local_addr()?);
        server::run(shared, listener, std::future::pending()).await
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// Every request served so far, in the order answered (dropped ones with status 0).
    pub fn requests(&self) -> Vec<RequestRecord> {
        lock(&self.shared.log).clone()
    }

    /// The asset links of every delete task created so far, one list per task, in the
    /// order they were created (lost answers included).
    pub fn delete_requests(&self) -> Vec<Vec<String>> {
        lock(&self.shared.tasks).delete_requests()
    }

    pub fn clear_requests(&self) {
        lock(&self.shared.log).clear();
    }

    /// A live asset by id; `None` once deleted.
    pub fn asset(&self, id: &str) -> Option<AssetState> {
        let store = lock(&self.shared.store);
        let asset = store.asset(id)?;
        Some(AssetState {
            id: asset.id.clone(),
            archive: store.archives[asset.archive].name.clone(),
            filename: asset.filename.clone(),
            modified: asset.modified_text.clone(),
            metadata: asset
                .metadata
                .iter()
                .map(|(k, v)| (k.clone(), v.to_json()))
                .collect(),
            bytes_len: asset.bytes_len,
        })
    }

    /// The ids of the live assets, sorted.
    pub fn asset_ids(&self) -> Vec<String> {
        lock(&self.shared.store).ids()
    }

    /// The ids removed so far, through the API or [`Double::remove_asset`], in that order.
    pub fn deleted_ids(&self) -> Vec<String> {
        lock(&self.shared.store).deleted().to_vec()
    }

    /// Changes one field as another user would, bumping the asset's `modified`. A string or
    /// an array sets the field; `null`, `""` or `[]` clears it.
    ///
    /// # Panics
    /// When no live asset has this id: the test is wrong, and saying so beats a silent no-op.
    pub fn set_field(&self, id: &str, field: &str, value: serde_json::Value) {
        let value = FieldValue::from_stored(&value)
            .filter(|v| !v.items().is_empty())
            .filter(|v| v.items() != [String::new()]);
        let changed = lock(&self.shared.store)
            .update(id, vec![(field.to_owned(), value)])
            .is_some();
        assert!(changed, "fotoweb-double: no live asset {id:?}");
    }

    /// Deletes an asset as another user would.
    ///
    /// # Panics
    /// When no live asset has this id.
    pub fn remove_asset(&self, id: &str) {
        let removed = lock(&self.shared.store).remove(id);
        assert!(removed, "fotoweb-double: no live asset {id:?}");
    }

    /// Every live user as the API shows it.
    pub fn users(&self) -> Vec<serde_json::Value> {
        lock(&self.shared.accounts).users()
    }

    /// One live user as the API shows it; `None` once deleted.
    pub fn user(&self, id: u32) -> Option<serde_json::Value> {
        lock(&self.shared.accounts).user(id)
    }

    /// A live comment's owner and text; `None` once deleted.
    pub fn comment(&self, asset: &str, id: u32) -> Option<(String, String)> {
        lock(&self.shared.accounts)
            .comment(asset, id)
            .map(|c| (c.owner.clone(), c.text.clone()))
    }

    /// Changes a user as another admin would (a PUT body's writable parts).
    ///
    /// # Panics
    /// When no live user has this id.
    pub fn put_user(&self, id: u32, body: &serde_json::Value) {
        let changed = lock(&self.shared.accounts).put_user(id, body);
        assert!(changed, "fotoweb-double: no live user {id}");
    }

    /// Deletes a comment as its author would.
    ///
    /// # Panics
    /// When there is no such comment.
    pub fn remove_comment(&self, asset: &str, id: u32) {
        let removed = lock(&self.shared.accounts).delete_comment(asset, id);
        assert!(removed, "fotoweb-double: no comment {id} on {asset:?}");
    }

    /// Grants or refuses user management (PUT and DELETE of users) from now on.
    pub fn set_manage_users(&self, allowed: bool) {
        self.shared
            .manage_users
            .store(allowed, std::sync::atomic::Ordering::SeqCst);
    }

    /// A live album's owner (user id), name and the e-mail addresses it is shared with;
    /// `None` once deleted.
    pub fn album(&self, id: u32) -> Option<(u32, String, Vec<String>)> {
        lock(&self.shared.albums).album(id).map(|a| {
            let shares = a.shares.values().map(|s| s.email.clone()).collect();
            (a.owner, a.name.clone(), shares)
        })
    }

    /// Grants or refuses album management (deleting, transferring, unsharing) from now on.
    pub fn set_manage_albums(&self, allowed: bool) {
        self.shared
            .manage_albums
            .store(allowed, std::sync::atomic::Ordering::SeqCst);
    }

    /// A live order's customer details as the order list shows them: `owner` with
    /// `username` and `address`, and `userComment`.
    pub fn order(&self, id: u32) -> Option<serde_json::Value> {
        lock(&self.shared.orders).json(id)
    }

    /// Grants or refuses order administration (reading and changing orders) from now on.
    pub fn set_read_orders(&self, allowed: bool) {
        self.shared
            .read_orders
            .store(allowed, std::sync::atomic::Ordering::SeqCst);
    }

    /// Makes the double flaky (or calm) from now on.
    pub fn set_fail_rate(&self, rate: f64) {
        lock(&self.shared.chaos).fail_rate = rate;
    }

    pub fn set_drop_rate(&self, rate: f64) {
        lock(&self.shared.chaos).drop_rate = rate;
    }
}

impl Drop for Double {
    fn drop(&mut self) {
        self.stop();
    }
}
