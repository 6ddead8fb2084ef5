import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { caseListQuery } from '../api/case-queries';

/** Long enough to skip the keystrokes of a word, short enough to feel like filtering as you type. */
export const SEARCH_DEBOUNCE_MS = 150;

export function useCaseSearch() {
  const [text, setText] = useState('');
  const [procedureType, setProcedureType] = useState<ProcedureType | ''>('');
  const debouncedText = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const filter = { text: debouncedText, ...(procedureType ? { procedureType } : {}) };
  const results = useQuery(caseListQuery(filter));
  const filtered = debouncedText.trim() !== '' || procedureType !== '';
  return { text, setText, procedureType, setProcedureType, results, filtered };
}
