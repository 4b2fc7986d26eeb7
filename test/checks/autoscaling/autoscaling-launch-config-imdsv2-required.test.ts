import check from '../../../src/checks/autoscaling/autoscaling-launch-config-imdsv2-required.ts';
import { testCheck } from '../../support/check-tester.ts';
import { CONFIGURATIONS_DENIED, configurations, launchConfiguration } from './autoscaling-builders.ts';

testCheck(check, {
  pass: [
    {
      name: 'HttpTokens required',
      snapshot: configurations(launchConfiguration('web-lc')),
      message: 'web-lc requires IMDSv2 session tokens',
    },
    {
      name: 'metadata endpoint disabled',
      snapshot: configurations(
        launchConfiguration('sealed-lc', { MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'disabled' } }),
      ),
      message: 'sealed-lc turns the metadata service off',
    },
  ],
  fail: [
    {
      name: 'HttpTokens optional',
      snapshot: configurations(
        launchConfiguration('legacy-lc', {
          MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
        }),
      ),
      message: 'legacy-lc allows IMDSv1 (HttpTokens optional)',
    },
    {
      name: 'no MetadataOptions (created before 2020)',
      snapshot: configurations(launchConfiguration('old-lc', { MetadataOptions: undefined })),
      message: 'old-lc allows IMDSv1 (HttpTokens not set',
    },
  ],
  unknown: [CONFIGURATIONS_DENIED],
});
