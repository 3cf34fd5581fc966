import type { PersonFile } from '@jobcoach/contract';
import {
  COACHABILITY_CONDITIONS,
  COACHABILITY_DECISIONS,
  type CoachabilityCondition,
  type CoachabilityDecision,
  isIsoDate,
  validateCoachabilityAssessment,
} from '@jobcoach/domain';
import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../../forms/FormModal.tsx';
import { useForm } from '../../forms/useForm.ts';
import { today } from '../../i18n/dates.ts';
import { type MessageId, useT } from '../../i18n/index.ts';
import { useAssess } from '../../people/people-api.ts';
import { PartnerSelect } from '../../referral/PartnerSelect.tsx';
import { pastDay } from '../person-validation.ts';

type Key =
  | 'assessedOn'
  | 'decision'
  | 'reviewDate'
  | 'redirectPartnerId'
  | 'reason'
  | `met.${CoachabilityCondition}`
  | `comment.${CoachabilityCondition}`;
type Values = Record<Key, string>;
const met = (c: CoachabilityCondition) => `met.${c}` as const;
const comment = (c: CoachabilityCondition) => `comment.${c}` as const;

const SERVER_FIELDS: Record<string, Key> = Object.fromEntries(
  COACHABILITY_CONDITIONS.flatMap((c) => [
    [`conditions.${c}`, met(c)],
    [`conditions.${c}.met`, met(c)],
    [`conditions.${c}.comment`, comment(c)],
  ]),
);

// The domain's checks, with the catalog's words (the domain speaks French only).
const MESSAGES: Record<string, MessageId> = {
  assessedOn: 'validation.date',
  reviewDate: 'assessment.error.reviewDate',
  partner: 'validation.required',
  reason: 'validation.required',
  decision: 'validation.required',
};

/** The four conditions (Oui/Non and a comment each), then the decision and what it needs. */
export function AssessmentModal({ person, onClose }: { person: PersonFile; onClose: () => void }) {
  const t = useT();
  const assess = useAssess(person.id);
  const initial = {
    assessedOn: today(),
    decision: '',
    reviewDate: '',
    redirectPartnerId: '',
    reason: '',
    ...Object.fromEntries(
      COACHABILITY_CONDITIONS.flatMap((c) => [
        [met(c), ''],
        [comment(c), ''],
      ]),
    ),
  } as Values;
  const form = useForm(initial, SERVER_FIELDS);
  const { values } = form;
  const decision = values.decision as CoachabilityDecision | '';

  const check = () => {
    const found: Partial<Values> = {};
    for (const c of COACHABILITY_CONDITIONS) {
      if (values[met(c)] === '') found[met(c)] = t('assessment.error.answer');
    }
    const date = pastDay(values.assessedOn, t, false);
    if (date) found.assessedOn = date;
    if (decision === '') found.decision = t('validation.required');
    else {
      const errors = validateCoachabilityAssessment({
        assessedOn: isIsoDate(values.assessedOn) ? values.assessedOn : '',
        conditions: Object.fromEntries(
          COACHABILITY_CONDITIONS.map((c) => [c, values[met(c)] === 'yes']),
        ) as Record<CoachabilityCondition, boolean>,
        decision,
        reviewDate: values.reviewDate || null,
        partner: values.redirectPartnerId || null,
        reason: values.reason || null,
      });
      for (const error of errors) {
        const [head, condition] = error.field.split('.');
        if (head === 'conditions' && condition) {
          found[met(condition as CoachabilityCondition)] ??= t('assessment.error.unmet');
        } else if (head === 'partner') found.redirectPartnerId ??= t('validation.required');
        else if (head === 'assessedOn' || head === 'reviewDate' || head === 'reason' || head === 'decision') {
          found[head] ??= t(MESSAGES[head] ?? 'validation.required');
        }
      }
    }
    return form.check(found);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check() || decision === '') return;
    const text = (v: string) => v.trim() || null;
    assess.mutate(
      {
        assessedOn: values.assessedOn,
        conditions: Object.fromEntries(
          COACHABILITY_CONDITIONS.map((c) => [
            c,
            { met: values[met(c)] === 'yes', comment: text(values[comment(c)]) },
          ]),
        ) as Record<CoachabilityCondition, { met: boolean; comment: string | null }>,
        decision,
        reviewDate: decision === 'postponed' ? text(values.reviewDate) : null,
        redirectPartnerId: decision === 'redirected' ? text(values.redirectPartnerId) : null,
        reason: text(values.reason),
      },
      { onSuccess: onClose, onError: form.fail },
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      title={t('assessment.formTitle', { name: `${person.firstName} ${person.lastName}` })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="assessment-form">
        <Stack gap="sm">
          <Text size="sm">{t('assessment.intro')}</Text>
          <ErrorAlert message={form.formError} />
          <TextInput
            type="date"
            label={t('assessment.assessedOn')}
            required
            withAsterisk={false}
            {...form.input('assessedOn')}
          />
          {COACHABILITY_CONDITIONS.map((c) => (
            <Fieldset key={c} legend={t(`condition.${c}`)} variant="filled" data-testid={`condition-${c}`}>
              <Radio.Group
                label={t('assessment.metQuestion')}
                value={values[met(c)]}
                onChange={(value) => form.set(met(c), value)}
                error={form.errors[met(c)]}
                name={met(c)}
              >
                <Group gap="lg" mt={4}>
                  <Radio value="yes" label={t('common.yes')} />
                  <Radio value="no" label={t('common.no')} />
                </Group>
              </Radio.Group>
              <Textarea
                mt="xs"
                label={t('assessment.comment')}
                autosize
                minRows={1}
                {...form.input(comment(c))}
              />
            </Fieldset>
          ))}
          <NativeSelect
            label={t('assessment.decision')}
            data={[
              { value: '', label: t('field.chooseOption') },
              ...COACHABILITY_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })),
            ]}
            {...form.input('decision')}
          />
          {decision === 'postponed' && (
            <TextInput type="date" label={t('assessment.reviewDate')} {...form.input('reviewDate')} />
          )}
          {decision === 'redirected' && (
            <PartnerSelect
              label={t('assessment.redirectPartner')}
              onPick={(id) => form.set('redirectPartnerId', id)}
              {...form.input('redirectPartnerId')}
            />
          )}
          <Textarea
            label={t(decision === 'redirected' ? 'assessment.reasonRequired' : 'assessment.reason')}
            autosize
            minRows={2}
            {...form.input('reason')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={assess.isPending}>
              {t('assessment.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
