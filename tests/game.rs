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
