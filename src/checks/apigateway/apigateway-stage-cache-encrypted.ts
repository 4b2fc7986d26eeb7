import { methodSettingsTerraform } from '../apigateway-method-settings-terraform.ts';
import { defineCheck, fail, pass } from '../define-check.ts';

export default defineCheck({
  id: 'apigateway-stage-cache-encrypted',
  aliases: ['APIGateway.5', 'AVD-AWS-0002', 'apigateway_restapi_cache_encrypted'],
  service: 'apigateway',
  resource: 'apigateway-stage',
  severity: 'medium',
  title: 'API Gateway REST API stages encrypt the responses they cache',
  description:
    "A stage cache keeps integration responses (which may hold personal data or tokens) on the cache cluster's disks. The check reads the stage's `methodSettings` from GetStages and fails when any entry caches (`cachingEnabled`) without `cacheDataEncrypted`; a stage that caches nothing passes. Security Hub APIGateway.5.",
  remediation: {
    terraform: methodSettingsTerraform(['caching_enabled      = true', 'cache_data_encrypted = true']),
    cli: "aws apigateway update-stage --rest-api-id API_ID --stage-name STAGE --patch-operations 'op=replace,path=/*/*/caching/dataEncrypted,value=true' --region REGION  # per overridden method: path=/RESOURCE~1PATH/METHOD/caching/dataEncrypted",
    console:
      'API Gateway console (in the region) > APIs > API > Stages > STAGE > Stage details > Edit > Cache settings > Encrypt cache data > Save (and the same in each method override that caches).',
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
    'https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5',
  ],
  needs: ['apigateway:GetStages'],
  triggers: ['CreateStage', 'UpdateStage'],
  evaluate(stage) {
    const label = `${stage.apiName}/${stage.name}`;
    const caching = Object.entries(stage.methodSettings).filter(([, m]) => m.cachingEnabled);
    if (caching.length === 0) return pass(`${label} caches no responses`);
    const clear = caching.filter(([, m]) => !m.cacheDataEncrypted).map(([path]) => path);
    if (clear.length > 0) return fail(`${label} caches responses unencrypted for ${clear.join(', ')}`);
    return pass(`${label} encrypts its cached responses`);
  },
});
