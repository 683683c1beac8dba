//! What the player decides each season.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

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
