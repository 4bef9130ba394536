//! `dsr rectify`: a name and an e-mail corrected where they stand, and nothing else, on both
//! platforms, read back and found in the index under the new value; a field set; refusals.

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{Kind, Tenant};

fn jane_assets(t: &Test) {
    t.asset(
        "Press/byline.png",
        json!({"80": ["Jane Doe"], "308": ["jane.doe@example.com"], "5": "Harbour at dawn"}),
    );
    t.asset(
        "Staff/shared.png",
        json!({
            "368": ["Jane Doe", "Ola Nordmann"],
            "120": "Jane Doe presents the budget with Ola Nordmann. Write to jane.doe@example.com.",
        }),
    );
    t.asset(
        "Staff/ola.png",
        json!({"368": ["Ola Nordmann"], "308": ["ola.nordmann@example.com"]}),
    );
}

fn assets(hits: &[Value]) -> Vec<&str> {
    hits.iter().filter_map(|h| h["asset"].as_str()).collect()
}

fn corrects_a_name_and_an_email(kind: Kind) {
    let t = Test::new();
    jane_assets(&t);
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let ola = tenant.metadata("Staff/ola.png");
    let case = tenant.open_case(
        "rectification",
        &["--name", "Jane Doe", "--email", "jane.doe@example.com"],
    );

    let name = tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "Jane Doe",
            "--with",
            "Jane Roe",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .json();
    let steps = name["report"]["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 2, "{name:#}");
    assert!(
        steps
            .iter()
            .all(|s| s["action"] == "rectify" && s["outcome"] == "verified"),
        "{name:#}"
    );
    tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "jane.doe@example.com",
            "--with",
            "jane.roe@example.com",
            "--yes",
        ])
        .run();

    let byline = tenant.metadata("Press/byline.png").expect("kept");
    assert_eq!(byline["80"], json!(["Jane Roe"]));
    assert_eq!(byline["308"], json!(["jane.roe@example.com"]));
    assert_eq!(byline["5"], json!("Harbour at dawn"));
    let shared = tenant.metadata("Staff/shared.png").expect("kept");
    assert_eq!(shared["368"], json!(["Jane Roe", "Ola Nordmann"]));
    assert_eq!(
        shared["120"],
        json!("Jane Roe presents the budget with Ola Nordmann. Write to jane.roe@example.com.")
    );
    assert_eq!(tenant.metadata("Staff/ola.png"), ola, "not hers: untouched");

    // The index was refreshed from what was read back.
    let old = tenant
        .dsr([
            "locate",
            "--name",
            "Jane Doe",
            "--email",
            "jane.doe@example.com",
        ])
        .hits();
    assert_eq!(old, Vec::<Value>::new());
    let new = tenant
        .dsr([
            "locate",
            "--name",
            "Jane Roe",
            "--email",
            "jane.roe@example.com",
        ])
        .hits();
    assert_eq!(assets(&new), ["Press/byline.png", "Staff/shared.png"]);

    // The case knows no phone number of hers, so no phone field holds her value: --set
    // alone changes nothing, and --add puts the number in, as a list (FotoWeb's 309 is one).
    tenant
        .dsr(["rectify", &case, "--set", "309=+47 99 88 77 66", "--yes"])
        .run();
    for id in ["Press/byline.png", "Staff/shared.png"] {
        assert!(
            !tenant.metadata(id).expect("kept").contains_key("309"),
            "{id}"
        );
    }
    tenant
        .dsr([
            "rectify",
            &case,
            "--set",
            "309=+47 99 88 77 66",
            "--add",
            "--yes",
        ])
        .run();
    for id in ["Press/byline.png", "Staff/shared.png"] {
        assert_eq!(
            tenant.metadata(id).expect("kept")["309"],
            json!(["+47 99 88 77 66"]),
            "{id}"
        );
    }
    // The shown field holds the corrected name already, beside Ola Nordmann: done, and not
    // "someone else's value".
    let out = tenant
        .dsr([
            "rectify",
            &case,
            "--set",
            "368=Jane Roe",
            "--yes",
            "-o",
            "json",
        ])
        .run()
        .json();
    let shared = step_of(&out["report"]["steps"], "Staff/shared.png");
    assert_eq!(shared["outcome"], "clean", "{out:#}");
    let shared = tenant.metadata("Staff/shared.png").expect("kept");
    assert_eq!(shared["368"], json!(["Jane Roe", "Ola Nordmann"]));
    assert_eq!(tenant.metadata("Staff/ola.png"), ola, "not hers: untouched");
}

/// The step of one asset in a plan's or report's list of steps.
fn step_of<'v>(steps: &'v Value, asset: &str) -> &'v Value {
    steps
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["asset"] == asset)
        .unwrap_or_else(|| panic!("no step for {asset} in {steps:#}"))
}

/// `--set` corrects a field where it holds the subject's value and nowhere else: her entry
/// replaced and the others kept, a list still a list and a single value still single; a
/// group photo without the field gets nothing; an asset holding the corrected value is
/// done. `--add` then adds it, explicitly, where it is missing. The dry run says which.
fn set_corrects_only_where_the_subject_is(kind: Kind) {
    let t = Test::new();
    t.asset(
        "Press/contact.png",
        json!({"80": ["Jane Doe"], "309": ["+47 912 34 567", "+47 22 33 44 55"]}),
    );
    t.asset(
        "Press/single.png",
        json!({"80": ["Jane Doe"], "309": "912 34 567"}),
    );
    t.asset(
        "Press/corrected.png",
        json!({"80": ["Jane Doe"], "309": ["+47 913 45 678"]}),
    );
    t.asset(
        "Staff/group.png",
        json!({"368": ["Jane Doe", "Ola Nordmann"], "5": "Team day"}),
    );
    t.asset(
        "Staff/ola.png",
        json!({"368": ["Ola Nordmann"], "309": ["+47 22 33 44 55"]}),
    );
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let before = tenant.everything();
    let case = tenant.open_case(
        "rectification",
        &["--name", "Jane Doe", "--phone", "+47 912 34 567"],
    );
    let set = ["rectify", &case, "--set", "309=+47 913 45 678"];

    let dry = tenant
        .dsr(set)
        .args(["--dry-run", "-o", "json"])
        .run()
        .json();
    let planned = |asset: &str| {
        let step = step_of(&dry["plan"]["steps"], asset);
        (
            step["action"].as_str().unwrap_or_default().to_owned(),
            step["reason"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let replace = ("rectify".to_owned(), "replace in field 309".to_owned());
    assert_eq!(planned("Press/contact.png"), replace, "{dry:#}");
    assert_eq!(planned("Press/single.png"), replace, "{dry:#}");
    assert_eq!(
        planned("Press/corrected.png"),
        (
            "clean".to_owned(),
            "field 309 holds the corrected value already".to_owned()
        )
    );
    assert_eq!(
        planned("Staff/group.png"),
        (
            "clean".to_owned(),
            "field 309 does not hold the subject's value (--add adds it)".to_owned()
        )
    );
    let table = tenant.dsr(set).arg("--dry-run").run();
    assert!(
        table.stdout.contains("replace in field 309")
            && table.stdout.contains("holds the corrected value already"),
        "{}",
        table.dump()
    );
    assert_eq!(tenant.everything(), before, "a dry run changes nothing");

    let done = tenant.dsr(set).args(["--yes", "-o", "json"]).run().json();
    let outcome = |asset: &str| step_of(&done["report"]["steps"], asset)["outcome"].clone();
    assert_eq!(outcome("Press/contact.png"), "verified", "{done:#}");
    assert_eq!(outcome("Press/corrected.png"), "clean", "{done:#}");
    assert_eq!(outcome("Staff/group.png"), "clean", "{done:#}");
    let now = |id: &str| tenant.metadata(id).expect("kept");
    assert_eq!(
        now("Press/contact.png")["309"],
        json!(["+47 913 45 678", "+47 22 33 44 55"])
    );
    // FotoWeb holds 309 as a list whatever was sent; a sidecar keeps the string it had.
    let single = match kind {
        Kind::Dir | Kind::Objects | Kind::S3 | Kind::S3Versioned | Kind::Azure => {
            json!("+47 913 45 678")
        }
        Kind::Fotoweb => json!(["+47 913 45 678"]),
    };
    assert_eq!(now("Press/single.png")["309"], single);
    assert_eq!(
        Some(now("Press/corrected.png")),
        before.get("Press/corrected.png").cloned()
    );
    assert_eq!(
        Some(now("Staff/group.png")),
        before.get("Staff/group.png").cloned(),
        "a group photo without a phone field gets none"
    );

    let dry = tenant
        .dsr(set)
        .args(["--add", "--dry-run", "-o", "json"])
        .run()
        .json();
    let group = step_of(&dry["plan"]["steps"], "Staff/group.png");
    assert_eq!(
        (&group["action"], &group["reason"]),
        (&json!("rectify"), &json!("add to field 309")),
        "{dry:#}"
    );
    tenant.dsr(set).args(["--add", "--yes"]).run();
    assert_eq!(now("Staff/group.png")["309"], json!(["+47 913 45 678"]));
    assert_eq!(
        now("Press/contact.png")["309"],
        json!(["+47 913 45 678", "+47 22 33 44 55"]),
        "not added twice"
    );
    assert_eq!(
        Some(now("Staff/ola.png")),
        before.get("Staff/ola.png").cloned(),
        "not in her reviewed set"
    );
}

#[test]
fn set_corrects_only_where_the_subject_is_on_dir() {
    set_corrects_only_where_the_subject_is(Kind::Dir);
}

#[test]
fn set_corrects_only_where_the_subject_is_through_fotoweb() {
    set_corrects_only_where_the_subject_is(Kind::Fotoweb);
}

/// Where `--set` cannot correct the subject's value (FotoWeb does not let dsr write the
/// uploader's login), the run says so, and its count of assets still holding the subject's
/// value comes from a locate after the run, not from what it planned.
#[test]
fn set_reports_what_a_locate_still_finds() {
    let t = Test::new();
    t.asset(
        "Staff/upload.png",
        json!({"80": ["Jane Doe"], "360": "jdoe"}),
    );
    t.asset(
        "Staff/other.png",
        json!({"80": ["Jane Doe"], "360": "olan"}),
    );
    let tenant = Tenant::new(t, Kind::Fotoweb, &[], |_| {});
    let case = tenant.open_case("rectification", &["--name", "Jane Doe", "--login", "jdoe"]);
    let out = tenant
        .dsr(["rectify", &case, "--set", "360=jroe", "--yes", "-o", "json"])
        .status(3)
        .run();
    let report = &out.json()["report"];
    assert_eq!(
        report["remaining"],
        json!(["Staff/upload.png"]),
        "{report:#}"
    );
    assert_eq!(
        step_of(&report["steps"], "Staff/other.png")["outcome"],
        "clean",
        "{report:#}"
    );
    assert_eq!(
        tenant.metadata("Staff/upload.png").expect("kept")["360"],
        json!("jdoe")
    );
}

/// A value that is not of the field's kind, or --add with nothing to add, is refused before
/// the platform is touched, without repeating the value.
#[test]
fn set_refuses_a_value_that_does_not_fit_its_field() {
    let t = Test::new();
    jane_assets(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let before = tenant.everything();
    let case = tenant.open_case("rectification", &["--name", "Jane Doe"]);
    let error = tenant
        .dsr(["rectify", &case, "--set", "309=call Jane", "--yes"])
        .status(2)
        .run()
        .error();
    assert!(error.contains("field 309 is not a valid phone"), "{error}");
    assert!(!error.contains("Jane"), "{error}");
    let error = tenant
        .dsr(["rectify", &case, "--set", "309=", "--add", "--yes"])
        .status(2)
        .run()
        .error();
    assert!(error.contains("--add needs a value"), "{error}");
    assert_eq!(tenant.everything(), before, "nothing changed");
}

#[test]
fn corrects_a_name_and_an_email_on_dir() {
    corrects_a_name_and_an_email(Kind::Dir);
}

#[test]
fn corrects_a_name_and_an_email_in_an_object_store() {
    corrects_a_name_and_an_email(Kind::Objects);
}

#[test]
fn corrects_a_name_and_an_email_through_fotoweb() {
    corrects_a_name_and_an_email(Kind::Fotoweb);
}

#[test]
fn rectify_refuses_without_yes_and_for_a_case_of_another_right() {
    let t = Test::new();
    jane_assets(&t);
    let tenant = Tenant::new(t, Kind::Dir, &[], |_| {});
    let before = tenant.everything();
    let case = tenant.open_case("rectification", &["--name", "Jane Doe"]);

    let refused = tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "Jane Doe",
            "--with",
            "Jane Roe",
        ])
        .status(4)
        .run();
    assert!(
        refused.stderr.contains("dsr: refused:") && refused.stdout.contains("Plan SHA-256"),
        "{}",
        refused.dump()
    );
    let dry = tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "Jane Doe",
            "--with",
            "Jane Roe",
            "--dry-run",
            "-o",
            "json",
        ])
        .run()
        .json();
    assert_eq!(dry["applied"], false);
    assert_eq!(dry["plan"]["intent"]["operation"], "rectification");
    assert_eq!(tenant.everything(), before, "nothing changed");

    let erasure = tenant.open_case("erasure", &["--name", "Jane Doe"]);
    let wrong = tenant
        .dsr([
            "rectify",
            &erasure,
            "--replace",
            "Jane Doe",
            "--with",
            "Jane Roe",
            "--yes",
        ])
        .status(2)
        .run();
    assert!(
        wrong.error().contains("not rectification"),
        "{}",
        wrong.dump()
    );
    let bad = tenant
        .dsr([
            "rectify",
            &case,
            "--replace",
            "jane.doe@example.com",
            "--with",
            "Jane Roe",
            "--yes",
        ])
        .status(2)
        .run();
    let error = bad.error();
    assert!(error.contains("not a valid email"), "{}", bad.dump());
    assert!(!error.contains("Jane Roe"), "values stay out of errors");
    let _ = tenant
        .dsr(["rectify", &case, "--resume", "--yes"])
        .status(2)
        .run();
    assert_eq!(tenant.everything(), before, "nothing changed");
}
