import type {
  DraftStatus,
  DraftVersionReason,
  IntroductionFieldKey,
} from '../../../../src-shared/contract/drafting';
import type { CheckedKey } from '../../../i18n/dictionary';

export const STATUS_KEYS = {
  draft: 'drafting.status.draft',
  submitted: 'drafting.status.submitted',
  filed: 'drafting.status.filed',
} as const satisfies Record<DraftStatus, CheckedKey<`drafting.status.${DraftStatus}`>>;

export const REASON_KEYS = {
  checkpoint: 'drafting.reason.checkpoint',
  manual: 'drafting.reason.manual',
  'before-restore': 'drafting.reason.before-restore',
  import: 'drafting.reason.import',
  export: 'drafting.reason.export',
  submit: 'drafting.reason.submit',
} as const satisfies Record<DraftVersionReason, CheckedKey<`drafting.reason.${DraftVersionReason}`>>;

export const FIELD_KEYS = {
  court: 'drafting.intro.field.court',
  judges: 'drafting.intro.field.judges',
  pronouncedAt: 'drafting.intro.field.pronouncedAt',
  place: 'drafting.intro.field.place',
  caseNumber: 'drafting.intro.field.caseNumber',
  subject: 'drafting.intro.field.subject',
  claimValue: 'drafting.intro.field.claimValue',
  parties: 'drafting.intro.field.parties',
  representatives: 'drafting.intro.field.representatives',
  procedure: 'drafting.intro.field.procedure',
} as const satisfies Record<IntroductionFieldKey, CheckedKey<`drafting.intro.field.${IntroductionFieldKey}`>>;
