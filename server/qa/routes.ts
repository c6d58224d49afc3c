/**
 * The moderators' Q&A routes (issue #11): the queue of the running expo's questions and a decision
 * on one. Moderators and organizers only (the route table's 'moderator' access). A decision is
 * stored, written to the audit log (ids only), then published, so every instance of the hall on
 * every process shows the approved question at once.
 */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { bind, HttpError, type BindDeps } from '../http/bind';
import type { ExpoServices } from '../http/services';
import { consoleQuestionView } from './views';

export function qaRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  bind(router, routes.qaQueue, deps, async ({ query }) => {
    const expo = await s.repos.expos.getActive();
    if (!expo) return { questions: [] };
    return { questions: (await s.qa.repo().queue(expo.id, query.status, query.hall)).map(consoleQuestionView) };
  });

  bind(router, routes.qaDecide, deps, async ({ params, body, user }) => {
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    const decided = await s.qa.repo().decide(params.questionId, status, user.id);
    if (!decided) throw new HttpError(404, 'not_found', 'No such question');
    await s.repos.audit.record({
      actorId: user.id,
      action: `qa.${body.decision}`,
      targetType: 'question',
      targetId: decided.id,
      detail: { hall: decided.hallId },
    });
    s.qa.changed(decided.hallId, decided.sessionId, 'decided');
    const view = await s.qa.repo().consoleView(decided.id);
    if (!view) throw new HttpError(404, 'not_found', 'No such question');
    return consoleQuestionView(view);
  });
}
