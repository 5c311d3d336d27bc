import { ROLES } from '@mutasi/domain';
import { decimal, enumOf, instant, list, named, object, optional, text } from '@mutasi/platform';

/** The standalone demo's sign-in and clock answers. */

export const DemoUser = named('DemoUser', object({ userId: text(), name: text(), agencyId: text(), roles: list(enumOf(ROLES)), title: text(), nip: optional(text('for an ASN')) }));

export const DevToken = named('DevToken', object({ token: text('a JWT for Authorization: Bearer, valid for 12 hours') }));

export const DemoClock = named('DemoClock', object({ now: instant('the server clock'), offsetDays: decimal('days the demo clock runs ahead of the machine') }));
