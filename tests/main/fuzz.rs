//! Random inputs, for a bounded time, into the readers and normalisers that see what users
//! and platforms write: the subject-list reader, the `dir` sidecar reader, the phone and
//! name normalisers, and the matcher with the scrubber behind every erasure. Each target
//! must never panic and must keep its own promises (a phone number's E.164 form reads back
//! as itself; a word's span lies on character boundaries; a scrub changes only fields where
//! the subject was found). The seed is printed, so a failure can be replayed with
//! `DSR_FUZZ_SEED`; `DSR_FUZZ_MS` sets the time per target.

use std::time::{Duration, Instant};

use dsr::asset::{FieldValue, Metadata};
use dsr::fields::FieldRoles;
use dsr::matching::identity::{Identity, IdentityKind, parse_region, phone_e164, probes};
use dsr::matching::matcher::{Confidence, Matcher};
use dsr::matching::normalize;

/// Pieces the generator strings together: what breaks readers is rarely random bytes, but
/// separators, marks and scripts in odd places.
const PIECES: &[&str] = &[
    "Jane",
    "Doe",
    "jane.doe@example.com",
    "J.",
    "J",
    "a",
    "Ola",
    "Nordmann",
    "Jörg",
    "Mu\u{308}ller",
    "ß",
    "ø",
    "æ",
    "Å",
    "'",
    "’",
    "-",
    "_",
    ".",
    ",",
    ";",
    "|",
    "/",
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "\"",
    "\u{200b}",
    "\u{200d}",
    "\u{ad}",
    "\u{feff}",
    "\u{202e}",
    "\u{301}",
    "😀",
    "Пётр",
    "Χρήστος",
    "李",
    "+47",
    "912 34 567",
    "(0)",
    "+49 (0)30 1234567",
    "00",
    "0",
    "9",
    "@",
    "@@",
    "{",
    "}",
    "[",
    "]",
    ":",
    "\\",
    "\u{0}",
    "\u{7f}",
    "=",
    "+",
    "x",
    "é",
    "E\u{301}",
    "ﬁ",
    "Ⅻ",
];

struct Fuzz {
    rng: fastrand::Rng,
    deadline: Instant,
    runs: u64,
}

impl Fuzz {
    fn new(target: &str) -> Fuzz {
        let seed = std::env::var("DSR_FUZZ_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| fastrand::u64(..));
        let ms = std::env::var("DSR_FUZZ_MS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1500);
        eprintln!("fuzz {target}: seed {seed} (DSR_FUZZ_SEED), {ms} ms");
        Fuzz {
            rng: fastrand::Rng::with_seed(seed),
            deadline: Instant::now() + Duration::from_millis(ms),
            runs: 0,
        }
    }

    fn more(&mut self) -> bool {
        self.runs += 1;
        Instant::now() < self.deadline
    }

    fn text(&mut self, max_pieces: usize) -> String {
        let n = self.rng.usize(0..=max_pieces);
        let mut s = String::new();
        for _ in 0..n {
            if self.rng.u8(..10) == 0 {
                s.push(self.rng.char(..));
            } else {
                s.push_str(PIECES[self.rng.usize(..PIECES.len())]);
            }
        }
        s
    }

    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let mut b = self.text(max).into_bytes();
        for _ in 0..self.rng.usize(0..3) {
            if !b.is_empty() {
                let at = self.rng.usize(..b.len());
                b[at] = self.rng.u8(..);
            }
        }
        b
    }
}

#[test]
fn the_subject_list_reader_takes_anything() {
    let mut f = Fuzz::new("subject list");
    while f.more() {
        let mut input = match f.rng.u8(..3) {
            0 => b"email,name,phone,login,reference\n".to_vec(),
            1 => b"{\"email\": \"".to_vec(),
            _ => Vec::new(),
        };
        input.extend(f.bytes(30));
        let _ = dsr::subjects::read(&input[..]);
    }
    eprintln!("{} lists read", f.runs);
}

#[test]
fn words_lie_on_character_boundaries() {
    let mut f = Fuzz::new("words");
    while f.more() {
        let text = f.text(20);
        for word in normalize::words(&text) {
            assert!(
                text.is_char_boundary(word.start) && text.is_char_boundary(word.end),
                "{text:?}"
            );
            assert!(word.start <= word.end && word.end <= text.len(), "{text:?}");
        }
        let _ = normalize::emails_in(&text);
        let _ = normalize::login(&text);
    }
    eprintln!("{} texts split", f.runs);
}

#[test]
fn a_phone_numbers_e164_form_reads_as_itself() {
    let mut f = Fuzz::new("phones");
    let regions = [None, parse_region("NO").ok(), parse_region("DE").ok()];
    while f.more() {
        let mut value = f.text(4);
        if f.rng.bool() {
            value = format!("+{}{value}", f.rng.u32(1..999));
        }
        for region in regions {
            if let Some(e164) = phone_e164(&value, region) {
                assert_eq!(
                    phone_e164(&e164, region).as_deref(),
                    Some(e164.as_str()),
                    "{value:?} → {e164}"
                );
            }
        }
    }
    eprintln!("{} numbers read", f.runs);
}

#[test]
fn a_scrub_changes_only_fields_where_the_subject_is() {
    let mut f = Fuzz::new("matcher and scrub");
    let roles = FieldRoles::standard();
    let region = parse_region("NO").ok();
    let fields = ["5", "25", "80", "120", "308", "309", "360", "361", "368"];
    while f.more() {
        let kinds = [
            IdentityKind::Name,
            IdentityKind::Email,
            IdentityKind::Phone,
            IdentityKind::Login,
        ];
        let identities: Vec<Identity> = (0..f.rng.usize(1..3))
            .map(|_| Identity::new(kinds[f.rng.usize(..kinds.len())], f.text(3)))
            .collect();
        // Identities a user could not search with are refused, as locate refuses them.
        let Ok(probes) = probes(&identities, region) else {
            continue;
        };
        let matcher = Matcher::new(probes, roles.clone(), region);
        let metadata: Metadata = (0..f.rng.usize(1..5))
            .map(|_| {
                let field = fields[f.rng.usize(..fields.len())].to_owned();
                let value = if f.rng.bool() {
                    FieldValue::Single(f.text(8))
                } else {
                    FieldValue::Bag((0..f.rng.usize(1..4)).map(|_| f.text(4)).collect())
                };
                (field, value)
            })
            .collect();
        let floor = if f.rng.bool() {
            Confidence::Low
        } else {
            Confidence::Medium
        };
        let found: std::collections::BTreeSet<String> = matcher
            .matches_from(&metadata, floor)
            .into_iter()
            .map(|m| m.field)
            .collect();
        let changes = dsr::edit::scrub(&metadata, &matcher, &roles, floor);
        for field in changes.keys() {
            assert!(
                found.contains(field),
                "field {field} changed though the subject is not found there: {metadata:?} {identities:?}"
            );
        }
        let _ = dsr::edit::apply(&metadata, &changes);
    }
    eprintln!("{} assets scrubbed", f.runs);
}

#[test]
fn the_sidecar_reader_takes_anything() {
    let mut f = Fuzz::new("sidecars");
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().join("tenant");
    std::fs::create_dir_all(root.join("A")).expect("an archive");
    std::fs::write(root.join("A/x.png"), b"image").expect("a file");
    let platform = dsr::platform::dir::DirPlatform::open(&root).expect("the tenant");
    while f.more() {
        let body = match f.rng.u8(..3) {
            0 => format!("{{\"metadata\": {{\"80\": {{\"value\": {}}}}}}}", f.text(6)),
            1 => format!(
                "{{\"modified\": \"{}\", \"metadata\": {{\"{}\": {{\"value\": [\"{}\"]}}}}}}",
                f.text(3),
                f.text(2),
                f.text(4)
            ),
            _ => String::from_utf8_lossy(&f.bytes(10)).into_owned(),
        };
        std::fs::write(root.join("A/x.png.json"), body.as_bytes()).expect("a sidecar");
        let _ = platform.read("A/x.png");
    }
    eprintln!("{} sidecars read", f.runs);
}
