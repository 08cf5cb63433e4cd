/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run,
 * every rule described in `tool.driver.rules`, one result per finding
 * (suppressed findings included, marked as suppressed).
 */
import { createHash } from 'node:crypto';
import { citation, SIZES } from '../catalog/index.js';
import type { FileResult, Finding, Severity, SuppressedFinding } from '../findings.js';
import { PACKAGE, RULES_DOCS_URI, rulePageUri } from '../meta.js';
import { ALL_RULES, type RuleInfo } from '../rules/index.js';
import { artifactUri } from './location.js';
import { escapeSarifMessage, safeJson } from './escape.js';
import type { Formatter } from './types.js';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** The version of the fingerprint recipe below; change it only with the recipe. */
const FINGERPRINT_KEY = 'secopsTeam/v1';

/** A rule's default level: its most common severity across sizes, the smallest size's on a tie. */
export function defaultSeverity(rule: RuleInfo): Severity {
  const counts = new Map<Severity, number>();
  for (const size of SIZES) counts.set(rule.severity[size], (counts.get(rule.severity[size]) ?? 0) + 1);
  let best: Severity = rule.severity[SIZES[0]];
  for (const size of SIZES) {
    const severity = rule.severity[size];
    if ((counts.get(severity) ?? 0) > (counts.get(best) ?? 0)) best = severity;
  }
  return best;
}

/**
 * A rule's SARIF `name`: its id in PascalCase. The SARIF Multitool (rule
 * SARIF1001) warns when a name equals its id, case aside, so a one-word id
 * gets a suffix: `schema` becomes `SchemaCheck`.
 */
export function ruleName(id: string): string {
  const pascal = id.replace(/-([a-z0-9])/g, (_m: string, c: string) => c.toUpperCase()).replace(/^[a-z]/, (c) => c.toUpperCase());
  return id.includes('-') ? pascal : `${pascal}Check`;
}

function sarifRule(rule: RuleInfo) {
  const citations = rule.docs.authority.map(citation).join('; ');
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.docs.summary },
    fullDescription: { text: `${rule.docs.summary} ${rule.docs.rationale}` },
    help: {
      text: `${rule.docs.fix}\n\nWhy: ${rule.docs.rationale}\n\nAuthority: ${citations}`,
      markdown: `**How to fix:** ${rule.docs.fix}\n\n**Why:** ${rule.docs.rationale}\n\n**Authority:** ${citations}`,
    },
    helpUri: rulePageUri(rule.id),
    defaultConfiguration: { level: LEVEL[defaultSeverity(rule)] },
    properties: { tags: ['secops-team'] },
  };
}

/** A rule a result names but the registry does not know (a result built by hand): described by its id. */
function unknownRule(id: string) {
  return { id, shortDescription: { text: id }, helpUri: RULES_DOCS_URI };
}

/** JSON pointer with array indices wildcarded: the same node kind survives members being reordered. */
function genericPointer(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * What identifies a finding across commits, without line numbers or list
 * positions: the rule, what the finding is about (role, responsibility,
 * members) and, for findings about none of these, the message.
 */
function fingerprintKey(finding: Finding): string {
  const members = [...(finding.members ?? [])].sort();
  const subject = finding.role !== undefined || finding.responsibility !== undefined || members.length > 0;
  return JSON.stringify([
    finding.ruleId,
    finding.role ?? '',
    finding.responsibility ?? '',
    members,
    genericPointer(finding.path),
    subject ? '' : finding.message,
  ]);
}

function region(finding: Finding) {
  const startLine = Math.max(1, finding.line);
  const startColumn = Math.max(1, finding.column);
  const endLine = Math.max(startLine, finding.endLine);
  const endColumn = Math.max(1, endLine === startLine ? Math.max(startColumn, finding.endColumn) : finding.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function isSuppressed(finding: Finding | SuppressedFinding): finding is SuppressedFinding {
  return 'suppression' in finding;
}

export const sarif: Formatter = (result, options) => {
  const rules: ReturnType<typeof sarifRule | typeof unknownRule>[] = ALL_RULES.map(sarifRule);
  const ruleIndex = new Map<string, number>(ALL_RULES.map((r, i) => [r.id, i]));
  const indexOf = (id: string): number => {
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      rules.push(unknownRule(id));
      ruleIndex.set(id, index);
    }
    return index;
  };

  const results = result.files.flatMap((file: FileResult) => {
    const uri = artifactUri(file.file, options.cwd);
    const occurrences = new Map<string, number>();
    return [...file.findings, ...file.suppressed].map((finding) => {
      const key = fingerprintKey(finding);
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
      const fingerprint = `${hash}:${occurrence}`;
      return {
        ruleId: finding.ruleId,
        ruleIndex: indexOf(finding.ruleId),
        level: LEVEL[finding.severity],
        message: { text: escapeSarifMessage(finding.message) },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(finding) } }],
        // GitHub reads primaryLocationLineHash; ours does not depend on lines, so alerts survive edits above them.
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint, primaryLocationLineHash: fingerprint },
        ...(isSuppressed(finding)
          ? {
              suppressions: [
                {
                  kind: 'inSource',
                  status: 'accepted',
                  justification: finding.suppression.reason,
                  properties: {
                    exception: finding.suppression.exception,
                    ...(finding.suppression.approvedBy !== undefined ? { approvedBy: finding.suppression.approvedBy } : {}),
                    ...(finding.suppression.expires !== undefined ? { expires: finding.suppression.expires } : {}),
                  },
                },
              ],
            }
          : {}),
        properties: {
          pointer: finding.path,
          ...(finding.role !== undefined ? { role: finding.role } : {}),
          ...(finding.responsibility !== undefined ? { responsibility: finding.responsibility } : {}),
          ...(finding.members !== undefined ? { members: finding.members } : {}),
        },
      };
    });
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: PACKAGE.name,
            version: PACKAGE.version,
            semanticVersion: PACKAGE.version,
            informationUri: PACKAGE.home,
            rules,
          },
        },
        automationDetails: { id: `${PACKAGE.name}/` },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        results,
      },
    ],
  };
  return safeJson(log, 2) + '\n';
};
