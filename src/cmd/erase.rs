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
use dsr::index::locate::Locator;
use dsr::matching::identity::{Identity, probes};
use dsr::matching::matcher::Matcher;
use dsr::plan::{AccountPolicy, AuthoredComments, RecordPolicy};

use super::changes;
use super::engine::{Carrying, Change, Engine, Options};
use super::session::Session;
use super::{Context, Outcome};
use crate::cli::{AccountArg, AuthoredArg, EraseArgs, ShownArg, StrategyArg};
use dsr::subjects::Subject;

pub fn run(ctx: &Context, args: EraseArgs) -> Result<Outcome> {
    if ctx.spans_tenants() {
        return super::erase_across::run(ctx, &args);
    }
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
    let options = Options {
        dry_run: args.dry_run,
        yes: args.yes,
        resume: args.resume,
        output: args.output,
        verified_by: args.verified_by.clone(),
    };
    let engine = Engine {
        change: &Erasure { args: &args },
        ctx,
        session: &session,
        settings: &settings,
        platform: platform.as_ref(),
        options: &options,
        silent: false,
        jobs: args.jobs.into(),
        index: &index,
        locator: &locator,
    };
    let result = match &args.from {
        None => match args.case.as_deref() {
            None => Err(anyhow::anyhow!(
                "name the case to erase: dsr erase CASE (or --from FILE, or --replay-tombstones)"
            )),
            Some(id) => session
                .store
                .load(id)
                .map_err(anyhow::Error::from)
                .and_then(|case| engine.single(case, ())),
        },
        Some(from) => engine.list(from),
    };
    // Whatever happened, the index's state is written for the changes that were made.
    let finished = index.finish().context("cannot write the index's state");
    let outcome = result?;
    finished?;
    super::unreadable::note_change(ctx, &session.name)?;
    Ok(outcome)
}

/// Art. 17: deletes the subject's assets and scrubs their values from the others.
pub(super) struct Erasure<'a> {
    pub(super) args: &'a EraseArgs,
}

impl Change for Erasure<'_> {
    type Asked = ();
    /// Finds the subject, for the planner and the read-back.
    type Subject = Matcher;

    const COMMAND: &'static str = "erase";
    const NOUN: &'static str = "erasure";
    const RIGHT: Right = Right::Erasure;
    const CHANGED: &'static [(&'static str, Action)] =
        &[("deleted", Action::Delete), ("scrubbed", Action::Scrub)];
    const COUNT_NAMES: &'static [&'static str] = &[
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
    ];

    fn texts<'s>(&'s self, case: &'s Case) -> Vec<(&'static str, Option<&'s str>)> {
        vec![
            ("case's verified-by text", case.verified_by.as_deref()),
            ("--reason", self.args.reason.as_deref()),
        ]
    }

    fn asked_for_row(&self, _: &Engine<'_, Self>, _: &Subject, _: &Case, _: bool) -> Result<()> {
        Ok(())
    }

    fn subject(&self, engine: &Engine<'_, Self>, case: &Case, _: ()) -> Result<Matcher> {
        let settings = engine.settings;
        Ok(Matcher::new(
            probes(&case.identities, settings.region)?,
            settings.roles.clone(),
            settings.region,
        ))
    }

    fn plan(&self, engine: &Engine<'_, Self>, case: &Case, matcher: &Matcher) -> Result<Plan> {
        make_plan(self.args, engine, case, matcher)
    }

    fn carrying<R>(
        &self,
        engine: &Engine<'_, Self>,
        case: &Case,
        plan: &Plan,
        matcher: &Matcher,
        carry: impl FnOnce(&dyn Carrying) -> Result<R>,
    ) -> Result<R> {
        // Made or read before anything changes: a key that cannot be had stops the run
        // here, not after the platform changed.
        let key = TombstoneKey::load_or_create(&TombstoneKey::path(&engine.ctx.data_dir))?;
        // A step whose asset changed since it was planned is planned again by the same
        // planner, from the asset as it then is.
        let parts = PlannerParts::of(engine, case)?;
        let planner = parts.planner(engine.settings, matcher, &plan.intent)?;
        carry(&Carried {
            case,
            matcher,
            planner,
            key,
            settings: engine.settings,
            tombstones: engine.session.files.dir.join("tombstones.jsonl"),
        })
    }

    fn question(&self, plan: &Plan, case: &str, tenant: &str) -> String {
        format!(
            "Delete {} and scrub {} asset(s) of case {case} on tenant '{tenant}'?",
            plan.count(Action::Delete),
            plan.count(Action::Scrub),
        )
    }

    fn list_question(
        &self,
        total: &dyn Fn(Action) -> usize,
        subjects: usize,
        tenant: &str,
    ) -> String {
        format!(
            "Erase {subjects} subject(s) on tenant '{tenant}': delete {} and scrub {} asset(s) in all ({} withheld under legal hold)?",
            total(Action::Delete),
            total(Action::Scrub),
            total(Action::Withheld)
        )
    }

    fn images_kept(&self, plan: &Plan) -> Option<String> {
        match &plan.intent {
            apply::Intent::Erasure {
                shown_with_others: ShownWithOthers::Keep,
                reason,
                ..
            } => Some(reason.clone().unwrap_or_default()),
            _ => None,
        }
    }

    fn summary(&self, report: &RunReport) -> String {
        summary(report)
    }

    fn history(&self, report: &RunReport) -> String {
        let withheld = report.outcomes(StepOutcome::Withheld);
        if !report.complete() {
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
        }
    }
}

/// One case's erasure being carried out.
struct Carried<'c> {
    case: &'c Case,
    matcher: &'c Matcher,
    /// The planner that made the plan, for the steps whose asset changed since.
    planner: Planner<'c>,
    /// Keys the tombstone written when every change was read back.
    key: TombstoneKey,
    settings: &'c dsr::index::IndexSettings,
    /// The tenant's tombstones file.
    tombstones: std::path::PathBuf,
}

impl Carrying for Carried<'_> {
    fn check(&self, step: &apply::Step, asset: &dsr::asset::Asset) -> Result<String, String> {
        dsr::erase::subject_gone(self.matcher, step, asset)
    }

    fn replan(&self, planned: &apply::Step, asset: &dsr::asset::Asset) -> apply::Step {
        by_hand(self.case, self.planner.step(asset, planned.acts_from))
    }

    fn reconcile(&self, locator: &Locator, case: &Case, report: &mut RunReport) -> Result<()> {
        report.reconcile(changes::still_found(locator, &case.identities, case, None)?);
        Ok(())
    }

    fn after_receipt(
        &self,
        case: &Case,
        carried: &Plan,
        report: &RunReport,
        receipt: &std::path::Path,
    ) -> Result<()> {
        // What was erased can come back with a restored backup: the tombstone is written
        // once every change was read back, even when images or fields are left for a
        // person (replay leaves those assets alone).
        let changes_read_back = report.unexplained().next().is_none()
            && !report.steps.iter().any(|s| {
                matches!(
                    s.outcome,
                    StepOutcome::Failed | StepOutcome::Unverified | StepOutcome::VersionsRemain
                )
            });
        if !changes_read_back {
            return Ok(());
        }
        let mut stone = Tombstone::new(
            &case.id,
            &case.identities,
            self.settings.region,
            &dsr::time::now(),
            &self.key,
        );
        stone.kept = kept(case, carried);
        tombstone::append(&self.tombstones, &stone).with_context(|| {
            format!(
                "the erasure's receipt was issued ({}), but its tombstone could not be written",
                receipt.display()
            )
        })
    }
}

fn summary(report: &RunReport) -> String {
    // A consent form she signed for an image that stays is left for a person too, but it is
    // not an image: counted apart.
    let is_consent = |id: &str| {
        matches!(
            dsr::platform::fotoweb::RecordId::parse(id),
            Some(dsr::platform::fotoweb::RecordId::Consent { .. })
        )
    };
    let (consents, images) = report
        .steps
        .iter()
        .filter(|s| s.outcome == StepOutcome::ImageStillShowsSubject)
        .fold((0, 0), |(c, i), s| {
            if is_consent(&s.asset) {
                (c + 1, i)
            } else {
                (c, i + 1)
            }
        });
    let consents = match consents {
        0 => String::new(),
        n => format!(
            "; {n} consent form(s) she signed for an image that stays: revoke them in the platform's consent management"
        ),
    };
    let images = match (&report.images_kept, images) {
        (_, 0) => String::new(),
        (Some(_), n) => format!(
            "; {n} image(s) still show the subject beside other people, kept as decided (metadata scrubbed)"
        ),
        (None, n) => format!(
            "; {n} image(s) still show the subject beside other people (metadata scrubbed): edit or delete them by hand, or decide with --shown-with-others"
        ),
    };
    // Said only where a store keeps versions: elsewhere the count is always 0.
    let versions = match report.outcomes(StepOutcome::VersionsRemain) {
        0 => String::new(),
        n => format!(", {n} with earlier versions left in the bucket"),
    };
    format!(
        "Erasure of case {}: {} deleted and {} scrubbed, each read back; {} withheld under legal hold; {} with nothing to do{images}{consents}; {} not done ({} failed, {} not verified, {} left for a person{versions}); a locate now finds the subject in {} asset(s) ({} of them withheld){}.",
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
        file_steps(report),
    )
}

/// Each file behind a row the run deleted or tried to, by a hash of its key (the key may
/// hold a name): `; files: photos/1: file 0a1b… in s3://… deleted (2 version(s) removed)`.
fn file_steps(report: &RunReport) -> String {
    let told: Vec<String> = report
        .steps
        .iter()
        .flat_map(|step| {
            step.files.iter().map(|file| {
                format!(
                    "{}: file {} in {} {} ({} version(s) removed)",
                    step.asset,
                    &file.key_sha256[..16.min(file.key_sha256.len())],
                    file.store,
                    file.outcome.as_str(),
                    file.versions_removed
                )
            })
        })
        .collect();
    if told.is_empty() {
        String::new()
    } else {
        format!("; files behind rows: {}", told.join(", "))
    }
}

/// Reads every asset of the reviewed set as the platform holds it now and plans it.
fn make_plan(
    args: &EraseArgs,
    eraser: &Engine<'_, Erasure<'_>>,
    case: &Case,
    matcher: &Matcher,
) -> Result<Plan> {
    if let Some(login) = &args.transfer_to {
        let hers = case.identities.iter().any(|i| {
            i.kind == dsr::matching::identity::IdentityKind::Login && i.value.trim() == login.trim()
        });
        if hers {
            bail!(
                "--transfer-to names the subject's own login: her albums would stay hers; nothing was changed; name another account's login"
            );
        }
        // Refused now: a plan that hands albums to no one would fail album by album after
        // other records had changed. The login is left out of the message (it is a person's).
        let known = eraser
            .platform
            .has_login(login)
            .context("cannot look up the account --transfer-to names, so nothing was changed")?;
        match known {
            Some(true) => {}
            Some(false) => bail!(
                "--transfer-to names a login this tenant has no account for: nothing was changed; name the login of an existing account"
            ),
            None => bail!(
                "--transfer-to hands albums to another account, and this tenant's platform has no accounts: nothing was changed; leave it out"
            ),
        }
    }
    let intent = apply::Intent::Erasure {
        strategy: match args.strategy {
            StrategyArg::Auto => Strategy::Auto,
            StrategyArg::Scrub => Strategy::Scrub,
            StrategyArg::Delete => Strategy::Delete,
        },
        shown_with_others: match args.shown_with_others {
            ShownArg::Report => ShownWithOthers::Report,
            ShownArg::Delete => ShownWithOthers::Delete,
            ShownArg::Keep => ShownWithOthers::Keep,
        },
        reason: args.reason.clone(),
        records: RecordPolicy {
            account: match args.account {
                AccountArg::Delete => AccountPolicy::Delete,
                AccountArg::Disable => AccountPolicy::Disable,
            },
            authored_comments: match args.authored_comments {
                AuthoredArg::Delete => AuthoredComments::Delete,
                AuthoredArg::Anonymise => AuthoredComments::Anonymise,
            },
            transfer_to: args.transfer_to.clone(),
        },
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
    delete_archives: Vec<String>,
    shown: BTreeSet<String>,
    shown_before: BTreeSet<String>,
}

impl PlannerParts {
    fn of(eraser: &Engine<'_, Erasure<'_>>, case: &Case) -> Result<PlannerParts> {
        Ok(PlannerParts {
            writable: changes::writable(eraser.ctx, &eraser.session.name),
            holds: Holds::of(&eraser.session.profile)?,
            delete_archives: eraser.session.profile.delete_archives.clone(),
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
            records,
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
            delete_archives: &self.delete_archives,
            strategy: *strategy,
            shown_with_others: *shown_with_others,
            reason: reason.clone(),
            shown_before: &self.shown_before,
            records: records.clone(),
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
                files: Vec::new(),
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
