// A drafting host for the renderer tests: the fake host plus an in-memory draft store that keeps
// revisions and versions the way the desktop host does (a save on an older revision is a conflict).
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { Channel, ChannelOutput, Channels } from '../../src-shared/contract/channels';
import type {
  DecisionTemplate,
  Draft,
  DraftSummary,
  DraftVersion,
  DraftVersionContent,
} from '../../src-shared/contract/drafting';
import { AppError } from '../../src-shared/contract/result';
import { docFromText, EMPTY_DOC, wordCount, type RichDoc } from '../../src-shared/domain/rich-text';
import { createQueryClient } from '../../src-renderer/app/query-client';
import {
  DraftingContext,
  type DraftingLinks,
} from '../../src-renderer/features/drafting/lib/drafting-context';
import { useHostEvents } from '../../src-renderer/app/use-host-events';
import { I18nProvider } from '../../src-renderer/i18n/i18n-provider';
import { DEMO_USERS, idCardSession } from './support/demo-data';
import { createFakeHost, type FakeHost } from './support/fake-host';

export const DRAFT_ID = '6f1c2b7e-8a54-4c3e-9d2a-1b2c3d4e5f60';
export const CASE_ID = 'case-civil-4962';

export const TEMPLATES: DecisionTemplate[] = [
  {
    id: 'civil-judgment',
    version: 1,
    procedureType: 'civil',
    decisionKind: 'judgment',
    name: 'Tsiviilasja kohtuotsus',
    title: 'KOHTUOTSUS',
    introduction: ['court', 'caseNumber', 'parties'],
    sections: [
      { id: 'introduction', heading: 'SISSEJUHATUS', role: 'introduction', required: true },
      { id: 'operative', heading: 'RESOLUTSIOON', role: 'operative', required: true },
      {
        id: 'reasoning',
        heading: 'PÕHJENDUSED',
        role: 'reasoning',
        required: true,
        hint: 'Kirjuta põhjendused.',
      },
    ],
    appeal: {
      route: 'Otsuse peale võib esitada apellatsiooni Tallinna Ringkonnakohtule.',
      deadlineDays: 30,
      court: 'Tallinna Ringkonnakohus',
    },
  },
  {
    id: 'civil-ruling',
    version: 1,
    procedureType: 'civil',
    decisionKind: 'ruling',
    name: 'Tsiviilasja määrus',
    title: 'MÄÄRUS',
    introduction: ['court'],
    sections: [{ id: 'operative', heading: 'RESOLUTSIOON', role: 'operative', required: true }],
    appeal: {
      route: 'Määruse peale võib esitada määruskaebuse.',
      deadlineDays: 15,
      court: 'Tallinna Ringkonnakohus',
    },
  },
];

const numbered = (...texts: string[]): RichDoc => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'numberedParagraph', content: [{ type: 'text', text }] })),
});

export function makeDraft(extra: Partial<Draft> = {}): Draft {
  const sections: Draft['sections'] = [
    { id: 'introduction', heading: 'SISSEJUHATUS', role: 'introduction', required: true, content: EMPTY_DOC },
    {
      id: 'operative',
      heading: 'RESOLUTSIOON',
      role: 'operative',
      required: true,
      content: docFromText('Hagi rahuldada.'),
    },
    {
      id: 'reasoning',
      heading: 'PÕHJENDUSED',
      role: 'reasoning',
      required: true,
      hint: 'Kirjuta põhjendused.',
      content: numbered('Hageja nõuab üüri.', 'Kostja vaidleb vastu.'),
    },
  ];
  return {
    id: DRAFT_ID,
    caseId: CASE_ID,
    caseNumber: '2-24-4962',
    templateId: 'civil-judgment',
    templateVersion: 1,
    decisionKind: 'judgment',
    title: 'KOHTUOTSUS',
    status: 'draft',
    revision: 1,
    createdAt: '2025-03-05T10:00:00+02:00',
    savedAt: '2025-03-05T10:00:00+02:00',
    introduction: [
      { key: 'court', auto: 'Harju Maakohus', override: null, value: 'Harju Maakohus', autoChanged: false },
      { key: 'caseNumber', auto: '2-24-4962', override: null, value: '2-24-4962', autoChanged: false },
      {
        key: 'parties',
        auto: 'Hageja Mari Maasikas\nKostja OÜ Päikesekiir',
        override: 'Hageja Mari Maasikas (isikukood 49001010001)',
        value: 'Hageja Mari Maasikas (isikukood 49001010001)',
        autoChanged: true,
      },
    ],
    sections,
    appeal: TEMPLATES[0]!.appeal,
    wordCount: 8,
    documentNumber: null,
    ...extra,
  };
}

export interface DraftStore {
  draft: Draft;
  versions: DraftVersionContent[];
  /** The next save fails with this error. */
  saveError: AppError | null;
  submitError: AppError | null;
}

const summary = (draft: Draft): DraftSummary => ({
  id: draft.id,
  caseId: draft.caseId,
  caseNumber: draft.caseNumber,
  templateId: draft.templateId,
  title: draft.title,
  status: draft.status,
  savedAt: draft.savedAt,
  wordCount: draft.wordCount,
  documentNumber: draft.documentNumber,
  templateName: TEMPLATES.find((template) => template.id === draft.templateId)?.name ?? draft.templateId,
});

type DraftingChannel = Extract<Channel, `drafting:${string}` | `drafts:${string}`>;
type DraftingHandlers = {
  [C in DraftingChannel]: (input: z.output<Channels[C]['input']>) => ChannelOutput<C>;
};

export function draftingHandlers(store: DraftStore): DraftingHandlers {
  let clock = Date.parse('2025-03-05T12:03:05Z');
  const now = () => new Date((clock += 1000)).toISOString();
  const keepVersion = (reason: DraftVersion['reason']) => {
    const { draft } = store;
    store.versions.push({
      id: store.versions.length + 1,
      draftId: draft.id,
      revision: draft.revision,
      createdAt: now(),
      reason,
      wordCount: draft.wordCount,
      sections: draft.sections.map(({ id, heading, content }) => ({ id, heading, content })),
      overrides: {},
    });
  };
  return {
    'drafting:templates': (input) =>
      TEMPLATES.filter((template) => !input?.procedureType || template.procedureType === input.procedureType),
    'drafts:list': (input) =>
      [store.draft].filter((draft) => !input?.caseId || draft.caseId === input.caseId).map(summary),
    'drafts:get': () => store.draft,
    'drafts:create': () => store.draft,
    'drafts:import': () => store.draft,
    'drafts:save': (input) => {
      const error = store.saveError;
      store.saveError = null;
      if (error) throw error;
      if (input.baseRevision !== store.draft.revision)
        throw new AppError('conflict', 'The draft was saved in another window.');
      const sections = store.draft.sections.map((section) => ({
        ...section,
        content: input.sections.find((candidate) => candidate.id === section.id)?.content ?? section.content,
      }));
      const introduction = store.draft.introduction.map((field) => {
        const override = field.key in input.overrides ? (input.overrides[field.key] ?? null) : field.override;
        return { ...field, override, value: override ?? field.auto };
      });
      const words = sections.reduce((sum, section) => sum + wordCount(section.content), 0);
      store.draft = {
        ...store.draft,
        sections,
        introduction,
        revision: store.draft.revision + 1,
        savedAt: now(),
        wordCount: words,
      };
      if (input.version) keepVersion('manual');
      return { revision: store.draft.revision, savedAt: store.draft.savedAt, wordCount: words };
    },
    'drafts:versions': () => store.versions.map(({ sections: _s, overrides: _o, ...version }) => version),
    'drafts:version': ({ versionId }) => {
      const found = store.versions.find((version) => version.id === versionId);
      if (!found) throw new AppError('not_found', `No version ${versionId}.`);
      return found;
    },
    'drafts:restore': ({ versionId }) => {
      const found = store.versions.find((version) => version.id === versionId);
      if (!found) throw new AppError('not_found', `No version ${versionId}.`);
      keepVersion('before-restore');
      store.draft = {
        ...store.draft,
        revision: store.draft.revision + 1,
        sections: store.draft.sections.map((section) => ({
          ...section,
          content:
            found.sections.find((candidate) => candidate.id === section.id)?.content ?? section.content,
        })),
      };
      return store.draft;
    },
    'drafts:export': () => ({
      fileName: '2-24-4962_kohtuotsus.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 4,
      base64: btoa('PK\u0003\u0004'),
    }),
    'drafts:submit': () => {
      const error = store.submitError;
      store.submitError = null;
      if (error) throw error;
      store.draft = { ...store.draft, status: 'submitted', revision: store.draft.revision + 1 };
      return store.draft;
    },
    'drafts:delete': () => null,
  };
}

export function createStore(draft: Draft = makeDraft()): DraftStore {
  return { draft, versions: [], saveError: null, submitError: null };
}

/** Host events reach the query cache as under the shell (app/root.tsx). */
function HostEvents() {
  useHostEvents();
  return null;
}

export interface DraftingRender {
  host: FakeHost;
  queryClient: QueryClient;
  links: DraftingLinks & { opened: string[]; cases: string[] };
}

/**
 * Installs the host and renders `children` inside the providers and the shell's drafting context.
 * The saves the renderer sent are `callsTo(host, 'drafts:save')`; `host.state.gates['drafts:save']`
 * holds one in flight.
 */
export function renderDrafting(
  store: DraftStore,
  children: ReactNode,
  draftingCourts = ['HMK'],
): DraftingRender {
  window.localStorage.setItem('chambers.language', 'et');
  const host = createFakeHost({
    session: idCardSession(DEMO_USERS[0]!.user),
    handlers: draftingHandlers(store),
  });
  Object.defineProperty(window, 'chambers', { value: host.api, configurable: true, writable: true });
  const queryClient = createQueryClient();
  const opened: string[] = [];
  const cases: string[] = [];
  const links = {
    draftHref: (draftId: string) => `#/drafts/${draftId}`,
    openDraft: (draftId: string) => void opened.push(draftId),
    caseHref: (caseId: string) => `#/cases/${caseId}`,
    openCase: (caseId: string) => void cases.push(caseId),
    draftingCourts,
    opened,
    cases,
  };
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <DraftingContext value={links}>
          <HostEvents />
          <main>{children}</main>
        </DraftingContext>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { host, queryClient, links };
}
