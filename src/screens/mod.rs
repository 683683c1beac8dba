//! Screens as states. Each screen file spawns its entities on entering and
//! tags them `DespawnOnExit`; the season screen has phases as sub-states.

pub mod debrief;
pub mod lesson;
pub mod overlays;
pub mod season;
pub mod teacher;
pub mod title;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

pub fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_sub_state::<Phase>()
        .init_state::<crate::actions::Overlay>()
        // Straight after start-up too, when nothing is left to wait for
        // (each frame is dear while the page starts, docs/performance.md).
        .add_systems(PostStartup, finish_loading)
        .add_systems(Update, finish_loading.run_if(in_state(Screen::Loading)))
        .add_plugins((
            title::plugin,
            season::plugin,
            debrief::plugin,
            overlays::plugin,
            lesson::plugin,
            teacher::plugin,
        ));
}

#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Until the font is in place (the page shows its own loading bar while
    /// the game itself downloads).
    #[default]
    Loading,
    Title,
    Briefing,
    Season,
    YearSummary,
    Ending,
    Debrief,
    /// A student types a class code.
    ClassCode,
    /// The assignment's settings before play.
    Assignment,
    /// The knowledge check, before or after play.
    Knowledge,
    /// Handing in the report.
    HandIn,
    /// The teacher's view.
    Teacher,
    /// Kiosk mode: a recorded game replayed with captions, until a visitor touches Play.
    Attract,
}

/// The phases of a season, in order.
#[derive(SubStates, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[source(Screen = Screen::Season)]
pub enum Phase {
    #[default]
    News,
    Labour,
    Report,
    Procurement,
    Consequences,
}

impl Phase {
    pub fn key(self) -> &'static str {
        match self {
            Phase::News => "phase.news",
            Phase::Labour => "phase.labour",
            Phase::Report => "phase.report",
            Phase::Procurement => "phase.procurement",
            Phase::Consequences => "phase.consequences",
        }
    }
}

/// Leave the loading screen once the game's font (and the language's, if
/// that is another) is ready to draw with, and the window has the size of
/// the page. The window is made at the page's size (`app`), so this holds
/// from the start unless the page changed size meanwhile: a screen built
/// for another size would be laid out wrong for a frame (a phone's title
/// squeezed, a kiosk at the wrong scale). Should the sizes never agree to
/// the pixel, the wait ends after a few frames.
fn finish_loading(
    fonts: Res<Assets<Font>>,
    language: Res<crate::language::Language>,
    kiosk: Res<crate::kiosk::Kiosk>,
    windows: Query<&Window>,
    mut frames: Local<u32>,
    mut screen: ResMut<NextState<Screen>>,
) {
    *frames += 1;
    let fitted = match (crate::platform::page_size(), windows.iter().next()) {
        (Some((w, h)), Some(window)) => (window.width() - w).abs() < 1.5 && (window.height() - h).abs() < 1.5,
        _ => true,
    };
    if fonts.contains(AssetId::<Font>::default()) && language.settled() && (fitted || *frames > 4) {
        screen.set(if kiosk.on { Screen::Attract } else { Screen::Title });
    }
}
