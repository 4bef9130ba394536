//! `dsr erase`: the verified erasure of a case (Art. 17) — plan, confirm, apply under a
//! journal, verify, and leave a tombstone; or replay the tombstones after a restore.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use anyhow::{Context as _, Result, bail};
use dsr::apply::holds::Holds;
use dsr::apply::{self, Action, Outcome as StepOutcome, Plan, RunReport};
use dsr::case::{Case, Right};
use dsr::config::TenantProfile;
use dsr::erase::plan::{Planner, ShownWithOthers, Strategy};
use dsr::erase::tombstone::{self, Tombstone, TombstoneKey};
use dsr::index::group::GroupReindex;
use dsr::index::identity::{Identity, probes};
use dsr::index::locate::Locator;
use dsr::index::matcher::Matcher;
use dsr::platform::Platform;

use super::bulk::{Status, SubjectReport, Work};
use super::changes::{self, Next, Operation};
use super::session::Session;
use super::{Context, Outcome};
use crate::cli::{EraseArgs, ShownArg, StrategyArg};
use dsr::subjects::Subject;

pub fn run(ctx: &Context, args: EraseArgs) -> Result<Outcome> {
    let session = Session::resolve(ctx)?;
    if args.replay_tombstones {
        return replay(ctx, &session.name, &session.profile);
    }
    // Even a dry run reads the platform as a plan would; only changes need the lock.
    let _lock = session.lock(!args.dry_run)?;
    // A list keeps several subjects going per request it may send.
    let max_requests = args.from.is_some().then_some(usize::from(args.jobs));
    let platform = session.platform(max_requests)?;
    if !args.dry_run {
        ctx.catch_signals()?;
    }
    let settings = session.settings()?;
    let files = &session.files;
    let index = GroupReindex::new(files, &settings);
    let locator = Locator::open(files, settings.clone())
        .context("an erasure locates its subject again when it is done: run `dsr sync` first")?;
    let eraser = Eraser {
        ctx,
        session: &session,
        settings: &settings,
        platform: platform.as_ref(),
        args: &args,
        silent: false,
        jobs: args.jobs.into(),
        index: &index,
        locator: &locator,
    };
    let result = match &args.from {
        None => eraser.single(),
        Some(from) => eraser.list(from),
    };
    // Whatever happened, the index's state is written for the changes that were made.
    let finished = index.finish().context("cannot write the index's state");
    let outcome = result?;
    finished?;
    super::unreadable::note_change(ctx, &session.name)?;
    Ok(outcome)
}

/// Erases the subjects of cases: what one `dsr erase` run shares between its cases.
#[derive(Clone, Copy)]
struct Eraser<'a> {
    /// The context cases are worked in: the session's own, or a hushed one in a list.
    ctx: &'a Context,
    /// The tenant; its context may print and ask.
    session: &'a Session<'a>,
    settings: &'a dsr::index::IndexSettings,
    platform: &'a dyn Platform,
    args: &'a EraseArgs,
    /// Part of a bulk run: nothing is printed per case.
    silent: bool,
    /// How many changes of one case run at once.
    jobs: usize,
    /// Brings the index up to date after each case, sharing commits between cases.
    index: &'a GroupReindex<'a>,
    /// Searches the index again after each case (every search sees the last commit).
    locator: &'a Locator,
}

/// A case with its plan, ready to be carried out.
struct Ready<'a> {
    case: Case,
    matcher: Matcher,
    plan: Plan,
    op: Operation<'a>,
}

/// How a case's erasure ended.
struct Finished {
    outcome: Outcome,
    report: RunReport,
    receipt: std::path::PathBuf,
}

impl<'a> Eraser<'a> {
    /// Erases the case the command names: the plan printed, confirmed, carried out.
    fn single(&self) -> Result<Outcome> {
        let Some(id) = self.args.case.as_deref() else {
            bail!(
                "name the case to erase: dsr erase CASE (or --from FILE, or --replay-tombstones)"
            );
        };
        let case = self.session.store.load(id)?;
        let ready = self.prepare_case(case, self.args.resume)?;
        let question = format!(
            "Delete {} and scrub {} asset(s) of case {} on tenant '{}'?",
            ready.plan.count(Action::Delete),
            ready.plan.count(Action::Scrub),
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

    /// Erases every subject of a list, one case each.
    fn list(&self, from: &std::path::Path) -> Result<Outcome> {
        let hushed = self.ctx.hushed();
        let eraser = Eraser {
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
                command: "erase",
                right: Right::Erasure,
                from,
                output: self.args.output,
                jobs: self.jobs * super::bulk::SUBJECTS_PER_REQUEST,
                resume: self.args.resume,
                dry_run: self.args.dry_run,
                yes: self.args.yes,
                verified_by: self.args.verified_by.as_deref(),
            },
            &eraser,
        )
    }

    /// Checks the case and makes its plan: the one an earlier run began with `resume`,
    /// else a new one from the assets as the platform holds them now.
    fn prepare_case(&self, case: Case, resume: bool) -> Result<Ready<'a>> {
        // The same check as access and portability: the right, and a case still open.
        super::session::require_right(&case, &[Right::Erasure])?;
        super::record::check_names(
            self.ctx,
            &self.session.profile,
            &case.identities,
            &[
                ("case's verified-by text", case.verified_by.as_deref()),
                ("--reason", self.args.reason.as_deref()),
            ],
        )?;
        let matcher = Matcher::new(
            probes(&case.identities, self.settings.region)?,
            self.settings.roles.clone(),
            self.settings.region,
        );
        let (plan_path, journal_path) =
            changes::files(&self.session.store.case_dir(&case.id)?, "erase");
        let op = Operation {
            ctx: self.ctx,
            command: "erase",
            noun: "erasure",
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
        let plan = op.plan(|| make_plan(self, &case, &matcher))?;
        Ok(Ready {
            case,
            matcher,
            plan,
            op,
        })
    }

    /// Applies a confirmed plan, verifies it, and records the outcome: the tombstone when
    /// nothing is left, the case's history, the audit entry and the signed receipt.
    fn carry(&self, ready: Ready<'_>) -> Result<Finished> {
        let Ready {
            mut case,
            matcher,
            plan,
            op,
        } = ready;
        let check = |step: &apply::Step, asset: &dsr::asset::Asset| {
            dsr::erase::subject_gone(&matcher, step, asset)
        };
        // Made or read before anything changes: a key that cannot be had stops the run
        // here, not after the platform changed.
        let tombstone_key = TombstoneKey::load_or_create(&TombstoneKey::path(&self.ctx.data_dir))?;
        // A step whose asset changed since it was planned is planned again by the same
        // planner, from the asset as it then is.
        let parts = PlannerParts::of(self, &case)?;
        let planner = parts.planner(self.settings, &matcher, &plan.intent)?;
        let replan = |planned: &apply::Step, asset: &dsr::asset::Asset| {
            by_hand(&case, planner.step(asset, planned.acts_from))
        };
        let (carried, verification, started) =
            op.carry_out(&plan, &replan, self.platform, &check)?;
        let kept = kept(&case, &carried.plan);
        self.index
            .reindex(&verification.read)
            .context("cannot bring the index up to date after the erasure")?;
        let images_kept = match &plan.intent {
            apply::Intent::Erasure {
                shown_with_others: ShownWithOthers::Keep,
                reason,
                ..
            } => Some(reason.clone().unwrap_or_default()),
            _ => None,
        };
        let mut report = RunReport {
            case: case.id.clone(),
            tenant: self.session.name.to_owned(),
            operation: plan.intent.name().to_owned(),
            plan_sha256: plan.sha256(),
            started,
            finished: dsr::time::now(),
            steps: verification.steps,
            remaining: Vec::new(),
            images_kept,
            not_searched: super::unreadable::ids(self.ctx, &self.session.name)?,
        };
        // The summary, the receipt and a `dsr locate` afterwards say the same: what the
        // locate finds is not done, whatever the read-back said.
        report.reconcile(changes::still_found(
            self.locator,
            &case.identities,
            &case,
            None,
        )?);
        let outcome = op.finish(&plan, &report, &summary(&report))?;

        let withheld = report.outcomes(StepOutcome::Withheld);
        let what = if !report.complete() {
            let left = report.left().count();
            format!(
                "erasure partial: {} step(s) not done, {} asset(s) still hold the subject (plan {})",
                left,
                report.remaining.len(),
                report.plan_sha256
            )
        } else if withheld > 0 {
            format!(
                "erasure verified except {withheld} asset(s) withheld under legal hold (plan {})",
                report.plan_sha256
            )
        } else {
            format!("erasure verified (plan {})", report.plan_sha256)
        };
        case.record(
            &dsr::time::now(),
            &self.ctx.operator(Some(&self.session.profile)),
            what,
        );
        self.session.store.save(&case)?;
        // The platform changed: the receipt comes first, so that nothing after it (the
        // audit entry, the tombstone) can leave the changes without one.
        let issued = super::record::change_records(
            self.ctx,
            &self.session.name,
            &self.session.profile,
            &self.session.store,
            &case,
            "erase",
            &report,
        )?;
        // What was erased can come back with a restored backup: the tombstone is written
        // once every change was read back, even when images or fields are left for a
        // person (replay leaves those assets alone).
        let changes_read_back = report.unexplained().next().is_none()
            && !report
                .steps
                .iter()
                .any(|s| matches!(s.outcome, StepOutcome::Failed | StepOutcome::Unverified));
        if changes_read_back {
            let mut stone = Tombstone::new(
                &case.id,
                &case.identities,
                self.settings.region,
                &dsr::time::now(),
                &tombstone_key,
            );
            stone.kept = kept;
            let files = self.ctx.tenant_files(&self.session.name);
            tombstone::append(&files.dir.join("tombstones.jsonl"), &stone).with_context(|| {
                format!(
                    "the erasure's receipt was issued ({}), but its tombstone could not be written",
                    issued.path.display()
                )
            })?;
        }
        Ok(Finished {
            outcome,
            report,
            receipt: issued.path,
        })
    }
}

impl<'a> Work for Eraser<'a> {
    type Ready = Ready<'a>;

    fn count_names(&self) -> &'static [&'static str] {
        &[
            "matches",
            "reviewed",
            "deleted",
            "scrubbed",
            "withheld",
            "manual",
            "clean",
            "failed",
            "unverified",
            "remaining",
        ]
    }

    fn prepare(&self, _: &Subject, case: Case, _resumed: bool) -> Result<Ready<'a>> {
        // A case whose erasure began is finished from its own journal, by the same plan.
        let begun = changes::begun(&self.session.store, &case.id, "erase")?;
        self.prepare_case(case, begun)
    }

    fn planned(&self, ready: &Ready<'a>) -> SubjectReport {
        let plan = &ready.plan;
        SubjectReport {
            status: Status::Planned,
            counts: vec![
                ("matches", ready.case.matches.len() as u64),
                ("reviewed", ready.case.reviewed().len() as u64),
                ("deleted", plan.count(Action::Delete) as u64),
                ("scrubbed", plan.count(Action::Scrub) as u64),
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
            "Erase {} subject(s) on tenant '{}': delete {} and scrub {} asset(s) in all ({} withheld under legal hold)?",
            ready.len(),
            &self.session.name,
            total(Action::Delete),
            total(Action::Scrub),
            total(Action::Withheld)
        ))
    }

    fn before_changes(&self) -> Result<()> {
        // Made or unlocked once, here where a passphrase can be asked for, not by each of
        // the subjects' threads.
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
        let verified = |action| report.count(action, StepOutcome::Verified) as u64;
        let counts = vec![
            ("matches", matches as u64),
            ("reviewed", reviewed as u64),
            ("deleted", verified(Action::Delete)),
            ("scrubbed", verified(Action::Scrub)),
            ("withheld", report.outcomes(StepOutcome::Withheld) as u64),
            ("manual", report.outcomes(StepOutcome::Manual) as u64),
            ("clean", report.outcomes(StepOutcome::Clean) as u64),
            ("failed", report.outcomes(StepOutcome::Failed) as u64),
            (
                "unverified",
                report.outcomes(StepOutcome::Unverified) as u64,
            ),
            ("remaining", report.remaining.len() as u64),
        ];
        let touched = verified(Action::Delete) + verified(Action::Scrub);
        Ok(changes::subject_report(
            finished.outcome,
            report,
            counts,
            touched,
            finished.receipt,
        ))
    }
}

fn summary(report: &RunReport) -> String {
    let images = report.outcomes(StepOutcome::ImageStillShowsSubject);
    let images = match (&report.images_kept, images) {
        (_, 0) => String::new(),
        (Some(_), n) => format!(
            "; {n} image(s) still show the subject beside other people, kept as decided (metadata scrubbed)"
        ),
        (None, n) => format!(
            "; {n} image(s) still show the subject beside other people (metadata scrubbed): edit or delete them by hand, or decide with --shown-with-others"
        ),
    };
    format!(
        "Erasure of case {}: {} deleted and {} scrubbed, each read back; {} withheld under legal hold; {} with nothing to do{images}; {} not done ({} failed, {} not verified, {} left for a person); a locate now finds the subject in {} asset(s) ({} of them withheld).",
        report.case,
        report.count(Action::Delete, StepOutcome::Verified),
        report.count(Action::Scrub, StepOutcome::Verified),
        report.outcomes(StepOutcome::Withheld),
        report.outcomes(StepOutcome::Clean),
        report.left().count(),
        report.outcomes(StepOutcome::Failed),
        report.outcomes(StepOutcome::Unverified),
        report.outcomes(StepOutcome::Manual),
        report.remaining.len(),
        report
            .steps
            .iter()
            .filter(|s| s.outcome == StepOutcome::Withheld && report.remaining.contains(&s.asset))
            .count(),
    )
}

/// Reads every asset of the reviewed set as the platform holds it now and plans it.
fn make_plan(eraser: &Eraser<'_>, case: &Case, matcher: &Matcher) -> Result<Plan> {
    let intent = apply::Intent::Erasure {
        strategy: match eraser.args.strategy {
            StrategyArg::Auto => Strategy::Auto,
            StrategyArg::Scrub => Strategy::Scrub,
            StrategyArg::Delete => Strategy::Delete,
        },
        shown_with_others: match eraser.args.shown_with_others {
            ShownArg::Report => ShownWithOthers::Report,
            ShownArg::Delete => ShownWithOthers::Delete,
            ShownArg::Keep => ShownWithOthers::Keep,
        },
        reason: eraser.args.reason.clone(),
    };
    let parts = PlannerParts::of(eraser, case)?;
    let planner = parts.planner(eraser.settings, matcher, &intent)?;
    let ids: Vec<String> = case.reviewed().iter().map(|m| m.asset.clone()).collect();
    let read = apply::read_assets(eraser.platform, &ids, eraser.jobs);
    let gone: BTreeSet<String> = ids
        .iter()
        .zip(&read)
        .filter(|(_, asset)| asset.as_ref().is_err_and(|e| e.is_not_found()))
        .map(|(id, _)| id.clone())
        .collect();
    let read = ids
        .into_iter()
        .zip(read)
        .map(|(id, asset)| (id.clone(), case.acts_from(&id), asset));
    let mut plan = planner
        .plan(&case.id, &eraser.session.name, read)
        .map_err(|(id, e)| {
            anyhow::Error::new(e).context(format!("cannot read asset {id} to plan it"))
        })?;
    plan.steps = plan
        .steps
        .into_iter()
        .map(|step| match gone.contains(&step.asset) {
            true => step,
            false => by_hand(case, step),
        })
        .collect();
    Ok(plan)
}

/// The step of an asset a person put in by hand ([`Case::inclusion`]) on which the matcher
/// finds nothing of the subject, even at low confidence: nothing dsr could erase is there,
/// yet the person judged the asset hers (a face in a photo, say). Left for a person with
/// their reason, never reported clean. An asset that no longer exists stays clean.
fn by_hand(case: &Case, step: apply::Step) -> apply::Step {
    match case.inclusion(&step.asset) {
        Some(inclusion) if step.action == Action::Clean && !step.shows_subject => apply::Step {
            action: Action::Manual,
            reason: format!(
                "included by review: {}; no field holds the subject's identities — edit or delete it by hand",
                inclusion.reason
            ),
            ..step
        },
        _ => step,
    }
}

/// What a case's erasure planner is made of, kept so that the planner that made the plan
/// also plans again, during the run, a step whose asset changed since.
struct PlannerParts {
    writable: Option<BTreeSet<String>>,
    holds: Holds,
    shown: BTreeSet<String>,
    shown_before: BTreeSet<String>,
}

impl PlannerParts {
    fn of(eraser: &Eraser<'_>, case: &Case) -> Result<PlannerParts> {
        Ok(PlannerParts {
            writable: changes::writable(eraser.ctx, &eraser.session.name),
            holds: Holds::of(&eraser.session.profile)?,
            shown: std::iter::once(dsr::fields::PERSON_SHOWN.to_owned())
                .chain(eraser.session.profile.shown_fields.iter().cloned())
                .collect(),
            shown_before: shown_before(&eraser.session.store, &case.id)?,
        })
    }

    /// The planner of `intent` (a resumed plan's own) for the subject `matcher` finds.
    fn planner<'p>(
        &'p self,
        settings: &'p dsr::index::IndexSettings,
        matcher: &'p Matcher,
        intent: &apply::Intent,
    ) -> Result<Planner<'p>> {
        let apply::Intent::Erasure {
            strategy,
            shown_with_others,
            reason,
        } = intent
        else {
            bail!("the plan of this case is not an erasure plan");
        };
        Ok(Planner {
            matcher,
            roles: &settings.roles,
            shown_fields: &self.shown,
            writable: self.writable.as_ref(),
            holds: &self.holds,
            strategy: *strategy,
            shown_with_others: *shown_with_others,
            reason: reason.clone(),
            shown_before: &self.shown_before,
        })
    }
}

/// Images an earlier erasure of the case left showing the subject (its report says so):
/// scrubbed, they no longer name her, but the picture still shows her.
fn shown_before(store: &dsr::case::CaseStore, case: &str) -> Result<BTreeSet<String>> {
    let report = changes::last_report(&store.case_dir(case)?, "erase")?;
    Ok(report
        .into_iter()
        .flat_map(|r| r.steps)
        .filter(|s| s.outcome == StepOutcome::ImageStillShowsSubject)
        .map(|s| s.asset)
        .collect())
}

/// Assets the tombstone's replay leaves alone: withheld under legal hold, left for a
/// person, or judged in review not to be the subject's (every match outside the
/// reviewed set). The subject found there again after a restore is not a new finding.
fn kept(case: &Case, plan: &Plan) -> BTreeSet<String> {
    plan.steps
        .iter()
        .filter(|s| {
            matches!(s.action, Action::Withheld | Action::Manual) || !s.left_fields.is_empty()
        })
        .map(|s| s.asset.clone())
        .chain(case.left_out())
        .collect()
}

/// Locates every tombstone's subject again (after the platform restored a backup) and
/// opens an erasure case for each one found back, printing the new case ids. Ends with
/// exit status 3 when anything came back: the erasure is undone until those are erased.
fn replay(ctx: &Context, name: &str, profile: &TenantProfile) -> Result<Outcome> {
    let started = std::time::SystemTime::now();
    let files = ctx.tenant_files(name);
    let stones = tombstone::load(&files.dir.join("tombstones.jsonl"))
        .context("cannot read the tenant's tombstones")?;
    let key = TombstoneKey::for_replay(&TombstoneKey::path(&ctx.data_dir), &stones)?;
    let settings = profile.settings()?;
    let index = dsr::index::TenantIndex::open(&files.index())?;
    let mut found: BTreeMap<String, BTreeSet<Identity>> = BTreeMap::new();
    index.for_each_asset(|asset| {
        for stone in stones.iter().filter(|s| !s.kept.contains(&asset.id)) {
            let identities = stone.recover(&asset, &settings.roles, settings.region, &key);
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
        super::record::receipted(
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
            super::record::Audited {
                command: "erase --replay-tombstones",
                counts: &[
                    ("values", count as u64),
                    ("assets", case.matches.len() as u64),
                ],
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
