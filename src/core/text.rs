//! Player-facing words. Interface strings live in `assets/i18n/<lang>.json`,
//! scenario texts in the scenario data; nothing the player reads is written
//! in Rust. `fill` puts numbers into `{name}` placeholders.

use std::collections::BTreeMap;

use bevy::prelude::*;
use sim::data::Text as DataText;

const EN: &str = include_str!("../../assets/i18n/en.json");
const ZH: &str = include_str!("../../assets/i18n/zh.json");

/// The languages the game is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The tag used in data texts, link parameters and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// "en", "zh", and browser tags such as "en-GB", "zh-CN", "zh-Hans".
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}

#[derive(Resource, Clone)]
pub struct Strings {
    pub lang: String,
    /// Reduced content intensity: plainer words for the hardest passages,
    /// where a text has them (`key.reduced` here, `en-x-reduced` in data).
    pub reduced: bool,
    table: BTreeMap<String, String>,
}

impl Default for Strings {
    fn default() -> Self {
        Strings::english()
    }
}

impl Strings {
    pub fn english() -> Strings {
        Strings::of(Lang::En)
    }

    pub fn of(lang: Lang) -> Strings {
        let json = match lang {
            Lang::En => EN,
            Lang::Zh => ZH,
        };
        Strings {
            lang: lang.code().into(),
            reduced: false,
            // The shipped files always parse (tested); were one broken, its
            // keys would show rather than the game stop.
            table: Strings::parse(json).unwrap_or_default(),
        }
    }

    /// A language file: one flat object of strings, within the data limits.
    pub fn parse(json: &str) -> Result<BTreeMap<String, String>, sim::InputError> {
        sim::input::parse_json(json, sim::input::DATA)
    }

    pub fn language(&self) -> Lang {
        Lang::from_tag(&self.lang).unwrap_or_default()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.table.keys()
    }

    /// The string for `key`; the key itself if missing (a test keeps that from shipping).
    pub fn get(&self, key: &str) -> String {
        let reduced = if self.reduced { self.table.get(&format!("{key}.reduced")) } else { None };
        reduced.or_else(|| self.table.get(key)).cloned().unwrap_or_else(|| key.to_string())
    }

    /// A data text in this language, falling back to English.
    pub fn data(&self, text: &DataText) -> String {
        let reduced = |lang: &str| if self.reduced { text.get(&format!("{lang}-x-reduced")) } else { None };
        reduced(&self.lang)
            .or_else(|| text.get(&self.lang))
            .or_else(|| reduced("en"))
            .or_else(|| text.get("en"))
            .cloned()
            .unwrap_or_default()
    }

    /// `get(key)` with `{name}` placeholders filled.
    pub fn fill(&self, key: &str, values: &[(&str, String)]) -> String {
        fill(&self.get(key), values)
    }
}

pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Fill a data template (consequence texts) from a happening's values,
/// formatting kilograms as tonnes where the name says so.
pub fn fill_values(template: &str, values: &BTreeMap<String, i64>) -> String {
    let pairs: Vec<(&str, String)> = values
        .iter()
        .map(|(k, v)| {
            let shown = if k.ends_with("_kg") { kg(*v) } else { thousands(*v) };
            (k.as_str(), shown)
        })
        .collect();
    fill(template, &pairs)
}

/// 1234567 -> "1,234,567".
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Kilograms for reading: tonnes above ten tonnes.
pub fn kg(n: i64) -> String {
    if n.abs() >= 10_000 { format!("{} t", thousands((n + 500) / 1000)) } else { format!("{} kg", thousands(n)) }
}

/// Thousandths as a percentage with no decimals.
pub fn percent(permille: i64) -> String {
    format!("{}%", (permille + 5) / 10)
}

/// "Spring 1958": a season and its year, in words.
pub fn season_when(s: &Strings, at: sim::SeasonRef) -> String {
    s.fill("season.when", &[("season", s.get(&format!("season.{}", at.season.key()))), ("year", at.year.to_string())])
}
