/**
 * Terraform for the method settings of every method (method path `*` + `/*`) of a REST API stage, shared by the remediation of the checks
 * that read `methodSettings` (execution logging, cache encryption). `settings` are the lines of its `settings` block.
 */
export function methodSettingsTerraform(settings: readonly string[]): string {
  return `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"
  settings {
${settings.map((line) => `    ${line}`).join('\n')}
  }
}`;
}
