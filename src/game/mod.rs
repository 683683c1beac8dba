//! The game's session and what persists: the commune and its rules calls,
//! the season's draft, saves, the lesson and the teacher's desk, settings
//! and the language. Nothing here reads or spawns a UI entity.

pub mod desk;
pub mod draft;
pub mod language;
pub mod lesson;
pub mod lifecycle;
pub mod mirror;
pub mod notices;
pub mod save;
pub mod session;
pub mod settings;

use bevy::prelude::*;

/// What needs no window: the rules, the lesson and saving.
pub fn plugin(app: &mut App) {
    app.add_plugins((session::plugin, lesson::plugin, save::plugin));
}

/// What a player in front of the game adds: settings, the language, the
/// commune mirrored for the map, the teacher's desk and notices.
pub fn player_plugin(app: &mut App) {
    app.add_plugins((settings::plugin, language::plugin, mirror::plugin, desk::plugin, notices::plugin));
}
