import { DynamicModule, Global, Module } from '@nestjs/common';
import { toDate } from '@mutasi/domain';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ObservabilityModule } from '@mutasi/observability';
import { AuthConfigController } from '../auth/auth-config.controller';
import { AuthGuard } from '../auth/auth.guard';
import { TokenVerifier } from '../auth/token-verifier';
import { Clock } from '../clock/clock';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { validationPipe } from '../errors/validation';
import { HealthController, HealthRegistry } from '../health/health';
import { AppConfig, DevAuth, Runtime } from './runtime';

/** Cross-cutting pieces every service uses: config, clock, sign-in, problem details, validation, health, metrics. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: PlatformModule,
      // The civil date (WIB) the scheduler's due dates are in, not the UTC date.
      imports: [ObservabilityModule.forRoot({ today: () => toDate(runtime.clock.now().toISOString()) })],
      controllers: [HealthController, AuthConfigController],
      providers: [
        { provide: AppConfig, useValue: new AppConfig(runtime.config) },
        { provide: Clock, useValue: runtime.clock },
        { provide: TokenVerifier, useValue: runtime.verifier },
        { provide: DevAuth, useValue: runtime.devAuth },
        HealthRegistry,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: validationPipe },
      ],
      exports: [AppConfig, Clock, TokenVerifier, DevAuth, HealthRegistry],
    };
  }
}
