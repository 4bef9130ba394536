//! The data subject as a receipt names them: salted SHA-256 hashes of their identities,
//! never the values. The salt is random, one per tenant, kept owner-only in the tenant's
//! data folder and created on first use; without it a hash cannot be checked against a
//! guessed e-mail address, and with it a DPO can still show that a receipt concerns a
//! given person.

use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::matching::country;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ssh_key::rand_core::{OsRng, RngCore};
use zeroize::Zeroizing;

use crate::matching::identity::{Identity, IdentityKind, phone_e164};
use crate::matching::normalize;

/// The salted hash of one identity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityHash {
    pub kind: IdentityKind,
    /// Hex SHA-256 of `salt ‖ 0x00 ‖ kind ‖ 0x00 ‖ normalised value` (see [`normalised`]).
    pub sha256: String,
}

/// A tenant's identity salt.
pub struct Salt(Zeroizing<String>);

impl std::fmt::Debug for Salt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Salt({})", self.id())
    }
}

impl Salt {
    /// Reads the salt at `path`, creating it (32 random bytes, hex, owner-only) when there
    /// is none. Two processes creating it at once agree on one: the file appears whole
    /// or not at all, and the second one reads the first one's.
    pub fn load_or_create(path: &Path) -> io::Result<Salt> {
        match std::fs::read_to_string(path) {
            Ok(text) => return Salt::parse(&text, path),
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            Err(_) => {}
        }
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        crate::fsutil::private_dir(dir)?;
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(bytes.as_mut());
        let hex = Zeroizing::new(crate::apply::hex(bytes.as_ref()));
        let mut file = tempfile::Builder::new()
            .prefix(".dsr-")
            .permissions(std::fs::Permissions::from_mode(0o600))
            .tempfile_in(dir)?;
        file.write_all(format!("{}\n", hex.as_str()).as_bytes())?;
        file.as_file().sync_all()?;
        match file.persist_noclobber(path) {
            Ok(_) => Ok(Salt(hex)),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                Salt::parse(&std::fs::read_to_string(path)?, path)
            }
            Err(e) => Err(e.error),
        }
    }

    fn parse(text: &str, path: &Path) -> io::Result<Salt> {
        let text = text.trim();
        if text.len() < 32 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} does not hold a salt (hex digits)", path.display()),
            ));
        }
        Ok(Salt(Zeroizing::new(text.to_ascii_lowercase())))
    }

    /// A short public name of the salt (not the salt): receipts carry it so that a
    /// verifier can tell which salt their hashes were made with.
    pub fn id(&self) -> String {
        let digest = Sha256::digest(format!("dsr-salt-id\0{}", self.0.as_str()).as_bytes());
        crate::apply::hex(&digest[..8])
    }

    /// The salted hash of one identity.
    pub fn hash(&self, identity: &Identity, region: Option<country::Id>) -> IdentityHash {
        let value = normalised(identity, region);
        let mut hasher = Sha256::new();
        hasher.update(self.0.as_bytes());
        hasher.update([0]);
        hasher.update(identity.kind.as_str().as_bytes());
        hasher.update([0]);
        hasher.update(value.as_bytes());
        IdentityHash {
            kind: identity.kind,
            sha256: crate::apply::hex(&hasher.finalize()),
        }
    }
}

/// The form of an identity that is hashed, so that the spellings matching treats as one
/// person hash alike: e-mails trimmed and lower-cased; phones in E.164 (read in `region`
/// when national; the digits alone when not a phone number); logins trimmed; names as
/// their folded words in sorted order ("Doe, Jane" = "JANE DOE"); texts as folded words.
pub fn normalised(identity: &Identity, region: Option<country::Id>) -> String {
    let value = identity.value.as_str();
    match identity.kind {
        IdentityKind::Email => normalize::email(value),
        IdentityKind::Login => normalize::login(value),
        IdentityKind::Phone => phone_e164(value, region).unwrap_or_else(|| {
            value
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect()
        }),
        IdentityKind::Name => {
            let mut words: Vec<String> = normalize::words(value)
                .into_iter()
                .map(|w| w.expanded().to_owned())
                .collect();
            words.sort_unstable();
            words.join(" ")
        }
        IdentityKind::Text => normalize::words(value)
            .into_iter()
            .map(|w| w.expanded().to_owned())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The forms of the subject's identities that must never appear in a receipt or an audit
/// entry: each value as given and as normalised, lower-cased. Very short values (an
/// initial, a two-letter login) are left out: they would be found inside ordinary words.
pub fn forbidden_forms(identities: &[Identity], region: Option<country::Id>) -> Vec<String> {
    let mut forms: Vec<String> = identities
        .iter()
        .flat_map(|i| {
            let mut forms = vec![i.value.trim().to_lowercase(), normalised(i, region)];
            if i.kind == IdentityKind::Phone {
                forms.push(i.value.chars().filter(char::is_ascii_digit).collect());
            }
            forms
        })
        .map(|f| f.to_lowercase())
        .filter(|f| f.chars().count() >= 3)
        .collect();
    forms.sort();
    forms.dedup();
    forms
}

/// True when `text` holds one of `forms` (see [`forbidden_forms`]).
pub fn holds_any(text: &str, forms: &[String]) -> bool {
    let text = text.to_lowercase();
    forms.iter().any(|f| text.contains(f.as_str()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn one_salt_per_tenant_made_once_and_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t/salt");
        let a = Salt::load_or_create(&path).unwrap();
        let b = Salt::load_or_create(&path).unwrap();
        assert_eq!(a.id(), b.id());
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let other = Salt::load_or_create(&dir.path().join("u/salt")).unwrap();
        assert_ne!(a.id(), other.id());
        let jane = Identity::new(IdentityKind::Email, "Jane.Doe@Example.com ");
        assert_eq!(a.hash(&jane, None), b.hash(&jane, None));
        assert_ne!(a.hash(&jane, None), other.hash(&jane, None));
        assert!(!format!("{a:?}").contains(a.0.as_str()));
    }

    #[test]
    fn spellings_of_one_identity_hash_alike() {
        let dir = tempfile::tempdir().unwrap();
        let salt = Salt::load_or_create(&dir.path().join("salt")).unwrap();
        let region = crate::matching::identity::parse_region("NO").ok();
        let same = |kind, a: &str, b: &str| {
            salt.hash(&Identity::new(kind, a), region) == salt.hash(&Identity::new(kind, b), region)
        };
        assert!(same(
            IdentityKind::Email,
            "jane.doe@example.com",
            " JANE.DOE@example.COM"
        ));
        assert!(same(IdentityKind::Name, "Doe, Jane", "jane  DOE"));
        assert!(same(IdentityKind::Phone, "912 34 567", "+4791234567"));
        assert!(!same(IdentityKind::Name, "Jane Doe", "John Doe"));
        // The kind is part of what is hashed.
        assert_ne!(
            salt.hash(&Identity::new(IdentityKind::Login, "jdoe"), None)
                .sha256,
            salt.hash(&Identity::new(IdentityKind::Name, "jdoe"), None)
                .sha256
        );
    }

    #[test]
    fn forbidden_forms_catch_the_values_in_any_case() {
        let region = crate::matching::identity::parse_region("NO").ok();
        let forms = forbidden_forms(
            &[
                Identity::new(IdentityKind::Email, "Jane.Doe@example.com"),
                Identity::new(IdentityKind::Phone, "912 34 567"),
                Identity::new(IdentityKind::Login, "jd"),
            ],
            region,
        );
        assert!(holds_any("erasure for JANE.DOE@EXAMPLE.COM", &forms));
        assert!(holds_any("call +4791234567", &forms));
        assert!(holds_any("call 91234567", &forms));
        assert!(!holds_any("jd is too short to look for", &forms));
    }
}
