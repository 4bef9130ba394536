//! `dsr sync`: index the tenant.

use anyhow::{Context as _, Result};
use dsr::config::TenantProfile;
use dsr::index::sync::{self, Progress, SyncReport};
use dsr::lock::TenantLock;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{AuditNote, Context, Outcome};
use crate::cli::{OutputFormat, SyncArgs};

pub fn run(ctx: &Context, args: SyncArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    let report = sync_tenant(ctx, &name, &profile, args.full, usize::from(args.jobs))?;
    match args.output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let mut out = std::io::stdout().lock();
            super::output::print_value(&mut out, args.output, &serde_json::to_value(&report)?)?;
        }
        // The summary is for people: stderr, so that stdout carries data only.
        OutputFormat::Table => ctx.note(&summary(&name, &report)),
    }
    // Assets left unread are not searched by anything that answers from the index.
    Ok(
        if report.errors.is_empty() && report.unreadable.is_empty() {
            Outcome::Done
        } else {
            Outcome::Partial
        },
    )
}

/// Syncs one tenant, drawing progress and warnings on stderr.
pub fn sync_tenant(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    full: bool,
    jobs: usize,
) -> Result<SyncReport> {
    let files = ctx.tenant_files(name);
    // Refused, with the holder's pid, while an erasure or rectification changes the tenant.
    let _lock = TenantLock::acquire(&files.dir.join("lock"))?;
    let platform = super::open_platform(ctx, name, profile)?;
    let settings = profile.settings()?;
    let bar = Bar::new(ctx.interactive_stderr);
    let started = std::time::Instant::now();
    log::info!(
        "syncing tenant '{name}' into {} ({}, {jobs} at once)",
        files.index().display(),
        if full { "full" } else { "incremental" }
    );
    let report = sync::sync(platform.as_ref(), &files, &settings, full, jobs, &bar)
        .with_context(|| format!("sync of tenant '{name}' failed"))?;
    log::info!("sync of tenant '{name}' done in {:?}", started.elapsed());
    // Sync copies the whole tenant's metadata, personal data included, so it is recorded,
    // but it serves no one request: a purpose is not demanded.
    let purpose = ctx
        .purpose(Some(profile))
        .unwrap_or_else(|| "keeping the local index up to date".to_owned());
    ctx.audit(AuditNote {
        command: "sync",
        tenant: name,
        profile,
        case: None,
        purpose: &purpose,
        subject: &[],
        receipt: None,
        counts: &[
            ("added", report.added),
            ("updated", report.updated),
            ("removed", report.removed),
            ("indexed", report.indexed),
            ("errors", report.errors.len() as u64),
        ],
    })?;
    if let Some(reason) = report.rebuilt_because {
        ctx.note(&format!("Rebuilt the whole index: {reason}."));
    }
    for error in &report.errors {
        eprintln!("dsr: warning: {}", super::sanitize(error));
    }
    // Each error above is an asset that could not be read; any others were unreadable
    // before and not read again by this sync.
    let earlier = report.unreadable.len().saturating_sub(report.errors.len());
    if earlier > 0 {
        ctx.note(&format!(
            "dsr: note: {earlier} asset(s) that could not be read before were not read again and are still not searched: `dsr sync --full` reads every asset"
        ));
    }
    if !report.without_sidecar.is_empty() {
        let shown: Vec<_> = report
            .without_sidecar
            .iter()
            .take(10)
            .map(|p| super::sanitize(p))
            .collect();
        let more = report.without_sidecar.len().saturating_sub(shown.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        ctx.note(&format!(
            "dsr: warning: {} file(s) have no sidecar and were not indexed: {}{more}",
            report.without_sidecar.len(),
            shown.join(", ")
        ));
    }
    Ok(report)
}

pub fn summary(name: &str, r: &SyncReport) -> String {
    if r.full {
        // Every asset was read and indexed again: "unchanged" would read as "skipped".
        return format!(
            "Synced tenant '{name}' (full): every asset read and indexed afresh, {} in all; since the last sync {} added, {} updated, {} removed; {} errors, {} without sidecar; in {:.2}s",
            r.indexed,
            r.added,
            r.updated,
            r.removed,
            r.errors.len(),
            r.without_sidecar.len(),
            r.elapsed.as_secs_f64()
        );
    }
    format!(
        "Synced tenant '{name}': {} added, {} updated, {} removed, {} unchanged, {} errors, {} without sidecar; {} assets indexed in {:.2}s",
        r.added,
        r.updated,
        r.removed,
        r.unchanged,
        r.errors.len(),
        r.without_sidecar.len(),
        r.indexed,
        r.elapsed.as_secs_f64()
    )
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
struct Bar(Option<ProgressBar>);

impl Bar {
    fn new(visible: bool) -> Bar {
        Bar(visible.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} indexing {bar:30} {pos}/{len} assets ({per_sec}, {eta} left)",
            ) {
                bar.set_style(style);
            }
            bar
        }))
    }
}

impl Progress for Bar {
    fn start(&self, total: Option<u64>) {
        if let Some(bar) = &self.0 {
            match total {
                Some(total) => bar.set_length(total),
                // How many assets changed is known only at the end: count them.
                None => {
                    bar.unset_length();
                    if let Ok(style) =
                        ProgressStyle::with_template("{spinner} indexing {pos} assets ({per_sec})")
                    {
                        bar.set_style(style);
                    }
                }
            }
        }
    }
    fn advance(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
