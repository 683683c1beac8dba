//! The bar across the top of the season: which season, the phases, and
//! the windows that open over it.

use bevy::prelude::*;

use crate::core::action::{ClassAction, KioskAction, UiAction};
use crate::core::flow::{Overlay, Phase};
use crate::core::text::Strings;
use crate::game::draft::Draft;
use crate::game::session::Commune;
use crate::ui::{self, button, palette};

fn season_label(commune: &Commune, s: &Strings) -> String {
    let now = commune.state.now();
    s.fill(
        "season.label",
        &[
            ("season", s.get(&format!("season.{}", now.season.key()))),
            ("year", now.year.to_string()),
            ("n", (commune.state.step + 1).min(commune.state.seasons).to_string()),
            ("of", commune.state.seasons.to_string()),
        ],
    )
}

pub fn top_bar(
    root: &mut ChildSpawnerCommands,
    commune: &Commune,
    draft: &Draft,
    s: &Strings,
    hand_in: bool,
    kiosk: bool,
) {
    root.spawn(ui::top_bar()).with_children(|bar| {
        // After the season is played, the label still names it.
        let label = if draft.phase == Phase::Consequences {
            let played = commune.state.start.plus(commune.state.step - 1);
            s.fill(
                "season.played",
                &[("season", s.get(&format!("season.{}", played.season.key()))), ("year", played.year.to_string())],
            )
        } else {
            season_label(commune, s)
        };
        bar.spawn(ui::text(label, ui::SIZE_HEADING, palette::ON_BUTTON));
        bar.spawn(ui::row(6)).with_children(|steps| {
            let harvest = commune.state.now().season.is_harvest() || draft.phase == Phase::Consequences;
            for p in Phase::ALL {
                if !harvest && matches!(p, Phase::Report | Phase::Procurement) {
                    continue;
                }
                // The current phase is bright and underlined (not colour alone).
                let current = p == draft.phase;
                let colour = if current { palette::ON_BUTTON } else { palette::ON_DARK_DIM };
                steps
                    .spawn((
                        Node {
                            border: UiRect::bottom(px(if current { 2 } else { 0 })),
                            padding: UiRect::bottom(px(2)),
                            ..default()
                        },
                        BorderColor::all(palette::ON_BUTTON),
                    ))
                    .with_children(|step| {
                        step.spawn(ui::text(s.get(p.key()), ui::SIZE_SMALL, colour));
                    });
            }
        });
        // The windows' buttons wrap onto a second line on a narrow screen.
        bar.spawn(Node { flex_wrap: FlexWrap::Wrap, row_gap: px(6), ..ui::row(6) }).with_children(|b| {
            b.spawn(button(s.get("button.codex"), UiAction::Open(Overlay::Codex)));
            b.spawn(button(s.get("button.glossary"), UiAction::Open(Overlay::Glossary)));
            b.spawn(button(s.get("button.sources"), UiAction::Open(Overlay::Sources)));
            b.spawn(button(s.get("button.settings"), UiAction::Open(Overlay::Settings)));
            if hand_in {
                b.spawn(button(s.get("button.hand_in"), UiAction::Class(ClassAction::HandIn)));
            }
            if kiosk {
                b.spawn(button(s.get("kiosk.leave"), UiAction::Kiosk(KioskAction::Leave)));
            }
        });
    });
}
