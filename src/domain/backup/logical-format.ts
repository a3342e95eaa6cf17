import fs from 'node:fs';
import zlib from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../errors/app-error';

/**
 * The logical export's file format (src/domain/backup/logical-export.ts writes it,
 * logical-restore.ts reads it): gzip-compressed JSON lines. The first line is the header
 * ({@link LogicalHeader}); then one line per node (`{"n": id, "l": labels, "p": properties}`),
 * then one per relationship (`{"r": type, "s": start id, "e": end id, "p": properties}`). Ids are
 * the source's element ids, meaningful only inside the file. A property is `[key, value type,
 * text]`, the type as Cypher's valueType() names it and the value as toString() writes it (a list:
 * a list of texts), so integers, floats, dates and date-times come back as what they were.
 */
export const LOGICAL_FORMAT = 'breach-impact-logical-backup';

/** The format version this code writes and reads; a file of another version is BACKUP_FORMAT_UNSUPPORTED. */
export const LOGICAL_VERSION = 1;

/** The property value types the format carries: what cypher/shared/backup-typed-value parses back. */
const SCALAR_TYPES = ['STRING', 'BOOLEAN', 'INTEGER', 'FLOAT', 'DATE', 'LOCAL TIME', 'ZONED TIME', 'LOCAL DATETIME', 'ZONED DATETIME', 'DURATION'];
export const VALUE_TYPES: ReadonlySet<string> = new Set([
  ...SCALAR_TYPES.map((t) => `${t} NOT NULL`),
  ...SCALAR_TYPES.map((t) => `LIST<${t} NOT NULL> NOT NULL`),
  'LIST<NOTHING> NOT NULL',
]);

/** First line of a logical export. */
export interface LogicalHeader {
  format: typeof LOGICAL_FORMAT;
  version: number;
  /** When the export started (ISO 8601). */
  createdAt: string;
  /** How many node and relationship lines follow. */
  counts: { nodes: number; relationships: number };
  /** The catalogue's version marker when it was exported (null: none set). */
  catalogueVersion: string | null;
  /** The constraints and indexes the exporting code applies (cypher/schema/), for the record; restore applies its own. */
  schema: string[];
}

/** One property: key, value type (Cypher valueType()), value as text. */
export type LogicalProperty = [string, string, string | string[]];
/** A node line. */
export interface LogicalNode {
  n: string;
  l: string[];
  p: LogicalProperty[];
}
/** A relationship line. */
export interface LogicalRelationship {
  r: string;
  s: string;
  e: string;
  p: LogicalProperty[];
}

/** Longest line accepted: a corrupt file without line breaks must not be read whole into memory. */
const MAX_LINE = 64 * 1024 * 1024;

function invalid(file: string, why: string): AppError {
  return new AppError('BACKUP_FILE_INVALID', `${file} is not a readable logical export: ${why}. Nothing was written.`);
}

/** The lines of a gzip file, as they are decompressed; a corrupt or truncated gzip stream rejects. */
async function* gzipLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  try {
    for await (const chunk of input) {
      rest += decoder.write(chunk as Buffer);
      let at: number;
      while ((at = rest.indexOf('\n')) >= 0) {
        yield rest.slice(0, at);
        rest = rest.slice(at + 1);
      }
      if (rest.length > MAX_LINE) throw new Error(`a line longer than ${MAX_LINE} characters`);
    }
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
}

/**
 * Whether `file` looks like a logical export: gzip whose first decompressed bytes open the
 * header. Never throws; a Neo4j dump (also possibly gzip, in older formats) answers false.
 */
export async function isLogicalExport(file: string): Promise<boolean> {
  try {
    const fd = fs.openSync(file, 'r');
    const magic = Buffer.alloc(2);
    fs.readSync(fd, magic, 0, 2, 0);
    fs.closeSync(fd);
    if (magic[0] !== 0x1f || magic[1] !== 0x8b) return false;
    for await (const line of gzipLines(file)) return line.startsWith(`{"format":"${LOGICAL_FORMAT}"`);
    return false;
  } catch {
    return false;
  }
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function checkProperties(p: unknown): p is LogicalProperty[] {
  return (
    Array.isArray(p) &&
    p.every(
      (x) =>
        Array.isArray(x) &&
        x.length === 3 &&
        typeof x[0] === 'string' &&
        typeof x[1] === 'string' &&
        VALUE_TYPES.has(x[1]) &&
        (x[1].startsWith('LIST') ? isStringList(x[2]) : typeof x[2] === 'string'),
    )
  );
}

/** What {@link readLogicalExport} yields after the header: a node or a relationship, checked. */
export type LogicalEntry = { kind: 'node'; node: LogicalNode } | { kind: 'relationship'; relationship: LogicalRelationship };

/**
 * Reads and checks a logical export: `onHeader` gets the header (version checked:
 * BACKUP_FORMAT_UNSUPPORTED), then each node and relationship line is yielded, every line
 * checked for shape and value types, nodes before relationships, and the counts against the
 * header at the end. Anything wrong, a corrupt or truncated gzip stream included, is
 * BACKUP_FILE_INVALID naming the line; a missing file, BACKUP_FILE_NOT_FOUND.
 */
export async function* readLogicalExport(file: string, onHeader: (header: LogicalHeader) => void): AsyncGenerator<LogicalEntry> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('BACKUP_FILE_NOT_FOUND', `No backup file at ${file}.`);
  let header: LogicalHeader | undefined;
  let nodes = 0;
  let relationships = 0;
  let line = 0;
  const lines = gzipLines(file);
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await lines.next();
    } catch (e) {
      throw invalid(file, `${line === 0 ? 'not gzip data' : `the compressed data breaks off after line ${line}`} (${(e as Error).message})`);
    }
    if (next.done) break;
    line += 1;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(next.value) as Record<string, unknown>;
    } catch {
      throw invalid(file, `line ${line} is not JSON`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(file, `line ${line} is not a JSON object`);
    if (header === undefined) {
      if (value.format !== LOGICAL_FORMAT) throw invalid(file, `its first line is not a ${LOGICAL_FORMAT} header`);
      if (value.version !== LOGICAL_VERSION) {
        throw new AppError('BACKUP_FORMAT_UNSUPPORTED', `${file} is a logical export of format version ${JSON.stringify(value.version)}; this code reads version ${LOGICAL_VERSION} only: restore it with the version of breach-impact that wrote it. Nothing was written.`);
      }
      const counts = value.counts as LogicalHeader['counts'] | undefined;
      if (!counts || !Number.isInteger(counts.nodes) || !Number.isInteger(counts.relationships) || counts.nodes < 0 || counts.relationships < 0) throw invalid(file, 'its header has no node and relationship counts');
      header = value as unknown as LogicalHeader;
      onHeader(header);
      continue;
    }
    if (typeof value.n === 'string') {
      if (relationships > 0) throw invalid(file, `line ${line}: a node after the relationships`);
      if (!isStringList(value.l) || !checkProperties(value.p)) throw invalid(file, `line ${line}: a node whose labels or properties are malformed (or of a value type this format does not carry)`);
      nodes += 1;
      yield { kind: 'node', node: value as unknown as LogicalNode };
    } else if (typeof value.r === 'string') {
      if (value.r === '' || typeof value.s !== 'string' || typeof value.e !== 'string' || !checkProperties(value.p)) throw invalid(file, `line ${line}: a relationship whose type, ends or properties are malformed`);
      relationships += 1;
      yield { kind: 'relationship', relationship: value as unknown as LogicalRelationship };
    } else {
      throw invalid(file, `line ${line} is neither a node nor a relationship`);
    }
  }
  if (header === undefined) throw invalid(file, 'it is empty');
  if (nodes !== header.counts.nodes || relationships !== header.counts.relationships) {
    throw invalid(file, `its header announces ${header.counts.nodes} nodes and ${header.counts.relationships} relationships, it holds ${nodes} and ${relationships} (a truncated file?)`);
  }
}
