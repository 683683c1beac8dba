//! The one place where the game calls the rules core. Screens send
//! `SubmitSeason`; this plugin advances the commune and reports what happened.
//! Screens may also ask read-only questions (the harvest preview).

use std::sync::Arc;

use bevy::prelude::*;
use sim::turn::HarvestPreview;

use crate::core::sets::AppSystems;
use sim::{CommuneState, Data, Happening, Run, SeasonDecisions, SimError};

pub fn plugin(app: &mut App) {
    if !app.world().contains_resource::<GameData>() {
        app.insert_resource(GameData(Arc::new(Data::builtin())));
    }
    app.add_message::<SubmitSeason>()
        .add_message::<SeasonResolved>()
        .add_message::<DecisionRejected>()
        .add_systems(Update, apply_decisions.in_set(AppSystems::Rules));
}

/// The scenario data the game runs on.
#[derive(Resource, Clone)]
pub struct GameData(pub Arc<Data>);

/// The game in progress: the data it runs on, the state, and the run so far
/// (scenario, seed, every season's decisions) from which it can be replayed.
#[derive(Resource, Clone)]
pub struct Commune {
    pub data: Arc<Data>,
    pub state: CommuneState,
    /// The state at the start, for the debrief's baseline year.
    pub start: CommuneState,
    pub run: Run,
    /// What happened in the last season played.
    pub last: Vec<Happening>,
    /// The ids of the news and directives the player has met, in order.
    pub met: Vec<String>,
}

fn met_now(data: &Data, state: &CommuneState, met: &mut Vec<String>) {
    if state.ending.is_some() {
        return;
    }
    for e in sim::events::this_season(data, state) {
        if !met.contains(&e.id) {
            met.push(e.id.clone());
        }
    }
}

impl Commune {
    pub fn new(data: Arc<Data>, scenario: &str, seed: u64) -> Result<Commune, SimError> {
        let state = sim::new_game(&data, scenario)?;
        let run = Run { scenario_id: scenario.to_string(), scenario_version: data.version, seed, seasons: Vec::new() };
        let mut met = Vec::new();
        met_now(&data, &state, &mut met);
        Ok(Commune { data, start: state.clone(), state, run, last: Vec::new(), met })
    }

    /// Rebuild a game from its run by replaying it.
    pub fn restore(data: Arc<Data>, run: Run) -> Result<Commune, SimError> {
        let mut commune = Commune::new(data, &run.scenario_id, run.seed)?;
        if run.scenario_version != commune.data.version {
            return Err(SimError::WrongVersion {
                id: run.scenario_id.clone(),
                found: run.scenario_version,
                expected: commune.data.version,
            });
        }
        for decisions in run.seasons {
            commune.submit(decisions)?;
        }
        Ok(commune)
    }

    /// Play one season. On error nothing changes.
    pub fn submit(&mut self, decisions: SeasonDecisions) -> Result<&[Happening], SimError> {
        let (next, happened) = sim::advance(&self.data, &self.state, &decisions, self.run.seed)?;
        self.state = next;
        self.run.seasons.push(decisions);
        self.last = happened;
        met_now(&self.data, &self.state, &mut self.met);
        Ok(&self.last)
    }

    /// The true harvest these decisions would bring this season.
    pub fn preview(&self, decisions: &SeasonDecisions) -> Result<HarvestPreview, SimError> {
        sim::turn::preview(&self.data, &self.state, decisions, self.run.seed)
    }

    /// What the procurement team would demand on this report.
    pub fn demand_for(&self, decisions: &SeasonDecisions, report_kg: i64) -> Result<i64, SimError> {
        sim::turn::demand_for_report(&self.data, &self.state, decisions, self.run.seed, report_kg)
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
