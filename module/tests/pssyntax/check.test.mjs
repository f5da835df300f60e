// node --test: the module's PowerShell scripts parse, run on Windows PowerShell 5.1,
// and the checker itself catches what it should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from './check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const intune = join(here, '..', '..', 'intune');
const scripts = readdirSync(intune).filter((f) => f.endsWith('.ps1')).map((f) => join(intune, f));

test('there are Intune sample scripts', () => {
  assert.ok(scripts.some((s) => s.endsWith('Detect-VpnLint.ps1')));
});

for (const s of scripts) {
  test(`${s} parses and uses only Windows PowerShell 5.1 syntax`, async () => {
    const raw = readFileSync(s);
    assert.notDeepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 without BOM');
    assert.deepEqual(await check(raw.toString('utf8')), []);
  });

  test(`${s} exits 1 only where remediation should run and writes one line`, () => {
    const text = readFileSync(s, 'utf8');
    const exits = [...text.matchAll(/\bexit\s+(\d+)/g)].map((m) => m[1]);
    assert.ok(exits.length > 0, 'ends with an explicit exit code');
    assert.ok(exits.every((e) => e === '0' || e === '1'), 'exit codes are 0 or 1');
    assert.doesNotMatch(text, /Write-Host/, 'Write-Output, not Write-Host, is what Intune captures');
    assert.doesNotMatch(text, /^\s*return\b/m, 'no script-level return before exit');
  });
}

test('the checker reports syntax errors with a location', async () => {
  const problems = await check('if ($x) {\n  Get-Item a\n');
  assert.ok(problems.length > 0);
  assert.ok(problems.some((p) => p.line >= 1 && /missing|syntax/.test(p.message)));
});

test('the checker refuses PowerShell 7 operators', async () => {
  const problems = await check('Get-Item a && Get-Item b\n');
  assert.ok(problems.some((p) => /PowerShell 7/.test(p.message)));
});

test('the checker accepts ordinary 5.1 script', async () => {
  assert.deepEqual(await check("$a = @(Get-ChildItem -Path . | Where-Object { $_.Length -gt 0 })\nif ($a.Count -gt 0) { exit 1 }\n"), []);
});

// Detection and remediation belong together: detection asks for remediation (exit 1) only for
// the findings the remediation fixes, and the remediation runs the repair without a prompt.
const repo = join(here, '..', '..', '..');
test('Remediate-VpnLint.ps1 repairs NAT-T without a prompt and fails with exit 1', () => {
  const text = readFileSync(join(intune, 'Remediate-VpnLint.ps1'), 'utf8');
  assert.match(text, /Repair-L2tpNatT\s+-Value\s+2\s+-Confirm:\$false/, 'ConfirmImpact High would prompt in a non-interactive host');
  assert.match(text, /exit 1/);
  assert.match(text, /\$maxLength = (\d+)/);
  assert.ok(Number(text.match(/\$maxLength = (\d+)/)[1]) < 2048);
});

test('Detect-VpnLint.ps1 asks for remediation only for the NAT-T device findings', () => {
  const text = readFileSync(join(intune, 'Detect-VpnLint.ps1'), 'utf8');
  assert.match(text, /Test-VpnClient/);
  const ids = text.match(/\$remediable = @\(([^)]*)\)/)[1].match(/DEV\d{3}/g);
  assert.deepEqual(ids, ['DEV004', 'DEV005']);
  for (const id of ids) {
    const doc = readFileSync(join(repo, 'docs', 'rules', `${id}.md`), 'utf8');
    assert.match(doc, /AssumeUDPEncapsulationContextOnSendRule|NAT-T/, `${id} is about the value Remediate-VpnLint.ps1 sets`);
  }
  assert.ok(Number(text.match(/\$maxLength = (\d+)/)[1]) < 2048);
});

// The Windows build entry must parse too (it cannot run here: no PowerShell on Linux).
const buildScripts = [join(repo, 'build.ps1')];
for (const s of buildScripts) {
  test(`${s} parses and uses only Windows PowerShell 5.1 syntax`, async () => {
    const raw = readFileSync(s);
    assert.deepEqual(await check(raw.toString('utf8').replace(/^\uFEFF/, '')), []);
  });
}
