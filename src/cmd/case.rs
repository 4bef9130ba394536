//! `dsr case`: open, review, extend, list, show and close data-subject requests.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};

use anyhow::{Context as _, Result, bail};
use dsr::case::retention::Retention;
use dsr::case::{Case, CaseStore, NewCase, Purge, RECEIPTS_DIR, Right, deadline};
use dsr::config::{Scope, TenantProfile};
use dsr::index::locate::Locator;
use dsr::matching::identity::{Identity, IdentityKind};
use dsr::matching::matcher::Confidence;
use dsr::subjects::BadRow;

use super::identities;
use super::list::{self, Counted, ListPrinter};
use super::output::Table;
use super::unreadable::{self, Listed};
use super::{Context, Outcome, sanitize};
use crate::cli::{
    CaseArgs, CaseCommand, CaseExtendArgs, CaseIdArgs, CaseListArgs, CaseOpenArgs, CasePurgeArgs,
    CaseReviewArgs, CaseShowArgs, OutputFormat, RightArg,
};

pub fn run(ctx: &Context, args: CaseArgs) -> Result<Outcome> {
    match args.command {
        CaseCommand::Open(args) => open(ctx, args),
        CaseCommand::Review(args) => review(ctx, args),
        CaseCommand::Extend(args) => extend(ctx, args),
        CaseCommand::List(args) => list(ctx, args),
        CaseCommand::Show(args) => show(ctx, args),
        CaseCommand::Close(args) => close(ctx, args),
        CaseCommand::Purge(args) => purge(ctx, args),
    }
}

/// The selected tenant's name and its case store.
pub fn store(ctx: &Context) -> Result<(String, CaseStore)> {
    let config = ctx.load_config()?;
    let (name, _) = ctx.tenant(&config)?;
    let files = ctx.tenant_files(&name);
    let store = CaseStore::new(&name, &files.dir);
    Ok((name, store))
}

fn open(ctx: &Context, args: CaseOpenArgs) -> Result<Outcome> {
    if let Some(from) = args.from.clone() {
        anyhow::ensure!(
            !ctx.spans_tenants(),
            "case open --from opens cases in one tenant: pass --tenant NAME"
        );
        return open_list(ctx, &from, args);
    }
    let flagged = [
        (IdentityKind::Email, &args.email),
        (IdentityKind::Name, &args.name),
        (IdentityKind::Phone, &args.phone),
        (IdentityKind::Login, &args.login),
    ];
    let identities: Vec<Identity> = flagged
        .into_iter()
        .flat_map(|(kind, values)| values.iter().map(move |v| Identity::new(kind, v.trim())))
        .collect();
    if identities.is_empty() {
        bail!("say who the subject is: give --email, --name, --phone or --login (repeatable)");
    }
    let received = match &args.received {
        Some(text) => deadline::parse_date(text).with_context(|| {
            format!("--received {text:?} is not a date: give it as YYYY-MM-DD, e.g. 2026-11-28")
        })?,
        None => deadline::today(),
    };
    if received > deadline::today() {
        bail!("--received is in the future: give the date the request reached you");
    }
    let config = ctx.load_config()?;
    if ctx.spans_tenants() {
        let members = config.members(&ctx.scope())?;
        return open_across(ctx, &config, &members, args, identities, received);
    }
    let (name, profile) = ctx.tenant(&config)?;
    let settings = profile.settings()?;
    // Identities are checked before a case exists, so a typo leaves nothing behind.
    dsr::matching::identity::probes(&identities, settings.region)?;
    super::record::check_names(
        ctx,
        &profile,
        &identities,
        &[("--verified-by text", args.verified_by.as_deref())],
    )?;
    let files = ctx.tenant_files(&name);
    let store = CaseStore::new(&name, &files.dir);
    let same = same_subject(&store, &identities, settings.region)?;
    let mut case = store.open(
        NewCase {
            right: right(args.right),
            identities,
            received,
            reference: args.reference,
            verified_by: args.verified_by,
            batch: None,
        },
        &dsr::time::now(),
        &ctx.operator(Some(&profile)),
    )?;
    warn_on_open(&case, &same);
    match Locator::open(&files, settings) {
        Ok(locator) => {
            let hits = locator.find_with_proposals(&case.identities, Confidence::Low)?;
            case.set_matches(&hits);
            store.save(&case)?;
            super::record::audit(
                ctx,
                &name,
                &profile,
                &case,
                "case open",
                &[("assets", hits.len() as u64)],
            )?;
            ctx.note(&format!(
                "Opened case {} ({} {}), due {}. {}",
                case.id,
                case.right.as_str(),
                case.right.article(),
                case.due,
                super::locate::tally(&hits)
            ));
            ctx.note(&format!(
                "Next: dsr case review {} (high matches are in unless you take them out).",
                case.id
            ));
            note_unreadable(ctx, &locator, Some(&case.id));
        }
        Err(dsr::index::locate::LocateError::Index(dsr::index::IndexError::NotSynced)) => {
            ctx.note(&format!(
                "Opened case {}, due {}. The tenant is not indexed yet: run `dsr sync`, then `dsr case review {}`.",
                case.id, case.due, case.id
            ));
        }
        Err(e) => return Err(e).context("the case is open but the subject could not be located"),
    }
    let mut held = vec![(case, store)];
    if args.expand_identities {
        identities::settle(ctx, &config, &mut held, identities::Choice::All)?;
    }
    identities::note(ctx, &held);
    let (case, store) = &held[0];
    let mut out = std::io::stdout().lock();
    if args.output == OutputFormat::Table {
        writeln!(out, "{}", case.id)?;
    } else {
        let folder = store.case_dir(&case.id)?;
        let value = case_value(case, &folder, &[], &unreadable::ids(ctx, &name)?)?;
        super::output::print_value(&mut out, args.output, &value)?;
    }
    Ok(Outcome::Done)
}

/// Opens one request across the tenants of a group: the same case id in each tenant's
/// store, each case naming every tenant, each tenant's matches its own (reviewed per tenant,
/// `dsr case review ID --tenant NAME`). The deadline is the request's: every case has the
/// same received date and so the same due date. A tenant not indexed yet keeps an empty
/// case, and says so.
fn open_across(
    ctx: &Context,
    config: &dsr::config::Config,
    members: &[(String, TenantProfile)],
    args: CaseOpenArgs,
    identities: Vec<Identity>,
    received: time::Date,
) -> Result<Outcome> {
    // Identities and names are checked against every tenant before a case exists.
    for (_, profile) in members {
        dsr::matching::identity::probes(&identities, profile.settings()?.region)?;
        super::record::check_names(
            ctx,
            profile,
            &identities,
            &[("--verified-by text", args.verified_by.as_deref())],
        )?;
    }
    let stores: Vec<CaseStore> = members
        .iter()
        .map(|(name, _)| CaseStore::new(name, &ctx.tenant_files(name).dir))
        .collect();
    let new = NewCase {
        right: right(args.right),
        identities,
        received,
        reference: args.reference,
        verified_by: args.verified_by,
        batch: None,
    };
    let operator = ctx.operator(members.first().map(|(_, p)| p));
    let refs: Vec<&CaseStore> = stores.iter().collect();
    let mut cases = CaseStore::open_across(&refs, &new, &dsr::time::now(), &operator)?;
    let Some(first) = cases.first() else {
        bail!("the group names no tenant");
    };
    let id = first.id.clone();
    ctx.note(&format!(
        "Opened case {id} ({} {}) in {} tenant(s), due {}.",
        first.right.as_str(),
        first.right.article(),
        cases.len(),
        first.due
    ));
    for ((case, store), (name, profile)) in cases.iter_mut().zip(&stores).zip(members) {
        let files = ctx.tenant_files(name);
        match Locator::open(&files, profile.settings()?) {
            Ok(locator) => {
                let hits = locator.find_with_proposals(&case.identities, Confidence::Low)?;
                case.set_matches(&hits);
                store.save(case)?;
                super::record::audit(
                    ctx,
                    name,
                    profile,
                    case,
                    "case open",
                    &[("assets", hits.len() as u64)],
                )?;
                ctx.note(&format!("  {name}: {}", super::locate::tally(&hits)));
                note_unreadable(ctx, &locator, Some(&id));
            }
            Err(dsr::index::locate::LocateError::Index(dsr::index::IndexError::NotSynced)) => {
                ctx.note(&format!(
                    "  {name}: not indexed yet: run `dsr sync --tenant {name}`, then `dsr case review {id} --tenant {name}`."
                ));
            }
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "case {id} is open but the subject could not be located in tenant '{name}'"
                    )
                });
            }
        }
    }
    let mut held: Vec<(Case, CaseStore)> = cases.into_iter().zip(stores).collect();
    if args.expand_identities {
        identities::settle(ctx, config, &mut held, identities::Choice::All)?;
    }
    identities::note(ctx, &held);
    ctx.note(&format!(
        "Next: review each tenant's matches: dsr case review {id} --tenant NAME (high matches are in unless you take them out)."
    ));
    let mut values = Vec::new();
    if args.output != OutputFormat::Table {
        for (case, store) in &held {
            let folder = store.case_dir(&case.id)?;
            values.push(case_value(
                case,
                &folder,
                &[],
                &unreadable::ids(ctx, &case.tenant)?,
            )?);
        }
    }
    let mut out = std::io::stdout().lock();
    match args.output {
        OutputFormat::Table => writeln!(out, "{id}")?,
        // One document: the request's id and each tenant's case.
        format => super::output::print_value(
            &mut out,
            format,
            &serde_json::json!({ "id": id, "cases": values }),
        )?,
    }
    Ok(Outcome::Done)
}

/// The open cases that share an identity with `identities` (compared as locate compares
/// them: e-mail case-folded, phone in E.164, name folded in any order).
fn same_subject(
    store: &CaseStore,
    identities: &[Identity],
    region: Option<dsr::matching::country::Id>,
) -> Result<Vec<Case>> {
    let keys = |ids: &[Identity]| -> BTreeSet<String> {
        dsr::matching::identity::probes(ids, region)
            .unwrap_or_default()
            .iter()
            .map(dsr::matching::identity::Probe::key)
            .collect()
    };
    let ours = keys(identities);
    Ok(store
        .list()?
        .into_iter()
        .filter(|c| c.is_open() && !keys(&c.identities).is_disjoint(&ours))
        .collect())
}

/// Warnings a newly opened case deserves: its deadline has passed already, or the same
/// subject has an open case (a second letter about one request, or a typo in a case id).
/// Printed even with --quiet: both need a person's attention.
fn warn_on_open(case: &Case, same: &[Case]) {
    if case.is_overdue(deadline::today()) {
        eprintln!(
            "dsr: warning: case {} is overdue already: received {}, it was due {} (Art. 12(3)); answer it first, or extend it with `dsr case extend {} --reason TEXT` if the law allows",
            case.id, case.received, case.due, case.id
        );
    }
    if !same.is_empty() {
        let ids: Vec<String> = same
            .iter()
            .map(|c| format!("{} ({})", c.id, c.right.as_str()))
            .collect();
        eprintln!(
            "dsr: warning: an open case has the same subject: {}; close the one not needed with `dsr case close CASE`",
            ids.join(", ")
        );
    }
}

/// Opens one case per subject of a list; prints each case as soon as it is open.
fn open_list(ctx: &Context, from: &std::path::Path, args: CaseOpenArgs) -> Result<Outcome> {
    let rows = list::read(from)?;
    let default_received = match &args.received {
        Some(text) => Some(deadline::parse_date(text).with_context(|| {
            format!("--received {text:?} is not a date: give it as YYYY-MM-DD, e.g. 2026-11-28")
        })?),
        None => None,
    };
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    let settings = profile.settings()?;
    let files = ctx.tenant_files(&name);
    let locator = Locator::open(&files, settings.clone())
        .context("cases of a list are located as they are opened: run `dsr sync` first")?;
    let store = CaseStore::new(&name, &files.dir);
    let mut printer = ListPrinter::new(args.output);
    let mut opened = 0usize;
    let bad_row = |e: &BadRow| {
        serde_json::json!({
            "row": e.row, "reference": e.reference, "status": "error", "error": e.reason,
        })
    };
    let tally = list::run(rows, &mut printer, bad_row, |printer, subject| {
        let result = (|| -> Result<Case> {
            dsr::matching::identity::probes(&subject.identities, settings.region)?;
            super::record::check_names(
                ctx,
                &profile,
                &subject.identities,
                &[("--verified-by text", args.verified_by.as_deref())],
            )?;
            let mut case = store.open(
                NewCase {
                    right: right(args.right),
                    identities: subject.identities.clone(),
                    received: subject
                        .received
                        .or(default_received)
                        .unwrap_or_else(deadline::today),
                    reference: subject.reference.clone().or(args.reference.clone()),
                    verified_by: args.verified_by.clone(),
                    batch: None,
                },
                &dsr::time::now(),
                &ctx.operator(Some(&profile)),
            )?;
            let hits = locator.find_with_proposals(&case.identities, Confidence::Low)?;
            case.set_matches(&hits);
            store.save(&case)?;
            super::record::audit(
                ctx,
                &name,
                &profile,
                &case,
                "case open --from",
                &[("row", subject.row as u64), ("assets", hits.len() as u64)],
            )?;
            Ok(case)
        })();
        let value = match &result {
            Ok(case) => {
                opened += 1;
                serde_json::json!({
                    "row": subject.row,
                    "reference": subject.reference,
                    "case": case.id,
                    "status": "opened",
                    "due": case.due,
                    "matches": case.matches.len(),
                    "reviewed": case.reviewed().len(),
                })
            }
            Err(e) => {
                eprintln!("dsr: row {}: {}", subject.row, sanitize(&format!("{e:#}")));
                serde_json::json!({
                    "row": subject.row, "reference": subject.reference,
                    "status": "error", "error": format!("{e:#}"),
                })
            }
        };
        if let (OutputFormat::Table, Ok(case)) = (printer.format(), &result) {
            let out = printer.out();
            writeln!(out, "{}", case.id)?;
            out.flush()?;
        }
        printer.result(value)?;
        Ok(if result.is_ok() {
            Counted::Used
        } else {
            Counted::Unusable
        })
    })?;
    printer.finish(None)?;
    ctx.note(&format!(
        "Opened {opened} case(s); {} row(s) could not be used.",
        tally.bad
    ));
    note_unreadable(ctx, &locator, None);
    Ok(if tally.bad > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

/// Opens an erasure case for values of an erased subject that came back (a restored
/// backup), with the old case as its reference, and locates them.
pub fn open_for_replay(
    ctx: &Context,
    store: &CaseStore,
    name: &str,
    profile: &dsr::config::TenantProfile,
    old_case: &str,
    identities: Vec<Identity>,
) -> Result<Case> {
    let mut case = store.open(
        NewCase {
            right: Right::Erasure,
            identities,
            received: deadline::today(),
            reference: Some(format!("replay of erasure case {old_case}")),
            verified_by: Some(format!("identity verified in case {old_case}")),
            batch: None,
        },
        &dsr::time::now(),
        &ctx.operator(Some(profile)),
    )?;
    let locator = Locator::open(&ctx.tenant_files(name), profile.settings()?)?;
    let hits = locator.find_with_proposals(&case.identities, Confidence::Low)?;
    case.set_matches(&hits);
    store.save(&case)?;
    Ok(case)
}

fn right(arg: RightArg) -> Right {
    match arg {
        RightArg::Access => Right::Access,
        RightArg::Portability => Right::Portability,
        RightArg::Rectification => Right::Rectification,
        RightArg::Erasure => Right::Erasure,
        RightArg::Restriction => Right::Restriction,
    }
}

fn review(ctx: &Context, args: CaseReviewArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    let files = ctx.tenant_files(&name);
    let store = CaseStore::new(&name, &files.dir);
    let mut case = store.load(&args.case)?;
    if !case.is_open() {
        bail!("case {} is closed: it can no longer be reviewed", case.id);
    }
    let flags_given = !args.include.is_empty() || !args.exclude.is_empty();
    let identity_flags = !args.accept_identity.is_empty()
        || !args.decline_identity.is_empty()
        || args.expand_identities;
    if identity_flags && !flags_given {
        // Only identities to settle: the matches' review is not touched.
        let mut held = identities::held(ctx, &name, case, store)?;
        settle_identities(ctx, &config, &mut held, &args)?;
        return Ok(Outcome::Done);
    }
    let terminal = ctx.interactive_stderr && std::io::stdin().is_terminal();
    if !flags_given && !terminal {
        // Without a person at a checklist nothing was reviewed: taking the high matches as
        // reviewed would record a decision nobody made.
        bail!(
            "case review needs a terminal for its checklist, or the decisions as flags: pass --include ASSET or --exclude ASSET (repeatable); `dsr case show {}` lists the matches",
            case.id
        );
    }
    let locator = Locator::open(&files, profile.settings()?)?;
    let hits = locator.find_with_proposals(&case.identities, Confidence::Low)?;
    case.set_matches(&hits);
    super::record::audit(
        ctx,
        &name,
        &profile,
        &case,
        "case review",
        &[("assets", hits.len() as u64)],
    )?;

    let known: BTreeSet<String> = case.matches.iter().map(|m| m.asset.clone()).collect();
    for asset in &args.exclude {
        if !known.contains(asset) {
            bail!(
                "asset {} is not among the matches of case {}: `dsr case show {}` lists them",
                sanitize(asset),
                case.id,
                case.id
            );
        }
    }
    let now = dsr::time::now();
    let operator = ctx.operator(Some(&profile));
    let by_hand = by_hand(ctx, &name, &profile, &case, &known, &args)?;
    if !flags_given && !case.matches.is_empty() {
        checklist(&mut case, &hits)?;
    } else {
        for asset in &args.include {
            case.review.excluded.remove(asset);
            case.review.included.insert(asset.clone());
        }
        for (asset, reason) in by_hand {
            let inclusion = dsr::case::Inclusion {
                archive: asset.archive.clone(),
                filename: asset.filename.clone(),
                reason: reason.clone(),
                by: operator.clone(),
                at: now.clone(),
            };
            case.include_by_hand(&asset, inclusion);
        }
        for asset in &args.exclude {
            case.exclude(asset);
        }
    }
    case.review.reviewed_at = Some(now.clone());
    let reviewed = case.reviewed().len();
    case.record(
        &now,
        &operator,
        format!(
            "reviewed: {reviewed} of {} match(es) in{}",
            case.matches.len(),
            match case.review.manual.len() {
                0 => String::new(),
                n => format!(", {n} of them included by hand"),
            }
        ),
    );
    store.save(&case)?;
    ctx.note(&format!(
        "Case {}: {reviewed} of {} match(es) are in the reviewed set.",
        case.id,
        case.matches.len()
    ));
    note_unreadable(ctx, &locator, Some(&case.id));
    let mut held = identities::held(ctx, &name, case, store)?;
    if identity_flags {
        settle_identities(ctx, &config, &mut held, &args)?;
    } else {
        identities::note(ctx, &held);
    }
    Ok(Outcome::Done)
}

/// Accepts or declines the identities found along the way that `args` names, in every
/// tenant of the case, then lists what is still proposed.
fn settle_identities(
    ctx: &Context,
    config: &dsr::config::Config,
    held: &mut [(Case, CaseStore)],
    args: &CaseReviewArgs,
) -> Result<()> {
    let choice = if args.expand_identities {
        identities::Choice::All
    } else {
        identities::Choice::Named {
            accept: args.accept_identity.clone(),
            decline: args.decline_identity.clone(),
        }
    };
    let accepted = identities::settle(ctx, config, held, choice)?;
    if accepted == 0 && args.expand_identities {
        ctx.note("No identity was found along the way: nothing to accept.");
    }
    identities::note(ctx, held);
    Ok(())
}

/// The assets of `--include` the search did not find, read from the platform, each with
/// the `--reason` a person gave for putting it in. Refused without a reason, with a reason
/// that names the subject (it goes into packages and receipts), or for an asset the
/// platform does not have.
fn by_hand(
    ctx: &Context,
    name: &str,
    profile: &dsr::config::TenantProfile,
    case: &Case,
    known: &BTreeSet<String>,
    args: &CaseReviewArgs,
) -> Result<Vec<(dsr::asset::Asset, String)>> {
    let new: Vec<&String> = args
        .include
        .iter()
        .filter(|a| !known.contains(*a))
        .collect();
    let Some(first) = new.first() else {
        return Ok(Vec::new());
    };
    let reason = match args.reason.as_deref().map(str::trim) {
        Some(reason) if !reason.is_empty() => reason.to_owned(),
        _ => bail!(
            "asset {} is not among the matches of case {}: to put in an asset the search did not find, give --reason TEXT saying why it is the subject's (`dsr case show {}` lists the matches)",
            sanitize(first),
            case.id,
            case.id
        ),
    };
    super::record::check_names(
        ctx,
        profile,
        &case.identities,
        &[("--reason", Some(&reason))],
    )?;
    let platform = super::open_platform(ctx, name, profile)?;
    let mut assets = Vec::new();
    for id in new {
        match platform.get(id) {
            Ok(asset) => assets.push((asset, reason.clone())),
            Err(e) if e.is_not_found() => bail!(
                "asset {} does not exist on tenant '{name}': check the id (`dsr locate` and the platform show assets' ids)",
                sanitize(id)
            ),
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read asset {}", sanitize(id)));
            }
        }
    }
    Ok(assets)
}

/// The matches of a case leave out what the last sync could not read: say so. The case is
/// still opened or reviewed (exit 0); the commands that answer the request end partial.
fn note_unreadable(ctx: &Context, locator: &Locator, case: Option<&str>) {
    let ids: Vec<String> = locator.unreadable().iter().cloned().collect();
    unreadable::note(ctx, &ids, Listed::ByCase(case));
}

/// The interactive checklist: every match, the reviewed set ticked.
fn checklist(case: &mut Case, hits: &[dsr::index::locate::Hit]) -> Result<()> {
    let reviewed: BTreeSet<String> = case.reviewed().iter().map(|m| m.asset.clone()).collect();
    let items: Vec<String> = case
        .matches
        .iter()
        .map(|m| checklist_item(m, hits.iter().find(|h| h.asset == m.asset)))
        .collect();
    let ticked: Vec<bool> = case
        .matches
        .iter()
        .map(|m| reviewed.contains(&m.asset))
        .collect();
    let chosen = dialoguer::MultiSelect::new()
        .with_prompt(format!(
            "Case {}: tick the assets that hold this subject (space toggles, enter confirms)",
            case.id
        ))
        .items(&items)
        .defaults(&ticked)
        .interact_on(&dialoguer::console::Term::stderr())
        .context("cannot read the review")?;
    let chosen: BTreeSet<usize> = chosen.into_iter().collect();
    // Assets put in by hand stay in unless unticked, and then leave the case.
    let unticked: Vec<String> = case
        .matches
        .iter()
        .enumerate()
        .filter(|(i, m)| !chosen.contains(i) && case.inclusion(&m.asset).is_some())
        .map(|(_, m)| m.asset.clone())
        .collect();
    case.review.included = case.review.manual.keys().cloned().collect();
    case.review.excluded.clear();
    for (i, m) in case.matches.iter().enumerate() {
        let high = m.confidence == Confidence::High;
        if case.review.manual.contains_key(&m.asset) {
            continue;
        }
        match (chosen.contains(&i), high) {
            (true, false) => {
                case.review.included.insert(m.asset.clone());
            }
            (false, true) => {
                case.review.excluded.insert(m.asset.clone());
            }
            _ => {}
        }
    }
    for asset in unticked {
        case.exclude(&asset);
    }
    Ok(())
}

/// One line of the checklist: the asset, and each field with the value that matched, so
/// that the person deciding sees "Byline: J. Doe", not only "Byline".
fn checklist_item(m: &dsr::case::CaseMatch, hit: Option<&dsr::index::locate::Hit>) -> String {
    /// Enough of a caption to recognise it on one line of a terminal.
    const SHOWN: usize = 60;
    let fields: Vec<String> = match hit {
        Some(hit) => hit
            .matches
            .iter()
            .map(|f| {
                let value: String = f.value.chars().take(SHOWN).collect();
                let more = if f.value.chars().count() > SHOWN {
                    "…"
                } else {
                    ""
                };
                format!("{}: {value}{more}", f.label)
            })
            .collect(),
        None => m.fields.iter().map(|f| f.label.clone()).collect(),
    };
    format!(
        "[{}] {} — {}",
        m.confidence,
        sanitize(&m.asset),
        sanitize(&fields.join("; "))
    )
}

fn extend(ctx: &Context, args: CaseExtendArgs) -> Result<Outcome> {
    if args.reason.trim().is_empty() {
        bail!("--reason is empty: say why the request needs more time");
    }
    let (name, store) = store(ctx)?;
    let case = store.load(&args.case)?;
    // A request across systems has one deadline: its case is extended in every tenant
    // that holds it, or in none (each is checked before any is written).
    let mut held = identities::held(ctx, &name, case, store)?;
    let now = dsr::time::now();
    for (case, _) in &mut held {
        let tenant = case.tenant.clone();
        case.extend(&now, args.reason.trim())
            .with_context(|| format!("tenant '{tenant}'"))?;
        case.record(
            &now,
            &ctx.operator(None),
            format!("extended to {}", case.due),
        );
    }
    for (case, store) in &held {
        store.save(case)?;
    }
    let case = &held[0].0;
    let across = match held.len() {
        1 => String::new(),
        n => format!(" in {n} tenants"),
    };
    ctx.note(&format!(
        "Case {} is now due {}{across}. Tell the subject, with the reason, within the first month.",
        case.id, case.due
    ));
    Ok(Outcome::Done)
}

fn close(ctx: &Context, args: CaseIdArgs) -> Result<Outcome> {
    let (_, store) = store(ctx)?;
    let mut case = store.load(&args.case)?;
    if !case.is_open() {
        bail!("case {} is already closed", case.id);
    }
    let now = dsr::time::now();
    case.closed_at = Some(now.clone());
    case.record(&now, &ctx.operator(None), "closed");
    store.save(&case)?;
    ctx.note(&format!("Closed case {}.", case.id));
    Ok(Outcome::Done)
}

/// Deletes the personal data of closed cases past the tenant's records retention, after
/// checking every case named (one refused, none purged) and a confirmation.
fn purge(ctx: &Context, args: CasePurgeArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    let Some(text) = profile.records_retention.as_deref() else {
        bail!(
            "tenant '{name}' names no records retention, so no case of it is purged: set how long the records of a closed case are kept with `dsr tenant edit {name} --records-retention 5y` (your period)"
        );
    };
    let retention = Retention::parse(text)
        .with_context(|| format!("the records retention of tenant '{name}' cannot be read"))?;
    let store = CaseStore::new(&name, &ctx.tenant_files(&name).dir);
    let today = deadline::today();
    let mut ids: Vec<&String> = Vec::new();
    for id in &args.cases {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let (mut cases, mut refused) = (Vec::new(), Vec::new());
    for id in ids {
        match store.load_record(id) {
            Err(e) => refused.push(e.to_string()),
            Ok(case) => match purgeable(&case, retention, today) {
                Ok(()) => cases.push(case),
                Err(why) => refused.push(why),
            },
        }
    }
    if !refused.is_empty() {
        bail!("{}; nothing was purged", refused.join("; "));
    }
    let files: Vec<usize> = cases
        .iter()
        .map(|case| store.purgeable_files(&case.id).map(|f| f.len()))
        .collect::<Result<_, _>>()?;
    if !args.yes {
        if !super::can_prompt(ctx) {
            eprintln!(
                "dsr: refused: purging deletes the personal data of {} case(s) and needs a confirmation; there is no terminal to ask in. Run again with --yes; nothing was purged.",
                cases.len()
            );
            return Ok(Outcome::Refused);
        }
        for (case, files) in cases.iter().zip(&files) {
            eprintln!(
                "case {} ({}, closed {}): its identities and matches, and {files} file(s) of plans, journals, reports and packages",
                case.id,
                case.right.as_str(),
                case.closed_at.as_deref().unwrap_or("-"),
            );
        }
        let answer = dialoguer::Confirm::new()
            .with_prompt(format!(
                "Delete the personal data of these {} case(s)? Their records and receipts are kept",
                cases.len()
            ))
            .default(false)
            .interact_on(&dialoguer::console::Term::stderr())
            .context("cannot read the confirmation")?;
        if !answer {
            eprintln!("dsr: refused: nothing was purged.");
            return Ok(Outcome::Refused);
        }
    }
    let operator = ctx.operator(Some(&profile));
    for (case, files) in cases.iter().zip(files) {
        // Written first: a purge that leaves no trace must not happen.
        super::record::audit(
            ctx,
            &name,
            &profile,
            case,
            "case purge",
            &[("files", files as u64)],
        )?;
        let purge = Purge {
            at: dsr::time::now(),
            operator: operator.clone(),
            retention: retention.to_string(),
        };
        let deleted = store.purge(case, purge).with_context(|| {
            format!(
                "case {} could not be purged completely: run the purge again",
                case.id
            )
        })?;
        let folder = store.case_dir(&case.id)?;
        ctx.note(&format!(
            "Purged case {}: deleted its identities, matches and {deleted} file(s) (plans, journals, reports, packages); kept its record and its signed receipts ({}) in {}.",
            case.id,
            receipts_of(&folder).len(),
            folder.display()
        ));
    }
    ctx.note(&format!(
        "Tenant '{name}': kept its receipt ledger, salt and tombstones; `dsr receipt verify --ledger` still checks every receipt."
    ));
    Ok(Outcome::Done)
}

/// Why a case may not be purged yet, if it may not.
fn purgeable(case: &Case, retention: Retention, today: time::Date) -> Result<(), String> {
    if let Some(purge) = &case.purged {
        return Err(format!(
            "case {} is already purged (on {})",
            case.id, purge.at
        ));
    }
    match case.kept_until(retention) {
        None if case.is_open() => Err(format!(
            "case {} is open: close it first (`dsr case close {}`)",
            case.id, case.id
        )),
        None => Err(format!(
            "case {} has no readable closing date: it cannot be purged",
            case.id
        )),
        Some(until) if today < until => Err(format!(
            "case {} was closed on {} and is kept until {} (records retention {retention})",
            case.id,
            case.closed_at
                .as_deref()
                .and_then(|c| c.get(..10))
                .unwrap_or("?"),
            deadline::format_date(until)
        )),
        Some(_) => Ok(()),
    }
}

/// The keys of each case `case list` prints for scripts, in order.
const LIST_COLUMNS: &[&str] = &[
    "id",
    "right",
    "article",
    "received",
    "due",
    "extended",
    "status",
    "matches",
    "reviewed",
    "reference",
];

fn list(ctx: &Context, args: CaseListArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    // Every tenant's cases when asked for (--group, --all-tenants), and when no tenant is
    // chosen among several: a DPO's list of what is due spans every system.
    if ctx.spans_tenants() || (ctx.tenant.is_none() && config.tenants.len() > 1) {
        let scope = match ctx.scope() {
            Scope::Tenant(_) => Scope::All,
            scope => scope,
        };
        return list_across(ctx, &config.members(&scope)?, &args);
    }
    let (_, store) = store(ctx)?;
    let today = deadline::today();
    let cases: Vec<Case> = store
        .list()?
        .into_iter()
        .filter(|c| !args.open || c.is_open())
        .filter(|c| !args.overdue || c.is_overdue(today))
        .collect();
    let mut out = std::io::stdout().lock();
    match args.output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let rows: Vec<serde_json::Value> = cases.iter().map(|c| list_row(c, today)).collect();
            super::output::print_list(&mut out, args.output, LIST_COLUMNS, rows)?;
        }
        OutputFormat::Table => {
            let mut table = Table::new(&["case", "right", "received", "due", "status", "reviewed"]);
            for c in &cases {
                let status = status(c, today);
                let color = (status == "overdue").then_some("31");
                table.row(
                    vec![
                        c.id.clone(),
                        c.right.as_str().to_owned(),
                        c.received.clone(),
                        c.due.clone(),
                        status.to_owned(),
                        format!("{}/{}", c.reviewed().len(), c.matches.len()),
                    ],
                    color,
                    None,
                );
            }
            table.write(&mut out, ctx.color)?;
            if cases.is_empty() {
                ctx.note("No cases.");
            }
        }
    }
    Ok(Outcome::Done)
}

/// The cases of every tenant of `members`, one row per tenant's case, each naming its
/// tenant: overdue first, then by due date.
fn list_across(
    ctx: &Context,
    members: &[(String, TenantProfile)],
    args: &CaseListArgs,
) -> Result<Outcome> {
    let today = deadline::today();
    let mut cases: Vec<Case> = Vec::new();
    for (name, _) in members {
        let store = CaseStore::new(name, &ctx.tenant_files(name).dir);
        let listed = store
            .list()
            .with_context(|| format!("cannot list the cases of tenant '{name}'"))?;
        cases.extend(
            listed
                .into_iter()
                .filter(|c| !args.open || c.is_open())
                .filter(|c| !args.overdue || c.is_overdue(today)),
        );
    }
    cases.sort_by(|a, b| {
        (!a.is_overdue(today), &a.due, &a.id, &a.tenant).cmp(&(
            !b.is_overdue(today),
            &b.due,
            &b.id,
            &b.tenant,
        ))
    });
    let mut out = std::io::stdout().lock();
    match args.output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let rows: Vec<serde_json::Value> = cases
                .iter()
                .map(|c| {
                    let mut row = list_row(c, today);
                    if let Some(object) = row.as_object_mut() {
                        object.insert("tenant".to_owned(), c.tenant.clone().into());
                    }
                    row
                })
                .collect();
            let columns: Vec<&str> = ["tenant"]
                .into_iter()
                .chain(LIST_COLUMNS.iter().copied())
                .collect();
            super::output::print_list(&mut out, args.output, &columns, rows)?;
        }
        OutputFormat::Table => {
            let mut table = Table::new(&[
                "tenant", "case", "right", "received", "due", "status", "reviewed",
            ]);
            for c in &cases {
                let status = status(c, today);
                let color = (status == "overdue").then_some("31");
                table.row(
                    vec![
                        c.tenant.clone(),
                        c.id.clone(),
                        c.right.as_str().to_owned(),
                        c.received.clone(),
                        c.due.clone(),
                        status.to_owned(),
                        format!("{}/{}", c.reviewed().len(), c.matches.len()),
                    ],
                    color,
                    None,
                );
            }
            table.write(&mut out, ctx.color)?;
            if cases.is_empty() {
                ctx.note("No cases.");
            }
        }
    }
    Ok(Outcome::Done)
}

/// One case as `case list` prints it for scripts.
fn list_row(c: &Case, today: time::Date) -> serde_json::Value {
    serde_json::json!({
        "id": c.id,
        "right": c.right.as_str(),
        "article": c.right.article(),
        "received": c.received,
        "due": c.due,
        "extended": c.extension.is_some(),
        "status": status(c, today),
        "matches": c.matches.len(),
        "reviewed": c.reviewed().len(),
        "reference": c.reference,
    })
}

/// The receipts filed in a case's folder, oldest first.
/// Every receipt of a case, oldest first (their folders are numbered).
pub(super) fn receipts_of(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(folder.join(RECEIPTS_DIR))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("receipt.json"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found
}

fn status(case: &Case, today: time::Date) -> &'static str {
    if case.purged.is_some() {
        "purged"
    } else if !case.is_open() {
        "closed"
    } else if case.is_overdue(today) {
        "overdue"
    } else {
        "open"
    }
}

/// A case for scripts, as `case open` and `case show` print it: the case as stored, plus
/// where its files are, for scripts that archive them, and what its matches could not
/// include.
fn case_value(
    case: &Case,
    folder: &std::path::Path,
    receipts: &[std::path::PathBuf],
    not_searched: &[String],
) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(case)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("folder".to_owned(), serde_json::json!(folder));
        object.insert("receipts".to_owned(), serde_json::json!(receipts));
        object.insert("unreadable".to_owned(), serde_json::json!(not_searched));
        object.insert(
            "proposed".to_owned(),
            serde_json::to_value(case.proposals())?,
        );
    }
    Ok(value)
}

fn show(ctx: &Context, args: CaseShowArgs) -> Result<Outcome> {
    let (name, store) = store(ctx)?;
    let case = store.load_record(&args.case)?;
    let mut out = std::io::stdout().lock();
    let folder = store.case_dir(&case.id)?;
    let receipts = receipts_of(&folder);
    let not_searched = unreadable::ids(ctx, &name)?;
    unreadable::note(ctx, &not_searched, Listed::ByCase(Some(&case.id)));
    if args.output != OutputFormat::Table {
        let value = case_value(&case, &folder, &receipts, &not_searched)?;
        super::output::print_value(&mut out, args.output, &value)?;
        return Ok(Outcome::Done);
    }
    let today = deadline::today();
    writeln!(out, "case:        {}", case.id)?;
    writeln!(
        out,
        "right:       {} ({})",
        case.right.as_str(),
        case.right.article()
    )?;
    writeln!(out, "status:      {}", status(&case, today))?;
    writeln!(out, "received:    {}", case.received)?;
    match &case.extension {
        Some(ext) => writeln!(
            out,
            "due:         {} (extended: {})",
            case.due,
            sanitize(&ext.reason)
        )?,
        None => writeln!(out, "due:         {}", case.due)?,
    }
    if let Some(reference) = &case.reference {
        writeln!(out, "reference:   {}", sanitize(reference))?;
    }
    if let Some(verified) = &case.verified_by {
        writeln!(out, "verified by: {}", sanitize(verified))?;
    }
    for identity in &case.identities {
        writeln!(
            out,
            "identity:    {} {}",
            identity.kind.as_str(),
            sanitize(&identity.value)
        )?;
    }
    if let Some(purge) = &case.purged {
        writeln!(
            out,
            "purged:      {} by {} (records retention {}): identities, matches and files deleted",
            purge.at,
            sanitize(&purge.operator),
            sanitize(&purge.retention)
        )?;
    }
    let reviewed: BTreeSet<&str> = case.reviewed().iter().map(|m| m.asset.as_str()).collect();
    writeln!(out, "\nmatches ({} in the reviewed set):", reviewed.len())?;
    let mut table = Table::new(&["in", "confidence", "asset", "fields"]);
    for m in &case.matches {
        let mut fields: Vec<String> = m.fields.iter().map(|f| f.label.clone()).collect();
        if let Some(inclusion) = case.inclusion(&m.asset) {
            fields.push(format!(
                "included by review ({}, {}): {}",
                inclusion.by, inclusion.at, inclusion.reason
            ));
        }
        table.row(
            vec![
                if reviewed.contains(m.asset.as_str()) {
                    "yes".to_owned()
                } else {
                    "no".to_owned()
                },
                m.confidence.to_string(),
                sanitize(&m.asset),
                sanitize(&fields.join(", ")),
            ],
            None,
            None,
        );
    }
    table.write(&mut out, ctx.color)?;
    let proposed = case.proposals();
    if !proposed.is_empty() {
        writeln!(
            out,
            "\nalso found (not searched until accepted with `dsr case review {} --accept-identity KIND:VALUE`):",
            case.id
        )?;
        for p in &proposed {
            writeln!(
                out,
                "  {}  in {}",
                sanitize(&p.found.identity.to_string()),
                sanitize(&p.assets.join(", "))
            )?;
        }
    }
    if !receipts.is_empty() {
        writeln!(out, "\nreceipts:")?;
        for receipt in &receipts {
            writeln!(out, "  {}", receipt.display())?;
        }
    }
    writeln!(out, "\nhistory:")?;
    for event in &case.history {
        writeln!(
            out,
            "  {}  {}  {}",
            event.at,
            sanitize(&event.operator),
            sanitize(&event.what)
        )?;
    }
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dsr::index::locate::{Hit, HitMatch};

    #[test]
    fn a_checklist_item_shows_the_values_that_matched() {
        let hit = Hit {
            asset: "Press/award.png".to_owned(),
            archive: "Press".to_owned(),
            filename: "award.png".to_owned(),
            confidence: Confidence::Low,
            matches: vec![HitMatch {
                field: "80".to_owned(),
                label: "Byline".to_owned(),
                identity: "name:Jane Doe".to_owned(),
                rule: dsr::matching::matcher::Rule::Name,
                confidence: Confidence::Low,
                value: "J. Doe".to_owned(),
            }],
            related: Vec::new(),
        };
        let item = checklist_item(&dsr::case::CaseMatch::from(&hit), Some(&hit));
        assert!(item.contains("Byline: J. Doe"), "{item}");
        assert!(item.contains("Press/award.png"), "{item}");
    }
}
