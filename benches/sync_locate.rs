//! Sync throughput, peak memory and locate latency on a generated 100,000-asset tenant.
//!
//! Run it with `cargo bench --bench sync_locate`; set `DSR_BENCH_ASSETS=N` for a quicker run
//! on a smaller tenant. It prints figures beside the targets of the foundation issue and
//! asserts nothing: it exits non-zero only when something fails, never on a missed target.
//!
//! How each figure is measured:
//!
//! * The tenant is written by [`dsr::sample::write_synthetic_tenant`] into a temporary
//!   folder (under `TMPDIR`), so every sidecar is in the page cache when sync reads it.
//! * Syncs run the real release `dsr` binary as a subprocess, the one cargo builds for
//!   benchmarks (`CARGO_BIN_EXE_dsr`, `target/release/dsr`), with `HOME`, the `XDG_*`
//!   directories, `DSR_DATA_DIR` and `DSR_CONFIG` pointed into the temporary folder:
//!   `tenant add --platform dir --default-region NO`, then `sync --full -o json` into an
//!   empty index, and `sync --full` once more over the index it built. Wall time
//!   is taken around the subprocess (process start to exit); throughput is assets indexed
//!   divided by that wall time. Peak memory is the child's `VmHWM` (its resident-set high
//!   water mark) read from `/proc/<pid>/status` every 2 ms until it exits; a peak reached in
//!   the last 2 ms of its life would be missed. CPU time (user + system, all threads) is read
//!   from `/proc/<pid>/stat` the same way: with the load average printed beside it, it tells
//!   a slow sync from a busy machine.
//! * Incremental syncs (`sync -o json`) are timed the same way: once with nothing changed,
//!   then after rewriting 100 sidecars with a changed caption.
//! * Locate latency: 1,000 mixed queries (names as written, "Last, First" and lower case,
//!   names family name first, in capitals or with a middle name no asset holds, e-mails, phones in national and international form, logins, names with one typo,
//!   initials, identities absent from the tenant, a few of the sample tenant's scripted
//!   people, and requests combining a name, an e-mail and a phone) drawn deterministically
//!   from a sample of the generated sidecars. They run in this process through
//!   [`dsr::index::locate::Locator`], opened once; each `find` is timed alone, and the
//!   nearest-rank p50, p95, p99 and maximum are reported, then the same per kind of query
//!   and the slowest queries, which show where the tail comes from.
//! * With `DSR_BENCH_RESULTS=FILE`, every query and its hits are written to FILE as JSON
//!   lines (outside the timed part), so that two builds can be compared: a change made for
//!   speed must leave the file as it was.
//! * `dsr locate` as a user or a script pays for it: one process per query (start,
//!   configuration, index open, search, audit entry, JSON output), 21 runs each for an
//!   e-mail, a name, a login and a phone; nearest-rank p50 and p99 and the peak RSS.
//! * Beside it, the same e-mail lookup by the tools people reach for instead, each one
//!   process per query: `rg -i -l -F` over the sidecars, and `sqlite3` on an FTS5 table of
//!   every value of every asset, built from the same sidecars by a Python script (its build
//!   time and peak RSS are printed too). Their counts of files or rows beside dsr's hits
//!   show the precision each buys: a substring or token search also finds
//!   `mary.jane.doe@…` and `….com.au`.

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail, ensure};
use dsr::config::Config;
use dsr::index::locate::Locator;
use dsr::index::sync::TenantFiles;
use dsr::matching::identity::{Identity, IdentityKind};
use dsr::matching::matcher::Confidence;
use fastrand::Rng;
use serde_json::Value;

/// The size of the tenant unless `DSR_BENCH_ASSETS` says otherwise.
const DEFAULT_ASSETS: usize = 100_000;
const SEED: u64 = 2024;
const TENANT: &str = "bench";
const QUERIES: usize = 1_000;
const CHANGED_SIDECARS: usize = 100;
/// Sidecars read to draw the queries from.
const HARVEST: usize = 3_000;
/// How often the child's memory and CPU time are sampled.
const POLL: Duration = Duration::from_millis(2);
/// How many times each per-process query runs.
const PER_PROCESS: usize = 21;
/// The slowest queries listed under the table.
const SLOWEST_SHOWN: usize = 8;

const TARGET_ASSETS_PER_SEC: f64 = 10_000.0;
const TARGET_PEAK_RSS_MB: f64 = 300.0;
const TARGET_P50_MS: f64 = 5.0;
const TARGET_P99_MS: f64 = 20.0;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sync_locate: error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let assets = match std::env::var("DSR_BENCH_ASSETS") {
        Ok(text) => text
            .trim()
            .replace('_', "")
            .parse::<usize>()
            .with_context(|| format!("DSR_BENCH_ASSETS={text} is not a number of assets"))?,
        Err(_) => DEFAULT_ASSETS,
    };
    ensure!(assets > 0, "DSR_BENCH_ASSETS must be at least 1");
    let dsr = dsr_binary()?;
    let cores = Cores::detect();
    eprintln!(
        "sync_locate: {assets} assets, {} cores, dsr binary {}",
        cores.available,
        dsr.display()
    );

    let load_before = load_average();
    let temp = tempfile::Builder::new()
        .prefix("dsr-bench-")
        .tempdir()
        .context("cannot create the temporary folder")?;
    let bench = Bench::new(dsr, temp.path())?;

    eprintln!("sync_locate: generating the tenant …");
    let started = Instant::now();
    dsr::sample::write_synthetic_tenant(&bench.tenant, assets, SEED)
        .context("cannot generate the synthetic tenant")?;
    let generated = started.elapsed();
    let sidecars = sidecar_paths(&bench.tenant)?;
    ensure!(
        sidecars.len() == assets,
        "the generator wrote {} sidecars for {assets} assets",
        sidecars.len()
    );

    let tenant = bench
        .tenant
        .to_str()
        .context("the temporary path is not UTF-8")?;
    bench.dsr(&[
        "tenant",
        "add",
        TENANT,
        "--platform",
        "dir",
        "--path",
        tenant,
        "--default-region",
        "NO",
    ])?;

    eprintln!("sync_locate: full sync …");
    let full = bench.sync(true)?;
    ensure!(
        full.report.added == assets as u64 && full.report.indexed == assets as u64,
        "the full sync indexed {} of {assets} assets (added {})",
        full.report.indexed,
        full.report.added
    );

    eprintln!("sync_locate: full sync over the existing index …");
    let rebuild = bench.sync(true)?;
    ensure!(
        rebuild.report.indexed == assets as u64,
        "the rebuild indexed {} of {assets} assets",
        rebuild.report.indexed
    );

    eprintln!("sync_locate: incremental syncs …");
    let unchanged = bench.sync(false)?;
    ensure!(
        unchanged.report.unchanged == assets as u64 && unchanged.report.changed() == 0,
        "the sync with nothing changed re-read {} assets",
        unchanged.report.changed()
    );
    let edited = edit_captions(&sidecars, CHANGED_SIDECARS.min(assets))?;
    let changed = bench.sync(false)?;
    ensure!(
        changed.report.updated == edited as u64 && changed.report.changed() == edited as u64,
        "after editing {edited} sidecars the sync updated {} (added {}, removed {})",
        changed.report.updated,
        changed.report.added,
        changed.report.removed
    );

    eprintln!("sync_locate: locating …");
    let pools = Pools::harvest(&sidecars)?;
    let queries = pools.queries(QUERIES);
    let latency = bench.locate_in_process(&queries)?;
    let subprocess = bench.locate_subprocess(&pools)?;
    eprintln!("sync_locate: the same e-mail lookup with ripgrep and SQLite FTS5 …");
    let email = pools
        .emails
        .first()
        .context("the tenant holds no e-mail addresses to search for")?;
    let peers = Peers::measure(&bench, &sidecars, email)?;

    let figures = Figures {
        load_before,
        load_after: load_average(),
        assets,
        cores,
        generated,
        full,
        rebuild,
        unchanged,
        changed,
        edited,
        latency,
        subprocess,
        peers,
    };
    print!("{}", figures.table()?);
    Ok(())
}

/// The release `dsr` binary cargo built for this benchmark.
fn dsr_binary() -> Result<PathBuf> {
    // Cargo builds every binary target before a benchmark and names it here; the bench
    // executable itself sits in `deps/` beside it.
    let built = PathBuf::from(env!("CARGO_BIN_EXE_dsr"));
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("dsr")));
    [Some(built), beside]
        .into_iter()
        .flatten()
        .find(|path| path.is_file())
        .context(
            "the dsr binary is missing: run this through `cargo bench --bench sync_locate`, \
             or build it first with `cargo build --release --bin dsr`",
        )
}

/// The machine's processors: what this process may use, and what the kernel lists.
#[derive(Debug, Clone, Copy)]
struct Cores {
    available: usize,
    online: Option<usize>,
}

impl Cores {
    fn detect() -> Cores {
        let online = fs::read_to_string("/proc/cpuinfo").ok().map(|text| {
            text.lines()
                .filter(|line| line.starts_with("processor"))
                .count()
        });
        Cores {
            available: thread::available_parallelism().map_or(1, usize::from),
            online: online.filter(|n| *n > 0),
        }
    }
}

/// The 1, 5 and 15-minute load averages.
fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    let fields: Vec<&str> = text.split_whitespace().take(3).collect();
    (fields.len() == 3).then(|| fields.join(" "))
}

// ---------------------------------------------------------------------------
// The dsr subprocess

/// Where one benchmark run keeps everything, and how it runs `dsr`.
struct Bench {
    dsr: PathBuf,
    home: PathBuf,
    data: PathBuf,
    config: PathBuf,
    tenant: PathBuf,
}

/// A finished subprocess.
struct Run {
    wall: Duration,
    /// The child's resident-set high-water mark, in bytes.
    peak_rss: Option<u64>,
    /// User plus system CPU time of all the child's threads.
    cpu: Option<Duration>,
    stdout: Vec<u8>,
}

/// A sync: the subprocess and the report it printed.
struct Sync {
    run: Run,
    report: SyncReport,
}

/// The fields of `dsr sync -o json` this benchmark reads.
#[derive(Debug, serde::Deserialize)]
struct SyncReport {
    added: u64,
    updated: u64,
    removed: u64,
    unchanged: u64,
    indexed: u64,
    errors: Vec<String>,
    /// Seconds, as measured inside dsr.
    elapsed: f64,
}

impl SyncReport {
    fn changed(&self) -> u64 {
        self.added + self.updated + self.removed
    }
}

impl Bench {
    fn new(dsr: PathBuf, root: &Path) -> Result<Bench> {
        let home = root.join("home");
        for dir in ["config", "data", "cache", "state"] {
            fs::create_dir_all(home.join(dir))
                .with_context(|| format!("cannot create {}", home.join(dir).display()))?;
        }
        Ok(Bench {
            dsr,
            data: root.join("dsr-data"),
            config: root.join("dsr-config").join("config.toml"),
            tenant: root.join("tenant"),
            home,
        })
    }

    /// Runs `dsr ARGS` to the end; any exit status but 0 (and 1 when `not_found_ok`) fails.
    fn run(&self, args: &[&str], not_found_ok: bool) -> Result<Run> {
        let what = format!("dsr {}", args.first().copied().unwrap_or_default());
        let started = Instant::now();
        let mut child = Command::new(&self.dsr)
            .args(args)
            .env("HOME", &self.home)
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            .env("XDG_DATA_HOME", self.home.join("data"))
            .env("XDG_CACHE_HOME", self.home.join("cache"))
            .env("XDG_STATE_HOME", self.home.join("state"))
            .env("DSR_DATA_DIR", &self.data)
            .env("DSR_CONFIG", &self.config)
            .env("DSR_PURPOSE", "benchmark")
            .env("NO_COLOR", "1")
            .env_remove("DSR_TENANT")
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot start {}", self.dsr.display()))?;
        let stdout = drain(child.stdout.take());
        let stderr = drain(child.stderr.take());
        let (status, sample) = wait_sampling(&mut child)?;
        let wall = started.elapsed();
        let stdout = join(stdout)?;
        let stderr = join(stderr)?;
        let accepted = status.success() || (not_found_ok && status.code() == Some(1));
        if !accepted {
            bail!(
                "{what} failed ({status}): {}",
                String::from_utf8_lossy(&stderr).trim()
            );
        }
        Ok(Run {
            wall,
            peak_rss: sample.peak_rss,
            cpu: sample.cpu,
            stdout,
        })
    }

    fn dsr(&self, args: &[&str]) -> Result<Run> {
        self.run(args, false)
    }

    fn sync(&self, full: bool) -> Result<Sync> {
        let args: &[&str] = if full {
            &["sync", "--full", "-o", "json"]
        } else {
            &["sync", "-o", "json"]
        };
        let run = self.dsr(args)?;
        let report: SyncReport =
            serde_json::from_slice(&run.stdout).context("dsr sync printed no JSON report")?;
        ensure!(
            report.errors.is_empty(),
            "the sync reported {} errors, the first: {}",
            report.errors.len(),
            report.errors.first().map_or("", String::as_str)
        );
        Ok(Sync { run, report })
    }

    /// Opens the index once and times every query alone.
    fn locate_in_process(&self, queries: &[Query]) -> Result<Latency> {
        let config = Config::load(&self.config)?;
        let (name, profile) = config.select(Some(TENANT))?;
        let files = TenantFiles::new(&self.data.join("tenants").join(name));
        let started = Instant::now();
        let locator = Locator::open(&files, profile.settings()?)?;
        let open = started.elapsed();
        let results = std::env::var_os("DSR_BENCH_RESULTS").map(PathBuf::from);
        let mut written = String::new();
        let mut timed = Vec::with_capacity(queries.len());
        for (i, query) in queries.iter().enumerate() {
            let started = Instant::now();
            let result = locator.find(&query.identities, Confidence::Low);
            let time = started.elapsed();
            let hits =
                result.with_context(|| format!("query #{} ({}) failed", i + 1, query.kind))?;
            if results.is_some() {
                let identities: Vec<String> =
                    query.identities.iter().map(ToString::to_string).collect();
                let line = serde_json::json!({ "query": identities, "hits": hits });
                writeln!(written, "{line}")?;
            }
            timed.push(Timed {
                time,
                hits: hits.len(),
                query,
            });
        }
        if let Some(path) = results {
            fs::write(&path, written)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(Latency::new(open, timed))
    }

    /// `dsr locate` as a user or a script runs it, one process per query (start,
    /// configuration, index open, search, audit entry, JSON output): [`PER_PROCESS`] runs for
    /// each kind of identity, the first of the tenant's values of that kind.
    fn locate_subprocess(&self, pools: &Pools) -> Result<Vec<SubprocessLocate>> {
        let mut kinds = Vec::new();
        for (kind, flag, pool) in [
            ("e-mail", "--email", &pools.emails),
            ("name", "--name", &pools.names),
            ("login", "--login", &pools.logins),
            ("phone", "--phone", &pools.phones),
        ] {
            let Some(value) = pool.first() else {
                continue;
            };
            let args = ["locate", flag, value.as_str(), "-o", "json"];
            let mut walls = Vec::with_capacity(PER_PROCESS);
            let mut peak_rss = None;
            let mut hits = 0;
            for _ in 0..PER_PROCESS {
                let run = self.run(&args, true)?;
                let document: Value = serde_json::from_slice(&run.stdout)
                    .context("dsr locate printed no JSON document")?;
                hits = document["hits"].as_array().map_or(0, Vec::len);
                walls.push(run.wall);
                peak_rss = peak_rss.max(run.peak_rss);
            }
            walls.sort_unstable();
            kinds.push(SubprocessLocate {
                kind,
                walls,
                peak_rss,
                hits,
            });
        }
        Ok(kinds)
    }
}

/// The same e-mail lookup by the tools a DPO might reach for instead: ripgrep over the
/// sidecars, and an SQLite FTS5 table of the same metadata, each one process per query.
struct Peers {
    /// ripgrep: per-process walls (sorted) and the files it named.
    rg: Option<(Vec<Duration>, usize)>,
    /// FTS5: the table's build (a Python process) and per-process query walls (sorted)
    /// with the rows matched.
    fts5: Option<(Run, Vec<Duration>, usize)>,
}

impl Peers {
    fn measure(bench: &Bench, sidecars: &[PathBuf], email: &str) -> Result<Peers> {
        let tenant = bench.tenant.to_string_lossy().into_owned();
        let rg = if tool_exists("rg") {
            let mut walls = Vec::with_capacity(PER_PROCESS);
            let mut files = 0;
            for _ in 0..PER_PROCESS {
                let run = measure(Command::new("rg").args(["-i", "-l", "-F", email, &tenant]))?;
                files = run
                    .stdout
                    .split(|b| *b == b'\n')
                    .filter(|l| !l.is_empty())
                    .count();
                walls.push(run.wall);
            }
            walls.sort_unstable();
            Some((walls, files))
        } else {
            None
        };
        let fts5 = if tool_exists("sqlite3") && tool_exists("python3") {
            let db = bench.home.join("fts5.db");
            let list = bench.home.join("sidecars.txt");
            let names: String = sidecars
                .iter()
                .map(|p| format!("{}\n", p.display()))
                .collect();
            fs::write(&list, names).context("cannot write the list of sidecars")?;
            // Every value of every field, one row per asset: what an FTS5 search engine
            // built over the same metadata would hold.
            let script = r#"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("create virtual table assets using fts5(path, text)")
def values(v):
    if isinstance(v, list):
        for x in v: yield from values(x)
    elif v is not None: yield str(v)
with open(sys.argv[2]) as names:
    rows = []
    for line in names:
        path = line.rstrip("\n")
        with open(path) as f: meta = json.load(f).get("metadata", {})
        text = " ".join(x for field in meta.values() for x in values(field.get("value")))
        rows.append((path, text))
        if len(rows) == 10000:
            db.executemany("insert into assets values (?, ?)", rows); rows = []
    db.executemany("insert into assets values (?, ?)", rows)
db.commit()
"#;
            let build = measure(
                Command::new("python3")
                    .args(["-c", script])
                    .arg(&db)
                    .arg(&list),
            )?;
            let query = format!(
                "select count(*) from assets where assets match '\"{}\"'",
                email.replace('\'', "")
            );
            let mut walls = Vec::with_capacity(PER_PROCESS);
            let mut rows = 0;
            for _ in 0..PER_PROCESS {
                let run = measure(Command::new("sqlite3").arg(&db).arg(&query))?;
                rows = String::from_utf8_lossy(&run.stdout)
                    .trim()
                    .parse()
                    .unwrap_or(0);
                walls.push(run.wall);
            }
            walls.sort_unstable();
            Some((build, walls, rows))
        } else {
            None
        };
        Ok(Peers { rg, fts5 })
    }
}

/// True when `tool` runs.
fn tool_exists(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs another program to the end, timed and sampled like dsr; it must exit 0 (or 1, which
/// ripgrep and others use for "nothing found").
fn measure(command: &mut Command) -> Result<Run> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {command:?}"))?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let (status, sample) = wait_sampling(&mut child)?;
    let wall = started.elapsed();
    let stdout = join(stdout)?;
    let stderr = join(stderr)?;
    if !(status.success() || status.code() == Some(1)) {
        bail!(
            "{command:?} failed ({status}): {}",
            String::from_utf8_lossy(&stderr).trim()
        );
    }
    Ok(Run {
        wall,
        peak_rss: sample.peak_rss,
        cpu: sample.cpu,
        stdout,
    })
}

/// The nearest-rank percentile `p` (0–100) of sorted durations.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

/// Reads a child's pipe to the end on its own thread, so the child never blocks on it.
fn drain<R: Read + Send + 'static>(
    pipe: Option<R>,
) -> thread::JoinHandle<std::io::Result<Vec<u8>>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            pipe.read_to_end(&mut bytes)?;
        }
        Ok(bytes)
    })
}

fn join(handle: thread::JoinHandle<std::io::Result<Vec<u8>>>) -> Result<Vec<u8>> {
    handle
        .join()
        .map_err(|_| anyhow::anyhow!("a pipe reader thread panicked"))?
        .context("cannot read the output of dsr")
}

/// What was last read of a running child in `/proc`.
#[derive(Debug, Default)]
struct Sample {
    peak_rss: Option<u64>,
    cpu: Option<Duration>,
}

/// Waits for the child, sampling its memory high-water mark and CPU time until it exits.
fn wait_sampling(child: &mut Child) -> Result<(ExitStatus, Sample)> {
    let proc = PathBuf::from(format!("/proc/{}", child.id()));
    let mut sample = Sample::default();
    loop {
        // Read before checking for exit: once reaped, the files are gone.
        if let Some(hwm) = vm_hwm(&proc.join("status")) {
            sample.peak_rss = Some(sample.peak_rss.map_or(hwm, |p| p.max(hwm)));
        }
        if let Some(cpu) = cpu_time(&proc.join("stat")) {
            sample.cpu = Some(cpu);
        }
        if let Some(status) = child.try_wait().context("cannot wait for dsr")? {
            return Ok((status, sample));
        }
        thread::sleep(POLL);
    }
}

/// `VmHWM` of a `/proc/<pid>/status` file, in bytes; `None` once the process is a zombie.
fn vm_hwm(status_file: &Path) -> Option<u64> {
    let text = fs::read_to_string(status_file).ok()?;
    let line = text.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: u64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// `utime + stime` of a `/proc/<pid>/stat` file (every thread, living or ended).
fn cpu_time(stat_file: &Path) -> Option<Duration> {
    /// Linux reports these in USER_HZ, which is 100 on every architecture it runs on.
    const TICKS_PER_SECOND: u64 = 100;
    let text = fs::read_to_string(stat_file).ok()?;
    // The command name is in parentheses and may hold spaces: count fields after it.
    let (_, after_name) = text.rsplit_once(')')?;
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis(
        (user + system) * 1000 / TICKS_PER_SECOND,
    ))
}

// ---------------------------------------------------------------------------
// The tenant's files

/// Every sidecar of the tenant, sorted.
fn sidecar_paths(root: &Path) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(root).min_depth(2) {
        let entry = entry.context("cannot list the generated tenant")?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "json") {
            paths.push(entry.into_path());
        }
    }
    paths.sort();
    Ok(paths)
}

/// Rewrites `count` sidecars spread over the tenant with a longer caption; returns how many.
fn edit_captions(sidecars: &[PathBuf], count: usize) -> Result<usize> {
    let step = (sidecars.len() / count.max(1)).max(1);
    let chosen: Vec<&PathBuf> = sidecars.iter().step_by(step).take(count).collect();
    for path in &chosen {
        let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut sidecar: Value = serde_json::from_slice(&bytes)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        let metadata = sidecar
            .get_mut("metadata")
            .and_then(Value::as_object_mut)
            .with_context(|| format!("{} has no metadata object", path.display()))?;
        let caption = metadata
            .get("120")
            .and_then(|field| field.get("value"))
            .and_then(Value::as_str)
            .unwrap_or("Untitled.")
            .to_owned();
        metadata.insert(
            "120".to_owned(),
            serde_json::json!({ "value": format!("{caption} Caption revised for the benchmark.") }),
        );
        let mut bytes = serde_json::to_vec_pretty(&sidecar)?;
        bytes.push(b'\n');
        fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(chosen.len())
}

// ---------------------------------------------------------------------------
// Queries

/// One locate request of the benchmark.
struct Query {
    /// What the mix calls it, for the per-kind figures.
    kind: &'static str,
    identities: Vec<Identity>,
}

/// Values found in a sample of the tenant's sidecars, distinct, in a stable order.
#[derive(Debug, Default)]
struct Pools {
    names: Vec<String>,
    emails: Vec<String>,
    phones: Vec<String>,
    logins: Vec<String>,
    /// A byline with the e-mail (and phone, if any) written beside it: a whole request.
    people: Vec<(String, String, Option<String>)>,
}

/// The sample tenant's scripted people, some of whom the generator scatters as guests.
const SCRIPTED: &[(IdentityKind, &str)] = &[
    (IdentityKind::Name, "Jane Doe"),
    (IdentityKind::Email, "jane.doe@example.com"),
    (IdentityKind::Phone, "+47 912 34 567"),
    (IdentityKind::Login, "jdoe"),
    (IdentityKind::Name, "Doe, Jane"),
    (IdentityKind::Name, "J. Doe"),
    (IdentityKind::Name, "Jörg Müller"),
    (IdentityKind::Name, "Joerg Mueller"),
    (IdentityKind::Name, "Siobhán O'Brien"),
    (IdentityKind::Name, "Max Weiss"),
    (IdentityKind::Name, "Ola Nordmann"),
    (IdentityKind::Email, "john.doe@example.com"),
];

/// Made-up identities that no generated asset holds.
const ABSENT_FIRST: &[&str] = &["Quintus", "Xaverine", "Yoshiko", "Zbigniew", "Wilhelmina"];
const ABSENT_LAST: &[&str] = &["Quackenbush", "Xylander", "Zamoyski", "Yarborough"];

impl Pools {
    /// Reads up to [`HARVEST`] sidecars spread evenly over the tenant.
    fn harvest(sidecars: &[PathBuf]) -> Result<Pools> {
        let step = (sidecars.len() / HARVEST).max(1);
        let mut pools = Pools::default();
        for path in sidecars.iter().step_by(step) {
            let bytes =
                fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            let sidecar: Value = serde_json::from_slice(&bytes)
                .with_context(|| format!("{} is not JSON", path.display()))?;
            let field = |id: &str| -> Vec<String> {
                match sidecar.pointer(&format!("/metadata/{id}/value")) {
                    Some(Value::String(s)) => vec![s.clone()],
                    Some(Value::Array(items)) => items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect(),
                    _ => Vec::new(),
                }
            };
            let bylines = field("80");
            pools.names.extend(bylines.iter().cloned());
            pools.names.extend(field("368"));
            pools.names.extend(field("361"));
            let emails = field("308");
            let phones = field("309");
            if let (Some(name), Some(email)) = (bylines.first(), emails.first()) {
                let person = (name.clone(), email.clone(), phones.first().cloned());
                pools.people.push(person);
            }
            pools.emails.extend(emails);
            pools.phones.extend(phones);
            pools.logins.extend(field("360"));
        }
        for pool in [
            &mut pools.names,
            &mut pools.emails,
            &mut pools.phones,
            &mut pools.logins,
        ] {
            pool.sort();
            pool.dedup();
        }
        pools.people.sort();
        pools.people.dedup();
        // Shuffle once, deterministically, so `names[0]` is not the alphabetically first.
        let mut rng = Rng::with_seed(SEED);
        rng.shuffle(&mut pools.names);
        ensure!(
            [&pools.names, &pools.emails, &pools.logins]
                .iter()
                .all(|pool| !pool.is_empty()),
            "the sampled sidecars hold no names, e-mails or logins"
        );
        Ok(pools)
    }

    /// `count` queries in a fixed mix, shuffled deterministically.
    fn queries(&self, count: usize) -> Vec<Query> {
        let mut rng = Rng::with_seed(SEED ^ 0x5eed);
        let mut queries = Vec::with_capacity(count);
        for i in 0..count {
            // Out of every 20: 5 names, 1 name in another form, 3 e-mails, 2 phones,
            // 2 logins, 2 typos, 1 initials, 2 absent, 1 scripted, 1 whole request.
            let (kind, identities) = match i % 20 {
                0..=4 => ("name", vec![self.name_query(&mut rng)]),
                5 => (
                    "name, other form",
                    vec![Identity::new(IdentityKind::Name, self.other_form(&mut rng))],
                ),
                6..=8 => (
                    "e-mail",
                    vec![Identity::new(IdentityKind::Email, self.email(&mut rng))],
                ),
                9..=10 => ("phone", self.phone_query(&mut rng)),
                11..=12 => (
                    "login",
                    vec![Identity::new(
                        IdentityKind::Login,
                        pick(&self.logins, &mut rng),
                    )],
                ),
                13..=14 => (
                    "name, one typo",
                    vec![Identity::new(IdentityKind::Name, self.typo(&mut rng))],
                ),
                15 => (
                    "name, initial",
                    vec![Identity::new(IdentityKind::Name, self.initials(&mut rng))],
                ),
                16..=17 => ("absent", vec![absent(&mut rng)]),
                18 => {
                    let (kind, value) = SCRIPTED[rng.usize(..SCRIPTED.len())];
                    ("scripted person", vec![Identity::new(kind, value)])
                }
                _ => ("name + e-mail + phone", self.request(&mut rng)),
            };
            let query = Query { kind, identities };
            queries.push(query);
        }
        rng.shuffle(&mut queries);
        queries
    }

    /// A name as written, or reversed to "Last, First", or in lower case.
    fn name_query(&self, rng: &mut Rng) -> Identity {
        let name = pick(&self.names, rng);
        let value = match (rng.usize(..5), name.rsplit_once(' ')) {
            (0, Some((first, last))) => format!("{last}, {first}"),
            (1, _) => name.to_lowercase(),
            _ => name,
        };
        Identity::new(IdentityKind::Name, value)
    }

    /// A name as the rules for names written elsewhere read it: family name first, in
    /// capitals, or with a middle name the tenant does not hold (which searches the
    /// person fields for the name short of it). Their row beside "name" shows what those
    /// rules cost.
    fn other_form(&self, rng: &mut Rng) -> String {
        let name = pick(&self.names, rng);
        match (rng.usize(..3), name.rsplit_once(' ')) {
            (0, Some((first, last))) => format!("{last} {first}"),
            (1, _) => name.to_uppercase(),
            (_, Some((first, last))) => format!("{first} Wollstonecraft {last}"),
            (_, None) => name,
        }
    }

    fn email(&self, rng: &mut Rng) -> String {
        let email = pick(&self.emails, rng);
        if rng.usize(..4) == 0 {
            email.to_uppercase()
        } else {
            email
        }
    }

    fn phone_query(&self, rng: &mut Rng) -> Vec<Identity> {
        if self.phones.is_empty() {
            return vec![Identity::new(IdentityKind::Email, self.email(rng))];
        }
        vec![Identity::new(IdentityKind::Phone, pick(&self.phones, rng))]
    }

    /// A name with one letter changed in its longest word (five letters or more).
    fn typo(&self, rng: &mut Rng) -> String {
        let name = pick(&self.names, rng);
        let mut words: Vec<String> = name.split(' ').map(str::to_owned).collect();
        let Some(longest) = words
            .iter_mut()
            .filter(|w| w.chars().count() >= 5)
            .max_by_key(|w| w.chars().count())
        else {
            return name;
        };
        let mut chars: Vec<char> = longest.chars().collect();
        let at = 1 + rng.usize(..chars.len() - 1);
        chars[at] = if chars[at] == 'x' { 'q' } else { 'x' };
        *longest = chars.into_iter().collect();
        words.join(" ")
    }

    /// "A. Lastname".
    fn initials(&self, rng: &mut Rng) -> String {
        let name = pick(&self.names, rng);
        match name.split_once(' ') {
            Some((first, rest)) => match first.chars().next() {
                Some(initial) => format!("{initial}. {rest}"),
                None => name,
            },
            None => name,
        }
    }

    /// A name, an e-mail and sometimes a phone of one person, as a DPO would search.
    fn request(&self, rng: &mut Rng) -> Vec<Identity> {
        if self.people.is_empty() {
            return vec![self.name_query(rng)];
        }
        let (name, email, phone) = &self.people[rng.usize(..self.people.len())];
        let mut identities = vec![
            Identity::new(IdentityKind::Name, name.clone()),
            Identity::new(IdentityKind::Email, email.clone()),
        ];
        if let Some(phone) = phone {
            identities.push(Identity::new(IdentityKind::Phone, phone.clone()));
        }
        identities
    }
}

fn pick(pool: &[String], rng: &mut Rng) -> String {
    pool[rng.usize(..pool.len())].clone()
}

fn absent(rng: &mut Rng) -> Identity {
    let first = ABSENT_FIRST[rng.usize(..ABSENT_FIRST.len())];
    let last = ABSENT_LAST[rng.usize(..ABSENT_LAST.len())];
    let n = rng.u32(..1_000_000);
    match rng.usize(..4) {
        0 => Identity::new(IdentityKind::Name, format!("{first} {last}")),
        1 => Identity::new(
            IdentityKind::Email,
            format!("{}.{n}@absent.example", first.to_lowercase()),
        ),
        // Swedish mobile numbers: the tenant's are Norwegian.
        2 => Identity::new(
            IdentityKind::Phone,
            format!("+46 70 {:03} {n:06}", n % 1000),
        ),
        _ => Identity::new(IdentityKind::Login, format!("ghost-{n}")),
    }
}

// ---------------------------------------------------------------------------
// Figures

/// One query's outcome.
struct Timed<'a> {
    time: Duration,
    hits: usize,
    query: &'a Query,
}

struct Latency {
    open: Duration,
    /// Every query's time, sorted.
    times: Vec<Duration>,
    /// Queries with at least one hit.
    found: usize,
    hits: usize,
    /// Per kind of query: count, p50, max and hits.
    kinds: Vec<(&'static str, KindLatency)>,
    /// The slowest queries, slowest first, as `time, kind, identities, hits`.
    slowest: Vec<(Duration, &'static str, String, usize)>,
}

/// Figures of one kind of query.
struct KindLatency {
    count: usize,
    p50: Duration,
    max: Duration,
    hits: usize,
}

impl Latency {
    fn new(open: Duration, mut timed: Vec<Timed<'_>>) -> Latency {
        timed.sort_by_key(|t| std::cmp::Reverse(t.time));
        let mut times: Vec<Duration> = timed.iter().map(|t| t.time).collect();
        times.sort_unstable();
        let mut kinds: Vec<&'static str> = timed.iter().map(|t| t.query.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let kinds = kinds
            .into_iter()
            .map(|kind| {
                let mut of_kind: Vec<&Timed<'_>> =
                    timed.iter().filter(|t| t.query.kind == kind).collect();
                of_kind.sort_by_key(|t| t.time);
                let figures = KindLatency {
                    count: of_kind.len(),
                    p50: of_kind[(of_kind.len() - 1) / 2].time,
                    max: of_kind.last().map_or(Duration::ZERO, |t| t.time),
                    hits: of_kind.iter().map(|t| t.hits).sum(),
                };
                (kind, figures)
            })
            .collect();
        let slowest = timed
            .iter()
            .take(SLOWEST_SHOWN)
            .map(|t| {
                let identities: Vec<String> =
                    t.query.identities.iter().map(Identity::to_string).collect();
                (t.time, t.query.kind, identities.join(" "), t.hits)
            })
            .collect();
        Latency {
            open,
            times,
            found: timed.iter().filter(|t| t.hits > 0).count(),
            hits: timed.iter().map(|t| t.hits).sum(),
            kinds,
            slowest,
        }
    }

    /// Nearest-rank percentile.
    fn percentile(&self, p: f64) -> Duration {
        let rank = ((p / 100.0) * self.times.len() as f64).ceil() as usize;
        self.times[rank.clamp(1, self.times.len()) - 1]
    }

    fn max(&self) -> Duration {
        self.times.last().copied().unwrap_or_default()
    }
}

/// One kind of identity looked up by `dsr locate` processes.
struct SubprocessLocate {
    kind: &'static str,
    /// Every run's wall time, sorted.
    walls: Vec<Duration>,
    peak_rss: Option<u64>,
    hits: usize,
}

struct Figures {
    /// `/proc/loadavg` at the start and at the end: other work on the machine skews figures.
    load_before: Option<String>,
    load_after: Option<String>,
    assets: usize,
    cores: Cores,
    generated: Duration,
    full: Sync,
    /// A second `sync --full`, replacing every document of the index the first one built.
    rebuild: Sync,
    unchanged: Sync,
    changed: Sync,
    edited: usize,
    latency: Latency,
    subprocess: Vec<SubprocessLocate>,
    peers: Peers,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn megabytes(bytes: Option<u64>) -> String {
    bytes.map_or_else(|| "n/a".to_owned(), |b| format!("{:.1} MB", b as f64 / 1e6))
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

impl Figures {
    fn table(&self) -> Result<String> {
        let mut out = String::new();
        let online = match self.cores.online {
            Some(n) if n != self.cores.available => format!(" ({n} online)"),
            _ => String::new(),
        };
        writeln!(
            out,
            "\ndsr sync/locate benchmark: {} assets, {} cores available to the process{online}",
            self.assets, self.cores.available
        )?;
        writeln!(
            out,
            "tenant generated in {:.1} s; sizes in MB are 10^6 bytes",
            self.generated.as_secs_f64()
        )?;
        let unknown = || "unknown".to_owned();
        writeln!(
            out,
            "load average (1, 5, 15 min): {} at the start, {} at the end\n",
            self.load_before.clone().unwrap_or_else(unknown),
            self.load_after.clone().unwrap_or_else(unknown)
        )?;
        let mut rows: Vec<[String; 4]> = Vec::new();
        let mut row = |what: &str, figure: String, target: &str, status: &str| {
            rows.push([
                what.to_owned(),
                figure,
                target.to_owned(),
                status.to_owned(),
            ]);
        };

        for (what, sync) in [
            ("full sync", &self.full),
            ("full sync over the existing index", &self.rebuild),
        ] {
            let rate = sync.report.indexed as f64 / sync.run.wall.as_secs_f64();
            row(
                &format!("{what}, wall (subprocess)"),
                format!("{:.2} s", sync.run.wall.as_secs_f64()),
                "",
                "",
            );
            row(
                "  elapsed reported by dsr",
                format!("{:.2} s", sync.report.elapsed),
                "",
                "",
            );
            row(
                "  throughput",
                format!("{rate:.0} assets/s"),
                ">= 10000 assets/s",
                verdict(rate >= TARGET_ASSETS_PER_SEC),
            );
            if let Some(cpu) = sync.run.cpu {
                row(
                    "  CPU time (user + system)",
                    format!(
                        "{:.2} s ({:.2} cores busy on average)",
                        cpu.as_secs_f64(),
                        cpu.as_secs_f64() / sync.run.wall.as_secs_f64()
                    ),
                    "",
                    "",
                );
            }
            let peak = sync.run.peak_rss.map(|b| b as f64 / 1e6);
            row(
                "  peak RSS (VmHWM)",
                megabytes(sync.run.peak_rss),
                "< 300 MB",
                peak.map_or("unknown", |p| verdict(p < TARGET_PEAK_RSS_MB)),
            );
        }
        for (what, sync) in [
            ("incremental sync, nothing changed", &self.unchanged),
            ("incremental sync, sidecars changed", &self.changed),
        ] {
            row(
                what,
                format!(
                    "{:.2} s ({} updated, {} unchanged)",
                    sync.run.wall.as_secs_f64(),
                    sync.report.updated,
                    sync.report.unchanged
                ),
                "",
                "",
            );
            row("  peak RSS", megabytes(sync.run.peak_rss), "", "");
        }
        let l = &self.latency;
        row(
            "locator open (in process)",
            format!("{:.1} ms", ms(l.open)),
            "",
            "",
        );
        let p50 = ms(l.percentile(50.0));
        let p99 = ms(l.percentile(99.0));
        row(
            "locate p50",
            format!("{p50:.2} ms"),
            "< 5 ms",
            verdict(p50 < TARGET_P50_MS),
        );
        row(
            "locate p95",
            format!("{:.2} ms", ms(l.percentile(95.0))),
            "",
            "",
        );
        row(
            "locate p99",
            format!("{p99:.2} ms"),
            "< 20 ms",
            verdict(p99 < TARGET_P99_MS),
        );
        row("locate max", format!("{:.2} ms", ms(l.max())), "", "");
        row(
            "locate queries with hits",
            format!("{} of {} ({} hits)", l.found, l.times.len(), l.hits),
            "",
            "",
        );
        for s in &self.subprocess {
            row(
                &format!("dsr locate per process, {} ({} hits)", s.kind, s.hits),
                format!(
                    "p50 {:.1} ms, p99 {:.1} ms",
                    ms(percentile(&s.walls, 50)),
                    ms(percentile(&s.walls, 99))
                ),
                "p50 <= 10 ms, p99 <= 30 ms at 1M",
                "",
            );
            row("  peak RSS", megabytes(s.peak_rss), "<= 50 MB", "");
        }
        if let Some((walls, files)) = &self.peers.rg {
            row(
                &format!("rg -i -l -F, same e-mail ({files} files)"),
                format!("p50 {:.1} ms", ms(percentile(walls, 50))),
                "",
                "",
            );
        } else {
            row("rg", "not installed".to_owned(), "", "");
        }
        if let Some((build, walls, rows)) = &self.peers.fts5 {
            row(
                "SQLite FTS5 table build (Python)",
                format!(
                    "{:.2} s, peak RSS {}",
                    build.wall.as_secs_f64(),
                    megabytes(build.peak_rss)
                ),
                "",
                "",
            );
            row(
                &format!("sqlite3 FTS5 query, same e-mail ({rows} rows)"),
                format!("p50 {:.1} ms", ms(percentile(walls, 50))),
                "",
                "",
            );
        } else {
            row(
                "SQLite FTS5",
                "sqlite3 or python3 not installed".to_owned(),
                "",
                "",
            );
        }

        let header = ["measure", "figure", "target", ""];
        let widths: Vec<usize> = (0..4)
            .map(|c| {
                rows.iter()
                    .map(|r| r[c].chars().count())
                    .chain([header[c].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: [&str; 4]| -> String {
            let mut text = String::new();
            for (c, cell) in cells.iter().enumerate() {
                let pad = widths[c].saturating_sub(cell.chars().count());
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
                text.push_str("  ");
            }
            text.trim_end().to_owned()
        };
        writeln!(out, "{}", line(header))?;
        let dashes: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        writeln!(
            out,
            "{}",
            line([&dashes[0], &dashes[1], &dashes[2], &dashes[3]])
        )?;
        for r in &rows {
            writeln!(out, "{}", line([&r[0], &r[1], &r[2], &r[3]]))?;
        }
        writeln!(
            out,
            "\n{} sidecars edited before the second incremental sync.",
            self.edited
        )?;
        writeln!(out, "\nlocate latency by kind of query (in process):")?;
        writeln!(
            out,
            "  {:<22} {:>5} {:>10} {:>10} {:>7}",
            "kind", "count", "p50 ms", "max ms", "hits"
        )?;
        for (kind, k) in &l.kinds {
            writeln!(
                out,
                "  {kind:<22} {:>5} {:>10.2} {:>10.2} {:>7}",
                k.count,
                ms(k.p50),
                ms(k.max),
                k.hits
            )?;
        }
        writeln!(out, "\nslowest queries:")?;
        for (time, kind, identities, hits) in &l.slowest {
            writeln!(
                out,
                "  {:>8.2} ms  {kind:<22} {hits:>6} hits  {identities}",
                ms(*time)
            )?;
        }
        Ok(out)
    }
}
