// Admin bodies follow the same bounded JSON rules as ingest (no content-type gate: curl defaults vary).
export { readBoundedJson as adminBody } from '../server/json-body.js';
