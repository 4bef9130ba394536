//! SQL databases as platforms, at scale: the quoting service of `dsr generate-tenant --sql`
//! with about a million rows (`DSR_BENCH_ROWS`), loaded into SQLite, a local PostgreSQL and
//! a local MariaDB (`DSR_BENCH_ENGINES`, comma-separated; a server that is not installed is
//! left out with a note), each server started for the run in a temporary folder as a
//! production server runs: every commit waits for the disk, nothing is logged.
//!
//! For each database, the release `dsr` binary, one process per command as a user runs it:
//! - a full sync of every row (a tenant without the account scope), with rows per second
//!   and the process's peak memory (its `ru_maxrss`, from `wait4`);
//! - the same sync again with nothing changed;
//! - in account 1 only (`--scope account_id=1`), the erasure of Jane Doe, whose rows the
//!   generator spreads over five tables: `dsr erase CASE --yes` after the case was opened
//!   and reviewed, timed alone, with the rows it changed.
//!
//! Targets (issue 16): full sync ≥ 50,000 rows/s with peak memory under 300 MB, a sync
//! with nothing changed under 1 s, the erasure of a subject's 1,000 rows under 2 s. The
//! figures are printed beside them; nothing is asserted. Run with
//! `cargo bench --bench sql`.

#[allow(dead_code)]
#[path = "../tests/main/dbserver.rs"]
mod dbserver;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use serde_json::Value;

fn env_number(name: &str, default: u64) -> Result<u64> {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .with_context(|| format!("{name} must be a number")),
        Err(_) => Ok(default),
    }
}

/// One dsr run: how long it took, the most memory it held, what it printed.
struct Measured {
    wall: Duration,
    peak: u64,
    stdout: String,
}

/// Runs dsr to its end in `home`, its output kept in a file there (a pipe would need
/// draining while it runs). The peak memory is its `VmHWM` (the resident-set high-water
/// mark), read from /proc until it ends.
fn run(dsr: &Path, home: &Path, args: &[&str]) -> Result<Measured> {
    let out_path = home.join("stdout");
    let err_path = home.join("stderr");
    let started = Instant::now();
    let mut child = Command::new(dsr)
        .args(args)
        .env("DSR_CONFIG", home.join("config.toml"))
        .env("DSR_DATA_DIR", home.join("data"))
        .env("HOME", home)
        .env_remove("DSR_TENANT")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path)?)
        .stderr(std::fs::File::create(&err_path)?)
        .spawn()
        .with_context(|| format!("cannot start {}", dsr.display()))?;
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb * 1024);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let wall = started.elapsed();
    let stdout = std::fs::read_to_string(&out_path)?;
    if !status.success() {
        bail!(
            "dsr {args:?} failed ({status}): {}",
            std::fs::read_to_string(&err_path).unwrap_or_default()
        );
    }
    Ok(Measured { wall, peak, stdout })
}

/// What keeps a database's server up: it stops when this is dropped.
type Server = Option<Box<dyn std::any::Any>>;

/// A database loaded with the generated script, and its URL; `None` when its server is
/// not installed.
fn load(engine: &str, script: &str, dir: &Path) -> Result<Option<(Server, String)>> {
    // The script loads its rows in one transaction of its own (BEGIN … COMMIT).
    match engine {
        "sqlite" => {
            let path = dir.join("quoting.sqlite");
            let conn = rusqlite::Connection::open(&path)?;
            conn.execute_batch(script)?;
            Ok(Some((None, format!("sqlite://{}", path.display()))))
        }
        "postgres" => {
            let Some(server) = dbserver::start_postgres(dbserver::Setup::Bench) else {
                return Ok(None);
            };
            let name = server.database();
            server.client(&name)?.batch_execute(script)?;
            let url = format!(
                "postgres://{}@127.0.0.1:{}/{name}",
                dbserver::USER,
                server.port
            );
            Ok(Some((Some(Box::new(server)), url)))
        }
        "mariadb" => {
            use mysql::prelude::Queryable as _;
            let Some(server) = dbserver::start_mariadb(dbserver::Setup::Bench) else {
                return Ok(None);
            };
            let name = server.database();
            server.client(Some(&name)).query_drop(script)?;
            let url = format!(
                "mariadb://{}@127.0.0.1:{}/{name}",
                dbserver::USER,
                server.port
            );
            Ok(Some((Some(Box::new(server)), url)))
        }
        other => bail!("unknown engine {other} in DSR_BENCH_ENGINES: sqlite, postgres, mariadb"),
    }
}

/// What one database gave.
struct Figures {
    engine: String,
    rows: u64,
    full: Measured,
    unchanged: Measured,
    her_rows: usize,
    erase: Measured,
}

fn bench(dsr: &Path, generated: &Path, engine: &str, temp: &Path) -> Result<Option<Figures>> {
    let home = temp.join(engine);
    std::fs::create_dir_all(&home)?;
    let script = std::fs::read_to_string(generated.join("quoting.sql"))?;
    let started = Instant::now();
    let Some((_server, url)) = load(engine, &script, &home)? else {
        eprintln!("{engine}: not installed, left out");
        return Ok(None);
    };
    eprintln!(
        "{engine}: loaded in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    // The whole database: the same dataset without its scope.
    let dataset = generated.join("quoting.toml");
    let unscoped = home.join("unscoped.toml");
    let text = std::fs::read_to_string(&dataset)?;
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("scope ="))
        .collect();
    std::fs::write(&unscoped, kept.join("\n"))?;
    let path = |p: &Path| p.to_str().map(str::to_owned).context("a UTF-8 path");
    run(
        dsr,
        &home,
        &[
            "tenant",
            "add",
            "all",
            "--platform",
            "sql",
            "--url",
            &url,
            "--dataset",
            &path(&unscoped)?,
        ],
    )?;
    let full = run(dsr, &home, &["sync", "--tenant", "all", "-o", "json"])?;
    let report: Value = serde_json::from_str(&full.stdout)?;
    let rows = report["indexed"].as_u64().unwrap_or(0);
    let unchanged = run(dsr, &home, &["sync", "--tenant", "all"])?;

    run(
        dsr,
        &home,
        &[
            "tenant",
            "add",
            "acct1",
            "--platform",
            "sql",
            "--url",
            &url,
            "--dataset",
            &path(&dataset)?,
            "--scope",
            "account_id=1",
        ],
    )?;
    run(dsr, &home, &["sync", "--tenant", "acct1"])?;
    let jane = ["--email", "jane.doe@example.com", "--name", "Jane Doe"];
    let mut open = vec!["case", "open", "--tenant", "acct1", "--right", "erasure"];
    open.extend(jane);
    let case = run(dsr, &home, &open)?.stdout.trim().to_owned();
    // Her free-text mentions are medium matches: all reviewed in, as a person would.
    let mut locate = vec![
        "locate",
        "--tenant",
        "acct1",
        "--purpose",
        "benchmark",
        "-o",
        "json",
    ];
    locate.extend(jane);
    let hits: Value = serde_json::from_str(&run(dsr, &home, &locate)?.stdout)?;
    let mut ids: Vec<String> = hits["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h["asset"].as_str().map(str::to_owned))
        .collect();
    ids.sort();
    ids.dedup();
    let mut review: Vec<String> = ["case", "review", "--tenant", "acct1", &case]
        .map(str::to_owned)
        .to_vec();
    for id in &ids {
        review.push("--include".to_owned());
        review.push(id.clone());
    }
    let review: Vec<&str> = review.iter().map(String::as_str).collect();
    run(dsr, &home, &review)?;
    let erase = run(
        dsr,
        &home,
        &["erase", &case, "--tenant", "acct1", "--yes", "-o", "json"],
    )?;
    let done: Value = serde_json::from_str(&erase.stdout)?;
    let changed = done["report"]["steps"].as_array().map_or(0, |steps| {
        steps
            .iter()
            .filter(|s| {
                s["outcome"] == "verified"
                    && matches!(s["action"].as_str(), Some("delete" | "scrub"))
            })
            .count()
    });
    ensure!(
        changed == ids.len(),
        "{engine}: the erasure changed {changed} of her {} rows: {}",
        ids.len(),
        done["report"]["steps"]
    );
    Ok(Some(Figures {
        engine: engine.to_owned(),
        rows,
        full,
        unchanged,
        her_rows: changed,
        erase,
    }))
}

fn mb(bytes: u64) -> String {
    format!("{:.0} MB", bytes as f64 / 1e6)
}

fn main() -> Result<()> {
    let rows = env_number("DSR_BENCH_ROWS", 1_000_000)?;
    let engines =
        std::env::var("DSR_BENCH_ENGINES").unwrap_or_else(|_| "sqlite,postgres,mariadb".to_owned());
    // Cargo builds the package's binaries for its benches, with the same profile.
    let dsr = PathBuf::from(env!("CARGO_BIN_EXE_dsr"));
    let temp = tempfile::Builder::new().prefix("dsr-bench-sql").tempdir()?;
    let generated = temp.path().join("generated");
    let out = run(
        &dsr,
        temp.path(),
        &[
            "generate-tenant",
            "--sql",
            "--assets",
            &rows.to_string(),
            "--out",
            generated.to_str().context("a UTF-8 path")?,
        ],
    )?;
    drop(out);
    let mut figures = Vec::new();
    for engine in engines.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        if let Some(f) = bench(&dsr, &generated, engine, temp.path())? {
            figures.push(f);
        }
    }
    println!(
        "SQL platform, generated quoting service ({rows} rows asked for), release dsr, one process per command"
    );
    println!(
        "{:<10} {:>9} {:>11} {:>10} {:>9} {:>10} {:>9} {:>10}",
        "database", "rows", "full sync", "rows/s", "peak", "unchanged", "her rows", "erase"
    );
    for f in &figures {
        println!(
            "{:<10} {:>9} {:>10.2}s {:>10.0} {:>9} {:>9.2}s {:>9} {:>9.2}s",
            f.engine,
            f.rows,
            f.full.wall.as_secs_f64(),
            f.rows as f64 / f.full.wall.as_secs_f64(),
            mb(f.full.peak),
            f.unchanged.wall.as_secs_f64(),
            f.her_rows,
            f.erase.wall.as_secs_f64(),
        );
    }
    println!(
        "targets: full sync >= 50000 rows/s under 300 MB; unchanged < 1 s; erasing 1000 rows < 2 s"
    );
    for f in &figures {
        println!(
            "  {}: peak memory of the unchanged sync {}, of the erasure {}",
            f.engine,
            mb(f.unchanged.peak),
            mb(f.erase.peak)
        );
    }
    Ok(())
}
