//! What the season brought, read aloud as it appears.

use bevy::prelude::*;
use sim::calendar::Season;
use sim::turn::HappeningKind;

use super::nav::nav;
use crate::core::text::{Strings, fill_values};
use crate::game::session::Commune;
use crate::ui::{self, Announce, palette};

pub fn panel(panel: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings) {
    panel.spawn(ui::heading(s.get("consequences.heading")));
    let data = &commune.data;
    for h in &commune.last {
        match h.kind {
            HappeningKind::Consequence => {
                let Some(c) = data.consequence(&h.id) else { continue };
                let text = fill_values(&s.data(&c.text), &h.values);
                panel.spawn(Node { column_gap: px(8), ..default() }).with_children(|r| {
                    r.spawn(ui::text("•", ui::SIZE_BODY, palette::MUTED));
                    r.spawn((ui::text(text, ui::SIZE_BODY, palette::INK), Announce));
                });
            }
            HappeningKind::Ending => {
                if let Some(e) = data.ending(&h.id) {
                    panel.spawn(ui::card_with(ui::card_node(), palette::PANEL, palette::ACCENT)).with_children(|c| {
                        c.spawn(ui::text(s.data(&e.title), ui::SIZE_HEADING, palette::ACCENT));
                    });
                }
            }
            _ => {}
        }
    }
    let next = if commune.state.is_over() {
        "button.to_ending"
    } else if commune.state.now().season == Season::Spring {
        "button.year_account"
    } else {
        "button.next_season"
    };
    standing_changes(panel, commune, s);
    nav(panel, s, false, s.get(next), true);
}

/// The reason a consequence moved standing, as the player reads it.
pub fn standing_reason_key(id: &str) -> Option<&'static str> {
    Some(match id {
        "report_below_plan" => "standing.reason.report_below_plan",
        "report_praised" => "standing.reason.report_praised",
        "plea_granted" => "standing.reason.plea_granted",
        "plea_refused" => "standing.reason.plea_refused",
        "arrears" => "standing.reason.arrears",
        "hidden_found" => "standing.reason.hidden_found",
        "caught_on_paper" => "standing.reason.caught_on_paper",
        "steel_quota_met" => "standing.reason.steel_quota_met",
        "steel_quota_missed" => "standing.reason.steel_quota_missed",
        "standing_recovers" => "standing.reason.standing_recovers",
        _ => return None,
    })
}

/// A political climate factor in thousandths as a person reads it: 3000 as
/// 3, 400 as 0.4, 1500 as 1.5.
fn factor(permille: i64) -> String {
    let text = format!("{:.2}", permille as f64 / 1000.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Every change of standing this season, each with its reason, and where
/// standing now stands.
fn standing_changes(panel: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings) {
    let data = &commune.data;
    let mut lines = Vec::new();
    for h in &commune.last {
        let Some(&delta) = h.values.get("standing").filter(|d| **d != 0) else { continue };
        let reason = match h.kind {
            HappeningKind::Choice => {
                let event = h.id.split('/').next().and_then(|e| data.event(e));
                s.fill("standing.reason.choice", &[("title", event.map(|e| s.data(&e.title)).unwrap_or_default())])
            }
            HappeningKind::Event => s.fill(
                "standing.reason.event",
                &[("title", data.event(&h.id).map(|e| s.data(&e.title)).unwrap_or_default())],
            ),
            _ => match standing_reason_key(&h.id) {
                Some(key) => s.get(key),
                None => data.consequence(&h.id).map(|c| fill_values(&s.data(&c.text), &h.values)).unwrap_or_default(),
            },
        };
        let reason = match h.values.get("climate_permille").filter(|c| **c != 1000) {
            Some(&c) => s.fill("standing.climate", &[("reason", reason), ("factor", factor(c))]),
            None => reason,
        };
        let sign = if delta > 0 { format!("+{delta}") } else { format!("-{}", -delta) };
        lines.push((delta, s.fill("standing.change", &[("delta", sign), ("reason", reason)])));
    }
    if lines.is_empty() {
        return;
    }
    let now = commune.state.standing;
    let before = now - lines.iter().map(|(d, _)| d).sum::<i64>();
    panel.spawn(ui::card()).with_children(|c| {
        c.spawn((
            ui::text(
                s.fill("standing.heading", &[("standing", now.to_string()), ("before", before.to_string())]),
                ui::SIZE_BODY,
                palette::INK,
            ),
            Announce,
        ));
        for (delta, line) in lines {
            let colour = if delta < 0 { palette::ACCENT } else { palette::INK };
            c.spawn((ui::text(line, ui::SIZE_SMALL, colour), Announce));
        }
    });
}
