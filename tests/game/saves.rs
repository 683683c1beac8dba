//! Saves: a corrupt or edited save is refused and kept, old formats are
//! migrated, a save the browser refuses is said on screen.

use great_leap::core::action::UiAction;
use great_leap::core::flow::{Phase, Screen};
use great_leap::core::storage::{MemoryStore, Storage, Store, StoreError};
use great_leap::game::draft::Draft;
use great_leap::game::lesson::Student;
use great_leap::game::save::{self, SaveStatus};
use great_leap::game::session::Commune;
use great_leap::probe::snapshot::SnapshotJson;

use crate::{Raw, act, app, phase, play_season, screen, start_new_game};

#[test]
fn a_corrupt_save_is_reported_and_kept_unless_the_player_deletes_it() {
    let store = MemoryStore::default();
    store.set_raw(save::KEY, "{\"format\":1,\"run\":");
    let mut app = app(store.clone());
    let SaveStatus::Damaged(reason) = app.world().resource::<SaveStatus>().clone() else {
        panic!("a corrupt save must be reported")
    };
    assert!(matches!(reason, save::SaveError::Input(sim::InputError::Syntax { .. })), "{reason:?}");
    let snapshot = app.world().resource::<SnapshotJson>().0.clone();
    assert!(snapshot.contains("not readable as JSON"), "the reason is on screen: {snapshot}");
    let snapshot = app.world().resource::<SnapshotJson>().0.clone();
    assert!(snapshot.contains("\"save.keep_damaged\"") && snapshot.contains("\"save.delete_damaged\""), "{snapshot}");

    // Starting anew keeps the damaged save aside, never deletes it.
    act(&mut app, UiAction::KeepDamagedSave);
    assert_eq!(screen(&app), Screen::Briefing);
    assert_eq!(store.get_raw(save::DAMAGED).as_deref(), Some("{\"format\":1,\"run\":"));

    // Deleting happens only when asked.
    let store = MemoryStore::default();
    store.set_raw(save::KEY, "not json");
    let mut app = crate::app(store.clone());
    act(&mut app, UiAction::DeleteDamagedSave);
    assert_eq!(store.get_raw(save::KEY), None);
    assert_eq!(*app.world().resource::<SaveStatus>(), SaveStatus::None);
}

fn save_of(run: sim::Run, data: &sim::Data) -> save::SaveGame {
    let commune = Commune::restore(std::sync::Arc::new(data.clone()), run.clone()).unwrap();
    let draft = Draft::for_season(&commune, None);
    save::of(&commune, &draft, &Student::default())
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
    // The format-1 files were saved with scenario data version 1; their
    // decisions are played here with today's data (the version they carry
    // set to today's) to show the format migration on its own.
    let data = sim::Data::builtin();
    for (file, stood_at) in [("format-1-free-game.json", Phase::Labour), ("format-1-assignment.json", Phase::News)] {
        let text = std::fs::read_to_string(format!("tests/saves/{file}")).unwrap();
        let mut old: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(old["format"], 1, "{file} is a format-1 save");
        old["run"]["scenario_version"] = data.version.into();
        let text = old.to_string();
        let migrated = save::parse(&text, &data).unwrap();
        assert_eq!(migrated.format, save::FORMAT);
        let replayed = sim::replay(&data, &migrated.run).unwrap();
        assert_eq!(migrated.hash, replayed.state.hash(), "{file}");
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
        assert_eq!(app.world().resource::<Commune>().state.hash(), migrated.hash, "{file}");
        if file.contains("assignment") {
            let student = app.world().resource::<Student>();
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
fn saves_made_with_the_first_rules_are_refused_with_the_reason_and_kept() {
    // Data version 2 changed the rules (issue 21): a game saved under
    // version 1 cannot be continued. It is named as made with other scenario
    // data, never as edited or damaged, and stays in storage untouched.
    let data = sim::Data::builtin();
    for file in ["format-1-free-game.json", "format-1-assignment.json"] {
        let text = std::fs::read_to_string(format!("tests/saves/{file}")).unwrap();
        let err = save::parse(&text, &data).unwrap_err();
        assert_eq!(err, save::SaveError::ScenarioVersion { found: 1, expected: data.version }, "{file}");
        assert_eq!(err.key().0, "save.error.scenario_version");
        let store = MemoryStore::default();
        store.set_raw(save::KEY, &text);
        let mut app = app(store.clone());
        assert!(matches!(app.world().resource::<SaveStatus>(), SaveStatus::Damaged(_)), "{file}");
        app.update();
        assert_eq!(store.get_raw(save::KEY).unwrap(), text, "{file}: the old save is kept");
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
        let snapshot = app.world().resource::<SnapshotJson>().0.clone();
        assert!(snapshot.contains("\"save.keep_damaged\""), "{key}: the player is asked");
    }
}

#[test]
fn a_save_the_browser_refuses_is_said_on_screen_and_the_game_goes_on() {
    /// Storage that is full: every write fails.
    struct Full(MemoryStore);
    impl Store for Full {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.0.get(key)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
            Err(StoreError::Full)
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.0.remove(key)
        }
    }
    let mut app = app(MemoryStore::default());
    app.insert_resource(Storage(Box::new(Full(MemoryStore::default()))));
    start_new_game(&mut app);
    play_season(&mut app);
    let problem = app.world().resource::<save::SaveProblem>().0.clone();
    assert_eq!(problem, Some(save::SaveError::Storage(StoreError::Full)));
    let snapshot = app.world().resource::<SnapshotJson>().0.clone();
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
    let mut save = save::of(&commune, &Draft::for_season(&commune, None), &Student::default());
    save::write(&store, &save).unwrap();
    let first = store.get_raw(save::KEY).unwrap();
    save.draft.phase = Phase::Labour;
    save::write(&store, &save).unwrap();
    assert_eq!(store.get_raw(save::PREVIOUS).unwrap(), first);
    assert_eq!(save::parse(&store.get_raw(save::KEY).unwrap(), &data).unwrap(), save);
}
