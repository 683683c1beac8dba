//! The scenario data's parser and its validation (the data is compiled in;
//! this keeps a broken edit from turning into a panic).
#![no_main]

use libfuzzer_sys::fuzz_target;

const SOURCES: &str = include_str!("../../assets/data/sources.json");
const GLOSSARY: &str = include_str!("../../assets/data/glossary.json");

fuzz_target!(|scenario: &str| {
    let _ = sim::Data::from_json(scenario, SOURCES, GLOSSARY);
});
