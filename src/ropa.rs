//! The record of processing (Art. 30) of one tenant: who the controller is and what
//! Art. 15(1)(a)–(h) asks every access package to tell the subject. The DPO fills it in once
//! per tenant, as a TOML file; `dsr tenant ropa NAME --init` writes a commented template.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(Debug, thiserror::Error)]
pub enum RopaError {
    #[error(
        "tenant '{tenant}' has no record of processing at {path}: write one with `dsr tenant ropa {tenant} --init` and fill it in"
    )]
    Missing { tenant: String, path: PathBuf },
    #[error("the record of processing {path} is not valid: {message}")]
    Invalid { path: PathBuf, message: String },
    #[error(
        "the record of processing {path} still holds the template's placeholders ({fields}): fill them in"
    )]
    Unfilled { path: PathBuf, fields: String },
    #[error(
        "the record of processing {path} does not say whether the data leaves the EU/EEA (Art. 15(2)): add a [[transfers]] table for each transfer, or transfers = [] when there are none (see `dsr tenant ropa --init` for the template)"
    )]
    TransfersUnstated { path: PathBuf },
    #[error("{path} already exists: edit it, or remove it to start from the template")]
    Exists { path: PathBuf },
    #[error("cannot read or write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The controller answering the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    pub name: String,
    pub address: String,
    pub email: String,
    /// The data protection officer's contact.
    #[serde(default)]
    pub dpo: String,
}

/// Everything Art. 15(1)(a)–(h) requires, per tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordOfProcessing {
    pub controller: Controller,
    /// (a) the purposes of the processing.
    pub purposes: Vec<String>,
    /// (b) the categories of personal data concerned.
    pub categories: Vec<String>,
    /// (c) the recipients or categories of recipient.
    pub recipients: Vec<String>,
    /// (d) how long the data is kept, or the criteria for it.
    pub retention: String,
    /// (e) the rights to rectification, erasure, restriction and objection.
    pub rights: String,
    /// (f) the right to complain to a supervisory authority: which one, and how.
    pub supervisory_authority: String,
    /// (g) where the data came from, when not from the subject.
    pub source: String,
    /// (h) automated decision-making, including profiling.
    pub automated_decisions: String,
    /// Art. 15(2): transfers to third countries and their safeguards. `None` when the record
    /// does not say: a package then refuses rather than claim there are none.
    #[serde(default)]
    pub transfers: Option<Vec<Transfer>>,
    /// The language packages are written in unless the command says otherwise.
    #[serde(default)]
    pub language: Option<Lang>,
}

/// One transfer of the data outside the EU/EEA (Art. 15(2), Art. 44–49).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// The third country or international organisation.
    pub country: String,
    /// Who receives the data there.
    #[serde(default)]
    pub recipient: String,
    /// What protects it (Art. 46): an adequacy decision, standard contractual clauses, ….
    pub safeguards: String,
}

/// The template `--init` writes: every field present, every placeholder marked so that an
/// unfinished record cannot go out in a package.
pub const TEMPLATE: &str = include_str!("../templates/ropa.toml");

const PLACEHOLDER: &str = "FILL IN";

impl RecordOfProcessing {
    pub fn load(tenant: &str, path: &Path) -> Result<RecordOfProcessing, RopaError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(RopaError::Missing {
                    tenant: tenant.to_owned(),
                    path: path.to_owned(),
                });
            }
            Err(source) => {
                return Err(RopaError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let ropa: RecordOfProcessing = toml::from_str(&text).map_err(|e| RopaError::Invalid {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        let unfilled = ropa.unfilled();
        if !unfilled.is_empty() {
            return Err(RopaError::Unfilled {
                path: path.to_owned(),
                fields: unfilled.join(", "),
            });
        }
        Ok(ropa)
    }

    /// [`RecordOfProcessing::load`] for a package the subject receives, which must also say
    /// whether the data leaves the EU/EEA: a record written before transfers were asked for
    /// is refused here rather than read as "no transfers". Other uses (the recipients an
    /// erasure receipt names) load it as it is.
    pub fn load_for_package(tenant: &str, path: &Path) -> Result<RecordOfProcessing, RopaError> {
        let ropa = RecordOfProcessing::load(tenant, path)?;
        if ropa.transfers.is_none() {
            return Err(RopaError::TransfersUnstated {
                path: path.to_owned(),
            });
        }
        Ok(ropa)
    }

    /// The language the record at `path` sets for packages: `None` when there is no record
    /// or it sets none. Read alone, so that a portable archive, which needs nothing else of
    /// the record, does not wait for it to be filled in.
    pub fn language(path: &Path) -> Result<Option<Lang>, RopaError> {
        #[derive(Deserialize)]
        struct LanguageOnly {
            language: Option<Lang>,
        }
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(RopaError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let only: LanguageOnly = toml::from_str(&text).map_err(|e| RopaError::Invalid {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        Ok(only.language)
    }

    /// Writes the template to `path`, refusing to overwrite a record.
    pub fn init(path: &Path) -> Result<(), RopaError> {
        if path.exists() {
            return Err(RopaError::Exists {
                path: path.to_owned(),
            });
        }
        crate::fsutil::write_atomic(path, TEMPLATE.as_bytes()).map_err(|source| RopaError::Io {
            path: path.to_owned(),
            source,
        })
    }

    /// The fields still holding the template's placeholder.
    fn unfilled(&self) -> Vec<&'static str> {
        let c = &self.controller;
        let singles = [
            ("controller.name", c.name.as_str()),
            ("controller.address", &c.address),
            ("controller.email", &c.email),
            ("controller.dpo", &c.dpo),
            ("retention", &self.retention),
            ("rights", &self.rights),
            ("supervisory_authority", &self.supervisory_authority),
            ("source", &self.source),
            ("automated_decisions", &self.automated_decisions),
        ];
        let lists = [
            ("purposes", &self.purposes),
            ("categories", &self.categories),
            ("recipients", &self.recipients),
        ];
        let mut out: Vec<&'static str> = singles
            .into_iter()
            .filter(|(_, v)| v.contains(PLACEHOLDER))
            .map(|(k, _)| k)
            .collect();
        let placeholder_transfer = self.transfers.iter().flatten().any(|t| {
            [&t.country, &t.recipient, &t.safeguards]
                .iter()
                .any(|v| v.contains(PLACEHOLDER))
        });
        if placeholder_transfer {
            out.push("transfers");
        }
        out.extend(
            lists
                .into_iter()
                .filter(|(_, v)| v.is_empty() || v.iter().any(|s| s.contains(PLACEHOLDER)))
                .map(|(k, _)| k),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_and_is_refused_until_filled() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("ropa.toml");
        RecordOfProcessing::init(&path).expect("init");
        assert!(matches!(
            RecordOfProcessing::init(&path),
            Err(RopaError::Exists { .. })
        ));
        match RecordOfProcessing::load("t", &path) {
            Err(RopaError::Unfilled { fields, .. }) => assert!(fields.contains("controller.name")),
            other => panic!("expected the placeholders to be refused, got {other:?}"),
        }
        let filled = TEMPLATE.replace(PLACEHOLDER, "Acme");
        std::fs::write(&path, filled).expect("write");
        let ropa = RecordOfProcessing::load("t", &path).expect("filled record");
        assert!(!ropa.purposes.is_empty());
        let transfers = ropa.transfers.expect("the template lists a transfer");
        assert!(
            transfers[0]
                .safeguards
                .contains("Standard Contractual Clauses")
        );
        assert_eq!(ropa.language, Some(Lang::En));
    }

    #[test]
    fn a_record_silent_on_transfers_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("ropa.toml");
        let filled = TEMPLATE.replace(PLACEHOLDER, "Acme");
        let silent = &filled[..filled.find("[[transfers]]").expect("the table")];
        std::fs::write(&path, silent).expect("write");
        RecordOfProcessing::load("t", &path).expect("other uses read an older record");
        match RecordOfProcessing::load_for_package("t", &path) {
            Err(e @ RopaError::TransfersUnstated { .. }) => {
                assert!(e.to_string().contains("transfers = []"), "{e}")
            }
            other => panic!("expected the missing transfers to be refused, got {other:?}"),
        }
        let none = silent.replace("[controller]", "transfers = []\n\n[controller]");
        std::fs::write(&path, none).expect("write");
        let ropa = RecordOfProcessing::load_for_package("t", &path).expect("no transfers, said so");
        assert_eq!(ropa.transfers, Some(vec![]));
    }
}
