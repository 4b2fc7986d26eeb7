import { readFile } from 'node:fs/promises';
import { UserError } from '../../errors.ts';
import type { CodeResource } from '../code-resource.ts';
import { Unknown } from '../values.ts';
import { TemplateEvaluator, type EvaluatorSettings } from './intrinsics.ts';
import { parseTemplate } from './template.ts';

/**
 * The resources of one template, with their properties evaluated. A resource whose `Condition` is false is not
 * created and not scanned; one whose condition cannot be decided is scanned (it may be created).
 */
export async function loadTemplate(
  path: string,
  display: string,
  settings: EvaluatorSettings,
): Promise<CodeResource[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError('cannot be read', { file: display });
  }
  const template = parseTemplate(display, text);
  const evaluator = new TemplateEvaluator(template, settings);
  const out: CodeResource[] = [];
  for (const resource of template.resources) {
    if (evaluator.included(resource) === false) continue;
    const properties = evaluator.properties(resource.logicalId);
    out.push({
      address: resource.logicalId,
      type: resource.type,
      // a cycle leaves every property it wrote unresolved, so the checks that read them say unknown
      values:
        properties instanceof Unknown
          ? Object.fromEntries(Object.keys(resource.propertySpans).map((k) => [k, properties]))
          : properties,
      span: resource.span,
      lines: template.lines,
      spans: resource.propertySpans,
    });
  }
  return out;
}
