//! `dsr receipt`: verify receipts and their tenants' chains, and show what one says.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use dsr::config::Config;
use dsr::receipt::sign::{self, TrustedKey, TrustedKeys};
use dsr::receipt::verify::{self, ChainReport, VerifiedReceipt};
use dsr::receipt::{AssetOutcome, FILE_NAME, Receipt};
use serde_json::json;
use ssh_key::HashAlg;

use super::{Context, Outcome, sanitize};
use crate::cli::{ListFormat, ReceiptArgs, ReceiptCommand, ReceiptShowArgs, ReceiptVerifyArgs};

pub fn run(ctx: &Context, args: ReceiptArgs) -> Result<Outcome> {
    match args.command {
        ReceiptCommand::Verify(args) => verify(ctx, args),
        ReceiptCommand::Show(args) => show(ctx, args),
    }
}

/// A folder stands for the receipt in it.
fn receipt_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join(FILE_NAME)
    } else {
        path.to_owned()
    }
}

/// Which keys are trusted when no allowed_signers file is given.
enum Trust {
    /// An allowed_signers file, or --key: whatever they list.
    Listed,
    /// The configured keys: each receipt must be signed by its own tenant's key.
    Configured(Config),
}

/// The configured keys: --key alone, or every tenant's signing key and the data
/// directory's key that exist.
fn configured_keys(ctx: &Context, config: &Config) -> Result<TrustedKeys> {
    if let Some(path) = &ctx.key {
        let key = sign::public_key(path)?;
        return Ok(TrustedKeys::single(&principal(&key), key));
    }
    let mut paths: BTreeSet<PathBuf> = config
        .tenants
        .values()
        .filter_map(|p| p.signing_key.clone())
        .collect();
    paths.insert(ctx.default_key_path());
    let mut trusted = TrustedKeys::default();
    for path in &paths {
        match sign::public_key(path) {
            Ok(key) => trusted.push(TrustedKey {
                principals: vec![principal(&key)],
                key,
                namespaces: None,
            }),
            Err(sign::KeyError::NotFound { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    anyhow::ensure!(
        !trusted.is_empty(),
        "no signing key to verify with: {} does not exist; pass --allowed-signers FILE or --key FILE",
        ctx.default_key_path().display()
    );
    Ok(trusted)
}

fn principal(key: &ssh_key::PublicKey) -> String {
    Some(key.comment().to_owned())
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| "dsr".to_owned())
}

/// One receipt file's result.
struct Checked {
    file: PathBuf,
    result: Result<VerifiedReceipt, String>,
}

fn verify(ctx: &Context, args: ReceiptVerifyArgs) -> Result<Outcome> {
    anyhow::ensure!(
        !args.files.is_empty() || args.ledger,
        "name the receipts to verify, or pass --ledger to check a tenant's whole chain"
    );
    let config = ctx.load_config()?;
    let (trusted, trust) = match &args.allowed_signers {
        Some(path) => {
            let trusted = TrustedKeys::from_allowed_signers(path)?;
            anyhow::ensure!(
                !trusted.is_empty(),
                "{} lists no Ed25519 key",
                path.display()
            );
            (trusted, Trust::Listed)
        }
        None if ctx.key.is_some() => (configured_keys(ctx, &config)?, Trust::Listed),
        None => (
            configured_keys(ctx, &config)?,
            Trust::Configured(config.clone()),
        ),
    };

    let mut checked: Vec<Checked> = Vec::new();
    for given in &args.files {
        let file = receipt_file(given);
        let result = verify::verify_file(&file, &trusted)
            .map_err(|e| e.to_string())
            .and_then(|v| match &trust {
                Trust::Configured(config) => own_key_signed(ctx, config, v),
                Trust::Listed => Ok(v),
            });
        checked.push(Checked { file, result });
    }
    let verified: Vec<VerifiedReceipt> = checked
        .iter()
        .filter_map(|c| c.result.as_ref().ok().cloned())
        .collect();

    let mut chains: Vec<ChainReport> = Vec::new();
    if args.ledger {
        let mut tenants: BTreeSet<String> =
            verified.iter().map(|v| v.receipt.tenant.clone()).collect();
        if args.files.is_empty() {
            tenants.insert(ctx.tenant(&config)?.0);
        }
        for tenant in tenants {
            let report = verify::verify_chain(&ctx.data_dir, &tenant, &trusted, &verified)
                .with_context(|| format!("cannot read the ledger of tenant '{tenant}'"))?;
            chains.push(report);
        }
    }

    let failed_files = checked.iter().filter(|c| c.result.is_err()).count();
    let problems: usize = chains.iter().map(|c| c.problems.len()).sum();
    let mut out = std::io::stdout().lock();
    match args.output {
        ListFormat::Json => {
            let receipts: Vec<_> = checked
                .iter()
                .map(|c| match &c.result {
                    Ok(v) => json!({
                        "file": c.file,
                        "ok": true,
                        "receipt_id": v.receipt.receipt_id,
                        "tenant": v.receipt.tenant,
                        "sequence": v.receipt.sequence,
                        "sha256": v.sha256,
                        "signer": v.signer,
                        "fingerprint": v.fingerprint,
                    }),
                    Err(problem) => json!({ "file": c.file, "ok": false, "problem": problem }),
                })
                .collect();
            let value = json!({
                "ok": failed_files == 0 && problems == 0,
                "receipts": receipts,
                "ledgers": chains,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        ListFormat::Table => {
            for c in &checked {
                let file = sanitize(&c.file.display().to_string());
                match &c.result {
                    Ok(v) => writeln!(
                        out,
                        "ok    {file}: receipt #{} of tenant '{}' ({}), signed by {} ({})",
                        v.receipt.sequence,
                        sanitize(&v.receipt.tenant),
                        sanitize(&v.receipt.receipt_id),
                        sanitize(&v.signer.join(",")),
                        v.fingerprint
                    )?,
                    Err(problem) => writeln!(out, "FAIL  {file}: {}", sanitize(problem))?,
                }
            }
            for chain in &chains {
                let tenant = sanitize(&chain.tenant);
                if chain.is_ok() {
                    writeln!(
                        out,
                        "ok    ledger of tenant '{tenant}': {} receipt(s), chained and signed",
                        chain.receipts
                    )?;
                }
                for problem in &chain.problems {
                    writeln!(
                        out,
                        "FAIL  ledger of tenant '{tenant}': {}",
                        sanitize(&problem.to_string())
                    )?;
                }
            }
        }
    }
    if failed_files == 0 && problems == 0 {
        Ok(Outcome::Done)
    } else {
        ctx.note(&format!(
            "dsr: {failed_files} of {} receipt(s) and {problems} problem(s) in {} ledger(s) do not verify",
            checked.len(),
            chains.len()
        ));
        Ok(Outcome::Unverified)
    }
}

/// With the configured keys, a receipt must be signed by its own tenant's key, not by any
/// key dsr knows.
fn own_key_signed(
    ctx: &Context,
    config: &Config,
    verified: VerifiedReceipt,
) -> Result<VerifiedReceipt, String> {
    let profile = config.tenants.get(&verified.receipt.tenant);
    let path = ctx.key_path(profile);
    let expected = sign::public_key(&path)
        .map(|k| k.fingerprint(HashAlg::Sha256).to_string())
        .map_err(|e| {
            format!(
                "cannot read tenant '{}''s key: {e}",
                verified.receipt.tenant
            )
        })?;
    if expected == verified.fingerprint {
        Ok(verified)
    } else {
        Err(format!(
            "it is signed by {}, not by tenant '{}''s signing key {} ({expected})",
            verified.fingerprint,
            verified.receipt.tenant,
            path.display()
        ))
    }
}

fn show(ctx: &Context, args: ReceiptShowArgs) -> Result<Outcome> {
    let file = receipt_file(&args.file);
    let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
    let receipt: Receipt = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a dsr receipt", file.display()))?;
    let mut out = std::io::stdout().lock();
    match args.output {
        ListFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&receipt)?)?,
        ListFormat::Table => {
            for (key, value) in summary(&receipt) {
                writeln!(out, "{key:<12} {}", sanitize(&value))?;
            }
            for a in &receipt.assets {
                writeln!(
                    out,
                    "{:<12} {:<10} {:<8} {}  {}",
                    "",
                    a.outcome.as_str(),
                    sanitize(&a.action),
                    sanitize(&a.asset),
                    sanitize(&a.evidence)
                )?;
            }
            for (name, hash) in &receipt.files {
                writeln!(out, "{:<12} {hash}  {}", "file", sanitize(name))?;
            }
        }
    }
    ctx.note(&format!(
        "This shows what the receipt says; check that it is genuine with: dsr receipt verify {}",
        sanitize(&file.display().to_string())
    ));
    Ok(Outcome::Done)
}

fn summary(r: &Receipt) -> Vec<(&'static str, String)> {
    let count = |o: AssetOutcome| r.assets.iter().filter(|a| a.outcome == o).count();
    let outcomes: Vec<String> = [
        AssetOutcome::Verified,
        AssetOutcome::Done,
        AssetOutcome::Unverified,
        AssetOutcome::Failed,
        AssetOutcome::Skipped,
    ]
    .into_iter()
    .filter(|&o| count(o) > 0)
    .map(|o| format!("{} {}", count(o), o.as_str()))
    .collect();
    let kinds: Vec<&str> = r
        .subject
        .identities
        .iter()
        .map(|i| i.kind.as_str())
        .collect();
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
    vec![
        ("receipt", r.receipt_id.clone()),
        (
            "chain",
            format!(
                "#{} of tenant '{}' ({}); previous {}",
                r.sequence,
                r.tenant,
                r.platform,
                r.previous_sha256
                    .clone()
                    .unwrap_or_else(|| "none: the tenant's first receipt".to_owned())
            ),
        ),
        ("case", r.case_id.clone()),
        (
            "right",
            format!(
                "{} ({}), operation {}",
                r.right.as_str(),
                r.article,
                r.operation
            ),
        ),
        ("operator", r.operator.clone()),
        ("purpose", r.purpose.clone()),
        ("verified by", r.verified_by.clone()),
        ("started", r.started_at.clone()),
        ("finished", r.finished_at.clone()),
        (
            "subject",
            format!(
                "{} (salted hashes; salt {})",
                kinds.join(", "),
                r.subject.salt_id
            ),
        ),
        ("plan", or_dash(&r.plan_sha256)),
        (
            "recipients",
            if r.recipients.is_empty() {
                "-".to_owned()
            } else {
                r.recipients.join("; ")
            },
        ),
        ("tool", format!("{} {}", r.tool.name, r.tool.version)),
        (
            "assets",
            if r.assets.is_empty() {
                "none".to_owned()
            } else {
                format!("{}: {}", r.assets.len(), outcomes.join(", "))
            },
        ),
    ]
}
