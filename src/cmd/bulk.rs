//! A command run over a subject list (`--from FILE`): one case per row, worked through on
//! `--jobs` threads, one result per subject printed as soon as it is finished, and a batch
//! journal, so that a run stopped by a signal is resumed (`--resume`) without processing
//! any subject twice.
//!
//! What is done for each subject is the command's [`Work`]: made ready for every subject
//! first (for a change, its plan: reads only), then — after one confirmation for the whole
//! list when the work changes the tenant — carried out.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use dsr::batch::{Batch, Event};
use dsr::case::{Case, CaseStore, NewCase, Right, deadline};
use dsr::config::TenantProfile;
use dsr::index::locate::Locator;
use dsr::matching::matcher::Confidence;
use dsr::subjects::Subject;
use dsr::threads::{self, lock};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use super::output::Table;
use super::{Context, Outcome, sanitize};
use crate::cli::OutputFormat;

/// Subjects kept in progress per request a change may have at the platform (`--jobs`
/// bounds the requests): while one waits on a delete task, writes its journal or issues its
/// receipt, the others keep the request slots busy.
pub const SUBJECTS_PER_REQUEST: usize = 3;

/// How one subject ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A change carried out and read back in full.
    Verified,
    /// A package written.
    Done,
    /// Carried out except what a legal hold withheld.
    Withheld,
    /// Some steps failed, are not verified, or the subject is still found.
    Partial,
    /// A dry run: planned, nothing changed.
    Planned,
    /// Stopped by a signal part-way; `--resume` finishes it.
    Interrupted,
    /// Could not be done at all (a bad row, an error).
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Done => "done",
            Status::Withheld => "withheld",
            Status::Partial => "partial",
            Status::Planned => "planned",
            Status::Interrupted => "interrupted",
            Status::Error => "error",
        }
    }

    fn parse(text: &str) -> Status {
        match text {
            "verified" => Status::Verified,
            "done" => Status::Done,
            "withheld" => Status::Withheld,
            "partial" => Status::Partial,
            "planned" => Status::Planned,
            "interrupted" => Status::Interrupted,
            _ => Status::Error,
        }
    }
}

/// What the work reports for one subject. Never a personal value: ids, counts, paths, and
/// error messages that name assets and reasons only.
#[derive(Debug, Clone)]
pub struct SubjectReport {
    pub status: Status,
    /// Named counts, in the order the command prints them.
    pub counts: Vec<(&'static str, u64)>,
    /// Assets changed or read into a package, for the progress bar.
    pub touched: u64,
    pub plan_sha256: Option<String>,
    pub receipt: Option<PathBuf>,
    /// The package written, for access and portability.
    pub output: Option<PathBuf>,
    pub errors: Vec<String>,
}

impl SubjectReport {
    pub fn failed(error: &anyhow::Error) -> SubjectReport {
        let status = if super::interrupted_status(error).is_some() {
            Status::Interrupted
        } else {
            Status::Error
        };
        SubjectReport {
            status,
            counts: Vec::new(),
            touched: 0,
            plan_sha256: None,
            receipt: None,
            output: None,
            errors: vec![format!("{error:#}")],
        }
    }
}

/// What a command does for each subject of a list.
pub trait Work: Sync {
    /// What `prepare` makes: the plan of a change, or just the case.
    type Ready: Send;

    /// The names of the counts every report carries, for CSV's header.
    fn count_names(&self) -> &'static [&'static str];

    /// Whether the list's rows may carry a correction (`new_name` …): only rectify's do.
    fn takes_corrections(&self) -> bool {
        false
    }

    /// Gets a subject's case ready; reads only. `resumed` says the case was opened by an
    /// earlier run over the list.
    fn prepare(&self, subject: &Subject, case: Case, resumed: bool) -> Result<Self::Ready>;

    /// A dry run's report on a prepared subject.
    fn planned(&self, ready: &Self::Ready) -> SubjectReport;

    /// The one question asked for the whole list before anything changes, or `None` when
    /// the work changes nothing.
    fn question(&self, ready: &[&Self::Ready]) -> Option<String>;

    /// Called once, after the confirmation and before the first subject is carried out
    /// (to unlock the signing key, say, which the subjects' threads cannot ask for).
    fn before_changes(&self) -> Result<()> {
        Ok(())
    }

    /// The assets carrying out `ready` reads and may change. Subjects that share one are
    /// carried out one after the other, in the list's order (see [`Turns`]).
    fn assets(&self, ready: &Self::Ready) -> BTreeSet<String> {
        let _ = ready;
        BTreeSet::new()
    }

    /// Carries the work out for one subject.
    fn carry_out(&self, ready: Self::Ready) -> Result<SubjectReport>;
}

/// How the user asked for the list to be worked through.
pub struct Options<'a> {
    /// The command, as the user typed it (`erase`), for messages and the batch's id.
    pub command: &'static str,
    pub right: Right,
    pub from: &'a Path,
    pub output: OutputFormat,
    pub jobs: usize,
    pub resume: bool,
    pub dry_run: bool,
    pub yes: bool,
    /// How the subjects' identities were checked, for every case opened.
    pub verified_by: Option<&'a str>,
}

/// Works through the subjects of `options.from` with `work`.
pub fn run<W: Work>(
    ctx: &Context,
    tenant: &str,
    profile: &TenantProfile,
    store: &CaseStore,
    options: Options<'_>,
    work: &W,
) -> Result<Outcome> {
    let (bytes, rows) = super::list::read_bytes(options.from)?;
    let files = ctx.tenant_files(tenant);
    let batch = Batch::new(&files.dir, options.command, &bytes);
    let state = batch.read()?;
    let again = format!(
        "dsr {} --from {} --resume{}",
        options.command,
        options.from.display(),
        // A change is confirmed again: unattended, that is --yes.
        if work.question(&[]).is_some() {
            " --yes"
        } else {
            ""
        }
    );
    if options.resume && !state.began {
        // A run stopped while planning changed nothing: it is simply begun again.
        ctx.note(&format!(
            "Nothing of this list was carried out by `dsr {}` yet: working through it from the start.",
            options.command
        ));
    }
    if state.interrupted() && !options.resume && !options.dry_run {
        bail!(
            "the last run over this list was stopped part-way: run `{again}` to finish it ({} of its subject(s) are done)",
            state.done.len()
        );
    }
    let run = ListRun {
        ctx,
        tenant,
        profile,
        store,
        options,
        work,
        batch,
        state,
        again,
    };
    let mut out = Printer::new(run.options.output, work.count_names());
    if run.state.began && run.state.ended && !run.options.dry_run && !run.options.resume {
        return run.show_earlier(out);
    }
    let opened = run.opened_cases()?;
    let settings = profile.settings()?;
    let locator = Locator::open(&ctx.tenant_files(tenant), settings.clone()).context(
        "subjects of a list are located as their cases are opened: run `dsr sync` first",
    )?;
    let (todo, mut bad) = run.sort_rows(rows, opened, &mut out)?;
    let ready = run.prepare(todo, locator, &mut out, &mut bad)?;
    if let Some(signal) = ctx.stop.requested() {
        out.finish()?;
        ctx.note("Stopped before anything was changed.");
        return Ok(Outcome::Interrupted(signal));
    }
    if run.options.dry_run {
        return run.dry_run(&ready, out, bad);
    }
    let refs: Vec<&W::Ready> = ready.iter().map(|(_, _, r)| r).collect();
    if let Some(question) = work.question(&refs)
        && !ready.is_empty()
        && !run.options.yes
        && !confirm(ctx, &question)?
    {
        out.finish()?;
        return Ok(Outcome::Refused);
    }
    run.carry_out(ready, out)
}

/// One run of a command over a list, with what every phase of it needs.
struct ListRun<'a, W: Work> {
    ctx: &'a Context,
    tenant: &'a str,
    profile: &'a TenantProfile,
    store: &'a CaseStore,
    options: Options<'a>,
    work: &'a W,
    batch: Batch,
    /// What the list's batch journal says an earlier run did.
    state: dsr::batch::State,
    /// The command that resumes this run.
    again: String,
}

/// A subject to work on, with the case an earlier run opened for it if one did.
type ToDo = (Subject, Option<Case>);

/// A subject made ready, with its case.
type Ready<W> = (Subject, String, <W as Work>::Ready);

impl<W: Work> ListRun<'_, W> {
    /// The same list again would open every case anew: says what was done instead.
    fn show_earlier(&self, mut out: Printer) -> Result<Outcome> {
        let (ctx, options, again) = (self.ctx, &self.options, &self.again);
        let unfinished = self
            .state
            .done
            .values()
            .filter(|r| matches!(r["status"].as_str(), Some("partial" | "error")))
            .count();
        ctx.note(&format!(
            "This list was worked through by `dsr {}` before (batch {}); these are the results of then. Nothing was done again.{}",
            options.command,
            self.batch.id,
            if unfinished > 0 {
                format!(" `{again}` tries the {unfinished} subject(s) not done again.")
            } else {
                String::new()
            }
        ));
        for (row, result) in &self.state.done {
            out.earlier(*row, result)?;
        }
        out.finish()?;
        Ok(summary_outcome(out.statuses()))
    }

    /// Cases opened by an earlier run over this list, by row, found by their marker: that
    /// run may have been stopped, or refused at the confirmation, after opening them.
    fn opened_cases(&self) -> Result<BTreeMap<usize, Case>> {
        let mut opened: BTreeMap<usize, Case> = BTreeMap::new();
        for case in self.store.list()? {
            if let Some(row) = case.batch.as_deref().and_then(|m| self.batch.row_of(m)) {
                opened.insert(row, case);
            }
        }
        Ok(opened)
    }

    /// The rows to work on, each subject with the case an earlier run opened for it if one
    /// did (`opened`); the rows left out (bad, or finished by an earlier run) are printed. Returns
    /// them with the number of bad rows.
    fn sort_rows(
        &self,
        rows: Vec<dsr::subjects::Row>,
        mut opened: BTreeMap<usize, Case>,
        out: &mut Printer,
    ) -> Result<(Vec<ToDo>, usize)> {
        let (options, work, state) = (&self.options, self.work, &self.state);
        // Subjects an earlier run finished but could not complete: `--resume` tries them
        // again (an erasure from its own journal, repeating only what failed).
        let retry = |result: &Value| {
            options.resume
                && matches!(
                    Status::parse(result["status"].as_str().unwrap_or("error")),
                    Status::Partial | Status::Error
                )
        };
        let mut todo: Vec<ToDo> = Vec::new();
        let mut bad = 0usize;
        for row in rows {
            let subject = match row {
                Ok(subject) => subject,
                Err(e) => {
                    super::list::report_bad(&e);
                    bad += 1;
                    out.report(e.row, e.reference.as_deref(), None, &bad_row(&e.reason))?;
                    continue;
                }
            };
            if let Some(result) = state.done.get(&subject.row)
                && !retry(result)
            {
                out.earlier(subject.row, result)?;
                continue;
            }
            if subject.correction.is_some() && !work.takes_corrections() {
                let reason = format!(
                    "a new_* column is a correction, for `dsr rectify`, not `dsr {}`",
                    options.command
                );
                eprintln!("dsr: row {}: {reason}", subject.row);
                bad += 1;
                out.report(
                    subject.row,
                    subject.reference.as_deref(),
                    None,
                    &bad_row(&reason),
                )?;
                continue;
            }
            let case = opened.remove(&subject.row);
            todo.push((subject, case));
        }
        Ok((todo, bad))
    }

    /// Opens every subject's case (a dry run's only in memory) and makes it ready; the
    /// subjects that cannot be are printed and counted in `bad`.
    fn prepare(
        &self,
        todo: Vec<ToDo>,
        locator: Locator,
        out: &mut Printer,
        bad: &mut usize,
    ) -> Result<Vec<Ready<W>>> {
        let (ctx, tenant, profile, store, options, work, batch) = (
            self.ctx,
            self.tenant,
            self.profile,
            self.store,
            &self.options,
            self.work,
            &self.batch,
        );
        // Every subject's case opened (a dry run's only in memory: it leaves nothing behind)
        // and made ready before anything changes, so that the confirmation can say what the
        // whole list will do. Cases are opened on the same threads as the plans are made, so
        // that their writes overlap the plans' reads.
        let prepared = in_parallel(ctx, self.jobs(), todo, |(subject, case)| {
            let resumed = case.is_some();
            let case = match case {
                Some(case) => Ok(case),
                None if options.dry_run => {
                    transient_case(ctx, tenant, profile, &locator, &subject, options)
                }
                None => open_case(
                    ctx, tenant, profile, store, &locator, batch, &subject, options,
                ),
            };
            let ready = case.map_err(|e| (None, e)).and_then(|case| {
                let id = case.id.clone();
                match work.prepare(&subject, case, resumed) {
                    Ok(ready) => Ok((id, ready)),
                    Err(e) => Err((Some(id), e)),
                }
            });
            (subject, ready)
        });
        drop(locator);
        let mut ready = Vec::new();
        for (subject, result) in prepared {
            match result {
                Ok((case, r)) => ready.push((subject, case, r)),
                Err((case, e)) => {
                    *bad += 1;
                    subject_error(&subject, &e);
                    out.report(
                        subject.row,
                        subject.reference.as_deref(),
                        case.as_deref(),
                        &SubjectReport::failed(&e),
                    )?;
                }
            }
        }
        Ok(ready)
    }

    /// Prints what a dry run would do for each subject made ready.
    fn dry_run(&self, ready: &[Ready<W>], mut out: Printer, bad: usize) -> Result<Outcome> {
        let (ctx, work) = (self.ctx, self.work);
        for (subject, case, r) in ready {
            out.report(
                subject.row,
                subject.reference.as_deref(),
                Some(case.as_str()),
                &work.planned(r),
            )?;
        }
        out.finish()?;
        ctx.note(&format!(
            "Dry run: {} subject(s) planned, {bad} could not be; nothing was changed.",
            ready.len()
        ));
        Ok(if bad > 0 {
            Outcome::Partial
        } else {
            Outcome::Done
        })
    }

    /// Carries the work out for every subject made ready, printing each as it is finished
    /// and journaling it in the batch journal, and says how the list ended.
    fn carry_out(&self, ready: Vec<Ready<W>>, out: Printer) -> Result<Outcome> {
        let (ctx, options, work, batch, again) =
            (self.ctx, &self.options, self.work, &self.batch, &self.again);
        work.before_changes()?;
        batch.record(&Event::Begin {
            at: dsr::time::now(),
            command: options.command.to_owned(),
            rows: ready.len() + self.state.done.len(),
        })?;
        let bar = Bar::new(ctx, ready.len() as u64);
        let out = Mutex::new(out);
        // Why the run gave up part-way: its batch journal or stdout could not be written.
        let gave_up_on: Mutex<Option<anyhow::Error>> = Mutex::new(None);
        let ready: Vec<_> = ready
            .into_iter()
            .map(|(subject, case, r)| (work.assets(&r), (subject, case, r)))
            .collect();
        in_turns(ctx, self.jobs(), ready, |(subject, case, r)| {
            let report = work
                .carry_out(r)
                .unwrap_or_else(|e| SubjectReport::failed(&e));
            if report.status == Status::Error || report.status == Status::Interrupted {
                subject_error(&subject, &anyhow::anyhow!("{}", report.errors.join("; ")));
            }
            bar.done(&report);
            let mut out = lock(&out);
            let value = out.value(
                subject.row,
                subject.reference.as_deref(),
                Some(case.as_str()),
                &report,
            );
            // An interrupted subject is not finished: its own journal resumes it.
            if report.status != Status::Interrupted {
                let recorded = batch.record(&Event::Done {
                    at: dsr::time::now(),
                    row: subject.row,
                    result: value.clone(),
                });
                if let Err(e) = recorded {
                    // Without the batch journal a resumed run could not tell this subject
                    // was finished: stop taking new ones.
                    ctx.stop.give_up();
                    *lock(&gave_up_on) = Some(e.into());
                }
            }
            if let Err(e) = out.print(value) {
                *lock(&gave_up_on) = Some(e);
                ctx.stop.give_up();
            }
        });
        bar.finish();
        if let Some(e) = threads::into_inner(gave_up_on) {
            return Err(e.context("the bulk run stopped"));
        }
        let mut out = threads::into_inner(out);
        let statuses = out.statuses();
        let count = |s: Status| statuses.iter().filter(|x| **x == s).count();
        if let Some(signal) = ctx.stop.requested() {
            out.finish()?;
            ctx.note(&format!(
                "Stopped: {} subject(s) finished, {} stopped part-way and journaled, the others not begun. Run `{again}` to finish the list.",
                statuses.len() - count(Status::Interrupted) - count(Status::Error),
                count(Status::Interrupted)
            ));
            return Ok(Outcome::Interrupted(signal));
        }
        batch.record(&Event::End {
            at: dsr::time::now(),
        })?;
        out.finish()?;
        let parts: Vec<String> = [
            Status::Verified,
            Status::Done,
            Status::Withheld,
            Status::Partial,
            Status::Error,
        ]
        .iter()
        .filter(|s| count(**s) > 0)
        .map(|s| format!("{} {}", count(*s), s.as_str()))
        .collect();
        ctx.note(&format!(
            "`dsr {}` over {} subject(s): {}.",
            options.command,
            statuses.len(),
            if parts.is_empty() {
                "nothing to do".to_owned()
            } else {
                parts.join(", ")
            }
        ));
        Ok(summary_outcome(statuses))
    }

    fn jobs(&self) -> usize {
        self.options.jobs.clamp(1, 64)
    }
}

/// The exit status of a list: 3 when any subject is not fully done, 4 when only legal
/// holds kept something back, else 0.
fn summary_outcome(statuses: Vec<Status>) -> Outcome {
    if statuses
        .iter()
        .any(|s| matches!(s, Status::Partial | Status::Error | Status::Interrupted))
    {
        Outcome::Partial
    } else if statuses.contains(&Status::Withheld) {
        Outcome::Refused
    } else {
        Outcome::Done
    }
}

fn bad_row(reason: &str) -> SubjectReport {
    SubjectReport {
        status: Status::Error,
        counts: Vec::new(),
        touched: 0,
        plan_sha256: None,
        receipt: None,
        output: None,
        errors: vec![reason.to_owned()],
    }
}

fn subject_error(subject: &Subject, e: &anyhow::Error) {
    eprintln!("dsr: row {}: {}", subject.row, sanitize(&format!("{e:#}")));
}

/// Runs `f` over `items` on `jobs` threads, taking no new item once a stop is asked for;
/// returns the results of those it ran, in the items' order.
fn in_parallel<T: Send, R: Send>(
    ctx: &Context,
    jobs: usize,
    items: Vec<T>,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    threads::map(
        jobs,
        items,
        || ctx.stop.requested().is_none(),
        |item| ControlFlow::Continue(f(item)),
    )
}

/// Runs `f` over `items` on `jobs` threads like [`in_parallel`], each item with the assets
/// it works on, never two items that share an asset at the same time (see [`Turns`]).
fn in_turns<T: Send>(
    ctx: &Context,
    jobs: usize,
    items: Vec<(BTreeSet<String>, T)>,
    f: impl Fn(T) + Sync,
) {
    let total = items.len();
    let turns = Turns::new(items);
    threads::workers(jobs.min(total), || {
        while let Some((turn, item)) = turns.next(&ctx.stop) {
            f(item);
            drop(turn);
        }
    });
}

/// The subjects of a list waiting to be carried out, and the assets of those under way.
///
/// Two subjects pictured in one photo must not change it at the same time: each would
/// read it, plan its own change and write it back, and the later write would put the
/// other's values back. Nor is it enough to take turns on the write alone: a subject's
/// read-back, its index update, the locate after it and its receipt all speak of the
/// asset as that subject left it. So a subject begins only when none under way shares an
/// asset with it, and holds its assets until it is finished; one that waits is not
/// overtaken by a later subject of the list sharing an asset with it, so subjects that
/// share assets are carried out in the list's order. Claiming every asset of a subject at
/// once cannot deadlock, and subjects that share nothing still run side by side. The
/// later subject's plan was made before the earlier one changed the shared asset: its
/// step is planned again from the asset as it then is ([`dsr::apply::apply`]).
struct Turns<T> {
    state: Mutex<TurnsState<T>>,
    freed: Condvar,
}

struct TurnsState<T> {
    /// In the list's order.
    waiting: Vec<(BTreeSet<String>, T)>,
    /// The assets of the subjects under way.
    busy: BTreeSet<String>,
}

/// A subject's hold on its assets, given up when it is dropped.
struct Turn<'t, T> {
    turns: &'t Turns<T>,
    assets: BTreeSet<String>,
}

impl<T> Drop for Turn<'_, T> {
    fn drop(&mut self) {
        let mut state = lock(&self.turns.state);
        for asset in &self.assets {
            state.busy.remove(asset);
        }
        drop(state);
        self.turns.freed.notify_all();
    }
}

impl<T> Turns<T> {
    fn new(waiting: Vec<(BTreeSet<String>, T)>) -> Turns<T> {
        Turns {
            state: Mutex::new(TurnsState {
                waiting,
                busy: BTreeSet::new(),
            }),
            freed: Condvar::new(),
        }
    }

    /// The first waiting subject that may begin, with its assets held; waits while every
    /// one left must wait. `None` once none is left or a stop is asked for.
    fn next(&self, stop: &dsr::stop::Stop) -> Option<(Turn<'_, T>, T)> {
        let mut state = lock(&self.state);
        loop {
            if stop.requested().is_some() || state.waiting.is_empty() {
                return None;
            }
            let free = {
                let TurnsState { waiting, busy } = &*state;
                let mut ahead: BTreeSet<&String> = BTreeSet::new();
                waiting.iter().position(|(assets, _)| {
                    let free = assets
                        .iter()
                        .all(|a| !busy.contains(a) && !ahead.contains(a));
                    ahead.extend(assets);
                    free
                })
            };
            if let Some(i) = free {
                let (assets, item) = state.waiting.remove(i);
                state.busy.extend(assets.iter().cloned());
                return Some((
                    Turn {
                        turns: self,
                        assets,
                    },
                    item,
                ));
            }
            // Woken when a subject finishes; the timeout only lets a stop be seen.
            state = threads::wait_timeout(&self.freed, state, Duration::from_millis(200));
        }
    }
}

/// Opens the case of one row, marked as the batch's, and locates its subject.
#[allow(clippy::too_many_arguments)]
fn open_case(
    ctx: &Context,
    tenant: &str,
    profile: &TenantProfile,
    store: &CaseStore,
    locator: &Locator,
    batch: &Batch,
    subject: &Subject,
    options: &Options<'_>,
) -> Result<Case> {
    let settings = profile.settings()?;
    dsr::matching::identity::probes(&subject.identities, settings.region)?;
    super::record::check_names(
        ctx,
        profile,
        &subject.identities,
        &[("--verified-by text", options.verified_by)],
    )?;
    let hits = locator.find_with_proposals(&subject.identities, Confidence::Low)?;
    let case = store.open_with(
        new_case(
            subject,
            options,
            Some(dsr::batch::marker(&batch.id, subject.row)),
        ),
        &dsr::time::now(),
        &ctx.operator(Some(profile)),
        |case| case.set_matches(&hits),
    )?;
    super::record::audit(
        ctx,
        tenant,
        profile,
        &case,
        "case open --from",
        &[("row", subject.row as u64), ("assets", hits.len() as u64)],
    )?;
    Ok(case)
}

/// The number of every dry run's case of a new subject.
const DRY_RUN: &str = "000";

/// A case for a dry run: located like a real one, kept in memory only.
fn transient_case(
    ctx: &Context,
    tenant: &str,
    profile: &TenantProfile,
    locator: &Locator,
    subject: &Subject,
    options: &Options<'_>,
) -> Result<Case> {
    let settings = profile.settings()?;
    dsr::matching::identity::probes(&subject.identities, settings.region)?;
    // Never a kept case's id (those count from 001), and printed as none.
    let day: String = dsr::time::now()
        .chars()
        .take(10)
        .filter(char::is_ascii_digit)
        .collect();
    let mut case = Case::unsaved(
        &format!("{day}-{DRY_RUN}"),
        tenant,
        new_case(subject, options, None),
        &dsr::time::now(),
        &ctx.operator(Some(profile)),
    );
    let hits = locator.find_with_proposals(&case.identities, Confidence::Low)?;
    case.set_matches(&hits);
    Ok(case)
}

fn new_case(subject: &Subject, options: &Options<'_>, batch: Option<String>) -> NewCase {
    NewCase {
        right: options.right,
        identities: subject.identities.clone(),
        received: subject.received.unwrap_or_else(deadline::today),
        reference: subject.reference.clone(),
        verified_by: options.verified_by.map(str::to_owned),
        batch,
    }
}

/// Asks once for the whole list; refuses without a terminal to ask in.
fn confirm(ctx: &Context, question: &str) -> Result<bool> {
    confirm_changes(
        ctx,
        &format!("{question} This changes the tenant"),
        question,
    )
}

/// Asks `question` once; without a terminal to ask in, refuses, saying that `what` needs
/// a confirmation. True when the person said yes.
pub(super) fn confirm_changes(ctx: &Context, what: &str, question: &str) -> Result<bool> {
    if !super::can_prompt(ctx) {
        eprintln!(
            "dsr: refused: {what} and needs a confirmation; there is no terminal to ask in. Check the plans with --dry-run, then run again with --yes."
        );
        return Ok(false);
    }
    let answer = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .context("cannot read the confirmation")?;
    if !answer {
        eprintln!("dsr: refused: nothing was changed.");
    }
    Ok(answer)
}

/// Prints each subject's result as `--output` asks: JSON Lines and CSV as each subject is
/// finished, a table or one JSON array at the end.
struct Printer {
    format: OutputFormat,
    count_names: &'static [&'static str],
    csv: Option<csv::Writer<std::io::Stdout>>,
    kept: Vec<Value>,
    /// stdout was closed by its reader.
    closed: bool,
}

impl Printer {
    fn new(format: OutputFormat, count_names: &'static [&'static str]) -> Printer {
        Printer {
            format,
            count_names,
            csv: None,
            kept: Vec::new(),
            closed: false,
        }
    }

    fn value(
        &self,
        row: usize,
        reference: Option<&str>,
        case: Option<&str>,
        report: &SubjectReport,
    ) -> Value {
        // A dry run plans a new subject in a case that is never kept.
        let case = case.filter(|id| !id.ends_with(&format!("-{DRY_RUN}")));
        let counts: serde_json::Map<String, Value> = report
            .counts
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        json!({
            "row": row,
            "reference": reference,
            "case": case,
            "status": report.status.as_str(),
            "counts": counts,
            "plan_sha256": report.plan_sha256,
            "receipt": report.receipt,
            "output": report.output,
            "errors": report.errors.iter().map(|e| sanitize(e)).collect::<Vec<_>>(),
        })
    }

    fn report(
        &mut self,
        row: usize,
        reference: Option<&str>,
        case: Option<&str>,
        report: &SubjectReport,
    ) -> Result<()> {
        let value = self.value(row, reference, case, report);
        self.print(value)
    }

    /// A result recorded by an earlier run, marked as such.
    fn earlier(&mut self, row: usize, result: &Value) -> Result<()> {
        let mut value = result.clone();
        if let Some(object) = value.as_object_mut() {
            object.insert("row".to_owned(), json!(row));
            object.insert("earlier".to_owned(), json!(true));
        }
        self.print(value)
    }

    /// Prints one result; once stdout is closed (`| head -1`) the results are only kept:
    /// the reader went away, but the work asked for goes on, journaled.
    fn print(&mut self, value: Value) -> Result<()> {
        let printed = self.write(&value);
        self.kept.push(value);
        match printed {
            Err(e) if super::is_broken_pipe(&e) => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }

    fn write(&mut self, value: &Value) -> Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.format {
            OutputFormat::Jsonl => {
                super::list::emit(&mut std::io::stdout().lock(), value)?;
            }
            OutputFormat::Csv => {
                let names = self.count_names;
                let writer = match &mut self.csv {
                    Some(w) => w,
                    None => {
                        let mut w = csv::Writer::from_writer(std::io::stdout());
                        let mut header = vec!["row", "reference", "case", "status"];
                        header.extend(names);
                        header.extend(["plan_sha256", "receipt", "output", "errors"]);
                        w.write_record(&header)?;
                        self.csv.insert(w)
                    }
                };
                writer.write_record(csv_record(value, names))?;
                writer.flush()?;
            }
            OutputFormat::Table | OutputFormat::Json => {}
        }
        Ok(())
    }

    fn statuses(&self) -> Vec<Status> {
        self.kept
            .iter()
            .map(|v| Status::parse(v["status"].as_str().unwrap_or("error")))
            .collect()
    }

    /// Prints what is printed at the end: the table or the array, by row.
    fn finish(&mut self) -> Result<()> {
        self.kept.sort_by_key(|v| v["row"].as_u64().unwrap_or(0));
        if self.closed {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        match self.format {
            OutputFormat::Json => {
                writeln!(out, "{}", serde_json::to_string_pretty(&self.kept)?)?;
            }
            OutputFormat::Table => {
                let mut table = Table::new(&["row", "case", "status", "counts", "receipt"]);
                for v in &self.kept {
                    let counts: Vec<String> = self
                        .count_names
                        .iter()
                        .filter_map(|k| v["counts"].get(*k).map(|n| format!("{k} {n}")))
                        .collect();
                    table.row(
                        vec![
                            v["row"].to_string(),
                            v["case"].as_str().unwrap_or("-").to_owned(),
                            v["status"].as_str().unwrap_or("").to_owned(),
                            counts.join(", "),
                            v["receipt"].as_str().unwrap_or("-").to_owned(),
                        ],
                        None,
                        None,
                    );
                }
                table.write(&mut out, false)?;
            }
            OutputFormat::Jsonl | OutputFormat::Csv => {}
        }
        match out.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => Ok(other?),
        }
    }
}

fn csv_record(value: &Value, count_names: &[&str]) -> Vec<String> {
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => dsr::access::neutralise(s),
        other => other.to_string(),
    };
    let mut record = vec![
        text(&value["row"]),
        text(&value["reference"]),
        text(&value["case"]),
        text(&value["status"]),
    ];
    for name in count_names {
        record.push(text(&value["counts"][*name]));
    }
    record.push(text(&value["plan_sha256"]));
    record.push(text(&value["receipt"]));
    record.push(text(&value["output"]));
    let errors: Vec<String> = value["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    record.push(dsr::access::neutralise(&errors.join("; ")));
    record
}

/// One progress bar for the list on stderr, when it is a terminal and not --quiet.
struct Bar {
    bar: Option<ProgressBar>,
    touched: AtomicUsize,
    errors: AtomicUsize,
}

impl Bar {
    fn new(ctx: &Context, subjects: u64) -> Bar {
        let bar = ctx.interactive_stderr.then(|| {
            let bar = ProgressBar::with_draw_target(Some(subjects), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} {bar:30} {pos}/{len} subjects, {msg} ({eta} left)",
            ) {
                bar.set_style(style);
            }
            bar.set_message("0 assets touched, 0 errors");
            bar
        });
        Bar {
            bar,
            touched: AtomicUsize::new(0),
            errors: AtomicUsize::new(0),
        }
    }

    fn done(&self, report: &SubjectReport) {
        let touched = self
            .touched
            .fetch_add(report.touched as usize, Ordering::Relaxed)
            + report.touched as usize;
        let bad = !matches!(
            report.status,
            Status::Verified | Status::Done | Status::Withheld
        );
        let errors = self.errors.fetch_add(usize::from(bad), Ordering::Relaxed) + usize::from(bad);
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{touched} assets touched, {errors} errors"));
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
