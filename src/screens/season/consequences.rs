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
    nav(panel, s, false, s.get(next), true);
}
