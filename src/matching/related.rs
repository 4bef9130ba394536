//! Identities found along the way: a record that names the subject with certainty often
//! holds more of her identities — a client row with her phone and login, a photo whose
//! creator e-mail is hers beside the byline that gives her name. Those are proposed to the
//! person handling the request, never searched until that person accepts one.
//!
//! Only values that belong to the same person as the field the subject was found in are
//! proposed. A record holds several people (the creator of a photo, its uploader, the
//! people shown), so its fields are grouped into parties: FotoWeb's creator fields, its
//! uploader fields, and for any other field the record as a whole (a row of a table names
//! one party). A party that holds two different values of one kind names more than one
//! person, or one person twice, and dsr cannot tell which: it proposes nothing from it.
//! People shown in a photo are a list of people, never a party.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::asset::Metadata;
use crate::fields::{self, FieldRoles, Role};

use super::country;
use super::identity::{self, Identity, IdentityKind, Probe};

/// An identity found beside the subject's, with the key it compares by
/// ([`Probe::key`]), so that the same identity written two ways is proposed once.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Found {
    pub identity: Identity,
    pub key: String,
}

/// Who a field describes within its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Party {
    /// IPTC's creator: byline and the creator's contact e-mail and phone.
    Creator,
    /// FotoWeb's uploader: login and name.
    Uploader,
    /// Any other field: the record is one party.
    Record,
}

/// The party of `field`, or none where the field lists several people.
fn party(field: &str) -> Option<Party> {
    match field {
        fields::BYLINE | fields::CREATOR_EMAIL | fields::CREATOR_PHONE => Some(Party::Creator),
        fields::UPLOADER_LOGIN | fields::UPLOADER_NAME => Some(Party::Uploader),
        fields::PERSON_SHOWN => None,
        _ => Some(Party::Record),
    }
}

fn kind_of(role: Role) -> Option<IdentityKind> {
    match role {
        Role::Email => Some(IdentityKind::Email),
        Role::Phone => Some(IdentityKind::Phone),
        Role::Login => Some(IdentityKind::Login),
        Role::Person => Some(IdentityKind::Name),
        Role::Text => None,
    }
}

/// The identities of `metadata` that belong to the party of a field in `found` (the fields
/// where the subject matched with high confidence), less those whose key is in `known`.
/// Values that are not valid identities (a name of initials, a phone that does not parse)
/// are left out: they could not be searched.
pub fn related(
    metadata: &Metadata,
    found: &BTreeSet<&str>,
    roles: &FieldRoles,
    region: Option<country::Id>,
    known: &BTreeSet<String>,
) -> Vec<Found> {
    let parties: BTreeSet<Party> = found
        .iter()
        .filter(|f| kind_of(roles.role(f)).is_some())
        .filter_map(|f| party(f))
        .collect();
    let mut proposed = Vec::new();
    for wanted in parties {
        // Per kind, the distinct values of the party's fields, by key.
        let mut values: BTreeMap<IdentityKind, BTreeMap<String, Identity>> = BTreeMap::new();
        for (field, value) in metadata {
            if party(field) != Some(wanted) {
                continue;
            }
            let Some(kind) = kind_of(roles.role(field)) else {
                continue;
            };
            for item in value.items() {
                let item = item.trim();
                if item.is_empty() {
                    continue;
                }
                let candidate = Identity::new(kind, item);
                let Ok(probe) = identity::probes(std::slice::from_ref(&candidate), region) else {
                    continue;
                };
                let Some(key) = probe.first().map(Probe::key) else {
                    continue;
                };
                values.entry(kind).or_default().insert(key, candidate);
            }
        }
        if values.values().any(|v| v.len() > 1) {
            continue;
        }
        for (key, identity) in values.into_values().flatten() {
            if !known.contains(&key) && !proposed.iter().any(|f: &Found| f.key == key) {
                proposed.push(Found { identity, key });
            }
        }
    }
    proposed
}

/// The keys of `identities` as [`related`] compares them, the ones that cannot be
/// searched left out.
pub fn keys(identities: &[Identity], region: Option<country::Id>) -> BTreeSet<String> {
    identities
        .iter()
        .filter_map(|i| identity::probes(std::slice::from_ref(i), region).ok())
        .flatten()
        .map(|p| p.key())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::FieldValue;

    fn metadata(pairs: &[(&str, &[&str])]) -> Metadata {
        pairs
            .iter()
            .map(|(f, v)| {
                let value = match v {
                    [one] => FieldValue::Single((*one).to_owned()),
                    many => FieldValue::Bag(many.iter().map(|s| (*s).to_owned()).collect()),
                };
                ((*f).to_owned(), value)
            })
            .collect()
    }

    fn found(fields: &[&'static str]) -> BTreeSet<&'static str> {
        fields.iter().copied().collect()
    }

    #[test]
    fn the_creator_s_name_and_phone_come_with_her_e_mail_not_the_uploader_s_login() {
        let m = metadata(&[
            (fields::CREATOR_EMAIL, &["jane@example.com"]),
            (fields::BYLINE, &["Doe, Jane"]),
            (fields::CREATOR_PHONE, &["+47 912 34 567"]),
            (fields::UPLOADER_LOGIN, &["olan"]),
            (fields::UPLOADER_NAME, &["Ola Nordmann"]),
            (fields::PERSON_SHOWN, &["Tor Bakke"]),
        ]);
        let known = keys(
            &[Identity::new(IdentityKind::Email, "jane@example.com")],
            None,
        );
        let got = related(
            &m,
            &found(&[fields::CREATOR_EMAIL]),
            &FieldRoles::standard(),
            None,
            &known,
        );
        let got: Vec<Identity> = got.into_iter().map(|f| f.identity).collect();
        assert_eq!(
            got,
            vec![
                Identity::new(IdentityKind::Name, "Doe, Jane"),
                Identity::new(IdentityKind::Phone, "+47 912 34 567"),
            ]
        );
    }

    #[test]
    fn a_person_shown_proposes_nothing_and_two_values_of_a_kind_propose_nothing() {
        let m = metadata(&[
            (fields::PERSON_SHOWN, &["Jane Doe", "Tor Bakke"]),
            (fields::BYLINE, &["Jane Doe", "Tor Haugen"]),
            (fields::CREATOR_EMAIL, &["tor@example.com"]),
        ]);
        let known = keys(&[Identity::new(IdentityKind::Name, "Jane Doe")], None);
        let roles = FieldRoles::standard();
        assert!(related(&m, &found(&[fields::PERSON_SHOWN]), &roles, None, &known).is_empty());
        // The byline names two people: whose is the e-mail?
        assert!(related(&m, &found(&[fields::BYLINE]), &roles, None, &known).is_empty());
    }

    #[test]
    fn a_row_is_one_party_and_what_is_known_or_cannot_be_searched_is_not_proposed() {
        let roles = FieldRoles::new(
            &["clients.name".to_owned()],
            &["clients.email".to_owned()],
            &["clients.phone".to_owned()],
            &["clients.login".to_owned()],
            &["clients.notes".to_owned()],
        );
        let m = metadata(&[
            ("clients.email", &["JANE@example.com"]),
            ("clients.name", &["J."]),
            ("clients.phone", &["not a phone"]),
            ("clients.login", &["jdoe"]),
            ("clients.notes", &["call her at +47 912 34 567"]),
        ]);
        let known = keys(
            &[Identity::new(IdentityKind::Email, "jane@example.com")],
            None,
        );
        let got = related(&m, &found(&["clients.email"]), &roles, None, &known);
        assert_eq!(
            got,
            vec![Found {
                identity: Identity::new(IdentityKind::Login, "jdoe"),
                key: "login:jdoe".to_owned(),
            }]
        );
        // Found only in free text: the row is not known to be hers.
        assert!(related(&m, &found(&["clients.notes"]), &roles, None, &known).is_empty());
    }
}
