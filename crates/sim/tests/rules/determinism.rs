//! A run (scenario and version, seed, decisions) replays to the same state
//! hash after every season. Golden files under tests/golden pin the hashes;
//! the wasm runner (tests/wasm) checks the same files in a wasm32 build.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sim::policy::{Policy, play};
use sim::{CommuneState, Data, Run, SimError, replay};

#[derive(Serialize, Deserialize)]
struct Golden {
    run: Run,
    hashes: Vec<String>,
    ending: String,
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

const GOLDEN: [(&str, Policy, &str, u64); 5] = [
    ("historical-full-7", Policy::Historical, "full", 7),
    ("honest-full-3", Policy::Honest, "full", 3),
    ("zealot-full-11", Policy::Zealot, "full", 11),
    ("random-full-5", Policy::Random, "full", 5),
    ("historical-kiosk-2", Policy::Historical, "kiosk", 2),
];

/// Rewrite the golden files with `UPDATE_GOLDEN=1` after a deliberate change
/// to the rules or the data (and bump the data version).
#[test]
fn golden_runs_replay_to_the_same_hashes() {
    let data = Data::builtin();
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    for (name, policy, scenario, seed) in GOLDEN {
        let path = golden_dir().join(format!("{name}.json"));
        if update {
            let (run, end) = play(policy, &data, scenario, seed).unwrap();
            let replayed = replay(&data, &run).unwrap();
            let ending = end.ending.unwrap().key();
            let golden = Golden { run, hashes: replayed.hashes, ending };
            std::fs::write(&path, serde_json::to_string_pretty(&golden).unwrap() + "\n").unwrap();
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let golden: Golden = serde_json::from_str(&text).unwrap();
        let replayed = replay(&data, &golden.run).unwrap();
        assert_eq!(replayed.hashes, golden.hashes, "{name}: the rules or the data changed");
        assert_eq!(replayed.state.ending.unwrap().key(), golden.ending);
    }
}

#[test]
fn replaying_a_played_game_gives_the_same_state() {
    let data = Data::builtin();
    for policy in Policy::ALL {
        let (run, end) = play(policy, &data, "full", 42).unwrap();
        let replayed = replay(&data, &run).unwrap();
        assert_eq!(replayed.state, end);
        assert_eq!(replayed.hashes.last().unwrap(), &end.hash());
    }
}

#[test]
fn a_different_seed_gives_a_different_game() {
    let data = Data::builtin();
    let (_, a) = play(Policy::Historical, &data, "full", 1).unwrap();
    let (_, b) = play(Policy::Historical, &data, "full", 2).unwrap();
    assert_ne!(a.hash(), b.hash());
}

#[test]
fn a_state_survives_a_save_and_load() {
    let data = Data::builtin();
    let state = crate::state_at(&data, Policy::Historical, 9, 1959, 2);
    let json = serde_json::to_string(&state).unwrap();
    let back: CommuneState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, state);
    assert_eq!(back.hash(), state.hash());
}

#[test]
fn a_run_from_another_version_or_scenario_is_refused() {
    let data = Data::builtin();
    let (mut run, _) = play(Policy::Historical, &data, "kiosk", 1).unwrap();
    run.scenario_version += 1;
    assert!(matches!(replay(&data, &run), Err(SimError::WrongVersion { .. })));
    run.scenario_version -= 1;
    run.scenario_id = "atlantis".into();
    assert!(matches!(replay(&data, &run), Err(SimError::UnknownScenario(_))));
}

#[test]
fn an_edited_decision_changes_the_hashes() {
    let data = Data::builtin();
    let (mut run, _) = play(Policy::Historical, &data, "full", 7).unwrap();
    let before = replay(&data, &run).unwrap().hashes;
    let autumn_1958 = &mut run.seasons[2];
    autumn_1958.report_kg = autumn_1958.report_kg.map(|r| r - 1000);
    let after = replay(&data, &run).unwrap().hashes;
    assert_eq!(before[..2], after[..2]);
    assert_ne!(before[2], after[2]);
}

/// `play` sows each season once and finishes it after the player has seen the
/// harvest; a player who decides first and then advances, as the game does,
/// makes the same decisions and reaches the same states.
#[test]
fn playing_by_sowing_once_matches_deciding_then_advancing() {
    let data = Data::builtin();
    for policy in Policy::ALL {
        for (scenario, seed) in [("full", 1), ("full", 12), ("full", 40), ("kiosk", 9)] {
            let (run, end) = play(policy, &data, scenario, seed).unwrap();
            let mut state = sim::new_game(&data, scenario).unwrap();
            let mut seasons = Vec::new();
            while !state.is_over() {
                let d = sim::policy::decide(policy, &data, &state, seed).unwrap();
                state = sim::advance(&data, &state, &d, seed).unwrap().0;
                seasons.push(d);
            }
            assert_eq!(run.seasons, seasons, "{policy:?} {scenario} {seed}");
            assert_eq!(end, state, "{policy:?} {scenario} {seed}");
            assert_eq!(replay(&data, &run).unwrap().state.hash(), state.hash());
        }
    }
}
