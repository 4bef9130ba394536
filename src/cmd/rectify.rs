//! `dsr rectify`: the verified correction of a subject's data (Art. 16) — plan, confirm,
//! apply under a journal, read back; for one case, or for every subject of a list.

use std::collections::BTreeSet;

use anyhow::{Context as _, Result, bail};
use dsr::apply::holds::Holds;
use dsr::apply::{self, Action, Intent, Outcome as StepOutcome, Plan, RunReport};
use dsr::case::{Case, Right};
use dsr::index::IndexSettings;
use dsr::index::group::GroupReindex;
use dsr::index::identity::probes;
use dsr::index::locate::Locator;
use dsr::index::matcher::Matcher;
use dsr::platform::Platform;
use dsr::rectify::{Change, Rectifier};
use dsr::subjects::Subject;

use super::bulk::{Status, SubjectReport, Work};
use super::changes::{self, Next, Operation};
use super::session::Session;
use super::{Context, Outcome};
use crate::cli::RectifyArgs;

pub fn run(ctx: &Context, args: RectifyArgs) -> Result<Outcome> {
    let session = Session::resolve(ctx)?;
    let settings = session.settings()?;
    // The correction is checked before the platform is touched, so a typo costs nothing.
    let set = if args.set.is_empty() {
        None
    } else {
        Some(Change::set(&args.set, args.add)?)
    };
    let single = match &args.from {
        Some(_) => None,
        None => {
            let Some(id) = args.case.as_deref() else {
                bail!("name the case to correct: dsr rectify CASE (or --from FILE)");
            };
            // The same check as access and portability: the right, and a case still open.
            let case = session.case(id, &[Right::Rectification])?;
            let asked = match (&args.replace, &args.with) {
                (Some(old), Some(new)) => Some(replace(&args, old, new, &case, &settings)?),
                _ => set.clone(),
            };
            Some((case, asked))
        }
    };
    let _lock = session.lock(!args.dry_run)?;
    // A list keeps several subjects going per request it may send.
    let max_requests = args.from.is_some().then_some(usize::from(args.jobs));
    let platform = session.platform(max_requests)?;
    if !args.dry_run {
        ctx.catch_signals()?;
    }
    let index = GroupReindex::new(&session.files, &settings);
    let locator = Locator::open(&session.files, settings.clone()).context(
        "a rectification looks for the old value again when it is done: run `dsr sync` first",
    )?;
    let rectify = Rectify {
        ctx,
        session: &session,
        settings: &settings,
        platform: platform.as_ref(),
        args: &args,
        set: set.as_ref(),
        holds: &Holds::of(&session.profile)?,
        writable: &changes::writable(ctx, &session.name),
        silent: false,
        jobs: args.jobs.into(),
        index: &index,
        locator: &locator,
    };
    let result = match (single, &args.from) {
        (Some((case, asked)), _) => rectify.single(case, asked),
        (None, Some(from)) => rectify.list(from),
        (None, None) => bail!("name the case to correct: dsr rectify CASE (or --from FILE)"),
    };
    // Whatever happened, the index's state is written for the changes that were made.
    let finished = index.finish().context("cannot write the index's state");
    let outcome = result?;
    finished?;
    super::unreadable::note_change(ctx, &session.name)?;
    Ok(outcome)
}

/// `--replace OLD --with NEW` (or a row's correction) for a case's subject.
fn replace(
    args: &RectifyArgs,
    old: &str,
    new: &str,
    case: &Case,
    settings: &IndexSettings,
) -> Result<Change> {
    let fields: BTreeSet<String> = args.fields.iter().cloned().collect();
    Ok(Change::replace(
        old,
        new,
        fields,
        &case.identities,
        settings.region,
    )?)
}

/// Corrects the subjects of cases: what one `dsr rectify` run shares between its cases.
#[derive(Clone, Copy)]
struct Rectify<'a> {
    /// The context cases are worked in: the session's own, or a hushed one in a list.
    ctx: &'a Context,
    /// The tenant; its context may print and ask.
    session: &'a Session<'a>,
    settings: &'a IndexSettings,
    platform: &'a dyn Platform,
    args: &'a RectifyArgs,
    /// `--set`, for every case.
    set: Option<&'a Change>,
    holds: &'a Holds,
    writable: &'a Option<BTreeSet<String>>,
    /// Part of a bulk run: nothing is printed per case.
    silent: bool,
    /// How many changes of one case run at once.
    jobs: usize,
    index: &'a GroupReindex<'a>,
    /// Looks for the old value again after each case.
    locator: &'a Locator,
}

/// A case with its plan, ready to be carried out.
struct Ready<'a> {
    case: Case,
    plan: Plan,
    /// Finds the subject, for the rectifier the plan's own change is checked with.
    subject: Matcher,
    op: Operation<'a>,
}

/// How a case's rectification ended.
struct Finished {
    outcome: Outcome,
    report: RunReport,
    receipt: std::path::PathBuf,
}

impl<'a> Rectify<'a> {
    fn single(&self, case: Case, asked: Option<Change>) -> Result<Outcome> {
        let ready = self.prepare_case(case, asked, self.args.resume)?;
        let question = format!(
            "Correct {} asset(s) of case {} on tenant '{}'?",
            ready.plan.count(Action::Rectify),
            ready.case.id,
            &self.session.name
        );
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

    fn list(&self, from: &std::path::Path) -> Result<Outcome> {
        let hushed = self.ctx.hushed();
        let rectify = Rectify {
            ctx: &hushed,
            silent: true,
            jobs: 1,
            ..*self
        };
        super::bulk::run(
            self.ctx,
            &self.session.name,
            &self.session.profile,
            &self.session.store,
            super::bulk::Options {
                command: "rectify",
                right: Right::Rectification,
                from,
                output: self.args.output,
                jobs: self.jobs * super::bulk::SUBJECTS_PER_REQUEST,
                resume: self.args.resume,
                dry_run: self.args.dry_run,
                yes: self.args.yes,
                verified_by: self.args.verified_by.as_deref(),
            },
            &rectify,
        )
    }

    /// Checks the case and makes its plan: the one an earlier run began with `resume`,
    /// else a new one for `asked` from the assets as the platform holds them now.
    fn prepare_case(&self, case: Case, asked: Option<Change>, resume: bool) -> Result<Ready<'a>> {
        super::session::require_right(&case, &[Right::Rectification])?;
        super::record::check_names(
            self.ctx,
            &self.session.profile,
            &case.identities,
            &[("case's verified-by text", case.verified_by.as_deref())],
        )?;
        let settings = self.settings;
        let subject = Matcher::new(
            probes(&case.identities, settings.region)?,
            settings.roles.clone(),
            settings.region,
        );
        let (plan_path, journal_path) =
            changes::files(&self.session.store.case_dir(&case.id)?, "rectify");
        let op = Operation {
            ctx: self.ctx,
            command: "rectify",
            noun: "rectification",
            case: case.id.clone(),
            plan_path,
            journal_path,
            dry_run: self.args.dry_run,
            yes: self.args.yes,
            resume,
            jobs: self.jobs,
            output: changes::PlanFormat::from(self.args.output),
            silent: self.silent,
        };
        let plan = op.plan(|| {
            let Some(change) = &asked else {
                bail!("say what to correct: --replace OLD --with NEW, or --set FIELD=VALUE");
            };
            let rectifier = Rectifier::new(
                change,
                &subject,
                &settings.roles,
                settings.region,
                self.writable.as_ref(),
                self.holds,
            )?;
            let ids: Vec<String> = case.reviewed().iter().map(|m| m.asset.clone()).collect();
            let read = apply::read_assets(self.platform, &ids, op.jobs);
            let read = ids
                .into_iter()
                .zip(read)
                .map(|(id, asset)| (id.clone(), case.acts_from(&id), asset));
            rectifier
                .plan(&case.id, &self.session.name, read)
                .map_err(|(id, e)| {
                    anyhow::Error::new(e).context(format!("cannot read asset {id} to plan it"))
                })
        })?;
        // A resumed plan carries its own change: the read-back checks that one.
        self.rectifier(&plan, &subject)?;
        Ok(Ready {
            case,
            plan,
            subject,
            op,
        })
    }

    /// What checks the read-back: the plan's own change.
    fn rectifier<'r>(&'r self, plan: &'r Plan, subject: &'r Matcher) -> Result<Rectifier<'r>> {
        let Intent::Rectification { change } = &plan.intent else {
            bail!("the plan of this case is not a rectification plan");
        };
        Ok(Rectifier::new(
            change,
            subject,
            &self.settings.roles,
            self.settings.region,
            self.writable.as_ref(),
            self.holds,
        )?)
    }

    fn carry(&self, ready: Ready<'_>) -> Result<Finished> {
        let Ready {
            mut case,
            plan,
            subject,
            op,
        } = ready;
        let rectifier = self.rectifier(&plan, &subject)?;
        let check = |step: &apply::Step, asset: &dsr::asset::Asset| rectifier.check(step, asset);
        // A step whose asset changed since it was planned is planned again by the same
        // rectifier, from the asset as it then is.
        let replan = |planned: &apply::Step, asset: &dsr::asset::Asset| {
            rectifier.step(asset, planned.acts_from)
        };
        let (_, verification, started) = op.carry_out(&plan, &replan, self.platform, &check)?;
        self.index
            .reindex(&verification.read)
            .context("cannot bring the index up to date after the rectification")?;
        let mut report = RunReport {
            case: case.id.clone(),
            tenant: self.session.name.to_owned(),
            operation: plan.intent.name().to_owned(),
            plan_sha256: plan.sha256(),
            started,
            finished: dsr::time::now(),
            steps: verification.steps,
            remaining: Vec::new(),
            images_kept: None,
            not_searched: super::unreadable::ids(self.ctx, &self.session.name)?,
        };
        // A replacement is done where a locate after the run no longer finds the old value
        // (in the fields it was restricted to), as `dsr locate` would.
        let change = match &plan.intent {
            Intent::Rectification { change } => change,
            Intent::Erasure { .. } => bail!("the plan of this case is not a rectification plan"),
        };
        if let (Some(old), Change::Replace { fields, .. }) = (rectifier.old_value(), change) {
            let only = (!fields.is_empty()).then_some(fields);
            report.reconcile(changes::still_found(
                self.locator,
                std::slice::from_ref(old),
                &case,
                only,
            )?);
        }
        // A `--set` is done where a locate after the run finds none of the case's identities
        // in the fields it corrects, other than as the new value.
        if let Change::Set { fields, .. } = change {
            report.reconcile(changes::still_found_where(
                self.locator,
                &case.identities,
                &case,
                |field, value| fields.contains_key(field) && !rectifier.is_new_value(field, value),
            )?);
        }
        let left = report.left().count();
        let summary = format!(
            "Rectification of case {}: {} asset(s) corrected, each read back; {} withheld under legal hold; {} with nothing to do; {} not done ({} failed, {} not verified, {} left for a person); {} asset(s) still hold the old value, as a locate now finds.",
            report.case,
            report.count(Action::Rectify, StepOutcome::Verified),
            report.outcomes(StepOutcome::Withheld),
            report.outcomes(StepOutcome::Clean),
            left,
            report.outcomes(StepOutcome::Failed),
            report.outcomes(StepOutcome::Unverified),
            report.outcomes(StepOutcome::Manual),
            report.remaining.len(),
        );
        let outcome = op.finish(&plan, &report, &summary)?;
        let what = if report.complete() {
            format!("rectification verified (plan {})", report.plan_sha256)
        } else {
            format!(
                "rectification partial: {left} step(s) not done (plan {})",
                report.plan_sha256
            )
        };
        case.record(
            &dsr::time::now(),
            &self.ctx.operator(Some(&self.session.profile)),
            what,
        );
        self.session.store.save(&case)?;
        let issued = super::record::change_records(
            self.ctx,
            &self.session.name,
            &self.session.profile,
            &self.session.store,
            &case,
            "rectify",
            &report,
        )?;
        Ok(Finished {
            outcome,
            report,
            receipt: issued.path,
        })
    }
}

impl<'a> Work for Rectify<'a> {
    type Ready = Ready<'a>;

    fn count_names(&self) -> &'static [&'static str] {
        &[
            "matches",
            "reviewed",
            "corrected",
            "withheld",
            "manual",
            "clean",
            "failed",
            "unverified",
        ]
    }

    fn takes_corrections(&self) -> bool {
        true
    }

    fn prepare(&self, subject: &Subject, case: Case, _resumed: bool) -> Result<Ready<'a>> {
        let begun = changes::begun(&self.session.store, &case.id, "rectify")?;
        // The row's own correction, else --set for every subject.
        let asked = match &subject.correction {
            Some((kind, new)) => {
                let mut olds = case.identities.iter().filter(|i| i.kind == *kind);
                let (Some(old), None) = (olds.next(), olds.next()) else {
                    bail!(
                        "the row's new_{kind} needs exactly one {kind} of the subject to replace",
                        kind = kind.as_str()
                    );
                };
                Some(replace(self.args, &old.value, new, &case, self.settings)?)
            }
            None => self.set.cloned(),
        };
        if asked.is_none() && !begun {
            bail!(
                "nothing to correct for this row: give it a new_email, new_name, new_phone or new_login value, or --set FIELD=VALUE for every subject"
            );
        }
        self.prepare_case(case, asked, begun)
    }

    fn planned(&self, ready: &Ready<'a>) -> SubjectReport {
        let plan = &ready.plan;
        SubjectReport {
            status: Status::Planned,
            counts: vec![
                ("matches", ready.case.matches.len() as u64),
                ("reviewed", ready.case.reviewed().len() as u64),
                ("corrected", plan.count(Action::Rectify) as u64),
                ("withheld", plan.count(Action::Withheld) as u64),
                ("manual", plan.count(Action::Manual) as u64),
                ("clean", plan.count(Action::Clean) as u64),
            ],
            touched: 0,
            plan_sha256: Some(plan.sha256()),
            receipt: None,
            output: None,
            errors: Vec::new(),
        }
    }

    fn question(&self, ready: &[&Ready<'a>]) -> Option<String> {
        let total = |action| ready.iter().map(|r| r.plan.count(action)).sum::<usize>();
        Some(format!(
            "Correct {} asset(s) of {} subject(s) on tenant '{}' ({} withheld under legal hold)?",
            total(Action::Rectify),
            ready.len(),
            &self.session.name,
            total(Action::Withheld)
        ))
    }

    fn before_changes(&self) -> Result<()> {
        self.session.signing_key()?;
        Ok(())
    }

    fn assets(&self, ready: &Ready<'a>) -> BTreeSet<String> {
        ready.plan.steps.iter().map(|s| s.asset.clone()).collect()
    }

    fn carry_out(&self, ready: Ready<'a>) -> Result<SubjectReport> {
        let (matches, reviewed) = (ready.case.matches.len(), ready.case.reviewed().len());
        let finished = self.carry(ready)?;
        let report = &finished.report;
        let corrected = report.count(Action::Rectify, StepOutcome::Verified) as u64;
        let counts = vec![
            ("matches", matches as u64),
            ("reviewed", reviewed as u64),
            ("corrected", corrected),
            ("withheld", report.outcomes(StepOutcome::Withheld) as u64),
            ("manual", report.outcomes(StepOutcome::Manual) as u64),
            ("clean", report.outcomes(StepOutcome::Clean) as u64),
            ("failed", report.outcomes(StepOutcome::Failed) as u64),
            (
                "unverified",
                report.outcomes(StepOutcome::Unverified) as u64,
            ),
        ];
        Ok(changes::subject_report(
            finished.outcome,
            report,
            counts,
            corrected,
            finished.receipt,
        ))
    }
}
