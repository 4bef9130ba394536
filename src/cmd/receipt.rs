//! `dsr receipt`: verify receipts and their tenants' chains, and show what one says.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use dsr::config::Config;
use dsr::receipt::case as case_receipt;
use dsr::receipt::history;
use dsr::receipt::sign::{SignatureError, TrustedKeys};
use dsr::receipt::verify::{self, ChainReport, VerifiedReceipt, VerifyError};
use dsr::receipt::{AssetOutcome, FILE_NAME, Receipt};
use serde_json::json;

use super::{Context, Outcome, sanitize};
use crate::cli::{OutputFormat, ReceiptArgs, ReceiptCommand, ReceiptShowArgs, ReceiptVerifyArgs};

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

/// Which keys are trusted.
enum Trust {
    /// An allowed_signers file, or --key: whatever they list, for every tenant.
    Listed(TrustedKeys),
    /// The configured keys: each tenant's receipts must be signed by that tenant's key, or
    /// by a key it replaced while that one was the key.
    Configured(Config),
}

impl Trust {
    /// The keys a receipt of `tenant` may be signed by, and which file they come from.
    fn keys_for(&self, ctx: &Context, tenant: Option<&str>) -> Result<TrustedKeys, String> {
        match self {
            Trust::Listed(keys) => Ok(keys.clone()),
            Trust::Configured(config) => {
                let profile = tenant.and_then(|t| config.tenants.get(t));
                let path = ctx.key_path(profile);
                history::trusted(&path).map_err(|e| match tenant {
                    Some(t) => {
                        format!("cannot check it against the signing key of tenant '{t}': {e}")
                    }
                    None => format!("cannot check it: {e}"),
                })
            }
        }
    }

    /// Names the expected key when a receipt is signed by another.
    fn explain(&self, ctx: &Context, tenant: Option<&str>, problem: VerifyError) -> String {
        match (self, tenant, &problem) {
            (
                Trust::Configured(config),
                Some(t),
                VerifyError::Signature(SignatureError::UnknownSigner(by)),
            ) => {
                let path = ctx.key_path(config.tenants.get(t));
                format!(
                    "it is signed by {by}, not by the signing key of tenant '{t}' ({}) nor a key it replaced",
                    path.display()
                )
            }
            _ => problem.to_string(),
        }
    }
}

/// The tenant a receipt says it belongs to, read before it is verified, to choose the key
/// that must have signed it.
fn claimed_tenant(file: &Path) -> Option<String> {
    let bytes = std::fs::read(file).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    value.get("tenant")?.as_str().map(str::to_owned)
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
    let trust = trust(ctx, &config, &args)?;

    let mut checked: Vec<Checked> = Vec::new();
    // A case receipt (a request across systems) is checked with every system receipt it
    // lists; the others as they always were.
    let (case_files, files): (Vec<PathBuf>, Vec<PathBuf>) = args
        .files
        .iter()
        .map(|given| receipt_file(given))
        .partition(|file| std::fs::read(file).is_ok_and(|b| case_receipt::is_case_receipt(&b)));
    let cases: Vec<CaseChecked> = case_files
        .into_iter()
        .map(|file| {
            let result = verify_case(ctx, &trust, &file);
            CaseChecked { file, result }
        })
        .collect();
    for file in files {
        let tenant = claimed_tenant(&file);
        let result = trust.keys_for(ctx, tenant.as_deref()).and_then(|keys| {
            verify::verify_file(&file, &keys).map_err(|e| trust.explain(ctx, tenant.as_deref(), e))
        });
        checked.push(Checked { file, result });
    }
    let verified: Vec<VerifiedReceipt> = checked
        .iter()
        .filter_map(|c| c.result.as_ref().ok().cloned())
        .collect();

    let chains = ledgers(ctx, &config, &args, &trust, &verified)?;

    let failed_files = checked.iter().filter(|c| c.result.is_err()).count()
        + cases.iter().filter(|c| c.result.is_err()).count();
    let problems: usize = chains.iter().map(|c| c.problems.len()).sum();
    print_verified(
        args.output,
        &checked,
        &cases,
        &chains,
        failed_files == 0 && problems == 0,
    )?;
    if failed_files == 0 && problems == 0 {
        return Ok(Outcome::Done);
    }
    let mut failures = Vec::new();
    if failed_files > 0 {
        failures.push(format!(
            "{failed_files} of {} receipt(s) do not verify",
            checked.len() + cases.len()
        ));
    }
    for chain in chains.iter().filter(|c| !c.is_ok()) {
        failures.push(format!(
            "the chain of tenant '{}' is broken ({} problem(s))",
            sanitize(&chain.tenant),
            chain.problems.len()
        ));
    }
    ctx.note(&format!("dsr: {}", failures.join("; ")));
    Ok(Outcome::Unverified)
}

/// The keys receipts are checked against: `--allowed-signers`, `--key` with the keys it
/// replaced, or each tenant's configured key.
fn trust(ctx: &Context, config: &Config, args: &ReceiptVerifyArgs) -> Result<Trust> {
    Ok(match (&args.allowed_signers, &ctx.key) {
        (Some(path), _) => {
            let trusted = TrustedKeys::from_allowed_signers(path)?;
            anyhow::ensure!(
                !trusted.is_empty(),
                "{} lists no Ed25519 key",
                path.display()
            );
            Trust::Listed(trusted)
        }
        // The key and the keys it replaced, each for the receipts signed while it was
        // the key.
        (None, Some(path)) => Trust::Listed(history::trusted(path)?),
        (None, None) => {
            let tenant = ctx.tenant_if_any(config)?;
            let path = ctx.key_path(tenant.as_ref().map(|(_, p)| p));
            let any_key = path.exists()
                || config
                    .tenants
                    .values()
                    .any(|p| p.signing_key.as_deref().is_some_and(Path::exists));
            anyhow::ensure!(
                any_key,
                "no signing key to verify with: {} does not exist; pass --allowed-signers FILE or --key FILE",
                path.display()
            );
            Trust::Configured(config.clone())
        }
    })
}

/// With `--ledger`, the chain of every tenant the receipts name (or the selected tenant's),
/// checked against the audit log and the receipt files on disk.
fn ledgers(
    ctx: &Context,
    config: &Config,
    args: &ReceiptVerifyArgs,
    trust: &Trust,
    verified: &[VerifiedReceipt],
) -> Result<Vec<ChainReport>> {
    let mut chains: Vec<ChainReport> = Vec::new();
    if args.ledger {
        let mut tenants: BTreeSet<String> =
            verified.iter().map(|v| v.receipt.tenant.clone()).collect();
        if args.files.is_empty() {
            tenants.insert(ctx.tenant(config)?.0);
        }
        for tenant in tenants {
            let keys = trust
                .keys_for(ctx, Some(&tenant))
                .map_err(|e| anyhow::anyhow!("the ledger of tenant '{tenant}': {e}"))?;
            let mut report = verify::verify_chain(&ctx.data_dir, &tenant, &keys, verified)
                .with_context(|| format!("cannot read the ledger of tenant '{tenant}'"))?;
            // The ledger alone cannot show its own end cut off: the audit log and the
            // receipt files on disk can.
            let anchors = dsr::anchor::check(&ctx.data_dir, Some(&tenant)).with_context(|| {
                format!("cannot check the ledger of tenant '{tenant}' against the audit log")
            })?;
            report
                .problems
                .extend(anchors.into_iter().map(|a| verify::ChainProblem {
                    line: None,
                    sequence: None,
                    receipt_id: None,
                    problem: a.problem,
                }));
            chains.push(report);
        }
    }

    Ok(chains)
}

/// One case receipt's result: the systems it lists, each receipt checked.
struct CaseChecked {
    file: PathBuf,
    result: Result<VerifiedCase, String>,
}

struct VerifiedCase {
    receipt: case_receipt::CaseReceipt,
    sha256: String,
    fingerprint: String,
}

/// Checks a case receipt's signature and form, then each system receipt it lists: that it
/// is where the case receipt says (under the data directory), verifies against its
/// tenant's key, is of the same case and tenant, and has the hash the case receipt names.
fn verify_case(ctx: &Context, trust: &Trust, file: &Path) -> Result<VerifiedCase, String> {
    let keys = trust.keys_for(ctx, None)?;
    let verified = case_receipt::verify_file(file, &keys).map_err(|e| e.to_string())?;
    let receipt = verified.receipt;
    for system in &receipt.systems {
        let tenant = sanitize(&system.tenant);
        let (Some(relative), Some(sha256)) = (&system.receipt, &system.receipt_sha256) else {
            if system.outcome != case_receipt::SystemOutcome::NotDone {
                return Err(format!(
                    "tenant '{tenant}' is called {} but has no receipt",
                    system.outcome.as_str()
                ));
            }
            continue;
        };
        let path = ctx.data_dir.join(relative);
        let keys = trust.keys_for(ctx, Some(&system.tenant))?;
        let own = verify::verify_file(&path, &keys)
            .map_err(|e| format!("the receipt of tenant '{tenant}' ({}): {e}", path.display()))?;
        if &own.sha256 != sha256 {
            return Err(format!(
                "the receipt of tenant '{tenant}' ({}) is not the one the case receipt names",
                path.display()
            ));
        }
        if own.receipt.case_id != receipt.case_id || own.receipt.tenant != system.tenant {
            return Err(format!(
                "the receipt of tenant '{tenant}' ({}) is of another case or tenant",
                path.display()
            ));
        }
    }
    Ok(VerifiedCase {
        receipt,
        sha256: verified.sha256,
        fingerprint: verified.fingerprint,
    })
}

/// Prints what was checked: each receipt and each ledger, as a table or as data.
fn print_verified(
    output: OutputFormat,
    checked: &[Checked],
    cases: &[CaseChecked],
    chains: &[ChainReport],
    ok: bool,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
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
            let case_receipts: Vec<_> = cases
                .iter()
                .map(|c| match &c.result {
                    Ok(v) => json!({
                        "file": c.file,
                        "ok": true,
                        "case_id": v.receipt.case_id,
                        "outcome": v.receipt.outcome.as_str(),
                        "systems": v.receipt.systems,
                        "sha256": v.sha256,
                        "fingerprint": v.fingerprint,
                    }),
                    Err(problem) => json!({ "file": c.file, "ok": false, "problem": problem }),
                })
                .collect();
            let mut value = json!({
                "ok": ok,
                "receipts": receipts,
                "ledgers": chains,
            });
            // Only when there are some: the document of ordinary receipts stays as it was.
            if !case_receipts.is_empty()
                && let Some(object) = value.as_object_mut()
            {
                object.insert("case_receipts".to_owned(), case_receipts.into());
            }
            super::output::print_value(&mut out, output, &value)?;
        }
        OutputFormat::Table => {
            for c in checked {
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
            for c in cases {
                let file = sanitize(&c.file.display().to_string());
                match &c.result {
                    Ok(v) => {
                        let systems: Vec<String> = v
                            .receipt
                            .systems
                            .iter()
                            .map(|s| format!("{} {}", sanitize(&s.tenant), s.outcome.as_str()))
                            .collect();
                        writeln!(
                            out,
                            "ok    {file}: case receipt of case {} ({}), {} system receipt(s) checked: {}; signed by {}",
                            sanitize(&v.receipt.case_id),
                            v.receipt.outcome.as_str(),
                            v.receipt
                                .systems
                                .iter()
                                .filter(|s| s.receipt.is_some())
                                .count(),
                            systems.join(", "),
                            v.fingerprint
                        )?
                    }
                    Err(problem) => writeln!(out, "FAIL  {file}: {}", sanitize(problem))?,
                }
            }
            for chain in chains {
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
    Ok(())
}

fn show(ctx: &Context, args: ReceiptShowArgs) -> Result<Outcome> {
    let file = receipt_file(&args.file);
    let bytes = std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
    let receipt: Receipt = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a dsr receipt", file.display()))?;
    let mut out = std::io::stdout().lock();
    match args.output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            super::output::print_value(&mut out, args.output, &serde_json::to_value(&receipt)?)?;
        }
        OutputFormat::Table => {
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
    let outcomes: Vec<String> = AssetOutcome::ALL
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
