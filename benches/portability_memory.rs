//! The peak memory of `dsr portability` on an `objects` tenant in a local folder
//! (`file://`), with 1 GB of the subject's files (`DSR_BENCH_MB`, default 1024, in files of
//! at most 64 MB), against the same run with files of a few bytes: the originals are
//! streamed into the ZIP, so the difference should stay far under 100 MB.
//!
//! With `DSR_BENCH_STORE=s3` the files are in a bucket of the local S3 server instead
//! (moto's server mode, `moto_server` on the PATH), uploaded before each run: the same
//! figures with the originals streamed from the network.
//!
//! Peak memory is the process's VmHWM read from /proc while it runs (Linux only). Needs
//! about twice `DSR_BENCH_MB` of free disk in the temporary folder (the files, and the ZIP
//! beside them). Run with `cargo bench --bench portability_memory`; never part of the tests.

#[path = "support/moto.rs"]
mod moto;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use moto::Moto;
use serde_json::json;

const FILE_MB: u64 = 64;
/// The bucket the subject's files go in with `DSR_BENCH_STORE=s3`.
const BUCKET: &str = "bench";

fn env_number(name: &str, default: u64) -> Result<u64> {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .with_context(|| format!("{name} must be a number")),
        Err(_) => Ok(default),
    }
}

/// Writes `files` assets of hers (her login in the sidecar, so portability takes their
/// originals), each `bytes` long, in pseudo-random bytes deflate cannot shrink.
fn write_tenant(root: &Path, files: u64, bytes: u64) -> Result<()> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let block: Vec<u8> = (0..1 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    std::fs::create_dir_all(root.join("Uploads"))?;
    for i in 0..files {
        let id = format!("Uploads/file-{i:04}.bin");
        let mut file = std::io::BufWriter::new(std::fs::File::create(root.join(&id))?);
        let mut left = bytes;
        let mut copy = i as u8;
        while left > 0 {
            let n = left.min(block.len() as u64) as usize;
            let chunk: Vec<u8> = block[..n].iter().map(|b| b ^ copy).collect();
            std::io::Write::write_all(&mut file, &chunk)?;
            copy = copy.wrapping_add(1);
            left -= n as u64;
        }
        std::io::Write::flush(&mut file)?;
        let sidecar =
            json!({"metadata": {"360": {"value": "jdoe"}, "5": {"value": format!("Upload {i}")}}});
        std::fs::write(root.join(format!("{id}.json")), sidecar.to_string())?;
    }
    Ok(())
}

/// Runs dsr to its end; the most memory it held at once, in bytes.
fn peak_memory(command: &mut Command) -> Result<(u64, Duration)> {
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb * 1024);
        }
        if let Some(status) = child.try_wait()? {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                std::io::Read::read_to_string(&mut pipe, &mut stderr)?;
            }
            ensure!(status.success(), "dsr failed ({status}): {stderr}");
            return Ok((peak, started.elapsed()));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Sets up a tenant of `files` files of `bytes` each, in a local folder or, given a
/// server, under `name/` in its bucket, and measures its portability.
fn measure(
    dsr: &Path,
    temp: &Path,
    s3: Option<&Moto>,
    name: &str,
    files: u64,
    bytes: u64,
) -> Result<(u64, Duration)> {
    let root = temp.join(name);
    let tenant = root.join("tenant");
    write_tenant(&tenant, files, bytes)?;
    let (url, endpoint) = match s3 {
        Some(moto) => {
            moto.upload(&tenant, BUCKET, &format!("{name}/"))?;
            std::fs::remove_dir_all(&tenant)?;
            (
                format!("s3://{BUCKET}/{name}"),
                Some(moto.endpoint.as_str()),
            )
        }
        None => (
            format!("file://{}/", tenant.to_str().context("a UTF-8 path")?),
            None,
        ),
    };
    let home = root.join("home");
    std::fs::create_dir_all(&home)?;
    let dsr_command = |args: &[&str]| {
        let mut command = Command::new(dsr);
        command
            .args(args)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("DSR_PURPOSE", "portability memory benchmark")
            .env_remove("DSR_CONFIG")
            .env_remove("DSR_DATA_DIR")
            .env_remove("DSR_TENANT");
        if s3.is_some() {
            command.envs(moto::ENV);
        }
        command
    };
    let run = |args: &[&str]| -> Result<String> {
        let out = dsr_command(args).output()?;
        ensure!(
            out.status.success(),
            "dsr {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(String::from_utf8(out.stdout)?)
    };
    let mut add = vec![
        "tenant",
        "add",
        "bench",
        "--platform",
        "objects",
        "--url",
        &url,
    ];
    if let Some(endpoint) = endpoint {
        add.extend(["--endpoint", endpoint]);
    }
    run(&add)?;
    run(&["sync"])?;
    run(&["tenant", "ropa", "bench", "--init"])?;
    let ropa = home.join("config/dsr/ropa/bench.toml");
    let text = std::fs::read_to_string(&ropa).context("the record template")?;
    std::fs::write(
        &ropa,
        text.replace("FILL IN: e.g. ", "").replace("FILL IN: ", ""),
    )?;
    // The key is made before: a first receipt would otherwise make it within the run.
    run(&["keys", "generate"])?;
    let case = run(&["case", "open", "--right", "portability", "--login", "jdoe"])?;
    let zip = root.join("out.zip");
    let measured = peak_memory(&mut dsr_command(&[
        "portability",
        case.trim(),
        "--out",
        zip.to_str().context("a UTF-8 path")?,
    ]))?;
    let size = std::fs::metadata(&zip)?.len();
    ensure!(
        size >= files * bytes,
        "the ZIP holds {size} bytes, less than the {} of the originals",
        files * bytes
    );
    // Only the numbers are kept: the data is removed before the next run.
    std::fs::remove_dir_all(&root)?;
    Ok(measured)
}

fn main() -> Result<()> {
    let total_mb = env_number("DSR_BENCH_MB", 1024)?;
    let dsr = PathBuf::from(env!("CARGO_BIN_EXE_dsr"));
    let temp = tempfile::tempdir()?;
    let s3 = match std::env::var("DSR_BENCH_STORE").as_deref() {
        Ok("s3") => {
            let moto = Moto::start(temp.path())?;
            moto.create_bucket(BUCKET)?;
            Some(moto)
        }
        _ => None,
    };
    let files = total_mb.div_ceil(FILE_MB).max(1);
    let bytes = (total_mb << 20) / files;
    let store = if s3.is_some() {
        "an s3:// objects tenant (moto)"
    } else {
        "a file:// objects tenant"
    };
    println!(
        "Portability of one subject's files from {store}: {files} files, {total_mb} MB in all"
    );
    let s3 = s3.as_ref();
    let (baseline, _) = measure(&dsr, temp.path(), s3, "baseline", files, 16)?;
    let (peak, elapsed) = measure(&dsr, temp.path(), s3, "large", files, bytes)?;
    let above = peak.saturating_sub(baseline);
    println!(
        "  peak RSS {:>6.1} MB with {files} files of 16 bytes (baseline)",
        baseline as f64 / 1048576.0
    );
    println!(
        "  peak RSS {:>6.1} MB with {total_mb} MB of files, in {:.1} s → {:.1} MB above the baseline (target < 100 MB)",
        peak as f64 / 1048576.0,
        elapsed.as_secs_f64(),
        above as f64 / 1048576.0
    );
    Ok(())
}
