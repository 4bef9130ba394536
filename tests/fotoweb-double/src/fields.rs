//! The metadata view (editor) the double exposes: which fields exist, their labels, which
//! hold bags of values and which may be written. One view serves every archive.

use std::collections::BTreeMap;

use crate::state::FieldValue;

/// The id of the one metadata view; a GUID like FotoWeb's, fixed so URLs are stable.
pub const EDITOR_ID: &str = "4d5a7c1e-9b3f-4e2a-8c6d-0f1e2d3c4b5a";

/// One field of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDef {
    pub id: String,
    pub label: String,
    /// A bag: values are arrays.
    pub multi: bool,
    pub writable: bool,
}

/// FotoWeb's default labels for the fields dsr cares about (the XMP field code reference);
/// `true` marks bags.
const DEFAULTS: &[(&str, &str, bool)] = &[
    ("5", "Title", false),
    ("25", "Keywords", true),
    ("80", "Byline", true),
    ("116", "Copyright", false),
    ("120", "Caption", false),
    ("308", "Creator e-mail", true),
    ("309", "Creator phone", true),
    ("360", "Uploaded by (login)", false),
    ("361", "Uploaded by (name)", false),
    ("362", "Upload time", false),
    ("368", "Person shown", true),
];

/// Filled in by FotoWeb on upload, so no client may change them.
const READ_ONLY: &[&str] = &["360", "361", "362"];

/// The fields of the view, ordered by numeric id.
#[derive(Debug, Clone, Default)]
pub struct Editor {
    fields: Vec<FieldDef>,
}

impl Editor {
    /// The default fields plus every field the tenant uses, labelled `Field N`; such a field
    /// is a bag when any asset holds an array in it.
    pub fn for_tenant<'a>(
        metadata: impl IntoIterator<Item = &'a BTreeMap<String, FieldValue>>,
    ) -> Editor {
        let mut fields: BTreeMap<String, FieldDef> = DEFAULTS
            .iter()
            .map(|&(id, label, multi)| {
                let def = FieldDef {
                    id: id.to_owned(),
                    label: label.to_owned(),
                    multi,
                    writable: !READ_ONLY.contains(&id),
                };
                (id.to_owned(), def)
            })
            .collect();
        let mut seen_bag: BTreeMap<String, bool> = BTreeMap::new();
        for map in metadata {
            for (id, value) in map {
                let bag = seen_bag.entry(id.clone()).or_default();
                *bag |= matches!(value, FieldValue::Bag(_));
            }
        }
        for (id, bag) in seen_bag {
            fields.entry(id.clone()).or_insert_with(|| FieldDef {
                label: format!("Field {id}"),
                multi: bag,
                writable: !READ_ONLY.contains(&id.as_str()),
                id,
            });
        }
        let mut fields: Vec<FieldDef> = fields.into_values().collect();
        fields.sort_by_key(|f| (f.id.parse::<u64>().unwrap_or(u64::MAX), f.id.clone()));
        Editor { fields }
    }

    pub fn field(&self, id: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn fields(&self) -> &[FieldDef] {
        &self.fields
    }
}
