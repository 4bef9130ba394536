//! Sync through the FotoWeb test double: a generated tenant (100,000 assets unless
//! `DSR_BENCH_ASSETS` says otherwise) served with `--latency-ms 20` (`DSR_BENCH_LATENCY_MS`),
//! synced in full by the release `dsr` binary with `--jobs 4` (`DSR_BENCH_JOBS`).
//!
//! Prints assets per second, the requests the double served, and the ideal time
//! `requests × latency / jobs` beside the measured one. Pages within one archive can only
//! be read one after another (each page names the next), so the concurrency is across
//! archives, and across the two ends of an archive once fewer archives than jobs are left
//! (the first page names the last, and a second reader walks back from there). The ideal
//! counts only the latency the double adds; the double's own time to answer (about half a
//! millisecond a request) and dsr's come on top. Below the figures, the double's request log
//! shows where the rest went: the double's answer time, the time before the first request
//! and after the last answer, the gap between one page's answer and the request for the
//! next, and how long how many requests were in flight. Run with
//! `cargo bench --bench fotoweb_sync`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use fotoweb_double::{Double, Options, RequestRecord};

fn env_number(name: &str, default: u64) -> Result<u64> {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .with_context(|| format!("{name} must be a number")),
        Err(_) => Ok(default),
    }
}

fn main() -> Result<()> {
    let assets = env_number("DSR_BENCH_ASSETS", 100_000)? as usize;
    let latency = env_number("DSR_BENCH_LATENCY_MS", 20)?;
    let jobs = env_number("DSR_BENCH_JOBS", 4)?;
    // Cargo builds the package's binaries for its benches, with the same profile.
    let dsr = PathBuf::from(env!("CARGO_BIN_EXE_dsr"));
    let temp = tempfile::tempdir()?;
    let tenant = temp.path().join("tenant");

    let started = Instant::now();
    let generated = dsr::sample::write_synthetic_tenant(&tenant, assets, 1)?;
    eprintln!(
        "generated {} assets in {} archives in {:.1}s",
        generated.assets,
        generated.archives,
        started.elapsed().as_secs_f64()
    );

    // The generated tenant is close to a gigabyte of unwritten page cache. Left to the
    // kernel, it was written out during the measured sync, and dsr's fsyncs at the end
    // waited behind it (up to a second): the measurement is of dsr, so it goes out first.
    let flushing = Instant::now();
    rustix::fs::sync();
    eprintln!(
        "flushed the tenant to disk in {:.1}s",
        flushing.elapsed().as_secs_f64()
    );

    let mut options = Options::new(&tenant, "bench", "bench-secret");
    options.latency_ms = latency;
    let double = Double::spawn(options)?;

    let run = |args: &[&str]| -> Result<String> {
        let out = Command::new(&dsr)
            .args(args)
            .env("DSR_CONFIG", temp.path().join("config.toml"))
            .env("DSR_DATA_DIR", temp.path().join("data"))
            .env("DSR_CLIENT_SECRET", "bench-secret")
            .env("HOME", temp.path())
            .output()?;
        ensure!(
            out.status.success(),
            "dsr {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(String::from_utf8(out.stdout)?)
    };
    run(&[
        "tenant",
        "add",
        "bench",
        "--platform",
        "fotoweb",
        "--url",
        &double.url(),
        "--client-id",
        "bench",
    ])?;

    double.clear_requests();
    let full_started = Instant::now();
    let report = run(&["sync", "--full", "--jobs", &jobs.to_string(), "-o", "json"])?;
    let elapsed = full_started.elapsed();
    let report: serde_json::Value = serde_json::from_str(&report)?;
    let log = double.requests();
    let requests = log.len() as u64;
    let ideal = Duration::from_millis(requests * latency / jobs.max(1));

    double.clear_requests();
    let started = Instant::now();
    run(&["sync", "--jobs", &jobs.to_string()])?;
    let incremental = started.elapsed();
    let incremental_requests = double.requests().len();

    println!("FotoWeb double sync ({} cores)", num_cpus());
    println!("  assets                 {}", report["indexed"]);
    println!("  latency per request    {latency} ms, --jobs {jobs}");
    println!("  full sync              {:.2} s", elapsed.as_secs_f64());
    println!(
        "  throughput             {:.0} assets/s",
        assets as f64 / elapsed.as_secs_f64()
    );
    println!("  requests served        {requests}");
    println!(
        "  ideal (req×lat/jobs)   {:.2} s  → measured is {:.0}% of ideal (target ≥ 80%)",
        ideal.as_secs_f64(),
        100.0 * ideal.as_secs_f64() / elapsed.as_secs_f64()
    );
    println!(
        "  incremental, no change {:.2} s, {incremental_requests} requests",
        incremental.as_secs_f64()
    );
    print_timeline(&log, full_started, elapsed, jobs as usize);
    Ok(())
}

/// Where the full sync's time went, from the double's request log: the double's own answer
/// time, what dsr spent before the first request and after the last answer, the gap
/// between a page's answer and the request for the page after it (dsr's share of every
/// step along a listing), and how long how many requests were in flight.
fn print_timeline(log: &[RequestRecord], started: Instant, elapsed: Duration, jobs: usize) {
    let (Some(first), Some(last)) = (
        log.iter().map(|r| r.received).min(),
        log.iter().map(|r| r.answered).max(),
    ) else {
        return;
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let answer: Vec<f64> = log.iter().map(|r| ms(r.answered - r.received)).collect();
    println!(
        "  double's answer time   {:.2} ms mean (latency included)",
        mean(&answer)
    );
    println!(
        "  before first request   {:.2} s; after last answer {:.2} s",
        (first - started).as_secs_f64(),
        (started + elapsed)
            .saturating_duration_since(last)
            .as_secs_f64()
    );
    // Pages of one archive, by page number: a reader asks for a page right after the answer
    // for its neighbour (the one before when reading forwards, after when backwards).
    let mut pages: HashMap<(&str, u64), (Instant, Instant)> = HashMap::new();
    for r in log {
        if let Some(rest) = r.path.strip_prefix("/fotoweb/archives/") {
            let (archive, page) = match rest.split_once(";p=") {
                Some((archive, page)) => (archive, page.parse().unwrap_or(0)),
                None => (rest, 0),
            };
            pages.insert((archive, page), (r.received, r.answered));
        }
    }
    let gaps: Vec<f64> = pages
        .iter()
        .filter_map(|(&(archive, page), &(received, _))| {
            [page.checked_sub(1), page.checked_add(1)]
                .into_iter()
                .flatten()
                .filter_map(|other| pages.get(&(archive, other)))
                .filter(|(_, answered)| *answered <= received)
                .map(|(_, answered)| ms(received - *answered))
                .min_by(f64::total_cmp)
        })
        .collect();
    if !gaps.is_empty() {
        println!(
            "  answer → next page     {:.2} ms mean over {} pages",
            mean(&gaps),
            gaps.len()
        );
    }
    let mut events: Vec<(Instant, i64)> = log
        .iter()
        .flat_map(|r| [(r.received, 1), (r.answered, -1)])
        .collect();
    events.sort();
    let mut in_flight = vec![Duration::ZERO; jobs + 2];
    let (mut now, mut count) = (first, 0i64);
    for (at, change) in events {
        let slot = usize::try_from(count).unwrap_or(0).min(jobs + 1);
        in_flight[slot] += at - now;
        (now, count) = (at, count + change);
    }
    let shown: Vec<String> = in_flight
        .iter()
        .enumerate()
        .map(|(k, d)| format!("{k}: {:.2} s", d.as_secs_f64()))
        .collect();
    println!("  requests in flight     {}", shown.join(", "));
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
