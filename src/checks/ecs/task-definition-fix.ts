/**
 * A task definition is fixed by registering a new revision and moving the services to it: the remediation every
 * task definition check gives, with the container fields that check needs.
 */
export function taskDefinitionTerraform(containerFields: string): string {
  return `resource "aws_ecs_task_definition" "this" {
  family = "web"
  container_definitions = jsonencode([{
    name  = "web"
    image = "public.ecr.aws/nginx/nginx:stable"
${containerFields}
  }])
}`;
}

/** The CLI steps: register the corrected revision (`what` says what changes), then update the service. */
export function newRevisionCli(what: string): string {
  return `# register a new revision ${what}, then point the service at it\naws ecs register-task-definition --cli-input-json file://task-definition.json --region REGION\naws ecs update-service --cluster CLUSTER --service SERVICE --task-definition FAMILY --region REGION`;
}
