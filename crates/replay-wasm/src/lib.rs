//! Replays a run inside a bare `wasm32-unknown-unknown` module, with no
//! JavaScript glue: the host writes the run's JSON into memory obtained from
//! `alloc`, calls `replay`, and reads back a length-prefixed JSON answer,
//! `{"hashes": [...], "ending": "...", "years": [...]}` or `{"error": "..."}`.
//! tests/wasm/replay.test.mjs compares those hashes with the golden files.

use sim::{Data, Run, replay as replay_run};

/// Memory for the host to write `len` bytes into.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buf = Vec::<u8>::with_capacity(len);
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// Replay the run whose JSON is at `ptr..ptr+len`. Returns a pointer to a
/// 4-byte little-endian length followed by that many bytes of JSON. The
/// input buffer is consumed; the answer is leaked (a test runner's lifetime).
///
/// # Safety
/// `ptr` must come from `alloc(len)` with `len` bytes written.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn replay(ptr: *mut u8, len: usize) -> *const u8 {
    let input = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let answer = answer(&input);
    let mut out = (answer.len() as u32).to_le_bytes().to_vec();
    out.extend_from_slice(answer.as_bytes());
    let leaked = out.leak();
    leaked.as_ptr()
}

pub fn answer(input: &[u8]) -> String {
    let data = Data::builtin();
    let result = serde_json::from_slice::<Run>(input).map_err(|e| e.to_string()).and_then(|run| {
        let start = sim::new_game(&data, &run.scenario_id).map_err(|e| e.to_string())?;
        replay_run(&data, &run).map(|r| (start, r)).map_err(|e| e.to_string())
    });
    match result {
        Ok((start, r)) => serde_json::json!({
            "hashes": r.hashes,
            "ending": r.state.ending.as_ref().map(|e| e.key()),
            "years": sim::summary::table(&data, &start, &r.state),
        })
        .to_string(),
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    }
}
