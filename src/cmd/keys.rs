//! `dsr keys`: make the key that signs receipts, and show it and the keys it replaced as
//! an allowed_signers file for verifiers.

use std::io::Write;

use anyhow::{Context as _, Result};
use dsr::receipt::{history, sign};
use dsr::secret::Secret;

use super::{Context, Outcome};
use crate::cli::{KeysArgs, KeysCommand, KeysGenerateArgs, KeysShowArgs, OutputFormat};

pub fn run(ctx: &Context, args: KeysArgs) -> Result<Outcome> {
    match args.command {
        KeysCommand::Generate(args) => generate(ctx, args),
        KeysCommand::Show(args) => show(ctx, args),
    }
}

fn generate(ctx: &Context, args: KeysGenerateArgs) -> Result<Outcome> {
    // --out, else the key the global --key names (the one later commands sign with), else
    // the data directory's.
    let path = args
        .out
        .or_else(|| ctx.key.clone())
        .unwrap_or_else(|| ctx.default_key_path());
    anyhow::ensure!(
        !args.comment.trim().is_empty() && !args.comment.contains(char::is_whitespace),
        "--comment must be one word without spaces (such as dpo@example.com): it names who holds the key in allowed_signers files"
    );
    let replacing = path.exists();
    let passphrase = match super::key_passphrase_from_env() {
        Some(p) => Some(p),
        None if super::can_prompt(ctx) => {
            let typed = dialoguer::Password::new()
                .with_prompt("Passphrase for the new key (empty for none)")
                .with_confirmation("Repeat it", "The passphrases differ")
                .allow_empty_password(true)
                .interact()
                .context("cannot read the passphrase")?;
            Some(Secret::new(typed)).filter(|p| !p.is_empty())
        }
        None => None,
    };
    let made = sign::generate(&path, &args.comment, passphrase.as_ref(), args.force)?;
    let line = made
        .public_key
        .to_openssh()
        .context("cannot encode the public key")?;
    writeln!(std::io::stdout().lock(), "{line}")?;
    ctx.note(&format!(
        "Wrote the signing key {} ({}) and its public key {}.",
        made.private_path.display(),
        if made.encrypted {
            "protected by a passphrase"
        } else {
            "not protected by a passphrase: set DSR_KEY_PASSPHRASE to make one that is"
        },
        made.public_path.display(),
    ));
    ctx.note(&if replacing {
        format!(
            "The key it replaces stays trusted for the receipts it signed until now, and for nothing later (its history: {}). Give verifiers the new list: dsr keys show > allowed_signers",
            history::path(&made.private_path).display()
        )
    } else {
        "Receipts are signed with it; `dsr keys show > allowed_signers` writes the file ssh-keygen -Y verify checks them with.".to_owned()
    });
    Ok(Outcome::Done)
}

fn show(ctx: &Context, args: KeysShowArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let tenant = ctx.tenant_if_any(&config)?;
    let path = ctx.key_path(tenant.as_ref().map(|(_, p)| p));
    let entries = history::load(&path)?;
    let identity = args.identity.unwrap_or_else(|| sign::PRINCIPAL.to_owned());
    anyhow::ensure!(
        !identity.is_empty() && !identity.contains(char::is_whitespace),
        "the identity must be one word without spaces (such as dpo@example.com)"
    );
    let allowed = history::render(&entries, &identity);
    let current = entries
        .iter()
        .find(|e| e.current)
        .context("the key's history names no current key")?;
    let encode = |key: &ssh_key::PublicKey| key.to_openssh().context("cannot encode a public key");
    let mut out = std::io::stdout().lock();
    match args.output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let rfc3339 =
                |at: Option<time::OffsetDateTime>| at.map(|t| dsr::time::rfc3339(t.into()));
            let keys = entries
                .iter()
                .map(|e| {
                    let key = &e.trusted;
                    Ok(serde_json::json!({
                        "current": e.current,
                        "fingerprint": key.fingerprint(),
                        "public_key": encode(&key.key)?,
                        "valid_after": rfc3339(key.valid_after),
                        "valid_before": rfc3339(key.valid_before),
                        "allowed_signers": key.allowed_signers_line(&identity),
                    }))
                })
                .collect::<Result<Vec<_>>>()?;
            let value = serde_json::json!({
                "key_file": path,
                "history_file": history::path(&path),
                "public_key": encode(&current.trusted.key)?,
                "fingerprint": current.trusted.fingerprint(),
                "identity": identity,
                "allowed_signers": allowed,
                "keys": keys,
            });
            super::output::print_value(&mut out, args.output, &value)?;
        }
        OutputFormat::Table => {
            for line in allowed.lines() {
                writeln!(out, "{}", super::sanitize(line))?;
            }
            ctx.note(&format!(
                "Key {} ({}). This is an allowed_signers file for verifiers (`dsr keys show > allowed_signers`); then:\n\
                 \x20 ssh-keygen -Y verify -f allowed_signers -I {} -n {} -s receipt.json.sig < receipt.json\n\
                 A receipt signed by a replaced key is checked at the time it was signed: add -O verify-time=YYYYMMDDHHMMSSZ (its finished_at, in UTC).",
                super::sanitize(&path.display().to_string()),
                current.trusted.fingerprint(),
                super::sanitize(&identity),
                sign::NAMESPACE,
            ));
        }
    }
    Ok(Outcome::Done)
}
