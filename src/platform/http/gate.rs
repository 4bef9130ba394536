//! A bound on the requests a client has in flight at once.

use std::sync::Mutex;

use crate::threads::{lock, wait};

/// A bound on the requests in flight at once: a request waits for a free place before it
/// is sent and frees it once its answer has come. Waiting between retries or polls holds
/// no place.
pub(super) struct Gate {
    pub(super) limit: usize,
    pub(super) busy: Mutex<usize>,
    pub(super) freed: std::sync::Condvar,
}

/// A place taken in a [`Gate`], given back on drop.
pub(super) struct Place<'a>(&'a Gate);

impl Gate {
    pub(super) fn enter(&self) -> Place<'_> {
        let mut busy = lock(&self.busy);
        while *busy >= self.limit {
            busy = wait(&self.freed, busy);
        }
        *busy += 1;
        Place(self)
    }
}

impl Drop for Place<'_> {
    fn drop(&mut self) {
        let mut busy = lock(&self.0.busy);
        *busy = busy.saturating_sub(1);
        self.0.freed.notify_one();
    }
}
