//! The knowledge check: a few questions drawn from the sources, asked before
//! and after play so a class can see what the game taught. The questions are
//! data (`assets/data/knowledge.json`), each with its source.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sim::data::Text;

const KNOWLEDGE_JSON: &str = include_str!("../../../assets/data/knowledge.json");

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct KnowledgeCheck {
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub question: Text,
    pub options: Vec<Text>,
    /// The index of the right option.
    pub answer: u8,
    pub explanation: Text,
    pub source: String,
}

/// Question id -> the option chosen. A question left out was skipped.
pub type Answers = BTreeMap<String, u8>;

/// A student's answers before and after play.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Knowledge {
    #[serde(default)]
    pub before: Option<Answers>,
    #[serde(default)]
    pub after: Option<Answers>,
}

impl KnowledgeCheck {
    /// The questions shipped with this build, read once.
    pub fn builtin() -> &'static KnowledgeCheck {
        static CHECK: OnceLock<KnowledgeCheck> = OnceLock::new();
        // The shipped file always parses (tested); were it broken, the check
        // would have no questions rather than the game stop.
        CHECK.get_or_init(|| KnowledgeCheck::parse(KNOWLEDGE_JSON).unwrap_or(KnowledgeCheck { questions: Vec::new() }))
    }

    /// A knowledge-check file, within the data limits.
    pub fn parse(json: &str) -> Result<KnowledgeCheck, sim::InputError> {
        sim::input::parse_json(json, sim::input::DATA)
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// How many answers are right.
    pub fn score(&self, answers: &Answers) -> usize {
        self.questions.iter().filter(|q| answers.get(&q.id) == Some(&q.answer)).count()
    }

    /// Answers name only questions and options that exist.
    pub fn valid(&self, answers: &Answers) -> bool {
        answers
            .iter()
            .all(|(id, choice)| self.questions.iter().any(|q| &q.id == id && usize::from(*choice) < q.options.len()))
    }
}
