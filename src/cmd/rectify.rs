//! `dsr rectify`: the verified correction of a subject's data (Art. 16) — plan, confirm,
//! apply under a journal, read back; for one case, or for every subject of a list.

use std::collections::BTreeSet;

use anyhow::{Context as _, Result, bail};
use dsr::apply::holds::Holds;
use dsr::apply::{self, Action, Intent, Outcome as StepOutcome, Plan, RunReport};
use dsr::case::{Case, Right};
use dsr::index::IndexSettings;
use dsr::index::group::GroupReindex;
use dsr::index::locate::Locator;
use dsr::matching::identity::probes;
use dsr::matching::matcher::Matcher;
use dsr::rectify::{Change, Rectifier};
use dsr::subjects::Subject;

use super::changes;
use super::engine::{self, Carrying, Engine, Options};
use super::session::Session;
use super::{Context, Outcome};
use crate::cli::RectifyArgs;

pub fn run(ctx: &Context, args: RectifyArgs) -> Result<Outcome> {
    if ctx.spans_tenants() {
        return across(ctx, &args);
    }
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
    let options = Options {
        dry_run: args.dry_run,
        yes: args.yes,
        resume: args.resume,
        output: args.output,
        verified_by: args.verified_by.clone(),
    };
    let engine = Engine {
        change: &Rectification {
            args: &args,
            set: set.as_ref(),
            holds: Holds::of(&session.profile)?,
            writable: changes::writable(ctx, &session.name),
        },
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
    let result = match (single, &args.from) {
        (Some((case, asked)), _) => engine.single(case, asked),
        (None, Some(from)) => engine.list(from),
        (None, None) => bail!("name the case to correct: dsr rectify CASE (or --from FILE)"),
    };
    // Whatever happened, the index's state is written for the changes that were made.
    let finished = index.finish().context("cannot write the index's state");
    let outcome = result?;
    finished?;
    super::unreadable::note_change(ctx, &session.name)?;
    Ok(outcome)
}

/// The rectification of a request across systems: the subject's old value replaced by the
/// new one wherever each system holds it, one confirmation for all, one case receipt.
fn across(ctx: &Context, args: &RectifyArgs) -> Result<Outcome> {
    if !args.set.is_empty() || !args.fields.is_empty() {
        bail!(
            "--set and --field name fields of one platform: across systems give --replace OLD --with NEW, which each system applies to the fields holding the old value"
        );
    }
    if args.from.is_some() {
        bail!("--from works on one tenant: pass --tenant NAME");
    }
    let request = super::across::Request {
        options: Options {
            dry_run: args.dry_run,
            yes: args.yes,
            resume: args.resume,
            output: args.output,
            verified_by: args.verified_by.clone(),
        },
        jobs: args.jobs.into(),
        case: args.case.as_deref(),
        from: None,
    };
    super::across::run(
        ctx,
        &request,
        |session| {
            Ok(Rectification {
                args,
                set: None,
                holds: Holds::of(&session.profile)?,
                writable: changes::writable(ctx, &session.name),
            })
        },
        |engine, case| {
            super::session::require_right(case, &[Right::Rectification])?;
            match (&args.replace, &args.with) {
                (Some(old), Some(new)) => Ok(Some(replace(args, old, new, case, engine.settings)?)),
                // --resume: each system carries on with its kept plan.
                _ => Ok(None),
            }
        },
        |_, _| bail!("--from works on one tenant: pass --tenant NAME"),
    )
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

/// Art. 16: puts the corrected value where the subject's old one stands.
struct Rectification<'a> {
    args: &'a RectifyArgs,
    /// `--set`, for every case.
    set: Option<&'a Change>,
    holds: Holds,
    writable: Option<BTreeSet<String>>,
}

/// A case's subject, and the correction asked for it.
struct Asked {
    /// Finds the subject, for the rectifier the plan's own change is checked with.
    subject: Matcher,
    change: Option<Change>,
}

impl Rectification<'_> {
    /// What checks the read-back: the plan's own change.
    fn rectifier<'r>(
        &'r self,
        settings: &'r IndexSettings,
        plan: &'r Plan,
        subject: &'r Matcher,
    ) -> Result<Rectifier<'r>> {
        let Intent::Rectification { change } = &plan.intent else {
            bail!("the plan of this case is not a rectification plan");
        };
        Ok(Rectifier::new(
            change,
            subject,
            &settings.roles,
            settings.region,
            self.writable.as_ref(),
            &self.holds,
        )?)
    }
}

impl engine::Change for Rectification<'_> {
    type Asked = Option<Change>;
    type Subject = Asked;

    const COMMAND: &'static str = "rectify";
    const NOUN: &'static str = "rectification";
    const RIGHT: Right = Right::Rectification;
    const CHANGED: &'static [(&'static str, Action)] = &[("corrected", Action::Rectify)];
    const COUNT_NAMES: &'static [&'static str] = &[
        "matches",
        "reviewed",
        "corrected",
        "withheld",
        "manual",
        "clean",
        "failed",
        "unverified",
    ];
    const TAKES_CORRECTIONS: bool = true;

    fn texts<'s>(&'s self, case: &'s Case) -> Vec<(&'static str, Option<&'s str>)> {
        vec![("case's verified-by text", case.verified_by.as_deref())]
    }

    fn asked_for_row(
        &self,
        engine: &Engine<'_, Self>,
        row: &Subject,
        case: &Case,
        begun: bool,
    ) -> Result<Option<Change>> {
        // The row's own correction, else --set for every subject.
        let asked = match &row.correction {
            Some((kind, new)) => {
                let mut olds = case.identities.iter().filter(|i| i.kind == *kind);
                let (Some(old), None) = (olds.next(), olds.next()) else {
                    bail!(
                        "the row's new_{kind} needs exactly one {kind} of the subject to replace",
                        kind = kind.as_str()
                    );
                };
                Some(replace(self.args, &old.value, new, case, engine.settings)?)
            }
            None => self.set.cloned(),
        };
        if asked.is_none() && !begun {
            bail!(
                "nothing to correct for this row: give it a new_email, new_name, new_phone or new_login value, or --set FIELD=VALUE for every subject"
            );
        }
        Ok(asked)
    }

    fn subject(
        &self,
        engine: &Engine<'_, Self>,
        case: &Case,
        change: Option<Change>,
    ) -> Result<Asked> {
        let settings = engine.settings;
        let subject = Matcher::new(
            probes(&case.identities, settings.region)?,
            settings.roles.clone(),
            settings.region,
        );
        Ok(Asked { subject, change })
    }

    fn plan(&self, engine: &Engine<'_, Self>, case: &Case, asked: &Asked) -> Result<Plan> {
        let Some(change) = &asked.change else {
            bail!("say what to correct: --replace OLD --with NEW, or --set FIELD=VALUE");
        };
        let settings = engine.settings;
        let rectifier = Rectifier::new(
            change,
            &asked.subject,
            &settings.roles,
            settings.region,
            self.writable.as_ref(),
            &self.holds,
        )?;
        let ids: Vec<String> = case.reviewed().iter().map(|m| m.asset.clone()).collect();
        let read = apply::read_assets(engine.platform, &ids, engine.jobs);
        let read = ids
            .into_iter()
            .zip(read)
            .map(|(id, asset)| (id.clone(), case.acts_from(&id), asset));
        rectifier
            .plan(&case.id, &engine.session.name, read)
            .map_err(|(id, e)| {
                anyhow::Error::new(e).context(format!("cannot read asset {id} to plan it"))
            })
    }

    fn accept(&self, engine: &Engine<'_, Self>, plan: &Plan, asked: &Asked) -> Result<()> {
        // A resumed plan carries its own change: the read-back checks that one.
        self.rectifier(engine.settings, plan, &asked.subject)?;
        Ok(())
    }

    fn carrying<R>(
        &self,
        engine: &Engine<'_, Self>,
        _: &Case,
        plan: &Plan,
        asked: &Asked,
        carry: impl FnOnce(&dyn Carrying) -> Result<R>,
    ) -> Result<R> {
        let rectifier = self.rectifier(engine.settings, plan, &asked.subject)?;
        let Intent::Rectification { change } = &plan.intent else {
            bail!("the plan of this case is not a rectification plan");
        };
        carry(&Carried { rectifier, change })
    }

    fn question(&self, plan: &Plan, case: &str, tenant: &str) -> String {
        format!(
            "Correct {} asset(s) of case {case} on tenant '{tenant}'?",
            plan.count(Action::Rectify),
        )
    }

    fn list_question(
        &self,
        total: &dyn Fn(Action) -> usize,
        subjects: usize,
        tenant: &str,
    ) -> String {
        format!(
            "Correct {} asset(s) of {subjects} subject(s) on tenant '{tenant}' ({} withheld under legal hold)?",
            total(Action::Rectify),
            total(Action::Withheld)
        )
    }

    fn summary(&self, report: &RunReport) -> String {
        // Said only where a store keeps versions: elsewhere the count is always 0.
        let versions = match report.outcomes(StepOutcome::VersionsRemain) {
            0 => String::new(),
            n => format!(", {n} with earlier versions left in the bucket"),
        };
        format!(
            "Rectification of case {}: {} asset(s) corrected, each read back; {} withheld under legal hold; {} with nothing to do; {} not done ({} failed, {} not verified, {} left for a person{versions}); {} asset(s) still hold the old value, as a locate now finds.",
            report.case,
            report.count(Action::Rectify, StepOutcome::Verified),
            report.outcomes(StepOutcome::Withheld),
            report.outcomes(StepOutcome::Clean),
            report.left().count(),
            report.outcomes(StepOutcome::Failed),
            report.outcomes(StepOutcome::Unverified),
            report.outcomes(StepOutcome::Manual),
            report.remaining.len(),
        )
    }

    fn history(&self, report: &RunReport) -> String {
        if report.complete() {
            format!("rectification verified (plan {})", report.plan_sha256)
        } else {
            format!(
                "rectification partial: {} step(s) not done (plan {})",
                report.left().count(),
                report.plan_sha256
            )
        }
    }
}

/// One case's rectification being carried out.
struct Carried<'r> {
    /// Plans a changed asset's step again and checks the read-back: the plan's own change.
    rectifier: Rectifier<'r>,
    change: &'r Change,
}

impl Carrying for Carried<'_> {
    fn check(&self, step: &apply::Step, asset: &dsr::asset::Asset) -> Result<String, String> {
        self.rectifier.check(step, asset)
    }

    fn replan(&self, planned: &apply::Step, asset: &dsr::asset::Asset) -> apply::Step {
        self.rectifier.step(asset, planned.acts_from)
    }

    fn reconcile(&self, locator: &Locator, case: &Case, report: &mut RunReport) -> Result<()> {
        // A replacement is done where a locate after the run no longer finds the old value
        // (in the fields it was restricted to), as `dsr locate` would.
        if let (Some(old), Change::Replace { fields, .. }) =
            (self.rectifier.old_value(), self.change)
        {
            let only = (!fields.is_empty()).then_some(fields);
            report.reconcile(changes::still_found(
                locator,
                std::slice::from_ref(old),
                case,
                only,
            )?);
        }
        // A `--set` is done where a locate after the run finds none of the case's identities
        // in the fields it corrects, other than as the new value.
        if let Change::Set { fields, .. } = self.change {
            report.reconcile(changes::still_found_where(
                locator,
                &case.identities,
                case,
                |field, value| {
                    fields.contains_key(field) && !self.rectifier.is_new_value(field, value)
                },
            )?);
        }
        Ok(())
    }
}
