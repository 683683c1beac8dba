//! The title screen: new game, continue, a damaged save, the class code and
//! the teacher's view.

use bevy::prelude::*;

use super::parts::centred_column;
use crate::core::action::{Act, ClassAction, UiAction};
use crate::core::flow::{Overlay, Screen};
use crate::core::launch::{Kiosk, on};
use crate::core::sets::AppSystems;
use crate::core::storage::Storage;
use crate::core::text::Strings;
use crate::game::language::Language;
use crate::game::lesson::{Launch, Student, words};
use crate::game::lifecycle::{keep_damaged, resume};
use crate::game::save::{self, SaveStatus};
use crate::game::session::GameData;
use crate::ui::{self, ButtonLook, Scrollable, button, button_with, palette};

pub fn plugin(app: &mut App) {
    app.init_resource::<ConfirmNew>()
        .add_systems(OnEnter(Screen::Title), (|mut c: ResMut<ConfirmNew>| c.0 = false).run_if(not(on)))
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Title)))
        // Every frame on the title, so that its change checks compare with
        // the frame before: a run condition evaluated only now and then saw
        // old changes and rebuilt the screen under the player's finger.
        .add_systems(Update, spawn_title.in_set(AppSystems::View).run_if(in_state(Screen::Title).and_then(not(on))));
}

#[derive(Component)]
struct TitleRoot;

/// The player asked for a new game while one is in progress: ask first.
#[derive(Resource, Default)]
struct ConfirmNew(bool);

/// The title screen; spawned on entering it, and again when the save's
/// status, the link, the language or the new-game question changes.
fn spawn_title(
    mut commands: Commands,
    roots: Query<Entity, With<TitleRoot>>,
    strings: Res<Strings>,
    status: Res<SaveStatus>,
    confirm: Res<ConfirmNew>,
    launch: Res<Launch>,
    (language, kiosk): (Res<Language>, Res<Kiosk>),
) {
    let changed = status.is_changed() || confirm.is_changed() || launch.is_changed() || language.is_changed();
    if !roots.is_empty() && !changed {
        return;
    }
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    commands.spawn((ui::screen_root(), TitleRoot, DespawnOnExit(Screen::Title))).with_children(|root| {
        root.spawn((centred_column(), Scrollable, ScrollPosition::default())).with_children(|c| {
            c.spawn(ui::language_button(s, &language, ui::button_node(), ui::SIZE_BODY));
            if language.failed {
                c.spawn(ui::small(s.get("language.font_failed")));
            }
            for (name, value) in &kiosk.problems {
                c.spawn(ui::small(s.fill("link.setting_ignored", &[("name", name.clone()), ("value", value.clone())])));
            }
            c.spawn(ui::centred(s.get("title.name"), ui::SIZE_TITLE, palette::ACCENT));
            c.spawn(ui::centred(s.get("title.subtitle"), ui::SIZE_HEADING, palette::INK));
            // The column's width, up to 720, on the text itself: in a box of
            // its own the text ran off a phone's screen (the box took the
            // unwrapped width), or the box was shorter than its lines.
            c.spawn((ui::body(s.get("title.advisory")), Node { width: percent(100), max_width: px(720), ..default() }));
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
                        c.spawn(ui::card_with(
                            Node { max_width: px(720), ..ui::card_node() },
                            palette::WARNING_BG,
                            palette::RULE,
                        ))
                        .with_children(|w| {
                            w.spawn(ui::body(s.fill("title.confirm_new", &season_year)));
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
                    c.spawn(ui::card_with(
                        Node { max_width: px(720), ..ui::card_node() },
                        palette::WARNING_BG,
                        palette::RULE,
                    ))
                    .with_children(|w| {
                        w.spawn(ui::body(s.fill("title.damaged", &[("reason", words(s, reason.key()))])));
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
        c.spawn(ui::card_with(Node { max_width: px(720), ..ui::card_node() }, palette::WARNING_BG, palette::RULE))
            .with_children(|w| {
                w.spawn(ui::body(s.fill("link.problem", &[("reason", words(s, problem.key()))])));
            });
    }
    if !launch.unknown.is_empty() {
        c.spawn(ui::small(s.fill("link.unknown", &[("names", launch.unknown.join(", "))])));
    }
    let Some(a) = &launch.assignment else { return };
    let saved_here = matches!(status, SaveStatus::Ready(saved)
        if saved.save.student.as_ref().and_then(|st| st.assignment.as_ref()) == Some(a));
    c.spawn(ui::card_with(Node { max_width: px(720), ..ui::card_node() }, palette::PANEL, palette::ACCENT))
        .with_children(|w| {
            w.spawn(ui::heading(s.fill("title.assignment", &[("code", a.code())])));
            if saved_here {
                w.spawn(ui::body(s.get("title.assignment_saved")));
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
            UiAction::Continue => {
                if let SaveStatus::Ready(saved) = &*status {
                    match resume(&mut commands, &data, saved) {
                        Ok((over, whose)) => {
                            *student = whose;
                            screen.set(if over { Screen::Ending } else { Screen::Season });
                        }
                        Err(e) => *status = SaveStatus::Damaged(e),
                    }
                }
            }
            _ => {}
        }
    }
}
