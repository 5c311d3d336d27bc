import { CaseView } from '../../api/types';
import { ActionDialog, Field, Values } from '../../components/action-dialog';
import { ACTIONS } from '../../i18n/labels';

type TrainingItem = NonNullable<CaseView['training']>['items'][number];

/** An item as `adjust-training-plan` takes it (docs/api.md): the planned items after the change. */
interface PlannedInput {
  itemId?: string;
  competency: string;
  kind: string;
  hours: number;
  due: string;
  mandatory: boolean;
}

const KINDS = ['PELATIHAN', 'DIKLAT', 'E_LEARNING', 'MENTORING', 'COACHING'] as const;
const KIND_LABELS: Record<(typeof KINDS)[number], string> = {
  PELATIHAN: 'Pelatihan',
  DIKLAT: 'Pendidikan dan pelatihan',
  E_LEARNING: 'Pembelajaran daring',
  MENTORING: 'Pendampingan',
  COACHING: 'Pembimbingan',
};

const reasonField: Field = {
  name: 'reason',
  label: 'Alasan perubahan',
  type: 'textarea',
  required: true,
  hint: 'Melonggarkan butir wajib sebelum TMT dicatat sebagai tanda untuk pengawas (R-09).',
};

/** A required select of `options` (value, label), starting at `initial`. */
function requiredChoice(name: string, label: string, options: readonly [string, string][], initial: string): Field {
  return { name, label, type: 'select', required: true, options: options.map(([value, text]) => ({ value, label: text })), initial };
}

const dueField = (initial: string): Field =>
  requiredChoice(
    'due',
    'Waktu pelaksanaan',
    [
      ['BEFORE_TMT', 'Sebelum TMT (BEFORE_TMT)'],
      ['AFTER_TMT', 'Sesudah TMT (AFTER_TMT)'],
    ],
    initial,
  );

const mandatoryField = (initial: boolean): Field =>
  requiredChoice(
    'mandatory',
    'Wajib',
    [
      ['true', 'Ya, wajib'],
      ['false', 'Tidak wajib'],
    ],
    String(initial),
  );

const asInput = (i: TrainingItem): PlannedInput => ({ itemId: i.itemId, competency: i.competency, kind: i.kind, hours: i.hours, due: i.due, mandatory: i.mandatory });

/** The planned items with `itemId` changed as the form says (or left out), the others as they are. */
export function adjustedItems(planned: readonly TrainingItem[], itemId: string, values: Values): PlannedInput[] {
  if (values.change === 'REMOVE') return planned.filter((i) => i.itemId !== itemId).map(asInput);
  return planned.map((i) => (i.itemId === itemId ? { ...asInput(i), hours: Number(values.hours), due: values.due ?? i.due, mandatory: values.mandatory === 'true' } : asInput(i)));
}

/**
 * The receiving PPK's adjustment of the training plan, as one dialog per planned item (change its hours, timing
 * or whether it is mandatory, or drop it) and one to add an item; each sends the whole plan after the change.
 */
export function TrainingPlanActions({ view, send }: { view: CaseView; send: (command: string, body: unknown) => Promise<void> }) {
  const planned = (view.training?.items ?? []).filter((i) => i.status === 'PLANNED');
  const base = ACTIONS.AdjustTrainingPlan ?? 'Ubah rencana pelatihan';
  return (
    <>
      {planned.map((item) => (
        <ActionDialog
          key={`AdjustTrainingPlan/${item.itemId}`}
          action={`${base}: ${item.competency}`}
          fields={[
            requiredChoice(
              'change',
              'Perubahan',
              [
                ['CHANGE', 'Ubah butir ini'],
                ['REMOVE', 'Hapus butir ini dari rencana'],
              ],
              'CHANGE',
            ),
            { name: 'hours', label: 'Jam pelajaran', type: 'number', required: true, initial: String(item.hours) },
            dueField(item.due),
            mandatoryField(item.mandatory),
            reasonField,
          ]}
          onSubmit={(values) => send('AdjustTrainingPlan', { items: adjustedItems(planned, item.itemId, values), reason: values.reason })}
        />
      ))}
      <ActionDialog
        action="Tambah butir pelatihan"
        fields={[
          { name: 'competency', label: 'Kompetensi yang dikembangkan', required: true },
          { name: 'kind', label: 'Jenis', type: 'select', required: true, options: KINDS.map((k) => ({ value: k, label: `${KIND_LABELS[k]} (${k})` })) },
          { name: 'hours', label: 'Jam pelajaran', type: 'number', required: true },
          dueField('AFTER_TMT'),
          mandatoryField(false),
          reasonField,
        ]}
        onSubmit={(values) =>
          send('AdjustTrainingPlan', {
            items: [
              ...planned.map(asInput),
              { competency: values.competency, kind: values.kind, hours: Number(values.hours), due: values.due, mandatory: values.mandatory === 'true' },
            ],
            reason: values.reason,
          })
        }
      />
    </>
  );
}
