//! Other people's identifiers written in free text: national identity numbers and phone
//! numbers, found so that a subject's access package shows none of them (Art. 15(4)).
//!
//! National numbers are checked by maintained validators where one exists —
//! `norwegian_id_validator` (fødselsnummer, D-number), `personnummer` (Swedish
//! personnummer), `socrates_rs` (Danish CPR, German Steuer-IdNr) — and by the published
//! rules where none does without a heavy tree: the Finnish henkilötunnus (its mod-31 check
//! character) and the UK National Insurance number (its prefix rules; it has no check
//! digit). A number a label names ("SSN", "fødselsnummer", "CPR", "NINO", …) is taken for
//! one whatever its check digits: a mistyped number is still someone's. Redacting too much
//! here costs a digit string in a package; too little gives a stranger's number away.

use crate::matching::country;

/// Where one identifier stands in a text, as a byte range.
pub type Span = (usize, usize);

/// Words that say the number after them identifies a person.
const LABELS: [&str; 16] = [
    "ssn",
    "social security",
    "national id",
    "id number",
    "id no",
    "personnummer",
    "personnr",
    "fødselsnummer",
    "fodselsnummer",
    "fnr",
    "cpr",
    "henkilötunnus",
    "hetu",
    "steuer-id",
    "idnr",
    "national insurance",
];

/// Every national identity number in `text`, as byte ranges.
pub fn national_ids(text: &str) -> Vec<Span> {
    let mut found: Vec<Span> = runs(text)
        .into_iter()
        .filter(|&(start, end)| {
            let written = &text[start..end];
            let digits: String = written.chars().filter(char::is_ascii_digit).collect();
            (digits.len() >= 6 && labelled(text, start)) || valid_national(written, &digits)
        })
        .collect();
    found.extend(tokens(text).into_iter().filter(|&(start, end)| {
        let written = &text[start..end];
        hetu(written) || nino(written)
    }));
    found.sort_unstable();
    found.dedup();
    found
}

/// Every phone number in `text` that the phone library takes for a valid number (read in
/// `region` when national), with its E.164 form. Dates and short runs are not phones.
pub fn phones(text: &str, region: Option<country::Id>) -> Vec<(Span, String)> {
    runs(text)
        .into_iter()
        .filter_map(|(start, end)| {
            let written = &text[start..end];
            let digits = written.chars().filter(char::is_ascii_digit).count();
            if digits < 7 || date_shaped(written) {
                return None;
            }
            if !crate::matching::identity::is_valid_phone(written, region) {
                return None;
            }
            let e164 = crate::matching::identity::phone_e164(written, region)?;
            Some(((start, end), e164))
        })
        .collect()
}

/// Runs of digits with the separators people write inside numbers (spaces, `-`, `.`, `/`,
/// brackets), optionally after a `+`; never part of a longer word.
fn runs(text: &str) -> Vec<Span> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let starts = c.is_ascii_digit()
            || (c == '+' && chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit()))
            || (c == '(' && chars.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit()));
        let after_word = k > 0 && chars[k - 1].1.is_alphanumeric();
        if !starts || after_word {
            k += 1;
            continue;
        }
        let mut last_digit = k;
        let mut j = k + 1;
        while j < chars.len() {
            let c = chars[j].1;
            // A separator continues the number only when more of it follows.
            let separator = matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '\u{a0}');
            let goes_on = chars
                .get(j + 1)
                .is_some_and(|&(_, n)| n.is_ascii_digit() || matches!(n, '(' | ' ' | '-'));
            if c.is_ascii_digit() {
                last_digit = j;
            } else if !(separator && goes_on) {
                break;
            }
            j += 1;
        }
        let end = chars.get(last_digit + 1).map_or(text.len(), |&(i, _)| i);
        let followed_by_word = chars
            .get(last_digit + 1)
            .is_some_and(|&(_, n)| n.is_alphanumeric());
        if !followed_by_word {
            out.push((at, end));
        }
        k = last_digit + 1;
    }
    out
}

/// Words of letters and digits (with `-` and `+` inside), for the identifiers that hold
/// letters: the Finnish henkilötunnus and the UK National Insurance number.
fn tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inside = c.is_ascii_alphanumeric()
            || (start.is_some() && matches!(c, '-' | '+' | ' '))
                && chars
                    .peek()
                    .is_some_and(|&(_, n)| n.is_ascii_alphanumeric());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    // A token may hold several identifiers or words: each window of up to five
    // space-separated parts is a candidate ("QQ 12 34 56 C").
    let mut candidates = Vec::new();
    for (s, e) in out {
        let parts: Vec<Span> = split_spaces(text, s, e);
        for i in 0..parts.len() {
            for j in i..parts.len().min(i + 5) {
                candidates.push((parts[i].0, parts[j].1));
            }
        }
    }
    candidates
}

fn split_spaces(text: &str, start: usize, end: usize) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut from = start;
    for (i, c) in text[start..end].char_indices() {
        if c == ' ' {
            if from < start + i {
                parts.push((from, start + i));
            }
            from = start + i + 1;
        }
    }
    if from < end {
        parts.push((from, end));
    }
    parts
}

/// True when a label naming a personal number stands just before `at`.
fn labelled(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let from = before.char_indices().rev().nth(24).map_or(0, |(i, _)| i);
    let near = before[from..].to_lowercase();
    LABELS.iter().any(|label| near.contains(label))
}

/// A number a national validator accepts: Norwegian, Swedish, Danish or German.
fn valid_national(written: &str, digits: &str) -> bool {
    // The validators read digits only, of their own length: nothing else reaches them.
    match digits.len() {
        11 => {
            norwegian_id_validator::NorwegianId::parse(digits).is_ok()
                || socrates_rs::validate_id(digits, socrates_rs::country::Code::DE)
        }
        10 => {
            let swedish = written.contains(['-', '+'])
                && personnummer::Personnummer::new(written).is_ok_and(|p| p.valid());
            swedish || socrates_rs::validate_id(digits, socrates_rs::country::Code::DK)
        }
        12 => personnummer::Personnummer::new(digits).is_ok_and(|p| p.valid()),
        _ => false,
    }
}

/// A Finnish henkilötunnus: DDMMYY, a century sign, three digits and a check character.
fn hetu(written: &str) -> bool {
    const CHECK: &[u8] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";
    let bytes = written.as_bytes();
    if bytes.len() != 11 || !b"+-ABCDEFUVWXY".contains(&bytes[6]) {
        return false;
    }
    let number: String = written[..6].chars().chain(written[7..10].chars()).collect();
    let Ok(value) = number.parse::<u64>() else {
        return false;
    };
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let (day, month) = (&written[..2], &written[2..4]);
    let plausible =
        matches!(day.parse::<u8>(), Ok(1..=31)) && matches!(month.parse::<u8>(), Ok(1..=12));
    plausible && CHECK.get((value % 31) as usize) == Some(&bytes[10])
}

/// A UK National Insurance number: two letters (not the excluded ones or pairs), six
/// digits and a letter A–D, spaces anywhere between.
fn nino(written: &str) -> bool {
    let compact: String = written.chars().filter(|c| *c != ' ').collect();
    let b = compact.as_bytes();
    if b.len() != 9 || !compact.is_ascii() {
        return false;
    }
    let (first, second) = (b[0], b[1]);
    let letters = first.is_ascii_uppercase()
        && second.is_ascii_uppercase()
        && !b"DFIQUV".contains(&first)
        && !b"DFIOQUV".contains(&second)
        && !["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(&&compact[..2]);
    letters && b[2..8].iter().all(u8::is_ascii_digit) && b"ABCD".contains(&b[8])
}

/// "2024-03-25", "25.03.2024", "25/03/2024": a date, not a number to call.
fn date_shaped(written: &str) -> bool {
    let groups: Vec<&str> = written.split(['-', '.', '/']).map(str::trim).collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && matches!(
            lengths.as_slice(),
            [4, 2, 2] | [2, 2, 4] | [1 | 2, 1 | 2, 4]
        )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<&str> {
        national_ids(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn labelled_numbers_are_ids_whatever_their_check_digits() {
        assert_eq!(ids("Peter (SSN 010190 12345) was there"), ["010190 12345"]);
        assert_eq!(ids("fødselsnummer: 01019012345."), ["01019012345"]);
    }

    #[test]
    fn valid_numbers_are_found_without_a_label() {
        // Published test numbers: a Norwegian fødselsnummer, a Swedish personnummer, a
        // Danish CPR, a German Steuer-IdNr, a Finnish henkilötunnus, a UK NINO.
        for (text, id) in [
            ("ref 15076500565 ok", "15076500565"),
            ("ref 19900101-0017 ok", "19900101-0017"),
            ("ref 900101-0017 ok", "900101-0017"),
            ("ref 0707614285 ok", "0707614285"),
            ("ref 86095742719 ok", "86095742719"),
            ("ref 131052-308T ok", "131052-308T"),
            ("ref AB 12 34 56 C ok", "AB 12 34 56 C"),
        ] {
            assert!(ids(text).contains(&id), "{text}: {:?}", ids(text));
        }
    }

    #[test]
    fn other_numbers_are_not_ids() {
        for text in [
            "Order 12345678901 shipped",
            "Taken 2024-03-25, 3 photos",
            "Room 101, budget 2025",
            "131052-308A is wrong",
            "QQ 12 34 56 E is no nino",
            "invoice 0707614286",
        ] {
            assert_eq!(ids(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn phones_in_text_in_any_form() {
        let region = crate::matching::identity::parse_region("NO").ok();
        let text = "Call +47 98 76 54 32 or 0047 22 11 00 99, not 2024-03-25 or 12345.";
        let found: Vec<(&str, String)> = phones(text, region)
            .into_iter()
            .map(|((s, e), n)| (&text[s..e], n))
            .collect();
        assert_eq!(
            found,
            [
                ("+47 98 76 54 32", "+4798765432".to_owned()),
                ("0047 22 11 00 99", "+4722110099".to_owned())
            ]
        );
    }

    /// Random texts of digits, separators, letters and odd characters, for a bounded time:
    /// the recognisers (and the validators behind them) never panic, and every span they
    /// give lies on character boundaries of the text.
    #[test]
    fn fuzz_texts_never_panic_and_spans_are_whole() {
        let seed = fastrand::u64(..);
        eprintln!("fuzz identifiers: seed {seed}");
        let mut rng = fastrand::Rng::with_seed(seed);
        let region = crate::matching::identity::parse_region("NO").ok();
        let pieces = [
            "0", "1", "4", "7", "9", " ", "-", "+", "(", ")", ".", "/", "A", "C", "T", "Q", "é",
            "\u{a0}", "\u{200b}", "😀", "SSN ", "fnr", "١", "０",
        ];
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(1000);
        let mut runs = 0u64;
        while std::time::Instant::now() < deadline {
            runs += 1;
            let text: String = (0..rng.usize(1..40))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            for (start, end) in national_ids(&text) {
                assert!(text.get(start..end).is_some(), "{text:?}");
            }
            for ((start, end), _) in phones(&text, region) {
                assert!(text.get(start..end).is_some(), "{text:?}");
            }
        }
        assert!(runs > 0);
        eprintln!("{runs} texts read");
    }
}
