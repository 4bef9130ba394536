//! `dsr restrict`: the verified restriction of processing of a subject's data (Art. 18), or
//! its lifting — plan, confirm, apply under a journal, read back, receipt.

use std::collections::BTreeSet;

use anyhow::{Context as _, Result, bail};
use dsr::apply::holds::Holds;
use dsr::apply::{self, Action, Intent, Outcome as StepOutcome, Plan, RunReport};
use dsr::case::{Case, Right};
use dsr::index::group::GroupReindex;
use dsr::index::locate::Locator;
use dsr::restrict::Restrictor;
use dsr::subjects::Subject;

use super::changes;
use super::engine::{Carrying, Change, Engine, Options};
use super::session::Session;
use super::{Context, Outcome};
use crate::cli::RestrictArgs;

pub fn run(ctx: &Context, args: RestrictArgs) -> Result<Outcome> {
    if ctx.spans_tenants() {
        return across(ctx, &args);
    }
    let session = Session::resolve(ctx)?;
    // Refused before anything is read: without a field there is nothing to mark.
    let restriction = restriction(ctx, &session, args.lift)?;
    // The same check as the other rights: a restriction case, still open.
    let case = session.case(&args.case, &[Right::Restriction])?;
    let settings = session.settings()?;
    let _lock = session.lock(!args.dry_run)?;
    let platform = session.platform(None)?;
    if !args.dry_run {
        ctx.catch_signals()?;
    }
    let index = GroupReindex::new(&session.files, &settings);
    let locator = Locator::open(&session.files, settings.clone())
        .context("a restriction locates its subject again when it is done: run `dsr sync` first")?;
    let options = Options {
        dry_run: args.dry_run,
        yes: args.yes,
        resume: args.resume,
        output: args.output,
        verified_by: None,
    };
    let engine = Engine {
        change: &restriction,
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
    let result = engine.single(case, ());
    // Whatever happened, the index's state is written for the changes that were made.
    let finished = index.finish().context("cannot write the index's state");
    let outcome = result?;
    finished?;
    super::unreadable::note_change(ctx, &session.name)?;
    Ok(outcome)
}

/// The restriction of a request across systems: each tenant marks its assets in its own
/// restriction field, one confirmation covers them all, one case receipt proves it.
fn across(ctx: &Context, args: &RestrictArgs) -> Result<Outcome> {
    let request = super::across::Request {
        options: Options {
            dry_run: args.dry_run,
            yes: args.yes,
            resume: args.resume,
            output: args.output,
            verified_by: None,
        },
        jobs: args.jobs.into(),
        case: Some(&args.case),
        from: None,
    };
    super::across::run(
        ctx,
        &request,
        |session| restriction(ctx, session, args.lift),
        |_, case| {
            super::session::require_right(case, &[Right::Restriction])?;
            Ok(())
        },
        |_, _| bail!("a restriction across systems takes one case, not a list"),
    )
}

/// The restriction a tenant's profile says how to mark, or why it cannot.
fn restriction(ctx: &Context, session: &Session<'_>, lift: bool) -> Result<Restriction> {
    let Some(field) = session.profile.restriction_field.clone() else {
        bail!(
            "tenant '{}' names no field to mark restricted assets in: add one with `dsr tenant add {} … --restriction-field ID` (and --restriction-value TEXT), or restriction_field = \"ID\" in its profile",
            session.name,
            session.name
        );
    };
    let value = session
        .profile
        .restriction_value
        .clone()
        .unwrap_or_else(|| dsr::restrict::DEFAULT_VALUE.to_owned());
    Ok(Restriction {
        field,
        value,
        lift,
        holds: Holds::of(&session.profile)?,
        writable: changes::writable(ctx, &session.name),
    })
}

/// Art. 18: marks the subject's assets restricted, or takes the mark away.
struct Restriction {
    field: String,
    value: String,
    lift: bool,
    holds: Holds,
    writable: Option<BTreeSet<String>>,
}

impl Restriction {
    /// The restrictor of a plan (a resumed plan's own field, value and direction).
    fn restrictor<'r>(&'r self, intent: &'r Intent) -> Result<Restrictor<'r>> {
        let Intent::Restriction { field, value, lift } = intent else {
            bail!("the plan of this case is not a restriction plan");
        };
        Ok(Restrictor {
            field,
            value,
            lift: *lift,
            writable: self.writable.as_ref(),
            holds: &self.holds,
        })
    }
}

impl Change for Restriction {
    type Asked = ();
    type Subject = ();

    const COMMAND: &'static str = "restrict";
    const NOUN: &'static str = "restriction";
    const RIGHT: Right = Right::Restriction;
    const CHANGED: &'static [(&'static str, Action)] =
        &[("restricted", Action::Restrict), ("lifted", Action::Lift)];
    const COUNT_NAMES: &'static [&'static str] = &[
        "matches",
        "reviewed",
        "restricted",
        "lifted",
        "withheld",
        "manual",
        "clean",
        "failed",
        "unverified",
    ];

    fn texts<'s>(&'s self, case: &'s Case) -> Vec<(&'static str, Option<&'s str>)> {
        vec![("case's verified-by text", case.verified_by.as_deref())]
    }

    fn asked_for_row(&self, _: &Engine<'_, Self>, _: &Subject, _: &Case, _: bool) -> Result<()> {
        bail!("dsr restrict works on one case at a time")
    }

    fn subject(&self, _: &Engine<'_, Self>, _: &Case, _: ()) -> Result<()> {
        Ok(())
    }

    fn plan(&self, engine: &Engine<'_, Self>, case: &Case, _: &()) -> Result<Plan> {
        let restrictor = Restrictor {
            field: &self.field,
            value: &self.value,
            lift: self.lift,
            writable: self.writable.as_ref(),
            holds: &self.holds,
        };
        let ids: Vec<String> = case.reviewed().iter().map(|m| m.asset.clone()).collect();
        let read = apply::read_assets(engine.platform, &ids, engine.jobs);
        let read = ids
            .into_iter()
            .zip(read)
            .map(|(id, asset)| (id.clone(), case.acts_from(&id), asset));
        restrictor
            .plan(&case.id, &engine.session.name, read)
            .map_err(|(id, e)| {
                anyhow::Error::new(e).context(format!("cannot read asset {id} to plan it"))
            })
    }

    fn accept(&self, _: &Engine<'_, Self>, plan: &Plan, _: &()) -> Result<()> {
        self.restrictor(&plan.intent).map(|_| ())
    }

    fn carrying<R>(
        &self,
        _: &Engine<'_, Self>,
        _: &Case,
        plan: &Plan,
        _: &(),
        carry: impl FnOnce(&dyn Carrying) -> Result<R>,
    ) -> Result<R> {
        carry(&Carried {
            restrictor: self.restrictor(&plan.intent)?,
        })
    }

    fn question(&self, plan: &Plan, case: &str, tenant: &str) -> String {
        match lifts(plan) {
            false => format!(
                "Mark {} asset(s) of case {case} restricted on tenant '{tenant}'?",
                plan.count(Action::Restrict)
            ),
            true => format!(
                "Lift the restriction of {} asset(s) of case {case} on tenant '{tenant}'?",
                plan.count(Action::Lift)
            ),
        }
    }

    fn list_question(
        &self,
        total: &dyn Fn(Action) -> usize,
        subjects: usize,
        tenant: &str,
    ) -> String {
        format!(
            "Restrict {} asset(s) of {subjects} subject(s) on tenant '{tenant}'?",
            total(Action::Restrict)
        )
    }

    fn summary(&self, report: &RunReport) -> String {
        let (done, words) = match report.count(Action::Lift, StepOutcome::Verified) {
            0 => (
                report.count(Action::Restrict, StepOutcome::Verified),
                "marked restricted",
            ),
            lifted => (lifted, "no longer marked restricted"),
        };
        format!(
            "Restriction of case {}: {done} asset(s) {words}, each read back; {} withheld under legal hold; {} with nothing to do; {} not done ({} failed, {} not verified, {} left for a person).",
            report.case,
            report.outcomes(StepOutcome::Withheld),
            report.outcomes(StepOutcome::Clean),
            report.left().count(),
            report.outcomes(StepOutcome::Failed),
            report.outcomes(StepOutcome::Unverified),
            report.outcomes(StepOutcome::Manual),
        )
    }

    fn history(&self, report: &RunReport) -> String {
        // A resumed run carries its plan's own direction, whatever the flags say.
        let what = match report.steps.iter().any(|s| s.action == Action::Lift) {
            false => "restriction",
            true => "restriction lifted",
        };
        if report.complete() {
            format!("{what} verified (plan {})", report.plan_sha256)
        } else {
            format!(
                "{what} partial: {} step(s) not done (plan {})",
                report.left().count(),
                report.plan_sha256
            )
        }
    }
}

/// Whether the plan lifts a restriction.
fn lifts(plan: &Plan) -> bool {
    matches!(plan.intent, Intent::Restriction { lift: true, .. })
}

/// One case's restriction being carried out.
struct Carried<'r> {
    restrictor: Restrictor<'r>,
}

impl Carrying for Carried<'_> {
    fn check(&self, _: &apply::Step, asset: &dsr::asset::Asset) -> Result<String, String> {
        self.restrictor.check(asset)
    }

    fn replan(&self, planned: &apply::Step, asset: &dsr::asset::Asset) -> apply::Step {
        self.restrictor.step(asset, planned.acts_from)
    }

    fn reconcile(&self, _: &Locator, _: &Case, _: &mut RunReport) -> Result<()> {
        // A restriction keeps the subject's data where it is: a locate finds her as before,
        // and nothing of the report depends on it.
        Ok(())
    }
}
