/**
 * The team most rule examples start from (docs/rules/<id>.md shows them
 * whole): a 120-person organization with a Security Manager, IT run in-house
 * and a managed SOC watching around the clock, which gives no finding of its
 * own. An example adds or changes what its rule is about.
 */

/** Its members, for examples that keep them under another organization. */
export const EXAMPLE_MEMBERS = `  - id: dana
    name: Dana Reyes
    roles: [security-manager]
  - id: omar
    name: Omar Haddad
    roles: [it-operations-manager]
  - id: priya
    name: Priya Natarajan
    roles: [system-administrator]
    reportsTo: omar
  - id: mssp
    name: Sentinel SOC
    roles: [security-analyst]
    provider: Sentinel
    hours: 24x7
    reportsTo: dana
`;

/** The whole team file; an example appends members or sections to it. */
export const EXAMPLE_TEAM = `version: 1
organization:
  name: Acme
  employees: 120
  soc: outsourced
  monitoring: 24x7
members:
${EXAMPLE_MEMBERS}`;
