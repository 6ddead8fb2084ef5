import type { z } from 'zod';
import type { CaseRestriction } from '../../../../src-shared/domain/case';
import { isPartyRoleOf } from '../../../../src-shared/domain/party-roles';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import {
  type ParsedRegistrationRequest,
  RegistrationRequest,
} from '../../../../src-shared/register-api/registration';
import type { PlainMessageKey } from '../../../i18n/dictionary';
import { type AttachedFile, type FileProblem, titleFromFileName } from './document-file';

export interface PartyDraft {
  /** Stable React key; rows are added and removed. */
  key: string;
  kind: 'natural' | 'legal';
  name: string;
  /** Personal identification code (natural) or registry code (legal); blank when unknown. */
  code: string;
  role: string;
  representative: string;
}

export interface DocumentDraft {
  key: string;
  title: string;
  kind: string;
  restricted: boolean;
  file: AttachedFile | null;
  fileProblem: FileProblem | null;
}

/** The form as typed: strings as entered, so nothing the user wrote is lost to parsing. */
export interface RegistrationDraft {
  courtCode: string;
  procedureType: ProcedureType | '';
  subject: string;
  category: string;
  /** Euros as typed: `1500`, `1 500,50`, `1500.5`. */
  claimValue: string;
  restriction: CaseRestriction;
  parties: PartyDraft[];
  documents: DocumentDraft[];
}

let nextKey = 0;
const newKey = (prefix: string) => `${prefix}-${(nextKey += 1)}`;

export const emptyParty = (): PartyDraft => ({
  key: newKey('party'),
  kind: 'natural',
  name: '',
  code: '',
  role: '',
  representative: '',
});

export const emptyDocument = (): DocumentDraft => ({
  key: newKey('document'),
  title: '',
  kind: '',
  restricted: false,
  file: null,
  fileProblem: null,
});

export function emptyDraft(courts: readonly string[]): RegistrationDraft {
  return {
    courtCode: courts.length === 1 ? courts[0]! : '',
    procedureType: '',
    subject: '',
    category: '',
    claimValue: '',
    restriction: 'none',
    parties: [emptyParty()],
    documents: [],
  };
}

/** Euros as people write them → cents; NaN when it is not an amount (the schema then refuses it). */
export function eurosToCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return Number.NaN;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** The request as the register's schema reads it (requestId is added when sending). */
export function toRequestInput(draft: RegistrationDraft) {
  return {
    courtCode: draft.courtCode,
    procedureType: draft.procedureType,
    subject: draft.subject,
    category: orNull(draft.category),
    claimValueCents: draft.procedureType === 'civil' ? eurosToCents(draft.claimValue) : null,
    restriction: draft.restriction,
    parties: draft.parties.map((party) =>
      party.kind === 'natural'
        ? {
            kind: 'natural' as const,
            name: party.name,
            personalCode: orNull(party.code.trim()),
            role: party.role,
            representative: orNull(party.representative),
          }
        : {
            kind: 'legal' as const,
            name: party.name,
            registryCode: orNull(party.code.trim()),
            role: party.role,
            representative: orNull(party.representative),
          },
    ),
    documents: draft.documents.map((document) => ({
      title: document.title,
      kind: document.kind,
      mediaType: document.file?.mediaType ?? '',
      restricted: document.restricted,
      content: document.file?.content,
    })),
  };
}

/** A problem with one field: the element to focus, the message, and the row it belongs to. */
export interface FieldError {
  fieldId: string;
  message: PlainMessageKey;
  row?: { kind: 'party' | 'document'; number: number };
}

export const fieldId = {
  courtCode: 'register-court',
  procedureType: 'register-procedure-type',
  subject: 'register-subject',
  category: 'register-category',
  claimValue: 'register-claim-value',
  restriction: 'register-restriction',
  addParty: 'register-add-party',
  party: (index: number, field: 'kind' | 'name' | 'code' | 'role' | 'representative') =>
    `register-party-${index + 1}-${field}`,
  document: (index: number, field: 'title' | 'kind' | 'file') => `register-document-${index + 1}-${field}`,
};

type Issue = z.core.$ZodIssue;

function tooLong(issue: Issue): boolean {
  return issue.code === 'too_big';
}

function caseFieldError(field: string, issue: Issue): FieldError | null {
  switch (field) {
    case 'courtCode':
      return { fieldId: fieldId.courtCode, message: 'register.error.court' };
    case 'procedureType':
      return { fieldId: fieldId.procedureType, message: 'register.error.procedureType' };
    case 'subject':
      return {
        fieldId: fieldId.subject,
        message: tooLong(issue) ? 'register.error.subject.tooLong' : 'register.error.subject',
      };
    case 'category':
      return { fieldId: fieldId.category, message: 'register.error.category' };
    case 'claimValueCents':
      return { fieldId: fieldId.claimValue, message: 'register.error.claimValue' };
    case 'restriction':
      return { fieldId: fieldId.restriction, message: 'register.error.restriction' };
    case 'parties':
      return { fieldId: fieldId.addParty, message: 'register.error.parties' };
    case 'documents':
      return { fieldId: fieldId.document(0, 'title'), message: 'register.error.documents' };
    default:
      return null;
  }
}

function partyFieldError(index: number, field: string, kind: PartyDraft['kind'], issue: Issue): FieldError {
  const row = { kind: 'party' as const, number: index + 1 };
  switch (field) {
    case 'name':
      return {
        fieldId: fieldId.party(index, 'name'),
        message: tooLong(issue) ? 'register.error.party.nameTooLong' : 'register.error.party.name',
        row,
      };
    case 'personalCode':
    case 'registryCode':
      return {
        fieldId: fieldId.party(index, 'code'),
        message:
          kind === 'natural' ? 'register.error.party.personalCode' : 'register.error.party.registryCode',
        row,
      };
    case 'role':
      return { fieldId: fieldId.party(index, 'role'), message: 'register.error.party.role', row };
    case 'representative':
      return {
        fieldId: fieldId.party(index, 'representative'),
        message: 'register.error.party.representative',
        row,
      };
    default:
      return { fieldId: fieldId.party(index, 'name'), message: 'register.error.party.other', row };
  }
}

function documentFieldError(index: number, field: string | undefined, issue: Issue): FieldError {
  const row = { kind: 'document' as const, number: index + 1 };
  switch (field) {
    case 'title':
      return {
        fieldId: fieldId.document(index, 'title'),
        message: tooLong(issue) ? 'register.error.document.titleTooLong' : 'register.error.document.title',
        row,
      };
    case 'kind':
      return { fieldId: fieldId.document(index, 'kind'), message: 'register.error.document.kind', row };
    case 'content':
      return { fieldId: fieldId.document(index, 'file'), message: 'register.error.document.tooLarge', row };
    default:
      return { fieldId: fieldId.document(index, 'file'), message: 'register.error.document.file', row };
  }
}

/** The ids of the form's fields from top to bottom: the error summary lists problems in this order. */
function formOrder(draft: RegistrationDraft): string[] {
  return [
    fieldId.courtCode,
    fieldId.procedureType,
    fieldId.subject,
    fieldId.category,
    fieldId.claimValue,
    fieldId.restriction,
    ...draft.parties.flatMap((_, index) =>
      (['kind', 'name', 'code', 'role', 'representative'] as const).map((field) =>
        fieldId.party(index, field),
      ),
    ),
    fieldId.addParty,
    ...draft.documents.flatMap((_, index) =>
      (['title', 'kind', 'file'] as const).map((field) => fieldId.document(index, field)),
    ),
  ];
}

/** Maps a schema issue to the field it is about and a message in the user's language. */
function toFieldError(issue: Issue, draft: RegistrationDraft): FieldError {
  const [first, index, field] = issue.path;
  if (first === 'parties' && typeof index === 'number')
    return partyFieldError(index, String(field ?? ''), draft.parties[index]?.kind ?? 'natural', issue);
  if (first === 'documents' && typeof index === 'number')
    return documentFieldError(index, field === undefined ? undefined : String(field), issue);
  return (
    caseFieldError(String(first ?? ''), issue) ?? {
      fieldId: fieldId.subject,
      message: 'register.error.other',
    }
  );
}

export type Validation =
  { ok: true; request: ParsedRegistrationRequest } | { ok: false; errors: FieldError[] };

/**
 * Validates with the register's own schema, so the form refuses exactly what the register would.
 * The schema's cross-field checks run only once the fields parse, so the party roles and the
 * files are also checked here directly: every problem shows at the first try.
 */
export function validateDraft(draft: RegistrationDraft): Validation {
  const parsed = RegistrationRequest.safeParse(toRequestInput(draft));
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => toFieldError(issue, draft));
  draft.parties.forEach((party, index) => {
    if (draft.procedureType !== '' && party.role !== '' && !isPartyRoleOf(draft.procedureType, party.role))
      errors.push({
        fieldId: fieldId.party(index, 'role'),
        message: 'register.error.party.role',
        row: { kind: 'party', number: index + 1 },
      });
  });
  draft.documents.forEach((document, index) => {
    if (document.file === null)
      errors.push({
        fieldId: fieldId.document(index, 'file'),
        message: 'register.error.document.file',
        row: { kind: 'document', number: index + 1 },
      });
  });
  // One message per field (the first found), in the order of the form.
  const order = formOrder(draft);
  const unique: FieldError[] = [];
  for (const error of errors) if (!unique.some((seen) => seen.fieldId === error.fieldId)) unique.push(error);
  unique.sort((a, b) => order.indexOf(a.fieldId) - order.indexOf(b.fieldId));
  if (unique.length > 0 || !parsed.success) return { ok: false, errors: unique };
  return { ok: true, request: parsed.data };
}

/** A title typed by the user stays; an empty one takes the file's name. */
export function titleFromFileNameOrKeep(title: string, fileName: string): string {
  return title.trim() !== '' ? title : titleFromFileName(fileName);
}
