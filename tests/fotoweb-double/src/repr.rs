//! The JSON representations FotoWeb sends (api-fotoweb.md §§2–7) and the URLs inside them.
//! Every link a client follows is built here, so the route parsers and the links agree.

use serde_json::{Value, json};

use crate::fields::{EDITOR_ID, Editor};
use crate::http::encode;
use crate::state::{Archive, Asset, Order};

pub const ARCHIVES_ROOT: &str = "/fotoweb/archives/";
pub const MY_ARCHIVES: &str = "/fotoweb/me/archives/";
pub const BACKGROUND_TASKS: &str = "/fotoweb/me/background-tasks/";
pub const RENDITION_SERVICE: &str = "/fotoweb/services/renditions";
pub const ORIGINAL_SUFFIX: &str = "/__renditions/ORIGINAL";

pub fn editor_href() -> String {
    format!("/fotoweb/editors/{EDITOR_ID}")
}

/// `/fotoweb/archives/5000-Staff/`.
pub fn archive_href(archive: &Archive) -> String {
    format!("{ARCHIVES_ROOT}{}-{}/", archive.id, encode(&archive.name))
}

/// `/fotoweb/archives/5000-Staff/Folder%2019/IMG_0042.jpg.info`.
pub fn asset_href(archive: &Archive, relative: &str) -> String {
    let path: Vec<String> = relative.split('/').map(encode).collect();
    format!("{}{}.info", archive_href(archive), path.join("/"))
}

/// An asset list URL: the archive, then `;o=` unless default, `;p=` unless 0, then the query
/// string as the client sent it.
pub fn list_url(archive: &Archive, order: &Order, page: usize, query: Option<&str>) -> String {
    let mut url = archive_href(archive);
    let o = order.param();
    if !o.is_empty() {
        url.push_str(";o=");
        url.push_str(&o);
    }
    if page > 0 {
        url.push_str(&format!(";p={page}"));
    }
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        url.push('?');
        url.push_str(q);
    }
    url
}

/// The paging object of §3.2: `null` when one page holds everything; `""` for no next or
/// previous page.
pub fn paging(
    archive: &Archive,
    order: &Order,
    query: Option<&str>,
    page: usize,
    pages: usize,
) -> Value {
    if pages <= 1 {
        return Value::Null;
    }
    let link = |p: usize| list_url(archive, order, p, query);
    json!({
        "prev": if page > 0 { link(page - 1) } else { String::new() },
        "next": if page + 1 < pages { link(page + 1) } else { String::new() },
        "first": link(0),
        "last": link(pages - 1),
    })
}

fn alt_orders(archive: &Archive, query: Option<&str>) -> Value {
    let link = |order: Order| list_url(archive, &order, 0, query);
    json!([
        { "key": "mt", "name": "Last Modified",
          "asc": { "href": link(Order::ModifiedAsc) },
          "desc": { "href": link(Order::ModifiedDesc), "default": true } },
        { "key": "fn", "name": "Filename",
          "asc": { "href": link(Order::FilenameAsc) },
          "desc": { "href": link(Order::FilenameDesc) } }
    ])
}

/// An archive as a collection (§3.1); with a query it is that search's result collection.
pub fn collection(
    archive: &Archive,
    count: usize,
    modified: &str,
    query: Option<&str>,
    permissions: &[String],
) -> Value {
    let href = archive_href(archive);
    let data = list_url(archive, &Order::ModifiedDesc, 0, query);
    json!({
        "id": archive.id.to_string(),
        "name": archive.name,
        "description": "",
        "href": data,
        "data": data,
        "originalURL": href,
        "searchURL": format!("{href}{{?q}}"),
        "dataTemplate": format!("{}{{/path*}}/{{;o}}", href.trim_end_matches('/')),
        "type": "archive",
        "assetCount": count,
        "isSearchable": true,
        "canBeDeleted": false,
        "canUploadTo": false,
        "canMoveTo": false,
        "metadataEditor": { "name": "Archive", "href": editor_href() },
        "permissions": permissions,
        "isConsentManagementEnabled": false,
        "alt_orders": alt_orders(archive, query),
        "created": "",
        "modified": modified,
        "deleted": Value::Null,
        "archived": Value::Null,
    })
}

fn doctype(filename: &str) -> &'static str {
    let extension = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "jpg" | "jpeg" | "png" | "gif" | "tif" | "tiff" | "bmp" | "webp" | "heic" | "psd"
        | "dng" | "cr2" | "nef" => "image",
        "mp4" | "mov" | "avi" | "mkv" | "m4v" | "wmv" => "movie",
        "mp3" | "wav" | "aac" | "flac" | "m4a" => "audio",
        "pdf" | "doc" | "docx" | "ppt" | "pptx" | "xls" | "xlsx" | "txt" | "indd" => "document",
        "ai" | "eps" | "svg" => "graphic",
        _ => "generic",
    }
}

/// The asset representation of §4.
pub fn asset(asset: &Asset, archive: &Archive, permissions: &[String]) -> Value {
    let href = asset_href(archive, &asset.relative);
    let metadata: serde_json::Map<String, Value> = asset
        .metadata
        .iter()
        .map(|(id, value)| (id.clone(), json!({ "value": value.to_json() })))
        .collect();
    let value_of = |id: &str, bag: bool| match asset.metadata.get(id) {
        Some(v) => v.to_json(),
        None if bag => json!([]),
        None => json!(""),
    };
    let builtin = |name: &str, id: &str, bag: bool| json!({ "field": name, "required": false, "value": value_of(id, bag) });
    let cache_path: Vec<String> = asset.relative.split('/').map(encode).collect();
    let mut repr = json!({
        "href": href,
        "linkstance": href,
        "archiveHREF": archive_href(archive),
        "archiveId": archive.id,
        "physicalFileId": format!("{}/{}", archive.name, asset.relative),
        "filename": asset.filename,
        "filesize": asset.bytes_len,
        "doctype": doctype(&asset.filename),
        "created": asset.created,
        "createdBy": "system",
        "modified": asset.modified_text,
        "modifiedBy": "system",
        "uniqueid": "",
        "permissions": permissions,
        "metadata": metadata,
        "builtinFields": [
            builtin("title", "5", false),
            builtin("description", "120", false),
            builtin("tags", "25", true),
        ],
        "metadataEditor": { "name": "Archive", "href": editor_href() },
        "previews": [{
            "size": 800, "width": 800, "height": 800, "square": false,
            "href": format!("/fotoweb/cache/v2/{}/{}.jpg", archive.id, cache_path.join("/")),
        }],
        "quickRenditions": [],
        "renditions": [{
            "href": format!("{href}{ORIGINAL_SUFFIX}"),
            "display_name": "Original File",
            "description": "Original File",
            "width": 0,
            "height": 0,
            "default": true,
            "original": true,
            "profile": "",
            "sizeFixed": false,
        }],
        "revisions": { "href": format!("{}/__revisions/", href.trim_end_matches(".info")) },
        "props": {
            "comments": { "enabled": false },
            "shares": { "enabled": false },
            "annotations": { "enabled": false },
        },
    });
    // Only an asset consent forms are linked to carries its consent status.
    if let (Some(consent), Value::Object(map)) = (&asset.consent, &mut repr) {
        map.insert("consentStatus".to_owned(), consent.clone());
    }
    repr
}

/// The full API descriptor of `/fotoweb/me/` (§2).
pub fn descriptor() -> Value {
    json!({
        "href": "/fotoweb/me",
        "server": "FotoWeb Core",
        "archives": MY_ARCHIVES,
        "albums": "/fotoweb/me/albums/",
        "background_tasks": BACKGROUND_TASKS,
        "copy_to": "/fotoweb/me/copy-to/",
        "move_to": "/fotoweb/me/move-to/",
        "upload_to": "/fotoweb/me/upload-to/",
        "searchURL": format!("{ARCHIVES_ROOT}{{?q}}"),
        "taxonomies": "/fotoweb/taxonomies/",
        "people_search": "/fotoweb/me/people/{?q}",
        "services": {
            "rendition_request": RENDITION_SERVICE,
            "search": "/fotoweb/search/",
            "logout": "/fotoweb/services/logout",
            "keepalive": { "href": "/fotoweb/services/keepalive", "interval": 20 },
        },
        "permissions": {
            "hasAuditPermission": true,
            "canConfigureConsentForms": false,
            "hasManageArchivesPermission": true,
        },
        "apiFeatureLevels": {},
        "user": {
            "userId": 15001,
            "userName": "Administrator",
            "fullName": "Administrative User",
            "email": "administrator@example.com",
            "isGuest": false,
            "href": "/fotoweb/users/Administrator",
        },
        "users": "/fotoweb/users/",
        "utc_offset": 0,
    })
}

/// The metadata view of §7.1: every field in one detail region.
pub fn editor(editor: &Editor) -> Value {
    let field_id = |id: &str| id.parse::<u64>().map_or_else(|_| json!(id), |n| json!(n));
    let entry = |id: &str| {
        editor.field(id).map(|f| {
            json!({
                "field": {
                    "id": field_id(&f.id),
                    "label": f.label,
                    "data-type": "text",
                    "max-size": 0,
                    "multi-instance": f.multi,
                    "multiline": f.id == "120",
                    "taxonomyHref": Value::Null,
                    "validation": { "min": Value::Null, "max": Value::Null, "regexp": Value::Null },
                },
                "isWritable": f.writable,
                "required": false,
                "taxonomy-only": false,
            })
        })
    };
    let fields: Vec<Value> = editor
        .fields()
        .iter()
        .filter_map(|f| entry(&f.id))
        .collect();
    json!({
        "id": EDITOR_ID,
        "href": editor_href(),
        "name": "Archive",
        "builtinFields": {
            "title": entry("5"),
            "description": entry("120"),
            "tags": entry("25"),
        },
        "detailRegions": [{ "name": "Default", "fields": fields }],
        "thumbnailFields": {
            "label": entry("5"),
            "firstLine": entry("120"),
            "secondLine": Value::Null,
            "additionalFields": [],
        },
        "preserveModificationTime": false,
    })
}
