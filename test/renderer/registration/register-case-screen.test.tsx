import { QueryClientProvider } from '@tanstack/react-query';
import axe from 'axe-core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src-shared/contract/result';
import type {
  RegistrationRequest,
  RegistrationResponse,
} from '../../../src-shared/register-api/registration';
import { createQueryClient } from '../../../src-renderer/app/query-client';
import { RegisterCaseScreen } from '../../../src-renderer/features/registration/components/register-case-screen';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-provider';
import { DEMO_CASES, DEMO_USERS, idCardSession } from '../support/demo-data';
import { createFakeHost, type FakeHostOptions } from '../support/fake-host';
import { resetWindow } from '../support/render-app';

afterEach(resetWindow);

const CHANCERY = DEMO_USERS[1]!.user;
const VALID_PERSONAL_CODE = '48001010005';

const registered: RegistrationResponse = {
  number: '2-26-1234',
  case: { ...DEMO_CASES[0]!, id: 'case-new', number: '2-26-1234', status: 'registered' },
  proceedings: [],
  formerNumbers: [],
  allocation: {
    judges: [{ id: 'u-kask', name: 'Kadri Kask' }],
    logSeq: 41,
    record: {
      seq: 41,
      at: '2026-03-02T10:00:00+02:00',
      kind: 'draw',
      courtCode: 'HMK',
      caseId: 'case-new',
      judgeIds: ['u-kask'],
      lowPool: false,
      warnings: [],
      planVersion: 3,
      draw: {
        rulesVersion: 'draw-v1',
        panel: false,
        candidates: [
          { judgeId: 'u-kask', weight: 0.75, workload: 12 },
          { judgeId: 'u-saar', weight: 1, workload: 20 },
        ],
        excluded: [{ judgeId: 'u-mets', why: 'absent', reason: 'puhkus (2026-03-01 – 2026-03-14)' }],
        random: [123456],
      },
      earlierCase: null,
      reason: null,
      actorUserId: CHANCERY.id,
    },
  },
  allocationNote: null,
};

function renderRegister(options: FakeHostOptions = {}, courts = ['HMK']) {
  window.localStorage.setItem('chambers.language', 'en');
  const host = createFakeHost({ session: idCardSession(CHANCERY), ...options });
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const onOpenCase = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider>
        {/* The app shell puts every screen in <main>. */}
        <main>
          <RegisterCaseScreen courts={courts} onOpenCase={onOpenCase} />
        </main>
      </I18nProvider>
    </QueryClientProvider>,
  );
  const sent = () =>
    host.calls
      .filter((call) => call.channel === 'cases:register')
      .map((call) => call.input as RegistrationRequest);
  return { host, onOpenCase, sent };
}

const change = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillValidCase() {
  change('Procedure type', 'civil');
  change('Subject', 'Hagi üürivõla väljamõistmiseks');
  change('Value of the claim in euros', '1 500,50');
  change('Name', 'Mari Tamm');
  change('Personal identification code', VALID_PERSONAL_CODE);
  change('Procedural role', 'plaintiff');
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Register the case' }));

describe('Register a case', () => {
  it('shows each problem next to its field and in a summary with links, and sends nothing', async () => {
    const { sent } = renderRegister();
    change('Personal identification code', '12345678901');
    submit();
    const summary = await screen.findByTestId('error-summary');
    const links = within(summary)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      'Choose the procedure type',
      'Write the subject of the case',
      'Party 1: Write the name of the party',
      'Party 1: This is not a valid Estonian personal identification code. Check the digits or leave the field empty.',
      'Party 1: Choose the procedural role',
    ]);
    expect(document.activeElement).toBe(summary);
    const subject = screen.getByLabelText('Subject');
    expect(subject.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(subject.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent,
    ).toBe('Write the subject of the case');
    fireEvent.click(within(summary).getByRole('link', { name: 'Write the subject of the case' }));
    expect(document.activeElement).toBe(subject);
    expect(window.location.hash).toBe('');
    // A fixed field loses its message at once.
    change('Subject', 'Hagi');
    expect(within(summary).queryByText('Write the subject of the case')).toBeNull();
    expect(sent()).toEqual([]);
  });

  it('refuses a role of another procedure type and a claim value that is not an amount', async () => {
    renderRegister();
    fillValidCase();
    change('Value of the claim in euros', 'palju');
    change('Procedure type', 'criminal');
    // The civil role is gone with the change of type; the claim value field too.
    expect((screen.getByLabelText('Procedural role') as HTMLSelectElement).value).toBe('');
    expect(screen.queryByLabelText('Value of the claim in euros')).toBeNull();
    change('Procedure type', 'civil');
    submit();
    const summary = await screen.findByTestId('error-summary');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Write the value of the claim in euros, e.g. 1500 or 1500.50',
      'Party 1: Choose the procedural role',
    ]);
  });

  it('refuses a file over 512 KiB and a file of a type the register does not take', async () => {
    renderRegister();
    fireEvent.click(screen.getByRole('button', { name: 'Add a document' }));
    const input = screen.getByLabelText('File');
    fireEvent.change(input, {
      target: { files: [new File([new Uint8Array(600 * 1024)], 'big.pdf', { type: 'application/pdf' })] },
    });
    expect(await screen.findByText(/The file is 600 kB; at most 512 kB can be sent/)).toBeTruthy();
    fireEvent.change(input, {
      target: { files: [new File(['x'], 'movie.mp4', { type: 'video/mp4' })] },
    });
    expect(await screen.findByText(/Files of this type \(video\/mp4\) cannot be filed/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('registers, then shows the number, the judge and why the register chose them', async () => {
    const register = vi.fn((_input: unknown) => registered);
    const { onOpenCase, sent } = renderRegister({ handlers: { 'cases:register': register } });
    fillValidCase();
    change('Representative', 'Vandeadvokaat Jaan Kask');
    fireEvent.click(screen.getByRole('button', { name: 'Add a document' }));
    fireEvent.change(screen.getByLabelText('File'), {
      target: { files: [new File(['Hagiavaldus'], 'hagiavaldus.pdf', { type: 'application/pdf' })] },
    });
    await screen.findByTestId('document-chosen');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('hagiavaldus');
    change('Kind of document', 'statement_of_claim');
    submit();

    expect((await screen.findByTestId('registered-number')).textContent).toBe('2-26-1234');
    const [request] = sent();
    expect(request).toMatchObject({
      courtCode: 'HMK',
      procedureType: 'civil',
      subject: 'Hagi üürivõla väljamõistmiseks',
      claimValueCents: 150050,
      restriction: 'none',
      parties: [
        {
          kind: 'natural',
          name: 'Mari Tamm',
          personalCode: VALID_PERSONAL_CODE,
          role: 'plaintiff',
          representative: 'Vandeadvokaat Jaan Kask',
        },
      ],
      documents: [
        {
          title: 'hagiavaldus',
          kind: 'statement_of_claim',
          mediaType: 'application/pdf',
          restricted: false,
          content: btoa('Hagiavaldus'),
        },
      ],
    });
    expect(request!.requestId).toMatch(/^[0-9a-f-]{36}$/);

    expect(within(screen.getByTestId('allocated-judges')).getByText('Kadri Kask')).toBeTruthy();
    const reasons = screen.getByTestId('allocation-reasons');
    expect(reasons.textContent).toContain('The register drew the judge at random');
    expect(reasons.textContent).toContain('Under version 3 of the allocation plan');
    expect(reasons.textContent).toContain('2 judges took part in the draw.');
    expect(reasons.textContent).toContain('Kadri Kask: intake share 0.75, open cases of this type 12');
    expect(reasons.textContent).toContain('absent — puhkus (2026-03-01 – 2026-03-14)');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'The case is registered' }));

    fireEvent.click(screen.getByRole('button', { name: 'Open the case' }));
    expect(onOpenCase).toHaveBeenCalledWith('case-new');
    fireEvent.click(screen.getByRole('button', { name: 'Register another case' }));
    expect((screen.getByLabelText('Subject') as HTMLTextAreaElement).value).toBe('');
  });

  it('offline, says nothing was registered, keeps the form, and retries with the same requestId', async () => {
    let online = false;
    const { sent } = renderRegister({
      handlers: {
        'cases:register': () => {
          if (!online) throw new AppError('unavailable', 'The register cannot be reached.');
          return registered;
        },
      },
    });
    fillValidCase();
    submit();
    const notice = await screen.findByTestId('register-offline');
    expect(notice.textContent).toContain('Nothing was registered, and the form keeps what you entered.');
    expect((screen.getByLabelText('Subject') as HTMLTextAreaElement).value).toBe(
      'Hagi üürivõla väljamõistmiseks',
    );
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Mari Tamm');
    online = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try to register again' }));
    await screen.findByTestId('registered-number');
    const [first, second] = sent();
    expect(second!.requestId).toBe(first!.requestId);
  });

  it('offers a choice of court when the user may register at more than one', async () => {
    const { sent } = renderRegister({ handlers: { 'cases:register': () => registered } }, ['HMK', 'TMK']);
    fillValidCase();
    submit();
    const summary = await screen.findByTestId('error-summary');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Choose the court']);
    change('Court', 'TMK');
    submit();
    await screen.findByTestId('registered-number');
    expect(sent()[0]!.courtCode).toBe('TMK');
  });

  it('has no accessibility violations axe can find in jsdom: with errors, and the result', async () => {
    renderRegister({ handlers: { 'cases:register': () => registered } }, ['HMK', 'TMK']);
    fireEvent.click(screen.getByRole('button', { name: 'Add a party' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a document' }));
    submit();
    await screen.findByTestId('error-summary');
    const rules = { 'color-contrast': { enabled: false } };
    const describe = (results: axe.AxeResults) =>
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
    expect(describe(await axe.run(document.body, { rules }))).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove party 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove document 1' }));
    change('Court', 'HMK');
    fillValidCase();
    submit();
    await screen.findByTestId('registered-number');
    expect(describe(await axe.run(document.body, { rules }))).toEqual([]);
  });
});
