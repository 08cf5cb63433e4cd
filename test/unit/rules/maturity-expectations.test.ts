import { describe, expect, it } from 'vitest';
import { MATURITY_EXPECTATIONS } from '../../../src/catalog/index.js';
import { maturityExpectations } from '../../../src/rules/maturity-expectations.js';
import { ruleFindings } from '../../helpers.js';

/** A team with a CISO, a Security Manager, analysts and IT, plus extra members; maturity on line 5. */
function team(employees: number, maturity: number | undefined, extra: string[] = []): string {
  return [
    'version: 1',
    'organization:',
    '  name: Acme',
    `  employees: ${employees}`,
    ...(maturity !== undefined ? [`  maturity: ${maturity}`] : []),
    'members:',
    '  - {id: c, name: C, roles: [ciso]}',
    '  - {id: m, name: M, roles: [security-manager], reportsTo: c}',
    '  - {id: a, name: A, roles: [security-analyst], reportsTo: m}',
    '  - {id: s, name: S, roles: [system-administrator]}',
    ...extra.map((e) => `  - ${e}`),
    '',
  ].join('\n');
}

const brief = (text: string) => ruleFindings(text, 'maturity-expectations').map(({ severity, line, column, role }) => ({ severity, line, column, role }));
const at = (severity: string, role: string) => ({ severity, line: 5, column: 13, role });
const HUNTER = '{id: h, name: H, roles: [threat-hunter], reportsTo: m}';
const DETECTION = '{id: d, name: D, roles: [detection-engineer], reportsTo: m}';
const INTEL = '{id: i, name: I, roles: [threat-intelligence-analyst], reportsTo: m}';

describe('maturity-expectations', () => {
  it.each([
    { name: 'no maturity declared below enterprise size: nothing', employees: 5000, maturity: undefined, extra: [], expected: [] },
    // An enterprise without a level is told that its SOC's capabilities were not judged.
    { name: 'no maturity declared in an enterprise: one info at the organization', employees: 20000, maturity: undefined, extra: [], expected: [{ severity: 'info', line: 2, column: 1, role: undefined }] },
    { name: 'a small organization at maturity 5: nothing', employees: 100, maturity: 5, extra: [], expected: [] },
    { name: 'medium at 4: hunting and detection engineering, info', employees: 500, maturity: 4, extra: [], expected: [at('info', 'threat-hunter'), at('info', 'detection-engineer')] },
    { name: 'large at 2: nothing yet', employees: 5000, maturity: 2, extra: [], expected: [] },
    { name: 'large at 3: a hunting or intelligence capability, info', employees: 5000, maturity: 3, extra: [], expected: [at('info', 'threat-hunter')] },
    { name: 'large at 3 with an intelligence provider: met', employees: 5000, maturity: 3, extra: ['{id: p, name: P, roles: [threat-intelligence-analyst], provider: Intel Co, reportsTo: m}'], expected: [] },
    { name: 'enterprise at 3: warning', employees: 20000, maturity: 3, extra: [], expected: [at('warning', 'threat-hunter')] },
    {
      name: 'enterprise at 4 without specialists: staff hunting (standing for the level-3 capability too) and detection engineering',
      employees: 20000,
      maturity: 4,
      extra: [],
      expected: [at('warning', 'threat-hunter'), at('warning', 'detection-engineer')],
    },
    { name: 'enterprise at 4 with a hunter and a detection engineer: met (the manager measures)', employees: 20000, maturity: 4, extra: [HUNTER, DETECTION], expected: [] },
    { name: 'enterprise at 4 with a hunting provider only: staff hunting still missing', employees: 20000, maturity: 4, extra: ['{id: p, name: P, roles: [threat-hunter], provider: Hunt Co, reportsTo: m}', DETECTION], expected: [at('warning', 'threat-hunter')] },
    { name: 'enterprise at 5 without intelligence: warning for it', employees: 20000, maturity: 5, extra: [HUNTER, DETECTION], expected: [at('warning', 'threat-intelligence-analyst')] },
    { name: 'enterprise at 4 with intelligence only: the level-3 capability is met, staff hunting is not', employees: 20000, maturity: 4, extra: [INTEL, DETECTION], expected: [at('warning', 'threat-hunter')] },
    { name: 'enterprise at 5 with everything: met', employees: 20000, maturity: 5, extra: [HUNTER, DETECTION, INTEL], expected: [] },
    { name: 'enterprise at 1: maturity lags size, one info', employees: 20000, maturity: 1, extra: [], expected: [{ severity: 'info', line: 5, column: 13, role: undefined }] },
    { name: 'large at 0: no lag note below enterprise', employees: 5000, maturity: 0, extra: [], expected: [] },
  ])('$name', ({ employees, maturity, extra, expected }) => {
    expect(brief(team(employees, maturity, extra))).toEqual(expected);
  });

  it('asks for measured performance when the Security Manager is not staff, naming its role and duty', () => {
    const text = team(20000, 4, [HUNTER, DETECTION]).replace('{id: m, name: M, roles: [security-manager], reportsTo: c}', '{id: m, name: M, roles: [security-manager], reportsTo: c, covers: [security-manager.soc-oversight]}');
    const found = ruleFindings(text, 'maturity-expectations');
    expect(found.map((f) => [f.role, f.responsibility])).toEqual([['security-manager', 'security-manager.automation-optimization']]);
    expect(found[0]?.message).toMatch(/^maturity 4 \(quantitatively managed\) in an enterprise organization expects the SOC's performance measured/);
  });

  it('shows its table in the docs explain prints, one line per capability', () => {
    expect(maturityExpectations.docs.details).toHaveLength(MATURITY_EXPECTATIONS.length + 1);
    expect(maturityExpectations.docs.authority.map((a) => a.authority).join(' ')).toMatch(/MITRE.*2022.*SOC-CMM.*NIST CSF 2\.0/);
    expect(maturityExpectations.docs.rationale).toMatch(/SOC-CMM scores maturity per domain/);
  });

  it('is rejected by the schema outside 0 to 5, at the value', () => {
    const [finding] = ruleFindings(team(100, 6), 'schema');
    expect(finding).toMatchObject({ line: 5, column: 13, message: 'organization.maturity must be at most 5' });
  });
});
