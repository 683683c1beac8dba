//! Great Leap, the game: a Bevy app around the rules core in `crates/sim`.
//!
//! The source is layered, and imports only run down (a test holds it,
//! `tests/game/layers.rs`):
//!
//! - `core`: the words every layer shares (screens and phases, actions,
//!   the frame's order, the launch, storage, text, the platform);
//! - `game`: the session and what persists (the commune, the season's
//!   draft, saves, the lesson, the teacher's desk, settings, language);
//! - `ui` and `a11y`: how things look and answer input, and the screen as
//!   a document for screen readers;
//! - `screens` and `kiosk`: one file or folder a screen, and the museum's
//!   idle watch;
//! - `probe`: the snapshot tests read, and when frames are drawn;
//! - `web`: the browser (wasm only).
//!
//! Data flows one way: input becomes a `UiAction`, the screen that owns it
//! edits the season's draft or sends `SubmitSeason`, one system calls the
//! rules core, the result is mirrored, and views rebuild. The order of that
//! work in a frame is written once, here (`system_order`).

pub mod a11y;
pub mod core;
pub mod game;
pub mod kiosk;
pub mod probe;
pub mod screens;
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;

use bevy::asset::AssetMetaCheck;
use bevy::input_focus::tab_navigation::TabNavigationPlugin;
use bevy::prelude::*;
use bevy::window::WindowResolution;

use crate::core::platform::page_size;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;

/// The order of a frame's work: input, actions, rules, the mirror, the
/// views; then colours; then the document, the snapshot and publishing.
fn system_order(app: &mut App) {
    app.configure_sets(PreUpdate, (AppSystems::Collect, AppSystems::ReadInput).chain())
        .configure_sets(
            Update,
            (AppSystems::HandleActs, AppSystems::Rules, AppSystems::Mirror, AppSystems::View).chain(),
        )
        .configure_sets(PostUpdate, (AppSystems::Paint, AppSystems::Repaint).chain())
        .configure_sets(Last, (AppSystems::Describe, AppSystems::Snapshot, AppSystems::Publish).chain());
}

/// The parts of the game that need no window: the rules and saving.
pub fn headless_plugin(app: &mut App) {
    system_order(app);
    app.add_plugins(game::plugin);
}

/// Everything on screen.
pub fn game_plugin(app: &mut App) {
    #[cfg(target_arch = "wasm32")]
    app.add_plugins(web::plugin);
    // After the browser glue, which reads the link; kiosk mode replaces its storage.
    app.add_plugins(core::launch::plugin);
    app.init_resource::<Strings>().add_plugins((
        core::plugin,
        headless_plugin,
        game::player_plugin,
        ui::plugin,
        a11y::plugin,
        screens::plugin,
        kiosk::plugin,
        probe::plugin,
    ));
    app.add_systems(Startup, |mut commands: Commands| {
        // No multisampling: the interface anti-aliases its own edges and
        // text, and without a GPU every sample of every pixel is paid
        // for on the CPU (docs/performance.md).
        commands.spawn((Camera2d, Msaa::Off));
    });
}

/// The whole game, as the browser (or a desktop window) runs it.
pub fn app() -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Great Leap".into(),
                    canvas: Some("#game".into()),
                    fit_canvas_to_parent: true,
                    prevent_default_event_handling: true,
                    // In the browser the window starts at the page's size, so
                    // the first screen is laid out for it in the first frame
                    // rather than for Bevy's 1280 x 720 until the canvas has
                    // been fitted, a frame or two later (screens::finish_loading).
                    resolution: page_size()
                        .map(|(w, h)| WindowResolution::new(w.round().max(1.0) as u32, h.round().max(1.0) as u32))
                        .unwrap_or_default(),
                    ..default()
                }),
                ..default()
            })
            // Trunk serves no .meta files; asking for them only produces 404s.
            .set(AssetPlugin { meta_check: AssetMetaCheck::Never, ..default() }),
    )
    .add_plugins(TabNavigationPlugin)
    // A turn-based game draws only when something changes (probe::pace).
    .insert_resource(probe::pace::settings())
    .add_plugins(game_plugin);
    app
}
