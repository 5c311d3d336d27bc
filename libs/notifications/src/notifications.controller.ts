import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Clock, CurrentUser, Principal } from '@mutasi/platform';
import { NotificationQueries } from './notification-queries';
import { ListNotificationsQuery, MarkReadBody, MarkReadResultDto, NotificationListDto } from './notifications.dto';

/** The bell: the signed-in principal's own notifications, whatever their role (docs/notifications.md). */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no or invalid token' })
@Controller('api/notifications')
export class NotificationsController {
  constructor(
    private readonly queries: NotificationQueries,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListDto })
  @ApiBadRequestResponse({ description: 'problem details naming each bad query parameter' })
  list(@Query() q: ListNotificationsQuery, @CurrentUser() user: Principal): Promise<NotificationListDto> {
    return this.queries.list(user.userId, { unreadOnly: q.unreadOnly ?? false, limit: q.limit ?? 50 });
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationsRead', summary: 'Mark my notifications read: those named in ids, or all of them' })
  @ApiOkResponse({ type: MarkReadResultDto })
  @ApiBadRequestResponse({ description: 'problem details naming each bad field' })
  async markRead(@Body() body: MarkReadBody, @CurrentUser() user: Principal): Promise<MarkReadResultDto> {
    const marked = await this.queries.markRead(user.userId, body.ids ?? null, this.clock.now());
    return { marked, unread: await this.queries.unread(user.userId) };
  }
}
