//! The erasure plan: per asset, delete it, scrub the subject's values from it, or withhold
//! it — decided before anything changes, printed, and hashed so the receipt can name the
//! exact plan that was carried out.

use std::collections::BTreeSet;

use crate::apply::holds::Holds;
use crate::apply::{self, Action, Intent, Plan, Step};
use crate::asset::{Asset, Metadata};
use crate::edit;
use crate::fields::{self, FieldRoles, Role};
use crate::matching::matcher::{Confidence, Matcher};
pub use crate::plan::{RecordPolicy, ShownWithOthers, Strategy};
use crate::platform::{MetadataChanges, PlatformError};

/// What the planner needs to know about the tenant.
pub struct Planner<'a> {
    pub matcher: &'a Matcher,
    pub roles: &'a FieldRoles,
    /// Fields showing who is in the image (368 and mapped ones).
    pub shown_fields: &'a BTreeSet<String>,
    /// Fields the platform lets dsr change; `None` or empty when it does not say.
    pub writable: Option<&'a BTreeSet<String>>,
    pub holds: &'a Holds,
    /// Archives whose assets the tenant deletes rather than scrubs under the auto
    /// strategy (a SQL dataset's `delete` tables), in the order they must be deleted
    /// (children before parents): the plan's steps follow it.
    pub delete_archives: &'a [String],
    pub strategy: Strategy,
    pub shown_with_others: ShownWithOthers,
    /// Why images showing the subject with others are kept (with [`ShownWithOthers::Keep`]).
    pub reason: Option<String>,
    /// Images an earlier run of the case scrubbed while they still show the subject: their
    /// metadata no longer says so, but the picture does.
    pub shown_before: &'a BTreeSet<String>,
    /// What happens to the subject's own account and the comments she wrote.
    pub records: RecordPolicy,
}

impl Planner<'_> {
    /// Plans every asset of the reviewed set, as read from the platform now (in the same
    /// order), each acting on the subject's matches from its confidence on. An asset that
    /// no longer exists has nothing left to erase.
    pub fn plan(
        &self,
        case: &str,
        tenant: &str,
        read: impl IntoIterator<Item = (String, Confidence, Result<Asset, PlatformError>)>,
    ) -> Result<Plan, (String, PlatformError)> {
        let mut steps = Vec::new();
        // Rows of a table others point at go after theirs: a step's rank is its archive's
        // place in the deletion order (the others come first, as read).
        let mut ranks = Vec::new();
        for (id, floor, asset) in read {
            ranks.push(asset.as_ref().ok().map_or(0, |a| {
                self.delete_archives
                    .iter()
                    .position(|d| *d == a.archive)
                    .map_or(0, |p| p + 1)
            }));
            steps.push(match asset {
                Ok(asset) => self.step(&asset, floor),
                Err(e) if e.is_not_found() => Step {
                    acts_from: floor,
                    ..Step::untouched(&id, Action::Clean, "the asset no longer exists")
                },
                // A link where the asset was (a folder swapped for one after the case was
                // opened) is not read through, and so not planned from. The other assets
                // are still erased; this one's step fails, named, when it is run.
                Err(e) if e.is_link() => self.unread(&id, floor, &e),
                Err(e) => return Err((id, e)),
            });
        }
        if !self.delete_archives.is_empty() {
            let mut ranked: Vec<(usize, Step)> = ranks.into_iter().zip(steps).collect();
            ranked.sort_by_key(|(rank, _)| *rank);
            steps = ranked.into_iter().map(|(_, step)| step).collect();
        }
        Ok(Plan {
            format: apply::PLAN_FORMAT,
            case: case.to_owned(),
            tenant: tenant.to_owned(),
            intent: Intent::Erasure {
                strategy: self.strategy,
                shown_with_others: self.shown_with_others,
                reason: self.reason.clone(),
                records: self.records.clone(),
            },
            steps,
        })
    }

    /// The step of an asset that could not be read to plan it: a delete when every asset
    /// is to be deleted, else one left for a person. Its version is none the asset has, so
    /// that if it can be read by the time the step runs, it is planned again from that
    /// read (legal holds included) before anything is done.
    fn unread(&self, id: &str, floor: Confidence, error: &PlatformError) -> Step {
        let action = match self.strategy {
            Strategy::Delete => Action::Delete,
            Strategy::Auto | Strategy::Scrub => Action::Manual,
        };
        Step {
            version: "not read".to_owned(),
            acts_from: floor,
            ..Step::untouched(id, action, format!("could not be read to plan it: {error}"))
        }
    }

    /// Plans one asset as the platform holds it now, acting on every match of the subject
    /// at `floor` or above.
    pub fn step(&self, asset: &Asset, floor: Confidence) -> Step {
        let step = |action, reason: &str, changes| Step {
            asset: asset.id.clone(),
            action,
            reason: reason.to_owned(),
            version: asset.version.clone(),
            changes,
            acts_from: floor,
            shows_subject: false,
            left_fields: Vec::new(),
        };
        let untouched = |action, reason: String| Step {
            acts_from: floor,
            ..Step::untouched(&asset.id, action, reason)
        };
        if let Some(reason) = self.holds.withheld(asset) {
            return untouched(Action::Withheld, reason.to_owned());
        }
        let found = self.matcher.matches_from(&asset.metadata, floor);
        if found.is_empty() && self.shown_before.contains(&asset.id) {
            if self.shown_with_others == ShownWithOthers::Delete && self.strategy != Strategy::Scrub
            {
                return step(
                    Action::Delete,
                    "an earlier run scrubbed its metadata but the image still shows the subject: deleted as asked (--shown-with-others delete)",
                    MetadataChanges::new(),
                );
            }
            return Step {
                shows_subject: true,
                ..untouched(
                    Action::Clean,
                    "an earlier run scrubbed its metadata; the image still shows the subject"
                        .to_owned(),
                )
            };
        }
        if found.is_empty() {
            return untouched(Action::Clean, "no longer holds the subject".to_owned());
        }
        // Whatever the strategy: an order is an accounting record, never deleted.
        if let Some(step) = self.order_step(asset, floor, &found) {
            return step;
        }
        // Nor is a consent status changed on its own: it follows its asset.
        if let Some(step) = self.consent_step(asset, floor) {
            return step;
        }
        if self.strategy != Strategy::Delete
            && let Some(step) = self.record_step(asset, floor, &found)
        {
            return step;
        }
        let shown = found.iter().any(|m| self.shown_fields.contains(&m.field));
        let uploaded = found
            .iter()
            .any(|m| m.field == fields::UPLOADER_LOGIN || m.field == fields::UPLOADER_NAME);
        // The photographer (80) or the uploader of an image is not a person shown in it:
        // only the shown fields say whether deleting it takes someone else's picture too.
        let others_shown = self.shows_someone_else(&asset.metadata, floor);
        let others = self.holds_someone_else(&asset.metadata, floor);
        let delete = match self.strategy {
            Strategy::Delete => Some("delete strategy"),
            Strategy::Scrub => None,
            Strategy::Auto if self.delete_archives.contains(&asset.archive) => {
                Some("the dataset deletes the rows of this table")
            }
            Strategy::Auto if shown && !others_shown => Some("shows the subject and no one else"),
            Strategy::Auto if shown && self.shown_with_others == ShownWithOthers::Delete => Some(
                "shows the subject with other people: deleted as asked (--shown-with-others delete)",
            ),
            Strategy::Auto if uploaded && !others => {
                Some("uploaded by the subject and holds no one else")
            }
            Strategy::Auto => None,
        };
        if let Some(why) = delete {
            return step(Action::Delete, why, MetadataChanges::new());
        }
        let all = edit::scrub(&asset.metadata, self.matcher, self.roles, floor);
        let after = edit::apply(&asset.metadata, &all);
        // What scrubbing cannot take out (a value that does not separate), and what the
        // platform does not let dsr write, stays for a person; everything else is scrubbed.
        let mut left: BTreeSet<String> = self
            .matcher
            .matches_from(&after, floor)
            .into_iter()
            .map(|m| m.field)
            .collect();
        let writable = self.writable.filter(|w| !w.is_empty());
        let changes: MetadataChanges = all
            .into_iter()
            .filter(|(field, _)| {
                let ok = writable.is_none_or(|w| w.contains(field));
                if !ok {
                    left.insert(field.clone());
                }
                ok
            })
            .collect();
        let left_fields: Vec<String> = left.into_iter().collect();
        if changes.is_empty() {
            return untouched(
                Action::Manual,
                format!(
                    "field(s) {} hold the subject but cannot be changed by dsr (read-only on the platform, or not separable): a person must",
                    left_fields.join(", ")
                ),
            );
        }
        let why = match (shown, others_shown, left_fields.is_empty()) {
            (_, _, false) => format!(
                "only the subject's values are removed; field(s) {} cannot be changed by dsr and are left for a person",
                left_fields.join(", ")
            ),
            (true, true, _) => "shows the subject with other people: the metadata is scrubbed, the image still shows the subject".to_owned(),
            (true, false, _) => "shows the subject: the metadata is scrubbed (scrub strategy), the image still shows the subject".to_owned(),
            (false, _, _) if others => {
                "holds other people too: only the subject's values are removed".to_owned()
            }
            (false, _, _) => {
                "the subject is named but not shown: only their values are removed".to_owned()
            }
        };
        Step {
            shows_subject: shown,
            left_fields,
            ..step(Action::Scrub, &why, changes)
        }
    }

    /// True when a field showing who is in the image names someone other than the subject.
    fn shows_someone_else(&self, metadata: &Metadata, floor: Confidence) -> bool {
        metadata
            .iter()
            .filter(|(field, _)| self.shown_fields.contains(*field))
            .any(|(field, value)| {
                value.items().iter().any(|item| {
                    self.matcher
                        .person_entries(item)
                        .into_iter()
                        .any(|(s, e)| !edit::holds_subject(field, &item[s..e], self.matcher, floor))
                })
            })
    }

    /// True when a person, e-mail, phone or login field holds an entry that is not the
    /// subject's: deleting the asset would destroy someone else's data with it.
    fn holds_someone_else(&self, metadata: &Metadata, floor: Confidence) -> bool {
        metadata.iter().any(|(field, value)| {
            let role = self.roles.role(field);
            value.items().iter().any(|item| match role {
                Role::Person => self
                    .matcher
                    .person_entries(item)
                    .into_iter()
                    .any(|(s, e)| !edit::holds_subject(field, &item[s..e], self.matcher, floor)),
                Role::Login | Role::Email | Role::Phone => {
                    !item.trim().is_empty()
                        && !edit::holds_subject(field, item, self.matcher, floor)
                }
                Role::Text => false,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::FieldValue;
    use crate::matching::identity::{Identity, IdentityKind, parse_region, probes};

    fn asset(id: &str, pairs: &[(&str, &[&str])]) -> Asset {
        Asset {
            id: id.to_owned(),
            archive: id.split('/').next().unwrap_or_default().to_owned(),
            filename: id.to_owned(),
            modified: None,
            version: "1".to_owned(),
            metadata: pairs
                .iter()
                .map(|(f, items)| {
                    let v = if items.len() == 1 && *f != "368" && *f != "80" {
                        FieldValue::Single(items[0].to_owned())
                    } else {
                        FieldValue::Bag(items.iter().map(|s| s.to_string()).collect())
                    };
                    (f.to_string(), v)
                })
                .collect(),
        }
    }

    fn plan_one(asset: &Asset, strategy: Strategy, holds: &Holds) -> Step {
        let identities = [
            Identity::new(IdentityKind::Name, "Jane Doe"),
            Identity::new(IdentityKind::Email, "jane.doe@example.com"),
            Identity::new(IdentityKind::Login, "jdoe"),
        ];
        let region = parse_region("NO").ok();
        let roles = FieldRoles::standard();
        let matcher = Matcher::new(
            probes(&identities, region).expect("valid"),
            roles.clone(),
            region,
        );
        let shown = BTreeSet::from(["368".to_owned()]);
        let writable: BTreeSet<String> = ["5", "25", "80", "120", "308", "368"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        Planner {
            matcher: &matcher,
            roles: &roles,
            shown_fields: &shown,
            writable: Some(&writable),
            holds,
            delete_archives: &[],
            strategy,
            shown_with_others: ShownWithOthers::Report,
            reason: None,
            shown_before: &BTreeSet::new(),
            records: RecordPolicy::default(),
        }
        .step(asset, Confidence::Medium)
    }

    #[test]
    fn shown_alone_is_deleted_with_someone_else_scrubbed() {
        let alone = asset(
            "Staff/a.png",
            &[("368", &["Jane Doe"]), ("5", &["Portrait"])],
        );
        let shared = asset("Staff/b.png", &[("368", &["Jane Doe", "Ola Nordmann"])]);
        let byline = asset("Press/c.png", &[("80", &["Jane Doe"]), ("5", &["Harbour"])]);
        let holds = Holds::default();
        assert_eq!(
            plan_one(&alone, Strategy::Auto, &holds).action,
            Action::Delete
        );
        let step = plan_one(&shared, Strategy::Auto, &holds);
        assert_eq!(step.action, Action::Scrub);
        assert_eq!(
            step.changes["368"],
            Some(FieldValue::Bag(vec!["Ola Nordmann".to_owned()]))
        );
        assert_eq!(
            plan_one(&byline, Strategy::Auto, &holds).action,
            Action::Scrub
        );
        assert_eq!(
            plan_one(&alone, Strategy::Scrub, &holds).action,
            Action::Scrub
        );
        assert_eq!(
            plan_one(&byline, Strategy::Delete, &holds).action,
            Action::Delete
        );
    }

    #[test]
    fn holds_read_only_fields_and_clean_assets() {
        let held = asset("Legal/a.png", &[("368", &["Jane Doe"])]);
        let holds = Holds {
            archives: BTreeSet::from(["Legal".to_owned()]),
            values: vec![("5".to_owned(), "litigation".to_owned())],
        };
        assert_eq!(
            plan_one(&held, Strategy::Auto, &holds).action,
            Action::Withheld
        );
        let tagged = asset(
            "Staff/t.png",
            &[("368", &["Jane Doe"]), ("5", &["Litigation"])],
        );
        assert_eq!(
            plan_one(&tagged, Strategy::Auto, &holds).action,
            Action::Withheld
        );
        // Uploaded by the subject but showing someone else: 360 cannot be written.
        let upload = asset(
            "Staff/u.png",
            &[("360", &["jdoe"]), ("368", &["Ola Nordmann"])],
        );
        assert_eq!(
            plan_one(&upload, Strategy::Auto, &Holds::default()).action,
            Action::Manual
        );
        let clean = asset("Staff/x.png", &[("368", &["Ola Nordmann"])]);
        assert_eq!(
            plan_one(&clean, Strategy::Auto, &Holds::default()).action,
            Action::Clean
        );
    }
}
