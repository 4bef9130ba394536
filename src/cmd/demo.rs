//! `dsr demo`: the whole first job on the bundled sample tenant, in temporary folders.

use std::io::Write;

use anyhow::{Context as _, Result};
use dsr::config::{Config, TenantProfile};
use dsr::index::identity::{Identity, IdentityKind};
use dsr::index::locate::Locator;
use dsr::index::matcher::Confidence;

use super::{Context, Outcome};
use crate::cli::{DemoArgs, OutputFormat};

/// The sample tenant's demo subject and the identities a DPO would have for her.
const SUBJECT: [(IdentityKind, &str); 4] = [
    (IdentityKind::Name, "Jane Doe"),
    (IdentityKind::Email, "jane.doe@example.com"),
    (IdentityKind::Phone, "+47 912 34 567"),
    (IdentityKind::Login, "jdoe"),
];

pub fn run(ctx: &Context, args: DemoArgs) -> Result<Outcome> {
    let temp = tempfile::Builder::new()
        .prefix("dsr-demo-")
        .tempdir()
        .context("cannot create a temporary folder for the demo")?;
    let root = temp.path();
    let demo = Context {
        config_path: root.join("config.toml"),
        data_dir: root.join("data"),
        tenant: Some("sample".to_owned()),
        client_secret_file: None,
        quiet: ctx.quiet,
        color: ctx.color,
        interactive_stderr: ctx.interactive_stderr,
        operator: ctx.operator.clone(),
        purpose: Some("dsr demo on the bundled sample tenant".to_owned()),
        key: None,
    };
    let mut out = std::io::stdout().lock();

    let tenant_dir = root.join("sample-tenant");
    let written =
        dsr::sample::write_sample_tenant(&tenant_dir).context("cannot write the sample tenant")?;
    writeln!(
        out,
        "1. Wrote the sample tenant: {} assets in {} archives (a `dir` tenant: files with JSON sidecars).",
        written.assets, written.archives
    )?;

    let mut profile = TenantProfile::dir(tenant_dir.clone());
    profile.default_region = Some("NO".to_owned());
    let mut config = Config::default();
    config.add("sample", profile.clone())?;
    config.save(&demo.config_path)?;
    writeln!(
        out,
        "2. Registered it as tenant 'sample' (national phone numbers read as Norwegian)."
    )?;

    let report = super::sync::sync_tenant(&demo, "sample", &profile, false, 4)?;
    writeln!(out, "3. {}", super::sync::summary("sample", &report))?;

    let identities: Vec<Identity> = SUBJECT.iter().map(|(k, v)| Identity::new(*k, *v)).collect();
    let shown: Vec<String> = identities.iter().map(|i| i.to_string()).collect();
    writeln!(
        out,
        "4. Located the data subject by {}:\n",
        shown.join(", ")
    )?;
    let locator = Locator::open(&demo.tenant_files("sample"), profile.settings()?)?;
    let hits = locator.find(&identities, Confidence::Low)?;
    demo.audit(super::AuditNote {
        command: "locate",
        tenant: "sample",
        profile: &profile,
        case: None,
        purpose: "dsr demo on the bundled sample tenant",
        subject: &identities,
        counts: &[
            ("identities", identities.len() as u64),
            ("assets", hits.len() as u64),
        ],
    })?;
    super::locate::render(&mut out, &hits, OutputFormat::Table, false, demo.color)?;
    writeln!(out, "\n{}", super::locate::tally(&hits))?;
    writeln!(
        out,
        "Jane Smith, John Doe, Jane Doerr and the owners of jane.doe@example.com.au are in the same tenant and were not taken for her.\n"
    )?;

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
         \x20 export DSR_PURPOSE='case 2026-014'   # why personal data is read, for the audit log\n\
         \x20 dsr locate --tenant acme --name 'Jane Doe' --email jane.doe@example.com --explain\n\
         \x20 dsr locate --tenant acme jane.doe@example.com --output json\n\
         \x20 dsr audit\n\
         {kept}"
    )?;
    Ok(Outcome::Done)
}
