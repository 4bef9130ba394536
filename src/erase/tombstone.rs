//! Tombstones: what remains of an erased subject so that the erasure can be replayed after
//! the platform restores a backup — keyed hashes of their identities, never the values.
//! Replaying hashes every candidate value in the tenant the same way; a value whose hash
//! matches is the subject's, and becomes an identity to erase again.
//!
//! Each hash is HMAC-SHA256, keyed with the data directory's tombstone key
//! (`keys/tombstone.key`, owner-only, apart from the tombstone file), of the tombstone's
//! salt, a NUL and the normalised value. Identities are small spaces (an 8-digit phone
//! number, a name from a staff list): a plain salted hash beside its salt gives them back
//! in a second, so the file alone must be useless without the key. The per-tombstone salt
//! keeps two tombstones of the same person from being linked by equal hashes.
//!
//! Tombstones written before keys (no `scheme`, plain SHA-256 of `salt NUL value`) are
//! still read and replayed; new ones are always keyed. `docs/threat-model.md` says who can
//! learn what from which file.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::matching::country;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ssh_key::rand_core::{OsRng, RngCore};
use zeroize::Zeroizing;

use crate::asset::Asset;
use crate::fields::{FieldRoles, Role};
use crate::matching::identity::{Identity, IdentityKind, phone_e164};
use crate::matching::matcher::{both_readings, person_entries};
use crate::matching::normalize::{self, Word};

#[derive(Debug, thiserror::Error)]
pub enum TombstoneError {
    #[error(
        "the tombstone key {path} is missing, but tombstones made with it exist: without it they cannot be checked; restore it from the data directory's backup"
    )]
    KeyMissing { path: PathBuf },
    #[error("{path} does not hold a tombstone key (64 hex digits)")]
    KeyInvalid { path: PathBuf },
    #[error("cannot read or create the tombstone key {path}: {source}")]
    Key {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// How a tombstone's hashes were made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// Before keys: SHA-256 of `salt NUL value`, checkable by anyone holding the file.
    /// Read for replay, never written.
    #[default]
    Sha256,
    /// HMAC-SHA256 with the data directory's tombstone key, of `salt NUL value`.
    HmacSha256,
}

/// The secret that keys a data directory's tombstones: 32 random bytes.
pub struct TombstoneKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for TombstoneKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TombstoneKey(***)")
    }
}

impl TombstoneKey {
    /// Where a data directory keeps its tombstone key: beside the signing key, apart from
    /// every tenant's tombstone file.
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("keys").join("tombstone.key")
    }

    /// Reads the key at `path`, creating it (64 hex digits, owner-only) when there is none.
    /// Two processes creating it at once agree on one: the file appears whole or not at
    /// all, and the second one reads the first one's.
    pub fn load_or_create(path: &Path) -> Result<TombstoneKey, TombstoneError> {
        if let Some(key) = TombstoneKey::load(path)? {
            return Ok(key);
        }
        let err = |source| TombstoneError::Key {
            path: path.to_owned(),
            source,
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        crate::fsutil::private_dir(dir).map_err(err)?;
        let key = TombstoneKey::random();
        let hex = Zeroizing::new(crate::apply::hex(key.0.as_ref()));
        let mut file = tempfile::Builder::new()
            .prefix(".dsr-")
            .permissions(std::fs::Permissions::from_mode(0o600))
            .tempfile_in(dir)
            .map_err(err)?;
        file.write_all(format!("{}\n", hex.as_str()).as_bytes())
            .map_err(err)?;
        file.as_file().sync_all().map_err(err)?;
        match file.persist_noclobber(path) {
            Ok(_) => Ok(key),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => TombstoneKey::load(path)?
                .ok_or_else(|| TombstoneError::KeyMissing {
                    path: path.to_owned(),
                }),
            Err(e) => Err(err(e.error)),
        }
    }

    /// The key that replays `stones`: the one at `path`; when there is none and no stone
    /// needs one (all were written before keys), a throwaway key that is never saved. A
    /// keyed stone without its key is an error, not "nobody is back".
    pub fn for_replay(path: &Path, stones: &[Tombstone]) -> Result<TombstoneKey, TombstoneError> {
        match TombstoneKey::load(path)? {
            Some(key) => Ok(key),
            None if stones.iter().any(|s| s.scheme == Scheme::HmacSha256) => {
                Err(TombstoneError::KeyMissing {
                    path: path.to_owned(),
                })
            }
            None => Ok(TombstoneKey::random()),
        }
    }

    /// The key at `path`; `None` when there is no such file.
    fn load(path: &Path) -> Result<Option<TombstoneKey>, TombstoneError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => Zeroizing::new(text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(TombstoneError::Key {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let invalid = || TombstoneError::KeyInvalid {
            path: path.to_owned(),
        };
        let hex = text.trim();
        if hex.len() != 64 || !hex.is_ascii() {
            return Err(invalid());
        }
        let mut key = Zeroizing::new([0u8; 32]);
        for (byte, pair) in key.iter_mut().zip(hex.as_bytes().chunks(2)) {
            let pair = std::str::from_utf8(pair).map_err(|_| invalid())?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| invalid())?;
        }
        Ok(Some(TombstoneKey(key)))
    }

    fn random() -> TombstoneKey {
        let mut key = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(key.as_mut());
        TombstoneKey(key)
    }
}

/// The tombstone of one verified erasure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub case: String,
    pub erased_at: String,
    /// How `hashes` were made; absent in tombstones written before keys.
    #[serde(default)]
    pub scheme: Scheme,
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
    /// Hashes the identities with `key` and a fresh salt. Text identities are not kept: a
    /// phrase is not a person.
    pub fn new(
        case: &str,
        identities: &[Identity],
        region: Option<country::Id>,
        erased_at: &str,
        key: &TombstoneKey,
    ) -> Tombstone {
        let mut salt = [0u8; 16];
        OsRng.fill_bytes(&mut salt);
        let mut tombstone = Tombstone {
            case: case.to_owned(),
            erased_at: erased_at.to_owned(),
            scheme: Scheme::HmacSha256,
            salt: crate::apply::hex(&salt),
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
            for entry in keys {
                let hash = tombstone.hash(&entry, key);
                tombstone.hashes.insert(hash);
            }
        }
        tombstone
    }

    /// `kind:hex` of one `kind:value` entry, made the way this tombstone's were.
    fn hash(&self, entry: &str, key: &TombstoneKey) -> String {
        let (kind, value) = entry.split_once(':').unwrap_or(("", entry));
        let digest: Vec<u8> = match self.scheme {
            Scheme::Sha256 => Sha256::digest(format!("{}\0{value}", self.salt).as_bytes()).to_vec(),
            Scheme::HmacSha256 => {
                let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.0.as_ref())
                    .expect("HMAC takes a key of any length");
                mac.update(self.salt.as_bytes());
                mac.update(b"\0");
                mac.update(value.as_bytes());
                mac.finalize().into_bytes().to_vec()
            }
        };
        format!("{kind}:{}", crate::apply::hex(&digest))
    }

    /// The values in one asset whose hashes are this tombstone's, as identities.
    /// `key` is the data directory's ([`TombstoneKey::for_replay`]).
    pub fn recover(
        &self,
        asset: &Asset,
        roles: &FieldRoles,
        region: Option<country::Id>,
        key: &TombstoneKey,
    ) -> BTreeSet<Identity> {
        let mut found = BTreeSet::new();
        let mut check = |kind: IdentityKind, entries: Vec<String>, raw: &str| {
            if entries
                .iter()
                .any(|e| self.hashes.contains(&self.hash(e, key)))
            {
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
                        // A list that may be one name of two family names is checked both
                        // ways (see `both_readings`).
                        let whole = both_readings(item);
                        for (start, end) in person_entries(item).into_iter().chain(whole) {
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
                        // A name inside an e-mail address is not the name, as for locate:
                        // "mary.jane.doe@…" is someone else's.
                        let addresses = normalize::email_spans(item);
                        let in_an_address = |start: usize, end: usize| {
                            addresses.iter().any(|&(s, e)| s <= start && end <= e)
                        };
                        for &n in &self.name_lengths {
                            for window in words.windows(n) {
                                let (start, end) = (window[0].start, window[n - 1].end);
                                if in_an_address(start, end) {
                                    continue;
                                }
                                check(IdentityKind::Name, name_keys(window), &item[start..end]);
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
        let region = crate::matching::identity::parse_region("NO").ok();
        let identities = [
            Identity::new(IdentityKind::Name, "Jörg Müller"),
            Identity::new(IdentityKind::Email, "jorg@example.com"),
            Identity::new(IdentityKind::Phone, "912 34 567"),
        ];
        let key = TombstoneKey::random();
        let stone = Tombstone::new("case-1", &identities, region, "2026-11-23T00:00:00Z", &key);
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
        let found = stone.recover(&asset, &FieldRoles::standard(), region, &key);
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

    #[test]
    fn a_name_inside_another_persons_address_is_not_the_subject_back() {
        let identities = [Identity::new(IdentityKind::Name, "Jane Doe")];
        let key = TombstoneKey::random();
        let stone = Tombstone::new("case-1", &identities, None, "2026-11-23T00:00:00Z", &key);
        let mut asset = phone_asset("");
        asset.metadata = [(
            "120".to_owned(),
            FieldValue::Single(
                "Write to mary.jane.doe@example.com or jane.doe@example.com.au".into(),
            ),
        )]
        .into_iter()
        .collect();
        let roles = FieldRoles::standard();
        assert!(stone.recover(&asset, &roles, None, &key).is_empty());
        asset.metadata.insert(
            "120".to_owned(),
            FieldValue::Single("Jane.Doe is back in the caption".into()),
        );
        assert_eq!(stone.recover(&asset, &roles, None, &key).len(), 1);
    }

    fn phone_asset(phone: &str) -> Asset {
        Asset {
            id: "Staff/a.png".into(),
            archive: "Staff".into(),
            filename: "a.png".into(),
            modified: None,
            version: "1".into(),
            metadata: [("309".to_owned(), FieldValue::Single(phone.into()))]
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn the_file_alone_gives_no_phone_back_and_another_key_finds_nothing() {
        let region = crate::matching::identity::parse_region("NO").ok();
        let phone = Identity::new(IdentityKind::Phone, "912 34 567");
        let key = TombstoneKey::random();
        let stone = Tombstone::new("case-1", &[phone], region, "2026-11-23T00:00:00Z", &key);
        // A guess checked the way the file's own salt would allow without the key.
        let unkeyed = Tombstone {
            scheme: Scheme::Sha256,
            ..stone.clone()
        };
        let dummy = TombstoneKey::random();
        for n in 91_234_067..91_235_067 {
            let guess = unkeyed.hash(&format!("phone:+47{n}"), &dummy);
            assert!(!stone.hashes.contains(&guess), "{n} found without the key");
        }
        let roles = FieldRoles::standard();
        let asset = phone_asset("+47 912 34 567");
        assert_eq!(stone.recover(&asset, &roles, region, &key).len(), 1);
        assert!(stone.recover(&asset, &roles, region, &dummy).is_empty());
    }

    #[test]
    fn old_unkeyed_tombstones_still_replay() {
        let region = crate::matching::identity::parse_region("NO").ok();
        let salt = "00112233445566778899aabbccddeeff";
        let hash = crate::apply::hex(&Sha256::digest(format!("{salt}\0+4791234567")));
        let line = format!(
            r#"{{"case":"c","erased_at":"2020-01-01T00:00:00Z","salt":"{salt}","hashes":["phone:{hash}"]}}"#
        );
        let stone: Tombstone = serde_json::from_str(&line).expect("an old tombstone");
        assert_eq!(stone.scheme, Scheme::Sha256);
        let asset = phone_asset("912 34 567");
        let any_key = TombstoneKey::random();
        let found = stone.recover(&asset, &FieldRoles::standard(), region, &any_key);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn the_key_is_created_once_owner_only_and_needed_for_keyed_stones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = TombstoneKey::path(dir.path());
        let legacy: Tombstone =
            serde_json::from_str(r#"{"case":"c","erased_at":"t","salt":"00","hashes":[]}"#)
                .expect("an old tombstone");
        assert!(TombstoneKey::for_replay(&path, std::slice::from_ref(&legacy)).is_ok());
        assert!(!path.exists(), "a replay of old tombstones writes no key");

        let first = TombstoneKey::load_or_create(&path).expect("created");
        let second = TombstoneKey::load_or_create(&path).expect("read back");
        assert_eq!(first.0.as_ref(), second.0.as_ref());
        let mode = std::fs::metadata(&path)
            .expect("the key")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);

        let keyed = Tombstone::new("c", &[], None, "t", &first);
        std::fs::remove_file(&path).expect("removed");
        assert!(matches!(
            TombstoneKey::for_replay(&path, &[legacy, keyed]),
            Err(TombstoneError::KeyMissing { .. })
        ));
        std::fs::write(&path, "not a key\n").expect("written");
        assert!(matches!(
            TombstoneKey::load_or_create(&path),
            Err(TombstoneError::KeyInvalid { .. })
        ));
    }
}
