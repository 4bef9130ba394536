//! `dsr erase`: the verified erasure of a case (Art. 17) — plan, confirm, apply under a
//! journal, verify, and leave a tombstone; or replay the tombstones after a restore.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use anyhow::{Context as _, Result, bail};
use dsr::apply::holds::Holds;
use dsr::apply::{self, Action, Outcome as StepOutcome, Plan, RunReport};
use dsr::case::{Case, Right};
use dsr::config::TenantProfile;
use dsr::erase::plan::{Planner, Strategy};
use dsr::erase::tombstone::{self, Tombstone};
use dsr::index::identity::{Identity, probes};
use dsr::index::locate::Locator;
use dsr::index::matcher::{Confidence, Matcher};
use dsr::lock::TenantLock;
use dsr::platform::Platform;

use super::changes::{self, Next, Operation};
use super::{Context, Outcome};
use crate::cli::{EraseArgs, StrategyArg};

pub fn run(ctx: &Context, args: EraseArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    if args.replay_tombstones {
        return replay(ctx, &name, &profile);
    }
    let Some(id) = args.case.as_deref() else {
        bail!("name the case to erase: dsr erase CASE (or --replay-tombstones)");
    };
    // The profile is already loaded: the case store needs only the tenant's folder.
    let store = dsr::case::CaseStore::new(&name, &ctx.tenant_files(&name).dir);
    let mut case = store.load(id)?;
    // The same check as access and portability: the right, and a case still open.
    super::access::require_right(&case, &[Right::Erasure])?;
    let files = ctx.tenant_files(&name);
    // Even a dry run reads the platform as a plan would; only changes need the lock.
    let _lock = if args.dry_run {
        None
    } else {
        Some(TenantLock::acquire(&files.dir.join("lock"))?)
    };
    let platform = super::open_platform(ctx, &name, &profile)?;
    let settings = profile.settings()?;
    let matcher = Matcher::new(
        probes(&case.identities, settings.region)?,
        settings.roles.clone(),
        settings.region,
    );
    let (plan_path, journal_path) = changes::files(&store.case_dir(&case.id)?, "erase");
    let op = Operation {
        ctx,
        command: "erase",
        noun: "erasure",
        case: case.id.clone(),
        plan_path,
        journal_path,
        dry_run: args.dry_run,
        yes: args.yes,
        resume: args.resume,
        jobs: args.jobs.into(),
        output: args.output,
    };
    let plan = op.plan(|| {
        make_plan(
            ctx,
            &name,
            &profile,
            &case,
            platform.as_ref(),
            &matcher,
            &args,
        )
    })?;
    let question = format!(
        "Delete {} and scrub {} asset(s) of case {} on tenant '{}'?",
        plan.count(Action::Delete),
        plan.count(Action::Scrub),
        case.id,
        name
    );
    if let Next::Stop(outcome) = op.confirm(&plan, &question)? {
        return Ok(outcome);
    }

    let check = |step: &apply::Step, asset: &dsr::asset::Asset| {
        dsr::erase::subject_gone(&matcher, step, asset)
    };
    let (verification, started) = op.carry_out(&plan, platform.as_ref(), &check)?;
    dsr::index::sync::reindex(&files, &settings, &verification.read)
        .context("cannot bring the index up to date after the erasure")?;
    let kept = kept(&case, &plan);
    let remaining = remaining_hits(ctx, &name, &profile, &case, &kept)?;
    let report = RunReport {
        case: case.id.clone(),
        tenant: name.clone(),
        operation: plan.intent.name().to_owned(),
        plan_sha256: plan.sha256(),
        started,
        finished: dsr::time::now(),
        steps: verification.steps,
        remaining,
    };
    let outcome = op.finish(&plan, &report, &summary(&report))?;

    let withheld = report.outcomes(StepOutcome::Withheld);
    let what = if !report.complete() {
        let left = report.steps.iter().filter(|s| s.outcome.is_left()).count();
        format!(
            "erasure partial: {} step(s) not done, {} asset(s) still hold the subject (plan {})",
            left,
            report.remaining.len(),
            report.plan_sha256
        )
    } else {
        let mut stone = Tombstone::new(
            &case.id,
            &case.identities,
            settings.region,
            &dsr::time::now(),
        );
        stone.kept = kept;
        tombstone::append(&files.dir.join("tombstones.jsonl"), &stone)
            .context("cannot write the tombstone")?;
        if withheld > 0 {
            format!(
                "erasure verified except {withheld} asset(s) withheld under legal hold (plan {})",
                report.plan_sha256
            )
        } else {
            format!("erasure verified (plan {})", report.plan_sha256)
        }
    };
    case.record(&dsr::time::now(), &ctx.operator(Some(&profile)), what);
    store.save(&case)?;
    super::record::change_records(ctx, &name, &profile, &store, &case, "erase", &report)?;
    Ok(outcome)
}

fn summary(report: &RunReport) -> String {
    let left = report.steps.iter().filter(|s| s.outcome.is_left()).count();
    format!(
        "Erasure of case {}: {} deleted and {} scrubbed, each read back; {} withheld under legal hold; {} with nothing to do; {} not done ({} failed, {} not verified, {} left for a person); {} other asset(s) still hold the subject.",
        report.case,
        report.count(Action::Delete, StepOutcome::Verified),
        report.count(Action::Scrub, StepOutcome::Verified),
        report.outcomes(StepOutcome::Withheld),
        report.outcomes(StepOutcome::Clean),
        left,
        report.outcomes(StepOutcome::Failed),
        report.outcomes(StepOutcome::Unverified),
        report.outcomes(StepOutcome::Manual),
        report.remaining.len()
    )
}

/// Reads every asset of the reviewed set as the platform holds it now and plans it.
fn make_plan(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    case: &Case,
    platform: &dyn Platform,
    matcher: &Matcher,
    args: &EraseArgs,
) -> Result<Plan> {
    let settings = profile.settings()?;
    let writable = changes::writable(ctx, name);
    let holds = Holds::of(profile)?;
    let shown: BTreeSet<String> = std::iter::once(dsr::fields::PERSON_SHOWN.to_owned())
        .chain(profile.shown_fields.iter().cloned())
        .collect();
    let planner = Planner {
        matcher,
        roles: &settings.roles,
        shown_fields: &shown,
        writable: writable.as_ref(),
        holds: &holds,
        strategy: match args.strategy {
            StrategyArg::Auto => Strategy::Auto,
            StrategyArg::Scrub => Strategy::Scrub,
            StrategyArg::Delete => Strategy::Delete,
        },
    };
    let ids: Vec<String> = case.reviewed().iter().map(|m| m.asset.clone()).collect();
    let read = apply::read_assets(platform, &ids, args.jobs.into());
    planner
        .plan(&case.id, name, ids.into_iter().zip(read))
        .map_err(|(id, e)| {
            anyhow::Error::new(e).context(format!("cannot read asset {id} to plan it"))
        })
}

/// Assets the erasure leaves alone on purpose: withheld under legal hold, left for a
/// person, or judged in review not to be the subject's (every match outside the
/// reviewed set). The subject found there again is not a failure of the erasure.
fn kept(case: &Case, plan: &Plan) -> BTreeSet<String> {
    let reviewed: BTreeSet<&str> = case.reviewed().iter().map(|m| m.asset.as_str()).collect();
    plan.steps
        .iter()
        .filter(|s| matches!(s.action, Action::Withheld | Action::Manual))
        .map(|s| s.asset.clone())
        .chain(
            case.matches
                .iter()
                .filter(|m| !reviewed.contains(m.asset.as_str()))
                .map(|m| m.asset.clone()),
        )
        .collect()
}

/// Assets where the subject is still found at medium confidence or above after the
/// erasure, other than those it left alone on purpose.
fn remaining_hits(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    case: &Case,
    kept: &BTreeSet<String>,
) -> Result<Vec<String>> {
    let locator = Locator::open(&ctx.tenant_files(name), profile.settings()?)?;
    let hits = locator.find(&case.identities, Confidence::Medium)?;
    Ok(hits
        .into_iter()
        .map(|h| h.asset)
        .filter(|a| !kept.contains(a))
        .collect())
}

/// Locates every tombstone's subject again (after the platform restored a backup) and
/// opens an erasure case for each one found back, printing the new case ids. Ends with
/// exit status 3 when anything came back: the erasure is undone until those are erased.
fn replay(ctx: &Context, name: &str, profile: &TenantProfile) -> Result<Outcome> {
    let started = std::time::SystemTime::now();
    let files = ctx.tenant_files(name);
    let stones = tombstone::load(&files.dir.join("tombstones.jsonl"))
        .context("cannot read the tenant's tombstones")?;
    let settings = profile.settings()?;
    let index = dsr::index::TenantIndex::open(&files.index())?;
    let mut found: BTreeMap<String, BTreeSet<Identity>> = BTreeMap::new();
    index.for_each_asset(|asset| {
        for stone in stones.iter().filter(|s| !s.kept.contains(&asset.id)) {
            let identities = stone.recover(&asset, &settings.roles, settings.region);
            if !identities.is_empty() {
                found
                    .entry(stone.case.clone())
                    .or_default()
                    .extend(identities);
            }
        }
    })?;
    if found.is_empty() {
        ctx.note(&format!(
            "None of the {} erased subject(s) of tenant '{name}' are back.",
            stones.len()
        ));
        return Ok(Outcome::Done);
    }
    let (_, store) = super::case::store(ctx)?;
    let mut out = std::io::stdout().lock();
    for (old_case, identities) in found {
        let count = identities.len();
        let identities: Vec<Identity> = identities.into_iter().collect();
        let case = super::case::open_for_replay(ctx, &store, name, profile, &old_case, identities)?;
        super::record::audit(
            ctx,
            name,
            profile,
            &case,
            "erase --replay-tombstones",
            &[
                ("values", count as u64),
                ("assets", case.matches.len() as u64),
            ],
        )?;
        // The replay's own receipt, in the new case: what came back, and where.
        let assets = case
            .matches
            .iter()
            .map(|m| dsr::receipt::AssetRecord {
                asset: m.asset.clone(),
                action: "replay".to_owned(),
                outcome: dsr::receipt::AssetOutcome::Done,
                evidence: format!(
                    "the subject erased in case {old_case} is found again ({} confidence)",
                    m.confidence
                ),
            })
            .collect();
        super::record::receipt(
            ctx,
            name,
            profile,
            &store,
            &case,
            super::record::Operation {
                name: "replay",
                started,
                assets,
                plan_sha256: None,
                files: Vec::new(),
            },
        )?;
        writeln!(out, "{}", case.id)?;
        ctx.note(&format!(
            "The subject erased in case {old_case} is back ({count} value(s), {} asset(s)): opened erasure case {}. Review it with `dsr case show {}`, then `dsr erase {}`.",
            case.matches.len(),
            case.id,
            case.id,
            case.id
        ));
    }
    Ok(Outcome::Partial)
}
