import { addYears, completedMonths, IsoInstant, toDate } from '../shared/dates';
import { Policy } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { ExceptionGround, groundFor, outcome, RuleOutcome } from './outcome';

/** at least `minYearsInPost` and at most `maxYearsInPost` in the current post; under the minimum needs a ground. */
export function r03TenureInPost(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy, grounds: readonly ExceptionGround[]): RuleOutcome {
  const months = completedMonths(employee.positionSince, now);
  const min = policy.minYearsInPost;
  const max = policy.maxYearsInPost;
  const inputs = { positionSince: employee.positionSince, monthsInPost: months, minYears: min.value, maxYears: max.value, policyVersion: policy.version };
  if (months < min.value * 12) {
    const ground = groundFor(grounds, 'R-03');
    if (ground === undefined) {
      return outcome(
        'R-03',
        'BLOCK',
        `${months} bulan pada jabatan sekarang, kurang dari batas minimal ${min.value} tahun, dan tidak ada alasan yang dicatat`,
        min.legalBasis,
        inputs,
        'RULE_R03_MINIMUM_TENURE',
      );
    }
    return outcome('R-03', 'FLAG', `dimutasi setelah ${months} bulan, kurang dari batas minimal ${min.value} tahun, atas dasar alasan yang dicatat: ${ground}`, min.legalBasis, {
      ...inputs,
      ground,
    });
  }
  // Over the maximum from the first day past it: "at most five years" ends on the day five years on, not when a 61st
  // month is complete (completed months would let up to 30 days more pass unflagged).
  if (toDate(now) > addYears(employee.positionSince, max.value)) {
    return outcome('R-03', 'FLAG', `${months} bulan pada jabatan sekarang, melebihi batas maksimal ${max.value} tahun`, max.legalBasis, inputs);
  }
  return outcome('R-03', 'PASS', `${months} bulan pada jabatan sekarang, dalam rentang ${min.value}–${max.value} tahun`, min.legalBasis, inputs);
}

/**
 * no self-requested move to another agency within `selfRequestLockYears` of TMT PNS; a dinas-initiated one is
 * allowed but flagged. Runs from TMT PNS, never from the NIP.
 */
export function r21TenYearLock(employee: EmployeeSnapshot, crossAgency: boolean, initiative: 'DINAS' | 'PERMINTAAN_SENDIRI', now: IsoInstant, policy: Policy): RuleOutcome {
  const lock = policy.selfRequestLockYears;
  const inputs = { tmtPns: employee.tmtPns, initiative, crossAgency, lockYears: lock.value, policyVersion: policy.version };
  if (!crossAgency) return outcome('R-21', 'PASS', 'bukan perpindahan ke instansi lain', lock.legalBasis, inputs);
  if (employee.tmtPns === null) return outcome('R-21', 'PASS', 'tidak ada TMT PNS (PPPK): berlaku R-60/R-61', lock.legalBasis, inputs);
  const lockEnds = addYears(employee.tmtPns, lock.value);
  const today = toDate(now);
  if (today >= lockEnds) return outcome('R-21', 'PASS', `larangan pindah ${lock.value} tahun sejak TMT PNS berakhir pada ${lockEnds}`, lock.legalBasis, { ...inputs, lockEnds });
  if (initiative === 'PERMINTAAN_SENDIRI') {
    const insisting = lock.note ? `; ${lock.note}` : '';
    return outcome(
      'R-21',
      'BLOCK',
      `pindah ke instansi lain atas permintaan sendiri tidak diperbolehkan sebelum ${lockEnds}, ${lock.value} tahun setelah TMT PNS ${employee.tmtPns}${insisting}`,
      lock.legalBasis,
      { ...inputs, lockEnds },
      'RULE_R21_TEN_YEAR_LOCK',
    );
  }
  return outcome('R-21', 'FLAG', `pindah ke instansi lain karena kepentingan dinas dalam ${lock.value} tahun sejak TMT PNS (larangan berakhir ${lockEnds})`, lock.legalBasis, {
    ...inputs,
    lockEnds,
  });
}

/** a JPT may not be replaced within `jptLockYears` of inauguration except on a recorded legal ground. */
export function r44JptLock(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy, grounds: readonly ExceptionGround[]): RuleOutcome {
  const lock = policy.jptLockYears;
  const inputs = { jptInaugurationDate: employee.jptInaugurationDate, lockYears: lock.value, enabled: policy.jptLockEnabled.value, policyVersion: policy.version };
  if (!policy.jptLockEnabled.value)
    return outcome(
      'R-44',
      'PASS',
      'larangan penggantian JPT dinonaktifkan dalam versi kebijakan ini (ketentuan ini kebijakan instansi, bukan undang-undang)',
      policy.jptLockEnabled.legalBasis,
      inputs,
    );
  if (employee.jptInaugurationDate === null) return outcome('R-44', 'PASS', 'pegawai tidak menduduki JPT', lock.legalBasis, inputs);
  const lockEnds = addYears(employee.jptInaugurationDate, lock.value);
  if (toDate(now) >= lockEnds) return outcome('R-44', 'PASS', `larangan penggantian JPT berakhir pada ${lockEnds}`, lock.legalBasis, { ...inputs, lockEnds });
  const ground = groundFor(grounds, 'R-44');
  if (ground === undefined) {
    return outcome(
      'R-44',
      'BLOCK',
      `pejabat JPT yang dilantik pada ${employee.jptInaugurationDate} tidak boleh diganti sebelum ${lockEnds} kecuali atas dasar hukum yang dicatat`,
      lock.legalBasis,
      { ...inputs, lockEnds },
      'RULE_R44_JPT_LOCK',
    );
  }
  return outcome('R-44', 'FLAG', `pejabat JPT diganti sebelum ${lockEnds} atas dasar alasan yang dicatat: ${ground}`, lock.legalBasis, { ...inputs, lockEnds, ground });
}

/** M-03 (per employee): the same employee moved again within `repeatMoveYears` of the previous transfer. */
export function m03RepeatMove(employee: EmployeeSnapshot, now: IsoInstant, policy: Policy): RuleOutcome {
  const window = policy.repeatMoveYears;
  const inputs = { lastTransferDate: employee.lastTransferDate, windowYears: window.value };
  if (employee.lastTransferDate === null) return outcome('M-03', 'PASS', 'tidak ada catatan mutasi sebelumnya', window.legalBasis, inputs);
  const until = addYears(employee.lastTransferDate, window.value);
  if (toDate(now) < until) {
    return outcome('M-03', 'FLAG', `dimutasi lagi dalam ${window.value} tahun sejak mutasi sebelumnya pada ${employee.lastTransferDate}`, window.legalBasis, inputs);
  }
  return outcome('M-03', 'PASS', `mutasi sebelumnya pada ${employee.lastTransferDate}, lebih dari ${window.value} tahun yang lalu`, window.legalBasis, inputs);
}
