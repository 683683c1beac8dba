//! The size and nesting check that runs before every parse.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sim::input::{self, Limits};

fuzz_target!(|text: &str| {
    let limits = Limits { max_bytes: 64 * 1024, max_depth: 8 };
    let checked = input::check(text, limits);
    let parsed = input::parse_json::<serde_json::Value>(text, limits);
    // Whatever the check refuses, the parse refuses too.
    if checked.is_err() {
        assert!(parsed.is_err());
    }
});
