//! The game's rules plugin under `MinimalPlugins`: decisions sent as messages
//! give exactly the states the rules core gives when it replays them.

use std::sync::Arc;

use bevy::prelude::*;
use great_leap::rules::{Commune, DecisionRejected, SeasonResolved, SubmitSeason};
use sim::policy::{Policy, play};
use sim::{Data, replay};

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

mod flow {
    use bevy::input::InputPlugin;
    use bevy::input_focus::{InputFocus, InputFocusVisible};
    use bevy::picking::hover::HoverMap;
    use bevy::prelude::*;
    use bevy::state::app::StatesPlugin;
    use bevy::text::Font;
    use great_leap::actions::{Act, Overlay, ReportMove, UiAction};
    use great_leap::rules::Commune;
    use great_leap::save::{self, MemoryStore, SaveStatus, Storage, Store};

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
    use great_leap::screens::season::{Draft, unanswered};
    use great_leap::screens::{Phase, Screen};

    /// The whole game without a window or a GPU.
    pub fn app(store: MemoryStore) -> App {
        let app = app_from_link(store, "");
        assert_eq!(screen(&app), Screen::Title);
        app
    }

    /// The game opened with a query string, as from a link.
    fn app_from_link(store: MemoryStore, query: &str) -> App {
        let mut app = App::new();
        app.insert_resource(great_leap::lesson::LaunchQuery(query.into()));
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

    pub fn act(app: &mut App, action: UiAction) {
        app.world_mut().write_message(Act(action));
        // One frame for the action, one for the state change it asks for.
        app.update();
        app.update();
    }

    pub fn screen(app: &App) -> Screen {
        *app.world().resource::<State<Screen>>().get()
    }

    fn phase(app: &App) -> Phase {
        *app.world().resource::<State<Phase>>().get()
    }

    /// Answer every open directive of the season with its first choice.
    pub fn answer_directives(app: &mut App) {
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
    pub fn play_season(app: &mut App) {
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
    pub fn play_to_ending(app: &mut App) {
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

    pub fn start_new_game(app: &mut App) {
        assert_eq!(screen(app), Screen::Title);
        act(app, UiAction::NewGame);
        assert_eq!(screen(app), Screen::Briefing);
        act(app, UiAction::Begin);
        assert_eq!(screen(app), Screen::Season);
    }

    #[test]
    fn a_whole_game_through_the_screens_matches_the_rules_core() {
        let store = MemoryStore::default();
        let mut app = app(store.clone());
        start_new_game(&mut app);
        // Every window over the season opens and closes.
        for o in [Overlay::Codex, Overlay::Glossary, Overlay::Sources, Overlay::Settings] {
            act(&mut app, UiAction::Open(o));
            assert_eq!(*app.world().resource::<State<Overlay>>().get(), o);
            let snapshot = app.world().resource::<great_leap::hooks::SnapshotJson>().0.clone();
            assert!(snapshot.contains("CloseOverlay"), "{o:?} has a close button");
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
        let snapshot: serde_json::Value =
            serde_json::from_str(&app.world().resource::<great_leap::hooks::SnapshotJson>().0).unwrap();
        assert_eq!(snapshot["screen"], "Debrief");
        assert_eq!(snapshot["hash"], commune.state.hash());
        assert_eq!(snapshot["ending"], commune.state.ending.as_ref().unwrap().key());

        // The autosave holds the finished run.
        let saved = save::parse(&store.get_raw(save::KEY).unwrap(), &commune.data).unwrap();
        assert_eq!(saved.run, commune.run);
    }

    #[test]
    fn the_commune_is_mirrored_as_entities_that_follow_every_decision() {
        use great_leap::actions::Task;
        use great_leap::mirror::{Canteen, Fields, Furnace, Granary, Labour, Village};
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
        act(&mut app, UiAction::Labour { brigade: Some(2), task: Task::Furnaces, delta: 5 });
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
        let snapshot = app.world().resource::<great_leap::hooks::SnapshotJson>().0.clone();
        assert!(snapshot.contains("ConfirmNewGame") && snapshot.contains("You have a game in progress"), "{snapshot}");
        act(&mut app, UiAction::ConfirmNewGame);
        assert_eq!(screen(&app), Screen::Briefing);
    }

    #[test]
    fn a_corrupt_save_is_reported_and_kept_unless_the_player_deletes_it() {
        let store = MemoryStore::default();
        store.set_raw(save::KEY, "{\"format\":1,\"run\":");
        let mut app = app(store.clone());
        let SaveStatus::Damaged(reason) = app.world().resource::<SaveStatus>().clone() else {
            panic!("a corrupt save must be reported")
        };
        assert!(matches!(reason, save::SaveError::Input(sim::InputError::Syntax { .. })), "{reason:?}");
        let snapshot = app.world().resource::<great_leap::hooks::SnapshotJson>().0.clone();
        assert!(snapshot.contains("not readable as JSON"), "the reason is on screen: {snapshot}");
        let snapshot = app.world().resource::<great_leap::hooks::SnapshotJson>().0.clone();
        assert!(snapshot.contains("KeepDamagedSave") && snapshot.contains("DeleteDamagedSave"), "{snapshot}");

        // Starting anew keeps the damaged save aside, never deletes it.
        act(&mut app, UiAction::KeepDamagedSave);
        assert_eq!(screen(&app), Screen::Briefing);
        assert_eq!(store.get_raw(save::DAMAGED).as_deref(), Some("{\"format\":1,\"run\":"));

        // Deleting happens only when asked.
        let store = MemoryStore::default();
        store.set_raw(save::KEY, "not json");
        let mut app = super::flow::app(store.clone());
        act(&mut app, UiAction::DeleteDamagedSave);
        assert_eq!(store.get_raw(save::KEY), None);
        assert_eq!(*app.world().resource::<SaveStatus>(), SaveStatus::None);
    }

    fn save_of(run: sim::Run, data: &sim::Data) -> save::SaveGame {
        let commune = Commune::restore(std::sync::Arc::new(data.clone()), run.clone()).unwrap();
        let draft = Draft::for_season(&commune, None);
        save::of(&commune, &draft, &great_leap::lesson::Student::default())
    }

    #[test]
    fn a_save_whose_decisions_do_not_replay_is_refused() {
        let data = sim::Data::builtin();
        let (mut run, _) = sim::policy::play(sim::policy::Policy::Historical, &data, "full", 4).unwrap();
        run.seasons.truncate(3);
        let mut save = save_of(run, &data);
        save.run.seasons[1].labour.clear();
        let text = serde_json::to_string(&save).unwrap();
        assert_eq!(save::parse(&text, &data).unwrap_err(), save::SaveError::Replay);
        let other = text.replacen("\"format\":2", "\"format\":99", 1);
        assert_eq!(save::parse(&other, &data).unwrap_err(), save::SaveError::Newer { format: 99 });
    }

    #[test]
    fn a_save_that_replays_to_another_state_is_refused() {
        // As if the rules had changed since the game was saved: the decisions
        // replay, but not to the state the save recorded.
        let data = sim::Data::builtin();
        let (mut run, _) = sim::policy::play(sim::policy::Policy::Historical, &data, "full", 4).unwrap();
        run.seasons.truncate(3);
        let mut save = save_of(run, &data);
        assert!(save::parse(&serde_json::to_string(&save).unwrap(), &data).is_ok());
        save.hash = "0123456789abcdef".into();
        let text = serde_json::to_string(&save).unwrap();
        assert_eq!(save::parse(&text, &data).unwrap_err(), save::SaveError::RulesChanged);
        // Other scenario data.
        save.run.scenario_version += 1;
        let text = serde_json::to_string(&save).unwrap();
        assert_eq!(
            save::parse(&text, &data).unwrap_err(),
            save::SaveError::ScenarioVersion { found: data.version + 1, expected: data.version }
        );
    }

    #[test]
    fn saves_of_every_past_format_are_migrated_and_resume_where_they_stood() {
        let data = sim::Data::builtin();
        for (file, hash, stood_at) in [
            ("format-1-free-game.json", "a2b3e086b0cb8282", Phase::Labour),
            ("format-1-assignment.json", "a4560ecacd57d684", Phase::News),
        ] {
            let text = std::fs::read_to_string(format!("tests/saves/{file}")).unwrap();
            let old: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(old["format"], 1, "{file} is a format-1 save");
            let migrated = save::parse(&text, &data).unwrap();
            assert_eq!(migrated.format, save::FORMAT);
            assert_eq!(migrated.hash, hash, "{file}: the state the golden run reaches");
            assert_eq!(serde_json::to_value(&migrated.run).unwrap(), old["run"]);

            // Loaded by the game: Continue goes back to the same place, and
            // the next autosave writes the current format.
            let store = MemoryStore::default();
            store.set_raw(save::KEY, &text);
            let mut app = app(store.clone());
            assert!(matches!(app.world().resource::<SaveStatus>(), SaveStatus::Ready(_)), "{file}");
            act(&mut app, UiAction::Continue);
            app.update();
            assert_eq!(screen(&app), Screen::Season, "{file}");
            assert_eq!(phase(&app), stood_at, "{file}");
            assert_eq!(app.world().resource::<Commune>().state.hash(), hash, "{file}");
            if file.contains("assignment") {
                let student = app.world().resource::<great_leap::lesson::Student>();
                assert_eq!(student.nickname.as_deref(), Some("Mei"));
                assert_eq!(student.assignment.as_ref().unwrap().scenario, "kiosk");
            }
            // The first autosave writes the current format, and keeps the
            // format-1 text as the previous save.
            let written: serde_json::Value = serde_json::from_str(&store.get_raw(save::KEY).unwrap()).unwrap();
            assert_eq!(written["format"], save::FORMAT);
            assert_eq!(store.get_raw(save::PREVIOUS).unwrap(), text, "{file}");
        }
    }

    #[test]
    fn saves_beyond_the_limits_are_refused_unparsed_and_kept() {
        let data = sim::Data::builtin();
        let huge = format!("{{\"format\":2,\"pad\":\"{}\"}}", "x".repeat(4 * 1024 * 1024));
        let deep = format!("{{\"format\":2,\"run\":{}{}}}", "[".repeat(40), "]".repeat(40));
        let cases = [
            (huge, "too_large"),
            (deep, "too_deep"),
            ("".to_string(), "empty"),
            ("[1,2,3]".to_string(), "not_a_save"),
            ("{\"format\":\"two\"}".to_string(), "not_a_save"),
            ("{\"format\":2,\"run\":1}".to_string(), "shape"),
        ];
        for (text, key) in cases {
            let err = save::parse(&text, &data).unwrap_err();
            assert!(err.key().0.ends_with(key), "{key}: {err:?}");
            let store = MemoryStore::default();
            store.set_raw(save::KEY, &text);
            let app = app(store.clone());
            assert!(matches!(app.world().resource::<SaveStatus>(), SaveStatus::Damaged(_)), "{key}");
            assert_eq!(store.get_raw(save::KEY).as_deref(), Some(text.as_str()), "{key}: nothing is deleted");
            let snapshot = app.world().resource::<great_leap::hooks::SnapshotJson>().0.clone();
            assert!(snapshot.contains("KeepDamagedSave"), "{key}: the player is asked");
        }
    }

    #[test]
    fn a_save_the_browser_refuses_is_said_on_screen_and_the_game_goes_on() {
        /// Storage that is full: every write fails.
        struct Full(MemoryStore);
        impl Store for Full {
            fn get(&self, key: &str) -> Result<Option<String>, save::StoreError> {
                self.0.get(key)
            }
            fn set(&self, _: &str, _: &str) -> Result<(), save::StoreError> {
                Err(save::StoreError::Full)
            }
            fn remove(&self, key: &str) -> Result<(), save::StoreError> {
                self.0.remove(key)
            }
        }
        let mut app = app(MemoryStore::default());
        app.insert_resource(Storage(Box::new(Full(MemoryStore::default()))));
        start_new_game(&mut app);
        play_season(&mut app);
        let problem = app.world().resource::<save::SaveProblem>().0.clone();
        assert_eq!(problem, Some(save::SaveError::Storage(save::StoreError::Full)));
        let snapshot = app.world().resource::<great_leap::hooks::SnapshotJson>().0.clone();
        assert!(snapshot.contains("could not be saved") && snapshot.contains("storage is full"), "{snapshot}");
        // Play goes on.
        play_season(&mut app);
        assert_eq!(app.world().resource::<Commune>().run.seasons.len(), 2);
    }

    #[test]
    fn a_new_save_keeps_the_previous_one() {
        let store = MemoryStore::default();
        let data = sim::Data::builtin();
        let commune = Commune::new(std::sync::Arc::new(data.clone()), "full", 9).unwrap();
        let mut save = save::of(&commune, &Draft::for_season(&commune, None), &great_leap::lesson::Student::default());
        save::write(&store, &save).unwrap();
        let first = store.get_raw(save::KEY).unwrap();
        save.draft.phase = Phase::Labour;
        save::write(&store, &save).unwrap();
        assert_eq!(store.get_raw(save::PREVIOUS).unwrap(), first);
        assert_eq!(save::parse(&store.get_raw(save::KEY).unwrap(), &data).unwrap(), save);
    }

    // -----------------------------------------------------------------------
    // The classroom: a link, the knowledge check, handing in, the teacher's view.

    use classroom::verify::Verdict;
    use classroom::{Assignment, Seeds};
    use great_leap::actions::{ClassAction, TeacherTab};
    use great_leap::lesson::{Inbox, IncomingFile, Outbox, Student};
    use great_leap::screens::lesson::{CheckStage, Questions};
    use great_leap::screens::teacher::Desk;
    use great_leap::theme::Field;

    fn type_into(app: &mut App, field: Field, text: &str) {
        let mut q = app.world_mut().query::<(&mut bevy::text::EditableText, &Field)>();
        let mut found = false;
        for (mut t, f) in q.iter_mut(app.world_mut()) {
            if *f == field {
                t.editor_mut().set_text(text);
                found = true;
            }
        }
        assert!(found, "no {field:?} field on screen");
    }

    fn class(a: ClassAction) -> UiAction {
        UiAction::Class(a)
    }

    fn answer_all(app: &mut App, right: bool) {
        let questions = app.world().resource::<Questions>().0.clone();
        for (i, q) in questions.questions.iter().enumerate() {
            let option = if right { q.answer } else { (q.answer + 1) % q.options.len() as u8 };
            act(app, class(ClassAction::Answer(i, option)));
        }
    }

    fn texts(app: &App) -> String {
        let snap: serde_json::Value =
            serde_json::from_str(&app.world().resource::<great_leap::hooks::SnapshotJson>().0).unwrap();
        snap["texts"].as_array().unwrap().iter().map(|t| t.as_str().unwrap_or("")).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn an_assignment_link_plays_to_a_report_the_teacher_verifies() {
        let store = MemoryStore::default();
        let a = Assignment { nickname: true, seeds: Seeds::Student, ..Assignment::new(31_415) };
        let mut app = app_from_link(store.clone(), &format!("?{}", a.to_query()));
        assert_eq!(screen(&app), Screen::Title);
        assert!(texts(&app).contains(&a.code()), "the title names the assignment");
        act(&mut app, class(ClassAction::ShowAssignment));
        assert_eq!(screen(&app), Screen::Assignment);
        // The nickname was asked for: starting without one is refused, with a reason.
        act(&mut app, class(ClassAction::Start));
        assert_eq!(screen(&app), Screen::Assignment);
        assert!(texts(&app).contains("Type a name or nickname first"));
        type_into(&mut app, Field::Nickname, "Mei");
        act(&mut app, class(ClassAction::Start));
        assert_eq!(screen(&app), Screen::Knowledge);
        // Done waits for every answer.
        act(&mut app, class(ClassAction::FinishCheck));
        assert_eq!(screen(&app), Screen::Knowledge);
        answer_all(&mut app, false);
        act(&mut app, class(ClassAction::FinishCheck));
        assert_eq!(screen(&app), Screen::Briefing);
        act(&mut app, UiAction::Begin);
        assert_eq!(screen(&app), Screen::Season);
        let student = app.world().resource::<Student>().clone();
        assert_eq!(student.nickname.as_deref(), Some("Mei"));
        let seed = app.world().resource::<Commune>().run.seed;
        assert_eq!(seed, a.game_seed(student.student), "the game runs on the assignment's seed for this student");

        // Part way through, the game and the assignment survive a reload.
        play_season(&mut app);
        drop(app);
        let mut app = app_from_link(store.clone(), &format!("?{}", a.to_query()));
        assert!(texts(&app).contains("Your game for this assignment is saved"));
        act(&mut app, UiAction::Continue);
        assert_eq!(screen(&app), Screen::Season);
        assert_eq!(*app.world().resource::<Student>(), student);

        play_to_ending(&mut app);
        act(&mut app, class(ClassAction::HandIn));
        assert_eq!(screen(&app), Screen::Knowledge);
        assert_eq!(*app.world().resource::<CheckStage>(), CheckStage::After);
        answer_all(&mut app, true);
        act(&mut app, class(ClassAction::FinishCheck));
        assert_eq!(*app.world().resource::<CheckStage>(), CheckStage::Results);
        assert!(texts(&app).contains("8 of 8 right"), "{}", texts(&app));
        act(&mut app, class(ClassAction::FinishCheck));
        assert_eq!(screen(&app), Screen::HandIn);
        act(&mut app, class(ClassAction::DownloadReport));
        act(&mut app, class(ClassAction::PrintSummary));
        let (download, print) = {
            let outbox = app.world().resource::<Outbox>();
            (outbox.downloads.last().cloned().expect("a download"), outbox.prints.last().cloned().expect("a print"))
        };
        assert!(download.name.ends_with("-mei.json"), "{}", download.name);
        assert!(print.contains("<svg") && print.contains("Mei"), "the summary has its charts and the name");
        assert!(texts(&app).contains(&download.name), "the player is told where the file went");

        // The teacher's view, on the same machine: the report checks out.
        act(&mut app, UiAction::ToTitle);
        act(&mut app, class(ClassAction::Teacher));
        assert_eq!(screen(&app), Screen::Teacher);
        type_into(&mut app, Field::TeacherCode, &a.code().to_lowercase());
        act(&mut app, class(ClassAction::OpenCode));
        assert_eq!(app.world().resource::<Desk>().assignment, a);
        let mut edited: serde_json::Value = serde_json::from_str(&download.text).unwrap();
        edited["outcome"]["years"][1]["deaths"] = serde_json::json!(0);
        app.world_mut().resource_mut::<Inbox>().files.extend([
            IncomingFile { name: "mei.json".into(), size: download.text.len(), text: Some(download.text.clone()) },
            IncomingFile { name: "edited.json".into(), size: 10, text: Some(edited.to_string()) },
            IncomingFile { name: "huge.json".into(), size: 5 << 20, text: None },
            IncomingFile { name: "notes.txt".into(), size: 5, text: Some("notes".into()) },
        ]);
        app.update();
        app.update();
        let desk = app.world().resource::<Desk>().clone();
        assert_eq!(desk.tab, TeacherTab::Reports);
        let verdicts: Vec<&str> = desk.checked.iter().map(|c| c.verdict.key()).collect();
        // By file name: edited.json, huge.json, mei.json, notes.txt.
        assert_eq!(verdicts, ["edited", "unreadable", "verified", "unreadable"]);
        let shown = texts(&app);
        assert!(shown.contains("Mei") && shown.contains("Verified"), "{shown}");
        assert!(shown.contains("4 files: 1 verified, 1 edited, 0 from another assignment, 2 unreadable"), "{shown}");
        assert!(shown.contains("reports are under 1 MiB"), "{shown}");

        // Another class's assignment: the same report is from another assignment.
        act(&mut app, class(ClassAction::TeacherTab(TeacherTab::Create)));
        act(&mut app, class(ClassAction::NewSeed));
        let desk = app.world().resource::<Desk>().clone();
        assert!(matches!(desk.checked[2].verdict, Verdict::OtherAssignment(_)), "{:?}", desk.checked[2].verdict);

        act(&mut app, class(ClassAction::ExportCsv));
        act(&mut app, class(ClassAction::PrintClass));
        let outbox = app.world().resource::<Outbox>();
        let csv = &outbox.downloads.last().unwrap().text;
        assert_eq!(csv.lines().count(), 5);
        assert!(outbox.prints.last().unwrap().contains("<table>"));
    }

    #[test]
    fn a_bad_link_is_explained_and_the_game_still_plays() {
        let mut app = app_from_link(MemoryStore::default(), "?seed=banana&scenario=full");
        assert_eq!(screen(&app), Screen::Title);
        let shown = texts(&app);
        assert!(shown.contains("This assignment link cannot be used"), "{shown}");
        assert!(shown.contains("'seed'"), "{shown}");
        start_new_game(&mut app);
        assert!(app.world().resource::<Student>().assignment.is_none());
        // A typed class code opens the assignment instead.
        let mut app = app_from_link(MemoryStore::default(), "");
        act(&mut app, class(ClassAction::EnterCode));
        type_into(&mut app, Field::StudentCode, "NOT-A-CODE");
        act(&mut app, class(ClassAction::OpenCode));
        assert_eq!(screen(&app), Screen::ClassCode);
        assert!(texts(&app).contains("That is not a class code"));
        // The refused code stays in the field, to be corrected.
        let snap: serde_json::Value =
            serde_json::from_str(&app.world().resource::<great_leap::hooks::SnapshotJson>().0).unwrap();
        assert_eq!(snap["fields"][0]["label"], "NOT-A-CODE");
        let a = Assignment { check: false, ..Assignment::new(77) };
        type_into(&mut app, Field::StudentCode, &a.code());
        act(&mut app, class(ClassAction::OpenCode));
        assert_eq!(screen(&app), Screen::Assignment);
        act(&mut app, class(ClassAction::Start));
        // No knowledge check in this assignment: straight to the briefing.
        assert_eq!(screen(&app), Screen::Briefing);
    }

    /// Update until the language asked for is on screen (its font loads
    /// through the asset server, off the main thread).
    fn settle_language(app: &mut App) {
        for _ in 0..500 {
            app.update();
            if app.world().resource::<great_leap::language::Language>().settled() {
                app.update();
                app.update();
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the language did not settle");
    }

    #[test]
    fn the_game_switches_to_chinese_and_back_on_the_title_screen() {
        use great_leap::language::{GameFont, LABEL_FONT, Language, OwnFont};
        use great_leap::text::Lang;
        let store = MemoryStore::default();
        let mut app = app(store.clone());
        assert!(texts(&app).contains("Great Leap"));
        act(&mut app, UiAction::Language(Lang::Zh));
        settle_language(&mut app);
        assert_eq!(screen(&app), Screen::Title);
        assert_eq!(app.world().resource::<Language>().shown, Lang::Zh);
        let t = texts(&app);
        assert!(t.contains("大跃进") && t.contains("新游戏"), "{t}");
        // Every text is drawn with the Chinese font, except the language button's own label.
        let font = app.world().resource::<GameFont>().0.clone();
        assert_ne!(font, Handle::default());
        let world = app.world_mut();
        let mut q = world.query::<(&TextFont, Has<OwnFont>)>();
        let mut n = 0;
        for (tf, own) in q.iter(world) {
            let want = if own { LABEL_FONT } else { font.clone() };
            assert_eq!(tf.font, bevy::text::FontSource::Handle(want));
            n += 1;
        }
        assert!(n > 5);
        // The choice is remembered, and a new start comes back in Chinese.
        assert_eq!(store.get_raw(great_leap::language::PREF_KEY).as_deref(), Some("zh"));
        let mut again = app_from_link(store.clone(), "");
        settle_language(&mut again);
        assert!(texts(&again).contains("大跃进"));
        // A game in Chinese: the briefing and the news come from the data's Chinese.
        act(&mut again, UiAction::NewGame);
        assert!(texts(&again).contains("清河人民公社"), "{}", texts(&again));
        act(&mut again, UiAction::Begin);
        assert_eq!(screen(&again), Screen::Season);
        assert!(texts(&again).contains("消息和指示"));
        act(&mut again, UiAction::ToTitle);
        act(&mut again, UiAction::Language(Lang::En));
        settle_language(&mut again);
        assert!(texts(&again).contains("Great Leap"));
        assert_eq!(again.world().resource::<GameFont>().0, Handle::default());
        // A link's lang wins over the remembered choice.
        let linked = app_from_link(store, "?lang=en");
        assert_eq!(linked.world().resource::<Language>().shown, Lang::En);
    }

    /// The kiosk: the attract loop first, a visitor's game of the short
    /// scenario, nothing saved, the countdown after idle time, then the loop again.
    #[test]
    fn a_kiosk_loops_plays_the_short_game_and_starts_again_after_idle_time() {
        use great_leap::actions::KioskAction;
        use great_leap::kiosk::{Attract, CAPTION_SECONDS, Idle, Kiosk};
        let store = MemoryStore::default();
        let mut app = app_from_link(store.clone(), "?kiosk=1&idle=60&countdown=25");
        // The kiosk keeps time by the clock on the wall; here each frame is
        // a millisecond of it, however slowly the machine runs the test, and
        // the test moves the clock on by itself where it needs to.
        app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(std::time::Duration::from_millis(1)));
        app.update();
        assert_eq!(screen(&app), Screen::Attract);
        let kiosk = app.world().resource::<Kiosk>().clone();
        assert!(kiosk.on && kiosk.idle_secs == 60 && kiosk.countdown_secs == 25 && kiosk.problems.is_empty());
        // The recorded game is a whole game of the kiosk scenario.
        let recorded = app.world().resource::<Attract>().run.clone();
        let data = app.world().resource::<great_leap::rules::GameData>().0.clone();
        let whole = great_leap::kiosk::replay_to(&data, &recorded, recorded.seasons.len()).unwrap();
        assert!(recorded.scenario_id == "kiosk" && whole.state.is_over());
        // The loop replays it a season at a time, with captions.
        let first = texts(&app);
        assert!(first.contains("recorded game"), "{first}");
        for step in 1..=3 {
            app.world_mut().resource_mut::<Attract>().since -= CAPTION_SECONDS;
            app.update();
            app.update();
            assert_eq!(app.world().resource::<Attract>().step, step);
            assert_eq!(app.world().resource::<Commune>().run.seasons.len(), step);
            assert!(texts(&app).contains("Workers:"), "{}", texts(&app));
        }
        // Idle time in the loop is not a visit.
        app.world_mut().resource_mut::<Idle>().last_input -= 1000.0;
        app.update();
        assert!(!app.world().resource::<Idle>().asking);
        // A visitor plays the short scenario to its interim account.
        act(&mut app, UiAction::Kiosk(KioskAction::Play));
        assert_eq!(screen(&app), Screen::Briefing);
        act(&mut app, UiAction::Begin);
        assert_eq!(app.world().resource::<Commune>().run.scenario_id, "kiosk");
        assert!(texts(&app).contains("Finish"));
        play_to_ending(&mut app);
        assert!(texts(&app).contains("The account so far"), "{}", texts(&app));
        // Nothing reached the browser's storage.
        assert!(store.0.lock().unwrap().is_empty());
        // The visitor walks away: the question, with its countdown.
        app.world_mut().resource_mut::<Idle>().last_input -= 61.0;
        app.update();
        app.update();
        assert!(app.world().resource::<Idle>().asking);
        assert!(texts(&app).contains("Still playing?"), "{}", texts(&app));
        assert!(texts(&app).contains("25 seconds") || texts(&app).contains("24 seconds"), "{}", texts(&app));
        // Yes: back to the game where it was.
        act(&mut app, UiAction::Kiosk(KioskAction::KeepPlaying));
        assert!(!texts(&app).contains("Still playing?"));
        assert_eq!(screen(&app), Screen::Ending);
        // No answer: back to the loop, the visit forgotten.
        app.world_mut().resource_mut::<Idle>().last_input -= 61.0 + 25.0;
        app.update();
        app.update();
        app.update();
        assert_eq!(screen(&app), Screen::Attract);
        assert_eq!(app.world().resource::<Commune>().run.seasons.len(), 0, "the loop starts from its beginning");
        assert_eq!(*app.world().resource::<SaveStatus>(), SaveStatus::None);
        assert!(!app.world().contains_resource::<great_leap::screens::season::Draft>());
        // "Back" from the briefing and "Finish" in a season lead there too.
        act(&mut app, UiAction::Kiosk(KioskAction::Play));
        act(&mut app, UiAction::ToTitle);
        app.update();
        assert_eq!(screen(&app), Screen::Attract);
        act(&mut app, UiAction::Kiosk(KioskAction::Play));
        act(&mut app, UiAction::Begin);
        act(&mut app, UiAction::Kiosk(KioskAction::Leave));
        assert!(texts(&app).contains("Still playing?"));
        act(&mut app, UiAction::Kiosk(KioskAction::StartOver));
        app.update();
        assert_eq!(screen(&app), Screen::Attract);
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

    /// The title's name and subtitle sit in a centred column; when they wrap
    /// (the subtitle does on a phone) each line is centred too, not flush
    /// left under a centred first line.
    #[test]
    fn the_title_and_subtitle_wrap_centred() {
        use bevy::text::Justify;
        let mut app = app(MemoryStore::default());
        let strings = app.world().resource::<great_leap::text::Strings>().clone();
        let w = app.world_mut();
        for key in ["title.name", "title.subtitle"] {
            let words = strings.get(key);
            let layout = w
                .query::<(&Text, Option<&TextLayout>)>()
                .iter(w)
                .find(|(t, _)| t.0 == words)
                .map(|(_, l)| l.copied().unwrap_or_default())
                .unwrap_or_else(|| panic!("{key} is not on the title"));
            assert_eq!(layout.justify, Justify::Center, "{key}");
        }
    }

    /// Cards and panels are framed by thin strips, not by Bevy borders
    /// (drawn as quads the size of the whole node); the strips are there on
    /// every screen, come back when a screen is redrawn, and no screen root
    /// paints the window over the clear colour.
    #[test]
    fn frames_are_thin_rules_and_no_root_paints_the_window() {
        use great_leap::theme::{RuleStrip, Ruled};
        fn check(app: &mut App, place: &str) {
            let w = app.world_mut();
            let ruled: Vec<(Entity, Ruled, Node, Vec<Entity>)> = w
                .query::<(Entity, &Ruled, &Node, Option<&Children>)>()
                .iter(w)
                .map(|(e, r, n, c)| (e, *r, n.clone(), c.map(|c| c.to_vec()).unwrap_or_default()))
                .collect();
            assert!(!ruled.is_empty(), "{place}: no framed card");
            for (e, r, node, children) in ruled {
                let border = w.get::<BorderColor>(e).map_or(Color::NONE, |b| b.top);
                assert_eq!(border.alpha(), 0.0, "{place}: a framed card also has a border colour");
                let strips: Vec<&Node> = children
                    .iter()
                    .filter(|c| w.get::<RuleStrip>(**c).is_some())
                    .filter_map(|c| w.get::<Node>(*c))
                    .collect();
                let b = node.border;
                let sides = [b.left, b.top, b.right, b.bottom];
                let want =
                    r.edges.iter().zip(sides).filter(|(on, v)| **on && *v != Val::ZERO && *v != Val::Auto).count();
                assert_eq!(strips.len(), want, "{place}: strips of a framed card");
                for s in strips {
                    assert_eq!(s.position_type, PositionType::Absolute, "{place}");
                    let thin = |v: Val| matches!(v, Val::Px(x) if x > 0.0 && x <= 4.0);
                    assert!(thin(s.width) || thin(s.height), "{place}: a strip is thin");
                }
            }
            let windows: Vec<Entity> = w
                .query_filtered::<(Entity, &Node, &BackgroundColor), Without<ChildOf>>()
                .iter(w)
                .filter(|(_, n, bg)| {
                    bg.0.alpha() > 0.0 && n.width == Val::Percent(100.0) && n.height == Val::Percent(100.0)
                })
                .map(|(e, n, _)| (e, n))
                .filter(|(e, _)| w.get::<bevy::input_focus::tab_navigation::TabGroup>(*e).is_none_or(|g| !g.modal))
                .map(|(e, _)| e)
                .collect();
            assert!(windows.is_empty(), "{place}: a screen root has a background");
        }
        let mut app = app(MemoryStore::default());
        start_new_game(&mut app);
        check(&mut app, "news");
        play_season(&mut app);
        check(&mut app, "the next season");
        act(&mut app, UiAction::Next);
        check(&mut app, "labour");
    }

    /// Text is drawn on whole pixels: every glyph's image starts on a pixel
    /// corner after layout, moved by at most half a pixel (theme::snap_glyphs).
    #[test]
    fn glyphs_are_drawn_on_whole_pixels() {
        use bevy::text::{GlyphAtlasInfo, PositionedGlyph, TextLayoutInfo};
        let glyph = |x: f32, y: f32, w: f32, h: f32| PositionedGlyph {
            position: Vec2::new(x, y),
            atlas_info: GlyphAtlasInfo {
                texture: AssetId::default(),
                rect: Rect::new(0.0, 0.0, w, h),
                offset: Vec2::ZERO,
                is_alpha_mask: true,
            },
            section_index: 0,
            line_index: 0,
        };
        let laid_out = vec![glyph(10.37, 20.5, 7.0, 11.0), glyph(17.81, 20.49, 8.0, 12.0), glyph(4.5, 6.5, 9.0, 9.0)];
        let mut app = App::new();
        app.add_systems(Update, great_leap::theme::snap_glyphs);
        let text = app.world_mut().spawn(TextLayoutInfo { glyphs: laid_out.clone(), ..default() }).id();
        app.update();
        let snapped = app.world().get::<TextLayoutInfo>(text).unwrap().glyphs.clone();
        for (before, after) in laid_out.iter().zip(&snapped) {
            let corner = after.position - after.atlas_info.rect.size() / 2.0;
            assert_eq!(corner, corner.round(), "a glyph's corner between pixels: {corner}");
            assert!((after.position - before.position).abs().max_element() <= 0.5);
        }
        // Already on whole pixels: nothing moves.
        assert_eq!(snapped[2].position, Vec2::new(4.5, 6.5));
    }

    /// The benchmark's probe times a screen as usable only once its words
    /// are there: an app that says it is ready while a text still waits for
    /// its font (no glyphs laid out) is not counted until the text is laid
    /// out; hidden and empty texts do not hold it back.
    #[test]
    fn the_probe_counts_a_screen_usable_only_with_its_words_laid_out() {
        use bevy::text::{GlyphAtlasInfo, PositionedGlyph, TextLayoutInfo};
        let glyph = PositionedGlyph {
            position: Vec2::ZERO,
            atlas_info: GlyphAtlasInfo {
                texture: AssetId::default(),
                rect: Rect::new(0.0, 0.0, 8.0, 12.0),
                offset: Vec2::ZERO,
                is_alpha_mask: true,
            },
            section_index: 0,
            line_index: 0,
        };
        let mut app = App::new();
        app.add_plugins(great_leap_probe::plugin);
        let word =
            app.world_mut().spawn((Text::new("Press"), TextLayoutInfo::default(), InheritedVisibility::VISIBLE)).id();
        app.world_mut().spawn((Text::new("  "), TextLayoutInfo::default(), InheritedVisibility::VISIBLE));
        app.world_mut().spawn((Text::new("hidden"), TextLayoutInfo::default(), InheritedVisibility::HIDDEN));
        app.update();
        assert!(!great_leap_probe::usable(), "usable before the app said so");
        app.world_mut().resource_mut::<great_leap_probe::Interactive>().0 = true;
        app.update();
        app.update();
        assert!(!great_leap_probe::usable(), "usable while a shown text has no glyphs");
        app.world_mut().get_mut::<TextLayoutInfo>(word).unwrap().glyphs.push(glyph);
        app.update();
        assert!(great_leap_probe::usable(), "not usable once every shown text is laid out");
    }

    #[test]
    fn kiosk_settings_that_cannot_be_used_are_named_and_the_defaults_kept() {
        use great_leap::kiosk::Kiosk;
        use great_leap::text::Lang;
        let k = Kiosk::from_query("?kiosk=1&idle=5&countdown=abc&lang=fr");
        assert!(k.on);
        assert_eq!((k.idle_secs, k.countdown_secs, k.lang), (90, 30, None));
        let named: Vec<&str> = k.problems.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(named, ["idle", "countdown", "lang"]);
        assert_eq!(Kiosk::from_query("?kiosk=yes").problems.len(), 1);
        assert!(!Kiosk::from_query("?kiosk=0&lang=zh-CN").on);
        assert_eq!(Kiosk::from_query("?lang=zh-Hans").lang, Some(Lang::Zh));
        // On screen, with the game still running; an assignment in a kiosk link is not opened.
        let mut app = app_from_link(MemoryStore::default(), "?kiosk=1&idle=5&scenario=full&seed=3");
        app.update();
        assert_eq!(screen(&app), Screen::Attract);
        assert!(texts(&app).contains("idle=5"), "{}", texts(&app));
        assert!(app.world().resource::<great_leap::lesson::Launch>().assignment.is_none());
    }

    #[test]
    fn a_chinese_kiosk_returns_to_chinese_after_a_visitor_switched_to_english() {
        use great_leap::actions::KioskAction;
        use great_leap::language::Language;
        use great_leap::text::Lang;
        let mut app = app_from_link(MemoryStore::default(), "?kiosk=1&lang=zh");
        settle_language(&mut app);
        assert_eq!(screen(&app), Screen::Attract);
        assert!(texts(&app).contains("触摸这里开始"), "{}", texts(&app));
        act(&mut app, UiAction::Language(Lang::En));
        settle_language(&mut app);
        assert!(texts(&app).contains("Touch here to play"));
        act(&mut app, UiAction::Kiosk(KioskAction::Play));
        act(&mut app, UiAction::Kiosk(KioskAction::StartOver));
        settle_language(&mut app);
        assert_eq!(app.world().resource::<Language>().shown, Lang::Zh);
        assert!(texts(&app).contains("触摸这里开始"));
    }

    #[test]
    fn reduced_intensity_uses_the_plainer_words() {
        let a = Assignment { intensity: classroom::Intensity::Reduced, check: false, ..Assignment::new(5) };
        let mut app = app_from_link(MemoryStore::default(), &format!("?{}", a.to_query()));
        act(&mut app, class(ClassAction::ShowAssignment));
        act(&mut app, class(ClassAction::Start));
        assert_eq!(screen(&app), Screen::Briefing);
        assert!(texts(&app).contains("your teacher chose the reduced setting"), "{}", texts(&app));
        let strings = app.world().resource::<great_leap::text::Strings>();
        let data = sim::Data::builtin();
        let famine = data.consequence("famine_edema").unwrap();
        assert!(!strings.data(&famine.text).contains("bark"));
        assert!(great_leap::text::Strings::english().data(&famine.text).contains("bark"));
    }

    // -----------------------------------------------------------------------
    // Accessibility: contrast in every look, the screen as text, settings.

    mod access {
        use super::*;
        use great_leap::access::{AccessInbox, AccessInput, AccessTree, Item};
        use great_leap::looks::Look;
        use great_leap::settings::{KEY, Settings, SettingsMove};
        use great_leap::theme::{ButtonEnabled, palette};

        fn lum(c: Color) -> f32 {
            let c = c.to_linear();
            0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
        }

        pub fn ratio(a: Color, b: Color) -> f32 {
            let (a, b) = (lum(a), lum(b));
            (a.max(b) + 0.05) / (a.min(b) + 0.05)
        }

        /// `top` drawn over `under` (Bevy blends in linear light).
        fn over(top: Color, under: Color) -> Color {
            let (t, u) = (top.to_linear(), under.to_linear());
            let a = t.alpha;
            Color::linear_rgb(
                t.red * a + u.red * (1.0 - a),
                t.green * a + u.green * (1.0 - a),
                t.blue * a + u.blue * (1.0 - a),
            )
        }

        fn set_look(app: &mut App, look: Look) {
            let mut s = app.world_mut().resource_mut::<Settings>();
            s.high_contrast = look.high_contrast;
            s.colour_safe = look.colour_safe;
            app.update();
            app.update();
        }

        /// The colour behind an entity: the clear colour under every
        /// background of its ancestors and its own.
        fn behind(world: &mut World, e: Entity, include_self: bool) -> Color {
            let mut chain = Vec::new();
            let mut at = if include_self { Some(e) } else { world.get::<ChildOf>(e).map(|p| p.parent()) };
            while let Some(x) = at {
                chain.push(x);
                at = world.get::<ChildOf>(x).map(|p| p.parent());
            }
            let mut c = world.resource::<ClearColor>().0;
            for &x in chain.iter().rev() {
                if let Some(bg) = world.get::<BackgroundColor>(x) {
                    c = over(bg.0, c);
                }
            }
            c
        }

        fn inert(world: &World, e: Entity) -> bool {
            let mut at = Some(e);
            while let Some(x) = at {
                if world.get::<ButtonEnabled>(x).is_some_and(|b| !b.0)
                    || world.get::<Node>(x).is_some_and(|n| n.display == Display::None)
                {
                    return true;
                }
                at = world.get::<ChildOf>(x).map(|p| p.parent());
            }
            false
        }

        /// Every text below 4.5:1 against what is behind it, and every
        /// control or chart mark below 3:1, on the screen as it stands.
        pub fn contrast_problems(app: &mut App, place: &str) -> Vec<String> {
            let world = app.world_mut();
            let mut problems = Vec::new();
            let texts: Vec<(Entity, String, Color)> = world
                .query::<(Entity, &Text, &TextColor)>()
                .iter(world)
                .filter(|(_, t, _)| t.0.chars().any(char::is_alphanumeric))
                .map(|(e, t, c)| (e, t.0.clone(), c.0))
                .collect();
            for (e, text, colour) in texts {
                if inert(world, e) {
                    continue;
                }
                let bg = behind(world, e, true);
                let r = ratio(over(colour, bg), bg);
                if r < 4.5 {
                    problems.push(format!("{place}: text {text:?} at {r:.2}:1"));
                }
            }
            let series = [palette::REPORTED, palette::REAL, palette::NATIONAL];
            let marks: Vec<(Entity, Color)> = world
                .query::<(Entity, &BackgroundColor, Has<UiAction>, Option<&great_leap::looks::Drawn<BackgroundColor>>)>(
                )
                .iter(world)
                .filter(|(_, _, button, drawn)| *button || drawn.is_some_and(|d| series.contains(&d.0.0)))
                .map(|(e, bg, _, _)| (e, bg.0))
                .collect();
            for (e, colour) in marks {
                if inert(world, e) || colour.alpha() == 0.0 {
                    continue;
                }
                let around = behind(world, e, false);
                let border = world.get::<BorderColor>(e).map(|b| b.top).filter(|c| c.alpha() > 0.0);
                let r = ratio(colour, around).max(border.map_or(0.0, |b| ratio(b, around)));
                if r < 3.0 {
                    let what = match world.get::<UiAction>(e) {
                        Some(a) => format!("control {a:?}"),
                        None => "chart mark".to_string(),
                    };
                    let c = colour.to_srgba();
                    let a = around.to_srgba();
                    problems.push(format!(
                        "{place}: {what} ({:.2},{:.2},{:.2}) on ({:.2},{:.2},{:.2}) at {r:.2}:1",
                        c.red, c.green, c.blue, a.red, a.green, a.blue
                    ));
                }
            }
            problems
        }

        fn check_every_look(app: &mut App, place: &str, problems: &mut Vec<String>) {
            for look in Look::ALL {
                set_look(app, look);
                problems.extend(contrast_problems(app, &format!("{place} {look:?}")));
            }
            set_look(app, Look::default());
        }

        #[test]
        fn every_text_and_control_meets_contrast_in_every_look() {
            let mut problems = Vec::new();
            let mut app = app(MemoryStore::default());
            check_every_look(&mut app, "title", &mut problems);
            for o in [Overlay::Settings, Overlay::Glossary, Overlay::Sources, Overlay::Codex] {
                act(&mut app, UiAction::Open(o));
                check_every_look(&mut app, &format!("{o:?}"), &mut problems);
                act(&mut app, UiAction::CloseOverlay);
            }
            act(&mut app, UiAction::NewGame);
            check_every_look(&mut app, "briefing", &mut problems);
            act(&mut app, UiAction::Begin);
            // A harvest season, phase by phase, then the year's account.
            for _ in 0..40 {
                if screen(&app) == Screen::YearSummary {
                    break;
                }
                let place = format!("{:?} {:?}", screen(&app), phase(&app));
                check_every_look(&mut app, &place, &mut problems);
                match phase(&app) {
                    Phase::News => {
                        answer_directives(&mut app);
                        act(&mut app, UiAction::Next);
                    }
                    Phase::Report => {
                        act(&mut app, UiAction::Report(ReportMove::CountyExpectation));
                        act(&mut app, UiAction::Next);
                    }
                    _ => act(&mut app, UiAction::Next),
                }
            }
            assert_eq!(screen(&app), Screen::YearSummary);
            check_every_look(&mut app, "year summary", &mut problems);
            act(&mut app, UiAction::Next);
            play_to_ending(&mut app);
            check_every_look(&mut app, "ending", &mut problems);
            act(&mut app, UiAction::ShowDebrief);
            check_every_look(&mut app, "debrief", &mut problems);
            let mut teacher = super::app(MemoryStore::default());
            act(&mut teacher, UiAction::Class(great_leap::actions::ClassAction::Teacher));
            check_every_look(&mut teacher, "teacher", &mut problems);
            let mut kiosk = app_from_link(MemoryStore::default(), "?kiosk=1");
            kiosk.update();
            check_every_look(&mut kiosk, "kiosk attract", &mut problems);
            assert!(problems.is_empty(), "{} contrast problems:\n{}", problems.len(), problems.join("\n"));
        }

        /// The colours a control takes as it is hovered, pressed, chosen or
        /// focused, in every look, which no single screen shows at once.
        #[test]
        fn every_control_state_meets_contrast_in_every_look() {
            let p = palette::ON_BUTTON;
            let states = [
                palette::BUTTON,
                palette::BUTTON_HOVER,
                palette::BUTTON_PRESSED,
                palette::BUTTON_SELECTED,
                palette::ACCENT,
                palette::ACCENT_DARK,
            ];
            let mut problems = Vec::new();
            for look in Look::ALL {
                let c = |x| look.colour(x);
                for s in states {
                    for ground in [palette::PAPER, palette::PANEL] {
                        let r = ratio(c(s), c(ground));
                        if r < 3.0 {
                            problems.push(format!("{look:?}: control {s:?} on {ground:?} at {r:.2}:1"));
                        }
                    }
                    let r = ratio(c(p), c(s));
                    if r < 4.5 {
                        problems.push(format!("{look:?}: label on {s:?} at {r:.2}:1"));
                    }
                }
                for ground in [palette::PAPER, palette::PANEL, palette::WARNING_BG] {
                    let r = ratio(c(palette::FOCUS), c(ground));
                    if r < 3.0 {
                        problems.push(format!("{look:?}: focus ring on {ground:?} at {r:.2}:1"));
                    }
                }
                // Each look's colours are its own: applying it twice changes nothing.
                for s in states {
                    assert_eq!(c(c(s)), c(s), "{look:?} maps {s:?} twice");
                }
            }
            assert!(problems.is_empty(), "{}", problems.join("\n"));
        }

        #[test]
        fn a_look_switched_off_gives_back_every_colour_the_screen_drew() {
            let mut app = app(MemoryStore::default());
            act(&mut app, UiAction::NewGame);
            act(&mut app, UiAction::Begin);
            let colours = |app: &mut App| {
                let w = app.world_mut();
                let mut v: Vec<(Entity, Color)> =
                    w.query::<(Entity, &BackgroundColor)>().iter(w).map(|(e, c)| (e, c.0)).collect();
                v.extend(w.query::<(Entity, &TextColor)>().iter(w).map(|(e, c)| (e, c.0)));
                v.sort_by_key(|x| x.0);
                v
            };
            let before = colours(&mut app);
            set_look(&mut app, Look { high_contrast: true, colour_safe: true });
            let high = colours(&mut app);
            assert_ne!(before, high, "the look changed the colours");
            assert!(high.iter().any(|(_, c)| *c == great_leap::looks::high::PAPER));
            set_look(&mut app, Look::default());
            assert_eq!(before, colours(&mut app));
        }

        #[test]
        fn settings_apply_at_once_are_remembered_and_survive_a_damaged_entry() {
            let store = MemoryStore::default();
            let mut app = app(store.clone());
            act(&mut app, UiAction::Open(Overlay::Settings));
            for m in [
                SettingsMove::TextScale(175),
                SettingsMove::HighContrast(true),
                SettingsMove::ReducedMotion(true),
                SettingsMove::ColourSafe(true),
            ] {
                act(&mut app, UiAction::Settings(m));
            }
            assert!((app.world().resource::<UiScale>().0 - 1.75).abs() < 1e-6);
            assert_eq!(app.world().resource::<ClearColor>().0, great_leap::looks::high::PAPER);
            let chosen = *app.world().resource::<Settings>();
            assert_eq!(
                chosen,
                Settings { text_scale: 175, high_contrast: true, reduced_motion: Some(true), colour_safe: true }
            );
            // Every choice is shown as chosen in the window.
            let tree = app.world().resource::<AccessTree>().clone();
            let pressed: Vec<&str> = tree
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Button { label, pressed: true, .. } => Some(label.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(pressed, ["175%", "On", "On", "On"]);
            // A new visit finds them.
            let again = super::app(store.clone());
            assert_eq!(*again.world().resource::<Settings>(), chosen);
            // A damaged entry gives the defaults, and the game starts.
            for bad in ["{", "[]", r#"{"text_scale": 900}"#, &"[".repeat(100_000)] {
                store.set_raw(KEY, bad);
                let fresh = super::app(store.clone());
                assert_eq!(*fresh.world().resource::<Settings>(), Settings::default(), "{bad:.20}");
            }
        }

        fn tree(app: &App) -> AccessTree {
            app.world().resource::<AccessTree>().clone()
        }

        /// Press a button of the screen as text, by what it does.
        fn press_in_text(app: &mut App, id: impl Fn(&str) -> bool) -> bool {
            let t = tree(app);
            let Some(index) = t.items.iter().find_map(|i| match i {
                Item::Button { index, id: b, enabled: true, .. } if id(b) => Some(*index),
                _ => None,
            }) else {
                return false;
            };
            app.world_mut()
                .resource_mut::<AccessInbox>()
                .0
                .push(AccessInput::Press { generation: t.generation, index });
            app.update();
            app.update();
            true
        }

        #[test]
        fn a_whole_game_can_be_played_from_the_screen_as_text() {
            let mut app = app(MemoryStore::default());
            let t = tree(&app);
            assert!(t.items.iter().any(|i| matches!(i, Item::Heading { level: 1, .. })), "{:?}", t.items);
            assert!(press_in_text(&mut app, |id| id == "NewGame"));
            assert_eq!(screen(&app), Screen::Briefing);
            assert!(press_in_text(&mut app, |id| id == "Begin"));
            let mut announced = Vec::new();
            for _ in 0..300 {
                let t = tree(&app);
                announced.push(t.announce.clone());
                match screen(&app) {
                    Screen::Ending => break,
                    Screen::Season if phase(&app) == Phase::News => {
                        let open = unanswered(app.world().resource::<Commune>(), app.world().resource::<Draft>());
                        if let Some(d) = open.first() {
                            let d = format!("directive: {d:?}");
                            assert!(press_in_text(&mut app, |id| id.starts_with("Choose {") && id.contains(&d)));
                            continue;
                        }
                    }
                    Screen::Season if phase(&app) == Phase::Report => {
                        assert!(press_in_text(&mut app, |id| id == "Report(CountyExpectation)"));
                    }
                    _ => {}
                }
                assert!(press_in_text(&mut app, |id| id == "Next"), "no Next on {:?}", screen(&app));
            }
            assert_eq!(screen(&app), Screen::Ending);
            // The live region said where the player was and what the seasons brought.
            assert!(
                announced.iter().any(|a| a.contains("What happened") && a.contains("people died")),
                "{announced:?}"
            );
            // Input meant for an older screen is dropped, not applied to this one.
            let stale = AccessInput::Press { generation: 0, index: 0 };
            app.world_mut().resource_mut::<AccessInbox>().0.push(stale);
            app.update();
            assert_eq!(screen(&app), Screen::Ending);
        }

        #[test]
        fn a_field_of_the_screen_as_text_types_into_the_game() {
            use great_leap::actions::ClassAction;
            let mut app = app(MemoryStore::default());
            act(&mut app, UiAction::Class(ClassAction::EnterCode));
            let t = tree(&app);
            let (index, label) = t
                .items
                .iter()
                .find_map(|i| match i {
                    Item::Field { index, label, .. } => Some((*index, label.clone())),
                    _ => None,
                })
                .expect("a field on the class code screen");
            assert!(!label.is_empty(), "the field is named by the text before it");
            let code = great_leap_classroom_code();
            let g = t.generation;
            app.world_mut().resource_mut::<AccessInbox>().0.extend([
                AccessInput::Type { generation: g, index, value: code.clone() },
                AccessInput::Submit { generation: g, index },
            ]);
            app.update();
            app.update();
            app.update();
            assert_eq!(screen(&app), Screen::Assignment, "the typed code opened its assignment");
        }

        #[test]
        fn arrow_keys_home_and_end_move_the_focus_like_tab() {
            use bevy::input::ButtonState;
            use bevy::input::keyboard::{Key, KeyboardInput};
            let mut app = app(MemoryStore::default());
            app.add_plugins(bevy::input_focus::InputDispatchPlugin);
            let window = app.world_mut().spawn((Window::default(), bevy::window::PrimaryWindow)).id();
            app.update();
            let key = |app: &mut App, key_code: KeyCode| {
                let press = KeyboardInput {
                    key_code,
                    logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
                    state: ButtonState::Pressed,
                    text: None,
                    repeat: false,
                    window,
                };
                app.world_mut().write_message(press);
                app.update();
                app.world().resource::<InputFocus>().get()
            };
            let first = key(&mut app, KeyCode::ArrowDown).expect("ArrowDown focuses a control");
            let second = key(&mut app, KeyCode::ArrowRight).expect("ArrowRight moves on");
            assert_ne!(first, second);
            assert_eq!(key(&mut app, KeyCode::ArrowUp), Some(first), "ArrowUp goes back");
            let last = key(&mut app, KeyCode::End).unwrap();
            assert_eq!(key(&mut app, KeyCode::Home), Some(first), "Home is the first control");
            assert_ne!(last, first, "End is the last");
            assert!(app.world().resource::<InputFocusVisible>().0, "and the ring shows");
        }

        fn great_leap_classroom_code() -> String {
            classroom::Assignment::new(1234).code()
        }
    }
}

// ---------------------------------------------------------------------------
// Words on screen come from assets/i18n, never from Rust.

/// Every Rust source file of the game, with its text.
fn game_sources() -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out
}

#[test]
fn every_string_key_the_code_uses_exists() {
    let strings = great_leap::text::Strings::english();
    let keys: std::collections::BTreeSet<&String> = strings.keys().collect();
    let mut missing = Vec::new();
    let mut used = 0;
    for (path, code) in game_sources() {
        // String literals that look like keys: "area.name" with lowercase
        // words, passed to get/fill or returned from a `key()` method.
        for (i, _) in code.match_indices('"') {
            let rest = &code[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let lit = &rest[..end];
            let looks_like_key = lit.contains('.')
                && !lit.contains(' ')
                && !lit.ends_with(".json")
                && !lit.ends_with(".ttf")
                && lit.split('.').all(|w| {
                    !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                });
            if looks_like_key {
                used += 1;
                if !keys.contains(&lit.to_string()) {
                    missing.push(format!("{}: {lit}", path.display()));
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(used > 100, "only {used} keys found; is the scan broken?");
    assert!(missing.is_empty(), "keys missing from en.json:\n{}", missing.join("\n"));
    // Keys built at run time.
    for season in ["spring", "summer", "autumn", "winter"] {
        assert!(keys.contains(&format!("season.{season}")), "season.{season}");
    }
}

#[test]
fn placeholders_in_strings_are_well_formed() {
    let strings = great_leap::text::Strings::english();
    for key in strings.keys() {
        let text = strings.get(key);
        assert_eq!(text.matches('{').count(), text.matches('}').count(), "{key}: {text}");
        assert!(!text.trim().is_empty(), "{key} is empty");
    }
}

/// Every interface key is in every language, with the same placeholders,
/// and every data text (events, glossary, codex, endings, debrief questions,
/// source notes, the knowledge check) has its Chinese beside its English.
#[test]
fn english_and_chinese_are_complete() {
    use great_leap::text::{Lang, Strings};
    let placeholders = |t: &str| {
        let mut v: Vec<String> =
            t.split('{').skip(1).filter_map(|r| r.split_once('}')).map(|(n, _)| n.to_string()).collect();
        v.sort();
        v.dedup();
        v
    };
    let en = Strings::of(Lang::En);
    let zh = Strings::of(Lang::Zh);
    let en_keys: Vec<&String> = en.keys().collect();
    let zh_keys: Vec<&String> = zh.keys().collect();
    let missing: Vec<_> = en_keys.iter().filter(|k| !zh_keys.contains(k)).collect();
    let extra: Vec<_> = zh_keys.iter().filter(|k| !en_keys.contains(k)).collect();
    assert!(missing.is_empty(), "keys missing from zh.json: {missing:?}");
    assert!(extra.is_empty(), "keys in zh.json that en.json lacks: {extra:?}");
    for key in en.keys() {
        assert_eq!(placeholders(&en.get(key)), placeholders(&zh.get(key)), "{key}");
        if key != "language.switch" {
            assert!(!zh.get(key).is_ascii() || zh.get(key) == en.get(key), "{key} is not translated");
        }
    }
    let data = sim::Data::builtin();
    let mut texts: Vec<(String, &sim::data::Text)> = data.texts();
    let check = classroom::KnowledgeCheck::builtin();
    for q in &check.questions {
        texts.push((format!("knowledge {}", q.id), &q.question));
        texts.push((format!("knowledge {} explanation", q.id), &q.explanation));
        for (i, o) in q.options.iter().enumerate() {
            texts.push((format!("knowledge {} option {i}", q.id), o));
        }
    }
    assert!(texts.len() > 380, "only {} data texts found", texts.len());
    for (id, text) in &texts {
        for (en_tag, zh_tag) in [("en", "zh"), ("en-x-reduced", "zh-x-reduced")] {
            match (text.get(en_tag), text.get(zh_tag)) {
                (Some(e), Some(z)) => {
                    assert_eq!(placeholders(e), placeholders(z), "{id} ({zh_tag})");
                    assert!(!z.trim().is_empty(), "{id} ({zh_tag}) is empty");
                }
                (Some(_), None) => panic!("{id} has no {zh_tag} text"),
                (None, Some(_)) => panic!("{id} has {zh_tag} but no {en_tag}"),
                (None, None) => {}
            }
        }
    }
}

/// The characters a language's font must draw: that language's strings and
/// data texts, plus everything shown as it is in both (source citations,
/// English fallbacks, symbols in the code).
fn shown_in(lang: great_leap::text::Lang) -> String {
    let mut shown = String::new();
    let strings = great_leap::text::Strings::of(lang);
    for key in strings.keys() {
        shown.push_str(&strings.get(key));
    }
    let data = sim::Data::builtin();
    // Every variant of a data text (reduced intensity included).
    for (_, text) in data.texts() {
        for (tag, t) in text {
            if tag.starts_with(lang.code()) {
                shown.push_str(t);
            }
        }
    }
    for q in &classroom::KnowledgeCheck::builtin().questions {
        for t in std::iter::once(&q.question).chain(&q.options).chain(std::iter::once(&q.explanation)) {
            shown.extend(t.iter().filter(|(tag, _)| tag.starts_with(lang.code())).flat_map(|(_, v)| v.chars()));
        }
    }
    for source in &data.sources {
        shown.push_str(&source.citation);
    }
    // Labels written in the code itself are symbols only (+, –, %); check
    // every non-ASCII character in the sources too.
    for (_, code) in game_sources() {
        shown.extend(code.chars().filter(|c| !c.is_ascii() && !is_han(*c)));
    }
    shown
}

fn is_han(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

fn missing_glyphs(font_file: &str, shown: &str) -> Vec<char> {
    use skrifa::MetadataProvider;
    let bytes = std::fs::read(format!("{}/assets/fonts/{font_file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let font = skrifa::FontRef::new(&bytes).unwrap();
    let charmap = font.charmap();
    let mut missing: Vec<char> = shown.chars().filter(|c| !c.is_control() && charmap.map(*c).is_none()).collect();
    missing.sort();
    missing.dedup();
    missing
}

#[test]
fn every_character_the_game_shows_is_in_its_font() {
    use great_leap::text::Lang;
    // The language button keeps its own small font (its label is in the other language).
    let switch: String = Lang::ALL.iter().map(|l| great_leap::text::Strings::of(*l).get("language.switch")).collect();
    let missing = missing_glyphs("NotoSansSC-label.otf", &switch);
    assert!(missing.is_empty(), "characters without a glyph in the label font: {missing:?}");
    let latin: String = shown_in(Lang::En).chars().filter(|c| !switch.contains(*c) || c.is_ascii()).collect();
    let missing = missing_glyphs("NotoSans-subset.ttf", &latin);
    assert!(missing.is_empty(), "characters without a glyph in the Latin font: {missing:?}");
    // In Chinese every text is drawn with the Chinese font (Bevy does not
    // fall back between fonts), so it must also cover the English fallbacks.
    let both = shown_in(Lang::Zh) + &shown_in(Lang::En);
    let missing = missing_glyphs("NotoSansSC-subset.otf", &both);
    assert!(missing.is_empty(), "characters without a glyph in the Chinese font: {missing:?}");
    assert_eq!(great_leap::language::ZH_FONT, "fonts/NotoSansSC-subset.otf");
}

/// No Chinese is written in the Rust code: every Chinese word is in the
/// resource files.
#[test]
fn no_chinese_in_the_code() {
    for (path, code) in game_sources() {
        let han: String = code.chars().filter(|c| is_han(*c)).collect();
        assert!(han.is_empty(), "{} has Chinese text: {han}", path.display());
    }
}

#[test]
fn data_templates_leave_units_to_the_formatter() {
    // `fill_values` writes a *_kg value with its unit ("1,740 t", "350 kg").
    let data = sim::Data::builtin();
    for (id, text) in data.texts() {
        for (lang, t) in text.iter() {
            assert!(!t.contains("_kg} kg") && !t.contains("_kg} t"), "{id} ({lang}) repeats the unit: {t}");
        }
    }
}

// ---------------------------------------------------------------------------
// Fuzzing the game's own parsers: saves, the page's query (kiosk settings,
// language, the link), and the language files. Any text gets a value or a
// typed error, never a panic.

mod fuzz {
    use std::sync::{Arc, OnceLock};

    use great_leap::kiosk::{COUNTDOWN_RANGE, IDLE_RANGE, Kiosk};
    use great_leap::rules::Commune;
    use great_leap::save;
    use great_leap::screens::season::Draft;
    use great_leap::text::{Lang, Strings};
    use proptest::prelude::*;

    fn data() -> &'static sim::Data {
        static DATA: OnceLock<sim::Data> = OnceLock::new();
        DATA.get_or_init(sim::Data::builtin)
    }

    /// A save of a game six seasons in, made once.
    fn save_text() -> &'static str {
        static TEXT: OnceLock<String> = OnceLock::new();
        TEXT.get_or_init(|| {
            let (mut run, _) = sim::policy::play(sim::policy::Policy::Historical, data(), "full", 12).unwrap();
            run.seasons.truncate(6);
            let commune = Commune::restore(Arc::new(data().clone()), run).unwrap();
            let draft = Draft::for_season(&commune, None);
            serde_json::to_string(&save::of(&commune, &draft, &great_leap::lesson::Student::default())).unwrap()
        })
    }

    proptest! {
        #![proptest_config(testkit::cases(10_000))]

        #[test]
        fn any_text_in_the_save_slot_is_loaded_or_refused(text in prop_oneof![testkit::any_text(200), testkit::json_like(60)]) {
            if let Err(e) = save::parse(&text, data()) {
                prop_assert!(!e.key().0.is_empty());
            }
        }

        #[test]
        fn any_page_query_gives_kiosk_settings_within_their_ranges(query in prop_oneof![
            testkit::any_text(60),
            "((kiosk|idle|countdown|lang|seed)=[0-9a-z%-]{0,6}&?){0,6}".prop_map(|s| s),
        ]) {
            let k = Kiosk::from_query(&query);
            prop_assert!((IDLE_RANGE.0..=IDLE_RANGE.1).contains(&k.idle_secs));
            prop_assert!((COUNTDOWN_RANGE.0..=COUNTDOWN_RANGE.1).contains(&k.countdown_secs));
            let launch = great_leap::lesson::launch_from(&query);
            prop_assert!(launch.assignment.is_none() || launch.problem.is_none());
        }

        #[test]
        fn any_language_tag_is_a_known_language_or_none(tag in testkit::any_text(20)) {
            if let Some(l) = Lang::from_tag(&tag) {
                prop_assert!(Lang::ALL.contains(&l));
            }
        }
    }

    proptest! {
        #![proptest_config(testkit::cases(3_000))]

        #[test]
        fn an_edited_save_is_loaded_only_if_it_replays_to_its_own_hash(text in testkit::edited(save_text().to_string(), 3)) {
            if let Ok(s) = save::parse(&text, data()) {
                let replayed = sim::replay(data(), &s.run).unwrap();
                prop_assert_eq!(replayed.hashes.last(), Some(&s.hash));
            }
        }

        #[test]
        fn a_save_with_a_number_changed_is_loaded_only_if_it_replays(text in testkit::numbers_changed(save_text().to_string())) {
            if let Ok(s) = save::parse(&text, data()) {
                prop_assert!(sim::replay(data(), &s.run).is_ok());
            }
        }
    }

    proptest! {
        #![proptest_config(testkit::cases(1_000))]

        #[test]
        fn an_edited_language_file_is_read_or_refused(
            text in testkit::edited(include_str!("../assets/i18n/zh.json").to_string(), 3)
        ) {
            let _ = Strings::parse(&text);
        }
    }
}
