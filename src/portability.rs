//! The Art. 20 portable archive: the files the subject provided and their data, in a ZIP
//! any machine can read — `originals/`, `metadata.json`, `metadata.csv`, a `manifest.json`
//! with every entry's size and SHA-256, and a `README.txt`. Entry order and times are fixed,
//! so the same input gives the same bytes; originals are streamed through a temporary file,
//! so memory stays flat however large they are.

use std::collections::BTreeSet;
use std::io::{Seek, SeekFrom};
use std::path::Path;

use serde::Serialize;

use crate::access::neutralise;
use crate::asset::Asset;
use crate::case::Case;
use crate::disclose::SubjectAsset;
use crate::fields::{FieldRoles, Role};
use crate::lang::Lang;
use crate::matching::matcher::{Confidence, Matcher, Rule};
use crate::package::{Entry, Package, PackageError, safe_name};
use crate::platform::{Platform, PlatformError};

pub const FORMAT: &str = "dsr-portable/1";

/// README.txt in each language, and what follows it when the rest of the archive is
/// encrypted.
const READMES: [(Lang, &str, &str); 3] = [
    (
        Lang::En,
        include_str!("../templates/portability/en/README.txt"),
        include_str!("../templates/portability/en/README-encrypted.txt"),
    ),
    (
        Lang::Nb,
        include_str!("../templates/portability/nb/README.txt"),
        include_str!("../templates/portability/nb/README-encrypted.txt"),
    ),
    (
        Lang::De,
        include_str!("../templates/portability/de/README.txt"),
        include_str!("../templates/portability/de/README-encrypted.txt"),
    ),
];

/// README.txt in `lang`, saying how to open the rest when it is `encrypted`.
fn readme(lang: Lang, encrypted: bool) -> String {
    let (readme, how_to_open) = READMES
        .iter()
        .find(|(l, _, _)| *l == lang)
        .map_or((READMES[0].1, READMES[0].2), |(_, r, e)| (*r, *e));
    if encrypted {
        format!("{readme}\n{how_to_open}")
    } else {
        readme.to_owned()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PortabilityError {
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error("cannot download the original of asset {id}: {source}")]
    Download {
        id: String,
        #[source]
        source: PlatformError,
    },
    #[error("cannot stage an original in {path}: {source}")]
    Staging {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write the metadata: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write the metadata: {0}")]
    Csv(#[from] csv::Error),
}

/// True when the subject provided the asset: their login, or their name in a login or
/// uploader field, matched with high confidence.
pub fn provided_by_subject(asset: &Asset, matcher: &Matcher, roles: &FieldRoles) -> bool {
    matcher.matches(&asset.metadata).iter().any(|m| {
        m.confidence == Confidence::High
            && (m.rule == Rule::Login
                || (roles.role(&m.field) == Role::Login)
                || m.field == crate::fields::UPLOADER_NAME)
    })
}

/// One asset of the archive.
pub struct Item {
    pub asset: Asset,
    pub view: SubjectAsset,
    /// Whether its original goes into `originals/`.
    pub original: bool,
}

#[derive(Serialize)]
struct Metadata<'a> {
    format: &'static str,
    case: &'a str,
    right: &'static str,
    article: &'static str,
    assets: Vec<MetadataAsset<'a>>,
}

#[derive(Serialize)]
struct MetadataAsset<'a> {
    #[serde(flatten)]
    view: &'a SubjectAsset,
    original: Option<String>,
    #[serde(skip_serializing_if = "<[CarriedFile]>::is_empty")]
    files: &'a [CarriedFile],
}

/// A file behind an asset, as the archive carries it.
#[derive(Serialize)]
struct CarriedFile {
    /// Its key in the store.
    name: String,
    /// Its entry in the archive.
    path: String,
    sha256: String,
}

#[derive(Serialize)]
struct Manifest<'a> {
    format: &'static str,
    entries: &'a [Entry],
    /// Assets the last sync could not read: the search did not cover them. Ids only.
    not_searched: &'a [String],
}

/// How the archive is sealed and worded.
pub struct Options {
    /// Encrypts every entry but README.txt with AES-256.
    pub password: Option<String>,
    /// The language of README.txt.
    pub lang: Lang,
}

/// What was written.
pub struct Written {
    pub entries: Vec<Entry>,
    pub sha256: String,
    pub originals: usize,
}

/// Writes the portable ZIP to `out`, its manifest naming the assets the search did not
/// cover (`not_searched`), its README in `lang`. `staging` is an owner-only folder where originals pass on their
/// way from the platform into the archive. Nothing in it depends on the time it is written
/// (the receipt records that), so the same data gives the same bytes.
pub fn write(
    case: &Case,
    items: &[Item],
    not_searched: &[String],
    platform: &dyn Platform,
    out: &Path,
    staging: &Path,
    options: Options,
) -> Result<Written, PortabilityError> {
    let Options { password, lang } = options;
    let encrypted = password.is_some();
    let mut package = Package::create(out, password, false)?;
    let mut used = BTreeSet::new();
    let mut originals = Vec::new();
    for item in items {
        if !item.original {
            originals.push(None);
            continue;
        }
        let name = unique(
            &mut used,
            &format!(
                "originals/{}/{}",
                safe_name(&item.asset.archive),
                safe_name(&item.asset.filename)
            ),
        );
        let staged_err = |source| PortabilityError::Staging {
            path: staging.to_owned(),
            source,
        };
        let mut file = tempfile::tempfile_in(staging).map_err(staged_err)?;
        platform
            .download(&item.asset.id, &mut file)
            .map_err(|source| PortabilityError::Download {
                id: item.asset.id.clone(),
                source,
            })?;
        file.seek(SeekFrom::Start(0)).map_err(staged_err)?;
        package.add_reader(&name, &mut file)?;
        originals.push(Some(name));
    }
    // The files behind assets (a database row's file in an object store) go in whole,
    // whichever asset names them: the row is the subject's, and so is the file.
    let mut files = Vec::new();
    for item in items {
        let mut carried = Vec::new();
        let listed =
            platform
                .files(&item.asset.id)
                .map_err(|source| PortabilityError::Download {
                    id: item.asset.id.clone(),
                    source,
                })?;
        for file in listed {
            let path = unique(
                &mut used,
                &format!(
                    "files/{}/{}",
                    safe_name(&item.asset.archive),
                    safe_name(&file.name)
                ),
            );
            let staged_err = |source| PortabilityError::Staging {
                path: staging.to_owned(),
                source,
            };
            let mut staged = tempfile::tempfile_in(staging).map_err(staged_err)?;
            platform
                .download_file(&item.asset.id, &file.name, &mut staged)
                .map_err(|source| PortabilityError::Download {
                    id: item.asset.id.clone(),
                    source,
                })?;
            staged.seek(SeekFrom::Start(0)).map_err(staged_err)?;
            let sha256 = package.add_reader(&path, &mut staged)?.sha256.clone();
            carried.push(CarriedFile {
                name: file.name,
                path,
                sha256,
            });
        }
        files.push(carried);
    }

    let metadata = Metadata {
        format: FORMAT,
        case: &case.id,
        right: case.right.as_str(),
        article: case.right.article(),
        assets: items
            .iter()
            .zip(&originals)
            .zip(&files)
            .map(|((item, original), files)| MetadataAsset {
                view: &item.view,
                original: original.clone(),
                files,
            })
            .collect(),
    };
    package.add("metadata.json", &serde_json::to_vec_pretty(&metadata)?)?;
    package.add("metadata.csv", &metadata_csv(items, &originals)?)?;
    if encrypted {
        package.add_unencrypted("README.txt", readme(lang, true).as_bytes())?;
    } else {
        package.add("README.txt", readme(lang, false).as_bytes())?;
    }
    let manifest = serde_json::to_vec_pretty(&Manifest {
        format: FORMAT,
        entries: package.entries(),
        not_searched,
    })?;
    package.add("manifest.json", &manifest)?;
    let entries = package.entries().to_vec();
    let sha256 = package.finish()?.unwrap_or_default();
    Ok(Written {
        entries,
        sha256,
        originals: originals.iter().flatten().count() + files.iter().flatten().count(),
    })
}

/// `name`, or `name` with a number before its extension when an entry already has it.
fn unique(used: &mut BTreeSet<String>, name: &str) -> String {
    let mut candidate = name.to_owned();
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') && !ext.contains('/') => {
            (stem.to_owned(), format!(".{ext}"))
        }
        _ => (name.to_owned(), String::new()),
    };
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{stem} ({n}){ext}");
        n += 1;
    }
    candidate
}

fn metadata_csv(items: &[Item], originals: &[Option<String>]) -> Result<Vec<u8>, PortabilityError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "asset", "archive", "filename", "original", "field", "label", "value",
    ])?;
    for (item, original) in items.iter().zip(originals) {
        let original = original.clone().unwrap_or_default();
        for f in &item.view.fields {
            for v in &f.values {
                writer.write_record(
                    [
                        &item.view.id,
                        &item.view.archive,
                        &item.view.filename,
                        &original,
                        &f.field,
                        &f.label,
                        v,
                    ]
                    .map(|c| neutralise(c)),
                )?;
            }
        }
    }
    writer
        .into_inner()
        .map_err(|e| PortabilityError::Csv(csv::Error::from(e.into_error())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_file_name_lands_inside_the_zip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let tenant = dir.path().join("tenant");
        std::fs::create_dir_all(tenant.join("A")).expect("archive");
        std::fs::write(tenant.join("A/x.jpg"), b"original bytes").expect("file");
        std::fs::write(tenant.join("A/x.jpg.json"), br#"{"metadata": {}}"#).expect("sidecar");
        let platform = crate::platform::dir::DirPlatform::open(&tenant).expect("tenant");
        let asset = Asset {
            id: "A/x.jpg".into(),
            archive: "../..".into(),
            filename: "../../evil.jpg".into(),
            modified: None,
            version: "1".into(),
            metadata: Default::default(),
        };
        let view = SubjectAsset {
            id: asset.id.clone(),
            archive: asset.archive.clone(),
            archive_label: None,
            filename: asset.filename.clone(),
            modified: None,
            fields: Vec::new(),
            judged_by_review: false,
            points_at_theirs: false,
            points_at: None,
            files: Vec::new(),
        };
        let case = crate::case::Case {
            format: 1,
            id: "20261201-001".into(),
            tenant: "t".into(),
            right: crate::case::Right::Portability,
            identities: Vec::new(),
            received: "2026-12-01".into(),
            due: "2027-01-01".into(),
            extension: None,
            reference: None,
            verified_by: None,
            opened_at: "2026-12-01T00:00:00Z".into(),
            closed_at: None,
            matches: Vec::new(),
            review: Default::default(),
            history: Vec::new(),
            batch: None,
            purged: None,
            tenants: Vec::new(),
            declined: Default::default(),
        };
        let out = dir.path().join("out.zip");
        let items = [Item {
            asset,
            view,
            original: true,
        }];
        let options = Options {
            password: None,
            lang: Lang::En,
        };
        write(&case, &items, &[], &platform, &out, dir.path(), options).expect("written");
        let zip = zip::ZipArchive::new(std::fs::File::open(&out).expect("zip")).expect("a zip");
        let names: Vec<String> = zip
            .file_names()
            .map(|n| n.expect("a UTF-8 name").into_owned())
            .collect();
        assert!(
            names.iter().any(|n| n == "originals/unnamed/evil.jpg"),
            "{names:?}"
        );
        assert!(
            names
                .iter()
                .all(|n| !n.contains("..") && !n.starts_with('/'))
        );
    }

    #[test]
    fn clashing_names_are_numbered() {
        let mut used = BTreeSet::new();
        assert_eq!(unique(&mut used, "originals/A/x.jpg"), "originals/A/x.jpg");
        assert_eq!(
            unique(&mut used, "originals/A/x.jpg"),
            "originals/A/x (2).jpg"
        );
        assert_eq!(unique(&mut used, "originals/A/y"), "originals/A/y");
        assert_eq!(unique(&mut used, "originals/A/y"), "originals/A/y (2)");
    }
}
