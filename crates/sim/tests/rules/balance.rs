//! The balance suite: a grid of rule-based strategies over seeds, held to
//! the bands written down in docs/model.md ("Balance: the dilemma,
//! measured") before the rules were tuned. Tune the rules, never the bands.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use sim::Data;
use sim::state::{CommuneState, Ending};
use sim::strategy::{Strategy, play_strategy};

const SEEDS: u64 = 60;
const DIRECTIVES: [&str; 3] = ["zeal", "paper", "resist"];
const LABOUR: [&str; 4] = ["default", "historical", "all_fields", "zealot"];
/// (base, permille, name)
const REPORTS: [(&str, i64, &str); 3] =
    [("truth", 1000, "truthful"), ("county", 1000, "county"), ("truth", 1500, "inflated")];
const PROCUREMENT: [&str; 4] = [
    r#"{"rule":"deliver"}"#,
    r#"{"rule":"plead_when_heavy","share_permille":333}"#,
    r#"{"rule":"hide","permille":100}"#,
    r#"{"rule":"hide","permille":300}"#,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Point {
    directives: usize,
    labour: usize,
    report: usize,
    procurement: usize,
}

impl Point {
    fn json(self) -> String {
        let (of, permille, _) = REPORTS[self.report];
        format!(
            r#"{{"directives":{{"default":"{}"}},"labour":"{}","report":{{"of":"{of}","permille":{permille}}},"procurement":{}}}"#,
            DIRECTIVES[self.directives], LABOUR[self.labour], PROCUREMENT[self.procurement]
        )
    }
    fn name(self) -> String {
        format!(
            "{}/{}/{}/{}",
            DIRECTIVES[self.directives], LABOUR[self.labour], REPORTS[self.report].2, PROCUREMENT[self.procurement]
        )
    }
    fn truthful(self) -> bool {
        self.report == 0
    }
    /// No protective act is open to it: a report at or above the county's
    /// figure, no grain hidden, no search refused (zeal or paper answers).
    fn without_protective_act(self) -> bool {
        self.report != 0 && self.procurement < 2 && self.directives != 2
    }
}

/// One strategy's games.
#[derive(Default, Debug)]
struct Games {
    endings: BTreeMap<&'static str, u64>,
    in_office_1962: u64,
    excess: Vec<i64>,
    hidden_found: u64,
}

impl Games {
    fn mean_excess(&self) -> f64 {
        self.excess.iter().sum::<i64>() as f64 / self.excess.len().max(1) as f64
    }
    fn share(&self, n: u64) -> f64 {
        n as f64 / SEEDS as f64
    }
    fn modal(&self) -> &'static str {
        self.endings.iter().max_by_key(|(_, n)| **n).map(|(k, _)| *k).unwrap_or("none")
    }
    fn count(&self, kind: &str) -> u64 {
        self.endings.get(kind).copied().unwrap_or(0)
    }
}

fn play(data: &Data, p: Point) -> Games {
    let strategy = Strategy::from_json(&p.json(), data).unwrap_or_else(|e| panic!("{}: {e}", p.name()));
    let mut g = Games::default();
    for seed in 1..=SEEDS {
        let (_, end): (_, CommuneState) = play_strategy(&strategy, data, "full", seed).unwrap();
        let ending = end.ending.as_ref().expect("a finished game");
        *g.endings.entry(ending.data_id()).or_insert(0) += 1;
        if !matches!(ending, Ending::Purged { .. } | Ending::Scapegoated { .. }) {
            g.in_office_1962 += 1;
        }
        g.excess.push(end.excess_deaths_per_1000());
        if end.years.iter().any(|y| y.hidden_found_kg > 0) {
            g.hidden_found += 1;
        }
    }
    g
}

fn grid() -> &'static BTreeMap<Point, Games> {
    static GRID: OnceLock<BTreeMap<Point, Games>> = OnceLock::new();
    GRID.get_or_init(|| {
        let data = Data::builtin();
        let mut out = BTreeMap::new();
        for directives in 0..DIRECTIVES.len() {
            for labour in 0..LABOUR.len() {
                for report in 0..REPORTS.len() {
                    for procurement in 0..PROCUREMENT.len() {
                        let p = Point { directives, labour, report, procurement };
                        out.insert(p, play(&data, p));
                    }
                }
            }
        }
        out
    })
}

const COMPLICIT: Point = Point { directives: 0, labour: 0, report: 1, procurement: 0 };

fn summary(p: Point, g: &Games) -> String {
    format!(
        "{}: {:?}, in office 1962 {:.0}%, excess {:.1}/1000, hidden found {}",
        p.name(),
        g.endings,
        g.share(g.in_office_1962) * 100.0,
        g.mean_excess(),
        g.hidden_found
    )
}

#[test]
fn b1_protector_is_never_the_most_frequent_ending() {
    let bad: Vec<String> =
        grid().iter().filter(|(_, g)| g.modal() == "protector").map(|(p, g)| summary(*p, g)).collect();
    assert!(bad.is_empty(), "strategies most often ending as protector: {bad:#?}");
}

#[test]
fn b2_without_a_protective_act_no_protector() {
    let bad: Vec<String> = grid()
        .iter()
        .filter(|(p, g)| p.without_protective_act() && g.count("protector") > 0)
        .map(|(p, g)| summary(*p, g))
        .collect();
    assert!(bad.is_empty(), "protector without a protective act: {bad:#?}");
}

#[test]
fn b3_truth_is_a_gamble_not_a_sentence() {
    let truthful: Vec<(&Point, &Games)> = grid().iter().filter(|(p, _)| p.truthful()).collect();
    let in_band = truthful.iter().any(|(_, g)| (0.15..=0.60).contains(&g.share(g.in_office_1962)));
    let over: Vec<String> =
        truthful.iter().filter(|(_, g)| g.share(g.in_office_1962) > 0.60).map(|(p, g)| summary(**p, g)).collect();
    let all: Vec<String> = truthful.iter().map(|(p, g)| summary(**p, g)).collect();
    assert!(in_band, "no truthful strategy reaches 1962 in office in 15-60% of seeds: {all:#?}");
    assert!(over.is_empty(), "truthful strategies safe in more than 60% of seeds: {over:#?}");
}

#[test]
fn b4_complicity_costs_twice_the_lives_of_truth() {
    // Against the truthful strategies with the complicit one's labour, every
    // answer to the directives and to procurement.
    let complicit = &grid()[&COMPLICIT];
    let truthful: Vec<(&Point, &Games)> =
        grid().iter().filter(|(p, _)| p.truthful() && p.labour == COMPLICIT.labour).collect();
    let mean = truthful.iter().map(|(_, g)| g.mean_excess()).sum::<f64>() / truthful.len() as f64;
    let lines: Vec<String> = truthful.iter().map(|(p, g)| summary(**p, g)).collect();
    assert!(
        complicit.mean_excess() >= 2.0 * mean,
        "complicit {} against the truthful mean {mean:.1}: {lines:#?}",
        summary(COMPLICIT, complicit)
    );
}

#[test]
fn b5_modest_hiding_helps_and_can_be_found() {
    let mut lines = Vec::new();
    let (mut helped, mut pairs) = (0, 0);
    let mut found = (0, 0);
    for (p, g) in grid().iter().filter(|(p, _)| p.procurement == 2) {
        let deliver = &grid()[&Point { procurement: 0, ..*p }];
        pairs += 1;
        if g.mean_excess() < deliver.mean_excess() {
            helped += 1;
        }
        found.0 += g.hidden_found;
        found.1 += SEEDS;
        lines.push(format!("{} vs deliver {:.1}", summary(*p, g), deliver.mean_excess()));
    }
    let mean = |pt: fn(&Point) -> bool| {
        let v: Vec<f64> = grid().iter().filter(|(p, _)| pt(p)).map(|(_, g)| g.mean_excess()).collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    let (hide, deliver) = (mean(|p| p.procurement == 2), mean(|p| p.procurement == 0));
    let share = found.0 as f64 / found.1 as f64;
    assert!(
        hide < deliver,
        "modest hiding {hide:.1} vs delivering {deliver:.1} (helped in {helped} of {pairs}): {lines:#?}"
    );
    assert!((0.05..=0.95).contains(&share), "modest hiding found in {:.0}% of games: {lines:#?}", share * 100.0);
}

#[test]
fn b6_every_ending_of_the_full_game_is_reached() {
    for kind in ["purged", "scapegoated", "survived_broken", "survived_intact", "protector"] {
        assert!(grid().values().any(|g| g.count(kind) > 0), "no strategy ends {kind}");
    }
}

#[test]
fn b7_complicity_is_safe_for_the_secretary_not_the_people() {
    let complicit = &grid()[&COMPLICIT];
    assert!(complicit.share(complicit.count("purged")) <= 0.2, "{}", summary(COMPLICIT, complicit));
    let truthful: Vec<f64> = grid().iter().filter(|(p, _)| p.truthful()).map(|(_, g)| g.mean_excess()).collect();
    let mean = truthful.iter().sum::<f64>() / truthful.len() as f64;
    assert!(complicit.mean_excess() > mean, "complicit {:.1} vs truthful mean {mean:.1}", complicit.mean_excess());
}

/// Prints the whole grid (`cargo test -p great-leap-sim --test rules balance_table -- --ignored --nocapture`).
#[test]
#[ignore]
fn balance_table() {
    for (p, g) in grid() {
        println!("{}", summary(*p, g));
    }
}

#[test]
fn b8_the_lesson_has_at_least_three_fates_and_fits_a_class_period() {
    let data = Data::builtin();
    let mut kinds: BTreeMap<&'static str, u64> = BTreeMap::new();
    for directives in 0..DIRECTIVES.len() {
        for report in 0..REPORTS.len() {
            for procurement in 0..PROCUREMENT.len() {
                let p = Point { directives, labour: 0, report, procurement };
                let strategy = Strategy::from_json(&p.json(), &data).unwrap();
                for seed in 1..=20 {
                    let (run, end) = play_strategy(&strategy, &data, "lesson", seed).unwrap();
                    // About 25 decisions at most: the directives it offers,
                    // a report and an answer to procurement each harvest.
                    let directives: usize = run.seasons.iter().map(|d| d.choices.len()).sum();
                    let harvests = run.seasons.iter().filter(|d| d.report_kg.is_some()).count();
                    assert!(directives + 2 * harvests <= 25, "{} decisions", directives + 2 * harvests);
                    *kinds.entry(end.ending.as_ref().unwrap().data_id()).or_insert(0) += 1;
                }
            }
        }
    }
    assert!(!kinds.contains_key("interim"), "the lesson reaches the conference: {kinds:?}");
    assert!(kinds.len() >= 3, "fates in the lesson: {kinds:?}");
}
