//! Editing one subject's values in an asset's metadata and nothing else: their element of a
//! bag field, their entry of a list of names, their name or e-mail inside free text. Erasure
//! removes them ([`scrub`], free text gets [`REDACTED`]), rectification puts a new value in
//! their place ([`rectify`]), disclosure finds the spans of other people's values to leave
//! out. The same matcher that found the subject decides what is theirs.

use crate::asset::{FieldValue, Metadata};
use crate::fields::{FieldRoles, Role};
use crate::matching::matcher::{Confidence, Matcher};
use crate::platform::MetadataChanges;

/// What replaces the subject's name or e-mail in free text.
pub const REDACTED: &str = "[redacted]";

/// The changes that remove the subject from `metadata`, field by field: a new value, or
/// `None` to clear a field that held only them. Every match at `floor` or above is the
/// subject's: a person who reviewed a low match in made it theirs.
pub fn scrub(
    metadata: &Metadata,
    matcher: &Matcher,
    roles: &FieldRoles,
    floor: Confidence,
) -> MetadataChanges {
    replace(metadata, matcher, roles, None, None, floor)
}

/// The changes that put `new` where the subject's value stands (rectification): the whole
/// entry in lists and bag fields, the phrase in free text; only in `only` fields if given.
pub fn rectify(
    metadata: &Metadata,
    matcher: &Matcher,
    roles: &FieldRoles,
    new: &str,
    only: Option<&std::collections::BTreeSet<String>>,
    floor: Confidence,
) -> MetadataChanges {
    replace(metadata, matcher, roles, Some(new), only, floor)
}

fn replace(
    metadata: &Metadata,
    matcher: &Matcher,
    roles: &FieldRoles,
    with: Option<&str>,
    only: Option<&std::collections::BTreeSet<String>>,
    floor: Confidence,
) -> MetadataChanges {
    let mut changes = MetadataChanges::new();
    for (field, value) in metadata {
        if only.is_some_and(|fields| !fields.contains(field)) {
            continue;
        }
        let role = roles.role(field);
        let mut kept = Vec::new();
        let mut changed = false;
        for item in value.items() {
            match replace_item(field, item, role, matcher, with, floor) {
                Some(new) if new == *item => kept.push(new),
                Some(new) => {
                    changed = true;
                    kept.push(new);
                }
                None => changed = true,
            }
        }
        if !changed {
            continue;
        }
        // A bag keeps one element per value: a rectified name already present is not doubled.
        let mut seen = std::collections::HashSet::new();
        kept.retain(|k| seen.insert(k.clone()));
        let new = match (value, kept.len()) {
            (_, 0) => None,
            (FieldValue::Single(_), _) => Some(FieldValue::Single(kept.remove(0))),
            (FieldValue::Bag(_), _) => Some(FieldValue::Bag(kept)),
        };
        changes.insert(field.clone(), new);
    }
    changes
}

/// Applies changes to a copy of the metadata, as the platform will.
pub fn apply(metadata: &Metadata, changes: &MetadataChanges) -> Metadata {
    let mut out = metadata.clone();
    for (field, value) in changes {
        match value {
            Some(v) => {
                out.insert(field.clone(), v.clone());
            }
            None => {
                out.remove(field);
            }
        }
    }
    out
}

/// True when one value of one field holds the subject at `floor` or above.
pub fn holds_subject(field: &str, item: &str, matcher: &Matcher, floor: Confidence) -> bool {
    let mut one = Metadata::new();
    one.insert(field.to_owned(), FieldValue::Single(item.to_owned()));
    !matcher.matches_from(&one, floor).is_empty()
}

/// The item without the subject (or with `with` in their place), or `None` when nothing
/// of it is left.
fn replace_item(
    field: &str,
    item: &str,
    role: Role,
    matcher: &Matcher,
    with: Option<&str>,
    floor: Confidence,
) -> Option<String> {
    if !holds_subject(field, item, matcher, floor) {
        return Some(item.to_owned());
    }
    let keep = |entries: &[(usize, usize)], separator| {
        keep_entries(field, item, entries, matcher, separator, with, floor)
    };
    match role {
        Role::Person => keep(&matcher.person_entries(item), "; "),
        Role::Email | Role::Phone | Role::Login => keep(&split_spans(item, &[',', ';', '/']), ", "),
        Role::Text => Some(redact_text(
            field,
            item,
            matcher,
            with.unwrap_or(REDACTED),
            floor,
        )),
    }
}

/// Keeps the entries of a list that are not the subject (putting `with` in place of those
/// that are, if given), joined by `separator`.
fn keep_entries(
    field: &str,
    item: &str,
    entries: &[(usize, usize)],
    matcher: &Matcher,
    separator: &str,
    with: Option<&str>,
    floor: Confidence,
) -> Option<String> {
    let kept: Vec<&str> = entries
        .iter()
        .map(|&(start, end)| item[start..end].trim())
        .filter(|entry| !entry.is_empty())
        .filter_map(|entry| {
            if holds_subject(field, entry, matcher, floor) {
                with
            } else {
                Some(entry)
            }
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(separator))
}

pub(crate) fn split_spans(item: &str, separators: &[char]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in item.char_indices() {
        if separators.contains(&c) {
            spans.push((start, i));
            start = i + c.len_utf8();
        }
    }
    spans.push((start, item.len()));
    spans
}

/// Replaces every written form of the subject in free text by `with`, keeping the rest.
fn redact_text(
    field: &str,
    item: &str,
    matcher: &Matcher,
    with: &str,
    floor: Confidence,
) -> String {
    let mut text = item.to_owned();
    // Each pass removes what the matcher points at; a handful of passes covers a name
    // written several times. The bound keeps a pathological value from looping.
    for _ in 0..16 {
        let mut one = Metadata::new();
        one.insert(field.to_owned(), FieldValue::Single(text.clone()));
        let found: Vec<String> = matcher
            .matches_from(&one, floor)
            .into_iter()
            .map(|m| m.value)
            .collect();
        let Some(value) = found.into_iter().find(|v| !v.is_empty()) else {
            break;
        };
        let replaced = replace_ignoring_ascii_case(&text, &value, with);
        if replaced == text {
            break;
        }
        text = replaced;
    }
    text
}

/// Replaces every whole occurrence of `needle`, comparing ASCII letters without case
/// (e-mail addresses are matched that way; names are found as written). An occurrence
/// inside a longer word or address (`jane.doe@example.com.au`) is not the subject's.
pub(crate) fn replace_ignoring_ascii_case(haystack: &str, needle: &str, with: &str) -> String {
    let lower_hay = haystack.to_ascii_lowercase();
    let lower_needle = needle.to_ascii_lowercase();
    let mut out = String::with_capacity(haystack.len());
    let (mut copied, mut from) = (0, 0);
    while let Some(at) = lower_hay[from..].find(&lower_needle) {
        let at = from + at;
        let end = at + needle.len();
        if stands_alone(haystack, at, end) {
            out.push_str(&haystack[copied..at]);
            out.push_str(with);
            copied = end;
        }
        from = end;
    }
    out.push_str(&haystack[copied..]);
    out
}

/// True when `text[start..end]` is not part of a longer word or address.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let joins = |c: char| c.is_alphanumeric() || "_%+-@".contains(c);
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let before_ok = before.is_none_or(|c| !joins(c) && c != '.');
    let after_ok = match after.next() {
        None => true,
        // A full stop ends a sentence unless a longer domain or name goes on after it.
        Some('.') => after.next().is_none_or(|c| !c.is_alphanumeric()),
        Some(c) => !joins(c),
    };
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::identity::{Identity, IdentityKind, probes};

    fn matcher(identities: &[(IdentityKind, &str)]) -> Matcher {
        let identities: Vec<Identity> = identities
            .iter()
            .map(|(k, v)| Identity::new(*k, *v))
            .collect();
        let region = crate::matching::identity::parse_region("NO").ok();
        Matcher::new(
            probes(&identities, region).expect("valid identities"),
            FieldRoles::standard(),
            region,
        )
    }

    fn metadata(pairs: &[(&str, FieldValue)]) -> Metadata {
        pairs
            .iter()
            .map(|(f, v)| (f.to_string(), v.clone()))
            .collect()
    }

    fn bag(items: &[&str]) -> FieldValue {
        FieldValue::Bag(items.iter().map(|s| s.to_string()).collect())
    }

    fn single(s: &str) -> FieldValue {
        FieldValue::Single(s.to_owned())
    }

    #[test]
    fn removes_disguised_names_whole() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        let text = "Jane_Doe, Jane.Doe, Jane\u{200b}Doe, Ja\u{ad}ne Doe and JaneDoe met Ola Nordmann \
            and Jane_Doerr.";
        let md = metadata(&[("120", single(text))]);
        let changes = scrub(&md, &m, &FieldRoles::standard(), Confidence::Medium);
        let Some(Some(FieldValue::Single(now))) = changes.get("120") else {
            panic!("the caption is changed: {changes:?}");
        };
        assert!(
            m.matches(&metadata(&[("120", single(now))])).is_empty(),
            "{now:?}"
        );
        assert!(
            !now.contains('\u{200b}') && !now.contains('\u{ad}'),
            "{now:?}"
        );
        assert!(
            now.contains("Ola Nordmann") && now.contains("Jane_Doerr"),
            "{now:?}"
        );
    }

    #[test]
    fn removes_only_the_subject() {
        let m = matcher(&[
            (IdentityKind::Name, "Jane Doe"),
            (IdentityKind::Email, "jane.doe@example.com"),
            (IdentityKind::Login, "jdoe"),
        ]);
        let md = metadata(&[
            ("368", bag(&["Jane Doe", "Ola Nordmann"])),
            ("80", bag(&["Doe, Jane"])),
            ("308", bag(&["Jane.Doe@Example.com"])),
            ("360", single("jdoe")),
            (
                "120",
                single(
                    "Jane Doe presents the budget with Ola Nordmann. Mail jane.doe@example.com.",
                ),
            ),
            ("5", single("Board meeting")),
        ]);
        let changes = scrub(&md, &m, &FieldRoles::standard(), Confidence::Medium);
        assert_eq!(changes["368"], Some(bag(&["Ola Nordmann"])));
        assert_eq!(changes["80"], None);
        assert_eq!(changes["308"], None);
        assert_eq!(changes["360"], None);
        assert_eq!(
            changes["120"],
            Some(single(
                "[redacted] presents the budget with Ola Nordmann. Mail [redacted]."
            ))
        );
        assert!(!changes.contains_key("5"));
        let after = apply(&md, &changes);
        assert!(
            m.matches(&after)
                .iter()
                .all(|x| x.confidence < Confidence::Medium)
        );
    }

    #[test]
    fn rectify_replaces_whole_entries_and_phrases() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        let md = metadata(&[
            ("368", bag(&["Jane Doe", "Ola Nordmann"])),
            ("120", single("Jane Doe presents the budget.")),
            ("5", single("Jane Does")),
        ]);
        let changes = rectify(
            &md,
            &m,
            &FieldRoles::standard(),
            "Jane Roe",
            None,
            Confidence::Medium,
        );
        assert_eq!(changes["368"], Some(bag(&["Jane Roe", "Ola Nordmann"])));
        assert_eq!(
            changes["120"],
            Some(single("Jane Roe presents the budget."))
        );
        assert!(!changes.contains_key("5"));
        let only = std::collections::BTreeSet::from(["368".to_owned()]);
        let changes = rectify(
            &md,
            &m,
            &FieldRoles::standard(),
            "Jane Roe",
            Some(&only),
            Confidence::Medium,
        );
        assert_eq!(changes.keys().collect::<Vec<_>>(), ["368"]);
    }

    #[test]
    fn a_list_of_names_in_one_value_keeps_the_others() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        let md = metadata(&[("368", single("Ola Nordmann; Jane Doe; Kari Nordmann"))]);
        let changes = scrub(&md, &m, &FieldRoles::standard(), Confidence::Medium);
        assert_eq!(changes["368"], Some(single("Ola Nordmann; Kari Nordmann")));
    }

    #[test]
    fn other_people_and_look_alikes_are_left_alone() {
        let m = matcher(&[(IdentityKind::Email, "jane.doe@example.com")]);
        let md = metadata(&[
            (
                "308",
                bag(&["jane.doe@example.com.au", "xjane.doe@example.com"]),
            ),
            ("120", single("Write to jane.doe@example.com.au")),
        ]);
        assert!(scrub(&md, &m, &FieldRoles::standard(), Confidence::Medium).is_empty());
        let md = metadata(&[(
            "120",
            single("jane.doe@example.com and jane.doe@example.com.au."),
        )]);
        assert_eq!(
            scrub(&md, &m, &FieldRoles::standard(), Confidence::Medium)["120"],
            Some(single("[redacted] and jane.doe@example.com.au."))
        );
    }
}
