//! Albums and their shares, read and changed when the tenant's profile names them
//! (`--records albums,shares`).
//!
//! An album is listed under `/fotoweb/me/albums/` (every album the credentials may see) at
//! an address that names its owner, `/fotoweb/users/<owner id>/albums/<id>/`; the owner's
//! login and name come from user management. Its sharing (`<album>.shares/`) lists the
//! people it is shared with; a share to an e-mail address is a record of its own. Ids:
//! `albums/<id>` in archive `albums`, `albums/<id>/shares/<share id>` in archive `shares`.
//! An album's id survives a change of owner; its address does not. The list is read once
//! for a run and each album's address kept ([`AlbumAddresses`]); a read of one album asks
//! its own address, and lists the albums again only when that address no longer answers
//! (someone handed the album over) and this process changed an album since it last listed
//! them. Listing every album for every read made an erasure of n albums read the list
//! some 4n times.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::Method;
use serde_json::{Value, json};

use super::records::{text, version};
use super::*;
use crate::asset::Metadata;
use crate::fields::records as f;
use crate::platform::PlatformError;
use crate::platform::http::{Call, Repeat};

const ALBUMS_PATH: &str = "/fotoweb/me/albums/";
const COLLECTION_LIST: &str = "application/vnd.fotoware.collectionlist+json";
const COLLECTION_INFO: &str = "application/vnd.fotoware.collectioninfo+json";
const SHARING: &str = "application/vnd.fotoware.sharing+json";
const SHARING_UPDATE: &str = "application/vnd.fotoware.sharing-update+json";
const JSON: &str = "application/json";

/// A user's login and full name, by user id.
type Owners = BTreeMap<u64, (Option<String>, Option<String>)>;

/// Each album's address as last seen, and whether the list was read after this process
/// last changed an album: then an address that answers 404 means the album is gone, with
/// no need to list every album again to look for it elsewhere.
#[derive(Debug, Default)]
pub(super) struct AlbumAddresses {
    hrefs: Mutex<Option<BTreeMap<u64, String>>>,
    listed_since_change: AtomicBool,
}

impl AlbumAddresses {
    fn get(&self, n: u64) -> Option<String> {
        crate::threads::lock(&self.hrefs)
            .as_ref()
            .and_then(|m| m.get(&n).cloned())
    }

    fn listed(&self, albums: &[Value]) {
        let hrefs = albums
            .iter()
            .filter_map(|a| {
                let href = text(a.get("href"))?;
                Some((album_address(&href)?.1, href))
            })
            .collect();
        *crate::threads::lock(&self.hrefs) = Some(hrefs);
        self.listed_since_change.store(true, Ordering::SeqCst);
    }

    /// This process changed album `n`: its address is now `href` (`None`: unknown or
    /// gone).
    fn changed(&self, n: u64, href: Option<String>) {
        self.listed_since_change.store(false, Ordering::SeqCst);
        if let Some(map) = crate::threads::lock(&self.hrefs).as_mut() {
            match href {
                Some(href) => map.insert(n, href),
                None => map.remove(&n),
            };
        }
    }
}

/// The owner's user id and the album's id, from an album's address.
fn album_address(href: &str) -> Option<(u64, u64)> {
    let rest = href.split("/fotoweb/users/").nth(1)?;
    let mut parts = rest.trim_end_matches('/').split('/');
    let owner = parts.next()?.parse().ok()?;
    (parts.next()? == "albums").then_some(())?;
    let id = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((owner, id))
}

/// An album as the API lists it, as an asset; `None` for what is not an album.
fn album_asset(album: &Value, owners: &Owners) -> Option<(u64, Asset)> {
    let (owner, id) = album_address(album.get("href")?.as_str()?)?;
    let mut metadata = Metadata::new();
    let mut put = |field: &str, value: Option<String>| {
        if let Some(value) = value {
            metadata.insert(field.to_owned(), FieldValue::Single(value));
        }
    };
    let (login, name) = owners.get(&owner).cloned().unwrap_or_default();
    put(f::ALBUM_OWNER, login);
    put(f::ALBUM_OWNER_NAME, name);
    put(f::ALBUM_NAME, text(album.get("name")));
    put(f::ALBUM_DESCRIPTION, text(album.get("description")));
    let modified = text(album.get("modified"));
    Some((
        id,
        Asset {
            id: format!("{}/{id}", f::ALBUMS),
            archive: f::ALBUMS.to_owned(),
            filename: format!("album-{id}.json"),
            version: version(&metadata, modified.as_deref()),
            modified,
            metadata,
        },
    ))
}

/// The shares of album `id` to an e-mail address, as assets.
fn share_assets(id: u64, album_name: Option<&str>, sharing: &Value) -> Vec<Asset> {
    sharing
        .get("shares")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|share| {
            let email = text(share.get("name")).filter(|n| n.contains('@'))?;
            let sid: u64 = text(share.get("href"))?
                .trim_end_matches('/')
                .rsplit('/')
                .next()?
                .parse()
                .ok()?;
            let mut metadata = Metadata::new();
            metadata.insert(f::SHARE_EMAIL.to_owned(), FieldValue::Single(email));
            if let Some(name) = album_name {
                metadata.insert(
                    f::SHARE_ALBUM.to_owned(),
                    FieldValue::Single(name.to_owned()),
                );
            }
            Some(Asset {
                id: format!("{}/{id}/shares/{sid}", f::ALBUMS),
                archive: f::SHARES.to_owned(),
                filename: format!("album-{id}-share-{sid}.json"),
                version: version(&metadata, None),
                modified: None,
                metadata,
            })
        })
        .collect()
}

fn name_of(asset: &Asset) -> Option<String> {
    asset
        .metadata
        .get(f::ALBUM_NAME)
        .map(|v| v.items().join(", "))
}

impl Fotoweb {
    /// Every album the credentials may see, their addresses noted.
    fn list_albums(&self) -> Result<Vec<Value>, PlatformError> {
        let albums = self.read_album_list()?;
        self.album_hrefs.listed(&albums);
        Ok(albums)
    }

    /// Every album the credentials may see, following `paging.next`.
    fn read_album_list(&self) -> Result<Vec<Value>, PlatformError> {
        self.all_pages(ALBUMS_PATH, COLLECTION_LIST)
    }

    /// Every user's login and full name.
    fn owners(&self) -> Result<Owners, PlatformError> {
        Ok(self
            .list_users()?
            .iter()
            .filter_map(|u| {
                let id = u.get("id")?.as_u64()?;
                Some((id, (text(u.get("username")), text(u.get("fullName")))))
            })
            .collect())
    }

    /// Album `n` as the server holds it now, with its address: read at the address last
    /// seen, else found in the list read again.
    fn find_album(&self, id: &str, n: u64) -> Result<(Value, String), PlatformError> {
        let known = self.album_hrefs.get(n);
        if let Some(href) = &known {
            match self.get_json::<Value>(self.client.link(href)?, COLLECTION_INFO) {
                Ok(album) => {
                    let now = text(album.get("href")).unwrap_or_else(|| href.clone());
                    if album_address(&now).map(|(_, found)| found) == Some(n) {
                        return Ok((album, now));
                    }
                }
                // Gone, or moved to another owner's address since it was listed.
                Err(PlatformError::Status { status: 404, .. }) => {
                    if self.album_hrefs.listed_since_change.load(Ordering::SeqCst) {
                        return Err(PlatformError::NotFound { id: id.to_owned() });
                    }
                }
                Err(e) => return Err(e),
            }
        } else if self.album_hrefs.listed_since_change.load(Ordering::SeqCst)
            && crate::threads::lock(&self.album_hrefs.hrefs).is_some()
        {
            // Listed since the last change, and not in the list.
            return Err(PlatformError::NotFound { id: id.to_owned() });
        }
        self.list_albums()?
            .into_iter()
            .find_map(|album| {
                let href = text(album.get("href"))?;
                (album_address(&href)?.1 == n).then_some((album, href))
            })
            .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
    }

    fn sharing(&self, href: &str) -> Result<Value, PlatformError> {
        self.get_json(self.client.link(&format!("{href}.shares/"))?, SHARING)
    }

    /// Reads the albums and their shares as the profile names them, handing each over to
    /// `offer` and its id to `seen`; an album whose sharing could not be read goes to
    /// `failed` (its shares keep their index entries).
    pub(super) fn scan_albums(
        &self,
        offer: &dyn Fn(Asset),
        seen: &mut dyn FnMut(String),
        failed: &mut dyn FnMut(u64, PlatformError),
    ) -> Result<(), PlatformError> {
        let owners = if self.records.contains(&RecordKind::Albums) {
            self.owners()?
        } else {
            Owners::new()
        };
        for album in self.list_albums()? {
            let Some((n, asset)) = album_asset(&album, &owners) else {
                continue;
            };
            if self.records.contains(&RecordKind::Shares)
                && let Some(href) = text(album.get("href"))
            {
                match self.sharing(&href) {
                    Ok(sharing) => {
                        for share in share_assets(n, name_of(&asset).as_deref(), &sharing) {
                            seen(share.id.clone());
                            offer(share);
                        }
                    }
                    Err(e) => failed(n, e),
                }
            }
            if self.records.contains(&RecordKind::Albums) {
                seen(asset.id.clone());
                offer(asset);
            }
        }
        Ok(())
    }

    /// Reads one album or share.
    pub(super) fn get_album_record(
        &self,
        id: &str,
        record: &RecordId,
    ) -> Result<Asset, PlatformError> {
        match record {
            RecordId::Album(n) => {
                let (album, _) = self.find_album(id, *n)?;
                let (owner, _) =
                    album_address(&text(album.get("href")).unwrap_or_default()).unwrap_or_default();
                let owners: Owners = match self.get_json::<Value>(self.user_url(owner)?, JSON) {
                    Ok(user) => [(
                        owner,
                        (text(user.get("username")), text(user.get("fullName"))),
                    )]
                    .into_iter()
                    .collect(),
                    // An owner whose account is gone leaves the album without a name.
                    Err(PlatformError::Status { status: 404, .. }) => Owners::new(),
                    Err(e) => return Err(e),
                };
                album_asset(&album, &owners)
                    .map(|(_, a)| a)
                    .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
            }
            RecordId::Share { album, id: sid } => {
                let (found, href) = self.find_album(id, *album)?;
                let sharing = self.sharing(&href)?;
                share_assets(*album, text(found.get("name")).as_deref(), &sharing)
                    .into_iter()
                    .find(|s| s.id == format!("{}/{album}/shares/{sid}", f::ALBUMS))
                    .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })
            }
            _ => Err(PlatformError::NotFound { id: id.to_owned() }),
        }
    }

    /// The id of the user whose login is `login`, if any.
    pub(super) fn user_with_login(&self, login: &str) -> Result<Option<u64>, PlatformError> {
        Ok(self.list_users()?.iter().find_map(|u| {
            (text(u.get("username")).as_deref() == Some(login.trim()))
                .then(|| u.get("id")?.as_u64())
                .flatten()
        }))
    }

    /// Changes an album: a new owner (its login in [`f::ALBUM_OWNER`]) hands the album
    /// over; its name and description are set as given. Answers the album read back.
    pub(super) fn update_album(
        &self,
        id: &str,
        n: u64,
        changes: &MetadataChanges,
        expected: Option<&str>,
    ) -> Result<Asset, PlatformError> {
        let record = RecordId::Album(n);
        if let Some(expected) = expected
            && self.get_album_record(id, &record)?.version != expected
        {
            return Err(PlatformError::Conflict { id: id.to_owned() });
        }
        if changes.contains_key(f::ALBUM_OWNER_NAME) && !changes.contains_key(f::ALBUM_OWNER) {
            return Err(PlatformError::Unsupported(
                "an album's owner changes only by handing it to another account (--transfer-to)",
            ));
        }
        let value = |field: &str| {
            changes
                .get(field)
                .map(|v| v.as_ref().map(|v| v.items().join(", ")).unwrap_or_default())
        };
        let mut body = serde_json::Map::new();
        if let Some(login) = value(f::ALBUM_OWNER) {
            let owner = self.user_with_login(&login)?.ok_or_else(|| {
                PlatformError::Rejected(
                    "no account has the login the album was to be handed to".to_owned(),
                )
            })?;
            body.insert("owner".to_owned(), json!({ "id": owner }));
        }
        for (field, key) in [
            (f::ALBUM_NAME, "name"),
            (f::ALBUM_DESCRIPTION, "description"),
        ] {
            if let Some(v) = value(field) {
                body.insert(key.to_owned(), Value::String(v));
            }
        }
        let (_, href) = self.find_album(id, n)?;
        let call = Call {
            method: Method::PATCH,
            url: self.client.link(&href)?,
            accept: JSON,
            body: Some((
                JSON,
                serde_json::to_vec(&body).map_err(|e| PlatformError::Rejected(e.to_string()))?,
            )),
            timeout: None,
            // The same owner and values however often it is sent.
            repeat: Repeat::Freely,
        };
        match self.client.send(&call) {
            Err(e) => {
                self.album_hrefs.changed(n, None);
                return Err(match e {
                    PlatformError::Status { status: 404, .. } => {
                        PlatformError::NotFound { id: id.to_owned() }
                    }
                    e => e,
                });
            }
            // A new owner moves the album: its new address, where the answer gives one.
            Ok(response) => {
                let moved = response
                    .bytes()
                    .ok()
                    .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
                    .and_then(|album| text(album.get("href")))
                    .filter(|h| album_address(h).map(|(_, found)| found) == Some(n));
                self.album_hrefs.changed(n, moved);
            }
        }
        // What the server answered is not the proof; reading it back is.
        self.get_album_record(id, &record)
    }

    /// Deletes an album, or removes a share from its album; what is already gone is
    /// [`PlatformError::NotFound`].
    pub(super) fn delete_album_record(
        &self,
        id: &str,
        record: &RecordId,
    ) -> Result<(), PlatformError> {
        let call = match record {
            RecordId::Album(n) => {
                let (_, href) = self.find_album(id, *n)?;
                Call {
                    method: Method::DELETE,
                    url: self.client.link(&href)?,
                    accept: JSON,
                    body: None,
                    timeout: None,
                    repeat: Repeat::Freely,
                }
            }
            RecordId::Share { album, id: sid } => {
                let (_, href) = self.find_album(id, *album)?;
                let sharing = self.sharing(&href)?;
                let share = sharing
                    .get("shares")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .find(|s| {
                        text(s.get("href")).is_some_and(|h| {
                            h.trim_end_matches('/').rsplit('/').next() == Some(&sid.to_string())
                        })
                    })
                    .ok_or_else(|| PlatformError::NotFound { id: id.to_owned() })?;
                let update = json!({ "removeShares": [{
                    "type": share.get("type").cloned().unwrap_or(Value::Null),
                    "href": share.get("href").cloned().unwrap_or(Value::Null),
                }]});
                Call {
                    method: Method::PATCH,
                    url: self.client.link(&format!("{href}.shares/"))?,
                    accept: JSON,
                    body: Some((
                        SHARING_UPDATE,
                        serde_json::to_vec(&update)
                            .map_err(|e| PlatformError::Rejected(e.to_string()))?,
                    )),
                    timeout: None,
                    // Removing a share that is gone changes nothing.
                    repeat: Repeat::Freely,
                }
            }
            _ => return Err(PlatformError::NotFound { id: id.to_owned() }),
        };
        if let RecordId::Album(n) = record {
            // Gone, or not: either way the next read asks its address and lists again.
            let href = self.album_hrefs.get(*n);
            self.album_hrefs.changed(*n, href);
        }
        match self.client.send(&call) {
            Err(PlatformError::Status { status: 404, .. }) => {
                Err(PlatformError::NotFound { id: id.to_owned() })
            }
            Err(e) => Err(e),
            Ok(_) => Ok(()),
        }
    }

    /// What the credentials may do with albums and shares, for `tenant check`.
    pub(super) fn albums_facts(&self) -> Vec<(String, String)> {
        let mut facts = Vec::new();
        if self.records.contains(&RecordKind::Albums) || self.records.contains(&RecordKind::Shares)
        {
            let read = match self.list_albums() {
                Ok(albums) => format!("yes ({} albums)", albums.len()),
                Err(e) => format!("NO ({e})"),
            };
            facts.push(("albums: read".to_owned(), read));
            facts.push((
                "albums: hand over, delete, unshare".to_owned(),
                "need the right to manage others' albums; FotoWeb tells only when one is tried, and an album or share it refuses is reported not erased".to_owned(),
            ));
        }
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_album_address_names_its_owner_and_id() {
        assert_eq!(
            album_address("https://dam.example/fotoweb/users/15010/albums/501/"),
            Some((15010, 501))
        );
        assert_eq!(
            album_address("/fotoweb/users/15010/albums/501/.shares/"),
            None
        );
        assert_eq!(album_address("/fotoweb/archives/5000-Staff/"), None);
    }
}
