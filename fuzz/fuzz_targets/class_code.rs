//! A class code as a student types it.
#![no_main]

use classroom::Assignment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|code: &str| {
    if let Ok(a) = Assignment::from_code(code) {
        assert_eq!(Assignment::from_code(&a.code()), Ok(a));
    }
});
