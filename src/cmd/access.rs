//! `dsr access`: the Art. 15 access package of a case.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};
use dsr::access::{AccessData, Found};
use dsr::asset::Asset;
use dsr::case::{Case, CaseStore, Right};
use dsr::config::TenantProfile;
use dsr::disclose::{KnownPeople, PointsAt, SubjectAsset, subject_view};
use dsr::matching::identity::probes;
use dsr::matching::matcher::{Confidence, Matcher};
use dsr::platform::Platform;
use dsr::ropa::RecordOfProcessing;

use super::bulk::{Status, SubjectReport, Work};
use super::session::{Session, require_right};
use super::unreadable::{self, Listed};
use super::{Context, Outcome};
use crate::cli::{AccessArgs, OutputFormat};
use dsr::subjects::Subject;

pub fn run(ctx: &Context, args: AccessArgs) -> Result<Outcome> {
    if ctx.spans_tenants() {
        return super::access_across::run(ctx, args);
    }
    let session = Session::resolve(ctx)?;
    let (name, profile, store) = (&session.name, &session.profile, &session.store);
    // A case for another right is refused before anything else is looked at.
    let single = match (&args.list.from, &args.case) {
        (None, Some(id)) => Some(session.case(id, &[Right::Access])?),
        (None, None) => {
            bail!("name the case: dsr access CASE (or --from FILE for a list of subjects)")
        }
        (Some(_), _) => None,
    };
    let ropa = RecordOfProcessing::load_for_package(name, &ctx.ropa_path(name, profile))?;
    let lang = match args.lang.as_deref() {
        Some(code) => code.parse()?,
        None => ropa.language.unwrap_or_default(),
    };
    let platform = session.platform(None)?;
    let not_searched = unreadable::ids(ctx, name)?;
    let accepted = Listed::InPackage {
        accepted: args.accept_unreadable,
    };
    let known = known_people(ctx, name, profile)?;
    let access = Access {
        known: &known,
        ctx,
        name,
        profile,
        store,
        ropa: &ropa,
        platform: platform.as_ref(),
        templates: args.templates.as_deref(),
        lang,
        folder: None,
        unreadable: NotSearched {
            assets: &not_searched,
            accepted: args.accept_unreadable,
        },
    };
    let (Some(from), None) = (&args.list.from, &single) else {
        let Some(case) = single else {
            bail!("name the case: dsr access CASE (or --from FILE for a list of subjects)");
        };
        let made = access.package(case, args.out)?;
        report_missing(ctx, &made.missing);
        unreadable::note(ctx, &made.not_searched, accepted);
        print_made(&made, args.list.output)?;
        return Ok(made.outcome());
    };
    ctx.catch_signals()?;
    let hushed = ctx.hushed();
    let bulk = Access {
        ctx: &hushed,
        folder: args.out.as_deref(),
        ..access
    };
    session.signing_key()?;
    let outcome = super::bulk::run(
        ctx,
        name,
        profile,
        store,
        super::bulk::Options {
            command: "access",
            right: Right::Access,
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

/// The assets the last sync could not read, which no package's search covered, and
/// whether a person looked at them (`--accept-unreadable`).
#[derive(Clone, Copy)]
pub struct NotSearched<'a> {
    pub assets: &'a [String],
    pub accepted: bool,
}

impl NotSearched<'_> {
    /// Those a package left out: any of them it put in was read whole just now.
    pub fn left_out(&self, put_in: &[String]) -> Vec<String> {
        self.assets
            .iter()
            .filter(|id| !put_in.contains(id))
            .cloned()
            .collect()
    }
}

/// Writes access packages: what one `dsr access` run shares between its cases.
pub(super) struct Access<'a> {
    pub ctx: &'a Context,
    pub name: &'a str,
    pub profile: &'a TenantProfile,
    pub store: &'a CaseStore,
    pub ropa: &'a RecordOfProcessing,
    pub platform: &'a dyn Platform,
    pub templates: Option<&'a std::path::Path>,
    pub lang: dsr::lang::Lang,
    /// The people the tenant knows, read once for every subject of the run.
    pub known: &'a Arc<KnownPeople>,
    /// With a list: the folder the packages go into, as access-CASE.zip [default: each
    /// case's folder].
    pub folder: Option<&'a std::path::Path>,
    pub unreadable: NotSearched<'a>,
}

/// A package written for one case.
pub struct Made {
    pub path: PathBuf,
    pub assets: usize,
    /// Files in the package (entries of the ZIP, or of the folder).
    pub files: usize,
    pub missing: Vec<String>,
    /// Assets the last sync could not read, not searched and so not in the package.
    pub not_searched: Vec<String>,
    /// A person looked at them and answered without them (`--accept-unreadable`).
    pub accepted: bool,
    pub receipt: PathBuf,
}

impl Made {
    /// Complete when every reviewed asset is in and nothing went unsearched, unless a
    /// person accepted what did.
    pub fn complete(&self) -> bool {
        self.missing.is_empty() && (self.not_searched.is_empty() || self.accepted)
    }

    pub fn outcome(&self) -> Outcome {
        if self.complete() {
            Outcome::Done
        } else {
            Outcome::Partial
        }
    }

    /// What a bulk run reports for it: the case's matches and reviewed assets, the assets
    /// put in, its `files` (named as the command counts them) and what was missing.
    pub fn report(&self, case: (u64, u64), files: &'static str) -> SubjectReport {
        let counts = vec![
            ("matches", case.0),
            ("reviewed", case.1),
            ("assets", self.assets as u64),
            (files, self.files as u64),
            ("missing", self.missing.len() as u64),
            ("not_searched", self.not_searched.len() as u64),
        ];
        let mut errors: Vec<String> = self
            .missing
            .iter()
            .map(|id| format!("{id}: reviewed, but no longer on the platform"))
            .collect();
        if !self.not_searched.is_empty() && !self.accepted {
            errors.push(format!(
                "{} asset(s) could not be read at the last sync and were not searched: run `dsr sync` after fixing them, or give --accept-unreadable once a person has checked them",
                self.not_searched.len()
            ));
        }
        SubjectReport {
            status: if self.complete() {
                Status::Done
            } else {
                Status::Partial
            },
            counts,
            touched: self.assets as u64,
            plan_sha256: None,
            receipt: Some(self.receipt.clone()),
            output: Some(std::path::absolute(&self.path).unwrap_or_else(|_| self.path.clone())),
            errors,
        }
    }
}

impl Access<'_> {
    /// Writes the access package of `case` to `out` (a folder, or a ZIP by its name)
    /// [default: access-CASE.zip in the case's folder] and records it: the case's history,
    /// the audit log, a signed receipt.
    fn package(&self, case: Case, out: Option<PathBuf>) -> Result<Made> {
        let reviewed = self.review(&case)?;
        self.package_reviewed(case, reviewed, out)
    }

    /// Checks the case's names and reads its reviewed set from the platform: everything
    /// a package needs from the system before a byte of it is written.
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

    /// [`Access::package`] with the reviewed set already read by [`Access::review`].
    pub(super) fn package_reviewed(
        &self,
        mut case: Case,
        reviewed: Reviewed,
        out: Option<PathBuf>,
    ) -> Result<Made> {
        let started = std::time::SystemTime::now();
        let (ctx, name, profile, store) = (self.ctx, self.name, self.profile, self.store);
        let platform = self.platform;
        let found: Vec<Found> = reviewed
            .assets
            .iter()
            .map(|(asset, min)| {
                let preview = platform.preview(&asset.id).unwrap_or_else(|e| {
                    log::warn!("no preview for asset {}: {e}", asset.id);
                    None
                });
                let mut view = reviewed.view(&case, asset, *min);
                view.files = dsr::disclose::file_facts(platform, &asset.id)
                    .with_context(|| format!("cannot list the files behind asset {}", asset.id))?;
                Ok(Found {
                    asset: view,
                    preview,
                })
            })
            .collect::<Result<_>>()?;
        let put_in: Vec<String> = found.iter().map(|f| f.asset.id.clone()).collect();
        let not_searched = self.unreadable.left_out(&put_in);
        let now = dsr::time::now();
        let data = AccessData::new(&case, self.ropa, &found, &not_searched, &now, self.lang);
        let case_dir = store.case_dir(&case.id)?;
        let (out, owned) = match out {
            Some(out) => (out, false),
            None => (case_dir.join(format!("access-{}.zip", case.id)), true),
        };
        let written = dsr::access::write(&data, &found, &out, self.templates, owned)
            .with_context(|| format!("cannot write the access package {}", out.display()))?;
        case.record(
            &now,
            &ctx.operator(Some(profile)),
            format!(
                "access package written: {} asset(s), {} file(s)",
                found.len(),
                written.entries.len()
            ),
        );
        store.save(&case)?;
        let files = if written.zip_sha256.is_some() {
            vec![(format!("access-{}.zip", case.id), out.clone())]
        } else {
            written
                .entries
                .iter()
                .map(|e| (e.path.clone(), out.join(&e.path)))
                .collect()
        };
        let issued = super::record::receipted(
            ctx,
            name,
            profile,
            store,
            &case,
            super::record::Operation {
                name: "access",
                started,
                assets: exported(&put_in, &reviewed.missing, "in the access package")
                    .into_iter()
                    .chain(unreadable::records(&not_searched, self.unreadable.accepted))
                    .collect(),
                plan_sha256: None,
                files,
            },
            super::record::Audited {
                command: "access",
                counts: &[
                    ("assets", found.len() as u64),
                    ("files", written.entries.len() as u64),
                    ("missing", reviewed.missing.len() as u64),
                    ("not_searched", not_searched.len() as u64),
                ],
            },
        )?;
        ctx.note(&format!(
            "Access package for case {}: {} asset(s), {} file(s).",
            case.id,
            found.len(),
            written.entries.len()
        ));
        Ok(Made {
            path: out,
            assets: found.len(),
            files: written.entries.len(),
            missing: reviewed.missing,
            not_searched,
            accepted: self.unreadable.accepted,
            receipt: issued.path,
        })
    }
}

impl Work for Access<'_> {
    type Ready = Case;

    fn count_names(&self) -> &'static [&'static str] {
        &[
            "matches",
            "reviewed",
            "assets",
            "files",
            "missing",
            "not_searched",
        ]
    }

    fn prepare(&self, _: &Subject, case: Case, _resumed: bool) -> Result<Case> {
        require_right(&case, &[Right::Access])?;
        Ok(case)
    }

    fn planned(&self, case: &Case) -> SubjectReport {
        planned(case)
    }

    fn question(&self, _: &[&Case]) -> Option<String> {
        None
    }

    fn carry_out(&self, case: Case) -> Result<SubjectReport> {
        let counts = (case.matches.len() as u64, case.reviewed().len() as u64);
        let out = in_folder(self.folder, &format!("access-{}.zip", case.id))?;
        Ok(self.package(case, out)?.report(counts, "files"))
    }
}

/// With a list's `--out DIR`, where one case's package goes (the folder made owner-only
/// when it does not exist; an existing one keeps its mode); without one, nowhere in
/// particular: the case's own folder.
pub fn in_folder(folder: Option<&std::path::Path>, name: &str) -> Result<Option<PathBuf>> {
    let Some(folder) = folder else {
        return Ok(None);
    };
    dsr::fsutil::private_dir(folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    Ok(Some(folder.join(name)))
}

/// A dry run's account of an export: what would go in.
pub fn planned(case: &Case) -> SubjectReport {
    SubjectReport {
        status: Status::Planned,
        counts: vec![
            ("matches", case.matches.len() as u64),
            ("reviewed", case.reviewed().len() as u64),
        ],
        touched: 0,
        plan_sha256: None,
        receipt: None,
        output: None,
        errors: Vec::new(),
    }
}

/// The receipt's account of an export: each asset put in, each reviewed asset gone.
pub fn exported(
    assets: &[String],
    missing: &[String],
    evidence: &str,
) -> Vec<dsr::receipt::AssetRecord> {
    use dsr::receipt::{AssetOutcome, AssetRecord};
    assets
        .iter()
        .map(|id| AssetRecord {
            asset: id.clone(),
            action: "export".to_owned(),
            outcome: AssetOutcome::Done,
            evidence: evidence.to_owned(),
            files: Vec::new(),
        })
        .chain(missing.iter().map(|id| AssetRecord {
            asset: id.clone(),
            action: "export".to_owned(),
            outcome: AssetOutcome::Skipped,
            evidence: "no longer on the platform".to_owned(),
            files: Vec::new(),
        }))
        .collect()
}

/// The reviewed set as the platform holds it now, and how to read it.
pub struct Reviewed {
    /// Each asset with the confidence from which its values count as the subject's.
    pub assets: Vec<(Asset, Confidence)>,
    /// Reviewed assets the platform no longer has.
    pub missing: Vec<String>,
    pub matcher: Matcher,
    pub roles: dsr::fields::FieldRoles,
    pub labels: BTreeMap<String, String>,
    /// The people the tenant knows from its person fields, redacted wherever free text in
    /// the package names them (Art. 15(4)).
    pub known: Arc<KnownPeople>,
    /// Assets in the package because they point at one of the subject's (a quote of her
    /// client row), by id; shown as what they hold, like an asset a person put in.
    pub related: BTreeSet<String>,
    /// What each asset that points at another of the package points at, by id: the
    /// related ones and reviewed ones found pointing at another reviewed one.
    pub points_at: BTreeMap<String, PointsAt>,
    /// What people call the archives of the assets, where the platform names them
    /// otherwise (a database table's label).
    pub archive_labels: BTreeMap<String, String>,
}

/// Whether `id` is among the assets read so far.
fn subjects_hold(assets: &[(Asset, Confidence)], id: &str) -> bool {
    assets.iter().any(|(a, _)| a.id == id)
}

/// What a related asset points at, as the package says it.
fn pointer(related: &dsr::platform::Related) -> PointsAt {
    PointsAt {
        id: related.points_at.clone(),
        through: related.through.clone(),
    }
}

/// Everyone the tenant's person fields name, from the index: one pass over it per run,
/// shared by every subject of a list.
pub fn known_people(
    ctx: &Context,
    name: &str,
    profile: &TenantProfile,
) -> Result<Arc<KnownPeople>> {
    let roles = profile.settings()?.roles;
    let index = dsr::index::TenantIndex::open(&ctx.tenant_files(name).index())
        .context("cannot open the tenant's index to learn who else it names")?;
    let mut seen = std::collections::BTreeSet::new();
    index
        .for_each_asset(|asset| KnownPeople::gather(&mut seen, &asset.metadata, &roles))
        .context("cannot read the tenant's index to learn who else it names")?;
    let known = KnownPeople::from_names(seen);
    log::debug!("{} people known from person fields", known.len());
    Ok(Arc::new(known))
}

impl Reviewed {
    pub fn read(
        ctx: &Context,
        name: &str,
        profile: &TenantProfile,
        case: &Case,
        platform: &dyn Platform,
        known: &Arc<KnownPeople>,
    ) -> Result<Reviewed> {
        let settings = profile.settings()?;
        let matcher = Matcher::new(
            probes(&case.identities, settings.region)?,
            settings.roles.clone(),
            settings.region,
        );
        let mut labels = dsr::fields::default_labels();
        if let Ok(state) = ctx.tenant_files(name).load_summary() {
            labels.extend(state.labels);
        }
        let mut assets = Vec::new();
        let mut missing = Vec::new();
        for m in case.reviewed() {
            // An asset a person put in counts from low confidence: they judged it the subject.
            let min = if case.review.included.contains(&m.asset) {
                Confidence::Low
            } else {
                Confidence::Medium
            };
            match platform.get(&m.asset) {
                Ok(asset) => assets.push((asset, min)),
                Err(e) if e.is_not_found() => missing.push(m.asset.clone()),
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot read asset {}", m.asset));
                }
            }
        }
        // What points at her rows is hers too (Art. 15: all the personal data undergoing
        // processing): a quote of her client row, though it never names her. What each
        // points at is kept, so that the package shows it under that record; a reviewed
        // asset that points at another reviewed one (her quote of her client row) is
        // shown under it too.
        let mut related = BTreeSet::new();
        let mut points_at: BTreeMap<String, PointsAt> = BTreeMap::new();
        let mut held: BTreeSet<String> = assets.iter().map(|(a, _)| a.id.clone()).collect();
        held.extend(missing.iter().cloned());
        let subjects: Vec<String> = assets.iter().map(|(a, _)| a.id.clone()).collect();
        for id in subjects {
            let pointing = platform
                .related(&id)
                .with_context(|| format!("cannot read what points at asset {id}"))?;
            for other in pointing {
                let newly = held.insert(other.id.clone());
                if !newly {
                    if subjects_hold(&assets, &other.id) && !points_at.contains_key(&other.id) {
                        points_at.insert(other.id.clone(), pointer(&other));
                    }
                    continue;
                }
                match platform.get(&other.id) {
                    Ok(asset) => {
                        related.insert(other.id.clone());
                        points_at.insert(other.id.clone(), pointer(&other));
                        assets.push((asset, Confidence::Low));
                    }
                    // Deleted between the two reads: nothing of it to show.
                    Err(e) if e.is_not_found() => {}
                    Err(e) => {
                        return Err(e).with_context(|| format!("cannot read asset {}", other.id));
                    }
                }
            }
        }
        let archive_labels = assets
            .iter()
            .filter_map(|(a, _)| Some((a.archive.clone(), platform.archive_label(&a.archive)?)))
            .collect();
        Ok(Reviewed {
            archive_labels,
            assets,
            missing,
            matcher,
            roles: settings.roles,
            labels,
            known: Arc::clone(known),
            related,
            points_at,
        })
    }
}

impl Reviewed {
    /// The subject's view of one reviewed asset. One a person put in by hand on which
    /// nothing matches the subject is shown as what it holds, marked as judged theirs: an
    /// empty entry would hide what the controller decided is theirs.
    pub fn view(&self, case: &Case, asset: &Asset, min: Confidence) -> SubjectAsset {
        let view = subject_view(
            asset,
            &self.matcher,
            &self.roles,
            &self.labels,
            min,
            &self.known,
        );
        let points_at = self.points_at.get(&asset.id).cloned();
        let archive_label = self.archive_labels.get(&asset.archive).cloned();
        if view.fields.is_empty() && self.related.contains(&asset.id) {
            // No person judged it: it is theirs because it points at one of theirs.
            let mut view = dsr::disclose::judged_view(
                asset,
                &self.matcher,
                &self.roles,
                &self.labels,
                &self.known,
            );
            view.judged_by_review = false;
            view.points_at_theirs = true;
            view.points_at = points_at;
            view.archive_label = archive_label;
            return view;
        }
        if view.fields.is_empty() && case.inclusion(&asset.id).is_some() {
            return SubjectAsset {
                points_at,
                archive_label,
                ..dsr::disclose::judged_view(
                    asset,
                    &self.matcher,
                    &self.roles,
                    &self.labels,
                    &self.known,
                )
            };
        }
        SubjectAsset {
            points_at,
            archive_label,
            ..view
        }
    }
}

pub fn report_missing(ctx: &Context, missing: &[String]) {
    if missing.is_empty() {
        return;
    }
    ctx.note(&format!(
        "{} reviewed asset(s) no longer exist on the platform and are left out; run `dsr sync`:",
        missing.len()
    ));
    for id in missing {
        ctx.note(&format!("  {}", super::sanitize(id)));
    }
}

/// The result on stdout, as `--output` asks: for people its path, the one piece of data
/// they need; for scripts `{path, assets, files, receipt, missing, not_searched}`.
pub fn print_made(made: &Made, format: OutputFormat) -> Result<()> {
    if format == OutputFormat::Table {
        return print_path(&made.path);
    }
    let absolute = |p: &std::path::Path| std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
    let value = serde_json::json!({
        "path": absolute(&made.path),
        "assets": made.assets,
        "files": made.files,
        "receipt": absolute(&made.receipt),
        "missing": made.missing,
        "not_searched": made.not_searched,
    });
    super::output::print_value(&mut std::io::stdout().lock(), format, &value)
}

/// Where the result is, on stdout: the one piece of data these commands produce.
fn print_path(path: &std::path::Path) -> Result<()> {
    use std::io::Write;
    let shown: PathBuf = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    writeln!(std::io::stdout().lock(), "{}", shown.display())?;
    Ok(())
}
