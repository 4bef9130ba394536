//! What every operation on a case leaves behind: an audit entry and a signed receipt.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context as _, Result, bail};
use dsr::case::{Case, CaseStore};
use dsr::config::TenantProfile;
use dsr::receipt::{AssetRecord, IssuedReceipt, ReceiptDraft};

use super::{AuditNote, Context};

/// Why a case's data is read: `--purpose` or the tenant's default, else the request
/// itself — handling it is the purpose.
pub fn purpose(ctx: &Context, profile: &TenantProfile, case: &Case) -> String {
    ctx.purpose(Some(profile)).unwrap_or_else(|| {
        format!(
            "data-subject request ({} {}), case {}",
            case.right.as_str(),
            case.right.article(),
            case.id
        )
    })
}

/// Refuses, before anything is read or changed, an operator or `--purpose` that names the
/// subject of `identities`: the audit entry at the end would refuse it only once the work
/// was done. (The purpose made up from the case never names them.)
pub fn check_names(
    ctx: &Context,
    profile: &TenantProfile,
    identities: &[dsr::matching::identity::Identity],
    texts: &[(&'static str, Option<&str>)],
) -> Result<()> {
    let region = profile.settings()?.region;
    dsr::audit::check_names(
        &ctx.operator(Some(profile)),
        ctx.purpose(Some(profile)).as_deref(),
        identities,
        region,
    )?;
    // Free texts that go into the receipt as they are: a receipt that names the subject is
    // refused when it is issued, which for a change is after the platform changed. Checked
    // here, before anything is done.
    for (what, text) in texts {
        if let Some(kind) = text.and_then(|t| dsr::mentions::names_subject(t, identities, region)) {
            bail!(
                "the {what} names the data subject (their {}), and receipts never hold personal values: say it without naming them",
                dsr::mentions::noun(kind)
            );
        }
    }
    Ok(())
}

/// Records a command on a case in the audit log: counts only, never a value.
pub fn audit(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    case: &Case,
    command: &str,
    counts: &[(&str, u64)],
) -> Result<()> {
    audit_entry(ctx, name, profile, case, command, counts, None).map(drop)
}

/// The audit entry of a command on a case, anchoring `receipt` when it issued one;
/// returns the log's new head.
fn audit_entry(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    case: &Case,
    command: &str,
    counts: &[(&str, u64)],
    receipt: Option<&str>,
) -> Result<String> {
    let purpose = purpose(ctx, profile, case);
    ctx.audit(AuditNote {
        command,
        tenant: name,
        profile,
        case: Some(&case.id),
        purpose: &purpose,
        subject: &case.identities,
        counts,
        receipt,
    })
}

/// What an operation tells the audit log beside its receipt.
pub struct Audited<'a> {
    /// The command, as the audit log names it.
    pub command: &'a str,
    /// How many of what; never a personal value.
    pub counts: &'a [(&'a str, u64)],
}

/// Issues an operation's receipt, then its audit entry naming the receipt's hash, and
/// prints the audit log's new head for the request's ticket: `dsr audit --verify
/// --expect-head HASH` later proves that nothing from that entry back was cut.
///
/// The receipt comes first: once the operation is done, a failure to write the audit
/// entry must not leave the work without its proof.
pub fn receipted(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    store: &CaseStore,
    case: &Case,
    op: Operation<'_>,
    audited: Audited<'_>,
) -> Result<IssuedReceipt> {
    let issued = receipt(ctx, name, profile, store, case, op)?;
    let head = audit_entry(
        ctx,
        name,
        profile,
        case,
        audited.command,
        audited.counts,
        Some(&issued.sha256),
    )
    .with_context(|| {
        format!(
            "the receipt was issued ({}), but the audit entry could not be written",
            issued.path.display()
        )
    })?;
    ctx.note(&format!(
        "Audit head {head}: keep it with the request; `dsr audit --verify --expect-head {head}` proves later that nothing up to it was cut."
    ));
    Ok(issued)
}

/// What an operation reports for its receipt.
pub struct Operation<'a> {
    pub name: &'a str,
    pub started: SystemTime,
    pub assets: Vec<AssetRecord>,
    pub plan_sha256: Option<String>,
    /// Files produced: the name the receipt gives them, and where they are.
    pub files: Vec<(String, PathBuf)>,
}

/// Signs and files the receipt of an operation on `case`, in a folder of its own under the
/// case (`receipts/NNN-operation/`), and chains it into the tenant's ledger.
fn receipt(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    store: &CaseStore,
    case: &Case,
    op: Operation<'_>,
) -> Result<IssuedReceipt> {
    let key = signing_key(ctx, profile)?;
    let settings = profile.settings()?;
    // Art. 19: those who received the data are told of a rectification or erasure.
    let recipients = match case.right {
        dsr::case::Right::Rectification
        | dsr::case::Right::Erasure
        | dsr::case::Right::Restriction => {
            dsr::ropa::RecordOfProcessing::load(name, &ctx.ropa_path(name, profile))
                .map(|r| r.recipients)
                .unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let mut draft = ReceiptDraft {
        case_id: case.id.clone(),
        tenant: name.to_owned(),
        platform: profile.platform.as_str().to_owned(),
        right: case.right,
        operation: op.name.to_owned(),
        identities: case.identities.clone(),
        region: settings.region,
        operator: ctx.operator(Some(profile)),
        purpose: purpose(ctx, profile, case),
        verified_by: case
            .verified_by
            .clone()
            .unwrap_or_else(|| "not recorded".to_owned()),
        started: op.started,
        finished: SystemTime::now(),
        assets: op.assets,
        plan_sha256: op.plan_sha256,
        files: Default::default(),
        recipients,
        audit_head: dsr::audit::AuditLog::new(&ctx.data_dir)
            .head()
            .context("cannot read the audit log's head, which the receipt records")?,
    };
    for (file, path) in &op.files {
        draft
            .add_file(file, path)
            .with_context(|| format!("cannot hash {}", path.display()))?;
    }
    let dir = receipt_dir(&store.case_dir(&case.id)?, op.name)?;
    let issued = dsr::receipt::issue(&ctx.data_dir, &key, draft, &dir)
        .context("cannot issue the receipt")?;
    ctx.note(&format!(
        "Receipt {} (signed; tenant '{name}': ledger entry {}).",
        issued.path.display(),
        issued.receipt.sequence
    ));
    Ok(issued)
}

/// The next free `receipts/NNN-operation` folder of a case.
fn receipt_dir(case_dir: &Path, operation: &str) -> Result<PathBuf> {
    let root = case_dir.join(dsr::case::RECEIPTS_DIR);
    dsr::fsutil::private_dir(&root).with_context(|| format!("cannot create {}", root.display()))?;
    let taken = std::fs::read_dir(&root)
        .with_context(|| format!("cannot read {}", root.display()))?
        .count();
    Ok(root.join(format!("{:03}-{operation}", taken + 1)))
}

/// The key that signs: the configured one, or — when none is configured and the data
/// directory has none yet — a new one made there, so that a first operation is not refused
/// for want of a key. It is made as `dsr keys generate` makes one (the same comment, the
/// same principal, a history), so that `dsr keys generate --force` can replace it with a
/// passphrase-protected one and the receipts it signed still verify.
pub fn signing_key(
    ctx: &Context,
    profile: &TenantProfile,
) -> Result<std::sync::Arc<dsr::receipt::sign::SigningKey>> {
    let path = ctx.key_path(Some(profile));
    if path == ctx.default_key_path() && !path.exists() {
        dsr::receipt::sign::generate(&path, dsr::receipt::sign::PRINCIPAL, None, false)
            .with_context(|| format!("cannot create the signing key {}", path.display()))?;
        ctx.note(&format!(
            "Created the signing key {} (no passphrase; `dsr keys generate --force` replaces it with one that has a passphrase, and what it signed stays verifiable). `dsr keys show > allowed_signers` gives verifiers the file to check receipts with.",
            path.display()
        ));
    }
    super::signing_key(ctx, Some(profile))
}

/// The audit entry and the receipt of an erasure or rectification run.
pub fn change_records(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    store: &CaseStore,
    case: &Case,
    command: &str,
    report: &dsr::apply::RunReport,
) -> Result<IssuedReceipt> {
    use dsr::apply::Outcome as Step;
    let count = |o| report.outcomes(o) as u64;
    let images = report.outcomes(Step::ImageStillShowsSubject) as u64;
    let counts = [
        ("verified", count(Step::Verified)),
        ("unverified", count(Step::Unverified)),
        ("failed", count(Step::Failed)),
        ("withheld", count(Step::Withheld)),
        ("manual", count(Step::Manual)),
        ("image-still-shows-subject", images),
        ("versions-remain", count(Step::VersionsRemain)),
        ("remaining", report.remaining.len() as u64),
    ];
    change_receipt(
        ctx,
        name,
        profile,
        store,
        case,
        report,
        Audited {
            command,
            counts: &counts,
        },
    )
}

/// The receipt of an erasure or rectification run, from its step-by-step report: each
/// asset's action, outcome and read-back evidence, and every asset where the subject was
/// still found afterwards.
fn change_receipt(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
    store: &CaseStore,
    case: &Case,
    report: &dsr::apply::RunReport,
    audited: Audited<'_>,
) -> Result<IssuedReceipt> {
    use dsr::apply::{Action, Outcome as Step};
    use dsr::receipt::AssetOutcome;
    let started = time::OffsetDateTime::parse(
        &report.started,
        &time::format_description::well_known::Rfc3339,
    )
    .map(SystemTime::from)
    .unwrap_or_else(|_| SystemTime::now());
    let mut assets: Vec<AssetRecord> = report
        .steps
        .iter()
        .map(|step| AssetRecord {
            asset: step.asset.clone(),
            action: step.action.as_str().to_owned(),
            outcome: match (step.outcome, step.action) {
                (Step::Verified, Action::Delete) => AssetOutcome::Deleted,
                (Step::Verified, Action::Rectify) => AssetOutcome::Rectified,
                (Step::Verified, Action::Restrict) => AssetOutcome::Restricted,
                (Step::Verified, Action::Lift) => AssetOutcome::Lifted,
                (Step::Verified, _) => AssetOutcome::Scrubbed,
                (Step::Clean, _) => AssetOutcome::Clean,
                (Step::Withheld, _) => AssetOutcome::Withheld,
                (Step::ImageStillShowsSubject, _) => AssetOutcome::ImageStillShowsSubject,
                (Step::Manual, _) => AssetOutcome::Manual,
                (Step::VersionsRemain, _) => AssetOutcome::VersionsRemain,
                (Step::Unverified, _) => AssetOutcome::Unverified,
                (Step::Failed, _) => AssetOutcome::Failed,
            },
            evidence: match (&report.images_kept, step.outcome) {
                (Some(reason), Step::ImageStillShowsSubject) => format!(
                    "{}; kept by the controller's decision: {reason}",
                    step.detail
                ),
                _ => step.detail.clone(),
            },
            files: step.files.clone(),
        })
        .collect();
    // Where a locate after the run finds the subject outside the plan: not done either.
    assets.extend(
        report
            .unexplained()
            .filter(|a| !report.steps.iter().any(|s| &s.asset == *a))
            .map(|asset| AssetRecord {
                asset: asset.clone(),
                action: "locate".to_owned(),
                outcome: AssetOutcome::Unverified,
                evidence: "a locate after the run finds the subject here, outside the plan"
                    .to_owned(),
                files: Vec::new(),
            }),
    );
    assets.extend(super::unreadable::records(&report.not_searched, false));
    receipted(
        ctx,
        name,
        profile,
        store,
        case,
        Operation {
            name: &report.operation,
            started,
            assets,
            plan_sha256: Some(report.plan_sha256.clone()),
            files: Vec::new(),
        },
        audited,
    )
}
