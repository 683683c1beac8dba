//! The one place where the game calls the rules core. Screens send
//! `SubmitSeason`; this plugin advances the commune and reports what happened.

use std::sync::Arc;

use bevy::prelude::*;
use sim::{CommuneState, Data, Happening, Run, SeasonDecisions, SimError};

pub fn plugin(app: &mut App) {
    app.add_message::<SubmitSeason>()
        .add_message::<SeasonResolved>()
        .add_message::<DecisionRejected>()
        .add_systems(Update, apply_decisions);
}

/// The game in progress: the data it runs on, the state, and the run so far
/// (scenario, seed, every season's decisions) from which it can be replayed.
#[derive(Resource, Clone)]
pub struct Commune {
    pub data: Arc<Data>,
    pub state: CommuneState,
    pub run: Run,
    /// What happened in the last season played.
    pub last: Vec<Happening>,
}

impl Commune {
    pub fn new(data: Arc<Data>, scenario: &str, seed: u64) -> Result<Commune, SimError> {
        let state = sim::new_game(&data, scenario)?;
        let run = Run { scenario_id: scenario.to_string(), scenario_version: data.version, seed, seasons: Vec::new() };
        Ok(Commune { data, state, run, last: Vec::new() })
    }

    /// Play one season. On error nothing changes.
    pub fn submit(&mut self, decisions: SeasonDecisions) -> Result<&[Happening], SimError> {
        let (next, happened) = sim::advance(&self.data, &self.state, &decisions, self.run.seed)?;
        self.state = next;
        self.run.seasons.push(decisions);
        self.last = happened;
        Ok(&self.last)
    }
}

/// The player's decisions for the season being played.
#[derive(Message, Clone, Debug)]
pub struct SubmitSeason(pub SeasonDecisions);

/// A season was played; `hash` is the state hash after it.
#[derive(Message, Clone, Debug)]
pub struct SeasonResolved {
    pub happened: Vec<Happening>,
    pub hash: String,
}

/// The rules refused the decisions, with the reason in words.
#[derive(Message, Clone, Debug)]
pub struct DecisionRejected(pub String);

fn apply_decisions(
    mut submitted: MessageReader<SubmitSeason>,
    commune: Option<ResMut<Commune>>,
    mut resolved: MessageWriter<SeasonResolved>,
    mut rejected: MessageWriter<DecisionRejected>,
) {
    let Some(mut commune) = commune else {
        for _ in submitted.read() {
            rejected.write(DecisionRejected("no game is in progress".into()));
        }
        return;
    };
    for SubmitSeason(decisions) in submitted.read() {
        match commune.submit(decisions.clone()) {
            Ok(happened) => {
                let happened = happened.to_vec();
                resolved.write(SeasonResolved { happened, hash: commune.state.hash() });
            }
            Err(e) => {
                rejected.write(DecisionRejected(e.to_string()));
            }
        }
    }
}
