// Parses PowerShell scripts with the tree-sitter PowerShell grammar (wasm, run by
// web-tree-sitter) and fails on syntax errors, on constructs Windows PowerShell 5.1
// cannot run (PowerShell 7 operators), and on Intune sample rules.
// Usage: node check.mjs FILE...   Exit 0 when every file is clean.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Parser, Language } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

// Node types (and operators) only PowerShell 7 understands.
const PS7_ONLY_TOKENS = new Set(['??', '??=', '?.', '?[', '&&', '||']);
const PS7_ONLY_NODES = new Set(['ternary_expression']);

let parser;

export async function init() {
  if (parser) return parser;
  await Parser.init();
  const lang = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
  parser = new Parser();
  parser.setLanguage(lang);
  return parser;
}

/** Problems in one script's text: [{line, column, message}]. */
export async function check(text) {
  const p = await init();
  const tree = p.parse(text);
  const problems = [];
  const walk = (node) => {
    if (node.isError || node.isMissing) {
      problems.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        message: node.isMissing ? `missing ${node.type}` : `syntax error near '${node.text.slice(0, 40)}'`,
      });
    }
    if (PS7_ONLY_NODES.has(node.type) || (node.childCount === 0 && PS7_ONLY_TOKENS.has(node.type))) {
      problems.push({
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        message: `'${node.text.slice(0, 40)}' needs PowerShell 7; Intune runs Windows PowerShell 5.1`,
      });
    }
    for (let i = 0; i < node.childCount; i++) walk(node.child(i));
  };
  walk(tree.rootNode);
  tree.delete();
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const files = process.argv.slice(2);
  let bad = 0;
  for (const f of files) {
    const raw = readFileSync(f);
    if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) {
      console.log(`${f}: starts with a UTF-8 BOM; Intune's signature check wants UTF-8 without BOM`);
      bad++;
    }
    for (const pr of await check(raw.toString('utf8'))) {
      console.log(`${f}:${pr.line}:${pr.column}: ${pr.message}`);
      bad++;
    }
  }
  console.log(`pssyntax: ${files.length} file(s), ${bad} problem(s)`);
  process.exit(bad === 0 && files.length > 0 ? 0 : 1);
}
