//! What every command that answers from the index says about the assets the last sync
//! could not read: they were not searched, so an answer that leaves them out is partial.
//! A note for people on stderr, the ids for scripts and packages, and receipt records
//! that name each one as not searched.

use anyhow::{Context as _, Result};
use dsr::receipt::{AssetOutcome, AssetRecord};

use super::{Context, sanitize};

/// The assets the last sync of tenant `name` could not read, sorted.
pub fn ids(ctx: &Context, name: &str) -> Result<Vec<String>> {
    let unreadable = ctx.tenant_files(name).load_unreadable().with_context(|| {
        format!("cannot tell which assets of tenant '{name}' were not searched")
    })?;
    Ok(unreadable.assets.into_iter().collect())
}

/// Where the note sends people to see which assets they are.
#[derive(Debug, Clone, Copy)]
pub enum Listed<'a> {
    /// `dsr locate`: its `--explain` names them.
    ByExplain,
    /// A case (`None` for the cases of a list): `dsr case show CASE --output json` names
    /// them.
    ByCase(Option<&'a str>),
    /// A package: it names them, and `--accept-unreadable` records that a person looked.
    InPackage { accepted: bool },
    /// An erasure or rectification: its receipt names them.
    InReceipt,
}

/// Prints, unless `--quiet`, how many assets were not searched, what to do about them and
/// where they are listed; nothing when there are none.
pub fn note(ctx: &Context, ids: &[String], listed: Listed<'_>) {
    if let Some(text) = note_text(ids.len(), listed) {
        ctx.note(&text);
    }
}

fn note_text(count: usize, listed: Listed<'_>) -> Option<String> {
    let (asset, were, them) = match count {
        0 => return None,
        1 => ("asset", "was", "it"),
        _ => ("assets", "were", "them"),
    };
    let listed = match listed {
        Listed::ByExplain => format!("`--explain` lists {them}"),
        Listed::ByCase(case) => format!(
            "`dsr case show {} --output json` lists {them}",
            case.unwrap_or("CASE")
        ),
        Listed::InPackage { accepted: false } => format!(
            "the package lists {them} as not searched; once a person has checked {them} by hand, `--accept-unreadable` says so"
        ),
        Listed::InPackage { accepted: true } => {
            format!(
                "accepted (--accept-unreadable): the package and its receipt list {them} as not searched"
            )
        }
        Listed::InReceipt => format!("the receipt lists {them} as not searched"),
    };
    Some(format!(
        "dsr: note: {count} {asset} could not be read at the last sync and {were} not searched: run `dsr sync` after fixing {them}, {listed}"
    ))
}

/// For `erase` and `rectify`: notes the assets of tenant `name` the last sync could not
/// read, which the change did not search and its receipt names as not searched.
pub fn note_change(ctx: &Context, name: &str) -> Result<()> {
    note(ctx, &ids(ctx, name)?, Listed::InReceipt);
    Ok(())
}

/// Prints the ids under the note (for `--explain`), unless `--quiet`.
pub fn list(ctx: &Context, ids: &[String]) {
    for id in ids {
        ctx.note(&format!("  {}", sanitize(id)));
    }
}

/// The receipt's record of each asset not searched; `accepted` when a person looked at
/// them and answered without them (`--accept-unreadable`).
pub fn records(ids: &[String], accepted: bool) -> Vec<AssetRecord> {
    let evidence = if accepted {
        "could not be read at the last sync; answered without it, as the operator accepted (--accept-unreadable)"
    } else {
        "could not be read at the last sync"
    };
    ids.iter()
        .map(|id| AssetRecord {
            asset: id.clone(),
            action: "locate".to_owned(),
            outcome: AssetOutcome::NotSearched,
            evidence: evidence.to_owned(),
            files: Vec::new(),
        })
        .collect()
}
