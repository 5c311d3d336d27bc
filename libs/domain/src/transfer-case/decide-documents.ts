import { DomainError, invalid } from '../shared/errors';
import { AttachDocument, VerifyDocument } from './commands';
import { emit, requireActive, requireStatus, sha256Field, text } from './decide-support';
import { DOCUMENT_TITLES, isDocumentKind } from './documents';
import { DocumentAttached, DocumentVerified } from './events';
import { CaseState } from './state';

/** A document of the checklist (domain.md §5) is attached by hash; the file itself lives outside the event store. */
export function attachDocument(command: AttachDocument, state: CaseState): DocumentAttached[] {
  const c = requireStatus(requireActive(state, command), command, 'PROPOSED', 'EMPLOYEE_NOTIFIED', 'OBJECTION_RAISED', 'SOCIALISED', 'RETURNED_FOR_REVISION', 'IN_APPROVAL');
  const { kind } = command.data;
  if (!isDocumentKind(kind)) throw invalid('INVALID_DOCUMENT_KIND', 'kind', `kind must be one of the checklist kinds, e.g. ${Object.keys(DOCUMENT_TITLES).slice(0, 3).join(', ')}`);
  const sha256 = sha256Field('sha256', command.data.sha256);
  if (c.documents.some((d) => d.sha256 === sha256 && d.kind === kind)) {
    throw new DomainError('CONFLICT', 'DUPLICATE_DOCUMENT', `a ${kind} document with this hash is already attached`);
  }
  const documentId = `doc-${c.documents.length + 1}`;
  const title = text(command, 'title', command.data.title, false) || DOCUMENT_TITLES[kind];
  return [emit<DocumentAttached>(command, c.caseId, 'DocumentAttached.v1', { documentId, kind, title, sha256, agencyId: command.metadata.actor.agencyId })];
}

/** The target agency's verifier approves or rejects an attached document, with notes. */
export function verifyDocument(command: VerifyDocument, state: CaseState): DocumentVerified[] {
  const c = requireActive(state, command);
  if (c.status === 'DECREED' || c.status === 'APPOINTED') throw new DomainError('CONFLICT', 'INVALID_CASE_STATE', 'documents can no longer be verified after the decree');
  const document = c.documents.find((d) => d.documentId === command.data.documentId);
  if (!document) throw invalid('UNKNOWN_DOCUMENT', 'documentId', `no document ${command.data.documentId} on this case`);
  if (document.status !== 'PENDING') throw new DomainError('CONFLICT', 'DOCUMENT_ALREADY_VERIFIED', `document ${document.documentId} was already ${document.status}; attach a new one to replace it`);
  const { status } = command.data;
  if (status !== 'APPROVED' && status !== 'REJECTED') throw invalid('FIELD_INVALID', 'status', 'status must be APPROVED or REJECTED');
  const notes = text(command, 'notes', command.data.notes, status === 'REJECTED');
  return [emit<DocumentVerified>(command, c.caseId, 'DocumentVerified.v1', { documentId: document.documentId, status, notes })];
}
