import Ajv, { ValidateFunction } from 'ajv';

/**
 * Our own compact JSON Schema of what a VERIS 1.3.7 incident record must hold, written from the
 * published schema (github.com/vz-risk/veris at 6c9f419, the last 1.3.x commit: `verisc.json`
 * for structure and required properties, `verisc-enum.json` for the enumerations; the project's
 * `verisc-merged.json` joins the two). Each property cites its path there. It checks the
 * required properties and every enumeration of the properties the export emits; `victim.country`
 * is checked as an ISO 3166-1 alpha-2 code or "Unknown"/"Other" rather than by the 250-entry list.
 * Test support only: the API never validates against it.
 */
const list = (values: readonly string[]) => ({ type: 'array', minItems: 1, uniqueItems: true, items: { enum: values } });
const duration = {
  // verisc.json timeline.{compromise,exfiltration,discovery,containment}: required ["unit"]; unit enum in verisc-enum.json timeline.*.unit.
  type: 'object',
  additionalProperties: false,
  required: ['unit'],
  properties: { unit: { enum: ['Seconds', 'Minutes', 'Hours', 'Days', 'Weeks', 'Months', 'Years', 'Never', 'NA', 'Unknown'] }, value: { type: 'number' } },
};
// verisc-enum.json action.*.result
const RESULT = ['Infiltrate', 'Exfiltrate', 'Elevate', 'Lateral movement', 'Deploy payload', 'Persist', 'Other', 'Unknown', 'NA'];

export const VERIS_1_3_7_CONFORMANCE = {
  type: 'object',
  // verisc.json (root) additionalProperties: false; required, verbatim:
  additionalProperties: false,
  required: ['actor', 'action', 'discovery_method', 'schema_version', 'asset', 'timeline', 'incident_id', 'security_incident', 'summary'],
  properties: {
    schema_version: { const: '1.3.7' }, // verisc.json schema_version: "This should be 1.3.7 for this schema"
    schema_name: { type: 'string' },
    incident_id: { type: 'string', minLength: 1 },
    // verisc-enum.json security_incident
    security_incident: { enum: ['Confirmed', 'Suspected', 'Near miss', 'False positive'] },
    summary: { type: 'string', minLength: 1 },
    reference: { type: 'string' },
    // verisc-enum.json confidence
    confidence: { enum: ['High', 'Medium', 'Low', 'None'] },
    // verisc-enum.json targeted
    targeted: { enum: ['Opportunistic', 'Targeted', 'NA', 'Unknown'] },
    notes: { type: 'string', minLength: 1 },
    discovery_notes: { type: 'string' },
    timeline: {
      // verisc.json timeline: required ["incident"]; timeline.incident required ["year"], year 1950..2050, month 1..12, day 1..31.
      type: 'object',
      additionalProperties: false,
      required: ['incident'],
      properties: {
        incident: {
          type: 'object',
          additionalProperties: false,
          required: ['year'],
          properties: { year: { type: 'integer', minimum: 1950, maximum: 2050 }, month: { type: 'integer', minimum: 1, maximum: 12 }, day: { type: 'integer', minimum: 1, maximum: 31 } },
        },
        compromise: duration,
        exfiltration: duration,
        discovery: duration,
        containment: duration,
      },
    },
    victim: {
      // verisc.json victim: required ["country", "employee_count", "industry", "government"].
      type: 'object',
      additionalProperties: false,
      required: ['country', 'employee_count', 'industry', 'government'],
      properties: {
        victim_id: { type: 'string' },
        // verisc.json victim.industry: NAICS, 2..6 characters, pattern below.
        industry: { type: 'string', minLength: 2, maxLength: 6, pattern: '(00|11|2[1-3]|3[1-3]|4[24589]|5[1-6]|6[1-2]|7[12]|81|92)-?\\d{0,4}' },
        // verisc-enum.json victim.employee_count
        employee_count: { enum: ['Small', '1 to 10', '11 to 100', '101 to 1000', 'Large', '1001 to 10000', '10001 to 25000', '25001 to 50000', '50001 to 100000', 'Over 100000', 'Unknown'] },
        // verisc-enum.json victim.government
        government: list(['Federal', 'Regional', 'Local', 'Unknown', 'Other', 'NA']),
        // verisc-enum.json victim.country: ISO 3166-1 alpha-2 codes, "Unknown", "Other".
        country: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^([A-Z]{2}|Unknown|Other)$' } },
        // verisc.json victim.region: UN M.49 six digits.
        region: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^\\d{6}$' } },
        notes: { type: 'string', minLength: 1 },
        // verisc.json victim.secondary: minProperties 1; amount integer; victim_id list of strings.
        secondary: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { amount: { type: 'integer' }, notes: { type: 'string', minLength: 1 }, victim_id: { type: 'array', minItems: 1, items: { type: 'string' } } },
        },
      },
    },
    actor: {
      // verisc.json actor: minProperties 1; actor.external required ["variety", "motive"].
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        external: {
          type: 'object',
          additionalProperties: false,
          required: ['variety', 'motive'],
          properties: {
            // verisc-enum.json actor.external.variety
            variety: list(['Acquaintance', 'Activist', 'Auditor', 'Competitor', 'Customer', 'Force majeure', 'Former employee', 'Nation-state', 'Organized crime', 'State-affiliated', 'Terrorist', 'Unaffiliated', 'Other', 'Unknown']),
            // verisc-enum.json actor.external.motive
            motive: list(['Convenience', 'Espionage', 'Fear', 'Financial', 'Fun', 'Grudge', 'Ideology', 'NA', 'Secondary', 'Other', 'Unknown']),
            country: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^([A-Z]{2}|Unknown|Other)$' } },
            notes: { type: 'string', minLength: 1 },
          },
        },
        // verisc.json actor.unknown: "If the actor is unknown, you *must* add a note".
        unknown: { type: 'object', required: ['notes'], properties: { notes: { type: 'string', minLength: 1 } } },
      },
    },
    action: {
      // verisc.json action: minProperties 1; action.hacking required ["vector", "variety"]; action.social required ["vector", "variety", "target"].
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        hacking: {
          type: 'object',
          additionalProperties: false,
          required: ['vector', 'variety'],
          properties: {
            // verisc-enum.json action.hacking.variety
            variety: list([
              'Abuse of functionality', 'Backdoor', 'Brute force', 'Buffer overflow', 'Cache poisoning', 'Cryptanalysis', 'CSRF', 'Disable controls', 'DoS', 'Evade Defenses',
              'Exploit misconfig', 'Exploit vuln', 'Forced browsing', 'Format string attack', 'Fuzz testing', 'Hijack', 'HTTP request smuggling', 'HTTP request splitting',
              'HTTP response smuggling', 'HTTP response splitting', 'Insecure deserialization', 'Integer overflows', 'LDAP injection', 'Mail command injection', 'MitM',
              'Null byte injection', 'Offline cracking', 'OS commanding', 'Pass-the-hash', 'Path traversal', 'Profile host', 'Reverse engineering', 'RFI', 'Routing detour',
              'Scan network', 'Session fixation', 'Session prediction', 'Session replay', 'Soap array abuse', 'Special element injection', 'SQLi', 'SSI injection',
              'URL redirector abuse', 'Use of stolen creds', 'User breakout', 'Virtual machine escape', 'XML attribute blowup', 'XML entity expansion', 'XML external entities',
              'XML injection', 'XPath injection', 'XQuery injection', 'XSS', 'Other', 'Unknown',
            ]),
            // verisc-enum.json action.hacking.vector
            vector: list(['3rd party desktop', 'Backdoor', 'Command shell', 'Desktop sharing', 'Desktop sharing software', 'Hypervisor', 'Inter-tenant', 'Other network service', 'Partner', 'Physical access', 'VPN', 'Web application', 'Other', 'Unknown']),
            result: list(RESULT),
            notes: { type: 'string', minLength: 1 },
          },
        },
        social: {
          type: 'object',
          additionalProperties: false,
          required: ['vector', 'variety', 'target'],
          properties: {
            // verisc-enum.json action.social.variety
            variety: list(['Baiting', 'Bribery', 'Elicitation', 'Evade Defenses', 'Extortion', 'Forgery', 'Influence', 'Phishing', 'Pretexting', 'Prompt bombing', 'Propaganda', 'Scam', 'Spam', 'Other', 'Unknown']),
            // verisc-enum.json action.social.vector
            vector: list(['Documents', 'Email', 'IM', 'In-person', 'Partner', 'Phone', 'Removable media', 'SMS', 'Social media', 'Software', 'Web application', 'Other', 'Unknown']),
            // verisc-enum.json action.social.target
            target: list([
              'Auditor', 'Call center', 'Cashier', 'Customer', 'Developer', 'End-user', 'End-user or employee', 'Executive', 'Finance', 'Former employee', 'Guard', 'Helpdesk',
              'Human resources', 'Maintenance', 'Manager', 'Other employee', 'Partner', 'System admin', 'Other', 'Unknown',
            ]),
            result: list(RESULT),
            notes: { type: 'string', minLength: 1 },
          },
        },
        unknown: { type: 'object', properties: { notes: { type: 'string', minLength: 1 } } },
      },
    },
    asset: {
      // verisc.json asset: required ["assets", "cloud"]; asset.assets[] required ["variety"].
      type: 'object',
      additionalProperties: false,
      required: ['assets', 'cloud'],
      properties: {
        assets: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['variety'],
            properties: {
              // verisc-enum.json asset.assets.variety: server ("S - ") and unknown values (the export emits no media, network, people, terminal, user or embedded asset).
              variety: { enum: ['S - Authentication', 'S - Backup', 'S - Configuration or patch management', 'S - Code repository', 'S - Database', 'S - DCS', 'S - DHCP', 'S - Directory', 'S - DNS', 'S - File', 'S - ICS', 'S - Log', 'S - Mail', 'S - Mainframe', 'S - Payment switch', 'S - POS controller', 'S - Print', 'S - Proxy', 'S - Remote access', 'S - VM host', 'S - Web application', 'S - Other', 'S - Unknown', 'Unknown', 'Other'] },
              amount: { type: 'integer' },
            },
          },
        },
        // verisc-enum.json asset.cloud
        cloud: list(['On-Premise Asset(s)', 'External Cloud Asset(s)', 'Other', 'Unknown', 'NA']),
        notes: { type: 'string' },
      },
    },
    attribute: {
      type: 'object',
      additionalProperties: false,
      properties: {
        confidentiality: {
          // verisc.json attribute.confidentiality: required ["data_disclosure"]; data[] required ["variety"].
          type: 'object',
          additionalProperties: false,
          required: ['data_disclosure'],
          properties: {
            // verisc-enum.json attribute.confidentiality.data_disclosure
            data_disclosure: { enum: ['No', 'Potentially', 'Yes', 'Unknown'] },
            data_total: { type: 'integer' },
            data: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['variety'],
                properties: {
                  // verisc-enum.json attribute.confidentiality.data.variety
                  variety: { enum: ['Bank', 'Classified', 'Copyrighted', 'Credentials', 'Digital certificate', 'Internal', 'Medical', 'Multi-factor credential', 'Payment', 'Personal', 'Sensitive Personal', 'Secrets', 'Source code', 'System', 'Virtual currency', 'Other', 'Unknown'] },
                  amount: { type: 'integer' },
                },
              },
            },
            // verisc-enum.json attribute.confidentiality.data_victim
            data_victim: list(['Customer', 'Employee', 'Partner', 'Patient', 'Student', 'Victim organization', 'Other', 'Unknown']),
            notes: { type: 'string', minLength: 1 },
          },
        },
      },
    },
    discovery_method: {
      // verisc.json discovery_method: minProperties 1; external/internal/partner required ["variety"]; other, unknown booleans.
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        external: { type: 'object', required: ['variety'], properties: { variety: list(['Actor disclosure', 'Audit', 'Customer', 'Emergency response team', 'Found documents', 'Fraud detection', 'Incident response', 'Law enforcement', 'Security researcher', 'Suspicious traffic', 'Unrelated 3rd party', 'Other', 'Unknown']) } },
        internal: { type: 'object', required: ['variety'], properties: { variety: list(['Antivirus', 'Break in discovered', 'Data loss prevention', 'Financial audit', 'Fraud detection', 'Hids', 'Incident response', 'Infrastructure monitoring', 'It review', 'Log review', 'Nids', 'Offboarding', 'Reported by employee', 'Security alarm', 'Other', 'Unknown']) } },
        partner: { type: 'object', required: ['variety'], properties: { variety: list(['Antivirus', 'Audit', 'Incident response', 'Monitoring service', 'Other', 'Unknown']) } },
        other: { type: 'boolean' },
        unknown: { type: 'boolean' },
      },
    },
    // verisc.json plus: "the appropriate place to extend the VERIS schema for your own needs" (open object).
    plus: { type: 'object' },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** Validates `doc` against {@link VERIS_1_3_7_CONFORMANCE}; returns ajv's errors (empty when it conforms). */
export function verisErrors(doc: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(VERIS_1_3_7_CONFORMANCE);
  return compiled(doc) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
