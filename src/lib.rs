//! dsr: GDPR data-subject requests against digital-asset-management and SaaS tenants.
//!
//! The library holds the domain — platforms, the index, matching, erasure, receipts and the
//! audit log — and knows nothing of the terminal; the `dsr` binary's commands sit on top of
//! it.

pub mod access;
pub mod anchor;
pub mod appendlog;
pub mod apply;
pub mod asset;
pub mod audit;
pub mod batch;
pub mod case;
pub mod config;
pub mod disclose;
pub mod edit;
pub mod encode;
pub mod erase;
pub mod fields;
pub mod fsutil;
pub mod index;
pub mod lang;
pub mod letter;
pub mod lock;
pub mod matching;
pub mod mentions;
pub mod package;
pub mod plan;
pub mod platform;
pub mod portability;
pub mod receipt;
pub mod rectify;
pub mod restrict;
pub mod ropa;
pub mod sample;
pub mod secret;
pub mod stop;
pub mod subjects;
pub mod threads;
pub mod time;
