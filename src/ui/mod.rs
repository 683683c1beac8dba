//! How things look and answer the pointer and keyboard: the palette, the
//! widgets screens build from, frames, fonts, the player's looks, keys and
//! scrolling, charts, the commune's map, interface scale and printable pages.
//! The widgets, sizes and meanings are re-exported here for the screens.

pub mod activate;
pub mod charts;
pub mod fonts;
pub mod keys;
pub mod looks;
pub mod map;
pub mod palette;
pub mod print;
pub mod ruled;
pub mod scale;
pub mod scroll;
pub mod semantics;
pub mod widgets;

use bevy::prelude::*;

pub use palette::{SIZE_BODY, SIZE_HEADING, SIZE_SMALL, SIZE_TITLE};
pub use ruled::Ruled;
pub use scroll::Scrollable;
pub use semantics::{Announce, ButtonEnabled, ButtonLook, Field, field_text};
pub use widgets::*;

pub fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(palette::PAPER)).add_plugins((
        activate::plugin,
        fonts::plugin,
        ruled::plugin,
        looks::plugin,
        keys::plugin,
        scroll::plugin,
        scale::plugin,
    ));
}
