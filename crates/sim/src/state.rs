//! The commune as plain data. Everything the rules need to continue a game is
//! here, so a save is this struct and a state hash is a hash of it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::calendar::SeasonRef;
use crate::data::{Data, Effect, Lever, ScenarioDef};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneState {
    pub scenario_id: String,
    pub scenario_version: u32,
    /// Seasons played so far; the next season is `start + step`.
    pub step: i64,
    pub start: SeasonRef,
    pub seasons: i64,
    pub brigades: Vec<Brigade>,
    /// Political standing with the county and the Party, 0 to 1000.
    pub standing: i64,
    /// Woodland left for fuel, 1000 = untouched.
    pub woodland: i64,
    /// Irrigation gain from water works, yield thousandths.
    pub irrigation: i64,
    /// Hidden risk that badly built works fail, thousandths.
    pub works_risk: i64,
    /// Soil condition, 1000 = sound.
    pub soil: i64,
    /// Pest pressure, 1000 = normal.
    pub pests: i64,
    pub flags: BTreeSet<String>,
    pub modifiers: Vec<ActiveModifier>,
    /// The directive choices made so far, by directive id.
    pub choices: BTreeMap<String, String>,
    pub quota: Quota,
    /// The steel quota the county set for this season, kg.
    pub steel_quota_kg: i64,
    pub years: Vec<YearLedger>,
    pub ending: Option<Ending>,
    /// Deaths expected at the pre-Leap rate since the start, for excess deaths.
    pub baseline_deaths: i64,
    pub start_people: i64,
    /// How strongly the county suspects the commune of hiding grain, 0 to 1000.
    pub suspicion: i64,
    /// The sanctions the secretary has been through so far.
    pub sanction: Sanction,
    /// What the secretary's protective acts measurably kept for the villages.
    pub kept: Kept,
}

/// The graded sanctions, in order; removal ends the game (`Ending::Purged`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sanction {
    #[default]
    None,
    /// A warning from the county Party committee.
    Warned,
    /// Criticised at a meeting of cadres.
    Criticised,
    /// Demoted: still at the post, under a political cloud, with less say.
    Demoted,
}

impl Sanction {
    pub fn step(self) -> usize {
        self as usize
    }

    pub fn key(self) -> &'static str {
        match self {
            Sanction::None => "none",
            Sanction::Warned => "warned",
            Sanction::Criticised => "criticised",
            Sanction::Demoted => "demoted",
        }
    }

    pub fn next(self) -> Option<Sanction> {
        match self {
            Sanction::None => Some(Sanction::Warned),
            Sanction::Warned => Some(Sanction::Criticised),
            Sanction::Criticised => Some(Sanction::Demoted),
            Sanction::Demoted => None,
        }
    }

    pub fn previous(self) -> Sanction {
        match self {
            Sanction::None | Sanction::Warned => Sanction::None,
            Sanction::Criticised => Sanction::Warned,
            Sanction::Demoted => Sanction::Demoted,
        }
    }
}

/// Grain the secretary's protective acts kept for the villages, measured by
/// what they did, kg. Paper answers and words count for nothing here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// Hidden grain that people ate before any search found it.
    pub hidden_eaten_kg: i64,
    /// Quota the state did not set because a report under the county's
    /// figure held (the quota on the county's figure minus the one set).
    pub quota_avoided_kg: i64,
    /// Food grain a zealous search would have taken, kept by refusing it.
    pub search_refused_kg: i64,
}

impl Kept {
    pub fn total(&self) -> i64 {
        self.hidden_eaten_kg + self.quota_avoided_kg + self.search_refused_kg
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brigade {
    pub id: String,
    pub people: i64,
    pub workers: i64,
    pub farmland_mu: i64,
    pub tools: i64,
    pub granary_kg: i64,
    /// Grain kept out of sight of the procurement teams.
    pub hidden_kg: i64,
    pub health: i64,
    pub morale: i64,
    /// How well the summer and autumn crops were sown and tended, thousandths.
    pub summer_crop: i64,
    pub autumn_crop: i64,
    /// Share of the farmland sown for the autumn crop, thousandths.
    pub autumn_sown: i64,
    pub summer_sown: i64,
    /// The last season's food per person per day, grams of grain equivalent.
    pub last_food_g: i64,
    /// Health at the end of the last few seasons, oldest first: births
    /// follow the health at conception.
    pub past_health: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveModifier {
    pub lever: Lever,
    pub permille: i64,
    /// Last season ordinal it applies to.
    pub until: i64,
    pub origin: String,
}

/// The state's grain quota for one calendar year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    pub year: i64,
    /// What the state thinks the commune grew last year, kg.
    pub estimate_kg: i64,
    pub annual_kg: i64,
    pub demanded_kg: i64,
    pub delivered_kg: i64,
    pub arrears_kg: i64,
}

/// One calendar year's account: what was grown, said, taken, eaten and lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearLedger {
    pub year: i64,
    pub people_start: i64,
    pub people_end: i64,
    pub harvest_kg: i64,
    /// The harvest that would have come in with hands enough in the fields.
    pub harvest_left_kg: i64,
    pub reported_kg: i64,
    pub procured_kg: i64,
    pub seized_kg: i64,
    /// Grain the state sold back to the commune's hungry villages.
    pub relief_kg: i64,
    pub eaten_kg: i64,
    pub deaths: i64,
    pub births: i64,
    pub iron_kg: i64,
    pub iron_usable_kg: i64,
    pub tools_lost_permille: i64,
    pub standing_end: i64,
    pub hidden_found_kg: i64,
    pub seasons: i64,
}

/// How the game ends. None is a victory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ending {
    /// Purged as a right opportunist in the given year.
    Purged { year: i64 },
    /// Removed and blamed for the deaths in the given year.
    Scapegoated { year: i64 },
    /// At the January 1962 conference, the commune in ruins.
    SurvivedBroken,
    /// At the conference, the commune battered but whole.
    SurvivedIntact,
    /// The rare cadre whose people came through.
    Protector,
    /// A short scenario stopped before the conference, the secretary still in
    /// office: an account so far, not a fate.
    Interim,
}

impl Ending {
    /// The key used in the data, the tables and the JSON output.
    pub fn key(&self) -> String {
        match self {
            Ending::Purged { year } => format!("purged_{year}"),
            Ending::Scapegoated { year } => format!("scapegoated_{year}"),
            Ending::SurvivedBroken => "survived_broken".into(),
            Ending::SurvivedIntact => "survived_intact".into(),
            Ending::Protector => "protector".into(),
            Ending::Interim => "interim".into(),
        }
    }

    /// The data entry that describes this ending.
    pub fn data_id(&self) -> &'static str {
        match self {
            Ending::Purged { .. } => "purged",
            Ending::Scapegoated { .. } => "scapegoated",
            Ending::SurvivedBroken => "survived_broken",
            Ending::SurvivedIntact => "survived_intact",
            Ending::Protector => "protector",
            Ending::Interim => "interim",
        }
    }
}

impl CommuneState {
    pub fn new(data: &Data, scenario: &ScenarioDef) -> CommuneState {
        let brigades = data
            .commune
            .brigades
            .iter()
            .map(|b| Brigade {
                id: b.id.clone(),
                people: b.people,
                workers: b.workers,
                farmland_mu: b.farmland_mu,
                tools: b.tools,
                granary_kg: b.granary_kg,
                hidden_kg: 0,
                health: b.health,
                morale: b.morale,
                summer_crop: 1000,
                autumn_crop: 1000,
                autumn_sown: 1000,
                summer_sown: 1000,
                last_food_g: data.params.canteens.full_ration_g,
                past_health: vec![b.health; data.params.mortality.birth_lag_seasons.clamp(0, 8) as usize],
            })
            .collect::<Vec<_>>();
        let start_people = brigades.iter().map(|b| b.people).sum();
        let mut state = CommuneState {
            scenario_id: scenario.id.clone(),
            scenario_version: data.version,
            step: 0,
            start: scenario.start,
            seasons: scenario.seasons,
            brigades,
            standing: data.commune.standing,
            woodland: data.commune.woodland,
            irrigation: 0,
            works_risk: 0,
            soil: 1000,
            pests: 1000,
            flags: scenario.start_flags.iter().cloned().collect(),
            modifiers: Vec::new(),
            choices: BTreeMap::new(),
            quota: Quota::default(),
            steel_quota_kg: 0,
            years: Vec::new(),
            ending: None,
            baseline_deaths: 0,
            start_people,
            suspicion: 0,
            sanction: Sanction::None,
            kept: Kept::default(),
        };
        for effect in &scenario.start_modifiers {
            if let Effect::Modifier { lever, permille, seasons } = effect {
                state.add_modifier(*lever, *permille, *seasons, "start");
            }
        }
        state
    }

    /// The season about to be played (or the one after the last).
    pub fn now(&self) -> SeasonRef {
        self.start.plus(self.step)
    }

    pub fn is_over(&self) -> bool {
        self.ending.is_some()
    }

    pub fn is_last_season(&self) -> bool {
        self.step + 1 >= self.seasons
    }

    pub fn people(&self) -> i64 {
        self.brigades.iter().map(|b| b.people).sum()
    }

    pub fn workers(&self) -> i64 {
        self.brigades.iter().map(|b| b.workers).sum()
    }

    pub fn granary_kg(&self) -> i64 {
        self.brigades.iter().map(|b| b.granary_kg).sum()
    }

    pub fn hidden_kg(&self) -> i64 {
        self.brigades.iter().map(|b| b.hidden_kg).sum()
    }

    pub fn farmland_mu(&self) -> i64 {
        self.brigades.iter().map(|b| b.farmland_mu).sum()
    }

    /// Product of the active modifiers on a lever, in thousandths.
    pub fn lever(&self, lever: Lever) -> i64 {
        let now = self.now().ordinal();
        self.modifiers
            .iter()
            .filter(|m| m.lever == lever && m.until >= now)
            .fold(1000, |acc, m| crate::per_mille(acc, m.permille))
    }

    pub fn add_modifier(&mut self, lever: Lever, permille: i64, seasons: i64, origin: &str) {
        let now = self.now().ordinal();
        let until = if seasons <= 0 { i64::MAX } else { now + seasons - 1 };
        self.modifiers.push(ActiveModifier { lever, permille, until, origin: origin.to_string() });
    }

    pub fn flag(&self, flag: &str) -> bool {
        self.flags.contains(flag)
    }

    /// The ledger of a year, created on first use.
    pub fn ledger(&mut self, year: i64) -> &mut YearLedger {
        if let Some(i) = self.years.iter().position(|y| y.year == year) {
            return &mut self.years[i];
        }
        let people = self.people();
        self.years.push(YearLedger { year, people_start: people, people_end: people, ..Default::default() });
        self.years.last_mut().expect("just pushed")
    }

    pub fn ledger_of(&self, year: i64) -> Option<&YearLedger> {
        self.years.iter().find(|y| y.year == year)
    }

    /// Deaths above what the pre-Leap death rate would have brought, per 1000
    /// people at the start.
    pub fn excess_deaths_per_1000(&self) -> i64 {
        let deaths: i64 = self.years.iter().map(|y| y.deaths).sum();
        crate::ratio_permille((deaths - self.baseline_deaths).max(0), self.start_people)
    }

    /// A 64-bit FNV-1a hash of the state's canonical JSON, as 16 hex digits.
    /// Integers only, ordered maps only: the same on every platform.
    pub fn hash(&self) -> String {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        serde_json::to_writer(&mut h, self).expect("plain data serializes");
        format!("{:016x}", h.0)
    }
}

/// FNV-1a over the bytes written to it (the JSON is hashed as it is written,
/// never held whole).
struct Fnv(u64);

impl std::io::Write for Fnv {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
