//! Index updates from many threads at once, committed together: a bulk run finishes
//! subjects faster than the index can commit each one alone (a commit syncs its files to
//! disk), so updates handed in while a commit is under way go into the next one. The index
//! writer stays open between commits, and the versions file — one version per asset of the
//! tenant, large for a large tenant — is written once, at [`finish`], with the versions of
//! what the run read gathered until then.
//!
//! Should a run die before `finish`, the state keeps the versions from before it for the
//! assets it changed; the next sync sees those assets as changed and reads them again.
//!
//! [`finish`]: GroupReindex::finish

use std::collections::BTreeMap;
use std::sync::Mutex;

use super::sync::{SyncError, TenantFiles};
use super::{IndexSettings, TenantIndex, Writer};
use crate::asset::Asset;
use crate::index::state::SyncState;
use crate::threads::{self, lock};

/// Shares commits of one tenant's index between threads.
pub struct GroupReindex<'a> {
    files: &'a TenantFiles,
    settings: &'a IndexSettings,
    pending: Mutex<Pending>,
    /// Opened by the first commit; held by the thread committing.
    open: Mutex<Option<Open>>,
}

#[derive(Default)]
struct Pending {
    reads: Vec<(String, Option<Asset>)>,
    /// Tickets handed out, and the last one whose updates are committed.
    issued: u64,
    committed: u64,
}

struct Open {
    index: TenantIndex,
    writer: Writer,
    state: SyncState,
    /// Asset id → the version read now, or `None` when it is gone.
    versions: BTreeMap<String, Option<String>>,
    changed: bool,
}

impl<'a> GroupReindex<'a> {
    pub fn new(files: &'a TenantFiles, settings: &'a IndexSettings) -> GroupReindex<'a> {
        GroupReindex {
            files,
            settings,
            pending: Mutex::new(Pending::default()),
            open: Mutex::new(None),
        }
    }

    /// Brings these assets' entries up to date (`None`: the asset is gone) and returns once
    /// they are committed, by this thread or by another that took them along.
    pub fn reindex(&self, read: &[(String, Option<Asset>)]) -> Result<(), SyncError> {
        let ticket = {
            let mut pending = lock(&self.pending);
            pending.reads.extend(read.iter().cloned());
            pending.issued += 1;
            pending.issued
        };
        let mut open = lock(&self.open);
        let (reads, through) = {
            let mut pending = lock(&self.pending);
            if pending.committed >= ticket {
                return Ok(());
            }
            (std::mem::take(&mut pending.reads), pending.issued)
        };
        match self.commit(&mut open, &reads) {
            Ok(()) => {
                lock(&self.pending).committed = through;
                Ok(())
            }
            Err(e) => {
                // Not committed: the next thread to commit tries them again.
                let mut pending = lock(&self.pending);
                let mut again = reads;
                again.append(&mut pending.reads);
                pending.reads = again;
                Err(e)
            }
        }
    }

    fn commit(
        &self,
        open: &mut Option<Open>,
        reads: &[(String, Option<Asset>)],
    ) -> Result<(), SyncError> {
        if open.is_none() {
            let index = TenantIndex::open_or_create(&self.files.index())?;
            let writer = index.writer()?;
            *open = Some(Open {
                index,
                writer,
                state: self.files.load_state()?,
                versions: BTreeMap::new(),
                changed: false,
            });
        }
        let Some(open) = open.as_mut() else {
            return Ok(());
        };
        for (id, asset) in reads {
            match asset {
                Some(asset) => {
                    open.writer
                        .upsert(id, open.index.document(asset, self.settings))?;
                    open.versions
                        .insert(id.clone(), Some(asset.version.clone()));
                }
                None => {
                    open.writer.remove(id);
                    open.versions.insert(id.clone(), None);
                }
            }
        }
        open.writer.commit()?;
        open.changed = true;
        Ok(())
    }

    /// Writes the sync state, waits for the index's merges and rewrites the segments that
    /// still hold replaced or deleted documents: call once every commit is made.
    pub fn finish(self) -> Result<(), SyncError> {
        let Some(mut open) = threads::into_inner(self.open) else {
            return Ok(());
        };
        if open.changed {
            self.files.save_versions(&mut open.state, &open.versions)?;
        }
        let Open {
            index,
            writer,
            changed,
            ..
        } = open;
        writer.finish().map_err(SyncError::from)?;
        // What the run changed or deleted leaves no copy in the index's files: opened
        // afresh, so that no searcher of before the run keeps the old segments alive.
        drop(index);
        if changed {
            TenantIndex::open(&self.files.index())?.expunge_deleted()?;
        }
        Ok(())
    }
}
