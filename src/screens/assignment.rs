//! The assignment's settings before play, the nickname if the teacher asks
//! for one, and Start.

use bevy::prelude::*;
use bevy::text::EditableText;
use classroom::Seeds;

use super::parts::{notice_card, settings_lines};
use crate::core::action::{Act, ClassAction, UiAction};
use crate::core::flow::Screen;
use crate::core::platform::fresh_seed;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;
use crate::game::draft::Draft;
use crate::game::lesson::{CheckDraft, CheckStage, Launch, Student};
use crate::game::notices::LessonNotice;
use crate::game::save::SaveStatus;
use crate::game::session::{Commune, GameData};
use crate::ui::{self, ButtonLook, Field, button, button_with, page, palette};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Assignment), spawn_assignment)
        .add_systems(
            Update,
            spawn_assignment
                .in_set(AppSystems::View)
                .run_if(in_state(Screen::Assignment).and_then(resource_changed::<LessonNotice>)),
        )
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Assignment)));
}

/// The screen's root, drawn again when its notice changes.
#[derive(Component)]
struct Root;

fn spawn_assignment(
    mut commands: Commands,
    roots: Query<Entity, With<Root>>,
    fields: Query<(&EditableText, &Field)>,
    strings: Res<Strings>,
    launch: Res<Launch>,
    data: Res<GameData>,
    status: Res<SaveStatus>,
    notice: Res<LessonNotice>,
) {
    let typed = ui::field_text(&fields, Field::Nickname);
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    let Some(a) = launch.assignment.clone() else { return };
    let root = page(&mut commands, Screen::Assignment, |p| {
        p.spawn(ui::text(s.get("assignment.heading"), ui::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(ui::text(s.fill("assignment.code", &[("code", a.code())]), ui::SIZE_HEADING, palette::INK));
        p.spawn(ui::card()).with_children(|c| {
            c.spawn(ui::small(s.get("assignment.settings")));
            for line in settings_lines(&a, &data.0, s) {
                c.spawn(ui::body(format!("• {line}")));
            }
        });
        p.spawn(ui::body(s.get("assignment.privacy")));
        if a.nickname {
            p.spawn(ui::body(s.get("assignment.nickname_prompt")));
            p.spawn(ui::text_field(
                Field::Nickname,
                &typed,
                classroom::report::MAX_NICKNAME_CHARS,
                UiAction::Class(ClassAction::Start),
            ));
        }
        if let SaveStatus::Ready(saved) = &*status
            && !saved.over
        {
            p.spawn(ui::small(s.get("assignment.replaces")));
        }
        notice_card(p, &notice.0);
        p.spawn(ui::row(10)).with_children(|r| {
            r.spawn(button(s.get("button.back"), UiAction::ToTitle));
            r.spawn(button_with(
                s.get("assignment.start"),
                UiAction::Class(ClassAction::Start),
                ButtonLook::Primary,
                true,
            ));
        });
    });
    commands.entity(root).insert(Root);
}

#[allow(clippy::too_many_arguments)]
fn handle_acts(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    fields: Query<(&EditableText, &Field)>,
    launch: Res<Launch>,
    mut student: ResMut<Student>,
    mut stage: ResMut<CheckStage>,
    mut draft: ResMut<CheckDraft>,
    mut notice: ResMut<LessonNotice>,
    strings: Res<Strings>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::ToTitle => {
                notice.0 = None;
                screen.set(Screen::Title);
            }
            UiAction::Class(ClassAction::Start) => {
                let Some(a) = launch.assignment.clone() else { continue };
                let nickname = ui::field_text(&fields, Field::Nickname);
                if a.nickname && nickname.is_empty() {
                    notice.0 = Some(strings.get("assignment.nickname_needed"));
                    continue;
                }
                notice.0 = None;
                // The assignment's game starts fresh: no earlier game may be saved under it.
                commands.remove_resource::<Commune>();
                commands.remove_resource::<Draft>();
                *student = Student {
                    student: (a.seeds == Seeds::Student).then(|| (fresh_seed() % u64::from(u32::MAX)) as u32),
                    nickname: a.nickname.then_some(nickname),
                    knowledge: default(),
                    assignment: Some(a.clone()),
                };
                if a.check {
                    *stage = CheckStage::Before;
                    draft.0.clear();
                    screen.set(Screen::Knowledge);
                } else {
                    screen.set(Screen::Briefing);
                }
            }
            _ => {}
        }
    }
}
