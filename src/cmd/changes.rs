//! What `erase` and `rectify` share: a plan kept in the case folder beside its journal,
//! printed and hashed before anything changes, confirmed (or refused), carried out under
//! the journal, read back, and the outcome printed — a table for people, or one JSON
//! document for scripts.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use dsr::apply::journal::Journal;
use dsr::apply::{
    self, Action, ApplyProgress, Check, Outcome as StepOutcome, Plan, Replan, RunReport,
};
use dsr::platform::Platform;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::output::Table;
use super::{Context, Outcome, sanitize};
use crate::cli::OutputFormat;

/// How a single case's plan and outcome are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFormat {
    /// Tables for people.
    Table,
    /// One JSON document, indented.
    Json,
    /// The same document on one line.
    Jsonl,
    /// The steps (of the plan, or with their outcome) as CSV rows.
    Csv,
}

impl From<OutputFormat> for PlanFormat {
    fn from(format: OutputFormat) -> PlanFormat {
        match format {
            OutputFormat::Table => PlanFormat::Table,
            OutputFormat::Json => PlanFormat::Json,
            OutputFormat::Jsonl => PlanFormat::Jsonl,
            OutputFormat::Csv => PlanFormat::Csv,
        }
    }
}

/// One run of a command that changes a tenant, as the user asked for it.
pub struct Operation<'a> {
    pub ctx: &'a Context,
    /// `erase` or `rectify`: the command, and the stem of its files in the case folder.
    pub command: &'static str,
    /// `erasure` or `rectification`, for messages.
    pub noun: &'static str,
    pub case: String,
    pub plan_path: PathBuf,
    pub journal_path: PathBuf,
    pub dry_run: bool,
    pub yes: bool,
    pub resume: bool,
    pub jobs: usize,
    pub output: PlanFormat,
    /// Part of a bulk run, which reports the outcome itself: nothing is printed.
    pub silent: bool,
}

/// Where a run stands once the plan is settled.
pub enum Next {
    /// Go on and carry it out.
    Apply,
    /// Stop here with this outcome (a dry run, a refusal); the plan has been printed.
    Stop(Outcome),
}

impl Operation<'_> {
    /// The plan this run carries out: with `--resume` the one an earlier run began (checked
    /// against its journal), else a new one from `make`. A run that was killed must be
    /// resumed, not planned anew: its journal says what is half done.
    pub fn plan(&self, make: impl FnOnce() -> Result<Plan>) -> Result<Plan> {
        let journal = Journal::read(&self.journal_path)?;
        if !self.resume {
            if journal.interrupted() && !self.dry_run {
                bail!(
                    "the {} of case {} was interrupted: run `dsr {} {} --resume` to finish it",
                    self.noun,
                    self.case,
                    self.command,
                    self.case
                );
            }
            return make();
        }
        let Some(hash) = journal.plan.clone().filter(|_| self.plan_path.exists()) else {
            bail!(
                "case {} has no {} to resume: run `dsr {} {}` to plan one",
                self.case,
                self.noun,
                self.command,
                self.case
            );
        };
        let bytes = std::fs::read(&self.plan_path)
            .with_context(|| format!("cannot read {}", self.plan_path.display()))?;
        let plan: Plan = serde_json::from_slice(&bytes)
            .with_context(|| format!("the plan {} is damaged", self.plan_path.display()))?;
        if plan.sha256() != hash {
            bail!(
                "the plan {} no longer matches its journal: it was changed after the run began",
                self.plan_path.display()
            );
        }
        self.ctx.note(&format!(
            "Resuming the {} of case {}: {} of {} step(s) were finished before.",
            self.noun,
            self.case,
            journal.done(),
            plan.changing_steps().count()
        ));
        Ok(plan)
    }

    /// With `--resume`, a run whose every step is done and whose receipt was issued is not
    /// carried out again (that would restate its changes in a second receipt): it is
    /// reported finished, pointing at its receipt, with the status it ended with.
    pub fn already_finished(&self, plan: &Plan) -> Result<Option<Outcome>> {
        if !self.resume {
            return Ok(None);
        }
        let journal = Journal::read(&self.journal_path)?;
        let all_done = plan.changing_steps().all(|(i, _)| journal.is_done(i));
        // A damaged report is no proof of a finished run: the resumed run makes a new one.
        let report = read_report(&self.report_path())
            .ok()
            .flatten()
            .filter(|r| r.plan_sha256 == plan.sha256());
        let (Some(report), true, true) = (report, journal.ended, all_done) else {
            return Ok(None);
        };
        // Killed after the report but before the receipt: the resumed run issues it.
        let Some(receipt) = latest_receipt(&self.plan_path, plan.intent.name()).filter(|path| {
            std::fs::read(path)
                .ok()
                .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
                .is_some_and(|r| r["plan_sha256"] == report.plan_sha256.as_str())
        }) else {
            return Ok(None);
        };
        let receipt = format!(": its receipt is {}", receipt.display());
        self.ctx.note(&format!(
            "The {} of case {} is finished (plan {}){receipt}. Nothing was done again; `dsr case show {}` shows its history.",
            self.noun, self.case, report.plan_sha256, self.case
        ));
        Ok(Some(Self::outcome_of(&report)))
    }

    /// Where the run's report is kept, beside its plan.
    fn report_path(&self) -> PathBuf {
        report_file(
            self.plan_path.parent().unwrap_or(Path::new("")),
            self.command,
        )
    }

    /// How a run that ended with `report` ends the command: 3 when anything is left, 4
    /// when only legal holds kept assets back.
    fn outcome_of(report: &RunReport) -> Outcome {
        if !report.complete() {
            Outcome::Partial
        } else if report.outcomes(StepOutcome::Withheld) > 0 {
            Outcome::Refused
        } else {
            Outcome::Done
        }
    }

    /// Prints the plan, then asks before anything changes: without `--yes` in a terminal,
    /// and never without one. A dry run stops here.
    pub fn confirm(&self, plan: &Plan, question: &str) -> Result<Next> {
        match self.output {
            PlanFormat::Table => print_plan(plan)?,
            // With the plan hash: the row a script checks before it confirms.
            PlanFormat::Csv => print_plan_csv(plan)?,
            PlanFormat::Json | PlanFormat::Jsonl => {}
        }
        let hash = plan.sha256();
        if self.dry_run {
            self.print_json(plan, None)?;
            self.ctx.note(&format!(
                "Dry run: nothing was changed. Plan SHA-256 {hash}. Run without --dry-run to apply it."
            ));
            return Ok(Next::Stop(Outcome::Done));
        }
        let journal = Journal::read(&self.journal_path)?;
        let left = plan
            .changing_steps()
            .filter(|(i, _)| !(self.resume && journal.is_done(*i)))
            .count();
        if left == 0 || self.yes {
            return Ok(Next::Apply);
        }
        if !(self.ctx.interactive_stderr && std::io::stdin().is_terminal()) {
            self.print_json(plan, None)?;
            eprintln!(
                "dsr: refused: the {} changes the tenant and needs a confirmation; there is no terminal to ask in. Check the plan with --dry-run, then run again with --yes.",
                self.noun
            );
            return Ok(Next::Stop(Outcome::Refused));
        }
        let answer = dialoguer::Confirm::new()
            .with_prompt(format!(
                "{question} (plan SHA-256 {})",
                hash.get(..12).unwrap_or(&hash)
            ))
            .default(false)
            .interact()
            .context("cannot read the confirmation")?;
        if answer {
            Ok(Next::Apply)
        } else {
            self.print_json(plan, None)?;
            eprintln!("dsr: refused: nothing was changed.");
            Ok(Next::Stop(Outcome::Refused))
        }
    }

    /// Keeps the plan (a fresh run starts a fresh journal), applies it under the journal
    /// with a progress bar — a step whose asset changed since it was planned is planned
    /// again with `replan` — and reads every changed asset back against the step as it was
    /// carried out. Returns the steps as carried out, the read-back and the start time.
    pub fn carry_out(
        &self,
        plan: &Plan,
        replan: &Replan<'_>,
        platform: &dyn Platform,
        check: &Check<'_>,
    ) -> Result<(apply::Carried, apply::Verification, String)> {
        // A store that would keep what a change removes refuses before the plan is kept.
        platform.ready_for_changes().with_context(|| {
            format!(
                "the {} of case {} was refused before anything changed",
                self.noun, self.case
            )
        })?;
        let started = dsr::time::now();
        if !self.resume {
            let json = serde_json::to_vec_pretty(plan)?;
            dsr::fsutil::write_atomic(&self.plan_path, &json)
                .with_context(|| format!("cannot write {}", self.plan_path.display()))?;
            // An earlier run's journal speaks of an earlier plan's steps.
            dsr::apply::journal::remove(&self.journal_path)?;
        }
        let bar = StepBar::new(self.ctx.interactive_stderr && !self.silent);
        let applied = apply::apply(
            plan,
            replan,
            platform,
            &self.journal_path,
            self.jobs,
            &bar,
            &self.ctx.stop,
        );
        bar.finish();
        let carried = match applied {
            Ok(carried) => carried,
            Err(apply::ApplyError::Interrupted(stop)) => {
                return Err(anyhow::Error::new(stop).context(format!(
                    "the {} of case {} stopped after the steps in flight, each journaled; `dsr {} {} --resume` finishes it",
                    self.noun, self.case, self.command, self.case
                )));
            }
            Err(e) => {
                return Err(e).with_context(|| {
                    format!("the {} stopped: its journal cannot be written", self.noun)
                });
            }
        };
        let verification = carried.verify(platform, self.jobs, check);
        Ok((carried, verification, started))
    }

    /// Prints the outcome — every step on stdout, what is left on stderr — and says how
    /// the command ends: 3 when anything is left, 4 when only legal holds kept assets back.
    pub fn finish(&self, plan: &Plan, report: &RunReport, summary: &str) -> Result<Outcome> {
        // Kept beside the plan and its journal: what the run reported, step by step, for
        // `dsr case show` and for anyone checking the receipt against it.
        let report_path = self.report_path();
        dsr::fsutil::write_atomic(&report_path, &serde_json::to_vec_pretty(report)?)
            .with_context(|| format!("cannot write {}", report_path.display()))?;
        let outcome = Self::outcome_of(report);
        if self.silent {
            return Ok(outcome);
        }
        match self.output {
            PlanFormat::Json | PlanFormat::Jsonl => self.print_json(plan, Some(report))?,
            PlanFormat::Csv => {
                let mut out = csv::Writer::from_writer(std::io::stdout().lock());
                out.write_record(["outcome", "action", "asset", "detail"])?;
                for step in &report.steps {
                    out.write_record([
                        step.outcome.as_str(),
                        step.action.as_str(),
                        &dsr::access::neutralise(&step.asset),
                        &dsr::access::neutralise(&step.detail),
                    ])?;
                }
                out.flush()?;
            }
            PlanFormat::Table => {
                let mut out = std::io::stdout().lock();
                writeln!(out)?;
                let mut table = Table::new(&["outcome", "action", "asset", "detail"]);
                for step in &report.steps {
                    table.row(
                        vec![
                            step.outcome.as_str().to_owned(),
                            step.action.as_str().to_owned(),
                            step.asset.clone(),
                            step.detail.clone(),
                        ],
                        None,
                        None,
                    );
                }
                table.write(&mut out, false)?;
            }
        }
        for step in report.left() {
            eprintln!(
                "dsr: not done: {} ({}): {}",
                sanitize(&step.asset),
                step.outcome.as_str(),
                sanitize(&step.detail)
            );
        }
        for asset in report.unexplained() {
            eprintln!(
                "dsr: not done: {}: the subject is still found there; review it with `dsr case review {}`",
                sanitize(asset),
                self.case
            );
        }
        self.ctx.note(summary);
        Ok(outcome)
    }

    /// With `--output json`, the one document a run prints: the plan, its hash, and the
    /// outcome of every step once there is one.
    fn print_json(&self, plan: &Plan, report: Option<&RunReport>) -> Result<()> {
        if !matches!(self.output, PlanFormat::Json | PlanFormat::Jsonl) {
            return Ok(());
        }
        let mut doc = serde_json::json!({
            "plan": plan,
            "sha256": plan.sha256(),
            "applied": report.is_some(),
        });
        if let (Some(report), Some(object)) = (report, doc.as_object_mut()) {
            object.insert("report".to_owned(), serde_json::to_value(report)?);
        }
        let mut out = std::io::stdout().lock();
        if self.output == PlanFormat::Jsonl {
            writeln!(out, "{doc}")?;
        } else {
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Ok(())
    }
}

/// The plan as CSV: one row per step, then a last row holding the plan's hash.
fn print_plan_csv(plan: &Plan) -> Result<()> {
    let mut out = csv::Writer::from_writer(std::io::stdout().lock());
    out.write_record(["action", "asset", "fields", "why"])?;
    for step in &plan.steps {
        let fields: Vec<&str> = step.changes.keys().map(String::as_str).collect();
        out.write_record([
            step.action.as_str(),
            &dsr::access::neutralise(&step.asset),
            &fields.join(" "),
            &dsr::access::neutralise(&step.reason),
        ])?;
    }
    out.write_record(["plan-sha256", &plan.sha256(), "", ""])?;
    out.flush()?;
    Ok(())
}

fn print_plan(plan: &Plan) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let mut table = Table::new(&["action", "asset", "fields", "why"]);
    for step in &plan.steps {
        let fields: Vec<&str> = step.changes.keys().map(String::as_str).collect();
        table.row(
            vec![
                step.action.as_str().to_owned(),
                step.asset.clone(),
                if fields.is_empty() {
                    "-".to_owned()
                } else {
                    fields.join(", ")
                },
                step.reason.clone(),
            ],
            None,
            None,
        );
    }
    table.write(&mut out, false)?;
    let shown: &[(Action, &str)] = match plan.intent {
        apply::Intent::Erasure { .. } => &[
            (Action::Delete, "to delete"),
            (Action::Scrub, "to scrub"),
            (Action::Withheld, "withheld"),
            (Action::Manual, "for a person to handle"),
            (Action::Clean, "with nothing to do"),
        ],
        apply::Intent::Restriction { .. } => &[
            (Action::Restrict, "to mark restricted"),
            (Action::Lift, "to lift the restriction of"),
            (Action::Withheld, "withheld"),
            (Action::Manual, "for a person to handle"),
            (Action::Clean, "with nothing to do"),
        ],
        apply::Intent::Rectification { .. } => &[
            (Action::Rectify, "to correct"),
            (Action::Withheld, "withheld"),
            (Action::Manual, "for a person to handle"),
            (Action::Clean, "with nothing to do"),
        ],
    };
    let mut counts: Vec<String> = shown
        .iter()
        .map(|(action, what)| format!("{} {what}", plan.count(*action)))
        .collect();
    // A consent status of an image that stays shows her too, but is not an image.
    let images = plan
        .steps
        .iter()
        .filter(|s| {
            s.shows_subject
                && !matches!(
                    dsr::platform::fotoweb::RecordId::parse(&s.asset),
                    Some(dsr::platform::fotoweb::RecordId::Consent { .. })
                )
        })
        .count();
    if images > 0 {
        counts.push(format!(
            "{images} image(s) that will still show the subject once scrubbed"
        ));
    }
    writeln!(
        out,
        "\n{}. Plan SHA-256 {}",
        counts.join(", "),
        plan.sha256()
    )?;
    Ok(())
}

/// A progress bar for the steps of a run, on stderr when it is a terminal; failures are
/// counted as they happen, so the bar never shows a failing run as going well.
struct StepBar {
    bar: Option<ProgressBar>,
    failed: std::sync::atomic::AtomicU64,
}

impl StepBar {
    fn new(visible: bool) -> StepBar {
        StepBar {
            bar: visible.then(|| {
                let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template(
                    "{spinner} applying {bar:30} {pos}/{len} steps {msg} ({eta} left)",
                ) {
                    bar.set_style(style);
                }
                bar
            }),
            failed: std::sync::atomic::AtomicU64::new(0),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl ApplyProgress for StepBar {
    fn start(&self, steps: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(steps);
        }
    }

    fn step_done(&self, ok: bool) {
        let Some(bar) = &self.bar else { return };
        if !ok {
            let failed = self
                .failed
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
                + 1;
            bar.set_message(format!("({failed} failed)"));
        }
        bar.inc(1);
    }
}

/// Whether `command`'s run on a case began (its journal names a plan): a list then finishes
/// it from that journal, by the same plan, instead of planning anew.
pub fn begun(store: &dsr::case::CaseStore, case: &str, command: &str) -> Result<bool> {
    let (_, journal_path) = files(&store.case_dir(case)?, command);
    Ok(Journal::read(&journal_path)?.plan.is_some())
}

/// What a bulk run reports for one case's change once it ended: its status from how the
/// command ends, what is left as errors, and the command's own counts.
pub fn subject_report(
    outcome: Outcome,
    report: &RunReport,
    counts: Vec<(&'static str, u64)>,
    touched: u64,
    receipt: PathBuf,
) -> super::bulk::SubjectReport {
    use super::bulk::Status;
    let left = report
        .left()
        .map(|s| format!("{} ({}): {}", s.asset, s.outcome.as_str(), s.detail));
    let remaining = report
        .unexplained()
        .map(|a| format!("{a}: the subject is still found there"))
        .chain(
            report
                .not_searched
                .iter()
                .map(|a| format!("{a}: not searched, the last sync could not read it")),
        );
    super::bulk::SubjectReport {
        status: match outcome {
            Outcome::Done => Status::Verified,
            Outcome::Refused => Status::Withheld,
            _ => Status::Partial,
        },
        counts,
        touched,
        plan_sha256: Some(report.plan_sha256.clone()),
        receipt: Some(receipt),
        output: None,
        errors: left.chain(remaining).collect(),
    }
}

/// The plan and journal files of a command in a case folder.
pub fn files(case_dir: &std::path::Path, command: &str) -> (PathBuf, PathBuf) {
    (
        case_dir.join(format!("{command}-plan.json")),
        case_dir.join(format!("{command}-journal.jsonl")),
    )
}

/// Where the report of `command`'s last run on a case is kept, beside its plan and journal.
pub fn report_file(case_dir: &Path, command: &str) -> PathBuf {
    case_dir.join(format!("{command}-report.json"))
}

/// The report of `command`'s last run on a case, if one finished.
pub fn last_report(case_dir: &Path, command: &str) -> Result<Option<RunReport>> {
    read_report(&report_file(case_dir, command))
}

fn read_report(path: &Path) -> Result<Option<RunReport>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let report = serde_json::from_slice(&bytes)
        .with_context(|| format!("the report {} is damaged", path.display()))?;
    Ok(Some(report))
}

/// Fields the platform lets dsr change, as the last sync learned them.
pub fn writable(ctx: &Context, tenant: &str) -> Option<std::collections::BTreeSet<String>> {
    let state = ctx.tenant_files(tenant).load_summary().ok()?;
    (!state.writable.is_empty()).then_some(state.writable)
}

/// Assets where a locate after a run finds `identities` at the confidence the case acted on
/// there (the same search `dsr locate` runs, on the index just brought up to date), other
/// than assets review left out: what [`RunReport::reconcile`] makes the steps agree with.
/// `only`: the fields a rectification was restricted to (elsewhere the value stays).
pub fn still_found(
    locator: &dsr::index::locate::Locator,
    identities: &[dsr::matching::identity::Identity],
    case: &dsr::case::Case,
    only: Option<&std::collections::BTreeSet<String>>,
) -> Result<Vec<String>> {
    still_found_where(locator, identities, case, |field, _| {
        only.is_none_or(|fields| fields.contains(field))
    })
}

/// Like [`still_found`], counting only the matches `counts` accepts, given the field and
/// the matched value (a `--set` run: in the fields it corrects, other than the new value).
pub fn still_found_where(
    locator: &dsr::index::locate::Locator,
    identities: &[dsr::matching::identity::Identity],
    case: &dsr::case::Case,
    counts: impl Fn(&str, &str) -> bool,
) -> Result<Vec<String>> {
    let left_out = case.left_out();
    let hits = locator.find(identities, dsr::matching::matcher::Confidence::Low)?;
    Ok(hits
        .into_iter()
        .filter(|h| {
            let floor = case.acts_from(&h.asset);
            !left_out.contains(&h.asset)
                && h.matches
                    .iter()
                    .any(|m| m.confidence >= floor && counts(&m.field, &m.value))
        })
        .map(|h| h.asset)
        .collect())
}

/// The newest receipt of `operation` in the case folder holding `plan_path`.
fn latest_receipt(plan_path: &Path, operation: &str) -> Option<PathBuf> {
    let suffix = format!("-{operation}");
    super::case::receipts_of(plan_path.parent()?)
        .into_iter()
        .rfind(|p| {
            p.parent()
                .and_then(|dir| dir.file_name())
                .is_some_and(|name| name.to_string_lossy().ends_with(&suffix))
        })
}
