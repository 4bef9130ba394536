//! `--set FIELD=VALUE`: a field corrected where it holds the subject's value, and only
//! there. The subject's entry is replaced and everyone else's kept, in the shape the field
//! has (a bag stays a bag, a single value stays single); `--add` puts the value into the
//! field on reviewed assets that do not hold it. A field that holds the new value already is
//! done, not someone else's.

use std::collections::{BTreeMap, BTreeSet};

use crate::matching::country;

use super::RectifyError;
use crate::asset::{FieldValue, Metadata};
use crate::edit;
use crate::fields::{self, FieldRoles, Role};
use crate::matching::identity::{Identity, IdentityKind, probes};
use crate::matching::matcher::{Confidence, Matcher, Rule};
use crate::platform::MetadataChanges;

/// FotoWeb's standard fields that hold a list (multi-instance): the shape a field takes on
/// an asset that lacks it, when no asset of the plan shows it.
const STANDARD_BAGS: [&str; 5] = [
    fields::KEYWORDS,
    fields::BYLINE,
    fields::CREATOR_EMAIL,
    fields::CREATOR_PHONE,
    fields::PERSON_SHOWN,
];

/// What `--set` does to one field of one asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The field holds the subject's value: it is replaced by the new one.
    Replace,
    /// The field holds the subject's value and the new value is empty: it is removed.
    Remove,
    /// The field does not hold the subject's value, and `--add` adds the new one.
    Add,
    /// The field holds the new value and not the subject's old one.
    Already,
    /// The field does not hold the subject's value (and `--add` was not given).
    NotHeld,
    /// `--add`, but the field holds one value that is someone else's: adding would
    /// overwrite it.
    NoRoom,
}

impl Verdict {
    /// The verdict for people, naming the field and never a value.
    pub fn describe(self, field: &str) -> String {
        match self {
            Verdict::Replace => format!("replace in field {field}"),
            Verdict::Remove => format!("remove from field {field}"),
            Verdict::Add => format!("add to field {field}"),
            Verdict::Already => format!("field {field} holds the corrected value already"),
            Verdict::NotHeld => {
                format!("field {field} does not hold the subject's value (--add adds it)")
            }
            Verdict::NoRoom => format!(
                "field {field} holds one value, someone else's: --add does not overwrite it"
            ),
        }
    }
}

/// What `--set` does to one asset: the changes and, per field, why.
#[derive(Debug, Default)]
pub struct SetPlan {
    pub changes: MetadataChanges,
    pub verdicts: Vec<(String, Verdict)>,
}

impl SetPlan {
    /// The verdicts for people, one clause per field.
    pub fn reason(&self) -> String {
        let parts: Vec<String> = self
            .verdicts
            .iter()
            .map(|(field, verdict)| verdict.describe(field))
            .collect();
        parts.join("; ")
    }

    pub fn blocked(&self) -> bool {
        self.verdicts.iter().any(|(_, v)| *v == Verdict::NoRoom)
    }
}

/// Plans `--set` on assets for one subject.
#[derive(Debug, Clone)]
pub struct Setter {
    /// Field → the new value (empty: remove the subject's entry).
    fields: BTreeMap<String, String>,
    add: bool,
    /// Field → finds the new value in that field, read as the kind of value the field holds.
    new_values: BTreeMap<String, Matcher>,
    /// Fields known to hold lists: the standard ones and those seen as lists on the assets
    /// of the plan.
    bags: BTreeSet<String>,
}

impl Setter {
    /// Checks each new value against the role of its field (a phone field takes a phone
    /// number, a person field a name).
    pub fn new(
        fields: &BTreeMap<String, String>,
        add: bool,
        roles: &FieldRoles,
        region: Option<country::Id>,
    ) -> Result<Setter, RectifyError> {
        let mut new_values = BTreeMap::new();
        for (field, value) in fields {
            if value.is_empty() {
                if add {
                    return Err(RectifyError::AddEmpty(field.clone()));
                }
                continue;
            }
            let kind = match roles.role(field) {
                Role::Person => IdentityKind::Name,
                Role::Email => IdentityKind::Email,
                Role::Phone => IdentityKind::Phone,
                Role::Login => IdentityKind::Login,
                Role::Text => IdentityKind::Text,
            };
            let probes = probes(&[Identity::new(kind, value.as_str())], region).map_err(|_| {
                RectifyError::SetValue {
                    field: field.clone(),
                    kind: kind.as_str(),
                }
            })?;
            new_values.insert(field.clone(), Matcher::new(probes, roles.clone(), region));
        }
        Ok(Setter {
            fields: fields.clone(),
            add,
            new_values,
            bags: STANDARD_BAGS.iter().map(|f| f.to_string()).collect(),
        })
    }

    /// Notes which fields the assets of a plan hold as lists, so that `--add` gives an asset
    /// lacking the field the shape its platform uses for it.
    pub fn learn_shapes<'m>(&mut self, metadata: impl IntoIterator<Item = &'m Metadata>) {
        for metadata in metadata {
            for field in self.fields.keys() {
                if let Some(FieldValue::Bag(_)) = metadata.get(field) {
                    self.bags.insert(field.clone());
                }
            }
        }
    }

    /// What `--set` does to an asset holding `metadata`, taking every match of the subject
    /// at `floor` or above for theirs.
    pub fn plan(
        &self,
        metadata: &Metadata,
        subject: &Matcher,
        roles: &FieldRoles,
        floor: Confidence,
    ) -> SetPlan {
        let mut plan = SetPlan::default();
        for (field, value) in &self.fields {
            let current = metadata.get(field);
            let (verdict, new) = self.field(field, value, current, subject, roles, floor);
            if matches!(verdict, Verdict::Replace | Verdict::Remove | Verdict::Add) {
                plan.changes.insert(field.clone(), new);
            }
            plan.verdicts.push((field.clone(), verdict));
        }
        plan
    }

    fn field(
        &self,
        field: &str,
        value: &str,
        current: Option<&FieldValue>,
        subject: &Matcher,
        roles: &FieldRoles,
        floor: Confidence,
    ) -> (Verdict, Option<FieldValue>) {
        if let Some(current) = current
            && let Some(new) = without_subject(field, value, current, subject, roles, floor)
        {
            let verdict = if value.is_empty() {
                Verdict::Remove
            } else {
                Verdict::Replace
            };
            return (verdict, new);
        }
        if self.holds_new(field, current) {
            return (Verdict::Already, None);
        }
        if !self.add {
            return (Verdict::NotHeld, None);
        }
        match current {
            Some(FieldValue::Bag(items)) => {
                let mut items = items.clone();
                items.push(value.to_owned());
                (Verdict::Add, Some(FieldValue::Bag(items)))
            }
            Some(FieldValue::Single(item)) if !item.trim().is_empty() => (Verdict::NoRoom, None),
            Some(FieldValue::Single(_)) => {
                (Verdict::Add, Some(FieldValue::Single(value.to_owned())))
            }
            None if self.bags.contains(field) => {
                (Verdict::Add, Some(FieldValue::Bag(vec![value.to_owned()])))
            }
            None => (Verdict::Add, Some(FieldValue::Single(value.to_owned()))),
        }
    }

    /// True when `value`, one value found in `field`, is the new value of that field.
    pub fn is_new_value(&self, field: &str, value: &str) -> bool {
        self.holds_new(field, Some(&FieldValue::Single(value.to_owned())))
    }

    /// True when the field holds the new value as a value of its kind: the same number,
    /// address or login, the same name in any written order (family name first, "Last,
    /// First" with a family name of several words, a name of a script without spaces held
    /// whole), the phrase in free text.
    fn holds_new(&self, field: &str, current: Option<&FieldValue>) -> bool {
        let (Some(matcher), Some(current)) = (self.new_values.get(field), current) else {
            return false;
        };
        let one: Metadata = [(field.to_owned(), current.clone())].into_iter().collect();
        matcher.matches(&one).iter().any(|m| {
            matches!(
                m.rule,
                Rule::Email
                    | Rule::Phone
                    | Rule::Login
                    | Rule::Name
                    | Rule::FamilyNameFirst
                    | Rule::ParticleSurname
                    | Rule::NameUnspaced
                    | Rule::Text
            )
        })
    }

    /// The read-back of a field `--set` changed: it holds what was planned (checked by the
    /// caller) and none of the subject's values other than the new one.
    pub fn subject_left(
        &self,
        field: &str,
        current: Option<&FieldValue>,
        subject: &Matcher,
        roles: &FieldRoles,
        floor: Confidence,
    ) -> bool {
        let value = self.fields.get(field).map_or("", String::as_str);
        current.is_some_and(|current| {
            without_subject(field, value, current, subject, roles, floor).is_some()
        })
    }
}

/// The field with the subject's entries replaced by `value` (removed when it is empty) and
/// everyone else's kept, in the field's shape; `None` when the field holds nothing of the
/// subject's other than `value` itself. The inner `None` clears the field.
fn without_subject(
    field: &str,
    value: &str,
    current: &FieldValue,
    subject: &Matcher,
    roles: &FieldRoles,
    floor: Confidence,
) -> Option<Option<FieldValue>> {
    // Only this field, so the scrub's rules for each role apply to it and nothing else.
    let one: Metadata = [(field.to_owned(), current.clone())].into_iter().collect();
    let mut changes = if value.is_empty() {
        edit::scrub(&one, subject, roles, floor)
    } else {
        edit::rectify(&one, subject, roles, value, None, floor)
    };
    let new = changes.remove(field)?;
    (!crate::apply::same_value(Some(current), new.as_ref())).then_some(new)
}
