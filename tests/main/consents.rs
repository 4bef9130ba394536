//! Assets' consent statuses (`--records consents`): the consent FotoWeb's consent
//! management records for an image that shows her is found beside the image, shown in the
//! access package as a consent she gave, and reflected by an erasure: it goes with the
//! image, or stops naming her once her name leaves the people shown, each read back and
//! named in the receipt.

use serde_json::{Value, json};

use crate::support::Test;
use crate::support::{found, per_record};
use crate::tenants::{JANE, Kind, Tenant};

/// An image of her alone, and its consent status.
const ALONE: &str = "Staff/jane.png";
const ALONE_CONSENT: &str = "Staff/jane.png/consent";
/// An image of her with Ola, and its consent status.
const GROUP: &str = "Staff/group.png";
const GROUP_CONSENT: &str = "Staff/group.png/consent";
/// An image of Kari alone: not hers.
const KARIS_CONSENT: &str = "Staff/kari.png/consent";

/// Writes an asset whose sidecar carries a consent status.
fn asset_with_consent(t: &Test, id: &str, shown: &[&str], state: &str, approved: &[(&str, &str)]) {
    let approved: Vec<Value> = approved
        .iter()
        .map(|(key, title)| json!({"key": key, "title": title}))
        .collect();
    let sidecar = json!({
        "modified": "2024-03-02T11:00:00Z",
        "metadata": { "368": { "value": shown }, "5": { "value": "Staff portrait" } },
        "consentStatus": {
            "assetConsentState": state,
            "approvedConsents": approved,
            "declinedConsents": [{"key": "C3", "title": "Print advertising"}],
            "ConsentFlags": ["None"],
            "consentFormCount": shown.len(),
            "countByConsentFormState": [{"consentFormState": "Signed", "consentFormCount": shown.len()}],
        },
    });
    t.write(
        &format!("{id}.json"),
        serde_json::to_string_pretty(&sidecar)
            .expect("JSON")
            .as_bytes(),
    );
    t.write(id, b"not really an image");
}

fn tenant() -> Tenant {
    let t = Test::new();
    asset_with_consent(
        &t,
        ALONE,
        &["Jane Doe"],
        "FullConsent",
        &[("C1", "Social media")],
    );
    asset_with_consent(
        &t,
        GROUP,
        &["Jane Doe", "Ola Nordmann"],
        "PartialConsent",
        &[("C2", "Intranet")],
    );
    asset_with_consent(&t, "Staff/kari.png", &["Kari Nordmann"], "FullConsent", &[]);
    Tenant::new(t, Kind::Fotoweb, &["--records", "consents"], |_| {})
}

#[test]
fn locate_finds_the_consent_status_of_images_that_show_her() {
    let tenant = tenant();
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    let found = found(&hits);
    assert_eq!(
        found.get(ALONE_CONSENT).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert_eq!(
        found.get(GROUP_CONSENT).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert!(found.contains_key(ALONE), "{hits:#?}");
    assert!(!found.contains_key(KARIS_CONSENT), "{hits:#?}");
}

#[test]
fn the_access_package_shows_the_consents_she_gave() {
    let tenant = tenant();
    tenant.t.fill_ropa("acme");
    let case = tenant.open_case("access", JANE);
    let out = tenant.t.path("package");
    tenant.dsr(["access", &case, "--out"]).arg(&out).run();
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    let section = html
        .find("<h2>Consents you gave</h2>")
        .expect("a section for her consents");
    let rest = &html[section..];
    assert!(rest.contains("C1: Social media"), "{html}");
    assert!(rest.contains("C2: Intranet"), "{html}");
    assert!(rest.contains("FullConsent"), "{html}");
    assert!(!html.contains("Kari Nordmann"), "{html}");
}

#[test]
fn erasure_reflects_her_consent_read_back_after_the_images_and_locate_agrees() {
    let tenant = tenant();
    let case = tenant.open_case("erasure", JANE);
    // 3: the group image stays and still shows her, a person's to finish.
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(3)
        .run()
        .json();
    let planned = per_record(&done["plan"]["steps"], "action");
    assert_eq!(planned[ALONE], "delete", "{done:#}");
    assert_eq!(planned[GROUP], "scrub", "{done:#}");
    assert_eq!(planned[ALONE_CONSENT], "clean", "{done:#}");
    assert_eq!(planned[GROUP_CONSENT], "clean", "{done:#}");
    let reasons = per_record(&done["plan"]["steps"], "reason");
    assert!(
        reasons[GROUP_CONSENT].contains("consent management"),
        "{done:#}"
    );

    let details = per_record(&done["report"]["steps"], "detail");
    assert!(
        details[ALONE_CONSENT].contains("read back: the asset no longer exists"),
        "{done:#}"
    );
    assert!(
        details[GROUP_CONSENT].contains("read back: no field holds the subject"),
        "{done:#}"
    );
    assert!(
        details[GROUP_CONSENT].contains("revoke it in the platform's consent management"),
        "{done:#}"
    );
    assert!(
        !reasons[ALONE_CONSENT].contains("consent management"),
        "{done:#}"
    );
    // Her consent on the image that goes is clean; on the image that stays it is left,
    // like the image, for a person: her signed form is still linked to it.
    let receipt = tenant.t.latest_receipt(&case);
    let said = per_record(&receipt["assets"], "outcome");
    assert_eq!(said[ALONE_CONSENT], "clean", "{receipt:#}");
    assert_eq!(
        said[GROUP_CONSENT], "image-still-shows-subject",
        "{receipt:#}"
    );
    assert_eq!(said[ALONE], "deleted", "{receipt:#}");
    assert_eq!(said[GROUP], "image-still-shows-subject", "{receipt:#}");

    tenant.dsr(["sync"]).run();
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    assert_eq!(hits, Vec::<Value>::new(), "locate finds her nowhere");
    // The group image keeps its consent status, now naming Ola only.
    let hits = tenant.dsr(["locate", "--name", "Ola Nordmann"]).hits();
    assert!(found(&hits).contains_key(GROUP_CONSENT), "{hits:#?}");
}

#[test]
fn the_portable_zip_holds_the_consents_she_gave() {
    let tenant = tenant();
    let case = tenant.open_case("portability", JANE);
    let zip = tenant.t.path("portable.zip");
    tenant.dsr(["portability", &case, "--out"]).arg(&zip).run();
    let entries = crate::access::unzip_entries(&zip);
    let metadata = String::from_utf8(
        entries
            .get("metadata.json")
            .unwrap_or_else(|| panic!("metadata.json: {:?}", entries.keys()))
            .clone(),
    )
    .expect("UTF-8");
    assert!(metadata.contains(ALONE_CONSENT), "{metadata}");
    assert!(metadata.contains("C1: Social media"), "{metadata}");
    assert!(!metadata.contains(KARIS_CONSENT), "{metadata}");
}

#[test]
fn the_consent_of_an_image_under_a_legal_hold_is_withheld_with_it() {
    let t = Test::new();
    asset_with_consent(
        &t,
        "Legal/jane.png",
        &["Jane Doe"],
        "FullConsent",
        &[("C1", "Social media")],
    );
    let tenant = Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "consents", "--legal-hold-archive", "Legal"],
        |_| {},
    );
    let case = tenant.open_case("erasure", JANE);
    let done = tenant
        .dsr(["erase", &case, "--yes", "-o", "json"])
        .status(4)
        .run()
        .json();
    let outcomes = per_record(&done["report"]["steps"], "outcome");
    assert_eq!(outcomes["Legal/jane.png"], "withheld", "{done:#}");
    assert_eq!(outcomes["Legal/jane.png/consent"], "withheld", "{done:#}");
}
