//! A student types the class code the teacher gave them.

use bevy::prelude::*;
use bevy::text::EditableText;
use classroom::Assignment;

use super::parts::notice_card;
use crate::core::action::{Act, ClassAction, UiAction};
use crate::core::flow::Screen;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;
use crate::game::lesson::Launch;
use crate::game::notices::LessonNotice;
use crate::game::session::GameData;
use crate::ui::{self, ButtonLook, Field, button, button_with, page, palette};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::ClassCode), spawn_code)
        .add_systems(
            Update,
            spawn_code
                .in_set(AppSystems::View)
                .run_if(in_state(Screen::ClassCode).and_then(resource_changed::<LessonNotice>)),
        )
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::ClassCode)));
}

/// The screen's root, drawn again when its notice changes.
#[derive(Component)]
struct Root;

fn spawn_code(
    mut commands: Commands,
    roots: Query<Entity, With<Root>>,
    fields: Query<(&EditableText, &Field)>,
    strings: Res<Strings>,
    notice: Res<LessonNotice>,
) {
    // A code that was refused stays in the field, to be corrected rather than retyped.
    let typed = ui::field_text(&fields, Field::StudentCode);
    for e in &roots {
        commands.entity(e).despawn();
    }
    let s = &*strings;
    let root = page(&mut commands, Screen::ClassCode, |p| {
        p.spawn(ui::text(s.get("code.heading"), ui::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(ui::body(s.get("code.intro")));
        p.spawn(ui::text_field(Field::StudentCode, &typed, 12, UiAction::Class(ClassAction::OpenCode)));
        notice_card(p, &notice.0);
        p.spawn(ui::row(10)).with_children(|r| {
            r.spawn(button(s.get("button.back"), UiAction::ToTitle));
            r.spawn(button_with(s.get("code.open"), UiAction::Class(ClassAction::OpenCode), ButtonLook::Primary, true));
        });
    });
    commands.entity(root).insert(Root);
}

fn handle_acts(
    mut acts: MessageReader<Act>,
    fields: Query<(&EditableText, &Field)>,
    mut launch: ResMut<Launch>,
    mut notice: ResMut<LessonNotice>,
    data: Res<GameData>,
    strings: Res<Strings>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::ToTitle => {
                notice.0 = None;
                screen.set(Screen::Title);
            }
            UiAction::Class(ClassAction::OpenCode) => {
                let typed = ui::field_text(&fields, Field::StudentCode);
                match Assignment::from_code(&typed) {
                    Ok(a) if data.0.scenario(&a.scenario).is_ok() => {
                        launch.assignment = Some(a);
                        launch.problem = None;
                        notice.0 = None;
                        screen.set(Screen::Assignment);
                    }
                    _ => notice.0 = Some(strings.get("code.bad")),
                }
            }
            _ => {}
        }
    }
}
