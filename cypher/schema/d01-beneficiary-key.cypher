// Drops the range index beneficiary_key (Beneficiary.key) that versions before 2026-12-06
// created, so a store they made loses it on its next start. A person's key is their id (both the
// pseudonym of the NIR, set together by every writer: the import, the seeds, the bulk load), and
// the unique constraint beneficiary_id_unique already indexes the id, which every lookup by
// pseudonym now uses. The second index only doubled each new person's index inserts, at random
// places (a pseudonym is a hash), which a delta's commit paid at 10M people, where the indexes no
// longer fit the page cache (README, "The delta's commit at 10M").
DROP INDEX beneficiary_key IF EXISTS
