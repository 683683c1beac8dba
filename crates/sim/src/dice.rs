//! The seeded generator. Each season and each mechanism draws from its own
//! stream, derived from the run's seed, so a preview of the harvest draws the
//! same numbers as the turn that follows it.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Named streams: one per mechanism that rolls dice.
#[derive(Clone, Copy, Debug)]
pub enum Stream {
    Weather = 1,
    Harvest = 2,
    Furnaces = 3,
    Politics = 4,
    Searches = 5,
    People = 6,
    Directives = 7,
    Works = 8,
    Policy = 9,
    Reckoning = 10,
}

pub struct Dice(ChaCha8Rng);

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Dice {
    pub fn new(seed: u64, season_ordinal: i64, stream: Stream) -> Dice {
        let mixed = splitmix(seed ^ splitmix((season_ordinal as u64) << 8 | stream as u64));
        Dice(ChaCha8Rng::seed_from_u64(mixed))
    }

    /// A whole number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { self.0.random_range(lo..=hi) }
    }

    /// True with probability `permille / 1000`.
    pub fn chance(&mut self, permille: i64) -> bool {
        permille > 0 && self.0.random_range(0..1000i64) < permille
    }

    /// True with probability `per_million / 1_000_000`.
    pub fn chance_ppm(&mut self, per_million: i64) -> bool {
        per_million > 0 && self.0.random_range(0..1_000_000i64) < per_million
    }

    /// A count with the given expectation in millionths of a person, e.g.
    /// deaths: the whole part, one more with the fractional chance, and a
    /// spread of about one standard deviation of a Poisson count.
    pub fn count(&mut self, expected_micro: i64) -> i64 {
        if expected_micro <= 0 {
            return 0;
        }
        let whole = expected_micro / 1_000_000;
        let frac = expected_micro % 1_000_000;
        let mut n = whole + i64::from(self.chance_ppm(frac));
        let sd = isqrt(whole);
        if sd > 0 {
            n += self.range(-sd, sd) / 2;
        }
        n.max(0)
    }
}

pub fn isqrt(n: i64) -> i64 {
    if n <= 0 {
        return 0;
    }
    let mut x = n;
    let mut y = (x + 1) / 2;
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}
