//! Great Leap, the game: a Bevy app around the rules core in `crates/sim`.
//!
//! Data flows one way: input becomes a `UiAction`, the screen that owns it
//! edits the season's draft or sends `SubmitSeason`, one system (in
//! `rules.rs`) calls the rules core, and views rebuild from the new state.
//! Every plugin here is a plain function, `plugin(app)`.

pub mod access;
pub mod actions;
pub mod charts;
pub mod hooks;
pub mod keys;
pub mod kiosk;
pub mod language;
pub mod lesson;
pub mod looks;
pub mod map;
pub mod mirror;
pub mod pace;
pub mod platform;
pub mod rules;
pub mod save;
pub mod screens;
pub mod scroll;
pub mod settings;
pub mod text;
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod web;

use bevy::asset::AssetMetaCheck;
use bevy::input_focus::tab_navigation::TabNavigationPlugin;
use bevy::prelude::*;
use bevy::window::WindowResolution;

/// The parts of the game that need no window: the rules and saving.
pub fn headless_plugin(app: &mut App) {
    app.add_plugins((rules::plugin, lesson::plugin, save::plugin));
}

/// Everything on screen.
pub fn game_plugin(app: &mut App) {
    #[cfg(target_arch = "wasm32")]
    app.add_plugins(web::plugin);
    // After the browser glue, which reads the link; kiosk mode replaces its storage.
    app.add_plugins(kiosk::plugin);
    app.init_resource::<text::Strings>()
        .insert_resource(ClearColor(theme::palette::PAPER))
        .add_plugins((
            headless_plugin,
            mirror::plugin,
            pace::plugin,
            theme::plugin,
            settings::plugin,
            looks::plugin,
            access::plugin,
            keys::plugin,
            language::plugin,
            screens::plugin,
            scroll::plugin,
            hooks::plugin,
            great_leap_probe::plugin,
        ))
        .add_systems(OnExit(screens::Screen::Loading), |mut ready: ResMut<great_leap_probe::Interactive>| {
            ready.0 = true
        })
        .add_systems(Startup, |mut commands: Commands| {
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
                    resolution: platform::page_size()
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
    // A turn-based game draws only when something changes (pace.rs).
    .insert_resource(pace::settings())
    .add_plugins(game_plugin);
    app
}
