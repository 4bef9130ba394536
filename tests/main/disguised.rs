//! Names written in disguise — joined by `_` or `.`, split by invisible characters (zero-width
//! spaces and joiners, soft hyphens), run together in camel case or typed in full-width
//! letters — are found by `dsr locate` and scrubbed whole by `dsr erase`, on both platforms,
//! while near-namesakes and other people in the same captions stay as they were.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{Kind, Tenant};

/// Captions that each hold "Jane Doe" in disguise, and the other people beside her.
const DISGUISED: [(&str, &str, &str); 8] = [
    (
        "A/underscore.png",
        "Jane_Doe at the fair with Ola Nordmann.",
        "Ola Nordmann",
    ),
    (
        "A/dot.png",
        "Photo: Jane.Doe and Kari Nordmann.",
        "Kari Nordmann",
    ),
    ("A/zwsp.png", "Jane\u{200b}Doe opens the show.", ""),
    (
        "A/zwj.png",
        "Jane\u{200d}Doe opens the show with Per Hansen.",
        "Per Hansen",
    ),
    (
        "A/shy.png",
        "Ja\u{00ad}ne Doe in the lobby with Ola Nordmann.",
        "Ola Nordmann",
    ),
    ("A/inside.png", "Ja\u{200b}ne D\u{2060}oe at the desk.", ""),
    (
        "A/wide.png",
        "\u{ff2a}\u{ff41}\u{ff4e}\u{ff45} \u{ff24}\u{ff4f}\u{ff45} at the desk.",
        "",
    ),
    ("A/camel.png", "Thanks to JaneDoe for the pictures.", ""),
];

/// Captions that do not hold her: other people, near-namesakes, and her name inside an
/// e-mail address, which may as well be a namesake's (hers are searched with `--email`).
const OTHERS: [(&str, &str); 4] = [
    ("B/doerr.png", "Jane_Doerr and John.Doe were there."),
    ("B/lower.png", "the janedoe account is unused."),
    ("B/smith.png", "Jane\u{200b}Smith and Ola\u{00ad} Doe."),
    (
        "B/address.png",
        "Mail jane.doe@othercorp.example for details.",
    ),
];

fn scenario(t: &Test) {
    for (id, caption, _) in DISGUISED {
        t.asset(id, json!({"120": caption, "5": "Event"}));
    }
    for (id, caption) in OTHERS {
        t.asset(id, json!({"120": caption, "5": "Event"}));
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

/// The caption as a person reads it: invisible characters gone, compatibility forms folded.
fn visible(caption: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    caption
        .nfkc()
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
        })
        .collect::<String>()
        .to_lowercase()
}

fn disguised_names_are_found_and_scrubbed(kind: Kind) {
    let t = Test::new();
    scenario(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let found = confidences(&tenant.dsr(["locate", "--name", "Jane Doe"]).hits());
    let expected: BTreeMap<String, String> = DISGUISED
        .iter()
        .map(|(id, _, _)| (id.to_string(), "medium".to_owned()))
        .collect();
    assert_eq!(found, expected);

    // Medium matches are acted on once a person has reviewed them in.
    let case = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let mut review = tenant.dsr(["case", "review", &case]);
    for (id, _, _) in DISGUISED {
        review = review.args(["--include", id]);
    }
    review.run();
    tenant.dsr(["erase", &case, "--yes"]).run();
    for (id, caption, other) in DISGUISED {
        let now = tenant.metadata(id).expect("the asset is kept");
        let now = now["120"].as_str().expect("a caption").to_owned();
        let read = visible(&now);
        assert!(
            !read.contains("jane") && !read.contains("doe"),
            "{id}: {caption:?} became {now:?}"
        );
        assert!(now.contains(other), "{id}: {other} is kept in {now:?}");
    }
    for (id, caption) in OTHERS {
        let now = tenant.metadata(id).expect("the asset is kept");
        assert_eq!(now["120"], json!(caption), "{id} is untouched");
    }
    let after = confidences(&tenant.dsr(["locate", "--name", "Jane Doe"]).hits());
    assert_eq!(after, BTreeMap::new());
}

#[test]
fn disguised_names_are_found_and_scrubbed_on_dir() {
    disguised_names_are_found_and_scrubbed(Kind::Dir);
}

#[test]
fn disguised_names_are_found_and_scrubbed_through_fotoweb() {
    disguised_names_are_found_and_scrubbed(Kind::Fotoweb);
}
