//! Great Leap, the game: a Bevy app around the rules core in `crates/sim`.
//!
//! Data flows one way: input becomes a decision message, one system (in
//! `rules.rs`) calls the rules core, and views read the resulting state.
//! Every plugin here is a plain function, `plugin(app)`, and the rules plugin
//! runs without rendering, so tests can drive it under `MinimalPlugins`.

pub mod rules;

use bevy::prelude::*;

/// The parts of the game that need no window: the rules and their messages.
pub fn headless_plugin(app: &mut App) {
    app.add_plugins(rules::plugin);
}
