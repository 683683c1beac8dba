//! The debrief: the commune's reported and real harvests, grain per person
//! and deaths set against the national record with its ranges, the iron and
//! how little of it could be used, a timeline of the player's decisions
//! beside what happened historically, and questions for the class.

use bevy::prelude::*;
use sim::summary::table;

use super::parts::commune_charts;
use crate::core::action::{Act, ClassAction, UiAction};
use crate::core::flow::{Overlay, Screen};
use crate::core::sets::AppSystems;
use crate::core::text::{Strings, thousands};
use crate::game::lesson::Student;
use crate::game::session::Commune;
use crate::ui::{self, ButtonLook, button, button_with, page, palette};

const HAND_IN: UiAction = UiAction::Class(ClassAction::HandIn);

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Debrief), spawn_debrief)
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Debrief)));
}

fn spawn_debrief(mut commands: Commands, commune: Res<Commune>, strings: Res<Strings>, student: Res<Student>) {
    let s = &*strings;
    let data = &commune.data;
    page(&mut commands, Screen::Debrief, |p| {
        p.spawn(ui::text(s.get("debrief.heading"), ui::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(ui::body(s.get("debrief.intro")));
        commune_charts(p, &commune, s, i64::MAX);
        spawn_figures(p, &commune, s);
        p.spawn(ui::heading(s.get("debrief.timeline")));
        let mut choices: Vec<_> = commune
            .state
            .choices
            .iter()
            .filter_map(|(d, c)| data.event(d).map(|e| (e, e.choices.iter().find(|x| &x.id == c))))
            .collect();
        choices.sort_by_key(|(e, _)| e.at.ordinal());
        for (event, choice) in choices {
            p.spawn(ui::card()).with_children(|c| {
                c.spawn(ui::small(s.data(&event.date)));
                c.spawn(ui::text(s.data(&event.title), ui::SIZE_BODY, palette::INK));
                if let Some(choice) = choice {
                    c.spawn(ui::body(s.fill("debrief.you", &[("choice", s.data(&choice.label))])));
                }
                let history = if event.history.is_empty() { &event.body } else { &event.history };
                c.spawn(ui::body(s.fill("debrief.then", &[("history", s.data(history))])));
                let cite = data.source(&event.source).map(|x| x.citation.clone()).unwrap_or_default();
                c.spawn(ui::small(s.fill("source.line", &[("source", cite)])));
            });
        }
        p.spawn(ui::heading(s.get("debrief.questions")));
        for (i, q) in data.questions.iter().enumerate() {
            p.spawn(ui::card()).with_children(|c| {
                c.spawn(ui::body(format!("{}. {}", i + 1, s.data(&q.text))));
                let cite = data.source(&q.source).map(|x| x.citation.clone()).unwrap_or_default();
                c.spawn(ui::small(s.fill("source.line", &[("source", cite)])));
            });
        }
        p.spawn(Node { column_gap: px(10), row_gap: px(8), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(
            |r| {
                r.spawn(button(s.get("button.codex"), UiAction::Open(Overlay::Codex)));
                r.spawn(button(s.get("button.sources"), UiAction::Open(Overlay::Sources)));
                if student.assignment.is_some() {
                    r.spawn(button(s.get("button.hand_in"), HAND_IN));
                }
                r.spawn(button_with(s.get("button.title"), UiAction::ToTitle, ButtonLook::Primary, true));
            },
        );
    });
}

/// The year-by-year figures as a table of words and numbers.
fn spawn_figures(p: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings) {
    let rows = table(&commune.data, &commune.start, &commune.state);
    let header =
        ["table.year", "table.real", "table.reported", "table.taken", "table.per_head", "table.deaths", "table.cdr"];
    p.spawn(ui::card()).with_children(|c| {
        c.spawn(ui::heading(s.get("debrief.figures")));
        c.spawn(Node {
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::auto(header.len() as u16),
            column_gap: px(16),
            row_gap: px(4),
            overflow: Overflow::clip_x(),
            ..default()
        })
        .with_children(|g| {
            for key in header {
                g.spawn(ui::text(s.get(key), ui::SIZE_SMALL, palette::MUTED));
            }
            for r in &rows {
                let cells = [
                    r.year.to_string(),
                    thousands(r.grain_actual_t.round() as i64),
                    thousands(r.grain_reported_t.round() as i64),
                    thousands(r.procurement_t.round() as i64),
                    thousands(r.grain_per_head_kg.round() as i64),
                    thousands(r.deaths.round() as i64),
                    format!("{:.1}", r.crude_death_rate_per_1000),
                ];
                for cell in cells {
                    g.spawn(ui::text(cell, ui::SIZE_BODY, palette::INK));
                }
            }
        });
        c.spawn(ui::small(s.get("debrief.figures_note")));
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
