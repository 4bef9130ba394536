//! FotoWeb records beside asset metadata (`--records users,comments`): the leaver's own
//! account and the comments she wrote or is named in are found, handed over, and erased
//! through the same plan, journal, read-back and receipt as assets.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::support::Test;
use crate::tenants::{JANE, Kind, Tenant};

/// Her account.
const ACCOUNT: &str = "users/15010";
/// The comment she wrote on the group photo.
const HER_COMMENT: &str = "Staff/shared.png/comments/1";
/// Ola's comment naming her.
const MENTION: &str = "Staff/shared.png/comments/2";
/// Kari's comment on her own photo: not Jane's.
const KARIS: &str = "Press/kari.png/comments/3";

/// The group photo and Kari's photo (where the sample comments are), with the sample
/// users and comments, read beside the assets.
fn tenant(configure: impl FnOnce(&mut fotoweb_double::Options)) -> Tenant {
    let t = Test::new();
    t.asset(
        "Staff/shared.png",
        json!({"368": ["Ola Nordmann"], "5": "Board meeting"}),
    );
    t.asset(
        "Press/kari.png",
        json!({"80": ["Kari Nordmann"], "5": "Harbour"}),
    );
    Tenant::new(
        t,
        Kind::Fotoweb,
        &["--records", "users,comments"],
        |options| {
            (options.users, options.comments) = fotoweb_double::accounts::sample();
            configure(options);
        },
    )
}

/// Asset id → (confidence, fields) of each hit.
fn found(hits: &[Value]) -> BTreeMap<String, String> {
    hits.iter()
        .map(|h| {
            (
                h["asset"].as_str().unwrap_or_default().to_owned(),
                h["confidence"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn locate_finds_her_account_and_the_comments_she_wrote_or_is_named_in() {
    let tenant = tenant(|_| {});
    let hits = tenant.dsr(["locate"]).args(JANE).hits();
    let found = found(&hits);
    assert_eq!(
        found.get(ACCOUNT).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert_eq!(
        found.get(HER_COMMENT).map(String::as_str),
        Some("high"),
        "{hits:#?}"
    );
    assert!(found.contains_key(MENTION), "{hits:#?}");
    assert!(!found.contains_key(KARIS), "{hits:#?}");
    assert!(!found.contains_key("users/15011"), "{hits:#?}");
    assert!(!found.contains_key("Staff/shared.png"), "{hits:#?}");
}

#[test]
fn an_incremental_sync_notices_a_changed_account_and_a_removed_comment() {
    let tenant = tenant(|_| {});
    let double = tenant.double();
    // Another admin gives Kari's account Jane's old e-mail address, and Jane's comment is
    // deleted in FotoWeb itself.
    double.put_user(
        15012,
        &json!({"address": {"givenName": "Kari", "surname": "Nordmann", "email": "jane.doe@example.com"}}),
    );
    double.remove_comment("Staff/shared.png", 1);
    let synced = tenant.dsr(["sync", "-o", "json"]).run().json();
    assert_ne!(synced["full"], json!(true), "{synced:#}");
    let found = found(&tenant.dsr(["locate"]).args(JANE).hits());
    assert_eq!(
        found.get("users/15012").map(String::as_str),
        Some("high"),
        "{found:?}"
    );
    assert!(!found.contains_key(HER_COMMENT), "{found:?}");
    assert!(found.contains_key(ACCOUNT), "{found:?}");
}
