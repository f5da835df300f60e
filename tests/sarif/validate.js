// Validates SARIF logs written by vpnlint:
//  1. against the official SARIF 2.1.0 JSON schema (shipped in
//     @microsoft/sarif-multitool-linux) with ajv;
//  2. with the SARIF multitool's `validate` (SARIF and GitHub ingestion
//     rules); any error- or warning-level result fails.
// usage: node validate.js LOG.sarif...
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync } = require('child_process');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const pkg = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const schema = JSON.parse(fs.readFileSync(path.join(pkg, 'sarif-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const tool = path.join(pkg, 'Sarif.Multitool');
fs.chmodSync(tool, 0o755);

let failed = 0;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validate(log)) {
    failed++;
    console.log(`FAIL schema ${file}:`);
    for (const e of validate.errors.slice(0, 20)) console.log(`  ${e.instancePath} ${e.message}`);
    continue;
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-')), 'validation.sarif');
  execFileSync(tool, ['validate', file, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning;Note',
    '--output', out, '--log', 'ForceOverwrite'], { stdio: 'pipe', cwd: os.tmpdir(),
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  const results = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results || [];
  const bad = results.filter((r) => r.level === 'error' || r.level === 'warning');
  if (bad.length) {
    failed++;
    console.log(`FAIL multitool ${file}:`);
    for (const r of bad) console.log(`  ${r.ruleId} ${r.level} ${JSON.stringify(r.message)}`);
    continue;
  }
  // GitHub's own requirements that the schema leaves optional
  const run = log.runs[0];
  const problems = [];
  const rules = run.tool.driver.rules || [];
  if (run.results.length > 0 && rules.length === 0) problems.push('results but no rules[]');
  for (const r of run.results) {
    const rule = rules[r.ruleIndex];
    if (!rule || rule.id !== r.ruleId) problems.push(`result ${r.ruleId} has ruleIndex ${r.ruleIndex} pointing elsewhere`);
  }
  for (const rule of run.tool.driver.rules || []) {
    for (const k of ['shortDescription', 'fullDescription', 'help']) {
      if (!rule[k] || !rule[k].text) problems.push(`rule ${rule.id} lacks ${k}.text`);
    }
  }
  for (const r of run.results) {
    const loc = r.locations && r.locations[0] && r.locations[0].physicalLocation;
    if (!loc) { problems.push(`result ${r.ruleId} has no location`); continue; }
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
      if (!(loc.region && loc.region[k] >= 1)) problems.push(`result ${r.ruleId} lacks region.${k}`);
    }
    const uri = loc.artifactLocation.uri;
    if (/^[a-z]+:/i.test(uri) || uri.startsWith('/')) problems.push(`absolute uri ${uri}`);
  }
  if (problems.length) {
    failed++;
    console.log(`FAIL github ${file}:`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
    continue;
  }
  console.log(`ok ${file} (${run.results.length} results)`);
}
console.log(`${process.argv.length - 2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
