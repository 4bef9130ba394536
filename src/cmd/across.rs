//! A change to a request across systems (`dsr erase|rectify|restrict CASE --group NAME`,
//! or `--all-tenants`). Every system's plan is made first, printed, and confirmed once; then
//! each system's plan is carried out on its own worker under that system's own journal,
//! read back and checked against a fresh locate, and receipted in that tenant's ledger, as
//! a single-tenant change is. One signed case receipt then lists every system with its
//! receipt's hash and outcome. A system whose run fails or ends partial does not stop the
//! others; the run ends 3 and `--resume` finishes only what is left.

use std::ops::ControlFlow;

use anyhow::{Context as _, Result, bail};
use dsr::case::Case;
use dsr::index::IndexSettings;
use dsr::index::group::GroupReindex;
use dsr::index::locate::Locator;
use dsr::lock::TenantLock;
use dsr::platform::Platform;
use dsr::receipt::case::{self as case_receipt, CaseReceiptDraft, SystemOutcome, SystemRecord};
use dsr::threads;

use super::changes::{self, Next, Operation};
use super::engine::{Change, Engine, Options, Ready};
use super::session::Session;
use super::{Context, Outcome, sanitize};
use crate::cli::OutputFormat;

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
pub(super) struct Ended {
    pub(super) tenant: String,
    pub(super) outcome: SystemOutcome,
    pub(super) receipt: Option<std::path::PathBuf>,
    pub(super) summary: String,
}

/// What a change across systems is asked to do, whatever the change.
pub(super) struct Request<'r> {
    pub(super) options: Options,
    pub(super) jobs: usize,
    /// The case to change, or none with a list.
    pub(super) case: Option<&'r str>,
    /// The list whose subjects are each a request (erasure only).
    pub(super) from: Option<&'r std::path::Path>,
}

/// Opens every system of the scope, makes each one's change with `make` and what its case
/// asks with `asked`, then carries the request (or a list's requests) out.
pub(super) fn run<C: Change>(
    ctx: &Context,
    request: &Request<'_>,
    make: impl Fn(&Session<'_>) -> Result<C>,
    asked: impl Fn(&Engine<'_, C>, &Case) -> Result<C::Asked>,
    list: impl FnOnce(&std::path::Path, &[Engine<'_, C>]) -> Result<Outcome>,
) -> Result<Outcome> {
    let options = &request.options;
    if options.dry_run && options.output != OutputFormat::Table {
        bail!("a dry run across systems prints each system's plan as a table: leave out --output");
    }
    let config = ctx.load_config()?;
    let members = config.members(&ctx.scope())?;
    let started = dsr::time::now();
    let mut systems = Vec::new();
    let mut cases: Vec<Case> = Vec::new();
    for (name, profile) in &members {
        let session = Session::of(ctx, name, profile.clone());
        if let Some(id) = request.case {
            cases.push(session.store.load(id).with_context(|| {
                format!("tenant '{name}' holds no part of case {id}: open the request with `dsr case open --group`")
            })?);
        }
        systems.push(open(session, options.dry_run)?);
    }
    // Each system's change, made before anything is read: one a system cannot take (a
    // restriction without a field to mark) refuses the request before any plan.
    let changes: Vec<C> = systems
        .iter()
        .map(|s| make(&s.session).with_context(|| format!("tenant '{}'", s.session.name)))
        .collect::<Result<_>>()?;
    if !options.dry_run {
        ctx.catch_signals()?;
    }
    let indexes: Vec<GroupReindex<'_>> = systems
        .iter()
        .map(|s| GroupReindex::new(&s.session.files, &s.settings))
        .collect();
    let engines: Vec<Engine<'_, C>> = systems
        .iter()
        .zip(&indexes)
        .zip(&changes)
        .map(|((system, index), change)| Engine {
            change,
            ctx,
            session: &system.session,
            settings: &system.settings,
            platform: system.platform.as_ref(),
            options,
            // Each system's outcome is said once, below, not by each run.
            silent: true,
            jobs: request.jobs,
            index,
            locator: &system.locator,
        })
        .collect();
    let result = match (request.from, request.case) {
        (Some(from), _) => list(from, &engines),
        (None, Some(id)) => cases
            .into_iter()
            .zip(&engines)
            .map(|(case, engine)| {
                let asked = asked(engine, &case)
                    .with_context(|| format!("tenant '{}'", engine.session.name))?;
                Ok((case, asked))
            })
            .collect::<Result<Vec<_>>>()
            .and_then(|cases| carry(ctx, options, id, &engines, cases, &started)),
        (None, None) => Err(anyhow::anyhow!(
            "name the case: dsr {} CASE --group NAME",
            C::COMMAND
        )),
    };
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

/// Opens one system: its lock, platform and index.
fn open(session: Session<'_>, dry_run: bool) -> Result<System<'_>> {
    let name = session.name.clone();
    let lock = session.lock(!dry_run)?;
    let platform = session.platform(None)?;
    let settings = session.settings()?;
    let locator = Locator::open(&session.files, settings.clone()).with_context(|| {
        format!("an erasure locates its subject again when it is done: run `dsr sync --tenant {name}` first")
    })?;
    Ok(System {
        session,
        _lock: lock,
        platform,
        settings,
        locator,
    })
}

fn carry<C: Change>(
    ctx: &Context,
    options: &Options,
    id: &str,
    engines: &[Engine<'_, C>],
    cases: Vec<(Case, C::Asked)>,
    started: &str,
) -> Result<Outcome> {
    let planned = plan(options, id, engines, cases)?;
    if let Some(outcome) = print_plans(options, engines, &planned)? {
        return Ok(outcome);
    }
    if options.dry_run {
        ctx.note("Dry run: nothing was changed in any system.");
        return Ok(Outcome::Done);
    }
    let names: Vec<&str> = planned
        .to_carry
        .iter()
        .map(|(i, _)| engines[*i].session.name.as_str())
        .collect();
    if !planned.to_carry.is_empty() && !options.yes {
        let question = format!(
            "Carry out the {} of case {id} in {} system(s): {}?",
            C::NOUN,
            names.len(),
            names.join(", ")
        );
        let what = format!("the {} changes {} system(s)", C::NOUN, names.len());
        if let Some(outcome) = confirm(ctx, &what, &question)? {
            return Ok(outcome);
        }
    }
    let (ended, issued) = carry_planned(ctx, id, engines, planned, started)?;
    report(ctx, options.output, id, &ended, &issued)?;
    Ok(outcome_of(&ended))
}

/// Every system's part of one request, planned before anything changes anywhere: what an
/// earlier run finished, and what is left to carry out.
pub(super) struct Planned<'a, S> {
    ended: Vec<Option<Ended>>,
    pub(super) to_carry: Vec<(usize, Ready<'a, S>)>,
}

impl<S> Planned<'_, S> {
    /// The plans' changing steps, over every system left to carry out.
    pub(super) fn steps(&self) -> usize {
        self.to_carry
            .iter()
            .map(|(_, ready)| ready.plan.changing_steps().count())
            .sum()
    }

    /// True when an earlier run finished the request in every system.
    pub(super) fn finished(&self) -> bool {
        self.to_carry.is_empty()
    }

    /// How each system ended, once [`Planned::finished`].
    pub(super) fn into_ended(self) -> Vec<Ended> {
        self.ended.into_iter().flatten().collect()
    }

    /// A request every system of which an earlier run finished: carrying it out only signs
    /// its case receipt.
    pub(super) fn ended_only(ended: Vec<Ended>) -> Planned<'static, S> {
        Planned {
            ended: ended.into_iter().map(Some).collect(),
            to_carry: Vec::new(),
        }
    }
}

/// Plans the request `id` in every system (with --resume, a system whose erasure began
/// carries on with its kept plan; one whose erasure never began is planned afresh).
pub(super) fn plan<'a, C: Change>(
    options: &Options,
    id: &str,
    engines: &[Engine<'a, C>],
    cases: Vec<(Case, C::Asked)>,
) -> Result<Planned<'a, C::Subject>> {
    let mut readies = Vec::new();
    for (engine, (case, asked)) in engines.iter().zip(cases) {
        let resume = options.resume && changes::begun(&engine.session.store, id, C::COMMAND)?;
        let ready = engine.prepare_case(case, asked, resume).with_context(|| {
            format!(
                "cannot plan the {} in tenant '{}'",
                C::NOUN,
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
    Ok(Planned { ended, to_carry })
}

/// Prints each system's plan under its name. Returns how the run ends when a plan stops
/// it (a legal hold in a dry run does not).
pub(super) fn print_plans<C: Change>(
    options: &Options,
    engines: &[Engine<'_, C>],
    planned: &Planned<'_, C::Subject>,
) -> Result<Option<Outcome>> {
    for (i, ready) in &planned.to_carry {
        if options.output == OutputFormat::Table {
            println!("Tenant '{}':", engines[*i].session.name);
        }
        let printing = Operation {
            yes: true,
            ..operation_copy(&ready.op)
        };
        // With `yes` set it only prints the plan (and in a dry run says so).
        if let Next::Stop(outcome) = printing.confirm(&ready.plan, "")?
            && !options.dry_run
        {
            return Ok(Some(outcome));
        }
    }
    Ok(None)
}

/// Asks `question` once; without a terminal to ask in, refuses, saying `what` needs it.
/// Returns how the run ends when it does not go on.
pub(super) fn confirm(ctx: &Context, what: &str, question: &str) -> Result<Option<Outcome>> {
    Ok((!super::bulk::confirm_changes(ctx, what, question)?).then_some(Outcome::Refused))
}

/// Carries out the planned request in every system at once, each on its own worker, then
/// signs the case receipt. Returns how each system ended and the case receipt.
pub(super) fn carry_planned<C: Change>(
    ctx: &Context,
    id: &str,
    engines: &[Engine<'_, C>],
    planned: Planned<'_, C::Subject>,
    started: &str,
) -> Result<(Vec<Ended>, std::path::PathBuf)> {
    let Planned {
        mut ended,
        to_carry,
    } = planned;
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
                    "dsr: tenant '{tenant}': the {} did not finish: {}",
                    C::NOUN,
                    sanitize(&format!("{e:#}"))
                );
                Ended {
                    tenant,
                    outcome: SystemOutcome::NotDone,
                    receipt: None,
                    summary: format!(
                        "not finished: run `dsr {} {id} --group … --resume`",
                        C::COMMAND
                    ),
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
    Ok((ended, issued))
}

/// How a request's run ends from how each system's part ended.
pub(super) fn outcome_of(ended: &[Ended]) -> Outcome {
    if ended
        .iter()
        .any(|e| matches!(e.outcome, SystemOutcome::Partial | SystemOutcome::NotDone))
    {
        Outcome::Partial
    } else if ended.iter().any(|e| e.outcome == SystemOutcome::Withheld) {
        Outcome::Refused
    } else {
        Outcome::Done
    }
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
fn case_receipt<C: Change>(
    ctx: &Context,
    id: &str,
    engines: &[Engine<'_, C>],
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
            right: C::RIGHT,
            operation: C::COMMAND.to_owned(),
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
