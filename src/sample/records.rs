//! The records the sample tenant keeps beside its files (`.records/`, see the `dir`
//! platform): the leaver Jane Doe's user account beside a colleague's, a comment she wrote
//! and one that names her, an album she owns shared to her e-mail address, an order she
//! placed, and the consent status of two images that show her. They let `dsr demo` show a
//! leaver's account and comments handled, and her order kept under the bookkeeping hold.

use std::fmt::{self, Write as _};
use std::fs;
use std::io;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::people::{JANE, OLA, Person};

/// One record: its id, the people it is about (keys of [`super::people::PEOPLE`]), what
/// the README says of it, and its fields.
struct SampleRecord {
    id: &'static str,
    about: &'static [&'static str],
    note: &'static str,
    modified: &'static str,
    fields: &'static [(&'static str, &'static [&'static str])],
}

/// A field given one value is written as a string, several as a list.
const RECORDS: &[SampleRecord] = &[
    SampleRecord {
        id: "users/15001",
        about: &[JANE],
        note: "her user account: login, name, e-mail and phone (the leaver's account)",
        modified: "2024-05-02T09:00:00Z",
        fields: &[
            ("user.username", &["jdoe"]),
            ("user.fullName", &["Jane Doe"]),
            ("user.email", &["jane.doe@example.com"]),
            ("user.phone", &["+47 912 34 567"]),
            (
                "user.description",
                &["Communications; leaves the company in May"],
            ),
            ("user.enabled", &["true"]),
        ],
    },
    SampleRecord {
        id: "users/15002",
        about: &[],
        note: "",
        modified: "2024-01-15T08:00:00Z",
        fields: &[
            ("user.username", &["photo-desk"]),
            ("user.fullName", &["Photo Desk"]),
            ("user.email", &["photo-desk@sample.example"]),
            ("user.enabled", &["true"]),
        ],
    },
    SampleRecord {
        id: "Staff/board-meeting-020.png/comments/1",
        about: &[JANE],
        note: "a comment she wrote (author \"Jane Doe\")",
        modified: "2024-04-12T08:00:00Z",
        fields: &[
            ("comment.owner", &["Jane Doe"]),
            (
                "comment.text",
                &["Please use the second take for the annual report."],
            ),
        ],
    },
    SampleRecord {
        id: "Staff/board-meeting-020.png/comments/2",
        about: &[JANE],
        note: "a comment by Photo Desk that names her in its text (a medium match)",
        modified: "2024-04-12T09:30:00Z",
        fields: &[
            ("comment.owner", &["Photo Desk"]),
            (
                "comment.text",
                &["Cropped as Jane Doe asked; the original stays in the archive."],
            ),
        ],
    },
    SampleRecord {
        id: "albums/501",
        about: &[JANE],
        note: "an album she owns (owner `jdoe`)",
        modified: "2024-04-20T10:00:00Z",
        fields: &[
            ("album.owner", &["jdoe"]),
            ("album.ownerName", &["Jane Doe"]),
            ("album.name", &["Board photos 2024"]),
        ],
    },
    SampleRecord {
        id: "albums/501/shares/1",
        about: &[JANE],
        note: "a share of that album to her e-mail address",
        modified: "2024-04-20T10:05:00Z",
        fields: &[
            ("share.email", &["jane.doe@example.com"]),
            ("share.album", &["Board photos 2024"]),
        ],
    },
    SampleRecord {
        id: "orders/7001",
        about: &[JANE],
        note: "an order she placed, approved (kept under the bookkeeping hold)",
        modified: "2024-04-25T12:00:00Z",
        fields: &[
            ("order.username", &["jdoe"]),
            ("order.name", &["Jane Doe"]),
            ("order.email", &["jane.doe@example.com"]),
            ("order.phone", &["+47 912 34 567"]),
            ("order.address", &["Storgata 1, 0155 Oslo, Norway"]),
            ("order.reference", &["ORD-7001"]),
            ("order.state", &["approved"]),
            ("order.items", &["Staff/board-meeting-020.png"]),
        ],
    },
];

/// The assets whose sidecars hold a consent status (`consentStatus`, FotoWeb's shape),
/// with the people their consent record names (those the asset shows).
const CONSENTS: &[(&str, &[&str], &str)] = &[
    ("Staff/staff-portrait-doe-036.png", &[JANE], "FullConsent"),
    (
        "Staff/board-meeting-020.png",
        &[JANE, OLA],
        "PartialConsent",
    ),
];

/// The consent status of asset `id`, as its sidecar holds it.
pub(super) fn consent_status(id: &str) -> Option<Value> {
    let (_, shown, state) = CONSENTS.iter().find(|(asset, _, _)| *asset == id)?;
    Some(json!({
        "approvedConsents": [{"key": "C1", "title": "Intranet and staff pages"}],
        "assetConsentState": state,
        "countByConsentFormState": [{"consentFormCount": shown.len(), "consentFormState": "Signed"}],
        "declinedConsents": if *state == "FullConsent" {
            json!([])
        } else {
            json!([{"key": "C2", "title": "Press and advertising"}])
        },
    }))
}

/// Writes every record as `.records/<id>.json`.
pub(super) fn write_records(root: &Path) -> io::Result<usize> {
    for record in RECORDS {
        let mut metadata = Map::new();
        let mut fields: Vec<_> = record.fields.to_vec();
        fields.sort_by_key(|(field, _)| *field);
        for (field, values) in fields {
            let value = match values {
                [one] => json!(one),
                many => json!(many),
            };
            metadata.insert(field.to_owned(), json!({ "value": value }));
        }
        let mut object = Map::new();
        object.insert("metadata".to_owned(), Value::Object(metadata));
        object.insert("modified".to_owned(), json!(record.modified));
        let mut bytes =
            serde_json::to_vec_pretty(&Value::Object(object)).map_err(io::Error::other)?;
        bytes.push(b'\n');
        let path = root.join(".records").join(format!("{}.json", record.id));
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)?;
    }
    Ok(RECORDS.len())
}

/// The records and consent statuses about `person`, for the README.
pub(super) fn readme_records(out: &mut String, person: &Person) -> fmt::Result {
    let mut lines: Vec<String> = RECORDS
        .iter()
        .filter(|r| r.about.contains(&person.key))
        .map(|r| format!("- `{}`: {}", r.id, r.note))
        .collect();
    lines.extend(
        CONSENTS
            .iter()
            .filter(|(_, shown, _)| shown.contains(&person.key))
            .map(|(asset, _, state)| {
                format!("- `{asset}/consent`: the consent status of {asset} ({state}), naming the people it shows")
            }),
    );
    if lines.is_empty() {
        return Ok(());
    }
    let plural = if lines.len() == 1 { "" } else { "s" };
    writeln!(
        out,
        "And in {} record{plural} (`.records/`, and consent statuses in sidecars):\n",
        lines.len()
    )?;
    for line in lines {
        writeln!(out, "{line}")?;
    }
    writeln!(out)
}

/// What the README says of the records.
pub(super) fn readme_section(out: &mut String) -> fmt::Result {
    writeln!(
        out,
        "- Records that are not files sit in `.records/<record id>.json` with a `metadata` map \
         like a sidecar's, keyed by record fields (`user.email`, `comment.owner`, …): {} user \
         accounts, comments, an album and its share, an order. The sidecars of {} assets hold \
         a consent status (`consentStatus`), indexed as `<asset id>/consent`.",
        RECORDS
            .iter()
            .filter(|r| r.id.starts_with("users/"))
            .count(),
        CONSENTS.len()
    )
}
