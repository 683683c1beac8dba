//! The year's account, the ending and the debrief: the commune's reported and
//! real harvests, grain per person and deaths set against the national record
//! with its ranges, the iron and how little of it could be used, a timeline of
//! the player's decisions beside what happened historically, and questions.

use bevy::prelude::*;
use sim::summary::{YearRow, table};

use super::Screen;
use crate::actions::{Act, Overlay, UiAction};
use crate::charts::{self, Chart, Series};
use crate::lesson::Student;
use crate::rules::Commune;

const HAND_IN: UiAction = UiAction::Class(crate::actions::ClassAction::HandIn);
use crate::scroll::Scrollable;
use crate::text::{Strings, kg, thousands};
use crate::theme::{self, ButtonLook, button, button_with, palette};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::YearSummary), spawn_year)
        .add_systems(OnEnter(Screen::Ending), spawn_ending)
        .add_systems(OnEnter(Screen::Debrief), spawn_debrief)
        .add_systems(
            Update,
            handle_acts.run_if(
                in_state(Screen::YearSummary).or_else(in_state(Screen::Ending)).or_else(in_state(Screen::Debrief)),
            ),
        );
}

/// A scrolling page of cards in the middle of the screen; returns its root.
pub(super) fn page(commands: &mut Commands, screen: Screen, build: impl FnOnce(&mut ChildSpawnerCommands)) -> Entity {
    let mut root = commands.spawn((theme::screen_root(), DespawnOnExit(screen)));
    root.with_children(|root| {
        root.spawn((
            theme::scroll_column(Node { width: percent(100), height: percent(100), ..default() }),
            Scrollable,
            ScrollPosition::default(),
        ))
        .with_children(|col| {
            col.spawn(Node { max_width: px(980), width: percent(100), ..theme::column(14) }).with_children(build);
        });
    });
    root.id()
}

fn rows(commune: &Commune) -> Vec<YearRow> {
    table(&commune.data, &commune.start, &commune.state)
}

/// The four charts: grain reported and real; grain per person; deaths; iron.
fn spawn_charts(p: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings, upto: i64) {
    let rows: Vec<YearRow> = rows(commune).into_iter().filter(|r| r.year <= upto).collect();
    let data = &commune.data;
    let cats: Vec<String> = rows.iter().map(|r| r.year.to_string()).collect();
    let national = |id: &str| -> Vec<Option<f64>> {
        let series = data.record(id);
        rows.iter().map(|r| series.and_then(|x| x.value(r.year))).collect()
    };
    let cite =
        |id: &str| data.record(id).and_then(|r| data.source(&r.source)).map(|x| x.citation.clone()).unwrap_or_default();
    charts::spawn(
        p,
        &Chart {
            title: s.get("chart.grain"),
            unit: s.get("unit.tonnes"),
            categories: cats.clone(),
            series: vec![
                Series {
                    label: s.get("chart.reported"),
                    colour: palette::REPORTED,
                    filled: false,
                    values: rows.iter().map(|r| Some(r.grain_reported_t)).collect(),
                },
                Series {
                    label: s.get("chart.real"),
                    colour: palette::REAL,
                    filled: true,
                    values: rows.iter().map(|r| Some(r.grain_actual_t)).collect(),
                },
                Series {
                    label: s.get("chart.taken"),
                    colour: palette::INK,
                    filled: true,
                    values: rows.iter().map(|r| Some(r.procurement_t)).collect(),
                },
            ],
            note: s.get("chart.grain_note"),
        },
    );
    charts::spawn(
        p,
        &Chart {
            title: s.get("chart.per_head"),
            unit: s.get("unit.kg"),
            categories: cats.clone(),
            series: vec![
                Series {
                    label: s.get("chart.your_commune"),
                    colour: palette::REAL,
                    filled: true,
                    values: rows.iter().map(|r| Some(r.grain_per_head_kg)).collect(),
                },
                Series {
                    label: s.data(&data.record("kept_per_head").map(|r| r.label.clone()).unwrap_or_default()),
                    colour: palette::NATIONAL,
                    filled: false,
                    values: national("kept_per_head"),
                },
            ],
            note: s.fill("chart.source", &[("source", cite("kept_per_head"))]),
        },
    );
    charts::spawn(
        p,
        &Chart {
            title: s.get("chart.deaths"),
            unit: s.get("unit.per_1000"),
            categories: cats.clone(),
            series: vec![
                Series {
                    label: s.get("chart.your_commune"),
                    colour: palette::ACCENT,
                    filled: true,
                    values: rows.iter().map(|r| Some(r.crude_death_rate_per_1000)).collect(),
                },
                Series {
                    label: s.data(&data.record("cdr_registered").map(|r| r.label.clone()).unwrap_or_default()),
                    colour: palette::NATIONAL,
                    filled: false,
                    values: national("cdr_registered"),
                },
                Series {
                    label: s.data(&data.record("cdr_banister").map(|r| r.label.clone()).unwrap_or_default()),
                    colour: palette::NATIONAL,
                    filled: true,
                    values: national("cdr_banister"),
                },
            ],
            note: s.fill(
                "chart.deaths_note",
                &[("registered", cite("cdr_registered")), ("banister", cite("cdr_banister"))],
            ),
        },
    );
    charts::spawn(
        p,
        &Chart {
            title: s.get("chart.iron"),
            unit: s.get("unit.tonnes"),
            categories: cats,
            series: vec![
                Series {
                    label: s.get("chart.iron_made"),
                    colour: palette::FURNACE,
                    filled: false,
                    values: rows.iter().map(|r| Some(r.steel_t)).collect(),
                },
                Series {
                    label: s.get("chart.iron_usable"),
                    colour: palette::FURNACE_GLOW,
                    filled: true,
                    values: rows.iter().map(|r| Some(r.steel_usable_t)).collect(),
                },
            ],
            note: s.get("chart.iron_note"),
        },
    );
}

/// The year-by-year figures as a table of words and numbers.
fn spawn_figures(p: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings) {
    let rows = rows(commune);
    let header =
        ["table.year", "table.real", "table.reported", "table.taken", "table.per_head", "table.deaths", "table.cdr"];
    p.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::heading(s.get("debrief.figures")));
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
                g.spawn(theme::text(s.get(key), theme::SIZE_SMALL, palette::MUTED));
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
                    g.spawn(theme::text(cell, theme::SIZE_BODY, palette::INK));
                }
            }
        });
        c.spawn(theme::small(s.get("debrief.figures_note")));
    });
}

fn spawn_year(mut commands: Commands, commune: Res<Commune>, strings: Res<Strings>) {
    let s = &*strings;
    let year = commune.state.now().year - 1;
    let ledger = commune.state.ledger_of(year).cloned().unwrap_or_default();
    page(&mut commands, Screen::YearSummary, |p| {
        p.spawn(theme::text(
            s.fill("year.heading", &[("year", year.to_string())]),
            theme::SIZE_TITLE - 10.0,
            palette::ACCENT,
        ));
        p.spawn(theme::body(s.fill(
            "year.summary",
            &[
                ("real", kg(ledger.harvest_kg)),
                ("reported", kg(ledger.reported_kg)),
                ("taken", kg(ledger.procured_kg + ledger.seized_kg)),
                ("deaths", thousands(ledger.deaths)),
                ("births", thousands(ledger.births)),
            ],
        )));
        spawn_charts(p, &commune, s, year);
        p.spawn(Node { column_gap: px(10), ..default() }).with_children(|r| {
            r.spawn(button(s.get("button.codex"), UiAction::Open(Overlay::Codex)));
            r.spawn(button_with(s.get("button.next_season"), UiAction::Next, ButtonLook::Primary, true));
        });
    });
}

fn spawn_ending(mut commands: Commands, commune: Res<Commune>, strings: Res<Strings>, student: Res<Student>) {
    let s = &*strings;
    let data = &commune.data;
    let ending = commune.state.ending.clone();
    let def = ending.as_ref().and_then(|e| data.ending(e.data_id()));
    let excess = (commune.state.years.iter().map(|y| y.deaths).sum::<i64>() - commune.state.baseline_deaths).max(0);
    page(&mut commands, Screen::Ending, |p| {
        if let Some(def) = def {
            p.spawn(theme::text(s.data(&def.title), theme::SIZE_TITLE - 8.0, palette::ACCENT));
            p.spawn(theme::body(s.data(&def.text)));
            p.spawn(theme::card()).with_children(|c| {
                c.spawn(theme::text(s.get("ending.history"), theme::SIZE_BODY, palette::MUTED));
                c.spawn(theme::body(s.data(&def.history)));
                let cite = data.source(&def.source).map(|x| x.citation.clone()).unwrap_or_default();
                c.spawn(theme::small(s.fill("source.line", &[("source", cite)])));
            });
        }
        let deaths: i64 = commune.state.years.iter().map(|y| y.deaths).sum();
        p.spawn(theme::body(s.fill(
            "ending.people",
            &[
                ("deaths", thousands(deaths)),
                ("excess", thousands(excess)),
                ("people", thousands(commune.state.people())),
            ],
        )));
        p.spawn(theme::small(s.get("ending.no_victory")));
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

fn spawn_debrief(mut commands: Commands, commune: Res<Commune>, strings: Res<Strings>, student: Res<Student>) {
    let s = &*strings;
    let data = &commune.data;
    page(&mut commands, Screen::Debrief, |p| {
        p.spawn(theme::text(s.get("debrief.heading"), theme::SIZE_TITLE - 8.0, palette::ACCENT));
        p.spawn(theme::body(s.get("debrief.intro")));
        spawn_charts(p, &commune, s, i64::MAX);
        spawn_figures(p, &commune, s);
        p.spawn(theme::heading(s.get("debrief.timeline")));
        let mut choices: Vec<_> = commune
            .state
            .choices
            .iter()
            .filter_map(|(d, c)| data.event(d).map(|e| (e, e.choices.iter().find(|x| &x.id == c))))
            .collect();
        choices.sort_by_key(|(e, _)| e.at.ordinal());
        for (event, choice) in choices {
            p.spawn(theme::card()).with_children(|c| {
                c.spawn(theme::small(s.data(&event.date)));
                c.spawn(theme::text(s.data(&event.title), theme::SIZE_BODY, palette::INK));
                if let Some(choice) = choice {
                    c.spawn(theme::body(s.fill("debrief.you", &[("choice", s.data(&choice.label))])));
                }
                let history = if event.history.is_empty() { &event.body } else { &event.history };
                c.spawn(theme::body(s.fill("debrief.then", &[("history", s.data(history))])));
                let cite = data.source(&event.source).map(|x| x.citation.clone()).unwrap_or_default();
                c.spawn(theme::small(s.fill("source.line", &[("source", cite)])));
            });
        }
        p.spawn(theme::heading(s.get("debrief.questions")));
        for (i, q) in data.questions.iter().enumerate() {
            p.spawn(theme::card()).with_children(|c| {
                c.spawn(theme::body(format!("{}. {}", i + 1, s.data(&q.text))));
                let cite = data.source(&q.source).map(|x| x.citation.clone()).unwrap_or_default();
                c.spawn(theme::small(s.fill("source.line", &[("source", cite)])));
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

fn handle_acts(
    mut acts: MessageReader<Act>,
    state: Res<State<Screen>>,
    mut screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::Open(o) => overlay.set(*o),
            UiAction::Next if *state.get() == Screen::YearSummary => screen.set(Screen::Season),
            UiAction::ShowDebrief => screen.set(Screen::Debrief),
            UiAction::ToTitle => screen.set(Screen::Title),
            _ => {}
        }
    }
}
