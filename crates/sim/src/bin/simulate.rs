//! Play the commune with a scripted policy or a strategy file and print the
//! year-by-year table.
//!
//!   simulate (--policy historical|honest|zealot|random | --strategy FILE)
//!            [--seed N] [--seeds M] [--scenario ID] [--json] [--trace]
//!
//! Exit codes: 0 done; 2 a bad command line, an unknown scenario or a bad
//! strategy file (nothing on stdout); 1 the rules refused a game.

use std::process::ExitCode;

use serde::Serialize;
use sim::Data;
use sim::policy::{Policy, play};
use sim::strategy::{Strategy, Tally, play_strategy, tally_policy, tally_strategy};
use sim::turn::new_game;

/// Who plays: a scripted policy or a strategy read from a file.
enum Player {
    Policy(Policy),
    Strategy { file: String, strategy: Box<Strategy> },
}

struct Args {
    policy: Option<Policy>,
    strategy_file: Option<String>,
    seed: u64,
    seeds: u64,
    scenario: String,
    json: bool,
    trace: bool,
}

const USAGE: &str = "usage: simulate (--policy historical|honest|zealot|random | --strategy FILE) [--seed N] [--seeds M] [--scenario ID] [--json] [--trace]";

fn parse() -> Result<Args, String> {
    let mut args = Args {
        policy: None,
        strategy_file: None,
        seed: 1,
        seeds: 1,
        scenario: "full".into(),
        json: false,
        trace: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--policy" => {
                let v = value("--policy")?;
                args.policy = Some(Policy::parse(&v).ok_or(format!("unknown policy '{v}'"))?);
            }
            "--strategy" => args.strategy_file = Some(value("--strategy")?),
            "--seed" => args.seed = value("--seed")?.parse().map_err(|_| "--seed takes a whole number".to_string())?,
            "--seeds" => {
                args.seeds = value("--seeds")?.parse().map_err(|_| "--seeds takes a whole number".to_string())?;
                if args.seeds == 0 || args.seeds > 100_000 {
                    return Err("--seeds takes 1 to 100000".into());
                }
            }
            "--scenario" => args.scenario = value("--scenario")?,
            "--json" => args.json = true,
            "--trace" => args.trace = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    if args.policy.is_some() && args.strategy_file.is_some() {
        return Err("--policy and --strategy exclude each other".into());
    }
    Ok(args)
}

/// The strategy file, read and checked: `FILE: <field>: <problem>` if not.
fn read_strategy(file: &str, data: &Data) -> Result<Strategy, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: strategy: cannot be read ({e})"))?;
    Strategy::from_json(&text, data).map_err(|e| format!("{file}: {e}"))
}

fn play_one(player: &Player, data: &Data, scenario: &str, seed: u64) -> Result<sim::Run, sim::SimError> {
    match player {
        Player::Policy(p) => Ok(play(*p, data, scenario, seed)?.0),
        Player::Strategy { strategy, .. } => Ok(play_strategy(strategy, data, scenario, seed)?.0),
    }
}

/// Print every season of one game: what happened, in the data's words.
fn trace(data: &Data, player: &Player, args: &Args) -> Result<(), sim::SimError> {
    let run = play_one(player, data, &args.scenario, args.seed)?;
    let replayed = sim::replay(data, &run)?;
    let mut state = new_game(data, &args.scenario)?;
    for (i, happened) in replayed.log.iter().enumerate() {
        println!("== {} ({})", state.now(), replayed.hashes[i]);
        for h in happened {
            let values: Vec<String> = h.values.iter().map(|(k, v)| format!("{k}={v}")).collect();
            println!("   {:?} {} {}", h.kind, h.id, values.join(" "));
        }
        state = sim::advance(data, &state, &run.seasons[i], run.seed)?.0;
        let b: Vec<String> = state
            .brigades
            .iter()
            .map(|b| format!("{}:p{} h{} g{} t{}", b.id, b.people, b.health, b.granary_kg / 1000, b.tools))
            .collect();
        println!("   standing {} woodland {} | {}", state.standing, state.woodland, b.join(" "));
    }
    Ok(())
}

/// The JSON output: the tally and, for a strategy, the file it came from.
#[derive(Serialize)]
struct Output<'a> {
    #[serde(flatten)]
    tally: &'a Tally,
    strategy_file: Option<&'a str>,
}

fn run(data: &Data, player: &Player, args: &Args) -> Result<Tally, sim::SimError> {
    match player {
        Player::Policy(p) => tally_policy(*p, data, &args.scenario, args.seed, args.seeds),
        Player::Strategy { strategy, .. } => tally_strategy(strategy, data, &args.scenario, args.seed, args.seeds),
    }
}

fn print_table(player: &Player, tally: &Tally) {
    let out = &tally.aggregate;
    let spread = out.seeds > 1;
    let who = match player {
        Player::Policy(p) => format!("policy '{}'", p.name()),
        Player::Strategy { file, .. } => format!("strategy '{file}'"),
    };
    println!(
        "Great Leap commune, scenario '{}', {who}, {}",
        out.scenario,
        if spread {
            format!("{} seeds from {} (mean, min-max)", out.seeds, out.seed)
        } else {
            format!("seed {}", out.seed)
        }
    );
    if let Some(s) = &tally.strategy {
        println!("strategy: {}", serde_json::to_string(s).expect("plain data"));
    }
    println!(
        "{:>4}  {:>15}  {:>15}  {:>13}  {:>11}  {:>13}  {:>13}  {:>11}  {:>11}  {:>9}  {:>11}  {:>11}  {:>9}",
        "year",
        "harvest t",
        "reported t",
        "procured t",
        "share %",
        "kept kg/head",
        "population",
        "deaths",
        "CDR ‰",
        "births",
        "iron t",
        "usable t",
        "standing"
    );
    for (i, m) in out.years.iter().enumerate() {
        let (lo, hi) = (&out.years_min[i], &out.years_max[i]);
        let cell = |mean: f64, lo: f64, hi: f64, digits: usize| {
            if spread { format!("{mean:.digits$} ({lo:.0}-{hi:.0})") } else { format!("{mean:.digits$}") }
        };
        println!(
            "{:>4}  {:>15}  {:>15}  {:>13}  {:>11}  {:>13}  {:>13}  {:>11}  {:>11}  {:>9}  {:>11}  {:>11}  {:>9}",
            m.year,
            cell(m.grain_actual_t, lo.grain_actual_t, hi.grain_actual_t, 0),
            cell(m.grain_reported_t, lo.grain_reported_t, hi.grain_reported_t, 0),
            cell(m.procurement_t, lo.procurement_t, hi.procurement_t, 0),
            cell(
                m.procurement_share_of_actual * 100.0,
                lo.procurement_share_of_actual * 100.0,
                hi.procurement_share_of_actual * 100.0,
                1
            ),
            cell(m.grain_per_head_kg, lo.grain_per_head_kg, hi.grain_per_head_kg, 0),
            cell(m.population, lo.population, hi.population, 0),
            cell(m.deaths, lo.deaths, hi.deaths, 0),
            cell(m.crude_death_rate_per_1000, lo.crude_death_rate_per_1000, hi.crude_death_rate_per_1000, 1),
            cell(m.births, lo.births, hi.births, 0),
            cell(m.steel_t, lo.steel_t, hi.steel_t, 0),
            cell(m.steel_usable_t, lo.steel_usable_t, hi.steel_usable_t, 0),
            cell(m.standing, lo.standing, hi.standing, 0),
        );
    }
    let endings: Vec<String> = out.endings.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    println!("endings: {}", endings.join(", "));
    let kinds: Vec<String> = tally.endings_by_kind.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    println!("endings by kind: {}", kinds.join(", "));
    let r = tally.excess_deaths_range;
    if spread {
        println!("excess deaths per 1000: {:.1} ({}-{})", out.excess_deaths_per_1000, r.min, r.max);
    } else {
        println!("excess deaths per 1000: {:.0}", out.excess_deaths_per_1000);
    }
}

fn usage_error(e: &str) -> ExitCode {
    if !e.is_empty() {
        eprintln!("simulate: {e}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    // To try parameters without a rebuild: GREAT_LEAP_SCENARIO names another
    // scenario.json (the sources and glossary stay the built-in ones).
    let data = match std::env::var("GREAT_LEAP_SCENARIO") {
        Ok(path) => {
            let read = std::fs::read_to_string(&path).map_err(|e| sim::SimError::Data(format!("{path}: {e}")));
            match read.and_then(|text| Data::with_scenario(&text)) {
                Ok(d) => d,
                Err(e) => return usage_error(&e.to_string()),
            }
        }
        Err(_) => Data::builtin(),
    };
    if data.scenario(&args.scenario).is_err() {
        let ids: Vec<&str> = data.scenarios.iter().map(|s| s.id.as_str()).collect();
        return usage_error(&format!("unknown scenario '{}' ({})", args.scenario, ids.join(", ")));
    }
    let player = match &args.strategy_file {
        Some(file) => match read_strategy(file, &data) {
            Ok(strategy) => Player::Strategy { file: file.clone(), strategy: Box::new(strategy) },
            Err(e) => {
                eprintln!("simulate: {e}");
                return ExitCode::from(2);
            }
        },
        None => Player::Policy(args.policy.unwrap_or(Policy::Historical)),
    };
    if args.trace {
        return match trace(&data, &player, &args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("simulate: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match run(&data, &player, &args) {
        Ok(tally) if args.json => {
            let file = match &player {
                Player::Strategy { file, .. } => Some(file.as_str()),
                Player::Policy(_) => None,
            };
            let out = Output { tally: &tally, strategy_file: file };
            println!("{}", serde_json::to_string_pretty(&out).expect("plain data"));
            ExitCode::SUCCESS
        }
        Ok(tally) => {
            print_table(&player, &tally);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("simulate: {e}");
            ExitCode::FAILURE
        }
    }
}
