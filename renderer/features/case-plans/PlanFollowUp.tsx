/**
 * The plan's sites and referent, in the plan tab (writers only): the sites that follow the plan
 * (a writer adds or removes only sites they work at; one at least stays) and whom the team is told
 * to ask — a member of the team who writes plans at one of the plan's sites — with whether the
 * "followed, ask X" pointer is shown at all. The core decides; its refusal shows next to the field.
 */
import { Button, Checkbox, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePlan } from '../../../shared/contract/case-plans';
import { sectionAccess } from '../../../shared/domain/access-policy';
import { FormFailure } from '../../app/form-failure';
import { apiErrorOf } from '../../api/client';
import { errorText } from '../../i18n/error-text';
import { useSiteOptions } from '../centre/site-options';
import { useSignedIn } from '../persons/use-signed-in';
import { useSetPlanReferent, useSetPlanSites, useStaff } from './api';

function PlanSites({ plan }: { plan: CasePlan }) {
  const { t } = useTranslation();
  const set = useSetPlanSites();
  const own = new Set(useSignedIn().state.user.sites.map((s) => s.id));
  const sites = useSiteOptions();
  const [siteIds, setSiteIds] = useState<string[]>(plan.siteIds);
  const error = set.error ? apiErrorOf(set.error) : null;
  // A site the reader does not work at stays as it is: it can be neither added nor removed here.
  const data = sites.options
    .filter((s) => own.has(s.value) || plan.siteIds.includes(s.value))
    .map((s) => ({ value: s.value, label: s.label, disabled: !own.has(s.value) }));
  const unchanged =
    siteIds.length === plan.siteIds.length && siteIds.every((id) => plan.siteIds.includes(id));
  return (
    <Group align="flex-end">
      <MultiSelect
        label={t('casePlans.followUp.sites')}
        description={t('casePlans.followUp.sitesHint')}
        data={data}
        value={siteIds}
        onChange={setSiteIds}
        error={
          siteIds.length === 0
            ? t('validation.reason.plan_sites_required')
            : error?.field === 'siteIds'
              ? errorText(t, error)
              : undefined
        }
        miw={280}
      />
      <Button
        variant="default"
        loading={set.isPending}
        disabled={unchanged || siteIds.length === 0}
        onClick={() =>
          set.mutate(
            { personId: plan.personId, planId: plan.id, siteIds, version: plan.version },
            {
              onSuccess: () => notifications.show({ color: 'teal', message: t('casePlans.followUp.saved') }),
            },
          )
        }
      >
        {t('casePlans.followUp.saveSites')}
      </Button>
    </Group>
  );
}

function PlanReferent({ plan }: { plan: CasePlan }) {
  const { t } = useTranslation();
  const set = useSetPlanReferent();
  const staff = useStaff();
  const [referentId, setReferentId] = useState<string | null>(plan.referentId);
  const [showReferent, setShowReferent] = useState(plan.showReferent);
  const error = set.error ? apiErrorOf(set.error) : null;
  // The same rule as the core: writes plans and works at one of the plan's sites.
  const eligible = (staff.data ?? []).filter(
    (p) =>
      sectionAccess(p.roles, 'case_plan') === 'write' && p.siteIds.some((id) => plan.siteIds.includes(id)),
  );
  return (
    <Group align="flex-end">
      <Select
        label={t('casePlans.followUp.referent')}
        data={eligible.map((p) => ({ value: p.id, label: p.displayName }))}
        value={referentId}
        onChange={setReferentId}
        allowDeselect={false}
        searchable
        error={error?.field === 'referentId' ? errorText(t, error) : undefined}
        miw={240}
      />
      <Checkbox
        label={t('casePlans.tab.showReferent')}
        checked={showReferent}
        onChange={(e) => setShowReferent(e.currentTarget.checked)}
      />
      <Button
        variant="default"
        loading={set.isPending}
        disabled={!referentId || (referentId === plan.referentId && showReferent === plan.showReferent)}
        onClick={() =>
          referentId &&
          set.mutate(
            { personId: plan.personId, planId: plan.id, referentId, showReferent, version: plan.version },
            {
              onSuccess: () => notifications.show({ color: 'teal', message: t('casePlans.followUp.saved') }),
            },
          )
        }
      >
        {t('casePlans.followUp.saveReferent')}
      </Button>
      <FormFailure failure={error && error.field !== 'referentId' ? error : null} />
    </Group>
  );
}

export function PlanFollowUp({ plan }: { plan: CasePlan }) {
  const { t } = useTranslation();
  // Folded until asked for: a change of sites or referent is rare beside the day's actions.
  const [editing, setEditing] = useState(false);
  if (plan.status === 'closed') return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('casePlans.followUp.title')}>
      {editing ? (
        <>
          {/* A new version of the plan starts the fields again from what is stored. */}
          <PlanSites key={`sites-${plan.version}`} plan={plan} />
          <PlanReferent key={`referent-${plan.version}`} plan={plan} />
        </>
      ) : (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            {t('casePlans.followUp.edit')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
