import { describe, expect, it } from 'vitest';
import { allResponsibilities, findResponsibility, ROLE_IDS, ROLES, sizeForEmployees } from '../../src/catalog/index.js';

// The public contract: these ids appear in users' team files and CI settings.
const CONTRACT: Record<string, string[]> = {
  ciso: ['strategy', 'executive-reporting', 'compliance', 'prevention-detection-response', 'threat-landscape'],
  cio: [],
  'security-manager': ['soc-oversight', 'vision', 'incident-response-plan', 'vulnerability-management', 'hiring', 'report-to-ciso', 'automation-optimization'],
  'security-engineer': ['security-systems', 'tool-automation', 'infrastructure-troubleshooting', 'vulnerability-mitigation', 'incident-communication', 'evaluation-reports', 'system-documentation'],
  'security-analyst': ['preventive-measures', 'threat-response-plan', 'security-measures', 'alert-monitoring', 'incident-response', 'security-training', 'disaster-recovery'],
  'it-operations-manager': ['lead-technicians', 'systems-monitoring', 'procedures', 'installations-upgrades', 'vendor-contracts', 'help-desk-escalations', 'continuity'],
  'system-administrator': ['install-update', 'configure-systems', 'automation', 'diagnostics', 'help-desk', 'training-documentation'],
  'system-analyst': ['systems-care', 'technology-research', 'automation-analysis', 'backup-review'],
};

describe('role catalog', () => {
  it('has exactly the documented roles, in catalog order', () => {
    expect(ROLES.map((r) => r.id)).toEqual(Object.keys(CONTRACT));
    expect([...ROLE_IDS]).toEqual(Object.keys(CONTRACT));
  });

  it.each(Object.entries(CONTRACT))('%s has exactly the documented responsibility ids', (role, dutyIds) => {
    const found = ROLES.find((r) => r.id === role);
    expect(found?.responsibilities.map((d) => d.id)).toEqual(dutyIds.map((d) => `${role}.${d}`));
  });

  it('gives every role and responsibility a title, a summary and a source', () => {
    for (const role of ROLES) {
      expect(role.title.length).toBeGreaterThan(0);
      expect(role.summary.length).toBeGreaterThan(20);
      expect(role.source.authority.length).toBeGreaterThan(0);
      for (const duty of role.responsibilities) {
        expect(duty.summary.length).toBeGreaterThan(10);
        expect(duty.source.note.length).toBeGreaterThan(0);
      }
    }
  });

  it('maps roles to NICE v2.0.0 work roles and ECSF profiles as documented', () => {
    const nice = Object.fromEntries(ROLES.map((r) => [r.id, r.nice.map((n) => n.id)]));
    expect(nice.ciso).toEqual(['OG-WRL-007']);
    expect(nice['security-manager']).toEqual(['OG-WRL-014']);
    expect(nice['security-engineer']).toEqual(['PD-WRL-004', 'DD-WRL-001']);
    expect(nice['security-analyst']).toEqual(['PD-WRL-001', 'PD-WRL-003']);
    expect(nice['system-administrator']).toEqual(['IO-WRL-005']);
    expect(nice['system-analyst']).toEqual(['IO-WRL-006']);
    expect(ROLES.find((r) => r.id === 'security-analyst')?.ecsf).toEqual(['Cyber Incident Responder']);
  });

  it('orders fallbacks as documented', () => {
    expect(findResponsibility('ciso.strategy')?.fallbacks).toEqual([{ role: 'cio' }, { role: 'security-manager' }]);
    expect(findResponsibility('security-manager.hiring')?.fallbacks).toEqual([{ role: 'ciso' }, { role: 'cio', sizes: ['small'] }]);
    expect(findResponsibility('ciso.prevention-detection-response')?.fallbacks).toEqual([{ role: 'security-manager' }, { role: 'cio' }]);
    expect(findResponsibility('security-manager.report-to-ciso')?.fallbacks).toEqual([]);
    expect(findResponsibility('security-analyst.security-training')?.fallbacks).toEqual([{ role: 'security-manager' }, { role: 'ciso' }, { role: 'cio' }]);
    expect(findResponsibility('security-analyst.alert-monitoring')?.fallbacks).toEqual([{ role: 'security-engineer' }, { role: 'security-manager', sizes: ['small'] }, { role: 'ciso', sizes: ['small'] }]);
    expect(findResponsibility('security-analyst.disaster-recovery')?.fallbacks[0]).toEqual({ role: 'it-operations-manager' });
    expect(findResponsibility('security-engineer.incident-communication')?.fallbacks).toEqual([{ role: 'security-manager' }, { role: 'ciso' }, { role: 'cio' }]);
    expect(findResponsibility('system-analyst.automation-analysis')?.fallbacks).toEqual([{ role: 'system-administrator' }, { role: 'it-operations-manager' }]);
    expect(findResponsibility('it-operations-manager.continuity')?.fallbacks).toEqual([{ role: 'cio' }, { role: 'system-administrator', sizes: ['small'] }]);
    expect(findResponsibility('security-engineer.tool-automation')?.fallbacks).toEqual([]);
    expect(findResponsibility('system-analyst.technology-research')?.fallbacks).toEqual([{ role: 'it-operations-manager' }, { role: 'cio' }]);
  });

  it('never lets a role fall back to itself', () => {
    for (const duty of allResponsibilities()) expect(duty.fallbacks.map((f) => f.role)).not.toContain(duty.role);
  });

  it.each([
    [1, 'small'],
    [249, 'small'],
    [250, 'medium'],
    [999, 'medium'],
    [1000, 'large'],
    [9999, 'large'],
    [10000, 'enterprise'],
  ])('%i employees is %s', (employees, size) => {
    expect(sizeForEmployees(employees)).toBe(size);
  });
});
