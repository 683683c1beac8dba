//! Pieces more than one screen shows: the commune's charts against the
//! national record, a notice card, and an assignment's settings in words.
//! Imports nothing from other screens.

use bevy::prelude::*;
use classroom::{Assignment, Intensity, Seeds};
use sim::summary::{YearRow, table};

use crate::core::text::Strings;
use crate::game::session::Commune;
use crate::ui::charts::{self, Chart, Series};
use crate::ui::{self, palette};

fn rows(commune: &Commune) -> Vec<YearRow> {
    table(&commune.data, &commune.start, &commune.state)
}

/// The four charts: grain reported and real; grain per person; deaths; iron.
pub fn commune_charts(p: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings, upto: i64) {
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
                    label: s.get("chart.your_commune_deaths"),
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

/// The centred, scrolling column of the title and the briefing.
pub fn centred_column() -> Node {
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

/// A warning card with a notice, if there is one.
pub fn notice_card(p: &mut ChildSpawnerCommands, notice: &Option<String>) {
    if let Some(text) = notice {
        p.spawn(ui::warning_card()).with_children(|w| {
            w.spawn(ui::body(text.clone()));
        });
    }
}

/// The assignment's settings in words, as the student sees them before play.
pub fn settings_lines(a: &Assignment, data: &sim::Data, s: &Strings) -> Vec<String> {
    let scenario = data.scenario(&a.scenario).map(|sc| s.data(&sc.title)).unwrap_or_else(|_| a.scenario.clone());
    vec![
        s.fill("assignment.scenario", &[("scenario", scenario)]),
        s.get(match a.seeds {
            Seeds::Class => "assignment.seeds_class",
            Seeds::Student => "assignment.seeds_student",
        }),
        s.get(if a.nickname { "assignment.nickname_yes" } else { "assignment.nickname_no" }),
        s.get(match a.intensity {
            Intensity::Standard => "assignment.intensity_standard",
            Intensity::Reduced => "assignment.intensity_reduced",
        }),
        s.get(if a.check { "assignment.check_yes" } else { "assignment.check_no" }),
    ]
}
