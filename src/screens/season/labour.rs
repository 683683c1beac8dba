//! Where the commune's hands go this season, brigade by brigade.

use bevy::prelude::*;
use sim::decisions::{Activity, LabourPlan};

use super::nav::nav;
use crate::core::action::{UiAction, activity_key};
use crate::core::text::{Strings, kg, thousands};
use crate::game::draft::Draft;
use crate::game::session::Commune;
use crate::ui::{self, button, palette};

pub fn panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    let st = &commune.state;
    let season = st.now().season;
    panel.spawn(ui::heading(s.get("labour.heading")));
    panel.spawn(ui::body(s.get(if season.is_harvest() { "labour.harvest_hint" } else { "labour.hint" })));
    let quota = sim::events::steel_quota(&commune.data, st);
    if quota > 0 {
        panel.spawn(ui::text(s.fill("labour.steel_quota", &[("quota", kg(quota))]), ui::SIZE_BODY, palette::ACCENT));
        panel.spawn(ui::body(s.get("labour.county_plan")));
    }
    // What the plans give as hunger, morale and fuel stand now.
    let p = sim::labour::preview(&commune.data, st, &draft.decisions.labour);
    // One card for all brigades at once, then one per brigade; inside each,
    // the four tasks wrap two by two, or one under another on a phone.
    let names: Vec<String> = commune.data.commune.brigades.iter().map(|b| s.data(&b.name)).collect();
    let tasks = |c: &mut ChildSpawnerCommands, brigade: Option<usize>, plan: Option<&LabourPlan>| {
        c.spawn(Node { flex_wrap: FlexWrap::Wrap, column_gap: px(12), row_gap: px(4), ..default() }).with_children(
            |row| {
                for t in Activity::ALL {
                    let v = plan.map(|p| p.get(t));
                    row.spawn(Node {
                        flex_grow: 1.0,
                        flex_basis: px(230),
                        justify_content: JustifyContent::SpaceBetween,
                        align_items: AlignItems::Center,
                        column_gap: px(6),
                        ..default()
                    })
                    .with_children(|cell| {
                        cell.spawn(ui::text(s.get(activity_key(t)), ui::SIZE_SMALL, palette::INK));
                        stepper(cell, brigade, t, v);
                    });
                }
            },
        );
    };
    panel.spawn(ui::card()).with_children(|c| {
        c.spawn(ui::text(s.get("labour.all"), ui::SIZE_BODY, palette::INK));
        tasks(c, None, None);
    });
    for (i, (b, plan)) in st.brigades.iter().zip(&draft.decisions.labour).enumerate() {
        panel.spawn(ui::card()).with_children(|c| {
            c.spawn(Node {
                column_gap: px(10),
                align_items: AlignItems::Baseline,
                flex_wrap: FlexWrap::Wrap,
                ..default()
            })
            .with_children(|r| {
                r.spawn(ui::text(names.get(i).cloned().unwrap_or_default(), ui::SIZE_BODY, palette::INK));
                r.spawn(ui::small(s.fill("labour.workers", &[("n", thousands(b.workers))])));
            });
            tasks(c, Some(i), Some(plan));
        });
    }
    panel.spawn(ui::card()).with_children(|c| {
        c.spawn(ui::body(s.fill(
            "labour.fields_summary",
            &[
                ("workers", thousands(p.field_workers)),
                ("hands", thousands(p.field_hands)),
                ("need", thousands(p.field_need)),
            ],
        )));
        if p.field_hands < p.field_need {
            c.spawn(ui::text(s.get("labour.too_few"), ui::SIZE_BODY, palette::ACCENT));
        }
        if p.furnace_workers > 0 || quota > 0 {
            c.spawn(ui::body(s.fill(
                "labour.furnace_summary",
                &[("workers", thousands(p.furnace_workers)), ("iron", kg(p.iron_kg))],
            )));
        }
    });
    let next = if season.is_harvest() { "button.to_report" } else { "button.end_season" };
    nav(panel, s, true, s.get(next), true);
}

fn stepper(g: &mut ChildSpawnerCommands, brigade: Option<usize>, task: Activity, value: Option<u16>) {
    g.spawn(Node { column_gap: px(2), align_items: AlignItems::Center, ..default() }).with_children(|r| {
        r.spawn(button("–", UiAction::Labour { brigade, task, delta: -LabourPlan::STEP }));
        if let Some(v) = value {
            r.spawn((
                Node { min_width: px(48), justify_content: JustifyContent::Center, ..default() },
                children![ui::body(format!("{v}%"))],
            ));
        }
        r.spawn(button("+", UiAction::Labour { brigade, task, delta: LabourPlan::STEP }));
    });
}
