//! The kiosk's attract loop: a recorded game of the kiosk scenario, replayed
//! by the rules core one season at a time, with a caption for each, until a
//! visitor touches Play.

use std::sync::Arc;

use bevy::prelude::*;
use sim::{Run, SeasonDecisions};

use crate::core::action::{KioskAction, UiAction};
use crate::core::flow::Screen;
use crate::core::launch::BrowserMotion;
use crate::core::launch::Kiosk;
use crate::core::sets::AppSystems;
use crate::core::text::{Strings, kg, season_when, thousands};
use crate::game::language::Language;
use crate::game::mirror::CommuneView;
use crate::game::session::{Commune, GameData};
use crate::game::settings::Settings;
use crate::ui::{self, ButtonLook, map, palette};

/// Seconds each caption of the attract loop stays up.
pub const CAPTION_SECONDS: f64 = 8.0;

const ATTRACT_RUN: &str = include_str!("../../assets/data/attract.json");

pub fn plugin(app: &mut App) {
    app.init_resource::<Attract>()
        .add_systems(OnEnter(Screen::Attract), start_attract)
        .add_systems(Update, advance_attract.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Attract)))
        .add_systems(Update, spawn_attract.in_set(AppSystems::View).run_if(in_state(Screen::Attract)));
}

/// The recorded run and where the loop stands in it.
#[derive(Resource, Debug)]
pub struct Attract {
    pub run: Run,
    /// Seasons replayed so far; one past the last shows how it ended.
    pub step: usize,
    pub since: f64,
}

impl Default for Attract {
    fn default() -> Self {
        let run: Run = serde_json::from_str(ATTRACT_RUN).expect("the recorded run is valid (tested)");
        Attract { run, step: 0, since: 0.0 }
    }
}

impl Attract {
    /// The number of captions in one pass of the loop: the start, each
    /// season, and the ending.
    pub fn captions(&self) -> usize {
        self.run.seasons.len() + 2
    }
}

/// The recorded game replayed to `seasons` seasons.
pub fn replay_to(data: &Arc<sim::Data>, run: &Run, seasons: usize) -> Option<Commune> {
    let partial = Run { seasons: run.seasons[..seasons.min(run.seasons.len())].to_vec(), ..run.clone() };
    Commune::restore(Arc::clone(data), partial).ok()
}

#[derive(Component)]
struct AttractRoot;

fn start_attract(mut commands: Commands, mut attract: ResMut<Attract>, time: Res<Time<Real>>, data: Res<GameData>) {
    attract.step = 0;
    attract.since = time.elapsed_secs_f64();
    if let Some(c) = replay_to(&data.0, &attract.run, 0) {
        commands.insert_resource(c);
    }
}

fn advance_attract(
    time: Res<Time<Real>>,
    mut attract: ResMut<Attract>,
    data: Res<GameData>,
    commune: Option<ResMut<Commune>>,
    (settings, motion): (Res<Settings>, Res<BrowserMotion>),
) {
    let now = time.elapsed_secs_f64();
    // Reduced motion: the loop turns its pages three times more slowly.
    let hold = if settings.reduced_motion(&motion) { 3.0 * CAPTION_SECONDS } else { CAPTION_SECONDS };
    if now - attract.since < hold {
        return;
    }
    attract.since = now;
    attract.step = (attract.step + 1) % attract.captions();
    let seasons = attract.step.min(attract.run.seasons.len());
    if let (Some(mut commune), Some(next)) = (commune, replay_to(&data.0, &attract.run, seasons))
        && commune.run.seasons.len() != seasons
    {
        *commune = next;
    }
}

/// The loop's screen. The buttons stay put while the captions change, so
/// that a tap landing as the caption turns is not lost; only the map and the
/// caption are drawn again at each step.
#[allow(clippy::too_many_arguments)]
fn spawn_attract(
    mut commands: Commands,
    roots: Query<Entity, With<AttractRoot>>,
    bodies: Query<Entity, With<AttractBody>>,
    attract: Res<Attract>,
    commune: Option<Res<Commune>>,
    view: CommuneView,
    strings: Res<Strings>,
    kiosk: Res<Kiosk>,
    language: Res<Language>,
) {
    let Some(commune) = commune else { return };
    let s = &*strings;
    let whole = roots.is_empty() || strings.is_changed() || language.is_changed();
    let body = if whole {
        for e in &roots {
            commands.entity(e).despawn();
        }
        let mut body = None;
        commands.spawn((ui::screen_root(), AttractRoot, DespawnOnExit(Screen::Attract))).with_children(|root| {
            root.spawn(ui::top_bar()).with_children(|bar| {
                bar.spawn(ui::text(s.get("title.name"), ui::SIZE_HEADING, palette::ON_BUTTON));
                bar.spawn(ui::text(s.get("kiosk.recorded"), ui::SIZE_BODY, palette::ON_BUTTON));
            });
            body = Some(
                root.spawn((
                    AttractBody,
                    Node {
                        flex_grow: 1.0,
                        flex_direction: FlexDirection::Row,
                        column_gap: px(20),
                        padding: UiRect::all(px(20)),
                        min_height: px(0),
                        // On a short screen the map is cut off rather than drawn under the buttons.
                        overflow: Overflow::clip(),
                        ..default()
                    },
                ))
                .id(),
            );
            root.spawn(Node {
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                column_gap: px(24),
                padding: UiRect::all(px(16)),
                ..default()
            })
            .with_children(|b| {
                b.spawn(ui::big_button(
                    s.get("kiosk.play"),
                    UiAction::Kiosk(KioskAction::Play),
                    ButtonLook::Primary,
                    language.settled(),
                ));
                b.spawn(ui::language_button(s, &language, ui::big_node(), ui::SIZE_HEADING));
            });
            for (name, value) in &kiosk.problems {
                root.spawn(ui::small(
                    s.fill("kiosk.setting_ignored", &[("name", name.clone()), ("value", value.clone())]),
                ));
            }
        });
        body
    } else if attract.is_changed() || view.changed() {
        bodies.iter().next()
    } else {
        None
    };
    let Some(body) = body else { return };
    commands.entity(body).despawn_related::<Children>().with_children(|body| {
        body.spawn(Node { width: percent(50), flex_direction: FlexDirection::Column, ..default() })
            .with_children(|m| map::spawn(m, &commune, &view, s));
        body.spawn(Node { width: percent(50), ..ui::column(14) }).with_children(|c| {
            caption(c, &attract, &commune, s);
        });
    });
}

#[derive(Component)]
struct AttractBody;

/// The words for the loop's current step.
fn caption(c: &mut ChildSpawnerCommands, attract: &Attract, commune: &Commune, s: &Strings) {
    let data = &commune.data;
    let seasons = attract.run.seasons.len();
    let heading = |c: &mut ChildSpawnerCommands, t: String| {
        c.spawn(ui::text(t, ui::SIZE_TITLE - 12.0, palette::ACCENT));
    };
    if attract.step == 0 {
        let start = commune.state.now();
        heading(c, season_when(s, start));
        c.spawn(ui::heading(s.fill("kiosk.intro", &[("commune", s.data(&data.commune.name))])));
        return;
    }
    if attract.step > seasons {
        if let Some(ending) = commune.state.ending.as_ref().and_then(|e| data.ending(&e.key())) {
            heading(c, s.data(&ending.title));
            c.spawn(ui::heading(s.data(&ending.text)));
        }
        c.spawn(ui::body(s.get("kiosk.your_turn")));
        return;
    }
    let played = commune.state.start.plus(commune.state.step - 1);
    heading(c, season_when(s, played));
    let decisions: &SeasonDecisions = &attract.run.seasons[attract.step - 1];
    let n = decisions.labour.len().max(1) as u32;
    let avg = |f: fn(&sim::LabourPlan) -> u16| decisions.labour.iter().map(|p| u32::from(f(p))).sum::<u32>() / n;
    c.spawn(ui::heading(s.fill(
        "kiosk.labour",
        &[
            ("fields", avg(|p| p.fields).to_string()),
            ("furnaces", avg(|p| p.furnaces).to_string()),
            ("water", avg(|p| p.water).to_string()),
        ],
    )));
    for (directive, choice) in &decisions.choices {
        if let Some(e) = data.event(directive)
            && let Some(ch) = e.choices.iter().find(|ch| &ch.id == choice)
        {
            c.spawn(ui::heading(
                s.fill("kiosk.choice", &[("directive", s.data(&e.title)), ("choice", s.data(&ch.label))]),
            ));
        }
    }
    let year = |state: &sim::CommuneState| state.years.iter().find(|y| y.year == played.year).cloned();
    let before = replay_state_before(commune, attract);
    let (after_y, before_y) = (year(&commune.state), before.as_ref().and_then(year));
    if let Some(a) = after_y {
        let b = before_y.unwrap_or_default();
        if decisions.report_kg.is_some() {
            c.spawn(ui::heading(s.fill(
                "kiosk.report",
                &[("reported", kg(a.reported_kg - b.reported_kg)), ("real", kg(a.harvest_kg - b.harvest_kg))],
            )));
        }
        let procured = a.procured_kg - b.procured_kg;
        if procured > 0 {
            c.spawn(ui::heading(s.fill("kiosk.procured", &[("procured", kg(procured))])));
        }
        let deaths = a.deaths - b.deaths;
        let people: i64 = commune.state.brigades.iter().map(|b| b.people).sum();
        c.spawn(ui::heading(s.fill("kiosk.people", &[("people", thousands(people)), ("deaths", thousands(deaths))])));
    }
}

/// The state one season before the one shown (for what the season changed).
fn replay_state_before(commune: &Commune, attract: &Attract) -> Option<sim::CommuneState> {
    replay_to(&commune.data, &attract.run, attract.step.saturating_sub(1)).map(|c| c.state)
}
