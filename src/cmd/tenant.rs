//! `dsr tenant`: register, list, show and remove tenant profiles.

use std::io::Write;

use anyhow::{Context as _, Result};
use dsr::config::{AuthKind, PlatformKind, TenantProfile};
use dsr::lock::TenantLock;
use dsr::platform::ArchiveAccess;
use dsr::platform::fotoweb::RecordKind;
use dsr::platform::sql::dataset::EraseRule;
use serde_json::json;

use super::output::Table;
use super::{Context, Outcome, sanitize};
use crate::cli::{
    AuthArg, OutputFormat, PlatformArg, RecordArg, TenantAddArgs, TenantArgs, TenantCommand,
    TenantEditArgs, TenantGroupCommand,
};

pub fn run(ctx: &Context, args: TenantArgs) -> Result<Outcome> {
    match args.command {
        TenantCommand::Add(args) => add(ctx, *args),
        TenantCommand::List(args) => list(ctx, args.output),
        TenantCommand::Show(args) => show(ctx, args.name.as_deref(), args.output),
        TenantCommand::Edit(args) => edit(ctx, args),
        TenantCommand::Remove(args) => remove(ctx, &args.name, args.keep_index),
        TenantCommand::Check(args) => check(ctx, args.name.as_deref(), args.output),
        TenantCommand::Ropa(args) => ropa(ctx, args.name.as_deref(), args.init),
        TenantCommand::Group(args) => group(ctx, args.command),
    }
}

fn group(ctx: &Context, command: TenantGroupCommand) -> Result<Outcome> {
    let mut config = ctx.load_config()?;
    match command {
        TenantGroupCommand::Add(args) => {
            let members = config.add_group(&args.name, &args.tenants)?.join(", ");
            config.save(&ctx.config_path)?;
            ctx.note(&format!("Group '{}' holds: {members}.", args.name));
        }
        TenantGroupCommand::Remove(args) => {
            let left = config.remove_group(&args.name, &args.tenants)?;
            config.save(&ctx.config_path)?;
            ctx.note(&match left.is_empty() {
                true => format!("Removed group '{}'; its tenants stay.", args.name),
                false => format!("Group '{}' holds: {}.", args.name, left.join(", ")),
            });
        }
        TenantGroupCommand::List(args) => {
            let mut out = std::io::stdout().lock();
            match args.output {
                OutputFormat::Table if config.groups.is_empty() => ctx.note(
                    "No group is configured. Make one with: dsr tenant group add NAME TENANT…",
                ),
                OutputFormat::Table => {
                    let mut table = Table::new(&["GROUP", "TENANTS"]);
                    for (name, members) in &config.groups {
                        table.row(vec![name.clone(), members.join(", ")], None, None);
                    }
                    table.write(&mut out, ctx.color)?;
                }
                // One row per group; CSV joins the tenants with ';', as lists do elsewhere.
                OutputFormat::Csv => {
                    let mut writer = csv::Writer::from_writer(&mut out);
                    writer.write_record(["group", "tenants"])?;
                    for (name, members) in &config.groups {
                        writer.write_record([name.as_str(), &members.join(";")])?;
                    }
                    writer.flush()?;
                }
                format => {
                    let groups: Vec<_> = config
                        .groups
                        .iter()
                        .map(|(name, members)| json!({ "name": name, "tenants": members }))
                        .collect();
                    super::output::print_value(&mut out, format, &serde_json::Value::from(groups))?;
                }
            }
        }
    }
    Ok(Outcome::Done)
}

fn add(ctx: &Context, mut args: TenantAddArgs) -> Result<Outcome> {
    let mut config = ctx.load_config()?;
    let platform = match args.platform {
        PlatformArg::Dir => PlatformKind::Dir,
        PlatformArg::Fotoweb => PlatformKind::Fotoweb,
        PlatformArg::Objects => PlatformKind::Objects,
        PlatformArg::Sql => PlatformKind::Sql,
    };
    let dataset = match (platform, &args.dataset) {
        (PlatformKind::Sql, Some(file)) => {
            let file = std::path::absolute(file).unwrap_or_else(|_| file.clone());
            let dataset = dsr::platform::sql::dataset::Dataset::load(&file)?;
            sql_roles(&dataset, &mut args);
            Some((file, dataset))
        }
        _ => None,
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
        endpoint: args.endpoint,
        client_id: args.client_id,
        auth: match args.auth {
            AuthArg::Oauth => AuthKind::Oauth,
            AuthArg::ApiKey => AuthKind::ApiKey,
        },
        timeout: None,
        records: args
            .records
            .iter()
            .map(|r| match r {
                RecordArg::Users => RecordKind::Users,
                RecordArg::Comments => RecordKind::Comments,
                RecordArg::Albums => RecordKind::Albums,
                RecordArg::Shares => RecordKind::Shares,
                RecordArg::Orders => RecordKind::Orders,
                RecordArg::Consents => RecordKind::Consents,
            })
            .collect(),
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
        dataset: dataset.map(|(file, _)| file),
        scope: args.scope,
        delete_archives: Vec::new(),
        legal_hold_archives: args.legal_hold_archives,
        legal_hold_values: args.legal_hold_values,
        signing_key: args
            .signing_key
            .map(|p| std::path::absolute(&p).unwrap_or(p)),
        operator: args.default_operator,
        purpose: args.default_purpose,
        records_retention: args.records_retention.map(|r| r.trim().to_owned()),
        ropa: None,
        restriction_field: args.restriction_field.map(|f| f.trim().to_owned()),
        restriction_value: args.restriction_value,
    };
    let mut profile = profile;
    if let (Some(url), Some(dataset)) = (&profile.url, &profile.dataset)
        && profile.platform == PlatformKind::Sql
    {
        // The dataset is checked against the database's catalog before the tenant is kept,
        // and the order erasure deletes in is read from its foreign keys.
        profile.validate(&args.name)?;
        let password = super::secret_source(ctx, &args.name, &profile);
        let database = dsr::platform::sql::SqlPlatform::open(
            url,
            dataset,
            profile.scope.as_deref(),
            Some(&password),
            None,
        )
        .context("cannot use the database with this dataset")?;
        profile.delete_archives = database
            .deletion_order()
            .context("cannot order the dataset's deletions")?;
    }
    config.add(&args.name, profile)?;
    config.save(&ctx.config_path)?;
    ctx.note(&format!(
        "Added tenant '{}'. Index it with: dsr sync --tenant {}",
        args.name, args.name
    ));
    Ok(Outcome::Done)
}

/// The dataset's personal columns join the profile's field roles, its kept tables the
/// legal holds (their rows are withheld from erasure).
fn sql_roles(dataset: &dsr::platform::sql::dataset::Dataset, args: &mut TenantAddArgs) {
    use dsr::platform::sql::dataset::ColumnRole;
    args.person_fields
        .extend(dataset.fields_of(ColumnRole::Person));
    args.email_fields
        .extend(dataset.fields_of(ColumnRole::Email));
    args.phone_fields
        .extend(dataset.fields_of(ColumnRole::Phone));
    args.login_fields
        .extend(dataset.fields_of(ColumnRole::Login));
    args.text_fields.extend(dataset.fields_of(ColumnRole::Text));
    args.legal_hold_archives
        .extend(dataset.tables_with(EraseRule::Keep));
}

fn edit(ctx: &Context, args: TenantEditArgs) -> Result<Outcome> {
    let mut config = ctx.load_config()?;
    let name = config
        .select(args.name.as_deref().or(ctx.tenant.as_deref()))?
        .0
        .to_owned();
    if args.records_retention.is_none() && args.restriction_field.is_none() && args.ropa.is_none() {
        anyhow::bail!(
            "nothing to change: give --records-retention PERIOD (such as 5y), --restriction-field ID or --ropa RECORD"
        );
    }
    let record = args.ropa.as_deref().map(str::trim);
    let retention = args.records_retention.map(|r| r.trim().to_owned());
    let restriction = args.restriction_field.map(|f| f.trim().to_owned());
    config.edit(&name, |profile| {
        if let Some(retention) = &retention {
            profile.records_retention = Some(retention.clone());
        }
        if let Some(field) = &restriction {
            profile.restriction_field = Some(field.clone());
            profile.restriction_value = args.restriction_value.clone();
        }
        if let Some(record) = record {
            // Naming its own record is the default: nothing to keep.
            profile.ropa = (record != name).then(|| record.to_owned());
        }
    })?;
    config.save(&ctx.config_path)?;
    if let Some(retention) = retention {
        ctx.note(&format!(
            "Tenant '{name}' keeps the records of a closed case {retention} before `dsr case purge` may delete its personal data."
        ));
    }
    if let Some(field) = restriction {
        ctx.note(&format!(
            "Tenant '{name}' marks restricted assets (`dsr restrict`) in field {field}."
        ));
    }
    if let Some(record) = record {
        let path = ctx.ropa_path(&name, config.select(Some(&name))?.1);
        let missing = if path.exists() {
            String::new()
        } else {
            format!("; it is not written yet: `dsr tenant ropa {name} --init` writes it")
        };
        ctx.note(&format!(
            "Tenant '{name}' draws its access packages on the record of processing '{record}' ({}){missing}.",
            path.display()
        ));
    }
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
                    .load_summary()
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
    let state = ctx.tenant_files(name).load_summary().unwrap_or_default();
    json!({
        "name": name,
        "profile": profile,
        "index": {
            "synced_at": state.synced_at,
            "assets": state.assets,
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
            let state = files.load_summary().unwrap_or_default();
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
                (
                    "records kept",
                    profile.records_retention.as_ref().map_or_else(
                        || "no retention set: no case is purged".into(),
                        |r| format!("{r} after a case is closed"),
                    ),
                ),
                ("index", files.dir.display().to_string()),
                (
                    "last sync",
                    state.synced_at.clone().unwrap_or_else(|| "never".into()),
                ),
                ("assets indexed", state.assets.to_string()),
            ];
            for (key, value) in rows {
                writeln!(out, "{key:<15} {}", super::sanitize(&value))?;
            }
        }
    }
    Ok(Outcome::Done)
}

/// Forgets a tenant: its profile, and unless `keep_index` what dsr can make again (index,
/// sync state, token cache). Its records stay where they are: a controller must keep them,
/// and only `dsr case purge` deletes a case's personal data, once its retention has passed.
fn remove(ctx: &Context, name: &str, keep_index: bool) -> Result<Outcome> {
    let mut config = ctx.load_config()?;
    config.remove(name)?;
    // A group naming a tenant that is gone would fail every request over it.
    let groups = config.leave_groups(name);
    let files = ctx.tenant_files(name);
    // Not while an erasure or rectification runs on the tenant: it re-reads the index.
    let lock_path = files.dir.join(LOCK);
    let _lock = if files.dir.is_dir() {
        Some(TenantLock::acquire(&lock_path)?)
    } else {
        None
    };
    config.save(&ctx.config_path)?;
    if !groups.is_empty() {
        ctx.note(&format!(
            "Tenant '{name}' left group(s) {}.",
            groups.join(", ")
        ));
    }
    if !files.dir.is_dir() {
        ctx.note(&format!("Removed tenant '{name}'."));
        return Ok(Outcome::Done);
    }
    if !keep_index {
        for path in files.derived() {
            let removed = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            match removed {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).with_context(|| format!("cannot delete {}", path.display()));
                }
                _ => {}
            }
        }
    }
    let derived: Vec<std::ffi::OsString> = files
        .derived()
        .iter()
        .filter_map(|p| p.file_name().map(ToOwned::to_owned))
        .collect();
    let kept = records(&files.dir, &derived)?;
    // The tenant is gone: its lock file goes too (no process waits on it, a second one is
    // refused rather than queued).
    let _ = std::fs::remove_file(&lock_path);
    let what = if keep_index {
        "its profile"
    } else {
        "its profile and its local index"
    };
    if kept.is_empty() && !keep_index {
        std::fs::remove_dir_all(&files.dir)
            .with_context(|| format!("cannot delete {}", files.dir.display()))?;
        ctx.note(&format!(
            "Removed tenant '{name}' ({what}); it had no records."
        ));
    } else if kept.is_empty() {
        ctx.note(&format!("Removed tenant '{name}' ({what})."));
    } else {
        ctx.note(&format!(
            "Removed tenant '{name}' ({what}). Kept its records in {}: {}; and the audit log {}. \
             Registered again under the same name, the tenant has them back; then `dsr case purge` \
             deletes the personal data of closed cases past their retention.",
            files.dir.display(),
            kept.join(", "),
            dsr::audit::AuditLog::new(&ctx.data_dir).path().display(),
        ));
    }
    Ok(Outcome::Done)
}

/// The tenant lock's file name in the tenant's folder.
const LOCK: &str = "lock";

/// What is left in a tenant's folder but the `derived` files, for people: its records.
fn records(dir: &std::path::Path, derived: &[std::ffi::OsString]) -> Result<Vec<String>> {
    let mut cases = 0;
    let mut kept = Vec::new();
    let mut others = 0;
    let mut names: Vec<std::ffi::OsString> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .map(|entry| entry.map(|e| e.file_name()))
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("cannot read {}", dir.display()))?;
    names.retain(|name| !derived.contains(name));
    names.sort();
    for name in names {
        match name.to_str().unwrap_or_default() {
            LOCK => {}
            "cases" => {
                cases = std::fs::read_dir(dir.join("cases"))
                    .map(|entries| entries.filter_map(|e| e.ok()).count())
                    .unwrap_or(0);
            }
            "ledger.jsonl" => kept.push("the receipt ledger".to_owned()),
            "salt" => kept.push("the identity salt".to_owned()),
            "tombstones.jsonl" => kept.push("the tombstones of erased subjects".to_owned()),
            "batches" => kept.push("the journals of bulk runs".to_owned()),
            _ => others += 1,
        }
    }
    if cases > 0 {
        kept.insert(
            0,
            format!("{cases} case(s) with their receipts, plans, journals and packages"),
        );
    }
    if others > 0 {
        kept.push(format!("{others} other file(s)"));
    }
    Ok(kept)
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

/// The columns of a file store's row: the facts an `objects` tenant's check gives.
const FILE_STORE_FACTS: [&str; 7] = [
    "list",
    "read",
    "write",
    "delete",
    "versioning",
    "delete versions",
    "earlier versions and deleted blobs",
];

/// The files behind rows are part of what access, portability and erasure reach: a store
/// that cannot be reached or read stops the first two, one whose files (with every
/// version) cannot be deleted stops erasure.
fn file_store_rights(
    rights: &mut [(&'static str, bool, &'static str)],
    stores: &[dsr::platform::FileStoreCheck],
) {
    let readable = stores
        .iter()
        .all(|s| s.access.as_ref().is_ok_and(|a| a.read));
    let deletable = stores
        .iter()
        .all(|s| s.access.as_ref().is_ok_and(|a| a.deletes_for_good));
    for (right, ok, needs) in rights.iter_mut() {
        if right.starts_with("erasure") && !deletable {
            *ok = false;
            *needs = "delete the files behind rows, with every version of them";
        } else if (right.starts_with("locate") || right.starts_with("portability")) && !readable {
            *ok = false;
            *needs = "read the files behind rows";
        }
    }
}

fn file_store_json(store: &dsr::platform::FileStoreCheck) -> serde_json::Value {
    let mut value = serde_json::json!({
        "store": store.store,
        "tables": store.tables,
        "reachable": store.access.is_ok(),
    });
    if let Some(object) = value.as_object_mut() {
        match &store.access {
            Ok(access) => {
                for (label, fact) in &access.facts {
                    object.insert(label.clone(), serde_json::Value::from(fact.as_str()));
                }
            }
            Err(problem) => {
                object.insert(
                    "error".to_owned(),
                    serde_json::Value::from(problem.as_str()),
                );
            }
        }
    }
    value
}

/// One row per file store: whether it is reachable, then what the credentials may do.
fn file_store_table(stores: &[dsr::platform::FileStoreCheck]) -> Table {
    let mut header = vec!["file store", "reachable"];
    header.extend(FILE_STORE_FACTS.iter().take(6));
    let azure = stores.iter().any(|s| {
        s.access.as_ref().is_ok_and(|a| {
            a.facts
                .iter()
                .any(|(label, _)| label == FILE_STORE_FACTS[6])
        })
    });
    if azure {
        header.push("kept copies");
    }
    let mut table = Table::new(&header);
    for store in stores {
        let mut row = vec![super::sanitize(&store.store)];
        match &store.access {
            Ok(access) => {
                row.push("yes".to_owned());
                let fact = |label: &str| {
                    access
                        .facts
                        .iter()
                        .find(|(l, _)| l == label)
                        .map_or("-".to_owned(), |(_, v)| super::sanitize(v))
                };
                let shown = if azure { 7 } else { 6 };
                row.extend(FILE_STORE_FACTS.iter().take(shown).map(|l| fact(l)));
            }
            Err(_) => {
                row.push("NO".to_owned());
                row.extend((0..header.len() - 2).map(|_| "-".to_owned()));
            }
        }
        table.row(row, None, None);
    }
    table
}

fn check(ctx: &Context, name: Option<&str>, format: OutputFormat) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let (name, profile) = config.select(name.or(ctx.tenant.as_deref()))?;
    let platform = super::open_platform(ctx, name, profile)?;
    let started = std::time::Instant::now();
    log::info!("checking what tenant '{name}' lets dsr do, archive by archive");
    let access = platform
        .access()
        .inspect_err(|e| log::info!("the check failed after {:?}: {e}", started.elapsed()))
        .with_context(|| format!("tenant '{name}' cannot be reached or refused dsr"))?;
    log::info!(
        "checked {} archive(s) in {:?}",
        access.len(),
        started.elapsed()
    );
    let file_stores = platform.file_stores();
    let mut rights = rights(&access);
    file_store_rights(&mut rights, &file_stores);
    let facts = platform.store_facts();
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let value = serde_json::json!({
                "tenant": name,
                "reachable": true,
                "authenticated": true,
                "archives": access,
                "store": facts.iter().map(|(k, v)| (k.clone(), serde_json::Value::from(v.as_str()))).collect::<serde_json::Map<String, serde_json::Value>>(),
                "file_stores": file_stores.iter().map(file_store_json).collect::<Vec<_>>(),
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
            for (label, value) in &facts {
                writeln!(out, "{:<30} {}", label, super::sanitize(value))?;
            }
            if !facts.is_empty() {
                writeln!(out)?;
            }
            if !file_stores.is_empty() {
                file_store_table(&file_stores).write(&mut out, false)?;
                for store in &file_stores {
                    if let Err(problem) = &store.access {
                        writeln!(
                            out,
                            "{}: {}",
                            super::sanitize(&store.store),
                            super::sanitize(problem)
                        )?;
                    }
                }
                writeln!(out)?;
            }
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
    let (name, profile) = config.select(name.or(ctx.tenant.as_deref()))?;
    let path = ctx.ropa_path(name, profile);
    if init {
        dsr::ropa::RecordOfProcessing::init(&path)?;
        ctx.note(&format!(
            "Wrote a record-of-processing template for tenant '{name}': fill in every \"FILL IN\", then `dsr tenant ropa {name}` checks it."
        ));
        writeln!(std::io::stdout().lock(), "{}", path.display())?;
        return Ok(Outcome::Done);
    }
    let record = dsr::ropa::RecordOfProcessing::load_for_package(name, &path)?;
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
    let transfers: Vec<String> = record
        .transfers
        .iter()
        .flatten()
        .map(|t| format!("{} ({}): {}", t.country, t.recipient, t.safeguards))
        .collect();
    writeln!(
        out,
        "15(2) transfers:         {}",
        if transfers.is_empty() {
            "none outside the EU/EEA".to_owned()
        } else {
            sanitize(&transfers.join("; "))
        }
    )?;
    writeln!(
        out,
        "language:                {}",
        record.language.unwrap_or_default()
    )?;
    Ok(Outcome::Done)
}
