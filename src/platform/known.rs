//! What the last sync indexed, as a scan looks it up: every asset id with its version
//! marker, sorted by id and held compactly.
//!
//! A map of strings held a million versions at about 200 bytes each, most of it allocator
//! and tree overhead, and building it was most of a nothing-changed sync of a SQL
//! database. Here every id and version sits in one text with a few bytes of offsets each;
//! a lookup is a binary search, and the known assets of one archive or table are a range.

use std::collections::BTreeMap;
use std::fmt;

/// Known versions, sorted by id.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct KnownVersions {
    text: String,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    start: usize,
    id_len: u32,
    version_len: u32,
}

/// An id pushed at or before the one pushed last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfOrder;

impl KnownVersions {
    /// Appends `id` at `version`; ids come in strictly increasing order.
    pub fn push(&mut self, id: &str, version: &str) -> Result<(), OutOfOrder> {
        if self
            .entries
            .last()
            .is_some_and(|_| self.id(self.len() - 1) >= id)
        {
            return Err(OutOfOrder);
        }
        let (Ok(id_len), Ok(version_len)) = (u32::try_from(id.len()), u32::try_from(version.len()))
        else {
            // No platform names an asset, or marks its version, in 4 GB.
            return Err(OutOfOrder);
        };
        let start = self.text.len();
        self.text.push_str(id);
        self.text.push_str(version);
        self.entries.push(Entry {
            start,
            id_len,
            version_len,
        });
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        (0..self.len()).map(|i| (self.id(i), self.version(i)))
    }

    /// The entries from the first id at or after `from`, in id order.
    fn iter_from<'a>(&'a self, from: &str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let first = self.entries.partition_point(|e| self.text_of_id(e) < from);
        (first..self.len()).map(|i| (self.id(i), self.version(i)))
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| self.text_of_id(e).cmp(id))
            .ok()
    }

    fn text_of_id(&self, e: &Entry) -> &str {
        &self.text[e.start..e.start + e.id_len as usize]
    }

    fn id(&self, i: usize) -> &str {
        self.text_of_id(&self.entries[i])
    }

    fn version(&self, i: usize) -> &str {
        let e = self.entries[i];
        let from = e.start + e.id_len as usize;
        &self.text[from..from + e.version_len as usize]
    }
}

impl fmt::Debug for KnownVersions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Sorted as it is collected; a later entry for the same id replaces an earlier one.
impl FromIterator<(String, String)> for KnownVersions {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        let map: BTreeMap<String, String> = iter.into_iter().collect();
        Self::from(&map)
    }
}

impl From<&BTreeMap<String, String>> for KnownVersions {
    fn from(map: &BTreeMap<String, String>) -> Self {
        let mut known = KnownVersions::default();
        for (id, version) in map {
            // A map's keys are sorted and distinct: nothing is out of order.
            let _ = known.push(id, version);
        }
        known
    }
}

/// The known versions as one scan sees them: those of the last sync, with a few laid
/// over them (the unreadable assets, at a version no asset has, so that they are read
/// again), and optionally only the ids a part of a platform deals with.
#[derive(Clone, Copy)]
pub struct Known<'a> {
    base: &'a KnownVersions,
    overlay: Option<&'a BTreeMap<String, String>>,
    keep: Option<fn(&str) -> bool>,
}

impl<'a> Known<'a> {
    pub fn new(base: &'a KnownVersions) -> Known<'a> {
        Known {
            base,
            overlay: None,
            keep: None,
        }
    }

    /// `overlay`'s versions in place of the base's, and its ids beside them.
    pub fn with_overlay(self, overlay: &'a BTreeMap<String, String>) -> Known<'a> {
        Known {
            overlay: (!overlay.is_empty()).then_some(overlay),
            ..self
        }
    }

    /// Only the ids `keep` is true of (on top of any earlier filter).
    pub fn only(self, keep: fn(&str) -> bool) -> Known<'a> {
        // A function pointer cannot capture the earlier one: the two are only combined by
        // the one caller that needs it, which has none before.
        debug_assert!(self.keep.is_none(), "one filter at a time");
        Known {
            keep: Some(keep),
            ..self
        }
    }

    fn kept(&self, id: &str) -> bool {
        self.keep.is_none_or(|keep| keep(id))
    }

    /// The id as kept here, with its version.
    pub fn get_key_value(&self, id: &str) -> Option<(&'a str, &'a str)> {
        if !self.kept(id) {
            return None;
        }
        if let Some((id, version)) = self.overlay.and_then(|o| o.get_key_value(id)) {
            return Some((id.as_str(), version.as_str()));
        }
        let base = self.base;
        base.find(id).map(|i| (base.id(i), base.version(i)))
    }

    pub fn get(&self, id: &str) -> Option<&'a str> {
        self.get_key_value(id).map(|(_, version)| version)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.get_key_value(id).is_some()
    }

    /// Every id with its version, in id order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (&'a str, &'a str)> + 'a> {
        self.merged(Box::new(self.base.iter()), None)
    }

    pub fn keys(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.iter().map(|(id, _)| id)
    }

    /// The ids that start with `prefix` (an archive's, a table's), in id order.
    pub fn with_prefix(&self, prefix: &str) -> Box<dyn Iterator<Item = (&'a str, &'a str)> + 'a> {
        let prefix_owned = prefix.to_owned();
        let base = Box::new(
            self.base
                .iter_from(prefix)
                .take_while(move |(id, _)| id.starts_with(&prefix_owned)),
        );
        self.merged(base, Some(prefix.to_owned()))
    }

    /// How many ids there are. Counted when anything is laid over or left out.
    pub fn len(&self) -> usize {
        if self.overlay.is_none() && self.keep.is_none() {
            self.base.len()
        } else {
            self.iter().count()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// `base` with the overlay's entries (under `prefix`, if given) merged in, the overlay
    /// winning on the same id, and only the kept ids.
    fn merged(
        &self,
        base: Box<dyn Iterator<Item = (&'a str, &'a str)> + 'a>,
        prefix: Option<String>,
    ) -> Box<dyn Iterator<Item = (&'a str, &'a str)> + 'a> {
        let keep = self.keep;
        let kept = move |(id, _): &(&'a str, &'a str)| keep.is_none_or(|keep| keep(id));
        let Some(overlay) = self.overlay else {
            return Box::new(base.filter(kept));
        };
        let over: Box<dyn Iterator<Item = (&'a str, &'a str)> + 'a> = match prefix {
            Some(prefix) => Box::new(
                overlay
                    .range::<str, _>((
                        std::ops::Bound::Included(prefix.as_str()),
                        std::ops::Bound::Unbounded,
                    ))
                    .take_while(move |(id, _)| id.starts_with(&prefix))
                    .map(|(id, version)| (id.as_str(), version.as_str())),
            ),
            None => Box::new(overlay.iter().map(|(id, v)| (id.as_str(), v.as_str()))),
        };
        let mut base = base.peekable();
        let mut over = over.peekable();
        let merged = std::iter::from_fn(move || {
            use std::cmp::Ordering::{Equal, Greater, Less};
            let order = match (base.peek(), over.peek()) {
                (Some(b), Some(o)) => b.0.cmp(o.0),
                (Some(_), None) => Less,
                (None, Some(_)) => Greater,
                (None, None) => return None,
            };
            match order {
                Less => base.next(),
                Equal => {
                    base.next();
                    over.next()
                }
                Greater => over.next(),
            }
        });
        Box::new(merged.filter(kept))
    }
}

impl fmt::Debug for Known<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Known")
            .field("base", &self.base.len())
            .field("overlay", &self.overlay.map_or(0, BTreeMap::len))
            .field("filtered", &self.keep.is_some())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(entries: &[(&str, &str)]) -> KnownVersions {
        entries
            .iter()
            .map(|(id, v)| (id.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn ids_are_found_by_search_and_by_prefix_in_order() {
        let base = known(&[("b/2", "v2"), ("a/1", "v1"), ("b/10", "v10"), ("bb/1", "x")]);
        let view = Known::new(&base);
        assert_eq!(view.get("b/10"), Some("v10"));
        assert_eq!(view.get("b/3"), None);
        assert_eq!(view.len(), 4);
        let b: Vec<_> = view.with_prefix("b/").collect();
        assert_eq!(b, [("b/10", "v10"), ("b/2", "v2")]);
        assert_eq!(view.with_prefix("c/").count(), 0);
    }

    #[test]
    fn an_overlay_wins_on_its_ids_and_adds_the_others_in_order() {
        let base = known(&[("a/1", "v1"), ("b/1", "v1"), ("b/3", "v3")]);
        let overlay: BTreeMap<String, String> = [("b/1", ""), ("b/2", ""), ("c/1", "")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let view = Known::new(&base).with_overlay(&overlay);
        assert_eq!(view.get("b/1"), Some(""));
        assert_eq!(view.get("b/3"), Some("v3"));
        let all: Vec<_> = view.keys().collect();
        assert_eq!(all, ["a/1", "b/1", "b/2", "b/3", "c/1"]);
        assert_eq!(view.len(), 5);
        let b: Vec<_> = view.with_prefix("b/").collect();
        assert_eq!(b, [("b/1", ""), ("b/2", ""), ("b/3", "v3")]);
    }

    #[test]
    fn a_filter_hides_the_ids_it_leaves_out_everywhere() {
        let base = known(&[("a/1", "v1"), ("users/1", "u"), ("z/1", "v")]);
        let view = Known::new(&base).only(|id| !id.starts_with("users/"));
        assert_eq!(view.get("users/1"), None);
        assert!(!view.contains_key("users/1"));
        assert_eq!(view.keys().collect::<Vec<_>>(), ["a/1", "z/1"]);
        assert_eq!(view.len(), 2);
    }

    #[test]
    fn ids_pushed_out_of_order_are_refused() {
        let mut base = KnownVersions::default();
        base.push("b", "1").expect("the first");
        assert_eq!(base.push("a", "1"), Err(OutOfOrder));
        assert_eq!(base.push("b", "2"), Err(OutOfOrder));
        base.push("c", "1").expect("in order");
        assert_eq!(base.len(), 2);
    }
}
