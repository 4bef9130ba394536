//! Access tokens: random, valid for the configured lifetime, then refused with 401. The
//! random source is seeded, so a run with the same seed hands out the same tokens.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The tokens handed out so far and when each stops working.
#[derive(Debug)]
pub struct Tokens {
    rng: fastrand::Rng,
    ttl: Duration,
    expires: HashMap<String, Instant>,
}

impl Tokens {
    pub fn new(seed: u64, ttl_seconds: u64) -> Tokens {
        Tokens {
            // A different stream from the chaos one, so tokens do not shift chaos decisions.
            rng: fastrand::Rng::with_seed(seed ^ 0x746f_6b65_6e73),
            ttl: Duration::from_secs(ttl_seconds),
            expires: HashMap::new(),
        }
    }

    /// A new token; expired ones are forgotten so the table stays small.
    pub fn issue(&mut self) -> String {
        let now = Instant::now();
        self.expires.retain(|_, until| *until > now);
        let token = format!("fwd.{:016x}{:016x}", self.rng.u64(..), self.rng.u64(..));
        self.expires.insert(token.clone(), now + self.ttl);
        token
    }

    pub fn is_valid(&self, token: &str) -> bool {
        self.expires
            .get(token)
            .is_some_and(|until| *until > Instant::now())
    }
}
