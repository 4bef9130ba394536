//! `dsr erase`: the verified erasure of a case (Art. 17) — plan, confirm, apply under a
//! journal, verify, and leave a tombstone; or replay the tombstones after a restore.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{IsTerminal, Write};

use anyhow::{Context as _, Result, bail};
use dsr::case::{Case, Right};
use dsr::config::TenantProfile;
use dsr::erase::journal::Journal;
use dsr::erase::plan::{Action, ErasurePlan, Holds, Planner, Step, Strategy};
use dsr::erase::tombstone::{self, Tombstone};
use dsr::erase::{self, Outcome as StepOutcome};
use dsr::index::identity::{Identity, probes};
use dsr::index::locate::Locator;
use dsr::index::matcher::{Confidence, Matcher};
use dsr::lock::TenantLock;
use dsr::platform::Platform;

use super::output::Table;
use super::{Context, Outcome, sanitize};
use crate::cli::{EraseArgs, PlanFormat, StrategyArg};

const PLAN_FILE: &str = "erase-plan.json";
const JOURNAL_FILE: &str = "erase-journal.jsonl";

pub fn run(ctx: &Context, args: EraseArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    if args.replay_tombstones {
        return replay(ctx, &name, &profile, &args);
    }
    let Some(id) = args.case.as_deref() else {
        bail!("name the case to erase: dsr erase CASE (or --replay-tombstones)");
    };
    let (_, store) = super::case::store(ctx)?;
    let mut case = store.load(id)?;
    if case.right != Right::Erasure {
        bail!(
            "case {} is a request for {} ({}), not erasure: open an erasure case with `dsr case open --right erasure`",
            case.id,
            case.right.as_str(),
            case.right.article()
        );
    }
    let case_dir = store.case_dir(&case.id)?;
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
    let journal_path = case_dir.join(JOURNAL_FILE);
    let plan_path = case_dir.join(PLAN_FILE);
    let (journal_plan, states) = Journal::read(&journal_path)?;
    let interrupted = journal_plan.is_some() && !states.is_empty() && plan_path.exists();

    let plan = if args.resume {
        if !interrupted {
            bail!("case {} has no interrupted erasure to resume", case.id);
        }
        let plan: ErasurePlan = serde_json::from_slice(
            &std::fs::read(&plan_path)
                .with_context(|| format!("cannot read {}", plan_path.display()))?,
        )
        .with_context(|| format!("the plan {} is damaged", plan_path.display()))?;
        if journal_plan.as_deref() != Some(plan.sha256().as_str()) {
            bail!(
                "the plan {} no longer matches its journal: it was changed after the run began",
                plan_path.display()
            );
        }
        ctx.note(&format!(
            "Resuming the erasure of case {}: {} of {} step(s) were finished before.",
            case.id,
            states
                .values()
                .filter(|s| **s == dsr::erase::journal::StepState::Done)
                .count(),
            plan.count(Action::Delete) + plan.count(Action::Scrub)
        ));
        plan
    } else {
        if interrupted && !args.dry_run {
            bail!(
                "an erasure of case {} was interrupted: run `dsr erase {} --resume` to finish it",
                case.id,
                case.id
            );
        }
        make_plan(
            ctx,
            &name,
            &profile,
            &case,
            platform.as_ref(),
            &matcher,
            &args,
        )?
    };

    print_plan(&plan, args.output)?;
    let hash = plan.sha256();
    let work = plan.count(Action::Delete) + plan.count(Action::Scrub);
    if args.dry_run {
        ctx.note(&format!(
            "Dry run: nothing was changed. Plan SHA-256 {hash}. Run without --dry-run to apply it."
        ));
        return Ok(Outcome::Done);
    }
    if work > 0 && !args.resume && !confirm(ctx, &plan, args.yes)? {
        return Ok(Outcome::Refused);
    }
    if !args.resume {
        let json = serde_json::to_vec_pretty(&plan)?;
        dsr::fsutil::write_atomic(&plan_path, &json)
            .with_context(|| format!("cannot write {}", plan_path.display()))?;
        // A fresh run starts a fresh journal: a finished earlier run's steps are not this one's.
        let _ = std::fs::remove_file(&journal_path);
    }

    let bar = super::sync::StepBar::new(ctx.interactive_stderr, work as u64);
    let applied = erase::apply(
        &plan,
        platform.as_ref(),
        &journal_path,
        args.jobs.into(),
        &bar,
    )
    .context("the erasure stopped: its journal cannot be written")?;
    bar.finish();

    // Verify every step the plan meant to carry out, finished in this run or an earlier one.
    let mut outcomes: BTreeMap<usize, StepOutcome> = BTreeMap::new();
    for (i, step) in plan.steps.iter().enumerate() {
        let outcome = match (step.action, applied.get(&i)) {
            (Action::Delete | Action::Scrub, Some(StepOutcome::Failed(e))) => {
                StepOutcome::Failed(e.clone())
            }
            (Action::Delete | Action::Scrub, _) => {
                erase::verify_step(step, platform.as_ref(), &matcher)
            }
            _ => StepOutcome::Skipped,
        };
        outcomes.insert(i, outcome);
    }
    let touched: Vec<String> = plan
        .steps
        .iter()
        .filter(|s| matches!(s.action, Action::Delete | Action::Scrub))
        .map(|s| s.asset.clone())
        .collect();
    dsr::index::sync::refresh(platform.as_ref(), &files, &settings, &touched)
        .context("cannot bring the index up to date after the erasure")?;
    let remaining = remaining_hits(ctx, &name, &profile, &case, &plan)?;

    let report = Report::new(&plan, &outcomes, &remaining);
    report.print(ctx, &plan, &outcomes, &remaining)?;
    let done = report.fully_verified() && remaining.is_empty();
    let what = if done {
        let stone = Tombstone::new(
            &case.id,
            &case.identities,
            settings.region,
            &dsr::time::now(),
        );
        tombstone::append(&files.dir.join("tombstones.jsonl"), &stone)
            .context("cannot write the tombstone")?;
        format!("erasure verified (plan {hash})")
    } else {
        format!("erasure partial (plan {hash})")
    };
    case.record(&dsr::time::now(), &ctx.operator(Some(&profile)), what);
    store.save(&case)?;
    Ok(if done {
        Outcome::Done
    } else {
        Outcome::Partial
    })
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
) -> Result<ErasurePlan> {
    let settings = profile.settings()?;
    let writable = ctx.tenant_files(name).load_state().ok().map(|s| s.writable);
    let writable = writable.filter(|w| !w.is_empty());
    let holds = Holds {
        archives: profile.legal_hold_archives.iter().cloned().collect(),
        values: profile.legal_hold_values()?,
    };
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
    let mut steps = Vec::new();
    for m in case.reviewed() {
        let step = match platform.get(&m.asset) {
            Ok(asset) => planner.step(&asset),
            Err(e) if e.is_not_found() => Step {
                asset: m.asset.clone(),
                action: Action::Clean,
                reason: "the asset no longer exists".to_owned(),
                changes: Default::default(),
            },
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read asset {} to plan it", m.asset));
            }
        };
        steps.push(step);
    }
    Ok(ErasurePlan {
        format: 1,
        case: case.id.clone(),
        tenant: name.to_owned(),
        strategy: planner.strategy,
        steps,
    })
}

fn print_plan(plan: &ErasurePlan, format: PlanFormat) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        PlanFormat::Json => {
            let value = serde_json::json!({
                "plan": plan,
                "sha256": plan.sha256(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        PlanFormat::Table => {
            let mut table = Table::new(&["action", "asset", "fields", "why"]);
            for step in &plan.steps {
                let fields: Vec<&str> = step.changes.keys().map(String::as_str).collect();
                table.row(
                    vec![
                        action_name(step.action).to_owned(),
                        sanitize(&step.asset),
                        if fields.is_empty() {
                            "-".to_owned()
                        } else {
                            fields.join(", ")
                        },
                        sanitize(&step.reason),
                    ],
                    None,
                    None,
                );
            }
            table.write(&mut out, false)?;
            writeln!(
                out,
                "\n{} to delete, {} to scrub, {} withheld, {} for a person to handle, {} already clean. Plan SHA-256 {}",
                plan.count(Action::Delete),
                plan.count(Action::Scrub),
                plan.count(Action::Withheld),
                plan.count(Action::Manual),
                plan.count(Action::Clean),
                plan.sha256()
            )?;
        }
    }
    Ok(())
}

fn action_name(action: Action) -> &'static str {
    match action {
        Action::Delete => "delete",
        Action::Scrub => "scrub",
        Action::Withheld => "withheld",
        Action::Manual => "manual",
        Action::Clean => "clean",
    }
}

/// Asks before changing anything; refuses without a terminal unless `--yes`.
fn confirm(ctx: &Context, plan: &ErasurePlan, yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !(ctx.interactive_stderr && std::io::stdin().is_terminal()) {
        eprintln!(
            "dsr: refused: erasing changes the tenant and needs a confirmation; there is no terminal to ask in. Check the plan with --dry-run, then run again with --yes."
        );
        return Ok(false);
    }
    let prompt = format!(
        "Delete {} and scrub {} asset(s) of case {} on tenant '{}'?",
        plan.count(Action::Delete),
        plan.count(Action::Scrub),
        plan.case,
        plan.tenant
    );
    let answer = dialoguer::Confirm::new()
        .with_prompt(prompt)
        .default(false)
        .interact()
        .context("cannot read the confirmation")?;
    if !answer {
        eprintln!("dsr: refused: nothing was changed.");
    }
    Ok(answer)
}

/// Hits of the subject at medium confidence or above after the erasure, other than assets
/// the review excluded or the plan withheld or left to a person.
fn remaining_hits(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    case: &Case,
    plan: &ErasurePlan,
) -> Result<Vec<String>> {
    let files = ctx.tenant_files(name);
    let locator = Locator::open(&files, profile.settings()?)?;
    let hits = locator.find(&case.identities, Confidence::Medium)?;
    let excused: BTreeSet<&str> = plan
        .steps
        .iter()
        .filter(|s| matches!(s.action, Action::Withheld | Action::Manual))
        .map(|s| s.asset.as_str())
        .chain(case.review.excluded.iter().map(String::as_str))
        .collect();
    Ok(hits
        .into_iter()
        .map(|h| h.asset)
        .filter(|a| !excused.contains(a.as_str()))
        .collect())
}

/// The counts of an erasure run.
struct Report {
    deleted: usize,
    scrubbed: usize,
    withheld: usize,
    manual: usize,
    failed: usize,
    unverified: usize,
}

impl Report {
    fn new(
        plan: &ErasurePlan,
        outcomes: &BTreeMap<usize, StepOutcome>,
        _remaining: &[String],
    ) -> Report {
        let verified = |action| {
            plan.steps
                .iter()
                .enumerate()
                .filter(|(i, s)| {
                    s.action == action && outcomes.get(i) == Some(&StepOutcome::Verified)
                })
                .count()
        };
        Report {
            deleted: verified(Action::Delete),
            scrubbed: verified(Action::Scrub),
            withheld: plan.count(Action::Withheld),
            manual: plan.count(Action::Manual),
            failed: outcomes
                .values()
                .filter(|o| matches!(o, StepOutcome::Failed(_)))
                .count(),
            unverified: outcomes
                .values()
                .filter(|o| matches!(o, StepOutcome::Unverified(_)))
                .count(),
        }
    }

    /// Everything planned was carried out and read back; withheld assets are reported as
    /// withheld, and anything left to a person keeps the erasure from being complete.
    fn fully_verified(&self) -> bool {
        self.failed == 0 && self.unverified == 0 && self.manual == 0
    }

    fn print(
        &self,
        ctx: &Context,
        plan: &ErasurePlan,
        outcomes: &BTreeMap<usize, StepOutcome>,
        remaining: &[String],
    ) -> Result<()> {
        for (i, outcome) in outcomes {
            let asset = sanitize(&plan.steps[*i].asset);
            match outcome {
                StepOutcome::Failed(e) => eprintln!("dsr: failed: {asset}: {}", sanitize(e)),
                StepOutcome::Unverified(e) => {
                    eprintln!("dsr: not verified: {asset}: {}", sanitize(e));
                }
                _ => {}
            }
        }
        for step in plan.steps.iter().filter(|s| s.action == Action::Manual) {
            eprintln!(
                "dsr: left for a person: {}: {}",
                sanitize(&step.asset),
                sanitize(&step.reason)
            );
        }
        for asset in remaining {
            eprintln!("dsr: still found after the erasure: {}", sanitize(asset));
        }
        ctx.note(&format!(
            "Erasure of case {}: {} deleted and {} scrubbed (verified), {} withheld under legal hold, {} left for a person, {} failed, {} not verified; {} asset(s) still hold the subject.",
            plan.case,
            self.deleted,
            self.scrubbed,
            self.withheld,
            self.manual,
            self.failed,
            self.unverified,
            remaining.len()
        ));
        Ok(())
    }
}

/// Locates every tombstone's subject again (after the platform restored a backup) and
/// reports it; with `--yes` the values found are erased again by opening an erasure case.
fn replay(ctx: &Context, name: &str, profile: &TenantProfile, args: &EraseArgs) -> Result<Outcome> {
    let files = ctx.tenant_files(name);
    let stones = tombstone::load(&files.dir.join("tombstones.jsonl"))
        .context("cannot read the tenant's tombstones")?;
    let settings = profile.settings()?;
    let index = dsr::index::TenantIndex::open(&files.index())?;
    let mut found: BTreeMap<String, BTreeSet<Identity>> = BTreeMap::new();
    index.for_each_asset(|asset| {
        for stone in &stones {
            let identities = stone.recover(&asset, &settings.roles, settings.region);
            if !identities.is_empty() {
                found
                    .entry(stone.case.clone())
                    .or_default()
                    .extend(identities);
            }
        }
    })?;
    let mut out = std::io::stdout().lock();
    for (case, identities) in &found {
        writeln!(
            out,
            "{case}: {} value(s) of the erased subject are back in the tenant",
            identities.len()
        )?;
    }
    if found.is_empty() {
        ctx.note(&format!(
            "None of the {} erased subject(s) of tenant '{name}' are back.",
            stones.len()
        ));
        return Ok(Outcome::Done);
    }
    let (_, store) = super::case::store(ctx)?;
    let mut opened = Vec::new();
    for (old_case, identities) in found {
        let identities: Vec<Identity> = identities.into_iter().collect();
        let case = super::case::open_for_replay(ctx, &store, name, profile, &old_case, identities)?;
        opened.push(case.id.clone());
    }
    ctx.note(&format!(
        "Opened erasure case(s) {} for what came back; erase each with `dsr erase CASE` (review first with `dsr case show CASE`).",
        opened.join(", ")
    ));
    let _ = args;
    Ok(Outcome::Partial)
}
