//! `dsr erase CASE --group NAME` (or `--all-tenants`): the erasure of a request across
//! systems. Every system's plan is made first, printed, and confirmed once; then each
//! system's plan is carried out on its own worker under that system's own journal, read
//! back and checked against a fresh locate, and receipted in that tenant's ledger, as a
//! single-tenant erasure is. One signed case receipt then lists every system with its
//! receipt's hash and outcome. A system whose run fails or ends partial does not stop the
//! others; the run ends 3 and `--resume` finishes only what is left.

use std::ops::ControlFlow;

use anyhow::{Context as _, Result, bail};
use dsr::case::Case;
use dsr::config::TenantProfile;
use dsr::index::IndexSettings;
use dsr::index::group::GroupReindex;
use dsr::index::locate::Locator;
use dsr::lock::TenantLock;
use dsr::platform::Platform;
use dsr::receipt::case::{self as case_receipt, CaseReceiptDraft, SystemOutcome, SystemRecord};
use dsr::threads;

use super::changes::{self, Next, Operation};
use super::engine::{Change, Engine, Options};
use super::erase::Erasure;
use super::session::Session;
use super::{Context, Outcome, sanitize};
use crate::cli::{EraseArgs, OutputFormat};

/// One system of the request, opened before anything is planned.
struct System<'c> {
    session: Session<'c>,
    // Held until the run ends: no other dsr process changes the tenant meanwhile.
    _lock: Option<TenantLock>,
    platform: Box<dyn Platform>,
    settings: IndexSettings,
    locator: Locator,
}

/// How one system's part ended, before the case receipt says it.
struct Ended {
    tenant: String,
    outcome: SystemOutcome,
    receipt: Option<std::path::PathBuf>,
    summary: String,
}

pub fn run(ctx: &Context, args: &EraseArgs) -> Result<Outcome> {
    if args.from.is_some() || args.replay_tombstones {
        bail!("--from and --replay-tombstones work on one tenant: pass --tenant NAME");
    }
    if args.dry_run && args.output != OutputFormat::Table {
        bail!("a dry run across systems prints each system's plan as a table: leave out --output");
    }
    let Some(id) = args.case.as_deref() else {
        bail!("name the case to erase: dsr erase CASE --group NAME");
    };
    let config = ctx.load_config()?;
    let members = config.members(&ctx.scope())?;
    let started = dsr::time::now();
    let mut systems = Vec::new();
    let mut cases: Vec<Case> = Vec::new();
    for (name, profile) in &members {
        let (system, case) = open(ctx, name, profile, id, args.dry_run)?;
        systems.push(system);
        cases.push(case);
    }
    if !args.dry_run {
        ctx.catch_signals()?;
    }
    let indexes: Vec<GroupReindex<'_>> = systems
        .iter()
        .map(|s| GroupReindex::new(&s.session.files, &s.settings))
        .collect();
    let options = Options {
        dry_run: args.dry_run,
        yes: args.yes,
        resume: args.resume,
        output: args.output,
        verified_by: args.verified_by.clone(),
    };
    let change = Erasure { args };
    let engines: Vec<Engine<'_, Erasure<'_>>> = systems
        .iter()
        .zip(&indexes)
        .map(|(system, index)| Engine {
            change: &change,
            ctx,
            session: &system.session,
            settings: &system.settings,
            platform: system.platform.as_ref(),
            options: &options,
            // Each system's outcome is said once, below, not by each run.
            silent: true,
            jobs: args.jobs.into(),
            index,
            locator: &system.locator,
        })
        .collect();
    let result = carry(ctx, args, id, &engines, cases, &started);
    drop(engines);
    // Whatever happened, each index's state is written for the changes that were made.
    for (index, system) in indexes.into_iter().zip(&systems) {
        index.finish().with_context(|| {
            format!(
                "cannot write the index's state of tenant '{}'",
                system.session.name
            )
        })?;
    }
    result
}

/// Opens one system: its lock, platform, index and its part of the case.
fn open<'c>(
    ctx: &'c Context,
    name: &str,
    profile: &TenantProfile,
    id: &str,
    dry_run: bool,
) -> Result<(System<'c>, Case)> {
    let session = Session::of(ctx, name, profile.clone());
    let case = session
        .store
        .load(id)
        .with_context(|| format!("tenant '{name}' holds no part of case {id}: open the request with `dsr case open --group`"))?;
    let lock = session.lock(!dry_run)?;
    let platform = session.platform(None)?;
    let settings = session.settings()?;
    let locator = Locator::open(&session.files, settings.clone()).with_context(|| {
        format!("an erasure locates its subject again when it is done: run `dsr sync --tenant {name}` first")
    })?;
    Ok((
        System {
            session,
            _lock: lock,
            platform,
            settings,
            locator,
        },
        case,
    ))
}

fn carry(
    ctx: &Context,
    args: &EraseArgs,
    id: &str,
    engines: &[Engine<'_, Erasure<'_>>],
    cases: Vec<Case>,
    started: &str,
) -> Result<Outcome> {
    // One plan: every system's, made before anything changes anywhere.
    let mut readies = Vec::new();
    for (engine, case) in engines.iter().zip(cases) {
        // With --resume, a system whose erasure never began (its run failed before its plan
        // was kept) is planned afresh, as a list's subjects are.
        let resume = args.resume && changes::begun(&engine.session.store, id, "erase")?;
        let ready = engine.prepare_case(case, (), resume).with_context(|| {
            format!(
                "cannot plan the erasure in tenant '{}'",
                engine.session.name
            )
        })?;
        readies.push(ready);
    }
    let mut ended: Vec<Option<Ended>> = engines.iter().map(|_| None).collect();
    let mut to_carry = Vec::new();
    for (i, ready) in readies.into_iter().enumerate() {
        let tenant = &engines[i].session.name;
        match ready.op.already_finished(&ready.plan)? {
            Some(outcome) => {
                let folder = engines[i].session.store.case_dir(id)?;
                ended[i] = Some(Ended {
                    tenant: tenant.clone(),
                    outcome: system_outcome(outcome),
                    receipt: super::case::receipts_of(&folder).pop(),
                    summary: "finished by an earlier run".to_owned(),
                });
            }
            None => to_carry.push((i, ready)),
        }
    }
    // The plans, each under its system's name, and one question for all of them.
    for (i, ready) in &to_carry {
        if args.output == OutputFormat::Table {
            println!("Tenant '{}':", engines[*i].session.name);
        }
        let printing = Operation {
            yes: true,
            ..operation_copy(&ready.op)
        };
        // With `yes` set it only prints the plan (and in a dry run says so).
        if let Next::Stop(outcome) = printing.confirm(&ready.plan, "")?
            && !args.dry_run
        {
            return Ok(outcome);
        }
    }
    if args.dry_run {
        ctx.note("Dry run: nothing was changed in any system.");
        return Ok(Outcome::Done);
    }
    let names: Vec<&str> = to_carry
        .iter()
        .map(|(i, _)| engines[*i].session.name.as_str())
        .collect();
    if !to_carry.is_empty() && !args.yes {
        if !super::can_prompt(ctx) {
            eprintln!(
                "dsr: refused: the erasure changes {} system(s) and needs a confirmation; there is no terminal to ask in. Check the plans with --dry-run, then run again with --yes.",
                names.len()
            );
            return Ok(Outcome::Refused);
        }
        let answer = dialoguer::Confirm::new()
            .with_prompt(format!(
                "Carry out the erasure of case {id} in {} system(s): {}?",
                names.len(),
                names.join(", ")
            ))
            .default(false)
            .interact()
            .context("cannot read the confirmation")?;
        if !answer {
            eprintln!("dsr: refused: nothing was changed.");
            return Ok(Outcome::Refused);
        }
    }
    // Made or unlocked before anything changes in any system.
    for engine in engines {
        engine.session.signing_key()?;
    }
    let carried = threads::map(
        to_carry.len(),
        to_carry,
        || ctx.stop.requested().is_none(),
        |(i, ready)| {
            let engine = &engines[i];
            let result = engine.carry(ready);
            ControlFlow::Continue((i, result))
        },
    );
    for (i, result) in carried {
        let tenant = engines[i].session.name.clone();
        ended[i] = Some(match result {
            Ok(finished) => Ended {
                tenant,
                outcome: system_outcome(finished.outcome),
                receipt: Some(finished.receipt),
                summary: engines[i].change.summary(&finished.report),
            },
            Err(e) => {
                eprintln!(
                    "dsr: tenant '{tenant}': the erasure did not finish: {}",
                    sanitize(&format!("{e:#}"))
                );
                Ended {
                    tenant,
                    outcome: SystemOutcome::NotDone,
                    receipt: None,
                    summary: format!("not finished: run `dsr erase {id} --group … --resume`"),
                }
            }
        });
    }
    // A system no worker took (a stop was asked for) is not done.
    let ended: Vec<Ended> = ended
        .into_iter()
        .zip(engines)
        .map(|(e, engine)| {
            e.unwrap_or_else(|| Ended {
                tenant: engine.session.name.clone(),
                outcome: SystemOutcome::NotDone,
                receipt: None,
                summary: "not started".to_owned(),
            })
        })
        .collect();
    let issued = case_receipt(ctx, id, engines, &ended, started)?;
    report(ctx, args.output, id, &ended, &issued)?;
    Ok(
        if ended
            .iter()
            .any(|e| matches!(e.outcome, SystemOutcome::Partial | SystemOutcome::NotDone))
        {
            Outcome::Partial
        } else if ended.iter().any(|e| e.outcome == SystemOutcome::Withheld) {
            Outcome::Refused
        } else {
            Outcome::Done
        },
    )
}

/// The operation with the same files and options, to print a plan through.
fn operation_copy<'a>(op: &Operation<'a>) -> Operation<'a> {
    Operation {
        ctx: op.ctx,
        command: op.command,
        noun: op.noun,
        case: op.case.clone(),
        plan_path: op.plan_path.clone(),
        journal_path: op.journal_path.clone(),
        dry_run: op.dry_run,
        yes: op.yes,
        resume: op.resume,
        jobs: op.jobs,
        output: op.output,
        silent: op.silent,
    }
}

fn system_outcome(outcome: Outcome) -> SystemOutcome {
    match outcome {
        Outcome::Done => SystemOutcome::Done,
        Outcome::Refused => SystemOutcome::Withheld,
        _ => SystemOutcome::Partial,
    }
}

/// Signs the case receipt: every system, its receipt's hash and its outcome.
fn case_receipt(
    ctx: &Context,
    id: &str,
    engines: &[Engine<'_, Erasure<'_>>],
    ended: &[Ended],
    started: &str,
) -> Result<std::path::PathBuf> {
    let mut systems = Vec::new();
    for e in ended {
        let (sha256, relative) = match &e.receipt {
            Some(path) => (
                Some(
                    dsr::receipt::file_sha256(path)
                        .with_context(|| format!("cannot read the receipt {}", path.display()))?,
                ),
                Some(
                    path.strip_prefix(&ctx.data_dir)
                        .unwrap_or(path)
                        .display()
                        .to_string(),
                ),
            ),
            None => (None, None),
        };
        systems.push(SystemRecord {
            tenant: e.tenant.clone(),
            outcome: if sha256.is_none() {
                SystemOutcome::NotDone
            } else {
                e.outcome
            },
            receipt_sha256: sha256,
            receipt: relative,
        });
    }
    let first = engines.first().map(|e| &e.session.profile);
    let key = match engines.first() {
        Some(engine) => super::record::signing_key(ctx, &engine.session.profile)?,
        None => bail!("the group names no tenant"),
    };
    let path = case_receipt::issue(
        &ctx.data_dir,
        &key,
        CaseReceiptDraft {
            case_id: id.to_owned(),
            right: dsr::case::Right::Erasure,
            operation: "erase".to_owned(),
            operator: ctx.operator(first),
            started_at: started.to_owned(),
            finished_at: dsr::time::now(),
            systems,
        },
    )?;
    Ok(path)
}

fn report(
    ctx: &Context,
    format: OutputFormat,
    id: &str,
    ended: &[Ended],
    receipt: &std::path::Path,
) -> Result<()> {
    for e in ended {
        ctx.note(&format!(
            "{}: {} — {}",
            e.tenant,
            e.outcome.as_str(),
            e.summary
        ));
    }
    ctx.note(&format!(
        "Case receipt {} (signed; `dsr receipt verify` checks it and each system receipt it lists).",
        receipt.display()
    ));
    let document = serde_json::json!({
        "case": id,
        "case_receipt": receipt,
        "systems": ended.iter().map(|e| serde_json::json!({
            "tenant": e.tenant,
            "outcome": e.outcome.as_str(),
            "receipt": e.receipt,
        })).collect::<Vec<_>>(),
    });
    let mut out = std::io::stdout().lock();
    if format != OutputFormat::Table {
        super::output::print_value(&mut out, format, &document)?;
    }
    Ok(())
}
