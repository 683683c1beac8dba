//! Planting, tending and bringing in the crops. The true harvest comes from
//! land, weather, labour at planting and at harvest, tools, water, pests,
//! soil and the farming methods ordered from above.

use crate::calendar::Season;
use crate::data::{Data, Lever};
use crate::dice::{Dice, Stream};
use crate::labour::{Workforce, field_ratio};
use crate::per_mille;
use crate::state::CommuneState;

/// The factor that labour at `ratio` of need gives a crop, thousandths.
fn labour_factor(ratio: i64, loss_permille: i64) -> i64 {
    if ratio >= 1000 {
        1000 + ((ratio - 1000).min(200) / 10)
    } else {
        (1000 - per_mille(1000 - ratio, loss_permille)).max(0)
    }
}

/// This season's weather, thousandths of a normal year (only harvests feel it).
pub fn weather(data: &Data, state: &CommuneState, seed: u64) -> i64 {
    let now = state.now();
    let y = data.year(now.year);
    let (lo, hi) = match now.season {
        Season::Summer => y.weather.summer,
        Season::Autumn => y.weather.autumn,
        _ => return 1000,
    };
    Dice::new(seed, now.ordinal(), Stream::Weather).range(lo, hi)
}

/// Sow and tend: spring sows the autumn crop, summer tends it, autumn sows
/// next year's summer wheat.
pub fn tend(data: &Data, state: &mut CommuneState, work: &[Workforce]) {
    let season = state.now().season;
    let loss = data.params.harvest.planting_loss_permille;
    let sown = state.lever(Lever::SownArea).min(1000);
    for (b, w) in state.brigades.iter_mut().zip(work) {
        let f = labour_factor(field_ratio(data, b, w, season), loss);
        match season {
            Season::Spring => {
                b.autumn_crop = f;
                b.autumn_sown = sown;
            }
            Season::Summer => b.autumn_crop = (2 * b.autumn_crop + f) / 3,
            Season::Autumn => {
                b.summer_crop = f;
                b.summer_sown = sown;
            }
            Season::Winter => {}
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HarvestOutcome {
    pub weather_permille: i64,
    /// Grain brought in, per brigade, kg.
    pub brought_in: Vec<i64>,
    /// Grain that ripened but was left in the fields for want of hands, kg.
    pub left_in_fields: Vec<i64>,
    /// Grain lost when a badly built work failed, kg, and where.
    pub breach: Option<(usize, i64)>,
}

impl HarvestOutcome {
    pub fn total(&self) -> i64 {
        self.brought_in.iter().sum()
    }
    pub fn left(&self) -> i64 {
        self.left_in_fields.iter().sum()
    }
}

/// The true harvest of this season. Reads the state only, so the game can show
/// it before the player decides what to report.
pub fn bring_in(data: &Data, state: &CommuneState, work: &[Workforce], seed: u64) -> HarvestOutcome {
    let now = state.now();
    if !now.season.is_harvest() {
        return HarvestOutcome { weather_permille: 1000, ..Default::default() };
    }
    let hp = &data.params.harvest;
    let weather = weather(data, state, seed);
    let normal = hp.normal_yield_kg_per_mu.get(now.season);
    let mut dice = Dice::new(seed, now.ordinal(), Stream::Harvest);
    let pests = (state.pests * state.lever(Lever::Pests)) / 1000;
    let pest_factor = (1000 - per_mille((pests - 1000).max(0), hp.pest_loss_permille)).max(0);
    let general = [weather, state.lever(Lever::Yield), 1000 + state.irrigation, state.soil, pest_factor]
        .iter()
        .fold(1000, |acc, f| per_mille(acc, *f));
    let mut out = HarvestOutcome { weather_permille: weather, ..Default::default() };
    for (b, w) in state.brigades.iter().zip(work) {
        let (crop, sown) = match now.season {
            Season::Summer => (b.summer_crop, b.summer_sown),
            _ => (b.autumn_crop, b.autumn_sown),
        };
        // Local variation between villages: soil, slope, luck.
        let local = dice.range(960, 1040);
        let mut ripe = b.farmland_mu * normal;
        for f in [sown, crop, hp.tools_curve.at(b.tools), general, local] {
            ripe = per_mille(ripe, f);
        }
        let gathered =
            per_mille(ripe, labour_factor(field_ratio(data, b, w, now.season), hp.shortfall_loss_permille).min(1000));
        out.brought_in.push(gathered);
        out.left_in_fields.push(ripe - gathered);
    }
    // A badly built dam or canal can give way in a flood or a dry spell.
    let y = data.year(now.year);
    let breach_chance = per_mille(state.works_risk, y.breach_permille);
    if !out.brought_in.is_empty() && dice.chance(breach_chance) {
        let i = dice.range(0, out.brought_in.len() as i64 - 1) as usize;
        let lost = per_mille(out.brought_in[i], data.params.water.breach_loss_permille);
        out.brought_in[i] -= lost;
        out.breach = Some((i, lost));
    }
    out
}

/// Seed grain a brigade sets aside from this season's harvest for the next
/// sowing, kg (at most what it brings in: see `turn`).
pub fn brigade_seed(data: &Data, state: &CommuneState, brigade: usize) -> i64 {
    let b = &state.brigades[brigade];
    b.farmland_mu * data.params.harvest.seed_kg_per_mu.get(state.now().season)
}

/// Seed grain the whole commune sets aside from this season's harvest, kg:
/// the brigades' seed added up, before any brigade's is cut to its harvest.
/// Nothing outside summer and autumn.
pub fn seed_for(data: &Data, state: &CommuneState) -> i64 {
    (0..state.brigades.len()).map(|i| brigade_seed(data, state, i)).sum()
}
