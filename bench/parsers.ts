/**
 * bench/parsers: how long each parser of vendor and backend text takes on inputs of up to 64 KB (§9 check
 * 13's "every input ≤64 KB parses in <50 ms"). Random XML-like and JSON-like inputs from fast-check plus
 * worst cases (deep nesting, many entities, a long run of one character). Prints p50, p99 and max per
 * parser; asserts nothing.
 *   npx tsx bench/parsers.ts [inputs=2000]
 */
import fc from 'fast-check';
import { parseEnvelope } from '../main/connectors/netvisor/envelope';
import { apiErrorFrom, parseErrorMessages } from '../main/connectors/procountor/errorBody';
import { classifyError } from '../main/connectors/vitec/assumedApi';

const count = Number(process.argv[2] ?? 2000);
const KB64 = 64 * 1024;
const fit = (text: string) => text.slice(0, KB64);

const xmlToken = fc.constantFrom('<Root>', '</Root>', '<ResponseStatus>', '</ResponseStatus>', '<Status>', '</Status>', 'OK', 'FAILED', ' :: ', '<a b="c">', '</a>', '&amp;', '<![CDATA[x]]>', 'text ');
const xml = fc.array(xmlToken, { minLength: 1000, maxLength: 8000 }).map((tokens) => fit(tokens.join('')));
const json = fc.jsonValue({ maxDepth: 6 }).map((value) => fit(JSON.stringify({ errors: [value, value, value] }).repeat(4)));

const worstXml = [
  fit(`<Root>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</Root>`),
  fit(`<Root><ResponseStatus><Status>FAILED</Status><Status>X :: ${'&amp;'.repeat(12_000)}</Status></ResponseStatus></Root>`),
  fit(`<Root><ResponseStatus><Status>OK</Status></ResponseStatus>${'<Row><A>1</A><B>2</B></Row>'.repeat(2_500)}</Root>`),
  'x'.repeat(KB64),
];
const worstJson = [fit(`${'['.repeat(30_000)}${']'.repeat(30_000)}`), fit(`{"errors":[${'{"status":400,"field":"f","message":"m"},'.repeat(1600)}{}]}`), '"'.repeat(KB64)];

function measure(label: string, inputs: ReadonlyArray<string>, parse: (input: string) => unknown): void {
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    try {
      parse(input);
    } catch {
      // parse errors are an answer too; their cost counts
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  const sizes = inputs.map((input) => input.length);
  console.log(
    `${label.padEnd(32)} ${String(inputs.length).padStart(6)}  ${(Math.max(...sizes) / 1024).toFixed(0).padStart(5)} KB  ${at(0.5).padStart(8)}  ${at(0.99).padStart(8)}  ${times.at(-1)!.toFixed(2).padStart(8)}`,
  );
}

const xmlInputs = [...fc.sample(xml, { numRuns: count, seed: 1 }), ...worstXml];
const jsonInputs = [...fc.sample(json, { numRuns: count, seed: 2 }), ...worstJson];

console.log(`Parsers on inputs of up to 64 KB (${count} random inputs each plus worst cases); times in ms`);
console.log(`${'parser'.padEnd(32)} ${'inputs'.padStart(6)}  ${'max size'.padStart(8)}  ${'p50'.padStart(8)}  ${'p99'.padStart(8)}  ${'max'.padStart(8)}`);
measure('netvisor parseEnvelope', xmlInputs, (input) => parseEnvelope(input));
measure('procountor parseErrorMessages', jsonInputs, (input) => parseErrorMessages(input));
measure('procountor apiErrorFrom', jsonInputs, (input) => apiErrorFrom(400, input));
measure('vitec classifyError', jsonInputs, (input) => classifyError(400, input));
