//! `dsr portability`: the Art. 20 portable ZIP of a case.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use dsr::case::{Case, CaseStore, Right};
use dsr::config::TenantProfile;
use dsr::platform::Platform;
use dsr::portability::{Item, provided_by_subject};

use super::access::{Made, NotSearched, Reviewed, print_made, report_missing};
use super::bulk::{SubjectReport, Work};
use super::session::{Session, require_right};
use super::unreadable::{self, Listed};
use super::{Context, Outcome};
use crate::cli::PortabilityArgs;
use dsr::subjects::Subject;

pub fn run(ctx: &Context, args: PortabilityArgs) -> Result<Outcome> {
    if ctx.spans_tenants() {
        return super::portability_across::run(ctx, args);
    }
    let session = Session::resolve(ctx)?;
    let (name, profile, store) = (&session.name, &session.profile, &session.store);
    // A case for another right is refused before anything else is looked at.
    let single = match (&args.list.from, &args.case) {
        (None, Some(id)) => Some(session.case(id, &[Right::Portability])?),
        (None, None) => {
            bail!("name the case: dsr portability CASE (or --from FILE for a list of subjects)")
        }
        (Some(_), _) => None,
    };
    if let Some(out) = &args.out
        && args.list.from.is_none()
        && !dsr::package::is_zip(out)
    {
        bail!(
            "--out {} must name a .zip file: the portable archive is a ZIP",
            out.display()
        );
    }
    // Asked for before anything is read, and once for a whole list.
    let password = if args.encrypt {
        Some(passphrase(ctx)?)
    } else {
        None
    };
    let lang = match args.lang.as_deref() {
        Some(code) => code.parse()?,
        None => dsr::ropa::RecordOfProcessing::language(&ctx.ropa_path(name, &session.profile))?
            .unwrap_or_default(),
    };
    let platform = session.platform(None)?;
    let not_searched = unreadable::ids(ctx, name)?;
    let accepted = Listed::InPackage {
        accepted: args.accept_unreadable,
    };
    let known = super::access::known_people(ctx, name, profile)?;
    let portable = Portable {
        known: &known,
        ctx,
        name,
        profile,
        store,
        platform: platform.as_ref(),
        password,
        all_originals: args.all_originals,
        encrypt: args.encrypt,
        lang,
        folder: None,
        unreadable: NotSearched {
            assets: &not_searched,
            accepted: args.accept_unreadable,
        },
    };
    let (Some(from), None) = (&args.list.from, &single) else {
        let Some(case) = single else {
            bail!("name the case: dsr portability CASE (or --from FILE for a list of subjects)");
        };
        let made = portable.archive(case, args.out.clone())?;
        report_missing(ctx, &made.missing);
        unreadable::note(ctx, &made.not_searched, accepted);
        print_made(&made, args.list.output)?;
        return Ok(made.outcome());
    };
    ctx.catch_signals()?;
    let hushed = ctx.hushed();
    let bulk = Portable {
        ctx: &hushed,
        folder: args.out.as_deref(),
        ..portable
    };
    session.signing_key()?;
    let outcome = super::bulk::run(
        ctx,
        name,
        profile,
        store,
        super::bulk::Options {
            command: "portability",
            right: Right::Portability,
            from,
            output: args.list.output,
            jobs: args.list.jobs.into(),
            resume: args.list.resume,
            dry_run: false,
            yes: true,
            verified_by: args.list.verified_by.as_deref(),
        },
        &bulk,
    );
    unreadable::note(ctx, &not_searched, accepted);
    outcome
}

/// Writes portable archives: what one `dsr portability` run shares between its cases.
pub(super) struct Portable<'a> {
    pub ctx: &'a Context,
    pub name: &'a str,
    pub profile: &'a TenantProfile,
    pub store: &'a CaseStore,
    pub platform: &'a dyn Platform,
    pub password: Option<String>,
    pub all_originals: bool,
    pub encrypt: bool,
    pub lang: dsr::lang::Lang,
    /// With a list: the folder the archives go into [default: each case's folder].
    pub folder: Option<&'a Path>,
    pub unreadable: NotSearched<'a>,
    /// The people the tenant knows, read once for every subject of the run.
    pub known: &'a std::sync::Arc<dsr::disclose::KnownPeople>,
}

impl Portable<'_> {
    /// Writes the portable archive of `case` to `out` [default: portable-CASE.zip in the
    /// case's folder] and records it: the case's history, the audit log, a signed receipt.
    fn archive(&self, case: Case, out: Option<PathBuf>) -> Result<Made> {
        let reviewed = self.review(&case)?;
        self.archive_reviewed(case, reviewed, out)
    }

    /// Checks the case's names and reads its reviewed set from the platform: everything
    /// an archive needs from the system before a byte of it is written.
    pub(super) fn review(&self, case: &Case) -> Result<Reviewed> {
        let (ctx, name, profile) = (self.ctx, self.name, self.profile);
        super::record::check_names(
            ctx,
            profile,
            &case.identities,
            &[("case's verified-by text", case.verified_by.as_deref())],
        )?;
        Reviewed::read(ctx, name, profile, case, self.platform, self.known)
    }

    /// [`Portable::archive`] with the reviewed set already read by [`Portable::review`].
    pub(super) fn archive_reviewed(
        &self,
        mut case: Case,
        reviewed: Reviewed,
        out: Option<PathBuf>,
    ) -> Result<Made> {
        let started = std::time::SystemTime::now();
        let (ctx, profile, store) = (self.ctx, self.profile, self.store);
        let name = self.name;
        let case_dir = store.case_dir(&case.id)?;
        let out = out.unwrap_or_else(|| case_dir.join(format!("portable-{}.zip", case.id)));
        let items: Vec<Item> = reviewed
            .assets
            .iter()
            .map(|(asset, min)| Item {
                view: reviewed.view(&case, asset, *min),
                original: self.all_originals
                    || provided_by_subject(asset, &reviewed.matcher, &reviewed.roles),
                asset: asset.clone(),
            })
            .collect();
        // A default target is the case's own: a new run replaces it.
        if out.starts_with(&case_dir) && out.exists() {
            std::fs::remove_file(&out)
                .with_context(|| format!("cannot replace {}", out.display()))?;
        }
        let ids: Vec<String> = items.iter().map(|i| i.asset.id.clone()).collect();
        let not_searched = self.unreadable.left_out(&ids);
        let now = dsr::time::now();
        let written = dsr::portability::write(
            &case,
            &items,
            &not_searched,
            self.platform,
            &out,
            &case_dir,
            dsr::portability::Options {
                password: self.password.clone(),
                lang: self.lang,
            },
        )
        .with_context(|| format!("cannot write the portable archive {}", out.display()))?;
        case.record(
            &now,
            &ctx.operator(Some(profile)),
            format!(
                "portable archive written: {} asset(s), {} original(s), SHA-256 {}",
                items.len(),
                written.originals,
                written.sha256
            ),
        );
        store.save(&case)?;
        let issued = super::record::receipted(
            ctx,
            name,
            profile,
            store,
            &case,
            super::record::Operation {
                name: "portability",
                started,
                assets: super::access::exported(&ids, &reviewed.missing, "in the portable archive")
                    .into_iter()
                    .chain(unreadable::records(&not_searched, self.unreadable.accepted))
                    .collect(),
                plan_sha256: None,
                files: vec![(format!("portable-{}.zip", case.id), out.clone())],
            },
            super::record::Audited {
                command: "portability",
                counts: &[
                    ("assets", items.len() as u64),
                    ("originals", written.originals as u64),
                    ("missing", reviewed.missing.len() as u64),
                    ("not_searched", not_searched.len() as u64),
                ],
            },
        )?;
        ctx.note(&format!(
            "Portable archive for case {}: {} asset(s), {} original(s){}. SHA-256 {}",
            case.id,
            items.len(),
            written.originals,
            if self.encrypt {
                ", AES-256 encrypted"
            } else {
                ""
            },
            written.sha256
        ));
        Ok(Made {
            path: out,
            assets: items.len(),
            files: written.originals,
            missing: reviewed.missing,
            not_searched,
            accepted: self.unreadable.accepted,
            receipt: issued.path,
        })
    }
}

impl Work for Portable<'_> {
    type Ready = Case;

    fn count_names(&self) -> &'static [&'static str] {
        &[
            "matches",
            "reviewed",
            "assets",
            "originals",
            "missing",
            "not_searched",
        ]
    }

    fn prepare(&self, _: &Subject, case: Case, _resumed: bool) -> Result<Case> {
        require_right(&case, &[Right::Portability])?;
        Ok(case)
    }

    fn planned(&self, case: &Case) -> SubjectReport {
        super::access::planned(case)
    }

    fn question(&self, _: &[&Case]) -> Option<String> {
        None
    }

    fn carry_out(&self, case: Case) -> Result<SubjectReport> {
        let counts = (case.matches.len() as u64, case.reviewed().len() as u64);
        let out = super::access::in_folder(self.folder, &format!("portable-{}.zip", case.id))?;
        Ok(self.archive(case, out)?.report(counts, "originals"))
    }
}

/// The ZIP passphrase: `DSR_ZIP_PASSPHRASE`, or a hidden prompt typed twice.
pub(super) fn passphrase(ctx: &Context) -> Result<String> {
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
