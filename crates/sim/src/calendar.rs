//! Seasons and the order of a year. A turn is one season.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Autumn, Season::Winter];

    pub fn index(self) -> i64 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Autumn => 2,
            Season::Winter => 3,
        }
    }

    /// Summer brings in the winter wheat, autumn the main crop.
    pub fn is_harvest(self) -> bool {
        matches!(self, Season::Summer | Season::Autumn)
    }

    pub fn key(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// A season of a given year. Winter 1958 is December 1958 to February 1959.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SeasonRef {
    pub year: i64,
    pub season: Season,
}

impl SeasonRef {
    pub fn ordinal(self) -> i64 {
        self.year * 4 + self.season.index()
    }

    pub fn from_ordinal(n: i64) -> SeasonRef {
        SeasonRef { year: n.div_euclid(4), season: Season::ALL[n.rem_euclid(4) as usize] }
    }

    pub fn next(self) -> SeasonRef {
        SeasonRef::from_ordinal(self.ordinal() + 1)
    }

    pub fn plus(self, seasons: i64) -> SeasonRef {
        SeasonRef::from_ordinal(self.ordinal() + seasons)
    }
}

impl std::fmt::Display for SeasonRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.season.key(), self.year)
    }
}

/// Days in a season, for rations in grams per person per day.
pub const DAYS_PER_SEASON: i64 = 91;
