//! The hidden `dsr generate` commands: man pages and completions from the clap definition,
//! and the sample or synthetic tenants.

use std::path::Path;

use anyhow::{Context as _, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use super::{Context, Outcome};
use crate::cli::{Cli, GenerateArgs, GenerateTenantArgs};

pub fn run(args: GenerateArgs) -> Result<Outcome> {
    write_man(&args.root.join("man"))?;
    write_completions(&args.root.join("completions"))?;
    Ok(Outcome::Done)
}

/// One page per command: dsr.1, dsr-tenant.1, dsr-tenant-add.1, …
fn write_man(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // No `help` subcommand: it would be listed as a page, dsr-help(1), that does not exist.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    write_pages(dir, &cmd, "dsr")
}

fn write_pages(dir: &Path, cmd: &clap::Command, name: &str) -> Result<()> {
    let cmd = cmd
        .clone()
        .name(name.to_owned())
        .bin_name(name.replace('-', " "));
    let page = render_page(&cmd)?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        write_pages(dir, sub, &format!("{name}-{}", sub.get_name()))?;
    }
    Ok(())
}

/// clap_mangen's whole page, except that the text after the options is set as written
/// (roff would run its lines together): the exit status as a list, examples line by line.
fn render_page(cmd: &clap::Command) -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut page)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut page)?;
    }
    if let Some(after) = cmd.get_after_long_help().or(cmd.get_after_help()) {
        page.extend_from_slice(after_help_roff(&after.to_string()).as_bytes());
    }
    if cmd.get_version().is_some() {
        man.render_version_section(&mut page)?;
    }
    Ok(page)
}

/// The text shown after a command's options, in roff: `Exit status:` becomes an EXIT STATUS
/// section with one tagged paragraph per status, `Example(s):` an EXAMPLES section, anything
/// else an EXTRA section; lines are kept as written.
fn after_help_roff(text: &str) -> String {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let mut roff = String::new();
    if first == "Exit status:" {
        roff.push_str(".SH \"EXIT STATUS\"\n");
        let mut in_list = true;
        for line in rest.lines() {
            let trimmed = line.trim_start();
            let code = trimmed.split_once("  ").filter(|(c, _)| {
                line.starts_with("  ") && !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit())
            });
            match code {
                Some((code, said)) if in_list => {
                    roff.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", escape(said.trim())));
                }
                _ if in_list && line.starts_with("   ") => {
                    roff.push_str(&format!("{}\n", escape(trimmed)));
                }
                _ => {
                    if in_list {
                        roff.push_str(".PP\n");
                        in_list = false;
                    }
                    roff.push_str(&format!("{}\n", escape(trimmed)));
                }
            }
        }
        return roff;
    }
    let (heading, body) = if first.starts_with("Example") {
        ("EXAMPLES", rest)
    } else {
        ("EXTRA", text)
    };
    roff.push_str(&format!(".SH {heading}\n.nf\n"));
    for line in body.lines() {
        let line = if heading == "EXAMPLES" {
            line.strip_prefix("  ").unwrap_or(line)
        } else {
            line
        };
        roff.push_str(&format!("{}\n", escape(line)));
    }
    roff.push_str(".fi\n");
    roff
}

/// Escapes text for roff: backslashes and hyphens, and a leading dot or quote that would
/// read as a request.
fn escape(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The command line as completions offer it: without the hidden maintainer commands, which
/// clap_complete would otherwise list.
fn completion_command() -> clap::Command {
    let full = Cli::command();
    let mut cmd = clap::Command::new(full.get_name().to_owned())
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
    if let Some(version) = full.get_version() {
        cmd = cmd.version(version.to_owned());
    }
    if let Some(about) = full.get_about() {
        cmd = cmd.about(about.clone());
    }
    cmd
}

fn write_completions(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        clap_complete::generate_to(shell, &mut completion_command(), "dsr", dir)
            .with_context(|| format!("cannot write the {shell} completion"))?;
    }
    Ok(())
}

pub fn tenant(ctx: &Context, args: GenerateTenantArgs) -> Result<Outcome> {
    if args.sql {
        return sql_tenant(ctx, &args);
    }
    let written = match args.assets {
        Some(n) => dsr::sample::write_synthetic_tenant(&args.out, n, args.seed),
        None => dsr::sample::write_sample_tenant(&args.out),
    }
    .with_context(|| format!("cannot write a tenant into {}", args.out.display()))?;
    ctx.note(&format!(
        "Wrote {} assets in {} archives to {}",
        written.assets,
        written.archives,
        args.out.display()
    ));
    Ok(Outcome::Done)
}

/// The quoting service sample with `--assets` rows, as SQL and its dataset file.
fn sql_tenant(ctx: &Context, args: &GenerateTenantArgs) -> Result<Outcome> {
    use dsr::platform::sql::sample;
    let rows = args.assets.unwrap_or_default() as u64;
    let written = sample::write_quoting(&args.out, rows, args.seed)
        .with_context(|| format!("cannot write a database into {}", args.out.display()))?;
    ctx.note(&format!(
        "Wrote {} rows in {} accounts ({} of them Jane Doe's, in account 1) to {}: load {} into the database and add it with --dataset {} --scope account_id=1",
        written.rows,
        written.accounts,
        written.subject_rows,
        args.out.display(),
        sample::SCRIPT_FILE,
        sample::DATASET_FILE
    ));
    Ok(Outcome::Done)
}
