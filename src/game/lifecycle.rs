//! Starting, resuming and setting aside games: the few places besides the
//! rules that put a commune and its draft into the world.

use std::sync::Arc;

use bevy::prelude::*;

use super::draft::Draft;
use super::lesson::Student;
use super::save::{self, SaveError, SavedGame};
use super::session::{Commune, GameData};
use crate::core::launch::{KIOSK_SCENARIO, Kiosk};
use crate::core::platform::fresh_seed;
use crate::core::storage::Store;

/// The scenario of a free game (not an assignment, not a kiosk).
pub const FREE_SCENARIO: &str = "full";

/// The scenario of a game started without an assignment.
pub fn free_scenario(kiosk: &Kiosk) -> &'static str {
    if kiosk.on { KIOSK_SCENARIO } else { FREE_SCENARIO }
}

/// A new game: the assignment's scenario and seed, or a free game.
pub fn new_commune(data: &GameData, student: &Student, kiosk: &Kiosk) -> Result<Commune, sim::SimError> {
    match &student.assignment {
        Some(a) => Commune::new(Arc::clone(&data.0), &a.scenario, a.game_seed(student.student)),
        None => Commune::new(Arc::clone(&data.0), free_scenario(kiosk), fresh_seed()),
    }
}

/// Put a new game into the world, at the first phase of its first season.
pub fn start(commands: &mut Commands, commune: Commune) {
    commands.insert_resource(Draft::for_season(&commune, None));
    commands.insert_resource(commune);
}

/// Put a checked save back into the world where it stood; says whether the
/// game is over and whose it is.
pub fn resume(commands: &mut Commands, data: &GameData, saved: &SavedGame) -> Result<(bool, Student), SaveError> {
    let commune = Commune::restore(Arc::clone(&data.0), saved.save.run.clone())?;
    let over = commune.state.is_over();
    commands.insert_resource(saved.save.draft.clone());
    commands.insert_resource(commune);
    Ok((over, saved.save.student.clone().unwrap_or_default()))
}

/// Move a damaged save aside, so that a new game never overwrites it.
pub fn keep_damaged(store: &dyn Store) {
    if let Ok(Some(text)) = store.get(save::KEY) {
        let _ = store.set(save::DAMAGED, &text);
        let _ = store.remove(save::KEY);
    }
}
