//! Water conservancy: irrigation that lasts, built by mass labour, some of it
//! in such haste that it later gives way; and the erosion that follows when
//! the woods have gone into the furnaces.

use crate::data::Data;
use crate::happening::Happening;
use crate::labour::Workforce;
use crate::state::CommuneState;

pub fn run(data: &Data, state: &mut CommuneState, work: &[Workforce], log: &mut Vec<Happening>) {
    let p = &data.params.water;
    let workers: i64 = work.iter().map(|w| w.water).sum();
    if workers > 0 {
        let gain = workers * p.gain_per_1000_workers / 1000;
        state.irrigation = (state.irrigation + gain).min(p.max_gain);
        // Works pushed through in a campaign are built fast and badly.
        if state.flag("rushed_works") {
            state.works_risk = (state.works_risk + workers * p.risk_per_1000_workers / 1000).min(1000);
        }
        log.push(Happening::consequence("water_works").with("workers", workers).with("irrigation", state.irrigation));
    }
    if state.woodland < p.erosion_below_woodland {
        state.soil = (state.soil - p.erosion_per_season).max(500);
        log.push(Happening::consequence("erosion").with("soil", state.soil));
    }
}
