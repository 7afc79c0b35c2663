/**
 * The part of planning a re-run that every connector shares: a named check brings every check it depends
 * on, so a re-test of one thing still proves that what it stands on works today. What `only` may name
 * (checks, rows) differs per connector and stays in each connector's plan.
 */
export function withDependencies<Id extends string>(checks: Set<Id>, dependsOn: { readonly [K in Id]: Id | undefined }): Set<Id> {
  for (const id of [...checks]) {
    for (let dependency = dependsOn[id]; dependency; dependency = dependsOn[dependency]) checks.add(dependency);
  }
  return checks;
}
