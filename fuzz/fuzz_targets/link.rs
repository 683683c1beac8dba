//! An assignment link's query string.
#![no_main]

use classroom::Assignment;
use classroom::assignment::Query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    if let Ok(q) = Query::parse(query)
        && let Ok(Some(a)) = Assignment::from_query(&q)
    {
        assert_eq!(Assignment::from_code(&a.code()), Ok(a));
    }
});
