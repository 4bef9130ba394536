//! What a subject is shown of an asset (Art. 15 and 20): the fields where they were found,
//! with every other person in those fields redacted (Art. 15(4)). The same matcher that
//! located the subject decides what is theirs, so what is disclosed is what was found.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::asset::{Asset, Metadata};
use crate::erase::scrub::{replace_ignoring_ascii_case, split_spans};
use crate::fields::{self, FieldRoles, Role};
use crate::index::matcher::{Confidence, Matcher, Rule, person_entries};
use crate::index::normalize::emails_in;

/// What stands where another person's name, address or number was.
pub const ANOTHER_PERSON: &str = "[another person]";

/// One asset as the subject sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubjectAsset {
    pub id: String,
    pub archive: String,
    pub filename: String,
    pub modified: Option<String>,
    pub fields: Vec<SubjectField>,
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

/// Builds the subject's view of `asset`. `min` is the confidence from which a value counts
/// as the subject's: medium normally, low for an asset a person explicitly included in
/// review (a match they judged to be the subject).
pub fn subject_view(
    asset: &Asset,
    matcher: &Matcher,
    roles: &FieldRoles,
    labels: &BTreeMap<String, String>,
    min: Confidence,
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
    let matched: Vec<String> = reasons.keys().cloned().collect();
    let others = other_people(&asset.metadata, matcher, roles, min);
    let fields = matched
        .into_iter()
        .filter_map(|field| {
            let value = asset.metadata.get(&field)?;
            let role = roles.role(&field);
            let values = value
                .items()
                .iter()
                .map(|item| redact_item(&field, item, role, matcher, min, &others))
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
        filename: asset.filename.clone(),
        modified: asset.modified.clone(),
        fields,
    }
}

/// The reason code of one match: what of the subject's matched (`rule`) and where (`field`,
/// read by its standard meaning; any other field is named by its label).
fn reason(rule: Rule, field: &str) -> String {
    let what = match rule {
        Rule::Email | Rule::EmailInText => "email",
        Rule::Phone => "phone",
        Rule::Login => "login",
        Rule::Text => "text",
        Rule::Name
        | Rule::NameExtraWords
        | Rule::NameTypo
        | Rule::NameInitials
        | Rule::NameSingleWord
        | Rule::NameInText
        | Rule::NameInTextLoose
        | Rule::NameJoined => "name",
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

fn redact_item(
    field: &str,
    item: &str,
    role: Role,
    matcher: &Matcher,
    min: Confidence,
    others: &[String],
) -> String {
    if role == Role::Text {
        return redact_text(field, item, matcher, min, others);
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

/// Free text keeps its words; the other people the asset names elsewhere, and any e-mail
/// address that is not the subject's, are replaced.
fn redact_text(
    field: &str,
    item: &str,
    matcher: &Matcher,
    min: Confidence,
    others: &[String],
) -> String {
    let mut text = item.to_owned();
    for email in emails_in(item) {
        if !holds(field, &email, matcher, min) {
            text = replace_ignoring_ascii_case(&text, &email, ANOTHER_PERSON);
        }
    }
    for other in others {
        text = replace_ignoring_ascii_case(&text, other, ANOTHER_PERSON);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::FieldValue;
    use crate::index::identity::{Identity, IdentityKind, probes};

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
}
