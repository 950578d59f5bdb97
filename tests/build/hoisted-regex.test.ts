import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A regex literal written inside a function makes a new RegExp object each time the line runs (V8 shares the
// compiled code, not the object): per-event code keeps its patterns as module constants.
const SRC = join(import.meta.dirname, '../../src');
// Code run per request, per event or per delivered item.
const HOT_DIRS = ['aggregates', 'attribution', 'audit', 'delivery', 'destinations', 'ingest', 'pipeline', 'rules', 'server', 'spool'];
// Run once per plan or process (compiling rules, explaining them, start-up) or per operator call.
const COLD_FILES = /(?:^|\/)(?:compile[^/]*|glob|regex-syntax|regex-literals|explain|fd-limit|postgres-spool)\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line /literal/` for each regex literal written inside a function body. */
function literalsInFunctions(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (inFunction && ts.isRegularExpressionLiteral(node)) {
      found.push(`${relative(SRC, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
    }
    const nested = inFunction || ts.isFunctionLike(node);
    ts.forEachChild(node, (child) => visit(child, nested));
  };
  visit(source, false);
  return found;
}

describe('hot-path code builds no RegExp per call', () => {
  it('keeps every regex literal of per-event code in a module constant, not a function body', () => {
    const files = HOT_DIRS.flatMap((dir) => sourceFiles(join(SRC, dir))).filter((path) => !COLD_FILES.test(relative(SRC, path)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(literalsInFunctions)).toEqual([]);
  });
});
