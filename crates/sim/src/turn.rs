//! One season, start to finish: news and directives, labour, furnaces and
//! works, the harvest and its report, procurement, the anti-hiding searches,
//! the canteen, hunger and births, and the political reckoning.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data::Data;
use crate::decisions::{ProcurementResponse, SeasonDecisions};
use crate::error::SimError;
use crate::harvest::HarvestOutcome;
use crate::labour::Workforce;
use crate::state::{CommuneState, Ending};
use crate::{canteens, events, furnaces, harvest, labour, mortality, politics, procurement, searches, water};

pub use crate::happening::{Happening, HappeningKind};

/// A new game of the named scenario.
pub fn new_game(data: &Data, scenario_id: &str) -> Result<CommuneState, SimError> {
    Ok(CommuneState::new(data, data.scenario(scenario_id)?))
}

/// What the player sees before reporting: the true harvest, the county's
/// expectation and what the state would take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HarvestPreview {
    pub harvest_kg: i64,
    pub left_in_fields_kg: i64,
    pub per_brigade_kg: Vec<i64>,
    pub expected_kg: i64,
    pub weather_permille: i64,
    pub annual_quota_kg: i64,
    /// The demand if the harvest were reported truthfully.
    pub demand_if_truthful_kg: i64,
}

/// Everything the first half of a season needs: the labour plans and the
/// answers to the directives.
fn check_plans(data: &Data, state: &CommuneState, d: &SeasonDecisions) -> Result<(), SimError> {
    if state.is_over() || state.step >= state.seasons {
        return Err(SimError::GameOver);
    }
    if d.labour.len() != state.brigades.len() {
        return Err(SimError::LabourCount { expected: state.brigades.len(), found: d.labour.len() });
    }
    for (i, plan) in d.labour.iter().enumerate() {
        if plan.sum() != 100 {
            return Err(SimError::LabourSum { brigade: i, sum: plan.sum() });
        }
    }
    events::check_choices(data, state, d)
}

/// The answer to the procurement team.
fn check_answer(data: &Data, d: &SeasonDecisions) -> Result<(), SimError> {
    if let ProcurementResponse::Hide { permille } = d.procurement
        && i64::from(permille) > data.params.hiding.max_hide_permille
    {
        return Err(SimError::HideOutOfRange(permille));
    }
    Ok(())
}

fn check_report(state: &CommuneState, d: &SeasonDecisions, harvest_kg: i64) -> Result<i64, SimError> {
    match (state.now().season.is_harvest(), d.report_kg) {
        (true, None) => Err(SimError::MissingReport),
        (false, Some(_)) => Err(SimError::UnexpectedReport),
        (false, None) => Ok(0),
        (true, Some(r)) => {
            // Any figure from nothing to a "satellite" fifty times the truth.
            let cap = harvest_kg.max(1_000).saturating_mul(50);
            if r < 0 || r > cap { Err(SimError::ReportOutOfRange(r)) } else { Ok(r) }
        }
    }
}

/// The first half of a season, shared by the preview and the turn: news and
/// directives, the quota, labour, furnaces, works, tending and the harvest.
fn first_half(
    data: &Data,
    mut s: CommuneState,
    d: &SeasonDecisions,
    seed: u64,
    log: &mut Vec<Happening>,
) -> (CommuneState, Vec<Workforce>, HarvestOutcome) {
    let now = s.now();
    s.ledger(now.year).seasons += 1;
    events::apply(data, &mut s, d, seed, log);
    procurement::set_annual_quota(data, &mut s, log);
    let work: Vec<Workforce> =
        s.brigades.iter().zip(&d.labour).map(|(b, plan)| labour::workforce(data, &s, b, plan)).collect();
    furnaces::run(data, &mut s, &work, seed, log);
    water::run(data, &mut s, &work, log);
    harvest::tend(data, &mut s, &work);
    let outcome = harvest::bring_in(data, &s, &work, seed);
    (s, work, outcome)
}

/// A season played up to its harvest: the labour plans and the answers to
/// the directives are in, the report and the answer to procurement not yet.
/// What the player sees before reporting comes from here, and the same
/// first half goes on to the end of the season, so it is played only once.
pub struct Sown {
    state: CommuneState,
    work: Vec<Workforce>,
    outcome: HarvestOutcome,
    log: Vec<Happening>,
    seed: u64,
    /// Played as the reference for another game's verdict: no verdict of
    /// its own is weighed against a reference.
    reference: bool,
}

/// Play the first half of a season from `state` (taken, not copied). The
/// report and the procurement answer in `d` are not looked at here.
pub fn sow(data: &Data, state: CommuneState, d: &SeasonDecisions, seed: u64) -> Result<Sown, SimError> {
    check_plans(data, &state, d)?;
    let mut log = Vec::new();
    let (state, work, outcome) = first_half(data, state, d, seed, &mut log);
    Ok(Sown { state, work, outcome, log, seed, reference: false })
}

impl Sown {
    /// This season is played as another game's reference (see `finish`).
    pub fn as_reference(mut self) -> Sown {
        self.reference = true;
        self
    }

    /// The true harvest, the county's expectation and what the state would
    /// take on a truthful report.
    pub fn preview(&self, data: &Data) -> HarvestPreview {
        let s = &self.state;
        let total = self.outcome.total();
        HarvestPreview {
            harvest_kg: total,
            left_in_fields_kg: self.outcome.left(),
            per_brigade_kg: self.outcome.brought_in.clone(),
            expected_kg: procurement::expectation(data, s, s.now().season),
            weather_permille: self.outcome.weather_permille,
            annual_quota_kg: s.quota.annual_kg,
            demand_if_truthful_kg: procurement::demand(data, s, total),
        }
    }

    /// The demand the procurement team would make on a given report.
    pub fn demand(&self, data: &Data, report_kg: i64) -> i64 {
        procurement::demand(data, &self.state, report_kg)
    }

    /// The rest of the season, with the report and the procurement answer of
    /// `d` (its labour plans and choices must be the ones it was sown with).
    pub fn finish(self, data: &Data, d: &SeasonDecisions) -> Result<(CommuneState, Vec<Happening>), SimError> {
        check_answer(data, d)?;
        let Sown { state: mut s, work, outcome, mut log, seed, reference } = self;
        let now = s.now();
        let report = check_report(&s, d, outcome.total())?;

        if now.season.is_harvest() {
            let mut fresh = Vec::with_capacity(s.brigades.len());
            for (i, &kg) in outcome.brought_in.iter().enumerate() {
                let seed_kg = harvest::brigade_seed(data, &s, i).min(kg);
                s.brigades[i].granary_kg += kg - seed_kg;
                fresh.push(kg - seed_kg);
            }
            let l = s.ledger(now.year);
            l.harvest_kg += outcome.total();
            l.harvest_left_kg += outcome.left();
            l.reported_kg += report;
            log.push(
                Happening::consequence("harvest")
                    .with("harvest_kg", outcome.total())
                    .with("weather_permille", outcome.weather_permille),
            );
            if outcome.left() * 10 > outcome.total() {
                log.push(Happening::consequence("harvest_left_in_fields").with("left_kg", outcome.left()));
            }
            if let Some((brigade, lost)) = outcome.breach {
                log.push(Happening::consequence("works_breach").with("brigade", brigade as i64).with("lost_kg", lost));
            }
            let expected = procurement::expectation(data, &s, now.season);
            politics::judge_report(data, &mut s, report, expected, &mut log);
            procurement::collect(data, &mut s, report, d.procurement, &fresh, seed, &mut log);
        }
        let removed = searches::run(data, &mut s, seed, &mut log);
        let foods = canteens::feed(data, &mut s, &work, &mut log);
        mortality::run(data, &mut s, &foods, seed, &mut log);

        let mut ending = removed.or_else(|| politics::reckon(data, &mut s, seed, &mut log));
        if ending.is_none() && s.is_last_season() {
            // The protector's verdict weighs the deaths against the
            // historical policy's on the same seed, played only when the
            // secretary's protective acts kept enough to count.
            let against = if !reference && politics::kept_enough(data, &s) {
                Some(crate::policy::reference_excess(data, &s.scenario_id, seed)?)
            } else {
                None
            };
            ending = Some(politics::final_ending(data, &s, against));
        }
        let people = s.people();
        let standing = s.standing;
        let l = s.ledger(now.year);
        l.people_end = people;
        l.standing_end = standing;
        if let Some(e) = &ending {
            let year = match e {
                Ending::Purged { year } | Ending::Scapegoated { year } => *year,
                _ => now.year,
            };
            log.push(
                Happening { kind: HappeningKind::Ending, id: e.data_id().to_string(), values: BTreeMap::new() }
                    .with("year", year),
            );
        }
        s.ending = ending;
        s.step += 1;
        Ok((s, log))
    }
}

/// The true harvest this season would bring with these labour plans and
/// directive answers (the report and procurement answer are not needed).
pub fn preview(data: &Data, state: &CommuneState, d: &SeasonDecisions, seed: u64) -> Result<HarvestPreview, SimError> {
    let sown = sow(data, state.clone(), d, seed)?;
    check_answer(data, d)?;
    Ok(sown.preview(data))
}

/// The demand the procurement team would make on a given report.
pub fn demand_for_report(
    data: &Data,
    state: &CommuneState,
    d: &SeasonDecisions,
    seed: u64,
    report_kg: i64,
) -> Result<i64, SimError> {
    let sown = sow(data, state.clone(), d, seed)?;
    check_answer(data, d)?;
    Ok(sown.demand(data, report_kg))
}

/// Play one season: `state + decisions + seed -> next state + what happened`.
pub fn advance(
    data: &Data,
    state: &CommuneState,
    d: &SeasonDecisions,
    seed: u64,
) -> Result<(CommuneState, Vec<Happening>), SimError> {
    sow(data, state.clone(), d, seed)?.finish(data, d)
}

/// The ending a finished game reached.
pub fn ending(state: &CommuneState) -> Option<&Ending> {
    state.ending.as_ref()
}
