import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { AppError } from '../../../platform/chambers';
import { useI18n } from '../../../i18n/use-t';
import {
  ApprovalPin,
  readerCardsQuery,
  useApproveMinutes,
  useReaderCardEvents,
  type CardSummary,
  type Minutes,
} from '../api/minutes-queries';

/** The same rule as the contract's `Pin`: 4 to 12 digits. */
const PIN_PATTERN = /^\d{4,12}$/;
/** Beside `card:changed`, the list is asked again this often while the dialog is open. */
const CARD_POLL_MS = 3_000;

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
    case 'pin_incorrect': {
      const left = details?.triesLeft;
      if (typeof left !== 'number' || !Number.isInteger(left) || left < 0)
        return t('minutes.approve.error.pinWrong');
      return left === 0
        ? t('minutes.approve.error.pinBlocked')
        : plural('minutes.approve.error.pinTriesLeft', left);
    }
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

function CardChoice({
  card,
  selected,
  onSelect,
}: {
  card: CardSummary;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useI18n();
  return (
    <li>
      <button
        type="button"
        className="minutes-card"
        data-testid="card-option"
        aria-pressed={selected}
        disabled={card.pin1.blocked}
        onClick={onSelect}
      >
        <span className="minutes-card__name">{card.holderName}</span>{' '}
        <span className="minutes-card__code num">
          {t('minutes.approve.personalCode', { code: card.personalCode })}
        </span>
        {card.pin1.blocked ? <span className="minutes-problem"> {t('minutes.approve.blocked')}</span> : null}
      </button>
    </li>
  );
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
  const i18n = useI18n();
  const { t } = i18n;
  const titleId = useId();
  const cardsTitleId = useId();
  const pinId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const pinInput = useRef<HTMLInputElement>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [invalid, setInvalid] = useState(false);
  const approve = useApproveMinutes(minutes.id);
  const list = useQuery({
    ...readerCardsQuery(),
    enabled: open,
    refetchInterval: open ? CARD_POLL_MS : false,
  });
  useReaderCardEvents(open);
  const who = approverName(minutes, t);

  const cards = list.data?.cards ?? [];
  const usable = cards.filter((card) => !card.pin1.blocked);
  const selected = usable.find((card) => card.id === chosenId) ?? (usable.length === 1 ? usable[0]! : null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // jsdom has no showModal; an open attribute shows the same content there.
    if (open && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
    }
    if (!open) {
      setPin('');
      setInvalid(false);
      setChosenId(null);
      approve.reset();
    }
  }, [open]);

  useEffect(() => {
    if (open && selected && !approve.isPending) pinInput.current?.focus();
  }, [open, selected?.id, approve.isPending]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (approve.isPending || !selected) return;
    if (!PIN_PATTERN.test(pin)) {
      setInvalid(true);
      pinInput.current?.focus();
      return;
    }
    const entry = new ApprovalPin(selected.id, pin);
    setPin('');
    setInvalid(false);
    approve.mutate(entry, { onSuccess: onClose });
  };

  const hintId = `${pinId}-hint`;
  const invalidId = `${pinId}-invalid`;
  return (
    <dialog
      ref={dialog}
      className="minutes-dialog"
      aria-labelledby={titleId}
      data-testid="minutes-approve-dialog"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="minutes-dialog__title" id={titleId}>
        {t('minutes.approve.title')}
      </h2>
      {open ? (
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
                <CardChoice
                  key={card.id}
                  card={card}
                  selected={selected?.id === card.id}
                  onSelect={() => {
                    if (card.id !== selected?.id) approve.reset();
                    setChosenId(card.id);
                    pinInput.current?.focus();
                  }}
                />
              ))}
            </ul>
          ) : null}
          <form className="minutes-dialog__form" onSubmit={submit} noValidate aria-busy={approve.isPending}>
            <fieldset className="minutes-dialog__fields" disabled={approve.isPending || !selected}>
              <label htmlFor={pinId}>{t('minutes.approve.pin')}</label>
              <input
                ref={pinInput}
                id={pinId}
                className="input"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                required
                value={pin}
                aria-invalid={invalid}
                aria-describedby={invalid ? `${invalidId} ${hintId}` : hintId}
                onChange={(event) => {
                  setPin(event.target.value);
                  if (invalid && PIN_PATTERN.test(event.target.value)) setInvalid(false);
                }}
              />
              <p className="muted" id={hintId}>
                {t('minutes.approve.pinHint')}
              </p>
              <p className="minutes-problem" id={invalidId} aria-live="polite">
                {invalid ? t('minutes.approve.pinInvalid') : null}
              </p>
            </fieldset>
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
              <button
                type="submit"
                className="button minutes-primary"
                disabled={approve.isPending || !selected}
              >
                {t('minutes.approve.submit')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </dialog>
  );
}
