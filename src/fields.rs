//! FotoWeb field ids that hold personal data, their labels, and the role each field plays
//! when locating a person.

use std::collections::{BTreeMap, BTreeSet};

pub const TITLE: &str = "5";
pub const KEYWORDS: &str = "25";
pub const BYLINE: &str = "80";
pub const CAPTION: &str = "120";
pub const CREATOR_EMAIL: &str = "308";
pub const CREATOR_PHONE: &str = "309";
pub const UPLOADER_LOGIN: &str = "360";
pub const UPLOADER_NAME: &str = "361";
pub const PERSON_SHOWN: &str = "368";

/// Fields of the records a platform holds beside its assets (FotoWeb's user accounts,
/// comments, albums and their shares, orders, assets' consent statuses): each record is indexed as an asset of its own whose metadata uses these ids.
pub mod records {
    /// The archive user accounts are indexed under (ids `users/<id>`).
    pub const USERS: &str = "users";
    /// The archive comments are indexed under (ids `<asset id>/comments/<id>`).
    pub const COMMENTS: &str = "comments";
    pub const USER_LOGIN: &str = "user.username";
    pub const USER_NAME: &str = "user.fullName";
    pub const USER_EMAIL: &str = "user.email";
    pub const USER_PHONE: &str = "user.phone";
    pub const USER_ADDRESS: &str = "user.address";
    pub const USER_DESCRIPTION: &str = "user.description";
    /// `true` or `false`: whether the account may log in. Not personal data.
    pub const USER_ENABLED: &str = "user.enabled";
    /// The comment's author, as the platform names them.
    pub const COMMENT_AUTHOR: &str = "comment.owner";
    pub const COMMENT_TEXT: &str = "comment.text";
    /// What an anonymised comment names as its author.
    pub const FORMER_USER: &str = "[former user]";
    /// The archive albums are indexed under (ids `albums/<id>`).
    pub const ALBUMS: &str = "albums";
    /// The archive shares of albums are indexed under (ids `albums/<album>/shares/<id>`).
    pub const SHARES: &str = "shares";
    /// The login of the album's owner.
    pub const ALBUM_OWNER: &str = "album.owner";
    /// The full name of the album's owner.
    pub const ALBUM_OWNER_NAME: &str = "album.ownerName";
    pub const ALBUM_NAME: &str = "album.name";
    pub const ALBUM_DESCRIPTION: &str = "album.description";
    /// The e-mail address an album is shared with.
    pub const SHARE_EMAIL: &str = "share.email";
    /// The name of the album shared.
    pub const SHARE_ALBUM: &str = "share.album";
    /// The archive assets' consent statuses are indexed under (ids `<asset id>/consent`).
    pub const CONSENTS: &str = "consents";
    /// The people the asset shows: the people whose consent its forms record.
    pub const CONSENT_SHOWN: &str = "consent.shown";
    /// The asset's overall consent state (`FullConsent`, `PartialConsent`, …).
    pub const CONSENT_STATE: &str = "consent.state";
    /// The consent categories approved, `key: title`.
    pub const CONSENT_APPROVED: &str = "consent.approved";
    /// The consent categories declined, `key: title`.
    pub const CONSENT_DECLINED: &str = "consent.declined";
    /// How many linked consent forms are in which state (`Signed: 1`).
    pub const CONSENT_FORMS: &str = "consent.forms";
    /// The archive orders are indexed under (ids `orders/<id>`).
    pub const ORDERS: &str = "orders";
    /// The login of the customer who placed the order.
    pub const ORDER_LOGIN: &str = "order.username";
    /// The customer's name as the order holds it.
    pub const ORDER_NAME: &str = "order.name";
    pub const ORDER_EMAIL: &str = "order.email";
    pub const ORDER_PHONE: &str = "order.phone";
    /// The customer's postal address, one text.
    pub const ORDER_ADDRESS: &str = "order.address";
    /// What the customer wrote with the order.
    pub const ORDER_COMMENT: &str = "order.comment";
    /// The site's reference of the order. Not personal data.
    pub const ORDER_REFERENCE: &str = "order.reference";
    /// `pending`, `approved`, `rejected`, `expired`, `created` or `cart`. Not personal data.
    pub const ORDER_STATE: &str = "order.state";
    /// The assets whose renditions were ordered. Not personal data.
    pub const ORDER_ITEMS: &str = "order.items";

    /// The labels of these fields.
    pub const LABELS: [(&str, &str); 29] = [
        (USER_LOGIN, "Account · login"),
        (USER_NAME, "Account · full name"),
        (USER_EMAIL, "Account · e-mail"),
        (USER_PHONE, "Account · phone"),
        (USER_ADDRESS, "Account · address"),
        (USER_DESCRIPTION, "Account · description"),
        (USER_ENABLED, "Account · enabled"),
        (COMMENT_AUTHOR, "Comment · author"),
        (COMMENT_TEXT, "Comment · text"),
        (ALBUM_OWNER, "Album · owner's login"),
        (ALBUM_OWNER_NAME, "Album · owner's name"),
        (ALBUM_NAME, "Album · name"),
        (ALBUM_DESCRIPTION, "Album · description"),
        (SHARE_EMAIL, "Album share · shared with"),
        (SHARE_ALBUM, "Album share · album"),
        (ORDER_LOGIN, "Order · customer's login"),
        (ORDER_NAME, "Order · customer's name"),
        (ORDER_EMAIL, "Order · customer's e-mail"),
        (ORDER_PHONE, "Order · customer's phone"),
        (ORDER_ADDRESS, "Order · customer's address"),
        (ORDER_COMMENT, "Order · customer's comment"),
        (ORDER_REFERENCE, "Order · reference"),
        (ORDER_STATE, "Order · state"),
        (ORDER_ITEMS, "Order · items ordered"),
        (CONSENT_SHOWN, "Consent · people shown"),
        (CONSENT_STATE, "Consent · state"),
        (CONSENT_APPROVED, "Consent · approved"),
        (CONSENT_DECLINED, "Consent · declined"),
        (CONSENT_FORMS, "Consent · forms"),
    ];

    /// Whether a record of `archive` whose `matched` fields hold the subject is hers as a
    /// whole: her own account (her login or e-mail on it), a comment she wrote, an album
    /// she owns (her login as its owner's), or a share to her e-mail address. A name alone
    /// does not make an account or an album hers: two people share a name, and deleting one
    /// is not undone; her name on it is scrubbed like any field instead.
    pub fn whole_record_of(archive: &str, matched: &[String]) -> bool {
        let has = |field: &str| matched.iter().any(|m| m == field);
        match archive {
            USERS => has(USER_LOGIN) || has(USER_EMAIL),
            COMMENTS => has(COMMENT_AUTHOR),
            ALBUMS => has(ALBUM_OWNER),
            SHARES => has(SHARE_EMAIL),
            ORDERS => has(ORDER_LOGIN) || has(ORDER_EMAIL),
            CONSENTS => has(CONSENT_SHOWN),
            _ => false,
        }
    }

    /// A user account's personal fields: what disabling it clears.
    pub const USER_PERSONAL: [&str; 5] = [
        USER_NAME,
        USER_EMAIL,
        USER_PHONE,
        USER_ADDRESS,
        USER_DESCRIPTION,
    ];

    /// An order's customer details that bookkeeping does not need (the invoice keeps the
    /// name, e-mail and address): what is masked where the platform still lets an order
    /// be changed.
    pub const ORDER_MASKABLE: [&str; 2] = [ORDER_PHONE, ORDER_COMMENT];

    /// Whether an order in `state` can still be changed: FotoWeb documents changes of
    /// pending and created orders only (a cart is the customer's own, not yet an order).
    pub fn order_changeable(state: &str) -> bool {
        matches!(state.trim(), "pending" | "created" | "cart")
    }
}

/// Labels of the standard fields, used when a platform does not describe its own.
pub fn default_labels() -> BTreeMap<String, String> {
    [
        (TITLE, "Title"),
        (KEYWORDS, "Keywords"),
        (BYLINE, "Byline"),
        (CAPTION, "Caption"),
        ("304", "Creator address"),
        ("305", "Creator city"),
        ("306", "Creator postal code"),
        ("307", "Creator country"),
        (CREATOR_EMAIL, "Creator e-mail"),
        (CREATOR_PHONE, "Creator phone"),
        ("310", "Creator website"),
        (UPLOADER_LOGIN, "Uploaded by (login)"),
        (UPLOADER_NAME, "Uploaded by (name)"),
        (PERSON_SHOWN, "Person shown"),
    ]
    .into_iter()
    .map(|(id, label)| (id.to_owned(), label.to_owned()))
    .collect()
}

/// How a field is read when locating a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Holds people's names, one per element: names match as whole names.
    Person,
    /// Holds e-mail addresses, compared exactly.
    Email,
    /// Holds phone numbers, compared in E.164.
    Phone,
    /// Holds platform logins, compared exactly.
    Login,
    /// Free text: a name counts only as a whole phrase.
    Text,
}

/// Which fields play which role in one tenant: the standard FotoWeb ids plus those the
/// tenant profile maps. Any field not named is free text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldRoles {
    person: BTreeSet<String>,
    email: BTreeSet<String>,
    phone: BTreeSet<String>,
    login: BTreeSet<String>,
    text: BTreeSet<String>,
}

impl FieldRoles {
    /// The standard roles extended with a profile's mapped fields.
    pub fn new(
        person: &[String],
        email: &[String],
        phone: &[String],
        login: &[String],
        text: &[String],
    ) -> FieldRoles {
        let set = |standard: &[&str], extra: &[String]| {
            standard
                .iter()
                .map(|s| s.to_string())
                .chain(extra.iter().cloned())
                .collect::<BTreeSet<_>>()
        };
        FieldRoles {
            person: set(
                &[
                    BYLINE,
                    UPLOADER_NAME,
                    PERSON_SHOWN,
                    records::USER_NAME,
                    records::COMMENT_AUTHOR,
                    records::ALBUM_OWNER_NAME,
                    records::ORDER_NAME,
                    records::CONSENT_SHOWN,
                ],
                person,
            ),
            email: set(
                &[
                    CREATOR_EMAIL,
                    records::USER_EMAIL,
                    records::SHARE_EMAIL,
                    records::ORDER_EMAIL,
                ],
                email,
            ),
            phone: set(
                &[CREATOR_PHONE, records::USER_PHONE, records::ORDER_PHONE],
                phone,
            ),
            login: set(
                &[
                    UPLOADER_LOGIN,
                    records::USER_LOGIN,
                    records::ALBUM_OWNER,
                    records::ORDER_LOGIN,
                ],
                login,
            ),
            text: set(&[], text),
        }
    }

    /// The standard FotoWeb roles only.
    pub fn standard() -> FieldRoles {
        FieldRoles::new(&[], &[], &[], &[], &[])
    }

    /// A field mapped as free text stays free text even where FotoWeb's standard gives it
    /// another role (sites reuse standard fields).
    pub fn role(&self, field: &str) -> Role {
        if self.text.contains(field) {
            Role::Text
        } else if self.person.contains(field) {
            Role::Person
        } else if self.email.contains(field) {
            Role::Email
        } else if self.phone.contains(field) {
            Role::Phone
        } else if self.login.contains(field) {
            Role::Login
        } else {
            Role::Text
        }
    }
}
