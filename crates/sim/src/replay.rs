//! A run is its scenario, its seed and the decisions of each season. Replaying
//! it reproduces every state exactly, on any platform.

use serde::{Deserialize, Serialize};

use crate::data::Data;
use crate::decisions::SeasonDecisions;
use crate::error::SimError;
use crate::happening::Happening;
use crate::state::CommuneState;
use crate::turn::{advance, new_game};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub scenario_id: String,
    pub scenario_version: u32,
    pub seed: u64,
    pub seasons: Vec<SeasonDecisions>,
}

#[derive(Clone, Debug)]
pub struct Replayed {
    /// The state hash after each season.
    pub hashes: Vec<String>,
    pub state: CommuneState,
    pub log: Vec<Vec<Happening>>,
}

pub fn replay(data: &Data, run: &Run) -> Result<Replayed, SimError> {
    if run.scenario_version != data.version {
        return Err(SimError::WrongVersion {
            id: run.scenario_id.clone(),
            found: run.scenario_version,
            expected: data.version,
        });
    }
    let mut state = new_game(data, &run.scenario_id)?;
    if run.seasons.len() as i64 > state.seasons {
        return Err(SimError::TooManySeasons { found: run.seasons.len(), max: state.seasons as usize });
    }
    let mut hashes = Vec::with_capacity(run.seasons.len());
    let mut log = Vec::with_capacity(run.seasons.len());
    for d in &run.seasons {
        let (next, happened) = advance(data, &state, d, run.seed)?;
        state = next;
        hashes.push(state.hash());
        log.push(happened);
    }
    Ok(Replayed { hashes, state, log })
}
