//! A request to stop a long run (Ctrl-C, SIGTERM). Runs that change a tenant check it
//! between steps: a step already begun is finished and journaled, none is begun after, so
//! the journal is whole and `--resume` goes on from there.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Shared between whatever raises the request (a signal handler) and the runs that heed it.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicUsize>);

/// The run stopped because it was asked to; its journal says where.
#[derive(Debug, thiserror::Error)]
#[error("interrupted by {}", signal_name(*.signal))]
pub struct Interrupted {
    /// The signal's number (2 for SIGINT, 15 for SIGTERM).
    pub signal: i32,
}

fn signal_name(signal: i32) -> &'static str {
    match signal {
        2 => "SIGINT (Ctrl-C)",
        15 => "SIGTERM",
        _ => "a signal",
    }
}

/// The signal a run that gives up on itself ([`Stop::give_up`]) stops as: SIGTERM.
const GIVE_UP: i32 = 15;

impl Stop {
    pub fn new() -> Stop {
        Stop::default()
    }

    /// The flag itself, for a signal handler to set to the signal's number.
    pub fn flag(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.0)
    }

    /// Asks the runs to stop, as the signal `signal` would.
    pub fn request(&self, signal: i32) {
        self.0.store(signal.max(1) as usize, Ordering::SeqCst);
    }

    /// Asks the runs to stop because the run itself cannot go on (a bulk run whose batch
    /// journal cannot be written could not tell, resumed, which subjects are finished). It
    /// is heeded as SIGTERM is, so the steps under way finish and are journaled and none
    /// begins; the run then reports its failure rather than the stop.
    pub fn give_up(&self) {
        self.request(GIVE_UP);
    }

    /// The signal that asked to stop, if one did.
    pub fn requested(&self) -> Option<i32> {
        match self.0.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n as i32),
        }
    }

    /// `Err(Interrupted)` once a stop was asked for.
    pub fn check(&self) -> Result<(), Interrupted> {
        match self.requested() {
            None => Ok(()),
            Some(signal) => Err(Interrupted { signal }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_seen_by_every_clone() {
        let stop = Stop::new();
        let other = stop.clone();
        assert!(other.check().is_ok());
        stop.request(15);
        assert_eq!(other.requested(), Some(15));
        assert_eq!(other.check().expect_err("stopped").signal, 15);
    }

    #[test]
    fn giving_up_stops_as_sigterm_does() {
        let stop = Stop::new();
        stop.give_up();
        assert_eq!(stop.requested(), Some(15));
    }
}
