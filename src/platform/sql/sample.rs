//! A synthetic copy of the quoting service sample (`examples/sql/quoting.sql`) with as
//! many rows as a benchmark asks for, written as the same portable SQL (SQLite,
//! PostgreSQL, MariaDB/MySQL) beside its dataset file. The schema and the dataset are the
//! sample's own, embedded, so the two never drift apart.
//!
//! Rows come in units of six (a client, its contact, a quote, two quote lines, a log
//! entry) spread over the accounts, plus five users per account. Jane Doe
//! (`jane.doe@example.com`) is the contact of up to 200 clients of account 1: a subject
//! with up to 1,000 rows across five tables, the size the erasure benchmark times.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// The quoting sample's script; its schema is everything before the first INSERT.
const SCRIPT: &str = include_str!("../../../examples/sql/quoting.sql");
/// The quoting sample's dataset file.
pub const DATASET: &str = include_str!("../../../examples/sql/quoting.toml");

/// The names the files are written under.
pub const SCRIPT_FILE: &str = "quoting.sql";
pub const DATASET_FILE: &str = "quoting.toml";

/// Rows per INSERT statement: few statements to parse, each well under any server's
/// packet limit.
const BATCH: usize = 500;

const FIRST: [&str; 12] = [
    "Kari", "Per", "Ola", "Ingrid", "Lars", "Anna", "Jonas", "Sofie", "Emil", "Nora", "Aksel",
    "Maja",
];
const LAST: [&str; 10] = [
    "Hansen", "Olsen", "Berg", "Lie", "Dahl", "Moen", "Strand", "Haugen", "Bakke", "Lund",
];

/// What was written.
#[derive(Debug, Clone, Copy)]
pub struct Generated {
    pub rows: u64,
    pub accounts: u64,
    /// Rows that hold Jane Doe.
    pub subject_rows: u64,
}

/// Writes `quoting.sql` (schema and about `rows` rows) and `quoting.toml` into `dir`,
/// which must be empty or absent. The same `seed` writes the same rows.
pub fn write_quoting(dir: &Path, rows: u64, seed: u64) -> io::Result<Generated> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is not empty", dir.display()),
        ));
    }
    fs::create_dir_all(dir)?;
    fs::write(dir.join(DATASET_FILE), DATASET)?;
    let mut out = BufWriter::new(fs::File::create(dir.join(SCRIPT_FILE))?);
    let generated = write_script(&mut out, rows, seed)?;
    out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    Ok(generated)
}

/// A small deterministic generator (SplitMix64): the same seed, the same rows.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// A time `i` seconds into 2025, as every database reads a TIMESTAMP literal (months of
/// 28 days, so every date exists).
fn time(i: u64) -> String {
    let i = i % (12 * 28 * 86_400);
    format!(
        "2025-{:02}-{:02} {:02}:{:02}:{:02}",
        1 + i / (28 * 86_400),
        1 + (i / 86_400) % 28,
        (i / 3600) % 24,
        (i / 60) % 60,
        i % 60
    )
}

/// INSERTs in batches of [`BATCH`] rows.
struct Inserts<'w, W: Write> {
    out: &'w mut W,
    table: &'static str,
    pending: Vec<String>,
    written: u64,
}

impl<'w, W: Write> Inserts<'w, W> {
    fn new(out: &'w mut W, table: &'static str) -> Self {
        Inserts {
            out,
            table,
            pending: Vec::with_capacity(BATCH),
            written: 0,
        }
    }

    fn row(&mut self, values: String) -> io::Result<()> {
        self.pending.push(values);
        if self.pending.len() == BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            writeln!(
                self.out,
                "INSERT INTO {} VALUES\n    {};",
                self.table,
                self.pending.join(",\n    ")
            )?;
            self.written += self.pending.len() as u64;
            self.pending.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<u64> {
        self.flush()?;
        Ok(self.written)
    }
}

fn write_script(out: &mut impl Write, rows: u64, seed: u64) -> io::Result<Generated> {
    let schema = SCRIPT
        .split_once("\nINSERT INTO")
        .map_or(SCRIPT, |(schema, _)| schema);
    writeln!(out, "{}", schema.trim_end())?;
    // One transaction for the rows: SQLite writes them in seconds instead of hours, and
    // the servers commit once.
    writeln!(out, "\nBEGIN;")?;
    const USERS_PER_ACCOUNT: u64 = 5;
    let accounts = (rows / 10_000).max(2);
    let units = rows.saturating_sub(accounts * (1 + USERS_PER_ACCOUNT)) / 6;
    let jane_units = (units / 10).min(200);
    let mut mix = Mix(seed);
    let mut total = 0;

    let mut table = Inserts::new(out, "accounts");
    for a in 1..=accounts {
        table.row(format!("({a}, 'Company {a} AS')"))?;
    }
    total += table.finish()?;

    let mut table = Inserts::new(out, "users");
    for a in 1..=accounts {
        for u in 0..USERS_PER_ACCOUNT {
            let id = (a - 1) * USERS_PER_ACCOUNT + u + 1;
            let (first, last) = (mix.pick(&FIRST), mix.pick(&LAST));
            table.row(format!(
                "({id}, {a}, 'user{id}', '{}.{}.{id}@company{a}.example', '{first} {last}', '{}')",
                first.to_lowercase(),
                last.to_lowercase(),
                time(id)
            ))?;
        }
    }
    total += table.finish()?;

    // A unit's account: Jane's units are account 1's, the others go round.
    let account = |i: u64| if i < jane_units { 1 } else { 1 + i % accounts };
    let owner = |i: u64| (account(i) - 1) * USERS_PER_ACCOUNT + 1 + i % USERS_PER_ACCOUNT;
    let person = |i: u64, mix: &mut Mix| -> (String, String) {
        if i < jane_units {
            return ("Jane Doe".to_owned(), "jane.doe@example.com".to_owned());
        }
        let (first, last) = (mix.pick(&FIRST), mix.pick(&LAST));
        (
            format!("{first} {last}"),
            format!(
                "{}.{}.{i}@example.com",
                first.to_lowercase(),
                last.to_lowercase()
            ),
        )
    };

    let mut table = Inserts::new(out, "clients");
    for i in 0..units {
        let id = i + 1;
        let email = if i < jane_units {
            "'jane.doe@example.com'".to_owned()
        } else {
            format!("'post{id}@client.example'")
        };
        table.row(format!(
            "({id}, {}, 'Client {id}', {email}, '+47{:08}', '{}')",
            account(i),
            40_000_000 + i % 60_000_000,
            time(i * 60)
        ))?;
    }
    total += table.finish()?;

    let mut table = Inserts::new(out, "contacts");
    for i in 0..units {
        let id = i + 1;
        let (name, email) = person(i, &mut mix);
        table.row(format!(
            "({id}, {}, {id}, '{name}', '{email}', NULL, '{}')",
            account(i),
            time(i * 60)
        ))?;
    }
    total += table.finish()?;

    // The quote, its lines and its log entry name the unit's contact.
    let contact_name = |i: u64, mix: &mut Mix| -> String {
        if i < jane_units {
            "Jane Doe".to_owned()
        } else {
            format!("{} {}", mix.pick(&FIRST), mix.pick(&LAST))
        }
    };
    let mut table = Inserts::new(out, "quotes");
    for i in 0..units {
        let id = i + 1;
        let name = contact_name(i, &mut mix);
        table.row(format!(
            "({id}, {}, {id}, {}, 'Quote {id}', '{name}', 'Call {name} about quote {id}.', '{}')",
            account(i),
            owner(i),
            time(i * 60)
        ))?;
    }
    total += table.finish()?;

    let mut table = Inserts::new(out, "quote_lines");
    for i in 0..units {
        let id = i + 1;
        let name = contact_name(i, &mut mix);
        let a = account(i);
        let at = time(i * 60);
        table.row(format!(
            "({id}, 1, {a}, 'Prints for {name}', {}, '{at}')",
            1000 + i % 90_000
        ))?;
        table.row(format!("({id}, 2, {a}, 'Design hour', 90000, '{at}')"))?;
    }
    total += table.finish()?;

    let mut table = Inserts::new(out, "activity_log");
    for i in 0..units {
        let id = i + 1;
        let name = contact_name(i, &mut mix);
        table.row(format!(
            "({id}, {}, {}, '{}', 'Quote {id} sent to {name}')",
            account(i),
            owner(i),
            time(i * 60 + 30)
        ))?;
    }
    total += table.finish()?;
    writeln!(out, "COMMIT;")?;
    Ok(Generated {
        rows: total,
        accounts,
        subject_rows: jane_units * 5,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_writes_the_same_rows_and_about_as_many_as_asked() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let first = write_script(&mut a, 5000, 7).expect("written");
        write_script(&mut b, 5000, 7).expect("written");
        assert_eq!(a, b);
        assert!((4900..=5000).contains(&first.rows), "{first:?}");
        let text = String::from_utf8(a).expect("text");
        assert!(text.starts_with("-- A quoting service"));
        assert!(text.contains("CREATE TABLE activity_log"));
        assert!(text.trim_end().ends_with("COMMIT;"));
    }

    #[test]
    fn times_are_valid_dates() {
        assert_eq!(time(0), "2025-01-01 00:00:00");
        assert_eq!(time(28 * 86_400 - 1), "2025-01-28 23:59:59");
        assert_eq!(time(12 * 28 * 86_400 - 1), "2025-12-28 23:59:59");
    }
}

/// Writes the quoting sample itself (`examples/sql/quoting.sql`, as shipped) into a new
/// SQLite database at `db`, and its dataset file at `dataset`: the embedded default that
/// `dsr demo` walks through.
pub fn write_sample_sqlite(db: &Path, dataset: &Path) -> Result<(), SampleError> {
    let connection = rusqlite::Connection::open(db).map_err(SampleError::Database)?;
    connection
        .execute_batch(SCRIPT)
        .map_err(SampleError::Database)?;
    fs::write(dataset, DATASET).map_err(SampleError::Io)
}

/// Why the sample database could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error("cannot write the sample database: {0}")]
    Database(rusqlite::Error),
    #[error("cannot write the sample's dataset file: {0}")]
    Io(io::Error),
}
