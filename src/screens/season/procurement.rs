//! The procurement team's demand, and the answer: deliver, plead or hide.

use bevy::prelude::*;
use sim::decisions::ProcurementResponse;

use super::nav::nav;
use crate::core::action::{ProcureMove, UiAction};
use crate::core::text::{self as fmt, Strings, kg};
use crate::game::draft::Draft;
use crate::game::session::Commune;
use crate::ui::{self, ButtonLook, button, button_with};

pub fn panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    panel.spawn(ui::heading(s.get("procurement.heading")));
    let report = draft.decisions.report_kg.unwrap_or(0);
    let demand = commune.demand_for(&draft.decisions, report).unwrap_or(0);
    let harvest = commune.preview(&draft.decisions).map(|p| p.harvest_kg).unwrap_or(0);
    let seed_kg = sim::harvest::seed_for(&commune.data, &commune.state);
    let in_granaries = commune.state.granary_kg() + harvest - seed_kg;
    panel.spawn(ui::body(
        s.fill("procurement.demand", &[("demand", kg(demand)), ("granaries", kg(in_granaries.max(0)))]),
    ));
    let current = draft.decisions.procurement;
    let step = i16::try_from(commune.data.params.hiding.hide_step_permille).unwrap_or(50);
    let look = |on: bool| if on { ButtonLook::Selected } else { ButtonLook::Normal };
    for (key, mv, on) in [
        ("procurement.deliver", ProcureMove::Deliver, current == ProcurementResponse::Deliver),
        ("procurement.plead", ProcureMove::Plead, current == ProcurementResponse::Plead),
    ] {
        panel.spawn(ui::card()).with_children(|c| {
            c.spawn(button_with(s.get(key), UiAction::Procure(mv), look(on), true));
            c.spawn(ui::small(s.get(&format!("{key}.explain"))));
        });
    }
    panel.spawn(ui::card()).with_children(|c| {
        let hiding = matches!(current, ProcurementResponse::Hide { .. });
        c.spawn(Node { column_gap: px(6), align_items: AlignItems::Center, flex_wrap: FlexWrap::Wrap, ..default() })
            .with_children(|r| {
                r.spawn(button_with(
                    s.fill("procurement.hide", &[("share", fmt::percent(i64::from(draft.hide_permille)))]),
                    UiAction::Procure(ProcureMove::Hide),
                    look(hiding),
                    true,
                ));
                r.spawn(button("–", UiAction::Procure(ProcureMove::HideStep(-step))));
                r.spawn(button("+", UiAction::Procure(ProcureMove::HideStep(step))));
            });
        c.spawn(ui::small(s.get("procurement.hide.explain")));
    });
    nav(panel, s, true, s.get("button.answer"), true);
}
