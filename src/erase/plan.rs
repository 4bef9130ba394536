//! The erasure plan: per asset, delete it, scrub the subject's values from it, or withhold
//! it — decided before anything changes, printed, and hashed so the receipt can name the
//! exact plan that was carried out.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::scrub;
use crate::apply::holds::Holds;
use crate::apply::{self, Action, Intent, Plan, Step};
use crate::asset::{Asset, Metadata};
use crate::fields::{self, FieldRoles, Role};
use crate::index::matcher::{Confidence, Matcher, person_entries};
use crate::platform::{MetadataChanges, PlatformError};

/// How the plan treats assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Delete what shows or was uploaded by the subject alone; scrub the rest.
    Auto,
    /// Never delete: remove only the subject's values.
    Scrub,
    /// Delete every asset of the reviewed set.
    Delete,
}

/// What the planner needs to know about the tenant.
pub struct Planner<'a> {
    pub matcher: &'a Matcher,
    pub roles: &'a FieldRoles,
    /// Fields showing who is in the image (368 and mapped ones).
    pub shown_fields: &'a BTreeSet<String>,
    /// Fields the platform lets dsr change; `None` or empty when it does not say.
    pub writable: Option<&'a BTreeSet<String>>,
    pub holds: &'a Holds,
    pub strategy: Strategy,
}

impl Planner<'_> {
    /// Plans every asset of the reviewed set, as read from the platform now (in the same
    /// order). An asset that no longer exists has nothing left to erase.
    pub fn plan(
        &self,
        case: &str,
        tenant: &str,
        read: impl IntoIterator<Item = (String, Result<Asset, PlatformError>)>,
    ) -> Result<Plan, (String, PlatformError)> {
        let mut steps = Vec::new();
        for (id, asset) in read {
            steps.push(match asset {
                Ok(asset) => self.step(&asset),
                Err(e) if e.is_not_found() => {
                    Step::untouched(&id, Action::Clean, "the asset no longer exists")
                }
                Err(e) => return Err((id, e)),
            });
        }
        Ok(Plan {
            format: apply::PLAN_FORMAT,
            case: case.to_owned(),
            tenant: tenant.to_owned(),
            intent: Intent::Erasure {
                strategy: self.strategy,
            },
            steps,
        })
    }

    /// Plans one asset as the platform holds it now.
    pub fn step(&self, asset: &Asset) -> Step {
        let step = |action, reason: &str, changes| Step {
            asset: asset.id.clone(),
            action,
            reason: reason.to_owned(),
            version: asset.version.clone(),
            changes,
        };
        if let Some(reason) = self.holds.withheld(asset) {
            return Step::untouched(&asset.id, Action::Withheld, reason);
        }
        let found: Vec<_> = self
            .matcher
            .matches(&asset.metadata)
            .into_iter()
            .filter(|m| m.confidence >= Confidence::Medium)
            .collect();
        if found.is_empty() {
            return Step::untouched(&asset.id, Action::Clean, "no longer holds the subject");
        }
        let shown = found.iter().any(|m| self.shown_fields.contains(&m.field));
        let uploaded = found
            .iter()
            .any(|m| m.field == fields::UPLOADER_LOGIN || m.field == fields::UPLOADER_NAME);
        let others = self.holds_someone_else(&asset.metadata);
        let delete = match self.strategy {
            Strategy::Delete => true,
            Strategy::Scrub => false,
            Strategy::Auto => (shown || uploaded) && !others,
        };
        if delete {
            let why = match (self.strategy, shown) {
                (Strategy::Delete, _) => "delete strategy",
                (_, true) => "shows the subject and no one else",
                (_, false) => "uploaded by the subject and holds no one else",
            };
            return step(Action::Delete, why, MetadataChanges::new());
        }
        let changes = scrub::scrub(&asset.metadata, self.matcher, self.roles);
        let after = scrub::apply(&asset.metadata, &changes);
        let left = self
            .matcher
            .matches(&after)
            .into_iter()
            .find(|m| m.confidence >= Confidence::Medium);
        if let Some(left) = left {
            return Step::untouched(
                &asset.id,
                Action::Manual,
                format!(
                    "field {} would still hold the subject after scrubbing",
                    left.field
                ),
            );
        }
        if let Some(field) = apply::unwritable(&changes, self.writable) {
            return Step::untouched(
                &asset.id,
                Action::Manual,
                format!(
                    "field {field} holds the subject but the platform does not let it be changed"
                ),
            );
        }
        let why = if others {
            "holds other people too: only the subject's values are removed"
        } else {
            "the subject is named but not shown: only their values are removed"
        };
        step(Action::Scrub, why, changes)
    }

    /// True when a person, e-mail, phone or login field holds an entry that is not the
    /// subject's: deleting the asset would destroy someone else's data with it.
    fn holds_someone_else(&self, metadata: &Metadata) -> bool {
        metadata.iter().any(|(field, value)| {
            let role = self.roles.role(field);
            value.items().iter().any(|item| match role {
                Role::Person => person_entries(item)
                    .into_iter()
                    .any(|(s, e)| !scrub::holds_subject(field, &item[s..e], self.matcher)),
                // The uploader's login and name describe one upload, not another person.
                Role::Login | Role::Email | Role::Phone => {
                    !item.trim().is_empty() && !scrub::holds_subject(field, item, self.matcher)
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
    use crate::index::identity::{Identity, IdentityKind, parse_region, probes};

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
            strategy,
        }
        .step(asset)
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
