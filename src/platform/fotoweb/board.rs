//! The two-reader listing scheduler: archives handed to the scan's threads, and an
//! archive being listed in full read from both ends by its owner and a helper that meets
//! it halfway.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

use time::OffsetDateTime;
use url::Url;

use super::convert::*;
use super::*;
use crate::platform::{PlatformError, Scanned, Since};
use crate::threads::{lock, wait};

/// How many fetched pages may wait to be handed over before the reader waits too.
pub(super) const PAGES_AHEAD: usize = 4;

/// A page of an asset list as its reader fetched it.
pub(super) struct ListedPage {
    pub(super) url: Url,
    pub(super) body: Vec<u8>,
    /// How many of its assets to hand over: those before the watermark.
    pub(super) take: usize,
}

/// Where a listing read against a watermark stops: at the first asset older than the
/// watermark, as long as the listing is newest first.
pub(super) struct NewestFirst {
    pub(super) previous: Option<OffsetDateTime>,
    pub(super) newest_first: bool,
}

impl Default for NewestFirst {
    fn default() -> NewestFirst {
        NewestFirst {
            previous: None,
            newest_first: true,
        }
    }
}

impl NewestFirst {
    /// How many of a page's assets come before the watermark (all of them when none is
    /// older, or once the listing turned out not to be newest first).
    pub(super) fn take_until(
        &mut self,
        watermark: OffsetDateTime,
        stamps: &[model::Stamp],
    ) -> usize {
        for (i, stamp) in stamps.iter().enumerate() {
            let modified = stamp.modified.as_deref().and_then(parse_time);
            if let (Some(p), Some(m)) = (self.previous, modified)
                && m > p
            {
                // Not newest first after all: read everything.
                self.newest_first = false;
            }
            self.previous = modified.or(self.previous);
            if let Some(m) = modified
                && self.newest_first
                && m < watermark
            {
                return i;
            }
        }
        stamps.len()
    }
}

/// What one pass over an archive's listing saw.
#[derive(Default)]
pub(super) struct Pass {
    pub(super) seen: HashSet<String>,
    pub(super) emitted: HashSet<String>,
    pub(super) new_ids: u64,
    pub(super) newest: Option<String>,
    /// The listing was read to its end.
    pub(super) complete: bool,
}

/// What a scan learned of one archive.
pub(super) struct ArchiveScan {
    /// Every asset the archive holds, when the scan listed it in full.
    pub(super) present: Option<HashSet<String>>,
    pub(super) newest: Option<String>,
}

/// Who reads an archive's listing: the thread that owns the archive, from the first page
/// on, or a thread with nothing else to do, from the last page back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reader {
    Owner,
    Helper,
}

/// Where a reader stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// At the end of the listing.
    End,
    /// Where the other reader had been (or the scan is stopping).
    Met,
    /// At the watermark.
    Stopped,
}

/// The archives of one scan and how far each listing has come, shared by its threads.
/// Pages within one archive can only be read one after another (each names the next), so
/// one thread per archive would leave threads idle once fewer archives than threads are
/// left; an idle thread therefore reads a listing from its last page back (the first page
/// names the last), and the two readers stop where they meet.
pub(super) struct Board<'a> {
    pub(super) archives: &'a [model::Archive],
    pub(super) since: &'a Since<'a>,
    pub(super) found: &'a (dyn Fn(Scanned) + Sync),
    pub(super) next: AtomicUsize,
    pub(super) lanes: Mutex<Vec<Lane>>,
    pub(super) changed: Condvar,
}

/// One archive's listing on the [`Board`].
#[derive(Default)]
pub(super) struct Lane {
    /// The owner is done with the archive: nothing more will be offered.
    pub(super) finished: bool,
    /// The current pass reads everything, so a helper may share it.
    pub(super) shareable: bool,
    /// The last page of the current pass, until a helper takes it.
    pub(super) offer: Option<Url>,
    /// A helper is reading the current pass.
    pub(super) helping: bool,
    /// The helper read its share to the end.
    pub(super) helped: bool,
    /// Pages of the current pass claimed by a reader.
    pub(super) claimed: HashSet<Url>,
    pub(super) pass: Pass,
    /// Why the helper stopped, for the owner to report.
    pub(super) failure: Option<PlatformError>,
    /// The pass is over: readers stop at their next page.
    pub(super) stop: bool,
}

impl<'a> Board<'a> {
    pub(super) fn new(
        archives: &'a [model::Archive],
        since: &'a Since<'a>,
        found: &'a (dyn Fn(Scanned) + Sync),
    ) -> Board<'a> {
        Board {
            archives,
            since,
            found,
            next: AtomicUsize::new(0),
            lanes: Mutex::new(archives.iter().map(|_| Lane::default()).collect()),
            changed: Condvar::new(),
        }
    }

    pub(super) fn lanes(&self) -> std::sync::MutexGuard<'_, Vec<Lane>> {
        lock(&self.lanes)
    }

    /// The next archive no thread has started, if any.
    pub(super) fn start(&self) -> Option<usize> {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        (index < self.archives.len()).then_some(index)
    }

    /// A failed archive fails the scan: nothing more is started or read.
    pub(super) fn fail(&self) {
        self.next.store(self.archives.len(), Ordering::Relaxed);
        for lane in self.lanes().iter_mut() {
            lane.stop = true;
            lane.offer = None;
        }
        self.changed.notify_all();
    }

    pub(super) fn begin(&self, index: usize, pass: Pass, shareable: bool) {
        let mut lanes = self.lanes();
        let lane = &mut lanes[index];
        *lane = Lane {
            shareable,
            pass,
            stop: lane.stop,
            ..Lane::default()
        };
    }

    /// Takes a page for a reader; false when the other reader has it or the pass is over.
    pub(super) fn claim(&self, index: usize, page: &Url) -> bool {
        let mut lanes = self.lanes();
        let lane = &mut lanes[index];
        !lane.stop && lane.claimed.insert(page.clone())
    }

    /// Notes one page's assets in the pass and returns those to hand over: new or changed
    /// ones (all of them in a full scan) that neither reader handed over already.
    pub(super) fn record(
        &self,
        index: usize,
        items: Vec<(String, String, model::Asset)>,
    ) -> Vec<(String, String, model::Asset)> {
        let since = self.since;
        let mut lanes = self.lanes();
        let pass = &mut lanes[index].pass;
        let mut handed = Vec::new();
        for (id, version, item) in items {
            if !since.versions.contains_key(&id) {
                pass.new_ids += 1;
            }
            if let Some(m) = &item.modified {
                pass.newest = newest(pass.newest.take(), Some(m.clone()));
            }
            pass.seen.insert(id.clone());
            let changed = since.full || since.versions.get(&id) != Some(&version);
            if changed && pass.emitted.insert(id.clone()) {
                handed.push((id, version, item));
            }
        }
        handed
    }

    pub(super) fn offer(&self, index: usize, last: Option<Url>) {
        let mut lanes = self.lanes();
        let lane = &mut lanes[index];
        if lane.shareable && !lane.stop {
            lane.offer = last;
        }
        drop(lanes);
        self.changed.notify_all();
    }

    /// Waits for a listing to help with; `None` once no archive can offer one any more.
    pub(super) fn help(&self) -> Option<(usize, Url)> {
        let mut lanes = self.lanes();
        loop {
            if let Some(index) = lanes.iter().position(|l| l.offer.is_some()) {
                let lane = &mut lanes[index];
                lane.helping = true;
                return lane.offer.take().map(|url| (index, url));
            }
            let started = self.next.load(Ordering::Relaxed).min(self.archives.len());
            if lanes[..started].iter().all(|l| l.finished) {
                return None;
            }
            lanes = wait(&self.changed, lanes);
        }
    }

    pub(super) fn helped(&self, index: usize, read: Result<Reach, PlatformError>) {
        let mut lanes = self.lanes();
        let lane = &mut lanes[index];
        lane.helping = false;
        match read {
            Ok(_) => lane.helped = true,
            Err(e) => {
                lane.failure = Some(e);
                lane.stop = true;
            }
        }
        drop(lanes);
        self.changed.notify_all();
    }

    /// Ends the owner's pass: waits for the helper, if one joined, and returns the pass,
    /// complete when the listing was read to its end.
    pub(super) fn end(
        &self,
        index: usize,
        read: Result<Reach, PlatformError>,
    ) -> Result<Pass, PlatformError> {
        let mut lanes = self.lanes();
        lanes[index].offer = None;
        if read.is_err() {
            lanes[index].stop = true;
        }
        while lanes[index].helping {
            lanes = wait(&self.changed, lanes);
        }
        let lane = &mut lanes[index];
        let reach = read?;
        if let Some(e) = lane.failure.take() {
            return Err(e);
        }
        let mut pass = std::mem::take(&mut lane.pass);
        pass.complete = match reach {
            Reach::End => true,
            Reach::Met => lane.helped,
            Reach::Stopped => false,
        };
        Ok(pass)
    }

    /// The owner is done with the archive.
    pub(super) fn finish(&self, index: usize) {
        self.lanes()[index].finished = true;
        self.changed.notify_all();
    }
}
