/**
 * diagnose.taskPackPdf through the real runtime (sandbox, dispatchCall) with an injected printer: the PDF
 * is the printer's bytes, printed from the same checklist HTML; a run whose checklist would carry one of its
 * secrets is refused before anything is printed; a host without a printer says so (E_PDF_UNAVAILABLE) and
 * app.info tells the renderer whether to offer the button at all.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { AppError } from '../../../main/platform/errors';
import { scenario, startRuntime, tempDir, type Harness } from './support';

const PDF_BYTES = new Uint8Array(Buffer.from('%PDF-1.7\n% a fake, but well-headed, PDF\n%%EOF\n', 'latin1'));
const PARTNER_SEARCH_KEY = '10DF2FEE83FE7AF6A7904255AF607A6E';

type Printer = (html: string) => Promise<Uint8Array>;

describe('diagnose.taskPackPdf', () => {
  let sandbox: Sandbox;
  let printer: ReturnType<typeof vi.fn<Printer>>;
  let printing: Harness;
  let plain: Harness;

  beforeAll(async () => {
    sandbox = await startSandbox({ dataDir: await tempDir() });
    printer = vi.fn<Printer>(async () => PDF_BYTES);
    printing = await startRuntime({ sandbox, printToPdf: (html) => printer(html) });
    plain = await startRuntime({ sandbox });
  });
  afterAll(async () => {
    await printing?.stop();
    await plain?.stop();
    await sandbox?.close();
  });

  /** A typed Netvisor credential of the sandbox scenario, diagnosed; returns the operation id. */
  async function diagnose(h: Harness, scenarioId: string): Promise<string> {
    const chosen = scenario(sandbox, scenarioId);
    const operationId = randomUUID();
    await h.ok('diagnose.run', { operationId, system: 'netvisor', fields: { ...chosen.fields, environment: 'sandbox' }, secrets: { customerKey: chosen.secrets.customerKey! } });
    return operationId;
  }

  it('app.info offers PDF only where the runtime has a printer', async () => {
    expect((await printing.ok('app.info', {})).canPrintPdf).toBe(true);
    expect((await plain.ok('app.info', {})).canPrintPdf).toBe(false);
  });

  it("returns the printer's bytes as base64, printed from the checklist HTML", async () => {
    printer.mockClear();
    const file = await printing.ok('diagnose.taskPackPdf', { system: 'netvisor' });
    expect(file.fileName).toBe('exopen-connect-netvisor-checklist.pdf');
    expect(new Uint8Array(Buffer.from(file.base64, 'base64'))).toEqual(PDF_BYTES);
    expect(printer).toHaveBeenCalledTimes(1);
    const [html] = printer.mock.calls[0]!;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain(PARTNER_SEARCH_KEY);
  });

  it("prints a run's fixes, the same checklist diagnose.taskPack hands out", async () => {
    const operationId = await diagnose(printing, 'two-blocked');
    printer.mockClear();
    await printing.ok('diagnose.taskPackPdf', { system: 'netvisor', operationId });
    const [printed] = printer.mock.calls[0]!;
    expect(printed).toContain('accountingledger.nv');
    const { html } = await printing.ok('diagnose.taskPack', { system: 'netvisor', operationId });
    // Only the "prepared" day could differ between the two builds (across midnight).
    const undated = (text: string) => text.replace(/\d{4}-\d\d-\d\d/g, 'YYYY-MM-DD');
    expect(undated(printed)).toBe(undated(html));
  });

  it("refuses a checklist that carries one of the run's secrets, as HTML and as PDF, and never prints it", async () => {
    const chosen = scenario(sandbox, 'healthy');
    const customerKey = chosen.secrets.customerKey!;
    // Redaction matches exactly; a vendor that echoes the key upper-cased slips past it, the scan does not.
    sandbox.netvisor.failNext(chosen.fields.customerId!, { kind: 'error', code: 'SERVICE_ACCESS_ERROR', text: `Unknown key ${customerKey.toUpperCase()}` });
    const operationId = await diagnose(printing, 'healthy');
    // The precondition: the echo really is in the run's vendor words, which the checklist quotes.
    expect(JSON.stringify(printing.answers.at(-1)).toLowerCase()).toContain(customerKey.toLowerCase());
    // The HTML checklist is refused the same way.
    const refusedHtml = await printing.fail('diagnose.taskPack', { system: 'netvisor', operationId });
    expect(refusedHtml.code).toBe('E_BUNDLE_SECRET_FOUND');
    expect(refusedHtml.message.toLowerCase()).not.toContain(customerKey.toLowerCase());

    printer.mockClear();
    const error = await printing.fail('diagnose.taskPackPdf', { system: 'netvisor', operationId });
    expect(error.code).toBe('E_BUNDLE_SECRET_FOUND');
    expect(error.message).toContain('exopen-connect-netvisor-checklist.pdf');
    expect(error.message.toLowerCase()).not.toContain(customerKey.toLowerCase());
    expect(printer).not.toHaveBeenCalled();
  });

  it('says PDF is unavailable where the host has no printer, and where to print the HTML instead', async () => {
    const error = await plain.fail('diagnose.taskPackPdf', { system: 'netvisor' });
    expect(error.code).toBe('E_PDF_UNAVAILABLE');
    expect(error.message).toMatch(/HTML checklist.*browser/);
  });

  it('hands out nothing the printer made that is not a PDF', async () => {
    printer.mockResolvedValueOnce(new TextEncoder().encode('<html>not a pdf</html>'));
    expect((await printing.fail('diagnose.taskPackPdf', { system: 'netvisor' })).code).toBe('E_PDF_FAILED');
  });

  it("passes the printer's typed errors through (a timeout), not as E_INTERNAL", async () => {
    printer.mockRejectedValueOnce(new AppError('E_PDF_TIMEOUT', 'Printing the checklist to PDF did not finish within 30 s.'));
    expect((await printing.fail('diagnose.taskPackPdf', { system: 'netvisor' })).code).toBe('E_PDF_TIMEOUT');
  });

  it('refuses an unknown run as diagnose.taskPack does', async () => {
    expect((await printing.fail('diagnose.taskPackPdf', { system: 'netvisor', operationId: randomUUID() })).code).toBe('E_NO_DIAGNOSIS');
  });
});
