//! The title screen (new game, continue, a damaged save) and the briefing.

use std::sync::Arc;

use bevy::prelude::*;

use super::Screen;
use super::season::Draft;
use crate::actions::{Act, ClassAction, Overlay, UiAction};
use crate::lesson::{Launch, Student};
use crate::rules::{Commune, GameData};
use crate::save::{self, SaveStatus, Storage};
use crate::text::Strings;
use crate::theme::{self, ButtonLook, button, button_with, palette};

pub const SCENARIO: &str = "full";

pub fn plugin(app: &mut App) {
    app.init_resource::<ConfirmNew>()
        .add_systems(OnEnter(Screen::Title), (|mut c: ResMut<ConfirmNew>| c.0 = false).run_if(not(crate::kiosk::on)))
        .add_systems(OnEnter(Screen::Briefing), spawn_briefing)
        .add_systems(Update, handle_acts.run_if(in_state(Screen::Title).or_else(in_state(Screen::Briefing))))
        // Every frame on the title, so that its change checks compare with
        // the frame before: a run condition evaluated only now and then saw
        // old changes and rebuilt the screen under the player's finger.
        .add_systems(Update, spawn_title.run_if(in_state(Screen::Title).and_then(not(crate::kiosk::on))));
}

#[derive(Component)]
struct TitleRoot;

/// The player asked for a new game while one is in progress: ask first.
#[derive(Resource, Default)]
struct ConfirmNew(bool);

fn centred_column() -> Node {
    Node {
        width: percent(100),
        height: percent(100),
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::Center,
        row_gap: px(14),
        padding: UiRect::all(px(24)),
        overflow: Overflow::scroll_y(),
        ..default()
    }
}

/// The title screen; spawned on entering it, and again when the save's
/// status, the link, the language or the new-game question changes.
fn spawn_title(
    mut commands: Commands,
    roots: Query<Entity, With<TitleRoot>>,
    strings: Res<Strings>,
    status: Res<SaveStatus>,
    confirm: Res<ConfirmNew>,
    launch: Res<Launch>,
    (language, kiosk): (Res<crate::language::Language>, Res<crate::kiosk::Kiosk>),
) {
    let changed = status.is_changed() || confirm.is_changed() || launch.is_changed() || language.is_changed();
    if !roots.is_empty() && !changed {
        return;
    }
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    commands.spawn((theme::screen_root(), TitleRoot, DespawnOnExit(Screen::Title))).with_children(|root| {
        root.spawn((centred_column(), crate::scroll::Scrollable, ScrollPosition::default())).with_children(|c| {
            c.spawn(crate::language::switch_button(s, &language, theme::button_node(), theme::SIZE_BODY));
            if language.failed {
                c.spawn(theme::small(s.get("language.font_failed")));
            }
            for (name, value) in &kiosk.problems {
                c.spawn(theme::small(
                    s.fill("link.setting_ignored", &[("name", name.clone()), ("value", value.clone())]),
                ));
            }
            c.spawn(theme::centred(s.get("title.name"), theme::SIZE_TITLE, palette::ACCENT));
            c.spawn(theme::centred(s.get("title.subtitle"), theme::SIZE_HEADING, palette::INK));
            // The column's width, up to 720, on the text itself: in a box of
            // its own the text ran off a phone's screen (the box took the
            // unwrapped width), or the box was shorter than its lines.
            c.spawn((
                theme::body(s.get("title.advisory")),
                Node { width: percent(100), max_width: px(720), ..default() },
            ));
            assignment_card(c, &launch, &status, s);
            match &*status {
                SaveStatus::Ready(saved) => {
                    let season_year = [
                        ("season", s.get(&format!("season.{}", saved.now.season.key()))),
                        ("year", saved.now.year.to_string()),
                    ];
                    let label = if saved.over {
                        s.get("title.continue_finished")
                    } else {
                        s.fill("title.continue", &season_year)
                    };
                    if confirm.0 && !saved.over {
                        c.spawn(theme::card_with(
                            Node { max_width: px(720), ..theme::card_node() },
                            palette::WARNING_BG,
                            palette::RULE,
                        ))
                        .with_children(|w| {
                            w.spawn(theme::body(s.fill("title.confirm_new", &season_year)));
                            w.spawn(Node {
                                column_gap: px(10),
                                flex_wrap: FlexWrap::Wrap,
                                row_gap: px(8),
                                ..default()
                            })
                            .with_children(|b| {
                                b.spawn(button_with(
                                    s.get("title.keep_playing"),
                                    UiAction::Continue,
                                    ButtonLook::Primary,
                                    true,
                                ));
                                b.spawn(button(s.get("title.start_over"), UiAction::ConfirmNewGame));
                            });
                        });
                    } else {
                        c.spawn(button_with(label, UiAction::Continue, ButtonLook::Primary, true));
                        c.spawn(button(s.get("title.new_game"), UiAction::NewGame));
                    }
                }
                SaveStatus::Damaged(reason) => {
                    c.spawn(theme::card_with(
                        Node { max_width: px(720), ..theme::card_node() },
                        palette::WARNING_BG,
                        palette::RULE,
                    ))
                    .with_children(|w| {
                        w.spawn(theme::body(
                            s.fill("title.damaged", &[("reason", crate::lesson::words(s, reason.key()))]),
                        ));
                        w.spawn(Node { column_gap: px(10), flex_wrap: FlexWrap::Wrap, row_gap: px(8), ..default() })
                            .with_children(|b| {
                                b.spawn(button_with(
                                    s.get("title.keep_damaged"),
                                    UiAction::KeepDamagedSave,
                                    ButtonLook::Primary,
                                    true,
                                ));
                                b.spawn(button(s.get("title.delete_damaged"), UiAction::DeleteDamagedSave));
                            });
                    });
                }
                SaveStatus::None => {
                    c.spawn(button_with(s.get("title.new_game"), UiAction::NewGame, ButtonLook::Primary, true));
                }
            }
            c.spawn(Node { column_gap: px(10), flex_wrap: FlexWrap::Wrap, row_gap: px(8), ..default() }).with_children(
                |b| {
                    b.spawn(button(s.get("button.glossary"), UiAction::Open(Overlay::Glossary)));
                    b.spawn(button(s.get("button.sources"), UiAction::Open(Overlay::Sources)));
                    b.spawn(button(s.get("button.settings"), UiAction::Open(Overlay::Settings)));
                },
            );
            c.spawn(Node { column_gap: px(10), flex_wrap: FlexWrap::Wrap, row_gap: px(8), ..default() }).with_children(
                |b| {
                    b.spawn(button(s.get("title.class_code"), UiAction::Class(ClassAction::EnterCode)));
                    b.spawn(button(s.get("title.teacher"), UiAction::Class(ClassAction::Teacher)));
                },
            );
        });
    });
}

/// What the link said: an assignment to start, or why the link could not be used.
fn assignment_card(c: &mut ChildSpawnerCommands, launch: &Launch, status: &SaveStatus, s: &Strings) {
    if let Some(problem) = &launch.problem {
        c.spawn(theme::card_with(
            Node { max_width: px(720), ..theme::card_node() },
            palette::WARNING_BG,
            palette::RULE,
        ))
        .with_children(|w| {
            w.spawn(theme::body(s.fill("link.problem", &[("reason", crate::lesson::words(s, problem.key()))])));
        });
    }
    if !launch.unknown.is_empty() {
        c.spawn(theme::small(s.fill("link.unknown", &[("names", launch.unknown.join(", "))])));
    }
    let Some(a) = &launch.assignment else { return };
    let saved_here = matches!(status, SaveStatus::Ready(saved)
        if saved.save.student.as_ref().and_then(|st| st.assignment.as_ref()) == Some(a));
    c.spawn(theme::card_with(Node { max_width: px(720), ..theme::card_node() }, palette::PANEL, palette::ACCENT))
        .with_children(|w| {
            w.spawn(theme::heading(s.fill("title.assignment", &[("code", a.code())])));
            if saved_here {
                w.spawn(theme::body(s.get("title.assignment_saved")));
            } else {
                w.spawn(button_with(
                    s.get("title.assignment_open"),
                    UiAction::Class(ClassAction::ShowAssignment),
                    ButtonLook::Primary,
                    true,
                ));
            }
        });
}

fn spawn_briefing(
    mut commands: Commands,
    strings: Res<Strings>,
    data: Res<GameData>,
    student: Res<Student>,
    kiosk: Res<crate::kiosk::Kiosk>,
) {
    let s = &*strings;
    let c = &data.0.commune;
    let people: i64 = c.brigades.iter().map(|b| b.people).sum();
    let mu: i64 = c.brigades.iter().map(|b| b.farmland_mu).sum();
    commands.spawn((theme::screen_root(), DespawnOnExit(Screen::Briefing))).with_children(|root| {
        root.spawn((centred_column(), crate::scroll::Scrollable, ScrollPosition::default())).with_children(|col| {
            col.spawn((Node { max_width: px(820), ..theme::column(12) },)).with_children(|b| {
                let scenario =
                    student.assignment.as_ref().map_or(crate::kiosk::free_scenario(&kiosk), |a| a.scenario.as_str());
                let start = data.0.scenario(scenario).map(|sc| sc.start).ok();
                let heading = start.map_or_else(
                    || s.get("briefing.heading"),
                    |st| {
                        s.fill(
                            "season.when",
                            &[("season", s.get(&format!("season.{}", st.season.key()))), ("year", st.year.to_string())],
                        )
                    },
                );
                b.spawn(theme::text(heading, theme::SIZE_TITLE - 8.0, palette::ACCENT));
                b.spawn(theme::body(s.fill(
                    "briefing.you",
                    &[
                        ("commune", s.data(&c.name)),
                        ("county", s.data(&c.county)),
                        ("brigades", c.brigades.len().to_string()),
                        ("people", crate::text::thousands(people)),
                        ("mu", crate::text::thousands(mu)),
                    ],
                )));
                // The short scenario stops in winter 1959, not at the 1962 conference.
                let stakes = if scenario == SCENARIO { "briefing.stakes" } else { "briefing.stakes_short" };
                for key in ["briefing.season", "briefing.ledgers", stakes, "briefing.sources"] {
                    b.spawn(theme::body(s.get(key)));
                }
                b.spawn(theme::warning_card()).with_children(|w| {
                    w.spawn(theme::body(s.get("briefing.advisory")));
                });
                b.spawn(Node { column_gap: px(10), ..default() }).with_children(|r| {
                    r.spawn(button(s.get("button.back"), UiAction::ToTitle));
                    r.spawn(button_with(s.get("briefing.begin"), UiAction::Begin, ButtonLook::Primary, true));
                });
            });
        });
    });
}

#[allow(clippy::too_many_arguments)]
fn handle_acts(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    data: Res<GameData>,
    storage: Res<Storage>,
    mut status: ResMut<SaveStatus>,
    mut screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut confirm: ResMut<ConfirmNew>,
    mut student: ResMut<Student>,
    kiosk: Res<crate::kiosk::Kiosk>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::Class(ClassAction::EnterCode) => screen.set(Screen::ClassCode),
            UiAction::Class(ClassAction::ShowAssignment) => screen.set(Screen::Assignment),
            UiAction::Class(ClassAction::Teacher) => screen.set(Screen::Teacher),
            UiAction::Open(o) => overlay.set(*o),
            UiAction::NewGame if matches!(&*status, SaveStatus::Ready(saved) if !confirm.0 && !saved.over) => {
                confirm.0 = true;
            }
            UiAction::NewGame | UiAction::ConfirmNewGame => {
                *student = Student::default();
                if let SaveStatus::Damaged(_) = &*status {
                    keep_damaged(storage.0.as_ref());
                }
                screen.set(Screen::Briefing);
            }
            UiAction::KeepDamagedSave => {
                *student = Student::default();
                keep_damaged(storage.0.as_ref());
                screen.set(Screen::Briefing);
            }
            UiAction::DeleteDamagedSave => {
                let _ = storage.0.remove(save::KEY);
                let _ = storage.0.remove(save::PREVIOUS);
                *status = save::inspect(storage.0.as_ref(), &data.0);
            }
            UiAction::ToTitle => screen.set(Screen::Title),
            UiAction::Begin => match begin(&data, &student, &kiosk) {
                Ok(commune) => {
                    commands.insert_resource(Draft::for_season(&commune, None));
                    commands.insert_resource(commune);
                    screen.set(Screen::Season);
                }
                Err(e) => *status = SaveStatus::Damaged(e.into()),
            },
            UiAction::Continue => {
                if let SaveStatus::Ready(saved) = &*status {
                    match Commune::restore(Arc::clone(&data.0), saved.save.run.clone()) {
                        Ok(commune) => {
                            let over = commune.state.is_over();
                            *student = saved.save.student.clone().unwrap_or_default();
                            commands.insert_resource(saved.save.draft.clone());
                            commands.insert_resource(commune);
                            screen.set(if over { Screen::Ending } else { Screen::Season });
                        }
                        Err(e) => *status = SaveStatus::Damaged(e.into()),
                    }
                }
            }
            _ => {}
        }
    }
}

/// A new game: the assignment's scenario and seed, or a free game.
fn begin(data: &GameData, student: &Student, kiosk: &crate::kiosk::Kiosk) -> Result<Commune, sim::SimError> {
    match &student.assignment {
        Some(a) => Commune::new(Arc::clone(&data.0), &a.scenario, a.game_seed(student.student)),
        None => Commune::new(Arc::clone(&data.0), crate::kiosk::free_scenario(kiosk), crate::platform::fresh_seed()),
    }
}

/// Move a damaged save aside, so that a new game never overwrites it.
fn keep_damaged(store: &dyn save::Store) {
    if let Ok(Some(text)) = store.get(save::KEY) {
        let _ = store.set(save::DAMAGED, &text);
        let _ = store.remove(save::KEY);
    }
}
