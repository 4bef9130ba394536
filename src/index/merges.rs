//! Which segments a writer merges: as tantivy's log policy chooses, but never more than
//! [`MOST_MERGED_DOCS`] documents into one segment.
//!
//! A merge maps every segment it reads, and those pages count in the syncing process's
//! memory while it runs: its peak follows the largest merge, not the batch being indexed.
//! Left alone, the log policy merges ever larger segments; at ten million assets one merge
//! of 8.3 million documents took a first sync's peak RSS to 1.8 GB (the index 2.7 GB).

use std::collections::HashMap;

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// The most documents one merge writes: at about 270 bytes an asset, a merge reads some
/// 400 MB. A segment this large is no longer merged; at ten million assets that leaves
/// about ten segments, which a search reads one dictionary lookup each.
pub(super) const MOST_MERGED_DOCS: u32 = 1_500_000;

/// The log merge policy with every merge held to `most_docs` documents.
#[derive(Debug)]
pub(super) struct CappedMerges {
    inner: LogMergePolicy,
    most_docs: u32,
}

impl CappedMerges {
    pub(super) fn new(most_docs: u32) -> CappedMerges {
        let mut inner = LogMergePolicy::default();
        inner.set_max_docs_before_merge(most_docs as usize);
        CappedMerges { inner, most_docs }
    }
}

impl MergePolicy for CappedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs: HashMap<SegmentId, u32> =
            segments.iter().map(|s| (s.id(), s.max_doc())).collect();
        let size = |id: &SegmentId| docs.get(id).copied().unwrap_or(u32::MAX);
        self.inner
            .compute_merge_candidates(segments)
            .into_iter()
            .filter_map(|MergeCandidate(mut ids)| {
                // The smallest segments of the candidate, as many as the cap allows.
                ids.sort_by_key(size);
                let mut total: u32 = 0;
                let kept = ids
                    .iter()
                    .take_while(|id| {
                        total = total.saturating_add(size(id));
                        total <= self.most_docs
                    })
                    .count();
                ids.truncate(kept);
                (ids.len() >= 2).then_some(MergeCandidate(ids))
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::{TenantIndex, test_commit};
    use super::*;
    use crate::asset::FieldValue;
    use crate::fields::PERSON_SHOWN;

    #[test]
    fn expunging_deleted_documents_rewrites_each_segment_on_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let index = TenantIndex::open_or_create(dir.path()).unwrap();
        for commit in 0..3 {
            let shown = || {
                [(
                    PERSON_SHOWN.into(),
                    FieldValue::Bag(vec!["Jane Doe".into()]),
                )]
            };
            test_commit(&index, commit * 10, (0..10).map(|_| shown().into()));
        }
        let largest = |index: &TenantIndex| {
            let metas = index.index.searchable_segment_metas().unwrap();
            metas.iter().map(|m| m.max_doc()).max().unwrap()
        };
        // Each commit wrote one or two segments (two indexing threads), none over 10.
        assert!(largest(&index) <= 10);
        // Half of every commit's documents gone.
        let mut update = index.update().unwrap();
        for n in (0..30).step_by(2) {
            update.remove(&format!("a/{n:05}.jpg"));
        }
        update.commit().unwrap();
        assert!(index.expunge_deleted().unwrap() >= 3);
        let metas = index.index.searchable_segment_metas().unwrap();
        assert_eq!(metas.iter().map(|m| m.max_doc()).sum::<u32>(), 15);
        // Merged together, the three or more rewritten segments would make one of 15.
        assert!(largest(&index) <= 10, "no segment merged with another");
        assert!(metas.iter().all(|m| !m.has_deletes()));
    }

    fn segments(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        sizes
            .iter()
            .map(|&docs| index.new_segment_meta(SegmentId::generate_random(), docs))
            .collect()
    }

    #[test]
    fn no_merge_writes_more_documents_than_the_cap() {
        // Eight segments of a level: tantivy's policy merges them all into 1.6 million.
        let metas = segments(&[200_000; 8]);
        let uncapped = LogMergePolicy::default().compute_merge_candidates(&metas);
        assert_eq!(uncapped.len(), 1);
        assert_eq!(uncapped[0].0.len(), 8);
        let capped = CappedMerges::new(1_000_000).compute_merge_candidates(&metas);
        assert_eq!(capped.len(), 1);
        assert_eq!(capped[0].0.len(), 5, "five of 200,000 make the cap");
        // Segments at the cap are left as they are; small ones still merge.
        let metas = segments(&[1_000_000; 8]);
        assert!(
            CappedMerges::new(1_000_000)
                .compute_merge_candidates(&metas)
                .is_empty()
        );
        let metas = segments(&[20_000; 8]);
        let capped = CappedMerges::new(1_000_000).compute_merge_candidates(&metas);
        assert_eq!(capped[0].0.len(), 8);
    }
}
