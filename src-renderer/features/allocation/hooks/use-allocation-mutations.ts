import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  addAbsence,
  allocationKeys,
  putPlan,
  type AbsenceRequest,
  type PutAllocationPlanRequest,
} from '../api/allocation-queries';

/** Adopts a new plan version; the answer is the new overview, shown at once and then refetched. */
export function usePutPlan(court: string, onAdopted?: (version: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: PutAllocationPlanRequest) => putPlan(court, plan),
    // The register answers with the overview as it now stands: no need to ask for it again.
    onSuccess: (overview) => {
      if (overview.current) onAdopted?.(overview.current.version);
      queryClient.setQueryData(allocationKeys.plan(court), overview);
    },
  });
}

/** Records an absence; the judges' list (which carries the absences) is read again. */
export function useAddAbsence(court: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (absence: AbsenceRequest) => addAbsence(court, absence),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allocationKeys.judges(court) }),
  });
}
