import type { Hono } from 'hono';
import type { createCommentService } from '../service/comments.ts';
import type { createEmailVerification } from '../service/email-verification.ts';
import type { ServiceContext } from '../service/context.ts';
import type { createModerationService } from '../service/moderation.ts';
import type { createViewService } from '../service/views.ts';

/** What platform adapters pass per request: the socket's address, if they know it. */
export interface RequestEnv {
  clientIp?: string;
}

export type AppEnv = { Bindings: RequestEnv; Variables: { editor: string } };
export type WartaHono = Hono<AppEnv>;

export interface Services {
  ctx: ServiceContext;
  views: ReturnType<typeof createViewService>;
  comments: ReturnType<typeof createCommentService>;
  moderation: ReturnType<typeof createModerationService>;
  verification: ReturnType<typeof createEmailVerification>;
}
