//! What the rules tell the screen and the debrief about a season: the events,
//! the choices made, the consequences and the ending, each named by its id in
//! the data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Something that happened, for the screen and the debrief. `id` names an
/// event, an event's choice ("event/choice"), a consequence or an ending in
/// the data, where its text and source are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Happening {
    pub kind: HappeningKind,
    pub id: String,
    #[serde(default)]
    pub values: BTreeMap<String, i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HappeningKind {
    Event,
    Choice,
    Consequence,
    Ending,
}

impl Happening {
    pub fn event(id: &str) -> Happening {
        Happening { kind: HappeningKind::Event, id: id.to_string(), values: BTreeMap::new() }
    }
    pub fn choice(event: &str, choice: &str) -> Happening {
        Happening { kind: HappeningKind::Choice, id: format!("{event}/{choice}"), values: BTreeMap::new() }
    }
    pub fn consequence(id: &str) -> Happening {
        Happening { kind: HappeningKind::Consequence, id: id.to_string(), values: BTreeMap::new() }
    }
    pub fn with(mut self, key: &str, value: i64) -> Happening {
        self.values.insert(key.to_string(), value);
        self
    }
}
