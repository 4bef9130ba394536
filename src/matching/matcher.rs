//! Decides whether an asset's metadata holds a person, field by field, and how sure that is.
//!
//! The index only proposes candidates; every hit shown, exported or erased is confirmed
//! here, on the asset's own values. The same code verifies an erasure, so "found" means the
//! same thing before and after.

use std::fmt;

use crate::matching::country;
use serde::{Deserialize, Serialize};

use super::identity::{Probe, may_be_phone, phone_e164, phones_in_text};
use super::normalize::{self, QuickName, Word};
use crate::asset::Metadata;
use crate::fields::{FieldRoles, Role};

/// How sure a match is. Destructive commands act on `High` only, unless a person reviewed
/// the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    /// What a change acts on when no person reviewed the asset (serde's default).
    pub fn medium() -> Confidence {
        Confidence::Medium
    }

    pub fn is_medium(&self) -> bool {
        *self == Confidence::Medium
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which rule produced a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// The e-mail address is the value of an e-mail field.
    Email,
    /// The e-mail address is written inside another field.
    EmailInText,
    /// The phone number equals a phone field's number in E.164.
    Phone,
    /// The phone number is written in free text, in any form that reads as it.
    PhoneInText,
    /// The login equals a login field.
    Login,
    /// Every word of the name equals a word of one name in a person field, no word left over.
    Name,
    /// Every word of the name is in one name of a person field, which has more words.
    NameExtraWords,
    /// The name matches a person field with one typo on a long word.
    NameTypo,
    /// The name matches only through an initial ("J. Doe").
    NameInitials,
    /// The name searched is a single word.
    NameSingleWord,
    /// The whole name is written as a phrase in a free-text field.
    NameInText,
    /// The name is a phrase in free text, but only with a typo or an initial.
    NameInTextLoose,
    /// The name's words are run together in one word ("JaneDoe"), or joined by invisible
    /// characters.
    NameJoined,
    /// The same words, the family name written first without a comma ("Kovács Anna" for
    /// Anna Kovács, "Doe Jane").
    FamilyNameFirst,
    /// "Last, First" with a family name of several words ("Ruiz Zafón, Carlos", "van der
    /// Merwe, Anna").
    ParticleSurname,
    /// The name in another script or another romanisation ("Пётр Чайковский", "Pyotr
    /// Tchaikovsky" for Pyotr Chaikovsky).
    Transliteration,
    /// A name of a script without spaces (Chinese, Japanese, Korean) that is the whole
    /// entry of a person field.
    NameUnspaced,
    /// The field holds some of the name's words, at least two, and no other ("Mary Shelley"
    /// for Mary Wollstonecraft Shelley).
    NameMissingWords,
    /// The free-text phrase searched appears in a field.
    Text,
}

impl Rule {
    /// The reasoning behind the rule, for `--explain`.
    pub fn explain(self) -> &'static str {
        match self {
            Rule::Email => "e-mail field equals the address (case and spaces ignored)",
            Rule::EmailInText => "the whole address is written in this field",
            Rule::Phone => "same number in E.164",
            Rule::PhoneInText => "the number is written in this text (same number in E.164)",
            Rule::Login => "login equals the platform login",
            Rule::Name => "same name: every word equal after folding case, accents and spelling",
            Rule::NameExtraWords => "all words of the name, but the field's name has more",
            Rule::NameTypo => "same name with one typo in a long word",
            Rule::NameInitials => "matches only through an initial",
            Rule::NameSingleWord => "a single word of a name is weak evidence",
            Rule::NameInText => "the whole name is written as a phrase in free text",
            Rule::NameInTextLoose => {
                "a phrase in free text that matches only with a typo or an initial"
            }
            Rule::NameJoined => {
                "the words of the name run together in one word, or joined by invisible characters"
            }
            Rule::FamilyNameFirst => "same name, written family name first",
            Rule::ParticleSurname => {
                "same name as \"Last, First\" with a family name of several words"
            }
            Rule::Transliteration => {
                "same name in another script or romanisation: a strong hint, not proof"
            }
            Rule::NameUnspaced => "the whole entry is the name, in a script written without spaces",
            Rule::NameMissingWords => {
                "the field's name lacks some of the name's words (a middle name?)"
            }
            Rule::Text => "the phrase appears in the field",
        }
    }
}

/// One place an identity was found in an asset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    pub field: String,
    /// Position of the identity in the list the matcher was built from.
    pub identity: usize,
    pub rule: Rule,
    pub confidence: Confidence,
    /// The subject's own value as written in the field, never the rest of it.
    pub value: String,
}

/// Matches a fixed set of identities against assets' metadata.
#[derive(Debug, Clone)]
pub struct Matcher {
    probes: Vec<Probe>,
    /// Each name probe made ready for a quick reading of values (see [`ruled_out`]).
    quick: Vec<Option<QuickName>>,
    roles: FieldRoles,
    region: Option<country::Id>,
}

impl Matcher {
    pub fn new(probes: Vec<Probe>, roles: FieldRoles, region: Option<country::Id>) -> Matcher {
        let quick = probes
            .iter()
            .map(|probe| match probe {
                Probe::Name(name) => Some(QuickName::new(name)),
                _ => None,
            })
            .collect();
        Matcher {
            probes,
            quick,
            roles,
            region,
        }
    }

    /// The names a person field's value holds, as byte ranges ([`person_entries`]), with a
    /// segment that reads as two names or as one searched name of two family names ("García
    /// Márquez, Gabriel José") kept whole: what a change removes or keeps, entry by entry.
    pub fn person_entries(&self, item: &str) -> Vec<(usize, usize)> {
        let mut entries = person_entries(item);
        let long_name = |probe: &Probe| matches!(probe, Probe::Name(name) if name.len() >= 4);
        if !self.probes.iter().any(long_name) {
            return entries;
        }
        for (start, end) in both_readings(item) {
            let whole = self.probes.iter().any(|probe| {
                matches!(probe, Probe::Name(name) if whole_last_first(name, &item[start..end]))
            });
            if whole {
                entries.retain(|&(s, e)| e <= start || end <= s);
                entries.push((start, end));
            }
        }
        entries.sort_unstable();
        entries
    }

    /// Where national phone numbers are read.
    pub fn region(&self) -> Option<country::Id> {
        self.region
    }

    pub fn probes(&self) -> &[Probe] {
        &self.probes
    }

    /// The matches at `floor` or above, strongest first: what a change acting at that
    /// confidence takes for the subject's, and what its read-back must no longer find.
    pub fn matches_from(&self, metadata: &Metadata, floor: Confidence) -> Vec<FieldMatch> {
        let mut found = self.matches(metadata);
        found.retain(|m| m.confidence >= floor);
        found
    }

    /// Every match of every identity in the metadata, strongest first per field.
    pub fn matches(&self, metadata: &Metadata) -> Vec<FieldMatch> {
        let mut out = Vec::new();
        for (field, value) in metadata {
            let role = self.roles.role(field);
            for item in value.items() {
                // Split only when a probe reads words: most candidates are confirmed or
                // rejected on e-mails, phones, logins or person fields alone.
                let mut words = None;
                for (identity, probe) in self.probes.iter().enumerate() {
                    let found = match probe {
                        Probe::Email(email) => match_email(email, role, item),
                        Probe::Phone(e164) => match_phone(e164, role, item, self.region),
                        Probe::Login(login) => match_login(login, role, item),
                        Probe::Name(_)
                            if self.quick[identity]
                                .as_ref()
                                .is_some_and(|quick| ruled_out(quick, role, item)) =>
                        {
                            None
                        }
                        Probe::Name(name) if role == Role::Person => match_person(name, item),
                        Probe::Name(name) if role == Role::Text => {
                            let words = words.get_or_insert_with(|| normalize::words(item));
                            match_phrase(name, item, words)
                        }
                        Probe::Name(_) => None,
                        Probe::Text(text) => {
                            let words = words.get_or_insert_with(|| normalize::words(item));
                            match_text(text, item, words)
                        }
                    };
                    if let Some((rule, confidence, value)) = found {
                        out.push(FieldMatch {
                            field: field.clone(),
                            identity,
                            rule,
                            confidence,
                            value,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|m| std::cmp::Reverse(m.confidence));
        out
    }
}

type Found = Option<(Rule, Confidence, String)>;

fn match_email(email: &str, role: Role, item: &str) -> Found {
    // A searched address always holds '@', and neither folding adds one.
    if !item.contains('@') {
        return None;
    }
    let found =
        normalize::email(item) == email || normalize::emails_in(item).iter().any(|e| e == email);
    let rule = if role == Role::Email {
        Rule::Email
    } else {
        Rule::EmailInText
    };
    found.then(|| (rule, Confidence::High, email.to_owned()))
}

fn match_phone(e164: &str, role: Role, item: &str, region: Option<country::Id>) -> Found {
    // A number in a part, or in a run of the text, holds the digits the whole item holds
    // there: the item not holding the number's last digits rules out every part.
    if !matches!(role, Role::Text | Role::Phone) || !may_be_phone(item, e164) {
        return None;
    }
    if role == Role::Text {
        // A number in a caption is found in any written form, and scrubbed as written.
        return phones_in_text(item, region)
            .into_iter()
            .find(|(_, _, number)| number == e164)
            .map(|(start, end, _)| {
                (
                    Rule::PhoneInText,
                    Confidence::Medium,
                    item[start..end].to_owned(),
                )
            });
    }
    item.split([',', ';', '/'])
        .find(|part| may_be_phone(part, e164) && phone_e164(part, region).as_deref() == Some(e164))
        .map(|part| (Rule::Phone, Confidence::High, part.trim().to_owned()))
}

fn match_login(login: &str, role: Role, item: &str) -> Found {
    (role == Role::Login && normalize::login(item) == login)
        .then(|| (Rule::Login, Confidence::High, item.trim().to_owned()))
}

/// How one word of the searched name met a word of the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordMatch {
    Equal,
    /// The same name in another script or romanisation.
    Transliterated,
    Typo,
    Initial,
}

/// Pairs each searched word with a distinct word of the value, preferring equal words,
/// then transliterations, then one-typo words, then initials. `None` when a searched word
/// finds no partner; otherwise how each word met its partner and the partner's position.
///
/// A name of one word meets no initial: an initial says who it is only beside the other
/// words of a name, and alone "A." (or the article "a") stands for every Anna and Annabelle.
fn pair_words(name: &[Word], value: &[Word]) -> Option<Vec<(WordMatch, usize)>> {
    let mut used = vec![false; value.len()];
    let mut how: Vec<Option<(WordMatch, usize)>> = vec![None; name.len()];
    let kinds: &[WordMatch] = if name.len() == 1 {
        &[WordMatch::Equal, WordMatch::Transliterated, WordMatch::Typo]
    } else {
        &[
            WordMatch::Equal,
            WordMatch::Transliterated,
            WordMatch::Typo,
            WordMatch::Initial,
        ]
    };
    for &kind in kinds {
        for (q, word) in name.iter().enumerate() {
            if how[q].is_some() {
                continue;
            }
            let fits = |other: &Word| match kind {
                WordMatch::Equal => word.same_as(other),
                WordMatch::Transliterated => word.transliteration_of(other),
                WordMatch::Typo => word.one_typo_from(other),
                WordMatch::Initial => word.initial_of(other),
            };
            if let Some(v) = (0..value.len()).find(|&v| !used[v] && fits(&value[v])) {
                used[v] = true;
                how[q] = Some((kind, v));
            }
        }
    }
    how.into_iter().collect()
}

/// The kinds of a pairing, without the positions.
fn kinds(how: &[(WordMatch, usize)]) -> Vec<WordMatch> {
    how.iter().map(|(kind, _)| *kind).collect()
}

/// True when the searched words met the value's words in another order, as when the
/// family name is written first.
fn reordered(how: &[(WordMatch, usize)]) -> bool {
    how.windows(2).any(|pair| pair[0].1 > pair[1].1)
}

/// True when a searched initial met an initial ("J. Doe" searched, "J. Doe" written).
fn involves_initials(name: &[Word], how: &[WordMatch]) -> bool {
    how.contains(&WordMatch::Initial) || name.iter().any(Word::is_initial)
}

/// True when a quick reading of the value ([`QuickName`]) shows the name cannot be
/// matched in it. Running text needs every word of the name in one run of as many words
/// (`match_phrase_in`). A person field needs every word of a name of one or two words in
/// one entry; of a longer name, at least the first word, equal, since an entry may lack
/// the others (`match_person_partly`). A whole "Last, First" reading needs every word.
fn ruled_out(name: &QuickName, role: Role, item: &str) -> bool {
    match role {
        Role::Text => name.phrase(item) == Some(false),
        Role::Person => {
            let Some(cover) = name.cover(item) else {
                return false;
            };
            if name.len() > 2 {
                cover & 1 == 0
            } else {
                cover != name.every_word()
            }
        }
        _ => false,
    }
}

fn match_person(name: &[Word], item: &str) -> Found {
    // A list that may be one name of two family names ("García Márquez, Gabriel José") is
    // that name only when it is the whole name searched, in "Last, First" order.
    // Two words or more on each side of the comma: a name of fewer words is never one.
    let whole = (name.len() >= 4)
        .then(|| both_readings(item))
        .into_iter()
        .flatten()
        .find(|&(start, end)| whole_last_first(name, &item[start..end]))
        .map(|(start, end)| {
            (
                Rule::ParticleSurname,
                Confidence::High,
                item[start..end].trim().to_owned(),
            )
        });
    if whole.is_some() {
        return whole;
    }
    person_entries(item)
        .into_iter()
        .filter_map(|(start, end)| {
            let entry = &item[start..end];
            let words = normalize::words(entry);
            let Some(pairs) = pair_words(name, &words) else {
                return match_person_partly(name, entry, &words);
            };
            let how = kinds(&pairs);
            let extra = words.len() > name.len();
            let (rule, confidence) = if name.len() == 1 {
                // "王小明" alone in a person field is a whole name, not one word of one.
                if !extra && how == [WordMatch::Equal] && name[0].is_unspaced_name() {
                    (Rule::NameUnspaced, Confidence::High)
                } else {
                    (Rule::NameSingleWord, Confidence::Low)
                }
            } else if involves_initials(name, &how) {
                (Rule::NameInitials, Confidence::Low)
            } else if how.contains(&WordMatch::Typo) {
                let confidence = if extra || typo_between_given_names(name, entry, &pairs) {
                    Confidence::Low
                } else {
                    Confidence::Medium
                };
                (Rule::NameTypo, confidence)
            } else if how.contains(&WordMatch::Transliterated) {
                let confidence = if extra {
                    Confidence::Low
                } else {
                    Confidence::Medium
                };
                (Rule::Transliteration, confidence)
            } else if extra {
                (Rule::NameExtraWords, Confidence::Medium)
            } else if let Some(comma) = entry.find(',') {
                // A list is split before any "Last, First" reading, so a comma left in
                // an entry ends its family name.
                if normalize::words(&entry[..comma]).len() > 1 {
                    (Rule::ParticleSurname, Confidence::High)
                } else {
                    (Rule::Name, Confidence::High)
                }
            } else if reordered(&pairs) {
                (Rule::FamilyNameFirst, Confidence::High)
            } else {
                (Rule::Name, Confidence::High)
            };
            Some((rule, confidence, entry.trim().to_owned()))
        })
        .max_by_key(|(_, confidence, _)| *confidence)
}

/// True when a one-typo pair joins a given name of the search with a given name of the
/// entry: both are given names (the entry's own person field says so of its word), and
/// one letter between two given names is a near-namesake — Tonja is not Jonja, Daniel
/// not Daniela. The family name is the last word searched, and in the entry the words
/// before a "Last, First" comma or else its last word.
fn typo_between_given_names(name: &[Word], entry: &str, pairs: &[(WordMatch, usize)]) -> bool {
    let words = normalize::words(entry);
    let family_words = match entry.find(',') {
        Some(comma) => words.iter().take_while(|w| w.end <= comma).count(),
        None => 0,
    };
    let given_in_entry = |v: usize| {
        if family_words > 0 {
            v >= family_words
        } else {
            v + 1 < words.len()
        }
    };
    pairs
        .iter()
        .enumerate()
        .any(|(q, (kind, v))| *kind == WordMatch::Typo && q + 1 < name.len() && given_in_entry(*v))
}

/// A person entry that holds the name only in part: run together ("JaneDoe",
/// "Jane\u{200d}Doe": every word of the name equal to a part), or short of some of its
/// words but not of its first ("Mary Shelley" for Mary Wollstonecraft Shelley), which is
/// listed for review.
fn match_person_partly(name: &[Word], entry: &str, words: &[Word]) -> Found {
    let value = || entry.trim().to_owned();
    let parts = split_parts(words);
    let joined = name.len() > 1
        && parts.len() > words.len()
        && pair_words(
            name,
            &parts.iter().map(|p| p.word.clone()).collect::<Vec<_>>(),
        )
        .is_some_and(|how| how.iter().all(|(h, _)| *h == WordMatch::Equal));
    if joined {
        return Some((Rule::NameJoined, Confidence::Medium, value()));
    }
    // The given name (the first word searched) must be there: "Ruiz Zafón" alone is a
    // family name, anyone's of that family. So must a word after the second: the first
    // two alone ("Kanja Maria" for Kanja Maria Storstad) are given names, no family's, and
    // the index proposes the same (see `TenantIndex::all_words`).
    let missing = name.len() > 2
        && words.len() >= 2
        && words.len() < name.len()
        && pair_words(words, name).is_some_and(|how| {
            how.iter().all(|(h, _)| *h == WordMatch::Equal)
                && how.iter().any(|(_, q)| *q == 0)
                && how.iter().any(|(_, q)| *q >= 2)
        });
    missing.then(|| (Rule::NameMissingWords, Confidence::Low, value()))
}

/// Splits a person field's value into the names it holds, as byte ranges. Names are
/// separated by `;`, `|`, `/` or new lines, and by commas unless the value reads as one
/// "Last, First" name: an only comma with a single word on one side of it ("Doe, Jane",
/// "Ruiz Zafón, Carlos"), or a family name opening with a particle ("van der Merwe, Anna
/// Marie"). Two names of several words ("Nisa Tveitvik, Jonja Kvamnes") are a list here;
/// the matcher also reads such a segment as one name when it is the whole name searched
/// (see [`both_readings`] and [`Matcher::person_entries`]).
pub fn person_entries(item: &str) -> Vec<(usize, usize)> {
    let mut entries = Vec::new();
    let mut start = 0;
    for (i, c) in item
        .char_indices()
        .chain(std::iter::once((item.len(), ';')))
    {
        if matches!(c, ';' | '|' | '/' | '\n') {
            split_commas(item, start, i, &mut entries);
            start = i + c.len_utf8();
        }
    }
    entries
}

/// Words that open a family name of several words (Dutch, German, Romance, Arabic): a
/// segment opening with one is a family name, so its comma is a "Last, First" one.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "degli", "del", "della", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "ten", "ter", "van", "von", "zu",
];

/// How a segment of a person field with one comma reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CommaReading {
    /// One "Last, First" name.
    LastFirst,
    /// Two names, or one name of a family name of several words: "García Márquez, Gabriel
    /// José" and "Nisa Tveitvik, Jonja Kvamnes" are written alike.
    Either,
    /// A list (no comma, or several).
    List,
}

fn comma_reading(segment: &str) -> CommaReading {
    let mut commas = segment.match_indices(',');
    let (Some((comma, _)), None) = (commas.next(), commas.next()) else {
        return CommaReading::List;
    };
    let before = normalize::words(&segment[..comma]);
    let after = normalize::words(&segment[comma + 1..]);
    if before.len() == 1
        || after.len() == 1
        || before
            .first()
            .is_some_and(|w| PARTICLES.contains(&w.stripped()))
    {
        CommaReading::LastFirst
    } else {
        CommaReading::Either
    }
}

/// The segments of a person field's value that read both as a list of two names and as
/// one "Last, First" name (see [`CommaReading::Either`]), as byte ranges. `person_entries`
/// splits them; such a segment is one name only for a search that is that whole name.
pub fn both_readings(item: &str) -> Vec<(usize, usize)> {
    let mut segments = Vec::new();
    let mut start = 0;
    for (i, c) in item
        .char_indices()
        .chain(std::iter::once((item.len(), ';')))
    {
        if matches!(c, ';' | '|' | '/' | '\n') {
            if comma_reading(&item[start..i]) == CommaReading::Either {
                segments.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    segments
}

/// True when `segment` ("García Márquez, Gabriel José") is exactly `name` ("Gabriel José
/// García Márquez") in "Last, First" order: every word, none more, none typed otherwise.
fn whole_last_first(name: &[Word], segment: &str) -> bool {
    let Some(comma) = segment.find(',') else {
        return false;
    };
    let family = normalize::words(&segment[..comma]);
    let given = normalize::words(&segment[comma + 1..]);
    name.len() == family.len() + given.len()
        && given
            .iter()
            .chain(&family)
            .zip(name)
            .all(|(w, n)| w.same_as(n))
}

fn split_commas(item: &str, start: usize, end: usize, entries: &mut Vec<(usize, usize)>) {
    let segment = &item[start..end];
    let commas: Vec<usize> = segment.match_indices(',').map(|(i, _)| i).collect();
    let last_first = comma_reading(segment) == CommaReading::LastFirst;
    let mut from = 0;
    let cuts = if last_first { Vec::new() } else { commas };
    for cut in cuts.into_iter().chain(std::iter::once(segment.len())) {
        if normalize::has_words(&segment[from..cut]) {
            entries.push((start + from, start + cut));
        }
        from = cut + 1;
    }
}

/// Separators allowed between the words of a name written in running text: spaces, a
/// comma ("Doe, Jane"), a hyphen, the full stop after an initial, and the joins of a name
/// written as one token — underscores ("Jane_Doe") or a full stop with no space
/// ("Jane.Doe"). A sentence boundary breaks the phrase. Invisible characters count as
/// nothing.
fn joins_a_name(text: &str, before: &Word, after: &Word) -> bool {
    let between: String = text[before.end..after.start]
        .chars()
        .filter(|c| !normalize::is_invisible(*c))
        .collect();
    let spaced = between
        .chars()
        .all(|c| c.is_whitespace() || c == ',' || c == '-' || (c == '.' && before.is_initial()));
    spaced || between == "." || between.chars().all(|c| c == '_')
}

/// A word of a value, or a part of one (see [`Word::parts`]), and whether it begins and
/// ends the word it was read from.
struct Piece {
    word: Word,
    first: bool,
    last: bool,
}

/// The words with each run-together word replaced by its parts.
fn split_parts(words: &[Word]) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(words.len());
    for word in words {
        let parts = word.parts();
        if parts.is_empty() {
            pieces.push(Piece {
                word: word.clone(),
                first: true,
                last: true,
            });
            continue;
        }
        for (k, part) in parts.iter().enumerate() {
            pieces.push(Piece {
                word: part.clone(),
                first: k == 0,
                last: k + 1 == parts.len(),
            });
        }
    }
    pieces
}

/// True when the byte range `start..end` of `item` lies inside an e-mail address.
fn in_an_address(item: &str, start: usize, end: usize) -> bool {
    item.contains('@')
        && normalize::email_spans(item)
            .into_iter()
            .any(|(s, e)| s <= start && end <= e)
}

fn match_phrase(name: &[Word], item: &str, words: &[Word]) -> Found {
    let plain = match_phrase_in(name, item, words, &mut |_| true);
    if plain
        .as_ref()
        .is_some_and(|(_, c, _)| *c >= Confidence::Medium)
        || !words.iter().any(|w| !w.parts().is_empty())
    {
        return plain;
    }
    // A name run together in one word of the text: read the parts as words, and take a
    // window only when it begins and ends with whole words of the text.
    let pieces = split_parts(words);
    let split: Vec<Word> = pieces.iter().map(|p| p.word.clone()).collect();
    let joined = match_phrase_in(name, item, &split, &mut |range: (usize, usize)| {
        pieces[range.0].first && pieces[range.1].last
    })
    .filter(|(rule, _, _)| *rule == Rule::NameInText)
    .map(|(_, confidence, value)| (Rule::NameJoined, confidence, value));
    [plain, joined]
        .into_iter()
        .flatten()
        .max_by_key(|(_, c, _)| *c)
}

/// The best phrase of the name in `words`, among the windows (first and last index) that
/// `whole` accepts.
fn match_phrase_in(
    name: &[Word],
    item: &str,
    words: &[Word],
    whole: &mut dyn FnMut((usize, usize)) -> bool,
) -> Found {
    let n = name.len();
    if words.len() < n {
        return None;
    }
    // Which searched words each word of the value could stand for: a window whose words do
    // not cover them all cannot pair, and most values of a candidate have no such window.
    let masks: Option<Vec<u64>> =
        (n <= 64).then(|| words.iter().map(|v| v.pairing_mask(name)).collect());
    let everyone = if n == 64 { u64::MAX } else { (1 << n) - 1 };
    let covers = |masks: &[u64]| masks.iter().fold(0, |all, m| all | m) == everyone;
    if masks.as_deref().is_some_and(|m| !covers(m)) {
        return None;
    }
    let mut best: Found = None;
    for (start, window) in words.windows(n).enumerate() {
        if masks
            .as_deref()
            .is_some_and(|m| !covers(&m[start..start + n]))
        {
            continue;
        }
        if !whole((start, start + n - 1))
            || !window.windows(2).all(|p| joins_a_name(item, &p[0], &p[1]))
        {
            continue;
        }
        // Every word of the window stands for a word of the name, so a one-letter word in
        // it is an initial only if written as one: "a" in "a Doe family" is an article.
        if window
            .iter()
            .any(|w| w.is_initial() && !w.written_as_initial(item))
        {
            continue;
        }
        let Some(pairs) = pair_words(name, window) else {
            continue;
        };
        // A searched initial stands for a word of running text only when that word is
        // written with a capital, as a name is: a lower-case word there is a common word
        // far more often ("Toro Granner and Ola" holds no A. Granner; at a million assets
        // such words were four in five of that search's hits).
        let lower_case = |v: usize| {
            item[window[v].start..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        };
        if pairs
            .iter()
            .zip(name)
            .any(|(&(kind, v), q)| kind == WordMatch::Initial && q.is_initial() && lower_case(v))
        {
            continue;
        }
        let how = kinds(&pairs);
        let exact = n > 1 && !involves_initials(name, &how) && !how.contains(&WordMatch::Typo);
        let (rule, confidence) = if !exact {
            (Rule::NameInTextLoose, Confidence::Low)
        } else if how.contains(&WordMatch::Transliterated) {
            (Rule::Transliteration, Confidence::Medium)
        } else if reordered(&pairs)
            && !window
                .windows(2)
                .any(|p| item[p[0].end..p[1].start].contains(','))
        {
            (Rule::FamilyNameFirst, Confidence::Medium)
        } else {
            (Rule::NameInText, Confidence::Medium)
        };
        let (start, end) = (window[0].start, window[n - 1].end);
        // An address is an identifier of its own: "jane.doe@" is as often a namesake's
        // ("mary.jane.doe@", another domain) as hers, and hers are searched with --email.
        if in_an_address(item, start, end) {
            continue;
        }
        let value = item[start..end].to_owned();
        if best.as_ref().is_none_or(|(_, c, _)| confidence > *c) {
            best = Some((rule, confidence, value));
        }
    }
    best
}

fn match_text(text: &[Word], item: &str, words: &[Word]) -> Found {
    let n = text.len();
    words
        .windows(n)
        .find(|window| window.iter().zip(text).all(|(w, t)| w.same_as(t)))
        .map(|window| {
            let value = item[window[0].start..window[n - 1].end].to_owned();
            (Rule::Text, Confidence::Medium, value)
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::asset::FieldValue;
    use crate::matching::identity::{Identity, IdentityKind, parse_region, probes};

    fn matcher(identities: &[(IdentityKind, &str)]) -> Matcher {
        let ids: Vec<Identity> = identities
            .iter()
            .map(|(k, v)| Identity::new(*k, *v))
            .collect();
        let region = parse_region("NO").unwrap();
        Matcher::new(
            probes(&ids, Some(region)).unwrap(),
            FieldRoles::standard(),
            Some(region),
        )
    }

    fn best(m: &Matcher, field: &str, value: FieldValue) -> Option<(Rule, Confidence, String)> {
        let md: Metadata = [(field.to_owned(), value)].into_iter().collect();
        m.matches(&md)
            .into_iter()
            .next()
            .map(|f| (f.rule, f.confidence, f.value))
    }

    fn bag(items: &[&str]) -> FieldValue {
        FieldValue::Bag(items.iter().map(|s| s.to_string()).collect())
    }

    fn single(s: &str) -> FieldValue {
        FieldValue::Single(s.to_owned())
    }

    /// The quick reading rules out only what neither a person field nor running text
    /// would match: names of one to five words, among values of names written whole, in
    /// part, family name first, as initials, with typos, run together and in lists.
    #[test]
    fn a_value_ruled_out_quickly_holds_no_match() {
        let names = [
            "Jane Doe",
            "Jane",
            "J. Doe",
            "Mary Wollstonecraft Shelley",
            "Gabriel José García Márquez",
            "Vimir Sandnes",
            "Pyotr Tchaikovsky",
            "Ole Kristian Dahl Nordmann Berg",
        ];
        let pieces = [
            "Jane",
            "Doe",
            "J.",
            "Mary",
            "Shelley",
            "Wollstonecraft",
            "Garcia",
            "Márquez",
            "Marquez",
            "Gabriel",
            "Jose",
            "Vimir",
            "Vimiir",
            "Imir",
            "Sandnes",
            "Sandnas",
            "V.",
            "Petr",
            "Chaikovsky",
            "Ole",
            "Dahl",
            "Berg",
            "Kristian",
            "JaneDoe",
            "a",
            "Nordmann",
            "x",
        ];
        let joins = [" ", ", ", "; ", " and ", "-", ". ", " / ", "_"];
        let mut rng = fastrand::Rng::with_seed(17);
        let mut next = |n: usize| rng.usize(..n);
        let (mut ruled, mut found) = (0, 0);
        for _ in 0..20_000 {
            let name = normalize::words(names[next(names.len())]);
            let mut item = String::new();
            for _ in 0..1 + next(6) {
                item.push_str(pieces[next(pieces.len())]);
                item.push_str(joins[next(joins.len())]);
            }
            for role in [Role::Person, Role::Text] {
                let matched = match role {
                    Role::Person => match_person(&name, &item),
                    _ => match_phrase(&name, &item, &normalize::words(&item)),
                };
                found += usize::from(matched.is_some());
                if ruled_out(&QuickName::new(&name), role, &item) {
                    ruled += 1;
                    assert_eq!(matched, None, "{item:?} ({role:?})");
                }
            }
        }
        assert!(
            ruled > 5000 && found > 1000,
            "{ruled} ruled out, {found} found"
        );
    }

    #[test]
    fn person_names() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        let conf = |v: &str| best(&m, "368", bag(&["Ola Nordmann", v])).map(|b| b.1);
        assert_eq!(conf("Jane Doe"), Some(Confidence::High));
        assert_eq!(conf("jane  DOE"), Some(Confidence::High));
        assert_eq!(conf("Doe, Jane"), Some(Confidence::High));
        assert_eq!(conf("Doe Jane"), Some(Confidence::High));
        assert_eq!(conf("Jane Mary Doe"), Some(Confidence::Medium));
        assert_eq!(conf("J. Doe"), Some(Confidence::Low));
        assert_eq!(conf("Jane Smith"), None);
        assert_eq!(conf("John Doe"), None);
        assert_eq!(conf("Jane Doerr"), None);
    }

    #[test]
    fn matched_value_is_only_the_subjects() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        let (_, _, value) = best(&m, "80", single("Ola Nordmann; Jane Doe")).unwrap();
        assert_eq!(value, "Jane Doe");
        let caption = single("Jane Doe presents the budget with Ola Nordmann.");
        let (rule, confidence, value) = best(&m, "120", caption).unwrap();
        assert_eq!(
            (rule, confidence, value.as_str()),
            (Rule::NameInText, Confidence::Medium, "Jane Doe")
        );
    }

    #[test]
    fn phrases_do_not_cross_sentences() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        assert_eq!(
            best(&m, "120", single("Thanks, Jane. Doe Ltd. sponsored.")),
            None
        );
        assert_eq!(
            best(&m, "120", single("Jane Doerr and John Doe were there")),
            None
        );
    }

    #[test]
    fn disguised_names_are_read_through() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        let text = |t: &str| best(&m, "120", single(t));
        let medium = |rule, value: &str| Some((rule, Confidence::Medium, value.to_owned()));
        assert_eq!(
            text("with Jane_Doe today"),
            medium(Rule::NameInText, "Jane_Doe")
        );
        assert_eq!(
            text("Photo: Jane.Doe."),
            medium(Rule::NameInText, "Jane.Doe")
        );
        assert_eq!(
            text("Ja\u{ad}ne Doe here"),
            medium(Rule::NameInText, "Ja\u{ad}ne Doe")
        );
        assert_eq!(
            text("Jane\u{200b}Doe here"),
            medium(Rule::NameJoined, "Jane\u{200b}Doe")
        );
        assert_eq!(
            text("Jane\u{200d}Doe\u{200d} here"),
            medium(Rule::NameJoined, "Jane\u{200d}Doe")
        );
        assert_eq!(text("thanks JaneDoe!"), medium(Rule::NameJoined, "JaneDoe"));
        assert_eq!(
            text("\u{ff2a}\u{ff41}\u{ff4e}\u{ff45} Doe"),
            medium(Rule::NameInText, "\u{ff2a}\u{ff41}\u{ff4e}\u{ff45} Doe")
        );
        // Near-namesakes, names inside e-mail addresses, other people, a name only inside a longer run-together word, and
        // all-lower-case run-together words (a login, not a name as written).
        for other in [
            "Jane_Doerr and John.Doe",
            "write to jane.doe@other.example today",
            "jane_doe@example.com",
            "MaryJane Doe",
            "JaneDoerr",
            "the janedoe account",
            "Jane. Doe",
            "Jane\u{200b}Smith and Ola\u{ad} Doe",
        ] {
            assert_eq!(text(other), None, "{other:?}");
        }
        let person = |t: &str| best(&m, "368", bag(&[t])).map(|(r, c, _)| (r, c));
        assert_eq!(person("Jane Doe"), Some((Rule::Name, Confidence::High)));
        assert_eq!(
            person("Jane\u{200b}Doe"),
            Some((Rule::NameJoined, Confidence::Medium))
        );
        assert_eq!(
            person("Ja\u{ad}ne Doe"),
            Some((Rule::Name, Confidence::High))
        );
        assert_eq!(person("JaneDoerr"), None);
    }

    #[test]
    fn typos_and_folding() {
        let m = matcher(&[(IdentityKind::Name, "Søren Kierkegaard")]);
        let typo = best(&m, "80", bag(&["Soren Kirkegaard"])).unwrap();
        assert_eq!((typo.0, typo.1), (Rule::NameTypo, Confidence::Medium));
        let m = matcher(&[(IdentityKind::Name, "Jo\u{0308}rg Mu\u{0308}ller")]);
        for spelling in [
            "Jörg Müller",
            "Joerg Mueller",
            "Jorg Muller",
            "MÜLLER, JÖRG",
        ] {
            assert_eq!(
                best(&m, "80", bag(&[spelling])).map(|b| b.1),
                Some(Confidence::High),
                "{spelling}"
            );
        }
    }

    #[test]
    fn identifiers_are_exact() {
        let m = matcher(&[
            (IdentityKind::Email, " Jane.Doe@Example.com "),
            (IdentityKind::Phone, "+47 912 34 567"),
            (IdentityKind::Login, "jdoe"),
        ]);
        assert!(best(&m, "308", bag(&["jane.doe@example.com"])).is_some());
        assert!(best(&m, "308", bag(&["jane.doe@example.com.au"])).is_none());
        assert!(best(&m, "308", bag(&["mary.jane.doe@example.com"])).is_none());
        assert_eq!(
            best(&m, "120", single("Contact: JANE.DOE@EXAMPLE.COM.")).map(|b| b.0),
            Some(Rule::EmailInText)
        );
        assert!(best(&m, "309", bag(&["912 34 567"])).is_some());
        assert!(best(&m, "309", bag(&["912 34 568"])).is_none());
        assert!(best(&m, "360", single("jdoe")).is_some());
        assert!(best(&m, "360", single("jdoe2")).is_none());
        assert!(best(&m, "361", single("jdoe")).is_none());
    }

    /// An initial is a one-letter word written as one: "J." or a capital "J" standing
    /// beside the name's other words. A lower-case word of one letter inside a sentence is
    /// a common word ("a photo of Doe"), and a single searched word meets no initial at all.
    #[test]
    fn initials_stand_alone_as_initials() {
        let m = matcher(&[(IdentityKind::Name, "Jane Doe")]);
        let low = |field: &str, value: FieldValue| best(&m, field, value).map(|b| (b.0, b.1));
        assert_eq!(
            low("80", bag(&["J. Doe"])),
            Some((Rule::NameInitials, Confidence::Low))
        );
        for caption in [
            "J. Doe presents the budget.",
            "Photo: J Doe, 2024.",
            "Photo by j. doe.",
            "Portrait of Doe, J.",
        ] {
            assert_eq!(
                low("120", single(caption)),
                Some((Rule::NameInTextLoose, Confidence::Low)),
                "{caption}"
            );
        }
        for caption in [
            "A photo of Doe in the lobby.",
            "Her son gave a Doe family photo to the archive.",
            "Lunch at a doe farm.",
        ] {
            assert_eq!(low("120", single(caption)), None, "{caption}");
        }

        // A searched initial meets a word of a text written with a capital, as names are,
        // never a common word in lower case; in a person field, any word.
        let m = matcher(&[(IdentityKind::Name, "A. Granner")]);
        let found = |field: &str, value: FieldValue| best(&m, field, value).map(|b| (b.0, b.1));
        for caption in [
            "Toro Granner and Ola Hansen during the fair.",
            "Granner at the fair.",
            "Portrait: granner, anna.",
        ] {
            assert_eq!(found("120", single(caption)), None, "{caption}");
        }
        for caption in [
            "Anna Granner at the fair.",
            "Portrait: Granner, Anna.",
            "A. Granner at the fair.",
            "Ärla Granner at the fair.",
        ] {
            assert_eq!(
                found("120", single(caption)),
                Some((Rule::NameInTextLoose, Confidence::Low)),
                "{caption}"
            );
        }
        assert_eq!(
            found("368", bag(&["anna granner"])),
            Some((Rule::NameInitials, Confidence::Low))
        );

        let m = matcher(&[(IdentityKind::Name, "Annabelle")]);
        let found = |field: &str, value: FieldValue| best(&m, field, value).map(|b| (b.0, b.1));
        assert_eq!(found("120", single("Lunch at a meeting.")), None);
        assert_eq!(found("120", single("Drawn by A. in ink.")), None);
        assert_eq!(found("80", bag(&["A."])), None);
        assert_eq!(found("368", bag(&["A. Smith"])), None);
        assert_eq!(
            found("120", single("A portrait of Annabelle.")),
            Some((Rule::NameInTextLoose, Confidence::Low))
        );
        assert_eq!(
            found("368", bag(&["Annabelle Smith"])),
            Some((Rule::NameSingleWord, Confidence::Low))
        );
    }

    #[test]
    fn last_first_and_lists() {
        assert_eq!(person_entries("Doe, Jane").len(), 1);
        assert_eq!(person_entries("Jane Doe, Ola Nordmann").len(), 2);
        assert_eq!(person_entries("Jane Doe; Ola Nordmann/Kari").len(), 3);
    }

    /// The rule and confidence of the best match of `name` in one person entry.
    fn in_person(name: &str, value: &str) -> Option<(Rule, Confidence)> {
        let m = matcher(&[(IdentityKind::Name, name)]);
        best(&m, "368", bag(&[value])).map(|b| (b.0, b.1))
    }

    fn in_text(name: &str, value: &str) -> Option<(Rule, Confidence)> {
        let m = matcher(&[(IdentityKind::Name, name)]);
        best(&m, "120", single(value)).map(|b| (b.0, b.1))
    }

    const HIGH: Confidence = Confidence::High;
    const MEDIUM: Confidence = Confidence::Medium;
    const LOW: Confidence = Confidence::Low;

    #[test]
    fn family_names_of_several_words() {
        for (name, value) in [
            ("Carlos Ruiz Zafón", "Ruiz Zafón, Carlos"),
            ("Maria Conceição Tavares", "Conceição Tavares, Maria"),
            ("Pieter de Jong", "de Jong, Pieter"),
            ("Maria von Trapp", "von Trapp, Maria"),
            ("Anna van der Merwe", "Van der Merwe, Anna"),
            ("Anna Marie van der Merwe", "van der Merwe, Anna Marie"),
            ("Ahmed bin Khalid", "Bin Khalid, Ahmed"),
        ] {
            assert_eq!(
                in_person(name, value),
                Some((Rule::ParticleSurname, HIGH)),
                "{value}"
            );
        }
        assert_eq!(in_person("Jane Doe", "Doe, Jane"), Some((Rule::Name, HIGH)));
        // Another family name with the same particle is someone else.
        assert_eq!(in_person("Pieter de Jong", "de Vries, Pieter"), None);
    }

    #[test]
    fn family_name_first() {
        for (name, value) in [
            ("Anna Kovács", "Kovács Anna"),
            ("Kovács Anna", "Anna Kovács"),
            ("Xiaoming Wang", "Wang Xiaoming"),
            ("Haruki Murakami", "MURAKAMI Haruki"),
            ("Ji-woo Kim", "Kim Ji-woo"),
            ("Thi Lan Nguyen", "Nguyen Thi Lan"),
        ] {
            assert_eq!(
                in_person(name, value),
                Some((Rule::FamilyNameFirst, HIGH)),
                "{value}"
            );
        }
        assert_eq!(
            in_text("Anna Kovács", "Kovács Anna nyitotta meg a kiállítást."),
            Some((Rule::FamilyNameFirst, MEDIUM))
        );
        assert_eq!(
            in_person("Anna Kovács", "Anna Kovács"),
            Some((Rule::Name, HIGH))
        );
        assert_eq!(in_person("Anna Kovács", "Kovács Péter"), None);
    }

    #[test]
    fn other_scripts_and_romanisations() {
        for (name, value) in [
            ("Pyotr Chaikovsky", "Пётр Чайковский"),
            ("Pyotr Chaikovsky", "Pyotr Tchaikovsky"),
            ("Пётр Чайковский", "Pyotr Tchaikovsky"),
            ("Mikhail Gorbachev", "Михаил Горбачёв"),
            ("Mihail Gorbachev", "Mikhail Gorbachev"),
            ("Nikos Papadopoulos", "Νίκος Παπαδόπουλος"),
            ("Νίκος Παπαδόπουλος", "Nikos Papadopoulos"),
            ("Yevgeny Zamyatin", "Евгений Замятин"),
        ] {
            assert_eq!(
                in_person(name, value),
                Some((Rule::Transliteration, MEDIUM)),
                "{name} / {value}"
            );
        }
        assert_eq!(
            in_text("Pyotr Chaikovsky", "Портрет: Пётр Чайковский, 1893."),
            Some((Rule::Transliteration, MEDIUM))
        );
        // Another name in the other script is not hers.
        assert_eq!(in_person("Pyotr Chaikovsky", "Пётр Иванов"), None);
        assert_eq!(in_person("Nikos Papadopoulos", "Νίκος Παπαδάκης"), None);
    }

    #[test]
    fn full_case_folding() {
        for (name, value) in [
            ("Σωκράτης Παππάς", "ΣΩΚΡΆΤΗΣ ΠΑΠΠΆΣ"),
            ("Σωκράτης Παππάς", "σωκρατης παππας"),
            ("Şükrü Işık", "ŞÜKRÜ IŞIK"),
            ("İlkay Gündoğan", "ilkay gündoğan"),
            ("Hans Großmann", "HANS GROSSMANN"),
            ("Hans Großmann", "Hans Grossmann"),
        ] {
            assert_eq!(
                in_person(name, value),
                Some((Rule::Name, HIGH)),
                "{name} / {value}"
            );
        }
    }

    #[test]
    fn names_written_without_spaces() {
        for name in ["王小明", "村上春樹", "김지우"] {
            assert_eq!(
                in_person(name, name),
                Some((Rule::NameUnspaced, HIGH)),
                "{name}"
            );
            assert_eq!(
                in_person(name, &format!("{name}; Jane Doe")),
                Some((Rule::NameUnspaced, HIGH)),
                "{name}"
            );
        }
        // A Latin name of one word stays weak evidence, and another name is no match.
        assert_eq!(
            in_person("Madonna", "Madonna"),
            Some((Rule::NameSingleWord, LOW))
        );
        assert_eq!(in_person("王小明", "王小红"), None);
    }

    #[test]
    fn missing_and_extra_middle_names() {
        assert_eq!(
            in_person("Mary Wollstonecraft Shelley", "Mary Shelley"),
            Some((Rule::NameMissingWords, LOW))
        );
        assert_eq!(
            in_person("José Luis Rodríguez Zapatero", "José Rodríguez"),
            Some((Rule::NameMissingWords, LOW))
        );
        assert_eq!(
            in_person("Mary Shelley", "Mary Wollstonecraft Shelley"),
            Some((Rule::NameExtraWords, MEDIUM))
        );
        assert_eq!(
            in_person("Mary Wollstonecraft Shelley", "Percy Shelley"),
            None
        );
        // The first two words alone are given names: no family's.
        assert_eq!(
            in_person("Mary Wollstonecraft Shelley", "Mary Wollstonecraft"),
            None
        );
        assert_eq!(in_person("Jane Doe", "Jane"), None);
    }

    #[test]
    fn a_list_is_split_before_last_first() {
        assert_eq!(
            person_entries("Nisa Tveitvik, Jonja Kvamnes"),
            [(0, 13), (14, 28)]
        );
        assert_eq!(
            in_person("Jonja Tveitvik", "Nisa Tveitvik, Jonja Kvamnes"),
            None
        );
        assert_eq!(
            in_person("Nisa Tveitvik", "Nisa Tveitvik, Jonja Kvamnes"),
            Some((Rule::Name, HIGH))
        );
        assert_eq!(person_entries("Ruiz Zafón, Carlos").len(), 1);
        assert_eq!(person_entries("van der Merwe, Anna Marie").len(), 1);
    }

    /// Two family names before the comma and two given names after it are written like a
    /// list of two people: one name only for a search of that whole name, in that order.
    #[test]
    fn two_family_names_and_two_given_names() {
        let entry = "García Márquez, Gabriel José";
        assert_eq!(
            in_person("Gabriel José García Márquez", entry),
            Some((Rule::ParticleSurname, HIGH))
        );
        assert_eq!(
            in_person(
                "Gabriel Jose Garcia Marquez",
                &format!("Ola Nordmann; {entry}")
            ),
            Some((Rule::ParticleSurname, HIGH))
        );
        // The list reading still holds for everyone else.
        assert_eq!(in_person("Gabriel Márquez", entry), None);
        assert_eq!(
            in_person(
                "Jonja Kvamnes Nisa Tveitvik",
                "Nisa Tveitvik, Jonja Kvamnes"
            ),
            Some((Rule::ParticleSurname, HIGH))
        );
        assert_eq!(
            in_person("Jonja Tveitvik", "Nisa Tveitvik, Jonja Kvamnes"),
            None
        );
        // Not in another order, nor with a word typed otherwise.
        assert_eq!(in_person("García Márquez Gabriel José", entry), None);
        // A change keeps the whole name as one entry, and the others as they were.
        let item = format!("Ola Nordmann; {entry}");
        let matcher = Matcher::new(
            vec![Probe::Name(normalize::words("Gabriel José García Márquez"))],
            FieldRoles::default(),
            None,
        );
        let entries: Vec<&str> = matcher
            .person_entries(&item)
            .into_iter()
            .map(|(s, e)| item[s..e].trim())
            .collect();
        assert_eq!(entries, ["Ola Nordmann", entry]);
        let other = Matcher::new(
            vec![Probe::Name(normalize::words("Jonja Tveitvik"))],
            FieldRoles::default(),
            None,
        );
        assert_eq!(other.person_entries(entry).len(), 2);
    }

    /// A given name one letter from another given name is someone else: such a typo is at
    /// most low, listed for review, while a typo in the family name stays medium.
    #[test]
    fn near_namesakes_are_not_medium() {
        for (name, value) in [
            ("Tonja Tveitvik", "Jonja Tveitvik"),
            ("Tonja Tveitvik", "Tveitvik, Jonja"),
            ("Daniel Moreau", "Daniela Moreau"),
            ("Carlo Rossi", "Carla Rossi"),
            ("Mario Bianchi", "Maria Bianchi"),
            ("Anna Maria Kowalska", "Anna Marta Kowalska"),
        ] {
            assert_eq!(
                in_person(name, value),
                Some((Rule::NameTypo, LOW)),
                "{name} / {value}"
            );
        }
        assert_eq!(
            in_person("Tonja Tveitvik", "Tonja Tveitvk"),
            Some((Rule::NameTypo, MEDIUM))
        );
    }

    #[test]
    fn phones_in_captions() {
        let m = matcher(&[(IdentityKind::Phone, "+47 22 11 00 99")]);
        for caption in [
            "call 0047 22 11 00 99 for prints",
            "Prints: +47 22110099.",
            "Ring 22 11 00 99 i dag",
        ] {
            let (rule, confidence, value) = best(&m, "120", single(caption)).unwrap();
            assert_eq!((rule, confidence), (Rule::PhoneInText, MEDIUM), "{caption}");
            assert!(caption.contains(&value), "{caption}: {value}");
        }
        for caption in ["call 22 11 00 98 for prints", "Invoice 2211009900"] {
            assert_eq!(best(&m, "120", single(caption)), None, "{caption}");
        }
    }
}
