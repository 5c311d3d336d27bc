import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiProblem } from '../api/http';
import { STATUSES } from '../i18n/labels';
import { ActionDialog } from './action-dialog';
import { CodeLabel } from './code-label';
import { ProblemView } from './problem-view';

const r21 = new ApiProblem({
  status: 422,
  title: 'Ditolak oleh aturan',
  code: 'RULE_R21_TEN_YEAR_LOCK',
  detail: 'mutasi atas permintaan sendiri dalam sepuluh tahun',
  ruleId: 'R-21',
  legalBasis: 'PermenPAN-RB 6/2024 Pasal 59',
  errors: [{ field: 'initiative', message: 'belum sepuluh tahun' }],
});

describe('components', () => {
  it('CodeLabel shows the label and the code beside it', () => {
    render(<CodeLabel table={STATUSES} code="IN_APPROVAL" />);
    expect(screen.getByText('IN_APPROVAL')).toBeTruthy();
    expect(screen.getByText(/Dalam persetujuan/)).toBeTruthy();
  });

  it('ProblemView names the rule, its legal basis and each field', () => {
    render(<ProblemView error={r21} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('R-21');
    expect(alert.textContent).toContain('Dasar hukum: PermenPAN-RB 6/2024 Pasal 59');
    expect(alert.textContent).toContain('initiative: belum sepuluh tahun');
  });

  it('ActionDialog opens from the button named after the action, sends with Kirim, and keeps a refusal in the dialog', async () => {
    const sent: Record<string, string>[] = [];
    render(
      <ActionDialog
        action="Ajukan keberatan"
        fields={[{ name: 'reason', label: 'Alasan', type: 'textarea', required: true }]}
        onSubmit={async (v) => {
          sent.push({ ...v });
          throw r21;
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ajukan keberatan' }));
    fireEvent.change(screen.getByLabelText(/Alasan/), { target: { value: 'alasan keluarga' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Kirim' }));
    });
    expect(sent).toEqual([{ reason: 'alasan keluarga' }]);
    expect(screen.getByRole('dialog').textContent).toContain('R-21');
  });
});
