//! `dsr portability`: the Art. 20 portable ZIP of a case.

use std::io::IsTerminal;

use anyhow::{Context as _, Result, bail};
use dsr::case::{CaseStore, Right};
use dsr::disclose::subject_view;
use dsr::portability::{Item, provided_by_subject};

use super::access::{Reviewed, print_path, report_missing, require_right};
use super::{Context, Outcome};
use crate::cli::PortabilityArgs;

pub fn run(ctx: &Context, args: PortabilityArgs) -> Result<Outcome> {
    let started = std::time::SystemTime::now();
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    let files = ctx.tenant_files(&name);
    let store = CaseStore::new(&name, &files.dir);
    let mut case = store.load(&args.case)?;
    require_right(&case, &[Right::Portability])?;
    let case_dir = store.case_dir(&case.id)?;
    let out = match args.out {
        Some(out) if dsr::package::is_zip(&out) => out,
        Some(out) => bail!(
            "--out {} must name a .zip file: the portable archive is a ZIP",
            out.display()
        ),
        None => case_dir.join(format!("portable-{}.zip", case.id)),
    };
    let password = if args.encrypt {
        Some(passphrase(ctx)?)
    } else {
        None
    };
    let platform = super::open_platform(ctx, &name, &profile)?;
    let reviewed = Reviewed::read(ctx, &name, &profile, &case, platform.as_ref())?;
    let items: Vec<Item> = reviewed
        .assets
        .iter()
        .map(|(asset, min)| Item {
            view: subject_view(
                asset,
                &reviewed.matcher,
                &reviewed.roles,
                &reviewed.labels,
                *min,
            ),
            original: args.all_originals
                || provided_by_subject(asset, &reviewed.matcher, &reviewed.roles),
            asset: asset.clone(),
        })
        .collect();
    // A default target is the case's own: a new run replaces it.
    if out.starts_with(&case_dir) && out.exists() {
        std::fs::remove_file(&out).with_context(|| format!("cannot replace {}", out.display()))?;
    }
    let now = dsr::time::now();
    let written =
        dsr::portability::write(&case, &items, platform.as_ref(), &out, &case_dir, password)
            .with_context(|| format!("cannot write the portable archive {}", out.display()))?;
    case.record(
        &now,
        &ctx.operator(Some(&profile)),
        format!(
            "portable archive written: {} asset(s), {} original(s), SHA-256 {}",
            items.len(),
            written.originals,
            written.sha256
        ),
    );
    store.save(&case)?;
    super::record::audit(
        ctx,
        &name,
        &profile,
        &case,
        "portability",
        &[
            ("assets", items.len() as u64),
            ("originals", written.originals as u64),
            ("missing", reviewed.missing.len() as u64),
        ],
    )?;
    let ids: Vec<String> = items.iter().map(|i| i.asset.id.clone()).collect();
    super::record::receipt(
        ctx,
        &name,
        &profile,
        &store,
        &case,
        super::record::Operation {
            name: "portability",
            started,
            assets: super::access::exported(&ids, &reviewed.missing, "in the portable archive"),
            plan_sha256: None,
            files: vec![(format!("portable-{}.zip", case.id), out.clone())],
        },
    )?;
    report_missing(ctx, &reviewed.missing);
    ctx.note(&format!(
        "Portable archive for case {}: {} asset(s), {} original(s){}. SHA-256 {}",
        case.id,
        items.len(),
        written.originals,
        if args.encrypt {
            ", AES-256 encrypted"
        } else {
            ""
        },
        written.sha256
    ));
    print_path(&out)?;
    Ok(if reviewed.missing.is_empty() {
        Outcome::Done
    } else {
        Outcome::Partial
    })
}

/// The ZIP passphrase: `DSR_ZIP_PASSPHRASE`, or a hidden prompt typed twice.
fn passphrase(ctx: &Context) -> Result<String> {
    if let Ok(value) = std::env::var("DSR_ZIP_PASSPHRASE")
        && !value.is_empty()
    {
        return Ok(value);
    }
    if !(ctx.interactive_stderr && std::io::stdin().is_terminal()) {
        bail!(
            "--encrypt needs a passphrase: set DSR_ZIP_PASSPHRASE, or run dsr in a terminal to be asked"
        );
    }
    let typed = dialoguer::Password::new()
        .with_prompt("Passphrase for the ZIP")
        .with_confirmation("Repeat it", "the two passphrases differ")
        .interact()
        .context("cannot read the passphrase")?;
    if typed.is_empty() {
        bail!("the passphrase is empty");
    }
    Ok(typed)
}
