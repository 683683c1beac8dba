//! Museum kiosk mode, opened with `?kiosk=1`: the short scenario, large
//! targets, nothing saved between visitors (`core::launch`), no teacher or
//! file features, an attract loop (`screens::attract`), and a "Still
//! playing?" countdown after a visitor walks away, then back to the loop.
//! The reset happens inside the running game (no page reload), so the kiosk
//! can run for weeks; browser tests cycle it and watch the memory.

use bevy::input::keyboard::KeyboardInput;
use bevy::input::mouse::{MouseButtonInput, MouseWheel};
use bevy::input::touch::TouchInput;
use bevy::prelude::*;

use crate::core::action::{Act, KioskAction, UiAction};
use crate::core::flow::{Overlay, Screen};
use crate::core::launch::{Kiosk, on};
use crate::core::sets::AppSystems;
use crate::core::storage::Storage;
use crate::core::text::{Lang, Strings};
use crate::game::draft::Draft;
use crate::game::language::Language;
use crate::game::lesson::Student;
use crate::game::save::{self, SaveStatus};
use crate::game::session::Commune;
use crate::game::settings::{self, Settings};
use crate::ui::{self, ButtonLook, palette};

pub fn plugin(app: &mut App) {
    // Registered here too for apps without a window (tests); a no-op otherwise.
    app.add_message::<TouchInput>()
        .add_message::<MouseButtonInput>()
        .add_message::<KeyboardInput>()
        .add_message::<MouseWheel>()
        .add_message::<CursorMoved>();
    app.init_resource::<Idle>()
        .add_systems(OnEnter(Screen::Title), back_to_the_loop.run_if(on))
        .add_systems(Update, (watch_idle, countdown, handle_acts).chain().in_set(AppSystems::HandleActs).run_if(on));
}

// ---------------------------------------------------------------------------
// Idle time, the countdown, and the reset.

/// When the last touch (or click, key, wheel) came, and whether the visitor
/// has been asked "Still playing?".
#[derive(Resource, Default, Debug)]
pub struct Idle {
    /// Seconds of real time at the last input.
    pub last_input: f64,
    pub asking: bool,
}

#[derive(Component)]
struct CountdownRoot;

#[derive(Component)]
struct CountdownSeconds;

#[allow(clippy::too_many_arguments)]
fn watch_idle(
    time: Res<Time<Real>>,
    mut idle: ResMut<Idle>,
    screen: Res<State<Screen>>,
    mut touches: MessageReader<TouchInput>,
    mut buttons: MessageReader<MouseButtonInput>,
    mut keys: MessageReader<KeyboardInput>,
    mut wheel: MessageReader<MouseWheel>,
    mut cursor: MessageReader<CursorMoved>,
) {
    let now = time.elapsed_secs_f64();
    let input = touches.read().count()
        + buttons.read().count()
        + keys.read().count()
        + wheel.read().count()
        + cursor.read().count()
        > 0;
    // Waiting in the loop is not a visit.
    if input || matches!(screen.get(), Screen::Attract | Screen::Loading) {
        idle.last_input = now;
        if idle.asking {
            idle.asking = false;
        }
    }
}

/// After the idle time, ask; after the countdown too, start again.
#[allow(clippy::too_many_arguments)]
fn countdown(
    mut commands: Commands,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    mut idle: ResMut<Idle>,
    strings: Res<Strings>,
    roots: Query<Entity, With<CountdownRoot>>,
    mut seconds: Query<&mut Text, With<CountdownSeconds>>,
    mut reset: MessageWriter<Act>,
) {
    let quiet = time.elapsed_secs_f64() - idle.last_input;
    let ask_at = f64::from(kiosk.idle_secs);
    if !idle.asking && quiet >= ask_at {
        idle.asking = true;
    }
    if !idle.asking {
        for e in &roots {
            commands.entity(e).despawn();
        }
        return;
    }
    let left = (ask_at + f64::from(kiosk.countdown_secs) - quiet).ceil().max(0.0) as i64;
    if left <= 0 {
        reset.write(Act(UiAction::Kiosk(KioskAction::StartOver)));
        return;
    }
    let words = strings.fill("kiosk.countdown", &[("seconds", left.to_string())]);
    if roots.is_empty() {
        spawn_question(&mut commands, &strings, words);
    } else {
        for mut t in &mut seconds {
            if t.0 != words {
                t.0 = words.clone();
            }
        }
    }
}

fn spawn_question(commands: &mut Commands, s: &Strings, words: String) {
    commands.spawn((CountdownRoot, ui::modal_shade(30))).with_children(|shade| {
        shade
            .spawn(ui::card_with(
                Node { max_width: px(760), row_gap: px(18), align_items: AlignItems::Center, ..ui::card_node() },
                palette::PAPER,
                palette::ACCENT,
            ))
            .with_children(|card| {
                card.spawn(ui::centred(s.get("kiosk.still_playing"), ui::SIZE_TITLE - 8.0, palette::ACCENT));
                card.spawn((ui::body(words), CountdownSeconds));
                card.spawn(ui::row(16)).with_children(|r| {
                    r.spawn(ui::big_button(
                        s.get("kiosk.keep_playing"),
                        UiAction::Kiosk(KioskAction::KeepPlaying),
                        ButtonLook::Primary,
                        true,
                    ));
                    r.spawn(ui::big_button(
                        s.get("kiosk.start_over"),
                        UiAction::Kiosk(KioskAction::StartOver),
                        ButtonLook::Normal,
                        true,
                    ));
                });
            });
    });
}

#[allow(clippy::too_many_arguments)]
fn handle_acts(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    mut idle: ResMut<Idle>,
    mut screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut language: ResMut<Language>,
    mut reset: ResetParams,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::Kiosk(KioskAction::Play) => {
                *reset.student = Student::default();
                screen.set(Screen::Briefing);
            }
            UiAction::Kiosk(KioskAction::KeepPlaying) => {
                idle.last_input = time.elapsed_secs_f64();
                idle.asking = false;
            }
            UiAction::Kiosk(KioskAction::Leave) => {
                // Ask at once, with the full countdown.
                idle.last_input = time.elapsed_secs_f64() - f64::from(kiosk.idle_secs);
                idle.asking = true;
            }
            UiAction::Kiosk(KioskAction::StartOver) => {
                start_over(&mut commands, &mut reset);
                idle.asking = false;
                idle.last_input = time.elapsed_secs_f64();
                overlay.set(Overlay::None);
                if let Some(lang) = kiosk.lang.filter(|l| *l != language.shown) {
                    language.pending = Some(lang);
                } else if kiosk.lang.is_none() && language.shown != Lang::En {
                    language.pending = Some(Lang::En);
                }
                screen.set(Screen::Attract);
            }
            _ => {}
        }
    }
}

#[derive(bevy::ecs::system::SystemParam)]
struct ResetParams<'w> {
    student: ResMut<'w, Student>,
    status: ResMut<'w, SaveStatus>,
    storage: Res<'w, Storage>,
    settings: ResMut<'w, Settings>,
}

/// Forget the visit: the game, its (in-memory) save, the settings.
fn start_over(commands: &mut Commands, reset: &mut ResetParams) {
    commands.remove_resource::<Commune>();
    commands.remove_resource::<Draft>();
    *reset.student = Student::default();
    *reset.status = SaveStatus::None;
    for key in [save::KEY, save::PREVIOUS, save::DAMAGED] {
        let _ = reset.storage.0.remove(key);
    }
    if *reset.settings != Settings::default() {
        *reset.settings = Settings::default();
    }
    let _ = reset.storage.0.remove(settings::KEY);
}

/// In kiosk mode the title screen is the attract loop.
fn back_to_the_loop(mut acts: MessageWriter<Act>) {
    acts.write(Act(UiAction::Kiosk(KioskAction::StartOver)));
}
