//! The season screen: the commune map, the two ledgers, and one panel per
//! phase (news and directives, labour, the harvest report, procurement, the
//! consequences). The panel edits the season's `Draft` (`game::draft`);
//! only the last phase submits it to the rules.

mod consequences;
mod labour;
mod ledgers;
mod nav;
mod news;
mod procurement;
mod report;
mod top_bar;

use bevy::prelude::*;
use bevy::window::WindowResized;

use crate::core::action::{Act, UiAction};
use crate::core::flow::{Overlay, Phase, Screen};
use crate::core::launch::Kiosk;
use crate::core::sets::AppSystems;
use crate::core::text::Strings;
use crate::game::draft::{Draft, DraftStep};
use crate::game::lesson::{Student, words};
use crate::game::mirror::CommuneView;
use crate::game::save::SaveProblem;
use crate::game::session::{Commune, DecisionRejected, SeasonResolved, SubmitSeason};
use crate::ui::{self, Scrollable, map, palette};
use ledgers::ledgers;
use top_bar::top_bar;

pub fn plugin(app: &mut App) {
    app.init_resource::<Notice>()
        .add_systems(OnEnter(Screen::Season), sync_phase)
        .add_systems(Update, handle_acts.in_set(AppSystems::HandleActs).run_if(in_state(Screen::Season)))
        .add_systems(
            Update,
            (on_resolved, sync_phase)
                .chain()
                .in_set(AppSystems::Mirror)
                .run_if(in_state(Screen::Season).and_then(playing)),
        )
        .add_systems(Update, rebuild.in_set(AppSystems::View).run_if(in_state(Screen::Season).and_then(playing)));
}

/// A game is in the world. The kiosk can take it away while the season is
/// still showing (its visitor has gone); the screen changes a step later.
fn playing(commune: Option<Res<Commune>>, draft: Option<Res<Draft>>) -> bool {
    commune.is_some() && draft.is_some()
}

/// A message for the player that is not part of the story (an error).
#[derive(Resource, Default, Clone)]
pub struct Notice(pub Option<String>);

#[derive(Component)]
struct SeasonRoot;

fn sync_phase(draft: Option<Res<Draft>>, phase: Option<Res<State<Phase>>>, mut next: ResMut<NextState<Phase>>) {
    if let (Some(draft), Some(phase)) = (draft, phase)
        && draft.phase != *phase.get()
    {
        next.set(draft.phase);
    }
}

fn handle_acts(
    mut acts: MessageReader<Act>,
    mut draft: ResMut<Draft>,
    commune: Res<Commune>,
    mut submit: MessageWriter<SubmitSeason>,
    mut screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut notice: ResMut<Notice>,
) {
    for Act(action) in acts.read() {
        if let UiAction::Open(o) = action {
            overlay.set(*o);
            continue;
        }
        if *action == UiAction::Next {
            notice.0 = None;
        }
        match draft.apply(&commune, action) {
            DraftStep::Stay => {}
            DraftStep::Submit(d) => {
                submit.write(SubmitSeason(d));
            }
            DraftStep::ToEnding => screen.set(Screen::Ending),
            DraftStep::ToYearSummary => screen.set(Screen::YearSummary),
        }
    }
}

fn on_resolved(
    mut resolved: MessageReader<SeasonResolved>,
    mut rejected: MessageReader<DecisionRejected>,
    mut draft: ResMut<Draft>,
    mut notice: ResMut<Notice>,
) {
    for _ in resolved.read() {
        draft.phase = Phase::Consequences;
    }
    for r in rejected.read() {
        notice.0 = Some(r.0.clone());
    }
}

/// Which scroll area a node is, so a rebuild can keep where the player had
/// scrolled to.
#[derive(Component, Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum ScrollSlot {
    Screen,
    Panel,
}

/// Below this width (logical pixels) the season is one scrolling column.
const COMPACT_WIDTH: f32 = 760.0;

#[allow(clippy::too_many_arguments)]
fn rebuild(
    mut commands: Commands,
    roots: Query<Entity, With<SeasonRoot>>,
    scrolled: Query<(&ScrollSlot, &ScrollPosition)>,
    windows: Query<&Window>,
    mut resized: MessageReader<WindowResized>,
    commune: Res<Commune>,
    draft: Res<Draft>,
    strings: Res<Strings>,
    notice: Res<Notice>,
    phase: Option<Res<State<Phase>>>,
    view: CommuneView,
    student: Res<Student>,
    (kiosk, ui_scale, save_problem): (Res<Kiosk>, Res<UiScale>, Res<SaveProblem>),
) {
    let Some(phase) = phase else { return };
    let fresh = roots.is_empty();
    let resized = resized.read().count() > 0;
    if !fresh
        && !resized
        && !view.changed()
        && !commune.is_changed()
        && !draft.is_changed()
        && !notice.is_changed()
        && !save_problem.is_changed()
        && !phase.is_changed()
        && !ui_scale.is_changed()
    {
        return;
    }
    if *phase.get() != draft.phase {
        return; // wait for the phase state to follow the draft
    }
    // A new phase starts at the top; a change within a phase keeps the place.
    let keep: Vec<(ScrollSlot, ScrollPosition)> =
        if phase.is_changed() { Vec::new() } else { scrolled.iter().map(|(k, p)| (*k, p.clone())).collect() };
    let at = |slot: ScrollSlot| keep.iter().find(|(k, _)| *k == slot).map(|(_, p)| p.clone()).unwrap_or_default();
    for e in &roots {
        commands.entity(e).despawn();
    }
    let compact = windows.iter().next().is_some_and(|w| w.width() / ui_scale.0.max(0.1) < COMPACT_WIDTH);
    let s = &*strings;
    let root = commands.spawn((ui::screen_root(), SeasonRoot, DespawnOnExit(Screen::Season))).id();
    let panel_node = |compact: bool| Node {
        flex_grow: 1.2,
        flex_basis: px(480),
        min_width: px(if compact { 0 } else { 300 }),
        max_height: if compact { Val::Auto } else { percent(100) },
        flex_direction: FlexDirection::Column,
        row_gap: px(10),
        padding: UiRect::all(px(12)),
        overflow: if compact { Overflow::visible() } else { Overflow::scroll_y() },
        border: UiRect::all(px(1)),
        ..default()
    };
    let fill_panel = |panel: &mut ChildSpawnerCommands| {
        if let Some(n) = &notice.0 {
            panel.spawn(ui::warning_card()).with_children(|c| {
                c.spawn(ui::body(s.fill("notice.refused", &[("reason", n.clone())])));
            });
        }
        if let Some(e) = &save_problem.0 {
            panel.spawn(ui::warning_card()).with_children(|c| {
                c.spawn(ui::body(s.fill("notice.not_saved", &[("reason", words(s, e.key()))])));
            });
        }
        match draft.phase {
            Phase::News => news::panel(panel, &commune, &draft, s),
            Phase::Labour => labour::panel(panel, &commune, &draft, s),
            Phase::Report => report::panel(panel, &commune, &draft, s),
            Phase::Procurement => procurement::panel(panel, &commune, &draft, s),
            Phase::Consequences => consequences::panel(panel, &commune, s),
        }
    };
    commands.entity(root).with_children(|root| {
        top_bar(root, &commune, &draft, s, student.assignment.is_some(), kiosk.on);
        if compact {
            // A phone held upright: everything in one column that scrolls;
            // the decisions come right after the ledgers, the map below them.
            root.spawn((
                Node {
                    flex_grow: 1.0,
                    min_height: px(0),
                    flex_direction: FlexDirection::Column,
                    row_gap: px(10),
                    padding: UiRect::bottom(px(16)),
                    overflow: Overflow::scroll_y(),
                    ..default()
                },
                at(ScrollSlot::Screen),
                ScrollSlot::Screen,
                Scrollable,
            ))
            .with_children(|col| {
                ledgers(col, &commune, s);
                col.spawn(Node {
                    padding: UiRect::horizontal(px(12)),
                    flex_direction: FlexDirection::Column,
                    ..default()
                })
                .with_children(|wrap| {
                    wrap.spawn((panel_node(true), ui::Ruled::all(palette::RULE), BackgroundColor(palette::PANEL)))
                        .with_children(|panel| fill_panel(panel));
                });
                col.spawn(Node { padding: UiRect::horizontal(px(12)), ..default() })
                    .with_children(|m| map::spawn(m, &commune, &view, s));
            });
            return;
        }
        ledgers(root, &commune, s);
        root.spawn(Node {
            flex_grow: 1.0,
            flex_direction: FlexDirection::Row,
            flex_wrap: FlexWrap::Wrap,
            column_gap: px(12),
            row_gap: px(12),
            padding: UiRect::all(px(12)),
            min_height: px(0),
            ..default()
        })
        .with_children(|body| {
            body.spawn(Node {
                flex_grow: 1.0,
                flex_basis: px(420),
                min_width: px(300),
                max_height: percent(100),
                ..default()
            })
            .with_children(|m| map::spawn(m, &commune, &view, s));
            // The panel's frame is on a still node around it: rules inside
            // the scrolling node would scroll away with its content.
            body.spawn((
                Node { padding: UiRect::ZERO, row_gap: px(0), overflow: Overflow::visible(), ..panel_node(false) },
                ui::Ruled::all(palette::RULE),
                BackgroundColor(palette::PANEL),
            ))
            .with_children(|frame| {
                frame
                    .spawn((
                        Node {
                            flex_grow: 1.0,
                            min_height: px(0),
                            flex_direction: FlexDirection::Column,
                            row_gap: px(10),
                            padding: UiRect::all(px(12)),
                            overflow: Overflow::scroll_y(),
                            ..default()
                        },
                        at(ScrollSlot::Panel),
                        ScrollSlot::Panel,
                        Scrollable,
                    ))
                    .with_children(|panel| fill_panel(panel));
            });
        });
    });
}
