//! Albums (`/fotoweb/users/<owner>/albums/<id>/`) and their shares (`<album>.shares/`), the
//! records of people that sit in a user's collections rather than in asset metadata.
//!
//! Shapes follow the published OpenAPI description: an album is a `Collection` (its
//! `href` names the owner's user id, `name`, `description`, `created`, `modified`,
//! `assetCount`), listed in a `CollectionList` under `/fotoweb/me/albums/`; its sharing is a
//! `Sharing` whose `shares` each have `type`, `href`, `name`, `acl` and `sharedHREF`, changed
//! by a PATCH of a `SharingUpdate` (`removeShares` by href).

use std::collections::BTreeMap;

use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::timefmt;

/// An album to seed the double with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedAlbum {
    pub id: u32,
    /// The owner's user id (see [`crate::accounts::SeedUser::id`]).
    pub owner: u32,
    pub name: String,
    pub description: String,
    /// Ids (`<archive>/<path>`) of the assets the album links to.
    pub assets: Vec<String>,
    /// People the album is shared with, by e-mail address, each with its share id.
    pub shares: Vec<(u32, String)>,
}

/// The sample albums: one Jane Doe owns (shared with Ola), one Ola owns shared with Jane
/// and Kari, and one of Kari's that names no one.
pub fn sample() -> Vec<SeedAlbum> {
    let album = |id, owner, name: &str, shares: &[(u32, &str)]| SeedAlbum {
        id,
        owner,
        name: name.to_owned(),
        description: String::new(),
        assets: vec!["Staff/shared.png".to_owned()],
        shares: shares.iter().map(|(n, e)| (*n, e.to_string())).collect(),
    };
    vec![
        album(
            501,
            15010,
            "Intranet picks",
            &[(1, "ola.nordmann@example.com")],
        ),
        album(
            502,
            15011,
            "Board photos",
            &[
                (1, "jane.doe@example.com"),
                (2, "kari.nordmann@example.com"),
            ],
        ),
        album(503, 15012, "Harbour", &[]),
    ]
}

/// One share of an album.
#[derive(Debug, Clone)]
pub struct Share {
    pub email: String,
    acl: Vec<String>,
}

/// A live album.
#[derive(Debug, Clone)]
pub struct Album {
    pub owner: u32,
    pub name: String,
    pub description: String,
    assets: Vec<String>,
    pub shares: BTreeMap<u32, Share>,
    created: String,
    modified: OffsetDateTime,
}

/// Every live album.
#[derive(Debug, Default)]
pub struct Albums {
    albums: BTreeMap<u32, Album>,
    /// Albums deleted so far, in order.
    pub deleted: Vec<u32>,
}

/// Seeded albums are older than anything a test does.
const SEEDED: &str = "2024-02-01T09:00:00.000000Z";

impl Albums {
    pub fn new(seeds: &[SeedAlbum]) -> Albums {
        let seeded = timefmt::parse(SEEDED).unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let albums = seeds
            .iter()
            .map(|s| {
                let shares = s
                    .shares
                    .iter()
                    .map(|(id, email)| {
                        let share = Share {
                            email: email.clone(),
                            acl: vec!["view".to_owned(), "preview".to_owned()],
                        };
                        (*id, share)
                    })
                    .collect();
                let album = Album {
                    owner: s.owner,
                    name: s.name.clone(),
                    description: s.description.clone(),
                    assets: s.assets.clone(),
                    shares,
                    created: SEEDED.to_owned(),
                    modified: seeded,
                };
                (s.id, album)
            })
            .collect();
        Albums {
            albums,
            deleted: Vec::new(),
        }
    }

    /// Every album as the album list shows it.
    pub fn list(&self) -> Vec<Value> {
        self.albums
            .iter()
            .map(|(id, a)| album_json(*id, a))
            .collect()
    }

    /// The album `id` when `owner` owns it (its address names the owner).
    pub fn get(&self, owner: u32, id: u32) -> Option<&Album> {
        self.albums.get(&id).filter(|a| a.owner == owner)
    }

    pub fn album(&self, id: u32) -> Option<&Album> {
        self.albums.get(&id)
    }

    pub fn json(&self, id: u32) -> Option<Value> {
        self.albums.get(&id).map(|a| album_json(id, a))
    }

    /// Gives the album another owner, name or description; its address changes with the
    /// owner.
    pub fn edit(
        &mut self,
        id: u32,
        owner: Option<u32>,
        name: Option<&str>,
        description: Option<&str>,
    ) {
        if let Some(album) = self.albums.get_mut(&id) {
            if let Some(owner) = owner {
                album.owner = owner;
            }
            if let Some(name) = name {
                album.name = name.to_owned();
            }
            if let Some(description) = description {
                album.description = description.to_owned();
            }
            album.modified = timefmt::bump(album.modified);
        }
    }

    pub fn delete(&mut self, id: u32) -> bool {
        let removed = self.albums.remove(&id).is_some();
        if removed {
            self.deleted.push(id);
        }
        removed
    }

    /// Removes a share; false when the album has none with this id.
    pub fn remove_share(&mut self, id: u32, share: u32) -> bool {
        let Some(album) = self.albums.get_mut(&id) else {
            return false;
        };
        let removed = album.shares.remove(&share).is_some();
        if removed {
            album.modified = timefmt::bump(album.modified);
        }
        removed
    }
}

/// The album's address: under its owner.
pub fn album_href(id: u32, album: &Album) -> String {
    format!("/fotoweb/users/{}/albums/{id}/", album.owner)
}

fn album_json(id: u32, album: &Album) -> Value {
    let href = album_href(id, album);
    json!({
        "href": href,
        "type": "album",
        "name": album.name,
        "description": album.description,
        "created": album.created,
        "modified": timefmt::format_micros(album.modified),
        "assetCount": album.assets.len(),
        "isLinkCollection": true,
        // Real FotoWeb sends `archived: null` for an album that was never archived, where
        // the description documents a date.
        "archived": null,
        "canBeDeleted": true,
        "props": { "shares": { "enabled": true } },
    })
}

/// The album's sharing as the API shows it.
pub fn sharing_json(id: u32, album: &Album) -> Value {
    let href = album_href(id, album);
    let shares: Vec<Value> = album
        .shares
        .iter()
        .map(|(sid, s)| {
            json!({
                "type": "email",
                "href": format!("{href}.shares/{sid}"),
                "name": s.email,
                "acl": s.acl,
                "sharedHREF": format!("/fotoweb/shared/{id}-{sid}"),
            })
        })
        .collect();
    json!({
        "href": format!("{href}.shares/"),
        "originalHref": href,
        "shares": shares,
        "showcase": null,
        "message": null,
    })
}
