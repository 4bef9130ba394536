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
    let mut cmd = Cli::command();
    cmd.build();
    write_pages(dir, &cmd, "dsr")
}

fn write_pages(dir: &Path, cmd: &clap::Command, name: &str) -> Result<()> {
    let cmd = cmd
        .clone()
        .name(name.to_owned())
        .bin_name(name.replace('-', " "));
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut page)?;
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

fn write_completions(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        clap_complete::generate_to(shell, &mut Cli::command(), "dsr", dir)
            .with_context(|| format!("cannot write the {shell} completion"))?;
    }
    Ok(())
}

pub fn tenant(ctx: &Context, args: GenerateTenantArgs) -> Result<Outcome> {
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
