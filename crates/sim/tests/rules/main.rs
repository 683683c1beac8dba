//! The rules core's tests, in one binary: link time is the cost here.

mod balance;
mod calibration;
mod data;
mod determinism;
mod mechanisms;
mod parsers;
mod properties;
mod screens;
mod strategy;

use sim::policy::{Policy, decide};
use sim::{CommuneState, Data, SeasonDecisions, advance, new_game};

/// Play the full scenario with a scripted policy until the given season
/// (year, season index 0..=3) is next, returning the state.
pub fn state_at(data: &Data, policy: Policy, seed: u64, year: i64, season: i64) -> CommuneState {
    let mut state = new_game(data, "full").unwrap();
    while state.now().ordinal() < year * 4 + season {
        let d = decide(policy, data, &state, seed).unwrap();
        state = advance(data, &state, &d, seed).unwrap().0;
        assert!(!state.is_over(), "the scripted game ended before {year}/{season}");
    }
    state
}

/// The decisions a policy would make now.
pub fn decisions(data: &Data, policy: Policy, state: &CommuneState, seed: u64) -> SeasonDecisions {
    decide(policy, data, state, seed).unwrap()
}
