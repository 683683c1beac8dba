//! Labour: who works where, and how much a hungry, disheartened worker can do.

use crate::calendar::Season;
use crate::data::{Data, Lever};
use crate::decisions::LabourPlan;
use crate::state::{Brigade, CommuneState};
use crate::{per_mille, ratio_permille};

/// Effective workers of one brigade in each activity this season.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Workforce {
    pub fields: i64,
    pub furnaces: i64,
    pub water: i64,
    pub sideline: i64,
}

/// Work capacity of a brigade's workers, thousandths: health, morale and the
/// incentives of the time.
pub fn capacity(data: &Data, state: &CommuneState, b: &Brigade) -> i64 {
    let p = &data.params.labour;
    let health = p.health_curve.at(b.health);
    let morale = p.morale_curve.at(b.morale);
    per_mille(per_mille(health, morale), state.lever(Lever::Effort)).clamp(0, 1500)
}

pub fn workforce(data: &Data, state: &CommuneState, b: &Brigade, plan: &LabourPlan) -> Workforce {
    let cap = capacity(data, state, b);
    let share = |pct: u16| per_mille(b.workers * i64::from(pct) / 100, cap);
    Workforce {
        fields: share(plan.fields),
        furnaces: share(plan.furnaces),
        water: share(plan.water),
        sideline: share(plan.sideline),
    }
}

/// Field workers a brigade needs this season.
pub fn brigade_field_need(data: &Data, b: &Brigade, season: Season) -> i64 {
    b.farmland_mu * data.params.labour.need_per_1000_mu.get(season) / 1000
}

/// Field workers the whole commune needs this season: the brigades' needs
/// added up.
pub fn field_need(data: &Data, state: &CommuneState) -> i64 {
    let season = state.now().season;
    state.brigades.iter().map(|b| brigade_field_need(data, b, season)).sum()
}

/// Field labour against need, thousandths.
pub fn field_ratio(data: &Data, b: &Brigade, w: &Workforce, season: Season) -> i64 {
    ratio_permille(w.fields, brigade_field_need(data, b, season).max(1))
}

/// The labour plans a season starts with: the last season's, one per
/// brigade, or the season's default for every brigade. Winter always starts
/// from its default.
pub fn plans_for_season(state: &CommuneState, previous: Option<&[LabourPlan]>) -> Vec<LabourPlan> {
    let season = state.now().season;
    let n = state.brigades.len();
    match previous {
        Some(p) if p.len() == n && season != Season::Winter => p.to_vec(),
        _ => vec![LabourPlan::default_for(season); n],
    }
}
