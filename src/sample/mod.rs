//! Deterministic generator of the bundled sample tenant and of large synthetic tenants.
//!
//! Both generators write a tenant of the `dir` platform: one folder per archive,
//! each asset a small real PNG file `<archive>/<name>.png` next to a JSON sidecar
//! `<archive>/<name>.png.json` that holds FotoWeb-style metadata (field ids as keys),
//! plus a `README.md` at the root describing what was written.
//!
//! * [`write_sample_tenant`] writes the small tenant checked in under
//!   `examples/sample-tenant`: a scripted cast of people (the demo's subject Jane Doe,
//!   her look-alikes, and people whose names are written in several ways) spread over
//!   every personal-data field, padded with a crowd of generic people. Its README lists
//!   every scripted person and the assets and fields where each one appears, so tests
//!   can be written against it.
//! * [`write_synthetic_tenant`] writes tenants of any size for benchmarks, drawing names
//!   from pools large enough that a name query returns a realistic small set.
//!
//! Everything is derived from a seed and the asset's position — never from the clock,
//! the file system or the thread schedule — and sidecar keys are written in sorted order,
//! so the same inputs always give byte-identical folders. That is what lets the sample
//! tenant be regenerated at will instead of being edited by hand, and lets benchmark runs
//! be compared on the same data.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use fastrand::Rng;
use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

mod people;
mod records;

use people::*;

/// Seed of the bundled sample tenant.
pub const SAMPLE_SEED: u64 = 20240301;

/// What a generator wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedTenant {
    /// Number of assets (image file plus sidecar) written.
    pub assets: usize,
    /// Number of archive folders written.
    pub archives: usize,
}

/// Writes the bundled sample tenant (the one checked in under examples/sample-tenant) into `root` (created if missing; must be empty or absent).
pub fn write_sample_tenant(root: &Path) -> io::Result<GeneratedTenant> {
    prepare_root(root)?;
    let assets = sample_assets();
    for (index, asset) in assets.iter().enumerate() {
        let image = sample_png(index)?;
        let mut sidecar = sidecar_bytes(asset.created, asset.modified, &asset.metadata)?;
        if let Some(status) = records::consent_status(&asset.id) {
            sidecar = with_consent(&sidecar, status)?;
        }
        let path = root.join(&asset.id);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        write_asset_files(&path, &image, &sidecar)?;
    }
    records::write_records(root)?;
    let readme = sample_readme(&assets).map_err(io::Error::other)?;
    fs::write(root.join(README), readme)?;
    Ok(GeneratedTenant {
        assets: assets.len(),
        archives: SAMPLE_ARCHIVES.len(),
    })
}

/// Writes a synthetic tenant of `assets` assets (for benchmarks), reproducible from `seed`.
///
/// Assets are spread round-robin over up to ten archives `Archive01`..`Archive10`, and
/// within an archive into `batch-NNN` sub-folders of at most 1,000 assets, so no folder
/// holds more than 2,000 files. The asset with global index `i` is
/// `ArchiveAA/batch-BBB/img-IIIIII.png`. Files are written by several threads; the
/// content of each asset depends only on `seed` and its index.
pub fn write_synthetic_tenant(
    root: &Path,
    assets: usize,
    seed: u64,
) -> io::Result<GeneratedTenant> {
    prepare_root(root)?;
    let layout = SyntheticLayout::new(assets);
    layout.create_folders(root)?;
    let job = SyntheticJob {
        root,
        layout: &layout,
        pools: &NamePools::synthetic(),
        image: &synthetic_png()?,
        seed,
    };
    let guests = job.run()?;
    let readme = synthetic_readme(&layout, seed, &guests).map_err(io::Error::other)?;
    fs::write(root.join(README), readme)?;
    Ok(GeneratedTenant {
        assets,
        archives: layout.archives,
    })
}

// ---------------------------------------------------------------------------
// Metadata model and sidecars

const README: &str = "README.md";

const TITLE: u32 = 5;
const KEYWORDS: u32 = 25;
const BYLINE: u32 = 80;
const CAPTION: u32 = 120;
const ADDRESS: u32 = 304;
const EMAIL: u32 = 308;
const PHONE: u32 = 309;
const LOGIN: u32 = 360;
const UPLOADER: u32 = 361;
const SHOWN: u32 = 368;

/// Every field the generators write, with its README label and whether it is a list.
const FIELDS: [(u32, &str, bool); 10] = [
    (TITLE, "title", false),
    (KEYWORDS, "keywords", true),
    (BYLINE, "byline", true),
    (CAPTION, "caption", false),
    (ADDRESS, "address", false),
    (EMAIL, "e-mail", true),
    (PHONE, "phone", true),
    (LOGIN, "login", false),
    (UPLOADER, "uploader", false),
    (SHOWN, "shown", true),
];

/// The value of one metadata field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FieldValue {
    Text(String),
    List(Vec<String>),
}

/// The metadata of one asset, keyed by FotoWeb field id. Empty values are never stored.
#[derive(Debug, Clone, Default)]
struct Metadata(BTreeMap<u32, FieldValue>);

impl Metadata {
    fn text(&mut self, field: u32, value: &str) {
        if !value.is_empty() {
            self.0.insert(field, FieldValue::Text(value.to_owned()));
        }
    }

    fn list<S: AsRef<str>>(&mut self, field: u32, values: &[S]) {
        if !values.is_empty() {
            let values = values.iter().map(|v| v.as_ref().to_owned()).collect();
            self.0.insert(field, FieldValue::List(values));
        }
    }

    /// Appends to a list field, creating it (or replacing a text value) as needed.
    fn push(&mut self, field: u32, value: &str) {
        match self.0.get_mut(&field) {
            Some(FieldValue::List(items)) => items.push(value.to_owned()),
            _ => self.list(field, &[value]),
        }
    }

    fn has_personal_data(&self) -> bool {
        self.0
            .keys()
            .any(|field| *field != TITLE && *field != KEYWORDS)
    }
}

/// Serialises a sidecar: pretty-printed, keys sorted, trailing newline.
fn sidecar_bytes(created: i64, modified: i64, metadata: &Metadata) -> io::Result<Vec<u8>> {
    // Keys are inserted in sorted order so the output does not depend on whether
    // serde_json's `preserve_order` feature is enabled somewhere in the build.
    let mut fields: Vec<(String, Value)> = metadata
        .0
        .iter()
        .map(|(id, value)| (id.to_string(), field_json(value)))
        .collect();
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    let mut metadata = Map::new();
    for (key, value) in fields {
        metadata.insert(key, value);
    }
    let mut sidecar = Map::new();
    sidecar.insert("created".to_owned(), Value::String(rfc3339(created)?));
    sidecar.insert("metadata".to_owned(), Value::Object(metadata));
    sidecar.insert("modified".to_owned(), Value::String(rfc3339(modified)?));
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(sidecar)).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A sidecar with the asset's consent status added (`consentStatus`, first in key order).
fn with_consent(sidecar: &[u8], status: Value) -> io::Result<Vec<u8>> {
    let parsed: Map<String, Value> = serde_json::from_slice(sidecar).map_err(io::Error::other)?;
    let mut object = Map::new();
    object.insert("consentStatus".to_owned(), status);
    object.extend(parsed);
    let mut bytes = serde_json::to_vec_pretty(&Value::Object(object)).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn field_json(value: &FieldValue) -> Value {
    let inner = match value {
        FieldValue::Text(text) => Value::String(text.clone()),
        FieldValue::List(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
    };
    let mut object = Map::new();
    object.insert("value".to_owned(), inner);
    Value::Object(object)
}

/// Formats a Unix timestamp as RFC 3339 in UTC (`...Z`).
fn rfc3339(unix: i64) -> io::Result<String> {
    OffsetDateTime::from_unix_timestamp(unix)
        .map_err(io::Error::other)?
        .format(&Rfc3339)
        .map_err(io::Error::other)
}

// ---------------------------------------------------------------------------
// Files

/// Creates `root`, refusing one that already holds anything.
fn prepare_root(root: &Path) -> io::Result<()> {
    if root.exists() {
        if fs::read_dir(root)?.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not empty", root.display()),
            ));
        }
        return Ok(());
    }
    fs::create_dir_all(root)
}

/// Writes an image and its sidecar; the parent folder must exist.
fn write_asset_files(path: &Path, image: &[u8], sidecar: &[u8]) -> io::Result<()> {
    fs::write(path, image)?;
    fs::write(sidecar_path(path), sidecar)
}

/// The sidecar's name is the file's full name plus `.json`.
fn sidecar_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

/// Encodes 8-bit RGB pixels as a PNG.
fn encode_png(width: u32, height: u32, rgb: &[u8]) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(bytes)
}

const SAMPLE_PNG_WIDTH: u32 = 24;
const SAMPLE_PNG_HEIGHT: u32 = 16;

/// A 24×16 image whose colour is derived from the asset's position, with a diagonal
/// stripe so it is not a flat fill.
fn sample_png(index: usize) -> io::Result<Vec<u8>> {
    let colour = sample_colour(index);
    let stripe = colour.map(|c| c / 2 + 128);
    let mut rgb = Vec::new();
    for y in 0..SAMPLE_PNG_HEIGHT {
        for x in 0..SAMPLE_PNG_WIDTH {
            let on_stripe = (x + y) % 8 < 2;
            rgb.extend_from_slice(if on_stripe { &stripe } else { &colour });
        }
    }
    encode_png(SAMPLE_PNG_WIDTH, SAMPLE_PNG_HEIGHT, &rgb)
}

fn sample_colour(index: usize) -> [u8; 3] {
    [
        (index * 67 + 40) as u8,
        (index * 131 + 90) as u8,
        (index * 29 + 160) as u8,
    ]
}

/// The one image every synthetic asset shares: encoding once keeps generation fast.
fn synthetic_png() -> io::Result<Vec<u8>> {
    let rgb: Vec<u8> = (0..16 * 16).flat_map(|_| [96, 128, 160]).collect();
    encode_png(16, 16, &rgb)
}

/// What [`fill_people`] put into an asset.
struct FilledPeople {
    crowd: Vec<String>,
    account_person: Option<&'static str>,
}

/// Fills the personal-data fields of a generic asset with people from `pools`: a
/// photographer, zero to three people shown and named in the caption, an uploader
/// (a shared account or the photographer) and sometimes the photographer's contact
/// details.
fn fill_people(
    metadata: &mut Metadata,
    rng: &mut Rng,
    pools: &NamePools,
    accounts: &[Account],
    phrase: &str,
) -> FilledPeople {
    let byline = pools.pick(rng);
    let count = rng.usize(0..=3);
    let mut shown: Vec<CrowdPerson> = Vec::new();
    while shown.len() < count {
        let person = pools.pick(rng);
        if person != byline && !shown.contains(&person) {
            shown.push(person);
        }
    }
    let names: Vec<&str> = shown.iter().map(|p| p.name.as_str()).collect();
    metadata.list(BYLINE, &[&byline.name]);
    metadata.list(SHOWN, &names);
    metadata.text(CAPTION, &caption(&names, phrase, rng));

    let pick = rng.usize(..=accounts.len());
    let account_person = match accounts.get(pick) {
        Some(account) => {
            metadata.text(LOGIN, account.login);
            metadata.text(UPLOADER, account.name);
            account.person
        }
        None => {
            metadata.text(LOGIN, &byline.login);
            metadata.text(UPLOADER, &byline.name);
            None
        }
    };
    if rng.usize(..4) == 0 {
        metadata.list(EMAIL, &[byline.email()]);
    }
    if rng.usize(..6) == 0 {
        metadata.list(PHONE, &[mobile_number(rng)]);
    }
    let mut crowd: Vec<String> = std::iter::once(byline.name)
        .chain(shown.into_iter().map(|p| p.name))
        .collect();
    crowd.sort();
    FilledPeople {
        crowd,
        account_person,
    }
}

/// A caption naming `names` (if any) at the event described by `phrase`.
fn caption(names: &[&str], phrase: &str, rng: &mut Rng) -> String {
    let people = match names {
        [] => return format!("Overview of {phrase}."),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    if rng.bool() {
        format!("{people} during {phrase}.")
    } else {
        format!("{people}, photographed at {phrase}.")
    }
}

/// A Norwegian mobile number starting with 4, national or international. Scripted
/// numbers start with 9 or 2, so a generic one never collides with them.
fn mobile_number(rng: &mut Rng) -> String {
    let digits = format!("4{:07}", rng.u32(..10_000_000));
    let national = format!("{} {} {}", &digits[..3], &digits[3..5], &digits[5..]);
    if rng.bool() {
        national
    } else {
        format!("+47 {national}")
    }
}

fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

// ---------------------------------------------------------------------------
// Building the sample tenant

/// An asset of the sample tenant, before it is written.
struct Asset {
    /// Path relative to the root, `/`-separated.
    id: String,
    created: i64,
    modified: i64,
    metadata: Metadata,
    /// Keys of the scripted people on this asset.
    about: Vec<&'static str>,
    /// Names of the generic people on this asset.
    crowd: Vec<String>,
}

/// An asset before it has a position (and so a file name and timestamps).
struct Draft {
    stem: String,
    metadata: Metadata,
    about: Vec<&'static str>,
    crowd: Vec<String>,
}

fn scripted_draft(scripted: &Scripted) -> Draft {
    let mut metadata = Metadata::default();
    metadata.text(TITLE, scripted.title);
    metadata.list(KEYWORDS, scripted.keywords);
    metadata.list(BYLINE, scripted.byline);
    metadata.text(CAPTION, scripted.caption);
    metadata.list(SHOWN, scripted.shown);
    metadata.text(ADDRESS, scripted.address);
    metadata.list(EMAIL, scripted.emails);
    metadata.list(PHONE, scripted.phones);
    if let Some((login, name)) = scripted.uploader {
        metadata.text(LOGIN, login);
        metadata.text(UPLOADER, name);
    }
    Draft {
        stem: scripted.stem.to_owned(),
        metadata,
        about: scripted.about.to_vec(),
        crowd: Vec::new(),
    }
}

/// A generic asset; every ninth one carries no personal data at all.
fn generic_draft(
    archive: &SampleArchive,
    filler: usize,
    pools: &NamePools,
    rng: &mut Rng,
) -> Draft {
    let (title, phrase) = archive.subjects[rng.usize(..archive.subjects.len())];
    let year = rng.u32(2019..=2024);
    let mut metadata = Metadata::default();
    metadata.text(TITLE, &format!("{title} {year}"));
    metadata.list(KEYWORDS, &pick_keywords(archive.keywords, rng));
    let mut draft = Draft {
        stem: format!("{}-{year}", slug(title)),
        metadata,
        about: Vec::new(),
        crowd: Vec::new(),
    };
    if filler % 9 != 4 {
        let filled = fill_people(&mut draft.metadata, rng, pools, &SAMPLE_ACCOUNTS, phrase);
        draft.crowd = filled.crowd;
        draft.about.extend(filled.account_person);
    }
    draft
}

/// Two or three distinct keywords, in pool order.
fn pick_keywords(pool: &[&'static str], rng: &mut Rng) -> Vec<&'static str> {
    let mut indices: Vec<usize> = (0..pool.len()).collect();
    rng.shuffle(&mut indices);
    indices.truncate(rng.usize(2..=3));
    indices.sort_unstable();
    indices.into_iter().map(|i| pool[i]).collect()
}

/// All assets of the sample tenant, archive by archive, scripted ones shuffled in among
/// the generic ones.
fn sample_assets() -> Vec<Asset> {
    let mut rng = Rng::with_seed(SAMPLE_SEED);
    let pools = NamePools::sample();
    let mut clock = SAMPLE_EPOCH;
    let mut assets = Vec::new();
    for (index, archive) in SAMPLE_ARCHIVES.iter().enumerate() {
        let mut drafts: Vec<Draft> = SCRIPTED
            .iter()
            .filter(|scripted| scripted.archive == index)
            .map(scripted_draft)
            .collect();
        let mut filler = 0;
        while drafts.len() < ASSETS_PER_SAMPLE_ARCHIVE {
            drafts.push(generic_draft(archive, filler, &pools, &mut rng));
            filler += 1;
        }
        rng.shuffle(&mut drafts);
        for (position, draft) in drafts.into_iter().enumerate() {
            clock += rng.i64(2 * HOUR..2 * DAY);
            let modified = clock + rng.i64(HOUR..30 * DAY);
            assets.push(Asset {
                id: format!("{}/{}-{:03}.png", archive.name, draft.stem, position + 1),
                created: clock,
                modified,
                metadata: draft.metadata,
                about: draft.about,
                crowd: draft.crowd,
            });
        }
    }
    assets
}

// ---------------------------------------------------------------------------
// The sample tenant's README

/// Where and how `person` appears in `metadata`, one note per (field, variant).
fn mentions(metadata: &Metadata, person: &Person) -> Vec<String> {
    let mut notes = Vec::new();
    for (field, value) in &metadata.0 {
        for variant in person.variants {
            let found = match value {
                FieldValue::List(items) => items.iter().any(|item| item == variant.text),
                FieldValue::Text(text) if is_free_text(*field) => contains_word(text, variant.text),
                FieldValue::Text(text) => text == variant.text,
            };
            if found {
                notes.push(format!("{} {}", field_label(*field), describe(variant)));
            }
        }
    }
    notes
}

fn is_free_text(field: u32) -> bool {
    matches!(field, TITLE | CAPTION | ADDRESS)
}

/// Whether `needle` occurs in `haystack` as a whole word or address: not glued to a
/// letter or digit, and not part of a longer address such as `x.jane.doe@…` or `….com.au`.
fn contains_word(haystack: &str, needle: &str) -> bool {
    const JOINERS: &str = ".@_-+";
    haystack.match_indices(needle).any(|(start, _)| {
        let before = haystack[..start].chars().next_back();
        let mut after = haystack[start + needle.len()..].chars();
        let before_ok = before.is_none_or(|c| !c.is_alphanumeric() && !JOINERS.contains(c));
        let after_ok = match after.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some(c) if JOINERS.contains(c) => after.next().is_none_or(|d| !d.is_alphanumeric()),
            Some(_) => true,
        };
        before_ok && after_ok
    })
}

fn field_label(field: u32) -> String {
    let name = FIELDS
        .iter()
        .find(|(id, _, _)| *id == field)
        .map_or("field", |(_, name, _)| *name);
    format!("{field} {name}")
}

/// A variant as shown in the README: names quoted, identifiers in code spans.
fn describe(variant: &Variant) -> String {
    let text = match variant.kind {
        Kind::Name => format!("\"{}\"", variant.text),
        _ => format!("`{}`", variant.text),
    };
    if variant.label.is_empty() {
        text
    } else {
        format!("{text} ({})", variant.label)
    }
}

fn sample_readme(assets: &[Asset]) -> Result<String, fmt::Error> {
    let mut out = String::new();
    readme_intro(&mut out, assets)?;
    readme_fields(&mut out)?;
    for (role, heading) in [
        (Role::Subject, "The subject"),
        (
            Role::LookAlike,
            "Look-alikes: must NOT be taken for Jane Doe",
        ),
        (
            Role::Other,
            "Other people: every variant means the same person",
        ),
    ] {
        writeln!(out, "## {heading}\n")?;
        for person in PEOPLE.iter().filter(|p| p.role == role) {
            readme_person(&mut out, person, assets)?;
        }
    }
    readme_crowd(&mut out, assets)?;
    readme_without_people(&mut out, assets)?;
    Ok(out)
}

fn readme_intro(out: &mut String, assets: &[Asset]) -> fmt::Result {
    writeln!(out, "# Sample tenant\n")?;
    writeln!(
        out,
        "A tenant of the `dir` platform, generated by `dsr::sample::write_sample_tenant` \
         (seed {SAMPLE_SEED}). Do not edit it by hand: regenerate it instead; the output is \
         reproducible byte for byte.\n"
    )?;
    writeln!(out, "## Layout\n")?;
    let counts: Vec<String> = SAMPLE_ARCHIVES
        .iter()
        .map(|archive| {
            let prefix = format!("{}/", archive.name);
            let count = assets.iter().filter(|a| a.id.starts_with(&prefix)).count();
            format!("`{}` ({count})", archive.name)
        })
        .collect();
    writeln!(
        out,
        "- {} assets in {} archives: {}.",
        assets.len(),
        SAMPLE_ARCHIVES.len(),
        counts.join(", ")
    )?;
    writeln!(
        out,
        "- Each asset is a {SAMPLE_PNG_WIDTH}×{SAMPLE_PNG_HEIGHT} PNG `<archive>/<name>.png` with \
         its metadata in the sidecar `<archive>/<name>.png.json`. The asset id is the path \
         relative to this folder, e.g. `{}`. This README is not an asset.",
        assets.first().map_or("", |a| a.id.as_str())
    )?;
    records::readme_section(out)?;
    writeln!(
        out,
        "- The tenant's default phone region is NO (Norway).\n- Sidecar keys are FotoWeb \
         field ids; each value is `{{\"value\": ...}}`, a string or an array of strings.\n"
    )
}

fn readme_fields(out: &mut String) -> fmt::Result {
    writeln!(out, "| id | field | value |\n|---|---|---|")?;
    for (id, name, is_list) in FIELDS {
        let shape = if is_list { "array" } else { "string" };
        writeln!(out, "| {id} | {name} | {shape} |")?;
    }
    writeln!(out)
}

fn readme_person(out: &mut String, person: &Person, assets: &[Asset]) -> fmt::Result {
    writeln!(out, "### {}\n", person.name)?;
    writeln!(out, "{}\n", person.demonstrates)?;
    let forms: Vec<String> = person.variants.iter().map(describe).collect();
    writeln!(out, "Written as: {}.\n", forms.join(", "))?;
    let appearances: Vec<&Asset> = assets
        .iter()
        .filter(|asset| asset.about.contains(&person.key))
        .collect();
    let plural = if appearances.len() == 1 { "" } else { "s" };
    writeln!(out, "Appears in {} asset{plural}:\n", appearances.len())?;
    for asset in appearances {
        let notes = mentions(&asset.metadata, person);
        writeln!(out, "- `{}`: {}", asset.id, notes.join("; "))?;
    }
    writeln!(out)?;
    records::readme_records(out, person)
}

fn readme_crowd(out: &mut String, assets: &[Asset]) -> fmt::Result {
    writeln!(out, "## Generic people\n")?;
    writeln!(
        out,
        "The other assets name generic people built from the first names {} and the last \
         names {}, so many share a first or a last name. Their e-mail is \
         `first.last@example.com`, their login `first.last`; their phones are Norwegian \
         mobile numbers starting with 4. Uploaders of generic assets are `photo-desk` \
         (\"Photo Desk\"), `kari.n`, `olan` or the photographer.\n",
        CROWD_FIRST.join(", "),
        CROWD_LAST.join(", ")
    )?;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for asset in assets {
        for name in &asset.crowd {
            *counts.entry(name.as_str()).or_default() += 1;
        }
    }
    writeln!(out, "| name | assets |\n|---|---|")?;
    for (name, count) in counts {
        writeln!(out, "| {name} | {count} |")?;
    }
    writeln!(out)
}

fn readme_without_people(out: &mut String, assets: &[Asset]) -> fmt::Result {
    let ids: Vec<&str> = assets
        .iter()
        .filter(|asset| !asset.metadata.has_personal_data())
        .map(|asset| asset.id.as_str())
        .collect();
    writeln!(
        out,
        "## Assets without personal data\n\nThese {} assets have only a title and keywords:\n",
        ids.len()
    )?;
    for id in ids {
        writeln!(out, "- `{id}`")?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Synthetic tenants

const SYNTHETIC_ARCHIVES: usize = 10;
const SYNTHETIC_BATCH: usize = 1_000;
/// 2015-01-01T00:00:00Z.
const SYNTHETIC_EPOCH: i64 = 1_420_070_400;
/// One asset in this many also names a scripted person.
const SYNTHETIC_GUEST_ODDS: usize = 200;
/// One asset in this many carries no personal data.
const SYNTHETIC_BLANK_ODDS: usize = 12;

/// Where each synthetic asset goes.
struct SyntheticLayout {
    assets: usize,
    archives: usize,
}

impl SyntheticLayout {
    fn new(assets: usize) -> Self {
        Self {
            assets,
            archives: assets.min(SYNTHETIC_ARCHIVES),
        }
    }

    fn archive_name(archive: usize) -> String {
        format!("Archive{:02}", archive + 1)
    }

    fn batch_name(batch: usize) -> String {
        format!("batch-{batch:03}")
    }

    /// Assets are dealt round-robin, so archive `a` holds every index `≡ a (mod archives)`.
    fn assets_in_archive(&self, archive: usize) -> usize {
        (self.assets + self.archives - 1 - archive) / self.archives
    }

    /// Every non-empty (archive, batch) folder.
    fn folders(&self) -> Vec<(usize, usize)> {
        (0..self.archives)
            .flat_map(|archive| {
                let batches = self.assets_in_archive(archive).div_ceil(SYNTHETIC_BATCH);
                (0..batches).map(move |batch| (archive, batch))
            })
            .collect()
    }

    fn folder_path(root: &Path, (archive, batch): (usize, usize)) -> PathBuf {
        root.join(Self::archive_name(archive))
            .join(Self::batch_name(batch))
    }

    /// Global indices of the assets in one folder.
    fn indices(&self, (archive, batch): (usize, usize)) -> impl Iterator<Item = usize> + use<> {
        let start = batch * SYNTHETIC_BATCH;
        let end = (start + SYNTHETIC_BATCH).min(self.assets_in_archive(archive));
        let archives = self.archives;
        (start..end).map(move |local| local * archives + archive)
    }

    fn create_folders(&self, root: &Path) -> io::Result<()> {
        for folder in self.folders() {
            fs::create_dir_all(Self::folder_path(root, folder))?;
        }
        Ok(())
    }
}

/// Guest appearances of scripted people in a synthetic tenant, by person key.
type GuestCounts = BTreeMap<&'static str, usize>;

/// Everything the writer threads share.
struct SyntheticJob<'a> {
    root: &'a Path,
    layout: &'a SyntheticLayout,
    pools: &'a NamePools,
    image: &'a [u8],
    seed: u64,
}

impl SyntheticJob<'_> {
    /// Writes every folder, spreading folders over a few threads.
    fn run(&self) -> io::Result<GuestCounts> {
        let folders = self.layout.folders();
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let workers = thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, 8)
            .min(folders.len().max(1));
        let results: Vec<io::Result<GuestCounts>> = thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| scope.spawn(|| self.work(&folders, &next, &failed)))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle.join().unwrap_or_else(|_| {
                        Err(io::Error::other("synthetic writer thread panicked"))
                    })
                })
                .collect()
        });
        let mut total = GuestCounts::new();
        for counts in results {
            for (person, count) in counts? {
                *total.entry(person).or_default() += count;
            }
        }
        Ok(total)
    }

    /// Takes folders off the shared queue until it is empty or another thread failed.
    fn work(
        &self,
        folders: &[(usize, usize)],
        next: &AtomicUsize,
        failed: &AtomicBool,
    ) -> io::Result<GuestCounts> {
        let mut guests = GuestCounts::new();
        while !failed.load(Ordering::Relaxed) {
            let Some(&folder) = folders.get(next.fetch_add(1, Ordering::Relaxed)) else {
                break;
            };
            if let Err(error) = self.write_folder(folder, &mut guests) {
                failed.store(true, Ordering::Relaxed);
                return Err(error);
            }
        }
        Ok(guests)
    }

    fn write_folder(&self, folder: (usize, usize), guests: &mut GuestCounts) -> io::Result<()> {
        let dir = SyntheticLayout::folder_path(self.root, folder);
        for index in self.layout.indices(folder) {
            let asset = synthetic_asset(self.seed, index, self.pools);
            if let Some(person) = asset.guest {
                *guests.entry(person).or_default() += 1;
            }
            let sidecar = sidecar_bytes(asset.created, asset.modified, &asset.metadata)?;
            write_asset_files(
                &dir.join(format!("img-{index:06}.png")),
                self.image,
                &sidecar,
            )?;
        }
        Ok(())
    }
}

/// One synthetic asset's content.
struct SyntheticAsset {
    created: i64,
    modified: i64,
    metadata: Metadata,
    /// The scripted person it names, if any.
    guest: Option<&'static str>,
}

/// Builds asset `index` from its own random stream, so assets can be generated in any
/// order (and on any thread) with the same result.
fn synthetic_asset(seed: u64, index: usize, pools: &NamePools) -> SyntheticAsset {
    let mut rng = Rng::with_seed(splitmix64(seed ^ splitmix64(index as u64)));
    let archive = &SAMPLE_ARCHIVES[rng.usize(..SAMPLE_ARCHIVES.len())];
    let (title, phrase) = archive.subjects[rng.usize(..archive.subjects.len())];
    let mut metadata = Metadata::default();
    metadata.text(TITLE, &format!("{title} {}", rng.u32(2000..=2024)));
    metadata.list(KEYWORDS, &pick_keywords(archive.keywords, &mut rng));
    if rng.usize(..SYNTHETIC_BLANK_ODDS) != 0 {
        fill_people(&mut metadata, &mut rng, pools, &SYNTHETIC_ACCOUNTS, phrase);
    }
    let guest = (rng.usize(..SYNTHETIC_GUEST_ODDS) == 0).then(|| {
        let person = &PEOPLE[rng.usize(..PEOPLE.len())];
        add_guest(&mut metadata, person, &mut rng);
        person.key
    });
    let created = SYNTHETIC_EPOCH + index as i64 * 300 + rng.i64(0..300);
    SyntheticAsset {
        created,
        modified: created + rng.i64(0..90 * DAY),
        metadata,
        guest,
    }
}

/// Puts one variant of a scripted person into the field its kind belongs in.
fn add_guest(metadata: &mut Metadata, person: &Person, rng: &mut Rng) {
    let variant = &person.variants[rng.usize(..person.variants.len())];
    match variant.kind {
        Kind::Name => metadata.push(if rng.bool() { SHOWN } else { BYLINE }, variant.text),
        Kind::Email => metadata.push(EMAIL, variant.text),
        Kind::Phone => metadata.push(PHONE, variant.text),
        Kind::Login => {
            metadata.text(LOGIN, variant.text);
            metadata.text(UPLOADER, person.name);
        }
    }
}

/// SplitMix64: spreads neighbouring indices over unrelated seeds.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn synthetic_readme(
    layout: &SyntheticLayout,
    seed: u64,
    guests: &GuestCounts,
) -> Result<String, fmt::Error> {
    let mut out = String::new();
    writeln!(out, "# Synthetic tenant\n")?;
    writeln!(
        out,
        "A tenant of the `dir` platform for benchmarks, generated by \
         `dsr::sample::write_synthetic_tenant` with seed {seed}: {} assets in {} archives. \
         The same seed and size give the same files byte for byte.\n",
        layout.assets, layout.archives
    )?;
    writeln!(
        out,
        "- Layout: `ArchiveAA/batch-BBB/img-IIIIII.png` plus `img-IIIIII.png.json`; assets \
         are dealt round-robin over the archives, {SYNTHETIC_BATCH} per batch folder. All \
         images are the same 16×16 PNG.\n\
         - People: names drawn from 200 first × 300 last names; one asset in \
         {SYNTHETIC_BLANK_ODDS} has no personal data.\n\
         - One asset in about {SYNTHETIC_GUEST_ODDS} also names one of the sample tenant's \
         scripted people in one of their written forms.\n"
    )?;
    writeln!(out, "| scripted person | assets |\n|---|---|")?;
    for person in PEOPLE {
        let count = guests.get(person.key).copied().unwrap_or(0);
        writeln!(out, "| {} | {count} |", person.name)?;
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every file under `root`, by `/`-separated relative path.
    fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
        fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(root, &path, files);
                } else {
                    let relative = path.strip_prefix(root).unwrap();
                    let key = relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/");
                    files.insert(key, fs::read(&path).unwrap());
                }
            }
        }
        let mut files = BTreeMap::new();
        walk(root, root, &mut files);
        files
    }

    fn sample_tree() -> BTreeMap<String, Vec<u8>> {
        let dir = tempfile::tempdir().unwrap();
        let written = write_sample_tenant(dir.path()).unwrap();
        assert_eq!(
            written,
            GeneratedTenant {
                assets: 240,
                archives: 4
            }
        );
        read_tree(dir.path())
    }

    fn sidecars(tree: &BTreeMap<String, Vec<u8>>) -> Vec<(&String, Value)> {
        tree.iter()
            .filter(|(path, _)| path.ends_with(".json") && !path.starts_with(".records/"))
            .map(|(path, bytes)| (path, serde_json::from_slice(bytes).unwrap()))
            .collect()
    }

    /// Every string held in any metadata value of any sidecar.
    fn all_values(tree: &BTreeMap<String, Vec<u8>>) -> Vec<(String, u32, String)> {
        let mut values = Vec::new();
        for (path, sidecar) in sidecars(tree) {
            for (key, field) in sidecar["metadata"].as_object().unwrap() {
                let id: u32 = key.parse().unwrap();
                match &field["value"] {
                    Value::String(s) => values.push((path.clone(), id, s.clone())),
                    Value::Array(items) => values.extend(
                        items
                            .iter()
                            .map(|i| (path.clone(), id, i.as_str().unwrap().to_owned())),
                    ),
                    other => panic!("unexpected value {other}"),
                }
            }
        }
        values
    }

    fn assert_sidecar_shape(path: &str, sidecar: &Value) {
        let top = sidecar.as_object().unwrap();
        let keys: Vec<&str> = top
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "consentStatus")
            .collect();
        assert_eq!(keys, ["created", "metadata", "modified"], "{path}");
        for stamp in ["created", "modified"] {
            let text = sidecar[stamp].as_str().unwrap();
            assert!(text.ends_with('Z'), "{path}: {text}");
            OffsetDateTime::parse(text, &Rfc3339).unwrap();
        }
        let metadata = sidecar["metadata"].as_object().unwrap();
        assert!(!metadata.is_empty(), "{path}");
        for (key, field) in metadata {
            let id: u32 = key.parse().unwrap();
            let (_, _, is_list) = FIELDS.iter().find(|(f, _, _)| *f == id).unwrap();
            let object = field.as_object().unwrap();
            assert_eq!(object.len(), 1, "{path} {key}");
            match &object["value"] {
                Value::Array(items) if *is_list => {
                    assert!(!items.is_empty());
                    assert!(
                        items
                            .iter()
                            .all(|i| i.as_str().is_some_and(|s| !s.is_empty()))
                    );
                }
                Value::String(s) if !is_list => assert!(!s.is_empty()),
                other => panic!("{path} {key}: unexpected {other}"),
            }
        }
    }

    fn assert_png(path: &str, bytes: &[u8]) -> (u32, u32) {
        let decoder = png::Decoder::new(io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buffer).unwrap();
        assert!(info.width > 0 && info.height > 0, "{path}");
        (info.width, info.height)
    }

    #[test]
    fn sample_is_deterministic() {
        assert_eq!(sample_tree(), sample_tree());
    }

    #[test]
    fn sample_has_expected_layout() {
        let tree = sample_tree();
        let roots: Vec<&String> = tree.keys().filter(|p| !p.contains('/')).collect();
        assert_eq!(roots, ["README.md"]);
        let images: Vec<&String> = tree.keys().filter(|p| p.ends_with(".png")).collect();
        assert_eq!(images.len(), 240);
        for archive in &SAMPLE_ARCHIVES {
            let prefix = format!("{}/", archive.name);
            assert_eq!(images.iter().filter(|p| p.starts_with(&prefix)).count(), 60);
        }
        for image in images {
            assert!(tree.contains_key(&format!("{image}.json")), "{image}");
            let (_, name) = image.split_once('/').unwrap();
            assert!(!name.contains('/'));
            assert!(
                name.trim_end_matches(".png")
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name}"
            );
        }
        // 240 images, their sidecars, the README and 7 records.
        assert_eq!(tree.len(), 488);
        let records: Vec<&String> = tree.keys().filter(|p| p.starts_with(".records/")).collect();
        assert_eq!(records.len(), 7, "{records:?}");
        for record in records {
            let json: Value = serde_json::from_slice(&tree[record]).unwrap();
            assert!(
                json["metadata"].as_object().is_some_and(|m| !m.is_empty()),
                "{record}"
            );
        }
    }

    #[test]
    fn sample_images_decode_and_are_small() {
        let tree = sample_tree();
        let mut colours = BTreeSet::new();
        for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".png")) {
            assert_eq!(
                assert_png(path, bytes),
                (SAMPLE_PNG_WIDTH, SAMPLE_PNG_HEIGHT)
            );
            assert!(bytes.len() < 1024, "{path}: {} bytes", bytes.len());
            colours.insert(bytes.clone());
        }
        assert!(colours.len() > 200, "images should differ");
    }

    #[test]
    fn sample_sidecars_have_the_documented_shape() {
        let tree = sample_tree();
        for (path, sidecar) in sidecars(&tree) {
            assert_sidecar_shape(path, &sidecar);
        }
        let first = tree.iter().find(|(p, _)| p.ends_with(".json")).unwrap().1;
        assert!(first.ends_with(b"}\n"));
    }

    #[test]
    fn sample_holds_the_scripted_variants() {
        let values = all_values(&sample_tree());
        let count = |id: u32, text: &str| {
            values
                .iter()
                .filter(|(_, f, v)| *f == id && v == text)
                .count()
        };
        let anywhere = |needle: &str| values.iter().filter(|(_, _, v)| v.contains(needle)).count();
        assert_eq!(count(SHOWN, NFD_JORG_MULLER), 1);
        assert!(anywhere("Mu\u{0308}ller") >= 2, "NFD in 368 and caption");
        assert_eq!(count(BYLINE, "Jörg Müller"), 1);
        assert_eq!(count(BYLINE, "Joerg Mueller"), 1);
        assert_eq!(count(SHOWN, "Jorg Muller"), 1);
        assert_eq!(count(SHOWN, "Doe, Jane"), 1);
        assert_eq!(count(BYLINE, "J. Doe"), 1);
        assert_eq!(count(EMAIL, "Jane.Doe@Example.com"), 1);
        assert_eq!(count(PHONE, "912 34 567"), 1);
        assert_eq!(count(PHONE, "+47 912 34 567"), 1);
        assert_eq!(count(KEYWORDS, "Jane Doe"), 1);
        assert_eq!(count(LOGIN, "jdoe2"), 1);
        assert!(count(LOGIN, "jdoe") >= 2);
        assert_eq!(count(EMAIL, "jane.doe@example.com.au"), 1);
        assert_eq!(count(EMAIL, "mary.jane.doe@example.com"), 1);
        assert_eq!(
            count(
                CAPTION,
                "Ola Nordmann on the radio. Questions to jane.doe@example.com."
            ),
            1
        );
        assert_eq!(anywhere("Søren Kirkegaard"), 1);
        let last_first_in_captions = values
            .iter()
            .filter(|(_, f, v)| *f == CAPTION && v.contains("Doe, J"))
            .count();
        assert_eq!(
            last_first_in_captions, 0,
            "\"Last, First\" only in person fields"
        );
        assert!(anywhere("O\u{2019}Brien") >= 2 && anywhere("O'Brien") >= 1);
        assert!(anywhere("Max Weiß") >= 2 && anywhere("Max Weiss") >= 2);
        for text in [
            "Jane Smith",
            "John Doe",
            "Jane Doerr",
            "Kari Nordmann",
            "Ola Nordmann",
        ] {
            assert!(anywhere(text) >= 2, "{text}");
        }
        for phone in ["22 33 44 55", "+4722334455", "+49 30 1234567"] {
            assert_eq!(count(PHONE, phone), 1, "{phone}");
        }
        for login in ["kari.n", "olan", "photo-desk"] {
            assert!(count(LOGIN, login) >= 5, "{login}");
        }
    }

    #[test]
    fn nfc_literals_are_precomposed() {
        assert!("Jörg Müller".contains('\u{00FC}'));
        assert!(!"Jörg Müller".contains('\u{0308}'));
        assert!("Siobhán".contains('\u{00E1}'));
        assert!("Nguyễn".contains('\u{1EC5}'));
    }

    #[test]
    fn readme_notes_match_the_content() {
        let assets = sample_assets();
        for asset in &assets {
            for person in PEOPLE {
                let notes = mentions(&asset.metadata, person);
                if asset.about.contains(&person.key) {
                    assert!(
                        !notes.is_empty(),
                        "{} should mention {}",
                        asset.id,
                        person.name
                    );
                } else {
                    assert!(
                        notes.is_empty(),
                        "{} mentions {}: {notes:?}",
                        asset.id,
                        person.name
                    );
                }
            }
        }
        for person in PEOPLE {
            let appearances = assets
                .iter()
                .filter(|a| a.about.contains(&person.key))
                .count();
            assert!(appearances >= 1, "{}", person.name);
            let variants: BTreeSet<&str> = person.variants.iter().map(|v| v.text).collect();
            let seen: BTreeSet<&str> = assets
                .iter()
                .flat_map(|asset| {
                    person.variants.iter().filter(|v| {
                        let one = Person {
                            variants: std::slice::from_ref(v),
                            ..*person
                        };
                        !mentions(&asset.metadata, &one).is_empty()
                    })
                })
                .map(|v| v.text)
                .collect();
            assert_eq!(
                seen, variants,
                "every written form of {} is used",
                person.name
            );
        }
    }

    #[test]
    fn readme_is_at_the_root_and_names_everyone() {
        let tree = sample_tree();
        let readme = String::from_utf8(tree["README.md"].clone()).unwrap();
        for person in PEOPLE {
            assert!(
                readme.contains(&format!("### {}", person.name)),
                "{}",
                person.name
            );
        }
        assert!(readme.contains("## Assets without personal data"));
        let blanks = sample_assets()
            .iter()
            .filter(|a| !a.metadata.has_personal_data())
            .count();
        assert!(blanks >= 10, "{blanks}");
    }

    #[test]
    fn word_matching_rejects_longer_names_and_addresses() {
        assert!(contains_word("Jane Doe presents.", "Jane Doe"));
        assert!(!contains_word("Jane Doerr leads.", "Jane Doe"));
        assert!(contains_word(
            "Questions to jane.doe@example.com.",
            "jane.doe@example.com"
        ));
        assert!(!contains_word(
            "to jane.doe@example.com.au.",
            "jane.doe@example.com"
        ));
        assert!(!contains_word(
            "to mary.jane.doe@example.com.",
            "jane.doe@example.com"
        ));
    }

    #[test]
    fn generator_refuses_a_non_empty_root() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("something"), b"x").unwrap();
        let error = write_sample_tenant(dir.path()).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        let error = write_synthetic_tenant(dir.path(), 10, 1).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
    }

    #[test]
    fn sample_creates_a_missing_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("a").join("tenant");
        write_sample_tenant(&root).unwrap();
        assert!(root.join("README.md").is_file());
    }

    #[test]
    fn synthetic_pools_are_large_and_distinct() {
        let pools = NamePools::synthetic();
        let first: BTreeSet<&String> = pools.first.iter().collect();
        let last: BTreeSet<&String> = pools.last.iter().collect();
        assert_eq!((first.len(), last.len()), (200, 300));
        let scripted: BTreeSet<&str> = PEOPLE
            .iter()
            .flat_map(|p| p.variants.iter().flat_map(|v| v.text.split([' ', ','])))
            .collect();
        assert!(
            pools
                .first
                .iter()
                .chain(&pools.last)
                .all(|n| !scripted.contains(n.as_str()))
        );
    }

    #[test]
    fn synthetic_is_deterministic_and_well_formed() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let written = write_synthetic_tenant(a.path(), 2_345, 7).unwrap();
        assert_eq!(
            written,
            GeneratedTenant {
                assets: 2_345,
                archives: 10
            }
        );
        write_synthetic_tenant(b.path(), 2_345, 7).unwrap();
        let tree = read_tree(a.path());
        assert_eq!(tree, read_tree(b.path()));

        assert_eq!(tree.len(), 2 * 2_345 + 1);
        assert!(tree.contains_key("README.md"));
        assert!(tree.contains_key("Archive01/batch-000/img-000000.png"));
        assert!(tree.contains_key("Archive05/batch-000/img-002344.png.json"));
        let mut per_folder: BTreeMap<&str, usize> = BTreeMap::new();
        for path in tree.keys().filter(|p| p.ends_with(".png")) {
            let (folder, _) = path.rsplit_once('/').unwrap();
            *per_folder.entry(folder).or_default() += 1;
        }
        assert!(per_folder.values().all(|n| *n <= SYNTHETIC_BATCH));
        for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".png")).take(20) {
            assert_eq!(assert_png(path, bytes), (16, 16));
        }
        for (path, sidecar) in sidecars(&tree) {
            assert_sidecar_shape(path, &sidecar);
        }
    }

    #[test]
    fn synthetic_folders_stay_small_and_seeds_differ() {
        let layout = SyntheticLayout::new(100_000);
        let folders = layout.folders();
        assert_eq!(folders.len(), 100);
        let mut all: Vec<usize> = folders.iter().flat_map(|f| layout.indices(*f)).collect();
        all.sort_unstable();
        assert_eq!(all, (0..100_000).collect::<Vec<_>>());

        let pools = NamePools::synthetic();
        let a = synthetic_asset(1, 42, &pools);
        let b = synthetic_asset(2, 42, &pools);
        assert_ne!(a.metadata.0, b.metadata.0);
        assert_eq!(a.metadata.0, synthetic_asset(1, 42, &pools).metadata.0);
    }

    #[test]
    fn synthetic_names_scripted_people_occasionally() {
        let pools = NamePools::synthetic();
        let guests = (0..20_000)
            .filter(|i| synthetic_asset(3, *i, &pools).guest.is_some())
            .count();
        assert!((50..200).contains(&guests), "{guests}");
    }

    #[test]
    fn small_synthetic_tenants_use_fewer_archives() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_synthetic_tenant(dir.path(), 3, 1).unwrap();
        assert_eq!(
            written,
            GeneratedTenant {
                assets: 3,
                archives: 3
            }
        );
        let empty = tempfile::tempdir().unwrap();
        let written = write_synthetic_tenant(empty.path(), 0, 1).unwrap();
        assert_eq!(
            written,
            GeneratedTenant {
                assets: 0,
                archives: 0
            }
        );
    }
}
