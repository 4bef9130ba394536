//! Erasure (Art. 17): the plan that decides per asset between delete and scrub, the
//! scrubber that removes only the subject's values, the read-back check that they are gone,
//! and tombstones to replay an erasure after a restore. Carrying the plan out is
//! [`crate::apply`]'s.

pub mod plan;
pub mod scrub;
pub mod tombstone;

use crate::apply::Step;
use crate::asset::Asset;
use crate::index::matcher::{Confidence, Matcher};

/// The read-back check of a scrubbed asset: no field holds the subject at medium
/// confidence or above.
pub fn subject_gone(matcher: &Matcher, _step: &Step, asset: &Asset) -> Result<String, String> {
    let mut left: Vec<String> = matcher
        .matches(&asset.metadata)
        .into_iter()
        .filter(|m| m.confidence >= Confidence::Medium)
        .map(|m| m.field)
        .collect();
    left.dedup();
    if left.is_empty() {
        Ok("read back: no field holds the subject".to_owned())
    } else {
        Err(format!(
            "read back: the subject is still in field(s) {}",
            left.join(", ")
        ))
    }
}
