//! The `dsr` binary: parse, run, map the outcome to an exit status.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    cmd::init_logging(&cli.global);
    match cmd::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) if cmd::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            if let Some(status) = cmd::interrupted_status(&err) {
                eprintln!("dsr: {}", cmd::error_text(&err));
                return ExitCode::from(status);
            }
            eprintln!("dsr: error: {}", cmd::error_text(&err));
            ExitCode::from(cmd::EXIT_ERROR)
        }
    }
}
