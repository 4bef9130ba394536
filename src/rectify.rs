//! Rectification (Art. 16): correcting a subject's data where it stands. The plan puts the
//! new value in place of the old one — the whole entry in lists and bag fields, the phrase
//! in free text, nothing else of the asset — or corrects given fields where they hold the
//! subject's value ([`set`]). The read-back check confirms that each changed field holds
//! what was planned and the old value is gone. Carrying the plan out is [`crate::apply`]'s.

mod set;

use std::collections::{BTreeMap, BTreeSet};

use crate::matching::country;

use crate::apply::holds::Holds;
use crate::apply::{self, Action, Intent, Plan, Step, same_value};
use crate::asset::{Asset, FieldValue, Metadata};
use crate::edit;
use crate::fields::FieldRoles;
use crate::matching::identity::{Identity, IdentityError, IdentityKind, probes};
use crate::matching::matcher::{Confidence, Matcher};
use crate::platform::{MetadataChanges, PlatformError};

pub use crate::plan::Change;

/// Why a correction cannot be planned. Messages never hold the values.
#[derive(Debug, thiserror::Error)]
pub enum RectifyError {
    #[error("the old value (--replace) cannot be searched: {0}")]
    Old(IdentityError),
    #[error(
        "the new value (--with) is not a valid {kind}: it must be the same kind of value as the old one"
    )]
    New { kind: &'static str },
    #[error("the new value (--with) is the old one: nothing would change")]
    Same,
    #[error("--set #{0} is not FIELD=VALUE (for example 309=+47 912 34 567)")]
    BadSet(usize),
    #[error(
        "'{0}' is not a field id: field ids are numbers such as 368 (or letters, digits, '-', '_')"
    )]
    BadField(String),
    #[error(
        "the value --set gives field {field} is not a valid {kind}, the kind of value that field holds"
    )]
    SetValue { field: String, kind: &'static str },
    #[error(
        "--add needs a value to add, and --set leaves field {0} empty (without --add, an empty value removes the subject's entry)"
    )]
    AddEmpty(String),
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

    /// Fields to correct, from `FIELD=VALUE` pairs; `add` also adds the values where the
    /// fields do not hold the subject's.
    pub fn set(pairs: &[String], add: bool) -> Result<Change, RectifyError> {
        let mut fields = BTreeMap::new();
        for (i, pair) in pairs.iter().enumerate() {
            let (field, value) = pair.split_once('=').ok_or(RectifyError::BadSet(i + 1))?;
            check_field(field.trim())?;
            fields.insert(field.trim().to_owned(), value.trim().to_owned());
        }
        if fields.is_empty() {
            return Err(RectifyError::BadSet(1));
        }
        if add && let Some((field, _)) = fields.iter().find(|(_, value)| value.is_empty()) {
            return Err(RectifyError::AddEmpty(field.clone()));
        }
        Ok(Change::Set { fields, add })
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
    /// Plans `--set`.
    setter: Option<set::Setter>,
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
        let (old, setter) = match change {
            Change::Replace { from, .. } => {
                let probes =
                    probes(std::slice::from_ref(from), region).map_err(RectifyError::Old)?;
                (Some(Matcher::new(probes, roles.clone(), region)), None)
            }
            Change::Set { fields, add } => {
                (None, Some(set::Setter::new(fields, *add, roles, region)?))
            }
        };
        Ok(Rectifier {
            change,
            subject,
            roles,
            old,
            setter,
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
        let read: Vec<_> = read.into_iter().collect();
        // `--add` gives an asset lacking a field the shape the others hold it in.
        let mut learned = None;
        if let Some(setter) = &self.setter {
            let mut setter = setter.clone();
            setter.learn_shapes(
                read.iter()
                    .filter_map(|(_, _, a)| Some(&a.as_ref().ok()?.metadata)),
            );
            learned = Some(Rectifier {
                setter: Some(setter),
                old: self.old.clone(),
                ..*self
            });
        }
        let rectifier = learned.as_ref().unwrap_or(self);
        let mut steps = Vec::new();
        for (id, floor, asset) in read {
            steps.push(match asset {
                Ok(asset) => rectifier.step(&asset, floor),
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
        if let Some(setter) = &self.setter {
            return self.set_step(setter, asset, floor);
        }
        let changes = match self.changes(&asset.metadata, floor) {
            Ok(changes) => changes,
            Err(reason) => return untouched(Action::Manual, reason),
        };
        if changes.is_empty() {
            return untouched(
                Action::Clean,
                "does not hold the old value where it is to be replaced".to_owned(),
            );
        }
        let after = edit::apply(&asset.metadata, &changes);
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

    /// True when `value`, found in `field`, is the value `--set` puts there (the subject's
    /// new value, which a locate for their identities may find too).
    pub fn is_new_value(&self, field: &str, value: &str) -> bool {
        self.setter
            .as_ref()
            .is_some_and(|setter| setter.is_new_value(field, value))
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
                Ok(edit::rectify(metadata, old, self.roles, to, only, floor))
            }
            Change::Set { .. } => Err("--set is planned by its own rules".to_owned()),
        }
    }

    /// Plans `--set` on one asset: each field where it holds the subject's value, or (with
    /// `--add`) where it does not hold the new one.
    fn set_step(&self, setter: &set::Setter, asset: &Asset, floor: Confidence) -> Step {
        let planned = setter.plan(&asset.metadata, self.subject, self.roles, floor);
        let reason = planned.reason();
        let untouched = |action| Step {
            acts_from: floor,
            ..Step::untouched(&asset.id, action, reason.clone())
        };
        if planned.blocked() {
            return untouched(Action::Manual);
        }
        if planned.changes.is_empty() {
            return untouched(Action::Clean);
        }
        if let Some(field) = apply::unwritable(&planned.changes, self.writable) {
            return Step {
                reason: format!(
                    "field {field} is to be corrected but the platform does not let it be changed"
                ),
                ..untouched(Action::Manual)
            };
        }
        Step {
            asset: asset.id.clone(),
            action: Action::Rectify,
            reason,
            version: asset.version.clone(),
            changes: planned.changes,
            acts_from: floor,
            shows_subject: false,
            left_fields: Vec::new(),
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
        if let Some(setter) = &self.setter {
            return self.check_set(setter, step, asset);
        }
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

impl Rectifier<'_> {
    /// The read-back of a `--set` step: each changed field holds what was planned and no
    /// value of the subject's but the new one; where nothing was to change, `--set` still
    /// finds nothing to do.
    fn check_set(
        &self,
        setter: &set::Setter,
        step: &Step,
        asset: &Asset,
    ) -> Result<String, String> {
        if step.changes.is_empty() {
            let now = setter.plan(&asset.metadata, self.subject, self.roles, step.acts_from);
            return match now.changes.keys().next() {
                Some(field) => Err(format!(
                    "read back: field {field} is not corrected (the subject's value is there, or --add's is missing)"
                )),
                None => Ok(format!("read back: {}", now.reason())),
            };
        }
        for (field, planned) in &step.changes {
            let held = asset.metadata.get(field);
            if !same_value(held, planned.as_ref()) {
                return Err(format!(
                    "read back: field {field} does not hold the corrected value"
                ));
            }
            if setter.subject_left(field, held, self.subject, self.roles, step.acts_from) {
                return Err(format!(
                    "read back: field {field} still holds the subject's old value"
                ));
            }
        }
        let fields: Vec<&str> = step.changes.keys().map(String::as_str).collect();
        Ok(format!(
            "read back: field(s) {} hold the corrected value",
            fields.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::identity::parse_region;

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
            metadata: edit::apply(&before.metadata, &step.changes),
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

    fn single(s: &str) -> FieldValue {
        FieldValue::Single(s.to_owned())
    }

    /// Plans `--set` for a subject on one asset.
    fn set_step(
        pairs: &[&str],
        add: bool,
        identities: &[Identity],
        metadata: &[(&str, FieldValue)],
    ) -> Step {
        let region = parse_region("NO").ok();
        let roles = FieldRoles::standard();
        let holds = Holds::default();
        let pairs: Vec<String> = pairs.iter().map(|p| p.to_string()).collect();
        let change = Change::set(&pairs, add).expect("valid pairs");
        let subject = subject(identities, region);
        let rectifier =
            Rectifier::new(&change, &subject, &roles, region, None, &holds).expect("valid");
        let before = asset(metadata);
        let step = rectifier.step(&before, Confidence::Medium);
        if step.action == Action::Rectify {
            let after = Asset {
                metadata: edit::apply(&before.metadata, &step.changes),
                ..before.clone()
            };
            assert!(rectifier.check(&step, &after).is_ok(), "{step:?}");
            assert!(rectifier.check(&step, &before).is_err(), "{step:?}");
        } else {
            assert!(rectifier.check(&step, &before).is_ok(), "{step:?}");
        }
        step
    }

    fn jane() -> Vec<Identity> {
        vec![
            Identity::new(IdentityKind::Name, "Jane Doe"),
            Identity::new(IdentityKind::Phone, "+47 912 34 567"),
        ]
    }

    #[test]
    fn set_replaces_only_the_subjects_entry_in_the_fields_shape() {
        let phone = ["309=+47 913 45 678"];
        // Her number among others: hers replaced, the switchboard's kept, still a list.
        let step = set_step(
            &phone,
            false,
            &jane(),
            &[("309", bag(&["912 34 567", "+47 22 33 44 55"]))],
        );
        assert_eq!(step.action, Action::Rectify);
        assert_eq!(step.reason, "replace in field 309");
        assert_eq!(
            step.changes["309"],
            Some(bag(&["+47 913 45 678", "+47 22 33 44 55"]))
        );
        // A single value stays single.
        let step = set_step(&phone, false, &jane(), &[("309", single("+47 912 34 567"))]);
        assert_eq!(step.changes["309"], Some(single("+47 913 45 678")));
        // A group photo without a phone field, or with someone else's number: untouched.
        for metadata in [
            vec![("368", bag(&["Jane Doe", "Ola Nordmann"]))],
            vec![
                ("80", bag(&["Jane Doe"])),
                ("309", bag(&["+47 22 33 44 55"])),
            ],
        ] {
            let step = set_step(&phone, false, &jane(), &metadata);
            assert_eq!(step.action, Action::Clean, "{metadata:?}");
            assert!(step.changes.is_empty());
            assert_eq!(
                step.reason,
                "field 309 does not hold the subject's value (--add adds it)"
            );
        }
        // The corrected number in any written form: done, not someone else's.
        for held in [bag(&["+47 913 45 678"]), single("913 45 678")] {
            let step = set_step(&phone, false, &jane(), &[("309", held)]);
            assert_eq!(step.action, Action::Clean);
            assert_eq!(step.reason, "field 309 holds the corrected value already");
        }
        // Her name among others in a person field: only hers changes.
        let step = set_step(
            &["368=Jane Roe"],
            false,
            &jane(),
            &[("368", bag(&["Ola Nordmann", "Doe, Jane"]))],
        );
        assert_eq!(
            step.changes["368"],
            Some(bag(&["Ola Nordmann", "Jane Roe"]))
        );
        // An empty value removes her entry and keeps the others.
        let step = set_step(
            &["309="],
            false,
            &jane(),
            &[("309", bag(&["912 34 567", "+47 22 33 44 55"]))],
        );
        assert_eq!(step.reason, "remove from field 309");
        assert_eq!(step.changes["309"], Some(bag(&["+47 22 33 44 55"])));
    }

    #[test]
    fn set_with_add_adds_where_the_field_lacks_the_value() {
        let pairs = ["309=+47 913 45 678", "368=Jane Roe"];
        let step = set_step(
            &pairs,
            true,
            &jane(),
            &[("368", bag(&["Jane Doe", "Ola Nordmann"]))],
        );
        assert_eq!(step.action, Action::Rectify);
        assert_eq!(step.reason, "add to field 309; replace in field 368");
        // 309 is a list in FotoWeb: an asset without it gets a list.
        assert_eq!(step.changes["309"], Some(bag(&["+47 913 45 678"])));
        assert_eq!(
            step.changes["368"],
            Some(bag(&["Jane Roe", "Ola Nordmann"]))
        );

        let step = set_step(
            &pairs,
            true,
            &jane(),
            &[
                ("309", bag(&["+47 22 33 44 55"])),
                ("368", bag(&["Jane Roe"])),
            ],
        );
        assert_eq!(
            step.reason,
            "add to field 309; field 368 holds the corrected value already"
        );
        assert_eq!(
            step.changes["309"],
            Some(bag(&["+47 22 33 44 55", "+47 913 45 678"]))
        );
        assert!(!step.changes.contains_key("368"));

        // A single field holding someone else's value is not overwritten.
        let step = set_step(
            &["361=Jane Roe"],
            true,
            &jane(),
            &[("361", single("Photo Desk"))],
        );
        assert_eq!(step.action, Action::Manual);
        assert!(step.changes.is_empty());
        let step = set_step(
            &["361=Jane Roe"],
            true,
            &jane(),
            &[("80", bag(&["Jane Doe"]))],
        );
        assert_eq!(step.changes["361"], Some(single("Jane Roe")));
    }

    #[test]
    fn set_learns_a_fields_shape_from_the_plans_assets() {
        let roles = FieldRoles::standard();
        let holds = Holds::default();
        let change = Change::set(&["901=Jane Roe".into()], true).expect("valid");
        let subject = subject(&jane(), None);
        let rectifier =
            Rectifier::new(&change, &subject, &roles, None, None, &holds).expect("valid");
        let listed = Asset {
            id: "a".into(),
            ..asset(&[("901", bag(&["Jane Doe"]))])
        };
        let bare = Asset {
            id: "b".into(),
            ..asset(&[("80", bag(&["Jane Doe"]))])
        };
        let plan = rectifier
            .plan(
                "case",
                "acme",
                [listed, bare]
                    .into_iter()
                    .map(|a| (a.id.clone(), Confidence::Medium, Ok(a))),
            )
            .expect("a plan");
        assert_eq!(plan.steps[0].changes["901"], Some(bag(&["Jane Roe"])));
        assert_eq!(plan.steps[1].changes["901"], Some(bag(&["Jane Roe"])));
        // Without the listed asset, an unknown field is a single value.
        assert_eq!(
            rectifier.step(&asset(&[]), Confidence::Medium).changes["901"],
            Some(single("Jane Roe"))
        );
    }

    #[test]
    fn set_values_must_fit_their_fields() {
        let roles = FieldRoles::standard();
        let holds = Holds::default();
        let subject = subject(&jane(), None);
        for (pair, field, kind) in [
            ("309=call me", "309", "phone"),
            ("308=not an address", "308", "email"),
            ("368=J.", "368", "name"),
        ] {
            let change = Change::set(&[pair.into()], false).expect("a pair");
            let err = Rectifier::new(&change, &subject, &roles, None, None, &holds)
                .err()
                .expect("refused");
            assert!(
                matches!(&err, RectifyError::SetValue { field: f, kind: k } if f == field && *k == kind),
                "{err}"
            );
            assert!(
                !err.to_string()
                    .contains(pair.split('=').nth(1).unwrap_or(""))
            );
        }
        assert!(matches!(
            Change::set(&["309=".into()], true),
            Err(RectifyError::AddEmpty(f)) if f == "309"
        ));
        assert!(matches!(
            Change::set(&["no pair".into()], false),
            Err(RectifyError::BadSet(1))
        ));
    }
}
