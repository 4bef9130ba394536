//! The change engine: what every command that changes a tenant for a case shares — the
//! plan made (or resumed), printed and confirmed, carried out under a journal, read back,
//! checked against a fresh locate, recorded in the case, the audit log and a signed
//! receipt — for one case or for every subject of a list. An operation (erasure,
//! rectification, restriction) supplies only what is its own through [`Change`]: how to
//! plan a case, how to check a step on read-back and plan it again, and the words of its
//! summary.
//!
//! A new operation: its planner and read-back check in the library (`src/restrict.rs` is the
//! smallest), its intent and actions in `src/plan.rs`, its right in `src/case/mod.rs`, its
//! command module here implementing [`Change`] and [`Carrying`] (`restrict.rs`), its
//! arguments in `src/cli.rs` and its line in `cmd/mod.rs`'s dispatch; the receipt's outcome
//! for its action in `record.rs` and the plan table's words in `changes.rs`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use dsr::apply::{self, Action, Outcome as StepOutcome, Plan, RunReport};
use dsr::asset::Asset;
use dsr::case::{Case, Right};
use dsr::index::IndexSettings;
use dsr::index::group::GroupReindex;
use dsr::index::locate::Locator;
use dsr::platform::Platform;
use dsr::subjects::Subject;

use super::bulk::{Status, SubjectReport, Work};
use super::changes::{self, Next, Operation};
use super::session::Session;
use super::{Context, Outcome};
use crate::cli::OutputFormat;

/// One operation that changes a tenant: its words, and how it plans and checks a case.
pub trait Change: Sync + Sized {
    /// What a case needs beyond itself to be planned (rectification: the correction asked
    /// for; erasure: nothing).
    type Asked: Send;
    /// What a case's plan and read-back are made from, made once per case (the matcher
    /// that finds its subject, say).
    type Subject: Send + Sync;

    /// The command (`erase`), and the stem of its files in the case folder.
    const COMMAND: &'static str;
    /// `erasure`, for messages.
    const NOUN: &'static str;
    /// The right a case must be a request for.
    const RIGHT: Right;
    /// The changing actions and how a list's report counts each one read back.
    const CHANGED: &'static [(&'static str, Action)];
    /// The names of the counts a list's report carries, for CSV's header.
    const COUNT_NAMES: &'static [&'static str];
    /// Whether a list's rows may carry a correction (`new_name` …).
    const TAKES_CORRECTIONS: bool = false;

    /// The texts the operation writes into records besides the case's identities (checked
    /// to hold no other person's name), by what they are.
    fn texts<'s>(&'s self, case: &'s Case) -> Vec<(&'static str, Option<&'s str>)>;

    /// What a list's row asks of its case; `begun` says an earlier run began its change.
    fn asked_for_row(
        &self,
        engine: &Engine<'_, Self>,
        row: &Subject,
        case: &Case,
        begun: bool,
    ) -> Result<Self::Asked>;

    /// What the case's plan and read-back are made from.
    fn subject(
        &self,
        engine: &Engine<'_, Self>,
        case: &Case,
        asked: Self::Asked,
    ) -> Result<Self::Subject>;

    /// A new plan for the case, from its assets as the platform holds them now.
    fn plan(&self, engine: &Engine<'_, Self>, case: &Case, subject: &Self::Subject)
    -> Result<Plan>;

    /// Refuses a plan (a resumed one's own) this operation cannot carry out.
    fn accept(
        &self,
        engine: &Engine<'_, Self>,
        plan: &Plan,
        subject: &Self::Subject,
    ) -> Result<()> {
        let _ = (engine, plan, subject);
        Ok(())
    }

    /// Runs `carry` with what carries the case's plan out: made before anything changes,
    /// so that whatever it needs and cannot have stops the run first.
    fn carrying<R>(
        &self,
        engine: &Engine<'_, Self>,
        case: &Case,
        plan: &Plan,
        subject: &Self::Subject,
        carry: impl FnOnce(&dyn Carrying) -> Result<R>,
    ) -> Result<R>;

    /// The confirmation asked before one case's plan is carried out.
    fn question(&self, plan: &Plan, case: &str, tenant: &str) -> String;

    /// The one confirmation asked before a list's plans are carried out; `total` counts
    /// the steps taking an action over every plan.
    fn list_question(
        &self,
        total: &dyn Fn(Action) -> usize,
        subjects: usize,
        tenant: &str,
    ) -> String;

    /// The images a plan keeps showing the subject beside others, with the reason why.
    fn images_kept(&self, plan: &Plan) -> Option<String> {
        let _ = plan;
        None
    }

    /// The run's summary, for people.
    fn summary(&self, report: &RunReport) -> String;

    /// The line the case's history keeps of the run.
    fn history(&self, report: &RunReport) -> String;
}

/// One case's plan being carried out.
pub trait Carrying: Sync {
    /// Reads a changed asset back against its step: evidence, or what is wrong.
    fn check(&self, step: &apply::Step, asset: &Asset) -> Result<String, String>;

    /// Plans a step again from its asset as it now is (it changed since it was planned),
    /// as the plan's own planner would.
    fn replan(&self, planned: &apply::Step, asset: &Asset) -> apply::Step;

    /// Makes the report say what a locate after the run finds, whatever the read-back said.
    fn reconcile(&self, locator: &Locator, case: &Case, report: &mut RunReport) -> Result<()>;

    /// Done once the receipt is issued (an erasure's tombstone).
    fn after_receipt(
        &self,
        case: &Case,
        carried: &Plan,
        report: &RunReport,
        receipt: &Path,
    ) -> Result<()> {
        let _ = (case, carried, report, receipt);
        Ok(())
    }
}

/// How the user asked for the change to be made, whatever the operation.
pub struct Options {
    pub dry_run: bool,
    pub yes: bool,
    pub resume: bool,
    pub output: OutputFormat,
    /// How a list's subjects were checked, for every case it opens.
    pub verified_by: Option<String>,
}

/// Changes the subjects of cases: what one run of a changing command shares between its
/// cases.
pub struct Engine<'a, C: Change> {
    pub change: &'a C,
    /// The context cases are worked in: the session's own, or a hushed one in a list.
    pub ctx: &'a Context,
    /// The tenant; its context may print and ask.
    pub session: &'a Session<'a>,
    pub settings: &'a IndexSettings,
    pub platform: &'a dyn Platform,
    pub options: &'a Options,
    /// Part of a bulk run: nothing is printed per case.
    pub silent: bool,
    /// How many changes of one case run at once.
    pub jobs: usize,
    /// Brings the index up to date after each case, sharing commits between cases.
    pub index: &'a GroupReindex<'a>,
    /// Searches the index again after each case (every search sees the last commit).
    pub locator: &'a Locator,
}

impl<C: Change> Clone for Engine<'_, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C: Change> Copy for Engine<'_, C> {}

/// A case with its plan, ready to be carried out.
pub struct Ready<'a, S> {
    pub(super) case: Case,
    subject: S,
    pub(super) plan: Plan,
    pub(super) op: Operation<'a>,
}

/// How a case's change ended.
pub(super) struct Finished {
    pub(super) outcome: Outcome,
    pub(super) report: RunReport,
    pub(super) receipt: PathBuf,
}

impl<'a, C: Change> Engine<'a, C> {
    /// Changes the case the command names: the plan printed, confirmed, carried out.
    pub fn single(&self, case: Case, asked: C::Asked) -> Result<Outcome> {
        let ready = self.prepare_case(case, asked, self.options.resume)?;
        let question = self
            .change
            .question(&ready.plan, &ready.case.id, &self.session.name);
        if let Some(outcome) = ready.op.already_finished(&ready.plan)? {
            return Ok(outcome);
        }
        if let Next::Stop(outcome) = ready.op.confirm(&ready.plan, &question)? {
            return Ok(outcome);
        }
        // Made or unlocked before anything changes: a key that cannot be had (a wrong
        // passphrase, no terminal to ask in) must stop the run here, not leave the changes
        // without a receipt.
        self.session.signing_key()?;
        Ok(self.carry(ready)?.outcome)
    }

    /// Changes every subject of a list, one case each.
    pub fn list(&self, from: &Path) -> Result<Outcome> {
        let hushed = self.ctx.hushed();
        let engine = Engine {
            ctx: &hushed,
            silent: true,
            // Each subject makes one change at a time.
            jobs: 1,
            ..*self
        };
        super::bulk::run(
            self.ctx,
            &self.session.name,
            &self.session.profile,
            &self.session.store,
            super::bulk::Options {
                command: C::COMMAND,
                right: C::RIGHT,
                from,
                output: self.options.output,
                jobs: self.jobs * super::bulk::SUBJECTS_PER_REQUEST,
                resume: self.options.resume,
                dry_run: self.options.dry_run,
                yes: self.options.yes,
                verified_by: self.options.verified_by.as_deref(),
            },
            &engine,
        )
    }

    /// Checks the case and makes its plan: the one an earlier run began with `resume`,
    /// else a new one from the assets as the platform holds them now.
    pub(super) fn prepare_case(
        &self,
        case: Case,
        asked: C::Asked,
        resume: bool,
    ) -> Result<Ready<'a, C::Subject>> {
        // The same check as access and portability: the right, and a case still open.
        super::session::require_right(&case, &[C::RIGHT])?;
        super::record::check_names(
            self.ctx,
            &self.session.profile,
            &case.identities,
            &self.change.texts(&case),
        )?;
        let subject = self.change.subject(self, &case, asked)?;
        let (plan_path, journal_path) =
            changes::files(&self.session.store.case_dir(&case.id)?, C::COMMAND);
        let op = Operation {
            ctx: self.ctx,
            command: C::COMMAND,
            noun: C::NOUN,
            case: case.id.clone(),
            plan_path,
            journal_path,
            dry_run: self.options.dry_run,
            yes: self.options.yes,
            resume,
            jobs: self.jobs,
            output: changes::PlanFormat::from(self.options.output),
            silent: self.silent,
        };
        let plan = op.plan(|| self.change.plan(self, &case, &subject))?;
        self.change.accept(self, &plan, &subject)?;
        Ok(Ready {
            case,
            subject,
            plan,
            op,
        })
    }

    /// Applies a confirmed plan, verifies it, and records the outcome: the case's history,
    /// the audit entry and the signed receipt, then what the operation does after it.
    pub(super) fn carry(&self, ready: Ready<'_, C::Subject>) -> Result<Finished> {
        let Ready {
            mut case,
            subject,
            plan,
            op,
        } = ready;
        self.change
            .carrying(self, &case.clone(), &plan, &subject, |carrying| {
                let check = |step: &apply::Step, asset: &Asset| carrying.check(step, asset);
                let replan = |planned: &apply::Step, asset: &Asset| carrying.replan(planned, asset);
                let (carried, verification, started) =
                    op.carry_out(&plan, &replan, self.platform, &check)?;
                self.index.reindex(&verification.read).with_context(|| {
                    format!("cannot bring the index up to date after the {}", C::NOUN)
                })?;
                let mut report = RunReport {
                    case: case.id.clone(),
                    tenant: self.session.name.to_owned(),
                    operation: plan.intent.name().to_owned(),
                    plan_sha256: plan.sha256(),
                    started,
                    finished: dsr::time::now(),
                    steps: verification.steps,
                    remaining: Vec::new(),
                    images_kept: self.change.images_kept(&plan),
                    not_searched: super::unreadable::ids(self.ctx, &self.session.name)?,
                };
                // The summary, the receipt and a `dsr locate` afterwards say the same: what
                // the locate finds is not done, whatever the read-back said.
                carrying.reconcile(self.locator, &case, &mut report)?;
                let outcome = op.finish(&plan, &report, &self.change.summary(&report))?;
                case.record(
                    &dsr::time::now(),
                    &self.ctx.operator(Some(&self.session.profile)),
                    self.change.history(&report),
                );
                self.session.store.save(&case)?;
                // The platform changed: the receipt comes first, so that nothing after it
                // (the audit entry, a tombstone) can leave the changes without one.
                let issued = super::record::change_records(
                    self.ctx,
                    &self.session.name,
                    &self.session.profile,
                    &self.session.store,
                    &case,
                    C::COMMAND,
                    &report,
                )?;
                carrying.after_receipt(&case, &carried.plan, &report, &issued.path)?;
                Ok(Finished {
                    outcome,
                    report,
                    receipt: issued.path,
                })
            })
    }
}

impl<'a, C: Change> Work for Engine<'a, C> {
    type Ready = Ready<'a, C::Subject>;

    fn count_names(&self) -> &'static [&'static str] {
        C::COUNT_NAMES
    }

    fn takes_corrections(&self) -> bool {
        C::TAKES_CORRECTIONS
    }

    fn prepare(&self, row: &Subject, case: Case, _resumed: bool) -> Result<Self::Ready> {
        // A case whose change began is finished from its own journal, by the same plan.
        let begun = changes::begun(&self.session.store, &case.id, C::COMMAND)?;
        let asked = self.change.asked_for_row(self, row, &case, begun)?;
        self.prepare_case(case, asked, begun)
    }

    fn planned(&self, ready: &Self::Ready) -> SubjectReport {
        let plan = &ready.plan;
        let mut counts = vec![
            ("matches", ready.case.matches.len() as u64),
            ("reviewed", ready.case.reviewed().len() as u64),
        ];
        counts.extend(
            C::CHANGED
                .iter()
                .map(|(name, action)| (*name, plan.count(*action) as u64)),
        );
        counts.extend([
            ("withheld", plan.count(Action::Withheld) as u64),
            ("manual", plan.count(Action::Manual) as u64),
            ("clean", plan.count(Action::Clean) as u64),
        ]);
        SubjectReport {
            status: Status::Planned,
            counts,
            touched: 0,
            plan_sha256: Some(plan.sha256()),
            receipt: None,
            output: None,
            errors: Vec::new(),
        }
    }

    fn question(&self, ready: &[&Self::Ready]) -> Option<String> {
        let total = |action| ready.iter().map(|r| r.plan.count(action)).sum::<usize>();
        Some(
            self.change
                .list_question(&total, ready.len(), &self.session.name),
        )
    }

    fn before_changes(&self) -> Result<()> {
        // Made or unlocked once, here where a passphrase can be asked for, not by each of
        // the subjects' threads.
        self.session.signing_key()?;
        Ok(())
    }

    fn assets(&self, ready: &Self::Ready) -> BTreeSet<String> {
        ready.plan.steps.iter().map(|s| s.asset.clone()).collect()
    }

    fn carry_out(&self, ready: Self::Ready) -> Result<SubjectReport> {
        let (matches, reviewed) = (ready.case.matches.len(), ready.case.reviewed().len());
        let finished = self.carry(ready)?;
        let report = &finished.report;
        let verified = |action| report.count(action, StepOutcome::Verified) as u64;
        let mut counts = vec![("matches", matches as u64), ("reviewed", reviewed as u64)];
        counts.extend(
            C::CHANGED
                .iter()
                .map(|(name, action)| (*name, verified(*action))),
        );
        counts.extend([
            ("withheld", report.outcomes(StepOutcome::Withheld) as u64),
            ("manual", report.outcomes(StepOutcome::Manual) as u64),
            ("clean", report.outcomes(StepOutcome::Clean) as u64),
            ("failed", report.outcomes(StepOutcome::Failed) as u64),
            (
                "unverified",
                report.outcomes(StepOutcome::Unverified) as u64,
            ),
        ]);
        if C::COUNT_NAMES.contains(&"remaining") {
            counts.push(("remaining", report.remaining.len() as u64));
        }
        let touched = C::CHANGED.iter().map(|(_, action)| verified(*action)).sum();
        Ok(changes::subject_report(
            finished.outcome,
            report,
            counts,
            touched,
            finished.receipt,
        ))
    }
}
