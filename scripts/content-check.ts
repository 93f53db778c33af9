// Validates content/ against the schemas; exits 1 with one line per problem.
import { checkContent, formatProblems } from '#/features/indhold/check.ts';

const problems = checkContent(new URL('../content', import.meta.url).pathname);
if (problems.length > 0) {
  console.error(`Indholdet har ${problems.length} fejl:\n${formatProblems(problems)}`);
  process.exit(1);
}
console.log('Indholdet er i orden.');
