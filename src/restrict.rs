//! Restriction of processing (Art. 18): each asset of the subject is marked by putting the
//! tenant's restriction value into the field its profile names, so that the platform's
//! users see it is not to be used; lifting the restriction takes the mark away again.
//! Nothing else of an asset changes, and a field holding another single value is never
//! overwritten (left for a person). The read-back check confirms the mark is there (or
//! gone). Carrying the plan out is [`crate::apply`]'s.

use std::collections::BTreeSet;

use crate::apply::holds::Holds;
use crate::apply::{Action, Intent, Plan, Step, unwritable};
use crate::asset::{Asset, FieldValue};
use crate::matching::matcher::Confidence;
use crate::platform::{MetadataChanges, PlatformError};

/// The value put into the restriction field when the profile names none.
pub const DEFAULT_VALUE: &str = "restricted";

/// Plans and checks one restriction (or its lifting) on a tenant.
pub struct Restrictor<'a> {
    pub field: &'a str,
    pub value: &'a str,
    pub lift: bool,
    /// Fields the platform lets dsr change; `None` or empty when it does not say.
    pub writable: Option<&'a BTreeSet<String>>,
    pub holds: &'a Holds,
}

impl Restrictor<'_> {
    /// What the plan carries out.
    pub fn intent(&self) -> Intent {
        Intent::Restriction {
            field: self.field.to_owned(),
            value: self.value.to_owned(),
            lift: self.lift,
        }
    }

    /// Plans every asset of the reviewed set, as read from the platform now; an asset that
    /// no longer exists has nothing to mark.
    pub fn plan(
        &self,
        case: &str,
        tenant: &str,
        assets: impl IntoIterator<Item = (String, Confidence, Result<Asset, PlatformError>)>,
    ) -> Result<Plan, (String, PlatformError)> {
        let mut steps = Vec::new();
        for (id, floor, read) in assets {
            match read {
                Ok(asset) => steps.push(self.step(&asset, floor)),
                Err(e) if e.is_not_found() => steps.push(Step::untouched(
                    &id,
                    Action::Clean,
                    "no longer on the platform",
                )),
                Err(e) => return Err((id, e)),
            }
        }
        Ok(Plan {
            format: crate::apply::PLAN_FORMAT,
            case: case.to_owned(),
            tenant: tenant.to_owned(),
            intent: self.intent(),
            steps,
        })
    }

    /// One asset's step, from the asset as it is now.
    pub fn step(&self, asset: &Asset, floor: Confidence) -> Step {
        let field = self.field;
        let untouched = |action, reason: String| Step {
            acts_from: floor,
            ..Step::untouched(&asset.id, action, reason)
        };
        if let Some(hold) = self.holds.withheld(asset) {
            return untouched(Action::Withheld, hold);
        }
        let items: Vec<String> = asset
            .metadata
            .get(field)
            .map(|v| v.items().to_vec())
            .unwrap_or_default();
        let marked = items.iter().any(|i| i.trim() == self.value);
        let new = match (self.lift, marked, asset.metadata.get(field)) {
            (false, true, _) => {
                return untouched(
                    Action::Clean,
                    format!("field {field} already marks the asset restricted"),
                );
            }
            (true, false, _) => {
                return untouched(
                    Action::Clean,
                    format!("field {field} does not mark the asset restricted"),
                );
            }
            // A field holding one other value is someone's data: never overwritten.
            (false, false, Some(FieldValue::Single(other))) if !other.trim().is_empty() => {
                return untouched(
                    Action::Manual,
                    format!("field {field} holds another value: mark the asset restricted by hand"),
                );
            }
            (false, false, Some(FieldValue::Bag(_))) => Some(FieldValue::Bag(
                items.into_iter().chain([self.value.to_owned()]).collect(),
            )),
            (false, false, _) => Some(FieldValue::Single(self.value.to_owned())),
            (true, true, Some(FieldValue::Bag(_))) => {
                let rest: Vec<String> = items
                    .into_iter()
                    .filter(|i| i.trim() != self.value)
                    .collect();
                (!rest.is_empty()).then_some(FieldValue::Bag(rest))
            }
            (true, true, _) => None,
        };
        let changes: MetadataChanges = [(field.to_owned(), new)].into_iter().collect();
        if let Some(field) = unwritable(&changes, self.writable) {
            return untouched(
                Action::Manual,
                format!("the platform does not let dsr change field {field}"),
            );
        }
        let (action, reason) = if self.lift {
            (
                Action::Lift,
                format!("field {field}: the restriction mark is removed"),
            )
        } else {
            (
                Action::Restrict,
                format!("field {field}: marked restricted"),
            )
        };
        Step {
            version: asset.version.clone(),
            changes,
            ..untouched(action, reason)
        }
    }

    /// The read-back check of a changed asset: the field holds the mark, or no longer does.
    pub fn check(&self, asset: &Asset) -> Result<String, String> {
        let marked = asset
            .metadata
            .get(self.field)
            .is_some_and(|v| v.items().iter().any(|i| i.trim() == self.value));
        let field = self.field;
        match (self.lift, marked) {
            (false, true) => Ok(format!(
                "read back: field {field} marks the asset restricted"
            )),
            (false, false) => Err(format!(
                "read back: field {field} does not mark the asset restricted"
            )),
            (true, false) => Ok(format!(
                "read back: field {field} no longer marks the asset restricted"
            )),
            (true, true) => Err(format!(
                "read back: field {field} still marks the asset restricted"
            )),
        }
    }
}
