//! Records that are not files in the `dir` layout: a tenant folder — or a copy of one in
//! object storage (`objects`, over a `file://` folder or an S3 bucket) — keeps user
//! accounts, comments, albums, shares and orders as `.records/<record id>.json` (and an
//! asset's consent status in its sidecar), indexed like FotoWeb's, so the record erasure
//! policy works unchanged: her account and her comments deleted, a comment naming her
//! scrubbed, her order withheld, and a fresh locate agreeing with the receipt. The same
//! scenario runs on each platform.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::support::Test;
use crate::support::found;
use crate::tenants::{JANE, Kind, S3_PREFIX, Tenant};

const ACCOUNT: &str = "users/42";
const OLAS_ACCOUNT: &str = "users/43";
const HER_COMMENT: &str = "Staff/shared.png/comments/1";
const MENTION: &str = "Staff/shared.png/comments/2";
const ORDER: &str = "orders/7";
const CONSENT: &str = "Staff/shared.png/consent";
const ALBUM: &str = "albums/9";
const SHARE: &str = "albums/9/shares/1";

/// Writes record `id` as `.records/<id>.json` with `fields` wrapped like a sidecar's.
fn record(t: &Test, id: &str, fields: Value) {
    let Value::Object(fields) = fields else {
        panic!("the fields of {id} must be a JSON object");
    };
    let metadata: serde_json::Map<String, Value> = fields
        .into_iter()
        .map(|(field, value)| (field, json!({ "value": value })))
        .collect();
    let text = serde_json::to_string_pretty(&json!({
        "modified": "2024-03-02T11:00:00Z",
        "metadata": metadata,
    }))
    .expect("JSON");
    t.write(&format!(".records/{id}.json"), text.as_bytes());
}

/// Gives the sidecar of `id` (written by `Test::asset`) a consent status.
fn with_consent(t: &Test, id: &str) {
    let sidecar = t.tenant_dir().join(format!("{id}.json"));
    let mut json: Value =
        serde_json::from_slice(&std::fs::read(&sidecar).expect("the sidecar")).expect("JSON");
    json["consentStatus"] = json!({
        "assetConsentState": "FullConsent",
        "approvedConsents": [{"key": "C1", "title": "Intranet"}],
        "declinedConsents": [],
        "countByConsentFormState": [{"consentFormState": "Signed", "consentFormCount": 2}],
    });
    std::fs::write(&sidecar, serde_json::to_vec_pretty(&json).expect("JSON")).expect("written");
}

/// A group photo with its consent status, her account and Ola's, her comment and Ola's
/// that names her, her album with its share, and her order, on `kind`, synced.
fn tenant(kind: Kind) -> Tenant {
    let t = Test::new();
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Jane Doe", "Ola Nordmann"], "5": "Board meeting"}),
    );
    with_consent(&t, "Staff/shared.png");
    record(
        &t,
        ACCOUNT,
        json!({"user.username": "jdoe", "user.fullName": "Jane Doe",
               "user.email": "jane.doe@example.com", "user.enabled": "true"}),
    );
    record(
        &t,
        OLAS_ACCOUNT,
        json!({"user.username": "onordmann", "user.fullName": "Ola Nordmann",
               "user.email": "ola.nordmann@example.com", "user.enabled": "true"}),
    );
    record(
        &t,
        HER_COMMENT,
        json!({"comment.owner": "Jane Doe", "comment.text": "Please crop me out of this one."}),
    );
    record(
        &t,
        MENTION,
        json!({"comment.owner": "Ola Nordmann", "comment.text": "Ask Jane Doe before it goes out."}),
    );
    record(
        &t,
        ORDER,
        json!({"order.username": "jdoe", "order.name": "Jane Doe",
               "order.email": "jane.doe@example.com", "order.reference": "ORD-7",
               "order.state": "approved", "order.items": ["Staff/shared.png"]}),
    );
    // Her album, kept beside the folder of its shares.
    record(
        &t,
        ALBUM,
        json!({"album.owner": "jdoe", "album.ownerName": "Jane Doe", "album.name": "Board photos"}),
    );
    record(
        &t,
        SHARE,
        json!({"share.email": "jane.doe@example.com", "share.album": "Board photos"}),
    );
    Tenant::new(t, kind, &[], |_| {})
}

fn per_asset(steps: &Value, key: &str) -> BTreeMap<String, String> {
    steps
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["asset"].as_str().expect("an id").to_owned(),
                s[key].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The JSON a record is kept in, as stored; `None` once gone.
fn kept(tenant: &Tenant, id: &str) -> Option<String> {
    let bytes = tenant.stored(&format!(".records/{id}.json"))?;
    Some(String::from_utf8(bytes).expect("a record is text"))
}

fn her_records_located(kind: Kind) {
    let tenant = tenant(kind);
    // A sync with nothing changed keeps the consent status, though it is never listed: it
    // comes with its asset, which was not read again.
    tenant.dsr(["sync"]).run();
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    let found = found(&hits);
    for (id, confidence) in [
        (ACCOUNT, "high"),
        (HER_COMMENT, "high"),
        (ORDER, "high"),
        (CONSENT, "high"),
    ] {
        assert_eq!(
            found.get(id).map(String::as_str),
            Some(confidence),
            "{id}: {hits:#?}"
        );
    }
    assert!(found.contains_key(MENTION), "{hits:#?}");
    assert!(!found.contains_key(OLAS_ACCOUNT), "{hits:#?}");
    // Indexed as records of their kind, not as files of a hidden archive.
    let archives: BTreeMap<String, String> = hits
        .iter()
        .map(|h| {
            (
                h["asset"].as_str().unwrap_or_default().to_owned(),
                h["archive"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        archives.get(ACCOUNT).map(String::as_str),
        Some("users"),
        "{hits:#?}"
    );
    assert_eq!(
        archives.get(ORDER).map(String::as_str),
        Some("orders"),
        "{hits:#?}"
    );
}

#[test]
fn locate_finds_her_account_comments_order_and_consent_in_a_tenant_folder() {
    her_records_located(Kind::Dir);
}

#[test]
fn locate_finds_her_account_comments_order_and_consent_in_an_object_store() {
    her_records_located(Kind::Objects);
}

#[test]
fn locate_finds_her_account_comments_order_and_consent_in_an_s3_bucket() {
    if crate::s3server::missing() {
        return;
    }
    her_records_located(Kind::S3);
}

#[test]
fn locate_finds_her_account_comments_order_and_consent_in_an_azure_container() {
    if crate::azurite::missing() {
        return;
    }
    her_records_located(Kind::Azure);
}

/// A consent status taken out of its sidecar leaves the index at the next sync, and the
/// others stay. A `dir` sync settles an asset read without one only once the known versions
/// it walks beside the listing have passed where its consent's id sorts: `Staff/a.png`'s
/// comes after the folder `Staff/a.png.d/` read next (`.` sorts before `/`), the last
/// asset's (`Zeta/z.png`) after the end of the walk.
fn consent_taken_out(kind: Kind) {
    let t = Test::new();
    for id in [
        "Staff/a.png",
        "Staff/a.png.d/c.png",
        "Staff/b.png",
        "Zeta/z.png",
    ] {
        t.asset(id, json!({"368": ["Jane Doe"], "5": "Board meeting"}));
        with_consent(&t, id);
    }
    let tenant = Tenant::new(t, kind, &[], |_| {});
    let consents = |tenant: &Tenant| -> Vec<String> {
        let hits = tenant.dsr(["locate"]).args(JANE).hits();
        found(&hits)
            .into_keys()
            .filter(|id| id.ends_with("/consent"))
            .collect()
    };
    assert_eq!(
        consents(&tenant),
        [
            "Staff/a.png.d/c.png/consent",
            "Staff/a.png/consent",
            "Staff/b.png/consent",
            "Zeta/z.png/consent"
        ]
    );
    for id in ["Staff/a.png", "Zeta/z.png"] {
        // Written again without its consent status (and a caption of another length, so
        // that every platform's version marker changes).
        tenant
            .t
            .asset(id, json!({"368": ["Jane Doe"], "5": "Board meeting, 2024"}));
        tenant.copy_sidecar_to_store(id);
    }
    let report = tenant.dsr(["sync", "-o", "json"]).run().json();
    assert_eq!(report["removed"], 2, "{report:#}");
    assert_eq!(
        consents(&tenant),
        ["Staff/a.png.d/c.png/consent", "Staff/b.png/consent"]
    );
}

#[test]
fn a_consent_status_taken_out_of_its_sidecar_leaves_the_index_in_a_tenant_folder() {
    consent_taken_out(Kind::Dir);
}

#[test]
fn a_consent_status_taken_out_of_its_sidecar_leaves_the_index_in_an_object_store() {
    consent_taken_out(Kind::Objects);
}

fn her_records_erased(kind: Kind) {
    let tenant = tenant(kind);
    let case = tenant.open_case("erasure", JANE);
    // The comment naming her is a medium match: a person puts it in.
    tenant
        .dsr(["case", "review", &case, "--include", MENTION])
        .run();
    // 4: done but for what a legal hold kept back.
    let done = tenant
        .dsr([
            "erase",
            &case,
            "--yes",
            "-o",
            "json",
            "--shown-with-others",
            "keep",
            "--reason",
            "the group photo stays",
        ])
        .status(4)
        .run()
        .json();
    let planned = per_asset(&done["plan"]["steps"], "action");
    assert_eq!(planned[ACCOUNT], "delete", "{done:#}");
    assert_eq!(planned[HER_COMMENT], "delete", "{done:#}");
    assert_eq!(planned[MENTION], "scrub", "{done:#}");
    assert_eq!(planned[ORDER], "withheld", "{done:#}");
    assert_eq!(planned[ALBUM], "delete", "{done:#}");
    assert_eq!(planned[SHARE], "delete", "{done:#}");

    assert_eq!(kept(&tenant, ACCOUNT), None, "her account is deleted");
    assert_eq!(kept(&tenant, HER_COMMENT), None);
    assert!(kept(&tenant, OLAS_ACCOUNT).is_some(), "Ola's stays");
    assert_eq!(kept(&tenant, ALBUM), None, "her album is deleted");
    assert_eq!(kept(&tenant, SHARE), None, "the share is removed");
    let mention = kept(&tenant, MENTION).expect("the mention is kept");
    assert!(!mention.contains("Jane Doe"), "{mention}");
    assert!(mention.contains("Ola Nordmann"), "{mention}");
    let order = kept(&tenant, ORDER).expect("the order is kept");
    assert!(order.contains("jane.doe@example.com"), "{order}");
    if let Some(s3) = &tenant.s3 {
        // In a versioned bucket no earlier version holds what went: a deleted record has
        // no version left, the scrubbed one only the one written.
        let versions = |id: &str| {
            s3.versions(&format!("{S3_PREFIX}/.records/{id}.json"))
                .len()
        };
        for id in [ACCOUNT, HER_COMMENT, ALBUM, SHARE] {
            assert_eq!(versions(id), 0, "{id}");
        }
        assert_eq!(versions(MENTION), 1, "{MENTION}");
    }

    // The run's summary, its receipt and a fresh locate agree: only the order is left.
    let summary = per_asset(&done["report"]["steps"], "outcome");
    let receipt = tenant.t.latest_receipt(&case);
    let said = per_asset(&receipt["assets"], "outcome");
    assert_eq!(summary[ORDER], "withheld", "{done:#}");
    assert_eq!(said[ORDER], "withheld", "{receipt:#}");
    // Each change read back: "verified" in the run, what was done in the receipt.
    for (id, done_there) in [
        (ACCOUNT, "deleted"),
        (HER_COMMENT, "deleted"),
        (MENTION, "scrubbed"),
        (ALBUM, "deleted"),
        (SHARE, "deleted"),
    ] {
        assert_eq!(summary[id], "verified", "{id}: {done:#}");
        assert_eq!(said[id], done_there, "{id}: {receipt:#}");
    }
    tenant
        .dsr(["receipt", "verify"])
        .arg(latest_receipt_path(&tenant, &case))
        .run();

    tenant.dsr(["sync"]).run();
    let left: Vec<String> = found(
        &tenant
            .dsr(["locate", "--min-confidence", "medium"])
            .args(JANE)
            .hits(),
    )
    .into_keys()
    .filter(|id| {
        id.starts_with("orders/")
            || id.starts_with("users/")
            || id.starts_with("albums/")
            || id.contains("/comments/")
    })
    .collect();
    assert_eq!(left, vec![ORDER.to_owned()]);
}

/// Where the newest receipt of `case` is kept.
fn latest_receipt_path(tenant: &Tenant, case: &str) -> std::path::PathBuf {
    let dir = tenant.case_dir(case).join("receipts");
    let mut receipts: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path().join("receipt.json"))
        .collect();
    receipts.sort();
    receipts.pop().expect("a receipt")
}

#[test]
fn erasure_deletes_her_account_and_comments_withholds_her_order_and_locate_agrees() {
    her_records_erased(Kind::Dir);
}

#[test]
fn erasure_of_records_in_an_object_store_withholds_her_order_and_locate_agrees() {
    her_records_erased(Kind::Objects);
}

#[test]
fn erasure_of_records_in_an_s3_bucket_withholds_her_order_and_locate_agrees() {
    if crate::s3server::missing() {
        return;
    }
    her_records_erased(Kind::S3);
}

/// Every version of a deleted record goes, and the earlier versions of the scrubbed one.
#[test]
fn erasure_of_records_in_a_versioned_s3_bucket_withholds_her_order_and_locate_agrees() {
    if crate::s3server::missing() {
        return;
    }
    her_records_erased(Kind::S3Versioned);
}

#[test]
fn erasure_of_records_in_an_azure_container_withholds_her_order_and_locate_agrees() {
    if crate::azurite::missing() {
        return;
    }
    her_records_erased(Kind::Azure);
}

/// `--transfer-to` looks the login up among the tenant's accounts: one it has no account
/// for is refused before anything changes; another's gets her album, which stays, its
/// owner's name now the new owner's.
fn her_album_handed_over(kind: Kind) {
    let tenant = tenant(kind);
    let case = tenant.open_case("erasure", JANE);
    let out = tenant
        .dsr(["erase", &case, "--yes", "--transfer-to", "nobody"])
        .any_status()
        .run();
    assert!(
        out.stderr
            .contains("--transfer-to names a login this tenant has no account for"),
        "{}",
        out.dump()
    );
    assert!(kept(&tenant, ACCOUNT).is_some(), "nothing changed");
    let done = tenant
        .dsr([
            "erase",
            &case,
            "--yes",
            "-o",
            "json",
            "--shown-with-others",
            "keep",
            "--reason",
            "the group photo stays",
            "--transfer-to",
            "onordmann",
        ])
        .status(4)
        .run()
        .json();
    let planned = per_asset(&done["plan"]["steps"], "action");
    assert_eq!(planned[ALBUM], "scrub", "{done:#}");
    assert_eq!(planned[ORDER], "withheld", "{done:#}");
    let album = kept(&tenant, ALBUM).expect("the album stays");
    let album: Value = serde_json::from_str(&album).expect("JSON");
    assert_eq!(album["metadata"]["album.owner"]["value"], "onordmann");
    // The owner's name follows the owner, as on FotoWeb: hers would still name her.
    assert_eq!(
        album["metadata"]["album.ownerName"]["value"],
        "Ola Nordmann"
    );
    let receipt = tenant.t.latest_receipt(&case);
    let said = per_asset(&receipt["assets"], "outcome");
    assert_eq!(said[ALBUM], "scrubbed", "{receipt:#}");
    assert_eq!(said[SHARE], "deleted", "{receipt:#}");
    tenant.dsr(["sync"]).run();
    let left: Vec<String> = found(&tenant.dsr(["locate"]).args(JANE).hits())
        .into_keys()
        .filter(|id| id.starts_with("albums/"))
        .collect();
    assert_eq!(left, Vec::<String>::new(), "locate agrees");
}

#[test]
fn her_album_is_handed_over_in_a_tenant_folder() {
    her_album_handed_over(Kind::Dir);
}

#[test]
fn her_album_is_handed_over_in_an_object_store() {
    her_album_handed_over(Kind::Objects);
}

#[test]
fn a_record_that_is_a_link_is_never_read_or_deleted_through() {
    let t = Test::new();
    t.asset("Staff/notes.png", json!({"5": "Planning board"}));
    let outside = t.path("outside.json");
    std::fs::write(
        &outside,
        br#"{"metadata": {"user.username": {"value": "jdoe"}, "user.email": {"value": "jane.doe@example.com"}}}"#,
    )
    .expect("an outside file");
    std::fs::create_dir_all(t.tenant_dir().join(".records/users")).expect("a folder");
    std::os::unix::fs::symlink(&outside, t.tenant_dir().join(".records/users/42.json"))
        .expect("a link");
    t.add_tenant("acme", &[]);
    let out = t.dsr(["sync"]).any_status().run();
    assert!(out.stderr.contains("symbolic link"), "{}", out.dump());
    let hits = t.dsr(["locate"]).args(JANE).unchecked().any_status().run();
    assert!(!hits.stdout.contains("users/42"), "{}", hits.dump());
    assert!(outside.exists());
}
