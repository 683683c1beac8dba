//! The ending: what became of the commune and its secretary, what happened
//! to cadres in that place in history, and the people. None is a victory.

use bevy::prelude::*;

use crate::core::action::{Act, ClassAction, UiAction};
use crate::core::flow::{Overlay, Screen};
use crate::core::sets::AppSystems;
use crate::core::text::{Strings, thousands};
use crate::game::lesson::Student;
use crate::game::session::Commune;
use crate::ui::{self, ButtonLook, button, button_with, page, palette};

const HAND_IN: UiAction = UiAction::Class(ClassAction::HandIn);

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Ending), spawn_ending)
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Ending)));
}

fn spawn_ending(mut commands: Commands, commune: Res<Commune>, strings: Res<Strings>, student: Res<Student>) {
    let s = &*strings;
    let data = &commune.data;
    let ending = commune.state.ending.clone();
    let def = ending.as_ref().and_then(|e| data.ending(e.data_id()));
    let excess = (commune.state.years.iter().map(|y| y.deaths).sum::<i64>() - commune.state.baseline_deaths).max(0);
    page(&mut commands, Screen::Ending, |p| {
        if let Some(def) = def {
            p.spawn(ui::text(s.data(&def.title), ui::SIZE_TITLE - 8.0, palette::ACCENT));
            p.spawn(ui::body(s.data(&def.text)));
            p.spawn(ui::card()).with_children(|c| {
                c.spawn(ui::text(s.get("ending.history"), ui::SIZE_BODY, palette::MUTED));
                c.spawn(ui::body(s.data(&def.history)));
                let cite = data.source(&def.source).map(|x| x.citation.clone()).unwrap_or_default();
                c.spawn(ui::small(s.fill("source.line", &[("source", cite)])));
            });
        }
        let deaths: i64 = commune.state.years.iter().map(|y| y.deaths).sum();
        p.spawn(ui::body(s.fill(
            "ending.people",
            &[
                ("deaths", thousands(deaths)),
                ("excess", thousands(excess)),
                ("people", thousands(commune.state.people())),
            ],
        )));
        p.spawn(ui::small(s.get("ending.no_victory")));
        p.spawn(Node { column_gap: px(10), row_gap: px(8), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                if student.assignment.is_some() {
                    r.spawn(button_with(s.get("button.hand_in"), HAND_IN, ButtonLook::Primary, true));
                    r.spawn(button(s.get("button.debrief"), UiAction::ShowDebrief));
                } else {
                    r.spawn(button_with(s.get("button.debrief"), UiAction::ShowDebrief, ButtonLook::Primary, true));
                }
            },
        );
    });
}

fn handle_acts(
    mut acts: MessageReader<Act>,
    mut screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::Open(o) => overlay.set(*o),
            UiAction::ShowDebrief => screen.set(Screen::Debrief),
            UiAction::ToTitle => screen.set(Screen::Title),
            _ => {}
        }
    }
}
