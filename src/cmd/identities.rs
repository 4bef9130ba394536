//! Identities found along the way (`case open --expand-identities`, `case review
//! --accept-identity / --decline-identity / --expand-identities`): what the subject's own
//! records hold beside the identities the case was opened with is listed, and once a person
//! accepts one, every tenant of the case searches with it. Nothing is searched with an
//! identity nobody accepted.

use std::collections::BTreeMap;

use anyhow::{Context as _, Result, bail};
use dsr::case::{Case, CaseStore};
use dsr::config::Config;
use dsr::index::locate::Locator;
use dsr::matching::identity::{self, Identity, IdentityKind};
use dsr::matching::matcher::Confidence;
use dsr::matching::related::Found;

use super::unreadable::{self, Listed};
use super::{Context, sanitize};

/// How many times `--expand-identities` searches again with what the last search found.
/// Each round follows only high matches, but a chain of records can still drift from one
/// person to another: a script that needs more rounds needs a person instead.
const MAX_ROUNDS: usize = 3;

/// What to do with the identities found along the way.
pub enum Choice {
    /// The identities a person named, as `KIND:VALUE`.
    Named {
        accept: Vec<String>,
        decline: Vec<String>,
    },
    /// Every one found, and what searching with them finds, up to [`MAX_ROUNDS`].
    All,
}

/// The case under `id` in tenant `name` and in every other tenant of its request, each
/// with its store: a request across systems changes in all of them or in none.
pub fn held(
    ctx: &Context,
    name: &str,
    case: Case,
    store: CaseStore,
) -> Result<Vec<(Case, CaseStore)>> {
    let id = case.id.clone();
    let mut held = vec![(case, store)];
    for other in held[0].0.tenants.clone() {
        if other == name {
            continue;
        }
        let store = CaseStore::new(&other, &ctx.tenant_files(&other).dir);
        match store.load(&id) {
            Ok(case) => held.push((case, store)),
            // A tenant removed since keeps no part of the request.
            Err(dsr::case::CaseError::NotFound { .. }) => {}
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("case {id} of tenant '{other}' cannot be read"));
            }
        }
    }
    Ok(held)
}

/// Every identity proposed by any tenant of the case, by key, with where it was found
/// (`tenant: asset`).
fn proposals(held: &[(Case, CaseStore)]) -> BTreeMap<String, (Found, Vec<String>)> {
    let mut all: BTreeMap<String, (Found, Vec<String>)> = BTreeMap::new();
    for (case, _) in held {
        for p in case.proposals() {
            let entry = all
                .entry(p.found.key.clone())
                .or_insert_with(|| (p.found.clone(), Vec::new()));
            entry
                .1
                .extend(p.assets.iter().map(|a| format!("{}: {a}", case.tenant)));
        }
    }
    all
}

/// How many identities found along the way are announced after a search; `case show`
/// lists them all. A subject found in hundreds of client rows, each with the client's own
/// number, would otherwise bury the search's answer.
const ANNOUNCED: usize = 5;

/// Tells the person what else was found and how to accept it.
pub fn note(ctx: &Context, held: &[(Case, CaseStore)]) {
    let Some((first, _)) = held.first() else {
        return;
    };
    let all = proposals(held);
    if all.len() > ANNOUNCED {
        ctx.note(&format!(
            "Also found: {} identities beside hers in her records; the first {ANNOUNCED} follow, `dsr case show {} --tenant NAME` lists each system's.",
            all.len(),
            first.id
        ));
    }
    for (found, places) in all.into_values().take(ANNOUNCED) {
        let more = match places.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        ctx.note(&format!(
            "Also found: {} (in {}{more}). If it is the subject's: dsr case review {} --tenant {} --accept-identity {}",
            sanitize(&found.identity.to_string()),
            sanitize(&places[0]),
            first.id,
            first.tenant,
            shell_word(&found.identity.to_string())
        ));
    }
}

/// `text` quoted for a POSIX shell where it needs it, so the printed command runs as is.
fn shell_word(text: &str) -> String {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "@._+-:/".contains(c));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// `KIND:VALUE` as a person writes an identity found along the way.
fn parse(flag: &str, position: usize, text: &str) -> Result<Identity> {
    let (kind, value) = text.split_once(':').unwrap_or(("", text));
    let kind = match kind.trim() {
        "email" => IdentityKind::Email,
        "name" => IdentityKind::Name,
        "phone" => IdentityKind::Phone,
        "login" => IdentityKind::Login,
        _ => bail!(
            "{flag} #{position} is not KIND:VALUE: write it as `dsr case show` lists it, e.g. login:jdoe (kinds: email, name, phone, login)"
        ),
    };
    Ok(Identity::new(kind, value.trim()))
}

/// Accepts and declines identities in every case of `held`, then searches each tenant
/// again with the accepted ones. Returns the number of identities accepted. Nothing is
/// changed when a named identity is not among those found.
pub fn settle(
    ctx: &Context,
    config: &Config,
    held: &mut [(Case, CaseStore)],
    choice: Choice,
) -> Result<usize> {
    let Some(first) = held.first().map(|(c, _)| c.clone()) else {
        return Ok(0);
    };
    let (_, profile) = config.select(Some(&first.tenant))?;
    let region = profile.settings()?.region;
    let operator = ctx.operator(Some(profile));
    let now = dsr::time::now();
    let mut accepted = 0;
    let rounds = match choice {
        Choice::All => MAX_ROUNDS,
        Choice::Named { .. } => 1,
    };
    for round in 0..rounds {
        let found = proposals(held);
        let (accept, decline): (Vec<Found>, Vec<Found>) = match &choice {
            Choice::All => (found.into_values().map(|(f, _)| f).collect(), Vec::new()),
            Choice::Named { accept, decline } => (
                named(&found, "--accept-identity", accept, region, &first.id)?,
                named(&found, "--decline-identity", decline, region, &first.id)?,
            ),
        };
        if accept.is_empty() && decline.is_empty() {
            break;
        }
        for (case, _) in held.iter_mut() {
            for f in &accept {
                case.accept(f, &now, &operator);
            }
            for f in &decline {
                case.decline(f, &now, &operator);
            }
        }
        accepted += accept.len();
        if !accept.is_empty() {
            let kinds: Vec<&str> = accept.iter().map(|f| f.identity.kind.as_str()).collect();
            ctx.note(&format!(
                "Case {}: accepted {} identity(ies) found along the way ({}){}; searching again.",
                first.id,
                accept.len(),
                kinds.join(", "),
                if round > 0 {
                    " in what the last search found"
                } else {
                    ""
                }
            ));
        }
        search_again(ctx, config, held, accept.len() as u64)?;
        if accept.is_empty() {
            break;
        }
    }
    Ok(accepted)
}

/// The proposals the identities of `given` name; an identity not among them is refused
/// by position, never by value (errors end up in logs).
fn named(
    found: &BTreeMap<String, (Found, Vec<String>)>,
    flag: &str,
    given: &[String],
    region: Option<dsr::matching::country::Id>,
    case: &str,
) -> Result<Vec<Found>> {
    let mut chosen = Vec::new();
    for (i, text) in given.iter().enumerate() {
        let identity = parse(flag, i + 1, text)?;
        let key = identity::probes(std::slice::from_ref(&identity), region)
            .ok()
            .and_then(|p| p.first().map(|p| p.key()));
        match key.and_then(|k| found.get(&k)) {
            Some((f, _)) => chosen.push(f.clone()),
            None => bail!(
                "{flag} #{} ({}) is not among the identities found along the way for case {case}: `dsr case show {case}` lists them",
                i + 1,
                identity.kind.as_str()
            ),
        }
    }
    Ok(chosen)
}

/// Searches every tenant of the case with its identities as they now are, keeping each
/// tenant's review decisions, and saves each case.
fn search_again(
    ctx: &Context,
    config: &Config,
    held: &mut [(Case, CaseStore)],
    accepted: u64,
) -> Result<()> {
    for (case, store) in held.iter_mut() {
        let tenant = case.tenant.clone();
        let (_, profile) = config.select(Some(&tenant))?;
        let files = ctx.tenant_files(&tenant);
        if accepted > 0 {
            match Locator::open(&files, profile.settings()?) {
                Ok(locator) => {
                    let hits = locator.find_with_proposals(&case.identities, Confidence::Low)?;
                    case.set_matches(&hits);
                    ctx.note(&format!("  {tenant}: {}", super::locate::tally(&hits)));
                    let ids: Vec<String> = locator.unreadable().iter().cloned().collect();
                    unreadable::note(ctx, &ids, Listed::ByCase(Some(&case.id)));
                }
                Err(dsr::index::locate::LocateError::Index(dsr::index::IndexError::NotSynced)) => {
                    ctx.note(&format!(
                        "  {tenant}: not indexed yet: run `dsr sync --tenant {tenant}`, then `dsr case review {} --tenant {tenant}`.",
                        case.id
                    ));
                }
                Err(e) => {
                    return Err(e).with_context(|| {
                        format!(
                            "case {} cannot be searched again in tenant '{tenant}'",
                            case.id
                        )
                    });
                }
            }
        }
        store.save(case)?;
        super::record::audit(
            ctx,
            &tenant,
            profile,
            case,
            "case review",
            &[
                ("identities accepted", accepted),
                ("assets", case.matches.len() as u64),
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_are_written_kind_colon_value_and_quoted_for_the_shell() {
        let id =
            parse("--accept-identity", 1, "name: Jane O'Doe").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(id, Identity::new(IdentityKind::Name, "Jane O'Doe"));
        assert!(parse("--accept-identity", 2, "jdoe").is_err());
        assert_eq!(shell_word("login:jdoe"), "login:jdoe");
        assert_eq!(shell_word("name:Jane O'Doe"), r"'name:Jane O'\''Doe'");
    }
}
