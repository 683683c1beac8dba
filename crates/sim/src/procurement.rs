//! State procurement. The annual quota is set on what the commune *reported*
//! last year, discounted only as far as the state itself revised its figures;
//! it does not fall when the harvest fails. A report above the county's plan
//! brings an extra levy at once. The secretary may deliver, plead for a cut
//! or hide grain first.

use crate::calendar::Season;
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

/// At the first season of each year, the state sets the year's quota.
pub fn set_annual_quota(data: &Data, state: &mut CommuneState, log: &mut Vec<Happening>) {
    let year = state.now().year;
    if state.quota.year == year {
        return;
    }
    let p = &data.params.procurement;
    let yp = data.year(year);
    let normal = normal_year_kg(data, state);
    let reported_last = match state.ledger_of(year - 1) {
        Some(l) if l.seasons >= 4 => l.reported_kg,
        // Before the game (or after a short scenario began mid-year) the state
        // knows the commune by its pre-Leap figures.
        _ => per_mille(
            per_mille(normal, data.baseline.harvest_permille_of_normal),
            data.baseline.reported_permille_of_actual,
        ),
    };
    let estimate = per_mille(reported_last, yp.credibility_permille).max(per_mille(normal, p.estimate_floor_permille));
    let annual = per_mille(estimate, yp.quota_rate_permille);
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
    let base = per_mille(state.quota.annual_kg, p.season_share_permille.get(season));
    let excess = (report_kg - expectation(data, state, season)).max(0);
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
            let cost = per_mille(p.plea_standing_cost, state.lever(Lever::ReportPenalty));
            state.standing = (state.standing - cost).max(0);
            if dice.chance(chance) {
                let cut = per_mille(demand, p.plea_cut_permille);
                demand -= cut;
                log.push(Happening::consequence("plea_granted").with("cut_kg", cut).with("standing", -cost));
            } else {
                log.push(Happening::consequence("plea_refused").with("standing", -cost));
            }
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
        state.standing = (state.standing - cost).max(0);
        log.push(Happening::consequence("arrears").with("arrears_kg", arrears).with("standing", -cost));
    }
}
