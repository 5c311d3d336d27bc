import { DomainError, forbidden, invalid } from '../shared/errors';
import { isSkpRating } from '../values/skp';
import { AttachDocument, VerifyDocument } from './commands';
import { emit, requireActive, requireStatus, separationOfDuties, sha256Field, text } from './decide-support';
import { DOCUMENT_TITLES, DocumentStatement, isDocumentKind, POST_DECREE_DOCUMENT_KINDS } from './documents';
import { DocumentAttached, DocumentVerified } from './events';
import { ActiveStatus, CaseState, innerCase } from './state';

const BEFORE_DECREE: readonly ActiveStatus[] = ['PROPOSED', 'EMPLOYEE_NOTIFIED', 'OBJECTION_RAISED', 'SOCIALISED', 'RETURNED_FOR_REVISION', 'IN_APPROVAL'];

function statementOf(command: AttachDocument): DocumentStatement | null {
  const { kind, statement } = command.data;
  if (kind !== 'PERIODIC_PERFORMANCE_EVALUATION') {
    if (statement !== null && statement !== undefined) throw invalid('FIELD_INVALID', 'statement', 'hanya evaluasi kinerja periodik yang mencantumkan predikat');
    return null;
  }
  if (statement === null || statement === undefined || !isSkpRating(statement.skpRating)) {
    throw invalid('FIELD_REQUIRED', 'statement.skpRating', 'evaluasi kinerja periodik wajib mencantumkan predikatnya (statement.skpRating)');
  }
  return { skpRating: statement.skpRating, period: text(command, 'statement.period', statement.period) };
}

/**
 * A document of the checklist (docs/domain.md §5) is attached by hash; the file itself lives outside the event store. After
 * the decree only evidence for the evaluation may still be attached.
 */
export function attachDocument(command: AttachDocument, state: CaseState): DocumentAttached[] {
  const { kind } = command.data;
  const { actor } = command.metadata;
  const candidateNip = innerCase(state)?.proposal?.candidate.nip;
  // The employee's own file is kept by the agencies: in whatever role they act, the employee adds only their application.
  if (actor.role === 'PNS' || (actor.nip !== undefined && actor.nip === candidateNip)) {
    if (actor.nip === undefined || actor.nip !== candidateNip) throw forbidden('NOT_THE_EMPLOYEE', 'pegawai hanya dapat melampirkan dokumen pada kasusnya sendiri');
    if (kind !== 'EMPLOYEE_APPLICATION')
      throw forbidden('ROLE_NOT_ALLOWED', 'pegawai hanya melampirkan permohonan tertulisnya sendiri (EMPLOYEE_APPLICATION, R-50); dokumen lainnya berasal dari instansi');
  }
  const c = requireActive(state, command);
  if (!isDocumentKind(kind))
    throw invalid('INVALID_DOCUMENT_KIND', 'kind', `kind harus salah satu jenis dokumen dalam daftar periksa, misalnya ${Object.keys(DOCUMENT_TITLES).slice(0, 3).join(', ')}`);
  if (c.status === 'APPOINTED' || c.status === 'DECREED') {
    if (!POST_DECREE_DOCUMENT_KINDS.includes(kind))
      throw new DomainError('CONFLICT', 'INVALID_CASE_STATE', `setelah SK hanya dokumen ${POST_DECREE_DOCUMENT_KINDS.join(' atau ')} yang boleh dilampirkan`);
  } else {
    requireStatus(c, command, ...BEFORE_DECREE);
  }
  const sha256 = sha256Field('sha256', command.data.sha256);
  if (c.documents.some((d) => d.sha256 === sha256 && d.kind === kind)) {
    throw new DomainError('CONFLICT', 'DUPLICATE_DOCUMENT', `dokumen ${kind} dengan hash ini sudah dilampirkan`);
  }
  const documentId = `doc-${c.documents.length + 1}`;
  const title = text(command, 'title', command.data.title, false) || DOCUMENT_TITLES[kind];
  return [
    emit<DocumentAttached>(command, c.caseId, 'DocumentAttached.v2', {
      documentId,
      kind,
      title,
      documentSha256: sha256,
      agencyId: command.metadata.actor.agencyId,
      statement: statementOf(command),
    }),
  ];
}

/** The target agency's verifier approves or rejects an attached document, with notes; never their own. */
export function verifyDocument(command: VerifyDocument, state: CaseState): DocumentVerified[] {
  const c = requireActive(state, command);
  const document = c.documents.find((d) => d.documentId === command.data.documentId);
  if (!document) throw invalid('UNKNOWN_DOCUMENT', 'documentId', `tidak ada dokumen ${command.data.documentId} pada kasus ini`);
  if ((c.status === 'DECREED' || c.status === 'APPOINTED') && !POST_DECREE_DOCUMENT_KINDS.includes(document.kind)) {
    throw new DomainError('CONFLICT', 'INVALID_CASE_STATE', 'dokumen berkas tidak dapat diverifikasi lagi setelah SK');
  }
  if (document.status !== 'PENDING')
    throw new DomainError('CONFLICT', 'DOCUMENT_ALREADY_VERIFIED', `dokumen ${document.documentId} sudah berstatus ${document.status}; lampirkan dokumen baru untuk menggantinya`);
  const { status } = command.data;
  if (status !== 'APPROVED' && status !== 'REJECTED') throw invalid('FIELD_INVALID', 'status', 'status harus APPROVED atau REJECTED');
  const notes = text(command, 'notes', command.data.notes, status === 'REJECTED');
  const r06 = separationOfDuties(command, c, 'DOCUMENT_VERIFICATION', { documentAttachedBy: document.attached.actor });
  return [emit<DocumentVerified>(command, c.caseId, 'DocumentVerified.v1', { documentId: document.documentId, status, notes }, [r06])];
}
