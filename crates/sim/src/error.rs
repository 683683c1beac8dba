use thiserror::Error;

/// Everything that can be wrong with data or decisions that came from outside.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SimError {
    #[error("the scenario data could not be read: {0}")]
    Data(String),
    #[error("unknown scenario '{0}'")]
    UnknownScenario(String),
    #[error("this run was made with scenario {id} version {found}; this game has version {expected}")]
    WrongVersion { id: String, found: u32, expected: u32 },
    #[error("the game is already over")]
    GameOver,
    #[error("expected labour plans for {expected} brigades, got {found}")]
    LabourCount { expected: usize, found: usize },
    #[error("brigade {brigade}: labour shares add up to {sum}%, not 100%")]
    LabourSum { brigade: usize, sum: u32 },
    #[error("directive '{0}' needs an answer")]
    MissingChoice(String),
    #[error("'{choice}' is not a choice of directive '{directive}'")]
    UnknownChoice { directive: String, choice: String },
    #[error("'{0}' is not a directive of this season")]
    UnexpectedDirective(String),
    #[error("a harvest report is needed this season")]
    MissingReport,
    #[error("the reported harvest {0} kg is out of range")]
    ReportOutOfRange(i64),
    #[error("a harvest report was given in a season without a harvest")]
    UnexpectedReport,
    #[error("hiding {0}‰ of the harvest is out of range (0 to 500)")]
    HideOutOfRange(u16),
    #[error("the run has {found} seasons of decisions but the scenario has only {max}")]
    TooManySeasons { found: usize, max: usize },
}
