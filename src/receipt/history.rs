//! The history of a signing key: every public key that has been the key at one path, with
//! when it took over and when it was replaced, so that a replaced key stays trusted for the
//! receipts it signed — and for nothing it signs later.
//!
//! The history is an OpenSSH allowed_signers file beside the key, `<key>.allowed_signers`
//! (`keys/dsr_ed25519.allowed_signers` for the data directory's key), newest key first,
//! each line under the one principal [`PRINCIPAL`] with `valid-after`/`valid-before`
//! options in UTC. dsr trusts what it lists, and so does `ssh-keygen -Y verify` given the
//! same file (with `-O verify-time=` set to a receipt's `finished_at` for a replaced key,
//! since ssh-keygen checks the window against the time of checking by default).

use std::path::{Path, PathBuf};

use ssh_key::PublicKey;
use time::OffsetDateTime;

use super::sign::{self, KeyError, PRINCIPAL, TrustedKey, TrustedKeys};
use crate::fsutil;

/// Where the history of the key at `key` is kept: beside its private half. A public key
/// file (`….pub`) stands for its private key.
pub fn path(key: &Path) -> PathBuf {
    let key = match key.to_str().and_then(|k| k.strip_suffix(".pub")) {
        Some(private) => PathBuf::from(private),
        None => key.to_owned(),
    };
    let mut name = key.into_os_string();
    name.push(".allowed_signers");
    PathBuf::from(name)
}

/// One key of a history, for listings.
#[derive(Debug, Clone)]
pub struct HistoryEntry {
    pub trusted: TrustedKey,
    /// The key at the key's path now.
    pub current: bool,
}

/// The keys trusted for the receipts of the key at `key`: its history, newest first, and
/// the key itself when the history does not list it (a key made before dsr kept
/// histories, or replaced by other means), trusted at any time.
pub fn load(key: &Path) -> Result<Vec<HistoryEntry>, KeyError> {
    let current = sign::public_key(key)?;
    let listed = read(key)?;
    let mut entries: Vec<HistoryEntry> = Vec::new();
    if !listed.contains(&current) {
        entries.push(HistoryEntry {
            trusted: TrustedKey::new(current.clone()),
            current: true,
        });
    }
    let mut marked = !entries.is_empty();
    for trusted in listed.keys() {
        let current = !marked && trusted.key.key_data() == current.key_data();
        marked |= current;
        entries.push(HistoryEntry {
            trusted: trusted.clone(),
            current,
        });
    }
    Ok(entries)
}

/// The keys a receipt signed with the key at `key` may carry: see [`load`].
pub fn trusted(key: &Path) -> Result<TrustedKeys, KeyError> {
    let mut trusted = TrustedKeys::default();
    for entry in load(key)? {
        trusted.push(entry.trusted);
    }
    Ok(trusted)
}

/// The history as an allowed_signers file for `identity`: each key under a comment line
/// saying whether it is the current key and when it signed.
pub fn render(entries: &[HistoryEntry], identity: &str) -> String {
    let mut text = String::new();
    for entry in entries {
        let key = &entry.trusted;
        let holder = Some(key.key.comment())
            .filter(|c| !c.trim().is_empty())
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        let since = |what: &str| match key.valid_after {
            Some(after) => format!("{what} since {}", crate::time::rfc3339(after.into())),
            None => format!("{what} since before dsr kept a history"),
        };
        let comment = if entry.current {
            format!(
                "current key {}{holder}, {}",
                key.fingerprint(),
                since("signing")
            )
        } else {
            format!(
                "replaced key {}{holder}, signed {}",
                key.fingerprint(),
                sign::window(key.valid_after, key.valid_before)
            )
        };
        text.push_str(&format!(
            "# {comment}\n{}\n",
            key.allowed_signers_line(identity)
        ));
    }
    text
}

fn read(key: &Path) -> Result<TrustedKeys, KeyError> {
    let path = path(key);
    match TrustedKeys::from_allowed_signers(&path) {
        Err(KeyError::NotFound { .. }) => Ok(TrustedKeys::default()),
        other => other,
    }
}

/// Records that `new` is the key at `key` from `now` on: every key the history holds as
/// current is closed at `now`, and `replaced` — the key being overwritten — is added,
/// closed at `now`, when the history does not list it yet. Written atomically, owner-only.
pub fn record(
    key: &Path,
    replaced: Option<&PublicKey>,
    new: &PublicKey,
    now: OffsetDateTime,
) -> Result<(), KeyError> {
    let listed = read(key)?;
    let mut entries: Vec<HistoryEntry> = vec![HistoryEntry {
        trusted: TrustedKey {
            valid_after: Some(now),
            ..TrustedKey::new(new.clone())
        },
        current: true,
    }];
    let close = |mut trusted: TrustedKey| {
        // ssh-keygen refuses a window that ends where it starts: a key replaced in the
        // second it was made keeps that second.
        let end = match trusted.valid_after {
            Some(after) if after >= now => after + time::Duration::seconds(1),
            _ => now,
        };
        trusted.valid_before.get_or_insert(end);
        HistoryEntry {
            trusted,
            current: false,
        }
    };
    if let Some(old) = replaced.filter(|old| !listed.contains(old)) {
        entries.push(close(TrustedKey::new(old.clone())));
    }
    entries.extend(listed.keys().iter().cloned().map(close));
    let path = path(key);
    let text = format!(
        "# The keys that sign dsr receipts at {}, newest first (written by dsr).\n{}",
        key.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        render(&entries, PRINCIPAL)
    );
    fsutil::write_atomic(&path, text.as_bytes()).map_err(|source| KeyError::Write {
        path: path.clone(),
        source,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(text: &str) -> OffsetDateTime {
        OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).unwrap()
    }

    #[test]
    fn a_replaced_key_is_trusted_until_it_was_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("keys/k");
        let first = sign::generate(&key, "dpo", None, false).unwrap();
        assert_eq!(path(&key), dir.path().join("keys/k.allowed_signers"));
        assert_eq!(path(&first.public_path), path(&key));
        let entries = load(&key).unwrap();
        assert_eq!(entries.len(), 1);
        assert!(entries[0].current && entries[0].trusted.valid_after.is_some());

        let second = sign::generate(&key, "dpo", None, true).unwrap();
        let entries = load(&key).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(
            entries[0].trusted.key.key_data(),
            second.public_key.key_data()
        );
        assert!(entries[0].current && entries[0].trusted.valid_before.is_none());
        assert_eq!(
            entries[1].trusted.key.key_data(),
            first.public_key.key_data()
        );
        assert!(!entries[1].current);
        let (took_over, replaced) = (
            entries[0].trusted.valid_after.unwrap(),
            entries[1].trusted.valid_before.unwrap(),
        );
        // The same time, or a second later when both keys were made in one second.
        assert!(replaced >= took_over && replaced - took_over <= time::Duration::seconds(1));
        let text = render(&entries, PRINCIPAL);
        assert!(text.contains("# current key SHA256:"), "{text}");
        assert!(text.contains("# replaced key SHA256:"), "{text}");
        assert!(text.contains("\ndsr namespaces=\"dsr-receipt\",valid-after=\""));

        let trusted = trusted(&key).unwrap();
        let one_second = time::Duration::seconds(1);
        assert!(trusted.trusted_at(&first.public_key, replaced).is_ok());
        assert!(
            trusted
                .trusted_at(&first.public_key, replaced + one_second)
                .is_err()
        );
        assert!(
            trusted
                .trusted_at(&first.public_key, took_over - time::Duration::hours(1))
                .is_err(),
            "nor before it was made"
        );
        assert!(
            trusted
                .trusted_at(&second.public_key, took_over + time::Duration::days(400))
                .is_ok()
        );
    }

    #[test]
    fn a_key_made_before_histories_is_kept_when_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("k");
        let old = sign::generate(&key, "", None, false).unwrap();
        std::fs::remove_file(path(&key)).unwrap();
        // No history: the key alone, trusted at any time.
        let entries = load(&key).unwrap();
        assert_eq!(entries.len(), 1);
        assert!(entries[0].trusted.valid_after.is_none());
        sign::generate(&key, "", None, true).unwrap();
        let entries = load(&key).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].trusted.key.key_data(), old.public_key.key_data());
        assert!(entries[1].trusted.valid_after.is_none());
        assert!(entries[1].trusted.valid_before.is_some());
        assert!(
            trusted(&key)
                .unwrap()
                .trusted_at(&old.public_key, at("2001-01-01T00:00:00Z"))
                .is_ok()
        );
    }
}
