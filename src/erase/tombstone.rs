//! Tombstones: what remains of an erased subject so that the erasure can be replayed after
//! the platform restores a backup — salted SHA-256 hashes of their identities, never the
//! values. Replaying hashes every candidate value in the tenant the same way; a value whose
//! hash matches is the subject's, and becomes an identity to erase again.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use phonenumber::country;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::asset::Asset;
use crate::fields::{FieldRoles, Role};
use crate::index::identity::{Identity, IdentityKind, phone_e164};
use crate::index::matcher::person_entries;
use crate::index::normalize::{self, Word};

/// The tombstone of one verified erasure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub case: String,
    pub erased_at: String,
    /// Random, per tombstone, hex.
    pub salt: String,
    /// `kind:hash` of every normalised form of every identity.
    pub hashes: BTreeSet<String>,
    /// How many words the erased names have (free text is searched in windows of these).
    #[serde(default)]
    pub name_lengths: BTreeSet<usize>,
    /// Assets the erasure left alone on purpose (a legal hold, a match review judged not
    /// the subject's): the subject found there again is no sign of a restore.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub kept: BTreeSet<String>,
}

impl Tombstone {
    /// Hashes the identities with a fresh salt. Text identities are not kept: a phrase
    /// is not a person.
    pub fn new(
        case: &str,
        identities: &[Identity],
        region: Option<country::Id>,
        erased_at: &str,
    ) -> Tombstone {
        let salt: String = (0..16)
            .map(|_| format!("{:02x}", fastrand::u8(..)))
            .collect();
        let mut tombstone = Tombstone {
            case: case.to_owned(),
            erased_at: erased_at.to_owned(),
            salt,
            hashes: BTreeSet::new(),
            name_lengths: BTreeSet::new(),
            kept: BTreeSet::new(),
        };
        for identity in identities {
            let keys = match identity.kind {
                IdentityKind::Email => vec![format!("email:{}", normalize::email(&identity.value))],
                IdentityKind::Login => vec![format!("login:{}", normalize::login(&identity.value))],
                IdentityKind::Phone => phone_e164(&identity.value, region)
                    .map(|p| vec![format!("phone:{p}")])
                    .unwrap_or_default(),
                IdentityKind::Name => {
                    let words = normalize::words(&identity.value);
                    tombstone.name_lengths.insert(words.len());
                    name_keys(&words)
                }
                IdentityKind::Text => Vec::new(),
            };
            for key in keys {
                let hash = tombstone.hash(&key);
                tombstone.hashes.insert(hash);
            }
        }
        tombstone
    }

    fn hash(&self, key: &str) -> String {
        let (kind, value) = key.split_once(':').unwrap_or(("", key));
        let digest = Sha256::digest(format!("{}\0{value}", self.salt).as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("{kind}:{hex}")
    }

    /// The values in one asset whose hashes are this tombstone's, as identities.
    pub fn recover(
        &self,
        asset: &Asset,
        roles: &FieldRoles,
        region: Option<country::Id>,
    ) -> BTreeSet<Identity> {
        let mut found = BTreeSet::new();
        let mut check = |kind: IdentityKind, keys: Vec<String>, raw: &str| {
            if keys.iter().any(|k| self.hashes.contains(&self.hash(k))) {
                found.insert(Identity::new(kind, raw.trim()));
            }
        };
        for (field, value) in &asset.metadata {
            let role = roles.role(field);
            for item in value.items() {
                for email in normalize::emails_in(item) {
                    check(IdentityKind::Email, vec![format!("email:{email}")], &email);
                }
                match role {
                    Role::Login => {
                        let key = format!("login:{}", normalize::login(item));
                        check(IdentityKind::Login, vec![key], item);
                    }
                    Role::Phone => {
                        for part in item.split([',', ';', '/']) {
                            if let Some(p) = phone_e164(part, region) {
                                check(IdentityKind::Phone, vec![format!("phone:{p}")], part);
                            }
                        }
                    }
                    Role::Person => {
                        for (start, end) in person_entries(item) {
                            let entry = &item[start..end];
                            check(
                                IdentityKind::Name,
                                name_keys(&normalize::words(entry)),
                                entry,
                            );
                        }
                    }
                    Role::Email | Role::Text => {
                        let words = normalize::words(item);
                        for &n in &self.name_lengths {
                            for window in words.windows(n) {
                                let raw = &item[window[0].start..window[n - 1].end];
                                check(IdentityKind::Name, name_keys(window), raw);
                            }
                        }
                    }
                }
            }
        }
        found
    }
}

/// A name's keys: its words in sorted order (word order is free, "Doe, Jane" is Jane Doe),
/// in both folds, so that Müller, Mueller and Muller meet.
fn name_keys(words: &[Word]) -> Vec<String> {
    if words.is_empty() {
        return Vec::new();
    }
    let key = |fold: fn(&Word) -> &str| {
        let mut parts: Vec<&str> = words.iter().map(fold).collect();
        parts.sort_unstable();
        format!("name:{}", parts.join(" "))
    };
    vec![key(Word::expanded), key(Word::stripped)]
}

/// Appends a tombstone to a tenant's file (owner-only JSON lines, synced).
pub fn append(path: &Path, tombstone: &Tombstone) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(dir) = path.parent() {
        crate::fsutil::private_dir(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)?;
    let mut line = serde_json::to_vec(tombstone).map_err(std::io::Error::other)?;
    line.push(b'\n');
    file.write_all(&line)?;
    file.sync_data()
}

/// Reads every tombstone of a tenant; none when the file does not exist.
pub fn load(path: &Path) -> std::io::Result<Vec<Tombstone>> {
    match std::fs::read_to_string(path) {
        Ok(text) => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).map_err(std::io::Error::other))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::FieldValue;

    #[test]
    fn finds_the_subject_again_without_keeping_their_values() {
        let region = crate::index::identity::parse_region("NO").ok();
        let identities = [
            Identity::new(IdentityKind::Name, "Jörg Müller"),
            Identity::new(IdentityKind::Email, "jorg@example.com"),
            Identity::new(IdentityKind::Phone, "912 34 567"),
        ];
        let stone = Tombstone::new("case-1", &identities, region, "2026-11-23T00:00:00Z");
        let json = serde_json::to_string(&stone).expect("JSON");
        for secret in [
            "Müller",
            "Muller",
            "mueller",
            "jorg@",
            "91234567",
            "912 34 567",
        ] {
            assert!(
                !json.to_lowercase().contains(&secret.to_lowercase()),
                "{secret} leaked"
            );
        }
        let asset = Asset {
            id: "Staff/a.png".into(),
            archive: "Staff".into(),
            filename: "a.png".into(),
            modified: None,
            version: "1".into(),
            metadata: [
                (
                    "368".to_owned(),
                    FieldValue::Bag(vec!["Mueller, Joerg".into(), "Ola Nordmann".into()]),
                ),
                (
                    "120".to_owned(),
                    FieldValue::Single("Call Jorg Muller at JORG@example.com".into()),
                ),
                (
                    "309".to_owned(),
                    FieldValue::Single("+47 912 34 567".into()),
                ),
            ]
            .into_iter()
            .collect(),
        };
        let found = stone.recover(&asset, &FieldRoles::standard(), region);
        let kinds: Vec<(IdentityKind, &str)> =
            found.iter().map(|i| (i.kind, i.value.as_str())).collect();
        assert!(
            kinds.contains(&(IdentityKind::Name, "Mueller, Joerg")),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(IdentityKind::Name, "Jorg Muller")),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(IdentityKind::Email, "jorg@example.com")),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&(IdentityKind::Phone, "+47 912 34 567")),
            "{kinds:?}"
        );
        assert!(!kinds.iter().any(|(_, v)| v.contains("Ola")));
    }
}
