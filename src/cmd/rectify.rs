//! `dsr rectify`: the verified correction of a subject's data (Art. 16) — plan, confirm,
//! apply under a journal, read back.

use std::collections::BTreeSet;

use anyhow::{Context as _, Result, bail};
use dsr::apply::holds::Holds;
use dsr::apply::{self, Action, Intent, Outcome as StepOutcome, RunReport};
use dsr::case::Right;
use dsr::index::identity::probes;
use dsr::index::matcher::Matcher;
use dsr::lock::TenantLock;
use dsr::rectify::{Change, Rectifier};

use super::changes::{self, Next, Operation};
use super::{Context, Outcome};
use crate::cli::RectifyArgs;

pub fn run(ctx: &Context, args: RectifyArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    // The profile is already loaded: the case store needs only the tenant's folder.
    let store = dsr::case::CaseStore::new(&name, &ctx.tenant_files(&name).dir);
    let mut case = store.load(&args.case)?;
    // The same check as access and portability: the right, and a case still open.
    super::access::require_right(&case, &[Right::Rectification])?;
    let settings = profile.settings()?;
    // The correction is checked before the platform is touched, so a typo costs nothing.
    let asked = match (&args.from, &args.to) {
        (Some(from), Some(to)) => {
            let fields: BTreeSet<String> = args.fields.iter().cloned().collect();
            Some(Change::replace(
                from,
                to,
                fields,
                &case.identities,
                settings.region,
            )?)
        }
        _ if !args.set.is_empty() => Some(Change::set(&args.set)?),
        _ => None,
    };
    let files = ctx.tenant_files(&name);
    let _lock = if args.dry_run {
        None
    } else {
        Some(TenantLock::acquire(&files.dir.join("lock"))?)
    };
    let platform = super::open_platform(ctx, &name, &profile)?;
    if !args.dry_run {
        ctx.catch_signals()?;
    }
    let subject = Matcher::new(
        probes(&case.identities, settings.region)?,
        settings.roles.clone(),
        settings.region,
    );
    let writable = changes::writable(ctx, &name);
    let holds = Holds::of(&profile)?;
    let (plan_path, journal_path) = changes::files(&store.case_dir(&case.id)?, "rectify");
    let op = Operation {
        ctx,
        command: "rectify",
        noun: "rectification",
        case: case.id.clone(),
        plan_path,
        journal_path,
        dry_run: args.dry_run,
        yes: args.yes,
        resume: args.resume,
        jobs: args.jobs.into(),
        output: changes::PlanFormat::from(args.output),
        silent: false,
    };
    let plan = op.plan(|| {
        let Some(change) = &asked else {
            bail!("say what to correct: --from OLD --to NEW, or --set FIELD=VALUE");
        };
        let rectifier = Rectifier::new(
            change,
            &subject,
            &settings.roles,
            settings.region,
            writable.as_ref(),
            &holds,
        )?;
        let ids: Vec<String> = case.reviewed().iter().map(|m| m.asset.clone()).collect();
        let read = apply::read_assets(platform.as_ref(), &ids, op.jobs);
        rectifier
            .plan(&case.id, &name, ids.into_iter().zip(read))
            .map_err(|(id, e)| {
                anyhow::Error::new(e).context(format!("cannot read asset {id} to plan it"))
            })
    })?;
    let Intent::Rectification { change } = &plan.intent else {
        bail!(
            "the plan {} is not a rectification plan",
            op.plan_path.display()
        );
    };
    let rectifier = Rectifier::new(
        change,
        &subject,
        &settings.roles,
        settings.region,
        writable.as_ref(),
        &holds,
    )?;
    let question = format!(
        "Correct {} asset(s) of case {} on tenant '{}'?",
        plan.count(Action::Rectify),
        case.id,
        name
    );
    if let Next::Stop(outcome) = op.confirm(&plan, &question)? {
        return Ok(outcome);
    }

    let check = |step: &apply::Step, asset: &dsr::asset::Asset| rectifier.check(step, asset);
    let (verification, started) = op.carry_out(&plan, platform.as_ref(), &check)?;
    dsr::index::sync::reindex(&files, &settings, &verification.read)
        .context("cannot bring the index up to date after the rectification")?;
    let report = RunReport {
        case: case.id.clone(),
        tenant: name.clone(),
        operation: plan.intent.name().to_owned(),
        plan_sha256: plan.sha256(),
        started,
        finished: dsr::time::now(),
        steps: verification.steps,
        remaining: Vec::new(),
    };
    let left = report.steps.iter().filter(|s| s.outcome.is_left()).count();
    let summary = format!(
        "Rectification of case {}: {} asset(s) corrected, each read back; {} withheld under legal hold; {} with nothing to do; {} not done ({} failed, {} not verified, {} left for a person).",
        report.case,
        report.count(Action::Rectify, StepOutcome::Verified),
        report.outcomes(StepOutcome::Withheld),
        report.outcomes(StepOutcome::Clean),
        left,
        report.outcomes(StepOutcome::Failed),
        report.outcomes(StepOutcome::Unverified),
        report.outcomes(StepOutcome::Manual),
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
    case.record(&dsr::time::now(), &ctx.operator(Some(&profile)), what);
    store.save(&case)?;
    super::record::change_records(ctx, &name, &profile, &store, &case, "rectify", &report)?;
    Ok(outcome)
}
