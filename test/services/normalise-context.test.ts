import { describe, expect, it } from 'vitest';
import { normaliseContext, resourceArn } from '../../src/services/define-state.ts';
import { SERVICE_STATES } from '../../src/services/states.ts';

const ENVELOPE = { accountId: '123456789012', partition: 'aws', regions: ['eu-west-1'] };

describe('normaliseContext: ARNs come from the resource kinds a service declares', () => {
  const context = normaliseContext(
    {
      'ec2-vpc': { arn: resourceArn('ec2', 'vpc') },
      'ec2-image': { arn: resourceArn('ec2', 'image', 'unowned'), hiddenArn: resourceArn('ec2', 'image') },
    },
    ENVELOPE,
    'ec2',
  );
  it.each([
    ['ec2-vpc', 'vpc-0a1b', 'arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0a1b'],
    ['ec2-image', 'ami-0c2d', 'arn:aws:ec2:eu-west-1::image/ami-0c2d'],
  ])('%s %s', (kind, id, arn) => {
    expect(context.arn(kind, 'eu-west-1', id)).toBe(arn);
  });
  it("hides the account's own resources of a kind whose ARN names no account", () => {
    expect(context.hidden('ec2-image', 'eu-west-1')).toEqual({
      kind: 'ec2-image',
      arn: 'arn:aws:ec2:eu-west-1:123456789012:image/*',
    });
    expect(context.hidden('ec2-vpc', 'eu-west-1').arn).toBe('arn:aws:ec2:eu-west-1:123456789012:vpc/*');
  });
  it('refuses a kind the service does not declare', () => {
    expect(() => context.arn('rds-instance', 'eu-west-1', 'db')).toThrow(
      'ec2 does not declare the resource kind rds-instance',
    );
  });
  it('every declared kind builds an ARN of its own service', () => {
    for (const [name, state] of Object.entries(SERVICE_STATES)) {
      const own = normaliseContext(state.resources, ENVELOPE, name);
      for (const kind of Object.keys(state.resources))
        expect(own.arn(kind, 'eu-west-1', 'x'), kind).toMatch(/^arn:aws:[a-z0-9-]+:(eu-west-1)?:(123456789012)?:.*x$/);
    }
  });
});
