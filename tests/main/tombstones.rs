//! Tombstones are keyed: the tombstone file alone gives no identity back, even one as
//! guessable as an 8-digit phone number, while a replay with the data directory's key
//! still finds the subject after a restore.

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;

use serde_json::{Value, json};
use sha2::Digest;

use crate::support::Test;
use crate::tenants::JANE;

/// Jane Doe's portrait (deleted by an erasure) and another person's photo, backed up
/// before the erasure so that the test can restore them.
fn erased_jane() -> (Test, std::path::PathBuf) {
    let t = Test::new();
    t.asset(
        "Staff/portrait.png",
        json!({"368": ["Jane Doe"], "309": ["+47 912 34 567"], "308": ["jane.doe@example.com"]}),
    );
    t.asset("Staff/ola.png", json!({"368": ["Ola Nordmann"]}));
    let backup = t.path("backup");
    for relative in Test::entries(&t.tenant_dir()) {
        let (from, to) = (t.tenant_dir().join(&relative), backup.join(&relative));
        if from.is_dir() {
            std::fs::create_dir_all(&to).expect("a backup folder");
        } else {
            std::fs::copy(&from, &to).expect("a backup file");
        }
    }
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    t.dsr(["erase", &case, "--yes"]).run();
    (t, backup)
}

fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_tombstone_file_alone_does_not_give_a_phone_number_back() {
    let (t, _) = erased_jane();
    let path = t.tenant_data("acme").join("tombstones.jsonl");
    let text = std::fs::read_to_string(&path).expect("a tombstone");
    let stones: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(stones.len(), 1, "{text}");
    let stone = &stones[0];
    let salt = stone["salt"].as_str().expect("a salt");
    let phones: BTreeSet<&str> = stone["hashes"]
        .as_array()
        .expect("hashes")
        .iter()
        .filter_map(|h| h.as_str()?.strip_prefix("phone:"))
        .collect();
    assert_eq!(phones.len(), 1, "her phone is in the tombstone: {stone}");

    // An attacker with the file alone tries every number near the true one (the whole
    // 8-digit space takes about a second the same way) as the old format hashed it.
    let truth: u64 = 91_234_567;
    let found: Vec<u64> = (truth - 500..truth + 500)
        .filter(|n| {
            ["+47", ""].iter().any(|prefix| {
                let candidate = format!("{salt}\0{prefix}{n}");
                phones.contains(sha256_hex(candidate.as_bytes()).as_str())
            })
        })
        .collect();
    assert_eq!(
        found,
        Vec::<u64>::new(),
        "the phone comes back from {stone}"
    );

    // The key that makes the hashes is elsewhere, owner-only.
    let key = t.data_dir().join("keys").join("tombstone.key");
    let mode = std::fs::metadata(&key)
        .expect("the tombstone key")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(!key.starts_with(t.tenant_data("acme")));
    let key_text = std::fs::read_to_string(&key).expect("the key");
    assert!(
        !text.contains(key_text.trim()),
        "the key is not in the tombstone"
    );
}

#[test]
fn a_replay_finds_the_subject_with_the_key_and_refuses_without_it() {
    let (t, backup) = erased_jane();
    t.copy_into_tenant(&backup);
    t.dsr(["sync"]).run();

    let key = t.data_dir().join("keys").join("tombstone.key");
    let kept = t.path("tombstone.key");
    std::fs::rename(&key, &kept).expect("the key moved away");
    let out = t.dsr(["erase", "--replay-tombstones"]).status(2).run();
    assert!(
        out.error().contains("tombstone.key"),
        "a missing key is named, not taken for 'nobody is back'\n{}",
        out.dump()
    );
    std::fs::rename(&kept, &key).expect("the key restored");

    let out = t.dsr(["erase", "--replay-tombstones"]).status(3).run();
    let case = out.stdout.trim().to_owned();
    let opened = t.dsr(["case", "show", &case, "-o", "json"]).run().json();
    let matched: Vec<&str> = opened["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .filter_map(|m| m["asset"].as_str())
        .collect();
    assert_eq!(matched, ["Staff/portrait.png"], "{opened:#}");
    let identities = opened["identities"].to_string();
    for value in ["+47 912 34 567", "jane.doe@example.com", "Jane Doe"] {
        assert!(identities.contains(value), "{value} in {identities}");
    }
}

#[test]
fn old_unkeyed_tombstones_are_still_replayed() {
    let t = Test::new();
    t.asset(
        "Staff/portrait.png",
        json!({"368": ["Jane Doe"], "309": ["+47 912 34 567"]}),
    );
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    // Written by an earlier dsr: SHA-256 of salt NUL value, no scheme, no key.
    let salt = "00112233445566778899aabbccddeeff";
    let hash = |kind: &str, value: &str| {
        format!(
            "{kind}:{}",
            sha256_hex(format!("{salt}\0{value}").as_bytes())
        )
    };
    let stone = json!({
        "case": "20260101-001",
        "erased_at": "2026-01-01T00:00:00Z",
        "salt": salt,
        "hashes": [hash("phone", "+4791234567"), hash("name", "doe jane")],
        "name_lengths": [2],
    });
    std::fs::write(
        t.tenant_data("acme").join("tombstones.jsonl"),
        format!("{stone}\n"),
    )
    .expect("an old tombstone");

    let out = t.dsr(["erase", "--replay-tombstones"]).status(3).run();
    assert!(out.stderr.contains("20260101-001"), "{}", out.dump());
}
