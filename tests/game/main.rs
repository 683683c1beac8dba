//! The game's tests, one binary (link time is the cost here): the rules
//! plugin and the screens, driven by the same `Act` messages the buttons
//! send (`flow`), saves, the classroom, the kiosk, languages, looks,
//! accessibility, the words on screen, fuzzing the game's own parsers, and
//! the layers of `src/`. What they share is here: the whole game without a
//! window, and playing it.

mod access;
mod classroom;
mod flow;
mod fuzz;
mod kiosk;
mod language;
mod layers;
mod looks;
mod saves;
mod strings;

use bevy::input::InputPlugin;
use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::picking::hover::HoverMap;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::text::Font;
use great_leap::core::action::{Act, ReportMove, UiAction};
use great_leap::core::flow::{Phase, Screen};
use great_leap::core::launch::LaunchQuery;
use great_leap::core::storage::{MemoryStore, Storage, Store};
use great_leap::game::draft::{Draft, unanswered};
use great_leap::game::language::Language;
use great_leap::game::session::Commune;
use great_leap::probe::snapshot::SnapshotJson;

trait Raw {
    fn get_raw(&self, key: &str) -> Option<String>;
    fn set_raw(&self, key: &str, value: &str);
}
impl Raw for MemoryStore {
    fn get_raw(&self, key: &str) -> Option<String> {
        self.get(key).unwrap()
    }
    fn set_raw(&self, key: &str, value: &str) {
        self.set(key, value).unwrap()
    }
}

/// The whole game without a window or a GPU.
fn app(store: MemoryStore) -> App {
    let app = app_from_link(store, "");
    assert_eq!(screen(&app), Screen::Title);
    app
}

/// The game opened with a query string, as from a link.
fn app_from_link(store: MemoryStore, query: &str) -> App {
    let mut app = App::new();
    app.insert_resource(LaunchQuery(query.into()));
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin, AssetPlugin::default()))
        .init_asset::<Font>()
        .init_asset_loader::<bevy::text::FontLoader>()
        .init_resource::<InputFocus>()
        .init_resource::<InputFocusVisible>()
        .init_resource::<HoverMap>()
        .init_resource::<UiScale>()
        .add_message::<bevy::window::WindowResized>()
        .insert_resource(Storage(Box::new(store)))
        .add_plugins(great_leap::game_plugin);
    // Startup, then the loading screen hands over to the title.
    for _ in 0..3 {
        app.update();
    }
    app
}

fn act(app: &mut App, action: UiAction) {
    app.world_mut().write_message(Act(action));
    // One frame for the action, one for the state change it asks for.
    app.update();
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn phase(app: &App) -> Phase {
    *app.world().resource::<State<Phase>>().get()
}

/// Answer every open directive of the season with its first choice.
fn answer_directives(app: &mut App) {
    let open = {
        let commune = app.world().resource::<Commune>();
        let draft = app.world().resource::<Draft>();
        unanswered(commune, draft)
    };
    for directive in open {
        let choice = {
            let commune = app.world().resource::<Commune>();
            let d = commune.data.events.iter().find(|e| e.id == directive).unwrap();
            d.choices[0].id.clone()
        };
        act(app, UiAction::Choose { directive, choice });
    }
}

/// Play one season the way a player clicks through it: answer every
/// directive with its first choice, report what the county expects,
/// deliver, read the consequences.
fn play_season(app: &mut App) {
    assert_eq!(screen(app), Screen::Season);
    let now = app.world().resource::<Commune>().state.now().to_string();
    let draft_phase = app.world().resource::<Draft>().phase;
    assert_eq!(phase(app), Phase::News, "{now}, draft in {draft_phase:?}");
    answer_directives(app);
    act(app, UiAction::Next);
    assert_eq!(phase(app), Phase::Labour);
    if app.world().resource::<Commune>().state.now().season.is_harvest() {
        act(app, UiAction::Next);
        assert_eq!(phase(app), Phase::Report);
        act(app, UiAction::Report(ReportMove::CountyExpectation));
        act(app, UiAction::Next);
        assert_eq!(phase(app), Phase::Procurement);
    }
    let seasons_before = app.world().resource::<Commune>().run.seasons.len();
    act(app, UiAction::Next);
    assert_eq!(app.world().resource::<Commune>().run.seasons.len(), seasons_before + 1, "the season was played");
    assert_eq!(phase(app), Phase::Consequences);
    act(app, UiAction::Next);
}

/// Play season after season, through the year summaries, to the ending.
fn play_to_ending(app: &mut App) {
    for _ in 0..40 {
        match screen(app) {
            Screen::Ending => return,
            Screen::Season => play_season(app),
            Screen::YearSummary => act(app, UiAction::Next),
            other => panic!("unexpected screen {other:?}"),
        }
    }
    panic!("the game did not end");
}

fn start_new_game(app: &mut App) {
    assert_eq!(screen(app), Screen::Title);
    act(app, UiAction::NewGame);
    assert_eq!(screen(app), Screen::Briefing);
    act(app, UiAction::Begin);
    assert_eq!(screen(app), Screen::Season);
}

fn texts(app: &App) -> String {
    let snap: serde_json::Value = serde_json::from_str(&app.world().resource::<SnapshotJson>().0).unwrap();
    snap["texts"].as_array().unwrap().iter().map(|t| t.as_str().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Update until the language asked for is on screen (its font loads
/// through the asset server, off the main thread).
fn settle_language(app: &mut App) {
    for _ in 0..500 {
        app.update();
        if app.world().resource::<Language>().settled() {
            app.update();
            app.update();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the language did not settle");
}
