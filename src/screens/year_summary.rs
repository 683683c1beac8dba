//! The year's account, between the last winter and the next spring: what
//! was harvested, reported and taken, and the charts so far.

use bevy::prelude::*;

use super::parts::commune_charts;
use crate::core::action::{Act, UiAction};
use crate::core::flow::{Overlay, Screen};
use crate::core::sets::AppSystems;
use crate::core::text::{Strings, kg, thousands};
use crate::game::session::Commune;
use crate::ui::{self, ButtonLook, button, button_with, page, palette};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::YearSummary), spawn_year)
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::YearSummary)));
}

fn spawn_year(mut commands: Commands, commune: Res<Commune>, strings: Res<Strings>) {
    let s = &*strings;
    let year = commune.state.now().year - 1;
    let ledger = commune.state.ledger_of(year).cloned().unwrap_or_default();
    page(&mut commands, Screen::YearSummary, |p| {
        p.spawn(ui::text(
            s.fill("year.heading", &[("year", year.to_string())]),
            ui::SIZE_TITLE - 10.0,
            palette::ACCENT,
        ));
        p.spawn(ui::body(s.fill(
            "year.summary",
            &[
                ("real", kg(ledger.harvest_kg)),
                ("reported", kg(ledger.reported_kg)),
                ("taken", kg(ledger.procured_kg + ledger.seized_kg)),
                ("deaths", thousands(ledger.deaths)),
                ("births", thousands(ledger.births)),
            ],
        )));
        commune_charts(p, &commune, s, year);
        p.spawn(Node { column_gap: px(10), ..default() }).with_children(|r| {
            r.spawn(button(s.get("button.codex"), UiAction::Open(Overlay::Codex)));
            r.spawn(button_with(s.get("button.next_season"), UiAction::Next, ButtonLook::Primary, true));
        });
    });
}

fn handle_acts(
    mut acts: MessageReader<Act>,
    mut screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::Open(o) => overlay.set(*o),
            UiAction::Next => screen.set(Screen::Season),
            UiAction::ShowDebrief => screen.set(Screen::Debrief),
            UiAction::ToTitle => screen.set(Screen::Title),
            _ => {}
        }
    }
}
