/**
 * Names of the MITRE ATT&CK (Enterprise) techniques the seeds use, so the API can show a name
 * beside each id. An id missing here is still returned, with a null name.
 */
export const ATTACK_TECHNIQUES: Readonly<Record<string, { name: string; tactic: string }>> = {
  'T1598.003': { name: 'Phishing for Information: Spearphishing Link', tactic: 'Reconnaissance' },
  T1598: { name: 'Phishing for Information', tactic: 'Reconnaissance' },
  T1566: { name: 'Phishing', tactic: 'Initial Access' },
  T1078: { name: 'Valid Accounts', tactic: 'Initial Access, Persistence, Privilege Escalation, Defense Evasion' },
  T1213: { name: 'Data from Information Repositories', tactic: 'Collection' },
  T1119: { name: 'Automated Collection', tactic: 'Collection' },
};
