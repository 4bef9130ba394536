//! Signing keys and trusted signers. Receipts are signed with an Ed25519 key kept in
//! OpenSSH format; the detached signature is an OpenSSH `sshsig` in the `dsr-receipt`
//! namespace, so `ssh-keygen -Y verify` checks it as well as dsr does.

use std::io;
use std::path::{Path, PathBuf};

use ssh_key::rand_core::OsRng;
use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};
use time::OffsetDateTime;

use crate::fsutil;
use crate::secret::Secret;

/// The sshsig namespace of receipts: a signature made for anything else never verifies
/// as a receipt, and a receipt signature is no use elsewhere.
pub const NAMESPACE: &str = "dsr-receipt";

/// The principal of every allowed_signers line dsr writes or prints, whatever key it is and
/// whatever its comment says: verifiers always run `ssh-keygen -Y verify … -I dsr`.
pub const PRINCIPAL: &str = "dsr";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("no signing key at {path}: make one with `dsr keys generate`")]
    NotFound { path: PathBuf },
    #[error("cannot read the key {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path} is not an OpenSSH key: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("{path} is a {algorithm} key: receipts are signed with Ed25519 keys only")]
    NotEd25519 { path: PathBuf, algorithm: String },
    #[error(
        "the signing key {path} is protected by a passphrase: set DSR_KEY_PASSPHRASE or run dsr in a terminal to be asked"
    )]
    NeedsPassphrase { path: PathBuf },
    #[error("the passphrase does not unlock the signing key {path}")]
    WrongPassphrase { path: PathBuf },
    #[error("a key exists already at {path}: pass --force to replace it")]
    Exists { path: PathBuf },
    #[error("cannot write the key {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{path}, line {line}: {problem}")]
    AllowedSigners {
        path: PathBuf,
        line: usize,
        problem: String,
    },
    #[error("cannot sign: {0}")]
    Sign(String),
}

/// An unlocked Ed25519 key that signs receipts.
pub struct SigningKey {
    key: PrivateKey,
    path: PathBuf,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("path", &self.path)
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

/// What `generate` wrote.
#[derive(Debug, Clone)]
pub struct GeneratedKey {
    pub private_path: PathBuf,
    pub public_path: PathBuf,
    pub public_key: PublicKey,
    pub encrypted: bool,
}

/// The public half's file: the private key's path with `.pub` added, as ssh-keygen does.
pub fn public_path(private: &Path) -> PathBuf {
    let mut name = private.as_os_str().to_owned();
    name.push(".pub");
    PathBuf::from(name)
}

/// Makes a new Ed25519 key at `path` (owner-only, written atomically) and its public half
/// beside it, encrypted with `passphrase` when one is given. Refuses to replace an
/// existing key unless `force`. The key's history (see [`super::history`]) records the new
/// key from now on and closes the one it replaces, so that receipts the old key signed
/// still verify.
pub fn generate(
    path: &Path,
    comment: &str,
    passphrase: Option<&Secret>,
    force: bool,
) -> Result<GeneratedKey, KeyError> {
    let public = public_path(path);
    if !force {
        for existing in [path, &public] {
            if existing.symlink_metadata().is_ok() {
                return Err(KeyError::Exists {
                    path: existing.to_owned(),
                });
            }
        }
    }
    // Read before it is overwritten: a key made before dsr kept histories is listed in none.
    let replaced = public_key(path).ok();
    let sign_err = |e: ssh_key::Error| KeyError::Sign(e.to_string());
    let mut key = PrivateKey::random(&mut OsRng, Algorithm::Ed25519).map_err(sign_err)?;
    key.set_comment(comment);
    let public_key = key.public_key().clone();
    let stored = match passphrase.filter(|p| !p.is_empty()) {
        Some(p) => key.encrypt(&mut OsRng, p.expose()).map_err(sign_err)?,
        None => key,
    };
    let pem = stored.to_openssh(LineEnding::LF).map_err(sign_err)?;
    let write_err = |path: &Path| {
        let path = path.to_owned();
        move |source| KeyError::Write { path, source }
    };
    // The history first: should writing the key fail after it, the history lists a key
    // that never signed anything, which trusts nothing that exists.
    super::history::record(path, replaced.as_ref(), &public_key, now())?;
    fsutil::write_atomic(path, pem.as_bytes()).map_err(write_err(path))?;
    let line = public_key.to_openssh().map_err(sign_err)?;
    fsutil::write_atomic(&public, format!("{line}\n").as_bytes()).map_err(write_err(&public))?;
    Ok(GeneratedKey {
        private_path: path.to_owned(),
        public_path: public,
        public_key,
        encrypted: stored.is_encrypted(),
    })
}

/// Now, to the second: the precision of receipts' times and of allowed_signers windows.
fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

fn read_text(path: &Path) -> Result<String, KeyError> {
    std::fs::read_to_string(path).map_err(|source| {
        if source.kind() == io::ErrorKind::NotFound {
            KeyError::NotFound {
                path: path.to_owned(),
            }
        } else {
            KeyError::Read {
                path: path.to_owned(),
                source,
            }
        }
    })
}

fn check_ed25519(path: &Path, algorithm: Algorithm) -> Result<(), KeyError> {
    if algorithm == Algorithm::Ed25519 {
        Ok(())
    } else {
        Err(KeyError::NotEd25519 {
            path: path.to_owned(),
            algorithm: algorithm.to_string(),
        })
    }
}

/// True when the private key at `path` is protected by a passphrase.
pub fn is_encrypted(path: &Path) -> Result<bool, KeyError> {
    Ok(read_private(path)?.is_encrypted())
}

fn read_private(path: &Path) -> Result<PrivateKey, KeyError> {
    let text = read_text(path)?;
    let key = PrivateKey::from_openssh(text.as_bytes()).map_err(|e| KeyError::Parse {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    check_ed25519(path, key.algorithm())?;
    Ok(key)
}

/// The public key of the key at `path`: `path` itself when it is a public key, else the
/// public half stored (unencrypted) in the private key file. No passphrase is needed.
pub fn public_key(path: &Path) -> Result<PublicKey, KeyError> {
    let text = read_text(path)?;
    let key = if text.trim_start().starts_with("-----BEGIN") {
        PrivateKey::from_openssh(text.as_bytes())
            .map(|k| k.public_key().clone())
            .map_err(|e| e.to_string())
    } else {
        PublicKey::from_openssh(text.trim()).map_err(|e| e.to_string())
    }
    .map_err(|message| KeyError::Parse {
        path: path.to_owned(),
        message,
    })?;
    check_ed25519(path, key.algorithm())?;
    Ok(key)
}

impl SigningKey {
    /// Reads and unlocks the private key at `path`. An encrypted key needs `passphrase`.
    pub fn load(path: &Path, passphrase: Option<&Secret>) -> Result<SigningKey, KeyError> {
        let key = read_private(path)?;
        let key = if key.is_encrypted() {
            let passphrase =
                passphrase
                    .filter(|p| !p.is_empty())
                    .ok_or_else(|| KeyError::NeedsPassphrase {
                        path: path.to_owned(),
                    })?;
            key.decrypt(passphrase.expose())
                .map_err(|_| KeyError::WrongPassphrase {
                    path: path.to_owned(),
                })?
        } else {
            key
        };
        Ok(SigningKey {
            key,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn public_key(&self) -> &PublicKey {
        self.key.public_key()
    }

    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint(HashAlg::Sha256).to_string()
    }

    /// A detached sshsig over `bytes` in the receipt namespace, PEM-armoured.
    pub fn sign(&self, bytes: &[u8]) -> Result<String, KeyError> {
        let sig = self
            .key
            .sign(NAMESPACE, HashAlg::Sha512, bytes)
            .map_err(|e| KeyError::Sign(e.to_string()))?;
        sig.to_pem(LineEnding::LF)
            .map_err(|e| KeyError::Sign(e.to_string()))
    }
}

/// One key trusted to sign receipts, the names it is known by, and when it may have signed.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    pub principals: Vec<String>,
    pub key: PublicKey,
    /// The namespaces the key may sign in; `None` for any.
    pub namespaces: Option<Vec<String>>,
    /// Signatures made before this time are not accepted (`valid-after`).
    pub valid_after: Option<OffsetDateTime>,
    /// Signatures made after this time are not accepted (`valid-before`): the key was
    /// replaced then.
    pub valid_before: Option<OffsetDateTime>,
}

impl TrustedKey {
    /// `key`, under [`PRINCIPAL`], for receipts, at any time.
    pub fn new(key: PublicKey) -> TrustedKey {
        TrustedKey {
            principals: vec![PRINCIPAL.to_owned()],
            key,
            namespaces: Some(vec![NAMESPACE.to_owned()]),
            valid_after: None,
            valid_before: None,
        }
    }

    /// True when a signature made at `at` falls in the key's window (both ends included,
    /// as ssh-keygen reads them).
    pub fn covers(&self, at: OffsetDateTime) -> bool {
        self.valid_after.is_none_or(|after| at >= after)
            && self.valid_before.is_none_or(|before| at <= before)
    }

    fn signs_receipts(&self) -> bool {
        self.namespaces
            .as_ref()
            .is_none_or(|ns| ns.iter().any(|n| n == NAMESPACE))
    }

    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint(HashAlg::Sha256).to_string()
    }

    /// The key as one allowed_signers line that lets `ssh-keygen -Y verify -I IDENTITY`
    /// accept receipts it signed, and nothing else it signed: the receipt namespace, the
    /// key's window in UTC (`valid-after="20261206130540Z"`), the key and its comment.
    pub fn allowed_signers_line(&self, identity: &str) -> String {
        let mut options = vec![format!("namespaces=\"{NAMESPACE}\"")];
        if let Some(after) = self.valid_after {
            options.push(format!("valid-after=\"{}\"", ssh_time(after)));
        }
        if let Some(before) = self.valid_before {
            options.push(format!("valid-before=\"{}\"", ssh_time(before)));
        }
        let encoded = self.key.to_openssh().unwrap_or_default();
        format!("{identity} {} {}", options.join(","), encoded.trim())
    }
}

/// A time as allowed_signers options take it, in UTC: `YYYYMMDDHHMMSSZ`.
pub fn ssh_time(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}Z",
        at.year(),
        at.month() as u8,
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Reads an allowed_signers time: `YYYYMMDD`, `YYYYMMDDHHMM` or `YYYYMMDDHHMMSS`, with a
/// `Z` for UTC. ssh-keygen reads a time without `Z` in the local time zone; dsr, which
/// always writes the `Z`, reads such a time as UTC.
fn parse_ssh_time(text: &str) -> Option<OffsetDateTime> {
    let digits = text.strip_suffix(['Z', 'z']).unwrap_or(text);
    if !digits.bytes().all(|b| b.is_ascii_digit()) || ![8, 12, 14].contains(&digits.len()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<u32>().ok();
    let month = time::Month::try_from(u8::try_from(number(4..6)?).ok()?).ok()?;
    let date = time::Date::from_calendar_date(
        i32::try_from(number(0..4)?).ok()?,
        month,
        number(6..8)? as u8,
    )
    .ok()?;
    let part = |range| number(range).map(|n| n as u8);
    let (hour, minute, second) = match digits.len() {
        8 => (0, 0, 0),
        12 => (part(8..10)?, part(10..12)?, 0),
        _ => (part(8..10)?, part(10..12)?, part(12..14)?),
    };
    let time = time::Time::from_hms(hour, minute, second).ok()?;
    Some(time::PrimitiveDateTime::new(date, time).assume_utc())
}

/// The keys a verifier accepts.
#[derive(Debug, Clone, Default)]
pub struct TrustedKeys {
    keys: Vec<TrustedKey>,
}

/// Why a signature is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the signature file is not an SSH signature: {0}")]
    Malformed(String),
    #[error("the signature is for namespace '{0}', not '{NAMESPACE}'")]
    Namespace(String),
    #[error("it is signed by a key that is not trusted ({0})")]
    UnknownSigner(String),
    #[error("the signature does not match the file: it was changed after signing")]
    Mismatch,
    #[error(
        "it is signed by {fingerprint} at {at}, when that key was not trusted to sign ({window}): a key replaced since signs nothing after its replacement"
    )]
    OutsideWindow {
        fingerprint: String,
        at: String,
        window: String,
    },
}

impl TrustedKeys {
    /// Trusts one key, under one name.
    pub fn single(principal: &str, key: PublicKey) -> TrustedKeys {
        TrustedKeys {
            keys: vec![TrustedKey {
                principals: vec![principal.to_owned()],
                key,
                namespaces: None,
                valid_after: None,
                valid_before: None,
            }],
        }
    }

    pub fn push(&mut self, key: TrustedKey) {
        self.keys.push(key);
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys, in the order listed.
    pub fn keys(&self) -> &[TrustedKey] {
        &self.keys
    }

    /// True when `key` is listed (at any time).
    pub fn contains(&self, key: &PublicKey) -> bool {
        self.keys.iter().any(|t| t.key.key_data() == key.key_data())
    }

    /// The listing of `key`, trusted for receipts, whose window holds `at`: a signature
    /// that checks out was made by a trusted key only if it was made while that key was
    /// trusted. `at` is the signing time the receipt states, under the signature.
    pub fn trusted_at(
        &self,
        key: &PublicKey,
        at: OffsetDateTime,
    ) -> Result<&TrustedKey, SignatureError> {
        let listed: Vec<&TrustedKey> = self
            .keys
            .iter()
            .filter(|t| t.key.key_data() == key.key_data() && t.signs_receipts())
            .collect();
        listed
            .iter()
            .find(|t| t.covers(at))
            .copied()
            .ok_or_else(|| SignatureError::OutsideWindow {
                fingerprint: key.fingerprint(HashAlg::Sha256).to_string(),
                at: crate::time::rfc3339(at.into()),
                window: listed
                    .iter()
                    .map(|t| window(t.valid_after, t.valid_before))
                    .collect::<Vec<_>>()
                    .join("; "),
            })
    }

    /// Reads an OpenSSH `allowed_signers` file (see ssh-keygen(1)): per line principals,
    /// options, a public key. Certificate authorities are not supported and are refused;
    /// lines for other key types are skipped.
    pub fn from_allowed_signers(path: &Path) -> Result<TrustedKeys, KeyError> {
        let text = read_text(path)?;
        let mut trusted = TrustedKeys::default();
        for (n, line) in text.lines().enumerate() {
            let problem = |problem: String| KeyError::AllowedSigners {
                path: path.to_owned(),
                line: n + 1,
                problem,
            };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields = split_fields(line).map_err(problem)?;
            let key_at = fields
                .iter()
                .position(|(_, f)| looks_like_key_type(f))
                .ok_or_else(|| problem("no public key on this line".to_owned()))?;
            if key_at == 0 {
                return Err(problem("the line names no principal".to_owned()));
            }
            let principals: Vec<String> = fields[0]
                .1
                .replace('"', "")
                .split(',')
                .map(str::to_owned)
                .collect();
            let mut namespaces = None;
            let (mut valid_after, mut valid_before) = (None, None);
            for (_, option) in &fields[1..key_at] {
                for option in split_options(option) {
                    let (name, value) = option.split_once('=').unwrap_or((&option, ""));
                    match name.to_ascii_lowercase().as_str() {
                        "namespaces" => {
                            namespaces = Some(
                                value
                                    .trim_matches('"')
                                    .split(',')
                                    .map(str::to_owned)
                                    .collect(),
                            );
                        }
                        "cert-authority" => {
                            return Err(problem(
                                "certificate authorities are not supported: list the signing key itself".to_owned(),
                            ));
                        }
                        // The window checked against a receipt's signing time, as
                        // `ssh-keygen -Y verify -O verify-time=…` checks it.
                        name @ ("valid-after" | "valid-before") => {
                            let at = parse_ssh_time(value.trim_matches('"')).ok_or_else(|| {
                                problem(format!(
                                    "{name} {value} is not a time: write YYYYMMDDHHMMSSZ"
                                ))
                            })?;
                            if name == "valid-after" {
                                valid_after = Some(at);
                            } else {
                                valid_before = Some(at);
                            }
                        }
                        _ => {}
                    }
                }
            }
            let key_text = &line[fields[key_at].0..];
            let key = PublicKey::from_openssh(key_text).map_err(|e| problem(e.to_string()))?;
            if key.algorithm() != Algorithm::Ed25519 {
                continue;
            }
            trusted.push(TrustedKey {
                principals,
                key,
                namespaces,
                valid_after,
                valid_before,
            });
        }
        Ok(trusted)
    }

    /// Checks a detached sshsig over `bytes` and returns the trusted key that made it.
    pub fn verify(&self, bytes: &[u8], signature: &str) -> Result<&TrustedKey, SignatureError> {
        let sig = SshSig::from_pem(signature.trim().as_bytes())
            .map_err(|e| SignatureError::Malformed(e.to_string()))?;
        if sig.namespace() != NAMESPACE {
            return Err(SignatureError::Namespace(sig.namespace().to_owned()));
        }
        let signer = self
            .keys
            .iter()
            .find(|t| t.key.key_data() == sig.public_key() && t.signs_receipts())
            .ok_or_else(|| {
                let key = PublicKey::new(sig.public_key().clone(), "");
                SignatureError::UnknownSigner(key.fingerprint(HashAlg::Sha256).to_string())
            })?;
        signer
            .key
            .verify(NAMESPACE, bytes, &sig)
            .map_err(|_| SignatureError::Mismatch)?;
        Ok(signer)
    }
}

/// A key's window for people: "from … until …", "until …", "from …", or "at any time".
pub fn window(after: Option<OffsetDateTime>, before: Option<OffsetDateTime>) -> String {
    let at = |t: OffsetDateTime| crate::time::rfc3339(t.into());
    match (after, before) {
        (Some(a), Some(b)) => format!("from {} until {}", at(a), at(b)),
        (None, Some(b)) => format!("until {}", at(b)),
        (Some(a), None) => format!("from {}", at(a)),
        (None, None) => "at any time".to_owned(),
    }
}

fn looks_like_key_type(field: &str) -> bool {
    field.starts_with("ssh-") || field.starts_with("ecdsa-") || field.starts_with("sk-")
}

/// Splits a line at unquoted blanks, keeping where each field starts.
fn split_fields(line: &str) -> Result<Vec<(usize, &str)>, String> {
    let mut fields = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match (c, start) {
            ('"', _) => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            (c, Some(s)) if c.is_whitespace() && !quoted => {
                fields.push((s, &line[s..i]));
                start = None;
            }
            (c, None) if !c.is_whitespace() => start = Some(i),
            _ => {}
        }
    }
    if quoted {
        return Err("a quote is not closed".to_owned());
    }
    if let Some(s) = start {
        fields.push((s, &line[s..]));
    }
    Ok(fields)
}

/// Splits `a,b="x,y",c` at commas outside quotes.
fn split_options(text: &str) -> Vec<String> {
    let mut options = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ',' if !quoted => options.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    options.push(current);
    options
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn generate_load_sign_verify() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/k");
        let made = generate(&path, "dpo@example.org", None, false).unwrap();
        assert!(!made.encrypted);
        assert!(matches!(
            generate(&path, "x", None, false),
            Err(KeyError::Exists { .. })
        ));
        let key = SigningKey::load(&path, None).unwrap();
        assert_eq!(key.public_key().key_data(), made.public_key.key_data());
        assert_eq!(
            public_key(&made.public_path).unwrap().key_data(),
            made.public_key.key_data()
        );
        let sig = key.sign(b"hello").unwrap();
        let trusted = TrustedKeys::single("dpo", public_key(&path).unwrap());
        assert_eq!(trusted.verify(b"hello", &sig).unwrap().principals, ["dpo"]);
        assert_eq!(
            trusted.verify(b"hellO", &sig).unwrap_err(),
            SignatureError::Mismatch
        );
        let other = generate(&dir.path().join("other"), "", None, false).unwrap();
        let strangers = TrustedKeys::single("x", other.public_key);
        assert!(matches!(
            strangers.verify(b"hello", &sig),
            Err(SignatureError::UnknownSigner(_))
        ));
        // Replacing needs force, and then gives a new key.
        let again = generate(&path, "x", None, true).unwrap();
        assert_ne!(again.public_key.key_data(), made.public_key.key_data());
    }

    #[test]
    fn a_passphrase_protects_the_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let secret = Secret::new("correct horse");
        let made = generate(&path, "c", Some(&secret), false).unwrap();
        assert!(made.encrypted);
        assert!(is_encrypted(&path).unwrap());
        assert!(matches!(
            SigningKey::load(&path, None),
            Err(KeyError::NeedsPassphrase { .. })
        ));
        assert!(matches!(
            SigningKey::load(&path, Some(&Secret::new("wrong"))),
            Err(KeyError::WrongPassphrase { .. })
        ));
        let key = SigningKey::load(&path, Some(&secret)).unwrap();
        // The public half is readable without the passphrase.
        assert_eq!(
            public_key(&path).unwrap().key_data(),
            key.public_key().key_data()
        );
    }

    #[test]
    fn allowed_signers_lines() {
        let dir = tempfile::tempdir().unwrap();
        let made = generate(&dir.path().join("k"), "c", None, false).unwrap();
        let line = TrustedKey::new(made.public_key.clone()).allowed_signers_line("dpo@example.org");
        assert!(line.starts_with("dpo@example.org namespaces=\"dsr-receipt\" ssh-ed25519 AAAA"));
        let path = dir.path().join("allowed_signers");
        std::fs::write(
            &path,
            format!(
                "# trusted\n\n{line}\n\"a b\",c valid-after=\"20240101\",namespaces=\"git,file\" {}\n",
                made.public_key.to_openssh().unwrap()
            ),
        )
        .unwrap();
        let trusted = TrustedKeys::from_allowed_signers(&path).unwrap();
        assert_eq!(trusted.keys.len(), 2);
        assert_eq!(trusted.keys[0].principals, ["dpo@example.org"]);
        assert_eq!(trusted.keys[1].principals, ["a b", "c"]);
        assert_eq!(
            trusted.keys[1].namespaces,
            Some(vec!["git".to_owned(), "file".to_owned()])
        );
        std::fs::write(&path, "nobody\n").unwrap();
        let err = TrustedKeys::from_allowed_signers(&path).unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }
}
