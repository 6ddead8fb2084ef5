import { PARTY_ROLES } from '../../../../src-shared/domain/party-roles';
import type { ProcedureType } from '../../../../src-shared/domain/procedure-type';
import { useT } from '../../../i18n/use-t';
import { type FieldError, type PartyDraft, fieldId } from '../lib/registration-draft';
import { FormField } from './form-field';
import { usePartyRoleLabel } from './party-role-label';

interface PartyFieldsProps {
  index: number;
  party: PartyDraft;
  procedureType: ProcedureType | '';
  errors: readonly FieldError[];
  canRemove: boolean;
  onChange: (change: Partial<PartyDraft>) => void;
  onRemove: () => void;
}

export function PartyFields({
  index,
  party,
  procedureType,
  errors,
  canRemove,
  onChange,
  onRemove,
}: PartyFieldsProps) {
  const t = useT();
  const roleLabel = usePartyRoleLabel();
  const errorFor = (id: string) => {
    const found = errors.find((error) => error.fieldId === id);
    return found ? t(found.message) : undefined;
  };
  const number = index + 1;
  const ids = {
    kind: fieldId.party(index, 'kind'),
    name: fieldId.party(index, 'name'),
    code: fieldId.party(index, 'code'),
    role: fieldId.party(index, 'role'),
    representative: fieldId.party(index, 'representative'),
  };
  return (
    <fieldset className="register-row" data-testid="party-row">
      <legend className="register-row__legend">{t('register.party.legend', { number })}</legend>
      <div className="register-row__grid">
        <FormField id={ids.kind} label={t('register.party.kind')}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={party.kind}
              onChange={(event) => onChange({ kind: event.target.value === 'legal' ? 'legal' : 'natural' })}
            >
              <option value="natural">{t('register.party.kind.natural')}</option>
              <option value="legal">{t('register.party.kind.legal')}</option>
            </select>
          )}
        </FormField>
        <FormField id={ids.name} label={t('register.party.name')} error={errorFor(ids.name)}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={party.name}
              autoComplete="off"
              onChange={(event) => onChange({ name: event.target.value })}
            />
          )}
        </FormField>
        <FormField
          id={ids.code}
          label={
            party.kind === 'natural' ? t('register.party.personalCode') : t('register.party.registryCode')
          }
          hint={
            party.kind === 'natural'
              ? t('register.party.personalCode.hint')
              : t('register.party.registryCode.hint')
          }
          error={errorFor(ids.code)}
        >
          {(control) => (
            <input
              {...control}
              className="input num"
              inputMode="numeric"
              value={party.code}
              autoComplete="off"
              onChange={(event) => onChange({ code: event.target.value })}
            />
          )}
        </FormField>
        <FormField id={ids.role} label={t('register.party.role')} error={errorFor(ids.role)}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={party.role}
              onChange={(event) => onChange({ role: event.target.value })}
            >
              <option value="">
                {procedureType === '' ? t('register.party.role.chooseTypeFirst') : t('register.choose')}
              </option>
              {(procedureType === '' ? [] : PARTY_ROLES[procedureType]).map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={ids.representative}
          label={t('register.party.representative')}
          hint={t('register.optional')}
          error={errorFor(ids.representative)}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={party.representative}
              autoComplete="off"
              onChange={(event) => onChange({ representative: event.target.value })}
            />
          )}
        </FormField>
      </div>
      {canRemove ? (
        <button type="button" className="button button--quiet register-row__remove" onClick={onRemove}>
          {t('register.party.remove', { number })}
        </button>
      ) : null}
    </fieldset>
  );
}
