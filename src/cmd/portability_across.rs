//! `dsr portability CASE --group NAME` (or `--all-tenants`): one Art. 20 ZIP for a request
//! across systems. Each system's archive is written by the code `dsr portability` of that
//! tenant alone runs, then copied entry by entry into a folder of the one ZIP named after
//! the tenant; a top `manifest.json` names the systems and every entry with its SHA-256,
//! its path prefixed by its system's folder.
//!
//! As for access, a system that cannot be read refuses the archive (exit 3, the system
//! named) before anything is written.

use std::path::Path;

use anyhow::{Context as _, Result, bail};
use dsr::case::Right;
use dsr::package::{Entry, Package};
use serde::Serialize;

use super::access::{NotSearched, Reviewed, known_people};
use super::access_across::{cannot_read, refused_without};
use super::portability::Portable;
use super::session::Session;
use super::{Context, Outcome, unreadable};
use crate::cli::{OutputFormat, PortabilityArgs};

/// One system of the request, opened before anything is read.
struct Opened<'c> {
    session: Session<'c>,
    platform: Box<dyn dsr::platform::Platform>,
    known: std::sync::Arc<dsr::disclose::KnownPeople>,
    not_searched: Vec<String>,
    lang: dsr::lang::Lang,
}

/// One system in the top manifest.
#[derive(Serialize)]
struct SystemPart {
    tenant: String,
    platform: &'static str,
    /// The ZIP's folder that holds this system's archive.
    folder: String,
    assets: usize,
    originals: usize,
    missing: Vec<String>,
    not_searched: Vec<String>,
    complete: bool,
}

#[derive(Serialize)]
struct Manifest<'a> {
    format: &'static str,
    case: &'a str,
    /// True only when every system's part is complete.
    complete: bool,
    systems: &'a [SystemPart],
    /// Every entry but this manifest, each system's under its folder.
    entries: &'a [Entry],
}

pub fn run(ctx: &Context, args: PortabilityArgs) -> Result<Outcome> {
    if args.list.from.is_some() {
        bail!("--from works on one tenant: pass --tenant NAME");
    }
    let Some(id) = args.case.as_deref() else {
        bail!("name the case: dsr portability CASE --group NAME");
    };
    let Some(out) = args.out.as_deref() else {
        bail!("name the ZIP to write: dsr portability CASE --group NAME --out FILE.zip");
    };
    if !dsr::package::is_zip(out) {
        bail!(
            "--out {} must name a .zip file: the portable archive is a ZIP",
            out.display()
        );
    }
    if out.symlink_metadata().is_ok() {
        bail!(
            "{} already exists: name a new file for the archive",
            out.display()
        );
    }
    // Asked for before anything is read.
    let password = if args.encrypt {
        Some(super::portability::passphrase(ctx)?)
    } else {
        None
    };
    let config = ctx.load_config()?;
    let members = config.members(&ctx.scope())?;
    // Every system is opened and read before anything is written: one that cannot be read
    // refuses the archive, and is named even with --quiet.
    let mut systems = Vec::new();
    let mut unread = Vec::new();
    for (name, profile) in &members {
        let lang = match args.lang.as_deref() {
            Some(code) => code.parse()?,
            None => dsr::ropa::RecordOfProcessing::language(&ctx.ropa_path(name, profile))?
                .unwrap_or_default(),
        };
        let session = Session::of(ctx, name, profile.clone());
        match open(ctx, session, lang) {
            Ok(opened) => systems.push(opened),
            Err(e) => unread.push(cannot_read(name, &e)),
        }
    }
    let cases = systems
        .iter()
        .map(|s| s.session.case(id, &[Right::Portability]))
        .collect::<Result<Vec<_>>>()?;
    let portables: Vec<Portable<'_>> = systems
        .iter()
        .map(|s| Portable {
            ctx,
            name: &s.session.name,
            profile: &s.session.profile,
            store: &s.session.store,
            platform: s.platform.as_ref(),
            // The one ZIP is encrypted, not each system's copy on the way into it.
            password: None,
            all_originals: args.all_originals,
            encrypt: false,
            lang: s.lang,
            folder: None,
            unreadable: NotSearched {
                assets: &s.not_searched,
                accepted: args.accept_unreadable,
            },
            known: &s.known,
        })
        .collect();
    let mut reviewed: Vec<Reviewed> = Vec::new();
    for (portable, case) in portables.iter().zip(&cases) {
        match portable.review(case) {
            Ok(r) => reviewed.push(r),
            Err(e) => unread.push(cannot_read(portable.name, &e)),
        }
    }
    if refused_without("no portable archive", &unread) {
        return Ok(Outcome::Partial);
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    dsr::fsutil::private_dir(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    // Each system's own archive, owner-only and removed when the run ends.
    let parts_dir = tempfile::Builder::new()
        .prefix(".dsr-")
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a working folder in {}", parent.display()))?;
    let mut made = Vec::new();
    for ((portable, case), reviewed) in portables.iter().zip(cases).zip(reviewed) {
        let part = parts_dir.path().join(format!("{}.zip", portable.name));
        made.push(
            portable
                .archive_reviewed(case, reviewed, Some(part))
                .with_context(|| format!("cannot write the part of tenant '{}'", portable.name))?,
        );
    }
    let mut package = Package::create(out, password, false)?;
    for (portable, part) in portables.iter().zip(&made) {
        copy_into(&mut package, portable.name, &part.path)
            .with_context(|| format!("cannot copy the part of tenant '{}'", portable.name))?;
    }
    let parts: Vec<SystemPart> = systems
        .iter()
        .zip(&made)
        .map(|(s, m)| SystemPart {
            tenant: s.session.name.clone(),
            platform: s.session.profile.platform.as_str(),
            folder: s.session.name.clone(),
            assets: m.assets,
            originals: m.files,
            missing: m.missing.clone(),
            not_searched: m.not_searched.clone(),
            complete: m.complete(),
        })
        .collect();
    let entries = package.entries().to_vec();
    let manifest = serde_json::to_vec_pretty(&Manifest {
        format: "dsr-portable-across/1",
        case: id,
        complete: parts.iter().all(|p| p.complete),
        systems: &parts,
        entries: &entries,
    })?;
    package.add("manifest.json", &manifest)?;
    let sha256 = package.finish()?.unwrap_or_default();
    for (portable, part) in portables.iter().zip(&made) {
        super::access::report_missing(ctx, &part.missing);
        unreadable::note(
            ctx,
            &part.not_searched,
            unreadable::Listed::InPackage {
                accepted: portable.unreadable.accepted,
            },
        );
    }
    ctx.note(&format!(
        "Portable archive for case {id} across {} system(s). SHA-256 {sha256}",
        parts.len()
    ));
    print(out, &parts, &sha256, args.list.output)?;
    Ok(if parts.iter().all(|p| p.complete) {
        Outcome::Done
    } else {
        Outcome::Partial
    })
}

fn open<'c>(ctx: &Context, session: Session<'c>, lang: dsr::lang::Lang) -> Result<Opened<'c>> {
    let name = session.name.clone();
    let platform = session.platform(None)?;
    let known = known_people(ctx, &name, &session.profile)?;
    let not_searched = unreadable::ids(ctx, &name)?;
    Ok(Opened {
        session,
        platform,
        known,
        not_searched,
        lang,
    })
}

/// Copies every entry of the ZIP at `part` into `package` under `folder/`, streamed.
fn copy_into(package: &mut Package, folder: &str, part: &Path) -> Result<()> {
    let file =
        std::fs::File::open(part).with_context(|| format!("cannot open {}", part.display()))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))?;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i)?;
        if entry.is_dir() {
            continue;
        }
        let path = format!("{folder}/{}", entry.name()?);
        package.add_reader(&path, &mut entry)?;
    }
    Ok(())
}

/// The result on stdout: the archive's path, or {path, sha256, complete, systems}.
fn print(out: &Path, parts: &[SystemPart], sha256: &str, format: OutputFormat) -> Result<()> {
    let absolute = std::path::absolute(out).unwrap_or_else(|_| out.to_owned());
    if format == OutputFormat::Table {
        use std::io::Write;
        writeln!(std::io::stdout().lock(), "{}", absolute.display())?;
        return Ok(());
    }
    let value = serde_json::json!({
        "path": absolute,
        "sha256": sha256,
        "complete": parts.iter().all(|p| p.complete),
        "systems": parts,
    });
    super::output::print_value(&mut std::io::stdout().lock(), format, &value)
}
