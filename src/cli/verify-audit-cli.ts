import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { openDatabase } from '../db/database';
import { newRoundTripCounter } from '../db/executor';
import { requestDb } from '../db/request-db';
import { verifyWholeAuditChain } from '../domain/audit/audit-integrity';
import { isAppError } from '../errors/app-error';

/**
 * `npm run audit:verify`: verifies the whole audit trail, from the pruning anchor to the head,
 * piece by piece (what `auditIntegrity` checks one piece of per request), with no request
 * deadline. Prints progress and the outcome; exits 1 when a link is broken. Safe while the
 * server runs: it reads only, through the running server's embedded Neo4j (found by its run file) or NEO4J_URI.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const db = await openDatabase(config, logger);
  try {
    const started = Date.now();
    const report = await verifyWholeAuditChain(requestDb(db.executor.admin(), newRoundTripCounter()), undefined, (p) => {
      if (!p.complete && p.ok) console.log(`verified records ${p.after + 1} to ${p.next} of ${p.headSequence}…`);
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (report.ok) {
      console.log(
        report.checked === 0
          ? `audit trail intact: no record to verify (the chain's head is at sequence ${report.headSequence}, its anchor at ${report.after})`
          : `audit trail intact: ${report.checked} record(s) verified, sequences ${report.after + 1} to ${report.headSequence}, in ${seconds} s`,
      );
      return;
    }
    const b = report.firstBroken!;
    console.error(`audit trail BROKEN after ${report.checked} record(s) verified: ${b.sequence === null ? '' : `sequence ${b.sequence}, `}${b.id === null ? '' : `record ${b.id}: `}${b.reason}`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  if (isAppError(e)) console.error(`audit verification failed [${e.code}]: ${e.message}`);
  else console.error('audit verification failed [INTERNAL]:', e);
  process.exit(1);
});
