//! What a teacher assigns: the scenario, the seed, and the options the
//! students cannot change. An assignment travels as link parameters
//! (`?scenario=full&seed=…`) or as an eight-letter class code a student can
//! type; both are checked against the same typed schema before anything is
//! used.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The scenarios an assignment can name, in class-code order. New ones go at
/// the end so that old codes keep their meaning.
pub const SCENARIOS: [&str; 3] = ["full", "kiosk", "lesson"];

/// Seeds fit in 26 bits so that the class code stays eight letters long.
pub const SEED_LIMIT: u32 = 1 << 26;

/// Link limits: a query longer than this, or with more parameters, is refused
/// before it is read.
pub const MAX_QUERY_LEN: usize = 512;
pub const MAX_PARAMS: usize = 12;
pub const MAX_VALUE_LEN: usize = 24;

/// The link parameters an assignment uses.
pub const KEYS: [&str; 7] = ["scenario", "seed", "seeds", "nickname", "intensity", "check", "code"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seeds {
    /// Every student plays the same season rolls.
    Class,
    /// Each student's game gets its own seed, derived from the class seed.
    Student,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Intensity {
    #[default]
    Standard,
    /// Plainer words for the hardest passages; the figures stay the same.
    Reduced,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub scenario: String,
    pub seed: u32,
    pub seeds: Seeds,
    /// Ask each student for a name or nickname to put on the report.
    pub nickname: bool,
    pub intensity: Intensity,
    /// Ask the knowledge check before and after play.
    pub check: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong,
    TooManyParameters,
    Repeated(String),
    BadValue(String),
    MissingSeed,
    BadCode,
    /// The code and the written-out settings disagree.
    CodeDisagrees,
}

impl LinkError {
    /// The interface string that explains this error, and its values.
    pub fn key(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            LinkError::TooLong => ("link.error.too_long", vec![("max", MAX_QUERY_LEN.to_string())]),
            LinkError::TooManyParameters => ("link.error.too_many", vec![("max", MAX_PARAMS.to_string())]),
            LinkError::Repeated(k) => ("link.error.repeated", vec![("name", k.clone())]),
            LinkError::BadValue(k) => ("link.error.bad_value", vec![("name", k.clone())]),
            LinkError::MissingSeed => ("link.error.missing_seed", vec![]),
            LinkError::BadCode => ("link.error.bad_code", vec![]),
            LinkError::CodeDisagrees => ("link.error.code_disagrees", vec![]),
        }
    }
}

/// A link's query, split and decoded, with every limit checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(pub BTreeMap<String, String>);

impl Query {
    /// Parse `a=1&b=2` (a leading `?` is allowed).
    pub fn parse(query: &str) -> Result<Query, LinkError> {
        let query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_QUERY_LEN {
            return Err(LinkError::TooLong);
        }
        let mut map = BTreeMap::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            if map.len() >= MAX_PARAMS {
                return Err(LinkError::TooManyParameters);
            }
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(k).filter(|k| k.len() <= MAX_VALUE_LEN).ok_or(LinkError::BadValue(short(k)))?;
            let value =
                decode(v).filter(|v| v.len() <= MAX_VALUE_LEN).ok_or_else(|| LinkError::BadValue(short(&key)))?;
            if map.insert(key.clone(), value).is_some() {
                return Err(LinkError::Repeated(key));
            }
        }
        Ok(Query(map))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// Parameters this build does not know, for a notice on screen.
    pub fn unknown<'a>(&'a self, known: &'a [&str]) -> impl Iterator<Item = &'a String> + 'a {
        self.0.keys().filter(move |k| !known.contains(&k.as_str()))
    }
}

/// A parameter name shortened for a message; it may be anything the URL held.
fn short(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_graphic()).take(MAX_VALUE_LEN).collect()
}

/// Percent-decoding, printable ASCII only: every value this schema accepts is
/// plain ASCII, so anything else is refused here.
fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                i += 2;
                u8::from_str_radix(hex, 16).ok()?
            }
            b'+' => b' ',
            b => b,
        };
        if !(0x20..0x7f).contains(&c) {
            return None;
        }
        out.push(c as char);
        i += 1;
    }
    Some(out)
}

impl Assignment {
    /// A new assignment with the usual settings and the given seed.
    pub fn new(seed: u32) -> Assignment {
        Assignment {
            scenario: SCENARIOS[0].into(),
            seed: seed % SEED_LIMIT,
            seeds: Seeds::Class,
            nickname: false,
            intensity: Intensity::Standard,
            check: true,
        }
    }

    /// The assignment a link describes, if it describes one.
    pub fn from_query(query: &Query) -> Result<Option<Assignment>, LinkError> {
        if !KEYS.iter().any(|k| query.get(k).is_some()) {
            return Ok(None);
        }
        let from_code = query.get("code").map(Assignment::from_code).transpose()?;
        let written = KEYS[..6].iter().any(|k| query.get(k).is_some());
        if !written {
            return Ok(from_code);
        }
        let pick = |key: &str, options: &[&str], default: usize| -> Result<usize, LinkError> {
            match query.get(key) {
                None => Ok(default),
                Some(v) => options.iter().position(|o| *o == v).ok_or_else(|| LinkError::BadValue(key.into())),
            }
        };
        let seed = match query.get("seed") {
            None => return Err(LinkError::MissingSeed),
            Some(s) if s.is_empty() || s.len() > 8 || !s.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(LinkError::BadValue("seed".into()));
            }
            Some(s) => s.parse::<u32>().ok().filter(|n| *n < SEED_LIMIT).ok_or(LinkError::BadValue("seed".into()))?,
        };
        let assignment = Assignment {
            scenario: SCENARIOS[pick("scenario", &SCENARIOS, 0)?].into(),
            seed,
            seeds: [Seeds::Class, Seeds::Student][pick("seeds", &["class", "student"], 0)?],
            nickname: pick("nickname", &["no", "yes"], 0)? == 1,
            intensity: [Intensity::Standard, Intensity::Reduced][pick("intensity", &["standard", "reduced"], 0)?],
            check: pick("check", &["no", "yes"], 1)? == 1,
        };
        match from_code {
            Some(coded) if coded != assignment => Err(LinkError::CodeDisagrees),
            _ => Ok(Some(assignment)),
        }
    }

    /// The link parameters, in a fixed order (without the leading `?`).
    pub fn to_query(&self) -> String {
        format!(
            "scenario={}&seed={}&seeds={}&nickname={}&intensity={}&check={}&code={}",
            self.scenario,
            self.seed,
            match self.seeds {
                Seeds::Class => "class",
                Seeds::Student => "student",
            },
            if self.nickname { "yes" } else { "no" },
            match self.intensity {
                Intensity::Standard => "standard",
                Intensity::Reduced => "reduced",
            },
            if self.check { "yes" } else { "no" },
            self.code(),
        )
    }

    fn payload(&self) -> Option<u64> {
        let scenario = SCENARIOS.iter().position(|s| *s == self.scenario)? as u64;
        if self.seed >= SEED_LIMIT {
            return None;
        }
        Some(
            u64::from(self.seed)
                | scenario << 26
                | u64::from(self.seeds == Seeds::Student) << 28
                | u64::from(self.nickname) << 29
                | u64::from(self.intensity == Intensity::Reduced) << 30
                | u64::from(self.check) << 31,
        )
    }

    /// The class code: eight letters and digits, `XXXX-XXXX`, that carry
    /// every setting and a check against typing mistakes.
    pub fn code(&self) -> String {
        let Some(payload) = self.payload() else { return String::new() };
        let value = payload | check_byte(payload) << 32;
        let digits: String = (0..8).rev().map(|i| ALPHABET[((value >> (i * 5)) & 31) as usize] as char).collect();
        format!("{}-{}", &digits[..4], &digits[4..])
    }

    /// Read a class code as a student types it: any case, with or without
    /// the hyphen or spaces; O is read as 0 and I or L as 1.
    pub fn from_code(code: &str) -> Result<Assignment, LinkError> {
        if code.len() > 16 {
            return Err(LinkError::BadCode);
        }
        let mut value: u64 = 0;
        let mut count = 0;
        for c in code.chars().filter(|c| !matches!(c, '-' | ' ')) {
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let digit = ALPHABET.iter().position(|a| *a as char == c).ok_or(LinkError::BadCode)?;
            value = value << 5 | digit as u64;
            count += 1;
        }
        if count != 8 {
            return Err(LinkError::BadCode);
        }
        let payload = value & 0xffff_ffff;
        if value >> 32 != check_byte(payload) {
            return Err(LinkError::BadCode);
        }
        let scenario = SCENARIOS.get(((payload >> 26) & 3) as usize).ok_or(LinkError::BadCode)?;
        Ok(Assignment {
            scenario: (*scenario).into(),
            seed: (payload & u64::from(SEED_LIMIT - 1)) as u32,
            seeds: if payload >> 28 & 1 == 1 { Seeds::Student } else { Seeds::Class },
            nickname: payload >> 29 & 1 == 1,
            intensity: if payload >> 30 & 1 == 1 { Intensity::Reduced } else { Intensity::Standard },
            check: payload >> 31 & 1 == 1,
        })
    }

    /// The seed a student's game runs on. With one seed per student, each
    /// student draws a number when they start (kept in the report), and the
    /// game's seed follows from it and the class seed.
    pub fn game_seed(&self, student: Option<u32>) -> u64 {
        match (self.seeds, student) {
            (Seeds::Student, Some(n)) => {
                let mut bytes = [0u8; 8];
                bytes[..4].copy_from_slice(&self.seed.to_le_bytes());
                bytes[4..].copy_from_slice(&n.to_le_bytes());
                crate::fnv(&bytes, crate::FNV_START)
            }
            _ => u64::from(self.seed),
        }
    }
}

/// Crockford's base 32: no I, L, O or U, so codes read aloud well.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn check_byte(payload: u64) -> u64 {
    crate::fnv(&payload.to_le_bytes(), crate::FNV_START) & 0xff
}
