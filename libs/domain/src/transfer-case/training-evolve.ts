import { TransferEvent } from './events';
import { asItem, TrainingPlan } from './training';

type TrainingEvent = Extract<
  TransferEvent,
  { type: 'TrainingPlanDerived.v1' | 'TrainingPlanAdjusted.v1' | 'TrainingItemCompleted.v1' | 'TrainingItemWaived.v1' | 'TrainingItemOverdue.v1' }
>;

/** The training plan after one of its events. */
export function evolveTraining(plan: TrainingPlan | null, event: TrainingEvent): TrainingPlan | null {
  const { actor, recordedAt: at } = event.metadata;
  if (event.type === 'TrainingPlanDerived.v1') {
    const carried = (plan?.items ?? []).filter((i) => event.data.carriedItemIds.includes(i.itemId));
    return { derivedAt: at, gaps: event.data.gaps, items: [...carried, ...event.data.items.map(asItem)], adjustments: 0 };
  }
  if (plan === null) return plan;
  switch (event.type) {
    case 'TrainingPlanAdjusted.v1': {
      const closed = plan.items.filter((i) => i.status !== 'PLANNED');
      const planned = event.data.items.map((p) => ({ ...asItem(p), overdue: plan.items.find((i) => i.itemId === p.itemId && i.dueBy === p.dueBy)?.overdue ?? false }));
      return { ...plan, items: [...closed, ...planned], adjustments: plan.adjustments + 1 };
    }
    case 'TrainingItemCompleted.v1': {
      const { itemId, certificateSha256, hours, provider, completedOn } = event.data;
      return {
        ...plan,
        items: plan.items.map((i) => (i.itemId === itemId ? { ...i, status: 'COMPLETED', completion: { certificateSha256, hours, provider, completedOn, recordedBy: actor } } : i)),
      };
    }
    case 'TrainingItemWaived.v1':
      return { ...plan, items: plan.items.map((i) => (i.itemId === event.data.itemId ? { ...i, status: 'WAIVED', waiver: { reason: event.data.reason, by: actor, at } } : i)) };
    case 'TrainingItemOverdue.v1':
      return { ...plan, items: plan.items.map((i) => (i.itemId === event.data.itemId ? { ...i, overdue: true } : i)) };
  }
}
