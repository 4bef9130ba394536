//! The erasure plan's policy for records that are not assets (a platform's user accounts,
//! comments, albums, shares and orders, see [`crate::fields::records`]): the subject's own account
//! deleted or disabled with its personal fields cleared, the comments she wrote deleted or
//! kept anonymised, the albums she owns handed to another owner or deleted, shares to her
//! e-mail address removed, orders withheld under the bookkeeping legal hold. Everything else about them (a comment that merely names her, an account
//! whose description mentions her) is scrubbed like any asset's metadata.

use crate::apply::{Action, Step};
use crate::asset::{Asset, FieldValue};
use crate::edit;
use crate::fields::records as f;
use crate::matching::matcher::{Confidence, FieldMatch};
use crate::plan::{AccountPolicy, AuthoredComments, ShownWithOthers, Strategy};
use crate::platform::MetadataChanges;

use super::plan::Planner;

impl Planner<'_> {
    /// The step of a record the policy decides, or `None` to plan it like an asset.
    pub(super) fn record_step(
        &self,
        asset: &Asset,
        floor: Confidence,
        found: &[FieldMatch],
    ) -> Option<Step> {
        let in_field = |field: &str| found.iter().any(|m| m.field == field);
        let matched: Vec<String> = found.iter().map(|m| m.field.clone()).collect();
        if !f::whole_record_of(&asset.archive, &matched) {
            return None;
        }
        let step = |action, reason: &str, changes: MetadataChanges| Step {
            asset: asset.id.clone(),
            action,
            reason: reason.to_owned(),
            version: asset.version.clone(),
            changes,
            acts_from: floor,
            shows_subject: false,
            left_fields: Vec::new(),
        };
        let policy = &self.records;
        if asset.archive == f::USERS {
            return Some(match policy.account {
                AccountPolicy::Delete => step(
                    Action::Delete,
                    "the subject's own account: deleted (--account delete)",
                    MetadataChanges::new(),
                ),
                AccountPolicy::Disable => step(
                    Action::Scrub,
                    "the subject's own account: disabled, its personal fields cleared (--account disable)",
                    disabled(asset, in_field(f::USER_LOGIN)),
                ),
            });
        }
        if asset.archive == f::COMMENTS {
            return Some(match policy.authored_comments {
                AuthoredComments::Delete => step(
                    Action::Delete,
                    "written by the subject: deleted (--authored-comments delete)",
                    MetadataChanges::new(),
                ),
                AuthoredComments::Anonymise => {
                    let mut changes: MetadataChanges =
                        edit::scrub(&asset.metadata, self.matcher, self.roles, floor)
                            .into_iter()
                            .filter(|(field, _)| field == f::COMMENT_TEXT)
                            .collect();
                    changes.insert(
                        f::COMMENT_AUTHOR.to_owned(),
                        Some(FieldValue::Single(f::FORMER_USER.to_owned())),
                    );
                    step(
                        Action::Scrub,
                        "written by the subject: kept with [former user] as its author and her names taken out of the text (--authored-comments anonymise)",
                        changes,
                    )
                }
            });
        }
        if asset.archive == f::ALBUMS {
            return Some(match &policy.transfer_to {
                Some(login) => {
                    // Her names leave the album's name and description too: the new
                    // owner keeps the album, not what it said about her.
                    let mut changes: MetadataChanges =
                        edit::scrub(&asset.metadata, self.matcher, self.roles, floor)
                            .into_iter()
                            .filter(|(field, _)| {
                                field == f::ALBUM_NAME || field == f::ALBUM_DESCRIPTION
                            })
                            .collect();
                    changes.insert(
                        f::ALBUM_OWNER.to_owned(),
                        Some(FieldValue::Single(login.clone())),
                    );
                    step(
                        Action::Scrub,
                        "an album the subject owns: handed to the account --transfer-to names",
                        changes,
                    )
                }
                None => step(
                    Action::Delete,
                    "an album the subject owns: deleted (no --transfer-to named an owner for it; an album only links assets, which stay in their archives)",
                    MetadataChanges::new(),
                ),
            });
        }
        if asset.archive == f::SHARES {
            return Some(step(
                Action::Delete,
                "an album shared with the subject's e-mail address: the share removed",
                MetadataChanges::new(),
            ));
        }
        None
    }
}

/// Why an order is kept: bookkeeping law binds the controller (Art. 17(3)(b) GDPR).
pub const ORDER_HOLD: &str = "an order: kept under the bookkeeping legal hold (accounting records must be kept for the statutory period, Art. 17(3)(b) GDPR), so it is neither deleted nor scrubbed";

impl Planner<'_> {
    /// The step of an order that holds the subject: withheld under the bookkeeping hold,
    /// whoever placed it. On her own order that FotoWeb still lets change, what bookkeeping
    /// does not need (her phone, her comment) is masked and read back; the step stays
    /// withheld.
    pub(super) fn order_step(
        &self,
        asset: &Asset,
        floor: Confidence,
        found: &[FieldMatch],
    ) -> Option<Step> {
        if asset.archive != f::ORDERS {
            return None;
        }
        let matched: Vec<String> = found.iter().map(|m| m.field.clone()).collect();
        let changeable = asset
            .metadata
            .get(f::ORDER_STATE)
            .is_some_and(|s| f::order_changeable(&s.items().join(" ")));
        let masks: MetadataChanges = if f::whole_record_of(f::ORDERS, &matched) && changeable {
            f::ORDER_MASKABLE
                .iter()
                .filter(|field| {
                    asset
                        .metadata
                        .get(**field)
                        .is_some_and(|v| v.items().iter().any(|i| !i.trim().is_empty()))
                })
                .map(|field| (field.to_string(), None))
                .collect()
        } else {
            MetadataChanges::new()
        };
        if masks.is_empty() {
            return Some(Step {
                acts_from: floor,
                ..Step::untouched(&asset.id, Action::Withheld, ORDER_HOLD)
            });
        }
        Some(Step {
            asset: asset.id.clone(),
            action: Action::Withheld,
            reason: format!("{ORDER_HOLD}; what bookkeeping does not need is masked"),
            version: asset.version.clone(),
            changes: masks,
            acts_from: floor,
            shows_subject: false,
            left_fields: Vec::new(),
        })
    }
}

/// What happens to the consent she gave on an asset when her data there is erased.
pub const CONSENT_WITHDRAWN: &str = "the consent she gave on this asset: withdrawn with her data on the asset, so nothing is asked of it here; it goes when the asset is deleted, and stops naming her once her name leaves the people shown; read back after the asset's step";

/// What is left for a person when the image stays (it shows other people too).
pub const CONSENT_FORM_LEFT: &str = "the image stays and still shows her, and dsr cannot revoke the consent form she signed for it (no platform dsr reaches lets a consent status be changed on its own): revoke it in the platform's consent management";

impl Planner<'_> {
    /// The step of an asset's consent status that names the subject: nothing is done to it
    /// (the API cannot change it), but it is read back after the asset's own step, and
    /// only a read-back that no longer finds her there makes it clean.
    ///
    /// Where the image shows other people too it is scrubbed, not deleted (unless the
    /// erasure deletes such images): it still shows her, and her signed consent form stays
    /// linked to it, which only a person can revoke. The step says so, like the image's.
    pub(super) fn consent_step(&self, asset: &Asset, floor: Confidence) -> Option<Step> {
        if asset.archive != f::CONSENTS {
            return None;
        }
        // The consent of an image a legal hold keeps is kept with it.
        let image_archive = asset.id.split('/').next().unwrap_or_default();
        if self.holds.archives.contains(image_archive) {
            return Some(Step {
                acts_from: floor,
                ..Step::untouched(
                    &asset.id,
                    Action::Withheld,
                    format!(
                        "legal hold on archive {image_archive}: the consent stays with the image"
                    ),
                )
            });
        }
        let others = asset.metadata.get(f::CONSENT_SHOWN).is_some_and(|shown| {
            shown
                .items()
                .iter()
                .any(|name| !edit::holds_subject(f::CONSENT_SHOWN, name, self.matcher, floor))
        });
        let stays = others
            && self.strategy != Strategy::Delete
            && self.shown_with_others != ShownWithOthers::Delete;
        let reason = if stays {
            format!("{CONSENT_WITHDRAWN}; {CONSENT_FORM_LEFT}")
        } else {
            CONSENT_WITHDRAWN.to_owned()
        };
        Some(Step {
            acts_from: floor,
            shows_subject: stays,
            ..Step::untouched(&asset.id, Action::Clean, reason)
        })
    }
}

/// The changes that disable an account and clear its personal fields; a login that is
/// the subject's gives way to one that names no one.
fn disabled(asset: &Asset, login_is_hers: bool) -> MetadataChanges {
    let mut changes: MetadataChanges = f::USER_PERSONAL
        .iter()
        .filter(|field| asset.metadata.contains_key(**field))
        .map(|field| (field.to_string(), None))
        .collect();
    changes.insert(
        f::USER_ENABLED.to_owned(),
        Some(FieldValue::Single("false".to_owned())),
    );
    if login_is_hers {
        let id = asset.id.rsplit('/').next().unwrap_or_default();
        changes.insert(
            f::USER_LOGIN.to_owned(),
            Some(FieldValue::Single(format!("former-user-{id}"))),
        );
    }
    changes
}
