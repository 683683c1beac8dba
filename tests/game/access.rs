//! Accessibility: the settings, the screen as text, and the keyboard.

use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::prelude::*;
use great_leap::a11y::{AccessInbox, AccessInput, AccessTree, Item};
use great_leap::core::action::{ClassAction, SettingsMove, UiAction};
use great_leap::core::flow::{Overlay, Phase, Screen};
use great_leap::core::storage::MemoryStore;
use great_leap::game::draft::{Draft, unanswered};
use great_leap::game::session::Commune;
use great_leap::game::settings::{KEY, Settings};
use great_leap::ui::looks;

use crate::{Raw, act, app, phase, screen};

#[test]
fn settings_apply_at_once_are_remembered_and_survive_a_damaged_entry() {
    let store = MemoryStore::default();
    let mut app = app(store.clone());
    act(&mut app, UiAction::Open(Overlay::Settings));
    for m in [
        SettingsMove::TextScale(175),
        SettingsMove::HighContrast(true),
        SettingsMove::ReducedMotion(true),
        SettingsMove::ColourSafe(true),
    ] {
        act(&mut app, UiAction::Settings(m));
    }
    assert!((app.world().resource::<UiScale>().0 - 1.75).abs() < 1e-6);
    assert_eq!(app.world().resource::<ClearColor>().0, looks::high::PAPER);
    let chosen = *app.world().resource::<Settings>();
    assert_eq!(
        chosen,
        Settings { text_scale: 175, high_contrast: true, reduced_motion: Some(true), colour_safe: true }
    );
    // Every choice is shown as chosen in the window.
    let tree = app.world().resource::<AccessTree>().clone();
    let pressed: Vec<&str> = tree
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Button { label, pressed: true, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(pressed, ["175%", "On", "On", "On"]);
    // A new visit finds them.
    let again = crate::app(store.clone());
    assert_eq!(*again.world().resource::<Settings>(), chosen);
    // A damaged entry gives the defaults, and the game starts.
    for bad in ["{", "[]", r#"{"text_scale": 900}"#, &"[".repeat(100_000)] {
        store.set_raw(KEY, bad);
        let fresh = crate::app(store.clone());
        assert_eq!(*fresh.world().resource::<Settings>(), Settings::default(), "{bad:.20}");
    }
}

fn tree(app: &App) -> AccessTree {
    app.world().resource::<AccessTree>().clone()
}

/// Press a button of the screen as text, by what it does.
fn press_in_text(app: &mut App, id: impl Fn(&str) -> bool) -> bool {
    let t = tree(app);
    let Some(index) = t.items.iter().find_map(|i| match i {
        Item::Button { index, id: b, enabled: true, .. } if id(b) => Some(*index),
        _ => None,
    }) else {
        return false;
    };
    app.world_mut().resource_mut::<AccessInbox>().0.push(AccessInput::Press { generation: t.generation, index });
    app.update();
    app.update();
    true
}

#[test]
fn a_whole_game_can_be_played_from_the_screen_as_text() {
    let mut app = app(MemoryStore::default());
    let t = tree(&app);
    assert!(t.items.iter().any(|i| matches!(i, Item::Heading { level: 1, .. })), "{:?}", t.items);
    assert!(press_in_text(&mut app, |id| id == "title.new_game"));
    assert_eq!(screen(&app), Screen::Briefing);
    assert!(press_in_text(&mut app, |id| id == "briefing.begin"));
    let mut announced = Vec::new();
    for _ in 0..300 {
        let t = tree(&app);
        announced.push(t.announce.clone());
        match screen(&app) {
            Screen::Ending => break,
            Screen::Season if phase(&app) == Phase::News => {
                let open = unanswered(app.world().resource::<Commune>(), app.world().resource::<Draft>());
                if let Some(d) = open.first() {
                    let d = format!("directive.{d}.");
                    assert!(press_in_text(&mut app, |id| id.starts_with(&d)));
                    continue;
                }
            }
            Screen::Season if phase(&app) == Phase::Report => {
                assert!(press_in_text(&mut app, |id| id == "report.county_expectation"));
            }
            _ => {}
        }
        assert!(press_in_text(&mut app, |id| id == "nav.next"), "no Next on {:?}", screen(&app));
    }
    assert_eq!(screen(&app), Screen::Ending);
    // The live region said where the player was and what the seasons brought.
    assert!(announced.iter().any(|a| a.contains("What happened") && a.contains("people died")), "{announced:?}");
    // Input meant for an older screen is dropped, not applied to this one.
    let stale = AccessInput::Press { generation: 0, index: 0 };
    app.world_mut().resource_mut::<AccessInbox>().0.push(stale);
    app.update();
    assert_eq!(screen(&app), Screen::Ending);
}

#[test]
fn a_field_of_the_screen_as_text_types_into_the_game() {
    let mut app = app(MemoryStore::default());
    act(&mut app, UiAction::Class(ClassAction::EnterCode));
    let t = tree(&app);
    let (index, label) = t
        .items
        .iter()
        .find_map(|i| match i {
            Item::Field { index, label, .. } => Some((*index, label.clone())),
            _ => None,
        })
        .expect("a field on the class code screen");
    assert!(!label.is_empty(), "the field is named by the text before it");
    let code = great_leap_classroom_code();
    let g = t.generation;
    app.world_mut().resource_mut::<AccessInbox>().0.extend([
        AccessInput::Type { generation: g, index, value: code.clone() },
        AccessInput::Submit { generation: g, index },
    ]);
    app.update();
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Assignment, "the typed code opened its assignment");
}

#[test]
fn arrow_keys_home_and_end_move_the_focus_like_tab() {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyboardInput};
    let mut app = app(MemoryStore::default());
    app.add_plugins(bevy::input_focus::InputDispatchPlugin);
    let window = app.world_mut().spawn((Window::default(), bevy::window::PrimaryWindow)).id();
    app.update();
    let key = |app: &mut App, key_code: KeyCode| {
        let press = KeyboardInput {
            key_code,
            logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
            state: ButtonState::Pressed,
            text: None,
            repeat: false,
            window,
        };
        app.world_mut().write_message(press);
        app.update();
        app.world().resource::<InputFocus>().get()
    };
    let first = key(&mut app, KeyCode::ArrowDown).expect("ArrowDown focuses a control");
    let second = key(&mut app, KeyCode::ArrowRight).expect("ArrowRight moves on");
    assert_ne!(first, second);
    assert_eq!(key(&mut app, KeyCode::ArrowUp), Some(first), "ArrowUp goes back");
    let last = key(&mut app, KeyCode::End).unwrap();
    assert_eq!(key(&mut app, KeyCode::Home), Some(first), "Home is the first control");
    assert_ne!(last, first, "End is the last");
    assert!(app.world().resource::<InputFocusVisible>().0, "and the ring shows");
}

fn great_leap_classroom_code() -> String {
    classroom::Assignment::new(1234).code()
}
