//! The canteen: what each brigade eats this season. Under "eat your fill"
//! the canteen serves without counting; otherwise it plans the granary to
//! last until the next harvest. Sidelines and private plots add food.

use crate::calendar::DAYS_PER_SEASON;
use crate::data::{Data, Lever};
use crate::happening::Happening;
use crate::labour::Workforce;
use crate::state::CommuneState;
use crate::{per_mille, ratio_permille};

/// Food per person per day in each brigade (grams of grain equivalent).
pub fn feed(data: &Data, state: &mut CommuneState, work: &[Workforce], log: &mut Vec<Happening>) -> Vec<i64> {
    let p = &data.params.canteens;
    let season = state.now().season;
    let canteens = state.flag("canteens");
    let free_supply = state.flag("free_supply");
    let private_plots = state.flag("private_plots");
    let consumption = state.lever(Lever::Consumption);
    let waste_rate = if canteens { per_mille(p.waste_permille, state.lever(Lever::Waste)) } else { 0 };
    let sideline_rate = per_mille(p.sideline_kg_per_worker, state.lever(Lever::Sideline));
    let cover = p.seasons_to_cover.get(season).max(1000);
    let year = state.now().year;
    // Resale grain: the year's share of what the state took this year, or
    // last year before this year's harvests are in, less what it has sold
    // back this year.
    let taken_in = |y: i64| state.ledger_of(y).map_or(0, |l| l.procured_kg + l.seized_kg);
    let relieved = state.ledger_of(year).map_or(0, |l| l.relief_kg);
    let share = data.year(year).relief_permille;
    let mut relief_pool = (per_mille(taken_in(year).max(taken_in(year - 1)), share) - relieved).max(0);
    let mut relief_total = 0;
    let mut foods = Vec::with_capacity(state.brigades.len());
    let mut eaten_total = 0;
    let mut emptied = 0;
    let mut hidden_eaten = 0;
    for (b, w) in state.brigades.iter_mut().zip(work) {
        let people = b.people.max(1);
        let full = people * p.full_ration_g * DAYS_PER_SEASON / 1000;
        let cap = per_mille(full, consumption);
        let available = b.granary_kg + b.hidden_kg;
        let planned = if free_supply { available } else { available * 1000 / cover };
        let mut served = planned.min(cap).max(0);
        // Resale grain from the state for villages below the relief line.
        let floor = people * p.relief_below_g * DAYS_PER_SEASON / 1000;
        if served < floor && relief_pool > 0 {
            let relief = (floor - served).min(relief_pool);
            relief_pool -= relief;
            relief_total += relief;
            b.granary_kg += relief;
            served += relief;
        }
        // Take from the open granary first, then from what is hidden.
        let from_granary = served.min(b.granary_kg);
        b.granary_kg -= from_granary;
        b.hidden_kg -= served - from_granary;
        hidden_eaten += served - from_granary;
        let eaten = served - per_mille(served, waste_rate);
        let cooks = if canteens { people * p.cooks_per_1000 / 1000 } else { 0 };
        let sideline = (w.sideline - cooks).max(0) * sideline_rate;
        let plots = if private_plots { people * p.private_plot_kg_per_head } else { 0 };
        let mut food_g = (eaten + sideline + plots) * 1000 / (people * DAYS_PER_SEASON);
        if food_g < p.forage_below_g {
            food_g += p.forage_g;
        }
        b.last_food_g = food_g;
        foods.push(food_g);
        eaten_total += eaten;
        if free_supply && b.granary_kg + b.hidden_kg == 0 && served < cap {
            emptied += 1;
        }
    }
    state.kept.hidden_eaten_kg += hidden_eaten;
    let ledger = state.ledger(year);
    ledger.eaten_kg += eaten_total;
    ledger.relief_kg += relief_total;
    if relief_total > 0 {
        log.push(Happening::consequence("relief_grain").with("relief_kg", relief_total));
    }
    let people = state.people().max(1);
    let avg = foods.iter().zip(&state.brigades).map(|(f, b)| f * b.people).sum::<i64>() / people;
    log.push(Happening::consequence("rations").with("food_g", avg).with("eaten_kg", eaten_total));
    if hidden_eaten > 0 {
        log.push(Happening::consequence("hidden_grain_eaten").with("eaten_kg", hidden_eaten));
    }
    if emptied > 0 {
        log.push(Happening::consequence("canteen_empty").with("brigades", emptied));
    }
    if waste_rate > 0 && ratio_permille(waste_rate, 1000) > 50 {
        log.push(Happening::consequence("canteen_waste").with("waste_permille", waste_rate));
    }
    foods
}
