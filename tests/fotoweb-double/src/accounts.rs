//! User accounts (`/fotoweb/api/users`, FotoWeb's user management) and the comments on
//! assets (`<asset>.annotations/`), the records of people that are not asset metadata.
//!
//! Shapes follow the published OpenAPI description (`User`, `Annotation`,
//! `AnnotationList`): a user's e-mail, phone and postal address sit in its `address`
//! object, `fullName` is read-only and made from the given name and surname, `account`
//! holds `isEnabled`; a comment has `text`, `owner.name`, `created` and `modified`.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::timefmt;

/// A user account to seed the double with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedUser {
    pub id: u32,
    pub username: String,
    pub given_name: String,
    pub surname: String,
    pub email: String,
    pub phone: String,
    pub street: Vec<String>,
    pub city: String,
    pub description: String,
    pub enabled: bool,
}

/// A comment to seed the double with, on the asset with this id (`<archive>/<path>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedComment {
    pub id: u32,
    pub asset: String,
    /// The author as FotoWeb names an annotation's owner: the display name.
    pub owner: String,
    pub text: String,
}

/// The sample accounts: Jane Doe (login `jdoe`, the leaver every erasure test erases and
/// the sample tenant's subject), Ola and Kari Nordmann; comments written by Jane, naming
/// her, and about someone else, on the erasure tests' assets and on the sample tenant's
/// (each only where the tenant holds the asset).
pub fn sample() -> (Vec<SeedUser>, Vec<SeedComment>) {
    let user =
        |id, username: &str, given: &str, surname: &str, email: &str, phone: &str| SeedUser {
            id,
            username: username.to_owned(),
            given_name: given.to_owned(),
            surname: surname.to_owned(),
            email: email.to_owned(),
            phone: phone.to_owned(),
            street: vec![format!("{id} Harbour Street")],
            city: "Bergen".to_owned(),
            description: format!("{given} {surname}, communications"),
            enabled: true,
        };
    let users = vec![
        user(
            15010,
            "jdoe",
            "Jane",
            "Doe",
            "jane.doe@example.com",
            "+47 912 34 567",
        ),
        user(
            15011,
            "onordmann",
            "Ola",
            "Nordmann",
            "ola.nordmann@example.com",
            "",
        ),
        user(
            15012,
            "knordmann",
            "Kari",
            "Nordmann",
            "kari.nordmann@example.com",
            "",
        ),
    ];
    let comment = |id, asset: &str, owner: &str, text: &str| SeedComment {
        id,
        asset: asset.to_owned(),
        owner: owner.to_owned(),
        text: text.to_owned(),
    };
    let comments = vec![
        comment(
            1,
            "Staff/shared.png",
            "Jane Doe",
            "Please crop me out of this one.",
        ),
        comment(
            2,
            "Staff/shared.png",
            "Ola Nordmann",
            "Jane Doe asked for a new crop.",
        ),
        comment(3, "Press/kari.png", "Kari Nordmann", "Cleared for print."),
        // On the assets of the bundled sample tenant (examples/sample-tenant).
        comment(
            4,
            "Staff/board-meeting-020.png",
            "Jane Doe",
            "Approved for the intranet.",
        ),
        comment(
            5,
            "Staff/team-offsite-053.png",
            "Kari Nordmann",
            "Ask Jane Doe before this goes to print.",
        ),
        comment(
            6,
            "Staff/team-offsite-053.png",
            "Ola Nordmann",
            "Lovely light.",
        ),
    ];
    (users, comments)
}

/// A live user.
#[derive(Debug, Clone)]
struct User {
    /// Everything a PUT may set, as the client sent it (or as seeded).
    body: Value,
    created: String,
    modified: OffsetDateTime,
    revision: u32,
}

/// A live comment.
#[derive(Debug, Clone)]
pub struct Comment {
    pub asset: String,
    pub owner: String,
    pub text: String,
    created: String,
    modified: OffsetDateTime,
}

/// Every live user and comment.
#[derive(Debug, Default)]
pub struct Accounts {
    users: BTreeMap<u32, User>,
    /// Asset id → comment id → comment.
    comments: BTreeMap<String, BTreeMap<u32, Comment>>,
    /// Users deleted so far, in order.
    pub deleted_users: Vec<u32>,
}

/// Seeded records are older than anything a test does.
const SEEDED: &str = "2024-01-15T09:00:00.000000Z";

impl Accounts {
    /// Seeds the tables; comments on assets the tenant does not hold are left out.
    pub fn new(users: &[SeedUser], comments: &[SeedComment], live: impl Fn(&str) -> bool) -> Self {
        let seeded = timefmt::parse(SEEDED).unwrap_or(OffsetDateTime::UNIX_EPOCH);
        let mut accounts = Accounts::default();
        for u in users {
            let body = json!({
                "username": u.username,
                "description": u.description,
                "address": {
                    "givenName": u.given_name,
                    "surname": u.surname,
                    "email": u.email,
                    "phone": u.phone,
                    "streetAddress": u.street,
                    "city": u.city,
                },
                "account": { "isEnabled": u.enabled },
            });
            accounts.users.insert(
                u.id,
                User {
                    body,
                    created: SEEDED.to_owned(),
                    modified: seeded,
                    revision: 1,
                },
            );
        }
        for c in comments.iter().filter(|c| live(&c.asset)) {
            accounts
                .comments
                .entry(c.asset.clone())
                .or_default()
                .insert(
                    c.id,
                    Comment {
                        asset: c.asset.clone(),
                        owner: c.owner.clone(),
                        text: c.text.clone(),
                        created: SEEDED.to_owned(),
                        modified: seeded,
                    },
                );
        }
        accounts
    }

    /// Every user as the API shows it, by id.
    pub fn users(&self) -> Vec<Value> {
        self.users.iter().map(|(id, u)| user_json(*id, u)).collect()
    }

    pub fn user(&self, id: u32) -> Option<Value> {
        self.users.get(&id).map(|u| user_json(id, u))
    }

    /// Takes a PUT body: the writable parts replace the stored ones; `id`, `fullName`,
    /// `created`, `modified` and `revision` are the server's. False when there is no such
    /// user.
    pub fn put_user(&mut self, id: u32, body: &Value) -> bool {
        let Some(user) = self.users.get_mut(&id) else {
            return false;
        };
        let mut kept = serde_json::Map::new();
        for key in [
            "username",
            "description",
            "address",
            "account",
            "properties",
        ] {
            if let Some(value) = body.get(key) {
                kept.insert(key.to_owned(), value.clone());
            } else if let Some(old) = user.body.get(key) {
                kept.insert(key.to_owned(), old.clone());
            }
        }
        user.body = Value::Object(kept);
        user.modified = timefmt::bump(user.modified);
        user.revision += 1;
        true
    }

    pub fn delete_user(&mut self, id: u32) -> bool {
        let removed = self.users.remove(&id).is_some();
        if removed {
            self.deleted_users.push(id);
        }
        removed
    }

    /// An asset's comments with their ids.
    pub fn comments_of(&self, asset: &str) -> Vec<(u32, &Comment)> {
        self.comments
            .get(asset)
            .map(|c| c.iter().map(|(id, c)| (*id, c)).collect())
            .unwrap_or_default()
    }

    pub fn comment(&self, asset: &str, id: u32) -> Option<&Comment> {
        self.comments.get(asset)?.get(&id)
    }

    /// Sets a comment's text (and owner, when given); false when there is no such comment.
    pub fn put_comment(&mut self, asset: &str, id: u32, text: &str, owner: Option<&str>) -> bool {
        let Some(comment) = self.comments.get_mut(asset).and_then(|c| c.get_mut(&id)) else {
            return false;
        };
        comment.text = text.to_owned();
        if let Some(owner) = owner {
            comment.owner = owner.to_owned();
        }
        comment.modified = timefmt::bump(comment.modified);
        true
    }

    pub fn delete_comment(&mut self, asset: &str, id: u32) -> bool {
        self.comments
            .get_mut(asset)
            .is_some_and(|c| c.remove(&id).is_some())
    }
}

fn user_json(id: u32, user: &User) -> Value {
    let mut body = user.body.clone();
    let address = body.get("address");
    let part = |key: &str| {
        address
            .and_then(|a| a.get(key))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let full_name = [part("givenName"), part("surname")]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if let Value::Object(map) = &mut body {
        map.insert("id".to_owned(), json!(id));
        map.insert("fullName".to_owned(), json!(full_name));
        map.insert("created".to_owned(), json!(user.created));
        map.insert(
            "modified".to_owned(),
            json!(timefmt::format_micros(user.modified)),
        );
        map.insert("revision".to_owned(), json!(user.revision));
        map.insert("isGuest".to_owned(), json!(false));
        map.insert("isBuiltIn".to_owned(), json!(false));
    }
    body
}

/// A comment as the API shows it, under its asset's annotation list `list_href`.
pub fn comment_json(list_href: &str, id: u32, comment: &Comment) -> Value {
    json!({
        "href": format!("{list_href}{id}"),
        "type": "comment",
        "text": comment.text,
        "owner": { "name": comment.owner, "avatarHref": "" },
        "created": comment.created,
        "modified": timefmt::format_micros(comment.modified),
        "allowUpdate": true,
        "allowDelete": true,
    })
}
