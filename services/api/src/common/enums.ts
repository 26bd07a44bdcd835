import { registerEnumType } from 'type-graphql';
import {
  ADOPTION_LEVEL_LABELS, AdoptionLevel, ACTIVITY_THEME_LABELS, ActivityTheme, BENEFICIARY_CATEGORY_LABELS, BeneficiaryCategory, DONATION_FORM_LABELS,
  DONOR_KIND_LABELS, DonationForm, DonorKind, ORG_LEVEL_LABELS, ORG_TYPE_LABELS, OrgLevel, OrgType,
  RESTRICTED_PURPOSE_LABELS, RestrictedPurpose, VOLUNTEER_CATEGORY_LABELS, VolunteerCategory,
} from '@ggw/domain';

/** Registers a domain enum with its Chinese labels as the value descriptions. */
function register<E extends Record<string, string>>(values: E, name: string, description: string, labels: Record<E[keyof E], string>) {
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.values(values).map((v) => [v, { description: labels[v as E[keyof E]] }]),
    ) as { [K in keyof E]?: { description: string } },
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
