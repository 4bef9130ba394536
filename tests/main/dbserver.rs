//! Real database servers for the `sql` tests: PostgreSQL, initialised and started once per
//! test process in a temporary folder, listening on a free loopback port and a Unix socket
//! in that folder, with every statement logged to a file there (`log_statement=all`).
//!
//! The server lives as long as the test process: a small shell keeps it, waiting on a pipe
//! whose other end only this process holds, so that however the process ends (a failed
//! assertion, nextest's timeout) the shell reads end-of-file, stops the server and removes
//! the folder. Each test gets a database of its own on it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The superuser the tests and dsr connect as (trusted on loopback and the socket).
pub const USER: &str = "dsr";
/// A role that must give its password (scram-sha-256 on loopback); the tests create it.
pub const PASSWORD_USER: &str = "dsr_password";

/// What a server is started for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setup {
    /// The tests: every statement logged, and no waiting for the disk.
    Test,
    /// A benchmark: as a production server runs, each commit waiting for its disk, and
    /// nothing logged. Only `benches/sql.rs` starts one, so the tests never construct it.
    #[allow(dead_code)]
    Bench,
    /// TLS on, with a certificate for 127.0.0.1 and localhost from a certificate authority
    /// of its own (`ca.crt` in the server's folder); the role `dsr_tls` may connect only
    /// over TLS.
    Tls,
}

/// The role of [`Setup::Tls`] that the server refuses without TLS.
pub const TLS_USER: &str = "dsr_tls";

pub struct Postgres {
    pub port: u16,
    pub dir: PathBuf,
    // Held, never written: its closing at process exit stops the server.
    _keeper: Mutex<ChildStdin>,
}

fn find(program: &str) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(program));
    // Debian keeps the server's binaries out of PATH, under its major version.
    let debian = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path().join("bin").join(program));
    on_path.chain(debian).find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Whether this process runs as root, which the servers refuse to run as.
fn root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The PostgreSQL server of this test process, started on first use. `None`, with the
/// reason printed, when the binaries are missing and this is not CI; in CI that fails.
pub fn postgres() -> Option<&'static Postgres> {
    static SERVER: OnceLock<Option<Postgres>> = OnceLock::new();
    SERVER.get_or_init(|| start_postgres(Setup::Test)).as_ref()
}

/// Starts a PostgreSQL server of its own (see [`postgres`]).
pub fn start_postgres(setup: Setup) -> Option<Postgres> {
    let (Some(initdb), Some(server)) = (find("initdb"), find("postgres")) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "PostgreSQL is missing: install it with `apt-get install postgresql` (.ci/run does)"
        );
        eprintln!("skipped: PostgreSQL (initdb, postgres) is not installed");
        return None;
    };
    let dir = tempfile::Builder::new()
        .prefix("dsr-pg")
        .tempdir()
        .expect("a temp dir")
        .keep();
    // PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
    let run_as = if root() {
        let status = Command::new("chown")
            .args(["postgres:", &dir.display().to_string()])
            .status()
            .expect("chown runs");
        assert!(
            status.success(),
            "the temp dir is given to the postgres user"
        );
        "setpriv --reuid=postgres --regid=postgres --init-groups"
    } else {
        ""
    };
    let port = free_port();
    let settings = match setup {
        Setup::Test => r#"-c fsync=off -c log_statement=all -c "log_line_prefix=%d ""#,
        Setup::Bench => "",
        Setup::Tls => {
            r#"-c fsync=off -c ssl=on -c ssl_cert_file="$1/server.crt" -c ssl_key_file="$1/server.key""#
        }
    };
    // A certificate authority of the test's own, and the server's certificate from it.
    let certificates = if setup == Setup::Tls {
        let owner = if run_as.is_empty() {
            ""
        } else {
            r#"chown postgres: "$1/server.key" "$1/server.crt""#
        };
        format!(
            r#"openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1/ca.key" -out "$1/ca.crt" -days 2 -subj /CN=dsr-test-ca >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -keyout "$1/server.key" -out "$1/server.csr" -subj /CN=localhost >/dev/null 2>&1
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$1/san.ext"
openssl x509 -req -in "$1/server.csr" -CA "$1/ca.crt" -CAkey "$1/ca.key" -CAcreateserial -out "$1/server.crt" -days 2 -extfile "$1/san.ext" >/dev/null 2>&1
chmod 600 "$1/server.key"
{owner}
sed -i '1i hostnossl all {TLS_USER} 127.0.0.1/32 reject' "$1/data/pg_hba.conf""#
        )
    } else {
        String::new()
    };
    let script = format!(
        r#"set -e
{run_as} "{initdb}" -D "$1/data" -U {USER} --auth=trust -E UTF8 --no-sync >"$1/initdb.log" 2>&1
# One role signs in with a password, for the tests of where dsr takes it from.
sed -i '1i host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256' "$1/data/pg_hba.conf"
{certificates}
{run_as} "{server}" -D "$1/data" -p {port} -k "$1" -c listen_addresses=127.0.0.1 \
    {settings} 2>"$1/statements.log" &
server=$!
read -r _ || true
kill -INT "$server"
wait "$server" || true
rm -rf "$1""#,
        initdb = initdb.display(),
        server = server.display(),
    );
    let mut keeper = Command::new("sh")
        .args(["-c", &script, "sh", &dir.display().to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sh starts");
    let stdin = keeper.stdin.take().expect("the keeper's stdin");
    let server = Postgres {
        port,
        dir: dir.clone(),
        _keeper: Mutex::new(stdin),
    };
    let started = Instant::now();
    loop {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() && server.client("postgres").is_ok() {
            break;
        }
        if let Ok(Some(status)) = keeper.try_wait() {
            let log = std::fs::read_to_string(dir.join("initdb.log")).unwrap_or_default();
            let statements =
                std::fs::read_to_string(dir.join("statements.log")).unwrap_or_default();
            panic!("PostgreSQL ended at start ({status}):\n{log}\n{statements}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "PostgreSQL did not start on port {port} within 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(server)
}

impl Postgres {
    /// A client on `database`, as the superuser over loopback.
    pub fn client(&self, database: &str) -> Result<postgres::Client, postgres::Error> {
        postgres::Config::new()
            .host("127.0.0.1")
            .port(self.port)
            .user(USER)
            .dbname(database)
            .connect(postgres::NoTls)
    }

    /// A new, empty database of its own for one test, and its name.
    pub fn database(&self) -> String {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("t{}", NEXT.fetch_add(1, Ordering::Relaxed));
        self.client("postgres")
            .expect("a connection")
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("a new database");
        name
    }

    /// The statements the server logged for `database` so far, each with the parameters
    /// it was executed with (`$1 = '42', …`), in order.
    pub fn statements(&self, database: &str) -> Vec<(String, String)> {
        let log = std::fs::read_to_string(self.dir.join("statements.log")).expect("the log");
        let mut found: Vec<(String, String)> = Vec::new();
        let mut ours = false;
        let prefix = format!("{database} ");
        for line in log.lines() {
            let Some(rest) = line.strip_prefix(&prefix) else {
                // A statement continues on lines without the prefix; another database's
                // lines begin with its own name.
                if ours && !line.contains("LOG:") && !line.contains("DETAIL:") {
                    if let Some(last) = found.last_mut() {
                        last.0.push('\n');
                        last.0.push_str(line);
                    }
                    continue;
                }
                ours = false;
                continue;
            };
            ours = true;
            if let Some(statement) = rest.split_once("LOG:  execute ").map(|(_, s)| s) {
                let statement = statement.split_once(": ").map_or(statement, |(_, s)| s);
                found.push((statement.to_owned(), String::new()));
            } else if let Some(statement) = rest.split_once("LOG:  statement: ").map(|(_, s)| s) {
                found.push((statement.to_owned(), String::new()));
            } else if let Some(parameters) = rest.split_once("DETAIL:  parameters: ") {
                if let Some(last) = found.last_mut() {
                    last.1 = parameters.1.to_owned();
                }
            } else {
                ours = false;
            }
        }
        found
    }
}

/// The MariaDB server of this test process, started as [`postgres`] is: on first use, in a
/// temporary folder, every statement logged (`general_log`), stopped when the process ends.
pub struct Mariadb {
    pub port: u16,
    pub dir: PathBuf,
    _keeper: Mutex<ChildStdin>,
}

pub fn mariadb() -> Option<&'static Mariadb> {
    static SERVER: OnceLock<Option<Mariadb>> = OnceLock::new();
    SERVER.get_or_init(|| start_mariadb(Setup::Test)).as_ref()
}

fn find_mariadb(program: &str) -> Option<PathBuf> {
    // Debian puts the server in /usr/sbin, which a user's PATH may lack.
    find(program).or_else(|| {
        [Path::new("/usr/sbin"), Path::new("/usr/bin")]
            .iter()
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// Starts a MariaDB server of its own (see [`mariadb`]).
pub fn start_mariadb(setup: Setup) -> Option<Mariadb> {
    let (Some(install), Some(server)) =
        (find_mariadb("mariadb-install-db"), find_mariadb("mariadbd"))
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "MariaDB is missing: install it with `apt-get install mariadb-server` (.ci/run does)"
        );
        eprintln!("skipped: MariaDB (mariadb-install-db, mariadbd) is not installed");
        return None;
    };
    let dir = tempfile::Builder::new()
        .prefix("dsr-mariadb")
        .tempdir()
        .expect("a temp dir")
        .keep();
    // mariadbd runs as root only when told to.
    let user = if root() { "--user=root" } else { "" };
    let port = free_port();
    let settings = match setup {
        // A MariaDB server with TLS is not set up: its TLS is the driver's own, and the
        // PostgreSQL test checks dsr's part of it.
        Setup::Test | Setup::Tls => {
            r#"--innodb-buffer-pool-size=32M --innodb-flush-log-at-trx-commit=0 \
    --general-log=1 --general-log-file="$1/general.log""#
        }
        // The benchmark loads its million rows as one script.
        Setup::Bench => "--innodb-buffer-pool-size=256M --max-allowed-packet=1G",
    };
    let script = format!(
        r#"set -e
# The bootstrap's temporary tables go where TMPDIR says, its own folder: in the shared /tmp,
# servers starting side by side by several test processes failed to delete them.
TMPDIR="$1" "{install}" --no-defaults --datadir="$1/data" --auth-root-authentication-method=normal \
    --skip-test-db {user} >"$1/install.log" 2>&1
"{server}" --no-defaults --datadir="$1/data" --port={port} --bind-address=127.0.0.1 \
    --socket="$1/mysqld.sock" --pid-file="$1/mysqld.pid" --tmpdir="$1" {user} \
    --skip-name-resolve \
    --skip-log-bin {settings} --log-error="$1/error.log" &
server=$!
read -r _ || true
kill -TERM "$server"
wait "$server" || true
rm -rf "$1""#,
        install = install.display(),
        server = server.display(),
    );
    let mut keeper = Command::new("sh")
        .args(["-c", &script, "sh", &dir.display().to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("sh starts");
    let stdin = keeper.stdin.take().expect("the keeper's stdin");
    let server = Mariadb {
        port,
        dir: dir.clone(),
        _keeper: Mutex::new(stdin),
    };
    let socket = dir.join("mysqld.sock");
    let started = Instant::now();
    let mut root = loop {
        let opts = mysql::OptsBuilder::new()
            .socket(Some(socket.display().to_string()))
            .user(Some("root"));
        if socket.exists()
            && let Ok(conn) = mysql::Conn::new(opts)
        {
            break conn;
        }
        if let Ok(Some(status)) = keeper.try_wait() {
            let log = std::fs::read_to_string(dir.join("install.log")).unwrap_or_default();
            let errors = std::fs::read_to_string(dir.join("error.log")).unwrap_or_default();
            panic!("MariaDB ended at start ({status}):\n{log}\n{errors}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "MariaDB did not start on port {port} within 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    use mysql::prelude::Queryable as _;
    root.query_drop(format!(
        "CREATE USER '{USER}'@'%'; GRANT ALL PRIVILEGES ON *.* TO '{USER}'@'%' WITH GRANT OPTION;
         CREATE USER '{PASSWORD_USER}'@'%' IDENTIFIED BY 'correct horse';
         GRANT ALL PRIVILEGES ON *.* TO '{PASSWORD_USER}'@'%';"
    ))
    .expect("the test users");
    Some(server)
}

impl Mariadb {
    /// A client on `database` (none: the server), as the test superuser over loopback, in
    /// the quoting dsr uses (`ANSI_QUOTES`).
    pub fn client(&self, database: Option<&str>) -> mysql::Conn {
        let opts = mysql::OptsBuilder::new()
            .ip_or_hostname(Some("127.0.0.1"))
            .tcp_port(self.port)
            .prefer_socket(false)
            .user(Some(USER))
            .db_name(database)
            .init(vec!["SET SESSION sql_mode = 'ANSI_QUOTES'"]);
        mysql::Conn::new(opts).expect("a connection")
    }

    /// A new, empty database of its own for one test, and its name.
    pub fn database(&self) -> String {
        use mysql::prelude::Queryable as _;
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("t{}", NEXT.fetch_add(1, Ordering::Relaxed));
        self.client(None)
            .query_drop(format!("CREATE DATABASE {name}"))
            .expect("a new database");
        name
    }

    /// The statements executed on `database` so far, as the general log shows them
    /// (values in place of the placeholders), in order. A statement is tied to its database
    /// by its connection: the log names the database each connection was opened on, and
    /// dsr opens each on the URL's database. The other tests' statements on the same server
    /// (under `cargo test`, every test of the process shares it) are left out.
    pub fn statements(&self, database: &str) -> Vec<String> {
        let log = std::fs::read_to_string(self.dir.join("general.log")).expect("the log");
        let mut ours = std::collections::BTreeSet::new();
        let mut found = Vec::new();
        for line in log.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            // The first line of each second starts with its time (`261207  7:05:12`),
            // which is no `id command`: a command is words.
            let Some((at, id, command)) = fields.iter().enumerate().find_map(|(i, f)| {
                let (id, command) = f.trim().split_once(' ')?;
                let command = command.trim();
                if !command.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
                    return None;
                }
                id.parse::<u64>().ok().map(|id| (i, id, command))
            }) else {
                continue;
            };
            let rest = fields[at + 1..].join("\t");
            match command {
                // `dsr@127.0.0.1 on t3 using TCP/IP`
                "Connect" => {
                    if rest.split_whitespace().skip_while(|w| *w != "on").nth(1) == Some(database) {
                        ours.insert(id);
                    } else {
                        ours.remove(&id);
                    }
                }
                // `USE t3`
                "Init DB" => {
                    if rest.trim() == database {
                        ours.insert(id);
                    } else {
                        ours.remove(&id);
                    }
                }
                "Execute" | "Query" if ours.contains(&id) => found.push(rest),
                _ => {}
            }
        }
        found
    }
}
