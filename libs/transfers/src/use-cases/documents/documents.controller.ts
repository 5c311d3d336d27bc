import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { CurrentUser, Principal } from '@mutasi/platform';
import { CaseCommandRoute, CaseIdPipe, httpFacts } from '../case-command';
import { CaseCommandController } from '../case-command.controller';
import { AttachDocument, AttachDocumentDto, VerifyDocument, VerifyDocumentDto } from './documents.use-cases';

@Controller('api/transfers')
export class DocumentsController extends CaseCommandController {
  @Post(':caseId/attach-document')
  @CaseCommandRoute('attachDocument', 'Attach a document of the checklist by its SHA-256', 'PENGUSUL of either agency')
  attach(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: AttachDocumentDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new AttachDocument(caseId, body, user, httpFacts(req)));
  }

  @Post(':caseId/verify-document')
  @CaseCommandRoute('verifyDocument', 'Approve or reject an attached document', 'VERIFIKATOR of the target agency')
  verify(
    @Param('caseId', CaseIdPipe) caseId: string,
    @Body() body: VerifyDocumentDto,
    @CurrentUser() user: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.send(res, new VerifyDocument(caseId, body, user, httpFacts(req)));
  }
}
