//! The FotoWeb connector: a tenant reached through FotoWeb's REST API.
//!
//! It starts at the private entry point (`/fotoweb/me/`) and follows the links the server
//! gives — the archive list, each archive's `data`, `paging.next` (and `paging.last` and
//! `prev`), the background-task and rendition services — rather than building URLs. The one exception is turning an asset
//! id back into its `.info` link when no scan has seen it in this process; FotoWeb
//! documents those links as path-based, so the archive's link plus the encoded path is used.
//!
//! An asset's id is `<archive name>/<path inside the archive>`, the same id the `dir`
//! platform gives the same file, so a tenant exported to a folder and the live tenant
//! index alike.
//!
//! Incremental scans read each archive newest-modified first (FotoWeb's default order) and
//! stop at the first asset older than the archive's watermark. Deletions do not show in
//! such a listing, so the archive's `assetCount` is compared with what the index holds;
//! when they differ, that archive is listed in full to find what is gone.
//!
//! A scan reads archives on several threads at once; a thread with no archive left to start
//! reads one being listed in full from its last page backwards, to meet its owner halfway
//! (see [`Board`]).

mod model;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock, mpsc};
use std::time::Duration;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use reqwest::Method;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use url::Url;

use super::http::{self, Auth, Call, Client, Poll, Repeat};

use super::{
    ArchiveAccess, Connection, Description, MetadataChanges, Platform, PlatformError, ScanEnd,
    Scanned, Since,
};
use crate::asset::{Asset, FieldValue};
use crate::config::{AuthKind, TenantProfile};
use crate::fields;
use crate::threads::{into_inner, lock, wait};

const DESCRIPTOR: &str = "application/vnd.fotoware.full-api-descriptor+json";
const COLLECTION_LIST: &str = "application/vnd.fotoware.collectionlist+json";
const ASSET_LIST: &str = "application/vnd.fotoware.assetlist+json";
const ASSET: &str = "application/vnd.fotoware.asset+json";
const ASSET_UPDATE: &str = "application/vnd.fotoware.assetupdate+json";
const METADATA_VIEW: &str = "application/vnd.fotoware.metadata-set+json";
const DELETE_REQUEST: &str = "application/vnd.fotoware.delete-request+json";
const DELETE_RESPONSE: &str = "application/vnd.fotoware.delete-response+json";
const TASK_STATUS: &str = "application/vnd.fotoware.task-status+json";
const RENDITION_REQUEST: &str = "application/vnd.fotoware.rendition-request+json";
const RENDITION_RESPONSE: &str = "application/vnd.fotoware.rendition-response+json";

/// How long a background task or a rendition may take before dsr gives up on it.
const TASK_LIMIT: Duration = Duration::from_secs(600);

/// How many delete requests are sent for one asset at most, each only after the asset
/// showed no sign of the one before.
const DELETE_REQUESTS: u32 = 3;

/// How long a delete request whose answer was lost is given to show its effect (the asset
/// gone) before dsr concludes it never reached the server. A delete task asks to be polled
/// every second (`maxInterval`) and deletes one asset in far less than this.
const LOST_ANSWER_WAIT: Duration = Duration::from_secs(10);

/// Characters encoded in one path segment of an asset link.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b';')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// A FotoWeb tenant.
pub struct Fotoweb {
    client: Client,
    descriptor: OnceLock<model::Descriptor>,
    archives: Mutex<Option<Vec<model::Archive>>>,
    /// Asset id → its link, as listings gave it.
    hrefs: Mutex<HashMap<String, String>>,
}

/// FotoWeb's OAuth2 token endpoint.
const TOKEN_PATH: &str = "/fotoweb/oauth2/token";
/// The header of FotoWeb's legacy API key.
const API_KEY_HEADER: &str = "FWAPIToken";

impl Fotoweb {
    /// Prepares the connector; nothing is sent until an operation needs it.
    pub fn open(profile: &TenantProfile, connection: Connection) -> Result<Fotoweb, PlatformError> {
        let url = profile.url.as_deref().ok_or(PlatformError::Unsupported(
            "the profile names no URL: add the tenant again with --url URL",
        ))?;
        crate::config::check_url(url).map_err(|m| PlatformError::Rejected(m.to_owned()))?;
        let mut base = Url::parse(url).map_err(|e| PlatformError::Rejected(format!("{e}")))?;
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let secret = connection.secret.unwrap_or_else(|| {
            std::sync::Arc::new(|| Err("no client secret was given".to_owned()))
        });
        let auth = match profile.auth {
            AuthKind::Oauth => Auth::ClientCredentials {
                token_path: TOKEN_PATH,
                client_id: profile.client_id.clone().unwrap_or_default(),
                secret,
                cache: connection
                    .cache_dir
                    .map(|d| d.join(crate::index::sync::TenantFiles::TOKEN_CACHE)),
            },
            AuthKind::ApiKey => Auth::ApiKey {
                header: API_KEY_HEADER,
                secret,
            },
        };
        let mut client = Client::new(base, auth, connection.timeouts, connection.waiting)?;
        if let Some(limit) = connection.max_requests {
            client.limit_requests(limit);
        }
        Ok(Fotoweb {
            client,
            descriptor: OnceLock::new(),
            archives: Mutex::new(None),
            hrefs: Mutex::new(HashMap::new()),
        })
    }

    /// Requests sent so far (benchmarks report it).
    pub fn requests_made(&self) -> u64 {
        self.client.requests_made()
    }

    fn get_json<T: DeserializeOwned>(&self, url: Url, accept: &str) -> Result<T, PlatformError> {
        let call = Call {
            method: Method::GET,
            url,
            accept,
            body: None,
            timeout: None,
            repeat: Repeat::Freely,
        };
        self.read_json(&call)
    }

    fn read_json<T: DeserializeOwned>(&self, call: &Call<'_>) -> Result<T, PlatformError> {
        let body = self.read_bytes(call)?;
        parse_json(&call.url, &body)
    }

    /// The body of a successful GET of `url`, read to its end.
    fn get_bytes(&self, url: &Url, accept: &str) -> Result<Vec<u8>, PlatformError> {
        let call = Call {
            method: Method::GET,
            url: url.clone(),
            accept,
            body: None,
            timeout: None,
            repeat: Repeat::Freely,
        };
        self.read_bytes(&call)
    }

    fn read_bytes(&self, call: &Call<'_>) -> Result<Vec<u8>, PlatformError> {
        let response = self.client.send(call)?;
        let bytes = response.bytes().map_err(|_| PlatformError::Network {
            host: call.url.host_str().unwrap_or_default().to_owned(),
            message: "the connection broke off while reading the answer".to_owned(),
        })?;
        Ok(bytes.into())
    }

    fn descriptor(&self) -> Result<&model::Descriptor, PlatformError> {
        if let Some(d) = self.descriptor.get() {
            return Ok(d);
        }
        let descriptor = self.get_json(self.client.link("/fotoweb/me/")?, DESCRIPTOR)?;
        Ok(self.descriptor.get_or_init(|| descriptor))
    }

    /// The archive list, read anew (counts change) and kept for link lookups.
    fn load_archives(&self) -> Result<Vec<model::Archive>, PlatformError> {
        let mut url = self.client.link(&self.descriptor()?.archives)?;
        let mut archives = Vec::new();
        loop {
            let page: model::Page<model::Archive> = self.get_json(url, COLLECTION_LIST)?;
            archives.extend(page.data);
            match page.paging.as_ref().and_then(model::Paging::next) {
                Some(next) => url = self.client.link(next)?,
                None => break,
            }
        }
        *lock(&self.archives) = Some(archives.clone());
        Ok(archives)
    }

    fn archives(&self) -> Result<Vec<model::Archive>, PlatformError> {
        if let Some(archives) = lock(&self.archives).clone() {
            return Ok(archives);
        }
        self.load_archives()
    }

    /// The link of an asset: as a listing gave it, else built from its archive's link.
    fn href_of(&self, id: &str) -> Result<String, PlatformError> {
        if let Some(href) = lock(&self.hrefs).get(id) {
            return Ok(href.clone());
        }
        let not_found = || PlatformError::NotFound { id: id.to_owned() };
        let (archive_name, path) = id.split_once('/').ok_or_else(not_found)?;
        let archives = self.archives()?;
        let archive = archives
            .iter()
            .find(|a| a.name == archive_name)
            .ok_or_else(not_found)?;
        let encoded: Vec<String> = path
            .split('/')
            .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
            .collect();
        let base = archive.href.trim_end_matches('/');
        Ok(format!("{base}/{}.info", encoded.join("/")))
    }

    fn remember(&self, id: &str, href: &str) {
        lock(&self.hrefs).insert(id.to_owned(), href.to_owned());
    }

    fn get_asset(&self, id: &str) -> Result<model::Asset, PlatformError> {
        let href = self.href_of(id)?;
        match self.get_json::<model::Asset>(self.client.link(&href)?, ASSET) {
            Err(PlatformError::Status { status: 404, .. }) => {
                Err(PlatformError::NotFound { id: id.to_owned() })
            }
            other => other,
        }
    }

    /// Lists one archive; see the module documentation for when it stops early.
    fn scan_archive(&self, board: &Board<'_>, index: usize) -> Result<ArchiveScan, PlatformError> {
        let (archive, since) = (&board.archives[index], board.since);
        let prefix = format!("{}/", archive.name);
        let known = since
            .versions
            .range(prefix.clone()..)
            .take_while(|(id, _)| id.starts_with(&prefix))
            .count() as u64;
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
    fn list_pass(
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
    fn read_listing(
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
    fn follow_pages(
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
    fn hand_over(
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
        for (id, version, item) in board.record(index, items) {
            (board.found)(Scanned::Asset(asset_from(archive, item, id, version)));
        }
        Ok(())
    }

    fn metadata_views(&self, archives: &[model::Archive]) -> Vec<model::MetadataView> {
        let mut hrefs: Vec<&str> = archives
            .iter()
            .filter_map(|a| a.metadata_editor.as_ref().map(|e| e.href.as_str()))
            .collect();
        hrefs.sort_unstable();
        hrefs.dedup();
        hrefs
            .into_iter()
            .filter_map(|href| {
                let url = self.client.link(href).ok()?;
                match self.get_json::<model::MetadataView>(url, METADATA_VIEW) {
                    Ok(view) => Some(view),
                    Err(e) => {
                        // Labels are a convenience: the standard ones stand in.
                        log::warn!("cannot read a metadata view: {e}");
                        None
                    }
                }
            })
            .collect()
    }

    /// After a delete request that got no answer: whether the asset is gone, or goes within
    /// [`LOST_ANSWER_WAIT`] (or a request's time limit, when shorter). A request that
    /// reached the server started a task whose link was in the lost answer; dsr cannot
    /// follow it, but the task deletes the asset all the same.
    fn goes_without_an_answer(&self, id: &str) -> Result<bool, PlatformError> {
        let limit = LOST_ANSWER_WAIT.min(self.client.timeouts().total);
        let mut poll = Poll::new(Duration::from_secs(2), limit);
        loop {
            match self.get_asset(id) {
                Err(PlatformError::NotFound { .. }) => return Ok(true),
                Err(e) => return Err(e),
                Ok(_) if !poll.wait() => return Ok(false),
                Ok(_) => {}
            }
        }
    }

    /// Polls a delete task until it ends: done for the asset, or why not.
    fn follow_delete(
        &self,
        id: &str,
        href: &str,
        task: Url,
        max_interval: u64,
    ) -> Result<(), PlatformError> {
        let mut poll = Poll::new(Duration::from_millis(max_interval), TASK_LIMIT);
        loop {
            let status: model::TaskStatus = self.get_json(task.clone(), TASK_STATUS)?;
            match status.status() {
                "done" => {
                    return match status.done_for(href) {
                        // An earlier request whose answer was lost may have deleted it.
                        Some(false) if !matches!(self.get_asset(id), Err(e) if e.is_not_found()) => {
                            Err(PlatformError::Rejected(format!(
                                "the platform did not delete {id}"
                            )))
                        }
                        _ => Ok(()),
                    };
                }
                "failed" => {
                    return Err(PlatformError::Rejected(format!(
                        "the platform's delete task for {id} failed"
                    )));
                }
                _ if !poll.wait() => {
                    return Err(PlatformError::Rejected(format!(
                        "the platform's delete task for {id} did not finish in {} minutes",
                        TASK_LIMIT.as_secs() / 60
                    )));
                }
                _ => {}
            }
        }
    }

    /// Starts the rendition of the asset's original and returns the link to poll.
    fn request_original(&self, asset: &model::Asset) -> Result<Url, PlatformError> {
        let rendition = asset
            .renditions
            .iter()
            .find(|r| r.original)
            .map(|r| r.href.clone())
            .unwrap_or_else(|| format!("{}/__renditions/ORIGINAL", asset.href));
        let service = self
            .descriptor()?
            .services
            .rendition_request
            .clone()
            .unwrap_or_else(|| "/fotoweb/services/renditions".to_owned());
        let call = Call {
            method: Method::POST,
            url: self.client.link(&service)?,
            accept: RENDITION_RESPONSE,
            body: Some((
                RENDITION_REQUEST,
                serde_json::to_vec(&serde_json::json!({ "href": rendition }))
                    .map_err(|e| PlatformError::Rejected(e.to_string()))?,
            )),
            timeout: None,
            repeat: Repeat::Freely,
        };
        let response = self.client.send(&call)?;
        let headers = response.headers().clone();
        let body: serde_json::Value = response.json().unwrap_or(serde_json::Value::Null);
        let location = http::location(&headers, &body).ok_or(PlatformError::Protocol {
            path: call.url.path().to_owned(),
            message: "the rendition service gave no link to the file".to_owned(),
        })?;
        self.client.link(&location)
    }
}

/// How many fetched pages may wait to be handed over before the reader waits too.
const PAGES_AHEAD: usize = 4;

/// A page of an asset list as its reader fetched it.
struct ListedPage {
    url: Url,
    body: Vec<u8>,
    /// How many of its assets to hand over: those before the watermark.
    take: usize,
}

/// Where a listing read against a watermark stops: at the first asset older than the
/// watermark, as long as the listing is newest first.
struct NewestFirst {
    previous: Option<OffsetDateTime>,
    newest_first: bool,
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
    fn take_until(&mut self, watermark: OffsetDateTime, stamps: &[model::Stamp]) -> usize {
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
struct Pass {
    seen: HashSet<String>,
    emitted: HashSet<String>,
    new_ids: u64,
    newest: Option<String>,
    /// The listing was read to its end.
    complete: bool,
}

/// What a scan learned of one archive.
struct ArchiveScan {
    /// Every asset the archive holds, when the scan listed it in full.
    present: Option<HashSet<String>>,
    newest: Option<String>,
}

/// Who reads an archive's listing: the thread that owns the archive, from the first page
/// on, or a thread with nothing else to do, from the last page back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Owner,
    Helper,
}

/// Where a reader stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
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
struct Board<'a> {
    archives: &'a [model::Archive],
    since: &'a Since<'a>,
    found: &'a (dyn Fn(Scanned) + Sync),
    next: AtomicUsize,
    lanes: Mutex<Vec<Lane>>,
    changed: Condvar,
}

/// One archive's listing on the [`Board`].
#[derive(Default)]
struct Lane {
    /// The owner is done with the archive: nothing more will be offered.
    finished: bool,
    /// The current pass reads everything, so a helper may share it.
    shareable: bool,
    /// The last page of the current pass, until a helper takes it.
    offer: Option<Url>,
    /// A helper is reading the current pass.
    helping: bool,
    /// The helper read its share to the end.
    helped: bool,
    /// Pages of the current pass claimed by a reader.
    claimed: HashSet<Url>,
    pass: Pass,
    /// Why the helper stopped, for the owner to report.
    failure: Option<PlatformError>,
    /// The pass is over: readers stop at their next page.
    stop: bool,
}

impl<'a> Board<'a> {
    fn new(
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

    fn lanes(&self) -> std::sync::MutexGuard<'_, Vec<Lane>> {
        lock(&self.lanes)
    }

    /// The next archive no thread has started, if any.
    fn start(&self) -> Option<usize> {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        (index < self.archives.len()).then_some(index)
    }

    /// A failed archive fails the scan: nothing more is started or read.
    fn fail(&self) {
        self.next.store(self.archives.len(), Ordering::Relaxed);
        for lane in self.lanes().iter_mut() {
            lane.stop = true;
            lane.offer = None;
        }
        self.changed.notify_all();
    }

    fn begin(&self, index: usize, pass: Pass, shareable: bool) {
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
    fn claim(&self, index: usize, page: &Url) -> bool {
        let mut lanes = self.lanes();
        let lane = &mut lanes[index];
        !lane.stop && lane.claimed.insert(page.clone())
    }

    /// Notes one page's assets in the pass and returns those to hand over: new or changed
    /// ones (all of them in a full scan) that neither reader handed over already.
    fn record(
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

    fn offer(&self, index: usize, last: Option<Url>) {
        let mut lanes = self.lanes();
        let lane = &mut lanes[index];
        if lane.shareable && !lane.stop {
            lane.offer = last;
        }
        drop(lanes);
        self.changed.notify_all();
    }

    /// Waits for a listing to help with; `None` once no archive can offer one any more.
    fn help(&self) -> Option<(usize, Url)> {
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

    fn helped(&self, index: usize, read: Result<Reach, PlatformError>) {
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
    fn end(&self, index: usize, read: Result<Reach, PlatformError>) -> Result<Pass, PlatformError> {
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
    fn finish(&self, index: usize) {
        self.lanes()[index].finished = true;
        self.changed.notify_all();
    }
}

fn parse_json<T: DeserializeOwned>(url: &Url, body: &[u8]) -> Result<T, PlatformError> {
    serde_json::from_slice(body).map_err(|e| PlatformError::Protocol {
        path: url.path().to_owned(),
        message: format!("{e}"),
    })
}

fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

/// The later of two timestamps (compared as times, kept as the server wrote them).
fn newest(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => match (parse_time(&a), parse_time(&b)) {
            (Some(ta), Some(tb)) if tb > ta => Some(b),
            _ => Some(a),
        },
        (a, b) => a.or(b),
    }
}

/// `<archive name>/<decoded path>` from an asset link inside the archive's link.
fn id_of(archive: &model::Archive, item: &model::Asset) -> Option<String> {
    let base = item
        .archive_href
        .as_deref()
        .unwrap_or(&archive.href)
        .trim_end_matches('/');
    let href = item.href.split(['?', '#']).next().unwrap_or_default();
    let path = href.strip_prefix(base)?.strip_prefix('/')?;
    let path = path.strip_suffix(".info").unwrap_or(path);
    let parts: Option<Vec<String>> = path
        .split('/')
        .map(|p| {
            let s = percent_decode_str(p).decode_utf8().ok()?;
            // A decoded segment must stay one segment and stay inside the archive.
            (!s.is_empty() && s != "." && s != ".." && !s.contains('/')).then(|| s.into_owned())
        })
        .collect();
    Some(format!("{}/{}", archive.name, parts?.join("/")))
}

/// The asset's version marker: its modification time, which FotoWeb bumps on every edit;
/// a digest of its metadata where a server leaves the time out.
fn version_of(item: &model::Asset) -> String {
    match &item.modified {
        Some(m) => m.clone(),
        None => {
            use sha2::Digest;
            let text = serde_json::to_string(&item.metadata).unwrap_or_default();
            let digest = sha2::Sha256::digest(text.as_bytes());
            digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
        }
    }
}

fn asset_from(archive: &model::Archive, item: model::Asset, id: String, version: String) -> Asset {
    let filename = item
        .filename
        .clone()
        .unwrap_or_else(|| id.rsplit('/').next().unwrap_or_default().to_owned());
    Asset {
        archive: archive.name.clone(),
        filename,
        modified: item.modified.clone(),
        version,
        metadata: item.metadata,
        id,
    }
}

impl Platform for Fotoweb {
    fn describe(&self) -> Result<Description, PlatformError> {
        let archives = self.archives()?;
        let mut labels = fields::default_labels();
        let mut writable = std::collections::BTreeSet::new();
        for view in self.metadata_views(&archives) {
            for field in view.fields() {
                let Some(id) = field.field.id() else { continue };
                if let Some(label) = field.field.label.filter(|l| !l.trim().is_empty()) {
                    labels.insert(id.clone(), label);
                }
                if field.is_writable.unwrap_or(true) {
                    writable.insert(id);
                }
            }
        }
        Ok(Description { labels, writable })
    }

    /// Scans the archives on up to `since.jobs` threads (see [`Board`]).
    fn scan(
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
                end.removed.push(id.clone());
            }
        }
        Ok(end)
    }

    fn get(&self, id: &str) -> Result<Asset, PlatformError> {
        let item = self.get_asset(id)?;
        let archives = self.archives()?;
        let archive_name = id.split('/').next().unwrap_or_default();
        let archive = archives
            .iter()
            .find(|a| a.name == archive_name)
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })?;
        let version = version_of(&item);
        Ok(asset_from(archive, item, id.to_owned(), version))
    }

    /// PATCHes the changed fields: bags as arrays, singles as strings, `[]` to clear.
    ///
    /// With `expected`, the asset is read again right before the PATCH and its version
    /// compared: FotoWeb documents no ETag or `If-Match` (the last write wins), so this
    /// re-read is the closest the API allows to a conditional write. It narrows the window
    /// for someone else's edit to the time between that read and the PATCH; it cannot
    /// close it.
    fn update(
        &self,
        id: &str,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        let href = self.href_of(id)?;
        if let Some(expected) = expected
            && version_of(&self.get_asset(id)?) != expected
        {
            return Err(PlatformError::Conflict { id: id.to_owned() });
        }
        let metadata: serde_json::Map<String, serde_json::Value> = changes
            .iter()
            .map(|(field, value)| {
                let value = match value {
                    None => serde_json::json!([]),
                    Some(FieldValue::Single(s)) => serde_json::json!(s),
                    Some(FieldValue::Bag(items)) => serde_json::json!(items),
                };
                (field.clone(), serde_json::json!({ "value": value }))
            })
            .collect();
        let body = serde_json::to_vec(&serde_json::json!({ "metadata": metadata }))
            .map_err(|e| PlatformError::Rejected(e.to_string()))?;
        let call = Call {
            method: Method::PATCH,
            url: self.client.link(&href)?,
            accept: ASSET,
            body: Some((ASSET_UPDATE, body)),
            timeout: None,
            repeat: Repeat::Freely,
        };
        match self.client.send(&call) {
            Err(PlatformError::Status { status: 404, .. }) => {
                return Err(PlatformError::NotFound { id: id.to_owned() });
            }
            Err(e) => return Err(e),
            Ok(_) => {}
        }
        // The PATCH answer is the updated asset, but reading it back is what proves it.
        self.get(id)
    }

    /// Deletes through a `delete-request` background task and polls it to its end. The
    /// task's link is the handle: a task a killed run left is polled again, and only when
    /// it cannot be followed to a good end is a new one requested.
    fn delete_following(
        &self,
        id: &str,
        handle: Option<&str>,
        accepted: &mut dyn FnMut(&str),
    ) -> Result<(), PlatformError> {
        let href = self.href_of(id)?;
        if let Some(task) = handle {
            // The task a killed run was waiting for: when it ends well, that was the
            // deletion; when the server forgot it or it failed, a new one is asked for.
            let followed = self
                .client
                .link(task)
                .and_then(|task| self.follow_delete(id, &href, task, 1000));
            match followed {
                Ok(()) => return Ok(()),
                Err(e) => log::debug!("the earlier delete task cannot be followed: {e}"),
            }
        }
        let tasks = self
            .descriptor()?
            .background_tasks
            .clone()
            .unwrap_or_else(|| "/fotoweb/me/background-tasks/".to_owned());
        let body = serde_json::to_vec(&serde_json::json!({ "assets": [{ "href": href }] }))
            .map_err(|e| PlatformError::Rejected(e.to_string()))?;
        let call = Call {
            method: Method::POST,
            url: self.client.link(&tasks)?,
            accept: DELETE_RESPONSE,
            body: Some((DELETE_REQUEST, body)),
            timeout: None,
            repeat: Repeat::IfNotActed,
        };
        let mut asked = 0;
        let response = loop {
            asked += 1;
            match self.client.send(&call) {
                Ok(response) => break response,
                // The request may have been carried out with its answer lost: the asset
                // decides whether to ask again, never a guess.
                Err(e) if e.is_transient() && asked < DELETE_REQUESTS => {
                    // The server itself answered that it failed (500): one read says
                    // whether it acted all the same. A lost answer, or a gateway's (502,
                    // 504), may hide a task that is running: it is given time to show.
                    let answered = matches!(e, PlatformError::Status { status: 500, .. });
                    let gone = if answered {
                        matches!(self.get_asset(id), Err(e) if e.is_not_found())
                    } else {
                        self.goes_without_an_answer(id)?
                    };
                    if gone {
                        return Ok(());
                    }
                    log::debug!("no sign of an earlier delete request: asking again");
                }
                Err(e) => return Err(e),
            }
        };
        let headers = response.headers().clone();
        let body: serde_json::Value = response.json().unwrap_or(serde_json::Value::Null);
        let location = http::location(&headers, &body).ok_or(PlatformError::Protocol {
            path: call.url.path().to_owned(),
            message: "the delete request gave no task to follow".to_owned(),
        })?;
        let max_interval = body
            .get("maxInterval")
            .and_then(|m| m.as_u64())
            .unwrap_or(1000);
        let task = self.client.link(&location)?;
        accepted(&location);
        self.follow_delete(id, &href, task, max_interval)
    }

    /// Asks the rendition service for the original and streams it to `to` once ready.
    fn download(&self, id: &str, to: &mut dyn Write) -> Result<u64, PlatformError> {
        let asset = self.get_asset(id)?;
        let mut link = self.request_original(&asset)?;
        let mut renewed = false;
        let mut poll = Poll::new(Duration::from_secs(5), TASK_LIMIT);
        loop {
            let call = Call {
                method: Method::GET,
                url: link.clone(),
                accept: "application/octet-stream, */*",
                body: None,
                timeout: Some(Duration::from_secs(3600)),
                repeat: Repeat::Freely,
            };
            match self.client.send(&call) {
                Ok(response) if response.status() == reqwest::StatusCode::ACCEPTED => {
                    if !poll.wait() {
                        return Err(PlatformError::Rejected(format!(
                            "the original of {id} was not ready in time"
                        )));
                    }
                }
                Ok(mut response) => {
                    return response.copy_to(to).map_err(|_| PlatformError::Network {
                        host: link.host_str().unwrap_or_default().to_owned(),
                        message: "the download broke off".to_owned(),
                    });
                }
                // The temporary link expired: ask for a new one, once.
                Err(PlatformError::Status { status: 410, .. }) if !renewed => {
                    renewed = true;
                    link = self.request_original(&asset)?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn access(&self) -> Result<Vec<ArchiveAccess>, PlatformError> {
        let archives = self.load_archives()?;
        Ok(archives
            .iter()
            .map(|a| {
                let has = |p: &str| a.permissions.iter().any(|q| q.eq_ignore_ascii_case(p));
                ArchiveAccess {
                    name: a.name.clone(),
                    assets: a.asset_count,
                    read: has("View") || a.permissions.is_empty(),
                    edit_metadata: has("EditText"),
                    delete: has("Delete"),
                    download: has("Download"),
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> model::Archive {
        serde_json::from_value(serde_json::json!({
            "name": "Staff", "href": "/fotoweb/archives/5000-Staff/"
        }))
        .expect("a valid archive")
    }

    fn asset(href: &str) -> model::Asset {
        serde_json::from_value(serde_json::json!({ "href": href })).expect("a valid asset")
    }

    #[test]
    fn ids_are_archive_name_and_decoded_path() {
        let a = archive();
        let id = id_of(
            &a,
            &asset("/fotoweb/archives/5000-Staff/Folder%2019/IMG%20042.jpg.info"),
        );
        assert_eq!(id.as_deref(), Some("Staff/Folder 19/IMG 042.jpg"));
        assert_eq!(
            id_of(&a, &asset("/fotoweb/archives/5001-Other/x.jpg.info")),
            None
        );
        assert_eq!(
            id_of(&a, &asset("/fotoweb/archives/5000-Staff/..%2F..%2Fx.info")),
            None
        );
        assert_eq!(
            id_of(&a, &asset("/fotoweb/archives/5000-Staff/%2E%2E/x.info")),
            None
        );
    }

    #[test]
    fn metadata_reads_as_from_a_parsed_object() {
        let metadata = serde_json::json!({
            "5": { "value": "Board meeting" },
            "25": { "value": ["a", 7, true, null, ["nested"], { "x": 1 }, 1.5] },
            "80": "bare",
            "81": ["bare", "bag"],
            "90": { "value": null },
            "91": { "other": "no value" },
            "92": { "value": { "value": "too deep" } },
            "93": { "value": 12, "extra": [1, 2] },
            "94": null,
            "95": -3,
            "96": { "value": 2.25e10 },
        });
        let expected = crate::asset::metadata_from_json(metadata.as_object().expect("an object"));
        // From text, as listings are read.
        let text = serde_json::to_vec(&serde_json::json!({
            "href": "/fotoweb/archives/5000-Staff/x.jpg.info",
            "metadata": metadata,
        }))
        .expect("JSON text");
        let item: model::Asset = serde_json::from_slice(&text).expect("a valid asset");
        assert_eq!(item.metadata, expected);
        assert_eq!(expected.len(), 7, "{expected:?}");
    }

    #[test]
    fn newest_compares_times_not_text() {
        let a = Some("2024-01-01T10:00:00Z".to_owned());
        let b = Some("2024-01-01T11:00:00+00:00".to_owned());
        assert_eq!(newest(a.clone(), b.clone()), b);
        assert_eq!(newest(b.clone(), a), b);
    }
}
