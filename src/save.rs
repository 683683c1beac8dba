//! Autosave and resume. A save is the run (scenario, seed, every season's
//! decisions) plus the season in progress; loading replays the run with the
//! rules core, so a save that does not replay is reported, never trusted.
//! The previous save is kept until the new one is written and read back.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use bevy::prelude::*;
use serde::{Deserialize, Serialize};
use sim::{Data, Run, SeasonRef};

use crate::lesson::Student;
use crate::rules::Commune;
use crate::screens::season::Draft;

pub const KEY: &str = "great-leap.save";
pub const PREVIOUS: &str = "great-leap.save.previous";
pub const DAMAGED: &str = "great-leap.save.damaged";
pub const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SaveGame {
    pub format: u32,
    pub game_version: String,
    pub run: Run,
    pub draft: Draft,
    /// The assignment this game was started for, if any.
    #[serde(default)]
    pub student: Option<Student>,
}

/// Where saves go: the browser's local storage, or memory in tests.
pub trait Store: Send + Sync + 'static {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str) -> Result<(), String>;
}

#[derive(Default, Clone)]
pub struct MemoryStore(pub Arc<Mutex<BTreeMap<String, String>>>);

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.0.lock().map_err(|e| e.to_string())?.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0.lock().map_err(|e| e.to_string())?.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.lock().map_err(|e| e.to_string())?.remove(key);
        Ok(())
    }
}

#[derive(Resource)]
pub struct Storage(pub Box<dyn Store>);

/// What the title screen knows about the saved game.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub enum SaveStatus {
    #[default]
    None,
    /// A save that replays, with where its game stands.
    Ready(Box<SavedGame>),
    /// A save that cannot be used, with the reason in words.
    Damaged(String),
}

/// A save that has been checked by replaying it, and what the replay showed.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedGame {
    pub save: SaveGame,
    /// The season the game stands at.
    pub now: SeasonRef,
    /// The game has ended.
    pub over: bool,
}

/// The last thing that went wrong with saving, for a notice on screen.
#[derive(Resource, Clone, Debug, Default)]
pub struct SaveProblem(pub Option<String>);

pub fn plugin(app: &mut App) {
    if !app.world().contains_resource::<Storage>() {
        app.insert_resource(Storage(Box::new(MemoryStore::default())));
    }
    app.init_resource::<SaveStatus>()
        .init_resource::<SaveProblem>()
        .add_systems(Startup, check_saved_game)
        .add_systems(Last, autosave.run_if(resource_exists::<Commune>.and_then(resource_exists::<Draft>)));
}

/// Read and check the saved game: it must parse and replay.
pub fn inspect(store: &dyn Store, data: &Data) -> SaveStatus {
    let text = match store.get(KEY) {
        Ok(Some(t)) => t,
        Ok(None) => match store.get(PREVIOUS) {
            Ok(Some(t)) => t,
            _ => return SaveStatus::None,
        },
        Err(e) => return SaveStatus::Damaged(format!("storage: {e}")),
    };
    match check(&text, data) {
        Ok(saved) => SaveStatus::Ready(Box::new(saved)),
        Err(e) => SaveStatus::Damaged(e),
    }
}

pub fn parse(text: &str, data: &Data) -> Result<SaveGame, String> {
    check(text, data).map(|saved| saved.save)
}

/// Parse a save and replay its decisions with the rules core.
pub fn check(text: &str, data: &Data) -> Result<SavedGame, String> {
    let save: SaveGame = serde_json::from_str(text).map_err(|e| format!("not a saved game ({e})"))?;
    if save.format != FORMAT {
        return Err(format!("saved by a different version of the game (format {})", save.format));
    }
    let replayed = sim::replay(data, &save.run).map_err(|e| format!("the saved decisions do not replay: {e}"))?;
    Ok(SavedGame { now: replayed.state.now(), over: replayed.state.is_over(), save })
}

fn check_saved_game(storage: Res<Storage>, commune_data: Res<crate::rules::GameData>, mut status: ResMut<SaveStatus>) {
    *status = inspect(storage.0.as_ref(), &commune_data.0);
}

/// Write the new save, keeping the previous one until the new one reads back.
pub fn write(store: &dyn Store, save: &SaveGame) -> Result<(), String> {
    let text = serde_json::to_string(save).map_err(|e| e.to_string())?;
    if let Some(old) = store.get(KEY)? {
        if old == text {
            return Ok(());
        }
        store.set(PREVIOUS, &old)?;
    }
    store.set(KEY, &text)?;
    match store.get(KEY)? {
        Some(back) if back == text => Ok(()),
        _ => Err("the save did not read back".into()),
    }
}

fn autosave(
    commune: Res<Commune>,
    draft: Res<Draft>,
    student: Res<Student>,
    storage: Res<Storage>,
    mut problem: ResMut<SaveProblem>,
    mut status: ResMut<SaveStatus>,
) {
    if !commune.is_changed() && !draft.is_changed() && !student.is_changed() {
        return;
    }
    let save = SaveGame {
        format: FORMAT,
        game_version: env!("CARGO_PKG_VERSION").to_string(),
        run: commune.run.clone(),
        draft: draft.clone(),
        student: student.assignment.is_some().then(|| student.clone()),
    };
    match write(storage.0.as_ref(), &save) {
        Ok(()) => {
            problem.0 = None;
            let saved = SavedGame { save, now: commune.state.now(), over: commune.state.is_over() };
            *status = SaveStatus::Ready(Box::new(saved));
        }
        Err(e) => problem.0 = Some(e),
    }
}
