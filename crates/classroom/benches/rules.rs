//! How fast the rules core plays and checks games, natively:
//! `cargo bench -p great-leap-classroom` (scripts/bench.sh runs it and
//! prints the figures as games and verifications per second).
//!
//! - `game/full`: one whole game of the full scenario, decisions chosen by
//!   the scripted policies, every season advanced by the rules core; only the
//!   longest games are timed (it prints how long they are).
//! - `verify/report`: the teacher's check of one handed-in report: read the
//!   file, replay its 16 seasons, compare every state hash and seal.

use std::hint::black_box;

use classroom::report::Report;
use classroom::verify::{Verdict, check_report};
use classroom::{Assignment, Knowledge};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sim::Data;
use sim::policy::{Policy, play};

fn games(c: &mut Criterion) {
    let data = Data::builtin();
    // The longest games the scripted players give (many end early, with the
    // secretary removed); the benchmark cycles through them.
    let mut games: Vec<(Policy, u64, usize)> = Vec::new();
    for policy in [Policy::Honest, Policy::Historical, Policy::Zealot, Policy::Random] {
        for seed in 1..100 {
            let seasons = play(policy, &data, "full", seed).map_or(0, |(run, _)| run.seasons.len());
            games.push((policy, seed, seasons));
        }
    }
    let longest = games.iter().map(|g| g.2).max().unwrap_or(0);
    games.retain(|g| g.2 == longest);
    eprintln!("game/full: {} games of {longest} seasons (policy and seed varied)", games.len());
    let mut group = c.benchmark_group("game");
    group.throughput(Throughput::Elements(1));
    let mut i = 0;
    group.bench_function("full", |b| {
        b.iter(|| {
            i += 1;
            let (policy, seed, _) = games[i % games.len()];
            black_box(play(policy, &data, "full", black_box(seed)).expect("plays"))
        })
    });
    group.finish();
}

fn verifications(c: &mut Criterion) {
    let data = Data::builtin();
    let assignment = Assignment::new(424_242);
    let (run, _) = play(Policy::Historical, &data, &assignment.scenario, assignment.game_seed(None)).expect("plays");
    let text = Report::new(&data, &assignment, None, None, &run, Knowledge::default()).expect("reports").to_json();
    assert!(matches!(check_report("r.json", &text, &data, &assignment).verdict, Verdict::Verified));
    let mut group = c.benchmark_group("verify");
    group.throughput(Throughput::Elements(1));
    group.bench_function("report", |b| {
        b.iter(|| black_box(check_report("r.json", black_box(&text), &data, &assignment)))
    });
    group.finish();
}

criterion_group!(benches, games, verifications);
criterion_main!(benches);
