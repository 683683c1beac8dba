//! Inputs for the parsers' property tests. Every parser of text from outside
//! (links, class codes, reports, saves, data and language files) must answer
//! any of these with a value or a typed error, never a panic or a hang.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// The seed of the test command's runs, so that CI sees the same inputs
/// every time; `FUZZ_SEED=<number>` (or `random`) explores others.
pub const SEED: u64 = 1958;

/// A proptest configuration with this many cases, no shrinking marathons and
/// no failure files written into the source tree.
pub fn cases(cases: u32) -> Config {
    let rng_seed = match std::env::var("FUZZ_SEED").ok().as_deref() {
        Some("random") => RngSeed::Random,
        Some(n) => n.parse().map(RngSeed::Fixed).unwrap_or(RngSeed::Fixed(SEED)),
        None => RngSeed::Fixed(SEED),
    };
    Config { cases, max_shrink_iters: 256, failure_persistence: None, rng_seed, ..Config::default() }
}

/// Any text: printable, control and non-ASCII characters alike.
pub fn any_text(max_len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..=max_len).prop_map(|c| c.into_iter().collect())
}

/// Text made of JSON's own pieces, so that the parsers get past the first
/// byte: brackets, quotes, escapes, numbers, keywords, keys the files use.
pub fn json_like(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("\"".to_string()),
        Just(":".to_string()),
        Just(",".to_string()),
        Just("\\".to_string()),
        Just("\\u00e9".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just("-0.5e9".to_string()),
        Just("18446744073709551616".to_string()),
        Just("\"format\":".to_string()),
        Just("\"version\":".to_string()),
        Just("\"run\":".to_string()),
        Just("\"seasons\":".to_string()),
        Just("\"great-leap-report\"".to_string()),
        (0u32..5).prop_map(|n| n.to_string()),
        "[a-z_]{1,8}".prop_map(|s| format!("\"{s}\"")),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..=max_pieces).prop_map(|p| p.concat())
}

/// One edit to a text, at a place given as a fraction of its length.
#[derive(Clone, Debug)]
pub enum Edit {
    Delete { at: f64, len: usize },
    Insert { at: f64, text: String },
    Replace { at: f64, text: String },
    Truncate { at: f64 },
    Duplicate { at: f64, len: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0f64..1.0;
    prop_oneof![
        (at.clone(), 1usize..64).prop_map(|(at, len)| Edit::Delete { at, len }),
        (at.clone(), json_like(4)).prop_map(|(at, text)| Edit::Insert { at, text }),
        (at.clone(), json_like(2)).prop_map(|(at, text)| Edit::Replace { at, text }),
        at.clone().prop_map(|at| Edit::Truncate { at }),
        (at, 1usize..256).prop_map(|(at, len)| Edit::Duplicate { at, len }),
    ]
}

/// Apply edits to a text, on character boundaries.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let place = |at: f64, n: usize| ((at * n as f64) as usize).min(n);
        let n = chars.len();
        match e {
            Edit::Delete { at, len } => {
                let i = place(*at, n);
                chars.drain(i..(i + len).min(n));
            }
            Edit::Insert { at, text } => {
                let i = place(*at, n);
                chars.splice(i..i, text.chars());
            }
            Edit::Replace { at, text } => {
                let i = place(*at, n);
                let end = (i + text.chars().count()).min(n);
                chars.splice(i..end, text.chars());
            }
            Edit::Truncate { at } => chars.truncate(place(*at, n)),
            Edit::Duplicate { at, len } => {
                let i = place(*at, n);
                let copy: Vec<char> = chars[i..(i + len).min(n)].to_vec();
                chars.splice(i..i, copy);
            }
        }
    }
    chars.into_iter().collect()
}

/// A valid text with one to `max_edits` random edits: mostly still JSON,
/// often still of the right shape, with values the file never had.
pub fn edited(valid: String, max_edits: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(edit(), 1..=max_edits).prop_map(move |edits| apply(&valid, &edits))
}

/// A value of a valid file replaced at random (numbers, strings, arrays), so
/// that the text stays JSON and the parsers' checks past syntax are reached.
pub fn numbers_changed(valid: String) -> impl Strategy<Value = String> {
    let replacement = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        Just("-1".to_string()),
        Just("0".to_string()),
        Just("1e400".to_string()),
        Just("null".to_string()),
        Just("\"\"".to_string()),
        Just("[]".to_string()),
    ];
    (0.0f64..1.0, replacement).prop_map(move |(at, with)| {
        // The digits of the number nearest to `at`.
        let bytes = valid.as_bytes();
        let start = ((at * bytes.len() as f64) as usize).min(bytes.len());
        let Some(first) = (start..bytes.len()).chain(0..start).find(|&i| bytes[i].is_ascii_digit()) else {
            return valid.clone();
        };
        let mut begin = first;
        while begin > 0 && (bytes[begin - 1].is_ascii_digit() || bytes[begin - 1] == b'-') {
            begin -= 1;
        }
        let mut end = first;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        format!("{}{}{}", &valid[..begin], with, &valid[end..])
    })
}
