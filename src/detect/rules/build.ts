/**
 * From rule texts to compiled rules: read every file in order, apply definitions and overrides,
 * then compile each aws_cloudtrail rule. Rules for other sources are skipped with a warning.
 */
import type { RuleSource } from '../engine/types.ts';
import { fingerprintOf, type StatefulDef } from '../stateful/definition.ts';
import { type CompiledRule, type CompiledStateful, FieldSlots, needleOf } from './compiled.ts';
import { Compiler } from './compiler.ts';
import type { RuleDef } from './definitions.ts';
import { ItemError, type Reporter } from './diagnostics.ts';
import { RuleSet } from './ruleset.ts';
import { looksLikeSigma, SIGMA_SOURCE, SigmaRuleReader, SigmaUnsupported } from './sigma/sigma-rule.ts';
import { type MappingDocument, readItems } from './yaml-items.ts';

export const CLOUDTRAIL_SOURCE = 'aws_cloudtrail';

export interface SkippedRule {
  name: string;
  source: string;
  file: string;
  line: number;
  reason: string;
}

export interface BuiltRules {
  rules: CompiledRule[];
  skipped: SkippedRule[];
  slots: FieldSlots;
}

const JSON_ONLY = (key: string) => key.startsWith('json.') || key.startsWith('jevt.');

export function buildRules(sources: readonly RuleSource[], reporter: Reporter): BuiltRules {
  const set = new RuleSet(reporter);
  const sigma: MappingDocument[] = [];
  const sigmaDocuments = { accepts: looksLikeSigma, take: (document: MappingDocument) => sigma.push(document) };
  for (const source of sources) {
    for (const item of readItems(source.file, source.text, reporter, sigmaDocuments)) set.add(item);
  }
  const slots = new FieldSlots();
  const compiler = new Compiler({ lists: set.lists, macros: set.macros, slots });
  const rules: CompiledRule[] = [];
  const skipped: SkippedRule[] = [];
  const skip = (rule: RuleDef, reason: string) => {
    skipped.push({ name: rule.name, source: rule.source, file: rule.file, line: rule.pos.line, reason });
    reporter.warn(rule.pos, `rule "${rule.name}" skipped: ${reason}`);
  };
  for (const rule of set.rules.values()) {
    if (rule.source === CLOUDTRAIL_SOURCE) {
      try {
        rules.push(compileRule(compiler, rule, rules.length, rule.source));
      } catch (error) {
        if (!(error instanceof ItemError)) throw error;
        if (rule.skipIfUnknownFilter && error.message.startsWith('unknown field'))
          skip(rule, `${error.message} (skip-if-unknown-filter is set)`);
        else reporter.error(error.pos, `rule "${rule.name}": ${error.message}`);
      }
      continue;
    }
    if (rule.source === 'k8s_audit') {
      // Sysdig Cloud Connector ran k8s_audit rules written with jevt.value[...] over CloudTrail records
      const jsonOnly = new Compiler({ lists: set.lists, macros: set.macros, slots, allowField: JSON_ONLY });
      try {
        rules.push(compileRule(jsonOnly, rule, rules.length, rule.source));
        reporter.warn(
          rule.pos,
          `rule "${rule.name}" has source k8s_audit but reads only json/jevt fields: run on CloudTrail records as Sysdig Cloud Connector does`,
        );
      } catch (error) {
        if (!(error instanceof ItemError)) throw error;
        skip(rule, `source k8s_audit is not CloudTrail (${error.message})`);
      }
      continue;
    }
    const defaulted =
      rule.source === 'syscall'
        ? ' (a rule without "source" is a syscall rule, as in Falco; add "source: aws_cloudtrail")'
        : '';
    skip(rule, `source ${rule.source} is not aws_cloudtrail${defaulted}`);
  }
  // Sigma rules come after the Falco rules: their alerts for one event follow the Falco rules' alerts
  for (const document of sigma) {
    let reader: SigmaRuleReader | undefined;
    try {
      reader = new SigmaRuleReader(document);
      rules.push(reader.compile(slots, rules.length));
    } catch (error) {
      const title = reader?.title ?? '(untitled)';
      if (error instanceof SigmaUnsupported) {
        skipped.push({
          name: title,
          source: SIGMA_SOURCE,
          file: document.source.file,
          line: error.pos.line,
          reason: error.message,
        });
        reporter.warn(error.pos, `Sigma rule "${title}" skipped: ${error.message}`);
      } else if (error instanceof ItemError) reporter.error(error.pos, `Sigma rule "${title}": ${error.message}`);
      else throw error;
    }
  }
  // Macros have no source: one no aws_cloudtrail rule uses may belong to syscall rules in the same
  // directory, written in syntax this engine does not take, so its problems are only noted.
  const used = compiler.usedMacros;
  for (const macro of set.macros.values()) {
    if (used.has(macro.name)) continue;
    try {
      compiler.parseMacro(macro);
    } catch (error) {
      if (!(error instanceof ItemError)) throw error;
      reporter.warn(error.pos, `macro ${macro.name} (not used by any aws_cloudtrail rule): ${error.message}`);
    }
  }
  return { rules, skipped, slots };
}

function compileRule(compiler: Compiler, rule: RuleDef, index: number, declaredSource: string): CompiledRule {
  const { test, pins } = compiler.compileCondition(rule.condition, rule.exceptions);
  const output = compiler.compileOutput(rule.output);
  const stateful = rule.stateful ? compileStateful(compiler, rule.stateful) : undefined;
  return {
    index,
    name: rule.name,
    file: rule.file,
    line: rule.pos.line,
    column: rule.pos.column,
    desc: rule.desc,
    priority: rule.priority,
    tags: rule.tags,
    enabled: rule.enabled,
    declaredSource,
    test,
    output: output.parts,
    outputFields: output.fields,
    pins,
    ...(stateful ? { stateful } : {}),
    ...(pins.needles ? { needles: [...pins.needles].sort((a, b) => b.length - a.length).map(needleOf) } : {}),
  };
}

function compileStateful(compiler: Compiler, def: StatefulDef): CompiledStateful {
  const slots = (fields: { value: string; pos: RuleDef['pos'] }[]) =>
    fields.map((f) => compiler.fieldSlot(f.value, f.pos));
  const fingerprint = fingerprintOf(def);
  if (def.kind !== 'sequence') {
    const steps = [{ keySlots: slots(def.by) }];
    if (def.kind === 'first_seen' && def.given) return { def, fingerprint, steps, givenSlots: slots(def.given) };
    if (def.kind === 'threshold' && def.distinct)
      return { def, fingerprint, steps, distinctSlots: slots(def.distinct) };
    return { def, fingerprint, steps };
  }
  // a step's condition may use the file's macros and lists, and is checked like the rule's own
  const steps = def.steps.map((step) => ({
    test: compiler.compileCondition(step.condition, []).test,
    keySlots: slots(step.by),
  }));
  return { def, fingerprint, steps };
}
