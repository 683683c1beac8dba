//! Screens as states, one file or folder per screen. Each spawns its
//! entities on entering and tags them `DespawnOnExit`; the season screen has
//! phases as sub-states. Screens share pieces only through `parts`.

mod assignment;
pub mod attract;
mod briefing;
mod class_code;
mod debrief;
mod ending;
mod hand_in;
mod knowledge;
mod overlays;
pub mod parts;
mod season;
mod teacher;
mod title;
mod year_summary;

use bevy::prelude::*;

use crate::core::flow::{LanguageChanged, Screen};
use crate::core::launch::Kiosk;
use crate::core::platform::page_size;
use crate::core::sets::AppSystems;
use crate::game::language::Language;

pub fn plugin(app: &mut App) {
    // Straight after start-up too, when nothing is left to wait for
    // (each frame is dear while the page starts, docs/performance.md).
    app.add_systems(PostStartup, finish_loading)
        .add_systems(Update, finish_loading.in_set(AppSystems::View).run_if(in_state(Screen::Loading)))
        .add_systems(Update, redraw_in_new_words.in_set(AppSystems::HandleActs))
        .add_plugins((
            title::plugin,
            briefing::plugin,
            season::plugin,
            year_summary::plugin,
            ending::plugin,
            debrief::plugin,
            overlays::plugin,
        ))
        .add_plugins((
            class_code::plugin,
            assignment::plugin,
            knowledge::plugin,
            hand_in::plugin,
            teacher::plugin,
            attract::plugin,
        ));
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
    language: Res<Language>,
    kiosk: Res<Kiosk>,
    windows: Query<&Window>,
    mut frames: Local<u32>,
    mut screen: ResMut<NextState<Screen>>,
) {
    *frames += 1;
    let fitted = match (page_size(), windows.iter().next()) {
        (Some((w, h)), Some(window)) => (window.width() - w).abs() < 1.5 && (window.height() - h).abs() < 1.5,
        _ => true,
    };
    if fonts.contains(AssetId::<Font>::default()) && language.settled() && (fitted || *frames > 4) {
        screen.set(if kiosk.on { Screen::Attract } else { Screen::Title });
    }
}

/// A new language: the screen showing is entered again, drawn in the new
/// words. (The season is not: it is drawn again only when its phase
/// changes, and the language cannot be switched from it.)
fn redraw_in_new_words(
    mut changed: MessageReader<LanguageChanged>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if changed.read().count() == 0 {
        return;
    }
    let now = *screen.get();
    if !matches!(now, Screen::Loading | Screen::Season) {
        next.set(now);
    }
}
