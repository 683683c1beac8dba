//! The season's news and the county's directives, each answered.

use bevy::prelude::*;
use sim::data::EventKind;

use super::nav::nav;
use crate::core::action::UiAction;
use crate::core::text::Strings;
use crate::game::draft::{Draft, unanswered};
use crate::game::session::Commune;
use crate::ui::{self, ButtonLook, button_with, palette};

pub fn panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    panel.spawn(ui::heading(s.get("news.heading")));
    for event in sim::events::this_season(&commune.data, &commune.state) {
        panel.spawn(ui::card()).with_children(|c| {
            c.spawn(ui::small(s.data(&event.date)));
            c.spawn(ui::text(s.data(&event.title), ui::SIZE_HEADING - 2.0, palette::INK));
            c.spawn(ui::body(s.data(&event.body)));
            if event.kind == EventKind::Directive {
                let chosen = draft.decisions.choices.get(&event.id);
                c.spawn(ui::text(s.get("news.your_answer"), ui::SIZE_SMALL, palette::ACCENT));
                c.spawn(Node { flex_direction: FlexDirection::Column, row_gap: px(6), ..default() }).with_children(
                    |b| {
                        for choice in &event.choices {
                            let selected = chosen == Some(&choice.id);
                            b.spawn(button_with(
                                s.data(&choice.label),
                                UiAction::Choose { directive: event.id.clone(), choice: choice.id.clone() },
                                if selected { ButtonLook::Selected } else { ButtonLook::Normal },
                                true,
                            ));
                        }
                    },
                );
                if let Some(choice) = event.choices.iter().find(|c| Some(&c.id) == chosen) {
                    c.spawn(ui::body(s.data(&choice.outcome)));
                }
            }
            let source = commune.data.source(&event.source).map(|x| x.citation.clone()).unwrap_or_default();
            c.spawn(ui::small(s.fill("source.line", &[("source", source)])));
        });
    }
    let missing = unanswered(commune, draft).len();
    if missing > 0 {
        panel.spawn(ui::small(s.fill("news.unanswered", &[("n", missing.to_string())])));
    }
    nav(panel, s, false, s.get("button.to_labour"), missing == 0);
}
