//! Print a handed-in report for an assignment's link query, as a student who
//! played it with the historical policy would hand it in. The benchmark
//! (`tests/bench/bench.mjs`) gives a class of these to the teacher's view in
//! the browser to time their verification.
//!
//!   cargo run --release -p great-leap-classroom --example sample_report -- 'scenario=full&seed=7&...'

use std::process::ExitCode;

use classroom::assignment::Query;
use classroom::report::Report;
use classroom::{Assignment, Knowledge, Seeds};
use sim::Data;
use sim::policy::{Policy, play};

fn main() -> ExitCode {
    let Some(query) = std::env::args().nth(1) else {
        eprintln!("usage: sample_report '<the assignment link's query>'");
        return ExitCode::from(2);
    };
    let assignment = match Query::parse(query.trim_start_matches('?')).map(|q| Assignment::from_query(&q)) {
        Ok(Ok(Some(a))) => a,
        Ok(Ok(None)) => {
            eprintln!("the query names no assignment");
            return ExitCode::from(2);
        }
        Ok(Err(e)) | Err(e) => {
            eprintln!("not an assignment's query: {e:?}");
            return ExitCode::from(2);
        }
    };
    let data = Data::builtin();
    let student = (assignment.seeds == Seeds::Student).then_some(1);
    let nickname = assignment.nickname.then(|| "Student".to_string());
    let report = play(Policy::Historical, &data, &assignment.scenario, assignment.game_seed(student))
        .and_then(|(run, _)| Report::new(&data, &assignment, nickname, student, &run, Knowledge::default()));
    match report {
        Ok(r) => {
            println!("{}", r.to_json());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("the game could not be played: {e}");
            ExitCode::FAILURE
        }
    }
}
