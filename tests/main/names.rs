//! Names as the world writes them — family names of several words, the family name first,
//! other scripts and romanisations, capitals folded fully, names without spaces, a missing
//! middle name, phone numbers in captions — are found by `dsr locate` at the confidence
//! each deserves and scrubbed by `dsr erase`, verified by the same matcher, on both
//! platforms; near-namesakes and other people beside the subject stay as they were.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use dsr::fields::{BYLINE, CAPTION, PERSON_SHOWN, TITLE};

use crate::support::Test;
use crate::tenants::{Kind, Tenant};

/// The two subjects' identities.
const CHAIKOVSKY: &[&str] = &["--name", "Pyotr Chaikovsky", "--phone", "+47 22 11 00 99"];
const RUIZ_ZAFON: &[&str] = &["--name", "Carlos Ruiz Zafón"];
const GARCIA_MARQUEZ: &[&str] = &["--name", "Gabriel José García Márquez"];
const SHELLEY: &[&str] = &["--name", "Mary Wollstonecraft Shelley"];

/// An asset holding a subject: its id, the field, the value, the confidence expected and
/// what must be kept of the value.
type Holding = (
    &'static str,
    &'static str,
    Value,
    &'static str,
    &'static str,
);

/// Assets holding Pyotr Chaikovsky.
fn chaikovsky() -> Vec<Holding> {
    vec![
        (
            "A/cyrillic.png",
            PERSON_SHOWN,
            json!(["Пётр Чайковский", "Ola Nordmann"]),
            "medium",
            "Ola Nordmann",
        ),
        (
            "A/romanised.png",
            CAPTION,
            json!("Pyotr Tchaikovsky conducts, with Kari Nordmann."),
            "medium",
            "Kari Nordmann",
        ),
        (
            "A/capitals.png",
            PERSON_SHOWN,
            json!(["CHAIKOVSKY PYOTR", "Per Hansen"]),
            "high",
            "Per Hansen",
        ),
        (
            "A/phone.png",
            CAPTION,
            json!("Prints: call 0047 22 11 00 99 today."),
            "medium",
            "Prints",
        ),
    ]
}

/// Assets holding Carlos Ruiz Zafón.
fn ruiz_zafon() -> Vec<Holding> {
    vec![
        (
            "C/particle.png",
            PERSON_SHOWN,
            json!(["Ruiz Zafón, Carlos", "Nisa Tveitvik, Jonja Kvamnes"]),
            "high",
            "Jonja Kvamnes",
        ),
        (
            "C/first.png",
            CAPTION,
            json!("Ruiz Zafón Carlos signs books for Ola Nordmann."),
            "medium",
            "Ola Nordmann",
        ),
        ("C/missing.png", BYLINE, json!(["Carlos Zafón"]), "low", ""),
    ]
}

/// Assets holding Gabriel José García Márquez: two family names and two given names are
/// written like a list of two people.
fn garcia_marquez() -> Vec<Holding> {
    vec![(
        "D/two-families.png",
        PERSON_SHOWN,
        json!([
            "García Márquez, Gabriel José",
            "Nisa Tveitvik, Jonja Kvamnes"
        ]),
        "high",
        "Nisa Tveitvik, Jonja Kvamnes",
    )]
}

/// Assets holding Mary Wollstonecraft Shelley: a person field short of her middle name
/// (listed for review) and one with a word more.
fn shelley() -> Vec<Holding> {
    vec![
        (
            "E/missing.png",
            PERSON_SHOWN,
            json!(["Mary Shelley", "Per Hansen"]),
            "low",
            "Per Hansen",
        ),
        (
            "E/extra.png",
            PERSON_SHOWN,
            json!(["Mary Wollstonecraft Godwin Shelley", "Ola Nordmann"]),
            "medium",
            "Ola Nordmann",
        ),
    ]
}

/// Assets holding none of them: near-namesakes, another number, other people.
const OTHERS: [(&str, &str, &str); 8] = [
    ("B/ivanov.png", PERSON_SHOWN, "Пётр Иванов"),
    (
        "B/number.png",
        CAPTION,
        "Prints: call 0047 22 11 00 98 today.",
    ),
    ("B/carla.png", PERSON_SHOWN, "Ruiz Zafón, Carla María"),
    ("B/list.png", PERSON_SHOWN, "Carlos Tveitvik, Zafón Kvamnes"),
    ("B/greek.png", PERSON_SHOWN, "ΝΊΚΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ"),
    // Two people, not "Last, First": the given names come first.
    ("B/pair.png", PERSON_SHOWN, "Gabriel José, García Márquez"),
    // Her first and family names apart, in running text and in a person field that
    // names two people.
    ("B/apart.png", CAPTION, "Mary sails, and Shelley rows."),
    ("B/two.png", PERSON_SHOWN, "Mary Hansen; Ola Shelley"),
];

fn scenario(t: &Test) {
    let holdings = chaikovsky()
        .into_iter()
        .chain(ruiz_zafon())
        .chain(garcia_marquez())
        .chain(shelley());
    for (id, field, value, _, _) in holdings {
        t.asset(id, json!({ field: value, TITLE: "Event" }));
    }
    for (id, field, value) in OTHERS {
        t.asset(id, json!({ field: [value], TITLE: "Event" }));
    }
}

fn confidences(hits: &[Value]) -> BTreeMap<String, String> {
    hits.iter()
        .map(|h| {
            (
                h["asset"].as_str().expect("an asset").to_owned(),
                h["confidence"].as_str().expect("a confidence").to_owned(),
            )
        })
        .collect()
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

fn names_are_found_and_scrubbed(kind: Kind) {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let requests = [
        (
            CHAIKOVSKY,
            chaikovsky(),
            ["пётр", "chaikovsky", "tchaikovsky", "22 11 00 99"],
        ),
        (
            RUIZ_ZAFON,
            ruiz_zafon(),
            ["carlos", "zafón", "zafon", "carlos"],
        ),
        (
            GARCIA_MARQUEZ,
            garcia_marquez(),
            ["gabriel", "garcía", "márquez", "josé"],
        ),
        (
            SHELLEY,
            shelley(),
            ["mary", "shelley", "wollstonecraft", "godwin"],
        ),
    ];
    for (identities, holding, gone) in requests {
        let found = confidences(&tenant.dsr(["locate"]).args(identities).hits());
        let expected: BTreeMap<String, String> = holding
            .iter()
            .map(|(id, _, _, confidence, _)| (id.to_string(), confidence.to_string()))
            .collect();
        assert_eq!(found, expected, "{identities:?}");

        // What is not high is acted on once a person has reviewed it in.
        let case = tenant.open_case("erasure", identities);
        let reviewed: Vec<&str> = holding
            .iter()
            .filter(|(_, _, _, confidence, _)| *confidence != "high")
            .flat_map(|(id, ..)| ["--include", id])
            .collect();
        if !reviewed.is_empty() {
            tenant.dsr(["case", "review", &case]).args(reviewed).run();
        }
        // Person fields show who is in the image: theirs are scrubbed and the images kept.
        tenant
            .dsr(["erase", &case, "--yes", "--shown-with-others", "keep"])
            .args([
                "--reason",
                "the metadata names her, the image shows a crowd",
            ])
            .run();
        for (id, field, value, _, kept) in &holding {
            let now = tenant
                .metadata(id)
                .map(|m| m.get(*field).map(text_of).unwrap_or_default())
                .unwrap_or_default();
            let read = now.to_lowercase();
            for word in gone {
                assert!(!read.contains(word), "{id}: {value} became {now:?}");
            }
            assert!(now.contains(kept), "{id}: {kept} is kept in {now:?}");
        }
        let after = confidences(&tenant.dsr(["locate"]).args(identities).hits());
        assert_eq!(after, BTreeMap::new(), "{identities:?} after the erasure");
    }
    for (id, field, value) in OTHERS {
        let now = tenant.metadata(id).expect("the asset is kept");
        assert_eq!(now[field], json!([value]), "{id} is untouched");
    }
}

#[test]
fn names_as_written_are_found_and_scrubbed_on_dir() {
    names_are_found_and_scrubbed(Kind::Dir);
}

#[test]
fn names_as_written_are_found_and_scrubbed_through_fotoweb() {
    names_are_found_and_scrubbed(Kind::Fotoweb);
}

/// Rectification replaces what the new rules find, verified by the same matcher: her name
/// written family name first, in a person field and in a caption.
fn names_as_written_are_rectified(kind: Kind) {
    let t = Test::new();
    t.asset("R/byline.png", json!({BYLINE: ["Kovács Anna"]}));
    t.asset(
        "R/caption.png",
        json!({CAPTION: "Kovács Anna opens the exhibition with Ola Nordmann."}),
    );
    t.asset("R/other.png", json!({BYLINE: ["Kovács Péter"]}));
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let other = tenant.metadata("R/other.png");
    let case = tenant.open_case("rectification", &["--name", "Anna Kovács"]);
    // The caption's match is medium: acted on once a person has reviewed it in.
    tenant
        .dsr(["case", "review", &case, "--include", "R/caption.png"])
        .run();
    tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "Anna Kovács",
            "--with",
            "Anna Tóth",
            "--yes",
        ])
        .run();
    let byline = tenant.metadata("R/byline.png").expect("kept");
    assert_eq!(byline[BYLINE], json!(["Anna Tóth"]));
    let caption = tenant.metadata("R/caption.png").expect("kept");
    assert_eq!(
        caption[CAPTION],
        json!("Anna Tóth opens the exhibition with Ola Nordmann.")
    );
    assert_eq!(tenant.metadata("R/other.png"), other, "not hers: untouched");
    let old = tenant.dsr(["locate", "--name", "Anna Kovács"]).hits();
    assert_eq!(old, Vec::<Value>::new());
}

#[test]
fn names_as_written_are_rectified_on_dir() {
    names_as_written_are_rectified(Kind::Dir);
}

#[test]
fn names_as_written_are_rectified_through_fotoweb() {
    names_as_written_are_rectified(Kind::Fotoweb);
}
