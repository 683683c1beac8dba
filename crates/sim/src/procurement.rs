//! State procurement. The annual quota comes down from above: the county's
//! share of a total built on every commune's claims, weighed with what the
//! commune itself reported last year, discounted only as far as the state
//! revised its own figures, and never below the pre-Leap share. It does not
//! fall when the harvest fails. A report above the county's plan brings an
//! extra levy at once. The secretary may deliver, plead for a cut or hide
//! grain first.

use crate::calendar::{Season, SeasonRef};
use crate::data::{Data, Lever};
use crate::decisions::ProcurementResponse;
use crate::dice::{Dice, Stream};
use crate::happening::Happening;
use crate::state::CommuneState;
use crate::{per_mille, ratio_permille};

/// A normal year's harvest of the whole commune, kg.
pub fn normal_year_kg(data: &Data, state: &CommuneState) -> i64 {
    let y = &data.params.harvest.normal_yield_kg_per_mu;
    state.farmland_mu() * (y.summer + y.autumn)
}

/// The county's expected harvest this season, kg.
pub fn expectation(data: &Data, state: &CommuneState, season: Season) -> i64 {
    let y = data.year(state.now().year);
    let normal = state.farmland_mu() * data.params.harvest.normal_yield_kg_per_mu.get(season);
    per_mille(normal, y.expectation_permille.get(season))
}

/// A harvest of the commune at the pre-Leap level, as the state knew it
/// (the baseline's harvest and report), for one season.
fn pre_leap_report(data: &Data, state: &CommuneState, season: Season) -> i64 {
    let b = &data.baseline;
    let normal = state.farmland_mu() * data.params.harvest.normal_yield_kg_per_mu.get(season);
    per_mille(per_mille(normal, b.harvest_permille_of_normal), b.reported_permille_of_actual)
}

/// What the commune reported for a year's two harvests: its own reports for
/// the harvests played, the pre-Leap figure for those before the game began.
pub fn reported_for(data: &Data, state: &CommuneState, year: i64) -> i64 {
    let played = state.ledger_of(year).map(|l| l.reported_kg).unwrap_or(0);
    let before: i64 = [Season::Summer, Season::Autumn]
        .into_iter()
        .filter(|&season| SeasonRef { year, season } < state.start)
        .map(|season| pre_leap_report(data, state, season))
        .sum();
    played + before
}

/// The county's figure for a year's harvest of the commune: its share of a
/// total built on every commune's claims (the year's expectation), or the
/// pre-Leap figure for a year before the Leap.
pub fn county_figure(data: &Data, state: &CommuneState, year: i64) -> i64 {
    [Season::Summer, Season::Autumn]
        .into_iter()
        .map(|season| match data.year_exact(year) {
            Some(y) => {
                let normal = state.farmland_mu() * data.params.harvest.normal_yield_kg_per_mu.get(season);
                per_mille(normal, y.expectation_permille.get(season))
            }
            None => pre_leap_report(data, state, season),
        })
        .sum()
}

/// The least the state takes of a reported harvest: its pre-Leap share.
pub fn pre_leap_take(data: &Data, report_kg: i64) -> i64 {
    per_mille(report_kg, data.baseline.procurement_permille)
}

/// The year's quota on a given report of last year's harvest: the state
/// estimates the harvest from the county's figure and the commune's own
/// report, discounts the estimate as far as it revised its own figures, and
/// takes the year's rate of it.
fn quota_on(data: &Data, state: &CommuneState, year: i64, reported_kg: i64) -> (i64, i64) {
    let p = &data.params.procurement;
    let yp = data.year(year);
    let county = county_figure(data, state, year - 1);
    let blended = per_mille(county, p.county_weight_permille) + per_mille(reported_kg, 1000 - p.county_weight_permille);
    let estimate = per_mille(blended, yp.credibility_permille)
        .max(per_mille(normal_year_kg(data, state), p.estimate_floor_permille));
    (estimate, per_mille(estimate, yp.quota_rate_permille))
}

/// At the first season of each year, the county hands down the year's
/// quota. A report of last year's harvest under the county's figure that
/// held lowers it; what it kept off the quota is counted as protected.
pub fn set_annual_quota(data: &Data, state: &mut CommuneState, log: &mut Vec<Happening>) {
    let year = state.now().year;
    if state.quota.year == year {
        return;
    }
    let reported = reported_for(data, state, year - 1);
    let (estimate, annual) = quota_on(data, state, year, reported);
    let (_, on_county) = quota_on(data, state, year, county_figure(data, state, year - 1));
    if on_county > annual && state.start.year < year {
        state.kept.quota_avoided_kg += on_county - annual;
    }
    state.quota = crate::state::Quota { year, estimate_kg: estimate, annual_kg: annual, ..Default::default() };
    log.push(Happening::consequence("annual_quota").with("quota_kg", annual).with("estimate_kg", estimate));
}

/// What the procurement team asks for this season, given the report.
pub fn demand(data: &Data, state: &CommuneState, report_kg: i64) -> i64 {
    let season = state.now().season;
    if !season.is_harvest() {
        return 0;
    }
    let p = &data.params.procurement;
    // Never less than the pre-Leap share of what is reported, counted up to
    // a normal crop: an honest report does not bring the state's share below
    // what it was in 1957.
    let expected = expectation(data, state, season);
    let normal = state.farmland_mu() * data.params.harvest.normal_yield_kg_per_mu.get(season);
    let base = per_mille(state.quota.annual_kg, p.season_share_permille.get(season))
        .max(pre_leap_take(data, report_kg.min(normal)));
    let excess = (report_kg - expected).max(0);
    let claw = per_mille(excess, p.claw_on_excess_permille);
    per_mille(base + claw, state.lever(Lever::Quota))
}

/// Hand over (or not) this season's demand. `fresh` is what each brigade's
/// harvest added to its granary this season.
pub fn collect(
    data: &Data,
    state: &mut CommuneState,
    report_kg: i64,
    response: ProcurementResponse,
    fresh: &[i64],
    seed: u64,
    log: &mut Vec<Happening>,
) {
    let p = &data.params.procurement;
    let now = state.now();
    let mut dice = Dice::new(seed, now.ordinal(), Stream::Politics);
    let mut demand = demand(data, state, report_kg);
    match response {
        ProcurementResponse::Deliver => {}
        ProcurementResponse::Plead => {
            let chance = per_mille(p.plea_chance_curve.at(state.standing), state.lever(Lever::Plea));
            let climate = state.lever(Lever::ReportPenalty);
            let cost = crate::politics::shift_standing(data, state, -per_mille(p.plea_standing_cost, climate));
            let said = if dice.chance(chance) {
                let cut = per_mille(demand, p.plea_cut_permille);
                demand -= cut;
                Happening::consequence("plea_granted").with("cut_kg", cut)
            } else {
                Happening::consequence("plea_refused")
            };
            log.push(said.with("standing", cost).with("climate_permille", climate));
        }
        ProcurementResponse::Hide { permille } => {
            let mut hidden = 0;
            for (b, &f) in state.brigades.iter_mut().zip(fresh) {
                let h = per_mille(f, i64::from(permille)).min(b.granary_kg);
                b.granary_kg -= h;
                b.hidden_kg += h;
                hidden += h;
            }
            log.push(Happening::consequence("grain_hidden").with("hidden_kg", hidden));
        }
    }
    let available = state.granary_kg();
    let delivered = demand.min(available);
    // Each brigade gives in proportion to what its granary holds.
    if available > 0 {
        let mut left = delivered;
        let n = state.brigades.len();
        for i in 0..n {
            let b = &mut state.brigades[i];
            let part = if i + 1 == n {
                left.min(b.granary_kg)
            } else {
                ((delivered as i128 * b.granary_kg as i128) / available as i128) as i64
            };
            b.granary_kg -= part;
            left -= part;
        }
    }
    let arrears = demand - delivered;
    state.quota.demanded_kg += demand;
    state.quota.delivered_kg += delivered;
    state.quota.arrears_kg += arrears;
    state.ledger(now.year).procured_kg += delivered;
    log.push(Happening::consequence("procurement").with("demand_kg", demand).with("delivered_kg", delivered));
    if arrears > 0 {
        let cost = per_mille(ratio_permille(arrears, demand.max(1)), p.arrears_standing_permille);
        let delta = crate::politics::shift_standing(data, state, -cost);
        log.push(Happening::consequence("arrears").with("arrears_kg", arrears).with("standing", delta));
    }
}
