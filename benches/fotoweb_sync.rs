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
//!
//! With `DSR_BENCH_STORE=s3` it measures an `objects` tenant instead: a bucket of the local
//! S3 server (moto's server mode, `moto_server` on the PATH) holding the `dir` layout of
//! `DSR_BENCH_OBJECTS` objects (100,000 unless told: half assets, half their sidecars),
//! synced in full with `--jobs 8` (`DSR_BENCH_JOBS`) through a loopback proxy that times
//! every request. The latency bound is the time the server took to answer them all, shared
//! by the jobs (`sum of answer times / jobs`); the listing's own pages, which follow one
//! another, are printed beside it. Below the figures, the proxy's log shows how many requests
//! were in flight for how long and the server's pace; `DSR_BENCH_TRACE=file.csv` writes every
//! request's times. It prints the figures and asserts nothing.

#[path = "support/moto.rs"]
mod moto;
#[path = "../tests/main/relay.rs"]
mod relay;

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
    if std::env::var("DSR_BENCH_STORE").as_deref() == Ok("s3") {
        return s3::main();
    }
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
    let incremental_log = double.requests();
    let incremental_requests = incremental_log.len();
    // The platform's cost is the time some request was in flight; the rest of the wall
    // time is dsr's own (start, index open, comparing, writing the state).
    let listing = busy(
        &incremental_log
            .iter()
            .map(|r| (r.received, r.answered))
            .collect::<Vec<_>>(),
    );

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
        "  incremental, no change {:.2} s, {incremental_requests} requests in flight for {:.2} s; dsr's own time {:.0} ms (target ≤ 100 ms)",
        incremental.as_secs_f64(),
        listing.as_secs_f64(),
        incremental.saturating_sub(listing).as_secs_f64() * 1000.0
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
    let spans: Vec<(Instant, Instant)> = log.iter().map(|r| (r.received, r.answered)).collect();
    println!("  requests in flight     {}", in_flight(&spans, jobs));
}

/// How long how many of the requests `spans` (received, answered) were in flight at once,
/// from the first request to the last answer, with `jobs + 1` and more counted together.
fn in_flight(spans: &[(Instant, Instant)], jobs: usize) -> String {
    let Some(first) = spans.iter().map(|s| s.0).min() else {
        return String::new();
    };
    let mut events: Vec<(Instant, i64)> = spans
        .iter()
        .flat_map(|&(received, answered)| [(received, 1), (answered, -1)])
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
    shown.join(", ")
}

/// How long at least one of the requests `spans` (received, answered) was in flight.
fn busy(spans: &[(Instant, Instant)]) -> Duration {
    let mut spans = spans.to_vec();
    spans.sort();
    let mut total = Duration::ZERO;
    let mut current: Option<(Instant, Instant)> = None;
    for (from, to) in spans {
        current = match current {
            Some((start, end)) if from <= end => Some((start, end.max(to))),
            Some((start, end)) => {
                total += end - start;
                Some((from, to))
            }
            None => Some((from, to)),
        };
    }
    total + current.map_or(Duration::ZERO, |(start, end)| end - start)
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The sync of a bucket through the local S3 server.
mod s3 {
    use std::net::{TcpListener, TcpStream};
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use anyhow::{Context, Result, ensure};

    use super::{env_number, in_flight, mean, num_cpus};
    use crate::moto::{ENV, Moto};

    const BUCKET: &str = "bench";

    /// One request the proxy passed on: what it was and how long the server took.
    struct Timed {
        listing: bool,
        received: Instant,
        answered: Instant,
    }

    pub fn main() -> Result<()> {
        let objects = env_number("DSR_BENCH_OBJECTS", 100_000)? as usize;
        let jobs = env_number("DSR_BENCH_JOBS", 8)?;
        let dsr = PathBuf::from(env!("CARGO_BIN_EXE_dsr"));
        let temp = tempfile::tempdir()?;

        let moto = Moto::start(temp.path())?;
        moto.create_bucket(BUCKET)?;

        let tenant = temp.path().join("tenant");
        let started = Instant::now();
        let generated = dsr::sample::write_synthetic_tenant(&tenant, objects / 2, 1)?;
        let uploaded = moto.upload(&tenant, BUCKET, "")?;
        std::fs::remove_dir_all(&tenant)?;
        eprintln!(
            "uploaded {uploaded} objects ({} assets with their sidecars) in {:.1}s",
            generated.assets,
            started.elapsed().as_secs_f64()
        );

        let log = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let proxy = proxy(&moto.endpoint, log.clone(), connections.clone())?;
        let run = |args: &[&str]| -> Result<String> {
            let mut command = Command::new(&dsr);
            command
                .args(args)
                .env("DSR_CONFIG", temp.path().join("config.toml"))
                .env("DSR_DATA_DIR", temp.path().join("data"))
                .env("HOME", temp.path());
            for (key, value) in ENV {
                command.env(key, value);
            }
            let out = command.output()?;
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
            "objects",
            "--url",
            &format!("s3://{BUCKET}"),
            "--endpoint",
            &proxy,
        ])?;

        lock(&log).clear();
        connections.store(0, Ordering::Relaxed);
        let full_started = Instant::now();
        let report = run(&["sync", "--full", "--jobs", &jobs.to_string(), "-o", "json"])?;
        let elapsed = full_started.elapsed();
        let report: serde_json::Value = serde_json::from_str(&report)?;
        let timed = std::mem::take(&mut *lock(&log));
        let full_connections = connections.load(Ordering::Relaxed);
        let answering: Duration = timed.iter().map(|t| t.answered - t.received).sum();
        let listing: Duration = timed
            .iter()
            .filter(|t| t.listing)
            .map(|t| t.answered - t.received)
            .sum();
        let pages = timed.iter().filter(|t| t.listing).count();
        let bound = (answering / jobs.max(1) as u32).max(listing);

        let started = Instant::now();
        run(&["sync", "--jobs", &jobs.to_string()])?;
        let incremental = started.elapsed();
        let incremental_requests = lock(&log).len();

        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let answers: Vec<f64> = timed.iter().map(|t| ms(t.answered - t.received)).collect();
        println!("S3 (moto) sync ({} cores)", num_cpus());
        println!(
            "  objects                {uploaded} ({} assets indexed)",
            report["indexed"]
        );
        println!("  --jobs                 {jobs}");
        println!("  full sync              {:.2} s", elapsed.as_secs_f64());
        println!(
            "  throughput             {:.0} objects/s",
            uploaded as f64 / elapsed.as_secs_f64()
        );
        println!(
            "  requests               {} ({pages} listing pages), {:.2} ms mean answer",
            timed.len(),
            mean(&answers)
        );
        println!(
            "  latency bound          {:.2} s (answer times / jobs {:.2} s; listing pages one after another {:.2} s)",
            bound.as_secs_f64(),
            (answering / jobs.max(1) as u32).as_secs_f64(),
            listing.as_secs_f64()
        );
        println!(
            "  measured / bound       {:.2}× (target ≤ 1.5×)",
            elapsed.as_secs_f64() / bound.as_secs_f64().max(f64::EPSILON)
        );
        println!(
            "  incremental, no change {:.2} s, {incremental_requests} requests",
            incremental.as_secs_f64()
        );
        print_timeline(
            &timed,
            full_started,
            elapsed,
            jobs as usize,
            full_connections,
        );
        if let Ok(path) = std::env::var("DSR_BENCH_TRACE") {
            write_trace(&timed, full_started, Path::new(&path))?;
        }
        Ok(())
    }

    /// Where the full sync's time went, from the proxy's log: the time before the first
    /// request and after the last answer, the connections dsr opened, and how long how many
    /// requests were in flight (reads and listing pages apart).
    fn print_timeline(
        timed: &[Timed],
        started: Instant,
        elapsed: Duration,
        jobs: usize,
        connections: usize,
    ) {
        let (Some(first), Some(last)) = (
            timed.iter().map(|t| t.received).min(),
            timed.iter().map(|t| t.answered).max(),
        ) else {
            return;
        };
        println!(
            "  before first request   {:.2} s; after last answer {:.2} s; {connections} connections",
            (first - started).as_secs_f64(),
            (started + elapsed)
                .saturating_duration_since(last)
                .as_secs_f64()
        );
        let spans = |listing: bool| -> Vec<(Instant, Instant)> {
            timed
                .iter()
                .filter(|t| t.listing == listing)
                .map(|t| (t.received, t.answered))
                .collect()
        };
        // A server that answers one request at a time shows it here: its answers come at the
        // same rate whatever the number in flight, each answer's time growing with it.
        let busy = (last - first).as_secs_f64();
        let answering: f64 = timed
            .iter()
            .map(|t| (t.answered - t.received).as_secs_f64())
            .sum();
        println!(
            "  server's pace          {:.0} answers/s with {:.2} in flight on average",
            timed.len() as f64 / busy.max(f64::EPSILON),
            answering / busy.max(f64::EPSILON)
        );
        let all: Vec<(Instant, Instant)> = timed.iter().map(|t| (t.received, t.answered)).collect();
        println!("  requests in flight     {}", in_flight(&all, jobs));
        println!(
            "  reads in flight        {}",
            in_flight(&spans(false), jobs)
        );
        println!("  listing in flight      {}", in_flight(&spans(true), 1));
    }

    /// Writes one line per request (listing or read, received and answered in ms since the
    /// sync started), for a closer look than the figures give.
    fn write_trace(timed: &[Timed], started: Instant, path: &Path) -> Result<()> {
        let ms = |at: Instant| at.saturating_duration_since(started).as_secs_f64() * 1000.0;
        let mut lines = String::from("kind,received_ms,answered_ms\n");
        for t in timed {
            let kind = if t.listing { "list" } else { "read" };
            lines.push_str(&format!(
                "{kind},{:.3},{:.3}\n",
                ms(t.received),
                ms(t.answered)
            ));
        }
        std::fs::write(path, lines).with_context(|| format!("cannot write {}", path.display()))
    }

    fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
        m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A loopback proxy in front of the server that passes every request on as it is
    /// (signatures included) and logs how long the server took to answer it. Answers its
    /// address.
    fn proxy(
        server: &str,
        log: Arc<Mutex<Vec<Timed>>>,
        connections: Arc<AtomicUsize>,
    ) -> Result<String> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = format!("http://{}", listener.local_addr()?);
        let server = server.to_owned();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                connections.fetch_add(1, Ordering::Relaxed);
                let (server, log) = (server.clone(), log.clone());
                std::thread::spawn(move || {
                    let _ = serve(stream, &server, &log);
                });
            }
        });
        Ok(address)
    }

    /// Serves one connection, logging when each request reached the server and when its
    /// answer came back.
    fn serve(stream: TcpStream, server: &str, log: &Mutex<Vec<Timed>>) -> std::io::Result<()> {
        crate::relay::relay(stream, server, &|target, received, _| {
            lock(log).push(Timed {
                listing: target.contains("list-type=") || target.contains("delimiter="),
                received,
                answered: Instant::now(),
            });
        })
    }
}
