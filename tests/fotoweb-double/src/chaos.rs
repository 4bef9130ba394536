//! Seeded misbehaviour: for every request, in arrival order, the same three random draws
//! decide whether its connection is dropped, whether it fails with a 5xx and which one, so a
//! client that sends requests one at a time sees the same failures on every run with the
//! same seed. A fixed one-second window counts requests for the rate limit. Lost answers
//! of delete requests are drawn from a sequence of their own, so turning them on does not
//! change the fates of other requests.

use std::time::{Duration, Instant};

/// What happens to one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Served normally.
    Serve,
    /// The connection is closed without a response.
    Drop,
    /// 429 with `Retry-After: 1`.
    RateLimited,
    /// 500, 502 or 503, before the request can change anything.
    Fail(u16),
}

#[derive(Debug)]
pub struct Chaos {
    rng: fastrand::Rng,
    pub fail_rate: f64,
    pub drop_rate: f64,
    lose_rng: fastrand::Rng,
    pub lose_answer_rate: f64,
    rate_limit: Option<u32>,
    window_start: Option<Instant>,
    window_count: u32,
}

const FAILURES: [u16; 3] = [500, 502, 503];

impl Chaos {
    pub fn new(seed: u64, fail_rate: f64, drop_rate: f64, rate_limit: Option<u32>) -> Chaos {
        Chaos {
            rng: fastrand::Rng::with_seed(seed),
            fail_rate,
            drop_rate,
            lose_rng: fastrand::Rng::with_seed(seed ^ 0x006c_6f73_6573),
            lose_answer_rate: 0.0,
            rate_limit,
            window_start: None,
            window_count: 0,
        }
    }

    /// Decides the fate of the next request.
    pub fn decide(&mut self, now: Instant) -> Fate {
        // Always draw all three, so changing one rate does not shift the others' sequence.
        let drop_roll = self.rng.f64();
        let fail_roll = self.rng.f64();
        let failure = FAILURES[self.rng.usize(..FAILURES.len())];
        if drop_roll < self.drop_rate {
            return Fate::Drop;
        }
        if self.over_rate_limit(now) {
            return Fate::RateLimited;
        }
        if fail_roll < self.fail_rate {
            return Fate::Fail(failure);
        }
        Fate::Serve
    }

    /// Whether the answer to a delete request the double has carried out is lost.
    pub fn lose_answer(&mut self) -> bool {
        self.lose_rng.f64() < self.lose_answer_rate
    }

    fn over_rate_limit(&mut self, now: Instant) -> bool {
        let Some(limit) = self.rate_limit else {
            return false;
        };
        let expired = self
            .window_start
            .is_none_or(|start| now.duration_since(start) >= Duration::from_secs(1));
        if expired {
            self.window_start = Some(now);
            self.window_count = 0;
        }
        self.window_count += 1;
        self.window_count > limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_fates() {
        let now = Instant::now();
        let run = |seed| {
            let mut chaos = Chaos::new(seed, 0.3, 0.1, None);
            (0..200).map(|_| chaos.decide(now)).collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
        assert!(run(7).contains(&Fate::Drop));
        assert!(run(7).iter().any(|f| matches!(f, Fate::Fail(_))));
    }

    #[test]
    fn rate_limit_per_second() {
        let start = Instant::now();
        let mut chaos = Chaos::new(1, 0.0, 0.0, Some(3));
        let fates: Vec<_> = (0..5).map(|_| chaos.decide(start)).collect();
        assert_eq!(fates[..3], [Fate::Serve; 3]);
        assert_eq!(fates[3..], [Fate::RateLimited; 2]);
        assert_eq!(chaos.decide(start + Duration::from_secs(1)), Fate::Serve);
    }
}
