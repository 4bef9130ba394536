//! `dsr access` and `dsr portability`: what the subject receives.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};
use sha2::Digest;

use crate::support::Test;

/// A tenant whose subject shares assets with others, with hostile values, and a filled-in
/// record of processing.
pub fn tenant() -> Test {
    let t = Test::new();
    t.asset(
        "Staff/board.png",
        json!({
            "368": ["Jane Doe", "Ola Nordmann"],
            "120": "Jane Doe and Ola Nordmann <script>alert(1)</script> at the board.",
            "360": "jdoe",
        }),
    );
    t.asset(
        "Staff/desk.png",
        json!({"120": "=HYPERLINK(\"http://x\") Jane Doe at her desk", "80": ["Jane Doe"]}),
    );
    t.asset("Press/initials.png", json!({"80": ["J. Doe"]}));
    t.asset(
        "Press/smith.png",
        json!({"80": ["Jane Smith"], "368": ["Jane Smith"]}),
    );
    t.add_tenant("acme", &["--default-region", "NO"]);
    t.sync(&[]);
    t.fill_ropa("acme");
    t
}

/// Opens a case for Jane Doe (login jdoe) with `right`; returns its id.
pub fn open(t: &Test, right: &str) -> String {
    t.dsr([
        "case", "open", "--right", right, "--name", "Jane Doe", "--login", "jdoe",
    ])
    .run()
    .stdout
    .trim()
    .to_owned()
}

#[test]
fn the_access_package_holds_exactly_the_reviewed_assets_redacted() {
    let t = tenant();
    let id = open(&t, "access");
    t.dsr(["case", "review", &id, "--include", "Press/initials.png"])
        .run();
    let out = t.path("package");
    let run = t.dsr(["access", &id, "--out"]).arg(&out).run();
    assert!(
        run.stdout.trim().ends_with("package"),
        "stdout names the result\n{}",
        run.dump()
    );

    let data: Value =
        serde_json::from_slice(&std::fs::read(out.join("data.json")).expect("data.json"))
            .expect("data.json is JSON");
    let schema: Value = serde_json::from_slice(
        &std::fs::read(out.join("data.schema.json")).expect("the schema ships beside it"),
    )
    .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "data.json breaks its schema: {errors:?}");

    let mut ids: Vec<&str> = data["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    ids.sort();
    assert_eq!(
        ids,
        ["Press/initials.png", "Staff/board.png", "Staff/desk.png"]
    );

    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    // Art. 15(1)(a)-(h) and 15(2), in plain words.
    for section in [
        "Why we process it",
        "What kind of data",
        "Who receives it",
        "How long we keep it",
        "Your rights",
        "Complaints",
        "Where the data came from",
        "Automated decisions",
        "Transfers outside the EU",
    ] {
        assert!(html.contains(section), "index.html lacks {section}");
    }
    assert!(
        html.contains("Jane Doe, [another person]")
            || html.contains("Jane Doe<br>[another person]")
    );
    assert!(
        !html.contains("Ola Nordmann"),
        "the co-pictured person is redacted"
    );
    assert!(
        !html.contains("Jane Smith"),
        "a look-alike is not in the package"
    );
    assert!(html.contains("&lt;script&gt;"), "values are escaped");
    assert!(!html.contains("<script>"), "no value runs as script");
    // minijinja escapes the slash as an entity, which browsers read back in attributes.
    assert!(
        html.contains("0001.png\" alt=\"Preview"),
        "a preview is shown"
    );
    assert!(out.join("previews/0001.png").exists());
    assert!(
        std::fs::read_to_string(out.join("letter.md"))
            .expect("letter")
            .contains(&id)
    );

    let csv = std::fs::read_to_string(out.join("data.csv")).expect("data.csv");
    assert!(
        csv.contains("'=HYPERLINK"),
        "a formula is neutralised\n{csv}"
    );
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
    assert!(!csv.contains("Ola Nordmann"), "{csv}");

    // Owner-only, like everything else dsr writes.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(out.join("data.json"))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn access_refuses_without_a_record_and_for_another_right() {
    let t = tenant();
    std::fs::remove_file(t.config_home().join("dsr/ropa/acme.toml")).expect("removed");
    let id = open(&t, "access");
    let out = t.dsr(["access", &id]).status(2).run();
    assert!(
        out.error().contains("dsr tenant ropa acme --init"),
        "{}",
        out.dump()
    );
    let erasure = open(&t, "erasure");
    let out = t.dsr(["access", &erasure]).status(2).run();
    assert!(out.error().contains("not access"), "{}", out.dump());
}

#[test]
fn access_templates_can_be_replaced() {
    let t = tenant();
    let id = open(&t, "access");
    t.write("../mine/letter.md", b"Hello {{ data.case.id }}");
    let out = t.path("p.zip");
    t.dsr(["access", &id, "--templates"])
        .arg(t.path("mine"))
        .arg("--out")
        .arg(&out)
        .run();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).expect("zip")).expect("a zip");
    let mut letter = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("letter.md").expect("letter"), &mut letter)
        .expect("read");
    assert_eq!(letter, format!("Hello {id}"));
}

pub fn unzip_entries(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("zip")).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("entry");
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).expect("read");
            (entry.name().expect("a UTF-8 name").to_string(), bytes)
        })
        .collect()
}

#[test]
fn the_portable_zip_is_valid_reproducible_and_hashed() {
    let t = tenant();
    let id = open(&t, "portability");
    let (a, b) = (t.path("a.zip"), t.path("b.zip"));
    t.dsr(["portability", &id, "--out"]).arg(&a).run();
    t.dsr(["portability", &id, "--out"]).arg(&b).run();
    assert_eq!(
        std::fs::read(&a).expect("a"),
        std::fs::read(&b).expect("b"),
        "same bytes"
    );

    let unzip = Command::new("unzip")
        .arg("-tq")
        .arg(&a)
        .output()
        .expect("unzip runs");
    assert!(
        unzip.status.success(),
        "unzip -t: {}",
        String::from_utf8_lossy(&unzip.stdout)
    );
    let python = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)",
        ])
        .arg(&a)
        .status()
        .expect("python3 runs");
    assert!(python.success(), "Python's zipfile test");

    let entries = unzip_entries(&a);
    assert!(entries.contains_key("README.txt"));
    assert!(entries.contains_key("metadata.csv"));
    assert!(
        entries.contains_key("originals/Staff/board.png"),
        "the upload under her login: {:?}",
        entries.keys()
    );
    assert!(
        !entries.contains_key("originals/Staff/desk.png"),
        "not uploaded by her"
    );
    let manifest: Value = serde_json::from_slice(&entries["manifest.json"]).expect("manifest");
    let listed = manifest["entries"].as_array().expect("entries");
    assert_eq!(
        listed.len(),
        entries.len() - 1,
        "every other entry is listed"
    );
    for entry in listed {
        let path = entry["path"].as_str().expect("path");
        let bytes = &entries[path];
        assert_eq!(entry["size"], bytes.len());
        assert_eq!(entry["sha256"], hex(&sha2::Sha256::digest(bytes)), "{path}");
    }
    let metadata: Value = serde_json::from_slice(&entries["metadata.json"]).expect("metadata");
    assert!(!metadata.to_string().contains("Ola Nordmann"));

    let all = t.path("all.zip");
    t.dsr(["portability", &id, "--all-originals", "--out"])
        .arg(&all)
        .run();
    assert!(unzip_entries(&all).contains_key("originals/Staff/desk.png"));
}

#[test]
fn an_encrypted_zip_needs_its_passphrase() {
    let t = tenant();
    let id = open(&t, "portability");
    let out = t.dsr(["portability", &id, "--encrypt"]).status(2).run();
    assert!(out.error().contains("DSR_ZIP_PASSPHRASE"), "{}", out.dump());

    let zip = t.path("e.zip");
    t.dsr(["portability", &id, "--encrypt", "--out"])
        .arg(&zip)
        .env("DSR_ZIP_PASSPHRASE", "correct horse")
        .run();
    let seven = |password: &str, into: &str| {
        Command::new("7z")
            .args([
                "x",
                "-y",
                &format!("-p{password}"),
                &format!("-o{}", t.path(into).display()),
            ])
            .arg(&zip)
            .output()
            .expect("7z runs (p7zip-full)")
    };
    assert!(
        !seven("wrong", "x1").status.success(),
        "a wrong passphrase fails"
    );
    let right = seven("correct horse", "x2");
    assert!(
        right.status.success(),
        "{}",
        String::from_utf8_lossy(&right.stdout)
    );
    assert!(t.path("x2/README.txt").exists());
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn access_and_portability_end_in_signed_receipts_and_audit_entries() {
    let t = tenant();
    let access = open(&t, "access");
    t.dsr(["access", &access, "--out"]).arg(t.path("pkg")).run();
    let portable = open(&t, "portability");
    t.dsr(["portability", &portable, "--out"])
        .arg(t.path("p.zip"))
        .run();

    let cases = t.tenant_data("acme").join("cases");
    let receipts: Vec<std::path::PathBuf> = [&access, &portable]
        .iter()
        .map(|id| {
            let dir = cases.join(id).join("receipts");
            let entry = std::fs::read_dir(&dir)
                .expect("a receipts folder")
                .next()
                .expect("one receipt")
                .expect("an entry");
            entry.path().join("receipt.json")
        })
        .collect();
    let out = t
        .dsr(["receipt", "verify", "--ledger"])
        .args(&receipts)
        .run();
    assert!(
        out.stdout.contains("2 receipt(s), chained and signed"),
        "{}",
        out.dump()
    );

    let receipt: Value =
        serde_json::from_slice(&std::fs::read(&receipts[1]).expect("receipt")).expect("JSON");
    assert_eq!(receipt["right"], "portability");
    assert_eq!(receipt["article"], "GDPR Art. 20");
    assert!(receipt["files"][format!("portable-{portable}.zip")].is_string());
    let audit = std::fs::read_to_string(t.data_dir().join("audit.jsonl")).expect("audit log");
    assert!(audit.contains("\"access\"") && audit.contains("\"portability\""));
    for text in [
        audit,
        std::fs::read_to_string(&receipts[0]).expect("receipt"),
        std::fs::read_to_string(&receipts[1]).expect("receipt"),
    ] {
        for value in ["Jane Doe", "jane doe", "jdoe"] {
            assert!(
                !text.to_lowercase().contains(value),
                "{value} appears in\n{text}"
            );
        }
    }
}

/// The (archive, file name) pairs of a package's data.json or a ZIP's metadata.json.
fn packaged(data: &Value) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = data["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .map(|a| {
            (
                a["archive"].as_str().expect("archive").to_owned(),
                a["filename"].as_str().expect("filename").to_owned(),
            )
        })
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn access_and_portability_work_through_fotoweb_as_through_dir() {
    let t = Test::new();
    t.copy_into_tenant(&crate::support::repo_root().join("examples/sample-tenant"));
    crate::support::assets_only(&t.tenant_dir());
    let mut options = fotoweb_double::Options::new(t.tenant_dir(), "dsr-tests", "s3cret");
    options.page_size = 10;
    let double = fotoweb_double::Double::spawn(options).expect("the double starts");
    t.add_tenant("local", &["--default-region", "NO"]);
    t.dsr([
        "tenant",
        "add",
        "fw",
        "--platform",
        "fotoweb",
        "--url",
        &double.url(),
    ])
    .args(["--client-id", "dsr-tests", "--default-region", "NO"])
    .run();
    let store = url::Url::from_directory_path(t.tenant_dir()).expect("an absolute path");
    t.dsr(["tenant", "add", "obj", "--platform", "objects", "--url"])
        .arg(store.as_str())
        .args(["--default-region", "NO"])
        .run();
    let mut names = vec!["local", "fw", "obj"];
    let s3 = crate::s3server::S3Server::start("acme");
    if let Some(s3) = &s3 {
        s3.upload(&t.tenant_dir(), "export");
        t.dsr(["tenant", "add", "s3", "--platform", "objects"])
            .args(["--url", "s3://acme/export", "--endpoint", &s3.endpoint])
            .args(["--default-region", "NO"])
            .run();
        names.push("s3");
    }
    let azure = crate::azurite::Container::create("acme");
    if let Some(azure) = &azure {
        azure.upload(&t.tenant_dir(), "export");
        t.dsr(["tenant", "add", "az", "--platform", "objects"])
            .args(["--url", &azure.url("export")])
            .args(["--endpoint", &azure.server.endpoint])
            .args(["--default-region", "NO"])
            .run();
        names.push("az");
    }
    let ropa = t.config_home().join("dsr/ropa");
    std::fs::create_dir_all(&ropa).expect("ropa folder");
    let template = std::fs::read_to_string(crate::support::repo_root().join("templates/ropa.toml"))
        .expect("the template");
    let filled = template
        .replace("FILL IN: e.g. ", "")
        .replace("FILL IN: ", "");
    for name in &names {
        std::fs::write(ropa.join(format!("{name}.toml")), &filled).expect("a record");
    }
    let mut results = Vec::new();
    for name in names.iter().copied() {
        let run = |args: &[&str]| {
            let mut run = t
                .dsr(["--tenant", name])
                .args(args)
                .env("DSR_CLIENT_SECRET", "s3cret");
            for (key, value) in crate::s3server::ENV {
                run = run.env(key, value);
            }
            for (key, value) in crate::azurite::ENV {
                run = run.env(key, value);
            }
            run.run()
        };
        run(&["sync"]);
        let open = |right: &str| {
            run(&[
                "case", "open", "--right", right, "--name", "Jane Doe", "--login", "jdoe",
            ])
            .stdout
            .trim()
            .to_owned()
        };
        let access = open("access");
        let package = t.path(format!("{name}-package"));
        run(&[
            "access",
            &access,
            "--out",
            package.to_str().expect("utf-8 path"),
        ]);
        let data: Value =
            serde_json::from_slice(&std::fs::read(package.join("data.json")).expect("data"))
                .expect("JSON");
        let portable = open("portability");
        let zip = t.path(format!("{name}.zip"));
        run(&[
            "portability",
            &portable,
            "--out",
            zip.to_str().expect("utf-8 path"),
        ]);
        let entries = unzip_entries(&zip);
        let metadata: Value =
            serde_json::from_slice(&entries["metadata.json"]).expect("metadata.json");
        let originals: BTreeMap<String, Vec<u8>> = entries
            .into_iter()
            .filter(|(k, _)| k.starts_with("originals/"))
            .collect();
        results.push((packaged(&data), packaged(&metadata), originals));
    }
    assert!(!results[0].0.is_empty());
    assert!(!results[0].2.is_empty(), "she uploaded files");
    assert_eq!(
        results[0], results[1],
        "the same package through dir and FotoWeb"
    );
    assert_eq!(
        results[0], results[2],
        "the same package through dir and an object store"
    );
    for (name, result) in names.iter().zip(&results).skip(3) {
        assert_eq!(
            &results[0], result,
            "the same package through dir and {name} (an S3 bucket, an Azure container)"
        );
    }
}

/// The receipt a case's operation filed last.
fn last_receipt(t: &Test, case: &str) -> Value {
    let dir = t
        .tenant_data("acme")
        .join("cases")
        .join(case)
        .join("receipts");
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("a receipts folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("receipt.json"))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    let path = found.last().expect("a receipt");
    serde_json::from_slice(&std::fs::read(path).expect("receipt")).expect("JSON")
}

/// The per-asset record of `asset` in a receipt.
fn record<'r>(receipt: &'r Value, asset: &str) -> &'r Value {
    receipt["assets"]
        .as_array()
        .expect("per-asset records")
        .iter()
        .find(|r| r["asset"] == asset)
        .unwrap_or_else(|| panic!("no record of {asset} in {receipt}"))
}

#[test]
fn packages_name_what_could_not_be_searched_and_end_3_unless_accepted() {
    let t = tenant();
    // Holds her name, but the sidecar does not parse (a trailing comma).
    t.write("Staff/broken.png", b"image");
    t.write(
        "Staff/broken.png.json",
        b"{\"metadata\": {\"80\": {\"value\": [\"Jane Doe\"]},}}",
    );
    t.dsr(["sync"]).status(3).run();
    let note = "1 asset could not be read at the last sync and was not searched";

    let id = open(&t, "access");
    let out = t.path("package");
    let run = t.dsr(["access", &id, "--out"]).arg(&out).status(3).run();
    assert!(
        run.stderr.contains(note) && run.stderr.contains("--accept-unreadable"),
        "{}",
        run.dump()
    );
    let data: Value =
        serde_json::from_slice(&std::fs::read(out.join("data.json")).expect("data.json"))
            .expect("JSON");
    assert_eq!(data["not_searched"], json!(["Staff/broken.png"]), "{data}");
    let schema: Value =
        serde_json::from_slice(&std::fs::read(out.join("data.schema.json")).expect("schema"))
            .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "data.json breaks its schema: {errors:?}");
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(
        html.contains("broken.png") && html.contains("could not be read"),
        "{html}"
    );
    let letter = std::fs::read_to_string(out.join("letter.md")).expect("letter.md");
    assert!(letter.contains("could not be read"), "{letter}");
    let receipt = last_receipt(&t, &id);
    assert_eq!(
        record(&receipt, "Staff/broken.png")["outcome"],
        "not-searched"
    );

    // The DPO looked at it: exit 0, and the receipt still says it was not searched.
    let accepted = t
        .dsr(["access", &id, "--accept-unreadable", "--out"])
        .arg(t.path("accepted"))
        .run();
    assert!(accepted.stderr.contains(note), "{}", accepted.dump());
    let receipt = last_receipt(&t, &id);
    let entry = record(&receipt, "Staff/broken.png");
    assert_eq!(entry["outcome"], "not-searched");
    assert!(
        entry["evidence"]
            .as_str()
            .is_some_and(|e| e.contains("--accept-unreadable")),
        "{receipt}"
    );

    // The portable archive likewise, its manifest listing the asset.
    let portable = open(&t, "portability");
    let zip = t.path("p.zip");
    t.dsr(["portability", &portable, "--out"])
        .arg(&zip)
        .status(3)
        .run();
    let manifest: Value =
        serde_json::from_slice(&unzip_entries(&zip)["manifest.json"]).expect("manifest");
    assert_eq!(manifest["not_searched"], json!(["Staff/broken.png"]));
    assert_eq!(
        record(&last_receipt(&t, &portable), "Staff/broken.png")["outcome"],
        "not-searched"
    );
    t.dsr(["portability", &portable, "--accept-unreadable", "--out"])
        .arg(t.path("p2.zip"))
        .run();

    // A list of subjects: each package is partial.
    t.dsr(["access", "--from", "-", "--out"])
        .arg(t.path("packages"))
        .stdin("login\njdoe\n")
        .status(3)
        .run();

    // Fixed and synced: nothing left out, nothing to accept.
    t.asset("Staff/broken.png", json!({"80": ["Jane Doe"]}));
    t.sync(&[]);
    let id = open(&t, "access");
    let fixed = t.path("fixed");
    let run = t.dsr(["access", &id, "--out"]).arg(&fixed).run();
    assert!(!run.stderr.contains("could not be read"), "{}", run.dump());
    let data: Value =
        serde_json::from_slice(&std::fs::read(fixed.join("data.json")).expect("data.json"))
            .expect("JSON");
    assert_eq!(data["not_searched"], json!([]));
    assert!(
        packaged(&data).contains(&("Staff".to_owned(), "broken.png".to_owned())),
        "{data}"
    );
    let html = std::fs::read_to_string(fixed.join("index.html")).expect("index.html");
    assert!(!html.contains("could not be read"), "{html}");
}

#[test]
fn the_encrypted_zips_readme_opens_anywhere_and_names_the_programs() {
    let t = tenant();
    let id = open(&t, "portability");
    let zip = t.path("e.zip");
    t.dsr(["portability", &id, "--encrypt", "--out"])
        .arg(&zip)
        .env("DSR_ZIP_PASSPHRASE", "correct horse")
        .run();
    // Info-ZIP's unzip cannot open AES entries: README.txt must not be one.
    let readme = Command::new("unzip")
        .args(["-p"])
        .arg(&zip)
        .arg("README.txt")
        .output()
        .expect("unzip runs");
    assert!(readme.status.success(), "{readme:?}");
    let text = String::from_utf8(readme.stdout).expect("UTF-8");
    for program in ["7-Zip", "Keka", "WinZip", "Windows 11"] {
        assert!(text.contains(program), "{program} is named:\n{text}");
    }
    assert!(text.contains("AES-256"), "{text}");
    // Everything else stays encrypted.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).expect("zip")).expect("a zip");
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).expect("entry");
        let name = entry.name().expect("a UTF-8 name").to_string();
        assert_eq!(entry.encrypted(), name != "README.txt", "{name}");
    }
    // Without --encrypt the README does not speak of a passphrase.
    let plain = t.path("p.zip");
    t.dsr(["portability", &id, "--out"]).arg(&plain).run();
    let text = String::from_utf8(unzip_entries(&plain)["README.txt"].clone()).expect("UTF-8");
    assert!(!text.contains("passphrase"), "{text}");
}

/// True when `text` holds a date written YYYY-MM-DD.
fn has_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (0..b.len().saturating_sub(9)).any(|i| {
        digits(i..i + 4)
            && b[i + 4] == b'-'
            && digits(i + 5..i + 7)
            && b[i + 7] == b'-'
            && digits(i + 8..i + 10)
    })
}

/// Today as a person writes it in `lang`, the way the package must show the dates of a
/// case opened today.
pub fn today_written(lang: &str) -> String {
    let today = time::OffsetDateTime::now_utc().date();
    let month = usize::from(u8::from(today.month())) - 1;
    let (day, year) = (today.day(), today.year());
    match lang {
        "nb" => format!(
            "{day}. {} {year}",
            [
                "januar",
                "februar",
                "mars",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "desember"
            ][month]
        ),
        "de" => format!(
            "{day}. {} {year}",
            [
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember"
            ][month]
        ),
        _ => format!("{day} {} {year}", today.month()),
    }
}

#[test]
fn the_package_reads_as_a_person_writes() {
    let t = tenant();
    let id = open(&t, "access");
    let out = t.path("package");
    t.dsr(["access", &id, "--out"]).arg(&out).run();
    let read = |name: &str| std::fs::read_to_string(out.join(name)).expect(name);
    let (html, md, txt, letter_html) = (
        read("index.html"),
        read("letter.md"),
        read("letter.txt"),
        read("letter.html"),
    );
    let today = today_written("en");
    for (name, text) in [
        ("index.html", &html),
        ("letter.md", &md),
        ("letter.txt", &txt),
        ("letter.html", &letter_html),
    ] {
        // Compared as words: letter.txt wraps its lines.
        let text = &text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&today), "{name} dates read {today}:\n{text}");
        assert!(!has_iso_date(text), "{name} has no ISO dates:\n{text}");
        assert!(!text.contains("item(s)"), "{name}:\n{text}");
        // The transfer outside the EEA and its safeguards (Art. 15(2)).
        assert!(text.contains("United States"), "{name}:\n{text}");
        assert!(
            text.contains("Standard Contractual Clauses"),
            "{name}:\n{text}"
        );
    }
    for reason in [
        "You are shown in this picture",
        "Your name is in the photo credit",
        "Your name is in the caption",
        "Your user name is recorded as the uploader of this file",
    ] {
        assert!(html.contains(reason), "index.html says {reason:?}:\n{html}");
    }
    assert!(!html.contains(">Byline<"), "{html}");
    // The letter a person reads: no Markdown marks in its text, the rights said once.
    for text in [&md, &txt] {
        assert!(!text.contains('`'), "{text}");
        assert_eq!(
            text.matches("correct or erase your data").count(),
            1,
            "the rights once:\n{text}"
        );
    }
    assert!(txt.starts_with("Your request for access"), "{txt}");
    assert!(!txt.contains("# "), "{txt}");
    assert!(letter_html.starts_with("<!doctype html>"), "{letter_html}");
    assert!(letter_html.contains("<h1>Your request"), "{letter_html}");
    assert!(letter_html.contains("lang=\"en\""), "{letter_html}");
}

#[test]
fn the_package_speaks_norwegian_and_german() {
    let t = tenant();
    let id = open(&t, "access");
    for (lang, phrases) in [
        (
            "nb",
            [
                "Du er avbildet på dette bildet",
                "Navnet ditt står i fotokreditten",
                "Hei,",
            ],
        ),
        (
            "de",
            [
                "Sie sind auf diesem Bild zu sehen",
                "Ihr Name steht im Bildnachweis",
                "Sehr geehrte Damen und Herren,",
            ],
        ),
    ] {
        let out = t.path(lang);
        t.dsr(["access", &id, "--lang", lang, "--out"])
            .arg(&out)
            .run();
        let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
        let letter = std::fs::read_to_string(out.join("letter.txt")).expect("letter.txt");
        let both = format!("{html}\n{letter}");
        for phrase in phrases
            .iter()
            .copied()
            .chain([today_written(lang).as_str()])
        {
            assert!(both.contains(phrase), "{lang}: {phrase:?}:\n{both}");
        }
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{html}");
        let data: Value =
            serde_json::from_slice(&std::fs::read(out.join("data.json")).expect("data"))
                .expect("JSON");
        assert_eq!(data["language"], lang);
    }

    // The record of processing sets the default; --lang wins over it.
    let ropa = t.config_home().join("dsr/ropa/acme.toml");
    let text = std::fs::read_to_string(&ropa).expect("record");
    std::fs::write(
        &ropa,
        text.replace("language = \"en\"", "language = \"de\""),
    )
    .expect("write");
    let out = t.path("default");
    t.dsr(["access", &id, "--out"]).arg(&out).run();
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    let out = t.path("english");
    t.dsr(["access", &id, "--lang", "en", "--out"])
        .arg(&out)
        .run();
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(html.contains("<html lang=\"en\">"), "{html}");

    // A user's template for one language replaces the built-in one for it only.
    t.write("../mine/nb/letter.md", b"Hei {{ data.case.id }}");
    let out = t.path("mine-nb");
    t.dsr(["access", &id, "--lang", "nb", "--templates"])
        .arg(t.path("mine"))
        .arg("--out")
        .arg(&out)
        .run();
    assert_eq!(
        std::fs::read_to_string(out.join("letter.txt")).expect("letter"),
        format!("Hei {id}\n")
    );
}

#[test]
fn the_portable_readme_speaks_the_packages_language() {
    let t = tenant();
    let id = open(&t, "portability");
    let readme =
        |zip: &Path| String::from_utf8(unzip_entries(zip)["README.txt"].clone()).expect("UTF-8");
    let nb = t.path("nb.zip");
    t.dsr(["portability", &id, "--lang", "nb", "--out"])
        .arg(&nb)
        .run();
    assert!(
        readme(&nb).contains("Opplysningene dine"),
        "{}",
        readme(&nb)
    );

    // The record of processing's language is the default.
    let ropa = t.config_home().join("dsr/ropa/acme.toml");
    let text = std::fs::read_to_string(&ropa).expect("record");
    std::fs::write(
        &ropa,
        text.replace("language = \"en\"", "language = \"de\""),
    )
    .expect("write");
    let de = t.path("de.zip");
    t.dsr(["portability", &id, "--encrypt", "--out"])
        .arg(&de)
        .env("DSR_ZIP_PASSPHRASE", "correct horse")
        .run();
    let text = Command::new("unzip")
        .arg("-p")
        .arg(&de)
        .arg("README.txt")
        .output()
        .expect("unzip");
    let text = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(text.contains("Ihre Daten"), "{text}");
    assert!(text.contains("7-Zip") && text.contains("Keka"), "{text}");
}

#[test]
fn a_record_silent_on_transfers_outside_the_eea_stops_the_package() {
    let t = tenant();
    let shown = t.dsr(["tenant", "ropa", "acme"]).run();
    assert!(
        shown
            .stdout
            .contains("15(2) transfers:         United States"),
        "{}",
        shown.dump()
    );
    // A record written before transfers were asked for.
    let ropa = t.config_home().join("dsr/ropa/acme.toml");
    let text = std::fs::read_to_string(&ropa).expect("record");
    let older = &text[..text.find("[[transfers]]").expect("the table")];
    std::fs::write(&ropa, older).expect("write");
    let id = open(&t, "access");
    let out = t.dsr(["access", &id]).status(2).run();
    assert!(out.error().contains("transfers = []"), "{}", out.dump());
    t.dsr(["tenant", "ropa", "acme"]).status(2).run();

    std::fs::write(
        &ropa,
        older.replace("[controller]", "transfers = []\n\n[controller]"),
    )
    .expect("write");
    let shown = t.dsr(["tenant", "ropa", "acme"]).run();
    assert!(
        shown.stdout.contains("none outside the EU/EEA"),
        "{}",
        shown.dump()
    );
    let out = t.path("package");
    t.dsr(["access", &id, "--out"]).arg(&out).run();
    let letter = std::fs::read_to_string(out.join("letter.txt")).expect("letter");
    assert!(
        letter.contains("We do not transfer your data outside the EU/EEA."),
        "{letter}"
    );
}
