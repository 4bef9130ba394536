//! Erasure (Art. 17): the plan that decides per asset between delete and scrub, the
//! scrubber that removes only the subject's values, the read-back check that they are gone,
//! and tombstones to replay an erasure after a restore. Carrying the plan out is
//! [`crate::apply`]'s.

pub mod plan;
mod records;
pub mod tombstone;

use crate::apply::Step;
use crate::asset::Asset;
use crate::matching::matcher::Matcher;

/// The read-back check of a scrubbed asset: no field holds the subject at the confidence
/// the step acted on, other than the fields it left for a person.
pub fn subject_gone(matcher: &Matcher, step: &Step, asset: &Asset) -> Result<String, String> {
    let mut left: Vec<String> = matcher
        .matches_from(&asset.metadata, step.acts_from)
        .into_iter()
        .map(|m| m.field)
        .filter(|field| !step.left_fields.contains(field))
        .collect();
    left.sort();
    left.dedup();
    if left.is_empty() {
        // A transfer is told apart in the receipt: the album stays, with another owner.
        if step
            .changes
            .get(crate::fields::records::ALBUM_OWNER)
            .is_some_and(Option::is_some)
        {
            return Ok(
                "read back: the album now belongs to the account --transfer-to names; no field holds the subject"
                    .to_owned(),
            );
        }
        Ok(if step.left_fields.is_empty() {
            "read back: no field holds the subject".to_owned()
        } else {
            "read back: no field dsr may change holds the subject".to_owned()
        })
    } else {
        Err(format!(
            "read back: the subject is still in field(s) {}",
            left.join(", ")
        ))
    }
}
