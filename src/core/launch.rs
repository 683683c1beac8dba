//! How the page was opened and what the browser asks for: the link's query,
//! the page's address, the browser's languages and motion preference, and
//! kiosk mode with its settings. Set by the browser glue (or a test) before
//! start-up; read by every layer.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

use super::storage::{MemoryStore, Storage};
use super::text::Lang;

/// The scenario a kiosk visitor plays (six seasons, a few minutes).
pub const KIOSK_SCENARIO: &str = "kiosk";

/// Kiosk mode from the link (`LaunchQuery`, set by the browser glue before
/// this runs). On a kiosk nothing a visitor does outlives the visit, and a
/// few updates a second keep the clocks of the loop and the countdown going.
pub fn plugin(app: &mut App) {
    let kiosk = app.world().get_resource::<LaunchQuery>().map(|q| Kiosk::from_query(&q.0)).unwrap_or_default();
    if kiosk.on {
        app.insert_resource(Storage(Box::new(MemoryStore::default())));
        let tick = UpdateMode::reactive(Duration::from_millis(250));
        app.insert_resource(WinitSettings { focused_mode: tick, unfocused_mode: tick });
    }
    app.insert_resource(kiosk);
}

/// The query string the page was opened with (set by the browser glue, or by a test).
#[derive(Resource, Default, Clone, Debug)]
pub struct LaunchQuery(pub String);

/// The page's address without its query, for building links.
#[derive(Resource, Clone, Debug)]
pub struct PageAddress(pub String);

impl Default for PageAddress {
    fn default() -> Self {
        PageAddress("http://localhost:8080/".into())
    }
}

/// The languages the browser asks for, best first (set by the browser glue).
#[derive(Resource, Default, Clone, Debug)]
pub struct BrowserLang(pub Vec<String>);

/// The browser asks for reduced motion (set by the browser glue).
#[derive(Resource, Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct BrowserMotion(pub bool);

/// How this copy of the game runs: from the link's `kiosk`, `idle`,
/// `countdown` and `lang` parameters.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Kiosk {
    pub on: bool,
    /// Seconds without a touch before "Still playing?".
    pub idle_secs: u32,
    /// Seconds the question stays before the game starts again.
    pub countdown_secs: u32,
    /// The language asked for by the link (the kiosk's language after a reset).
    pub lang: Option<Lang>,
    /// Settings that could not be used: (parameter, value), shown in a notice.
    pub problems: Vec<(String, String)>,
}

impl Default for Kiosk {
    fn default() -> Self {
        Kiosk { on: false, idle_secs: 90, countdown_secs: 30, lang: None, problems: Vec::new() }
    }
}

pub const IDLE_RANGE: (u32, u32) = (20, 3600);
pub const COUNTDOWN_RANGE: (u32, u32) = (20, 300);

impl Kiosk {
    /// Read the kiosk settings from a query string. A bad value keeps its
    /// default and is listed in `problems`; the link's other limits are
    /// checked by the classroom's parser, whose errors the title shows.
    pub fn from_query(query: &str) -> Kiosk {
        let mut k = Kiosk::default();
        let Ok(q) = classroom::assignment::Query::parse(query) else { return k };
        let mut problems = Vec::new();
        match q.get("kiosk") {
            None | Some("0") => {}
            Some("1") => k.on = true,
            Some(v) => problems.push(k_problem("kiosk", v)),
        }
        let mut number = |name: &str, (lo, hi): (u32, u32), slot: &mut u32| {
            if let Some(v) = q.get(name) {
                match v.parse::<u32>() {
                    Ok(n) if (lo..=hi).contains(&n) => *slot = n,
                    _ => problems.push(k_problem(name, v)),
                }
            }
        };
        number("idle", IDLE_RANGE, &mut k.idle_secs);
        number("countdown", COUNTDOWN_RANGE, &mut k.countdown_secs);
        if let Some(v) = q.get("lang") {
            match Lang::from_tag(v) {
                Some(l) => k.lang = Some(l),
                None => problems.push(k_problem("lang", v)),
            }
        }
        k.problems = problems;
        k
    }
}

fn k_problem(name: &str, value: &str) -> (String, String) {
    (name.to_string(), value.to_string())
}

/// A run condition: kiosk mode is on.
pub fn on(kiosk: Option<Res<Kiosk>>) -> bool {
    kiosk.is_some_and(|k| k.on)
}
