import { Controller, Get, MiddlewareConsumer, Module, NestModule, Optional, Param, Redirect, Res } from '@nestjs/common';
import { AppConfig } from '../nest/runtime';
import { ApiExcludeController } from '@nestjs/swagger';
import { NextFunction, Request, Response } from 'express';
import { Public } from '../auth/auth.guard';
import { contentSecurityPolicy, webAppDir, webFileFor } from './web-app';

/** Serves the web app at `/app` (single page: unknown paths get index.html); `/` and the old `/dashboard` lead there. */
@ApiExcludeController()
@Public()
@Controller()
export class WebAppController {
  private readonly dir = webAppDir();
  private readonly csp: string;

  constructor(@Optional() config?: AppConfig) {
    this.csp = contentSecurityPolicy(config?.values.oidc?.issuer);
  }

  @Get()
  @Redirect('/app/', 302)
  root(): void {}

  @Get('dashboard')
  @Redirect('/app/dasbor', 301)
  dashboard(): void {}

  @Get(['app', 'app/*path'])
  app(@Param('path') path: string[] | string | undefined, @Res() res: Response): void {
    const rest = Array.isArray(path) ? path.join('/') : (path ?? '');
    const file = webFileFor(this.dir, rest);
    if (file.kind === 'bad-path') {
      res
        .status(400)
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Alamat tidak sah', status: 400, code: 'BAD_PATH', detail: 'the path is not valid percent-encoding' });
      return;
    }
    if (file.kind === 'not-built') {
      res
        .status(503)
        .type('application/problem+json')
        .send({
          type: 'about:blank',
          title: 'Aplikasi web belum dibangun',
          status: 503,
          code: 'WEB_APP_NOT_BUILT',
          detail: `belum ada aplikasi web di ${file.dir}: jalankan npm run build (atau atur WEB_DIST)`,
        });
      return;
    }
    res.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('Content-Security-Policy', this.csp);
    res.sendFile(file.path);
  }
}

/**
 * API answers depend on who asks (the actions offered, what an employee may see) while the URL and the ETag (the case's
 * revision) do not, so no browser or proxy may keep one: a cached answer would show one user another's view.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

@Module({ controllers: [WebAppController] })
export class WebAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(noStore).forRoutes('api/*path');
  }
}
