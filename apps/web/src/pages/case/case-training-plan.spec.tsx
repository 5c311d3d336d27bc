import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { CaseView } from '../../api/types';
import { adjustedItems, TrainingPlanActions } from './case-training-plan';

type Item = NonNullable<CaseView['training']>['items'][number];
const item = (itemId: string, status: Item['status'], extra: Partial<Item> = {}): Item =>
  ({ itemId, competency: `KOMPETENSI_${itemId}`, kind: 'PELATIHAN', hours: 20, due: 'BEFORE_TMT', mandatory: true, status, dueBy: null, ...extra }) as Item;

describe('training plan adjustment (R-09)', () => {
  const planned = [item('T1', 'PLANNED'), item('T2', 'PLANNED', { due: 'AFTER_TMT', mandatory: false, hours: 8 })];

  it('changes only the chosen item and keeps the others as they are', () => {
    expect(adjustedItems(planned, 'T1', { change: 'CHANGE', hours: '32', due: 'AFTER_TMT', mandatory: 'false', reason: 'x' })).toEqual([
      { itemId: 'T1', competency: 'KOMPETENSI_T1', kind: 'PELATIHAN', hours: 32, due: 'AFTER_TMT', mandatory: false },
      { itemId: 'T2', competency: 'KOMPETENSI_T2', kind: 'PELATIHAN', hours: 8, due: 'AFTER_TMT', mandatory: false },
    ]);
  });

  it('drops the chosen item when the form says remove', () => {
    expect(adjustedItems(planned, 'T2', { change: 'REMOVE', hours: '8', reason: 'x' }).map((i) => i.itemId)).toEqual(['T1']);
  });

  it('offers a dialog per planned item (none for completed ones) and one to add an item, which sends the whole plan', async () => {
    const sent: unknown[] = [];
    const view = { training: { items: [...planned, item('T3', 'COMPLETED')] } } as unknown as CaseView;
    render(<TrainingPlanActions view={view} send={async (command, body) => void sent.push({ command, body })} />);
    const names = screen.getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['Ubah rencana pelatihan: KOMPETENSI_T1', 'Ubah rencana pelatihan: KOMPETENSI_T2', 'Tambah butir pelatihan']);
    fireEvent.click(screen.getByRole('button', { name: 'Tambah butir pelatihan' }));
    fireEvent.change(screen.getByLabelText(/Kompetensi yang dikembangkan/), { target: { value: 'PENGELOLAAN_BMD' } });
    fireEvent.change(screen.getByLabelText(/Jam pelajaran/), { target: { value: '24' } });
    fireEvent.change(screen.getByLabelText(/Alasan perubahan/), { target: { value: 'kebutuhan unit penerima' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Kirim' })));
    expect(sent).toEqual([
      {
        command: 'AdjustTrainingPlan',
        body: {
          items: [
            { itemId: 'T1', competency: 'KOMPETENSI_T1', kind: 'PELATIHAN', hours: 20, due: 'BEFORE_TMT', mandatory: true },
            { itemId: 'T2', competency: 'KOMPETENSI_T2', kind: 'PELATIHAN', hours: 8, due: 'AFTER_TMT', mandatory: false },
            { competency: 'PENGELOLAAN_BMD', kind: 'PELATIHAN', hours: 24, due: 'AFTER_TMT', mandatory: false },
          ],
          reason: 'kebutuhan unit penerima',
        },
      },
    ]);
  });
});
