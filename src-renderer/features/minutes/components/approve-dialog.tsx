import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { CARD_POLL_MS, cardListQuery } from '../../../api/card-queries';
import { CardOption, type CardOptionLook } from '../../../components/card-option';
import { ModalDialog } from '../../../components/modal-dialog';
import { PinForm, type PinFormLook } from '../../../components/pin-form';
import { useI18n } from '../../../i18n/use-t';
import { wrongPinText } from '../../../lib/card-errors';
import { PinEntry } from '../../../lib/pin';
import { AppError } from '../../../platform/chambers';
import { useApproveMinutes, type Minutes } from '../api/minutes-queries';

const CARD_LOOK: CardOptionLook = {
  option: 'minutes-card',
  name: 'minutes-card__name',
  code: 'minutes-card__code',
  blocked: 'minutes-problem',
};

const PIN_LOOK: PinFormLook = {
  form: 'minutes-dialog__form',
  fields: 'minutes-dialog__fields',
  input: 'input',
  hint: 'muted',
  invalid: 'minutes-problem',
};

type I18n = ReturnType<typeof useI18n>;

/** Who approves, as the minutes name them: the presiding judge, else any judge of the hearing. */
export function approverName(minutes: Minutes, t: I18n['t']): string {
  const presiding = minutes.participants.find((p) => p.id === minutes.header.presidingJudgeId);
  return presiding?.name ?? t('minutes.approve.anyJudge');
}

/** A refused approval in words: wrong PIN with the tries left, not the presiding judge, card gone. */
export function approveErrorText({ t, plural }: Pick<I18n, 't' | 'plural'>, error: unknown, who: string) {
  if (!(error instanceof AppError))
    return t('minutes.approve.error.other', { reason: error instanceof Error ? error.message : '' });
  const { details } = error;
  switch (error.reason) {
    case 'pin_incorrect':
      return wrongPinText(error, {
        wrong: t('minutes.approve.error.pinWrong'),
        blocked: t('minutes.approve.error.pinBlocked'),
        triesLeft: (count) => plural('minutes.approve.error.pinTriesLeft', count),
      });
    case 'pin_blocked':
      return t('minutes.approve.error.pinBlocked');
    case 'not-presiding-judge':
      return t('minutes.approve.error.notPresiding', {
        holder: typeof details?.holderName === 'string' ? details.holderName : '',
        who: typeof details?.approvers === 'string' && details.approvers ? details.approvers : who,
      });
    case 'card_not_found':
      return t('minutes.approve.error.cardRemoved');
    default:
      if (error.reason?.startsWith('status-')) return t('minutes.approve.error.status');
      return t('minutes.approve.error.other', { reason: error.message });
  }
}

/**
 * The presiding judge approves finalised minutes on the secretary's computer: choose their ID card
 * among those in the reader, type PIN1 (masked, kept only in this component until it is sent, then
 * cleared), "Kinnita". Closes when the minutes come back approved.
 */
export function ApproveDialog({
  minutes,
  open,
  onClose,
}: {
  minutes: Minutes;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog
      open={open}
      title={t('minutes.approve.title')}
      onClose={onClose}
      className="minutes-dialog"
      titleClassName="minutes-dialog__title"
      testId="minutes-approve-dialog"
    >
      <Approval minutes={minutes} onClose={onClose} />
    </ModalDialog>
  );
}

/** The open dialog's content: mounted while it is open, so a closed dialog keeps no card, PIN or error. */
function Approval({ minutes, onClose }: { minutes: Minutes; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cardsTitleId = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const approve = useApproveMinutes(minutes.id);
  // `card:changed` refreshes the list at once (app/use-host-events.ts); polling is the fallback.
  const list = useQuery({ ...cardListQuery(), refetchInterval: CARD_POLL_MS });
  const who = approverName(minutes, t);

  const cards = list.data?.cards ?? [];
  const usable = cards.filter((card) => !card.pin1.blocked);
  const selected = usable.find((card) => card.id === chosenId) ?? (usable.length === 1 ? usable[0]! : null);

  return (
    <>
      <p>{t('minutes.approve.intro', { who })}</p>
      <h3 className="minutes-subtitle" id={cardsTitleId}>
        {t('minutes.approve.cards')}
      </h3>
      {list.isPending ? <p role="status">{t('minutes.approve.loadingCards')}</p> : null}
      {list.data && !list.data.module.loaded ? (
        <p className="minutes-problem" role="alert">
          {t('minutes.approve.noModule', { reason: list.data.module.error ?? list.data.module.path })}
        </p>
      ) : null}
      {list.data?.module.loaded && cards.length === 0 ? (
        <p data-testid="minutes-approve-no-cards">{t('minutes.approve.noCards')}</p>
      ) : null}
      {cards.length > 0 ? (
        <ul className="minutes-cards" aria-labelledby={cardsTitleId}>
          {cards.map((card) => (
            <CardOption
              key={card.id}
              card={card}
              selected={selected?.id === card.id}
              onSelect={() => {
                if (card.id !== selected?.id) approve.reset();
                setChosenId(card.id);
                setFocusRequest((count) => count + 1);
              }}
              codeLabel={t('minutes.approve.personalCode', { code: card.personalCode })}
              blockedLabel={t('minutes.approve.blocked')}
              look={CARD_LOOK}
            />
          ))}
        </ul>
      ) : null}
      <PinForm
        cardId={selected?.id ?? null}
        busy={approve.isPending}
        focusRequest={focusRequest}
        onSubmit={(cardId, pin) => approve.mutate(new PinEntry(cardId, pin), { onSuccess: onClose })}
        labels={{
          pin: t('minutes.approve.pin'),
          hint: t('minutes.approve.pinHint'),
          invalid: t('minutes.approve.pinInvalid'),
        }}
        look={PIN_LOOK}
      >
        {approve.isError ? (
          <p className="minutes-problem" role="alert" data-testid="minutes-approve-error">
            {approveErrorText(i18n, approve.error, who)}
          </p>
        ) : null}
        <p role="status">{approve.isPending ? t('minutes.approve.checking') : null}</p>
        <div className="minutes-dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('minutes.approve.cancel')}
          </button>
          <button type="submit" className="button minutes-primary" disabled={approve.isPending || !selected}>
            {t('minutes.approve.submit')}
          </button>
        </div>
      </PinForm>
    </>
  );
}
