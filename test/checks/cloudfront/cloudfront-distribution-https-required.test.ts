import check from '../../../src/checks/cloudfront/cloudfront-distribution-https-required.ts';
import { testCheck } from '../../support/check-tester.ts';
import { cacheBehavior, cloudfrontSnapshot, distribution } from '../../support/cloudfront-builders.ts';
import { awsError } from '../../support/snapshot-builders.ts';

const ID = 'E2QWRUHAPOMQZL';
const withBehaviors = (defaultPolicy: string, ...behaviors: ReturnType<typeof cacheBehavior>[]) => {
  const base = distribution(ID);
  return cloudfrontSnapshot([
    distribution(ID, {
      DefaultCacheBehavior: { ...base.DefaultCacheBehavior, ViewerProtocolPolicy: defaultPolicy },
      CacheBehaviors: behaviors.length > 0 ? { Quantity: behaviors.length, Items: behaviors } : { Quantity: 0 },
    }),
  ]);
};

testCheck(check, {
  pass: [
    {
      name: 'the default behavior redirects to HTTPS',
      snapshot: cloudfrontSnapshot([distribution(ID)]),
      message: `distribution ${ID} (e2qwruhapomqzl.example.com) requires HTTPS on all 1 cache behavior(s) (redirect-to-https)`,
    },
    {
      name: 'every behavior is redirect-to-https or https-only',
      snapshot: withBehaviors('https-only', cacheBehavior('/api/*', 'redirect-to-https')),
      message: 'all 2 cache behavior(s) (https-only, redirect-to-https)',
    },
  ],
  fail: [
    {
      name: 'the default behavior allows HTTP',
      snapshot: withBehaviors('allow-all'),
      message: 'serves HTTP (viewer protocol policy allow-all) on cache behavior(s): default (*)',
    },
    {
      name: 'one ordered behavior allows HTTP while the default redirects',
      snapshot: withBehaviors(
        'redirect-to-https',
        cacheBehavior('/images/*', 'https-only'),
        cacheBehavior('/legacy/*', 'allow-all'),
      ),
      message: 'on cache behavior(s): /legacy/*',
    },
  ],
  unknown: [
    {
      name: 'ListDistributions failed: every distribution is hidden',
      snapshot: cloudfrontSnapshot(awsError('Throttling', 'Rate exceeded')),
      arn: 'arn:aws:cloudfront::123456789012:distribution/*',
      message: 'Throttling on cloudfront:ListDistributions in global: Rate exceeded',
    },
    {
      name: 'a behavior without a viewer protocol policy (a hand-built snapshot) cannot be decided',
      snapshot: withBehaviors('redirect-to-https', { PathPattern: '/api/*' } as ReturnType<typeof cacheBehavior>),
      message: 'ListDistributions gave no ViewerProtocolPolicy for cache behavior(s): /api/*',
    },
  ],
});
