//! Hunger, health, deaths and births. Food sets the health people can keep;
//! health moves toward it over a season or two; deaths rise steeply as health
//! falls, and births fall three seasons later, as conceptions fell. Nobody leaves: the household registration keeps
//! villagers where they are.

use crate::data::Data;
use crate::dice::{Dice, Stream};
use crate::happening::Happening;
use crate::per_mille;
use crate::state::CommuneState;

pub fn run(data: &Data, state: &mut CommuneState, foods: &[i64], seed: u64, log: &mut Vec<Happening>) {
    let p = &data.params.mortality;
    let lp = &data.params.labour;
    let now = state.now();
    let mut dice = Dice::new(seed, now.ordinal(), Stream::People);
    let (mut deaths, mut births) = (0, 0);
    let people_before = state.people();
    for (b, &food) in state.brigades.iter_mut().zip(foods) {
        let target = p.food_to_health.at(food);
        b.health = (b.health + per_mille(target - b.health, p.health_adjust_permille)).clamp(0, 1000);
        b.morale = (b.morale + p.food_to_morale.at(food)).clamp(0, 1000);
        // Annual rates per 10,000 -> expected people this season, in millionths.
        let d = dice.count(b.people * p.deaths_per_10k.at(b.health) * 25).min(b.people);
        // Births follow the health at conception, `birth_lag_seasons` ago.
        let conceived = if b.past_health.is_empty() { b.health } else { b.past_health.remove(0) };
        b.past_health.push(b.health);
        let n = dice.count(b.people * p.births_per_10k.at(conceived) * 25);
        let worker_deaths = per_mille(d, p.worker_share_of_deaths_permille).min(b.workers);
        b.people = b.people - d + n;
        b.workers -= worker_deaths;
        b.workers += (b.people - b.workers).max(0) * lp.coming_of_age_permille / 1000;
        b.workers = b.workers.min(b.people);
        deaths += d;
        births += n;
    }
    state.baseline_deaths += people_before * data.baseline.deaths_per_10k / 40_000;
    let ledger = state.ledger(now.year);
    ledger.deaths += deaths;
    ledger.births += births;
    log.push(Happening::consequence("deaths_and_births").with("deaths", deaths).with("births", births));
    let worst = state.brigades.iter().map(|b| b.health).min().unwrap_or(1000);
    if worst < 500 {
        log.push(Happening::consequence("famine_edema").with("health", worst));
        log.push(Happening::consequence("no_flight"));
    } else if worst < 750 {
        log.push(Happening::consequence("hunger"));
    }
}
