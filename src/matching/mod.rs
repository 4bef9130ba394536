//! Who a value names: identities and the probes searched for them (`identity`), words
//! folded the ways people write them (`normalize`), and the rules that grade a value
//! against a person (`matcher`). Apart from the index so the rules can be tested and
//! measured alone: the index proposes candidates by these folds, and this module decides.

pub mod identity;
pub mod matcher;
pub mod normalize;
pub mod related;

/// The region national phone numbers are read in (a tenant's default region). Named as the
/// earlier phone library named it, so the many signatures that carry a region read as before.
pub mod country {
    pub use rlibphonenumber::Region as Id;
}
