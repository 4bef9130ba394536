//! Sync through the FotoWeb test double: a generated tenant (100,000 assets unless
//! `DSR_BENCH_ASSETS` says otherwise) served with `--latency-ms 20` (`DSR_BENCH_LATENCY_MS`),
//! synced in full by the release `dsr` binary with `--jobs 4` (`DSR_BENCH_JOBS`).
//!
//! Prints assets per second, the requests the double served, and the ideal time
//! `requests × latency / jobs` beside the measured one. Pages within one archive can only
//! be read one after another (each page names the next), so the concurrency is across
//! archives, and across the two ends of an archive once fewer archives than jobs are left
//! (the first page names the last, and a second reader walks back from there). The ideal
//! counts only the latency the double adds; the double's own time to answer (about 2 ms a
//! request) and dsr's come on top. Run with `cargo bench --bench fotoweb_sync`.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use fotoweb_double::{Double, Options};

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
    let started = Instant::now();
    let report = run(&["sync", "--full", "--jobs", &jobs.to_string(), "-o", "json"])?;
    let elapsed = started.elapsed();
    let report: serde_json::Value = serde_json::from_str(&report)?;
    let requests = double.requests().len() as u64;
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
    Ok(())
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}
