//! Bar charts built from UI nodes. Every bar carries its number, and series
//! differ by fill as well as colour, so no chart relies on colour alone.

use bevy::prelude::*;

use super::palette;
use super::ruled::Ruled;
use super::widgets as theme;

pub struct Series {
    pub label: String,
    pub colour: Color,
    /// Filled bars or outlined bars.
    pub filled: bool,
    pub values: Vec<Option<f64>>,
}

pub struct Chart {
    pub title: String,
    pub unit: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Optional note under the chart (sources, ranges).
    pub note: String,
}

const HEIGHT: f32 = 150.0;

pub fn spawn(parent: &mut ChildSpawnerCommands, chart: &Chart) {
    let max = chart.series.iter().flat_map(|s| s.values.iter().flatten()).fold(0.0f64, |a, &b| a.max(b)).max(1e-9);
    parent.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::text(format!("{} ({})", chart.title, chart.unit), palette::SIZE_BODY, palette::INK));
        c.spawn(Node { column_gap: px(12), flex_wrap: FlexWrap::Wrap, ..default() }).with_children(|legend| {
            for s in &chart.series {
                legend.spawn(Node { column_gap: px(4), align_items: AlignItems::Center, ..default() }).with_children(
                    |k| {
                        k.spawn(swatch(s.colour, s.filled, 12.0));
                        k.spawn(theme::small(s.label.clone()));
                    },
                );
            }
        });
        c.spawn(Node {
            height: px(HEIGHT + 36.0),
            column_gap: px(14),
            align_items: AlignItems::FlexEnd,
            border: UiRect::bottom(px(1)),
            ..default()
        })
        .insert(Ruled::bottom(palette::RULE))
        .with_children(|plot| {
            for (i, cat) in chart.categories.iter().enumerate() {
                plot.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    row_gap: px(2),
                    ..default()
                })
                .with_children(|group| {
                    group
                        .spawn(Node { column_gap: px(3), align_items: AlignItems::FlexEnd, ..default() })
                        .with_children(|bars| {
                            for s in &chart.series {
                                let Some(v) = s.values.get(i).copied().flatten() else {
                                    bars.spawn(Node { width: px(18), ..default() });
                                    continue;
                                };
                                bars.spawn(Node {
                                    flex_direction: FlexDirection::Column,
                                    align_items: AlignItems::Center,
                                    ..default()
                                })
                                .with_children(|b| {
                                    b.spawn(theme::text(short(v), 12.0, palette::MUTED));
                                    let h = (v / max * HEIGHT as f64).max(1.0) as f32;
                                    b.spawn((
                                        Node { width: px(18), height: px(h), border: UiRect::all(px(2)), ..default() },
                                        BackgroundColor(if s.filled { s.colour } else { palette::PANEL }),
                                        BorderColor::all(s.colour),
                                    ));
                                });
                            }
                        });
                    group.spawn(theme::small(cat.clone()));
                });
            }
        });
        if !chart.note.is_empty() {
            c.spawn(theme::small(chart.note.clone()));
        }
    });
}

fn swatch(colour: Color, filled: bool, size: f32) -> impl Bundle {
    (
        Node { width: px(size), height: px(size), border: UiRect::all(px(2)), ..default() },
        BackgroundColor(if filled { colour } else { palette::PANEL }),
        BorderColor::all(colour),
    )
}

fn short(v: f64) -> String {
    if v >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if v >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}
