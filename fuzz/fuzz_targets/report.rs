//! A file dropped on the teacher view. Seed the corpus with real reports
//! (the classroom browser test writes one to tests/e2e/artifacts/).
#![no_main]

use std::sync::OnceLock;

use classroom::Assignment;
use classroom::verify::check_report;
use libfuzzer_sys::fuzz_target;

fn data() -> &'static sim::Data {
    static DATA: OnceLock<sim::Data> = OnceLock::new();
    DATA.get_or_init(sim::Data::builtin)
}

fuzz_target!(|text: &str| {
    let _ = check_report("fuzzed.json", text, data(), &Assignment::new(424_242));
});
