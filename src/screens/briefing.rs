//! The briefing before a game: the commune, the secretary's seat, how a
//! season runs, and the advisory.

use bevy::prelude::*;

use super::parts::centred_column;
use crate::core::action::{Act, UiAction};
use crate::core::flow::Screen;
use crate::core::launch::Kiosk;
use crate::core::sets::AppSystems;
use crate::core::text::{Strings, season_when, thousands};
use crate::game::lesson::Student;
use crate::game::lifecycle::{FREE_SCENARIO, free_scenario, new_commune, start};
use crate::game::save::SaveStatus;
use crate::game::session::GameData;
use crate::ui::{self, ButtonLook, Scrollable, button, button_with, palette};

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn_briefing)
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Briefing)));
}

fn spawn_briefing(
    mut commands: Commands,
    strings: Res<Strings>,
    data: Res<GameData>,
    student: Res<Student>,
    kiosk: Res<Kiosk>,
) {
    let s = &*strings;
    let c = &data.0.commune;
    let people: i64 = c.brigades.iter().map(|b| b.people).sum();
    let mu: i64 = c.brigades.iter().map(|b| b.farmland_mu).sum();
    commands.spawn((ui::screen_root(), DespawnOnExit(Screen::Briefing))).with_children(|root| {
        root.spawn((centred_column(), Scrollable, ScrollPosition::default())).with_children(|col| {
            col.spawn((Node { max_width: px(820), ..ui::column(12) },)).with_children(|b| {
                let scenario = student.assignment.as_ref().map_or(free_scenario(&kiosk), |a| a.scenario.as_str());
                let start = data.0.scenario(scenario).map(|sc| sc.start).ok();
                let heading = start.map_or_else(|| s.get("briefing.heading"), |st| season_when(s, st));
                b.spawn(ui::text(heading, ui::SIZE_TITLE - 8.0, palette::ACCENT));
                b.spawn(ui::body(s.fill(
                    "briefing.you",
                    &[
                        ("commune", s.data(&c.name)),
                        ("county", s.data(&c.county)),
                        ("brigades", c.brigades.len().to_string()),
                        ("people", thousands(people)),
                        ("mu", thousands(mu)),
                    ],
                )));
                // The short scenario stops in winter 1959, not at the 1962 conference.
                let stakes = if scenario == FREE_SCENARIO { "briefing.stakes" } else { "briefing.stakes_short" };
                for key in ["briefing.season", "briefing.ledgers", stakes, "briefing.sources"] {
                    b.spawn(ui::body(s.get(key)));
                }
                b.spawn(ui::warning_card()).with_children(|w| {
                    w.spawn(ui::body(s.get("briefing.advisory")));
                });
                b.spawn(Node { column_gap: px(10), ..default() }).with_children(|r| {
                    r.spawn(button(s.get("button.back"), UiAction::ToTitle));
                    r.spawn(button_with(s.get("briefing.begin"), UiAction::Begin, ButtonLook::Primary, true));
                });
            });
        });
    });
}

fn handle_acts(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    data: Res<GameData>,
    student: Res<Student>,
    kiosk: Res<Kiosk>,
    mut status: ResMut<SaveStatus>,
    mut screen: ResMut<NextState<Screen>>,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::ToTitle => screen.set(Screen::Title),
            UiAction::Begin => match new_commune(&data, &student, &kiosk) {
                Ok(commune) => {
                    start(&mut commands, commune);
                    screen.set(Screen::Season);
                }
                Err(e) => *status = SaveStatus::Damaged(e.into()),
            },
            _ => {}
        }
    }
}
