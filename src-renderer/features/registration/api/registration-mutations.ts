import { useMutation } from '@tanstack/react-query';
import type {
  RegistrationRequest,
  RegistrationResponse,
} from '../../../../src-shared/register-api/registration';
import { call } from '../../../platform/chambers';

export type { RegistrationRequest, RegistrationResponse };

export const registrationKeys = {
  all: ['registration'] as const,
  register: () => [...registrationKeys.all, 'register'] as const,
};

/** Registers a case on the register (it needs the register: a number and a draw); never retried by itself. */
export function useRegisterCase() {
  return useMutation({
    mutationKey: registrationKeys.register(),
    mutationFn: (request: RegistrationRequest) => call((api) => api.casesRegister(request)),
  });
}
