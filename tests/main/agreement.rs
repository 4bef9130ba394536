//! The invariant every change must keep, checked after every `dsr erase`, `dsr rectify` and
//! `dsr erase --replay-tombstones` any test runs (hooked into [`crate::support::Run::run`]):
//! the run's report, its signed receipt and a fresh `dsr locate` with the case's identities
//! name the same assets. An asset a receipt calls deleted, scrubbed, rectified or clean is
//! not found by locate; every asset locate finds is one the report lists as still holding
//! the subject and the receipt gives an outcome that says so.
//!
//! Being a property of the suite rather than of one test, it also covers the scenarios no
//! test was written for.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value;

use crate::support::Test;

/// Receipt outcomes that claim the run's change holds on the asset.
const DONE: [&str; 6] = [
    "deleted",
    "scrubbed",
    "rectified",
    "clean",
    "image-still-shows-subject",
    "verified",
];

/// Receipt outcomes that say the subject's data is still there.
const NOT_DONE: [&str; 5] = [
    "withheld",
    "manual",
    "versions-remain",
    "unverified",
    "failed",
];

/// What a checked run needs to run `dsr locate` the same way.
pub struct Invocation<'a> {
    pub test: &'a Test,
    pub args: &'a [OsString],
    pub env: &'a [(OsString, OsString)],
    pub started: SystemTime,
}

/// True for the command lines whose outcome this module checks.
pub fn applies(args: &[OsString]) -> bool {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let changes = words.iter().any(|w| w == "erase" || w == "rectify")
        && !words.iter().any(|w| w == "--help" || w == "-h");
    changes && !words.iter().any(|w| w == "--dry-run")
}

impl Invocation<'_> {
    fn value_of(&self, flag: &str, variable: &str) -> Option<OsString> {
        let args = self.args;
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
            .or_else(|| {
                args.iter().find_map(|a| {
                    let a = a.to_string_lossy();
                    a.strip_prefix(&format!("{flag}="))
                        .map(|v| OsString::from(v.to_owned()))
                })
            })
            .or_else(|| {
                self.env
                    .iter()
                    .rev()
                    .find(|(k, _)| k == variable)
                    .map(|(_, v)| v.clone())
            })
    }

    fn data_dir(&self) -> PathBuf {
        self.value_of("--data-dir", "DSR_DATA_DIR")
            .map(PathBuf::from)
            .map(|p| {
                if p.is_absolute() {
                    p
                } else {
                    self.test.root().join(p)
                }
            })
            .unwrap_or_else(|| self.test.data_dir())
    }

    /// Checks every case the run wrote a report or a receipt for.
    pub fn check(&self) {
        let tenants = self.data_dir().join("tenants");
        let Ok(entries) = std::fs::read_dir(&tenants) else {
            return;
        };
        for tenant in entries.flatten() {
            let Ok(cases) = std::fs::read_dir(tenant.path().join("cases")) else {
                continue;
            };
            let name = tenant.file_name().to_string_lossy().into_owned();
            for case in cases.flatten() {
                let dir = case.path();
                for command in ["erase", "rectify"] {
                    let report = dir.join(format!("{command}-report.json"));
                    if self.written_by_run(&report) {
                        self.check_change(&name, &dir, command, &report);
                    }
                }
                if let Some(receipt) = latest_receipt(&dir, "replay")
                    && self.written_by_run(&receipt)
                {
                    self.check_replay(&name, &dir, &receipt);
                }
            }
        }
    }

    fn written_by_run(&self, path: &Path) -> bool {
        std::fs::metadata(path)
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified >= self.started)
    }

    /// The assets a fresh `dsr locate` finds for `identities` on tenant `name`.
    fn locate(&self, name: &str, identities: &[(String, String)]) -> Vec<Value> {
        let mut run = self
            .test
            .dsr([
                "locate",
                "--tenant",
                name,
                "-o",
                "json",
                "--min-confidence",
                "low",
            ])
            .any_status()
            .unchecked();
        for (key, value) in self.env {
            run = run.env(key, value);
        }
        for (flag, variable) in [("--data-dir", "DSR_DATA_DIR"), ("--config", "DSR_CONFIG")] {
            if let Some(value) = self.value_of(flag, variable) {
                run = run.arg(flag).arg(value);
            }
        }
        for (kind, value) in identities {
            run = run.arg(format!("--{kind}")).arg(value);
        }
        let out = run.run();
        // 3: found (or not) while some assets could not be read at the last sync.
        assert!(
            [0, 1, 3].contains(&out.status),
            "the agreement check's locate failed\n{}",
            out.dump()
        );
        match &out.json()["hits"] {
            Value::Array(hits) => hits.clone(),
            other => panic!("locate printed no hits: {other}"),
        }
    }

    fn check_change(&self, tenant: &str, dir: &Path, command: &str, report_path: &Path) {
        let case = read_json(&dir.join("case.json"));
        let report = read_json(report_path);
        let plan = read_json(&dir.join(format!("{command}-plan.json")));
        let operation = if command == "erase" {
            "erasure"
        } else {
            "rectification"
        };
        let receipt_path = latest_receipt(dir, operation).unwrap_or_else(|| {
            panic!(
                "a {command} run wrote its report but no receipt in {}",
                dir.display()
            )
        });
        let receipt = read_json(&receipt_path);
        let context = format!(
            "case {}: report {report:#}\nreceipt {receipt:#}",
            dir.display()
        );
        assert_eq!(
            receipt["plan_sha256"], report["plan_sha256"],
            "the receipt and the report name different plans\n{context}"
        );

        // What the run removes, and where: a replacement's old value in its fields only.
        let (identities, only): (Vec<(String, String)>, Option<BTreeSet<String>>) =
            if command == "erase" {
                (identities(&case["identities"]), None)
            } else {
                let change = &plan["intent"]["change"];
                if change["kind"] != "replace" {
                    return;
                }
                let fields: BTreeSet<String> = change["fields"]
                    .as_array()
                    .map(|f| {
                        f.iter()
                            .filter_map(|v| v.as_str())
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default();
                (
                    identities(&Value::Array(vec![change["from"].clone()])),
                    (!fields.is_empty()).then_some(fields),
                )
            };
        let left_out = left_out(&case);
        let included: BTreeSet<String> = strings(&case["review"]["included"]);
        let rank = |c: &Value| match c.as_str() {
            Some("high") => 2,
            Some("medium") => 1,
            _ => 0,
        };
        let found: BTreeSet<String> = self
            .locate(tenant, &identities)
            .iter()
            .filter(|hit| {
                let asset = hit["asset"].as_str().unwrap_or_default();
                let floor = if included.contains(asset) { 0 } else { 1 };
                !left_out.contains(asset)
                    && hit["matches"].as_array().into_iter().flatten().any(|m| {
                        rank(&m["confidence"]) >= floor
                            && only
                                .as_ref()
                                .is_none_or(|f| f.contains(m["field"].as_str().unwrap_or_default()))
                    })
            })
            .map(|hit| hit["asset"].as_str().unwrap_or_default().to_owned())
            .collect();

        let remaining = strings(&report["remaining"]);
        assert_eq!(
            found, remaining,
            "a fresh locate and the run's report disagree on where the subject still is\n{context}"
        );
        let outcomes: BTreeMap<String, String> = receipt["assets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                (
                    a["asset"].as_str().unwrap_or_default().to_owned(),
                    a["outcome"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        for step in report["steps"].as_array().into_iter().flatten() {
            let asset = step["asset"].as_str().unwrap_or_default();
            assert!(
                outcomes.contains_key(asset),
                "the receipt leaves out {asset}\n{context}"
            );
        }
        for (asset, outcome) in &outcomes {
            if DONE.contains(&outcome.as_str()) {
                assert!(
                    !found.contains(asset),
                    "the receipt says {outcome} for {asset} but a fresh locate finds it\n{context}"
                );
            }
        }
        for asset in &found {
            let outcome = outcomes.get(asset).map(String::as_str).unwrap_or("(none)");
            assert!(
                NOT_DONE.contains(&outcome),
                "a fresh locate finds {asset} but the receipt says {outcome}\n{context}"
            );
        }
        // The run's own list of what is left names every asset locate finds, other than
        // those withheld under legal hold.
        let left: BTreeSet<String> = report["steps"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|s| {
                [
                    "unverified",
                    "failed",
                    "manual",
                    "withheld",
                    "versions-remain",
                ]
                .contains(&s["outcome"].as_str().unwrap_or_default())
            })
            .map(|s| s["asset"].as_str().unwrap_or_default().to_owned())
            .chain(remaining.iter().cloned())
            .collect();
        assert!(
            found.is_subset(&left),
            "the run's list of what is left misses assets locate finds\n{context}"
        );
    }

    /// A replay's receipt names exactly the assets where the erased subject is back.
    fn check_replay(&self, tenant: &str, dir: &Path, receipt_path: &Path) {
        let case = read_json(&dir.join("case.json"));
        let receipt = read_json(receipt_path);
        let named: BTreeSet<String> = receipt["assets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| a["asset"].as_str().unwrap_or_default().to_owned())
            .collect();
        let found: BTreeSet<String> = self
            .locate(tenant, &identities(&case["identities"]))
            .iter()
            .map(|hit| hit["asset"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            named, found,
            "the replay's receipt and a fresh locate disagree\nreceipt {receipt:#}"
        );
    }
}

fn read_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn strings(value: &Value) -> BTreeSet<String> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .map(String::from)
        .collect()
}

fn identities(value: &Value) -> Vec<(String, String)> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| {
            (
                i["kind"].as_str().unwrap_or_default().to_owned(),
                i["value"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The case's matches that review took out or never put in, as `Case::left_out` says.
fn left_out(case: &Value) -> BTreeSet<String> {
    let included = strings(&case["review"]["included"]);
    let excluded = strings(&case["review"]["excluded"]);
    case["matches"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let asset = m["asset"].as_str()?.to_owned();
            let reviewed = included.contains(&asset)
                || (m["confidence"] == "high" && !excluded.contains(&asset));
            (!reviewed).then_some(asset)
        })
        .collect()
}

/// The newest receipt of `operation` in a case folder.
fn latest_receipt(case_dir: &Path, operation: &str) -> Option<PathBuf> {
    let suffix = format!("-{operation}");
    let mut found: Vec<PathBuf> = std::fs::read_dir(case_dir.join("receipts"))
        .ok()?
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(&suffix))
        .map(|e| e.path().join("receipt.json"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found.pop()
}
