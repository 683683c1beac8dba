//! The game's rules plugin under `MinimalPlugins`: decisions sent as messages
//! give exactly the states the rules core gives when it replays them.

use std::sync::Arc;

use bevy::prelude::*;
use great_leap::core::action::UiAction;
use great_leap::core::flow::{Overlay, Phase, Screen};
use great_leap::core::storage::MemoryStore;
use great_leap::game::draft::Draft;
use great_leap::game::save::{self, SaveStatus};
use great_leap::game::session::{Commune, DecisionRejected, SeasonResolved, SubmitSeason};
use great_leap::probe::snapshot::SnapshotJson;
use sim::policy::{Policy, play};
use sim::{Data, replay};

use crate::{Raw, act, answer_directives, app, phase, play_season, play_to_ending, screen, start_new_game};

fn app_with_game(seed: u64) -> App {
    let mut app = App::new();
    app.add_plugins(MinimalPlugins).add_plugins(great_leap::headless_plugin);
    app.insert_resource(Commune::new(Arc::new(Data::builtin()), "full", seed).unwrap());
    app
}

#[test]
fn decisions_sent_as_messages_reproduce_the_rules_core_replay() {
    let data = Data::builtin();
    let (run, _) = play(Policy::Historical, &data, "full", 21).unwrap();
    let expected = replay(&data, &run).unwrap().hashes;
    let mut app = app_with_game(21);
    let mut hashes = Vec::new();
    for d in run.seasons {
        app.world_mut().write_message(SubmitSeason(d));
        app.update();
        hashes.extend(app.world_mut().resource_mut::<Messages<SeasonResolved>>().drain().map(|r| r.hash));
    }
    assert_eq!(hashes, expected);
    assert!(app.world().resource::<Commune>().state.is_over());
}

#[test]
fn refused_decisions_leave_the_game_unchanged() {
    let mut app = app_with_game(1);
    let before = app.world().resource::<Commune>().state.clone();
    let mut d = sim::policy::decide(Policy::Historical, &Data::builtin(), &before, 1).unwrap();
    d.labour.clear();
    app.world_mut().write_message(SubmitSeason(d));
    app.update();
    let rejected: Vec<_> = app.world_mut().resource_mut::<Messages<DecisionRejected>>().drain().collect();
    assert_eq!(rejected.len(), 1);
    assert!(rejected[0].0.contains("labour plans"), "{}", rejected[0].0);
    assert_eq!(app.world().resource::<Commune>().state, before);
}

// ---------------------------------------------------------------------------
// The screens, driven by the same `Act` messages the buttons send.

#[test]
fn a_whole_game_through_the_screens_matches_the_rules_core() {
    let store = MemoryStore::default();
    let mut app = app(store.clone());
    start_new_game(&mut app);
    // Every window over the season opens and closes.
    for o in [Overlay::Codex, Overlay::Glossary, Overlay::Sources, Overlay::Settings] {
        act(&mut app, UiAction::Open(o));
        assert_eq!(*app.world().resource::<State<Overlay>>().get(), o);
        let snapshot = app.world().resource::<SnapshotJson>().0.clone();
        assert!(snapshot.contains("\"overlay.close\""), "{o:?} has a close button");
        act(&mut app, UiAction::CloseOverlay);
        assert_eq!(*app.world().resource::<State<Overlay>>().get(), Overlay::None);
    }
    play_to_ending(&mut app);
    act(&mut app, UiAction::ShowDebrief);
    assert_eq!(screen(&app), Screen::Debrief);

    let commune = app.world().resource::<Commune>().clone();
    let replayed = sim::replay(&commune.data, &commune.run).unwrap();
    assert_eq!(replayed.state.hash(), commune.state.hash());
    assert_eq!(replayed.state.ending, commune.state.ending);
    assert!(commune.state.ending.is_some());
    assert!(!commune.run.seasons.is_empty());

    // The snapshot the browser tests read says the same.
    let snapshot: serde_json::Value = serde_json::from_str(&app.world().resource::<SnapshotJson>().0).unwrap();
    assert_eq!(snapshot["screen"], "Debrief");
    assert_eq!(snapshot["hash"], commune.state.hash());
    assert_eq!(snapshot["ending"], commune.state.ending.as_ref().unwrap().key());

    // The autosave holds the finished run.
    let saved = save::parse(&store.get_raw(save::KEY).unwrap(), &commune.data).unwrap();
    assert_eq!(saved.run, commune.run);
}

#[test]
fn the_commune_is_mirrored_as_entities_that_follow_every_decision() {
    use great_leap::game::mirror::{Canteen, Fields, Furnace, Granary, Labour, Village};
    use sim::decisions::Activity;
    let mut app = app(MemoryStore::default());
    start_new_game(&mut app);
    play_season(&mut app);
    answer_directives(&mut app);
    act(&mut app, UiAction::Next); // to the labour plan
    let check = |app: &mut App| {
        let state = app.world().resource::<Commune>().state.clone();
        let draft = app.world().resource::<Draft>().clone();
        let world = app.world_mut();
        let mut villages: Vec<Village> = world.query::<&Village>().iter(world).cloned().collect();
        villages.sort_by_key(|v| v.brigade);
        assert_eq!(villages.len(), state.brigades.len());
        for (v, b) in villages.iter().zip(&state.brigades) {
            assert_eq!((v.people, v.workers, v.health), (b.people, b.workers, b.health));
        }
        for g in world.query::<&Granary>().iter(world) {
            assert_eq!(g.kg, state.brigades[g.brigade].granary_kg);
        }
        for f in world.query::<&Fields>().iter(world) {
            assert_eq!(f.season, state.now().season);
        }
        for f in world.query::<&Furnace>().iter(world) {
            assert_eq!(f.staffed, draft.decisions.labour[f.brigade].furnaces);
        }
        for l in world.query::<&Labour>().iter(world) {
            assert_eq!(l.plan, draft.decisions.labour[l.brigade]);
        }
        assert_eq!(world.query::<&Canteen>().iter(world).count(), 1);
    };
    check(&mut app);
    // The furnaces take hands as soon as the plan changes, before the season is played.
    act(&mut app, UiAction::Labour { brigade: Some(2), task: Activity::Furnaces, delta: 5 });
    let world = app.world_mut();
    let staffed: Vec<u16> =
        world.query::<&Furnace>().iter(world).filter(|f| f.brigade == 2).map(|f| f.staffed).collect();
    assert_eq!(staffed, vec![5]);
    check(&mut app);
    // The season is played: the mirror follows the new state.
    act(&mut app, UiAction::Next);
    act(&mut app, UiAction::Next);
    check(&mut app);
}

#[test]
fn continue_resumes_mid_season_where_the_player_left() {
    let store = MemoryStore::default();
    let mut first = app(store.clone());
    start_new_game(&mut first);
    play_season(&mut first);
    play_season(&mut first);
    answer_directives(&mut first);
    act(&mut first, UiAction::Next); // News -> Labour of the third season
    let (hash, run, draft) = {
        let w = first.world();
        (w.resource::<Commune>().state.hash(), w.resource::<Commune>().run.clone(), w.resource::<Draft>().clone())
    };
    assert_eq!(draft.phase, Phase::Labour);
    drop(first);

    // A new page load with the same storage.
    let mut second = app(store);
    assert!(matches!(second.world().resource::<SaveStatus>(), SaveStatus::Ready(_)));
    act(&mut second, UiAction::Continue);
    second.update(); // the phase follows the draft a frame later
    assert_eq!(screen(&second), Screen::Season);
    assert_eq!(phase(&second), Phase::Labour);
    let w = second.world();
    assert_eq!(w.resource::<Commune>().state.hash(), hash);
    assert_eq!(w.resource::<Commune>().run, run);
    assert_eq!(*w.resource::<Draft>(), draft);
}

#[test]
fn a_new_game_over_one_in_progress_is_asked_first() {
    let store = MemoryStore::default();
    let mut first = app(store.clone());
    start_new_game(&mut first);
    play_season(&mut first);
    drop(first);
    let mut app = app(store);
    act(&mut app, UiAction::NewGame);
    assert_eq!(screen(&app), Screen::Title, "not yet: the player is asked first");
    let snapshot = app.world().resource::<SnapshotJson>().0.clone();
    assert!(
        snapshot.contains("\"title.confirm_new_game\"") && snapshot.contains("You have a game in progress"),
        "{snapshot}"
    );
    act(&mut app, UiAction::ConfirmNewGame);
    assert_eq!(screen(&app), Screen::Briefing);
}

/// The title is drawn once and then left alone until something on it
/// changes: a rebuild between a press and its release loses the click.
#[test]
fn the_title_is_not_rebuilt_while_nothing_changes() {
    let mut app = app(MemoryStore::default());
    let buttons = |app: &mut App| {
        let w = app.world_mut();
        let mut q = w.query_filtered::<Entity, With<UiAction>>();
        q.iter(w).collect::<Vec<_>>()
    };
    let before = buttons(&mut app);
    for _ in 0..3 {
        app.update();
    }
    assert_eq!(before, buttons(&mut app));
}

#[test]
fn the_consequences_name_every_change_of_standing_and_its_reason() {
    // A truthful report under the county's figure in summer 1958: the
    // outcome lists the change with its reason and the standing before.
    let mut app = app(MemoryStore::default());
    start_new_game(&mut app);
    play_season(&mut app);
    answer_directives(&mut app);
    act(&mut app, UiAction::Next);
    // The labour screen counts what the workers can do, not only heads.
    assert!(crate::texts(&app).contains("who can do the work of about"), "{}", crate::texts(&app));
    act(&mut app, UiAction::Next);
    act(&mut app, UiAction::Report(great_leap::core::action::ReportMove::Truthful));
    act(&mut app, UiAction::Next);
    act(&mut app, UiAction::Next);
    assert_eq!(phase(&app), Phase::Consequences);
    let shown = crate::texts(&app);
    let commune = app.world().resource::<Commune>();
    let delta = commune.last.iter().find(|h| h.id == "report_below_plan").unwrap().values["standing"];
    assert!(delta < 0);
    assert!(shown.contains(&format!("-{}: your report is below the county's figure", -delta)), "{shown}");
    assert!(shown.contains(&format!("Your standing with the county: {} / 1000", commune.state.standing)), "{shown}");
}

#[test]
fn in_autumn_1958_the_labour_screen_starts_from_the_county_plan() {
    let mut app = app(MemoryStore::default());
    start_new_game(&mut app);
    play_season(&mut app);
    play_season(&mut app);
    answer_directives(&mut app);
    act(&mut app, UiAction::Next);
    assert_eq!(phase(&app), Phase::Labour);
    let draft = app.world().resource::<Draft>();
    assert!(draft.decisions.labour.iter().all(|p| p.furnaces > 0), "{:?}", draft.decisions.labour);
    assert!(crate::texts(&app).contains("the one the county handed down"));
}
