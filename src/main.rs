//! The command-line entry point of the game package. The windowed game is
//! assembled in the browser build; natively this replays a run file through
//! the same rules plugin the game uses, so a saved or handed-in run can be
//! checked without a browser.

use std::process::ExitCode;
use std::sync::Arc;

use bevy::prelude::*;
use great_leap::rules::{Commune, DecisionRejected, SeasonResolved, SubmitSeason};
use sim::{Data, Run};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: great-leap RUN.json   (replays a run through the game's rules plugin)");
        return ExitCode::from(2);
    };
    let run: Run = match std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|t| {
        serde_json::from_str::<Run>(&t)
            .or_else(|_| {
                serde_json::from_str::<serde_json::Value>(&t).and_then(|v| serde_json::from_value(v["run"].clone()))
            })
            .map_err(|e| e.to_string())
    }) {
        Ok(run) => run,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let data = Arc::new(Data::builtin());
    let commune = match Commune::new(data, &run.scenario_id, run.seed) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut app = App::new();
    app.add_plugins(MinimalPlugins).add_plugins(great_leap::headless_plugin).insert_resource(commune);
    for decisions in run.seasons {
        app.world_mut().write_message(SubmitSeason(decisions));
        app.update();
        let rejected: Vec<String> =
            app.world_mut().resource_mut::<Messages<DecisionRejected>>().drain().map(|r| r.0).collect();
        if let Some(reason) = rejected.first() {
            eprintln!("{path}: {reason}");
            return ExitCode::FAILURE;
        }
        for r in app.world_mut().resource_mut::<Messages<SeasonResolved>>().drain() {
            println!("{}", r.hash);
        }
    }
    ExitCode::SUCCESS
}
