//! The tenant a command works on, resolved once per run (the way ripgrep turns its flags
//! into one validated `HiArgs`): the configuration, the selected tenant's profile, where its
//! data lives, its case store; and, when the command asks for them, the platform, the
//! tenant lock, the signing key. Commands receive a [`Session`] instead of re-deriving
//! each of these, so every command resolves them in the same order with the same messages.

use std::sync::Arc;

use anyhow::{Result, bail};
use dsr::case::{Case, CaseStore, Right};
use dsr::config::TenantProfile;
use dsr::index::IndexSettings;
use dsr::index::sync::TenantFiles;
use dsr::lock::TenantLock;
use dsr::platform::Platform;
use dsr::receipt::sign::SigningKey;

use super::Context;

/// The selected tenant of one run.
pub struct Session<'c> {
    /// The command's own context, which may print and ask.
    pub ctx: &'c Context,
    pub name: String,
    pub profile: TenantProfile,
    /// Where the tenant's index, state and cases live.
    pub files: TenantFiles,
    pub store: CaseStore,
}

impl<'c> Session<'c> {
    /// Reads the configuration and selects the tenant (`--tenant`, or the only one).
    pub fn resolve(ctx: &'c Context) -> Result<Session<'c>> {
        let config = ctx.load_config()?;
        let (name, profile) = ctx.tenant(&config)?;
        let files = ctx.tenant_files(&name);
        // The profile is already loaded: the case store needs only the tenant's folder.
        let store = CaseStore::new(&name, &files.dir);
        Ok(Session {
            ctx,
            name,
            profile,
            files,
            store,
        })
    }

    /// The session of tenant `name`, one of a group's (a request across systems).
    pub fn of(ctx: &'c Context, name: &str, profile: TenantProfile) -> Session<'c> {
        let files = ctx.tenant_files(name);
        let store = CaseStore::new(name, &files.dir);
        Session {
            ctx,
            name: name.to_owned(),
            profile,
            files,
            store,
        }
    }

    /// The case `id`, refused when it is a request for another right or closed.
    pub fn case(&self, id: &str, rights: &[Right]) -> Result<Case> {
        let case = self.store.load(id)?;
        require_right(&case, rights)?;
        Ok(case)
    }

    /// How the tenant's index is set up: its field roles and default region.
    pub fn settings(&self) -> Result<IndexSettings> {
        Ok(self.profile.settings()?)
    }

    /// The tenant lock, held while the run changes the tenant; none when `needed` is false
    /// (a dry run reads the platform as a plan would, and only changes need the lock).
    pub fn lock(&self, needed: bool) -> Result<Option<TenantLock>> {
        Ok(match needed {
            true => Some(TenantLock::acquire(&self.files.dir.join("lock"))?),
            false => None,
        })
    }

    /// Opens the tenant's platform, sending at most `max_requests` requests at once when
    /// given, with the secret to be asked for only if needed.
    pub fn platform(&self, max_requests: Option<usize>) -> Result<Box<dyn Platform>> {
        super::open_platform_limited(self.ctx, &self.name, &self.profile, max_requests)
    }

    /// The key receipts are signed with, made or unlocked now: a key that cannot be had (a
    /// wrong passphrase, no terminal to ask in) stops a run before anything changes.
    pub fn signing_key(&self) -> Result<Arc<SigningKey>> {
        super::record::signing_key(self.ctx, &self.profile)
    }
}

/// Refuses a case opened for another right.
pub fn require_right(case: &Case, rights: &[Right]) -> Result<()> {
    if !rights.contains(&case.right) {
        let wanted: Vec<&str> = rights.iter().map(|r| r.as_str()).collect();
        bail!(
            "case {} is a request for {} ({}), not {}: open a case with `dsr case open --right {}`",
            case.id,
            case.right.as_str(),
            case.right.article(),
            wanted.join(" or "),
            wanted[0]
        );
    }
    if !case.is_open() {
        bail!("case {} is closed", case.id);
    }
    Ok(())
}
