//! What a subject is shown of an asset (Art. 15 and 20): the fields where they were found,
//! with every other person in those fields redacted (Art. 15(4)). The same matcher that
//! located the subject decides what is theirs, so what is disclosed is what was found.
//!
//! In free text, what names someone else goes: the people the asset's own person fields
//! hold, the people the tenant knows from person fields anywhere ([`KnownPeople`]), e-mail
//! addresses and phone numbers that are not the subject's, and every national identity
//! number ([`identifiers`]) — dsr cannot tell whose a national number is, and a stranger's
//! must not reach the requester.

pub mod identifiers;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::asset::{Asset, Metadata};
use crate::edit::{replace_ignoring_ascii_case, split_spans};
use crate::fields::{self, FieldRoles, Role};
use crate::matching::identity::{Identity, IdentityKind, Probe, probes};
use crate::matching::matcher::{Confidence, Matcher, Rule, person_entries};
use crate::matching::normalize::{self, Word, emails_in};

/// What stands where another person's name, address or number was.
pub const ANOTHER_PERSON: &str = "[another person]";

/// What stands where a national identity number was.
pub const IDENTITY_NUMBER: &str = "[an identity number]";

/// The people a tenant knows: every name held in a person field of any asset. A caption
/// that writes one of them is redacted in a subject's package even where the asset's own
/// person fields do not name them.
#[derive(Debug, Clone, Default)]
pub struct KnownPeople {
    names: Vec<(String, Vec<Word>)>,
    /// Folded word → the names holding it, so that a text is checked only against the
    /// names all of whose words it holds.
    by_word: HashMap<String, Vec<usize>>,
}

impl KnownPeople {
    /// Adds to `seen` the names of several words in the person fields of `metadata`;
    /// [`KnownPeople::from_names`] then makes them the people a tenant knows. The subject is
    /// among them too: one list serves every subject of a run, and a name that matches the
    /// subject is kept where it is written (see `redact_text`).
    pub fn gather(seen: &mut BTreeSet<String>, metadata: &Metadata, roles: &FieldRoles) {
        for (field, value) in metadata {
            if roles.role(field) != Role::Person {
                continue;
            }
            for item in value.items() {
                for (start, end) in person_entries(item) {
                    let entry = item[start..end].trim();
                    if normalize::words(entry).len() >= 2 && !seen.contains(entry) {
                        seen.insert(entry.to_owned());
                    }
                }
            }
        }
    }

    pub fn from_names(names: impl IntoIterator<Item = String>) -> KnownPeople {
        let mut known = KnownPeople::default();
        for name in names {
            // A value no name probe takes (too long, initials only) is nobody to look for.
            let Ok(found) = probes(&[Identity::new(IdentityKind::Name, &name)], None) else {
                continue;
            };
            let Some(Probe::Name(words)) = found.into_iter().next() else {
                continue;
            };
            let index = known.names.len();
            for word in &words {
                for term in word.terms() {
                    known
                        .by_word
                        .entry(term.to_owned())
                        .or_default()
                        .push(index);
                }
            }
            known.names.push((name, words));
        }
        known
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The written forms of known people's names in `item` of `field` (phrases at medium
    /// or above, as the subject's name would be found).
    fn written_in(&self, field: &str, item: &str, roles: &FieldRoles) -> Vec<String> {
        let words = normalize::words(item);
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for word in &words {
            for term in word.terms() {
                if let Some(names) = self.by_word.get(term) {
                    candidates.extend(names);
                }
            }
        }
        let probes: Vec<Probe> = candidates
            .into_iter()
            .filter(|&n| {
                let (_, name) = &self.names[n];
                name.iter().all(|w| words.iter().any(|v| w.same_as(v)))
            })
            .map(|n| Probe::Name(self.names[n].1.clone()))
            .collect();
        if probes.is_empty() {
            return Vec::new();
        }
        let matcher = Matcher::new(probes, roles.clone(), None);
        let mut one = Metadata::new();
        one.insert(
            field.to_owned(),
            crate::asset::FieldValue::Single(item.to_owned()),
        );
        matcher
            .matches_from(&one, Confidence::Medium)
            .into_iter()
            .map(|m| m.value)
            .collect()
    }
}

/// One asset as the subject sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectAsset {
    pub id: String,
    pub archive: String,
    /// What people call the archive, where the platform names it otherwise (a database
    /// table's label in the dataset).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive_label: Option<String>,
    pub filename: String,
    pub modified: Option<String>,
    pub fields: Vec<SubjectField>,
    /// A person reviewing the request judged the asset the subject's although none of its
    /// fields names them (a face in a photo, say): `fields` then shows what the asset says
    /// in its person and text fields, everyone else redacted ([`judged_view`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub judged_by_review: bool,
    /// The asset is the subject's because it points at one of theirs (a database row whose
    /// foreign key leads to their row), not because a person or a match said so: shown as
    /// [`judged_view`] shows an asset, under its own explanation.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub points_at_theirs: bool,
    /// The record of theirs it points at, where it belongs to them because it does: a
    /// package shows it under that record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points_at: Option<PointsAt>,
    /// The files the asset names beside its own data (a database row's file in an object
    /// store), each read whole for its SHA-256.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileFact>,
}

/// The record an asset points at, and by what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointsAt {
    /// The id of the asset it points at.
    pub id: String,
    /// The fields holding the pointer, as the platform labels them (`Quotes · client_id`).
    pub through: Vec<String>,
}

/// One file behind an asset, as the subject is told of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileFact {
    /// Its key in the store.
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

/// One field holding the subject, its values redacted for everyone else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectField {
    pub field: String,
    pub label: String,
    pub values: Vec<String>,
    /// Why the field is listed, as codes `WHAT-PLACE` (what matched: name, email, phone,
    /// login, text; where: shown, credit, uploader, caption, title, keywords, creator,
    /// field), which [`crate::lang::Lang::reason`] words for a person.
    pub reasons: Vec<String>,
}

/// The files behind asset `id` with their size and SHA-256, each streamed once through a
/// hash (never held whole); a file that cannot be read is an error, not left out.
pub fn file_facts(
    platform: &dyn crate::platform::Platform,
    id: &str,
) -> Result<Vec<FileFact>, crate::platform::PlatformError> {
    platform
        .files(id)?
        .into_iter()
        .map(|file| {
            let mut digest = crate::platform::Digesting::default();
            platform.download_file(id, &file.name, &mut digest)?;
            Ok(FileFact {
                name: file.name,
                size: digest.size,
                sha256: digest.sha256(),
            })
        })
        .collect()
}

/// Builds the subject's view of `asset`. `min` is the confidence from which a value counts
/// as the subject's: medium normally, low for an asset a person explicitly included in
/// review (a match they judged to be the subject).
pub fn subject_view(
    asset: &Asset,
    matcher: &Matcher,
    roles: &FieldRoles,
    labels: &BTreeMap<String, String>,
    min: Confidence,
    known: &KnownPeople,
) -> SubjectAsset {
    let mut reasons: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in matcher.matches(&asset.metadata) {
        if m.confidence >= min {
            let code = reason(m.rule, &m.field);
            let codes = reasons.entry(m.field).or_default();
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    let mut matched: Vec<String> = reasons.keys().cloned().collect();
    // Her own account and the comments she wrote are hers as a whole: every field is
    // shown (others in it redacted), not only those that name her.
    if fields::records::whole_record_of(&asset.archive, &matched) {
        matched.extend(
            asset
                .metadata
                .keys()
                .filter(|field| !reasons.contains_key(*field))
                .cloned(),
        );
    }
    let others = other_people(&asset.metadata, matcher, roles, min);
    let fields = matched
        .into_iter()
        .filter_map(|field| {
            let value = asset.metadata.get(&field)?;
            let role = roles.role(&field);
            let values = value
                .items()
                .iter()
                .map(|item| {
                    let context = Context {
                        field: &field,
                        matcher,
                        roles,
                        min,
                        others: &others,
                        known,
                    };
                    redact_item(item, role, &context)
                })
                .collect();
            Some(SubjectField {
                label: labels
                    .get(&field)
                    .cloned()
                    .unwrap_or_else(|| format!("field {field}")),
                reasons: reasons.remove(&field).unwrap_or_default(),
                field,
                values,
            })
        })
        .collect();
    SubjectAsset {
        id: asset.id.clone(),
        archive: asset.archive.clone(),
        archive_label: None,
        filename: asset.filename.clone(),
        modified: asset.modified.clone(),
        fields,
        judged_by_review: false,
        points_at_theirs: false,
        points_at: None,
        files: Vec::new(),
    }
}

/// The subject's view of an asset a person judged theirs although none of its fields holds
/// the subject, even at low confidence: what it says in its person and text fields, so
/// that the subject sees what the controller holds there, with everyone else redacted as
/// in [`subject_view`]. No field carries a reason: nothing matched.
pub fn judged_view(
    asset: &Asset,
    matcher: &Matcher,
    roles: &FieldRoles,
    labels: &BTreeMap<String, String>,
    known: &KnownPeople,
) -> SubjectAsset {
    let min = Confidence::Low;
    let others = other_people(&asset.metadata, matcher, roles, min);
    let fields = asset
        .metadata
        .iter()
        .filter(|(field, _)| matches!(roles.role(field), Role::Person | Role::Text))
        .map(|(field, value)| {
            let context = Context {
                field,
                matcher,
                roles,
                min,
                others: &others,
                known,
            };
            SubjectField {
                label: labels
                    .get(field)
                    .cloned()
                    .unwrap_or_else(|| format!("field {field}")),
                field: field.clone(),
                values: value
                    .items()
                    .iter()
                    .map(|item| redact_item(item, roles.role(field), &context))
                    .collect(),
                reasons: Vec::new(),
            }
        })
        .collect();
    SubjectAsset {
        fields,
        judged_by_review: true,
        points_at_theirs: false,
        ..subject_view(asset, matcher, roles, labels, min, known)
    }
}

/// The reason code of one match: what of the subject's matched (`rule`) and where (`field`,
/// read by its standard meaning; any other field is named by its label).
fn reason(rule: Rule, field: &str) -> String {
    let what = match rule {
        Rule::Email | Rule::EmailInText => "email",
        Rule::Phone | Rule::PhoneInText => "phone",
        Rule::Login => "login",
        Rule::Text => "text",
        Rule::Name
        | Rule::NameExtraWords
        | Rule::NameTypo
        | Rule::NameInitials
        | Rule::NameSingleWord
        | Rule::NameInText
        | Rule::NameInTextLoose
        | Rule::NameJoined
        | Rule::FamilyNameFirst
        | Rule::ParticleSurname
        | Rule::Transliteration
        | Rule::NameUnspaced
        | Rule::NameMissingWords => "name",
    };
    let place = match field {
        fields::PERSON_SHOWN => "shown",
        fields::BYLINE => "credit",
        fields::UPLOADER_LOGIN | fields::UPLOADER_NAME => "uploader",
        fields::CAPTION => "caption",
        fields::TITLE => "title",
        fields::KEYWORDS => "keywords",
        fields::CREATOR_EMAIL | fields::CREATOR_PHONE => "creator",
        _ => "field",
    };
    format!("{what}-{place}")
}

/// True when `item` of `field` holds the subject at `min` or above.
fn holds(field: &str, item: &str, matcher: &Matcher, min: Confidence) -> bool {
    let mut one = Metadata::new();
    one.insert(
        field.to_owned(),
        crate::asset::FieldValue::Single(item.to_owned()),
    );
    matcher.matches(&one).iter().any(|m| m.confidence >= min)
}

/// The names, addresses, numbers and logins of everyone else the asset's structured fields
/// hold, longest first so that "Ola Nordmann" goes before "Ola".
fn other_people(
    metadata: &Metadata,
    matcher: &Matcher,
    roles: &FieldRoles,
    min: Confidence,
) -> Vec<String> {
    let mut others = Vec::new();
    for (field, value) in metadata {
        let role = roles.role(field);
        if role == Role::Text {
            continue;
        }
        for item in value.items() {
            for (start, end) in entries(item, role) {
                let entry = item[start..end].trim();
                if entry.chars().any(char::is_alphanumeric) && !holds(field, entry, matcher, min) {
                    others.push(entry.to_owned());
                }
            }
        }
    }
    others.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    others.dedup();
    others
}

/// The spans of one value that each name one person.
fn entries(item: &str, role: Role) -> Vec<(usize, usize)> {
    match role {
        Role::Person => person_entries(item),
        _ => split_spans(item, &[',', ';', '/']),
    }
}

/// The name an address's part before the `@` spells, when it is two or more words of
/// letters ("peter.parker", "kari_nordmann"): "peter parker".
fn name_of_address(email: &str) -> Option<String> {
    let local = email.split('@').next()?;
    let words: Vec<&str> = local.split(['.', '_', '-']).collect();
    let name = words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic));
    name.then(|| words.join(" "))
}

/// What redacting one value needs to know.
struct Context<'a> {
    field: &'a str,
    matcher: &'a Matcher,
    roles: &'a FieldRoles,
    min: Confidence,
    /// The other people the asset's structured fields hold.
    others: &'a [String],
    known: &'a KnownPeople,
}

fn redact_item(item: &str, role: Role, c: &Context<'_>) -> String {
    let (field, matcher, min) = (c.field, c.matcher, c.min);
    if role == Role::Text {
        return redact_text(item, c);
    }
    // Rebuilt span by span so that the separators the platform used stay as they were.
    let mut out = String::with_capacity(item.len());
    let mut copied = 0;
    for (start, end) in entries(item, role) {
        let raw = &item[start..end];
        let entry = raw.trim();
        if entry.is_empty() || holds(field, entry, matcher, min) {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        out.push_str(&item[copied..start + lead]);
        out.push_str(ANOTHER_PERSON);
        copied = start + lead + entry.len();
    }
    out.push_str(&item[copied..]);
    out
}

/// Free text keeps its words; everything that names someone else is replaced (see the
/// module documentation).
fn redact_text(item: &str, c: &Context<'_>) -> String {
    let (field, matcher, min) = (c.field, c.matcher, c.min);
    let theirs: BTreeSet<&str> = matcher
        .probes()
        .iter()
        .filter_map(|p| match p {
            Probe::Phone(e164) => Some(e164.as_str()),
            _ => None,
        })
        .collect();
    // Numbers first, by position in the text as written, the last first so that the
    // earlier positions stay where they were.
    let mut spans: Vec<((usize, usize), &str)> = identifiers::national_ids(item)
        .into_iter()
        .map(|span| (span, IDENTITY_NUMBER))
        .collect();
    for (span, e164) in identifiers::phones(item, matcher.region()) {
        let overlaps = spans.iter().any(|((s, e), _)| span.0 < *e && *s < span.1);
        if !theirs.contains(e164.as_str()) && !overlaps {
            spans.push((span, ANOTHER_PERSON));
        }
    }
    spans.sort_by_key(|((start, _), _)| std::cmp::Reverse(*start));
    let mut text = item.to_owned();
    for ((start, end), with) in spans {
        text.replace_range(start..end, with);
    }
    // Another person's address also gives their name away ("peter.parker@…" beside
    // "Peter Parker"): the words of its part before the `@` are someone known here too.
    let mut named_by_address = Vec::new();
    for email in emails_in(item) {
        if !holds(field, &email, matcher, min) {
            text = replace_ignoring_ascii_case(&text, &email, ANOTHER_PERSON);
            named_by_address.extend(name_of_address(&email));
        }
    }
    for other in c.others {
        if !holds(field, other, matcher, min) {
            text = replace_ignoring_ascii_case(&text, other, ANOTHER_PERSON);
        }
    }
    // A known name that matches the subject even weakly ("J. Doe") may be theirs: kept.
    let mut known = c.known.written_in(field, &text, c.roles);
    known.extend(KnownPeople::from_names(named_by_address).written_in(field, &text, c.roles));
    for other in &known {
        if !holds(field, other, matcher, Confidence::Low) {
            text = replace_ignoring_ascii_case(&text, other, ANOTHER_PERSON);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::FieldValue;
    use crate::matching::identity::{Identity, IdentityKind, probes};

    fn asset(pairs: &[(&str, FieldValue)]) -> Asset {
        Asset {
            id: "A/x.jpg".into(),
            archive: "A".into(),
            filename: "x.jpg".into(),
            modified: None,
            version: "1".into(),
            metadata: pairs
                .iter()
                .map(|(f, v)| (f.to_string(), v.clone()))
                .collect(),
        }
    }

    fn view(a: &Asset) -> SubjectAsset {
        let identities = vec![
            Identity::new(IdentityKind::Name, "Jane Doe"),
            Identity::new(IdentityKind::Email, "jane.doe@example.com"),
        ];
        let matcher = Matcher::new(
            probes(&identities, None).expect("identities"),
            FieldRoles::standard(),
            None,
        );
        subject_view(
            a,
            &matcher,
            &FieldRoles::standard(),
            &crate::fields::default_labels(),
            Confidence::Medium,
            // The subject is among the people a tenant knows: her own name stays hers.
            &KnownPeople::from_names(
                ["Kari Nordmann", "Peter Parker", "Jane Doe", "Doe, Jane"].map(String::from),
            ),
        )
    }

    fn values<'a>(v: &'a SubjectAsset, field: &str) -> &'a [String] {
        &v.fields
            .iter()
            .find(|f| f.field == field)
            .expect("the field is disclosed")
            .values
    }

    #[test]
    fn others_in_person_fields_are_redacted() {
        let a = asset(&[
            (
                "368",
                FieldValue::Bag(vec!["Jane Doe".into(), "Ola Nordmann".into()]),
            ),
            ("80", FieldValue::Single("Jane Doe; Kari Holm".into())),
            ("5", FieldValue::Single("Board meeting".into())),
        ]);
        let v = view(&a);
        assert_eq!(values(&v, "368"), ["Jane Doe", ANOTHER_PERSON]);
        assert_eq!(values(&v, "80"), [format!("Jane Doe; {ANOTHER_PERSON}")]);
        let reasons = |field: &str| {
            v.fields
                .iter()
                .find(|f| f.field == field)
                .map(|f| f.reasons.clone())
                .unwrap_or_default()
        };
        assert_eq!(reasons("368"), ["name-shown"]);
        assert_eq!(reasons("80"), ["name-credit"]);
        assert!(
            v.fields.iter().all(|f| f.field != "5"),
            "the title does not hold her"
        );
    }

    #[test]
    fn others_in_free_text_are_redacted_and_the_rest_kept() {
        let a = asset(&[
            ("368", FieldValue::Bag(vec!["Ola Nordmann".into()])),
            (
                "120",
                FieldValue::Single(
                    "Jane Doe presents the budget with Ola Nordmann; write to ola@example.com or jane.doe@example.com.".into(),
                ),
            ),
        ]);
        let v = view(&a);
        assert_eq!(
            values(&v, "120"),
            [format!(
                "Jane Doe presents the budget with {ANOTHER_PERSON}; write to {ANOTHER_PERSON} or jane.doe@example.com."
            )]
        );
        assert!(v.fields.iter().all(|f| f.field != "368"));
    }

    #[test]
    fn third_parties_in_free_text_never_reach_the_subject() {
        let a = asset(&[(
            "120",
            FieldValue::Single(
                "Jane Doe with Peter Parker (peter.parker@example.com, +47 98 76 54 32, SSN 010190 12345) and Kari Nordmann; Jane's 2024-03-25 shoot, room 101.".into(),
            ),
        )]);
        let v = view(&a);
        let shown = &values(&v, "120")[0];
        for gone in ["Peter", "Parker", "peter.parker", "98 76", "010190", "Kari"] {
            assert!(!shown.contains(gone), "{gone} in {shown}");
        }
        for kept in ["Jane Doe with", "2024-03-25", "room 101", IDENTITY_NUMBER] {
            assert!(shown.contains(kept), "{kept} not in {shown}");
        }
    }
}
