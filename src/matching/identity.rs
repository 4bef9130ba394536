//! The identities a person is searched by, validated and normalised once.

use std::fmt;

use crate::matching::country;
use rlibphonenumber::{PhoneNumber, PhoneNumberFormat, PhoneNumberUtil};
use serde::{Deserialize, Serialize};

use super::normalize::{self, Word};

/// What kind of identifier a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdentityKind {
    Email,
    Name,
    Phone,
    Login,
    Text,
}

impl IdentityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IdentityKind::Email => "email",
            IdentityKind::Name => "name",
            IdentityKind::Phone => "phone",
            IdentityKind::Login => "login",
            IdentityKind::Text => "text",
        }
    }
}

/// One identity of a data subject, as the operator gave it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Identity {
    pub kind: IdentityKind,
    pub value: String,
}

impl Identity {
    pub fn new(kind: IdentityKind, value: impl Into<String>) -> Identity {
        Identity {
            kind,
            value: value.into(),
        }
    }

    /// A value given without a flag: an e-mail when it holds `@`, else a name.
    pub fn bare(value: impl Into<String>) -> Identity {
        let value = value.into();
        let kind = if value.contains('@') {
            IdentityKind::Email
        } else {
            IdentityKind::Name
        };
        Identity { kind, value }
    }
}

impl fmt::Display for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind.as_str(), self.value)
    }
}

/// Why an identity cannot be searched. Messages name the identity by kind and position,
/// never by value: errors end up in logs, and the value is personal data.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IdentityError {
    #[error(
        "{kind} #{position} is not an e-mail address: it needs text, one '@' and a domain with a dot"
    )]
    Email { kind: &'static str, position: usize },
    #[error("{kind} #{position} is not a phone number{hint}: {advice}")]
    Phone {
        kind: &'static str,
        position: usize,
        hint: &'static str,
        /// What to do; advising a default region the tenant already has would mislead.
        advice: &'static str,
    },
    #[error("{kind} #{position} holds no letters or digits to search for")]
    Empty { kind: &'static str, position: usize },
    #[error(
        "{kind} #{position} is only initials: give at least one word of two letters or more (a first or last name)"
    )]
    OnlyInitials { kind: &'static str, position: usize },
    #[error(
        "{kind} #{position} is longer than {max} characters: give the person's name, not a text (search text with --text)"
    )]
    TooLong {
        kind: &'static str,
        position: usize,
        max: usize,
    },
    #[error("'{0}' is not a known region code: use a two-letter country code such as NO or DE")]
    Region(String),
}

/// Reads a two-letter region code (ISO 3166-1) for phone numbers.
pub fn parse_region(code: &str) -> Result<country::Id, IdentityError> {
    let upper = code.trim().to_ascii_uppercase();
    // The library also reads "001" (numbers of no country), which is no region to read
    // national numbers in.
    if upper.len() != 2 || !upper.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(IdentityError::Region(code.to_owned()));
    }
    if !REGIONS.split(' ').any(|known| known == upper) {
        return Err(IdentityError::Region(code.to_owned()));
    }
    country::Id::from_code(&upper).map_err(|_| IdentityError::Region(code.to_owned()))
}

/// The regions the phone library has numbering plans for. Its region type has a variant
/// for every pair of letters, and asking the library which it knows would load it on every
/// run that reads a tenant's region; a test keeps this list equal to the library's.
const REGIONS: &str = "\
    AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO \
    BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK \
    DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ \
    GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM \
    KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO \
    MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH \
    PK PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR \
    SS ST SV SX SY SZ TA TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC \
    VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// The phone library's parser and metadata. Only touched when a number is read: its first
/// use loads metadata, a cost no locate without a phone should pay.
fn phone_util() -> &'static PhoneNumberUtil {
    static LOADING: std::sync::Once = std::sync::Once::new();
    // Said once, at -vv: what a slow phone lookup spends its start-up on.
    LOADING.call_once(|| log::debug!("loading the phone library's numbering plans"));
    &rlibphonenumber::PHONE_NUMBER_UTIL
}

/// `number` in E.164 (`+` and digits).
fn e164_of(number: &PhoneNumber) -> String {
    phone_util()
        .format(number, PhoneNumberFormat::E164)
        .into_owned()
}

/// True when the phone library reads `written` (national numbers in `region`) as a number
/// valid in its country.
pub fn is_valid_phone(written: &str, region: Option<country::Id>) -> bool {
    phone_util()
        .parse(written, region)
        .is_ok_and(|number| phone_util().is_valid_number(&number))
}

/// The national significant number of an E.164 number as digits, leading zeros dropped
/// ("+4791234567" gives "91234567"); `None` when `e164` is no number.
pub fn national_number(e164: &str) -> Option<String> {
    let number = phone_util().parse(e164, None).ok()?;
    Some(number.national_number.to_string())
}

/// Numbers an index holds as phone keys, each with the region it was read in, that a
/// search in this process was written as ([`vouch_for_phone_key`]).
static VOUCHED_KEYS: std::sync::Mutex<Vec<(Option<country::Id>, String)>> =
    std::sync::Mutex::new(Vec::new());

/// Records that `key` is an E.164 key [`phone_e164`] wrote with `region` (an index holds
/// it): from now on, in this process, a number written as it ([`plain_international`]) is
/// read as it without the phone library, whose first use costs a process more than a
/// search of a million assets. Locate, the matcher and the audit log's checks all read the
/// searched number, so one look at the index spares each of them the library.
pub fn vouch_for_phone_key(key: &str, region: Option<country::Id>) {
    if let Ok(mut keys) = VOUCHED_KEYS.lock()
        && !keys.iter().any(|(r, k)| *r == region && k == key)
    {
        keys.push((region, key.to_owned()));
    }
}

/// `value` as a vouched-for key it is written as (see [`vouch_for_phone_key`]).
fn vouched_key(value: &str, region: Option<country::Id>) -> Option<String> {
    let plain = plain_international(value)?;
    let keys = VOUCHED_KEYS.lock().ok()?;
    keys.iter()
        .any(|(r, k)| *r == region && *k == plain)
        .then_some(plain)
}

/// A phone number in E.164, national numbers read in `region`. `None` when the text is not
/// a phone number.
pub fn phone_e164(value: &str, region: Option<country::Id>) -> Option<String> {
    if let Some(key) = vouched_key(value, region) {
        return Some(key);
    }
    // Letters are never digits here: the phone library reads them as a keypad's ("DOE" is
    // 363), which would turn a note beside a number, or a name, into digits of it.
    let value: String = value.chars().filter(|c| !c.is_alphabetic()).collect();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if digits < 5 {
        return None;
    }
    let value = without_trunk_zero(&value);
    let number = phone_util().parse(&value, region).ok()?;
    let e164 = e164_of(&number);
    // A number whose E.164 form reads back as another number is not one (found by the
    // fuzz test: "+980 00363" gave +980363, which reads as +98363).
    let again = phone_util().parse(&e164, region).ok()?;
    let digits = e164.chars().filter(char::is_ascii_digit).count();
    (digits >= 5 && e164_of(&again) == e164).then_some(e164)
}

/// `value` as `+` and its digits when it is written in the one form the phone library
/// reads as exactly those digits: a `+`, then groups of ASCII digits apart by one space,
/// hyphen or full stop ("+47 912 34 567", "+47-912-34-567", "+4791234567"). `None` for any
/// other form, which only the library can read.
///
/// Why it is enough to compare such a value with an E.164 key ([`phone_e164`]'s answer,
/// which the library reads back as itself): the library strips such separators before
/// reading anything, a leading `+` makes it take the country code from the digits whatever
/// the region, and nothing in the form can be an extension, a second number or letters
/// for keypad digits. So the value reads as the same number as `+` and its digits; and
/// when those are a key, as the key itself. A test holds this against the library.
pub fn plain_international(value: &str) -> Option<String> {
    let rest = value.trim().strip_prefix('+')?;
    let mut digits = String::with_capacity(rest.len() + 1);
    digits.push('+');
    let mut after_separator = true;
    for c in rest.chars() {
        match c {
            '0'..='9' => {
                digits.push(c);
                after_separator = false;
            }
            ' ' | '-' | '.' if !after_separator => after_separator = true,
            _ => return None,
        }
    }
    (!after_separator).then_some(digits)
}

/// How many of a number's last digits [`may_be_phone`] looks for.
const TAIL_DIGITS: usize = 4;

/// False only when `written` cannot be the number `e164` in any form, decided without the
/// phone library: most values a phone is compared with are not it, and parsing each would
/// cost a locate more than the search itself.
///
/// Sound because every written form of a number holds the last four digits of its E.164
/// form in a row (separators, which are not digits, aside). E.164 is the country code and
/// the national significant number; reading a written form only ever takes digits away
/// from its ends (an international prefix and country code, a trunk prefix or carrier
/// code at the start, an extension at the end) and keeps the rest in order, and a national
/// prefix rule that rewrites digits rewrites only the prefix it matched, never the last
/// digits of the subscriber number. With seven digits or more, and a country code of three
/// digits at most, the last four are all of the national number, never of the country
/// code a national form leaves out; a shorter number is not filtered. Letters are no
/// digits to [`phone_e164`] either. Digits of other scripts (the library reads "٩١٢" as
/// 912) are not ASCII digits, so a value that is not ASCII is never filtered.
pub fn may_be_phone(written: &str, e164: &str) -> bool {
    let wanted: Vec<u8> = e164.bytes().filter(u8::is_ascii_digit).collect();
    if wanted.len() < 7 || !written.is_ascii() {
        return true;
    }
    let tail = &wanted[wanted.len() - TAIL_DIGITS..];
    let digits: Vec<u8> = written.bytes().filter(u8::is_ascii_digit).collect();
    digits.windows(TAIL_DIGITS).any(|window| window == tail)
}

/// The phone numbers written in a free text ("call 0047 22 11 00 99 for prints"), as byte
/// ranges and E.164. A number is a run of up to six groups of digits, `+`, brackets,
/// hyphens, full stops and slashes, separated by single spaces, that the phone library
/// reads as a valid number of seven digits or more; the longest such run from each group
/// is taken, so a year or a price beside a number is not read into it.
pub fn phones_in_text(text: &str, region: Option<country::Id>) -> Vec<(usize, usize, String)> {
    // Most texts hold too few digits for a number: no tokens, no parsing.
    if text.bytes().filter(u8::is_ascii_digit).count() < 7 {
        return Vec::new();
    }
    let numeric = |c: char| c.is_ascii_digit() || "+()-./".contains(c);
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (numeric(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                groups.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    let mut g = 0;
    while g < groups.len() {
        let mut best = None;
        for last in g..groups.len().min(g + 6) {
            // Groups of one number are apart by one space at most.
            if last > g && text[groups[last - 1].1..groups[last].0] != *" " {
                break;
            }
            let (from, to) = (groups[g].0, groups[last].1);
            let written = text[from..to].trim_end_matches(['.', '-', '/']);
            if let Some(e164) = valid_phone(written, region) {
                best = Some((last, from, from + written.len(), e164));
            }
        }
        match best {
            Some((last, from, to, e164)) => {
                found.push((from, to, e164));
                g = last + 1;
            }
            None => g += 1,
        }
    }
    found
}

/// `value` in E.164 when it is a valid number of seven digits or more.
fn valid_phone(value: &str, region: Option<country::Id>) -> Option<String> {
    if value.bytes().filter(u8::is_ascii_digit).count() < 7 {
        return None;
    }
    let e164 = phone_e164(value, region)?;
    is_valid_phone(&e164, None).then_some(e164)
}

/// An international number with the trunk zero in brackets ("+49 (0)30 1234567") written
/// without it. The zero is what a caller inside the country dials, never a digit of the
/// international number; the phone library drops it only when the number's country is the
/// region it reads in, so in a Norwegian tenant a German number would keep it and meet
/// neither "+49 30 1234567" nor itself written without the brackets.
fn without_trunk_zero(value: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = value.trim_start();
    let international = trimmed.starts_with('+') || trimmed.starts_with("00");
    let Some(open) = value.find('(').filter(|_| international) else {
        return value.into();
    };
    let Some(close) = value[open..].find(')').map(|i| open + i) else {
        return value.into();
    };
    if value[open + 1..close].trim() != "0" {
        return value.into();
    }
    format!("{} {}", &value[..open], &value[close + 1..]).into()
}

/// The longest name searched, in characters. The longest names in use (a full Spanish or
/// Portuguese name with particles, a noble name) stay well under a hundred; more is a text
/// pasted by mistake, and every word of a name costs the matcher time on every candidate.
pub const MAX_NAME_CHARS: usize = 200;

/// An identity reduced to what matching compares.
#[derive(Debug, Clone)]
pub enum Probe {
    Email(String),
    Phone(String),
    Login(String),
    Name(Vec<Word>),
    Text(Vec<Word>),
}

impl Probe {
    /// What two identities share when they name the same thing as matching compares them:
    /// e-mail case-folded, phone in E.164, a name's folded words in any order.
    pub fn key(&self) -> String {
        let words = |words: &[Word]| {
            let mut folded: Vec<&str> = words.iter().map(|w| w.stripped()).collect();
            folded.sort_unstable();
            folded.join(" ")
        };
        match self {
            Probe::Email(e) => format!("email:{e}"),
            Probe::Phone(p) => format!("phone:{p}"),
            Probe::Login(l) => format!("login:{l}"),
            Probe::Name(n) => format!("name:{}", words(n)),
            Probe::Text(t) => format!("text:{}", words(t)),
        }
    }
}

/// Validates and normalises identities for matching.
pub fn probes(
    identities: &[Identity],
    region: Option<country::Id>,
) -> Result<Vec<Probe>, IdentityError> {
    identities
        .iter()
        .enumerate()
        .map(|(i, identity)| probe(identity, i + 1, region))
        .collect()
}

fn probe(
    identity: &Identity,
    position: usize,
    region: Option<country::Id>,
) -> Result<Probe, IdentityError> {
    let kind = identity.kind.as_str();
    let value = identity.value.as_str();
    match identity.kind {
        IdentityKind::Email => {
            let email = normalize::email(value);
            let valid = email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.contains('@')
                    && !email.contains(char::is_whitespace)
            });
            if valid {
                Ok(Probe::Email(email))
            } else {
                Err(IdentityError::Email { kind, position })
            }
        }
        IdentityKind::Phone => phone_e164(value, region).map(Probe::Phone).ok_or({
            IdentityError::Phone {
                kind,
                position,
                hint: if region.is_none() && !value.trim_start().starts_with('+') {
                    " in international form, and the tenant has no default region"
                } else {
                    ""
                },
                advice: if region.is_some() {
                    "check its digits, and give it in international form (+47 …) if it is from another country than the tenant's default region"
                } else {
                    "give it in international form (+47 …) or set the tenant's default region"
                },
            }
        }),
        IdentityKind::Login => {
            let login = normalize::login(value);
            if login.is_empty() {
                Err(IdentityError::Empty { kind, position })
            } else {
                Ok(Probe::Login(login))
            }
        }
        IdentityKind::Name | IdentityKind::Text => {
            let words = normalize::words(value);
            if words.is_empty() {
                Err(IdentityError::Empty { kind, position })
            } else if identity.kind == IdentityKind::Text {
                Ok(Probe::Text(words))
            } else if value.trim().chars().count() > MAX_NAME_CHARS {
                Err(IdentityError::TooLong {
                    kind,
                    position,
                    max: MAX_NAME_CHARS,
                })
            } else if words.iter().all(Word::is_initial) {
                Err(IdentityError::OnlyInitials { kind, position })
            } else {
                Ok(Probe::Name(words))
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn bare_values() {
        assert_eq!(Identity::bare("a@b.no").kind, IdentityKind::Email);
        assert_eq!(Identity::bare("Jane Doe").kind, IdentityKind::Name);
    }

    #[test]
    fn phones_in_e164() {
        let no = parse_region("no").unwrap();
        assert_eq!(
            phone_e164("912 34 567", Some(no)).as_deref(),
            Some("+4791234567")
        );
        assert_eq!(
            phone_e164("+47 912 34 567", None).as_deref(),
            Some("+4791234567")
        );
        assert_eq!(
            phone_e164("0047 912 34 567", Some(no)).as_deref(),
            Some("+4791234567")
        );
        assert_eq!(phone_e164("call me", Some(no)), None);
    }

    /// "+49 (0)30 1234567": the trunk zero a caller inside the country dials, in brackets,
    /// is no digit of the international number.
    #[test]
    fn trunk_zero_in_brackets_is_dropped() {
        let no = parse_region("NO").unwrap();
        let de = parse_region("DE").unwrap();
        // Read in Norway, Germany and without a region ("00" is an international prefix only
        // where a region says so).
        for region in [Some(no), Some(de), None] {
            for form in [
                "+49 (0)30 1234567",
                "+49 (0) 30 1234567",
                "+49(0)301234567",
                "+49 (0)30-1234567",
                "0049 (0)30 1234567",
                "+49 30 1234567",
            ] {
                if region.is_none() && form.starts_with("00") {
                    continue;
                }
                assert_eq!(
                    phone_e164(form, region).as_deref(),
                    Some("+49301234567"),
                    "{form} in {region:?}"
                );
            }
        }
        assert_eq!(
            phone_e164("+44 (0)20 7946 0018", None).as_deref(),
            Some("+442079460018")
        );
        // Brackets around an area code are no trunk zero: the digits stay.
        assert_eq!(
            phone_e164("(030) 1234567", Some(de)).as_deref(),
            Some("+49301234567")
        );
    }

    /// A name of one letter would meet every initial and article; one of hundreds of
    /// characters is no name, and costs the matcher dearly on every candidate.
    #[test]
    fn names_too_short_or_too_long_are_refused() {
        let name = |value: &str| probes(&[Identity::new(IdentityKind::Name, value)], None);
        for initials in ["A", " j. ", "J. D.", "A-B"] {
            let err = name(initials).unwrap_err();
            assert!(
                matches!(err, IdentityError::OnlyInitials { position: 1, .. }),
                "{initials}: {err}"
            );
        }
        assert!(name("Jo").is_ok());
        assert!(name("J. Doe").is_ok());
        let longest = "Doe ".repeat(MAX_NAME_CHARS / 4);
        assert!(name(&longest).is_ok());
        let err = name(&format!("{longest}x")).unwrap_err();
        assert!(
            matches!(err, IdentityError::TooLong { position: 1, .. }),
            "{err}"
        );
        assert!(
            err.to_string().contains(&MAX_NAME_CHARS.to_string()),
            "{err}"
        );
    }

    #[test]
    fn errors_do_not_repeat_the_value() {
        let err = probes(&[Identity::new(IdentityKind::Email, "secret-person")], None)
            .unwrap_err()
            .to_string();
        assert!(!err.contains("secret-person"), "{err}");
    }

    /// [`may_be_phone`] never rules out a value that reads as the number: checked on the
    /// written forms the other tests use and on values made of random digits, separators,
    /// prefixes (international, trunk, Argentina's mobile "15" that a rule rewrites),
    /// letters and extensions, read in regions whose rules differ.
    #[test]
    fn phone_prefilter_never_rules_out_a_match() {
        let mut rng = fastrand::Rng::with_seed(15);
        let regions: Vec<Option<country::Id>> = [
            "NO", "DE", "AR", "MX", "BR", "IT", "GB", "US", "FR", "AU", "SM",
        ]
        .iter()
        .map(|code| parse_region(code).ok())
        .chain([None])
        .collect();
        let prefixes = [
            "", "0", "+", "00", "+47 ", "0047", "+49 (0)", "011 15 ", "0 11 15 ", "+54 9 ", "15 ",
            "(0", "+39 0", "1-",
        ];
        let seps = ["", " ", "-", ".", "/", " ", ")", "  "];
        let mut checked = 0;
        for _ in 0..20_000 {
            let mut value = prefixes[rng.usize(..prefixes.len())].to_owned();
            for _ in 0..rng.usize(1..=12) {
                value.push(char::from(b'0' + rng.u8(0..10)));
                if rng.u8(0..4) == 0 {
                    value.push_str(seps[rng.usize(..seps.len())]);
                }
            }
            match rng.u8(0..8) {
                0 => value.push_str(" ext. 12"),
                1 => value.push_str(" x9"),
                2 => value.insert_str(0, "tel "),
                _ => {}
            }
            let region = regions[rng.usize(..regions.len())];
            if let Some(e164) = phone_e164(&value, region) {
                checked += 1;
                assert!(
                    may_be_phone(&value, &e164),
                    "{value} in {region:?} is {e164}"
                );
            }
        }
        assert!(checked > 5_000, "only {checked} values read as numbers");
        for (value, region, e164) in [
            ("912 34 567", "NO", "+4791234567"),
            ("0047-91-23-45-67", "NO", "+4791234567"),
            ("+49 (0)30 1234567", "NO", "+49301234567"),
            ("011 15 2345-6789", "AR", "+5491123456789"),
            ("06 1234 5678", "IT", "+390612345678"),
        ] {
            assert_eq!(
                phone_e164(value, parse_region(region).ok()).as_deref(),
                Some(e164)
            );
            assert!(may_be_phone(value, e164), "{value}");
        }
        // What it is for: values without the last digits are ruled out unparsed.
        assert!(!may_be_phone("912 34 568", "+4791234567"));
        assert!(!may_be_phone("2026-03-14", "+4791234567"));
        assert!(!may_be_phone("", "+4791234567"));
        // Not filtered: other scripts' digits, and numbers too short to know their tail.
        assert!(may_be_phone("\u{669}\u{661}\u{662}", "+4791234567"));
        assert!(may_be_phone("1", "+98363"));
    }

    /// A number written as `+` and digit groups reads as `+` and its digits: what lets a
    /// search compare such a value with an index's keys without the phone library. Checked
    /// against the library on random numbers of many countries, with trunk zeros after the
    /// country code and every separator, read in regions whose rules differ.
    #[test]
    fn plain_international_numbers_read_as_their_digits() {
        let mut rng = fastrand::Rng::with_seed(27);
        let regions: Vec<Option<country::Id>> = ["NO", "DE", "AR", "GB", "IT", "US", "SE"]
            .iter()
            .map(|code| parse_region(code).ok())
            .chain([None])
            .collect();
        let codes = [
            "47", "49", "44", "39", "1", "54", "46", "45", "358", "7", "86", "880", "979",
        ];
        let mut read = 0;
        for _ in 0..20_000 {
            let mut value = format!("+{}", codes[rng.usize(..codes.len())]);
            if rng.u8(0..4) == 0 {
                value.push_str(["0", " 0", "9", " 15"][rng.usize(..4)]);
            }
            for _ in 0..rng.usize(1..=14) {
                if rng.u8(0..3) == 0 {
                    value.push([' ', '-', '.'][rng.usize(..3)]);
                }
                value.push(char::from(b'0' + rng.u8(0..10)));
            }
            let plain = plain_international(&value).unwrap();
            assert_eq!(
                plain,
                value
                    .chars()
                    .filter(|c| *c != ' ' && *c != '-' && *c != '.')
                    .collect::<String>()
            );
            let region = regions[rng.usize(..regions.len())];
            let e164 = phone_e164(&value, region);
            read += usize::from(e164.is_some());
            assert_eq!(e164, phone_e164(&plain, region), "{value} in {region:?}");
            // Nor does the region matter: an index's keys read the same after the tenant's
            // region changed and before the next sync rebuilt the index.
            assert_eq!(e164, phone_e164(&plain, None), "{value} in {region:?}");
        }
        assert!(read > 5_000, "only {read} values read as numbers");
        assert_eq!(
            plain_international(" +47 912-34.567 ").as_deref(),
            Some("+4791234567")
        );
        // Any other form is the library's to read.
        for other in [
            "47 912 34 567",
            "0047 912 34 567",
            "+ 47 912 34 567",
            "+47  912 34 567",
            "+47 (0) 912 34 567",
            "+47 912 34 567 x12",
            "+47 912/34 567",
            "+47 912 34 567-",
            "+٤٧٩١٢٣٤٥٦٧",
            "+",
            "",
        ] {
            assert_eq!(plain_international(other), None, "{other}");
        }
    }

    /// A key an index vouched for is read as itself, written with separators, without the
    /// library; another region's reading is not vouched for.
    #[test]
    fn vouched_phone_keys_are_read_without_the_library() {
        let se = parse_region("SE").ok();
        let no = parse_region("NO").ok();
        vouch_for_phone_key("+4612345678", se);
        assert_eq!(
            vouched_key("+46 12-34.56 78", se).as_deref(),
            Some("+4612345678")
        );
        assert_eq!(vouched_key("+46 12 34 56 78", no), None);
        assert_eq!(vouched_key("012 34 56 78", se), None);
        assert_eq!(vouched_key("+46 12 34 56 79", se), None);
    }

    /// "XX" has no numbering plan: refused as the earlier phone library refused it.
    #[test]
    fn regions_are_the_libraries() {
        let mut known: Vec<String> = rlibphonenumber::PHONE_NUMBER_UTIL
            .get_supported_regions()
            .map(|region| region.to_string())
            .collect();
        known.sort();
        assert_eq!(REGIONS.split(' ').collect::<Vec<_>>(), known);
        assert!(parse_region("xx").is_err());
        assert!(parse_region("001").is_err());
        assert_eq!(parse_region(" no ").unwrap().to_string(), "NO");
    }

    #[test]
    fn phones_in_free_text() {
        let no = parse_region("NO").unwrap();
        let found = |text: &str| -> Vec<String> {
            phones_in_text(text, Some(no))
                .into_iter()
                .map(|(s, e, e164)| format!("{}={e164}", &text[s..e]))
                .collect()
        };
        assert_eq!(
            found("call 0047 22 11 00 99 for prints"),
            ["0047 22 11 00 99=+4722110099"]
        );
        assert_eq!(
            found("Prints: +47 22110099. Or 22 11 00 99."),
            ["+47 22110099=+4722110099", "22 11 00 99=+4722110099"]
        );
        assert_eq!(
            found("Ring (+47) 912-34-567 i 2024"),
            ["(+47) 912-34-567=+4791234567"]
        );
        assert_eq!(
            found("Mobil: +49 (0)30 1234567"),
            ["+49 (0)30 1234567=+49301234567"]
        );
        for text in [
            "In 1999 and 2024",
            "Price 1200,-",
            "ISBN 978 82 0000",
            "no digits",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }
}
