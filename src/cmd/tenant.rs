//! `dsr tenant`: register, list, show and remove tenant profiles.

use std::io::Write;

use anyhow::{Context as _, Result};
use dsr::config::{AuthKind, PlatformKind, TenantProfile};
use dsr::platform::ArchiveAccess;
use dsr::receipt::ledger::TenantRecords;
use serde_json::json;

use super::output::Table;
use super::{Context, Outcome, sanitize};
use crate::cli::{AuthArg, OutputFormat, PlatformArg, TenantAddArgs, TenantArgs, TenantCommand};

pub fn run(ctx: &Context, args: TenantArgs) -> Result<Outcome> {
    match args.command {
        TenantCommand::Add(args) => add(ctx, *args),
        TenantCommand::List(args) => list(ctx, args.output),
        TenantCommand::Show(args) => show(ctx, args.name.as_deref(), args.output),
        TenantCommand::Remove(args) => remove(ctx, &args.name, args.keep_index),
        TenantCommand::Check(args) => check(ctx, args.name.as_deref(), args.output),
        TenantCommand::Ropa(args) => ropa(ctx, args.name.as_deref(), args.init),
    }
}

fn add(ctx: &Context, args: TenantAddArgs) -> Result<Outcome> {
    let mut config = ctx.load_config()?;
    let platform = match args.platform {
        PlatformArg::Dir => PlatformKind::Dir,
        PlatformArg::Fotoweb => PlatformKind::Fotoweb,
    };
    let path = match (platform, args.path) {
        (PlatformKind::Dir, Some(path)) => {
            // Stored absolute, so the profile works from any working directory.
            let absolute = std::fs::canonicalize(&path).with_context(|| {
                format!("the tenant folder {} cannot be opened", path.display())
            })?;
            anyhow::ensure!(
                absolute.is_dir(),
                "{} is not a folder: --path names the tenant folder holding its archives",
                path.display()
            );
            Some(absolute)
        }
        (_, path) => path,
    };
    let profile = TenantProfile {
        platform,
        path,
        url: args.url,
        client_id: args.client_id,
        auth: match args.auth {
            AuthArg::Oauth => AuthKind::Oauth,
            AuthArg::ApiKey => AuthKind::ApiKey,
        },
        client_secret_file: args
            .client_secret_file
            .map(|p| std::path::absolute(&p).unwrap_or(p)),
        default_region: args.default_region.map(|r| r.trim().to_ascii_uppercase()),
        person_fields: args.person_fields,
        email_fields: args.email_fields,
        phone_fields: args.phone_fields,
        login_fields: args.login_fields,
        text_fields: args.text_fields,
        shown_fields: args.shown_fields,
        legal_hold_archives: args.legal_hold_archives,
        legal_hold_values: args.legal_hold_values,
        signing_key: args
            .signing_key
            .map(|p| std::path::absolute(&p).unwrap_or(p)),
        operator: args.default_operator,
        purpose: args.default_purpose,
    };
    config.add(&args.name, profile)?;
    config.save(&ctx.config_path)?;
    ctx.note(&format!(
        "Added tenant '{}'. Index it with: dsr sync --tenant {}",
        args.name, args.name
    ));
    Ok(Outcome::Done)
}

fn list(ctx: &Context, format: OutputFormat) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let tenants: Vec<_> = config
                .tenants
                .iter()
                .map(|(name, p)| profile_json(ctx, name, p))
                .collect();
            super::output::print_value(&mut out, format, &serde_json::Value::from(tenants))?;
        }
        OutputFormat::Table => {
            if config.tenants.is_empty() {
                ctx.note("No tenant is configured. Add one with: dsr tenant add NAME --platform dir --path DIR");
                return Ok(Outcome::Done);
            }
            let mut table = Table::new(&["NAME", "PLATFORM", "LOCATION", "LAST SYNC"]);
            for (name, profile) in &config.tenants {
                let synced = ctx
                    .tenant_files(name)
                    .load_state()
                    .ok()
                    .and_then(|s| s.synced_at)
                    .unwrap_or_else(|| "never".to_owned());
                table.row(
                    vec![
                        name.clone(),
                        profile.platform.as_str().to_owned(),
                        profile.location(),
                        synced,
                    ],
                    None,
                    None,
                );
            }
            table.write(&mut out, ctx.color)?;
        }
    }
    Ok(Outcome::Done)
}

fn profile_json(ctx: &Context, name: &str, profile: &TenantProfile) -> serde_json::Value {
    let state = ctx.tenant_files(name).load_state().unwrap_or_default();
    json!({
        "name": name,
        "profile": profile,
        "index": {
            "synced_at": state.synced_at,
            "assets": state.versions.len(),
        },
    })
}

fn show(ctx: &Context, name: Option<&str>, format: OutputFormat) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = config.select(name.or(ctx.tenant.as_deref()))?;
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let value = profile_json(ctx, name, profile);
            super::output::print_value(&mut out, format, &value)?;
        }
        OutputFormat::Table => {
            let files = ctx.tenant_files(name);
            let state = files.load_state().unwrap_or_default();
            let list = |fields: &[String]| {
                if fields.is_empty() {
                    "-".to_owned()
                } else {
                    fields.join(", ")
                }
            };
            let rows = [
                ("name", name.to_owned()),
                ("platform", profile.platform.as_str().to_owned()),
                ("location", profile.location()),
                (
                    "client id",
                    profile.client_id.clone().unwrap_or_else(|| "-".into()),
                ),
                (
                    "secret file",
                    profile
                        .client_secret_file
                        .as_deref()
                        .map_or_else(|| "-".into(), |p| p.display().to_string()),
                ),
                (
                    "default region",
                    profile.default_region.clone().unwrap_or_else(|| "-".into()),
                ),
                ("person fields", list(&profile.person_fields)),
                ("e-mail fields", list(&profile.email_fields)),
                ("phone fields", list(&profile.phone_fields)),
                ("login fields", list(&profile.login_fields)),
                ("text fields", list(&profile.text_fields)),
                (
                    "signing key",
                    profile
                        .signing_key
                        .as_deref()
                        .map_or_else(|| "-".into(), |p| p.display().to_string()),
                ),
                (
                    "operator",
                    profile.operator.clone().unwrap_or_else(|| "-".into()),
                ),
                (
                    "purpose",
                    profile.purpose.clone().unwrap_or_else(|| "-".into()),
                ),
                ("index", files.dir.display().to_string()),
                (
                    "last sync",
                    state.synced_at.clone().unwrap_or_else(|| "never".into()),
                ),
                ("assets indexed", state.versions.len().to_string()),
            ];
            for (key, value) in rows {
                writeln!(out, "{key:<15} {}", super::sanitize(&value))?;
            }
        }
    }
    Ok(Outcome::Done)
}

fn remove(ctx: &Context, name: &str, keep_index: bool) -> Result<Outcome> {
    let mut config = ctx.load_config()?;
    config.remove(name)?;
    let files = ctx.tenant_files(name);
    // Not while another process changes the tenant: its index would vanish under it.
    let _lock = if files.dir.exists() {
        Some(dsr::lock::TenantLock::acquire(&files.dir.join("lock"))?)
    } else {
        None
    };
    config.save(&ctx.config_path)?;
    if !keep_index && files.dir.exists() {
        let records = TenantRecords::new(&ctx.data_dir, name).record_files();
        let kept: Vec<&std::path::PathBuf> = records.iter().filter(|p| p.exists()).collect();
        if kept.is_empty() {
            std::fs::remove_dir_all(&files.dir).with_context(|| {
                format!("cannot delete the local index {}", files.dir.display())
            })?;
            ctx.note(&format!("Removed tenant '{name}' and its local index."));
        } else {
            // The ledger and salt are the record of what was done for data subjects, and
            // hold no personal values: everything else in the folder goes.
            for entry in std::fs::read_dir(&files.dir)
                .with_context(|| format!("cannot read {}", files.dir.display()))?
            {
                let path = entry?.path();
                if records.contains(&path) {
                    continue;
                }
                let removed = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
                removed.with_context(|| format!("cannot delete {}", path.display()))?;
            }
            ctx.note(&format!(
                "Removed tenant '{name}' and its local index; kept its receipt ledger and identity salt in {}.",
                files.dir.display()
            ));
        }
    } else {
        ctx.note(&format!("Removed tenant '{name}'."));
    }
    Ok(Outcome::Done)
}

/// The rights dsr can carry out with what the credentials may do.
fn rights(access: &[ArchiveAccess]) -> Vec<(&'static str, bool, &'static str)> {
    let all = |f: fn(&ArchiveAccess) -> bool| !access.is_empty() && access.iter().all(f);
    let read = all(|a| a.read);
    let download = all(|a| a.download);
    let edit = all(|a| a.edit_metadata);
    let delete = all(|a| a.delete);
    vec![
        ("locate and access (Art. 15)", read, "read every archive"),
        (
            "portability (Art. 20)",
            read && download,
            "read and download originals",
        ),
        (
            "rectification (Art. 16)",
            read && edit,
            "edit metadata in every archive",
        ),
        (
            "erasure (Art. 17)",
            read && edit && delete,
            "edit metadata and delete assets in every archive",
        ),
    ]
}

fn check(ctx: &Context, name: Option<&str>, format: OutputFormat) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = config.select(name.or(ctx.tenant.as_deref()))?;
    let platform = super::open_platform(ctx, name, profile)?;
    let access = platform
        .access()
        .with_context(|| format!("tenant '{name}' cannot be reached or refused dsr"))?;
    let rights = rights(&access);
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let value = serde_json::json!({
                "tenant": name,
                "reachable": true,
                "authenticated": true,
                "archives": access,
                "rights": rights.iter().map(|(right, ok, needs)| serde_json::json!({
                    "right": right, "possible": ok, "needs": needs,
                })).collect::<Vec<_>>(),
            });
            super::output::print_value(&mut out, format, &value)?;
        }
        OutputFormat::Table => {
            writeln!(
                out,
                "Tenant '{name}' ({}) is reachable and accepted dsr's credentials.\n",
                super::sanitize(&profile.location())
            )?;
            let mark = |b: bool| if b { "yes" } else { "NO" };
            let mut table =
                Table::new(&["archive", "assets", "read", "edit", "delete", "download"]);
            for a in &access {
                table.row(
                    vec![
                        a.name.clone(),
                        a.assets.map_or("?".to_owned(), |n| n.to_string()),
                        mark(a.read).to_owned(),
                        mark(a.edit_metadata).to_owned(),
                        mark(a.delete).to_owned(),
                        mark(a.download).to_owned(),
                    ],
                    None,
                    None,
                );
            }
            table.write(&mut out, false)?;
            writeln!(out)?;
            for (right, ok, needs) in &rights {
                let why = if *ok {
                    String::new()
                } else {
                    format!(" (needs permission to {needs})")
                };
                writeln!(
                    out,
                    "{:<30} {}{why}",
                    right,
                    if *ok { "possible" } else { "NOT possible" }
                )?;
            }
        }
    }
    let missing: Vec<&str> = rights
        .iter()
        .filter(|(_, ok, _)| !ok)
        .map(|(right, _, _)| *right)
        .collect();
    if missing.is_empty() {
        Ok(Outcome::Done)
    } else {
        anyhow::bail!(
            "the credentials of tenant '{name}' do not allow: {}",
            missing.join(", ")
        )
    }
}

/// Shows the record of processing, or writes the template to fill in.
fn ropa(ctx: &Context, name: Option<&str>, init: bool) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, _) = config.select(name.or(ctx.tenant.as_deref()))?;
    let path = ctx.ropa_path(name);
    if init {
        dsr::ropa::RecordOfProcessing::init(&path)?;
        ctx.note(&format!(
            "Wrote a record-of-processing template for tenant '{name}': fill in every \"FILL IN\", then `dsr tenant ropa {name}` checks it."
        ));
        writeln!(std::io::stdout().lock(), "{}", path.display())?;
        return Ok(Outcome::Done);
    }
    let record = dsr::ropa::RecordOfProcessing::load(name, &path)?;
    let mut out = std::io::stdout().lock();
    let c = &record.controller;
    writeln!(out, "record:      {}", path.display())?;
    writeln!(
        out,
        "controller:  {}, {}",
        sanitize(&c.name),
        sanitize(&c.address)
    )?;
    writeln!(out, "contact:     {}", sanitize(&c.email))?;
    writeln!(out, "dpo:         {}", sanitize(&c.dpo))?;
    let list = |items: &[String]| sanitize(&items.join("; "));
    writeln!(out, "(a) purposes:            {}", list(&record.purposes))?;
    writeln!(out, "(b) categories:          {}", list(&record.categories))?;
    writeln!(out, "(c) recipients:          {}", list(&record.recipients))?;
    writeln!(
        out,
        "(d) retention:           {}",
        sanitize(&record.retention)
    )?;
    writeln!(out, "(e) rights:              {}", sanitize(&record.rights))?;
    writeln!(
        out,
        "(f) supervisory auth.:   {}",
        sanitize(&record.supervisory_authority)
    )?;
    writeln!(out, "(g) source:              {}", sanitize(&record.source))?;
    writeln!(
        out,
        "(h) automated decisions: {}",
        sanitize(&record.automated_decisions)
    )?;
    Ok(Outcome::Done)
}
