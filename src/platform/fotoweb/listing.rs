//! Listing a tenant's archives: each archive read page by page, newest first for an
//! incremental scan, on several threads scheduled by the [`super::board::Board`].

use std::collections::{BTreeMap, HashSet};
use std::sync::{Mutex, mpsc};

use time::OffsetDateTime;
use url::Url;

use super::board::*;
use super::convert::*;
use super::requests::*;
use super::*;
use crate::platform::{PlatformError, ScanEnd, Scanned, Since};
use crate::threads::{into_inner, lock};

impl Fotoweb {
    /// Scans the archives on up to `since.jobs` threads (see [`super::board::Board`]).
    pub(super) fn scan_archives(
        &self,
        since: &Since<'_>,
        found: &(dyn Fn(Scanned) + Sync),
    ) -> Result<ScanEnd, PlatformError> {
        let archives = self.load_archives()?;
        let board = Board::new(&archives, since, found);
        let results: Mutex<Vec<(String, Result<ArchiveScan, PlatformError>)>> =
            Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for _ in 0..since.jobs.clamp(1, (2 * archives.len()).max(1)) {
                scope.spawn(|| {
                    while let Some(index) = board.start() {
                        let scanned = self.scan_archive(&board, index);
                        board.finish(index);
                        if scanned.is_err() {
                            // The sync fails as a whole; the other archives need not go on.
                            board.fail();
                        }
                        lock(&results).push((archives[index].name.clone(), scanned));
                    }
                    while let Some((index, last)) = board.help() {
                        log::debug!(
                            "reading archive {} from its last page back",
                            archives[index].name
                        );
                        let read = self.read_listing(&board, index, None, last, Reader::Helper);
                        board.helped(index, read);
                    }
                });
            }
        });
        let mut end = ScanEnd::default();
        let mut present: BTreeMap<String, Option<HashSet<String>>> = BTreeMap::new();
        for (name, scanned) in into_inner(results) {
            let scanned = scanned?;
            let watermark = newest(since.watermarks.get(&name).cloned(), scanned.newest);
            if let Some(w) = watermark {
                end.watermarks.insert(name.clone(), w);
            }
            present.insert(name, scanned.present);
        }
        for id in since.versions.keys() {
            let archive = id.split('/').next().unwrap_or_default();
            let gone = match present.get(archive) {
                // The archive itself is gone.
                None => true,
                Some(Some(ids)) => !ids.contains(id),
                Some(None) => false,
            };
            if gone {
                end.removed.push(id.to_owned());
            }
        }
        Ok(end)
    }

    /// Lists one archive; see the module documentation for when it stops early.
    pub(super) fn scan_archive(
        &self,
        board: &Board<'_>,
        index: usize,
    ) -> Result<ArchiveScan, PlatformError> {
        let (archive, since) = (&board.archives[index], board.since);
        let prefix = format!("{}/", archive.name);
        let known = since.versions.with_prefix(&prefix).count() as u64;
        let watermark = if since.full {
            None
        } else {
            since
                .watermarks
                .get(&archive.name)
                .and_then(|w| parse_time(w))
        };
        let pass = self.list_pass(board, index, watermark, Pass::default())?;
        let mut scan = ArchiveScan {
            present: None,
            newest: pass.newest.clone(),
        };
        if pass.complete {
            scan.present = Some(pass.seen);
        } else if archive.asset_count != Some(known + pass.new_ids) {
            // Something was deleted or renamed: only a full listing tells what.
            let full = Pass {
                emitted: pass.emitted,
                ..Pass::default()
            };
            let full = self.list_pass(board, index, None, full)?;
            // Only a listing read to its end says what is gone.
            scan.present = full.complete.then_some(full.seen);
            scan.newest = newest(scan.newest, full.newest);
        }
        Ok(scan)
    }

    /// One pass over an archive's listing by the thread that owns the archive. A pass that
    /// reads everything (no watermark) is offered to an idle thread of the scan, which reads
    /// it from the last page backwards until the two meet.
    pub(super) fn list_pass(
        &self,
        board: &Board<'_>,
        index: usize,
        watermark: Option<OffsetDateTime>,
        pass: Pass,
    ) -> Result<Pass, PlatformError> {
        board.begin(index, pass, watermark.is_none());
        let read = self
            .client
            .link(board.archives[index].data())
            .and_then(|first| self.read_listing(board, index, watermark, first, Reader::Owner));
        board.end(index, read)
    }

    /// Reads pages from `url` on, following `next` (the owner) or `prev` (a helper), until
    /// the listing ends, the other reader has the page, or the watermark is passed.
    ///
    /// This thread only fetches: it reads of each answer just what decides the next
    /// request (the paging links, and the modification times when there is a watermark),
    /// asks for the next page, and leaves the rest to a second thread, which reads the
    /// assets and hands them over (turning them into index documents takes a while). The
    /// time between one answer and the next request is what the server's latency cannot
    /// hide, so nothing else is done in it.
    pub(super) fn read_listing(
        &self,
        board: &Board<'_>,
        index: usize,
        watermark: Option<OffsetDateTime>,
        url: Url,
        reader: Reader,
    ) -> Result<Reach, PlatformError> {
        if !board.claim(index, &url) {
            return Ok(Reach::Met);
        }
        std::thread::scope(|scope| {
            let (pages, received) = mpsc::sync_channel::<ListedPage>(PAGES_AHEAD);
            let handing = scope.spawn(move || {
                received
                    .into_iter()
                    .try_for_each(|page| self.hand_over(board, index, page))
            });
            let read = self.follow_pages(board, index, watermark, url, reader, &pages);
            drop(pages);
            let handed = handing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            // When handing over failed, the reader stopped because of it: that error is
            // the one to report.
            handed.and(read)
        })
    }

    /// The fetching half of [`Fotoweb::read_listing`]: sends each page it reads to `pages`.
    pub(super) fn follow_pages(
        &self,
        board: &Board<'_>,
        index: usize,
        watermark: Option<OffsetDateTime>,
        mut url: Url,
        reader: Reader,
        pages: &mpsc::SyncSender<ListedPage>,
    ) -> Result<Reach, PlatformError> {
        let mut order = NewestFirst::default();
        let mut body = self.get_bytes(&url, ASSET_LIST)?;
        let mut first_page = true;
        loop {
            let outline: model::Outline = parse_json(&url, &body)?;
            let take = match watermark {
                Some(w) => order.take_until(w, &outline.data),
                None => outline.data.len(),
            };
            let passed_watermark = take < outline.data.len();
            let paging = outline.paging.unwrap_or_default();
            if first_page && reader == Reader::Owner {
                // The last page, for a helper to start from.
                let last = paging.last().map(|l| self.client.link(l)).transpose()?;
                board.offer(index, last.filter(|l| *l != url));
            }
            first_page = false;
            let link = match reader {
                _ if passed_watermark => None,
                Reader::Owner => paging.next(),
                Reader::Helper => paging.prev(),
            };
            let next = link.map(|l| self.client.link(l)).transpose()?;
            let claimed = next.filter(|next| board.claim(index, next));
            // The channel holds a few pages, so this does not wait while the assets are
            // handed over at the pace they arrive; it fails only when handing over failed.
            let page = ListedPage { url, body, take };
            if pages.send(page).is_err() {
                return Ok(Reach::Met);
            }
            match claimed {
                Some(next) => {
                    body = self.get_bytes(&next, ASSET_LIST)?;
                    url = next;
                }
                None if passed_watermark => return Ok(Reach::Stopped),
                None if link.is_none() => return Ok(Reach::End),
                None => return Ok(Reach::Met),
            }
        }
    }

    /// The other half of [`Fotoweb::read_listing`]: reads a page's assets and hands over
    /// those the scan has not seen.
    pub(super) fn hand_over(
        &self,
        board: &Board<'_>,
        index: usize,
        page: ListedPage,
    ) -> Result<(), PlatformError> {
        let archive = &board.archives[index];
        let listed: model::Page<model::Asset> = parse_json(&page.url, &page.body)?;
        let mut items = Vec::with_capacity(page.take);
        for item in listed.data.into_iter().take(page.take) {
            let Some(id) = id_of(archive, &item) else {
                log::warn!("an asset link outside its archive was skipped");
                continue;
            };
            self.remember(&id, &item.href);
            let version = version_of(&item);
            items.push((id, version, item));
        }
        let consents = self.records.contains(&super::RecordKind::Consents);
        for (id, version, item) in board.record(index, items) {
            // Handed over after its asset: the scan tells a consent gone from a listed
            // asset by its absence.
            let consent = consents
                .then(|| {
                    super::consents::consent_asset(
                        &id,
                        &item.metadata,
                        item.consent_status.as_ref(),
                        item.modified.as_deref(),
                    )
                })
                .flatten();
            (board.found)(Scanned::Asset(asset_from(archive, item, id, version)));
            if let Some(consent) = consent {
                (board.found)(Scanned::Asset(consent));
            }
        }
        Ok(())
    }
}
