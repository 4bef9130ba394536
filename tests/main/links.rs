//! A `dir` tenant and what is not plainly a file of it: symbolic links, which dsr never
//! follows (nothing outside the tenant folder is read, exported, written or deleted through
//! one), and hidden or oddly named files, which are indexed or named, never skipped
//! silently.

use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::{Test, repo_root};
use crate::tenants::JANE;

/// What the file outside the tenant holds; no package may ever contain it.
const MARKER: &[u8] = b"SECRET-OUTSIDE-THE-TENANT-7f3a";

/// A copy of the sample tenant registered as `acme`, with a record of processing so that
/// packages can be written.
fn sample_tenant() -> Test {
    let t = Test::new();
    t.copy_into_tenant(&repo_root().join("examples/sample-tenant"));
    t.add_tenant("acme", &["--default-region", "NO"]);
    let ropa = t.config_home().join("dsr/ropa");
    std::fs::create_dir_all(&ropa).expect("ropa folder");
    let template =
        std::fs::read_to_string(repo_root().join("templates/ropa.toml")).expect("the template");
    let filled = template
        .replace("FILL IN: e.g. ", "")
        .replace("FILL IN: ", "");
    std::fs::write(ropa.join("acme.toml"), filled).expect("a record");
    t
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir` that holds the marker.
fn files_with_marker(dir: &Path) -> Vec<PathBuf> {
    Test::entries(dir)
        .into_iter()
        .map(|relative| dir.join(relative))
        .filter(|path| path.is_file())
        .filter(|path| contains(&std::fs::read(path).expect("a package file"), MARKER))
        .collect()
}

/// Every entry of a ZIP, uncompressed.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let file = std::fs::File::open(path).expect("the ZIP");
    let mut zip = zip::ZipArchive::new(file).expect("a ZIP");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("an entry");
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).expect("its bytes");
            (entry.name().expect("a UTF-8 name").to_string(), bytes)
        })
        .collect()
}

#[test]
fn a_link_out_of_the_tenant_is_named_by_sync_and_never_exported() {
    let t = sample_tenant();
    let outside = t.path("outside.png");
    std::fs::write(&outside, MARKER).expect("the outside file");
    let link = t.tenant_dir().join("Staff/board-meeting-020.png");
    std::fs::remove_file(&link).expect("the sample file");
    symlink(&outside, &link).expect("a link");

    let out = t.dsr(["sync", "-o", "json"]).status(3).run();
    let report = out.json();
    let errors = report["errors"].to_string();
    assert!(
        errors.contains("Staff/board-meeting-020.png") && errors.contains("symbolic link"),
        "{}",
        out.dump()
    );
    assert_eq!(
        report["unreadable"],
        json!(["Staff/board-meeting-020.png"]),
        "not searched until the link is gone: {report}"
    );

    let open = |right: &str| {
        t.dsr(["case", "open", "--right", right])
            .args(JANE)
            .run()
            .stdout
            .trim()
            .to_owned()
    };
    let access = open("access");
    let package = t.path("package");
    t.dsr(["access", &access, "--out"])
        .arg(&package)
        .status(3)
        .run();
    assert!(package.join("data.json").exists(), "a package was written");
    assert_eq!(files_with_marker(&package), Vec::<PathBuf>::new());

    let portable = open("portability");
    let zip = t.path("portable.zip");
    t.dsr(["portability", &portable, "--all-originals", "--out"])
        .arg(&zip)
        .status(3)
        .run();
    let entries = unzip(&zip);
    assert!(
        entries.keys().any(|k| k.starts_with("originals/")),
        "her other originals are there: {:?}",
        entries.keys()
    );
    let leaked: Vec<&String> = entries
        .iter()
        .filter(|(_, bytes)| contains(bytes, MARKER))
        .map(|(name, _)| name)
        .collect();
    assert!(leaked.is_empty(), "{leaked:?}");
    let manifest: Value = serde_json::from_slice(&entries["manifest.json"]).expect("manifest");
    assert_eq!(
        manifest["not_searched"],
        json!(["Staff/board-meeting-020.png"])
    );
}

#[test]
fn a_link_made_after_indexing_is_never_read_through() {
    let t = sample_tenant();
    t.sync(&[]);
    let portable = t
        .dsr(["case", "open", "--right", "portability"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    let outside = t.path("outside.png");
    std::fs::write(&outside, MARKER).expect("the outside file");
    let link = t.tenant_dir().join("Staff/board-meeting-020.png");
    std::fs::remove_file(&link).expect("the sample file");
    symlink(&outside, &link).expect("a link");

    let zip = t.path("portable.zip");
    let message = t
        .dsr(["portability", &portable, "--all-originals", "--out"])
        .arg(&zip)
        .status(2)
        .run()
        .error();
    assert!(
        message.contains("Staff/board-meeting-020.png") && message.contains("symbolic link"),
        "{message}"
    );
    assert!(!zip.exists(), "no package without the original");
}

#[test]
fn erasing_through_a_folder_replaced_by_a_link_touches_nothing_outside() {
    let t = sample_tenant();
    t.sync(&[]);
    let case = t
        .dsr(["case", "open", "--right", "erasure"])
        .args(JANE)
        .run()
        .stdout
        .trim()
        .to_owned();
    // The folder moves out of the tenant and a link takes its place.
    let outside = t.path("elsewhere/Staff");
    std::fs::create_dir_all(t.path("elsewhere")).expect("a folder outside");
    std::fs::rename(t.tenant_dir().join("Staff"), &outside).expect("moved out");
    symlink(&outside, t.tenant_dir().join("Staff")).expect("a link");
    let before = Test::entries(&outside);
    let bytes_before: Vec<Vec<u8>> = before
        .iter()
        .map(|r| std::fs::read(outside.join(r)).expect("a file"))
        .collect();

    let out = t
        .dsr([
            "erase",
            &case,
            "--strategy",
            "delete",
            "--yes",
            "-o",
            "json",
        ])
        .status(3)
        .run();
    assert_eq!(Test::entries(&outside), before, "nothing deleted outside");
    let bytes_after: Vec<Vec<u8>> = before
        .iter()
        .map(|r| std::fs::read(outside.join(r)).expect("a file"))
        .collect();
    assert!(bytes_after == bytes_before, "nothing written outside");

    let report = out.json();
    let staff: Vec<&Value> = report["report"]["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("no steps in {report}"))
        .iter()
        // Records about Staff assets (a comment) are kept in `.records/`, not behind the link.
        .filter(|s| {
            s["asset"]
                .as_str()
                .is_some_and(|id| id.starts_with("Staff/") && !id.contains("/comments/"))
        })
        .collect();
    assert!(!staff.is_empty(), "{report}");
    for step in staff {
        assert_eq!(step["outcome"], "failed", "{step}");
        let id = step["asset"].as_str().expect("an id");
        assert!(
            out.stderr
                .contains(&format!("dsr: not done: {id} (failed)")),
            "{}",
            out.dump()
        );
    }
    assert!(!out.stderr.contains("the asset is gone"), "{}", out.dump());
    let journal = std::fs::read_to_string(
        t.tenant_data("acme")
            .join("cases")
            .join(&case)
            .join("erase-journal.jsonl"),
    )
    .expect("the journal");
    assert!(journal.contains("\"link\""), "{journal}");
}

#[test]
fn hidden_and_oddly_named_files_are_indexed_or_named() {
    let t = Test::new();
    let jane = json!({"80": ["Jane Doe"]});
    t.asset("Staff/a.png", jane.clone());
    t.asset("Staff/.hidden.png", jane.clone());
    t.asset(".trash/old.png", jane.clone());
    t.asset("Staff/.thumbs/small.png", jane.clone());
    t.write("Staff/.DS_Store", b"junk");
    // A Latin-1 name, as an old share may hold: not UTF-8.
    let staff = t.tenant_dir().join("Staff");
    let name =
        |suffix: &[u8]| staff.join(std::ffi::OsStr::from_bytes(&[b"caf\xe9", suffix].concat()));
    std::fs::write(name(b".png"), b"image").expect("a file");
    std::fs::write(
        name(b".png.json"),
        br#"{"metadata": {"80": {"value": ["Jane Doe"]}}}"#,
    )
    .expect("its sidecar");
    t.add_tenant("acme", &[]);

    let out = t.dsr(["sync", "-o", "json"]).status(3).run();
    let report = out.json();
    assert_eq!(report["indexed"], 4, "{report}");
    assert_eq!(report["without_sidecar"], json!(["Staff/.DS_Store"]));
    assert_eq!(
        report["unreadable"],
        json!(["Staff/caf\\xe9.png"]),
        "{report}"
    );
    assert!(
        report["errors"]
            .to_string()
            .contains("Staff/caf\\\\xe9.png"),
        "{report}"
    );
    let found: Vec<String> = t
        .dsr(["locate", "--name", "Jane Doe"])
        .hits()
        .iter()
        .map(|h| h["asset"].as_str().expect("an asset id").to_owned())
        .collect();
    assert_eq!(
        found,
        [
            ".trash/old.png",
            "Staff/.hidden.png",
            "Staff/.thumbs/small.png",
            "Staff/a.png"
        ]
    );

    let table = t.dsr(["sync"]).status(3).run();
    assert!(
        table.stderr.contains("Staff/caf\\xe9.png") && table.stderr.contains("UTF-8"),
        "{}",
        table.dump()
    );
}
