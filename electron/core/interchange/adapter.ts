import type { EntityManager, EntitySchema } from 'typeorm';
import type { RecordOf, RecordType } from '../../../shared/contract/interchange';

/** A reference from a record to another record, checked before anything is written. */
export interface Reference {
  field: string;
  type: RecordType;
  id: string;
}

/**
 * How one record type moves in and out of the store. Each capability that owns records provides
 * one and lists it in registry.ts, in dependency order.
 */
export interface RecordAdapter<T extends Exclude<RecordType, 'header'>> {
  type: T;
  /**
   * The table the records are kept in (the main one when there are several). A test checks that
   * every table holding a person's records has a record type, so an export never leaves one out.
   */
  // The registry holds adapters of every row type; only the table's identity is read here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entity: EntitySchema<any>;
  exportAll(em: EntityManager): Promise<Array<RecordOf<T>>>;
  /**
   * The same records a page at a time, in id order, for tables that grow with the centre: the
   * export then holds one page in memory, never the whole table. Without it, `exportAll` is used.
   */
  exportPages?(em: EntityManager): AsyncIterable<Array<RecordOf<T>>>;
  /** The record as it is in the store now (null: absent). */
  find(em: EntityManager, id: string): Promise<RecordOf<T> | null>;
  /**
   * The same for many ids at once (one query): those the store holds, by id. Without it, the
   * import calls `find` for each record.
   */
  findMany?(em: EntityManager, ids: readonly string[]): Promise<Map<string, RecordOf<T>>>;
  /**
   * New records written in batches (the import's hot path). Without it, `create` writes each one.
   */
  createBatch?(em: EntityManager, now: string): CreateBatch<T>;
  existingIds(em: EntityManager): Promise<Set<string>>;
  references(record: RecordOf<T>): Reference[];
  /**
   * The rules the app enforces when it saves such a record that involve several records (two open
   * visits of one person) or the dates between them, checked over all the file's lines of this
   * type before anything is written. `file` finds the file's other records by type and id.
   */
  checkLines?(
    em: EntityManager,
    lines: ReadonlyArray<{ line: number; record: RecordOf<T> }>,
    file: FileRecords,
  ): Promise<RuleError[]>;
  /** The record in the form the store keeps it (case, sets), to tell "unchanged" from "updated". */
  normalize?(record: RecordOf<T>): RecordOf<T>;
  create(em: EntityManager, record: RecordOf<T>, now: string): Promise<void>;
  update(em: EntityManager, record: RecordOf<T>, now: string): Promise<void>;
}

/**
 * Creates kept back and written together. `add` keeps a record; `flush` runs the create's checks
 * of every kept record in turn, then writes those that pass. The caller flushes before anything
 * else of this type is written (an update, a record written alone, the next type); the records an
 * adapter lets wait in a batch are those whose checks read nothing that another new record of the
 * batch would change, so each is checked as if the ones before it had been written.
 */
export interface CreateBatch<T extends Exclude<RecordType, 'header'>> {
  /** False: this record must be written alone, after a flush, with `create`. */
  add(record: RecordOf<T>): boolean;
  /** The refusal of each kept record, in the order kept (null: written). */
  flush(): Promise<Array<unknown>>;
}

/** A refused line: its number, the field (null: the line as a whole) and a stable reason code. */
export interface RuleError {
  line: number;
  field: string | null;
  reason: string;
}

/** The records of the file being imported, by type and id. */
export interface FileRecords {
  /** The import's now (the core's clock), for the rules that refuse a date in the future. */
  readonly now: Date;
  find<K extends Exclude<RecordType, 'header'>>(type: K, id: string): RecordOf<K> | undefined;
}
