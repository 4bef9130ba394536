//! Rectification (Art. 16): correcting a subject's data where it stands. The plan puts the
//! new value in place of the old one — the whole entry in lists and bag fields, the phrase
//! in free text, nothing else of the asset — or sets fields to given values. The read-back
//! check confirms that each changed field holds what was planned and the old value is gone.
//! Carrying the plan out is [`crate::apply`]'s.

use std::collections::{BTreeMap, BTreeSet};

use phonenumber::country;
use serde::{Deserialize, Serialize};

use crate::apply::holds::Holds;
use crate::apply::{self, Action, Intent, Plan, Step, same_value};
use crate::asset::{Asset, FieldValue, Metadata};
use crate::erase::scrub;
use crate::fields::{FieldRoles, Role};
use crate::index::identity::{Identity, IdentityError, IdentityKind, probes};
use crate::index::matcher::{Confidence, Matcher};
use crate::platform::{MetadataChanges, PlatformError};

/// The correction asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Change {
    /// Put `to` where the subject's `from` stands, in `fields` only when any are named.
    Replace {
        from: Identity,
        to: String,
        #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
        fields: BTreeSet<String>,
    },
    /// Set each field to its value (an empty value clears the field).
    Set { fields: BTreeMap<String, String> },
}

/// Why a correction cannot be planned. Messages never hold the values.
#[derive(Debug, thiserror::Error)]
pub enum RectifyError {
    #[error("the old value (--replace) cannot be searched: {0}")]
    Old(IdentityError),
    #[error(
        "the new value (--to) is not a valid {kind}: it must be the same kind of value as the old one"
    )]
    New { kind: &'static str },
    #[error("the new value (--to) is the old one: nothing would change")]
    Same,
    #[error("--set #{0} is not FIELD=VALUE (for example 309=+47 912 34 567)")]
    BadSet(usize),
    #[error(
        "'{0}' is not a field id: field ids are numbers such as 368 (or letters, digits, '-', '_')"
    )]
    BadField(String),
}

fn check_field(field: &str) -> Result<(), RectifyError> {
    let ok = !field.is_empty()
        && field
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(RectifyError::BadField(field.to_owned()))
    }
}

impl Change {
    /// A replacement of `from` by `to`. `from` is read as the kind of identity it is: the
    /// case identity it equals, else an e-mail when it holds '@', a phone number when it is
    /// digits and punctuation, else a name. `to` must be a valid value of the same kind.
    pub fn replace(
        from: &str,
        to: &str,
        fields: BTreeSet<String>,
        known: &[Identity],
        region: Option<country::Id>,
    ) -> Result<Change, RectifyError> {
        let (from, to) = (from.trim(), to.trim());
        if from == to {
            return Err(RectifyError::Same);
        }
        for field in &fields {
            check_field(field)?;
        }
        let kind = kind_of(from, known);
        let old = Identity::new(kind, from);
        probes(std::slice::from_ref(&old), region).map_err(RectifyError::Old)?;
        if to.is_empty() || probes(&[Identity::new(kind, to)], region).is_err() {
            return Err(RectifyError::New {
                kind: kind.as_str(),
            });
        }
        Ok(Change::Replace {
            from: old,
            to: to.to_owned(),
            fields,
        })
    }

    /// Fields to set, from `FIELD=VALUE` pairs.
    pub fn set(pairs: &[String]) -> Result<Change, RectifyError> {
        let mut fields = BTreeMap::new();
        for (i, pair) in pairs.iter().enumerate() {
            let (field, value) = pair.split_once('=').ok_or(RectifyError::BadSet(i + 1))?;
            check_field(field.trim())?;
            fields.insert(field.trim().to_owned(), value.trim().to_owned());
        }
        if fields.is_empty() {
            return Err(RectifyError::BadSet(1));
        }
        Ok(Change::Set { fields })
    }
}

fn kind_of(value: &str, known: &[Identity]) -> IdentityKind {
    if let Some(identity) = known
        .iter()
        .find(|i| i.value.trim().eq_ignore_ascii_case(value))
    {
        return identity.kind;
    }
    let phone_like = value.chars().filter(char::is_ascii_digit).count() >= 5
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if value.contains('@') {
        IdentityKind::Email
    } else if phone_like {
        IdentityKind::Phone
    } else {
        IdentityKind::Name
    }
}

/// Plans and checks one correction on a tenant.
pub struct Rectifier<'a> {
    change: &'a Change,
    /// Finds the subject, to tell their values from other people's.
    subject: &'a Matcher,
    roles: &'a FieldRoles,
    /// Finds the old value (for a replacement).
    old: Option<Matcher>,
    writable: Option<&'a BTreeSet<String>>,
    holds: &'a Holds,
}

impl<'a> Rectifier<'a> {
    pub fn new(
        change: &'a Change,
        subject: &'a Matcher,
        roles: &'a FieldRoles,
        region: Option<country::Id>,
        writable: Option<&'a BTreeSet<String>>,
        holds: &'a Holds,
    ) -> Result<Rectifier<'a>, RectifyError> {
        let old = match change {
            Change::Replace { from, .. } => {
                let probes =
                    probes(std::slice::from_ref(from), region).map_err(RectifyError::Old)?;
                Some(Matcher::new(probes, roles.clone(), region))
            }
            Change::Set { .. } => None,
        };
        Ok(Rectifier {
            change,
            subject,
            roles,
            old,
            writable,
            holds,
        })
    }

    /// Plans every asset of the reviewed set, as read from the platform now.
    pub fn plan(
        &self,
        case: &str,
        tenant: &str,
        read: impl IntoIterator<Item = (String, Confidence, Result<Asset, PlatformError>)>,
    ) -> Result<Plan, (String, PlatformError)> {
        let mut steps = Vec::new();
        for (id, floor, asset) in read {
            steps.push(match asset {
                Ok(asset) => self.step(&asset, floor),
                Err(e) if e.is_not_found() => Step {
                    acts_from: floor,
                    ..Step::untouched(&id, Action::Clean, "the asset no longer exists")
                },
                Err(e) => return Err((id, e)),
            });
        }
        Ok(Plan {
            format: apply::PLAN_FORMAT,
            case: case.to_owned(),
            tenant: tenant.to_owned(),
            intent: Intent::Rectification {
                change: self.change.clone(),
            },
            steps,
        })
    }

    /// Plans one asset as the platform holds it now, taking every match of the old value
    /// at `floor` or above for the one to correct.
    pub fn step(&self, asset: &Asset, floor: Confidence) -> Step {
        let untouched = |action, reason: String| Step {
            acts_from: floor,
            ..Step::untouched(&asset.id, action, reason)
        };
        if let Some(reason) = self.holds.withheld(asset) {
            return untouched(Action::Withheld, reason.to_owned());
        }
        let changes = match self.changes(&asset.metadata, floor) {
            Ok(changes) => changes,
            Err(reason) => return untouched(Action::Manual, reason),
        };
        if changes.is_empty() {
            let why = match self.change {
                Change::Replace { .. } => "does not hold the old value where it is to be replaced",
                Change::Set { .. } => "holds the values already",
            };
            return untouched(Action::Clean, why.to_owned());
        }
        let after = scrub::apply(&asset.metadata, &changes);
        if let Some(field) = changes
            .keys()
            .find(|f| self.old_left(f, after.get(*f), floor))
        {
            return untouched(
                Action::Manual,
                format!("field {field} would still hold the old value"),
            );
        }
        if let Some(field) = apply::unwritable(&changes, self.writable) {
            return untouched(
                Action::Manual,
                format!(
                    "field {field} is to be corrected but the platform does not let it be changed"
                ),
            );
        }
        let fields: Vec<&str> = changes.keys().map(String::as_str).collect();
        Step {
            asset: asset.id.clone(),
            action: Action::Rectify,
            reason: format!("corrected in field(s) {}", fields.join(", ")),
            version: asset.version.clone(),
            changes,
            acts_from: floor,
            shows_subject: false,
            left_fields: Vec::new(),
        }
    }

    /// The old value a replacement removes, as an identity (none for `--set`).
    pub fn old_value(&self) -> Option<&Identity> {
        match self.change {
            Change::Replace { from, .. } => Some(from),
            Change::Set { .. } => None,
        }
    }

    fn changes(&self, metadata: &Metadata, floor: Confidence) -> Result<MetadataChanges, String> {
        match self.change {
            Change::Replace { to, fields, .. } => {
                let only = (!fields.is_empty()).then_some(fields);
                let old = self.old.as_ref().ok_or("no matcher for the old value")?;
                Ok(scrub::rectify(metadata, old, self.roles, to, only, floor))
            }
            Change::Set { fields } => {
                let mut changes = MetadataChanges::new();
                for (field, value) in fields {
                    let current = metadata.get(field);
                    // A person, e-mail, phone or login field may hold other people's
                    // values beside the subject's: setting it would overwrite theirs.
                    let others = self.roles.role(field) != Role::Text
                        && current.is_some_and(|v| {
                            v.items()
                                .iter()
                                .any(|item| !scrub::holds_subject(field, item, self.subject, floor))
                        });
                    if others {
                        return Err(format!(
                            "field {field} holds someone else's value and --set would replace it: correct the subject's with --replace and --with"
                        ));
                    }
                    let new = match current {
                        _ if value.is_empty() => None,
                        Some(FieldValue::Bag(_)) => Some(FieldValue::Bag(vec![value.clone()])),
                        _ => Some(FieldValue::Single(value.clone())),
                    };
                    if !same_value(current, new.as_ref()) {
                        changes.insert(field.clone(), new);
                    }
                }
                Ok(changes)
            }
        }
    }

    /// True when the old value is still in `value` of `field`, other than inside the new
    /// value itself (a name corrected to a longer one that contains it).
    fn old_left(&self, field: &str, value: Option<&FieldValue>, floor: Confidence) -> bool {
        let (Some(old), Change::Replace { to, .. }) = (&self.old, self.change) else {
            return false;
        };
        let found = |value: &FieldValue| {
            let mut one = Metadata::new();
            one.insert(field.to_owned(), value.clone());
            !old.matches_from(&one, floor).is_empty()
        };
        value.is_some_and(found) && !found(&FieldValue::Single(to.clone()))
    }

    /// The read-back check: every changed field holds the value planned (so the new value
    /// is there), and the old value is gone from it.
    pub fn check(&self, step: &Step, asset: &Asset) -> Result<String, String> {
        if step.changes.is_empty() {
            // A step with nothing to do: the old value must not be there now either.
            let only = match self.change {
                Change::Replace { fields, .. } if !fields.is_empty() => Some(fields),
                _ => None,
            };
            let held = asset.metadata.iter().find(|(field, value)| {
                only.is_none_or(|o| o.contains(*field))
                    && self.old_left(field, Some(value), step.acts_from)
            });
            return match held {
                Some((field, _)) => Err(format!("read back: field {field} holds the old value")),
                None if self.old.is_some() => {
                    Ok("read back: no field holds the old value".to_owned())
                }
                None => Ok("read back: nothing to correct".to_owned()),
            };
        }
        for (field, planned) in &step.changes {
            if !same_value(asset.metadata.get(field), planned.as_ref()) {
                return Err(format!(
                    "read back: field {field} does not hold the corrected value"
                ));
            }
            if self.old_left(field, asset.metadata.get(field), step.acts_from) {
                return Err(format!(
                    "read back: field {field} still holds the old value"
                ));
            }
        }
        let fields: Vec<&str> = step.changes.keys().map(String::as_str).collect();
        Ok(format!(
            "read back: field(s) {} hold the corrected value{}",
            fields.join(", "),
            if self.old.is_some() {
                " and not the old one"
            } else {
                ""
            }
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::identity::parse_region;

    fn asset(pairs: &[(&str, FieldValue)]) -> Asset {
        Asset {
            id: "Staff/a.png".into(),
            archive: "Staff".into(),
            filename: "a.png".into(),
            modified: None,
            version: "1".into(),
            metadata: pairs
                .iter()
                .map(|(f, v)| (f.to_string(), v.clone()))
                .collect(),
        }
    }

    fn subject(identities: &[Identity], region: Option<country::Id>) -> Matcher {
        let probes = probes(identities, region).expect("valid identities");
        Matcher::new(probes, FieldRoles::standard(), region)
    }

    fn bag(items: &[&str]) -> FieldValue {
        FieldValue::Bag(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn replaces_the_old_value_only_and_checks_it_back() {
        let region = parse_region("NO").ok();
        let roles = FieldRoles::standard();
        let holds = Holds::default();
        let known = [Identity::new(IdentityKind::Name, "Jane Doe")];
        let change = Change::replace("Jane Doe", "Jane Roe", BTreeSet::new(), &known, region)
            .expect("a valid change");
        let subject = subject(&known, region);
        let rectifier =
            Rectifier::new(&change, &subject, &roles, region, None, &holds).expect("valid");
        let before = asset(&[
            ("368", bag(&["Doe, Jane", "Ola Nordmann"])),
            (
                "120",
                FieldValue::Single("Jane Doe with Ola Nordmann.".into()),
            ),
            ("5", FieldValue::Single("Board".into())),
        ]);
        let step = rectifier.step(&before, Confidence::Medium);
        assert_eq!(step.action, Action::Rectify);
        assert_eq!(
            step.changes["368"],
            Some(bag(&["Jane Roe", "Ola Nordmann"]))
        );
        assert!(!step.changes.contains_key("5"));
        let after = Asset {
            metadata: scrub::apply(&before.metadata, &step.changes),
            ..before.clone()
        };
        assert!(rectifier.check(&step, &after).is_ok());
        assert!(rectifier.check(&step, &before).is_err());

        // A name corrected to one that contains it is not "still the old value".
        let longer = Change::replace("Jane Doe", "Jane Doe-Roe", BTreeSet::new(), &known, region)
            .expect("valid");
        let rectifier =
            Rectifier::new(&longer, &subject, &roles, region, None, &holds).expect("valid");
        assert_eq!(
            rectifier.step(&before, Confidence::Medium).action,
            Action::Rectify
        );

        assert!(matches!(
            Change::replace(
                "jane@example.com",
                "not an address",
                BTreeSet::new(),
                &[],
                region
            ),
            Err(RectifyError::New { kind: "email" })
        ));
        assert!(matches!(
            Change::replace("Jane Doe", "Jane Doe", BTreeSet::new(), &[], region),
            Err(RectifyError::Same)
        ));
    }

    #[test]
    fn set_refuses_to_overwrite_other_peoples_values() {
        let roles = FieldRoles::standard();
        let holds = Holds::default();
        let change = Change::set(&["309=+47 22 33 44 55".into(), "368=Jane Roe".into()])
            .expect("valid pairs");
        let subject = subject(&[Identity::new(IdentityKind::Name, "Jane Doe")], None);
        let rectifier =
            Rectifier::new(&change, &subject, &roles, None, None, &holds).expect("valid");
        let shared = asset(&[("368", bag(&["Jane Doe", "Ola Nordmann"]))]);
        assert_eq!(
            rectifier.step(&shared, Confidence::Medium).action,
            Action::Manual
        );
        let alone = asset(&[("368", bag(&["Jane Doe"]))]);
        let step = rectifier.step(&alone, Confidence::Medium);
        assert_eq!(step.action, Action::Rectify);
        assert_eq!(step.changes["368"], Some(bag(&["Jane Roe"])));
        assert_eq!(
            step.changes["309"],
            Some(FieldValue::Single("+47 22 33 44 55".into()))
        );
        assert!(matches!(
            Change::set(&["no pair".into()]),
            Err(RectifyError::BadSet(1))
        ));
    }
}
