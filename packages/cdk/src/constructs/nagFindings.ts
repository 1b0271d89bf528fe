import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Renders a resource of an IAM statement the way cdk-nag names it in
 * `AwsSolutions-IAM5[Resource::...]` findings (`<LogicalId.Arn>/text/*`), so
 * a wildcard resource can be acknowledged precisely, finding by finding.
 */
function nagResourceName(scope: IConstruct, resource: string): string {
  const visit = (node: unknown): string => {
    if (node === undefined) return '';
    if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
    if (typeof node === 'object' && node !== null) {
      const fn = node as Record<string, unknown>;
      if (Array.isArray(fn['Fn::Join'])) {
        const [delimiter, parts] = fn['Fn::Join'] as [string, unknown[]];
        return parts.map(visit).join(delimiter);
      }
      if (fn['Fn::Sub'] !== undefined) return visit(fn['Fn::Sub']);
      if (Array.isArray(fn['Fn::GetAtt'])) {
        const [id, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
        return `<${visit(id)}.${visit(attribute)}>`;
      }
      if (fn.Ref !== undefined) return `<${visit(fn.Ref)}>`;
    }
    return JSON.stringify(node);
  };
  return visit(Stack.of(scope).resolve(resource));
}

/**
 * Acknowledges an `AwsSolutions-IAM5` finding for one wildcard resource on
 * `scope` (a role: the finding sits on its policy, a child of the role).
 */
function acknowledgeWildcardResource(scope: IConstruct, resource: string, reason: string): void {
  Validations.of(scope).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${nagResourceName(scope, resource)}]`,
    reason,
  });
}

export { acknowledgeWildcardResource, nagResourceName };
