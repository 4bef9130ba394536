//! `dsr access CASE --group NAME` (or `--all-tenants`): one Art. 15 access package for a
//! request across systems. Each system's part is the folder `dsr access` of that tenant
//! alone writes, by the same code, under the tenant's name; an index page and a
//! `data.json` listing the systems sit on top.
//!
//! A system that cannot be read refuses the whole package (exit 3, the system named) and
//! nothing is written: every system's reviewed set is read before any part is written, so
//! a package that lacks a system is never handed out looking whole, and no system's receipt
//! names a part of a package that was not delivered.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use dsr::case::Right;
use dsr::ropa::RecordOfProcessing;
use serde::Serialize;

use super::access::{Access, Made, NotSearched, Reviewed, known_people};
use super::session::Session;
use super::{Context, Outcome, sanitize, unreadable};
use crate::cli::{AccessArgs, OutputFormat};

/// One system of the request, opened and read before anything is written.
struct Opened<'c> {
    session: Session<'c>,
    ropa: RecordOfProcessing,
    platform: Box<dyn dsr::platform::Platform>,
    known: std::sync::Arc<dsr::disclose::KnownPeople>,
    not_searched: Vec<String>,
}

/// One system's entry in the package's `data.json`.
#[derive(Serialize)]
struct SystemPart {
    tenant: String,
    platform: &'static str,
    /// The folder of the package that holds this system's part.
    folder: String,
    assets: usize,
    files: usize,
    /// Reviewed assets the system no longer has.
    missing: Vec<String>,
    /// Assets the system's last sync could not read, not searched.
    not_searched: Vec<String>,
    complete: bool,
}

#[derive(Serialize)]
struct Across<'a> {
    format: &'static str,
    case: &'a str,
    generated_at: String,
    /// True only when every system's part is complete.
    complete: bool,
    systems: &'a [SystemPart],
}

pub fn run(ctx: &Context, args: AccessArgs) -> Result<Outcome> {
    if args.list.from.is_some() {
        bail!("--from works on one tenant: pass --tenant NAME");
    }
    let Some(id) = args.case.as_deref() else {
        bail!("name the case: dsr access CASE --group NAME");
    };
    let Some(out) = args.out.as_deref() else {
        bail!("name the folder the package goes into: dsr access CASE --group NAME --out DIR");
    };
    if out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
    {
        bail!(
            "a package across systems is a folder with one folder per system: give --out a folder's name"
        );
    }
    if out.symlink_metadata().is_ok() {
        bail!(
            "{} already exists: name a new folder for the package",
            out.display()
        );
    }
    let config = ctx.load_config()?;
    let members = config.members(&ctx.scope())?;
    // Every system is opened and read before a part is written: one that cannot be read
    // refuses the package, and is named even with --quiet.
    let mut systems = Vec::new();
    let mut unread = Vec::new();
    for (name, profile) in &members {
        // A system without a record of processing is not unreachable: it is set up wrong.
        let ropa = RecordOfProcessing::load_for_package(name, &ctx.ropa_path(name, profile))?;
        let session = Session::of(ctx, name, profile.clone());
        match open(ctx, session, ropa) {
            Ok(opened) => systems.push(opened),
            Err(e) => unread.push(cannot_read(name, &e)),
        }
    }
    let lang = match args.lang.as_deref() {
        Some(code) => Some(code.parse()?),
        None => None,
    };
    let cases = systems
        .iter()
        .map(|s| s.session.case(id, &[Right::Access]))
        .collect::<Result<Vec<_>>>()?;
    let accesses: Vec<Access<'_>> = systems
        .iter()
        .map(|s| Access {
            ctx,
            name: &s.session.name,
            profile: &s.session.profile,
            store: &s.session.store,
            ropa: &s.ropa,
            platform: s.platform.as_ref(),
            templates: args.templates.as_deref(),
            lang: lang.unwrap_or_else(|| s.ropa.language.unwrap_or_default()),
            known: &s.known,
            folder: None,
            unreadable: NotSearched {
                assets: &s.not_searched,
                accepted: args.accept_unreadable,
            },
        })
        .collect();
    let mut reviewed: Vec<Reviewed> = Vec::new();
    for (access, case) in accesses.iter().zip(&cases) {
        match access.review(case) {
            Ok(r) => reviewed.push(r),
            Err(e) => unread.push(cannot_read(access.name, &e)),
        }
    }
    if refused_without("no access package", &unread) {
        return Ok(Outcome::Partial);
    }
    let staging = staging_dir(out)?;
    let written = write_parts(&staging, &systems, &accesses, cases, reviewed, id);
    let made = match written {
        Ok(made) => made,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    std::fs::rename(&staging, out).with_context(|| {
        format!(
            "cannot move the finished package from {} to {}",
            staging.display(),
            out.display()
        )
    })?;
    for (access, made) in accesses.iter().zip(&made) {
        super::access::report_missing(ctx, &made.missing);
        unreadable::note(
            ctx,
            &made.not_searched,
            unreadable::Listed::InPackage {
                accepted: access.unreadable.accepted,
            },
        );
    }
    print(out, &systems, &made, args.list.output)?;
    Ok(if made.iter().all(Made::complete) {
        Outcome::Done
    } else {
        Outcome::Partial
    })
}

/// Says that tenant `name` could not be read, and why; returns its name.
pub(super) fn cannot_read(name: &str, e: &anyhow::Error) -> String {
    eprintln!(
        "dsr: tenant '{name}' could not be read: {}",
        sanitize(&format!("{e:#}"))
    );
    name.to_owned()
}

/// When some tenants could not be read, says that `what` ("no access package") was
/// written because it would lack them, and returns true: a package across systems is
/// never made without one of them.
pub(super) fn refused_without(what: &str, unread: &[String]) -> bool {
    if unread.is_empty() {
        return false;
    }
    let names: Vec<String> = unread.iter().map(|n| format!("'{n}'")).collect();
    eprintln!(
        "dsr: {what} was written: it would lack tenant(s) {}; fix them and run it again",
        names.join(", ")
    );
    true
}

/// Opens one system: its platform, the people it knows and what its
/// last sync could not read.
fn open<'c>(ctx: &Context, session: Session<'c>, ropa: RecordOfProcessing) -> Result<Opened<'c>> {
    let name = session.name.clone();
    let platform = session.platform(None)?;
    let known = known_people(ctx, &name, &session.profile)?;
    let not_searched = unreadable::ids(ctx, &name)?;
    Ok(Opened {
        session,
        ropa,
        platform,
        known,
        not_searched,
    })
}

/// A new owner-only folder beside `out`, renamed to it once the package is whole, so that
/// a run that stops halfway leaves no folder under the package's name.
fn staging_dir(out: &Path) -> Result<PathBuf> {
    let file = out
        .file_name()
        .with_context(|| format!("{} names no folder", out.display()))?;
    let mut staging_name = std::ffi::OsString::from(".");
    staging_name.push(file);
    staging_name.push(format!(".partial-{}", std::process::id()));
    let staging = out.with_file_name(staging_name);
    if let Some(parent) = staging.parent().filter(|p| !p.as_os_str().is_empty()) {
        dsr::fsutil::private_dir(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    dsr::fsutil::private_dir(&staging)
        .with_context(|| format!("cannot create {}", staging.display()))?;
    Ok(staging)
}

/// Writes each system's part into its folder of `staging`, then the index page and
/// `data.json` over them.
fn write_parts(
    staging: &Path,
    systems: &[Opened<'_>],
    accesses: &[Access<'_>],
    cases: Vec<dsr::case::Case>,
    reviewed: Vec<Reviewed>,
    id: &str,
) -> Result<Vec<Made>> {
    let mut made = Vec::new();
    let mut parts = Vec::new();
    for ((access, case), reviewed) in accesses.iter().zip(cases).zip(reviewed) {
        let folder = staging.join(access.name);
        let part = access
            .package_reviewed(case, reviewed, Some(folder))
            .with_context(|| format!("cannot write the part of tenant '{}'", access.name))?;
        made.push(part);
    }
    for ((system, access), part) in systems.iter().zip(accesses).zip(&made) {
        parts.push(SystemPart {
            tenant: access.name.to_owned(),
            platform: system.session.profile.platform.as_str(),
            folder: access.name.to_owned(),
            assets: part.assets,
            files: part.files,
            missing: part.missing.clone(),
            not_searched: part.not_searched.clone(),
            complete: part.complete(),
        });
    }
    let across = Across {
        format: "dsr-access-across/1",
        case: id,
        generated_at: dsr::time::now(),
        complete: parts.iter().all(|p| p.complete),
        systems: &parts,
    };
    let json = serde_json::to_vec_pretty(&across)?;
    dsr::fsutil::write_atomic(&staging.join("data.json"), &json)
        .context("cannot write the package's data.json")?;
    dsr::fsutil::write_atomic(&staging.join("index.html"), index_html(&across).as_bytes())
        .context("cannot write the package's index.html")?;
    Ok(made)
}

/// The page the subject opens first: every system, what it holds of them, and a link to
/// its own pages.
fn index_html(across: &Across<'_>) -> String {
    let mut html = String::from(
        "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>Access to your personal data</title></head>\n<body>\n",
    );
    html.push_str(&format!(
        "<h1>Access to your personal data (case {})</h1>\n",
        escape(across.case)
    ));
    html.push_str(
        "<p>Your request was answered from each of the systems below. Each system's part holds the information about the processing and the data it holds about you.</p>\n",
    );
    if !across.complete {
        html.push_str(
            "<p><strong>This answer is incomplete: see the systems marked below.</strong></p>\n",
        );
    }
    html.push_str("<ul>\n");
    for s in across.systems {
        html.push_str(&format!(
            "<li><a href=\"{0}/index.html\">{1}</a> ({2}): {3} item(s){4}</li>\n",
            escape(&s.folder),
            escape(&s.tenant),
            s.platform,
            s.assets,
            if s.complete {
                ""
            } else {
                " &mdash; incomplete"
            }
        ));
    }
    html.push_str("</ul>\n</body>\n</html>\n");
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The result on stdout: the package's path, or {path, complete, systems} for scripts.
fn print(out: &Path, systems: &[Opened<'_>], made: &[Made], format: OutputFormat) -> Result<()> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    if format == OutputFormat::Table {
        use std::io::Write;
        writeln!(std::io::stdout().lock(), "{}", absolute(out).display())?;
        return Ok(());
    }
    let value = serde_json::json!({
        "path": absolute(out),
        "complete": made.iter().all(Made::complete),
        "systems": systems.iter().zip(made).map(|(s, m)| serde_json::json!({
            "tenant": s.session.name,
            "platform": s.session.profile.platform.as_str(),
            "assets": m.assets,
            "files": m.files,
            "receipt": absolute(&m.receipt),
            "missing": m.missing,
            "not_searched": m.not_searched,
            "complete": m.complete(),
        })).collect::<Vec<_>>(),
    });
    super::output::print_value(&mut std::io::stdout().lock(), format, &value)
}
