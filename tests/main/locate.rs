//! `dsr locate`: every matching rule of README "How a person is matched", each with the
//! cases that must not match, on a small tenant written here; and a broader check against
//! the people listed in the bundled sample tenant's README.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use crate::support::{Test, repo_root};

/// A tenant with one asset per spelling a rule must (or must not) accept. Phones have a
/// tenant of their own: the first phone number a debug build parses costs more than a
/// second, and most tests need none.
fn people() -> Test {
    let t = Test::new();
    let assets = [
        // Names in person fields (80 byline, 361 uploader, 368 shown).
        ("Names/jane.jpg", json!({"368": ["Jane Doe"]})),
        ("Names/jane-spaced.jpg", json!({"80": ["  JANE   doe "]})),
        ("Names/doe-jane.jpg", json!({"368": ["Doe, Jane"]})),
        ("Names/doe-jane-order.jpg", json!({"361": "Doe Jane"})),
        (
            "Names/jane-in-list.jpg",
            json!({"80": ["Ola Nordmann; Jane Doe"]}),
        ),
        ("Names/jane-mary-doe.jpg", json!({"368": ["Jane Mary Doe"]})),
        ("Names/j-doe.jpg", json!({"80": ["J. Doe"]})),
        // Jane Doe among the others: only her own field may match.
        (
            "Names/crowd.jpg",
            json!({
                "368": ["Jane Doe"],
                "80": ["Jane Smith", "John Doe", "Jane Doerr"],
                "361": "Doe, John",
                "120": "Jane Doerr and John Doe were there.",
            }),
        ),
        // Other people: never high or medium for Jane Doe.
        (
            "Names/jane-smith.jpg",
            json!({"368": ["Jane Smith"], "120": "Jane Smith smiles."}),
        ),
        (
            "Names/john-doe.jpg",
            json!({"368": ["John Doe"], "120": "John Doe at the desk."}),
        ),
        ("Names/doe-john.jpg", json!({"368": ["Doe, John"]})),
        (
            "Names/jane-doerr.jpg",
            json!({"368": ["Jane Doerr"], "120": "Jane Doerr and John Doe were there."}),
        ),
        // A typo in a short word is another name.
        ("Names/jane-dow.jpg", json!({"80": ["Jane Dow"]})),
        (
            "Names/sentences.jpg",
            json!({"120": "Thanks, Jane. Doe Ltd. sponsored."}),
        ),
        // Names in free text (5 title, 25 keywords, 120 caption, any other field).
        (
            "Text/caption.jpg",
            json!({"120": "Jane Doe presents the budget with Ola Nordmann."}),
        ),
        ("Text/title.jpg", json!({"5": "Portrait: Doe, Jane"})),
        ("Text/keywords.jpg", json!({"25": ["budget", "Jane Doe"]})),
        ("Text/other-field.jpg", json!({"999": "Notes by Jane Doe"})),
        ("Text/initial.jpg", json!({"120": "Photo by J. Doe."})),
        // Folding.
        ("Fold/nfc.jpg", json!({"80": ["Jörg Müller"]})),
        ("Fold/nfd.jpg", json!({"80": ["Jo\u{308}rg Mu\u{308}ller"]})),
        ("Fold/ue.jpg", json!({"80": ["Joerg Mueller"]})),
        ("Fold/stripped.jpg", json!({"80": ["Jorg Muller"]})),
        ("Fold/last-first.jpg", json!({"368": ["MÜLLER, JÖRG"]})),
        ("Fold/weiss-sz.jpg", json!({"80": ["Max Weiß"]})),
        ("Fold/weiss-ss.jpg", json!({"80": ["Max Weiss"]})),
        ("Fold/weis.jpg", json!({"80": ["Max Weis"]})),
        ("Fold/bjorn.jpg", json!({"80": ["Bjørn Ødegård"]})),
        ("Fold/bjoern.jpg", json!({"80": ["Bjoern Oedegaard"]})),
        ("Fold/bjorn-plain.jpg", json!({"80": ["Bjorn Odegard"]})),
        ("Fold/ase.jpg", json!({"80": ["Åse Kjær"]})),
        ("Fold/aase.jpg", json!({"80": ["Aase Kjaer"]})),
        (
            "Fold/obrien-curly.jpg",
            json!({"368": ["Siobhán O\u{2019}Brien"]}),
        ),
        (
            "Fold/obrien-straight.jpg",
            json!({"368": ["Siobhan O'Brien"]}),
        ),
        ("Fold/obrien-other.jpg", json!({"368": ["Siobhan O'Brian"]})),
        // Typos: one edit on a word of five letters or more.
        ("Typo/exact.jpg", json!({"80": ["Søren Kierkegaard"]})),
        ("Typo/one.jpg", json!({"80": ["Soren Kirkegaard"]})),
        ("Typo/two.jpg", json!({"80": ["Søren Kjerkegard"]})),
        (
            "Typo/in-text.jpg",
            json!({"120": "A lecture by Søren Kirkegaard."}),
        ),
        // E-mails (308 e-mail field, or written in any other field).
        ("Email/field.jpg", json!({"308": ["jane.doe@example.com"]})),
        (
            "Email/field-case.jpg",
            json!({"308": [" Jane.Doe@Example.COM "]}),
        ),
        (
            "Email/in-text.jpg",
            json!({"120": "Prints: write to JANE.DOE@example.com, thanks."}),
        ),
        (
            "Email/longer-au.jpg",
            json!({"308": ["jane.doe@example.com.au"], "120": "jane.doe@example.com.au"}),
        ),
        (
            "Email/longer-x.jpg",
            json!({"308": ["xjane.doe@example.com"], "120": "Mail xjane.doe@example.com."}),
        ),
        // Found through its e-mail field: the longer addresses beside it are no match.
        (
            "Email/both.jpg",
            json!({
                "308": ["jane.doe@example.com"],
                "120": "Old address: jane.doe@example.com.au",
                "25": ["xjane.doe@example.com"],
            }),
        ),
        (
            "Email/longer-sub.jpg",
            json!({"120": "jane.doe@example.community"}),
        ),
        // Logins (360).
        ("Login/login.jpg", json!({"360": "jdoe"})),
        (
            "Login/both.jpg",
            json!({"360": "jdoe", "361": "jdoe", "120": "uploaded by jdoe", "25": ["jdoe2"]}),
        ),
        ("Login/spaced.jpg", json!({"360": " jdoe "})),
        ("Login/longer.jpg", json!({"360": "jdoe2"})),
        ("Login/prefixed.jpg", json!({"360": "xjdoe"})),
        ("Login/caption.jpg", json!({"120": "uploaded by jdoe"})),
        ("Login/name-field.jpg", json!({"361": "jdoe"})),
    ];
    for (id, fields) in assets {
        t.asset(id, fields);
    }
    t.add_tenant("people", &[]);
    t.sync(&[]);
    t
}

/// Asset → the hit's confidence, for a `locate` command line.
fn found(t: &Test, args: &[&str]) -> BTreeMap<String, String> {
    t.dsr(["locate"])
        .args(args)
        .hits()
        .iter()
        .map(|hit| (text(&hit["asset"]), text(&hit["confidence"])))
        .collect()
}

fn text(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
        .to_owned()
}

/// The fields of `asset` that matched, for a `locate` command line.
fn matched_fields(t: &Test, args: &[&str], asset: &str) -> BTreeSet<String> {
    t.dsr(["locate"])
        .args(args)
        .hits()
        .iter()
        .filter(|hit| hit["asset"] == asset)
        .flat_map(|hit| hit["matches"].as_array().cloned().unwrap_or_default())
        .map(|m| text(&m["field"]))
        .collect()
}

/// Builds the expected `found` map from (asset, confidence) pairs.
fn expect(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(a, c)| ((*a).to_owned(), (*c).to_owned()))
        .collect()
}

/// The assets of `found` under one archive.
fn in_archive(found: &BTreeMap<String, String>, archive: &str) -> BTreeMap<String, String> {
    found
        .iter()
        .filter(|(asset, _)| asset.starts_with(&format!("{archive}/")))
        .map(|(a, c)| (a.clone(), c.clone()))
        .collect()
}

#[test]
fn names_in_person_fields_are_graded() {
    let t = people();
    let jane = found(&t, &["--name", "Jane Doe"]);
    assert_eq!(
        in_archive(&jane, "Names"),
        expect(&[
            ("Names/jane.jpg", "high"),
            ("Names/crowd.jpg", "high"),
            ("Names/jane-spaced.jpg", "high"),
            ("Names/doe-jane.jpg", "high"),
            ("Names/doe-jane-order.jpg", "high"),
            ("Names/jane-in-list.jpg", "high"),
            ("Names/jane-mary-doe.jpg", "medium"),
            ("Names/j-doe.jpg", "low"),
        ])
    );
    // Word order, case and the "Last, First" form of the query do not matter either.
    for query in ["Doe, Jane", "doe jane", "  JANE DOE  "] {
        assert_eq!(found(&t, &["--name", query]), jane, "{query}");
    }
    // A bare value without '@' is a name.
    assert_eq!(found(&t, &["Jane Doe"]), jane);
}

#[test]
fn other_people_are_never_high_or_medium() {
    let t = people();
    let jane = found(&t, &["--name", "Jane Doe", "--min-confidence", "medium"]);
    for other in [
        "Names/jane-smith.jpg",
        "Names/john-doe.jpg",
        "Names/doe-john.jpg",
        "Names/jane-doerr.jpg",
        "Names/jane-dow.jpg",
        "Names/sentences.jpg",
    ] {
        assert!(
            !jane.contains_key(other),
            "{other} taken for Jane Doe: {jane:?}"
        );
    }
    assert_eq!(
        matched_fields(&t, &["--name", "Jane Doe"], "Names/crowd.jpg"),
        BTreeSet::from(["368".to_owned()]),
        "only the field naming her matches"
    );
    // And the other way round: none of them finds Jane Doe's own assets.
    for (query, own) in [
        ("Jane Smith", "Names/jane-smith.jpg"),
        ("John Doe", "Names/john-doe.jpg"),
        ("Jane Doerr", "Names/jane-doerr.jpg"),
    ] {
        let hits = found(&t, &["--name", query, "--min-confidence", "medium"]);
        assert_eq!(hits.get(own).map(String::as_str), Some("high"), "{query}");
        for asset in ["Names/jane.jpg", "Names/doe-jane.jpg", "Text/caption.jpg"] {
            assert!(!hits.contains_key(asset), "{query} found {asset}: {hits:?}");
        }
    }
}

#[test]
fn names_in_free_text_count_only_as_a_whole_phrase() {
    let t = people();
    let jane = found(&t, &["--name", "Jane Doe"]);
    assert_eq!(
        in_archive(&jane, "Text"),
        expect(&[
            ("Text/caption.jpg", "medium"),
            ("Text/title.jpg", "medium"),
            ("Text/keywords.jpg", "medium"),
            ("Text/other-field.jpg", "medium"),
            ("Text/initial.jpg", "low"),
        ])
    );
    // A phrase searched with --text is found in any field.
    assert_eq!(
        found(&t, &["--text", "budget with Ola"]),
        expect(&[("Text/caption.jpg", "medium")])
    );
}

/// Checks the spellings of one person: each query finds at least the assets listed with
/// it, all high, and nothing outside `group` (the assets naming that person).
fn assert_spellings(t: &Test, group: &[&str], queries: &[(&str, &[&str])]) {
    for (query, must) in queries {
        let hits = found(t, &["--name", query]);
        for asset in *must {
            assert_eq!(
                hits.get(*asset).map(String::as_str),
                Some("high"),
                "{query:?} must find {asset}: {hits:?}"
            );
        }
        for asset in hits.keys() {
            assert!(group.contains(&asset.as_str()), "{query:?} found {asset}");
        }
    }
}

#[test]
fn spelling_variants_of_a_name_are_one_name() {
    let t = people();
    // A query written with the original letters finds every spelling; one written in
    // ASCII finds the original and its own. The two ASCII spellings need not find each
    // other: Joerg is not Jorg, since folding "oe" to "o" everywhere would make Doe equal
    // Do (src/matching/normalize.rs).
    let muller = [
        "Fold/nfc.jpg",
        "Fold/nfd.jpg",
        "Fold/last-first.jpg",
        "Fold/ue.jpg",
        "Fold/stripped.jpg",
    ];
    let (nfc, nfd, last_first, ue, stripped) =
        (muller[0], muller[1], muller[2], muller[3], muller[4]);
    assert_spellings(
        &t,
        &muller,
        &[
            ("Jörg Müller", &muller),
            ("Jo\u{308}rg Mu\u{308}ller", &muller),
            ("MÜLLER, JÖRG", &muller),
            ("Joerg Mueller", &[nfc, nfd, last_first, ue]),
            ("jorg muller", &[nfc, nfd, last_first, stripped]),
        ],
    );
    let weiss = ["Fold/weiss-sz.jpg", "Fold/weiss-ss.jpg"];
    assert_spellings(
        &t,
        &weiss,
        &[
            ("Max Weiß", &weiss),
            ("Max Weiss", &weiss),
            ("MAX WEISS", &weiss),
        ],
    );
    let bjorn = ["Fold/bjorn.jpg", "Fold/bjoern.jpg", "Fold/bjorn-plain.jpg"];
    assert_spellings(
        &t,
        &bjorn,
        &[
            ("Bjørn Ødegård", &bjorn),
            ("Bjoern Oedegaard", &bjorn[..2]),
            ("Bjorn Odegard", &[bjorn[0], bjorn[2]]),
        ],
    );
    let ase = ["Fold/ase.jpg", "Fold/aase.jpg"];
    assert_spellings(
        &t,
        &ase,
        &[
            ("Åse Kjær", &ase),
            ("Aase Kjaer", &ase),
            ("Ase Kjaer", &ase[..1]),
        ],
    );
    for query in ["Siobhán O\u{2019}Brien", "Siobhan O'Brien"] {
        let hits = found(&t, &["--name", query]);
        assert_eq!(
            hits.get("Fold/obrien-curly.jpg").map(String::as_str),
            Some("high")
        );
        assert_eq!(
            hits.get("Fold/obrien-straight.jpg").map(String::as_str),
            Some("high")
        );
        // O'Brian is one typo away, but only five letters with the apostrophe dropped:
        // the typo rule may take it, never as high.
        assert_ne!(
            hits.get("Fold/obrien-other.jpg").map(String::as_str),
            Some("high")
        );
    }
}

#[test]
fn one_typo_on_a_long_word_is_medium_two_are_nothing() {
    let t = people();
    assert_eq!(
        in_archive(&found(&t, &["--name", "Søren Kierkegaard"]), "Typo"),
        expect(&[
            ("Typo/exact.jpg", "high"),
            ("Typo/one.jpg", "medium"),
            ("Typo/in-text.jpg", "low"),
        ])
    );
    // Short words get no typo tolerance: Dow is not Doe, Weis is not Weiss.
    assert!(!found(&t, &["--name", "Jane Doe"]).contains_key("Names/jane-dow.jpg"));
    assert!(!found(&t, &["--name", "Max Weiss"]).contains_key("Fold/weis.jpg"));
}

#[test]
fn initials_are_low() {
    let t = people();
    let hits = found(&t, &["--name", "J. Doe"]);
    assert_eq!(hits.get("Names/j-doe.jpg").map(String::as_str), Some("low"));
    assert_eq!(hits.get("Names/jane.jpg").map(String::as_str), Some("low"));
    assert!(hits.values().all(|c| c == "low"), "{hits:?}");
}

/// A one-letter word may abbreviate any word of a name, even every word of it, but only
/// beside the name's other words: in the same person entry, or next to them in text. The
/// article "a" elsewhere in a caption is no initial of Anna Andersen.
#[test]
fn every_word_of_a_name_may_be_an_initial() {
    let t = Test::new();
    let assets = [
        ("Initials/one.jpg", json!({"80": ["A. Andersen"]})),
        ("Initials/both.jpg", json!({"368": ["A. A."]})),
        ("Initials/both-apart.jpg", json!({"368": ["A. Kari A."]})),
        (
            "Initials/caption.jpg",
            json!({"120": "Photo: A. Andersen, 2024."}),
        ),
        (
            "Initials/caption-both.jpg",
            json!({"120": "Drawn by A. A. in ink."}),
        ),
        (
            "Initials/article.jpg",
            json!({"120": "Anna has a desk; Andersen has a chair."}),
        ),
        (
            "Initials/other-entry.jpg",
            json!({"80": ["A. Berg", "Andersen, Kari"]}),
        ),
        (
            "Initials/letters-apart.jpg",
            json!({"120": "A trip to a fjord with a guide."}),
        ),
        ("Initials/other-letters.jpg", json!({"368": ["B. A."]})),
        (
            "Initials/article-before-m.jpg",
            json!({"120": "Lunch at a meeting."}),
        ),
    ];
    for (id, fields) in assets {
        t.asset(id, fields);
    }
    t.add_tenant("initials", &[]);
    t.sync(&[]);
    assert_eq!(
        found(&t, &["--name", "Anna Andersen"]),
        expect(&[
            ("Initials/one.jpg", "low"),
            ("Initials/both.jpg", "low"),
            ("Initials/both-apart.jpg", "low"),
            ("Initials/caption.jpg", "low"),
            ("Initials/caption-both.jpg", "low"),
        ])
    );
    assert_eq!(
        found(&t, &["--name", "Berit Andersen"]),
        expect(&[("Initials/other-letters.jpg", "low")])
    );
    // "a meeting" is no M. Andersen with the surname as an initial: a lower-case letter in a
    // sentence is a word, not an initial.
    assert_eq!(found(&t, &["--name", "M. Andersen"]), expect(&[]));
}

/// A one-word name meets no initial, and in running text an initial is a letter written as
/// one ("J." or a capital "J") beside the name's other words: the article "a" in most
/// captions once made `--name Annabelle` find most of the sample tenant.
#[test]
fn a_one_letter_word_is_an_initial_only_when_written_as_one() {
    let t = Test::new();
    t.copy_into_tenant(&repo_root().join("examples/sample-tenant"));
    let assets = [
        ("Initials/byline.jpg", json!({"80": ["J. Doe"]})),
        (
            "Initials/caption.jpg",
            json!({"120": "J. Doe presents the budget."}),
        ),
        (
            "Initials/article.jpg",
            json!({"120": "A photo of Doe at a Doe family dinner."}),
        ),
        (
            "Initials/annabelle.jpg",
            json!({"120": "A portrait of Annabelle.", "80": ["A. Smith"]}),
        ),
    ];
    for (id, fields) in assets {
        t.asset(id, fields);
    }
    t.add_tenant("sample", &["--default-region", "NO"]);
    t.sync(&[]);
    let jane = found(&t, &["--name", "Jane Doe"]);
    assert_eq!(
        in_archive(&jane, "Initials"),
        expect(&[
            ("Initials/byline.jpg", "low"),
            ("Initials/caption.jpg", "low")
        ])
    );
    assert_eq!(
        found(&t, &["--name", "Annabelle"]),
        expect(&[("Initials/annabelle.jpg", "low")])
    );
    let explained = t
        .dsr(["locate", "--name", "Annabelle", "-o", "json"])
        .run()
        .json();
    assert_eq!(
        explained["hits"][0]["matches"][0]["value"], "Annabelle",
        "{explained}"
    );
}

/// A name of one letter, or of initials only, would meet any initial and article; a name of
/// hundreds of characters is no name. Both are refused like other bad input, without
/// repeating the value.
#[test]
fn names_of_initials_only_or_too_long_are_refused() {
    let t = people();
    for name in ["A", "J. D."] {
        let message = t.dsr(["locate", "--name", name]).status(2).run().error();
        assert!(message.contains("only initials"), "{message}");
    }
    let long = "Jane Doe ".repeat(30);
    let message = t
        .dsr(["locate", "--name", long.trim()])
        .status(2)
        .run()
        .error();
    assert!(message.contains("longer than 200 characters"), "{message}");
    assert!(!message.contains("Jane"), "{message}");
    let message = t
        .dsr(["case", "open", "--right", "access", "--name", "A."])
        .status(2)
        .run()
        .error();
    assert!(message.contains("only initials"), "{message}");
}

#[test]
fn emails_are_exact_wherever_they_are_written() {
    let t = people();
    let expected = expect(&[
        ("Email/both.jpg", "high"),
        ("Email/field.jpg", "high"),
        ("Email/field-case.jpg", "high"),
        ("Email/in-text.jpg", "high"),
    ]);
    for args in [
        &["--email", "jane.doe@example.com"][..],
        &["--email", "JANE.DOE@EXAMPLE.COM"],
        &["--email", "  jane.doe@example.com\t"],
        &["Jane.Doe@Example.com"],
    ] {
        assert_eq!(found(&t, args), expected, "{args:?}");
    }
    let hits = t.dsr(["locate", "jane.doe@example.com"]).hits();
    let rules: BTreeSet<String> = hits
        .iter()
        .flat_map(|h| h["matches"].as_array().cloned().unwrap_or_default())
        .map(|m| text(&m["rule"]))
        .collect();
    assert_eq!(rules, ["email", "email-in-text"].map(String::from).into());
    let both = hits
        .iter()
        .find(|h| h["asset"] == "Email/both.jpg")
        .expect("the asset with both addresses is a hit");
    assert_eq!(
        both["matches"],
        json!([{"field": "308", "label": "Creator e-mail", "identity": "email:jane.doe@example.com",
                "rule": "email", "confidence": "high", "value": "jane.doe@example.com"}]),
        "only the field holding the address itself matches"
    );

    // The longer addresses are found by themselves, and only by themselves.
    assert_eq!(
        found(&t, &["--email", "jane.doe@example.com.au"]),
        expect(&[("Email/both.jpg", "high"), ("Email/longer-au.jpg", "high")])
    );
    assert_eq!(
        found(&t, &["--email", "xjane.doe@example.com"]),
        expect(&[("Email/both.jpg", "high"), ("Email/longer-x.jpg", "high")])
    );
}

#[test]
fn phones_compare_in_e164_with_the_tenants_region() {
    let t = Test::new();
    for (id, number) in [
        ("Phone/intl.jpg", "+47 912 34 567"),
        ("Phone/national.jpg", "912 34 567"),
        ("Phone/compact.jpg", "+4791234567"),
        ("Phone/list.jpg", "22 33 44 55, 912 34 567"),
        ("Phone/other.jpg", "912 34 568"),
        ("Phone/other-country.jpg", "+46 912 34 567"),
    ] {
        t.asset(id, json!({ "309": [number] }));
    }
    // A number outside a phone field is one written in a text: medium, never high, even
    // beside a phone field's.
    t.asset(
        "Phone/both.jpg",
        json!({"309": ["+47 912 34 567"], "120": "Call 912 34 567", "25": ["+4791234567"]}),
    );
    t.asset(
        "Phone/caption.jpg",
        json!({"120": "Call 912 34 567 for prints."}),
    );
    t.add_tenant("norway", &["--default-region", "no"]);
    t.dsr(["sync", "--tenant", "norway"]).run();

    // Each form of the number is its own identity in one run (a debug build spends over a
    // second loading phone metadata in every process that parses a number).
    let forms = [
        "+47 912 34 567",
        "+4791234567",
        "912 34 567",
        "91234567",
        "0047 912 34 567",
    ];
    let mut args = vec!["--tenant", "norway"];
    for form in forms {
        args.extend(["--phone", form]);
    }
    let hits = t.dsr(["locate"]).args(&args).hits();
    for form in forms {
        let identity = format!("phone:{form}");
        let assets: BTreeSet<&str> = hits
            .iter()
            .filter(|h| {
                h["matches"]
                    .as_array()
                    .is_some_and(|ms| ms.iter().any(|m| m["identity"] == identity.as_str()))
            })
            .filter_map(|h| h["asset"].as_str())
            .collect();
        assert_eq!(
            assets,
            BTreeSet::from([
                "Phone/both.jpg",
                "Phone/caption.jpg",
                "Phone/compact.jpg",
                "Phone/intl.jpg",
                "Phone/list.jpg",
                "Phone/national.jpg"
            ]),
            "{form}"
        );
    }
    let caption = hits
        .iter()
        .find(|h| h["asset"] == "Phone/caption.jpg")
        .expect("the caption's number is a hit");
    assert_eq!(caption["confidence"], "medium");
    assert_eq!(caption["matches"][0]["rule"], "phone-in-text");
    assert_eq!(caption["matches"][0]["value"], "912 34 567");
    assert!(
        hits.iter()
            .all(|h| h["confidence"] == "high" || h["asset"] == "Phone/caption.jpg")
    );
    let both = hits
        .iter()
        .find(|h| h["asset"] == "Phone/both.jpg")
        .expect("the asset with a phone field is a hit");
    let fields: BTreeSet<&str> = both["matches"]
        .as_array()
        .map(|ms| ms.iter().filter_map(|m| m["field"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(fields, BTreeSet::from(["120", "25", "309"]), "{both}");
    // The hit's value is the number as written, not the rest of the field.
    let list = hits
        .iter()
        .find(|h| h["asset"] == "Phone/list.jpg")
        .expect("the list of numbers is a hit");
    assert_eq!(list["matches"][0]["value"], "912 34 567");
    assert_eq!(list["matches"][0]["rule"], "phone");

    // In Sweden the same national digits are another number.
    t.add_tenant("sweden", &["--default-region", "SE"]);
    t.dsr(["sync", "--tenant", "sweden"]).run();
    assert_eq!(
        found(&t, &["--tenant", "sweden", "--phone", "912 34 567"]),
        expect(&[
            ("Phone/national.jpg", "high"),
            ("Phone/list.jpg", "high"),
            ("Phone/other-country.jpg", "high"),
            // The captions' national digits, read in Sweden too.
            ("Phone/both.jpg", "medium"),
            ("Phone/caption.jpg", "medium"),
        ])
    );

    // Without a default region a national number means nothing: searching one is an error.
    std::fs::create_dir_all(t.path("empty")).expect("an empty tenant folder");
    t.dsr(["tenant", "add", "noregion", "--platform", "dir", "--path"])
        .arg(t.path("empty"))
        .run();
    t.dsr(["sync", "--tenant", "noregion"]).run();
    let message = t
        .dsr(["locate", "--tenant", "noregion", "--phone", "912 34 567"])
        .status(2)
        .run()
        .error();
    assert!(message.contains("default region"), "{message}");
}

/// A name is never found in an e-mail, phone or login field (her address is searched with
/// --email), so assets holding her name's words only there are not even read: at a million
/// assets, namesakes' addresses ("mary.jane.doe@", "jane.doe@….com.au") made four
/// candidates in five of a name search. A search for text still finds them there.
#[test]
fn a_name_search_reads_no_asset_holding_it_only_in_identifiers() {
    let t = Test::new();
    t.asset("Names/jane.jpg", json!({"368": ["Jane Doe"]}));
    t.asset(
        "Names/caption.jpg",
        json!({"120": "Jane Doe at the desk.", "308": ["jane.doe@example.com"]}),
    );
    for (id, fields) in [
        ("Other/au.jpg", json!({"308": ["jane.doe@example.com.au"]})),
        (
            "Other/mary.jpg",
            json!({"308": ["mary.jane.doe@example.com"]}),
        ),
        (
            "Other/login.jpg",
            json!({"360": "jane.doe", "361": "Mary Major"}),
        ),
        (
            "Other/split.jpg",
            json!({"368": ["Jane Smith"], "308": ["j.doe@example.com"]}),
        ),
    ] {
        t.asset(id, fields);
    }
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let out = t.dsr(["-v", "locate", "--name", "Jane Doe"]).run();
    assert!(
        out.stderr.contains("2 candidate(s) to confirm"),
        "{}",
        out.stderr
    );
    assert_eq!(
        found(&t, &["--name", "Jane Doe"]),
        expect(&[("Names/caption.jpg", "medium"), ("Names/jane.jpg", "high")])
    );
    assert_eq!(
        found(&t, &["--text", "jane doe"]),
        expect(&[
            ("Names/caption.jpg", "medium"),
            ("Names/jane.jpg", "medium"),
            ("Other/au.jpg", "medium"),
            ("Other/login.jpg", "medium"),
            ("Other/mary.jpg", "medium"),
        ])
    );
}

/// A word one letter from a searched word counts as a typo only when both are five letters
/// or longer ("Imir" is not Vimir), and a letter counts as an initial only beside the
/// name's other words: the index proposes no asset the matcher could never take, so none
/// is read. Those it could take are all still found.
#[test]
fn a_name_search_reads_no_asset_holding_only_a_short_word_one_letter_off() {
    let t = Test::new();
    for (id, fields) in [
        ("Names/exact.jpg", json!({"368": ["Vimir Sandnes"]})),
        ("Names/typo.jpg", json!({"368": ["Vimir Sandnas"]})),
        ("Names/initial.jpg", json!({"368": ["V. Sandnas"]})),
        ("Other/short.jpg", json!({"368": ["Imir Sandnes"]})),
        ("Other/letter.jpg", json!({"368": ["X. Sandnes"]})),
        ("Other/apart.jpg", json!({"120": "V. and Sandnes came."})),
    ] {
        t.asset(id, fields);
    }
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let out = t.dsr(["-v", "locate", "--name", "Vimir Sandnes"]).run();
    assert!(
        out.stderr.contains("3 candidate(s) to confirm"),
        "{}",
        out.stderr
    );
    assert_eq!(
        found(&t, &["--name", "Vimir Sandnes"]),
        expect(&[
            ("Names/exact.jpg", "high"),
            ("Names/typo.jpg", "medium"),
            ("Names/initial.jpg", "low"),
        ])
    );
}

/// A name of two words is found only where its words stand together: in one person entry,
/// or side by side in a text. An asset holding one person's given name and another's
/// family name ("Vimir Kvamnes" photographed "Tonja Sandnes") is not even read: at a million
/// assets, such assets were 414 of the 660 read for "Vimir Sandnes". Every way the name is
/// written together is still found, and a searched initial still meets any word with its
/// letter.
#[test]
fn a_name_of_two_words_reads_only_assets_where_they_stand_together() {
    let t = Test::new();
    for (id, fields) in [
        ("Names/byline.jpg", json!({"80": ["Vimir Sandnes"]})),
        (
            "Names/last-first.jpg",
            json!({"368": ["Tonja Kvamnes; Sandnes, Vimir"]}),
        ),
        (
            "Names/caption.jpg",
            json!({"120": "Kari Lie and Vimir Sandnes at the fair."}),
        ),
        (
            "Names/reversed.jpg",
            json!({"120": "Portrait: Sandnes, Vimir."}),
        ),
        ("Names/joined.jpg", json!({"368": ["VimirSandnes"]})),
        ("Names/typo.jpg", json!({"361": "Vimir Sandnas"})),
        ("Names/letter.jpg", json!({"368": ["V. Sandnes"]})),
        (
            "Other/two-people.jpg",
            json!({"80": ["Vimir Kvamnes"], "368": ["Tonja Sandnes"]}),
        ),
        (
            "Other/one-entry-each.jpg",
            json!({"368": ["Vimir Lie; Kari Sandnes"]}),
        ),
        (
            "Other/apart.jpg",
            json!({"120": "Vimir met the Sandnes family."}),
        ),
        (
            "Other/fields.jpg",
            json!({"80": ["Vimir Berg"], "120": "Harbour in Sandnes."}),
        ),
    ] {
        t.asset(id, fields);
    }
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    let out = t.dsr(["-v", "locate", "--name", "Vimir Sandnes"]).run();
    assert!(
        out.stderr.contains("7 candidate(s) to confirm"),
        "{}",
        out.stderr
    );
    assert_eq!(
        found(&t, &["--name", "Vimir Sandnes"]),
        expect(&[
            ("Names/byline.jpg", "high"),
            ("Names/caption.jpg", "medium"),
            ("Names/joined.jpg", "medium"),
            ("Names/last-first.jpg", "high"),
            ("Names/letter.jpg", "low"),
            ("Names/reversed.jpg", "medium"),
            ("Names/typo.jpg", "medium"),
        ])
    );
    // A searched initial: "V." with "Sandnes" in one entry or side by side.
    let out = t.dsr(["-v", "locate", "--name", "V. Sandnes"]).run();
    assert!(
        out.stderr.contains("7 candidate(s) to confirm"),
        "{}",
        out.stderr
    );
}

/// A number searched as the index holds it ("+47 912 34 567" is "+4791234567" with
/// separators) is found without loading the phone library, whose start-up costs a process
/// more than searching a million assets; the answer is the one the library gives.
#[test]
fn a_number_searched_as_indexed_needs_no_phone_library() {
    let t = Test::new();
    for (id, number) in [
        ("Phone/intl.jpg", "+47 912 34 567"),
        ("Phone/compact.jpg", "+4791234567"),
        ("Phone/list.jpg", "+47 22 33 44 55; +47-912-34-567"),
        ("Phone/other.jpg", "+47 912 34 568"),
    ] {
        t.asset(id, json!({ "309": [number] }));
    }
    t.add_tenant("norway", &["--default-region", "NO"]);
    t.sync(&[]);
    let same = expect(&[
        ("Phone/compact.jpg", "high"),
        ("Phone/intl.jpg", "high"),
        ("Phone/list.jpg", "high"),
    ]);
    for form in ["+47 912 34 567", "+4791234567", "+47.912.34.567"] {
        let out = t.dsr(["-vv", "locate", "--phone", form]).run();
        assert!(
            !out.stderr.contains("phone library"),
            "{form} loaded the phone library:\n{}",
            out.stderr
        );
        assert_eq!(found(&t, &["--phone", form]), same, "{form}");
    }
    // Written otherwise, or not in the index as written, the library reads it: same answer.
    for form in ["912 34 567", "0047 912 34 567", "+47 (912) 34 567"] {
        let out = t.dsr(["-vv", "locate", "--phone", form]).run();
        assert!(out.stderr.contains("phone library"), "{form}");
        assert_eq!(found(&t, &["--phone", form]), same, "{form}");
    }
}

/// "+49 (0)30 1234567" writes the trunk zero a caller in Germany dials in brackets: it is
/// the same number as "+49 30 1234567", searched or stored, in a tenant of another country.
#[test]
fn a_trunk_zero_in_brackets_is_the_same_number() {
    let t = Test::new();
    for (id, number) in [
        ("Phone/plain.jpg", "+49 30 1234567"),
        ("Phone/bracketed.jpg", "+49 (0)30 1234567"),
        ("Phone/list.jpg", "+47 22 33 44 55; +49 (0) 30 1234567"),
        ("Phone/other.jpg", "+49 (0)30 1234568"),
    ] {
        t.asset(id, json!({ "309": [number] }));
    }
    t.add_tenant("norway", &["--default-region", "NO"]);
    t.sync(&[]);
    let same = expect(&[
        ("Phone/bracketed.jpg", "high"),
        ("Phone/list.jpg", "high"),
        ("Phone/plain.jpg", "high"),
    ]);
    for form in ["+49 30 1234567", "+49 (0)30 1234567", "0049 (0)30 1234567"] {
        assert_eq!(found(&t, &["--phone", form]), same, "{form}");
    }
}

#[test]
fn logins_are_exact_and_only_in_login_fields() {
    let t = people();
    assert_eq!(
        found(&t, &["--login", "jdoe"]),
        expect(&[
            ("Login/both.jpg", "high"),
            ("Login/login.jpg", "high"),
            ("Login/spaced.jpg", "high")
        ])
    );
    // The same word in a name or text field, or a longer login, is no login match.
    assert_eq!(
        matched_fields(&t, &["--login", "jdoe"], "Login/both.jpg"),
        BTreeSet::from(["360".to_owned()])
    );
    assert_eq!(
        found(&t, &["--login", "jdoe2"]),
        expect(&[("Login/longer.jpg", "high")])
    );
    assert_eq!(found(&t, &["--login", "doe"]), expect(&[]));
}

#[test]
fn mapped_fields_play_their_role() {
    let t = Test::new();
    t.asset(
        "Custom/a.jpg",
        json!({
            "901": ["Jane Doe"],
            "902": ["jane.doe@example.com"],
            "903": ["912 34 567"],
            "904": "jdoe",
        }),
    );
    t.asset("Custom/b.jpg", json!({"361": "Jane Doe"}));
    t.add_tenant("plain", &["--default-region", "NO"]);
    t.add_tenant(
        "mapped",
        &[
            "--default-region",
            "NO",
            "--person-field",
            "901,905",
            "--email-field",
            "902",
            "--phone-field",
            "903",
            "--login-field",
            "904",
            "--text-field",
            "361",
        ],
    );
    t.dsr(["sync", "--tenant", "plain"]).run();
    t.dsr(["sync", "--tenant", "mapped"]).run();

    // asset → field → (rule, confidence) of every match, from one run.
    let rules =
        |tenant: &str, args: &[&str]| -> BTreeMap<String, BTreeMap<String, (String, String)>> {
            t.dsr(["locate", "--tenant", tenant])
                .args(args)
                .hits()
                .iter()
                .map(|h| {
                    let fields = h["matches"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                        .iter()
                        .map(|m| {
                            (
                                text(&m["field"]),
                                (text(&m["rule"]), text(&m["confidence"])),
                            )
                        })
                        .collect();
                    (text(&h["asset"]), fields)
                })
                .collect()
        };
    let pair = |rule: &str, confidence: &str| (rule.to_owned(), confidence.to_owned());
    let everything = [
        "--name",
        "Jane Doe",
        "--email",
        "jane.doe@example.com",
        "--phone",
        "+47 912 34 567",
        "--login",
        "jdoe",
    ];
    let mapped_tenant = rules("mapped", &everything);
    let plain_tenant = rules("plain", &everything);
    let mapped = &mapped_tenant["Custom/a.jpg"];
    assert_eq!(mapped.get("901"), Some(&pair("name", "high")), "{mapped:?}");
    assert_eq!(
        mapped.get("902"),
        Some(&pair("email", "high")),
        "{mapped:?}"
    );
    assert_eq!(
        mapped.get("903"),
        Some(&pair("phone", "high")),
        "{mapped:?}"
    );
    assert_eq!(
        mapped.get("904"),
        Some(&pair("login", "high")),
        "{mapped:?}"
    );
    // 361 mapped as free text: the uploader's name is a phrase there, no longer a person.
    let b = &mapped_tenant["Custom/b.jpg"];
    assert_eq!(b.get("361"), Some(&pair("name-in-text", "medium")), "{b:?}");

    // Unmapped, the same fields are free text: no login match at all, and the number is
    // one written in a text (medium), no longer a phone field's (high).
    let plain = &plain_tenant["Custom/a.jpg"];
    assert_eq!(
        plain.get("901"),
        Some(&pair("name-in-text", "medium")),
        "{plain:?}"
    );
    assert_eq!(
        plain.get("902"),
        Some(&pair("email-in-text", "high")),
        "{plain:?}"
    );
    assert_eq!(
        plain.get("903"),
        Some(&pair("phone-in-text", "medium")),
        "{plain:?}"
    );
    assert_eq!(plain.get("904"), None, "{plain:?}");
    let b = &plain_tenant["Custom/b.jpg"];
    assert_eq!(b.get("361"), Some(&pair("name", "high")), "{b:?}");
}

#[test]
fn changing_the_mapping_rebuilds_the_index() {
    let t = Test::new();
    t.asset("Custom/a.jpg", json!({"904": "jdoe"}));
    t.add_tenant("acme", &[]);
    t.sync(&[]);
    assert_eq!(found(&t, &["--login", "jdoe"]), expect(&[]));
    t.dsr(["tenant", "remove", "acme", "--keep-index"]).run();
    t.add_tenant("acme", &["--login-field", "904"]);
    let report = t.sync(&[]);
    assert_eq!(report["full"], true, "{report}");
    assert!(report["rebuilt_because"].is_string(), "{report}");
    assert_eq!(
        found(&t, &["--login", "jdoe"]),
        expect(&[("Custom/a.jpg", "high")])
    );
}

#[test]
fn min_confidence_filters_matches_and_hits() {
    let t = people();
    let all = found(&t, &["--name", "Jane Doe"]);
    for (level, allowed) in [
        ("low", &["high", "medium", "low"][..]),
        ("medium", &["high", "medium"]),
        ("high", &["high"]),
    ] {
        let hits = found(&t, &["--name", "Jane Doe", "--min-confidence", level]);
        let expected: BTreeMap<String, String> = all
            .iter()
            .filter(|(_, c)| allowed.contains(&c.as_str()))
            .map(|(a, c)| (a.clone(), c.clone()))
            .collect();
        assert_eq!(hits, expected, "--min-confidence {level}");
    }
    // Matches below the level are dropped inside a hit too.
    let hits = t
        .dsr(["locate", "--name", "Jane Doe", "--min-confidence", "high"])
        .hits();
    for m in hits
        .iter()
        .flat_map(|h| h["matches"].as_array().cloned().unwrap_or_default())
    {
        assert_eq!(m["confidence"], "high", "{m}");
    }
    // Nothing at the level asked for is "not found".
    t.dsr(["locate", "J. Doe", "--min-confidence", "medium"])
        .status(1)
        .run();
}

#[test]
fn explain_says_why_for_every_match() {
    let t = people();
    let plain = t.dsr(["locate", "--name", "Jane Doe"]).run().stdout;
    assert!(!plain.contains('↳'), "{plain}");
    let explained = t
        .dsr(["locate", "--name", "Jane Doe", "--explain"])
        .run()
        .stdout;
    let notes: Vec<&str> = explained.lines().filter(|l| l.contains('↳')).collect();
    let rows = plain.lines().count() - 1;
    assert_eq!(notes.len(), rows, "one reason per match\n{explained}");
    for reason in [
        "same name: every word equal after folding case, accents and spelling (high), for name:Jane Doe",
        "all words of the name, but the field's name has more (medium)",
        "matches only through an initial (low)",
        "the whole name is written as a phrase in free text (medium)",
    ] {
        assert!(explained.contains(reason), "no {reason:?} in\n{explained}");
    }
}

/// One person of the sample tenant's README: the values written for them and the assets
/// they appear in.
struct Listed {
    heading: String,
    names: Vec<String>,
    identifiers: Vec<String>,
    assets: BTreeSet<String>,
}

/// Reads the people listed in examples/sample-tenant/README.md, up to "Generic people".
fn sample_people() -> Vec<Listed> {
    let path = repo_root().join("examples/sample-tenant/README.md");
    let readme = std::fs::read_to_string(&path).expect("the sample tenant's README");
    let mut people: Vec<Listed> = Vec::new();
    for line in readme.lines() {
        if line.starts_with("## Generic people") {
            break;
        }
        if let Some(name) = line.strip_prefix("### ") {
            people.push(Listed {
                heading: name.to_owned(),
                names: Vec::new(),
                identifiers: Vec::new(),
                assets: BTreeSet::new(),
            });
        } else if let (Some(person), Some(written)) =
            (people.last_mut(), line.strip_prefix("Written as: "))
        {
            // "Jane Doe" names, `…` identifiers, each maybe followed by a (note).
            person.names = quoted(written, '"');
            person.identifiers = quoted(written, '`');
        } else if let (Some(person), Some(item)) = (people.last_mut(), line.strip_prefix("- `")) {
            let asset = item.split('`').next().unwrap_or_default();
            person.assets.insert(asset.to_owned());
        }
    }
    assert!(people.len() >= 10, "the README lists its people");
    people
}

/// The pieces of `text` between pairs of `quote`.
fn quoted(text: &str, quote: char) -> Vec<String> {
    text.split(quote)
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The `locate` option for an identifier of the README: an e-mail, a phone number or a
/// login.
fn identifier_flag(value: &str) -> &'static str {
    if value.contains('@') {
        "--email"
    } else if value.starts_with('+') || value.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        "--phone"
    } else {
        "--login"
    }
}

#[test]
fn everyone_in_the_sample_tenant_is_found_where_its_readme_says() {
    let t = Test::new();
    t.copy_into_tenant(&repo_root().join("examples/sample-tenant"));
    t.add_tenant("sample", &["--default-region", "NO"]);
    t.sync(&[]);
    for person in sample_people() {
        let mut args: Vec<&str> = Vec::new();
        for name in &person.names {
            args.extend(["--name", name.as_str()]);
        }
        for identifier in &person.identifiers {
            args.extend([identifier_flag(identifier), identifier.as_str()]);
        }
        let hits = found(&t, &args);
        let missing: Vec<&String> = person
            .assets
            .iter()
            .filter(|a| !hits.contains_key(*a))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: not found in {missing:?} ({args:?})",
            person.heading
        );
        let others: Vec<&String> = hits
            .iter()
            .filter(|(a, c)| c.as_str() != "low" && !person.assets.contains(*a))
            .map(|(a, _)| a)
            .collect();
        assert!(
            others.is_empty(),
            "{}: taken for someone else in {others:?} ({args:?})",
            person.heading
        );
    }
}

/// A sidecar holding Jane Doe that does not parse (a trailing comma).
const BROKEN_JANE: &str =
    "{\n  \"metadata\": {\n    \"80\": {\"value\": [\"Jane Doe\"]},\n  }\n}\n";

/// The note of every command that answers from the index while one asset is unreadable.
const ONE_NOT_SEARCHED: &str = "1 asset could not be read at the last sync and was not searched";

/// A tenant where Jane Doe is in one readable asset and in one whose sidecar is broken.
fn with_a_broken_sidecar() -> Test {
    let t = Test::new();
    t.asset("Staff/good.jpg", json!({"80": ["Jane Doe"]}));
    t.write("Staff/broken.jpg", b"image");
    t.write("Staff/broken.jpg.json", BROKEN_JANE.as_bytes());
    t.add_tenant("acme", &[]);
    t.dsr(["sync"]).status(3).run();
    t
}

#[test]
fn locate_says_what_it_could_not_search_until_it_is_fixed() {
    let t = with_a_broken_sidecar();
    const JANE: [&str; 3] = ["locate", "--name", "Jane Doe"];

    // For people: a note on stderr, the assets named with --explain, and exit 3: the
    // answer is partial.
    let table = t.dsr(JANE).status(3).run();
    assert!(table.stdout.contains("Staff/good.jpg"), "{}", table.dump());
    assert!(
        table
            .stderr
            .contains(&format!("dsr: note: {ONE_NOT_SEARCHED}"))
            && table.stderr.contains("dsr sync")
            && table.stderr.contains("--explain"),
        "{}",
        table.dump()
    );
    assert!(
        !table.stderr.contains("Staff/broken.jpg"),
        "named only with --explain\n{}",
        table.dump()
    );
    let explained = t.dsr(JANE).arg("--explain").status(3).run();
    assert!(
        explained.stderr.contains("Staff/broken.jpg"),
        "{}",
        explained.dump()
    );

    // JSON: the hits and the assets not searched, in one document.
    let json = t.dsr(JANE).args(["-o", "json"]).status(3).run().json();
    assert_eq!(json["unreadable"], json!(["Staff/broken.jpg"]), "{json}");
    let hits: Vec<&Value> = json["hits"].as_array().expect("hits").iter().collect();
    assert_eq!(hits.len(), 1, "{json}");
    assert_eq!(hits[0]["asset"], "Staff/good.jpg");

    // JSON lines and CSV keep one hit (one match) per line; the note is on stderr.
    let jsonl = t.dsr(JANE).args(["-o", "jsonl"]).status(3).run();
    let lines = jsonl.jsonl();
    assert_eq!(lines.len(), 1, "{}", jsonl.dump());
    assert_eq!(lines[0]["asset"], "Staff/good.jpg");
    assert!(jsonl.stderr.contains(ONE_NOT_SEARCHED), "{}", jsonl.dump());
    let csv = t.dsr(JANE).args(["-o", "csv"]).status(3).run();
    let rows = csv.csv();
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r["asset"] == "Staff/good.jpg"),
        "{}",
        csv.dump()
    );
    assert!(csv.stderr.contains(ONE_NOT_SEARCHED), "{}", csv.dump());

    // Found nowhere that was searched is not "found nowhere": still partial, not 1.
    t.dsr(["locate", "--name", "Kari Nordmann"]).status(3).run();

    // Fixed and synced: found there too, and nothing to note.
    t.asset("Staff/broken.jpg", json!({"80": ["Jane Doe"]}));
    t.sync(&[]);
    let out = t.dsr(JANE).run();
    assert!(!out.stderr.contains("could not be read"), "{}", out.dump());
    let json = t.dsr(JANE).args(["-o", "json"]).run().json();
    assert_eq!(json["unreadable"], json!([]), "{json}");
    assert_eq!(t.dsr(JANE).hits().len(), 2);
    t.dsr(["locate", "--name", "Kari Nordmann"]).status(1).run();
}

#[test]
fn every_command_that_answers_from_the_index_says_what_it_could_not_search() {
    let t = with_a_broken_sidecar();
    let has_note = |out: &crate::support::Output| {
        assert!(out.stderr.contains(ONE_NOT_SEARCHED), "{}", out.dump());
    };
    // The case is opened (exit 0): its matches are what could be searched.
    let open = t
        .dsr(["case", "open", "--right", "erasure", "--name", "Jane Doe"])
        .run();
    has_note(&open);
    let case = open.stdout.trim().to_owned();
    let first = t.dsr(["case", "show", &case, "-o", "json"]).run().json()["matches"][0]["asset"]
        .as_str()
        .expect("a match")
        .to_owned();
    has_note(&t.dsr(["case", "review", &case, "--include", &first]).run());
    let show = t.dsr(["case", "show", &case]).run();
    has_note(&show);
    let shown = t.dsr(["case", "show", &case, "-o", "json"]).run().json();
    assert_eq!(shown["unreadable"], json!(["Staff/broken.jpg"]), "{shown}");

    // An erasure's plan says so, and its receipt records the asset as not searched.
    has_note(&t.dsr(["erase", &case, "--dry-run"]).any_status().run());
    let erased = t.dsr(["erase", &case, "--yes"]).any_status().run();
    has_note(&erased);
    let receipts = t
        .tenant_data("acme")
        .join("cases")
        .join(&case)
        .join("receipts");
    let receipt: Value = std::fs::read_dir(&receipts)
        .expect("a receipts folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("receipt.json"))
        .find(|p| p.exists())
        .map(|p| serde_json::from_slice(&std::fs::read(p).expect("receipt")).expect("JSON"))
        .expect("the erasure's receipt");
    let records = receipt["assets"].as_array().expect("per-asset records");
    assert!(
        records
            .iter()
            .any(|r| r["asset"] == "Staff/broken.jpg" && r["outcome"] == "not-searched"),
        "{receipt}"
    );
}
