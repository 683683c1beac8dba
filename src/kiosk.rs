//! Museum kiosk mode, opened with `?kiosk=1`: the short scenario, large
//! targets, nothing saved between visitors, no teacher or file features, an
//! attract loop that replays a recorded game with captions, and a "Still
//! playing?" countdown after a visitor walks away, then back to the loop.
//! The reset happens inside the running game (no page reload), so the kiosk
//! can run for weeks; browser tests cycle it and watch the memory.

use std::sync::Arc;
use std::time::Duration;

use bevy::input::keyboard::KeyboardInput;
use bevy::input::mouse::{MouseButtonInput, MouseWheel};
use bevy::input::touch::TouchInput;
use bevy::prelude::*;
use bevy::window::WindowResized;
use bevy::winit::{UpdateMode, WinitSettings};
use sim::{Run, SeasonDecisions};

use crate::actions::{Act, KioskAction, Overlay, UiAction};
use crate::language::Language;
use crate::lesson::{LaunchQuery, Student};
use crate::mirror::{CommuneView, MirrorSystems};
use crate::rules::{Commune, GameData};
use crate::save::{MemoryStore, SaveStatus, Storage};
use crate::screens::Screen;
use crate::screens::season::Draft;
use crate::text::{Lang, Strings, kg, thousands};
use crate::theme::{self, ButtonLook, palette};

/// The scenario a kiosk visitor plays (six seasons, a few minutes).
pub const SCENARIO: &str = "kiosk";
/// The layout the screens are drawn for; a wider kiosk screen scales up.
pub const DESIGN_WIDTH: f32 = 1280.0;
/// Seconds each caption of the attract loop stays up.
pub const CAPTION_SECONDS: f64 = 8.0;

const ATTRACT_RUN: &str = include_str!("../assets/data/attract.json");

/// How this copy of the game runs: from the link's `kiosk`, `idle`,
/// `countdown` and `lang` parameters.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Kiosk {
    pub on: bool,
    /// Seconds without a touch before "Still playing?".
    pub idle_secs: u32,
    /// Seconds the question stays before the game starts again.
    pub countdown_secs: u32,
    /// The language asked for by the link (the kiosk's language after a reset).
    pub lang: Option<Lang>,
    /// Settings that could not be used: (parameter, value), shown in a notice.
    pub problems: Vec<(String, String)>,
}

impl Default for Kiosk {
    fn default() -> Self {
        Kiosk { on: false, idle_secs: 90, countdown_secs: 30, lang: None, problems: Vec::new() }
    }
}

pub const IDLE_RANGE: (u32, u32) = (20, 3600);
pub const COUNTDOWN_RANGE: (u32, u32) = (20, 300);

impl Kiosk {
    /// Read the kiosk settings from a query string. A bad value keeps its
    /// default and is listed in `problems`; the link's other limits are
    /// checked by the classroom's parser, whose errors the title shows.
    pub fn from_query(query: &str) -> Kiosk {
        let mut k = Kiosk::default();
        let Ok(q) = classroom::assignment::Query::parse(query) else { return k };
        let mut problems = Vec::new();
        match q.get("kiosk") {
            None | Some("0") => {}
            Some("1") => k.on = true,
            Some(v) => problems.push(k_problem("kiosk", v)),
        }
        let mut number = |name: &str, (lo, hi): (u32, u32), slot: &mut u32| {
            if let Some(v) = q.get(name) {
                match v.parse::<u32>() {
                    Ok(n) if (lo..=hi).contains(&n) => *slot = n,
                    _ => problems.push(k_problem(name, v)),
                }
            }
        };
        number("idle", IDLE_RANGE, &mut k.idle_secs);
        number("countdown", COUNTDOWN_RANGE, &mut k.countdown_secs);
        if let Some(v) = q.get("lang") {
            match Lang::from_tag(v) {
                Some(l) => k.lang = Some(l),
                None => problems.push(k_problem("lang", v)),
            }
        }
        k.problems = problems;
        k
    }
}

fn k_problem(name: &str, value: &str) -> (String, String) {
    (name.to_string(), value.to_string())
}

/// A run condition: kiosk mode is on.
pub fn on(kiosk: Option<Res<Kiosk>>) -> bool {
    kiosk.is_some_and(|k| k.on)
}

/// The scenario of a game started without an assignment.
pub fn free_scenario(kiosk: &Kiosk) -> &'static str {
    if kiosk.on { SCENARIO } else { crate::screens::title::SCENARIO }
}

pub fn plugin(app: &mut App) {
    let kiosk = app.world().get_resource::<LaunchQuery>().map(|q| Kiosk::from_query(&q.0)).unwrap_or_default();
    if kiosk.on {
        // Nothing a visitor does outlives the visit.
        app.insert_resource(Storage(Box::new(MemoryStore::default())));
        // A few updates a second keep the clocks of the loop and the countdown going.
        let tick = UpdateMode::reactive(Duration::from_millis(250));
        app.insert_resource(WinitSettings { focused_mode: tick, unfocused_mode: tick });
    }
    // Registered here too for apps without a window (tests); a no-op otherwise.
    app.add_message::<TouchInput>()
        .add_message::<MouseButtonInput>()
        .add_message::<KeyboardInput>()
        .add_message::<MouseWheel>()
        .add_message::<CursorMoved>();
    app.insert_resource(kiosk)
        .init_resource::<Idle>()
        .init_resource::<Attract>()
        .add_systems(OnEnter(Screen::Title), back_to_the_loop.run_if(on))
        .add_systems(OnEnter(Screen::Attract), start_attract)
        .add_systems(
            Update,
            (advance_attract, spawn_attract.after(MirrorSystems)).chain().run_if(in_state(Screen::Attract)),
        )
        .add_systems(Update, (watch_idle, countdown, handle_acts).chain().run_if(on))
        .add_systems(Update, scale_ui);
}

/// The interface scale: the player's text size, times the kiosk's growth on a
/// screen wider than the layout's design (1920 px wide: 1.5, so body text is
/// 27 px and the smallest target 66 px).
fn scale_ui(
    kiosk: Res<Kiosk>,
    choice: Res<crate::settings::Settings>,
    windows: Query<&Window>,
    mut resized: MessageReader<WindowResized>,
    mut scale: ResMut<UiScale>,
) {
    let resized = resized.read().count() > 0;
    if !(resized || choice.is_changed() || kiosk.is_changed()) {
        return;
    }
    let base =
        if kiosk.on { windows.iter().next().map_or(1.0, |w| (w.width() / DESIGN_WIDTH).clamp(1.0, 3.0)) } else { 1.0 };
    let want = base * f32::from(choice.text_scale) / 100.0;
    if (scale.0 - want).abs() > 0.001 {
        scale.0 = want;
    }
}

// ---------------------------------------------------------------------------
// Idle time, the countdown, and the reset.

/// When the last touch (or click, key, wheel) came, and whether the visitor
/// has been asked "Still playing?".
#[derive(Resource, Default, Debug)]
pub struct Idle {
    /// Seconds of real time at the last input.
    pub last_input: f64,
    pub asking: bool,
}

#[derive(Component)]
struct CountdownRoot;

#[derive(Component)]
struct CountdownSeconds;

#[allow(clippy::too_many_arguments)]
fn watch_idle(
    time: Res<Time<Real>>,
    mut idle: ResMut<Idle>,
    screen: Res<State<Screen>>,
    mut touches: MessageReader<TouchInput>,
    mut buttons: MessageReader<MouseButtonInput>,
    mut keys: MessageReader<KeyboardInput>,
    mut wheel: MessageReader<MouseWheel>,
    mut cursor: MessageReader<CursorMoved>,
) {
    let now = time.elapsed_secs_f64();
    let input = touches.read().count()
        + buttons.read().count()
        + keys.read().count()
        + wheel.read().count()
        + cursor.read().count()
        > 0;
    // Waiting in the loop is not a visit.
    if input || matches!(screen.get(), Screen::Attract | Screen::Loading) {
        idle.last_input = now;
        if idle.asking {
            idle.asking = false;
        }
    }
}

/// After the idle time, ask; after the countdown too, start again.
#[allow(clippy::too_many_arguments)]
fn countdown(
    mut commands: Commands,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    mut idle: ResMut<Idle>,
    strings: Res<Strings>,
    roots: Query<Entity, With<CountdownRoot>>,
    mut seconds: Query<&mut Text, With<CountdownSeconds>>,
    mut reset: MessageWriter<Act>,
) {
    let quiet = time.elapsed_secs_f64() - idle.last_input;
    let ask_at = f64::from(kiosk.idle_secs);
    if !idle.asking && quiet >= ask_at {
        idle.asking = true;
    }
    if !idle.asking {
        for e in &roots {
            commands.entity(e).despawn();
        }
        return;
    }
    let left = (ask_at + f64::from(kiosk.countdown_secs) - quiet).ceil().max(0.0) as i64;
    if left <= 0 {
        reset.write(Act(UiAction::Kiosk(KioskAction::StartOver)));
        return;
    }
    let words = strings.fill("kiosk.countdown", &[("seconds", left.to_string())]);
    if roots.is_empty() {
        spawn_question(&mut commands, &strings, words);
    } else {
        for mut t in &mut seconds {
            if t.0 != words {
                t.0 = words.clone();
            }
        }
    }
}

fn spawn_question(commands: &mut Commands, s: &Strings, words: String) {
    commands.spawn((CountdownRoot, theme::modal_shade(30))).with_children(|shade| {
        shade
            .spawn(theme::card_with(
                Node { max_width: px(760), row_gap: px(18), align_items: AlignItems::Center, ..theme::card_node() },
                palette::PAPER,
                palette::ACCENT,
            ))
            .with_children(|card| {
                card.spawn(theme::centred(s.get("kiosk.still_playing"), theme::SIZE_TITLE - 8.0, palette::ACCENT));
                card.spawn((theme::body(words), CountdownSeconds));
                card.spawn(theme::row(16)).with_children(|r| {
                    r.spawn(big(
                        s.get("kiosk.keep_playing"),
                        UiAction::Kiosk(KioskAction::KeepPlaying),
                        ButtonLook::Primary,
                        true,
                    ));
                    r.spawn(big(
                        s.get("kiosk.start_over"),
                        UiAction::Kiosk(KioskAction::StartOver),
                        ButtonLook::Normal,
                        true,
                    ));
                });
            });
    });
}

fn big_node() -> Node {
    Node { min_height: px(64), min_width: px(200), padding: UiRect::axes(px(24), px(12)), ..theme::button_node() }
}

/// A larger target for the kiosk's main choices.
fn big(label: String, action: UiAction, look: ButtonLook, enabled: bool) -> impl Bundle {
    theme::button_made(
        big_node(),
        (theme::text(label, theme::SIZE_HEADING, palette::ON_BUTTON), Pickable::IGNORE),
        action,
        look,
        enabled,
    )
}

#[allow(clippy::too_many_arguments)]
fn handle_acts(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    time: Res<Time<Real>>,
    kiosk: Res<Kiosk>,
    mut idle: ResMut<Idle>,
    mut screen: ResMut<NextState<Screen>>,
    mut overlay: ResMut<NextState<Overlay>>,
    mut language: ResMut<Language>,
    mut reset: ResetParams,
) {
    for Act(action) in acts.read() {
        match action {
            UiAction::Kiosk(KioskAction::Play) => {
                *reset.student = Student::default();
                screen.set(Screen::Briefing);
            }
            UiAction::Kiosk(KioskAction::KeepPlaying) => {
                idle.last_input = time.elapsed_secs_f64();
                idle.asking = false;
            }
            UiAction::Kiosk(KioskAction::Leave) => {
                // Ask at once, with the full countdown.
                idle.last_input = time.elapsed_secs_f64() - f64::from(kiosk.idle_secs);
                idle.asking = true;
            }
            UiAction::Kiosk(KioskAction::StartOver) => {
                start_over(&mut commands, &mut reset);
                idle.asking = false;
                idle.last_input = time.elapsed_secs_f64();
                overlay.set(Overlay::None);
                if let Some(lang) = kiosk.lang.filter(|l| *l != language.shown) {
                    language.pending = Some(lang);
                } else if kiosk.lang.is_none() && language.shown != Lang::En {
                    language.pending = Some(Lang::En);
                }
                screen.set(Screen::Attract);
            }
            _ => {}
        }
    }
}

#[derive(bevy::ecs::system::SystemParam)]
struct ResetParams<'w> {
    student: ResMut<'w, Student>,
    status: ResMut<'w, SaveStatus>,
    storage: Res<'w, Storage>,
    settings: ResMut<'w, crate::settings::Settings>,
}

/// Forget the visit: the game, its (in-memory) save, the settings.
fn start_over(commands: &mut Commands, reset: &mut ResetParams) {
    commands.remove_resource::<Commune>();
    commands.remove_resource::<Draft>();
    *reset.student = Student::default();
    *reset.status = SaveStatus::None;
    for key in [crate::save::KEY, crate::save::PREVIOUS, crate::save::DAMAGED] {
        let _ = reset.storage.0.remove(key);
    }
    if *reset.settings != crate::settings::Settings::default() {
        *reset.settings = crate::settings::Settings::default();
    }
    let _ = reset.storage.0.remove(crate::settings::KEY);
}

/// In kiosk mode the title screen is the attract loop.
fn back_to_the_loop(mut acts: MessageWriter<Act>) {
    acts.write(Act(UiAction::Kiosk(KioskAction::StartOver)));
}

// ---------------------------------------------------------------------------
// The attract loop: a recorded game of the kiosk scenario, replayed by the
// rules core one season at a time, with a caption for each.

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
    (settings, motion): (Res<crate::settings::Settings>, Res<crate::settings::BrowserMotion>),
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
        commands.spawn((theme::screen_root(), AttractRoot, DespawnOnExit(Screen::Attract))).with_children(|root| {
            root.spawn(theme::top_bar()).with_children(|bar| {
                bar.spawn(theme::text(s.get("title.name"), theme::SIZE_HEADING, palette::ON_BUTTON));
                bar.spawn(theme::text(s.get("kiosk.recorded"), theme::SIZE_BODY, palette::ON_BUTTON));
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
                b.spawn(big(
                    s.get("kiosk.play"),
                    UiAction::Kiosk(KioskAction::Play),
                    ButtonLook::Primary,
                    language.settled(),
                ));
                b.spawn(crate::language::switch_button(s, &language, big_node(), theme::SIZE_HEADING));
            });
            for (name, value) in &kiosk.problems {
                root.spawn(theme::small(
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
            .with_children(|m| crate::map::spawn(m, &commune, &view, s));
        body.spawn(Node { width: percent(50), ..theme::column(14) }).with_children(|c| {
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
        c.spawn(theme::text(t, theme::SIZE_TITLE - 12.0, palette::ACCENT));
    };
    if attract.step == 0 {
        let start = commune.state.now();
        heading(c, season_name(s, start));
        c.spawn(theme::heading(s.fill("kiosk.intro", &[("commune", s.data(&data.commune.name))])));
        return;
    }
    if attract.step > seasons {
        if let Some(ending) = commune.state.ending.as_ref().and_then(|e| data.ending(&e.key())) {
            heading(c, s.data(&ending.title));
            c.spawn(theme::heading(s.data(&ending.text)));
        }
        c.spawn(theme::body(s.get("kiosk.your_turn")));
        return;
    }
    let played = commune.state.start.plus(commune.state.step - 1);
    heading(c, season_name(s, played));
    let decisions: &SeasonDecisions = &attract.run.seasons[attract.step - 1];
    let n = decisions.labour.len().max(1) as u32;
    let avg = |f: fn(&sim::LabourPlan) -> u16| decisions.labour.iter().map(|p| u32::from(f(p))).sum::<u32>() / n;
    c.spawn(theme::heading(s.fill(
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
            c.spawn(theme::heading(
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
            c.spawn(theme::heading(s.fill(
                "kiosk.report",
                &[("reported", kg(a.reported_kg - b.reported_kg)), ("real", kg(a.harvest_kg - b.harvest_kg))],
            )));
        }
        let procured = a.procured_kg - b.procured_kg;
        if procured > 0 {
            c.spawn(theme::heading(s.fill("kiosk.procured", &[("procured", kg(procured))])));
        }
        let deaths = a.deaths - b.deaths;
        let people: i64 = commune.state.brigades.iter().map(|b| b.people).sum();
        c.spawn(theme::heading(
            s.fill("kiosk.people", &[("people", thousands(people)), ("deaths", thousands(deaths))]),
        ));
    }
}

/// The state one season before the one shown (for what the season changed).
fn replay_state_before(commune: &Commune, attract: &Attract) -> Option<sim::CommuneState> {
    replay_to(&commune.data, &attract.run, attract.step.saturating_sub(1)).map(|c| c.state)
}

fn season_name(s: &Strings, at: sim::SeasonRef) -> String {
    s.fill("season.when", &[("season", s.get(&format!("season.{}", at.season.key()))), ("year", at.year.to_string())])
}
