//! Which words stand together in one name-sized place of an asset, as index terms of their
//! own: any two words of one person entry, and two neighbouring words of running text.
//!
//! The matcher finds a name of two words only there: in one person entry, or in two
//! neighbouring words of a text (see `matcher::match_person` and `match_phrase_in`). Two
//! words searched each anywhere in an asset proposed every asset that holds one person's
//! given name and another's family name ("Vimir Kvamnes" photographed "Tonja Sandnes"):
//! at a million assets, 685 candidates to read for the 259 that hold "Vimir Sandnes".
//! A name of two words is proposed by these pairs instead.
//!
//! A pair is written `first|second` in the order the words stand; `|` is in no word. Each
//! side is any index term of its word — either fold, and the romanised key — so every
//! spelling the matcher pairs a searched word with is on some pair of the asset. The
//! search looks both orders up in each segment's dictionary with one automaton per order:
//! a searched word's side is its terms within one edit (for words long enough for a typo),
//! its key, and its letter, as an initial in the asset writes it; a searched initial's
//! side is every word starting with its letter.

use std::borrow::Cow;
use std::collections::BTreeSet;

use tantivy::Searcher;
use tantivy::Term;
use tantivy::query::{DfaWrapper, FuzzyTermQuery};
use tantivy::schema::Field;
use tantivy_fst::Automaton;

use crate::fields::Role;
use crate::matching::matcher;
use crate::matching::normalize::{self, TYPO_LETTERS, Word};

use super::term_list::TermList;

/// What joins the two words of a pair term.
const JOIN: u8 = b'|';

/// The most words (parts of run-together words included) of a person entry whose every two
/// words are paired: a name with a few given names and family names has far fewer. A
/// longer entry (a text pasted into a person field) would give pairs in the square of its
/// length; it is marked [`LONG_ENTRY`] instead, and its assets are searched word by word.
const MOST_ENTRY_WORDS: usize = 24;

/// The term that marks a value holding a person entry of more than [`MOST_ENTRY_WORDS`]
/// words; no pair is written so.
pub(super) const LONG_ENTRY: &str = "|";

/// Short words of running text that, written so (in lower case), stand between names far
/// more often than in one: a pair with one of them is not written. In the captions of a
/// generated million-asset tenant they were a third of the pairs of running text, terms a
/// sync indexes and no name of two words searches, but for a name that holds such a word
/// ("The Sandnes"), or one the matcher takes for it: that name is searched word by word
/// ([`holds_common`]). All are shorter than a word the matcher takes a typo of, and none is
/// a letter (an initial).
pub(super) const COMMON: &[&str] = &[
    "an", "and", "the", "at", "of", "in", "on", "for", "with", "from", "to", "by", "is", "was",
    "are", "his", "her", "its", "our", "as", "or", "this", "that", "into", "over", "og", "med",
    "til", "av", "fra", "som", "ved", "och", "und",
];

/// Whether the matcher may take a word of [`COMMON`] in running text for the searched
/// `word` (the same word, another romanisation of it, a typo of it): its pairs are not all
/// written. A searched initial never stands for a lower-case word of a text.
pub(super) fn holds_common(word: &Word) -> bool {
    !word.is_initial()
        && COMMON.iter().any(|common| {
            normalize::words(common)
                .iter()
                .any(|c| word.same_as(c) || word.transliteration_of(c) || word.one_typo_from(c))
        })
}

/// The pair terms of one value of a field whose `role` names may stand in, its `words`
/// and their romanised `keys` read already, added to `out`.
pub(super) fn of_value(
    item: &str,
    words: &[Word],
    keys: &[Cow<str>],
    role: Role,
    out: &mut TermList,
) {
    if !matches!(role, Role::Person | Role::Text) {
        return;
    }
    let whole: Vec<Sides> = words.iter().zip(keys).map(|(w, k)| sides(w, k)).collect();
    // A name run together ("JaneDoe") is paired by its parts too, as the matcher reads it.
    // Most words have none, and then nothing is allocated here.
    let part_keys: Vec<Vec<Cow<str>>> = words
        .iter()
        .map(|w| w.parts().iter().map(Word::latin_key).collect())
        .collect();
    let parts: Vec<Vec<Sides>> = words
        .iter()
        .zip(&part_keys)
        .map(|(w, keys)| {
            w.parts()
                .iter()
                .zip(keys)
                .map(|(p, k)| sides(p, k))
                .collect()
        })
        .collect();
    if role == Role::Person {
        for (start, end) in matcher::person_entries(item) {
            // The entry's words are the value's words within it: no word spans the
            // characters that separate entries.
            let inside: Vec<usize> = (0..words.len())
                .filter(|&i| start <= words[i].start && words[i].end <= end)
                .collect();
            let entry: Vec<&Sides> = inside
                .iter()
                .map(|&i| &whole[i])
                .chain(inside.iter().flat_map(|&i| &parts[i]))
                .collect();
            if entry.len() > MOST_ENTRY_WORDS {
                out.push(LONG_ENTRY);
                continue;
            }
            for i in 0..entry.len() {
                for j in i + 1..entry.len() {
                    note(entry[i], entry[j], out);
                }
            }
        }
        return;
    }
    // In running text a one-letter word stands for a name's word only when written as an
    // initial ("V. Sandnes", not the "a" of "a Sandnes family"), as the matcher reads it.
    // A word of [`COMMON`], written as it is there, is on no pair.
    let stands = |w: &Word| {
        (!w.is_initial() || w.written_as_initial(item))
            && !item
                .get(w.start..w.end)
                .is_some_and(|written| COMMON.contains(&written))
    };
    for (pair, sides) in words.windows(2).zip(whole.windows(2)) {
        if stands(&pair[0]) && stands(&pair[1]) {
            note(&sides[0], &sides[1], out);
        }
    }
    if parts.iter().any(|p| !p.is_empty()) {
        let split: Vec<(&Word, &Sides)> = words
            .iter()
            .zip(&whole)
            .zip(&parts)
            .flat_map(|((word, sides), p)| {
                if p.is_empty() {
                    vec![(word, sides)]
                } else {
                    word.parts().iter().zip(p).collect()
                }
            })
            .collect();
        for pair in split.windows(2) {
            if stands(pair[0].0) && stands(pair[1].0) {
                note(pair[0].1, pair[1].1, out);
            }
        }
    }
}

/// The index terms one word may be met by on a side of a pair: its folds and its key, at
/// most three, kept in place (a sync pairs every word of every asset it reads).
struct Sides<'a> {
    terms: [&'a str; 3],
    len: usize,
}

impl<'a> Sides<'a> {
    fn as_slice(&self) -> &[&'a str] {
        &self.terms[..self.len]
    }
}

fn sides<'a>(word: &'a Word, key: &'a str) -> Sides<'a> {
    let mut sides = Sides {
        terms: [""; 3],
        len: 0,
    };
    // A word has one or two folds.
    for term in word.terms().chain([key]) {
        if !sides.as_slice().contains(&term) && sides.len < sides.terms.len() {
            sides.terms[sides.len] = term;
            sides.len += 1;
        }
    }
    sides
}

/// The pair term of `first` and `second` standing together in that order.
pub(super) fn term(first: &str, second: &str) -> String {
    let mut term = String::with_capacity(first.len() + second.len() + 1);
    term.push_str(first);
    term.push(char::from(JOIN));
    term.push_str(second);
    term
}

fn note(first: &Sides, second: &Sides, out: &mut TermList) {
    for a in first.as_slice() {
        for b in second.as_slice() {
            out.push_joined(a, char::from(JOIN), b);
        }
    }
}

/// A searched word as a side of a pair: what index words may stand for it.
enum Side {
    /// A full word: itself in either fold, its key, its letter (written as an initial),
    /// and (`typos`) a word one edit from one of its folds, long enough for the matcher to
    /// take for a typo.
    Spellings {
        exact: Vec<String>,
        typos: bool,
        /// One automaton per fold (within one edit when `typos`), one for the key and one
        /// for the letter.
        automata: Vec<DfaWrapper>,
    },
    /// A searched initial: any word starting with its letter (the letter's bytes).
    Initial(Vec<u8>),
}

/// The most automata a side has: two folds, a key and a letter.
const MOST_AUTOMATA: usize = 4;

/// Where an [`Side::Initial`] stands: its letter's bytes read so far, or `NOT_IT`.
const NOT_IT: u32 = u32::MAX;

impl Side {
    fn of(word: &Word, field: Field) -> tantivy::Result<Side> {
        if word.is_initial() {
            return Ok(Side::Initial(word.stripped().as_bytes().to_vec()));
        }
        let typos = word.letters() >= TYPO_LETTERS;
        let terms: Vec<String> = word.terms().map(str::to_owned).collect();
        let key = word.latin_key().into_owned();
        let mut automata = Vec::with_capacity(MOST_AUTOMATA);
        for term in &terms {
            let distance = if typos { 1 } else { 0 };
            let query = FuzzyTermQuery::new(Term::from_field_text(field, term), distance, true);
            automata.push(query.automaton()?);
        }
        let mut exact = terms;
        // A word of a name may be written as its letter ("V. Sandnes"): the letter stands
        // on a pair as a word of its own.
        let letter = word.stripped().chars().next().map(String::from);
        for spelling in std::iter::once(key).chain(letter) {
            if !exact.contains(&spelling) {
                let query = FuzzyTermQuery::new(Term::from_field_text(field, &spelling), 0, true);
                automata.push(query.automaton()?);
                exact.push(spelling);
            }
        }
        debug_assert!(automata.len() <= MOST_AUTOMATA);
        Ok(Side::Spellings {
            exact,
            typos,
            automata,
        })
    }

    /// Whether an index word the automata met stands for the searched word: itself, or one
    /// edit from it and long enough for the matcher to take for a typo; for an initial,
    /// every word they meet.
    fn keeps(&self, word: &str) -> bool {
        match self {
            Side::Spellings { exact, typos, .. } => {
                exact.iter().any(|e| e == word) || *typos && super::typo_long_enough(word)
            }
            Side::Initial(_) => true,
        }
    }

    fn start(&self) -> [u32; MOST_AUTOMATA] {
        let mut states = [0; MOST_AUTOMATA];
        if let Side::Spellings { automata, .. } = self {
            for (state, automaton) in states.iter_mut().zip(automata) {
                *state = automaton.start();
            }
        }
        states
    }

    fn accept(&self, states: &[u32; MOST_AUTOMATA], byte: u8) -> [u32; MOST_AUTOMATA] {
        let mut next = *states;
        match self {
            Side::Spellings { automata, .. } => {
                for (state, automaton) in next.iter_mut().zip(automata) {
                    *state = automaton.accept(state, byte);
                }
            }
            Side::Initial(letter) => {
                let read = next[0];
                next[0] = match letter.get(read as usize) {
                    Some(&expected) if expected == byte => read + 1,
                    Some(_) => NOT_IT,
                    // The letter is read: any word goes on.
                    None => read,
                };
            }
        }
        next
    }

    fn is_match(&self, states: &[u32; MOST_AUTOMATA]) -> bool {
        match self {
            Side::Spellings { automata, .. } => {
                automata.iter().zip(states).any(|(a, s)| a.is_match(s))
            }
            Side::Initial(letter) => states[0] as usize == letter.len(),
        }
    }

    fn can_match(&self, states: &[u32; MOST_AUTOMATA]) -> bool {
        match self {
            Side::Spellings { automata, .. } => {
                automata.iter().zip(states).any(|(a, s)| a.can_match(s))
            }
            Side::Initial(_) => states[0] != NOT_IT,
        }
    }
}

/// Pair terms whose first word one side may stand for and whose second the other.
struct Pair<'a> {
    first: &'a Side,
    second: &'a Side,
}

#[derive(Clone, Copy)]
enum PairState {
    First([u32; MOST_AUTOMATA]),
    Second([u32; MOST_AUTOMATA]),
    Dead,
}

impl Automaton for Pair<'_> {
    type State = PairState;

    fn start(&self) -> PairState {
        PairState::First(self.first.start())
    }

    fn is_match(&self, state: &PairState) -> bool {
        matches!(state, PairState::Second(s) if self.second.is_match(s))
    }

    fn can_match(&self, state: &PairState) -> bool {
        match state {
            PairState::First(s) => self.first.can_match(s),
            PairState::Second(s) => self.second.can_match(s),
            PairState::Dead => false,
        }
    }

    fn accept(&self, state: &PairState, byte: u8) -> PairState {
        match (state, byte) {
            (PairState::First(s), JOIN) if self.first.is_match(s) => {
                PairState::Second(self.second.start())
            }
            (PairState::First(s), b) if b != JOIN => PairState::First(self.first.accept(s, b)),
            (PairState::Second(s), b) if b != JOIN => PairState::Second(self.second.accept(s, b)),
            _ => PairState::Dead,
        }
    }
}

/// The pair terms in the `field` of any segment of `searcher` that may stand for the two
/// words `a` and `b` side by side, in either order; either may be an initial, not both.
pub(super) fn terms_for(
    searcher: &Searcher,
    field: Field,
    a: &Word,
    b: &Word,
) -> tantivy::Result<BTreeSet<String>> {
    let (a, b) = (Side::of(a, field)?, Side::of(b, field)?);
    let mut found = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        for (first, second) in [(&a, &b), (&b, &a)] {
            let mut terms = inverted
                .terms()
                .search(Pair { first, second })
                .into_stream()?;
            while terms.advance() {
                // Every term of this field is text (see the schema).
                let Ok(term) = std::str::from_utf8(terms.key()) else {
                    continue;
                };
                let Some((x, y)) = term.split_once(char::from(JOIN)) else {
                    continue;
                };
                if first.keeps(x) && second.keeps(y) {
                    found.insert(term.to_owned());
                }
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::{TenantIndex, test_commit};
    use super::*;
    use crate::asset::FieldValue;
    use crate::fields::{CAPTION, FieldRoles, PERSON_SHOWN};
    use crate::matching::identity::Probe;
    use crate::matching::matcher::Matcher;

    /// The ids of the assets `index` proposes for `probes` (indexed on several threads:
    /// in no set order).
    fn candidate_ids(index: &TenantIndex, probes: &[Probe]) -> BTreeSet<String> {
        index
            .candidates(probes)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect()
    }

    fn pairs(item: &str, role: Role) -> Vec<String> {
        let words = normalize::words(item);
        let keys: Vec<Cow<str>> = words.iter().map(Word::latin_key).collect();
        let mut out = TermList::default();
        of_value(item, &words, &keys, role, &mut out);
        out.iter().map(str::to_owned).collect()
    }

    #[test]
    fn the_words_of_one_person_entry_are_paired_and_no_others() {
        let found = pairs("Vimir Sandnes; Tonja Kvamnes", Role::Person);
        assert!(found.contains(&"vimir|sandnes".to_owned()), "{found:?}");
        assert!(found.contains(&"tonja|kvamnes".to_owned()), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|p| p.contains("vimir|") && p.contains("kvamnes"))
        );
        assert!(!found.iter().any(|p| p == "sandnes|tonja"));
        // Any two words of an entry, whatever stands between them.
        let found = pairs("Sandnes, Anna Vimir", Role::Person);
        assert!(found.contains(&"sandnes|vimir".to_owned()), "{found:?}");
    }

    #[test]
    fn neighbours_of_a_text_are_paired_with_every_spelling_of_each() {
        let found = pairs("Tonja Kvamnes And Jörg Müller at Oslo", Role::Text);
        for pair in [
            "kvamnes|and",
            "and|joerg",
            "joerg|mueller",
            "jorg|muller",
            "joerg|muller",
        ] {
            assert!(found.contains(&pair.to_owned()), "{pair} not in {found:?}");
        }
        assert!(
            !found
                .iter()
                .any(|p| p.starts_with("tonja|") && !p.ends_with("kvamnes"))
        );
        // A run-together name is paired by its parts.
        let found = pairs("by VimirSandnes today", Role::Text);
        assert!(found.contains(&"vimir|sandnes".to_owned()), "{found:?}");
        assert!(pairs("vimir@sandnes.no", Role::Email).is_empty());
    }

    #[test]
    fn a_common_word_of_a_text_is_on_no_pair_unless_a_capital_or_an_entry_holds_it() {
        let found = pairs("Tonja Kvamnes and Jörg at the Oslo festival", Role::Text);
        assert!(
            !found.iter().any(|p| ["and", "at", "the"]
                .iter()
                .any(|c| p.starts_with(&format!("{c}|")) || p.ends_with(&format!("|{c}")))),
            "{found:?}"
        );
        assert!(found.contains(&"oslo|festival".to_owned()), "{found:?}");
        assert!(found.contains(&"tonja|kvamnes".to_owned()), "{found:?}");
        let found = pairs("THE Sandnes, The Kvamnes", Role::Text);
        assert!(found.contains(&"the|sandnes".to_owned()), "{found:?}");
        assert!(found.contains(&"the|kvamnes".to_owned()), "{found:?}");
        let found = pairs("the Sandnes", Role::Person);
        assert!(found.contains(&"the|sandnes".to_owned()), "{found:?}");
        for common in COMMON {
            assert!(common.chars().count() < TYPO_LETTERS, "{common}");
            assert!(common.chars().count() > 1, "{common}");
            assert!(holds_common(&normalize::words(common)[0]), "{common}");
        }
        // A name of such a word, in any spelling the matcher takes for it, is searched
        // word by word; an initial, which meets no lower-case word of a text, is not.
        for name in ["The", "AND", "Bi", "Thé"] {
            assert!(holds_common(&normalize::words(name)[0]), "{name}");
        }
        for name in ["Sandnes", "Theo", "Andre", "Vimir", "T.", "A"] {
            assert!(!holds_common(&normalize::words(name)[0]), "{name}");
        }
    }

    /// A name short of a word is proposed by the pair of its first and a later word; an
    /// entry split by invisible characters into more parts than are paired holds none.
    #[test]
    fn a_name_short_of_a_word_is_found_in_an_entry_too_long_to_pair() {
        let spread: String = "Konstantinos Papadopoulos"
            .chars()
            .flat_map(|c| [c, '\u{200b}'])
            .collect();
        assert_eq!(pairs(&spread, Role::Person), vec![LONG_ENTRY.to_owned()]);
        let dir = tempfile::tempdir().unwrap();
        let index = TenantIndex::open_or_create(dir.path()).unwrap();
        let metadata = [[(PERSON_SHOWN.into(), FieldValue::Bag(vec![spread]))].into()];
        test_commit(&index, 0, metadata);
        let probes = vec![Probe::Name(normalize::words(
            "Konstantinos Georgios Papadopoulos",
        ))];
        let found = candidate_ids(&index, &probes);
        assert_eq!(found, BTreeSet::from(["a/00000.jpg".into()]));
    }

    #[test]
    fn a_person_entry_too_long_to_pair_is_still_found_word_by_word() {
        let filler = vec!["Lorem"; MOST_ENTRY_WORDS].join(" ");
        let long = format!("Vimir {filler} Sandnes");
        assert_eq!(pairs(&long, Role::Person), vec![LONG_ENTRY.to_owned()]);
        let dir = tempfile::tempdir().unwrap();
        let index = TenantIndex::open_or_create(dir.path()).unwrap();
        let shown = [long.as_str(), "Vimir Lie; Kari Sandnes", "Vimir Sandnes"];
        let metadata =
            shown.map(|s| [(PERSON_SHOWN.into(), FieldValue::Bag(vec![s.into()]))].into());
        test_commit(&index, 0, metadata);
        let probes = vec![Probe::Name(normalize::words("Vimir Sandnes"))];
        let found = candidate_ids(&index, &probes);
        assert_eq!(
            found,
            BTreeSet::from(["a/00000.jpg".into(), "a/00002.jpg".into()])
        );
        let matcher = Matcher::new(probes, FieldRoles::standard(), None);
        let mut long_one = None;
        index
            .for_each_asset(|a| {
                if a.id == "a/00000.jpg" {
                    long_one = Some(a);
                }
            })
            .unwrap();
        let long_one = long_one.unwrap();
        assert!(
            !matcher.matches(&long_one.metadata).is_empty(),
            "the matcher takes it"
        );
    }

    /// Words and separators that make the spellings, typos, scripts, initials and lists
    /// the matcher reads a name of two words in.
    const PIECES: &[&str] = &[
        "Vimir",
        "Sandnes",
        "Vimar",
        "Sandnas",
        "Vimi",
        "Sandne",
        "V.",
        "S.",
        "V",
        "vimir",
        "SANDNES",
        "VimirSandnes",
        "Vimir\u{200b}Sandnes",
        "Sandnes,",
        "Jörg",
        "Joerg",
        "Jorg",
        "Müller",
        "Mueller",
        "Muller",
        "Mu\u{308}ller",
        "J.",
        "M.",
        "Pyotr",
        "Petr",
        "Пётр",
        "Tchaikovsky",
        "Chaikovsky",
        "Чайковский",
        "Tonja",
        "Jonja",
        "Kvamnes",
        "and",
        "a",
        "at",
        "Oslo",
        "Kari",
        "Nordmann",
        "the",
        "during",
        "Bergen",
        "festival",
        "2024",
        "photographed",
        "Anna",
        "Berg",
        "Hansen",
        "Lie",
        "Khöllar",
        "Kholler",
        "The",
        "by",
        "Bi",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", "; ", " / ", "-", "_", ".", " and "];

    fn value(rng: &mut fastrand::Rng, most: usize) -> String {
        let mut out = String::new();
        for k in 0..rng.usize(1..=most) {
            if k > 0 {
                out.push_str(SEPARATORS[rng.usize(..SEPARATORS.len())]);
            }
            out.push_str(PIECES[rng.usize(..PIECES.len())]);
        }
        out
    }

    #[test]
    fn every_asset_the_matcher_finds_a_name_of_two_words_in_is_a_candidate() {
        let dir = tempfile::tempdir().unwrap();
        let index = TenantIndex::open_or_create(dir.path()).unwrap();
        let mut rng = fastrand::Rng::with_seed(15);
        let metadata = (0..4000).map(|_| {
            let shown: Vec<String> = (0..rng.usize(1..=2)).map(|_| value(&mut rng, 4)).collect();
            let caption = FieldValue::Single(value(&mut rng, 7));
            [
                (PERSON_SHOWN.into(), FieldValue::Bag(shown)),
                (CAPTION.into(), caption),
            ]
            .into()
        });
        test_commit(&index, 0, metadata);
        let mut assets = Vec::new();
        index.for_each_asset(|asset| assets.push(asset)).unwrap();
        for name in [
            "Vimir Sandnes",
            "Sandnes Vimir",
            "Vimar Sandnes",
            "Jörg Müller",
            "Joerg Mueller",
            "Jorg Muller",
            "Pyotr Tchaikovsky",
            "Пётр Чайковский",
            "Tonja Kvamnes",
            "Sandnes Oslo",
            // A typo of the word with its marks dropped, neither of its key nor of its
            // digraph spelling ("khoellar").
            "Kholler Sandnes",
            "V. Sandnes",
            "Sandnes V",
            "J. Müller",
            "П. Чайковский",
            // Names with a word running text is not paired by.
            "the Sandnes",
            "Sandnes and",
            "Bi Sandnes",
        ] {
            let probes = vec![Probe::Name(normalize::words(name))];
            let matcher = Matcher::new(probes.clone(), FieldRoles::standard(), None);
            let hits: BTreeSet<String> = assets
                .iter()
                .filter(|a| !matcher.matches(&a.metadata).is_empty())
                .map(|a| a.id.clone())
                .collect();
            let candidates = candidate_ids(&index, &probes);
            let missed: Vec<_> = hits.difference(&candidates).collect();
            assert!(
                missed.is_empty(),
                "{name}: {} not proposed: {missed:?}",
                missed.len()
            );
            assert!(hits.len() >= 20, "{name}: only {} hits", hits.len());
            // Assets holding both words apart only are not proposed.
            let both_anywhere = assets
                .iter()
                .filter(|a| {
                    let text = format!("{:?}", a.metadata).to_lowercase();
                    name.to_lowercase().split(' ').all(|w| text.contains(w))
                })
                .count();
            eprintln!(
                "{name}: {} hits, {} candidates, {both_anywhere} hold both words",
                hits.len(),
                candidates.len()
            );
        }
    }
}
