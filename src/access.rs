//! The Art. 15 access package: the subject's data as found, the Art. 15(1)(a)–(h)
//! information from the tenant's record of processing, for people (`index.html`, a cover
//! letter as Markdown, plain text and HTML) in the package's language, and for machines (`data.json` with its JSON Schema, `data.csv`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::case::Case;
use crate::disclose::SubjectAsset;
use crate::lang::Lang;
use crate::package::{Package, PackageError};
use crate::platform::Preview;
use crate::ropa::{RecordOfProcessing, Transfer};

/// The JSON Schema `data.json` follows, shipped beside it.
pub const DATA_SCHEMA: &str = include_str!("../schemas/access-data-v4.schema.json");
/// Names the shape of `data.json`; changes when the schema does.
pub const DATA_FORMAT: &str = "dsr-access/4";

/// The templates a package is rendered from, by name: `index.html` is shared by every
/// language and takes its words from `<lang>/strings.toml`; each language has its own
/// `<lang>/letter.md`, from which letter.txt and letter.html are made. A folder given with
/// `--templates` may replace any of them by holding `<lang>/NAME` (for that language) or
/// `NAME` (for every language).
pub const TEMPLATES: &[(&str, &str)] = &[
    ("index.html", include_str!("../templates/access/index.html")),
    (
        "en/letter.md",
        include_str!("../templates/access/en/letter.md"),
    ),
    (
        "nb/letter.md",
        include_str!("../templates/access/nb/letter.md"),
    ),
    (
        "de/letter.md",
        include_str!("../templates/access/de/letter.md"),
    ),
    (
        "en/strings.toml",
        include_str!("../templates/access/en/strings.toml"),
    ),
    (
        "nb/strings.toml",
        include_str!("../templates/access/nb/strings.toml"),
    ),
    (
        "de/strings.toml",
        include_str!("../templates/access/de/strings.toml"),
    ),
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
    #[error("the words of the package, {name}, are not valid: {message}")]
    Strings { name: String, message: String },
    #[error("cannot write data.json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write data.csv: {0}")]
    Csv(#[from] csv::Error),
}

/// `data.json`: everything the package says, in one document.
#[derive(Debug, Clone, Serialize)]
pub struct AccessData {
    pub format: &'static str,
    /// The language index.html and the letters are written in.
    pub language: Lang,
    pub generated_at: String,
    pub controller: crate::ropa::Controller,
    pub case: CaseSummary,
    pub subject: Subject,
    pub processing: Processing,
    /// The assets found, each that points at another of them (a quote of her client
    /// record) under that one, in its `related`.
    pub assets: Vec<PackagedAsset>,
    /// How many assets the package holds, nested ones included.
    pub asset_count: usize,
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
    pub identities: Vec<crate::matching::identity::Identity>,
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
    /// Art. 15(2): transfers outside the EU/EEA and their safeguards; empty when the record
    /// of processing says there are none.
    pub transfers: Vec<Transfer>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackagedAsset {
    #[serde(flatten)]
    pub asset: SubjectAsset,
    /// The preview image's path inside the package, if the platform had one.
    pub preview: Option<String>,
    /// The assets of the package that point at this one (its quotes, their lines).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<PackagedAsset>,
}

impl PackagedAsset {
    /// This asset and every one nested under it, depth first.
    fn with_related(&self) -> Vec<&PackagedAsset> {
        let mut all = vec![self];
        for related in &self.related {
            all.extend(related.with_related());
        }
        all
    }
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
        language: Lang,
    ) -> AccessData {
        let flat: Vec<PackagedAsset> = found
            .iter()
            .enumerate()
            .map(|(i, f)| PackagedAsset {
                asset: f.asset.clone(),
                preview: f.preview.as_ref().map(|p| preview_path(i, p)),
                related: Vec::new(),
            })
            .collect();
        let asset_count = flat.len();
        let assets = nest(flat);
        AccessData {
            format: DATA_FORMAT,
            language,
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
                transfers: ropa.transfers.clone().unwrap_or_default(),
            },
            assets,
            asset_count,
            not_searched: not_searched.to_vec(),
        }
    }
}

/// Where the preview of the `i`th asset found goes inside the package.
fn preview_path(i: usize, preview: &Preview) -> String {
    format!("previews/{:04}.{}", i + 1, preview.extension)
}

/// Puts each asset that points at another of `flat` under that one, in the order found;
/// the rest stay at the top. Of a loop (two rows pointing at each other) the first found
/// stays at the top, the others under it: its pointer is the one not followed.
fn nest(flat: Vec<PackagedAsset>) -> Vec<PackagedAsset> {
    let index: BTreeMap<String, usize> = flat
        .iter()
        .enumerate()
        .map(|(i, a)| (a.asset.id.clone(), i))
        .collect();
    let mut parent: Vec<Option<usize>> = flat
        .iter()
        .map(|a| {
            let id = &a.asset.points_at.as_ref()?.id;
            index.get(id).copied()
        })
        .collect();
    for i in 0..flat.len() {
        // Up from its parent: coming back to itself is a loop, which is cut here.
        let mut at = parent[i];
        let mut steps = 0;
        while let Some(p) = at {
            if p == i || steps > flat.len() {
                parent[i] = None;
                break;
            }
            at = parent[p];
            steps += 1;
        }
    }
    let mut slots: Vec<Option<PackagedAsset>> = flat.into_iter().map(Some).collect();
    // Deepest first, so that each asset has its own related ones when it moves.
    let depth = |i: usize| {
        let (mut n, mut at) = (0, parent[i]);
        while let Some(p) = at {
            n += 1;
            at = parent[p];
        }
        n
    };
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(depth(i)));
    let mut children: Vec<Vec<PackagedAsset>> = vec![Vec::new(); slots.len()];
    for i in order {
        let Some(mut asset) = slots[i].take() else {
            continue;
        };
        asset.related = std::mem::take(&mut children[i]);
        match parent[i] {
            Some(p) => children[p].push(asset),
            None => slots[i] = Some(asset),
        }
    }
    // Siblings share a depth, and the sort is stable: they stay in the order found.
    slots.into_iter().flatten().collect()
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
    let lang = data.language;
    let env = environment(templates, lang)?;
    let strings = strings(templates, lang)?;
    let render = |name: &str| -> Result<String, AccessError> {
        let template = env.get_template(name).map_err(|e| render_error(name, &e))?;
        template
            .render(minijinja::context! { data => data, t => strings, lang => lang.code() })
            .map_err(|e| render_error(name, &e))
    };
    let html = render("index.html")?;
    let letter_md = render("letter.md")?;
    let letter_txt = crate::letter::to_text(&letter_md);
    let letter_html = crate::letter::to_html(&letter_md, lang.code());
    let json = serde_json::to_vec_pretty(data)?;
    let csv = data_csv(data)?;

    let mut package = Package::create(out, None, replace)?;
    package.add("index.html", html.as_bytes())?;
    package.add("letter.md", letter_md.as_bytes())?;
    package.add("letter.txt", letter_txt.as_bytes())?;
    package.add("letter.html", letter_html.as_bytes())?;
    package.add("data.json", &json)?;
    package.add("data.schema.json", DATA_SCHEMA.as_bytes())?;
    package.add("data.csv", &csv)?;
    for (i, f) in found.iter().enumerate() {
        if let Some(preview) = &f.preview {
            package.add(&preview_path(i, preview), &preview.bytes)?;
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

/// The source of template `name` in `lang`: the user's `<lang>/NAME`, their `NAME`, the
/// built-in `<lang>/NAME`, or the built-in `NAME`, whichever comes first.
fn source(dir: Option<&Path>, lang: Lang, name: &str) -> Result<String, AccessError> {
    let localized = format!("{}/{name}", lang.code());
    if let Some(dir) = dir {
        for path in [dir.join(&localized), dir.join(name)] {
            if path.exists() {
                return std::fs::read_to_string(&path)
                    .map_err(|source| AccessError::Template { path, source });
            }
        }
    }
    let builtin = TEMPLATES
        .iter()
        .find(|(n, _)| *n == localized)
        .or_else(|| TEMPLATES.iter().find(|(n, _)| *n == name))
        .map(|(_, text)| (*text).to_owned());
    Ok(builtin.unwrap_or_default())
}

/// The words `index.html` uses in `lang`, by key.
fn strings(dir: Option<&Path>, lang: Lang) -> Result<BTreeMap<String, String>, AccessError> {
    let text = source(dir, lang, "strings.toml")?;
    toml::from_str(&text).map_err(|e| AccessError::Strings {
        name: format!("{}/strings.toml", lang.code()),
        message: e.to_string(),
    })
}

/// The templates in `lang`. minijinja escapes every value rendered into `.html` templates.
/// The filters `date` and `reason` word dates and reason codes in the package's language.
fn environment(
    dir: Option<&Path>,
    lang: Lang,
) -> Result<minijinja::Environment<'static>, AccessError> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_filter("date", move |value: String| lang.long_date(&value));
    env.add_filter("reason", move |code: String, label: String| {
        lang.reason(&code, &label)
    });
    for name in ["index.html", "letter.md"] {
        env.add_template_owned(name, source(dir, lang, name)?)
            .map_err(|e| render_error(name, &e))?;
    }
    Ok(env)
}

/// One row per value: asset, archive, file name, field, label, value.
fn data_csv(data: &AccessData) -> Result<Vec<u8>, AccessError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["asset", "archive", "filename", "field", "label", "value"])?;
    for a in data.assets.iter().flat_map(PackagedAsset::with_related) {
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

    fn packaged(id: &str, points_at: Option<&str>) -> PackagedAsset {
        PackagedAsset {
            asset: SubjectAsset {
                id: id.to_owned(),
                archive: "t".to_owned(),
                archive_label: None,
                filename: id.to_owned(),
                modified: None,
                fields: Vec::new(),
                judged_by_review: false,
                points_at_theirs: points_at.is_some(),
                points_at: points_at.map(|p| crate::disclose::PointsAt {
                    id: p.to_owned(),
                    through: vec!["T · parent".to_owned()],
                }),
                files: Vec::new(),
            },
            preview: None,
            related: Vec::new(),
        }
    }

    fn tree(assets: &[PackagedAsset]) -> Vec<String> {
        assets
            .iter()
            .map(|a| {
                let below = tree(&a.related);
                if below.is_empty() {
                    a.asset.id.clone()
                } else {
                    format!("{} [{}]", a.asset.id, below.join(", "))
                }
            })
            .collect()
    }

    #[test]
    fn assets_nest_under_what_they_point_at_and_a_loop_is_cut() {
        let nested = nest(vec![
            packaged("line-1", Some("quote")),
            packaged("client", None),
            packaged("quote", Some("client")),
            packaged("line-2", Some("quote")),
            packaged("a", Some("b")),
            packaged("b", Some("a")),
            packaged("stray", Some("gone")),
        ]);
        assert_eq!(
            tree(&nested),
            ["client [quote [line-1, line-2]]", "a [b]", "stray"]
        );
    }

    #[test]
    fn the_builtin_templates_parse_in_every_language() {
        let en = strings(None, Lang::En).expect("English words");
        for lang in Lang::ALL {
            environment(None, lang).expect("the builtin templates are valid");
            let words = strings(None, lang).expect("the words parse");
            let missing: Vec<&String> = en.keys().filter(|k| !words.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
    }
}
