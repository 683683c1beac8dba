//! The scenario as data: the commune, the calendar, the dated events and
//! directives, the parameters of every mechanism, the consequence texts, the
//! glossary and the sources. Every text and parameter group names a `source`
//! key that resolves in the sources list; `Data::validate` checks it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::calendar::{Season, SeasonRef};
use crate::error::SimError;
use crate::input;

/// Player-facing text by language code ("en", "zh").
pub type Text = BTreeMap<String, String>;

/// A value for each harvest season.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ByHarvest {
    pub summer: i64,
    pub autumn: i64,
}

impl ByHarvest {
    pub fn get(&self, season: Season) -> i64 {
        match season {
            Season::Summer => self.summer,
            Season::Autumn => self.autumn,
            _ => 0,
        }
    }
}

/// A value for each of the four seasons.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct BySeason {
    pub spring: i64,
    pub summer: i64,
    pub autumn: i64,
    pub winter: i64,
}

impl BySeason {
    pub fn get(&self, season: Season) -> i64 {
        match season {
            Season::Spring => self.spring,
            Season::Summer => self.summer,
            Season::Autumn => self.autumn,
            Season::Winter => self.winter,
        }
    }
}

/// A piecewise-linear curve through `(x, y)` points, x ascending.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Curve(pub Vec<(i64, i64)>);

impl Curve {
    pub fn at(&self, x: i64) -> i64 {
        let pts = &self.0;
        match pts.len() {
            0 => 0,
            _ if x <= pts[0].0 => pts[0].1,
            _ => {
                for w in pts.windows(2) {
                    let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                    if x <= x1 {
                        if x1 == x0 {
                            return y1;
                        }
                        return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
                    }
                }
                pts[pts.len() - 1].1
            }
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Data {
    pub version: u32,
    pub commune: CommuneSetup,
    pub baseline: Baseline,
    pub params: Params,
    pub years: Vec<YearParams>,
    pub neighbours: Vec<Neighbour>,
    pub events: Vec<EventDef>,
    pub consequences: Vec<ConsequenceDef>,
    pub endings: Vec<EndingDef>,
    pub scenarios: Vec<ScenarioDef>,
    pub historical_policy: HistoricalPolicy,
    /// National series the debrief sets the commune against.
    pub record: Vec<RecordSeries>,
    /// Questions for discussion after the game.
    pub questions: Vec<Question>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CommuneSetup {
    pub name: Text,
    pub county: Text,
    pub source: String,
    pub brigades: Vec<BrigadeSetup>,
    /// Woodland for furnace fuel, 1000 = untouched.
    pub woodland: i64,
    pub standing: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BrigadeSetup {
    pub id: String,
    pub name: Text,
    pub people: i64,
    pub workers: i64,
    pub farmland_mu: i64,
    /// Tools and draught animals, 1000 = a full complement.
    pub tools: i64,
    pub granary_kg: i64,
    pub health: i64,
    pub morale: i64,
}

/// The year before the Leap, for the tables and the debrief.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub year: i64,
    pub source: String,
    pub harvest_permille_of_normal: i64,
    pub reported_permille_of_actual: i64,
    pub procurement_permille: i64,
    pub deaths_per_10k: i64,
    pub births_per_10k: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Params {
    pub harvest: HarvestParams,
    pub labour: LabourParams,
    pub procurement: ProcurementParams,
    pub hiding: HidingParams,
    pub furnaces: FurnaceParams,
    pub water: WaterParams,
    pub canteens: CanteenParams,
    pub mortality: MortalityParams,
    pub politics: PoliticsParams,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HarvestParams {
    pub source: String,
    /// Normal yield of each crop over the whole farmland, kg per mu.
    pub normal_yield_kg_per_mu: ByHarvest,
    /// Grain kept back for sowing, kg per mu per harvest.
    pub seed_kg_per_mu: ByHarvest,
    /// Share of a crop lost for each thousandth of missing harvest labour.
    pub shortfall_loss_permille: i64,
    /// The same at planting time.
    pub planting_loss_permille: i64,
    /// Tools condition -> yield factor.
    pub tools_curve: Curve,
    /// Pest pressure above normal takes this much per thousandth.
    pub pest_loss_permille: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LabourParams {
    pub source: String,
    /// Field workers needed per 1000 mu in each season.
    pub need_per_1000_mu: BySeason,
    /// Health -> work capacity.
    pub health_curve: Curve,
    /// Morale -> work effort.
    pub morale_curve: Curve,
    /// Share of non-workers who come of working age each season.
    pub coming_of_age_permille: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProcurementParams {
    pub source: String,
    /// Share of the annual quota taken at the summer and autumn harvests.
    pub season_share_permille: ByHarvest,
    /// Extra taken, this season, on a report above the county's plan.
    pub claw_on_excess_permille: i64,
    /// The state never believes a commune grew less than this share of a
    /// normal year, whatever it reports.
    pub estimate_floor_permille: i64,
    /// The quota the plea asks to cut.
    pub plea_cut_permille: i64,
    /// Chance that a plea is granted at standing 1000 and at 0.
    pub plea_chance_curve: Curve,
    pub plea_standing_cost: i64,
    /// Standing lost per thousandth of the demand left undelivered.
    pub arrears_standing_permille: i64,
    /// How much of the state's estimate of a commune's harvest is the
    /// county's own figure (its share of a total built on every commune's
    /// claims), thousandths; the rest is the commune's own report.
    pub county_weight_permille: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HidingParams {
    pub source: String,
    /// The shares of the harvest the player can choose to hide: from the
    /// least to the most, in steps, starting from the default. The rules
    /// refuse more than the most.
    pub min_hide_permille: i64,
    pub max_hide_permille: i64,
    pub hide_step_permille: i64,
    pub default_hide_permille: i64,
    /// Chance per season that hidden grain is found, before campaigns.
    pub base_find_permille: i64,
    /// Chance that a search comes when the commune is in arrears.
    pub search_on_arrears_permille: i64,
    /// Share of food grain seized by a search team, per thousandth of arrears.
    pub seize_food_permille: i64,
    pub found_standing: i64,
    pub search_morale: i64,
    pub search_health: i64,
    /// The chance of a find rises by this much per thousandth of the
    /// commune's grain that is hidden.
    pub find_per_share_permille: i64,
    /// Chance of a search, per point of the county's suspicion.
    pub search_per_suspicion_permille: i64,
    /// At or above this `searches` lever a find can cost the secretary the
    /// post, with `found_removal_permille`.
    pub campaign_searches_permille: i64,
    pub found_removal_permille: i64,
}

impl HidingParams {
    /// A share to hide brought within the least and the most the player can
    /// choose, thousandths.
    pub fn clamp_hide(&self, permille: i64) -> u16 {
        permille.clamp(self.min_hide_permille, self.max_hide_permille) as u16
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FurnaceParams {
    pub source: String,
    pub iron_kg_per_worker: i64,
    /// Usable share of the iron, drawn between these bounds each season.
    pub usable_permille: (i64, i64),
    /// Tools melted down per thousandth of the workforce at the furnaces.
    pub tools_melted_permille: i64,
    /// Woodland burned per 1000 furnace workers.
    pub woodland_per_1000_workers: i64,
    /// Below this woodland the furnaces get half the output.
    pub woodland_low: i64,
    /// Standing for meeting the county's steel quota in full; missing it
    /// costs in proportion.
    pub quota_met_standing: i64,
    pub quota_missed_standing: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WaterParams {
    pub source: String,
    /// Irrigation gain (yield thousandths) per 1000 worker-seasons.
    pub gain_per_1000_workers: i64,
    pub max_gain: i64,
    /// Risk of a badly built work failing, added per 1000 rushed worker-seasons.
    pub risk_per_1000_workers: i64,
    /// Share of a brigade's crop a breach destroys.
    pub breach_loss_permille: i64,
    /// Soil damage from erosion per season once woodland falls below
    /// `erosion_below_woodland`.
    pub erosion_per_season: i64,
    pub erosion_below_woodland: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CanteenParams {
    pub source: String,
    /// The ration a brigade plans to serve when food is adequate, g/day.
    pub full_ration_g: i64,
    /// Canteen cooks needed per 1000 eaters when the canteens are open.
    pub cooks_per_1000: i64,
    /// Grain wasted by a canteen, in thousandths of what it serves.
    pub waste_permille: i64,
    /// Food (grain equivalent, kg) a sideline worker adds per season.
    pub sideline_kg_per_worker: i64,
    /// Food (grain equivalent, kg) a private plot adds per person per season.
    pub private_plot_kg_per_head: i64,
    /// Seasons the granary must last, counted from each season, when rationing.
    pub seasons_to_cover: BySeason,
    /// Famine foods (wild plants, bark, chaff) people find when the ration is
    /// below `forage_below_g`, grams per day.
    pub forage_g: i64,
    pub forage_below_g: i64,
    /// The state sells grain back to villages whose ration falls below this,
    /// g per person per day, up to the year's relief share of what it took.
    pub relief_below_g: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MortalityParams {
    pub source: String,
    /// Food eaten (grain equivalent, g per person per day) -> the health it sustains.
    pub food_to_health: Curve,
    /// Thousandths of the gap to that health closed in one season.
    pub health_adjust_permille: i64,
    /// Health -> annual deaths per 10,000.
    pub deaths_per_10k: Curve,
    /// Health -> annual births per 10,000.
    pub births_per_10k: Curve,
    /// Share of deaths that fall among working-age people.
    pub worker_share_of_deaths_permille: i64,
    /// Births follow the health of this many seasons before (conception).
    pub birth_lag_seasons: i64,
    /// Food -> morale change per season.
    pub food_to_morale: Curve,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PoliticsParams {
    pub source: String,
    pub max_standing: i64,
    /// Standing change per thousandth that a report falls short of (or
    /// exceeds) the county's expectation.
    pub report_short_permille: i64,
    pub report_over_permille: i64,
    pub report_over_cap: i64,
    /// The most one report can cost before the climate scales it.
    pub report_short_cap: i64,
    /// A report below this share of the county's figure, thousandths, makes
    /// the county suspect hidden grain: suspicion rises by
    /// `suspicion_per_short` per thousandth short of that share.
    pub suspicion_below_permille: i64,
    pub suspicion_per_short: i64,
    /// Share of suspicion that fades each season.
    pub suspicion_fade_permille: i64,
    /// The graded sanctions: each step comes when standing is below its
    /// line at the end of a season, with its chance, one step a season.
    pub sanctions: Vec<SanctionStep>,
    /// Removal, the last step: below `removal_below`, a chance per point
    /// under it (times the `purge` lever), once the secretary is demoted.
    pub removal_below: i64,
    pub removal_permille_per_point: i64,
    /// Above this standing a warning or a criticism is forgotten, one step
    /// a season (a demotion stays).
    pub forgiven_above: i64,
    /// Each season standing below `recovers_to` climbs back this much: the
    /// county's attention moves on to other communes.
    pub recovery_per_season: i64,
    pub recovers_to: i64,
    /// From this season the centre blames local cadres for deaths.
    pub scapegoat_from: SeasonRef,
    /// Excess deaths per 1000 people since the start above which blame falls.
    pub scapegoat_threshold_per_1000: i64,
    pub scapegoat_permille_per_point: i64,
    /// Endings at the January 1962 conference, by excess deaths per 1000.
    /// *Protector* needs a protective act that measurably kept grain for
    /// the villages (at least `protector_min_kept_kg_per_head`) and excess
    /// deaths at most `protector_max_of_reference_permille` of what the
    /// historical policy comes to on the same seed.
    pub protector_min_kept_kg_per_head: i64,
    /// Choices ("directive/choice") that bar the *protector* ending: a
    /// secretary who named a man to the campaign or had every house searched
    /// did not protect the people, whatever else he did.
    pub protector_barred_by: Vec<String>,
    pub protector_max_of_reference_permille: i64,
    pub broken_min_excess_per_1000: i64,
    pub paper_caught_standing: i64,
}

/// One step of the graded sanctions.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SanctionStep {
    pub below: i64,
    pub chance_permille: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct YearParams {
    pub year: i64,
    pub source: String,
    /// Weather: yield factor in thousandths, drawn between these bounds.
    pub weather: HarvestRange,
    /// Procurement: share of the state's estimate taken as the annual quota.
    pub quota_rate_permille: i64,
    /// How the state discounts last year's reports when it sets the quota.
    pub credibility_permille: i64,
    /// The county's expected harvest, thousandths of a normal crop.
    pub expectation_permille: ByHarvest,
    /// Chance of a flood or drought striking works, per thousandth of risk.
    pub breach_permille: i64,
    /// Grain the state resells to hungry villages, thousandths of what it
    /// procured from the commune that year.
    pub relief_permille: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HarvestRange {
    pub summer: (i64, i64),
    pub autumn: (i64, i64),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Neighbour {
    pub id: String,
    pub name: Text,
    pub source: String,
    /// Claimed yields, kg per mu, by year and harvest.
    pub claims: Vec<NeighbourClaim>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NeighbourClaim {
    pub at: SeasonRef,
    pub kg_per_mu: i64,
}

/// What a news item or a directive's choice does.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Effect {
    Standing {
        delta: i64,
    },
    Flag {
        flag: String,
        on: bool,
    },
    Modifier {
        lever: Lever,
        permille: i64,
        seasons: i64,
    },
    Tools {
        permille: i64,
    },
    Morale {
        delta: i64,
    },
    Health {
        delta: i64,
    },
    SteelQuota {
        kg_per_worker: i64,
    },
    Soil {
        delta: i64,
    },
    WorksRisk {
        delta: i64,
    },
    /// Take this share of the brigades' food grain into the commune's
    /// delivery (a zealous search of one's own villages).
    SeizeFood {
        permille: i64,
    },
    /// The grain a zealous search would have taken (this share of the
    /// brigades' food grain), kept by refusing it: counted as protected.
    Shield {
        permille: i64,
    },
}

/// The numbers a modifier can scale. Active modifiers multiply.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    Yield,
    SownArea,
    Consumption,
    Waste,
    Pests,
    Searches,
    ReportPenalty,
    Purge,
    Quota,
    Plea,
    Sideline,
    Effort,
    FurnaceTools,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    News,
    Directive,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EventDef {
    pub id: String,
    pub at: SeasonRef,
    /// The date as the period gave it, e.g. "August 1958".
    pub date: Text,
    pub kind: EventKind,
    pub title: Text,
    pub body: Text,
    /// What was really happening, for the codex and the debrief.
    #[serde(default)]
    pub history: Text,
    pub source: String,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub choices: Vec<ChoiceDef>,
    /// Shown only while this flag is set (or unset, with a leading '!').
    #[serde(default)]
    pub requires: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Zeal,
    Paper,
    Resist,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChoiceDef {
    pub id: String,
    pub stance: Stance,
    pub label: Text,
    pub outcome: Text,
    pub source: String,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Chance that an inspection finds compliance on paper only.
    #[serde(default)]
    pub caught_permille: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ConsequenceDef {
    pub id: String,
    pub text: Text,
    pub source: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct EndingDef {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub history: Text,
    pub source: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ScenarioDef {
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub start: SeasonRef,
    pub seasons: i64,
    #[serde(default)]
    pub start_flags: Vec<String>,
    #[serde(default)]
    pub start_modifiers: Vec<Effect>,
    /// Events (news or directives) this scenario leaves out, by id: the
    /// lesson keeps the arc and its turning points, with fewer texts.
    #[serde(default)]
    pub leaves_out: Vec<String>,
}

/// How the average commune behaved: the calibration policy.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HistoricalPolicy {
    pub source: String,
    pub labour: Vec<HistoricalLabour>,
    /// Reported harvest in thousandths of the true one, by year.
    pub report_permille: BTreeMap<String, i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HistoricalLabour {
    pub at: SeasonRef,
    pub fields: u16,
    pub furnaces: u16,
    pub water: u16,
    pub sideline: u16,
}

/// A national series by year, in tenths of its unit (for display only).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecordSeries {
    pub id: String,
    pub label: Text,
    pub unit: Text,
    pub source: String,
    pub tenths: BTreeMap<String, i64>,
}

impl RecordSeries {
    pub fn value(&self, year: i64) -> Option<f64> {
        self.tenths.get(&year.to_string()).map(|v| *v as f64 / 10.0)
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: Text,
    pub source: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Source {
    pub key: String,
    pub citation: String,
    /// seed, book, article, document, data
    pub kind: String,
    #[serde(default)]
    pub note: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub id: String,
    pub term: Text,
    pub definition: Text,
    pub source: String,
}

const SCENARIO_JSON: &str = include_str!("../../../assets/data/scenario.json");
const SOURCES_JSON: &str = include_str!("../../../assets/data/sources.json");
const GLOSSARY_JSON: &str = include_str!("../../../assets/data/glossary.json");

impl Data {
    /// The data shipped with this build.
    pub fn builtin() -> Data {
        Data::from_json(SCENARIO_JSON, SOURCES_JSON, GLOSSARY_JSON)
            .expect("the shipped scenario data is valid (checked by the tests)")
    }

    /// Another scenario file with the sources and glossary shipped with this
    /// build (for trying parameters from the command line).
    pub fn with_scenario(scenario: &str) -> Result<Data, SimError> {
        Data::from_json(scenario, SOURCES_JSON, GLOSSARY_JSON)
    }

    pub fn from_json(scenario: &str, sources: &str, glossary: &str) -> Result<Data, SimError> {
        let read = |what: &str, e: crate::InputError| SimError::Data(format!("{what}: {e}"));
        let mut data: Data = input::parse_json(scenario, input::DATA).map_err(|e| read("scenario", e))?;
        data.sources = input::parse_json(sources, input::DATA).map_err(|e| read("sources", e))?;
        data.glossary = input::parse_json(glossary, input::DATA).map_err(|e| read("glossary", e))?;
        let problems = data.validate();
        if !problems.is_empty() {
            return Err(SimError::Data(problems.join("; ")));
        }
        Ok(data)
    }

    pub fn scenario(&self, id: &str) -> Result<&ScenarioDef, SimError> {
        self.scenarios.iter().find(|s| s.id == id).ok_or_else(|| SimError::UnknownScenario(id.to_string()))
    }

    pub fn year(&self, year: i64) -> &YearParams {
        self.years.iter().find(|y| y.year == year).or_else(|| self.years.last()).expect("validated: at least one year")
    }

    /// The parameters of exactly this year, if the data has them.
    pub fn year_exact(&self, year: i64) -> Option<&YearParams> {
        self.years.iter().find(|y| y.year == year)
    }

    pub fn record(&self, id: &str) -> Option<&RecordSeries> {
        self.record.iter().find(|r| r.id == id)
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }

    pub fn event(&self, id: &str) -> Option<&EventDef> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn consequence(&self, id: &str) -> Option<&ConsequenceDef> {
        self.consequences.iter().find(|c| c.id == id)
    }

    pub fn ending(&self, id: &str) -> Option<&EndingDef> {
        self.endings.iter().find(|e| e.id == id)
    }

    /// Every place where data names a source, with what names it.
    pub fn source_references(&self) -> Vec<(String, String)> {
        let mut refs = vec![
            ("commune".to_string(), self.commune.source.clone()),
            ("baseline".to_string(), self.baseline.source.clone()),
            ("historical_policy".to_string(), self.historical_policy.source.clone()),
        ];
        let p = &self.params;
        for (name, key) in [
            ("params.harvest", &p.harvest.source),
            ("params.labour", &p.labour.source),
            ("params.procurement", &p.procurement.source),
            ("params.hiding", &p.hiding.source),
            ("params.furnaces", &p.furnaces.source),
            ("params.water", &p.water.source),
            ("params.canteens", &p.canteens.source),
            ("params.mortality", &p.mortality.source),
            ("params.politics", &p.politics.source),
        ] {
            refs.push((name.to_string(), key.clone()));
        }
        for y in &self.years {
            refs.push((format!("year {}", y.year), y.source.clone()));
        }
        for n in &self.neighbours {
            refs.push((format!("neighbour {}", n.id), n.source.clone()));
        }
        for e in &self.events {
            refs.push((format!("event {}", e.id), e.source.clone()));
            for c in &e.choices {
                refs.push((format!("event {} choice {}", e.id, c.id), c.source.clone()));
            }
        }
        for c in &self.consequences {
            refs.push((format!("consequence {}", c.id), c.source.clone()));
        }
        for e in &self.endings {
            refs.push((format!("ending {}", e.id), e.source.clone()));
        }
        for g in &self.glossary {
            refs.push((format!("glossary {}", g.id), g.source.clone()));
        }
        for r in &self.record {
            refs.push((format!("record {}", r.id), r.source.clone()));
        }
        for q in &self.questions {
            refs.push((format!("question {}", q.id), q.source.clone()));
        }
        refs
    }

    /// Everything wrong with the data, in words. Empty when it is sound.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let keys: BTreeSet<&str> = self.sources.iter().map(|s| s.key.as_str()).collect();
        if keys.len() != self.sources.len() {
            problems.push("two sources share a key".to_string());
        }
        for (place, key) in self.source_references() {
            if key.trim().is_empty() {
                problems.push(format!("{place} has no source"));
            } else if !keys.contains(key.as_str()) {
                problems.push(format!("{place} names unknown source '{key}'"));
            }
        }
        if self.commune.brigades.len() < 5 || self.commune.brigades.len() > 8 {
            problems.push("a commune has 5 to 8 brigades".to_string());
        }
        for b in &self.commune.brigades {
            if b.workers > b.people || b.people <= 0 || b.farmland_mu <= 0 {
                problems.push(format!("brigade {} is not plausible", b.id));
            }
        }
        let h = &self.params.hiding;
        if !(0 <= h.min_hide_permille
            && h.min_hide_permille <= h.default_hide_permille
            && h.default_hide_permille <= h.max_hide_permille
            && h.max_hide_permille <= i64::from(u16::MAX)
            && h.hide_step_permille > 0)
        {
            problems.push("params.hiding: the shares to hide are not in order".to_string());
        }
        if self.years.is_empty() {
            problems.push("no years".to_string());
        }
        let steps = &self.params.politics.sanctions;
        if steps.len() != 3 || steps.windows(2).any(|w| w[1].below > w[0].below) {
            problems
                .push("params.politics.sanctions: three steps (warning, criticism, demotion), lines falling".into());
        }
        let mut ids = BTreeSet::new();
        for e in &self.events {
            if !ids.insert(e.id.as_str()) {
                problems.push(format!("event id {} repeats", e.id));
            }
            if e.kind == EventKind::Directive && e.choices.len() < 2 {
                problems.push(format!("directive {} offers no choice", e.id));
            }
            if e.kind == EventKind::News && !e.choices.is_empty() {
                problems.push(format!("news {} has choices", e.id));
            }
            for c in &e.choices {
                if c.effects.iter().any(|f| matches!(f, Effect::SteelQuota { .. })) {
                    problems
                        .push(format!("event {} choice {} sets a steel quota; only an event itself can", e.id, c.id));
                }
            }
        }
        for s in &self.scenarios {
            if s.seasons < 1 {
                problems.push(format!("scenario {} has no seasons", s.id));
            }
            for id in &s.leaves_out {
                if self.event(id).is_none() {
                    problems.push(format!("scenario {} leaves out unknown event {id}", s.id));
                }
            }
        }
        for text_owner in self.texts() {
            if text_owner.1.get("en").map(|t| t.trim().is_empty()).unwrap_or(true) {
                problems.push(format!("{} has no English text", text_owner.0));
            }
        }
        problems
    }

    /// Every player-facing text in the data, with where it is.
    pub fn texts(&self) -> Vec<(String, &Text)> {
        let mut out: Vec<(String, &Text)> =
            vec![("commune.name".into(), &self.commune.name), ("commune.county".into(), &self.commune.county)];
        for b in &self.commune.brigades {
            out.push((format!("brigade {}", b.id), &b.name));
        }
        for n in &self.neighbours {
            out.push((format!("neighbour {}", n.id), &n.name));
        }
        for e in &self.events {
            out.push((format!("event {} title", e.id), &e.title));
            out.push((format!("event {} body", e.id), &e.body));
            out.push((format!("event {} date", e.id), &e.date));
            for c in &e.choices {
                out.push((format!("event {} choice {} label", e.id, c.id), &c.label));
                out.push((format!("event {} choice {} outcome", e.id, c.id), &c.outcome));
            }
        }
        for c in &self.consequences {
            out.push((format!("consequence {}", c.id), &c.text));
        }
        for e in &self.endings {
            out.push((format!("ending {} title", e.id), &e.title));
            out.push((format!("ending {} text", e.id), &e.text));
            out.push((format!("ending {} history", e.id), &e.history));
        }
        for s in &self.scenarios {
            out.push((format!("scenario {} title", s.id), &s.title));
            out.push((format!("scenario {} description", s.id), &s.description));
        }
        for r in &self.record {
            out.push((format!("record {} label", r.id), &r.label));
            out.push((format!("record {} unit", r.id), &r.unit));
        }
        for q in &self.questions {
            out.push((format!("question {}", q.id), &q.text));
        }
        for g in &self.glossary {
            out.push((format!("glossary {} term", g.id), &g.term));
            out.push((format!("glossary {} definition", g.id), &g.definition));
        }
        for s in self.sources.iter().filter(|s| !s.note.is_empty()) {
            out.push((format!("source {} note", s.key), &s.note));
        }
        out
    }
}
