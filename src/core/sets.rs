//! The order of the game's work in a frame, one step after another. The
//! steps are configured once, in `lib.rs`; a plugin only says which step a
//! system belongs to.

use bevy::prelude::*;

#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// PreUpdate: what the browser collected (files, presses in the page's text form).
    Collect,
    /// PreUpdate: input from outside the canvas becomes `Act` messages.
    ReadInput,
    /// Update: screens, settings, language and the kiosk handle `Act`s and edit drafts.
    HandleActs,
    /// Update: the rules core plays submitted seasons.
    Rules,
    /// Update: what the rules did is mirrored into the world and the draft.
    Mirror,
    /// Update: screens are spawned and rebuilt from what is now true.
    View,
    /// PostUpdate: controls are coloured by their state.
    Paint,
    /// PostUpdate: the player's looks (contrast, colour-safe charts) recolour them.
    Repaint,
    /// Last: the screen as a document, for screen readers.
    Describe,
    /// Last: the read-only snapshot for tests and the benchmark.
    Snapshot,
    /// Last: handed to the page (the document, the snapshot) and the next frame asked for.
    Publish,
}
