import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@mutasi/platform';
import { DASHBOARD_PAGE } from './dashboard-page.html';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardPageController {
  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'")
  @ApiOperation({ summary: 'The dashboard web page (signs in in the page; live through /api/dashboard/stream)' })
  @ApiOkResponse({ description: 'text/html' })
  page(): string {
    return DASHBOARD_PAGE;
  }
}
