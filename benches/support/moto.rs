//! moto's S3 server (`moto_server` on the PATH) for the benchmarks: started on a free
//! loopback port, stopped when dropped, with a bucket made and a folder uploaded into it.

use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// What the benchmarks give dsr and the server (moto accepts any credentials).
pub const ENV: [(&str, &str); 3] = [
    ("AWS_ACCESS_KEY_ID", "dsr-bench"),
    ("AWS_SECRET_ACCESS_KEY", "dsr-bench-secret"),
    ("AWS_REGION", "us-east-1"),
];

/// A running `moto_server`.
pub struct Moto {
    child: Child,
    /// `http://127.0.0.1:port`.
    pub endpoint: String,
    client: reqwest::blocking::Client,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Moto {
    /// Starts the server with `dir` as its working folder and waits until it listens.
    pub fn start(dir: &Path) -> Result<Moto> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let child = Command::new("moto_server")
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("moto_server starts (pip install 'moto[server]')")?;
        let moto = Moto {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            // Files of tens of megabytes go up in one request each: no time limit.
            client: reqwest::blocking::Client::builder().timeout(None).build()?,
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(30) {
                bail!("moto_server did not listen on {port} within 30 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(moto)
    }

    /// Makes the bucket `bucket`.
    pub fn create_bucket(&self, bucket: &str) -> Result<()> {
        self.client
            .put(format!("{}/{bucket}", self.endpoint))
            .send()?
            .error_for_status()?;
        Ok(())
    }

    /// Puts every file under `root` in `bucket` under `prefix` and its relative path, on 8
    /// threads; answers how many.
    pub fn upload(&self, root: &Path, bucket: &str, prefix: &str) -> Result<usize> {
        let mut files = Vec::new();
        let mut folders = vec![root.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder)? {
                let path = entry?.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| -> Result<()> {
            let workers: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| -> Result<()> {
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(path) = files.get(i) else {
                                return Ok(());
                            };
                            let key = path.strip_prefix(root)?.to_string_lossy().into_owned();
                            self.client
                                .put(format!("{}/{bucket}/{prefix}{key}", self.endpoint))
                                .body(std::fs::File::open(path)?)
                                .send()?
                                .error_for_status()?;
                        }
                    })
                })
                .collect();
            for worker in workers {
                worker
                    .join()
                    .map_err(|_| anyhow::anyhow!("an upload thread panicked"))??;
            }
            Ok(())
        })?;
        Ok(files.len())
    }
}
