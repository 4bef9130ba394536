//! `dsr locate --group NAME` and `--all-tenants`: one search across every system of a
//! controller. Each tenant's index is searched on its own worker; a tenant that cannot be
//! searched (never synced, index unreadable, no purpose for its audit entry) is reported on
//! stderr and the others still answer, and the run ends partial (exit 3), for "found
//! nowhere" is not known then.
//!
//! The outputs name each hit's tenant: a `TENANT` column in the table, a `tenant` key in
//! JSON, JSON lines and CSV. Only group runs carry it, so a single-tenant `dsr locate`
//! prints what it always printed and the scripts reading it keep working; a group run
//! carries it even when its group holds one tenant, so a script reading group output can
//! rely on it.

use std::io::Write;
use std::ops::ControlFlow;

use anyhow::Result;
use dsr::access::neutralise;
use dsr::config::TenantProfile;
use dsr::index::locate::{Hit, Locator};
use dsr::matching::identity::Identity;
use dsr::matching::matcher::Confidence;
use dsr::threads;
use serde::Serialize;

use super::locate::{hits_table, tally};
use super::output::Table;
use super::{AuditNote, Context, Outcome, sanitize};
use crate::cli::OutputFormat;

/// How many tenants are searched at once: each search is one index on disk.
const JOBS: usize = 4;

/// One tenant's answer.
struct Searched {
    tenant: String,
    profile: TenantProfile,
    answer: Result<Answer, String>,
}

struct Answer {
    hits: Vec<Hit>,
    /// Assets the tenant's last sync could not read: not searched.
    unreadable: Vec<String>,
    purpose: String,
}

/// A hit with the tenant it was found in, for the machine-readable outputs.
#[derive(Serialize)]
struct TenantHit<'a> {
    tenant: &'a str,
    #[serde(flatten)]
    hit: &'a Hit,
}

/// Searches every tenant of the run's group for `identities` and prints the hits.
pub fn run(
    ctx: &Context,
    identities: &[Identity],
    min: Confidence,
    format: OutputFormat,
    explain: bool,
) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let members = config.members(&ctx.scope())?;
    let searched = threads::map(
        JOBS,
        members,
        || true,
        |(tenant, profile)| {
            let answer = search(ctx, &tenant, &profile, identities, min);
            ControlFlow::Continue(Searched {
                tenant,
                profile,
                answer,
            })
        },
    );
    // Recorded before anything is shown: if an entry cannot be written, nothing is.
    for s in &searched {
        if let Ok(answer) = &s.answer {
            ctx.audit(AuditNote {
                command: "locate",
                tenant: &s.tenant,
                profile: &s.profile,
                case: None,
                purpose: &answer.purpose,
                subject: identities,
                receipt: None,
                counts: &[
                    ("identities", identities.len() as u64),
                    ("assets", answer.hits.len() as u64),
                ],
            })?;
        }
    }
    let mut out = std::io::stdout().lock();
    print(&mut out, &searched, format, explain, ctx.color)?;
    report(ctx, &searched, explain);
    let found = searched
        .iter()
        .any(|s| s.answer.as_ref().is_ok_and(|a| !a.hits.is_empty()));
    let whole = searched
        .iter()
        .all(|s| s.answer.as_ref().is_ok_and(|a| a.unreadable.is_empty()));
    Ok(match (whole, found) {
        (false, _) => Outcome::Partial,
        (true, true) => Outcome::Done,
        (true, false) => Outcome::NotFound,
    })
}

/// One tenant's search, its failure said in one line naming what to do.
fn search(
    ctx: &Context,
    tenant: &str,
    profile: &TenantProfile,
    identities: &[Identity],
    min: Confidence,
) -> Result<Answer, String> {
    let purpose = ctx.purpose(Some(profile)).ok_or_else(|| {
        "locate reads personal data, so the audit log needs its purpose: pass --purpose TEXT, set DSR_PURPOSE, or give the tenant a default purpose".to_owned()
    })?;
    let settings = profile.settings().map_err(|e| e.to_string())?;
    let locator = Locator::open(&ctx.tenant_files(tenant), settings)
        .map_err(|e| format!("{e} (index it with `dsr sync --tenant {tenant}`)"))?;
    let hits = locator.find(identities, min).map_err(|e| e.to_string())?;
    Ok(Answer {
        hits,
        unreadable: locator.unreadable().iter().cloned().collect(),
        purpose,
    })
}

fn print(
    out: &mut impl Write,
    searched: &[Searched],
    format: OutputFormat,
    explain: bool,
    color: bool,
) -> Result<()> {
    let answered = || {
        searched
            .iter()
            .filter_map(|s| s.answer.as_ref().ok().map(|a| (s.tenant.as_str(), a)))
    };
    let hits = || {
        answered().flat_map(|(tenant, a)| a.hits.iter().map(move |hit| TenantHit { tenant, hit }))
    };
    match format {
        // One document: the hits, the assets that were not searched, and each tenant's
        // status.
        OutputFormat::Json => {
            let unreadable: Vec<_> = answered()
                .flat_map(|(tenant, a)| {
                    a.unreadable
                        .iter()
                        .map(move |asset| serde_json::json!({ "tenant": tenant, "asset": asset }))
                })
                .collect();
            let tenants: Vec<_> = searched
                .iter()
                .map(|s| match &s.answer {
                    Ok(a) => serde_json::json!({
                        "tenant": s.tenant,
                        "status": "searched",
                        "assets": a.hits.len(),
                        "unreadable": a.unreadable.len(),
                    }),
                    Err(e) => serde_json::json!({
                        "tenant": s.tenant,
                        "status": "not-searched",
                        "error": e,
                    }),
                })
                .collect();
            let document = serde_json::json!({
                "hits": hits().collect::<Vec<_>>(),
                "unreadable": unreadable,
                "tenants": tenants,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
        }
        OutputFormat::Jsonl => {
            for hit in hits() {
                writeln!(out, "{}", serde_json::to_string(&hit)?)?;
            }
        }
        OutputFormat::Csv => csv(out, hits())?,
        OutputFormat::Table => {
            let mut table =
                Table::new(&["TENANT", "CONFIDENCE", "ASSET", "FIELD", "RULE", "VALUE"]);
            for (tenant, a) in answered() {
                hits_table(&mut table, Some(tenant), &a.hits, explain);
            }
            table.write(out, color)?;
        }
    }
    Ok(())
}

/// Each tenant's tally, and each tenant that could not be searched, on stderr.
fn report(ctx: &Context, searched: &[Searched], explain: bool) {
    for s in searched {
        match &s.answer {
            Ok(a) => {
                ctx.note(&format!("{}: {}", s.tenant, tally(&a.hits)));
                if !a.unreadable.is_empty() {
                    ctx.note(&format!(
                        "{}: {} asset(s) could not be read by the last sync and were not searched{}",
                        s.tenant,
                        a.unreadable.len(),
                        if explain { ":" } else { " (`--explain` lists them)" }
                    ));
                    if explain {
                        for asset in &a.unreadable {
                            ctx.note(&format!("  {}", sanitize(asset)));
                        }
                    }
                }
            }
            // Said even with --quiet: an answer that lacks a system must not look whole.
            Err(e) => eprintln!(
                "dsr: tenant '{}' was not searched: {}",
                s.tenant,
                sanitize(e)
            ),
        }
    }
}

/// One row per match, the tenant first. Cells that a spreadsheet would run as a formula
/// are prefixed with a quote.
fn csv<'a>(out: &mut impl Write, hits: impl Iterator<Item = TenantHit<'a>>) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "tenant",
        "asset",
        "archive",
        "filename",
        "confidence",
        "field",
        "label",
        "identity",
        "rule",
        "match_confidence",
        "value",
    ])?;
    for TenantHit { tenant, hit } in hits {
        for m in &hit.matches {
            let rule = serde_json::to_value(m.rule)?;
            let record = [
                tenant,
                hit.asset.as_str(),
                &hit.archive,
                &hit.filename,
                hit.confidence.as_str(),
                &m.field,
                &m.label,
                &m.identity,
                rule.as_str().unwrap_or_default(),
                m.confidence.as_str(),
                &m.value,
            ];
            writer.write_record(record.iter().map(|cell| neutralise(cell)))?;
        }
    }
    writer.flush()?;
    Ok(())
}
