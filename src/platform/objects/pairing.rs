//! Pairs each object of a sorted listing with its `<object>.json` sidecar while the
//! listing streams past, holding only the few keys between an object and its sidecar:
//! memory stays flat however many objects the bucket holds.
//!
//! The rules are the `dir` platform's: an object with a sidecar is an asset; a sidecar
//! whose object is gone is an asset too (it still holds personal data); an object without
//! a sidecar is a stray; objects directly under the tenant's prefix are in no archive and
//! are not assets.

use std::collections::BTreeMap;

const SIDECAR_SUFFIX: &str = ".json";

/// What the pairing found out about one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paired {
    /// An asset, with the version marker of its sidecar.
    Asset { id: String, version: String },
    /// An object with no sidecar.
    NoSidecar { id: String },
}

#[derive(Debug)]
struct Pending {
    version: String,
    /// A `.json` key whose object was listed: it is that object's sidecar.
    sidecar_of_listed: bool,
    /// The version marker of this key's own sidecar, once listed.
    sidecar: Option<String>,
}

/// The keys listed but not yet decided. Keys must be pushed in byte order within each
/// folder (the order S3 and Azure list in); [`Pairer::flush`] decides everything pending,
/// at a folder's end or the listing's.
#[derive(Debug, Default)]
pub struct Pairer {
    window: BTreeMap<String, Pending>,
}

impl Pairer {
    /// Takes the next key (relative to the tenant's prefix) and its version marker; returns
    /// what the keys now decided are. A key is decided once the listing has passed where
    /// its sidecar would be: nothing after that can change what it is.
    pub fn push(&mut self, key: String, version: String) -> Vec<Paired> {
        let mut decided = Vec::new();
        while let Some(first) = self.window.keys().next() {
            if format!("{first}{SIDECAR_SUFFIX}").as_str() >= key.as_str() {
                break;
            }
            if let Some((first, pending)) = self.window.pop_first() {
                decided.extend(decide(first, pending));
            }
        }
        let mut sidecar_of_listed = false;
        if let Some(stem) = key.strip_suffix(SIDECAR_SUFFIX)
            && let Some(object) = self.window.get_mut(stem)
        {
            object.sidecar = Some(version.clone());
            sidecar_of_listed = true;
        }
        self.window.insert(
            key,
            Pending {
                version,
                sidecar_of_listed,
                sidecar: None,
            },
        );
        decided
    }

    /// Decides every key still pending.
    pub fn flush(&mut self) -> Vec<Paired> {
        std::mem::take(&mut self.window)
            .into_iter()
            .filter_map(|(key, pending)| decide(key, pending))
            .collect()
    }

    /// How many keys wait to be decided (for tests of the memory bound).
    #[cfg(test)]
    fn pending(&self) -> usize {
        self.window.len()
    }
}

fn decide(key: String, pending: Pending) -> Option<Paired> {
    if !key.contains('/') || pending.sidecar_of_listed {
        return None;
    }
    match (key.strip_suffix(SIDECAR_SUFFIX), pending.sidecar) {
        (_, Some(version)) => Some(Paired::Asset { id: key, version }),
        // A sidecar whose object is gone.
        (Some(stem), None) => Some(Paired::Asset {
            id: stem.to_owned(),
            version: pending.version,
        }),
        (None, None) => Some(Paired::NoSidecar { id: key }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(keys: &[&str]) -> Vec<Paired> {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        let mut pairer = Pairer::default();
        let mut out = Vec::new();
        for key in sorted {
            out.extend(pairer.push(key.to_owned(), format!("v-{key}")));
        }
        out.extend(pairer.flush());
        out
    }

    fn asset(id: &str, version: &str) -> Paired {
        Paired::Asset {
            id: id.to_owned(),
            version: format!("v-{version}"),
        }
    }

    #[test]
    fn objects_pair_with_their_sidecars_as_the_dir_platform_does() {
        let found = pair(&[
            "A/x.png",
            "A/x.png.json",
            "A/x-2.png",
            "A/x-2.png.json",
            "A/lonely.png",
            "A/gone.png.json",
            "A/data.json",
            "A/data.json.json",
            "root.png",
            "root.png.json",
        ]);
        assert_eq!(
            found,
            [
                asset("A/data.json", "A/data.json.json"),
                asset("A/gone.png", "A/gone.png.json"),
                Paired::NoSidecar {
                    id: "A/lonely.png".to_owned()
                },
                asset("A/x-2.png", "A/x-2.png.json"),
                asset("A/x.png", "A/x.png.json"),
            ]
        );
    }

    #[test]
    fn the_window_stays_small_on_a_long_listing() {
        let mut pairer = Pairer::default();
        let mut keys: Vec<String> = (0..10_000)
            .flat_map(|i| [format!("A/{i:05}.jpg"), format!("A/{i:05}.jpg.json")])
            .collect();
        keys.sort_unstable();
        let mut assets = 0;
        let mut most = 0;
        for key in keys {
            assets += pairer.push(key, "v".to_owned()).len();
            most = most.max(pairer.pending());
        }
        assets += pairer.flush().len();
        assert_eq!(assets, 10_000);
        assert!(most <= 3, "{most} keys held at once");
    }
}
