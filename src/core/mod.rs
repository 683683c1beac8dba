//! The words every layer shares: where the player is (`flow`), what a
//! control can do (`action`), the order of a frame's work (`sets`), how the
//! page was opened (`launch`), storage, text and the platform. Nothing here
//! draws or decides; it imports nothing else of the game.

pub mod action;
pub mod flow;
pub mod launch;
pub mod platform;
pub mod sets;
pub mod storage;
pub mod text;

use bevy::prelude::*;

use action::Act;
use flow::{LanguageChanged, Overlay, Phase, Screen};

/// The states and messages of the whole game (needs Bevy's states plugin).
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_sub_state::<Phase>()
        .init_state::<Overlay>()
        .add_message::<Act>()
        .add_message::<LanguageChanged>();
}
