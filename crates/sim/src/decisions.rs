//! What the player decides each season.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::Season;

/// How one brigade's workers are spread, in percent; the four add up to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabourPlan {
    pub fields: u16,
    pub furnaces: u16,
    pub water: u16,
    /// Canteen cooking and sideline work (vegetables, pigs, handicrafts).
    pub sideline: u16,
}

impl LabourPlan {
    pub const fn new(fields: u16, furnaces: u16, water: u16, sideline: u16) -> LabourPlan {
        LabourPlan { fields, furnaces, water, sideline }
    }

    pub fn sum(&self) -> u32 {
        u32::from(self.fields) + u32::from(self.furnaces) + u32::from(self.water) + u32::from(self.sideline)
    }

    /// The step of the screen's labour steppers, in percent.
    pub const STEP: i16 = 5;

    /// The plan a brigade starts a season with when it keeps none: in winter
    /// the fields need few hands and the water works take many.
    pub const fn default_for(season: Season) -> LabourPlan {
        match season {
            Season::Winter => LabourPlan::new(45, 0, 35, 20),
            _ => LabourPlan::new(85, 0, 5, 10),
        }
    }

    pub fn get(&self, a: Activity) -> u16 {
        match a {
            Activity::Fields => self.fields,
            Activity::Furnaces => self.furnaces,
            Activity::Water => self.water,
            Activity::Sideline => self.sideline,
        }
    }

    pub fn set(&mut self, a: Activity, v: u16) {
        match a {
            Activity::Fields => self.fields = v,
            Activity::Furnaces => self.furnaces = v,
            Activity::Water => self.water = v,
            Activity::Sideline => self.sideline = v,
        }
    }

    /// The same plan with at least `share` percent at the furnaces, the
    /// hands taken from the fields first, then the works, then sidelines.
    pub fn with_furnaces(self, share: u16) -> LabourPlan {
        let mut p = self;
        let mut need = share.min(100).saturating_sub(p.furnaces);
        for from in [&mut p.fields, &mut p.water, &mut p.sideline] {
            let moved = need.min(*from);
            *from -= moved;
            need -= moved;
            p.furnaces += moved;
        }
        p
    }

    /// Move `delta` percent of the workers into `a` (out of it when negative).
    /// Hands move to or from the fields; the fields themselves trade with
    /// sidelines. On a plan that adds up to 100, no share goes below 0 or
    /// above 100 and the total stays 100.
    pub fn shift(&mut self, a: Activity, delta: i16) {
        let other = if a == Activity::Fields { Activity::Sideline } else { Activity::Fields };
        let current = self.get(a) as i16;
        let available = self.get(other) as i16;
        let moved = if delta > 0 { delta.min(available).min(100 - current) } else { delta.max(-current) };
        self.set(a, (current + moved) as u16);
        self.set(other, (available - moved) as u16);
    }
}

/// The four kinds of work a labour plan shares out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Activity {
    Fields,
    Furnaces,
    Water,
    Sideline,
}

impl Activity {
    pub const ALL: [Activity; 4] = [Activity::Fields, Activity::Furnaces, Activity::Water, Activity::Sideline];
}

/// The answer to the procurement team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProcurementResponse {
    /// Hand over what is demanded, as far as the granaries hold it.
    Deliver,
    /// Ask the county for a cut, at a political cost.
    Plead,
    /// Put this share of the harvest (thousandths) out of sight first.
    Hide { permille: u16 },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeasonDecisions {
    /// One plan per brigade, in the order of the data.
    pub labour: Vec<LabourPlan>,
    /// Directive id -> choice id, for each directive of the season.
    #[serde(default)]
    pub choices: BTreeMap<String, String>,
    /// The harvest reported to the county (kg), in summer and autumn.
    #[serde(default)]
    pub report_kg: Option<i64>,
    #[serde(default = "deliver")]
    pub procurement: ProcurementResponse,
}

fn deliver() -> ProcurementResponse {
    ProcurementResponse::Deliver
}
