import fs from 'node:fs';
import path from 'node:path';
import type { ImporterInput } from '../../db/batch-importer';
import type { PortfolioRow } from './portfolio-row';

/**
 * The batch importer's files, one per label or relationship type, header line first. Headers
 * give each property the type merge-portfolio-rows writes (dates as `date`, `importedAt` as
 * `datetime`, `synthetic` as `boolean`, the rest strings); an empty unquoted field is no property,
 * as a null SET is in Cypher. Organisations and populations carry their id only: the seed load
 * that follows the import merges the rest of them.
 */
const FILES = {
  contracts: { kind: 'nodes', name: 'Contract', header: 'id:ID(Contract),insurerId,synthetic:boolean,number,product,operatorId,networkId,startDate:date,endDate:date,importedAt:datetime' },
  beneficiaries: { kind: 'nodes', name: 'Beneficiary', header: 'id:ID(Beneficiary),key' },
  organizations: { kind: 'nodes', name: 'Organization', header: 'id:ID(Organization)' },
  populations: { kind: 'nodes', name: 'Population', header: 'id:ID(Population)' },
  covers: { kind: 'relationships', name: 'COVERS', header: ':START_ID(Contract),:END_ID(Beneficiary),role' },
  heldWith: { kind: 'relationships', name: 'HELD_WITH', header: ':START_ID(Contract),:END_ID(Organization)' },
  inPopulation: { kind: 'relationships', name: 'IN_POPULATION', header: ':START_ID(Contract),:END_ID(Population)' },
} as const satisfies Record<string, Omit<ImporterInput, 'file'> & { header: string }>;
type FileKey = keyof typeof FILES;

/** A string value, always quoted (RFC 4180: inner quotes doubled); null is an empty field, no property. */
function field(v: string | null): string {
  return v === null ? '' : `"${v.replace(/"/g, '""')}"`;
}

/** One contract as the file's rows leave it: the last row's values win, as SET does row after row. */
interface StagedContract {
  row: PortfolioRow;
  /** Person pseudonym → role; one COVERS per person and contract, the last row's role (MERGE, then SET). */
  covers: Map<string, string>;
}

/** What the staged files hold, for the closing summary and the step after the import. */
export interface StagedTotals {
  contracts: number;
  coverRelationships: number;
  /** Insurers with at least one row loaded: they get `portfolioSources` IMPORTED, as a transactional batch gives them. */
  insurerIds: string[];
}

/**
 * Writes validated portfolio rows as the batch importer's node and relationship files, giving the
 * graph merge-portfolio-rows would give for the same rows: one Contract per contract (the last
 * row's properties), one Beneficiary per person, one COVERS per person and contract (the last
 * row's role), one HELD_WITH and one IN_POPULATION per contract. A file's contracts are kept in
 * memory until {@link endFile} (rows of one contract need not be adjacent), so memory grows with
 * the largest insurer's contracts, not with the country. A person on several insurers' contracts
 * is written once per insurer and the importer keeps one (see runBatchImporter). The folder must
 * be private: the files hold pseudonyms.
 */
export class BulkFiles {
  private readonly streams: Record<FileKey, fs.WriteStream>;
  private readonly paths: Record<FileKey, string>;
  private readonly importedAt = new Date().toISOString();
  private contracts = new Map<string, StagedContract>();
  private people = new Set<string>();
  private target: { insurerId: string; populationId: string } | undefined;
  private readonly insurers = new Map<string, string>();
  private readonly totals = { contracts: 0, coverRelationships: 0 };
  private failure: Error | undefined;
  /** Whether some value holds a line break (the importer must then read multi-line fields). */
  multiline = false;

  constructor(readonly dir: string) {
    this.paths = Object.fromEntries(Object.keys(FILES).map((k) => [k, path.join(dir, `${k}.csv`)])) as Record<FileKey, string>;
    this.streams = Object.fromEntries(
      (Object.keys(FILES) as FileKey[]).map((k) => {
        const s = fs.createWriteStream(this.paths[k], { mode: 0o600, flags: 'wx' });
        // A full disk must stop the load with its error, not crash the process or hang on drain.
        s.on('error', (e) => (this.failure ??= e));
        s.write(`${FILES[k].header}\n`);
        return [k, s];
      }),
    ) as Record<FileKey, fs.WriteStream>;
  }

  /** Writes one line, waiting when the stream's buffer is full, so memory stays bounded. */
  private async line(key: FileKey, text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (/[\r\n]/.test(text)) this.multiline = true;
    if (!this.streams[key].write(`${text}\n`)) await new Promise<void>((r) => this.streams[key].once('drain', () => r()));
  }

  /**
   * Stages a batch of rows of the current file (an import's `writeRows`). Throws when rows of one
   * insurer come in two files, or when two insurers' files are interleaved: contracts are
   * written per file, so each insurer must come whole, once.
   */
  async add(rows: PortfolioRow[], target: { insurerId: string; populationId: string }): Promise<void> {
    if (this.target === undefined) {
      if (this.insurers.has(target.insurerId)) throw new Error(`bulk load: the rows of ${target.insurerId} must come in one file, once`);
      this.target = target;
    } else if (this.target.insurerId !== target.insurerId) {
      throw new Error(`bulk load: rows of ${target.insurerId} arrived before the file of ${this.target.insurerId} ended`);
    }
    for (const row of rows) {
      const staged = this.contracts.get(row.contractId);
      if (staged) staged.row = row;
      else this.contracts.set(row.contractId, { row, covers: new Map() });
      this.contracts.get(row.contractId)!.covers.set(row.pseudonym, row.role);
      if (!this.people.has(row.pseudonym)) {
        this.people.add(row.pseudonym);
        await this.line('beneficiaries', `${field(row.pseudonym)},${field(row.pseudonym)}`);
      }
    }
  }

  /** Ends the current file: writes its contracts and their relationships, then forgets them. */
  async endFile(): Promise<void> {
    const target = this.target;
    this.target = undefined;
    if (target === undefined) return;
    this.insurers.set(target.insurerId, target.populationId);
    const { insurerId, populationId } = target;
    for (const [id, { row, covers }] of this.contracts) {
      await this.line(
        'contracts',
        [field(id), field(insurerId), 'false', field(row.number), field(row.product), field(row.operator), field(row.network), row.startDate, row.endDate ?? '', this.importedAt].join(','),
      );
      for (const [person, role] of covers) await this.line('covers', `${field(id)},${field(person)},${field(role)}`);
      await this.line('heldWith', `${field(id)},${field(insurerId)}`);
      await this.line('inPopulation', `${field(id)},${field(populationId)}`);
      this.totals.contracts += 1;
      this.totals.coverRelationships += covers.size;
    }
    this.contracts = new Map();
    // Duplicates across insurers are left to the importer: a country's worth of ids would not fit.
    this.people = new Set();
  }

  /** Writes the insurers and populations, closes every file and returns the importer's inputs with the totals. */
  async close(): Promise<{ inputs: ImporterInput[]; totals: StagedTotals }> {
    await this.endFile();
    for (const insurerId of this.insurers.keys()) await this.line('organizations', field(insurerId));
    for (const populationId of new Set(this.insurers.values())) await this.line('populations', field(populationId));
    await Promise.all(Object.values(this.streams).map((s) => new Promise((r) => s.end(r))));
    if (this.failure) throw this.failure;
    const inputs = (Object.keys(FILES) as FileKey[]).map((k) => ({ kind: FILES[k].kind, name: FILES[k].name, file: this.paths[k] }));
    return { inputs, totals: { ...this.totals, insurerIds: [...this.insurers.keys()] } };
  }
}
