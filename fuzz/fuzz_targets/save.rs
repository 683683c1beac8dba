//! A saved game read back from browser storage, of any format.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn data() -> &'static sim::Data {
    static DATA: OnceLock<sim::Data> = OnceLock::new();
    DATA.get_or_init(sim::Data::builtin)
}

fuzz_target!(|text: &str| {
    let _ = great_leap::game::save::parse(text, data());
});
