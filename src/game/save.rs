//! Autosave and resume. A save is the run (scenario, seed, every season's
//! decisions) plus the season in progress; loading replays the run with the
//! rules core, so a save that does not replay is reported, never trusted.
//! The previous save is kept until the new one is written and read back.
//!
//! Formats: 1 had no state hash; 2 (this one) carries the rules core's state
//! hash where the game stands, so a save whose decisions now lead elsewhere
//! (the rules changed under it) is told apart from one that replays exactly.
//! An older save is migrated on load; a newer one is refused and kept.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use serde::{Deserialize, Serialize};
use sim::input::{self, InputError};
use sim::{Data, Run, SeasonRef, SimError};

use super::draft::Draft;
use super::lesson::Student;
use super::session::{Commune, GameData};
use crate::core::sets::AppSystems;
use crate::core::storage::{MemoryStore, Storage, Store, StoreError};

pub const KEY: &str = "great-leap.save";
pub const PREVIOUS: &str = "great-leap.save.previous";
pub const DAMAGED: &str = "great-leap.save.damaged";
pub const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SaveGame {
    pub format: u32,
    pub game_version: String,
    pub run: Run,
    pub draft: Draft,
    /// The assignment this game was started for, if any.
    #[serde(default)]
    pub student: Option<Student>,
    /// The rules core's state hash after the run's last season.
    pub hash: String,
}

/// Format 1 (game 0.1 before saves carried a hash): the same, without `hash`.
#[derive(Deserialize)]
struct SaveGameV1 {
    game_version: String,
    run: Run,
    draft: Draft,
    #[serde(default)]
    student: Option<Student>,
}

/// Why a saved game cannot be used, in a form the interface puts into words.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's storage refused (full, blocked or broken).
    Storage(StoreError),
    /// Too large, too deep, not JSON or not of a save's form.
    Input(InputError),
    /// JSON, but not a saved game of this game.
    NotASave,
    /// Saved by a newer version of the game.
    Newer { format: u32 },
    /// Saved with other scenario data.
    ScenarioVersion { found: u32, expected: u32 },
    /// The decisions do not replay with these rules.
    Replay,
    /// The decisions replay, but to another state than when the game was saved.
    RulesChanged,
    /// The new save could not be read back after writing.
    ReadBack,
}

impl SaveError {
    /// The interface string for this error, and its values.
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            SaveError::Storage(StoreError::Unavailable) => ("save.error.storage_unavailable", vec![]),
            SaveError::Storage(StoreError::Full) => ("save.error.storage_full", vec![]),
            SaveError::Storage(StoreError::Failed) => ("save.error.storage_failed", vec![]),
            SaveError::Input(e) => e.key(),
            SaveError::NotASave => ("save.error.not_a_save", vec![]),
            SaveError::Newer { format } => ("save.error.newer", vec![("format", format.to_string())]),
            SaveError::ScenarioVersion { found, expected } => {
                ("save.error.scenario_version", vec![("found", found.to_string()), ("expected", expected.to_string())])
            }
            SaveError::Replay => ("save.error.replay", vec![]),
            SaveError::RulesChanged => ("save.error.rules_changed", vec![]),
            SaveError::ReadBack => ("save.error.read_back", vec![]),
        }
    }
}

impl std::fmt::Display for SaveError {
    /// For logs and test snapshots; players see the interface string.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Input(e) => write!(f, "{e}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl From<SimError> for SaveError {
    fn from(e: SimError) -> SaveError {
        match e {
            SimError::WrongVersion { found, expected, .. } => SaveError::ScenarioVersion { found, expected },
            _ => SaveError::Replay,
        }
    }
}

/// What the title screen knows about the saved game.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub enum SaveStatus {
    #[default]
    None,
    /// A save that replays, with where its game stands.
    Ready(Box<SavedGame>),
    /// A save that cannot be used, and why.
    Damaged(SaveError),
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
pub struct SaveProblem(pub Option<SaveError>);

pub fn plugin(app: &mut App) {
    if !app.world().contains_resource::<Storage>() {
        app.insert_resource(Storage(Box::new(MemoryStore::default())));
    }
    // (The window plugin registers it too; headless tests have no window.)
    app.add_message::<RequestRedraw>()
        .init_resource::<SaveStatus>()
        .init_resource::<SaveProblem>()
        .add_systems(Startup, check_saved_game)
        .add_systems(
            Last,
            autosave.in_set(AppSystems::Publish).run_if(resource_exists::<Commune>.and_then(resource_exists::<Draft>)),
        );
}

/// Read and check the saved game: it must parse and replay. If the newest
/// save is missing, the one before it is used.
pub fn inspect(store: &dyn Store, data: &Data) -> SaveStatus {
    let text = match store.get(KEY) {
        Ok(Some(t)) => t,
        Ok(None) => match store.get(PREVIOUS) {
            Ok(Some(t)) => t,
            _ => return SaveStatus::None,
        },
        // A browser that keeps nothing has no save to offer; the first
        // autosave says so on screen.
        Err(StoreError::Unavailable) => return SaveStatus::None,
        Err(e) => return SaveStatus::Damaged(SaveError::Storage(e)),
    };
    match check(&text, data) {
        Ok(saved) => SaveStatus::Ready(Box::new(saved)),
        Err(e) => SaveStatus::Damaged(e),
    }
}

pub fn parse(text: &str, data: &Data) -> Result<SaveGame, SaveError> {
    check(text, data).map(|saved| saved.save)
}

/// Parse a save of any known format within the limits, migrate it to this
/// format, and replay its decisions with the rules core.
pub fn check(text: &str, data: &Data) -> Result<SavedGame, SaveError> {
    let value: serde_json::Value = input::parse_json(text, input::SAVE).map_err(SaveError::Input)?;
    let format = match value.get("format") {
        Some(f) => f.as_u64(),
        None => return Err(SaveError::NotASave),
    };
    // A format-1 save has no hash to compare; it gets the replay's.
    let (save, recorded) = match format {
        Some(1) => {
            let old: SaveGameV1 = input::from_value(value).map_err(SaveError::Input)?;
            let save = SaveGame {
                format: FORMAT,
                game_version: old.game_version,
                run: old.run,
                draft: old.draft,
                student: old.student,
                hash: String::new(),
            };
            (save, None)
        }
        Some(f) if f == u64::from(FORMAT) => {
            let save: SaveGame = input::from_value(value).map_err(SaveError::Input)?;
            let recorded = save.hash.clone();
            (save, Some(recorded))
        }
        Some(f) if f > u64::from(FORMAT) => {
            return Err(SaveError::Newer { format: u32::try_from(f).unwrap_or(u32::MAX) });
        }
        _ => return Err(SaveError::NotASave),
    };
    let replayed = sim::replay(data, &save.run)?;
    let hash = replayed.state.hash();
    if recorded.is_some_and(|h| h != hash) {
        return Err(SaveError::RulesChanged);
    }
    let save = SaveGame { hash, ..save };
    Ok(SavedGame { now: replayed.state.now(), over: replayed.state.is_over(), save })
}

fn check_saved_game(storage: Res<Storage>, commune_data: Res<GameData>, mut status: ResMut<SaveStatus>) {
    *status = inspect(storage.0.as_ref(), &commune_data.0);
}

/// Write the new save, keeping the previous one until the new one reads back.
pub fn write(store: &dyn Store, save: &SaveGame) -> Result<(), SaveError> {
    let text = serde_json::to_string(save).map_err(|_| SaveError::Storage(StoreError::Failed))?;
    if let Some(old) = store.get(KEY).map_err(SaveError::Storage)? {
        if old == text {
            return Ok(());
        }
        store.set(PREVIOUS, &old).map_err(SaveError::Storage)?;
    }
    store.set(KEY, &text).map_err(SaveError::Storage)?;
    match store.get(KEY).map_err(SaveError::Storage)? {
        Some(back) if back == text => Ok(()),
        _ => Err(SaveError::ReadBack),
    }
}

/// The save of the game in progress.
pub fn of(commune: &Commune, draft: &Draft, student: &Student) -> SaveGame {
    SaveGame {
        format: FORMAT,
        game_version: env!("CARGO_PKG_VERSION").to_string(),
        run: commune.run.clone(),
        draft: draft.clone(),
        student: student.assignment.is_some().then(|| student.clone()),
        hash: commune.state.hash(),
    }
}

fn autosave(
    commune: Res<Commune>,
    draft: Res<Draft>,
    student: Res<Student>,
    storage: Res<Storage>,
    mut problem: ResMut<SaveProblem>,
    mut status: ResMut<SaveStatus>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if !commune.is_changed() && !draft.is_changed() && !student.is_changed() {
        return;
    }
    let save = of(&commune, &draft, &student);
    match write(storage.0.as_ref(), &save) {
        Ok(()) => {
            if problem.0.is_some() {
                problem.0 = None;
            }
            let saved = SavedGame { save, now: commune.state.now(), over: commune.state.is_over() };
            *status = SaveStatus::Ready(Box::new(saved));
        }
        Err(e) => {
            // Shown on the season screen; draw a frame for it now.
            if problem.0.as_ref() != Some(&e) {
                problem.0 = Some(e);
                redraw.write(RequestRedraw);
            }
        }
    }
}
