import { registerEnumType } from 'type-graphql';
import {
  ADOPTION_LEVEL_LABELS, AdoptionLevel, ACTIVITY_THEME_LABELS, ActivityTheme, BENEFICIARY_CATEGORY_LABELS, BeneficiaryCategory, DONATION_FORM_LABELS,
  DONOR_KIND_LABELS, DonationForm, DonorKind, ORG_LEVEL_LABELS, ORG_TYPE_LABELS, OrgLevel, OrgType,
  RESTRICTED_PURPOSE_LABELS, RestrictedPurpose, VOLUNTEER_CATEGORY_LABELS, VolunteerCategory,
} from '@ggw/domain';

/** Every registered enum's values with their Chinese labels, by GraphQL name (what `labels` answers). */
export const ENUM_LABELS = new Map<string, { description: string; labels: Record<string, string> }>();

/** The same labels by the enum object itself (value → label), for what names enums by their object (the spreadsheet columns). */
const LABELS_OF = new Map<object, Record<string, string>>();

/** The Chinese label of each value of a registered enum. */
export function labelsOf(values: Record<string, string>): Record<string, string> {
  const labels = LABELS_OF.get(values);
  if (!labels) throw new Error('enum not registered');
  return labels;
}

/**
 * Registers an enum with its Chinese labels (by value) as the descriptions of its GraphQL
 * values, and for `labels`, which names each value as clients see it (the enum's key).
 */
export function register<E extends Record<string, string>>(values: E, name: string, description: string, labels: Record<E[keyof E], string>) {
  const byKey = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, labels[value as E[keyof E]]]));
  ENUM_LABELS.set(name, { description, labels: byKey });
  LABELS_OF.set(values, labels as Record<string, string>);
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries(byKey).map(([key, label]) => [key, { description: label }])) as { [K in keyof E]?: { description: string } },
  });
}

register(OrgLevel, 'OrgLevel', '组织层级', ORG_LEVEL_LABELS);
register(OrgType, 'OrgType', '组织类型(与层级无关)', ORG_TYPE_LABELS);
register(VolunteerCategory, 'VolunteerCategory', '五老类别', VOLUNTEER_CATEGORY_LABELS);
register(ActivityTheme, 'ActivityTheme', '活动主题', ACTIVITY_THEME_LABELS);
register(BeneficiaryCategory, 'BeneficiaryCategory', '帮扶对象类别', BENEFICIARY_CATEGORY_LABELS);
register(DonorKind, 'DonorKind', '捐赠方类别', DONOR_KIND_LABELS);
register(DonationForm, 'DonationForm', '捐赠形式', DONATION_FORM_LABELS);
register(RestrictedPurpose, 'RestrictedPurpose', '定向用途(专款专用)', RESTRICTED_PURPOSE_LABELS);
register(AdoptionLevel, 'AdoptionLevel', '稿件采用级别', ADOPTION_LEVEL_LABELS);
