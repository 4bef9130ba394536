//! The Art. 15 access package: the subject's data as found, the Art. 15(1)(a)–(h)
//! information from the tenant's record of processing, for people (`index.html`, a cover
//! letter) and for machines (`data.json` with its JSON Schema, `data.csv`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::case::Case;
use crate::disclose::SubjectAsset;
use crate::package::{Package, PackageError};
use crate::platform::Preview;
use crate::ropa::RecordOfProcessing;

/// The JSON Schema `data.json` follows, shipped beside it.
pub const DATA_SCHEMA: &str = include_str!("../schemas/access-data-v2.schema.json");
/// Names the shape of `data.json`; changes when the schema does.
pub const DATA_FORMAT: &str = "dsr-access/2";

/// The templates a package is rendered from; a folder given with `--templates` may replace
/// any of them by holding a file of the same name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("index.html", include_str!("../templates/access/index.html")),
    ("letter.md", include_str!("../templates/access/letter.md")),
];

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error(transparent)]
    Package(#[from] PackageError),
    #[error("cannot read the template {path}: {source}")]
    Template {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the template {name} cannot be rendered: {message}")]
    Render { name: String, message: String },
    #[error("cannot write data.json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write data.csv: {0}")]
    Csv(#[from] csv::Error),
}

/// `data.json`: everything the package says, in one document.
#[derive(Debug, Clone, Serialize)]
pub struct AccessData {
    pub format: &'static str,
    pub generated_at: String,
    pub controller: crate::ropa::Controller,
    pub case: CaseSummary,
    pub subject: Subject,
    pub processing: Processing,
    pub assets: Vec<PackagedAsset>,
    /// Assets the last sync could not read: the search did not cover them, so the answer
    /// may be incomplete. Ids only.
    pub not_searched: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    pub id: String,
    pub right: &'static str,
    pub article: &'static str,
    pub received: String,
    pub due: String,
    pub reference: Option<String>,
}

/// The identities the request was made with: the subject's own data, shown back to them.
#[derive(Debug, Clone, Serialize)]
pub struct Subject {
    pub identities: Vec<crate::index::identity::Identity>,
}

/// Art. 15(1)(a)–(h).
#[derive(Debug, Clone, Serialize)]
pub struct Processing {
    pub purposes: Vec<String>,
    pub categories: Vec<String>,
    pub recipients: Vec<String>,
    pub retention: String,
    pub rights: String,
    pub supervisory_authority: String,
    pub source: String,
    pub automated_decisions: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackagedAsset {
    #[serde(flatten)]
    pub asset: SubjectAsset,
    /// The preview image's path inside the package, if the platform had one.
    pub preview: Option<String>,
}

/// One asset to put in the package, with its preview.
pub struct Found {
    pub asset: SubjectAsset,
    pub preview: Option<Preview>,
}

impl AccessData {
    pub fn new(
        case: &Case,
        ropa: &RecordOfProcessing,
        found: &[Found],
        not_searched: &[String],
        generated_at: &str,
    ) -> AccessData {
        let assets = found
            .iter()
            .enumerate()
            .map(|(i, f)| PackagedAsset {
                asset: f.asset.clone(),
                preview: f
                    .preview
                    .as_ref()
                    .map(|p| format!("previews/{:04}.{}", i + 1, p.extension)),
            })
            .collect();
        AccessData {
            format: DATA_FORMAT,
            generated_at: generated_at.to_owned(),
            controller: ropa.controller.clone(),
            case: CaseSummary {
                id: case.id.clone(),
                right: case.right.as_str(),
                article: case.right.article(),
                received: case.received.clone(),
                due: case.due.clone(),
                reference: case.reference.clone(),
            },
            subject: Subject {
                identities: case.identities.clone(),
            },
            processing: Processing {
                purposes: ropa.purposes.clone(),
                categories: ropa.categories.clone(),
                recipients: ropa.recipients.clone(),
                retention: ropa.retention.clone(),
                rights: ropa.rights.clone(),
                supervisory_authority: ropa.supervisory_authority.clone(),
                source: ropa.source.clone(),
                automated_decisions: ropa.automated_decisions.clone(),
            },
            assets,
            not_searched: not_searched.to_vec(),
        }
    }
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    pub entries: Vec<crate::package::Entry>,
    /// SHA-256 of the ZIP, when the package is one.
    pub zip_sha256: Option<String>,
}

/// Renders and writes the package to `out` (a folder, or a ZIP when it ends in `.zip`).
pub fn write(
    data: &AccessData,
    found: &[Found],
    out: &Path,
    templates: Option<&Path>,
    replace: bool,
) -> Result<Written, AccessError> {
    let env = environment(templates)?;
    let render = |name: &str| -> Result<String, AccessError> {
        let template = env.get_template(name).map_err(|e| render_error(name, &e))?;
        template
            .render(minijinja::context! { data => data })
            .map_err(|e| render_error(name, &e))
    };
    let html = render("index.html")?;
    let letter = render("letter.md")?;
    let json = serde_json::to_vec_pretty(data)?;
    let csv = data_csv(data)?;

    let mut package = Package::create(out, None, replace)?;
    package.add("index.html", html.as_bytes())?;
    package.add("letter.md", letter.as_bytes())?;
    package.add("data.json", &json)?;
    package.add("data.schema.json", DATA_SCHEMA.as_bytes())?;
    package.add("data.csv", &csv)?;
    for (packaged, f) in data.assets.iter().zip(found) {
        if let (Some(path), Some(preview)) = (&packaged.preview, &f.preview) {
            package.add(path, &preview.bytes)?;
        }
    }
    let entries = package.entries().to_vec();
    let zip_sha256 = package.finish()?;
    Ok(Written {
        entries,
        zip_sha256,
    })
}

fn render_error(name: &str, e: &minijinja::Error) -> AccessError {
    AccessError::Render {
        name: name.to_owned(),
        message: format!("{e:#}"),
    }
}

/// The templates, each from the user's folder when it holds one of that name. minijinja
/// escapes every value rendered into `.html` templates.
fn environment(dir: Option<&Path>) -> Result<minijinja::Environment<'static>, AccessError> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    let mut sources = BTreeMap::new();
    for (name, builtin) in TEMPLATES {
        let source = match dir.map(|d| d.join(name)).filter(|p| p.exists()) {
            Some(path) => {
                std::fs::read_to_string(&path).map_err(|source| AccessError::Template {
                    path: path.clone(),
                    source,
                })?
            }
            None => (*builtin).to_owned(),
        };
        sources.insert(*name, source);
    }
    for (name, source) in sources {
        env.add_template_owned(name, source)
            .map_err(|e| render_error(name, &e))?;
    }
    Ok(env)
}

/// One row per value: asset, archive, file name, field, label, value.
fn data_csv(data: &AccessData) -> Result<Vec<u8>, AccessError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["asset", "archive", "filename", "field", "label", "value"])?;
    for a in &data.assets {
        for f in &a.asset.fields {
            for v in &f.values {
                writer.write_record(
                    [
                        &a.asset.id,
                        &a.asset.archive,
                        &a.asset.filename,
                        &f.field,
                        &f.label,
                        v,
                    ]
                    .map(|cell| neutralise(cell)),
                )?;
            }
        }
    }
    writer
        .into_inner()
        .map_err(|e| AccessError::Csv(csv::Error::from(e.into_error())))
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return before one) is prefixed with `'`, which spreadsheets show as text.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+47 912"), "'+47 912");
        assert_eq!(neutralise("@sum"), "'@sum");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("Jane Doe"), "Jane Doe");
    }

    #[test]
    fn the_builtin_templates_parse() {
        environment(None).expect("the builtin templates are valid");
    }
}
