//! Searching an index for candidates and confirming them, on several threads at once.
//!
//! A search by name spends its time in two steps: each segment is searched for the
//! documents that may hold the name, then each of those is read and confirmed by the
//! matcher. Both are shared out: threads take segments to search, then runs of
//! neighbouring candidates to confirm as soon as the segment holding them is searched, so
//! a thread that finds no segment left confirms instead of waiting. The helpers are
//! started before the query is built (see [`crate::threads::spawn_beside`]), so that they
//! are running by the time there is work.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

use super::IndexError;

/// How many neighbouring candidates a thread confirms at a time. Neighbours share store
/// blocks; a run of hits costs more to confirm than a run of strangers, so runs are handed
/// out as threads get free rather than split in advance.
const CONFIRM_RUN: usize = 32;

/// What the threads of one search share.
struct Shared<'a> {
    searcher: &'a Searcher,
    /// The query, once this thread has built it.
    weight: OnceLock<Box<dyn Weight>>,
    next_segment: AtomicUsize,
    /// Each segment's candidates, in document order, once a thread has searched it.
    found: Vec<OnceLock<Vec<DocId>>>,
    /// The next run of each segment's candidates to confirm.
    next_run: Vec<AtomicUsize>,
    /// Set when a thread failed or panicked: the others take no more work.
    halted: AtomicBool,
}

/// The confirmed items of one run: the run's place (segment, run) and what it kept.
type Done<T> = Vec<((usize, usize), Vec<T>)>;

impl<'a> Shared<'a> {
    fn new(searcher: &'a Searcher) -> Shared<'a> {
        let segments = searcher.segment_readers().len();
        Shared {
            searcher,
            weight: OnceLock::new(),
            next_segment: AtomicUsize::new(0),
            found: (0..segments).map(|_| OnceLock::new()).collect(),
            next_run: (0..segments).map(|_| AtomicUsize::new(0)).collect(),
            halted: AtomicBool::new(false),
        }
    }

    /// Hands the threads the query to search.
    fn start(&self, weight: Box<dyn Weight>) {
        // Set once, by the one thread that builds the query.
        let _ = self.weight.set(weight);
    }

    /// Tells the threads there is nothing to do (the query could not be built).
    fn halt(&self) {
        self.halted.store(true, Ordering::Relaxed);
    }

    /// How many candidates the segments held.
    fn candidates(&self) -> usize {
        self.found
            .iter()
            .filter_map(OnceLock::get)
            .map(Vec::len)
            .sum()
    }

    /// Searches segments, then confirms runs of candidates, until none is left; returns
    /// what this thread confirmed. `confirm_run` reads and confirms the given documents.
    fn work<T>(
        &self,
        confirm_run: impl Fn(&[DocAddress]) -> Result<Vec<T>, IndexError>,
        err: impl Fn(tantivy::TantivyError) -> IndexError,
    ) -> Result<Done<T>, IndexError> {
        let _halt_on_panic = HaltOnPanic(&self.halted);
        let mut done = Vec::new();
        let Some(weight) = self.wait(|| self.weight.get()) else {
            return Ok(done);
        };
        let segments = self.searcher.segment_readers();
        loop {
            let s = self.next_segment.fetch_add(1, Ordering::Relaxed);
            let Some(reader) = segments.get(s) else {
                break;
            };
            if self.halted.load(Ordering::Relaxed) {
                return Ok(done);
            }
            let docs = Candidates
                .collect_segment(weight.as_ref(), s as SegmentOrdinal, reader)
                .map_err(|e| {
                    self.halt();
                    err(e)
                })?;
            let _ = self.found[s].set(docs);
        }
        let mut addresses = Vec::with_capacity(CONFIRM_RUN);
        loop {
            let mut searching = false;
            for (s, found) in self.found.iter().enumerate() {
                let Some(docs) = found.get() else {
                    searching = true;
                    continue;
                };
                loop {
                    if self.halted.load(Ordering::Relaxed) {
                        return Ok(done);
                    }
                    let r = self.next_run[s].fetch_add(1, Ordering::Relaxed);
                    let start = r.saturating_mul(CONFIRM_RUN);
                    if start >= docs.len() {
                        break;
                    }
                    let run = &docs[start..docs.len().min(start + CONFIRM_RUN)];
                    addresses.clear();
                    addresses.extend(run.iter().map(|&doc| DocAddress::new(s as u32, doc)));
                    let kept = confirm_run(&addresses).inspect_err(|_| self.halt())?;
                    done.push(((s, r), kept));
                }
            }
            if !searching {
                return Ok(done);
            }
            // Another thread is still searching a segment (every segment was taken): its
            // runs come next.
            if self.halted.load(Ordering::Relaxed) {
                return Ok(done);
            }
            std::thread::yield_now();
        }
    }

    /// Waits, yielding the CPU, until `ready` gives something or a thread halted. The
    /// waits are short (a query being built, a segment being searched: a millisecond or
    /// two), shorter than the system took here to wake a thread that slept.
    fn wait<R>(&self, ready: impl Fn() -> Option<R>) -> Option<R> {
        loop {
            if let Some(r) = ready() {
                return Some(r);
            }
            if self.halted.load(Ordering::Relaxed) {
                return None;
            }
            std::thread::yield_now();
        }
    }
}

/// Searches `searcher` for the query `weight` builds and confirms the candidates with
/// `confirm_run`, on this thread and `helpers` more; returns what was kept, in index
/// order, and how many candidates there were. The helpers are started before the query
/// is built, which takes long enough for them to get going.
pub(super) fn search<T: Send>(
    searcher: &Searcher,
    helpers: usize,
    weight: impl FnOnce() -> Result<Box<dyn Weight>, IndexError>,
    confirm_run: impl Fn(&[DocAddress]) -> Result<Vec<T>, IndexError> + Sync,
    err: impl Fn(tantivy::TantivyError) -> IndexError + Sync,
) -> Result<(Vec<T>, usize), IndexError> {
    let shared = Shared::new(searcher);
    let work = || shared.work(&confirm_run, &err);
    let (mine, theirs) = std::thread::scope(|scope| {
        let helpers: Vec<_> = (0..helpers)
            .map(|_| crate::threads::spawn_beside(scope, work))
            .collect();
        let mine = weight().map(|weight| {
            shared.start(weight);
            work()
        });
        if mine.is_err() {
            shared.halt();
        }
        let theirs: Vec<_> = helpers
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        (mine, theirs)
    });
    let mut parts = vec![mine??];
    for part in theirs {
        parts.push(part?);
    }
    Ok((in_index_order(parts), shared.candidates()))
}

/// Puts what the threads confirmed in index order, as one thread would have kept it.
fn in_index_order<T>(parts: impl IntoIterator<Item = Done<T>>) -> Vec<T> {
    let mut done: Done<T> = parts.into_iter().flatten().collect();
    done.sort_unstable_by_key(|(at, _)| *at);
    done.into_iter().flat_map(|(_, kept)| kept).collect()
}

/// Halts the other threads when this one panics, so none waits for a segment it was
/// searching; the panic itself goes on to where the thread is joined.
struct HaltOnPanic<'a>(&'a AtomicBool);

impl Drop for HaltOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.store(true, Ordering::Relaxed);
        }
    }
}

/// Collects a segment's matching documents that are not deleted, in document order.
struct Candidates;

impl Collector for Candidates {
    type Fruit = Vec<Vec<DocId>>;
    type Child = SegmentCandidates;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCandidates> {
        Ok(SegmentCandidates(Vec::new()))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<DocId>>) -> tantivy::Result<Vec<Vec<DocId>>> {
        Ok(fruits)
    }
}

struct SegmentCandidates(Vec<DocId>);

impl SegmentCollector for SegmentCandidates {
    type Fruit = Vec<DocId>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.0.push(doc);
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.0.extend_from_slice(docs);
    }

    fn harvest(mut self) -> Vec<DocId> {
        // A scorer yields documents in order; sorted again, the runs hold neighbours
        // whatever a query does.
        self.0.sort_unstable();
        self.0.dedup();
        self.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::{IndexError, TenantIndex, test_commit};
    use super::*;
    use crate::asset::FieldValue;
    use crate::fields::{CAPTION, CREATOR_EMAIL, PERSON_SHOWN};
    use crate::matching::identity::Probe;
    use crate::matching::normalize;

    /// An index of `segments` segments of `per_segment` assets each; every third asset
    /// shows Jane Doe, the others Kari Nordmann.
    fn index(dir: &std::path::Path, segments: usize, per_segment: usize) -> TenantIndex {
        let index = TenantIndex::open_or_create(dir).unwrap();
        let metadata = |n: usize| {
            let (person, email) = if n.is_multiple_of(3) {
                ("Jane Doe", "jane.doe@example.com")
            } else {
                ("Kari Nordmann", "kari@example.com")
            };
            [
                (PERSON_SHOWN.into(), FieldValue::Bag(vec![person.into()])),
                (
                    CAPTION.into(),
                    FieldValue::Single(format!("{person} at work")),
                ),
                (CREATOR_EMAIL.into(), FieldValue::Single(email.into())),
            ]
            .into()
        };
        for s in 0..segments {
            let first = s * per_segment;
            test_commit(&index, first, (first..first + per_segment).map(metadata));
        }
        index
    }

    fn jane() -> Vec<Probe> {
        vec![Probe::Name(normalize::words("Jane Doe"))]
    }

    #[test]
    fn a_name_or_an_e_mail_many_assets_hold_is_read_on_several_threads() {
        let dir = tempfile::tempdir().unwrap();
        // Jane Doe and her e-mail in 300 assets, Kari Nordmann's in 600.
        let index = index(dir.path(), 1, 900);
        index.reader.reload().unwrap();
        let searcher = index.reader.searcher();
        let email = |e: &str| vec![Probe::Email(e.into())];
        let many = |probes: &[Probe]| index.many_candidates(probes, &searcher);
        assert!(many(&jane()));
        assert!(many(&email("jane.doe@example.com")));
        assert!(!many(&email("nobody@example.com")));
        // A few assets each, counted together.
        let small = tempfile::tempdir().unwrap();
        let index = self::index(small.path(), 1, 600);
        index.reader.reload().unwrap();
        let searcher = index.reader.searcher();
        let many = |probes: &[Probe]| index.many_candidates(probes, &searcher);
        assert!(!many(&email("jane.doe@example.com")), "200 assets hold it");
        let both = [email("jane.doe@example.com"), email("kari@example.com")].concat();
        assert!(many(&both), "600 assets hold one or the other");
    }

    #[test]
    fn candidates_found_on_several_threads_come_in_index_order() {
        let dir = tempfile::tempdir().unwrap();
        let index = index(dir.path(), 4, 300);
        let ids = index
            .confirm_candidates(&jane(), |asset| Some(asset.id))
            .unwrap();
        // In index order: the order of every stored asset, read on one thread.
        let mut expected = Vec::new();
        index
            .for_each_asset(|asset| {
                if matches!(&asset.metadata[PERSON_SHOWN], FieldValue::Bag(p) if p[0] == "Jane Doe")
                {
                    expected.push(asset.id);
                }
            })
            .unwrap();
        assert_eq!(expected.len(), 400);
        assert_eq!(ids, expected);
    }

    fn failure() -> IndexError {
        IndexError::Tantivy {
            path: "test".into(),
            source: tantivy::TantivyError::InvalidArgument("a failing read".into()),
        }
    }

    /// Searches for Jane Doe on this thread and a helper, as `confirm_candidates` does, and
    /// says whether it failed; `None` when the search did not end in 10 seconds.
    fn run_on_two_threads(
        index: &TenantIndex,
        weight: impl FnOnce(Box<dyn Weight>) -> Box<dyn Weight> + Send + 'static,
        confirm_run: impl Fn(&[DocAddress]) -> Result<Vec<DocAddress>, IndexError> + Sync,
    ) -> Option<bool> {
        index.reader.reload().unwrap();
        let searcher = index.reader.searcher();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    search(
                        &searcher,
                        1,
                        || Ok(weight(index.weight(&jane(), &searcher)?)),
                        &confirm_run,
                        |_| failure(),
                    )
                    .is_err()
                }));
                let _ = tx.send(outcome.unwrap_or(true));
            });
            let ended = rx.recv_timeout(std::time::Duration::from_secs(10)).ok();
            if ended.is_none() {
                // The threads wait for each other forever: end the tests rather than hang.
                eprintln!(
                    "the search did not end in 10 seconds: a thread is waiting for one that is gone"
                );
                std::process::exit(101);
            }
            ended
        })
    }

    #[test]
    fn a_failing_run_ends_the_search_on_every_thread() {
        let dir = tempfile::tempdir().unwrap();
        let index = index(dir.path(), 4, 300);
        let runs = AtomicUsize::new(0);
        let failed = run_on_two_threads(
            &index,
            |weight| weight,
            |addresses| {
                if runs.fetch_add(1, Ordering::SeqCst) == 3 {
                    return Err(failure());
                }
                // As long as reading a run takes, so that the failure comes while the
                // other thread holds one.
                std::thread::sleep(std::time::Duration::from_millis(5));
                Ok(addresses.to_vec())
            },
        );
        assert_eq!(failed, Some(true));
        // The other thread finished the run it held and took at most one more before it
        // saw the failure: of the 13 or more runs of 400 candidates, six at most were begun.
        let begun = runs.load(Ordering::SeqCst);
        assert!(begun <= 6, "{begun} runs were begun, the fourth failed");
    }

    /// The query of `inner`, except that the search of one segment panics.
    struct PanicsOn {
        inner: Box<dyn Weight>,
        segment: tantivy::index::SegmentId,
    }

    impl Weight for PanicsOn {
        fn scorer(
            &self,
            reader: &SegmentReader,
            boost: Score,
        ) -> tantivy::Result<Box<dyn tantivy::query::Scorer>> {
            assert_ne!(reader.segment_id(), self.segment, "a search that panics");
            self.inner.scorer(reader, boost)
        }

        fn explain(
            &self,
            reader: &SegmentReader,
            doc: DocId,
        ) -> tantivy::Result<tantivy::query::Explanation> {
            self.inner.explain(reader, doc)
        }
    }

    #[test]
    fn a_thread_that_panics_while_searching_a_segment_keeps_no_other_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let index = index(dir.path(), 4, 300);
        index.reader.reload().unwrap();
        let segment = index.reader.searcher().segment_readers()[0].segment_id();
        // Without the halt, the thread that did not panic waits for that segment forever.
        let failed = run_on_two_threads(
            &index,
            move |inner| Box::new(PanicsOn { inner, segment }),
            |addresses| Ok(addresses.to_vec()),
        );
        assert_eq!(failed, Some(true));
    }
}
