//! `dsr keys`: make the key that signs receipts, and show its public half.

use std::io::Write;

use anyhow::{Context as _, Result};
use dsr::receipt::sign;
use dsr::secret::Secret;
use ssh_key::HashAlg;

use super::{Context, Outcome};
use crate::cli::{KeysArgs, KeysCommand, KeysGenerateArgs, KeysShowArgs, OutputFormat};

pub fn run(ctx: &Context, args: KeysArgs) -> Result<Outcome> {
    match args.command {
        KeysCommand::Generate(args) => generate(ctx, args),
        KeysCommand::Show(args) => show(ctx, args),
    }
}

fn generate(ctx: &Context, args: KeysGenerateArgs) -> Result<Outcome> {
    let path = args.out.unwrap_or_else(|| ctx.default_key_path());
    anyhow::ensure!(
        !args.comment.trim().is_empty() && !args.comment.contains(char::is_whitespace),
        "--comment must be one word without spaces (such as dpo@example.com): it becomes the identity of the allowed_signers line"
    );
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
        "Wrote the signing key {} ({}) and its public key {}.\n\
         Receipts are signed with it; `dsr keys show` prints the allowed_signers line for ssh-keygen -Y verify.",
        made.private_path.display(),
        if made.encrypted {
            "protected by a passphrase"
        } else {
            "not protected by a passphrase: set DSR_KEY_PASSPHRASE to make one that is"
        },
        made.public_path.display(),
    ));
    Ok(Outcome::Done)
}

fn show(ctx: &Context, args: KeysShowArgs) -> Result<Outcome> {
    let config = ctx.load_config()?;
    let tenant = ctx.tenant_if_any(&config)?;
    let path = ctx.key_path(tenant.as_ref().map(|(_, p)| p));
    let key = sign::public_key(&path)?;
    let identity = args
        .identity
        .or_else(|| Some(key.comment().to_owned()).filter(|c| !c.trim().is_empty()))
        .unwrap_or_else(|| "dsr".to_owned());
    anyhow::ensure!(
        !identity.contains(char::is_whitespace),
        "the identity must be one word without spaces (such as dpo@example.com)"
    );
    let public = key.to_openssh().context("cannot encode the public key")?;
    let allowed = sign::allowed_signers_line(&identity, &key);
    let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
    let mut out = std::io::stdout().lock();
    match args.output {
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv => {
            let value = serde_json::json!({
                "key_file": path,
                "public_key": public,
                "fingerprint": fingerprint,
                "identity": identity,
                "allowed_signers": allowed,
            });
            super::output::print_value(&mut out, args.output, &value)?;
        }
        OutputFormat::Table => {
            writeln!(out, "{}", super::sanitize(&public))?;
            writeln!(out, "{}", super::sanitize(&allowed))?;
            ctx.note(&format!(
                "Key {} ({fingerprint}). The second line goes into an allowed_signers file; then:\n\
                 \x20 ssh-keygen -Y verify -f allowed_signers -I {} -n {} -s receipt.json.sig < receipt.json",
                super::sanitize(&path.display().to_string()),
                super::sanitize(&identity),
                sign::NAMESPACE,
            ));
        }
    }
    Ok(Outcome::Done)
}
