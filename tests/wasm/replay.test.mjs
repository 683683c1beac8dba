// Replays every golden run inside the rules core compiled to
// wasm32-unknown-unknown and checks that each season's state hash equals the
// one the native build recorded. REPLAY_WASM names the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, '..', 'golden');
const wasmPath = process.env.REPLAY_WASM;

async function load() {
  assert.ok(wasmPath, 'set REPLAY_WASM to the built module');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
  return instance.exports;
}

function replay(exports, text) {
  const bytes = new TextEncoder().encode(text);
  const ptr = exports.alloc(bytes.length);
  new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
  const out = exports.replay(ptr, bytes.length);
  const len = new DataView(exports.memory.buffer).getUint32(out, true);
  const json = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, out + 4, len));
  return JSON.parse(json);
}

const files = readdirSync(goldenDir).filter((f) => f.endsWith('.json'));

test('there are golden runs to check', () => {
  assert.ok(files.length >= 5);
});

for (const file of files) {
  test(`wasm replay of ${file} matches the native hashes`, async () => {
    const exports = await load();
    const golden = JSON.parse(readFileSync(join(goldenDir, file), 'utf8'));
    const answer = replay(exports, JSON.stringify(golden.run));
    assert.equal(answer.error, undefined);
    assert.deepEqual(answer.hashes, golden.hashes);
    assert.equal(answer.ending, golden.ending);
  });
}

test('a corrupt run gets an error, not a crash', async () => {
  const exports = await load();
  assert.match(replay(exports, '{"scenario_id": 3').error, /EOF|expected|invalid/);
});
