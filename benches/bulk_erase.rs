//! A bulk erasure through the FotoWeb test double: 100 leavers (`DSR_BENCH_SUBJECTS`), each
//! shown alone in one asset (deleted) and sharing a byline in another (scrubbed), among as
//! many assets of other people, erased by the release `dsr` binary with
//! `dsr erase --from leavers.csv --yes` at `--jobs 1` and at `--jobs 8`, the double adding
//! 20 ms to every request (`DSR_BENCH_LATENCY_MS`).
//!
//! Each run starts from a fresh double and data directory. Prints the time of each, the
//! requests the erasure made (not the sync before it), and the latency bound
//! `requests × latency / jobs` — the time the requests alone would take with every job
//! always waiting on one — with the measured time as a multiple of it (target for
//! `--jobs 8`: within 1.5×). Run with `cargo bench --bench bulk_erase`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use fotoweb_double::{Double, Options};
use serde_json::{Value, json};

fn env_number(name: &str, default: u64) -> Result<u64> {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .with_context(|| format!("{name} must be a number")),
        Err(_) => Ok(default),
    }
}

const FIRST: [&str; 20] = [
    "Astrid", "Bjarne", "Cecilie", "Didrik", "Eirik", "Frode", "Gunnar", "Helga", "Ingrid",
    "Jostein", "Kjersti", "Leif", "Marit", "Njaal", "Oddny", "Petter", "Ragnhild", "Sverre",
    "Torill", "Ulrik",
];
const LAST: [&str; 20] = [
    "Aasen",
    "Brekke",
    "Dalen",
    "Fossum",
    "Grinde",
    "Holmen",
    "Kvamme",
    "Lier",
    "Myklebust",
    "Sandvik",
    "Tveit",
    "Ulvestad",
    "Vatne",
    "Westby",
    "Ystad",
    "Bakke",
    "Eide",
    "Haugen",
    "Moe",
    "Rønning",
];

fn leaver(n: usize) -> (String, String) {
    let (first, last) = (FIRST[n / LAST.len() % FIRST.len()], LAST[n % LAST.len()]);
    let email = format!(
        "{}.{}.{n}@example.com",
        first.to_lowercase(),
        last.to_lowercase().replace('ø', "o")
    );
    (format!("{first} {last}"), email)
}

fn write_asset(root: &Path, id: &str, metadata: Value) -> Result<()> {
    let Value::Object(fields) = metadata else {
        anyhow::bail!("metadata is an object");
    };
    let wrapped: serde_json::Map<String, Value> = fields
        .into_iter()
        .map(|(k, v)| (k, json!({ "value": v })))
        .collect();
    let path = root.join(id);
    std::fs::create_dir_all(path.parent().context("an archive")?)?;
    std::fs::write(&path, b"bench asset")?;
    let sidecar = json!({"modified": "2024-03-02T11:00:00Z", "metadata": wrapped});
    std::fs::write(root.join(format!("{id}.json")), sidecar.to_string())?;
    Ok(())
}

/// The tenant folder and the HR export of its leavers.
fn write_tenant(root: &Path, subjects: usize) -> Result<String> {
    let mut csv = String::from("email,name,reference\n");
    for n in 0..subjects {
        let (name, email) = leaver(n);
        write_asset(
            root,
            &format!("Staff/portrait-{n:04}.png"),
            json!({"368": [name], "5": format!("Portrait, contact {email}")}),
        )?;
        write_asset(
            root,
            &format!("News/story-{n:04}.png"),
            json!({"80": [name, "Kari Nordmann"], "5": format!("Story {n}")}),
        )?;
        write_asset(
            root,
            &format!("Events/crowd-{n:04}.png"),
            json!({"368": ["Ola Nordmann"], "5": format!("Crowd {n}")}),
        )?;
        csv.push_str(&format!("{email},{name},HR-{n:04}\n"));
    }
    Ok(csv)
}

struct Measured {
    elapsed: Duration,
    requests: u64,
    verified: usize,
}

fn erase(dsr: &Path, tenant: &Path, list: &Path, latency: u64, jobs: u64) -> Result<Measured> {
    let home = tempfile::tempdir()?;
    let mut options = Options::new(tenant, "bench", "bench-secret");
    options.latency_ms = latency;
    let double = Double::spawn(options)?;
    let run = |args: &[&str]| -> Result<String> {
        let out = Command::new(dsr)
            .args(args)
            .env("DSR_CONFIG", home.path().join("config.toml"))
            .env("DSR_DATA_DIR", home.path().join("data"))
            .env("DSR_CLIENT_SECRET", "bench-secret")
            .env("DSR_PURPOSE", "bulk erasure benchmark")
            .env("HOME", home.path())
            .output()?;
        ensure!(
            out.status.success(),
            "dsr {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(String::from_utf8(out.stdout)?)
    };
    let url = double.url();
    run(&[
        "tenant",
        "add",
        "bench",
        "--platform",
        "fotoweb",
        "--url",
        &url,
        "--client-id",
        "bench",
        "--default-region",
        "NO",
    ])?;
    run(&["sync", "--jobs", "4"])?;
    // The key is made before the clock starts: a first receipt would otherwise make it.
    run(&["keys", "generate"])?;
    let list = list.to_str().context("a UTF-8 path")?;
    double.clear_requests();
    let started = Instant::now();
    let out = run(&[
        "erase",
        "--from",
        list,
        "--yes",
        "--jobs",
        &jobs.to_string(),
        "--output",
        "jsonl",
    ])?;
    let elapsed = started.elapsed();
    let verified = out
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|l| l["status"] == "verified")
        .count();
    Ok(Measured {
        elapsed,
        requests: double.requests().len() as u64,
        verified,
    })
}

fn main() -> Result<()> {
    let subjects = env_number("DSR_BENCH_SUBJECTS", 100)? as usize;
    let latency = env_number("DSR_BENCH_LATENCY_MS", 20)?;
    let dsr = PathBuf::from(env!("CARGO_BIN_EXE_dsr"));
    let temp = tempfile::tempdir()?;
    let tenant = temp.path().join("tenant");
    let csv = write_tenant(&tenant, subjects)?;
    let list = temp.path().join("leavers.csv");
    std::fs::write(&list, csv)?;

    println!(
        "Bulk erasure through the FotoWeb double ({} cores): {subjects} subjects, {} assets, {latency} ms per request",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        subjects * 3
    );
    let mut times = Vec::new();
    for jobs in [1u64, 8] {
        let m = erase(&dsr, &tenant, &list, latency, jobs)?;
        ensure!(
            m.verified == subjects,
            "--jobs {jobs}: only {} of {subjects} subjects verified",
            m.verified
        );
        let bound = Duration::from_millis(m.requests * latency / jobs);
        println!(
            "  --jobs {jobs:<2}  {:>7.2} s  {:>5} requests  bound (req×lat/jobs) {:>6.2} s  → {:.2}× the bound{}",
            m.elapsed.as_secs_f64(),
            m.requests,
            bound.as_secs_f64(),
            m.elapsed.as_secs_f64() / bound.as_secs_f64(),
            if jobs == 8 { " (target ≤ 1.5×)" } else { "" }
        );
        times.push(m.elapsed);
    }
    println!(
        "  speed-up --jobs 8 over --jobs 1: {:.1}×",
        times[0].as_secs_f64() / times[1].as_secs_f64()
    );
    Ok(())
}
