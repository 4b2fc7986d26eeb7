/**
 * An alert from a rule and the values of the fields it reads. The matcher builds a stateless rule's alert from the
 * event it is on; the stateful stage builds a stateful rule's alert from the values a StatefulMatch carries, only
 * when the match fires (most only update the state), so both give the same alert.
 */
import type { FieldValue } from '../fields/event.ts';
import type { CompiledRule } from '../rules/compiled.ts';
import type { Alert } from './types.ts';

/** the event's own members an alert carries beside the rule's fields */
export interface AlertEvent {
  time: string;
  eventID: string | null;
  eventName: string | null;
  awsRegion: string | null;
  recipientAccountId: string | null;
}

function textOf(value: FieldValue): string {
  return value === undefined ? '<NA>' : String(value);
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** the slots a rule's alert reads (output, then output fields), each once, in a fixed order */
export function alertSlots(rule: CompiledRule): number[] {
  const slots: number[] = [];
  for (const part of rule.output) if (typeof part !== 'string' && !slots.includes(part.slot)) slots.push(part.slot);
  for (const field of rule.outputFields) if (!slots.includes(field.slot)) slots.push(field.slot);
  return slots;
}

export function buildAlert(rule: CompiledRule, get: (slot: number) => FieldValue, event: AlertEvent): Alert {
  let output = '';
  for (const part of rule.output) output += typeof part === 'string' ? part : textOf(get(part.slot));
  const outputFields: Alert['output_fields'] = {};
  for (const field of rule.outputFields) {
    const value = get(field.slot);
    outputFields[field.key] = value === undefined ? null : value;
  }
  return {
    time: event.time,
    rule: rule.name,
    priority: rule.priority,
    output,
    tags: [...rule.tags],
    source: 'aws_cloudtrail',
    output_fields: outputFields,
    eventID: event.eventID,
    eventName: event.eventName,
    awsRegion: event.awsRegion,
    recipientAccountId: event.recipientAccountId,
  };
}
