//! The season's decisions as the player builds them, and the phase they are
//! in. Saved with the run, so a reload returns to the same place. Editing is
//! pure: `Draft::apply` takes an action and says what the screen should do
//! next; the rules it needs (labour steps, hiding bounds, the harvest
//! preview) are asked of the rules core.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};
use sim::calendar::Season;
use sim::decisions::{LabourPlan, ProcurementResponse, SeasonDecisions};

use super::session::Commune;
use crate::core::action::{ProcureMove, ReportMove, UiAction};
use crate::core::flow::Phase;

#[derive(Resource, Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub phase: Phase,
    pub decisions: SeasonDecisions,
    pub hide_permille: u16,
}

/// What the screen does after an action was applied to the draft.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftStep {
    /// Nothing beyond the draft itself changed.
    Stay,
    /// The season's decisions go to the rules.
    Submit(SeasonDecisions),
    /// The game is over: on to the ending.
    ToEnding,
    /// A new year begins: the year's account first.
    ToYearSummary,
}

impl Draft {
    /// A fresh draft for the season about to be played, keeping the last
    /// labour plans where the rules core says they carry over.
    pub fn for_season(commune: &Commune, previous: Option<&[LabourPlan]>) -> Draft {
        let data = &commune.data;
        Draft {
            phase: Phase::News,
            decisions: SeasonDecisions {
                labour: sim::labour::plans_for_season(&commune.data, &commune.state, previous),
                choices: Default::default(),
                report_kg: None,
                procurement: ProcurementResponse::Deliver,
            },
            hide_permille: data.params.hiding.clamp_hide(data.params.hiding.default_hide_permille),
        }
    }

    /// Apply one action of the season screen.
    pub fn apply(&mut self, commune: &Commune, action: &UiAction) -> DraftStep {
        match action {
            UiAction::Choose { directive, choice } => {
                self.decisions.choices.insert(directive.clone(), choice.clone());
            }
            UiAction::Labour { brigade, task, delta } => {
                for (i, plan) in self.decisions.labour.iter_mut().enumerate() {
                    if brigade.is_none_or(|b| b == i) {
                        plan.shift(*task, *delta);
                    }
                }
            }
            UiAction::Report(m) => {
                if let Ok(p) = commune.preview(&self.decisions) {
                    let current = self.decisions.report_kg.unwrap_or(p.harvest_kg);
                    self.decisions.report_kg = Some(match m {
                        ReportMove::Truthful => p.harvest_kg,
                        ReportMove::CountyExpectation => p.expected_kg,
                        ReportMove::Step(d) => (current + p.harvest_kg * i64::from(*d) / 1000).max(0),
                    });
                }
            }
            UiAction::Procure(m) => {
                let hiding = &commune.data.params.hiding;
                self.decisions.procurement = match m {
                    ProcureMove::Deliver => ProcurementResponse::Deliver,
                    ProcureMove::Plead => ProcurementResponse::Plead,
                    ProcureMove::Hide => ProcurementResponse::Hide { permille: self.hide_permille },
                    ProcureMove::HideStep(d) => {
                        self.hide_permille = hiding.clamp_hide(i64::from(self.hide_permille) + i64::from(*d));
                        ProcurementResponse::Hide { permille: self.hide_permille }
                    }
                };
            }
            UiAction::Back => {
                self.phase = match self.phase {
                    Phase::Labour => Phase::News,
                    Phase::Report => Phase::Labour,
                    Phase::Procurement => Phase::Report,
                    p => p,
                };
            }
            UiAction::Next => return self.next(commune),
            _ => {}
        }
        DraftStep::Stay
    }

    fn next(&mut self, commune: &Commune) -> DraftStep {
        let harvest = commune.state.now().season.is_harvest();
        match self.phase {
            Phase::News => {
                if unanswered(commune, self).is_empty() {
                    self.phase = Phase::Labour;
                }
            }
            Phase::Labour if harvest => {
                if self.decisions.report_kg.is_none()
                    && let Ok(p) = commune.preview(&self.decisions)
                {
                    self.decisions.report_kg = Some(p.harvest_kg);
                }
                self.phase = Phase::Report;
            }
            Phase::Report => self.phase = Phase::Procurement,
            Phase::Labour | Phase::Procurement => {
                let mut d = self.decisions.clone();
                if !harvest {
                    d.report_kg = None;
                    d.procurement = ProcurementResponse::Deliver;
                }
                return DraftStep::Submit(d);
            }
            Phase::Consequences => {
                if commune.state.is_over() {
                    return DraftStep::ToEnding;
                }
                let previous = self.decisions.labour.clone();
                *self = Draft::for_season(commune, Some(&previous));
                if commune.state.now().season == Season::Spring {
                    return DraftStep::ToYearSummary;
                }
            }
        }
        DraftStep::Stay
    }
}

/// Directives of this season still without an answer.
pub fn unanswered(commune: &Commune, draft: &Draft) -> Vec<String> {
    sim::events::directives(&commune.data, &commune.state)
        .iter()
        .filter(|d| !draft.decisions.choices.contains_key(&d.id))
        .map(|d| d.id.clone())
        .collect()
}
