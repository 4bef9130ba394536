//! `dsr demo`: a request's whole lifecycle on the bundled sample tenant, in temporary
//! folders. Each step runs dsr itself with the command line a user would type, shown
//! before what it printed, so the demo doubles as a tutorial.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use super::{Context, Outcome};
use crate::cli::DemoArgs;

/// The record of processing of the sample tenant's (fictional) controller.
const DEMO_ROPA: &str = r#"purposes = ["Publishing photographs of company events on the intranet and in press material"]
categories = ["Names in bylines, captions and keywords", "Work e-mail addresses and phone numbers", "Photographs showing you"]
recipients = ["The DAM hosting provider (processor)", "Press partners receiving press kits"]
retention = "Five years after the event, then deleted; backups are purged after 30 days."
rights = "You may ask us to correct or erase your data, to restrict its processing or to object to it, by writing to privacy@sample.example."
supervisory_authority = "Datatilsynet (the Norwegian Data Protection Authority), www.datatilsynet.no"
source = "Photographers we commission, and colleagues who upload images."
automated_decisions = "None: no decision about you is made by automated means."
transfers = []
language = "en"

[controller]
name = "Sample Company AS"
address = "Storgata 1, 0155 Oslo, Norway"
email = "privacy@sample.example"
dpo = "Data protection officer, dpo@sample.example"
"#;

/// The sample tenant's demo subject, as a DPO would know her.
const SUBJECT: &[&str] = &[
    "--name",
    "Jane Doe",
    "--email",
    "jane.doe@example.com",
    "--phone",
    "+47 912 34 567",
    "--login",
    "jdoe",
];

/// A colleague's comment that names her in its text (a medium match).
const MENTION: &str = "Staff/board-meeting-020.png/comments/2";

/// The number her rectification puts in place of the old one.
const NEW_PHONE: &str = "+47 913 45 678";

pub fn run(ctx: &Context, args: DemoArgs) -> Result<Outcome> {
    let temp = tempfile::Builder::new()
        .prefix("dsr-demo-")
        .tempdir()
        .context("cannot create a temporary folder for the demo")?;
    let demo = Demo::new(temp.path(), ctx.quiet)?;
    let mut out = std::io::stdout().lock();

    let tenant_dir = temp.path().join("sample-tenant");
    let written =
        dsr::sample::write_sample_tenant(&tenant_dir).context("cannot write the sample tenant")?;
    writeln!(
        out,
        "dsr demo: one data subject's requests, start to finish, on a sample tenant of {} assets in {} archives\n\
         (a `dir` tenant: files with JSON sidecars), in temporary folders.\n",
        written.assets, written.archives
    )?;

    demo.step(
        &mut out,
        "Register the tenant; national phone numbers are Norwegian.",
        &[
            "tenant",
            "add",
            "sample",
            "--platform",
            "dir",
            "--default-region",
            "NO",
            "--path",
        ],
        &[tenant_dir.as_os_str()],
    )?;
    demo.step(&mut out, "Index its metadata.", &["sync"], &[])?;
    let mut locate = vec!["locate"];
    locate.extend_from_slice(SUBJECT);
    demo.step(
        &mut out,
        "Find every asset holding Jane Doe, and the records kept beside them: her user account, comments,\n   her album and its share, her order, consents. Jane Smith, John Doe, Jane Doerr and\n   jane.doe@example.com.au are in the tenant too, and are not taken for her.",
        &locate,
        &[],
    )?;

    let ropa = demo.ropa_path();
    dsr::fsutil::write_atomic(&ropa, DEMO_ROPA.as_bytes())
        .with_context(|| format!("cannot write {}", ropa.display()))?;
    writeln!(
        out,
        "-- The DPO fills in the tenant's record of processing once (`dsr tenant ropa sample --init` writes a template).\n"
    )?;

    let access = demo.open_case(&mut out, "access")?;
    let package = temp.path().join("jane-doe-access");
    demo.step(
        &mut out,
        "Write her Art. 15 access package: index.html for her, data.json and data.csv for machines, a cover letter (Markdown, text and HTML).",
        &["access", &access, "--out"],
        &[package.as_os_str()],
    )?;

    let portability = demo.open_case(&mut out, "portability")?;
    let zip = temp.path().join("jane-doe-portable.zip");
    demo.step(
        &mut out,
        "Write her Art. 20 portable ZIP: the files she uploaded, their metadata, a manifest of SHA-256 hashes.",
        &["portability", &portability, "--out"],
        &[zip.as_os_str()],
    )?;

    second_system(&demo, &mut out, temp.path())?;
    let erasure = correct_and_erase(&demo, &mut out)?;

    let mut receipts = demo.receipts()?;
    let mut verify: Vec<&std::ffi::OsStr> = Vec::new();
    verify.extend(receipts.iter().map(|p| p.as_os_str()));
    demo.step(
        &mut out,
        "Check every receipt: its signature, its canonical form, and the tenant's whole chain of receipts.",
        &["receipt", "verify", "--ledger"],
        &verify,
    )?;
    let case_receipt = demo.case_receipt(&erasure)?;
    demo.step(
        &mut out,
        "Check the case receipt of her erasure across both systems: its signature, and that each system's\n   receipt it names is there, unchanged (its SHA-256) and itself valid.",
        &["receipt", "verify"],
        &[case_receipt.as_os_str()],
    )?;
    receipts.push(case_receipt);
    demo.ssh_keygen_verify(&mut out, &receipts)?;

    let kept = if args.keep {
        let path = temp.keep();
        format!("The demo's folders are kept in {}.", path.display())
    } else {
        "The demo's temporary folders have been deleted.".to_owned()
    };
    writeln!(
        out,
        "Next, on your own tenant:\n\
         \x20 dsr tenant add acme --platform dir --path /srv/acme-export --default-region NO\n\
         \x20 dsr sync --tenant acme\n\
         \x20 dsr locate --tenant acme --purpose 'ticket 4711' --name 'Jane Doe' --email jane.doe@example.com --explain\n\
         \x20 dsr case open --tenant acme --purpose 'ticket 4711' --right access --name 'Jane Doe' --email jane.doe@example.com\n\
         {kept}"
    )?;
    Ok(Outcome::Done)
}

/// The database of the controller's quoting service (the SQLite copy of the sample in
/// `examples/sql/`), registered beside the sample tenant and grouped with it: her data is
/// in both, and one request reaches both.
fn second_system(demo: &Demo, out: &mut std::io::StdoutLock<'_>, root: &Path) -> Result<()> {
    let folder = root.join("quoting");
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create {}", folder.display()))?;
    let db = folder.join("quoting.sqlite");
    let dataset = folder.join(dsr::platform::sql::sample::DATASET_FILE);
    dsr::platform::sql::sample::write_sample_sqlite(&db, &dataset)?;
    let url = format!("sqlite://{}", db.display());
    writeln!(
        out,
        "-- Her data is in a second system of the same controller: its quoting service's database (the\n   sample in examples/sql/, in SQLite here; PostgreSQL and MariaDB work the same way). A dataset file\n   says which columns hold people and what erasure does to each table; the database serves several\n   customers, and every query dsr sends is scoped to this one's account.\n"
    )?;
    demo.step(
        out,
        "Register the database.",
        &[
            "tenant",
            "add",
            "quotes",
            "--platform",
            "sql",
            "--scope",
            "account_id=1",
            "--url",
            &url,
            "--dataset",
        ],
        &[dataset.as_os_str()],
    )?;
    demo.step(out, "Index its rows.", &["sync", "--tenant", "quotes"], &[])?;
    demo.step(
        out,
        "Group the controller's systems, so that one request reaches every one of them.",
        &["tenant", "group", "add", "company", "sample", "quotes"],
        &[],
    )?;
    demo.step(
        out,
        "Find her in every system at once; each hit names its system.",
        &[
            "locate",
            "--group",
            "company",
            "--email",
            "jane.doe@example.com",
        ],
        &[],
    )?;
    Ok(())
}

/// The demo's changes: her phone number corrected (Art. 16), then her erasure (Art. 17) in
/// every system, and a locate that no longer finds her anywhere. Returns the erasure's case.
fn correct_and_erase(demo: &Demo, out: &mut std::io::StdoutLock<'_>) -> Result<String> {
    let rectification = demo.open_case(out, "rectification")?;
    let set_phone = format!("309={NEW_PHONE}");
    demo.step(
        out,
        "She has a new phone number. Plan its correction (Art. 16): the phone field gets it in place of hers\n   (\"replace\"); assets whose phone field does not hold hers, like group photos, get nothing.",
        &["rectify", &rectification, "--set", &set_phone, "--dry-run"],
        &[],
    )?;
    demo.step(
        out,
        "Correct it, each asset read back.",
        &["rectify", &rectification, "--set", &set_phone, "--yes"],
        &[],
    )?;

    let mut open = vec!["case", "open", "--group", "company", "--right", "erasure"];
    open.extend_from_slice(SUBJECT);
    open.extend_from_slice(&["--phone", NEW_PHONE]);
    let erasure = demo
        .step(
            out,
            "She asks for her erasure everywhere: one case, under one id in each system of the group.",
            &open,
            &[],
        )?
        .trim()
        .to_owned();
    demo.step(
        out,
        "A colleague's comment names her in its text: a medium match, which a person looks at and puts in.\n   Her own account, the comment she wrote, her album and her order are high matches, in already.",
        &[
            "case",
            "review",
            &erasure,
            "--tenant",
            "sample",
            "--include",
            MENTION,
        ],
        &[],
    )?;
    demo.step(
        out,
        "In the database her name also stands in a quote's notes, a quote line and the activity log: medium\n   matches, which a person looks at and puts in (high matches are in already).",
        &[
            "case",
            "review",
            &erasure,
            "--tenant",
            "quotes",
            "--include",
            "quotes/10",
            "--include",
            "quote_lines/10/1",
            "--include",
            "activity_log/1",
        ],
        &[],
    )?;
    demo.step(
        out,
        "Plan her erasure (Art. 17) in both systems without changing anything.",
        &["erase", &erasure, "--group", "company", "--dry-run"],
        &[],
    )?;
    demo.step_expecting(
        out,
        "Carry it out: in each system each step journaled, each asset or row read back, the index refreshed,\n   and she is located again; one signed case receipt lists each system's receipt. Her account is\n   deleted, the comment she wrote too, the comment naming her scrubbed, her album and its share\n   removed. Her order is an accounting record: it is kept under the bookkeeping legal hold, withheld\n   (exit status 4: done but for what a legal hold keeps). Three group photos show her beside\n   colleagues: scrubbing their metadata leaves her face in them, so the controller decides (here:\n   keep them, with the reason in the receipt; without a decision the run lists them as \"image still\n   shows the subject\" and ends 3).",
        &[
            "erase",
            &erasure,
            "--group",
            "company",
            "--yes",
            "--shown-with-others",
            "keep",
            "--reason",
            "group photos stay in the staff archive (legitimate interest, RoPA 4.2)",
        ],
        &[],
        4,
    )?;
    let mut again = vec!["locate", "--group", "company", "--min-confidence", "medium"];
    again.extend_from_slice(SUBJECT);
    demo.step(
        out,
        "Look for her once more in both systems: the one match left is her order, withheld under the\n   bookkeeping hold as the receipt says; nothing else of hers is found. The low \"J. Doe\" byline was\n   never in the reviewed set: a person judges it with `dsr case review`.",
        &again,
        &[],
    )?;
    Ok(erasure)
}

/// Runs dsr on the demo's own configuration and data folders.
struct Demo {
    exe: PathBuf,
    config: PathBuf,
    data: PathBuf,
    quiet: bool,
}

impl Demo {
    fn new(root: &Path, quiet: bool) -> Result<Demo> {
        Ok(Demo {
            exe: std::env::current_exe().context("cannot find the dsr executable")?,
            config: root.join("config").join("config.toml"),
            data: root.join("data"),
            quiet,
        })
    }

    /// Every receipt the demo's operations issued, oldest first.
    fn receipts(&self) -> Result<Vec<PathBuf>> {
        let cases = self.data.join("tenants").join("sample").join("cases");
        let mut found: Vec<PathBuf> = walkdir::WalkDir::new(&cases)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name() == "receipt.json")
            .map(|e| e.into_path())
            .collect();
        found.sort();
        if found.is_empty() {
            bail!(
                "the demo's operations issued no receipt in {}",
                cases.display()
            );
        }
        Ok(found)
    }

    /// Shows that stock OpenSSH accepts the receipts too, when `ssh-keygen` is installed.
    fn ssh_keygen_verify(&self, out: &mut impl Write, receipts: &[PathBuf]) -> Result<()> {
        if Command::new("ssh-keygen").arg("-?").output().is_err() {
            writeln!(
                out,
                "-- ssh-keygen is not installed: skipped the check with stock OpenSSH.\n"
            )?;
            return Ok(());
        }
        let shown = self.step(
            out,
            "Print the signing key as an allowed_signers file, for anyone who checks a receipt.",
            &["keys", "show"],
            &[],
        )?;
        let signers = self.data.join("allowed_signers");
        dsr::fsutil::write_atomic(&signers, shown.as_bytes())
            .with_context(|| format!("cannot write {}", signers.display()))?;
        writeln!(out, "-- The same receipts checked with stock OpenSSH:")?;
        for receipt in receipts {
            let sig = dsr::receipt::signature_path(receipt);
            let file = std::fs::File::open(receipt)
                .with_context(|| format!("cannot read {}", receipt.display()))?;
            let result = Command::new("ssh-keygen")
                .args(["-Y", "verify", "-f"])
                .arg(&signers)
                .args([
                    "-I",
                    dsr::receipt::sign::PRINCIPAL,
                    "-n",
                    "dsr-receipt",
                    "-s",
                ])
                .arg(&sig)
                .stdin(file)
                .output()
                .context("cannot run ssh-keygen")?;
            let said = String::from_utf8_lossy(&result.stdout);
            writeln!(
                out,
                "$ ssh-keygen -Y verify -f allowed_signers -I {} -n dsr-receipt -s {} < {}\n   {}",
                dsr::receipt::sign::PRINCIPAL,
                sig.file_name().unwrap_or_default().to_string_lossy(),
                receipt
                    .strip_prefix(&self.data)
                    .unwrap_or(receipt)
                    .display(),
                said.trim()
            )?;
            if !result.status.success() {
                bail!(
                    "ssh-keygen did not accept the receipt {}",
                    receipt.display()
                );
            }
        }
        writeln!(out)?;
        Ok(())
    }

    /// The case receipt of request `id`, as its erasure across systems signed it.
    fn case_receipt(&self, id: &str) -> Result<PathBuf> {
        let dir = dsr::receipt::case::requests_dir(&self.data, id);
        let mut found: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name() == "receipt.json")
            .map(|e| e.into_path())
            .collect();
        found.sort();
        found.pop().with_context(|| {
            format!(
                "the erasure across systems signed no case receipt in {}",
                dir.display()
            )
        })
    }

    fn ropa_path(&self) -> PathBuf {
        self.config
            .parent()
            .unwrap_or(Path::new("."))
            .join("ropa")
            .join("sample.toml")
    }

    fn open_case(&self, out: &mut impl Write, right: &str) -> Result<String> {
        self.open_case_with(out, right, &[])
    }

    /// Opens a case for her, with identities she gave besides the usual ones.
    fn open_case_with(&self, out: &mut impl Write, right: &str, more: &[&str]) -> Result<String> {
        let mut args = vec!["case", "open", "--right", right];
        args.extend_from_slice(SUBJECT);
        args.extend_from_slice(more);
        let stdout = self.step(
            out,
            &format!(
                "Open a case for her {right} request; the due date is one calendar month away."
            ),
            &args,
            &[],
        )?;
        Ok(stdout.trim().to_owned())
    }

    fn step(
        &self,
        out: &mut impl Write,
        what: &str,
        args: &[&str],
        more: &[&std::ffi::OsStr],
    ) -> Result<String> {
        self.step_expecting(out, what, args, more, 0)
    }

    /// Shows the command line, runs it, shows what it printed; fails unless it exits with
    /// `expected`.
    fn step_expecting(
        &self,
        out: &mut impl Write,
        what: &str,
        args: &[&str],
        more: &[&std::ffi::OsStr],
        expected: i32,
    ) -> Result<String> {
        let argv: Vec<OsString> = args
            .iter()
            .map(OsString::from)
            .chain(more.iter().map(|a| a.to_os_string()))
            .collect();
        let shown: Vec<String> = argv
            .iter()
            .map(|a| shell_quote(&a.to_string_lossy()))
            .collect();
        writeln!(out, "-- {what}\n$ dsr {}", shown.join(" "))?;
        let mut command = Command::new(&self.exe);
        command.env_remove("DSR_TENANT");
        // A step across the group, or in the second system, names its tenants itself.
        if !args.contains(&"--group") && !args.contains(&"--tenant") {
            command.env("DSR_TENANT", "sample");
        }
        let output = command
            .args(&argv)
            .env("DSR_CONFIG", &self.config)
            .env("DSR_DATA_DIR", &self.data)
            .env("DSR_OPERATOR", "demo")
            .env("DSR_PURPOSE", "dsr demo on the sample tenant")
            .env_remove("DSR_CLIENT_SECRET")
            .env_remove("DSR_CLIENT_SECRET_FILE")
            .output()
            .context("cannot run dsr for the demo")?;
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr);
        for line in stdout.lines() {
            writeln!(out, "   {line}")?;
        }
        if !self.quiet {
            for line in stderr.lines() {
                writeln!(out, "   {line}")?;
            }
        }
        writeln!(out)?;
        let status = output.status.code().unwrap_or(-1);
        if status != expected {
            bail!(
                "the demo step `dsr {}` exited with {status}, not {expected}",
                shown.join(" ")
            );
        }
        Ok(stdout)
    }
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@+,".contains(c));
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}
