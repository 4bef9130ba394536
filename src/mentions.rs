//! Whether a text typed about a request — its purpose, the operator's name — names the data
//! subject. Those texts go into the hash-chained audit log and into receipts, where nothing
//! can be taken out again, so the check is stricter than locate: every identity of the
//! request is looked for with locate's own matcher, at every confidence for a name of two
//! words or more (initials and typos too), in the text as written and with its words pulled
//! apart (`Jane.Doe`, `jane_doe`) or run together (`JaneDoe`); e-mail addresses whole and by
//! their local part; phone numbers by their digits in any grouping, read in the tenant's
//! region; logins as a word. Invisible characters (zero-width spaces and joiners, soft
//! hyphens) are removed and compatibility forms (full-width letters) folded first.
//!
//! A false refusal costs a reworded purpose; a false acceptance fixes a personal value in
//! the log for good.

use crate::matching::country;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::asset::{FieldValue, Metadata};
use crate::fields::{CAPTION, FieldRoles};
use crate::matching::identity::{Identity, IdentityKind, national_number, phone_e164, probes};
use crate::matching::matcher::{Confidence, Matcher};
use crate::matching::normalize::{self, Word};
use crate::receipt::subject::{forbidden_forms, holds_any};

/// Words run together are compared only from this many letters on: "janedoe" is her, "ada"
/// inside "canada" need not be.
const RUN_TOGETHER_MIN: usize = 6;

/// The kind of the first identity of `subject` that `text` names; `None` when it names none.
pub fn names_subject(
    text: &str,
    subject: &[Identity],
    region: Option<country::Id>,
) -> Option<IdentityKind> {
    let visible = visible(text);
    let apart = pulled_apart(&visible);
    let together = RunTogether::of(&visible);
    subject
        .iter()
        .find(|identity| {
            let one = std::slice::from_ref(*identity);
            // What the audit log always refused: a value as given or normalised, anywhere.
            let forms = forbidden_forms(one, region);
            if holds_any(text, &forms) || holds_any(&visible, &forms) {
                return true;
            }
            match identity.kind {
                IdentityKind::Name => {
                    located(identity, &visible, region)
                        || located(identity, &apart, region)
                        || together.holds_name(&identity.value)
                        || holds_name_word(&apart, &identity.value)
                }
                IdentityKind::Email => {
                    located(identity, &visible, region)
                        || together.holds_email_local_part(&identity.value)
                }
                IdentityKind::Phone => holds_phone(&visible, &identity.value, region),
                IdentityKind::Login => together.holds_login(&identity.value),
                IdentityKind::Text => {
                    located(identity, &visible, region) || located(identity, &apart, region)
                }
            }
        })
        .map(|identity| identity.kind)
}

/// How a message names what was found, without the value.
pub fn noun(kind: IdentityKind) -> &'static str {
    match kind {
        IdentityKind::Email => "e-mail address",
        IdentityKind::Name => "name",
        IdentityKind::Phone => "phone number",
        IdentityKind::Login => "login",
        IdentityKind::Text => "search text",
    }
}

/// True when locate's matcher finds `identity` in `text` read as free text (a caption). A
/// name of one word counts from medium confidence only: at low, any initial in the text
/// would be taken for it.
fn located(identity: &Identity, text: &str, region: Option<country::Id>) -> bool {
    let Ok(probes) = probes(std::slice::from_ref(identity), region) else {
        // An identity locate cannot read; the forbidden forms above still apply.
        return false;
    };
    let one_word =
        identity.kind == IdentityKind::Name && normalize::words(&identity.value).len() < 2;
    let floor = if one_word {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    let metadata: Metadata = [(CAPTION.to_owned(), FieldValue::Single(text.to_owned()))]
        .into_iter()
        .collect();
    !Matcher::new(probes, FieldRoles::standard(), region)
        .matches_from(&metadata, floor)
        .is_empty()
}

/// True when a word of the name (not an initial) stands in `text` on its own: "the Doe
/// request" or "Doe" names her as surely as "Jane Doe" does. Beside a capitalised word
/// that is not hers the word is taken for part of another person's name ("Jane Smith's
/// request", "John Doe's request"), which the full-name checks above judge.
fn holds_name_word(text: &str, name: &str) -> bool {
    let fold = |token: &str| -> Option<String> {
        match normalize::words(token).as_slice() {
            [word] => Some(word.stripped().to_owned()),
            _ => None,
        }
    };
    let hers: Vec<String> = normalize::words(name)
        .iter()
        .map(|w| w.stripped().to_owned())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let another_name = |token: &str| {
        token.chars().next().is_some_and(char::is_uppercase)
            && token.chars().all(char::is_alphabetic)
            && fold(token).is_none_or(|w| !hers.contains(&w))
    };
    tokens.iter().enumerate().any(|(i, token)| {
        let is_hers = fold(token).is_some_and(|w| hers.contains(&w));
        let beside_another = (i > 0 && another_name(tokens[i - 1]))
            || tokens.get(i + 1).is_some_and(|next| another_name(next));
        is_hers && !beside_another
    })
}

/// The text in compatibility form (NFKC), without invisible format characters, which
/// would otherwise split a word in two or hide a name from a reader of the log.
fn visible(text: &str) -> String {
    text.nfkc().filter(|&c| !is_invisible(c)).collect()
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}')
}

/// Every character that is neither part of a word, a space nor a comma made a space, so
/// that `Jane.Doe` and `jane_doe` read as the phrase locate looks for.
fn pulled_apart(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || is_combining_mark(c) || c.is_whitespace() || c == ',' {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// A text's folded words with nothing between them, in both folds.
struct RunTogether {
    words: Vec<Word>,
    expanded: String,
    stripped: String,
}

impl RunTogether {
    fn of(text: &str) -> RunTogether {
        let words = normalize::words(text);
        let expanded = words.iter().map(Word::expanded).collect();
        let stripped = words.iter().map(Word::stripped).collect();
        RunTogether {
            words,
            expanded,
            stripped,
        }
    }

    /// `part`'s words, run together, in either fold.
    fn holds(&self, part: &[Word]) -> bool {
        let expanded: String = part.iter().map(Word::expanded).collect();
        let stripped: String = part.iter().map(Word::stripped).collect();
        (expanded.chars().count() >= RUN_TOGETHER_MIN && self.expanded.contains(&expanded))
            || (stripped.chars().count() >= RUN_TOGETHER_MIN && self.stripped.contains(&stripped))
    }

    /// The name's words run together in any order ("JaneDoe", "doe_jane").
    fn holds_name(&self, name: &str) -> bool {
        let words = normalize::words(name);
        // Four words have 24 orders; a longer name is left to the matcher.
        if !(2..=4).contains(&words.len()) {
            return false;
        }
        orders(words).iter().any(|order| self.holds(order))
    }

    /// The part of the address before the '@', which is often the name ("jane.doe").
    fn holds_email_local_part(&self, email: &str) -> bool {
        let local = email.split('@').next().unwrap_or_default();
        self.holds(&normalize::words(local))
    }

    /// The login as a word of the text, or run together with others when it is long
    /// enough not to turn up inside ordinary words.
    fn holds_login(&self, login: &str) -> bool {
        let parts = normalize::words(login);
        let joined: String = parts.iter().map(Word::stripped).collect();
        if joined.is_empty() {
            return false;
        }
        self.words.iter().any(|w| w.stripped() == joined) || self.holds(&parts)
    }
}

/// Every order of `words`.
fn orders(words: Vec<Word>) -> Vec<Vec<Word>> {
    if words.len() <= 1 {
        return vec![words];
    }
    let mut out = Vec::new();
    for i in 0..words.len() {
        let mut rest = words.clone();
        let first = rest.remove(i);
        for mut order in orders(rest) {
            order.insert(0, first.clone());
            out.push(order);
        }
    }
    out
}

/// True when a run of digits in `text` (grouped by spaces, dashes, dots, slashes or
/// brackets, with or without a country code) is the phone number `phone`.
fn holds_phone(text: &str, phone: &str, region: Option<country::Id>) -> bool {
    let runs: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_digit() || " \t-./()+\u{a0}".contains(c)))
        .filter(|run| run.chars().filter(char::is_ascii_digit).count() >= 5)
        .collect();
    // Most texts hold no run of digits: no number to read, nor the phone library to load.
    if runs.is_empty() {
        return false;
    }
    let Some(e164) = phone_e164(phone, region) else {
        return false;
    };
    let national = national_number(&e164).unwrap_or_default();
    runs.into_iter().any(|run| {
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        phone_e164(run, region).as_deref() == Some(e164.as_str())
            || (national.len() >= 6 && digits.contains(&national))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jane() -> Vec<Identity> {
        vec![
            Identity::new(IdentityKind::Name, "Jane Doe"),
            Identity::new(IdentityKind::Email, "jane.doe@example.com"),
            Identity::new(IdentityKind::Phone, "+47 912 34 567"),
            Identity::new(IdentityKind::Login, "jdoe"),
        ]
    }

    fn named(text: &str) -> Option<IdentityKind> {
        let region = crate::matching::identity::parse_region("NO").ok();
        names_subject(text, &jane(), region)
    }

    #[test]
    fn every_form_of_her_is_found_and_said_which() {
        use IdentityKind::*;
        for (text, kind) in [
            ("Doe, Jane", Name),
            ("Jáne DÖE", Name),
            ("J.Doe", Name),
            ("jane_doe", Name),
            ("JaneDoe", Name),
            ("Jane\u{200b}Doe", Name),
            ("Ja\u{ad}ne Doe", Name),
            (
                "\u{ff2a}\u{ff41}\u{ff4e}\u{ff45} \u{ff24}\u{ff4f}\u{ff45}",
                Name,
            ),
            ("JANE.DOE@EXAMPLE.COM", Name),
            ("call 912 34 567", Phone),
            ("call 0047-91-23-45-67", Phone),
            ("ticket 12 91234567", Phone),
            ("user JDOE", Login),
        ] {
            assert_eq!(named(text), Some(kind), "{text}");
        }
    }

    #[test]
    fn other_people_and_case_numbers_pass() {
        for text in [
            "case 2026-014",
            "Art. 15 request, ticket 4711",
            "Jane Smith's request",
            "John Doe's request",
            "audit by D. Jensen",
            "erasure 2026-11-30 12:00",
        ] {
            assert_eq!(named(text), None, "{text}");
        }
    }

    #[test]
    fn a_word_of_her_name_alone_names_her() {
        use IdentityKind::*;
        // Her surname or first name alone is in the log for good.
        for text in [
            "Doe",
            "the Doe request",
            "DÖE erasure",
            "erasure for doe",
            "Doe's request",
        ] {
            assert_eq!(named(text), Some(Name), "{text}");
        }
    }

    #[test]
    fn a_one_word_name_is_not_any_initial() {
        let anna = [Identity::new(IdentityKind::Name, "Anna")];
        assert_eq!(names_subject("a review of A. Berg", &anna, None), None);
        assert!(names_subject("request from Anna", &anna, None).is_some());
    }
}
