//! The year-by-year account of a game, for the command-line table, the year
//! summary, the debrief and the teacher's class view. Figures leave the rules
//! here as plain numbers; nothing below decides an outcome.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::Data;
use crate::error::SimError;
use crate::policy::{Policy, play};
use crate::procurement::normal_year_kg;
use crate::state::CommuneState;
use crate::turn::new_game;
use crate::{per_mille, ratio_permille};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct YearRow {
    pub year: i64,
    pub grain_actual_t: f64,
    pub grain_reported_t: f64,
    pub procurement_t: f64,
    pub procurement_share_of_actual: f64,
    pub grain_per_head_kg: f64,
    pub population: f64,
    pub deaths: f64,
    pub births: f64,
    pub crude_death_rate_per_1000: f64,
    pub crude_birth_rate_per_1000: f64,
    pub steel_t: f64,
    pub steel_usable_t: f64,
    pub grain_left_in_fields_t: f64,
    pub relief_t: f64,
    pub tools_lost_percent: f64,
    pub standing: f64,
}

fn tonnes(kg: i64) -> f64 {
    kg as f64 / 1000.0
}

/// The pre-Leap year, from the scenario's baseline.
pub fn baseline_row(data: &Data, start: &CommuneState) -> YearRow {
    let b = &data.baseline;
    let people = start.people();
    let actual = per_mille(normal_year_kg(data, start), b.harvest_permille_of_normal);
    let procured = per_mille(actual, b.procurement_permille);
    let deaths = people * b.deaths_per_10k / 10_000;
    let births = people * b.births_per_10k / 10_000;
    YearRow {
        year: b.year,
        grain_actual_t: tonnes(actual),
        grain_reported_t: tonnes(per_mille(actual, b.reported_permille_of_actual)),
        procurement_t: tonnes(procured),
        procurement_share_of_actual: ratio_permille(procured, actual) as f64 / 1000.0,
        grain_per_head_kg: ((actual - procured) / people.max(1)) as f64,
        population: people as f64,
        deaths: deaths as f64,
        births: births as f64,
        crude_death_rate_per_1000: b.deaths_per_10k as f64 / 10.0,
        crude_birth_rate_per_1000: b.births_per_10k as f64 / 10.0,
        standing: data.commune.standing as f64,
        ..Default::default()
    }
}

/// One row per calendar year the game has touched.
pub fn year_rows(state: &CommuneState) -> Vec<YearRow> {
    state
        .years
        .iter()
        .map(|l| {
            let taken = l.procured_kg + l.seized_kg;
            // People present on average through the seasons played.
            let avg = ((l.people_start + l.people_end) / 2).max(1);
            // Rates are annual: scale a part-year to a whole one.
            let seasons = l.seasons.max(1);
            let per_1000 = |n: i64| (n * 1000 * 4 / seasons) as f64 / avg as f64;
            YearRow {
                year: l.year,
                grain_actual_t: tonnes(l.harvest_kg),
                grain_reported_t: tonnes(l.reported_kg),
                procurement_t: tonnes(taken),
                procurement_share_of_actual: if l.harvest_kg > 0 { taken as f64 / l.harvest_kg as f64 } else { 0.0 },
                grain_per_head_kg: (l.harvest_kg - taken + l.relief_kg) as f64 / avg as f64,
                relief_t: tonnes(l.relief_kg),
                population: l.people_end as f64,
                deaths: l.deaths as f64,
                births: l.births as f64,
                crude_death_rate_per_1000: per_1000(l.deaths),
                crude_birth_rate_per_1000: per_1000(l.births),
                steel_t: tonnes(l.iron_kg),
                steel_usable_t: tonnes(l.iron_usable_kg),
                grain_left_in_fields_t: tonnes(l.harvest_left_kg),
                tools_lost_percent: l.tools_lost_permille as f64 / 10.0,
                standing: l.standing_end as f64,
            }
        })
        .collect()
}

/// Every row of a finished game, the baseline year first.
pub fn table(data: &Data, start: &CommuneState, end: &CommuneState) -> Vec<YearRow> {
    let mut rows = vec![baseline_row(data, start)];
    rows.extend(year_rows(end));
    rows
}

/// Many games of one policy: the mean, minimum and maximum of each year and
/// how the games ended. The command-line table and the calibration tests
/// both read this.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Aggregate {
    pub policy: String,
    pub scenario: String,
    pub seed: u64,
    pub seeds: u64,
    /// Means over the games that reached each year.
    pub years: Vec<YearRow>,
    pub years_min: Vec<YearRow>,
    pub years_max: Vec<YearRow>,
    /// How many games reached each year (a purged secretary's game stops).
    pub runs_reaching: BTreeMap<i64, u64>,
    pub endings: BTreeMap<String, u64>,
    /// Mean excess deaths per 1000 people over the whole game.
    pub excess_deaths_per_1000: f64,
}

impl Aggregate {
    pub fn year(&self, year: i64) -> Option<&YearRow> {
        self.years.iter().find(|r| r.year == year)
    }

    /// Share of games that ended in a purge.
    pub fn purged_share(&self) -> f64 {
        let purged: u64 = self.endings.iter().filter(|(k, _)| k.starts_with("purged")).map(|(_, v)| v).sum();
        purged as f64 / self.seeds.max(1) as f64
    }
}

macro_rules! each_field {
    ($m:ident) => {
        $m!(
            grain_actual_t,
            grain_reported_t,
            procurement_t,
            procurement_share_of_actual,
            grain_per_head_kg,
            population,
            deaths,
            births,
            crude_death_rate_per_1000,
            crude_birth_rate_per_1000,
            steel_t,
            steel_usable_t,
            grain_left_in_fields_t,
            relief_t,
            tools_lost_percent,
            standing
        )
    };
}

fn combine(rows: &[YearRow]) -> (YearRow, YearRow, YearRow) {
    let n = rows.len() as f64;
    let mut mean = YearRow { year: rows[0].year, ..Default::default() };
    let mut min = rows[0].clone();
    let mut max = rows[0].clone();
    macro_rules! fold {
        ($($f:ident),*) => {$(
            for r in rows {
                mean.$f += r.$f / n;
                min.$f = min.$f.min(r.$f);
                max.$f = max.$f.max(r.$f);
            }
        )*};
    }
    each_field!(fold);
    macro_rules! round {
        ($($f:ident),*) => {$( mean.$f = (mean.$f * 1000.0).round() / 1000.0; )*};
    }
    each_field!(round);
    (mean, min, max)
}

/// Play `seeds` games from `seed` on with a scripted policy.
pub fn aggregate(data: &Data, scenario: &str, policy: Policy, seed: u64, seeds: u64) -> Result<Aggregate, SimError> {
    aggregate_games(data, scenario, policy.name(), seed, seeds, |s| Ok(play(policy, data, scenario, s)?.1), |_| {})
}

/// Play `seeds` games from `seed` on with `play_one` (a seed -> the game's
/// last state), named `name`, and account for them; `each` sees every
/// game's last state too (for what a caller adds to the account).
pub fn aggregate_games(
    data: &Data,
    scenario: &str,
    name: &str,
    seed: u64,
    seeds: u64,
    mut play_one: impl FnMut(u64) -> Result<CommuneState, SimError>,
    mut each: impl FnMut(&CommuneState),
) -> Result<Aggregate, SimError> {
    let start = new_game(data, scenario)?;
    let mut by_year: BTreeMap<i64, Vec<YearRow>> = BTreeMap::new();
    let mut endings = BTreeMap::new();
    let mut excess = 0.0;
    for i in 0..seeds {
        let end = play_one(seed.wrapping_add(i))?;
        for row in table(data, &start, &end) {
            by_year.entry(row.year).or_default().push(row);
        }
        let key = end.ending.as_ref().map(|e| e.key()).unwrap_or_else(|| "unfinished".into());
        *endings.entry(key).or_insert(0) += 1;
        excess += end.excess_deaths_per_1000() as f64 / seeds.max(1) as f64;
        each(&end);
    }
    let mut out = Aggregate {
        policy: name.to_string(),
        scenario: scenario.to_string(),
        seed,
        seeds,
        years: vec![],
        years_min: vec![],
        years_max: vec![],
        runs_reaching: BTreeMap::new(),
        endings,
        excess_deaths_per_1000: excess,
    };
    for (year, rows) in by_year {
        let (mean, min, max) = combine(&rows);
        out.years.push(mean);
        out.years_min.push(min);
        out.years_max.push(max);
        out.runs_reaching.insert(year, rows.len() as u64);
    }
    Ok(out)
}
