// What the micro-bench needs from src/, bundled by esbuild (bench/micro/scrub.mjs).
export { loadConfig } from '../../src/config/load.js';
export { compileRules } from '../../src/rules/compile.js';
export { processEvent } from '../../src/pipeline/process.js';
export { parseSegmentBody } from '../../src/ingest/segment.js';
