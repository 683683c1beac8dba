//! How fast the rules core plays and checks games, natively:
//! `cargo bench -p great-leap-classroom` (scripts/bench.sh runs it and
//! prints the figures as games and verifications per second).
//!
//! - `game/full`: one whole 16-season game, decisions chosen by the random
//!   policy from the seed, every season advanced by the rules core.
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
    let seasons = play(Policy::Random, &data, "full", 1).expect("the built-in scenario plays").0.seasons.len();
    assert_eq!(seasons, 16, "the full scenario has 16 seasons");
    let mut group = c.benchmark_group("game");
    group.throughput(Throughput::Elements(1));
    let mut seed = 0u64;
    group.bench_function("full", |b| {
        b.iter(|| {
            seed += 1;
            black_box(play(Policy::Random, &data, "full", black_box(seed)).expect("plays"))
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
