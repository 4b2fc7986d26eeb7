import type { FieldEvent, FieldValue } from './event.ts';

/** `string` and `uint64` as in Falco; `bool` for cloudwarden's own `cw.*` verdicts. */
export type FieldType = 'string' | 'uint64' | 'bool';

export type FieldReader = (ev: FieldEvent) => FieldValue;

export interface FieldSpec {
  /** as written in rules; a family (`ct.request.*`) is written with its `*` */
  name: string;
  type: FieldType;
  description: string;
  /** plain fields */
  read?: FieldReader;
  /**
   * fields with a parameter: `json.value[/pointer]` (argument) or `ct.request.<key>` (family).
   * Returns the reader, or a message saying why the parameter is wrong.
   */
  bind?: (param: string) => FieldReader | string;
  /** how the parameter is written, for docs and messages */
  param?: 'argument' | 'suffix';
  /**
   * How a value of this field appears in the record's raw JSON text, which lets the matcher skip a record
   * without parsing it when a rule's literal is absent: `quoted` fields hold a JSON string exactly (the text
   * contains `"value"`), `contained` fields hold text found verbatim somewhere in the record.
   */
  raw?: 'quoted' | 'contained';
  /** where the field comes from, for docs */
  origin: 'cloudtrail plugin' | 'json plugin' | 'falco' | 'cloudwarden';
}

/** A field as its group module declares it; the table adds the name and origin. */
export type FieldEntry = Omit<FieldSpec, 'name' | 'origin'>;
