//! `dsr audit`: list the audit log, or check its chain.

use std::io::Write;

use anyhow::{Context as _, Result};
use dsr::audit::{AuditEntry, AuditLog};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::output::Table;
use super::{Context, Outcome, sanitize};
use crate::cli::{AuditArgs, OutputFormat};

pub fn run(ctx: &Context, args: AuditArgs) -> Result<Outcome> {
    let log = AuditLog::new(&ctx.data_dir);
    if args.verify {
        return verify(ctx, &log, args.output, args.expect_head.as_deref());
    }
    let since = args.since.as_deref().map(parse_since).transpose()?;
    let entries: Vec<AuditEntry> = log
        .entries()?
        .into_iter()
        .filter(|e| {
            ctx.tenant
                .as_deref()
                .is_none_or(|t| e.tenant.as_deref() == Some(t))
        })
        .filter(|e| {
            // An entry whose time cannot be read is shown rather than hidden.
            since.is_none_or(|since| {
                OffsetDateTime::parse(&e.time, &Rfc3339).map_or(true, |t| t >= since)
            })
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match args.output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            super::output::print_value(&mut out, args.output, &serde_json::to_value(&entries)?)?;
        }
        OutputFormat::Table => {
            if entries.is_empty() {
                ctx.note("No audit entry.");
                return Ok(Outcome::Done);
            }
            let mut table = Table::new(&[
                "#", "TIME", "OPERATOR", "TENANT", "CASE", "COMMAND", "COUNTS", "PURPOSE",
            ]);
            for e in &entries {
                let counts: Vec<String> =
                    e.counts.iter().map(|(k, v)| format!("{k}={v}")).collect();
                table.row(
                    vec![
                        e.sequence.to_string(),
                        e.time.clone(),
                        e.operator.clone(),
                        e.tenant.clone().unwrap_or_else(|| "-".into()),
                        e.case.clone().unwrap_or_else(|| "-".into()),
                        e.command.clone(),
                        counts.join(" "),
                        e.purpose.clone(),
                    ],
                    None,
                    None,
                );
            }
            table.write(&mut out, ctx.color)?;
        }
    }
    Ok(Outcome::Done)
}

/// Checks the log's chain, its anchors in every tenant's ledger (see `dsr::anchor`), and
/// that the head a DPO kept is still in it.
fn verify(
    ctx: &Context,
    log: &AuditLog,
    format: OutputFormat,
    expect_head: Option<&str>,
) -> Result<Outcome> {
    let check = log.verify()?;
    let anchors = dsr::anchor::check(&ctx.data_dir, ctx.tenant.as_deref())
        .context("cannot check the audit log against the tenants' ledgers")?;
    let head = match expect_head {
        Some(head) => {
            dsr::anchor::expect_head(&ctx.data_dir, head).context("cannot read the audit log")?
        }
        None => None,
    };
    let ok = check.problems.is_empty() && anchors.is_empty() && head.is_none();
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let value = serde_json::json!({
                "ok": ok,
                "path": check.path,
                "entries": check.entries,
                "problems": check.problems,
                "anchors": anchors,
                "expected_head": head,
            });
            super::output::print_value(&mut out, format, &value)?;
        }
        OutputFormat::Table => {
            let path = sanitize(&check.path.display().to_string());
            if ok {
                let anchored = if expect_head.is_some() {
                    ", the expected head is in it"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "ok    {path}: {} entries, chain intact, anchored in the ledgers{anchored}",
                    check.entries
                )?;
            }
            for p in &check.problems {
                writeln!(
                    out,
                    "FAIL  {path}, line {}: {}",
                    p.line,
                    sanitize(&p.problem)
                )?;
            }
            for a in &anchors {
                writeln!(
                    out,
                    "FAIL  tenant '{}': {}",
                    sanitize(&a.tenant),
                    sanitize(&a.problem)
                )?;
            }
            if let Some(problem) = &head {
                writeln!(out, "FAIL  {path}: {}", sanitize(problem))?;
            }
        }
    }
    if ok {
        return Ok(Outcome::Done);
    }
    let what = match (check.problems.first(), anchors.first(), &head) {
        (Some(p), _, _) => format!("the audit log's chain is broken at line {}", p.line),
        (None, Some(a), _) => format!(
            "the audit log and the ledger of tenant '{}' do not anchor each other",
            a.tenant
        ),
        _ => "the audit log no longer holds the head you expected".to_owned(),
    };
    ctx.note(&format!("dsr: {what}"));
    Ok(Outcome::Unverified)
}

/// `YYYY-MM-DD` (from midnight UTC) or an RFC 3339 moment.
fn parse_since(text: &str) -> Result<OffsetDateTime> {
    if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(at);
    }
    let date = time::Date::parse(
        text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| {
        anyhow::anyhow!("--since '{text}' is not a date: give YYYY-MM-DD or an RFC 3339 time")
    })?;
    Ok(date.midnight().assume_utc())
}
