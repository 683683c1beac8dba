//! The commune map: one tile per brigade village, drawn from the rules state
//! and the labour plan being edited, so the map answers every change at once.
//! Fields take the colour of the season, furnaces glow when staffed, the
//! granary shows its level, and the villages' people thin as they die.

use bevy::prelude::*;
use sim::calendar::Season;

use super::palette;
use super::widgets as theme;
use crate::core::text::{Strings, kg, thousands};
use crate::game::mirror::CommuneView;
use crate::game::session::Commune;

/// One dot stands for this many people.
pub const PEOPLE_PER_DOT: i64 = 100;

#[derive(Component)]
pub struct MapTile(pub usize);

fn field_colour(season: Season) -> Color {
    match season {
        Season::Spring => palette::FIELD_SPRING,
        Season::Summer => palette::FIELD_SUMMER,
        Season::Autumn => palette::FIELD_AUTUMN,
        Season::Winter => palette::FIELD_WINTER,
    }
}

/// Draw the map from the mirrored entities (see `mirror.rs`).
pub fn spawn(parent: &mut ChildSpawnerCommands, commune: &Commune, view: &CommuneView, s: &Strings) {
    let brigades = view.brigades();
    let canteen = view.canteen();
    parent
        .spawn(theme::card_with(
            Node { width: percent(100), row_gap: px(8), padding: UiRect::all(px(10)), ..theme::card_node() },
            palette::PANEL,
            palette::RULE,
        ))
        .with_children(|map| {
            map.spawn(theme::text(
                s.fill("map.title", &[("name", s.data(&commune.data.commune.name))]),
                palette::SIZE_BODY,
                palette::INK,
            ));
            map.spawn(Node {
                display: Display::Grid,
                grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                column_gap: px(8),
                row_gap: px(8),
                ..default()
            })
            .with_children(|grid| {
                for (i, b) in brigades.iter().enumerate() {
                    let plan = b.plan.unwrap_or(sim::LabourPlan::new(100, 0, 0, 0));
                    let season = b.season.unwrap_or(Season::Spring);
                    let name = commune.data.commune.brigades.get(i).map(|x| s.data(&x.name)).unwrap_or_default();
                    grid.spawn((
                        MapTile(i),
                        theme::card_with(
                            Node { row_gap: px(4), padding: UiRect::all(px(6)), ..theme::card_node() },
                            palette::PAPER,
                            palette::RULE,
                        ),
                    ))
                    .with_children(|tile| {
                        tile.spawn(Node { justify_content: JustifyContent::SpaceBetween, ..default() }).with_children(
                            |r| {
                                r.spawn(theme::text(name, palette::SIZE_SMALL, palette::INK));
                                r.spawn(theme::small(s.fill("map.people", &[("n", thousands(b.people))])));
                            },
                        );
                        // Fields: colour by season; the crop's height by how well it was sown.
                        let crop = b.crop;
                        tile.spawn((
                            Node {
                                height: px(34),
                                width: percent(100),
                                align_items: AlignItems::FlexEnd,
                                border: UiRect::bottom(px(4)),
                                ..default()
                            },
                            BackgroundColor(field_colour(season).with_alpha(0.45)),
                            BorderColor::all(palette::WATER.with_alpha((b.irrigation as f32 / 120.0).min(1.0))),
                            children![(
                                Node {
                                    height: percent((crop as f32 / 10.0).clamp(10.0, 100.0)),
                                    width: percent(100),
                                    ..default()
                                },
                                BackgroundColor(field_colour(season)),
                            )],
                        ));
                        // The labour plan, as a bar split four ways.
                        tile.spawn(Node { height: px(10), width: percent(100), ..default() }).with_children(|bar| {
                            for (share, colour) in [
                                (plan.fields, palette::REAL),
                                (plan.furnaces, palette::FURNACE_GLOW),
                                (plan.water, palette::WATER),
                                (plan.sideline, palette::MUTED),
                            ] {
                                bar.spawn((
                                    Node { width: percent(share as f32), height: percent(100), ..default() },
                                    BackgroundColor(colour),
                                ));
                            }
                        });
                        tile.spawn(Node { column_gap: px(6), align_items: AlignItems::FlexEnd, ..default() })
                            .with_children(|r| {
                                // The furnace glows and smokes when staffed.
                                let lit = b.furnace_staffed > 0;
                                r.spawn(Node {
                                    flex_direction: FlexDirection::Column,
                                    align_items: AlignItems::Center,
                                    ..default()
                                })
                                .with_children(|f| {
                                    let puffs = (b.furnace_staffed / 10).min(4);
                                    f.spawn(Node { column_gap: px(2), height: px(10), ..default() }).with_children(
                                        |sm| {
                                            for _ in 0..puffs {
                                                sm.spawn((
                                                    Node {
                                                        width: px(7),
                                                        height: px(7),
                                                        border_radius: BorderRadius::MAX,
                                                        ..default()
                                                    },
                                                    BackgroundColor(palette::SMOKE),
                                                ));
                                            }
                                        },
                                    );
                                    f.spawn((
                                        Node {
                                            width: px(18),
                                            height: px(20),
                                            border: UiRect::all(px(2)),
                                            border_radius: BorderRadius::top(px(6)),
                                            ..default()
                                        },
                                        BackgroundColor(if lit { palette::FURNACE_GLOW } else { palette::FURNACE }),
                                        BorderColor::all(palette::FURNACE),
                                    ));
                                });
                                // The granary's level.
                                let fill = (b.granary_kg + b.hidden_kg) as f32 / (b.people.max(1) as f32 * 120.0);
                                r.spawn((
                                    Node {
                                        width: px(14),
                                        height: px(30),
                                        border: UiRect::all(px(1)),
                                        align_items: AlignItems::FlexEnd,
                                        ..default()
                                    },
                                    BorderColor::all(palette::INK),
                                    children![(
                                        Node {
                                            width: percent(100),
                                            height: percent((fill * 100.0).clamp(0.0, 100.0)),
                                            ..default()
                                        },
                                        BackgroundColor(palette::GRAIN),
                                    )],
                                ));
                                // People: a dot for every hundred; the weak are grey.
                                r.spawn(Node {
                                    flex_wrap: FlexWrap::Wrap,
                                    column_gap: px(2),
                                    row_gap: px(2),
                                    flex_grow: 1.0,
                                    ..default()
                                })
                                .with_children(|p| {
                                    let dots = (b.people + PEOPLE_PER_DOT / 2) / PEOPLE_PER_DOT;
                                    let colour = if b.health < 600 { palette::PERSON_WEAK } else { palette::PERSON };
                                    for _ in 0..dots {
                                        p.spawn((
                                            Node {
                                                width: px(5),
                                                height: px(5),
                                                border_radius: BorderRadius::MAX,
                                                ..default()
                                            },
                                            BackgroundColor(colour),
                                        ));
                                    }
                                });
                            });
                        tile.spawn(theme::small(s.fill("map.granary", &[("kg", kg(b.granary_kg))])));
                    });
                }
            });
            // The legend says what the colours mean; nothing relies on colour alone.
            map.spawn(Node { flex_wrap: FlexWrap::Wrap, column_gap: px(10), row_gap: px(4), ..default() })
                .with_children(|l| {
                    for (key, colour) in [
                        ("labour.fields", palette::REAL),
                        ("labour.furnaces", palette::FURNACE_GLOW),
                        ("labour.water", palette::WATER),
                        ("labour.sideline", palette::MUTED),
                    ] {
                        l.spawn(Node { column_gap: px(4), align_items: AlignItems::Center, ..default() })
                            .with_children(|k| {
                                k.spawn((Node { width: px(12), height: px(12), ..default() }, BackgroundColor(colour)));
                                k.spawn(theme::small(s.get(key)));
                            });
                    }
                    l.spawn(Node { column_gap: px(4), align_items: AlignItems::Center, ..default() }).with_children(
                        |k| {
                            k.spawn((
                                Node { width: px(6), height: px(6), border_radius: BorderRadius::MAX, ..default() },
                                BackgroundColor(palette::INK),
                            ));
                            k.spawn(theme::small(s.fill("map.dot", &[("n", PEOPLE_PER_DOT.to_string())])));
                        },
                    );
                });
            map.spawn(theme::small(s.fill(
                "map.commune",
                &[
                    ("woodland", format!("{}%", commune.state.woodland / 10)),
                    ("irrigation", format!("+{}%", commune.state.irrigation / 10)),
                    (
                        "canteen",
                        s.get(if canteen.as_ref().is_some_and(|c| c.free) {
                            "map.canteen_free"
                        } else if canteen.as_ref().is_some_and(|c| c.open) {
                            "map.canteen_open"
                        } else {
                            "map.canteen_none"
                        }),
                    ),
                ],
            )));
        });
}
