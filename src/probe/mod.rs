//! Instrumentation: the read-only snapshot of the screen that browser tests
//! and the benchmark read, and when the game draws a frame. Deliberately in
//! the shipped game too: the benchmark plays the release build through it.

pub mod pace;
pub mod snapshot;

use bevy::prelude::*;

use crate::core::flow::Screen;

pub fn plugin(app: &mut App) {
    app.add_plugins((snapshot::plugin, pace::plugin, great_leap_probe::plugin))
        .add_systems(OnExit(Screen::Loading), |mut ready: ResMut<great_leap_probe::Interactive>| ready.0 = true);
}
