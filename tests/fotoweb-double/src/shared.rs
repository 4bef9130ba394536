//! Everything a running double holds, shared by the server's tasks and the test's handle.
//! Each part has its own lock and no lock is held across an await; where two are needed the
//! order is tasks before store.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::accounts::Accounts;
use crate::albums::Albums;
use crate::auth::Tokens;
use crate::chaos::Chaos;
use crate::double::RequestRecord;
use crate::fields::Editor;
use crate::options::Options;
use crate::orders::Orders;
use crate::state::Store;
use crate::tasks::Tasks;
use crate::tenant;

pub struct Shared {
    pub options: Options,
    pub editor: Editor,
    pub store: Mutex<Store>,
    pub tokens: Mutex<Tokens>,
    pub tasks: Mutex<Tasks>,
    pub chaos: Mutex<Chaos>,
    pub log: Mutex<Vec<RequestRecord>>,
    pub accounts: Mutex<Accounts>,
    /// [`Options::manage_users`], changeable while the double runs.
    pub manage_users: AtomicBool,
    pub albums: Mutex<Albums>,
    /// [`Options::manage_albums`], changeable while the double runs.
    pub manage_albums: AtomicBool,
    pub orders: Mutex<Orders>,
    /// [`Options::read_orders`], changeable while the double runs.
    pub read_orders: AtomicBool,
}

impl Shared {
    /// Reads the tenant folder and sets up empty tables.
    pub fn load(options: Options) -> anyhow::Result<Shared> {
        options.validate()?;
        let tenant = tenant::load(&options.tenant)?;
        let editor = Editor::for_tenant(tenant.assets.iter().map(|a| &a.metadata));
        let mut store = Store::from_tenant(tenant);
        let accounts = Accounts::new(&options.users, &options.comments, |id| {
            store.asset(id).is_some()
        });
        // Rendered now rather than while a client waits: the time a client measures should
        // be the latency it asked for, not the double building JSON.
        store.render_all(&options.permissions);
        // Likewise every archive's default listing, which the archive list (for each
        // archive's newest time) and the first page of every sync read: sorting them on
        // the first request made that request take ten times the latency.
        store.prepare_default_lists();
        let mut chaos = Chaos::new(
            options.seed,
            options.fail_rate,
            options.drop_rate,
            options.rate_limit,
        );
        chaos.lose_answer_rate = options.lose_answer_rate;
        Ok(Shared {
            editor,
            store: Mutex::new(store),
            tokens: Mutex::new(Tokens::new(options.seed, options.token_ttl)),
            tasks: Mutex::new(Tasks::new(options.seed)),
            chaos: Mutex::new(chaos),
            log: Mutex::new(Vec::new()),
            accounts: Mutex::new(accounts),
            manage_users: AtomicBool::new(options.manage_users),
            albums: Mutex::new(Albums::new(&options.albums)),
            manage_albums: AtomicBool::new(options.manage_albums),
            orders: Mutex::new(Orders::new(&options.orders)),
            read_orders: AtomicBool::new(options.read_orders),
            options,
        })
    }

    /// Whether the client may change and delete users now.
    pub fn may_manage_users(&self) -> bool {
        self.manage_users.load(Ordering::SeqCst)
    }

    /// Whether the client may delete albums, change their owner and remove their shares now.
    pub fn may_manage_albums(&self) -> bool {
        self.manage_albums.load(Ordering::SeqCst)
    }

    /// Whether the client may read and change orders now.
    pub fn may_read_orders(&self) -> bool {
        self.read_orders.load(Ordering::SeqCst)
    }

    /// Whether the client holds a permission on every archive.
    pub fn may(&self, permission: &str) -> bool {
        self.options.permissions.iter().any(|p| p == permission)
    }
}

/// Locks a table; a panic elsewhere while holding it leaves data that is still usable for a
/// test double, so poisoning is ignored rather than cascading.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
