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

/// The labour plans a season starts with. When the county demands steel,
/// its plan: the season's default with enough workers at the furnaces to
/// meet the quota. Otherwise, in summer and autumn, the last season's plans,
/// one per brigade; otherwise, or when there are none, the season's default
/// for every brigade. A plan made for the slack season never carries into
/// the fields' seasons.
pub fn plans_for_season(data: &Data, state: &CommuneState, previous: Option<&[LabourPlan]>) -> Vec<LabourPlan> {
    let season = state.now().season;
    let n = state.brigades.len();
    if crate::events::steel_quota(data, state) > 0 {
        return county_plan(data, state);
    }
    match previous {
        Some(p) if p.len() == n && matches!(season, Season::Summer | Season::Autumn) => p.to_vec(),
        _ => vec![LabourPlan::default_for(season); n],
    }
}

/// The plan the county hands down this season, one per brigade: the
/// season's default, with enough of every brigade's workers sent to the
/// furnaces (from the fields first) to meet its steel quota as the workers
/// stand at the start of the season.
pub fn county_plan(data: &Data, state: &CommuneState) -> Vec<LabourPlan> {
    let base = LabourPlan::default_for(state.now().season);
    let share = furnace_share(data, state, base, crate::events::steel_quota(data, state));
    vec![base.with_furnaces(share); state.brigades.len()]
}

/// The least share of every brigade's workers at the furnaces, on `base`,
/// that makes `target_kg` of iron (100 when none does).
pub fn furnace_share(data: &Data, state: &CommuneState, base: LabourPlan, target_kg: i64) -> u16 {
    if target_kg <= 0 {
        return 0;
    }
    let n = state.brigades.len();
    let iron_at = |share: u16| preview(data, state, &vec![base.with_furnaces(share); n]).iron_kg;
    let (mut lo, mut hi) = (0u16, 100u16);
    if iron_at(hi) < target_kg {
        return hi;
    }
    while lo < hi {
        let mid = (lo + hi) / 2;
        if iron_at(mid) >= target_kg { hi = mid } else { lo = mid + 1 }
    }
    lo
}

/// What a set of labour plans gives this season, as the labour screen shows
/// it: workers by head count, what they can do as hunger and morale let
/// them, the fields' need, and the iron the furnaces can make.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LabourPreview {
    pub field_workers: i64,
    /// Field work the field workers can do, in healthy workers' terms.
    pub field_hands: i64,
    pub field_need: i64,
    pub furnace_workers: i64,
    pub iron_kg: i64,
}

pub fn preview(data: &Data, state: &CommuneState, plans: &[LabourPlan]) -> LabourPreview {
    let mut out = LabourPreview { field_need: field_need(data, state), ..Default::default() };
    let mut furnace_hands = 0;
    for (b, plan) in state.brigades.iter().zip(plans) {
        let w = workforce(data, state, b, plan);
        out.field_workers += b.workers * i64::from(plan.fields) / 100;
        out.furnace_workers += b.workers * i64::from(plan.furnaces) / 100;
        out.field_hands += w.fields;
        furnace_hands += w.furnaces;
    }
    out.iron_kg = crate::furnaces::iron_from(data, state, furnace_hands);
    out
}
