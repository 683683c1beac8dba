//! Play the commune with a scripted policy and print the year-by-year table.
//!
//!   simulate --policy historical|honest|zealot|random [--seed N] [--seeds M]
//!            [--scenario ID] [--json]

use std::process::ExitCode;

use sim::Data;
use sim::policy::{Policy, play};
use sim::summary::{Aggregate, aggregate};
use sim::turn::new_game;

struct Args {
    policy: Policy,
    seed: u64,
    seeds: u64,
    scenario: String,
    json: bool,
    trace: bool,
}

const USAGE: &str = "usage: simulate --policy historical|honest|zealot|random [--seed N] [--seeds M] [--scenario ID] [--json] [--trace]";

fn parse() -> Result<Args, String> {
    let mut args =
        Args { policy: Policy::Historical, seed: 1, seeds: 1, scenario: "full".into(), json: false, trace: false };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--policy" => {
                let v = value("--policy")?;
                args.policy = Policy::parse(&v).ok_or(format!("unknown policy '{v}'"))?;
            }
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
    Ok(args)
}

/// Print every season of one game: what happened, in the data's words.
fn trace(args: &Args) -> Result<(), sim::SimError> {
    let data = Data::builtin();
    let (run, _) = play(args.policy, &data, &args.scenario, args.seed)?;
    let replayed = sim::replay(&data, &run)?;
    let mut state = new_game(&data, &args.scenario)?;
    for (i, happened) in replayed.log.iter().enumerate() {
        println!("== {} ({})", state.now(), replayed.hashes[i]);
        for h in happened {
            let values: Vec<String> = h.values.iter().map(|(k, v)| format!("{k}={v}")).collect();
            println!("   {:?} {} {}", h.kind, h.id, values.join(" "));
        }
        state = sim::advance(&data, &state, &run.seasons[i], run.seed)?.0;
        let b: Vec<String> = state
            .brigades
            .iter()
            .map(|b| format!("{}:p{} h{} g{} t{}", b.id, b.people, b.health, b.granary_kg / 1000, b.tools))
            .collect();
        println!("   standing {} woodland {} | {}", state.standing, state.woodland, b.join(" "));
    }
    Ok(())
}

fn run(args: &Args) -> Result<Aggregate, sim::SimError> {
    aggregate(&Data::builtin(), &args.scenario, args.policy, args.seed, args.seeds)
}

fn print_table(out: &Aggregate) {
    let spread = out.seeds > 1;
    println!(
        "Great Leap commune, scenario '{}', policy '{}', {}",
        out.scenario,
        out.policy,
        if spread {
            format!("{} seeds from {} (mean, min-max)", out.seeds, out.seed)
        } else {
            format!("seed {}", out.seed)
        }
    );
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
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("simulate: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.trace {
        return match trace(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("simulate: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match run(&args) {
        Ok(out) if args.json => {
            println!("{}", serde_json::to_string_pretty(&out).expect("plain data"));
            ExitCode::SUCCESS
        }
        Ok(out) => {
            print_table(&out);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("simulate: {e}");
            ExitCode::FAILURE
        }
    }
}
