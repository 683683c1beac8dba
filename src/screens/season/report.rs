//! The harvest report: the true harvest, what the county expects and the
//! neighbours claim, and the figure the secretary sends up.

use bevy::prelude::*;

use super::nav::nav;
use crate::core::action::{ReportMove, UiAction};
use crate::core::text::{self as fmt, Strings, kg, thousands};
use crate::game::draft::Draft;
use crate::game::session::Commune;
use crate::ui::{self, button, palette};

pub fn panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    panel.spawn(ui::heading(s.get("report.heading")));
    let Ok(p) = commune.preview(&draft.decisions) else {
        panel.spawn(ui::body(s.get("report.unavailable")));
        return;
    };
    let report = draft.decisions.report_kg.unwrap_or(p.harvest_kg);
    panel.spawn(ui::card_with(ui::card_node(), palette::PANEL, palette::REAL)).with_children(|c| {
        c.spawn(ui::text(s.fill("report.real", &[("kg", kg(p.harvest_kg))]), ui::SIZE_HEADING, palette::REAL));
        if p.left_in_fields_kg * 20 > p.harvest_kg {
            c.spawn(ui::body(s.fill("report.left", &[("kg", kg(p.left_in_fields_kg))])));
        }
    });
    panel.spawn(ui::card()).with_children(|c| {
        c.spawn(ui::body(s.fill("report.expected", &[("kg", kg(p.expected_kg))])));
        c.spawn(ui::small(s.get("report.neighbours")));
        let now = commune.state.now();
        let mu = commune.state.farmland_mu();
        for n in &commune.data.neighbours {
            if let Some(claim) = n.claims.iter().find(|c| c.at == now) {
                c.spawn(ui::body(s.fill(
                    "report.neighbour_claim",
                    &[
                        ("name", s.data(&n.name)),
                        ("jin", thousands(claim.kg_per_mu * 2)),
                        ("total", kg(claim.kg_per_mu * mu)),
                    ],
                )));
            }
        }
    });
    panel.spawn(ui::card_with(ui::card_node(), palette::PANEL, palette::REPORTED)).with_children(|c| {
        let share = sim::ratio_permille(report, p.harvest_kg.max(1));
        c.spawn(ui::text(
            s.fill("report.yours", &[("kg", kg(report)), ("share", fmt::percent(share))]),
            ui::SIZE_HEADING,
            palette::REPORTED,
        ));
        c.spawn(Node { flex_wrap: FlexWrap::Wrap, column_gap: px(6), row_gap: px(6), ..default() }).with_children(
            |r| {
                for (label, step) in [("–10%", -100), ("–1%", -10), ("+1%", 10), ("+10%", 100), ("+50%", 500)] {
                    r.spawn(button(label, UiAction::Report(ReportMove::Step(step))));
                }
                r.spawn(button(s.get("report.truthful"), UiAction::Report(ReportMove::Truthful)));
                r.spawn(button(s.get("report.match_county"), UiAction::Report(ReportMove::CountyExpectation)));
            },
        );
        if let Ok(demand) = commune.demand_for(&draft.decisions, report) {
            c.spawn(ui::body(s.fill(
                "report.demand",
                &[("kg", kg(demand)), ("share", fmt::percent(sim::ratio_permille(demand, p.harvest_kg.max(1))))],
            )));
        }
    });
    nav(panel, s, true, s.get("button.to_procurement"), true);
}
