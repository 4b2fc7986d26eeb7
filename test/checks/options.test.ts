import { describe, expect, it } from 'vitest';
import { checkPage } from '../../scripts/gen.ts';
import { CHECKS } from '../../src/checks/catalogue.ts';
import sgCheck from '../../src/checks/ec2/ec2-sg-no-public-admin-ports.ts';
import { describeOptions, yamlValue } from '../../src/checks/options.ts';

const configurable = CHECKS.filter((c) => c.options);

describe('check options', () => {
  it('the three thresholds users of Prowler expect are configurable', () => {
    expect(configurable.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'ec2-sg-no-public-admin-ports',
        'iam-user-unused-credentials',
        'iam-user-access-keys-rotated',
      ]),
    );
  });

  // what a config file that names the check but sets nothing relies on, and what `checks show` prints
  it.each(configurable.map((c) => [c.id, c] as const))(
    '%s: every option has a default and a meaning; unknown options are rejected',
    (_id, check) => {
      expect(check.options?.safeParse({}).success).toBe(true);
      expect(check.options?.safeParse({ no_such_option: 1 }).success).toBe(false);
      for (const option of describeOptions(check)) {
        expect(option.default, option.name).not.toBe('none');
        expect(option.description.length, option.name).toBeGreaterThan(10);
        expect(option.type, option.name).not.toBe('value');
      }
    },
  );

  it('a check without options describes none', () => {
    const plain = CHECKS.find((c) => c.id === 's3-bucket-versioning-enabled');
    expect(plain && describeOptions(plain)).toEqual([]);
  });

  it('defaults are written the way a config file writes them', () => {
    expect(yamlValue([22, 3389])).toBe('[22, 3389]');
    expect(yamlValue(['arn:aws:iam::*:role/Admin'])).toBe('["arn:aws:iam::*:role/Admin"]');
    expect(yamlValue(90)).toBe('90');
  });

  it('the generated page has an Options table and a config example', () => {
    const page = checkPage({ file: 'src/checks/ec2/ec2-sg-no-public-admin-ports.ts', check: sgCheck });
    expect(page).toContain('## Options');
    expect(page).toContain('| Option | Type | Default | Meaning |');
    expect(page).toMatch(/\| `ports` \| list of integer 0-65535 \| `\[20, 21, 22, .*, 9300\]` \| TCP ports /);
    expect(page).toContain('```yaml\nchecks:\n  ec2-sg-no-public-admin-ports:\n    ports: [20, 21, 22,');
  });
});
