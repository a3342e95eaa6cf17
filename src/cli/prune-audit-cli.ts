import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { openDatabase } from '../db/database';
import { applyAuditRetention } from '../domain/audit/audit-prune';
import { isAppError } from '../errors/app-error';

/**
 * `npm run audit:prune`: applies the audit retention (AUDIT_RETENTION_DAYS): deletes the records
 * older than that, keeping the chain verifiable from its new anchor. Without AUDIT_RETENTION_DAYS
 * it keeps everything and says so. Meant for a daily cron job; safe to run again.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.auditRetentionDays === undefined) {
    console.log('AUDIT_RETENTION_DAYS is unset: audit records are kept forever, nothing pruned.');
    return;
  }
  const logger = createLogger(config);
  const db = await openDatabase(config, logger);
  try {
    const result = await applyAuditRetention(db.executor, config.auditRetentionDays);
    console.log(`pruned ${result?.pruned ?? 0} audit record(s) older than ${config.auditRetentionDays} days; the chain now starts after sequence ${result?.anchorSequence ?? 0}`);
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  if (isAppError(e)) console.error(`audit pruning failed [${e.code}]: ${e.message}`);
  else console.error('audit pruning failed [INTERNAL]:', e);
  process.exit(1);
});
