//! `dsr erase CASE --group NAME` (or `--all-tenants`), and `dsr erase --from LIST --group
//! NAME`: the erasure of a request, or of a list's requests, across systems (see
//! [`super::across`]).

use anyhow::{Result, bail};

use super::across::{self, Request};
use super::engine::Options;
use super::erase::Erasure;
use super::{Context, Outcome};
use crate::cli::EraseArgs;

pub fn run(ctx: &Context, args: &EraseArgs) -> Result<Outcome> {
    if args.replay_tombstones {
        bail!("--replay-tombstones works on one tenant: pass --tenant NAME");
    }
    if args.from.is_none() && args.case.is_none() {
        bail!("name the case to erase: dsr erase CASE --group NAME (or --from FILE for a list)");
    }
    let request = Request {
        options: Options {
            dry_run: args.dry_run,
            yes: args.yes,
            resume: args.resume,
            output: args.output,
            verified_by: args.verified_by.clone(),
        },
        jobs: args.jobs.into(),
        case: args.case.as_deref(),
        from: args.from.as_deref(),
    };
    across::run(
        ctx,
        &request,
        |_| Ok(Erasure { args }),
        |_, _| Ok(()),
        |from, engines| super::erase_list_across::run(ctx, args, &request.options, from, engines),
    )
}
