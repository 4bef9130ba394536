//! Other people never reach the requester (Art. 15(4)): in the access package and the
//! portable ZIP, free text keeps the subject's own words while other people's names (those
//! the tenant knows from any asset's person fields), e-mail addresses, phone numbers and
//! national identity numbers are redacted.

use std::io::Read as _;
use std::path::Path;

use serde_json::json;

use crate::support::Test;

const CAPTION: &str = "Jane Doe with Peter Parker (peter.parker@example.com, +47 98 76 54 32, \
    SSN 010190 12345), Kari Nordmann and Ola Hansen (fnr 15076500565) at the 2024-03-25 fair.";

/// What must not reach Jane: Kari Nordmann is known from a person field of another asset,
/// Peter Parker by his address beside his name; Ola Hansen from nowhere but this caption
/// (his number goes, his name stays: dsr finds names it knows, not every name).
const THEIRS: [&str; 7] = [
    "Kari Nordmann",
    "Peter Parker",
    "peter.parker@example.com",
    "98 76 54 32",
    "010190 12345",
    "15076500565",
    "Per Hansen",
];

fn tenant() -> Test {
    let t = Test::new();
    t.asset(
        "Events/fair.png",
        json!({"368": ["Jane Doe"], "120": CAPTION, "80": ["Per Hansen"]}),
    );
    t.asset("Staff/kari.png", json!({"368": ["Kari Nordmann"]}));
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    t.fill_ropa("acme");
    t
}

fn open(t: &Test, right: &str) -> String {
    t.dsr(["case", "open", "--right", right, "--name", "Jane Doe"])
        .run()
        .stdout
        .trim()
        .to_owned()
}

/// Every file of a folder, read as text (lossily).
fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).expect("a package file");
            out.push((
                entry.path().display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    }
    out
}

fn assert_clean(files: &[(String, String)]) {
    let mut saw_her = false;
    for (name, text) in files {
        for theirs in THEIRS {
            assert!(!text.contains(theirs), "{name} holds {theirs}");
        }
        saw_her |= text.contains("Jane Doe with");
    }
    assert!(saw_her, "the caption is in the package with her own words");
}

#[test]
fn the_access_package_shows_no_one_else() {
    let t = tenant();
    let case = open(&t, "access");
    let out = t.path("package");
    t.dsr(["access", &case, "--out"]).arg(&out).run();
    assert_clean(&texts(&out));
}

#[test]
fn the_portable_zip_shows_no_one_else() {
    let t = tenant();
    let case = open(&t, "portability");
    let out = t.path("portable.zip");
    t.dsr(["portability", &case, "--out"]).arg(&out).run();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).expect("zip")).expect("a zip");
    let files: Vec<(String, String)> = (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("read");
            (
                entry.name().unwrap_or_default().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect();
    assert_clean(&files);
}
