//! `dsr locate`: find every asset holding a person.

use std::io::Write;

use anyhow::Result;
use dsr::access::neutralise;
use dsr::index::locate::{Hit, Locator};
use dsr::matching::identity::{Identity, IdentityKind};
use dsr::matching::matcher::Confidence;
use dsr::subjects::BadRow;

use super::list::{self, Counted, ListPrinter};
use super::output::Table;
use super::unreadable::{self, Listed};
use super::{AuditNote, Context, Outcome, sanitize};
use crate::cli::{ConfidenceArg, LocateArgs, OutputFormat};

pub fn run(ctx: &Context, args: LocateArgs) -> Result<Outcome> {
    if let Some(from) = &args.from {
        anyhow::ensure!(
            !ctx.spans_tenants(),
            "locate --from searches one tenant: pass --tenant NAME, or search each subject with --group"
        );
        return run_list(ctx, from, &args);
    }
    let identities = identities(&args);
    anyhow::ensure!(
        !identities.is_empty(),
        "say whom to locate: give --email, --name, --phone, --login or --text (or a bare e-mail or name)"
    );
    if ctx.spans_tenants() {
        let min = min_confidence(args.min_confidence);
        return super::locate_group::run(ctx, &identities, min, args.output, args.explain);
    }
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    let purpose = ctx.purpose(Some(&profile)).ok_or_else(|| {
        anyhow::anyhow!(
            "locate reads personal data, so the audit log needs its purpose: pass --purpose TEXT (a case or ticket number, not the person's name), set DSR_PURPOSE, or give the tenant a default purpose (`dsr tenant add … --default-purpose TEXT`, or purpose = \"…\" in its profile)"
        )
    })?;
    let locator = Locator::open(&ctx.tenant_files(&name), profile.settings()?)?;
    let min = match args.min_confidence {
        ConfidenceArg::Low => Confidence::Low,
        ConfidenceArg::Medium => Confidence::Medium,
        ConfidenceArg::High => Confidence::High,
    };
    let hits = locator.find(&identities, min)?;
    // Recorded before anything is shown: if the entry cannot be written, nothing is.
    ctx.audit(AuditNote {
        command: "locate",
        tenant: &name,
        profile: &profile,
        case: None,
        purpose: &purpose,
        subject: &identities,
        receipt: None,
        counts: &[
            ("identities", identities.len() as u64),
            ("assets", hits.len() as u64),
        ],
    })?;
    let not_searched: Vec<String> = locator.unreadable().iter().cloned().collect();
    let mut out = std::io::stdout().lock();
    match args.output {
        // One document: the hits, and the assets they could not include.
        OutputFormat::Json => {
            // Written as it is serialised, without a JSON value of every hit built first:
            // for a name with hundreds of hits that was a tenth of the process.
            #[derive(serde::Serialize)]
            struct Document<'a> {
                hits: &'a [Hit],
                unreadable: &'a [String],
            }
            let document = Document {
                hits: &hits,
                unreadable: &not_searched,
            };
            let mut text = serde_json::to_vec_pretty(&document)?;
            text.push(b'\n');
            out.write_all(&text)?;
        }
        // One hit (or match) per line, as ever: the note on stderr says the rest.
        format => render(&mut out, &hits, format, args.explain, ctx.color)?,
    }
    if args.output == OutputFormat::Table {
        ctx.note(&tally(&hits));
    }
    report_not_searched(ctx, &not_searched, args.explain);
    Ok(answer(!hits.is_empty(), &not_searched))
}

/// Says on stderr how many assets could not be searched, naming them with `--explain`.
fn report_not_searched(ctx: &Context, not_searched: &[String], explain: bool) {
    unreadable::note(ctx, not_searched, Listed::ByExplain);
    if explain {
        unreadable::list(ctx, not_searched);
    }
}

/// How a search ends: partial (3) while assets could not be searched, whatever was found,
/// for "found nowhere" is not known then; else found (0) or not found (1).
fn answer(found: bool, not_searched: &[String]) -> Outcome {
    if !not_searched.is_empty() {
        Outcome::Partial
    } else if found {
        Outcome::Done
    } else {
        Outcome::NotFound
    }
}

/// Locates every subject of a list, printing each one's result as it is found.
fn run_list(ctx: &Context, from: &std::path::Path, args: &LocateArgs) -> Result<Outcome> {
    let rows = list::read(from)?;
    let config = ctx.load_config()?;
    let (name, profile) = ctx.tenant(&config)?;
    let purpose = ctx.purpose(Some(&profile)).ok_or_else(|| {
        anyhow::anyhow!(
            "locate reads personal data, so the audit log needs its purpose: pass --purpose TEXT, set DSR_PURPOSE, or give the tenant a default purpose"
        )
    })?;
    let locator = Locator::open(&ctx.tenant_files(&name), profile.settings()?)?;
    let min = min_confidence(args.min_confidence);
    let mut printer = ListPrinter::new(args.output);
    let mut found = 0usize;
    let bad_row = |e: &BadRow| unusable(e.row, e.reference.as_deref(), &e.reason);
    let tally = list::run(rows, &mut printer, bad_row, |printer, subject| {
        let hits = match locator.find(&subject.identities, min) {
            Ok(hits) => hits,
            Err(e) => {
                let reason = e.to_string();
                eprintln!("dsr: row {}: {}", subject.row, sanitize(&reason));
                let value = unusable(subject.row, subject.reference.as_deref(), &reason);
                printer.result(value)?;
                return Ok(Counted::Unusable);
            }
        };
        ctx.audit(AuditNote {
            command: "locate --from",
            tenant: &name,
            profile: &profile,
            case: None,
            purpose: &purpose,
            subject: &subject.identities,
            counts: &[("row", subject.row as u64), ("assets", hits.len() as u64)],
            receipt: None,
        })?;
        if !hits.is_empty() {
            found += 1;
        }
        if printer.format() == OutputFormat::Table {
            let reference = subject
                .reference
                .as_deref()
                .map(sanitize)
                .unwrap_or_default();
            let out = printer.out();
            writeln!(out, "row {} {reference}: {}", subject.row, tally(&hits))?;
            if !hits.is_empty() {
                render(out, &hits, OutputFormat::Table, args.explain, ctx.color)?;
                writeln!(out)?;
            }
        }
        printer.result(serde_json::json!({
            "row": subject.row,
            "reference": subject.reference,
            "status": if hits.is_empty() { "not-found" } else { "found" },
            "assets": hits.len(),
            "hits": hits,
        }))?;
        Ok(Counted::Used)
    })?;
    printer.finish(Some(list_csv))?;
    let total = tally.rows - tally.bad;
    ctx.note(&format!(
        "{total} subject(s) searched: {found} found, {} not found; {} row(s) could not be used.",
        total - found,
        tally.bad
    ));
    let not_searched: Vec<String> = locator.unreadable().iter().cloned().collect();
    report_not_searched(ctx, &not_searched, args.explain);
    Ok(if tally.bad > 0 {
        Outcome::Partial
    } else {
        answer(found > 0, &not_searched)
    })
}

/// The result of a row that cannot be searched, shaped as `erase --from` prints it, so a
/// script sees every row of its list in the output.
fn unusable(row: usize, reference: Option<&str>, reason: &str) -> serde_json::Value {
    serde_json::json!({
        "row": row,
        "reference": reference,
        "status": "error",
        "assets": 0,
        "hits": [],
        "errors": [sanitize(reason)],
    })
}

/// One row per subject of a list (its hits are in the JSON outputs).
fn list_csv(out: &mut dyn Write, results: &[serde_json::Value]) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["row", "reference", "status", "assets", "errors"])?;
    for r in results {
        let errors: Vec<&str> = r["errors"]
            .as_array()
            .map(|e| e.iter().filter_map(|e| e.as_str()).collect())
            .unwrap_or_default();
        writer.write_record([
            r["row"].to_string(),
            neutralise(r["reference"].as_str().unwrap_or_default()),
            r["status"].as_str().unwrap_or_default().to_owned(),
            r["assets"].to_string(),
            neutralise(&errors.join("; ")),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

fn min_confidence(arg: ConfidenceArg) -> Confidence {
    match arg {
        ConfidenceArg::Low => Confidence::Low,
        ConfidenceArg::Medium => Confidence::Medium,
        ConfidenceArg::High => Confidence::High,
    }
}

/// The identities given, in the order: bare values, e-mails, names, phones, logins, texts.
pub fn identities(args: &LocateArgs) -> Vec<Identity> {
    let flagged = [
        (IdentityKind::Email, &args.email),
        (IdentityKind::Name, &args.name),
        (IdentityKind::Phone, &args.phone),
        (IdentityKind::Login, &args.login),
        (IdentityKind::Text, &args.text),
    ];
    args.values
        .iter()
        .map(Identity::bare)
        .chain(
            flagged
                .into_iter()
                .flat_map(|(kind, values)| values.iter().map(move |v| Identity::new(kind, v))),
        )
        .collect()
}

/// One line for people: how many assets, by confidence.
pub fn tally(hits: &[Hit]) -> String {
    let count = |c| hits.iter().filter(|h| h.confidence == c).count();
    match hits.len() {
        0 => "No asset holds this person.".to_owned(),
        n => format!(
            "{n} asset(s) hold this person: {} high, {} medium, {} low confidence.",
            count(Confidence::High),
            count(Confidence::Medium),
            count(Confidence::Low)
        ),
    }
}

pub fn render(
    out: &mut impl Write,
    hits: &[Hit],
    format: OutputFormat,
    explain: bool,
    color: bool,
) -> Result<()> {
    match format {
        OutputFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(hits)?)?,
        OutputFormat::Jsonl => {
            for hit in hits {
                writeln!(out, "{}", serde_json::to_string(hit)?)?;
            }
        }
        OutputFormat::Csv => csv(out, hits)?,
        OutputFormat::Table => table(hits, explain).write(out, color)?,
    }
    Ok(())
}

fn table(hits: &[Hit], explain: bool) -> Table {
    let mut table = Table::new(&["CONFIDENCE", "ASSET", "FIELD", "RULE", "VALUE"]);
    hits_table(&mut table, None, hits, explain);
    table
}

/// Adds a row per match to `table`, led by the tenant's name when one is given (a search
/// across tenants).
pub fn hits_table(table: &mut Table, tenant: Option<&str>, hits: &[Hit], explain: bool) {
    for hit in hits {
        for (i, m) in hit.matches.iter().enumerate() {
            let first = i == 0;
            let color = match m.confidence {
                Confidence::High => "32",
                Confidence::Medium => "33",
                Confidence::Low => "2",
            };
            let note = explain.then(|| {
                format!(
                    "  ↳ {} ({}), for {}",
                    m.rule.explain(),
                    m.confidence,
                    m.identity
                )
            });
            let asset = match first {
                true => hit.asset.clone(),
                false => String::new(),
            };
            let cells = [
                m.confidence.to_string(),
                asset,
                format!("{} ({})", m.label, m.field),
                serde_json::to_value(m.rule)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                m.value.clone(),
            ];
            let tenant = tenant.map(|t| match first {
                true => t.to_owned(),
                false => String::new(),
            });
            table.row(tenant.into_iter().chain(cells).collect(), Some(color), note);
        }
    }
}

/// One row per match. Cells that a spreadsheet would run as a formula are prefixed with a
/// quote.
fn csv(out: &mut impl Write, hits: &[Hit]) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "asset",
        "archive",
        "filename",
        "confidence",
        "field",
        "label",
        "identity",
        "rule",
        "match_confidence",
        "value",
    ])?;
    for hit in hits {
        for m in &hit.matches {
            let rule = serde_json::to_value(m.rule)?;
            let record = [
                hit.asset.as_str(),
                &hit.archive,
                &hit.filename,
                hit.confidence.as_str(),
                &m.field,
                &m.label,
                &m.identity,
                rule.as_str().unwrap_or_default(),
                m.confidence.as_str(),
                &m.value,
            ];
            writer.write_record(record.iter().map(|cell| neutralise(cell)))?;
        }
    }
    writer.flush()?;
    Ok(())
}
