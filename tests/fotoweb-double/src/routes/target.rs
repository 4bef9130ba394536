//! What a path under `/fotoweb/archives/` names: an archive's asset list with its matrix
//! parameters (`/fotoweb/archives/5000-Staff/;o=+;p=2`), or an asset
//! (`/fotoweb/archives/5000-Staff/Folder%2019/a.jpg.info`). The archive segment is
//! `<id>-<percent-encoded name>`, or the bare id as the OpenAPI spec also allows.

use crate::http::{self, path_of};
use crate::repr::ARCHIVES_ROOT;
use crate::state::{Order, Store};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    List {
        archive: usize,
        order: Order,
        page: usize,
    },
    Asset {
        archive: usize,
        relative: String,
    },
}

/// Why a path names nothing servable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    NotFound,
    /// A matrix parameter the double cannot read (400).
    BadParameter(String),
}

/// Parses a request path (or an absolute URL) under `/fotoweb/archives/`.
pub fn parse(path: &str, store: &Store) -> Result<Target, TargetError> {
    let rest = path_of(path)
        .strip_prefix(ARCHIVES_ROOT)
        .ok_or(TargetError::NotFound)?;
    let (segment, inside) = rest.split_once('/').ok_or(TargetError::NotFound)?;
    let archive = archive_of(segment, store).ok_or(TargetError::NotFound)?;
    if inside.is_empty() || inside.starts_with(';') {
        let (order, page) = matrix(inside)?;
        return Ok(Target::List {
            archive,
            order,
            page,
        });
    }
    let Some(encoded) = inside.strip_suffix(".info") else {
        return Err(TargetError::NotFound);
    };
    let relative: Vec<String> = encoded.split('/').map(http::decode).collect();
    if relative.iter().any(|part| part.is_empty()) {
        return Err(TargetError::NotFound);
    }
    Ok(Target::Asset {
        archive,
        relative: relative.join("/"),
    })
}

/// The id of the live asset an href names, if any.
pub fn asset_id(href: &str, store: &Store) -> Option<String> {
    match parse(href, store) {
        Ok(Target::Asset { archive, relative }) => {
            store.asset_at(archive, &relative).map(|a| a.id.clone())
        }
        _ => None,
    }
}

fn archive_of(segment: &str, store: &Store) -> Option<usize> {
    let (id, name) = match segment.split_once('-') {
        Some((id, name)) => (id, Some(http::decode(name))),
        None => (segment, None),
    };
    let id: u32 = id.parse().ok()?;
    let index = store.archives.iter().position(|a| a.id == id)?;
    // A wrong name beside a right id is a client building URLs itself: refuse it.
    match name {
        Some(name) if name != store.archives[index].name => None,
        _ => Some(index),
    }
}

/// `;o=…;p=…`; other parameters are ignored as FotoWeb ignores unknown ones.
fn matrix(params: &str) -> Result<(Order, usize), TargetError> {
    let mut order = Order::ModifiedDesc;
    let mut page = 0;
    for param in params.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = param.split_once('=').unwrap_or((param, ""));
        let value = http::decode(value);
        match key {
            "o" => {
                order = Order::parse(&value).ok_or_else(|| {
                    TargetError::BadParameter(format!("unknown order ;o={value}"))
                })?;
            }
            "p" => {
                page = value.parse().map_err(|_| {
                    TargetError::BadParameter(format!("bad page number ;p={value}"))
                })?;
            }
            _ => {}
        }
    }
    Ok((order, page))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::tenant::Tenant;

    fn store() -> Store {
        Store::from_tenant(Tenant {
            archives: vec!["All files".into(), "Staff".into()],
            assets: vec![],
        })
    }

    #[test]
    fn lists_and_assets() {
        let s = store();
        assert_eq!(
            parse("/fotoweb/archives/5001-Staff/;o=+;p=2", &s),
            Ok(Target::List {
                archive: 1,
                order: Order::ModifiedAsc,
                page: 2
            })
        );
        assert_eq!(
            parse("/fotoweb/archives/5000-All%20files/", &s),
            Ok(Target::List {
                archive: 0,
                order: Order::ModifiedDesc,
                page: 0
            })
        );
        assert_eq!(
            parse(
                "http://127.0.0.1:1/fotoweb/archives/5001/Folder%2019/a%C3%B8.jpg.info",
                &s
            ),
            Ok(Target::Asset {
                archive: 1,
                relative: "Folder 19/aø.jpg".into()
            })
        );
        assert_eq!(
            parse("/fotoweb/archives/5001-Staf/", &s),
            Err(TargetError::NotFound)
        );
        assert_eq!(
            parse("/fotoweb/archives/5001-Staff", &s),
            Err(TargetError::NotFound)
        );
        assert_eq!(
            parse("/fotoweb/archives/5001-Staff/a.jpg", &s),
            Err(TargetError::NotFound)
        );
        assert!(matches!(
            parse("/fotoweb/archives/5001-Staff/;p=x", &s),
            Err(TargetError::BadParameter(_))
        ));
    }
}
