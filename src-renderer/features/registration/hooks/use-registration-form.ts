import { useState } from 'react';
import { PARTY_ROLES } from '../../../../src-shared/domain/party-roles';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { useRegisterCase } from '../api/registration-mutations';
import { readDocumentFile } from '../lib/document-file';
import {
  type DocumentDraft,
  type FieldError,
  type PartyDraft,
  type RegistrationDraft,
  emptyDocument,
  emptyDraft,
  emptyParty,
  titleFromFileNameOrKeep,
  validateDraft,
} from '../lib/registration-draft';

export const MAX_PARTIES = 100;
export const MAX_DOCUMENTS = 50;

const newRequestId = () => crypto.randomUUID();

/**
 * The registration form's state. One requestId per form fill, kept across retries: if an answer is
 * lost on the way back, sending again gives the first registration instead of a second case.
 */
export function useRegistrationForm(courts: readonly string[]) {
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft(courts));
  const [requestId, setRequestId] = useState(newRequestId);
  const [attempts, setAttempts] = useState(0);
  const mutation = useRegisterCase();
  // After the first try the messages follow the form: a fixed field loses its message at once.
  const validation = attempts > 0 ? validateDraft(draft) : null;
  const errors: FieldError[] = validation && !validation.ok ? validation.errors : [];

  const update = (change: Partial<RegistrationDraft>) => setDraft((current) => ({ ...current, ...change }));

  const setProcedureType = (procedureType: ProcedureType | '') =>
    setDraft((current) => ({
      ...current,
      procedureType,
      // A role of the previous procedure type would be refused: the user chooses again.
      parties: current.parties.map((party) =>
        procedureType !== '' && PARTY_ROLES[procedureType].includes(party.role)
          ? party
          : { ...party, role: '' },
      ),
    }));

  const updateParty = (key: string, change: Partial<PartyDraft>) =>
    setDraft((current) => ({
      ...current,
      parties: current.parties.map((party) => (party.key === key ? { ...party, ...change } : party)),
    }));

  const updateDocument = (key: string, change: Partial<DocumentDraft>) =>
    setDraft((current) => ({
      ...current,
      documents: current.documents.map((document) =>
        document.key === key ? { ...document, ...change } : document,
      ),
    }));

  const attachFile = async (key: string, file: File | null) => {
    if (!file) {
      updateDocument(key, { file: null, fileProblem: null });
      return;
    }
    const read = await readDocumentFile(file);
    setDraft((current) => ({
      ...current,
      documents: current.documents.map((document) => {
        if (document.key !== key) return document;
        if (!read.ok) return { ...document, file: null, fileProblem: read.problem };
        return {
          ...document,
          file: read.file,
          fileProblem: null,
          title: titleFromFileNameOrKeep(document.title, read.file.name),
        };
      }),
    }));
  };

  /** Validates, and sends when the form is valid; returns the problems found (none when sent). */
  const submit = (): FieldError[] => {
    const validation = validateDraft(draft);
    setAttempts((count) => count + 1);
    if (!validation.ok) return validation.errors;
    mutation.mutate({ ...validation.request, requestId });
    return [];
  };

  const reset = () => {
    setDraft(emptyDraft(courts));
    setRequestId(newRequestId());
    setAttempts(0);
    mutation.reset();
  };

  return {
    draft,
    errors,
    attempts,
    requestId,
    mutation,
    update,
    setProcedureType,
    updateParty,
    addParty: () =>
      setDraft((current) =>
        current.parties.length >= MAX_PARTIES
          ? current
          : { ...current, parties: [...current.parties, emptyParty()] },
      ),
    removeParty: (key: string) =>
      setDraft((current) => ({ ...current, parties: current.parties.filter((party) => party.key !== key) })),
    updateDocument,
    attachFile,
    addDocument: () =>
      setDraft((current) =>
        current.documents.length >= MAX_DOCUMENTS
          ? current
          : { ...current, documents: [...current.documents, emptyDocument()] },
      ),
    removeDocument: (key: string) =>
      setDraft((current) => ({
        ...current,
        documents: current.documents.filter((document) => document.key !== key),
      })),
    submit,
    reset,
  };
}
