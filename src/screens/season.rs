//! The season screen: the commune map, the two ledgers, and one panel per
//! phase (news and directives, labour, the harvest report, procurement, the
//! consequences). The panel edits a `Draft` of the season's decisions; only
//! the last phase submits it to the rules.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};
use sim::calendar::Season;
use sim::data::{Effect, EventKind};
use sim::decisions::{LabourPlan, ProcurementResponse, SeasonDecisions};
use sim::turn::HappeningKind;

use super::{Phase, Screen};
use crate::actions::{Act, Overlay, ProcureMove, ReportMove, Task, UiAction};
use crate::mirror::CommuneView;
use crate::rules::{Commune, DecisionRejected, RulesSystems, SeasonResolved, SubmitSeason};
use crate::text::{self as fmt, Strings, fill_values, kg, thousands};
use crate::theme::{self, ButtonLook, button, button_with, palette};
use crate::{map, scroll::Scrollable};

pub fn plugin(app: &mut App) {
    app.init_resource::<Notice>().add_systems(OnEnter(Screen::Season), sync_phase).add_systems(
        Update,
        (
            handle_acts.before(RulesSystems),
            on_resolved.after(RulesSystems),
            sync_phase.after(on_resolved),
            rebuild.after(sync_phase).after(crate::mirror::MirrorSystems),
        )
            .run_if(in_state(Screen::Season)),
    );
}

/// The season's decisions as the player builds them, and the phase they are
/// in. Saved with the run, so a reload returns to the same place.
#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub phase: Phase,
    pub decisions: SeasonDecisions,
    pub hide_permille: u16,
}

impl Draft {
    /// A fresh draft for the season about to be played, keeping the last
    /// labour plans.
    pub fn for_season(commune: &Commune, previous: Option<&[LabourPlan]>) -> Draft {
        let winter = commune.state.now().season == Season::Winter;
        let default = if winter { LabourPlan::new(45, 0, 35, 20) } else { LabourPlan::new(85, 0, 5, 10) };
        let labour = match previous {
            Some(p) if p.len() == commune.state.brigades.len() && !winter => p.to_vec(),
            _ => vec![default; commune.state.brigades.len()],
        };
        Draft {
            phase: Phase::News,
            decisions: SeasonDecisions {
                labour,
                choices: Default::default(),
                report_kg: None,
                procurement: ProcurementResponse::Deliver,
            },
            hide_permille: 200,
        }
    }
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

fn adjust(plan: &mut LabourPlan, task: Task, delta: i16) {
    let get = |p: &LabourPlan, t: Task| match t {
        Task::Fields => p.fields,
        Task::Furnaces => p.furnaces,
        Task::Water => p.water,
        Task::Sideline => p.sideline,
    };
    fn set(p: &mut LabourPlan, t: Task, v: u16) {
        match t {
            Task::Fields => p.fields = v,
            Task::Furnaces => p.furnaces = v,
            Task::Water => p.water = v,
            Task::Sideline => p.sideline = v,
        }
    }
    // Hands move to or from the fields; the fields themselves trade with sidelines.
    let other = if task == Task::Fields { Task::Sideline } else { Task::Fields };
    let current = get(plan, task) as i16;
    let available = get(plan, other) as i16;
    let moved = if delta > 0 { delta.min(available).min(100 - current) } else { delta.max(-current) };
    set(plan, task, (current + moved) as u16);
    set(plan, other, (available - moved) as u16);
}

#[allow(clippy::too_many_arguments)]
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
        match action {
            UiAction::Open(o) => overlay.set(*o),
            UiAction::Choose { directive, choice } => {
                draft.decisions.choices.insert(directive.clone(), choice.clone());
            }
            UiAction::Labour { brigade, task, delta } => {
                let n = draft.decisions.labour.len();
                for i in 0..n {
                    if brigade.is_none_or(|b| b == i) {
                        adjust(&mut draft.decisions.labour[i], *task, *delta);
                    }
                }
            }
            UiAction::Report(m) => {
                let Ok(p) = commune.preview(&draft.decisions) else { continue };
                let current = draft.decisions.report_kg.unwrap_or(p.harvest_kg);
                draft.decisions.report_kg = Some(match m {
                    ReportMove::Truthful => p.harvest_kg,
                    ReportMove::CountyExpectation => p.expected_kg,
                    ReportMove::Step(d) => (current + p.harvest_kg * i64::from(*d) / 1000).max(0),
                });
            }
            UiAction::Procure(m) => match m {
                ProcureMove::Deliver => draft.decisions.procurement = ProcurementResponse::Deliver,
                ProcureMove::Plead => draft.decisions.procurement = ProcurementResponse::Plead,
                ProcureMove::Hide => {
                    draft.decisions.procurement = ProcurementResponse::Hide { permille: draft.hide_permille }
                }
                ProcureMove::HideStep(d) => {
                    draft.hide_permille = (draft.hide_permille as i16 + d).clamp(50, 500) as u16;
                    draft.decisions.procurement = ProcurementResponse::Hide { permille: draft.hide_permille };
                }
            },
            UiAction::Back => {
                draft.phase = match draft.phase {
                    Phase::Labour => Phase::News,
                    Phase::Report => Phase::Labour,
                    Phase::Procurement => Phase::Report,
                    p => p,
                };
            }
            UiAction::Next => {
                notice.0 = None;
                let harvest = commune.state.now().season.is_harvest();
                match draft.phase {
                    Phase::News => {
                        if unanswered(&commune, &draft).is_empty() {
                            draft.phase = Phase::Labour;
                        }
                    }
                    Phase::Labour if harvest => {
                        if draft.decisions.report_kg.is_none()
                            && let Ok(p) = commune.preview(&draft.decisions)
                        {
                            draft.decisions.report_kg = Some(p.harvest_kg);
                        }
                        draft.phase = Phase::Report;
                    }
                    Phase::Report => draft.phase = Phase::Procurement,
                    Phase::Labour | Phase::Procurement => {
                        let mut d = draft.decisions.clone();
                        if !harvest {
                            d.report_kg = None;
                            d.procurement = ProcurementResponse::Deliver;
                        }
                        submit.write(SubmitSeason(d));
                    }
                    Phase::Consequences => {
                        if commune.state.is_over() {
                            screen.set(Screen::Ending);
                        } else {
                            let previous = draft.decisions.labour.clone();
                            *draft = Draft::for_season(&commune, Some(&previous));
                            if commune.state.now().season == Season::Spring {
                                screen.set(Screen::YearSummary);
                            }
                        }
                    }
                }
            }
            _ => {}
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

/// Directives of this season still without an answer.
pub fn unanswered(commune: &Commune, draft: &Draft) -> Vec<String> {
    sim::events::directives(&commune.data, &commune.state)
        .iter()
        .filter(|d| !draft.decisions.choices.contains_key(&d.id))
        .map(|d| d.id.clone())
        .collect()
}

/// The steel the county will demand this season, kg.
fn steel_quota(commune: &Commune) -> i64 {
    let workers = commune.state.workers();
    sim::events::this_season(&commune.data, &commune.state)
        .iter()
        .flat_map(|e| e.effects.iter())
        .filter_map(|e| if let Effect::SteelQuota { kg_per_worker } = e { Some(kg_per_worker * workers) } else { None })
        .sum()
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
    mut resized: MessageReader<bevy::window::WindowResized>,
    commune: Res<Commune>,
    draft: Res<Draft>,
    strings: Res<Strings>,
    notice: Res<Notice>,
    phase: Option<Res<State<Phase>>>,
    view: CommuneView,
    student: Res<crate::lesson::Student>,
    (kiosk, ui_scale, save_problem): (Res<crate::kiosk::Kiosk>, Res<UiScale>, Res<crate::save::SaveProblem>),
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
    let root = commands.spawn((theme::screen_root(), SeasonRoot, DespawnOnExit(Screen::Season))).id();
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
            panel.spawn(theme::warning_card()).with_children(|c| {
                c.spawn(theme::body(s.fill("notice.refused", &[("reason", n.clone())])));
            });
        }
        if let Some(e) = &save_problem.0 {
            panel.spawn(theme::warning_card()).with_children(|c| {
                c.spawn(theme::body(s.fill("notice.not_saved", &[("reason", crate::lesson::words(s, e.key()))])));
            });
        }
        match draft.phase {
            Phase::News => news_panel(panel, &commune, &draft, s),
            Phase::Labour => labour_panel(panel, &commune, &draft, s),
            Phase::Report => report_panel(panel, &commune, &draft, s),
            Phase::Procurement => procurement_panel(panel, &commune, &draft, s),
            Phase::Consequences => consequences_panel(panel, &commune, s),
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
                    wrap.spawn((panel_node(true), theme::Ruled::all(palette::RULE), BackgroundColor(palette::PANEL)))
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
                theme::Ruled::all(palette::RULE),
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

/// A ledger figure, or "not yet" before there is one (spring, before the
/// first harvest and the first quota of the year).
fn kg_or_none(v: i64, s: &Strings) -> String {
    if v == 0 { s.get("ledger.not_yet") } else { kg(v) }
}

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

fn top_bar(root: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings, hand_in: bool, kiosk: bool) {
    root.spawn(theme::top_bar()).with_children(|bar| {
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
        bar.spawn(theme::text(label, theme::SIZE_HEADING, palette::ON_BUTTON));
        bar.spawn(theme::row(6)).with_children(|steps| {
            let harvest = commune.state.now().season.is_harvest() || draft.phase == Phase::Consequences;
            for p in [Phase::News, Phase::Labour, Phase::Report, Phase::Procurement, Phase::Consequences] {
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
                        step.spawn(theme::text(s.get(p.key()), theme::SIZE_SMALL, colour));
                    });
            }
        });
        // The windows' buttons wrap onto a second line on a narrow screen.
        bar.spawn(Node { flex_wrap: FlexWrap::Wrap, row_gap: px(6), ..theme::row(6) }).with_children(|b| {
            b.spawn(button(s.get("button.codex"), UiAction::Open(Overlay::Codex)));
            b.spawn(button(s.get("button.glossary"), UiAction::Open(Overlay::Glossary)));
            b.spawn(button(s.get("button.sources"), UiAction::Open(Overlay::Sources)));
            b.spawn(button(s.get("button.settings"), UiAction::Open(Overlay::Settings)));
            if hand_in {
                b.spawn(button(s.get("button.hand_in"), UiAction::Class(crate::actions::ClassAction::HandIn)));
            }
            if kiosk {
                b.spawn(button(s.get("kiosk.leave"), UiAction::Kiosk(crate::actions::KioskAction::Leave)));
            }
        });
    });
}

fn ledger_line(card: &mut ChildSpawnerCommands, label: String, value: String) {
    card.spawn(Node { justify_content: JustifyContent::SpaceBetween, column_gap: px(12), ..default() }).with_children(
        |l| {
            l.spawn(theme::small(label));
            l.spawn(theme::body(value));
        },
    );
}

/// The two ledgers, always visible: what was reported, and what is real.
fn ledgers(root: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings) {
    let st = &commune.state;
    // The year in progress, or the last year if the game is over.
    let year = if st.is_over() { st.start.plus(st.step - 1).year } else { st.now().year };
    let l = st.ledger_of(year).cloned().unwrap_or_default();
    let year_s = year.to_string();
    root.spawn(Node {
        flex_direction: FlexDirection::Row,
        flex_wrap: FlexWrap::Wrap,
        column_gap: px(12),
        row_gap: px(8),
        padding: UiRect::new(px(12), px(12), px(10), px(0)),
        ..default()
    })
    .with_children(|row| {
        row.spawn(theme::card_with(
            Node { flex_grow: 1.0, flex_basis: px(260), row_gap: px(4), ..theme::card_node() },
            palette::PANEL,
            palette::REPORTED,
        ))
        .with_children(|c| {
            c.spawn(theme::text(
                s.fill("ledger.reported", &[("year", year_s.clone())]),
                theme::SIZE_BODY,
                palette::REPORTED,
            ));
            ledger_line(c, s.get("ledger.reported_harvest"), kg_or_none(l.reported_kg, s));
            ledger_line(c, s.get("ledger.state_estimate"), kg_or_none(st.quota.estimate_kg, s));
            ledger_line(c, s.get("ledger.annual_quota"), kg_or_none(st.quota.annual_kg, s));
        });
        row.spawn(theme::card_with(
            Node { flex_grow: 1.0, flex_basis: px(260), row_gap: px(4), ..theme::card_node() },
            palette::PANEL,
            palette::REAL,
        ))
        .with_children(|c| {
            c.spawn(theme::text(s.fill("ledger.real", &[("year", year_s.clone())]), theme::SIZE_BODY, palette::REAL));
            ledger_line(c, s.get("ledger.real_harvest"), kg_or_none(l.harvest_kg, s));
            ledger_line(c, s.get("ledger.taken"), kg(l.procured_kg + l.seized_kg));
            ledger_line(c, s.get("ledger.granaries"), kg(st.granary_kg()));
            if st.hidden_kg() > 0 {
                ledger_line(c, s.get("ledger.hidden"), kg(st.hidden_kg()));
            }
        });
        row.spawn(theme::card_with(
            Node { flex_grow: 1.0, flex_basis: px(220), row_gap: px(4), ..theme::card_node() },
            palette::PANEL,
            palette::RULE,
        ))
        .with_children(|c| {
            c.spawn(theme::text(s.get("ledger.people"), theme::SIZE_BODY, palette::INK));
            ledger_line(c, s.get("ledger.population"), thousands(st.people()));
            ledger_line(c, s.fill("ledger.deaths_year", &[("year", year_s.clone())]), thousands(l.deaths));
            ledger_line(c, s.get("ledger.standing"), format!("{} / 1000", st.standing));
            c.spawn((
                Node { height: px(8), width: percent(100), ..default() },
                BackgroundColor(palette::RULE),
                children![(
                    Node { height: percent(100), width: percent(st.standing as f32 / 10.0), ..default() },
                    BackgroundColor(if st.standing < commune.data.params.politics.purge_threshold {
                        palette::ACCENT
                    } else {
                        palette::INK
                    }),
                )],
            ));
        });
    });
}

fn nav(panel: &mut ChildSpawnerCommands, s: &Strings, back: bool, next_label: String, next_enabled: bool) {
    panel.spawn(Node { column_gap: px(10), margin: UiRect::top(px(8)), ..default() }).with_children(|r| {
        if back {
            r.spawn(button(s.get("button.back"), UiAction::Back));
        }
        r.spawn(button_with(next_label, UiAction::Next, ButtonLook::Primary, next_enabled));
    });
}

fn news_panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    panel.spawn(theme::heading(s.get("news.heading")));
    for event in sim::events::this_season(&commune.data, &commune.state) {
        panel.spawn(theme::card()).with_children(|c| {
            c.spawn(theme::small(s.data(&event.date)));
            c.spawn(theme::text(s.data(&event.title), theme::SIZE_HEADING - 2.0, palette::INK));
            c.spawn(theme::body(s.data(&event.body)));
            if event.kind == EventKind::Directive {
                let chosen = draft.decisions.choices.get(&event.id);
                c.spawn(theme::text(s.get("news.your_answer"), theme::SIZE_SMALL, palette::ACCENT));
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
                    c.spawn(theme::body(s.data(&choice.outcome)));
                }
            }
            let source = commune.data.source(&event.source).map(|x| x.citation.clone()).unwrap_or_default();
            c.spawn(theme::small(s.fill("source.line", &[("source", source)])));
        });
    }
    let missing = unanswered(commune, draft).len();
    if missing > 0 {
        panel.spawn(theme::small(s.fill("news.unanswered", &[("n", missing.to_string())])));
    }
    nav(panel, s, false, s.get("button.to_labour"), missing == 0);
}

fn labour_panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    let st = &commune.state;
    let season = st.now().season;
    panel.spawn(theme::heading(s.get("labour.heading")));
    panel.spawn(theme::body(s.get(if season.is_harvest() { "labour.harvest_hint" } else { "labour.hint" })));
    let quota = steel_quota(commune);
    if quota > 0 {
        panel.spawn(theme::text(
            s.fill("labour.steel_quota", &[("quota", kg(quota))]),
            theme::SIZE_BODY,
            palette::ACCENT,
        ));
    }
    let per_worker = commune.data.params.furnaces.iron_kg_per_worker;
    let mut field_workers = 0;
    let mut furnace_workers = 0;
    let mut need = 0;
    for (b, plan) in st.brigades.iter().zip(&draft.decisions.labour) {
        field_workers += b.workers * i64::from(plan.fields) / 100;
        furnace_workers += b.workers * i64::from(plan.furnaces) / 100;
        need += b.farmland_mu * commune.data.params.labour.need_per_1000_mu.get(season) / 1000;
    }
    // One card for all brigades at once, then one per brigade; inside each,
    // the four tasks wrap two by two, or one under another on a phone.
    let names: Vec<String> = commune.data.commune.brigades.iter().map(|b| s.data(&b.name)).collect();
    let tasks = |c: &mut ChildSpawnerCommands, brigade: Option<usize>, plan: Option<&LabourPlan>| {
        c.spawn(Node { flex_wrap: FlexWrap::Wrap, column_gap: px(12), row_gap: px(4), ..default() }).with_children(
            |row| {
                for t in Task::ALL {
                    let v = plan.map(|p| match t {
                        Task::Fields => p.fields,
                        Task::Furnaces => p.furnaces,
                        Task::Water => p.water,
                        Task::Sideline => p.sideline,
                    });
                    row.spawn(Node {
                        flex_grow: 1.0,
                        flex_basis: px(230),
                        justify_content: JustifyContent::SpaceBetween,
                        align_items: AlignItems::Center,
                        column_gap: px(6),
                        ..default()
                    })
                    .with_children(|cell| {
                        cell.spawn(theme::text(s.get(t.key()), theme::SIZE_SMALL, palette::INK));
                        stepper(cell, brigade, t, v);
                    });
                }
            },
        );
    };
    panel.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::text(s.get("labour.all"), theme::SIZE_BODY, palette::INK));
        tasks(c, None, None);
    });
    for (i, (b, plan)) in st.brigades.iter().zip(&draft.decisions.labour).enumerate() {
        panel.spawn(theme::card()).with_children(|c| {
            c.spawn(Node {
                column_gap: px(10),
                align_items: AlignItems::Baseline,
                flex_wrap: FlexWrap::Wrap,
                ..default()
            })
            .with_children(|r| {
                r.spawn(theme::text(names.get(i).cloned().unwrap_or_default(), theme::SIZE_BODY, palette::INK));
                r.spawn(theme::small(s.fill("labour.workers", &[("n", thousands(b.workers))])));
            });
            tasks(c, Some(i), Some(plan));
        });
    }
    panel.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::body(
            s.fill("labour.fields_summary", &[("workers", thousands(field_workers)), ("need", thousands(need))]),
        ));
        if furnace_workers > 0 || quota > 0 {
            c.spawn(theme::body(s.fill(
                "labour.furnace_summary",
                &[("workers", thousands(furnace_workers)), ("iron", kg(furnace_workers * per_worker))],
            )));
        }
    });
    let next = if season.is_harvest() { "button.to_report" } else { "button.end_season" };
    nav(panel, s, true, s.get(next), true);
}

fn stepper(g: &mut ChildSpawnerCommands, brigade: Option<usize>, task: Task, value: Option<u16>) {
    g.spawn(Node { column_gap: px(2), align_items: AlignItems::Center, ..default() }).with_children(|r| {
        r.spawn(button("–", UiAction::Labour { brigade, task, delta: -5 }));
        if let Some(v) = value {
            r.spawn((
                Node { min_width: px(48), justify_content: JustifyContent::Center, ..default() },
                children![theme::body(format!("{v}%"))],
            ));
        }
        r.spawn(button("+", UiAction::Labour { brigade, task, delta: 5 }));
    });
}

fn report_panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    panel.spawn(theme::heading(s.get("report.heading")));
    let Ok(p) = commune.preview(&draft.decisions) else {
        panel.spawn(theme::body(s.get("report.unavailable")));
        return;
    };
    let report = draft.decisions.report_kg.unwrap_or(p.harvest_kg);
    panel.spawn(theme::card_with(theme::card_node(), palette::PANEL, palette::REAL)).with_children(|c| {
        c.spawn(theme::text(s.fill("report.real", &[("kg", kg(p.harvest_kg))]), theme::SIZE_HEADING, palette::REAL));
        if p.left_in_fields_kg * 20 > p.harvest_kg {
            c.spawn(theme::body(s.fill("report.left", &[("kg", kg(p.left_in_fields_kg))])));
        }
    });
    panel.spawn(theme::card()).with_children(|c| {
        c.spawn(theme::body(s.fill("report.expected", &[("kg", kg(p.expected_kg))])));
        c.spawn(theme::small(s.get("report.neighbours")));
        let now = commune.state.now();
        let mu = commune.state.farmland_mu();
        for n in &commune.data.neighbours {
            if let Some(claim) = n.claims.iter().find(|c| c.at == now) {
                c.spawn(theme::body(s.fill(
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
    panel.spawn(theme::card_with(theme::card_node(), palette::PANEL, palette::REPORTED)).with_children(|c| {
        let share = sim::ratio_permille(report, p.harvest_kg.max(1));
        c.spawn(theme::text(
            s.fill("report.yours", &[("kg", kg(report)), ("share", fmt::percent(share))]),
            theme::SIZE_HEADING,
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
            c.spawn(theme::body(s.fill(
                "report.demand",
                &[("kg", kg(demand)), ("share", fmt::percent(sim::ratio_permille(demand, p.harvest_kg.max(1))))],
            )));
        }
    });
    nav(panel, s, true, s.get("button.to_procurement"), true);
}

fn procurement_panel(panel: &mut ChildSpawnerCommands, commune: &Commune, draft: &Draft, s: &Strings) {
    panel.spawn(theme::heading(s.get("procurement.heading")));
    let report = draft.decisions.report_kg.unwrap_or(0);
    let demand = commune.demand_for(&draft.decisions, report).unwrap_or(0);
    let harvest = commune.preview(&draft.decisions).map(|p| p.harvest_kg).unwrap_or(0);
    let seed_kg: i64 = commune.state.brigades.iter().map(|b| b.farmland_mu).sum::<i64>()
        * commune.data.params.harvest.seed_kg_per_mu.get(commune.state.now().season);
    let in_granaries = commune.state.granary_kg() + harvest - seed_kg;
    panel.spawn(theme::body(
        s.fill("procurement.demand", &[("demand", kg(demand)), ("granaries", kg(in_granaries.max(0)))]),
    ));
    let current = draft.decisions.procurement;
    let look = |on: bool| if on { ButtonLook::Selected } else { ButtonLook::Normal };
    for (key, mv, on) in [
        ("procurement.deliver", ProcureMove::Deliver, current == ProcurementResponse::Deliver),
        ("procurement.plead", ProcureMove::Plead, current == ProcurementResponse::Plead),
    ] {
        panel.spawn(theme::card()).with_children(|c| {
            c.spawn(button_with(s.get(key), UiAction::Procure(mv), look(on), true));
            c.spawn(theme::small(s.get(&format!("{key}.explain"))));
        });
    }
    panel.spawn(theme::card()).with_children(|c| {
        let hiding = matches!(current, ProcurementResponse::Hide { .. });
        c.spawn(Node { column_gap: px(6), align_items: AlignItems::Center, flex_wrap: FlexWrap::Wrap, ..default() })
            .with_children(|r| {
                r.spawn(button_with(
                    s.fill("procurement.hide", &[("share", fmt::percent(i64::from(draft.hide_permille)))]),
                    UiAction::Procure(ProcureMove::Hide),
                    look(hiding),
                    true,
                ));
                r.spawn(button("–", UiAction::Procure(ProcureMove::HideStep(-50))));
                r.spawn(button("+", UiAction::Procure(ProcureMove::HideStep(50))));
            });
        c.spawn(theme::small(s.get("procurement.hide.explain")));
    });
    nav(panel, s, true, s.get("button.answer"), true);
}

fn consequences_panel(panel: &mut ChildSpawnerCommands, commune: &Commune, s: &Strings) {
    panel.spawn(theme::heading(s.get("consequences.heading")));
    let data = &commune.data;
    for h in &commune.last {
        match h.kind {
            HappeningKind::Consequence => {
                let Some(c) = data.consequence(&h.id) else { continue };
                let text = fill_values(&s.data(&c.text), &h.values);
                panel.spawn(Node { column_gap: px(8), ..default() }).with_children(|r| {
                    r.spawn(theme::text("•", theme::SIZE_BODY, palette::MUTED));
                    r.spawn((theme::text(text, theme::SIZE_BODY, palette::INK), crate::access::Announce));
                });
            }
            HappeningKind::Ending => {
                if let Some(e) = data.ending(&h.id) {
                    panel.spawn(theme::card_with(theme::card_node(), palette::PANEL, palette::ACCENT)).with_children(
                        |c| {
                            c.spawn(theme::text(s.data(&e.title), theme::SIZE_HEADING, palette::ACCENT));
                        },
                    );
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
