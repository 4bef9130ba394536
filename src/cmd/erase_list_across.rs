//! `dsr erase --from LIST --group NAME`: the offboarding job. Every subject of the list is
//! one request across the systems of the group — its case opened under one id in each (or
//! found again, from an earlier run over the same list), every system's plan made before
//! anything changes anywhere, one question for the whole list (`--yes` in a script) — then
//! each request is carried out as `dsr erase CASE --group` carries one out, and says how it
//! ended on one line (`--output jsonl`: one JSON object per subject, with each system's
//! outcome and the signed case receipt).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use dsr::case::{Case, CaseStore, NewCase, Right, deadline};
use dsr::matching::matcher::Confidence;
use dsr::subjects::{BadRow, Subject};

use super::across::{self as erase_across, Ended, Planned};
use super::engine::Engine;
use super::engine::Options;
use super::erase::Erasure;
use super::{Context, Outcome, sanitize};
use crate::cli::{EraseArgs, OutputFormat};
use dsr::matching::matcher::Matcher;

/// One subject of the list with its request: the case id and each system's part of it.
struct Request<'a> {
    subject: Subject,
    id: String,
    planned: Planned<'a, Matcher>,
}

pub fn run<'a>(
    ctx: &Context,
    args: &EraseArgs,
    options: &Options,
    from: &Path,
    engines: &[Engine<'a, Erasure<'a>>],
) -> Result<Outcome> {
    let (bytes, rows) = super::list::read_bytes(from)?;
    let batch = dsr::batch::batch_id("erase --group", &bytes);
    let Some(first) = engines.first() else {
        bail!("the group names no tenant");
    };
    // The requests earlier runs over this list opened, by their row's marker.
    let earlier: BTreeMap<String, String> = first
        .session
        .store
        .list()?
        .into_iter()
        .filter_map(|c| Some((c.batch?, c.id)))
        .collect();
    let again = format!(
        "dsr erase --from {} --group … --resume --yes",
        from.display()
    );
    let mut requests = Vec::new();
    let mut bad: Vec<BadRow> = Vec::new();
    for row in rows {
        let subject = match row {
            Ok(subject) => subject,
            Err(row) => {
                bad.push(row);
                continue;
            }
        };
        let marker = dsr::batch::marker(&batch, subject.row);
        let found = earlier.get(&marker).cloned();
        if let Some(id) = &found
            && !args.resume
            && !args.dry_run
            && begun(engines, id)?
        {
            bail!(
                "an earlier run over this list began its erasures: run `{again}` to finish it (finished subjects are not done again)"
            );
        }
        let opened = request(ctx, args, engines, &subject, &marker, found.as_deref());
        let planned = opened.and_then(|(id, cases)| {
            let cases = cases.into_iter().map(|c| (c, ())).collect();
            let planned = erase_across::plan(options, &id, engines, cases)?;
            Ok((id, planned))
        });
        match planned {
            Ok((id, planned)) => requests.push(Request {
                subject,
                id,
                planned,
            }),
            Err(e) => bad.push(BadRow {
                row: subject.row,
                reason: sanitize(&format!("{e:#}")),
                reference: subject.reference.clone(),
            }),
        }
        if let Some(signal) = ctx.stop.requested() {
            ctx.note("Stopped before anything was changed.");
            return Ok(Outcome::Interrupted(signal));
        }
    }
    for row in &bad {
        super::list::report_bad(row);
    }
    if args.dry_run {
        for request in &requests {
            println!(
                "Row {} (case {}):",
                request.subject.row,
                if request.id.ends_with("-000") {
                    "not opened in a dry run"
                } else {
                    &request.id
                }
            );
            erase_across::print_plans(options, engines, &request.planned)?;
        }
        ctx.note(&format!(
            "Dry run: nothing was changed in any system; {} subject(s) planned, {} row(s) could not be used.",
            requests.len(),
            bad.len()
        ));
        return Ok(if bad.is_empty() {
            Outcome::Done
        } else {
            Outcome::Partial
        });
    }
    let left: Vec<&Request> = requests.iter().filter(|r| !r.planned.finished()).collect();
    if !left.is_empty() && !args.yes {
        let steps: usize = left.iter().map(|r| r.planned.steps()).sum();
        let question = format!(
            "Erase the data of {} subject(s) in {} system(s) ({steps} change(s) in all)?",
            left.len(),
            engines.len()
        );
        let what = format!("the erasure of {} subject(s) changes data", left.len());
        if let Some(outcome) = erase_across::confirm(ctx, &what, &question)? {
            return Ok(outcome);
        }
    }
    let mut out = std::io::stdout().lock();
    let mut worst = Outcome::Done;
    let mut stopped = None;
    for request in requests {
        if let Some(signal) = ctx.stop.requested() {
            stopped = Some(signal);
            break;
        }
        let Request {
            subject,
            id,
            planned,
        } = request;
        let started = dsr::time::now();
        let (ended, receipt) = if planned.finished() {
            let ended = planned.into_ended();
            match latest_case_receipt(&ctx.data_dir, &id) {
                Some(receipt) => (ended, receipt),
                // Killed after every system finished but before the case receipt.
                None => erase_across::carry_planned(
                    ctx,
                    &id,
                    engines,
                    Planned::ended_only(ended),
                    &started,
                )?,
            }
        } else {
            erase_across::carry_planned(ctx, &id, engines, planned, &started)?
        };
        let outcome = erase_across::outcome_of(&ended);
        worst = worse(worst, outcome);
        line(&mut out, args.output, &subject, &id, &ended, &receipt)?;
    }
    for row in &bad {
        bad_line(&mut out, args.output, row)?;
    }
    if let Some(signal) = stopped {
        ctx.note(&format!(
            "Stopped: the subjects not reported were not erased. Run `{again}` to finish the list."
        ));
        return Ok(Outcome::Interrupted(signal));
    }
    if !bad.is_empty() {
        worst = worse(worst, Outcome::Partial);
    }
    Ok(worst)
}

/// The request of one subject: its cases as an earlier run opened them (`found`), or newly
/// opened in every system and located; in a dry run, cases kept in memory only.
fn request(
    ctx: &Context,
    args: &EraseArgs,
    engines: &[Engine<'_, Erasure<'_>>],
    subject: &Subject,
    marker: &str,
    found: Option<&str>,
) -> Result<(String, Vec<Case>)> {
    for engine in engines {
        dsr::matching::identity::probes(&subject.identities, engine.settings.region)?;
        super::record::check_names(
            ctx,
            &engine.session.profile,
            &subject.identities,
            &[("--verified-by text", args.verified_by.as_deref())],
        )?;
    }
    let new = NewCase {
        right: Right::Erasure,
        identities: subject.identities.clone(),
        received: subject.received.unwrap_or_else(deadline::today),
        reference: subject.reference.clone(),
        verified_by: args.verified_by.clone(),
        batch: Some(marker.to_owned()),
    };
    let now = dsr::time::now();
    let operator = ctx.operator(engines.first().map(|e| &e.session.profile));
    let tenants: Vec<String> = engines.iter().map(|e| e.session.name.clone()).collect();
    if let Some(id) = found {
        let mut cases = Vec::new();
        for engine in engines {
            let store = &engine.session.store;
            cases.push(match store.load(id) {
                // Opened by a run that changed nothing (refused, or stopped while
                // planning): searched again, as the plan is made afresh; a dry run keeps
                // what it found in memory only.
                Ok(mut case) if !args.resume => {
                    search(ctx, engine, &mut case, subject, args.dry_run)?;
                    case
                }
                Ok(case) => case,
                // Stopped while the request was being opened: this system's part is
                // opened now, under the request's id (in memory only in a dry run).
                Err(dsr::case::CaseError::NotFound { .. }) => {
                    let mut case =
                        Case::unsaved(id, &engine.session.name, new.clone(), &now, &operator);
                    case.tenants = tenants.clone();
                    search(ctx, engine, &mut case, subject, args.dry_run)?;
                    case
                }
                Err(e) => return Err(e.into()),
            });
        }
        return Ok((id.to_owned(), cases));
    }
    if args.dry_run {
        let day: String = now.chars().take(10).filter(char::is_ascii_digit).collect();
        let id = format!("{day}-000");
        let mut cases = Vec::new();
        for engine in engines {
            let mut case = Case::unsaved(&id, &engine.session.name, new.clone(), &now, &operator);
            case.tenants = tenants.clone();
            let hits = engine
                .locator
                .find_with_proposals(&case.identities, Confidence::Low)?;
            case.set_matches(&hits);
            cases.push(case);
        }
        return Ok((id, cases));
    }
    let stores: Vec<&CaseStore> = engines.iter().map(|e| &e.session.store).collect();
    let mut cases = CaseStore::open_across(&stores, &new, &now, &operator)?;
    let id = cases
        .first()
        .map(|c| c.id.clone())
        .context("the group names no tenant")?;
    for (case, engine) in cases.iter_mut().zip(engines) {
        locate(ctx, engine, case, subject)?;
        engine.session.store.save(case)?;
    }
    Ok((id, cases))
}

/// True when the erasure of request `id` began in some system.
fn begun(engines: &[Engine<'_, Erasure<'_>>], id: &str) -> Result<bool> {
    for engine in engines {
        if engine.session.store.load(id).is_ok()
            && super::changes::begun(&engine.session.store, id, "erase")?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Finds the subject in one system for her case kept from an earlier run, and keeps what
/// it found; a dry run keeps it in memory only, changing no case.
fn search(
    ctx: &Context,
    engine: &Engine<'_, Erasure<'_>>,
    case: &mut Case,
    subject: &Subject,
    dry_run: bool,
) -> Result<()> {
    if dry_run {
        let hits = engine
            .locator
            .find_with_proposals(&case.identities, Confidence::Low)?;
        case.set_matches(&hits);
        return Ok(());
    }
    locate(ctx, engine, case, subject)?;
    engine.session.store.save(case)?;
    Ok(())
}

/// Finds the subject in one system for her case, and records that the list did.
fn locate(
    ctx: &Context,
    engine: &Engine<'_, Erasure<'_>>,
    case: &mut Case,
    subject: &Subject,
) -> Result<()> {
    let hits = engine
        .locator
        .find_with_proposals(&case.identities, Confidence::Low)?;
    case.set_matches(&hits);
    super::record::audit(
        ctx,
        &engine.session.name,
        &engine.session.profile,
        case,
        "case open --from",
        &[("row", subject.row as u64), ("assets", hits.len() as u64)],
    )
}

/// The newest case receipt of request `id`, if one was signed.
fn latest_case_receipt(data_dir: &Path, id: &str) -> Option<std::path::PathBuf> {
    let dir = dsr::receipt::case::requests_dir(data_dir, id);
    let mut runs: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("receipt.json"))
        .filter(|p| p.is_file())
        .collect();
    runs.sort();
    runs.pop()
}

fn worse(a: Outcome, b: Outcome) -> Outcome {
    let rank = |o: &Outcome| match o {
        Outcome::Done => 0,
        Outcome::Refused => 1,
        _ => 2,
    };
    if rank(&b) > rank(&a) { b } else { a }
}

/// One subject's result: a line for people, or one JSON object.
fn line(
    out: &mut impl Write,
    format: OutputFormat,
    subject: &Subject,
    id: &str,
    ended: &[Ended],
    receipt: &Path,
) -> Result<()> {
    let outcome = dsr::receipt::case::request_outcome(ended.iter().map(|e| e.outcome)).as_str();
    match format {
        OutputFormat::Table | OutputFormat::Csv => {
            let systems: Vec<String> = ended
                .iter()
                .map(|e| format!("{} {}", e.tenant, e.outcome.as_str()))
                .collect();
            writeln!(
                out,
                "row {}{}: case {id}: {outcome} ({}); case receipt {}",
                subject.row,
                subject
                    .reference
                    .as_deref()
                    .map(|r| format!(" ({})", sanitize(r)))
                    .unwrap_or_default(),
                systems.join(", "),
                receipt.display()
            )?;
        }
        OutputFormat::Json | OutputFormat::Jsonl => {
            let value = serde_json::json!({
                "row": subject.row,
                "reference": subject.reference,
                "case": id,
                "outcome": outcome,
                "case_receipt": receipt,
                "systems": ended.iter().map(|e| serde_json::json!({
                    "tenant": e.tenant,
                    "outcome": e.outcome.as_str(),
                    "receipt": e.receipt,
                })).collect::<Vec<_>>(),
            });
            super::list::emit(out, &value)?;
        }
    }
    Ok(())
}

/// A row that could not be used, as a line of the same output.
fn bad_line(out: &mut impl Write, format: OutputFormat, row: &BadRow) -> Result<()> {
    match format {
        OutputFormat::Json | OutputFormat::Jsonl => super::list::emit(
            out,
            &serde_json::json!({
                "row": row.row,
                "reference": row.reference,
                "outcome": "error",
                "error": row.reason,
            }),
        ),
        _ => Ok(()),
    }
}
