//! Reading an `assetupdate+json` body into field changes, checked against the metadata view
//! before anything changes, so a refused PATCH leaves the asset as it was.
//!
//! `{"metadata": {"<id>": {"value": "text" | ["a", "b"]}}}`: a bag takes an array, or a bare
//! string that replaces it with that one value; a single field takes a string or an array of
//! at most one string. `[]` and `""` clear any field.

use crate::fields::Editor;
use crate::state::FieldValue;

/// Why a PATCH body was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchError {
    /// 400: not the documented shape.
    Malformed(String),
    /// 403: a field the view does not offer or marks read-only.
    Forbidden(String),
}

/// The changes a body asks for: a new value, or `None` to clear.
pub type Changes = Vec<(String, Option<FieldValue>)>;

pub fn parse(body: &[u8], editor: &Editor) -> Result<Changes, PatchError> {
    let malformed = |m: &str| PatchError::Malformed(m.to_owned());
    let json: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| PatchError::Malformed(format!("the body is not JSON: {e}")))?;
    let Some(metadata) = json.get("metadata").and_then(|m| m.as_object()) else {
        return Err(malformed("expected {\"metadata\": {…}}"));
    };
    let mut changes = Vec::new();
    for (id, entry) in metadata {
        let Some(value) = entry.as_object().and_then(|e| e.get("value")) else {
            return Err(PatchError::Malformed(format!(
                "field {id}: expected {{\"value\": …}}"
            )));
        };
        let Some(def) = editor.field(id) else {
            return Err(PatchError::Forbidden(format!(
                "field {id} is not in the metadata view of this archive"
            )));
        };
        if !def.writable {
            return Err(PatchError::Forbidden(format!(
                "field {id} ({}) is not writable",
                def.label
            )));
        }
        let items: Vec<String> = match value {
            serde_json::Value::String(s) if s.is_empty() => Vec::new(),
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map(str::to_owned))
                .collect::<Option<_>>()
                .ok_or_else(|| {
                    PatchError::Malformed(format!("field {id}: values must be strings"))
                })?,
            _ => {
                return Err(PatchError::Malformed(format!(
                    "field {id}: the value must be a string or an array of strings"
                )));
            }
        };
        let new = match (def.multi, items.as_slice()) {
            (_, []) => None,
            (true, _) => Some(FieldValue::Bag(items)),
            (false, [one]) if one.is_empty() => None,
            (false, [one]) => Some(FieldValue::Single(one.clone())),
            (false, _) => {
                return Err(PatchError::Malformed(format!(
                    "field {id} ({}) holds one value, not {}",
                    def.label,
                    items.len()
                )));
            }
        };
        changes.push((id.clone(), new));
    }
    Ok(changes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn editor() -> Editor {
        Editor::for_tenant(std::iter::empty::<&BTreeMap<String, FieldValue>>())
    }

    fn changes(body: &str) -> Result<Changes, PatchError> {
        parse(body.as_bytes(), &editor())
    }

    #[test]
    fn bags_singles_and_clearing() {
        let got = changes(
            r#"{"metadata": {"25": {"value": ["a","b"]}, "80": {"value": "x"},
                "5": {"value": ["t"]}, "120": {"value": []}, "368": {"value": ""}}}"#,
        )
        .unwrap();
        let got: BTreeMap<_, _> = got.into_iter().collect();
        assert_eq!(
            got["25"],
            Some(FieldValue::Bag(vec!["a".into(), "b".into()]))
        );
        assert_eq!(got["80"], Some(FieldValue::Bag(vec!["x".into()])));
        assert_eq!(got["5"], Some(FieldValue::Single("t".into())));
        assert_eq!(got["120"], None);
        assert_eq!(got["368"], None);
    }

    #[test]
    fn refusals() {
        assert!(matches!(changes("{"), Err(PatchError::Malformed(_))));
        assert!(matches!(changes("{}"), Err(PatchError::Malformed(_))));
        assert!(matches!(
            changes(r#"{"metadata": {"5": "x"}}"#),
            Err(PatchError::Malformed(_))
        ));
        assert!(matches!(
            changes(r#"{"metadata": {"5": {"value": ["a","b"]}}}"#),
            Err(PatchError::Malformed(_))
        ));
        assert!(matches!(
            changes(r#"{"metadata": {"25": {"value": [1]}}}"#),
            Err(PatchError::Malformed(_))
        ));
        assert!(matches!(
            changes(r#"{"metadata": {"360": {"value": "x"}}}"#),
            Err(PatchError::Forbidden(_))
        ));
        assert!(matches!(
            changes(r#"{"metadata": {"9999": {"value": "x"}}}"#),
            Err(PatchError::Forbidden(_))
        ));
    }
}
