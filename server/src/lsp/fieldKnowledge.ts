import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { findResourcesDir } from '../core/engine/fields/resources';
import type { ExtractionConfig } from './extractionConfig';
import type { FieldSummary } from './workspaceFields';

/** What the server knows about fields outside the search: sample events and extraction config. */
export interface FieldKnowledge {
  readonly sample: ReadonlyMap<string, FieldSummary>;
  readonly sampleEvents: number;
  readonly config: ExtractionConfig;
}

/** A value worth offering for a field, with what it means when that is known. */
export interface KnownValue {
  readonly value: string;
  readonly detail?: string;
}

let sysmonSignatures: KnownValue[] | undefined;

/** Sysmon's event codes and their names, from the built-in lookup the Sysmon fields use. */
function sysmonEventCodes(): KnownValue[] {
  if (sysmonSignatures) return sysmonSignatures;
  const resources = findResourcesDir();
  try {
    const rows = resources
      ? (parse(readFileSync(join(resources, 'sysmon', 'sysmon_eventcode_signature.csv')), {
          columns: true,
        }) as Record<string, string>[])
      : [];
    sysmonSignatures = rows.flatMap((row) =>
      row.EventCode === undefined
        ? []
        : [{ value: row.EventCode, detail: `Sysmon ${row.signature ?? ''}` }],
    );
  } catch {
    // Without the built-in lookup, EventCode values come from the sample events alone.
    sysmonSignatures = [];
  }
  return sysmonSignatures;
}

/** The values of the Sysmon data security_content's detections and test data use. */
const wellKnown: Readonly<Record<string, readonly KnownValue[]>> = {
  sourcetype: [{ value: 'XmlWinEventLog', detail: 'Windows event logs rendered as XML' }],
  source: [
    {
      value: 'XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
      detail: 'Sysmon, as the Windows add-on collects it',
    },
  ],
};

/**
 * Values to offer after `field=`: the most frequent values in the sample events first, then the
 * well-known values of EventCode, sourcetype and source that the sample lacks.
 */
export function valuesFor(field: string, knowledge: FieldKnowledge): KnownValue[] {
  const summary = knowledge.sample.get(field);
  const values: KnownValue[] = (summary?.topValues ?? []).map(({ value, count }) => ({
    value,
    detail: `${count} of ${knowledge.sampleEvents} sample events`,
  }));
  const known =
    field === 'EventCode' || field === 'EventID' || field === 'signature_id'
      ? sysmonEventCodes()
      : (wellKnown[field] ?? []);
  const seen = new Set(values.map((value) => value.value));
  return [...values, ...known.filter((value) => !seen.has(value.value))];
}

/** Every field name known outside the search, sample fields first. */
export function knownFieldNames(knowledge: FieldKnowledge): string[] {
  return [...new Set([...knowledge.sample.keys(), ...knowledge.config.fieldNames()])];
}
