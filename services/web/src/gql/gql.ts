/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query EntryAssessment($code: String!, $year: Period!) {\n    org(code: $code) {\n      id\n      assessmentCriteria { key name }\n      assessments(period: $year, first: 20) { nodes { id criterionKey met version year } }\n    }\n  }\n": typeof types.EntryAssessmentDocument,
    "\n  mutation SetAssessment($input: SetAssessmentInput!) {\n    setAssessment(input: $input) { version results { criterionKey met } warnings { detail } }\n  }\n": typeof types.SetAssessmentDocument,
    "\n  query OrgCompleteness($code: String!, $period: Period!) {\n    org(code: $code) {\n      id\n      reportBoard(period: $period) { state org { id code name level } }\n      overdueReports(period: $period) { daysLate state org { id code name } }\n    }\n  }\n": typeof types.OrgCompletenessDocument,
    "\n  query OrgDiscrepancies($code: String!, $period: Period!) {\n    org(code: $code) { id discrepancies(period: $period) { metricKey label reportedValue computedValue source } }\n  }\n": typeof types.OrgDiscrepanciesDocument,
    "\n  mutation RequestExport($code: String!, $period: Period!, $format: ExportFormat!, $figureState: FigureState!) {\n    requestExport(orgCode: $code, period: $period, format: $format, figureState: $figureState) { id status progress }\n  }\n": typeof types.RequestExportDocument,
    "\n  query ExportJob($id: ID!) {\n    export(id: $id) { id status progress fileName sizeBytes downloadUrl error format }\n  }\n": typeof types.ExportJobDocument,
    "\n  query Me {\n    me {\n      user { id username displayName }\n      roles { role org { id code name level } }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query EntryReport($code: String!, $period: Period!) {\n    org(code: $code) { id name report(period: $period) { id status version submittedAt returnReason forceReason } }\n  }\n": typeof types.EntryReportDocument,
    "\n  mutation SubmitReport($code: String!, $period: Period!, $reason: String) {\n    submitReport(orgCode: $code, period: $period, forceWithReason: $reason) { id status version submittedAt forceReason }\n  }\n": typeof types.SubmitReportDocument,
    "\n  query OrgSummary($code: String!, $period: Period!) {\n    org(code: $code) { id summary(period: $period) }\n  }\n": typeof types.OrgSummaryDocument,
    "\n  query EntryOrg($code: String!) {\n    org(code: $code) { id code name ancestors { code name } }\n    labels {\n      volunteerCategory { value label } activityTheme { value label } donorKind { value label }\n      donationForm { value label } restrictedPurpose { value label } beneficiaryCategory { value label }\n    }\n  }\n": typeof types.EntryOrgDocument,
    "\n  query EntryRefs($code: String!) {\n    org(code: $code) {\n      id\n      volunteers(first: 200) { nodes { id name } }\n      beneficiaries(first: 200) { nodes { id name } }\n    }\n  }\n": typeof types.EntryRefsDocument,
    "\n  query LatestYear($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!, $y5: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { id activityCount }\n      y1: rollup(period: $y1) { id activityCount }\n      y2: rollup(period: $y2) { id activityCount }\n      y3: rollup(period: $y3) { id activityCount }\n      y4: rollup(period: $y4) { id activityCount }\n      y5: rollup(period: $y5) { id activityCount }\n    }\n  }\n": typeof types.LatestYearDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n": typeof types.LoginDocument,
    "\n  query OrgDashboard($code: String!, $period: Period!, $headline: [FigureKey!]!, $table: [FigureKey!]!) {\n    org(code: $code) {\n      id code name level type\n      ancestors { code name }\n      rollup(period: $period) { id figures(keys: $headline) { key label unit value change changeUnit } }\n      childRollups(period: $period) {\n        total { id figures(keys: $table) { key label unit value changeUnit } }\n        rows { id org { id code name } figures(keys: $table) { key value } }\n      }\n    }\n  }\n": typeof types.OrgDashboardDocument,
    "\n  query OrgYears($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { ...YearFigures }\n      y1: rollup(period: $y1) { ...YearFigures }\n      y2: rollup(period: $y2) { ...YearFigures }\n      y3: rollup(period: $y3) { ...YearFigures }\n      y4: rollup(period: $y4) { ...YearFigures }\n    }\n  }\n  fragment YearFigures on Rollup { id orgCount fiveGoodCount volunteerCount coreVolunteerCount }\n": typeof types.OrgYearsDocument,
    "\n  query ReviewBoard($code: String!, $period: Period!) {\n    org(code: $code) {\n      id code name\n      reportBoard(period: $period) {\n        state\n        org { id code name level }\n        report { id status version submittedAt forceReason returnReason }\n      }\n    }\n  }\n": typeof types.ReviewBoardDocument,
    "\n  mutation ApproveReport($code: String!, $period: Period!) { approveReport(orgCode: $code, period: $period) { id status } }\n": typeof types.ApproveReportDocument,
    "\n  mutation ReturnReport($code: String!, $period: Period!, $reason: String!) { returnReport(orgCode: $code, period: $period, reason: $reason) { id status returnReason } }\n": typeof types.ReturnReportDocument,
    "\n  query EntryVolunteers($code: String!, $period: Period!) {\n    org(code: $code) { id volunteers(period: $period, first: 200) { totalCount nodes { id version name category isCore joinedOn phone } } }\n  }\n": typeof types.EntryVolunteersDocument,
    "\n  mutation EntryCreateVolunteer($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } warnings { detail } } }\n": typeof types.EntryCreateVolunteerDocument,
    "\n  mutation EntryUpdateVolunteer($id: ID!, $expectedVersion: Int!, $patch: VolunteerPatch!) {\n    updateVolunteer(id: $id, expectedVersion: $expectedVersion, patch: $patch) { volunteer { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdateVolunteerDocument,
    "\n  mutation EntryDeleteVolunteer($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteVolunteer(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeleteVolunteerDocument,
    "\n  query EntryActivities($code: String!, $period: Period!) {\n    org(code: $code) { id activities(period: $period, first: 200) { totalCount nodes { id version title theme heldOn participants sessions youthReached } } }\n  }\n": typeof types.EntryActivitiesDocument,
    "\n  mutation EntryCreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } warnings { detail } } }\n": typeof types.EntryCreateActivityDocument,
    "\n  mutation EntryUpdateActivity($id: ID!, $expectedVersion: Int!, $patch: ActivityPatch!) {\n    updateActivity(id: $id, expectedVersion: $expectedVersion, patch: $patch) { activity { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdateActivityDocument,
    "\n  mutation EntryDeleteActivity($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteActivity(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeleteActivityDocument,
    "\n  query EntryDonations($code: String!, $period: Period!) {\n    org(code: $code) { id donations(period: $period, first: 200) { totalCount nodes { id version donorName donorKind form amountYuan receivedOn restrictedPurpose } } }\n  }\n": typeof types.EntryDonationsDocument,
    "\n  mutation EntryCreateDonation($input: CreateDonationInput!) { createDonation(input: $input) { donation { id } warnings { detail } } }\n": typeof types.EntryCreateDonationDocument,
    "\n  mutation EntryUpdateDonation($id: ID!, $expectedVersion: Int!, $patch: DonationPatch!) {\n    updateDonation(id: $id, expectedVersion: $expectedVersion, patch: $patch) { donation { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdateDonationDocument,
    "\n  mutation EntryDeleteDonation($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDonation(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeleteDonationDocument,
    "\n  query EntryArticles($code: String!, $period: Period!) {\n    org(code: $code) { id articles(period: $period, first: 200) { totalCount nodes { id version title submittedOn adopted adoptedLevel } } }\n  }\n": typeof types.EntryArticlesDocument,
    "\n  mutation EntryCreateArticle($input: CreateArticleInput!) { createArticle(input: $input) { article { id } warnings { detail } } }\n": typeof types.EntryCreateArticleDocument,
    "\n  mutation EntryUpdateArticle($id: ID!, $expectedVersion: Int!, $patch: ArticlePatch!) {\n    updateArticle(id: $id, expectedVersion: $expectedVersion, patch: $patch) { article { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdateArticleDocument,
    "\n  mutation EntryDeleteArticle($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteArticle(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeleteArticleDocument,
    "\n  query EntryBeneficiaries($code: String!, $period: Period!) {\n    org(code: $code) { id beneficiaries(period: $period, first: 200) { totalCount nodes { id version name category } } }\n  }\n": typeof types.EntryBeneficiariesDocument,
    "\n  mutation EntryCreateBeneficiary($input: CreateBeneficiaryInput!) { createBeneficiary(input: $input) { beneficiary { id } warnings { detail } } }\n": typeof types.EntryCreateBeneficiaryDocument,
    "\n  mutation EntryUpdateBeneficiary($id: ID!, $expectedVersion: Int!, $patch: BeneficiaryPatch!) {\n    updateBeneficiary(id: $id, expectedVersion: $expectedVersion, patch: $patch) { beneficiary { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdateBeneficiaryDocument,
    "\n  mutation EntryDeleteBeneficiary($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteBeneficiary(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeleteBeneficiaryDocument,
    "\n  query EntryPairs($code: String!, $period: Period!) {\n    org(code: $code) { id pairs(period: $period, first: 200) { totalCount nodes { id version volunteerName beneficiaryName beneficiaryCategory startedOn endedOn } } }\n  }\n": typeof types.EntryPairsDocument,
    "\n  mutation EntryCreatePair($input: CreatePairInput!) { createPair(input: $input) { pair { id } warnings { detail } } }\n": typeof types.EntryCreatePairDocument,
    "\n  mutation EntryUpdatePair($id: ID!, $expectedVersion: Int!, $patch: PairPatch!) {\n    updatePair(id: $id, expectedVersion: $expectedVersion, patch: $patch) { pair { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdatePairDocument,
    "\n  mutation EntryDeletePair($id: ID!, $expectedVersion: Int!, $reason: String!) { deletePair(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeletePairDocument,
    "\n  query EntryDisbursements($code: String!, $period: Period!) {\n    org(code: $code) { id disbursements(period: $period, first: 200) { totalCount nodes { id version recipientName amountYuan paidOn restrictedPurpose } } }\n  }\n": typeof types.EntryDisbursementsDocument,
    "\n  mutation EntryCreateDisbursement($input: CreateDisbursementInput!) { createDisbursement(input: $input) { disbursement { id } warnings { detail } } }\n": typeof types.EntryCreateDisbursementDocument,
    "\n  mutation EntryUpdateDisbursement($id: ID!, $expectedVersion: Int!, $patch: DisbursementPatch!) {\n    updateDisbursement(id: $id, expectedVersion: $expectedVersion, patch: $patch) { disbursement { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdateDisbursementDocument,
    "\n  mutation EntryDeleteDisbursement($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDisbursement(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeleteDisbursementDocument,
    "\n  query EntryGuarantees($code: String!, $period: Period!) {\n    org(code: $code) { id guarantees(period: $period, first: 200) { totalCount nodes { id version year hasStaff hasOffice hasEquipment hasFunding budgetYuan } } }\n  }\n": typeof types.EntryGuaranteesDocument,
    "\n  mutation EntryCreateGuarantee($input: CreateGuaranteeInput!) { createGuarantee(input: $input) { guarantee { id } warnings { detail } } }\n": typeof types.EntryCreateGuaranteeDocument,
    "\n  mutation EntryUpdateGuarantee($id: ID!, $expectedVersion: Int!, $patch: GuaranteePatch!) {\n    updateGuarantee(id: $id, expectedVersion: $expectedVersion, patch: $patch) { guarantee { id version } warnings { detail } }\n  }\n": typeof types.EntryUpdateGuaranteeDocument,
    "\n  mutation EntryDeleteGuarantee($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteGuarantee(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": typeof types.EntryDeleteGuaranteeDocument,
};
const documents: Documents = {
    "\n  query EntryAssessment($code: String!, $year: Period!) {\n    org(code: $code) {\n      id\n      assessmentCriteria { key name }\n      assessments(period: $year, first: 20) { nodes { id criterionKey met version year } }\n    }\n  }\n": types.EntryAssessmentDocument,
    "\n  mutation SetAssessment($input: SetAssessmentInput!) {\n    setAssessment(input: $input) { version results { criterionKey met } warnings { detail } }\n  }\n": types.SetAssessmentDocument,
    "\n  query OrgCompleteness($code: String!, $period: Period!) {\n    org(code: $code) {\n      id\n      reportBoard(period: $period) { state org { id code name level } }\n      overdueReports(period: $period) { daysLate state org { id code name } }\n    }\n  }\n": types.OrgCompletenessDocument,
    "\n  query OrgDiscrepancies($code: String!, $period: Period!) {\n    org(code: $code) { id discrepancies(period: $period) { metricKey label reportedValue computedValue source } }\n  }\n": types.OrgDiscrepanciesDocument,
    "\n  mutation RequestExport($code: String!, $period: Period!, $format: ExportFormat!, $figureState: FigureState!) {\n    requestExport(orgCode: $code, period: $period, format: $format, figureState: $figureState) { id status progress }\n  }\n": types.RequestExportDocument,
    "\n  query ExportJob($id: ID!) {\n    export(id: $id) { id status progress fileName sizeBytes downloadUrl error format }\n  }\n": types.ExportJobDocument,
    "\n  query Me {\n    me {\n      user { id username displayName }\n      roles { role org { id code name level } }\n    }\n  }\n": types.MeDocument,
    "\n  query EntryReport($code: String!, $period: Period!) {\n    org(code: $code) { id name report(period: $period) { id status version submittedAt returnReason forceReason } }\n  }\n": types.EntryReportDocument,
    "\n  mutation SubmitReport($code: String!, $period: Period!, $reason: String) {\n    submitReport(orgCode: $code, period: $period, forceWithReason: $reason) { id status version submittedAt forceReason }\n  }\n": types.SubmitReportDocument,
    "\n  query OrgSummary($code: String!, $period: Period!) {\n    org(code: $code) { id summary(period: $period) }\n  }\n": types.OrgSummaryDocument,
    "\n  query EntryOrg($code: String!) {\n    org(code: $code) { id code name ancestors { code name } }\n    labels {\n      volunteerCategory { value label } activityTheme { value label } donorKind { value label }\n      donationForm { value label } restrictedPurpose { value label } beneficiaryCategory { value label }\n    }\n  }\n": types.EntryOrgDocument,
    "\n  query EntryRefs($code: String!) {\n    org(code: $code) {\n      id\n      volunteers(first: 200) { nodes { id name } }\n      beneficiaries(first: 200) { nodes { id name } }\n    }\n  }\n": types.EntryRefsDocument,
    "\n  query LatestYear($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!, $y5: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { id activityCount }\n      y1: rollup(period: $y1) { id activityCount }\n      y2: rollup(period: $y2) { id activityCount }\n      y3: rollup(period: $y3) { id activityCount }\n      y4: rollup(period: $y4) { id activityCount }\n      y5: rollup(period: $y5) { id activityCount }\n    }\n  }\n": types.LatestYearDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n": types.LoginDocument,
    "\n  query OrgDashboard($code: String!, $period: Period!, $headline: [FigureKey!]!, $table: [FigureKey!]!) {\n    org(code: $code) {\n      id code name level type\n      ancestors { code name }\n      rollup(period: $period) { id figures(keys: $headline) { key label unit value change changeUnit } }\n      childRollups(period: $period) {\n        total { id figures(keys: $table) { key label unit value changeUnit } }\n        rows { id org { id code name } figures(keys: $table) { key value } }\n      }\n    }\n  }\n": types.OrgDashboardDocument,
    "\n  query OrgYears($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { ...YearFigures }\n      y1: rollup(period: $y1) { ...YearFigures }\n      y2: rollup(period: $y2) { ...YearFigures }\n      y3: rollup(period: $y3) { ...YearFigures }\n      y4: rollup(period: $y4) { ...YearFigures }\n    }\n  }\n  fragment YearFigures on Rollup { id orgCount fiveGoodCount volunteerCount coreVolunteerCount }\n": types.OrgYearsDocument,
    "\n  query ReviewBoard($code: String!, $period: Period!) {\n    org(code: $code) {\n      id code name\n      reportBoard(period: $period) {\n        state\n        org { id code name level }\n        report { id status version submittedAt forceReason returnReason }\n      }\n    }\n  }\n": types.ReviewBoardDocument,
    "\n  mutation ApproveReport($code: String!, $period: Period!) { approveReport(orgCode: $code, period: $period) { id status } }\n": types.ApproveReportDocument,
    "\n  mutation ReturnReport($code: String!, $period: Period!, $reason: String!) { returnReport(orgCode: $code, period: $period, reason: $reason) { id status returnReason } }\n": types.ReturnReportDocument,
    "\n  query EntryVolunteers($code: String!, $period: Period!) {\n    org(code: $code) { id volunteers(period: $period, first: 200) { totalCount nodes { id version name category isCore joinedOn phone } } }\n  }\n": types.EntryVolunteersDocument,
    "\n  mutation EntryCreateVolunteer($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } warnings { detail } } }\n": types.EntryCreateVolunteerDocument,
    "\n  mutation EntryUpdateVolunteer($id: ID!, $expectedVersion: Int!, $patch: VolunteerPatch!) {\n    updateVolunteer(id: $id, expectedVersion: $expectedVersion, patch: $patch) { volunteer { id version } warnings { detail } }\n  }\n": types.EntryUpdateVolunteerDocument,
    "\n  mutation EntryDeleteVolunteer($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteVolunteer(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeleteVolunteerDocument,
    "\n  query EntryActivities($code: String!, $period: Period!) {\n    org(code: $code) { id activities(period: $period, first: 200) { totalCount nodes { id version title theme heldOn participants sessions youthReached } } }\n  }\n": types.EntryActivitiesDocument,
    "\n  mutation EntryCreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } warnings { detail } } }\n": types.EntryCreateActivityDocument,
    "\n  mutation EntryUpdateActivity($id: ID!, $expectedVersion: Int!, $patch: ActivityPatch!) {\n    updateActivity(id: $id, expectedVersion: $expectedVersion, patch: $patch) { activity { id version } warnings { detail } }\n  }\n": types.EntryUpdateActivityDocument,
    "\n  mutation EntryDeleteActivity($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteActivity(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeleteActivityDocument,
    "\n  query EntryDonations($code: String!, $period: Period!) {\n    org(code: $code) { id donations(period: $period, first: 200) { totalCount nodes { id version donorName donorKind form amountYuan receivedOn restrictedPurpose } } }\n  }\n": types.EntryDonationsDocument,
    "\n  mutation EntryCreateDonation($input: CreateDonationInput!) { createDonation(input: $input) { donation { id } warnings { detail } } }\n": types.EntryCreateDonationDocument,
    "\n  mutation EntryUpdateDonation($id: ID!, $expectedVersion: Int!, $patch: DonationPatch!) {\n    updateDonation(id: $id, expectedVersion: $expectedVersion, patch: $patch) { donation { id version } warnings { detail } }\n  }\n": types.EntryUpdateDonationDocument,
    "\n  mutation EntryDeleteDonation($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDonation(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeleteDonationDocument,
    "\n  query EntryArticles($code: String!, $period: Period!) {\n    org(code: $code) { id articles(period: $period, first: 200) { totalCount nodes { id version title submittedOn adopted adoptedLevel } } }\n  }\n": types.EntryArticlesDocument,
    "\n  mutation EntryCreateArticle($input: CreateArticleInput!) { createArticle(input: $input) { article { id } warnings { detail } } }\n": types.EntryCreateArticleDocument,
    "\n  mutation EntryUpdateArticle($id: ID!, $expectedVersion: Int!, $patch: ArticlePatch!) {\n    updateArticle(id: $id, expectedVersion: $expectedVersion, patch: $patch) { article { id version } warnings { detail } }\n  }\n": types.EntryUpdateArticleDocument,
    "\n  mutation EntryDeleteArticle($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteArticle(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeleteArticleDocument,
    "\n  query EntryBeneficiaries($code: String!, $period: Period!) {\n    org(code: $code) { id beneficiaries(period: $period, first: 200) { totalCount nodes { id version name category } } }\n  }\n": types.EntryBeneficiariesDocument,
    "\n  mutation EntryCreateBeneficiary($input: CreateBeneficiaryInput!) { createBeneficiary(input: $input) { beneficiary { id } warnings { detail } } }\n": types.EntryCreateBeneficiaryDocument,
    "\n  mutation EntryUpdateBeneficiary($id: ID!, $expectedVersion: Int!, $patch: BeneficiaryPatch!) {\n    updateBeneficiary(id: $id, expectedVersion: $expectedVersion, patch: $patch) { beneficiary { id version } warnings { detail } }\n  }\n": types.EntryUpdateBeneficiaryDocument,
    "\n  mutation EntryDeleteBeneficiary($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteBeneficiary(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeleteBeneficiaryDocument,
    "\n  query EntryPairs($code: String!, $period: Period!) {\n    org(code: $code) { id pairs(period: $period, first: 200) { totalCount nodes { id version volunteerName beneficiaryName beneficiaryCategory startedOn endedOn } } }\n  }\n": types.EntryPairsDocument,
    "\n  mutation EntryCreatePair($input: CreatePairInput!) { createPair(input: $input) { pair { id } warnings { detail } } }\n": types.EntryCreatePairDocument,
    "\n  mutation EntryUpdatePair($id: ID!, $expectedVersion: Int!, $patch: PairPatch!) {\n    updatePair(id: $id, expectedVersion: $expectedVersion, patch: $patch) { pair { id version } warnings { detail } }\n  }\n": types.EntryUpdatePairDocument,
    "\n  mutation EntryDeletePair($id: ID!, $expectedVersion: Int!, $reason: String!) { deletePair(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeletePairDocument,
    "\n  query EntryDisbursements($code: String!, $period: Period!) {\n    org(code: $code) { id disbursements(period: $period, first: 200) { totalCount nodes { id version recipientName amountYuan paidOn restrictedPurpose } } }\n  }\n": types.EntryDisbursementsDocument,
    "\n  mutation EntryCreateDisbursement($input: CreateDisbursementInput!) { createDisbursement(input: $input) { disbursement { id } warnings { detail } } }\n": types.EntryCreateDisbursementDocument,
    "\n  mutation EntryUpdateDisbursement($id: ID!, $expectedVersion: Int!, $patch: DisbursementPatch!) {\n    updateDisbursement(id: $id, expectedVersion: $expectedVersion, patch: $patch) { disbursement { id version } warnings { detail } }\n  }\n": types.EntryUpdateDisbursementDocument,
    "\n  mutation EntryDeleteDisbursement($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDisbursement(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeleteDisbursementDocument,
    "\n  query EntryGuarantees($code: String!, $period: Period!) {\n    org(code: $code) { id guarantees(period: $period, first: 200) { totalCount nodes { id version year hasStaff hasOffice hasEquipment hasFunding budgetYuan } } }\n  }\n": types.EntryGuaranteesDocument,
    "\n  mutation EntryCreateGuarantee($input: CreateGuaranteeInput!) { createGuarantee(input: $input) { guarantee { id } warnings { detail } } }\n": types.EntryCreateGuaranteeDocument,
    "\n  mutation EntryUpdateGuarantee($id: ID!, $expectedVersion: Int!, $patch: GuaranteePatch!) {\n    updateGuarantee(id: $id, expectedVersion: $expectedVersion, patch: $patch) { guarantee { id version } warnings { detail } }\n  }\n": types.EntryUpdateGuaranteeDocument,
    "\n  mutation EntryDeleteGuarantee($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteGuarantee(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n": types.EntryDeleteGuaranteeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryAssessment($code: String!, $year: Period!) {\n    org(code: $code) {\n      id\n      assessmentCriteria { key name }\n      assessments(period: $year, first: 20) { nodes { id criterionKey met version year } }\n    }\n  }\n"): (typeof documents)["\n  query EntryAssessment($code: String!, $year: Period!) {\n    org(code: $code) {\n      id\n      assessmentCriteria { key name }\n      assessments(period: $year, first: 20) { nodes { id criterionKey met version year } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAssessment($input: SetAssessmentInput!) {\n    setAssessment(input: $input) { version results { criterionKey met } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation SetAssessment($input: SetAssessmentInput!) {\n    setAssessment(input: $input) { version results { criterionKey met } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgCompleteness($code: String!, $period: Period!) {\n    org(code: $code) {\n      id\n      reportBoard(period: $period) { state org { id code name level } }\n      overdueReports(period: $period) { daysLate state org { id code name } }\n    }\n  }\n"): (typeof documents)["\n  query OrgCompleteness($code: String!, $period: Period!) {\n    org(code: $code) {\n      id\n      reportBoard(period: $period) { state org { id code name level } }\n      overdueReports(period: $period) { daysLate state org { id code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgDiscrepancies($code: String!, $period: Period!) {\n    org(code: $code) { id discrepancies(period: $period) { metricKey label reportedValue computedValue source } }\n  }\n"): (typeof documents)["\n  query OrgDiscrepancies($code: String!, $period: Period!) {\n    org(code: $code) { id discrepancies(period: $period) { metricKey label reportedValue computedValue source } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestExport($code: String!, $period: Period!, $format: ExportFormat!, $figureState: FigureState!) {\n    requestExport(orgCode: $code, period: $period, format: $format, figureState: $figureState) { id status progress }\n  }\n"): (typeof documents)["\n  mutation RequestExport($code: String!, $period: Period!, $format: ExportFormat!, $figureState: FigureState!) {\n    requestExport(orgCode: $code, period: $period, format: $format, figureState: $figureState) { id status progress }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportJob($id: ID!) {\n    export(id: $id) { id status progress fileName sizeBytes downloadUrl error format }\n  }\n"): (typeof documents)["\n  query ExportJob($id: ID!) {\n    export(id: $id) { id status progress fileName sizeBytes downloadUrl error format }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      user { id username displayName }\n      roles { role org { id code name level } }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      user { id username displayName }\n      roles { role org { id code name level } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryReport($code: String!, $period: Period!) {\n    org(code: $code) { id name report(period: $period) { id status version submittedAt returnReason forceReason } }\n  }\n"): (typeof documents)["\n  query EntryReport($code: String!, $period: Period!) {\n    org(code: $code) { id name report(period: $period) { id status version submittedAt returnReason forceReason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReport($code: String!, $period: Period!, $reason: String) {\n    submitReport(orgCode: $code, period: $period, forceWithReason: $reason) { id status version submittedAt forceReason }\n  }\n"): (typeof documents)["\n  mutation SubmitReport($code: String!, $period: Period!, $reason: String) {\n    submitReport(orgCode: $code, period: $period, forceWithReason: $reason) { id status version submittedAt forceReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgSummary($code: String!, $period: Period!) {\n    org(code: $code) { id summary(period: $period) }\n  }\n"): (typeof documents)["\n  query OrgSummary($code: String!, $period: Period!) {\n    org(code: $code) { id summary(period: $period) }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryOrg($code: String!) {\n    org(code: $code) { id code name ancestors { code name } }\n    labels {\n      volunteerCategory { value label } activityTheme { value label } donorKind { value label }\n      donationForm { value label } restrictedPurpose { value label } beneficiaryCategory { value label }\n    }\n  }\n"): (typeof documents)["\n  query EntryOrg($code: String!) {\n    org(code: $code) { id code name ancestors { code name } }\n    labels {\n      volunteerCategory { value label } activityTheme { value label } donorKind { value label }\n      donationForm { value label } restrictedPurpose { value label } beneficiaryCategory { value label }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryRefs($code: String!) {\n    org(code: $code) {\n      id\n      volunteers(first: 200) { nodes { id name } }\n      beneficiaries(first: 200) { nodes { id name } }\n    }\n  }\n"): (typeof documents)["\n  query EntryRefs($code: String!) {\n    org(code: $code) {\n      id\n      volunteers(first: 200) { nodes { id name } }\n      beneficiaries(first: 200) { nodes { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestYear($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!, $y5: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { id activityCount }\n      y1: rollup(period: $y1) { id activityCount }\n      y2: rollup(period: $y2) { id activityCount }\n      y3: rollup(period: $y3) { id activityCount }\n      y4: rollup(period: $y4) { id activityCount }\n      y5: rollup(period: $y5) { id activityCount }\n    }\n  }\n"): (typeof documents)["\n  query LatestYear($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!, $y5: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { id activityCount }\n      y1: rollup(period: $y1) { id activityCount }\n      y2: rollup(period: $y2) { id activityCount }\n      y3: rollup(period: $y3) { id activityCount }\n      y4: rollup(period: $y4) { id activityCount }\n      y5: rollup(period: $y5) { id activityCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgDashboard($code: String!, $period: Period!, $headline: [FigureKey!]!, $table: [FigureKey!]!) {\n    org(code: $code) {\n      id code name level type\n      ancestors { code name }\n      rollup(period: $period) { id figures(keys: $headline) { key label unit value change changeUnit } }\n      childRollups(period: $period) {\n        total { id figures(keys: $table) { key label unit value changeUnit } }\n        rows { id org { id code name } figures(keys: $table) { key value } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgDashboard($code: String!, $period: Period!, $headline: [FigureKey!]!, $table: [FigureKey!]!) {\n    org(code: $code) {\n      id code name level type\n      ancestors { code name }\n      rollup(period: $period) { id figures(keys: $headline) { key label unit value change changeUnit } }\n      childRollups(period: $period) {\n        total { id figures(keys: $table) { key label unit value changeUnit } }\n        rows { id org { id code name } figures(keys: $table) { key value } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgYears($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { ...YearFigures }\n      y1: rollup(period: $y1) { ...YearFigures }\n      y2: rollup(period: $y2) { ...YearFigures }\n      y3: rollup(period: $y3) { ...YearFigures }\n      y4: rollup(period: $y4) { ...YearFigures }\n    }\n  }\n  fragment YearFigures on Rollup { id orgCount fiveGoodCount volunteerCount coreVolunteerCount }\n"): (typeof documents)["\n  query OrgYears($code: String!, $y0: Period!, $y1: Period!, $y2: Period!, $y3: Period!, $y4: Period!) {\n    org(code: $code) {\n      id\n      y0: rollup(period: $y0) { ...YearFigures }\n      y1: rollup(period: $y1) { ...YearFigures }\n      y2: rollup(period: $y2) { ...YearFigures }\n      y3: rollup(period: $y3) { ...YearFigures }\n      y4: rollup(period: $y4) { ...YearFigures }\n    }\n  }\n  fragment YearFigures on Rollup { id orgCount fiveGoodCount volunteerCount coreVolunteerCount }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewBoard($code: String!, $period: Period!) {\n    org(code: $code) {\n      id code name\n      reportBoard(period: $period) {\n        state\n        org { id code name level }\n        report { id status version submittedAt forceReason returnReason }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewBoard($code: String!, $period: Period!) {\n    org(code: $code) {\n      id code name\n      reportBoard(period: $period) {\n        state\n        org { id code name level }\n        report { id status version submittedAt forceReason returnReason }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveReport($code: String!, $period: Period!) { approveReport(orgCode: $code, period: $period) { id status } }\n"): (typeof documents)["\n  mutation ApproveReport($code: String!, $period: Period!) { approveReport(orgCode: $code, period: $period) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnReport($code: String!, $period: Period!, $reason: String!) { returnReport(orgCode: $code, period: $period, reason: $reason) { id status returnReason } }\n"): (typeof documents)["\n  mutation ReturnReport($code: String!, $period: Period!, $reason: String!) { returnReport(orgCode: $code, period: $period, reason: $reason) { id status returnReason } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryVolunteers($code: String!, $period: Period!) {\n    org(code: $code) { id volunteers(period: $period, first: 200) { totalCount nodes { id version name category isCore joinedOn phone } } }\n  }\n"): (typeof documents)["\n  query EntryVolunteers($code: String!, $period: Period!) {\n    org(code: $code) { id volunteers(period: $period, first: 200) { totalCount nodes { id version name category isCore joinedOn phone } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreateVolunteer($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreateVolunteer($input: CreateVolunteerInput!) { createVolunteer(input: $input) { volunteer { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdateVolunteer($id: ID!, $expectedVersion: Int!, $patch: VolunteerPatch!) {\n    updateVolunteer(id: $id, expectedVersion: $expectedVersion, patch: $patch) { volunteer { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdateVolunteer($id: ID!, $expectedVersion: Int!, $patch: VolunteerPatch!) {\n    updateVolunteer(id: $id, expectedVersion: $expectedVersion, patch: $patch) { volunteer { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeleteVolunteer($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteVolunteer(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeleteVolunteer($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteVolunteer(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryActivities($code: String!, $period: Period!) {\n    org(code: $code) { id activities(period: $period, first: 200) { totalCount nodes { id version title theme heldOn participants sessions youthReached } } }\n  }\n"): (typeof documents)["\n  query EntryActivities($code: String!, $period: Period!) {\n    org(code: $code) { id activities(period: $period, first: 200) { totalCount nodes { id version title theme heldOn participants sessions youthReached } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdateActivity($id: ID!, $expectedVersion: Int!, $patch: ActivityPatch!) {\n    updateActivity(id: $id, expectedVersion: $expectedVersion, patch: $patch) { activity { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdateActivity($id: ID!, $expectedVersion: Int!, $patch: ActivityPatch!) {\n    updateActivity(id: $id, expectedVersion: $expectedVersion, patch: $patch) { activity { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeleteActivity($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteActivity(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeleteActivity($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteActivity(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryDonations($code: String!, $period: Period!) {\n    org(code: $code) { id donations(period: $period, first: 200) { totalCount nodes { id version donorName donorKind form amountYuan receivedOn restrictedPurpose } } }\n  }\n"): (typeof documents)["\n  query EntryDonations($code: String!, $period: Period!) {\n    org(code: $code) { id donations(period: $period, first: 200) { totalCount nodes { id version donorName donorKind form amountYuan receivedOn restrictedPurpose } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreateDonation($input: CreateDonationInput!) { createDonation(input: $input) { donation { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreateDonation($input: CreateDonationInput!) { createDonation(input: $input) { donation { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdateDonation($id: ID!, $expectedVersion: Int!, $patch: DonationPatch!) {\n    updateDonation(id: $id, expectedVersion: $expectedVersion, patch: $patch) { donation { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdateDonation($id: ID!, $expectedVersion: Int!, $patch: DonationPatch!) {\n    updateDonation(id: $id, expectedVersion: $expectedVersion, patch: $patch) { donation { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeleteDonation($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDonation(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeleteDonation($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDonation(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryArticles($code: String!, $period: Period!) {\n    org(code: $code) { id articles(period: $period, first: 200) { totalCount nodes { id version title submittedOn adopted adoptedLevel } } }\n  }\n"): (typeof documents)["\n  query EntryArticles($code: String!, $period: Period!) {\n    org(code: $code) { id articles(period: $period, first: 200) { totalCount nodes { id version title submittedOn adopted adoptedLevel } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreateArticle($input: CreateArticleInput!) { createArticle(input: $input) { article { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreateArticle($input: CreateArticleInput!) { createArticle(input: $input) { article { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdateArticle($id: ID!, $expectedVersion: Int!, $patch: ArticlePatch!) {\n    updateArticle(id: $id, expectedVersion: $expectedVersion, patch: $patch) { article { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdateArticle($id: ID!, $expectedVersion: Int!, $patch: ArticlePatch!) {\n    updateArticle(id: $id, expectedVersion: $expectedVersion, patch: $patch) { article { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeleteArticle($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteArticle(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeleteArticle($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteArticle(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryBeneficiaries($code: String!, $period: Period!) {\n    org(code: $code) { id beneficiaries(period: $period, first: 200) { totalCount nodes { id version name category } } }\n  }\n"): (typeof documents)["\n  query EntryBeneficiaries($code: String!, $period: Period!) {\n    org(code: $code) { id beneficiaries(period: $period, first: 200) { totalCount nodes { id version name category } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreateBeneficiary($input: CreateBeneficiaryInput!) { createBeneficiary(input: $input) { beneficiary { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreateBeneficiary($input: CreateBeneficiaryInput!) { createBeneficiary(input: $input) { beneficiary { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdateBeneficiary($id: ID!, $expectedVersion: Int!, $patch: BeneficiaryPatch!) {\n    updateBeneficiary(id: $id, expectedVersion: $expectedVersion, patch: $patch) { beneficiary { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdateBeneficiary($id: ID!, $expectedVersion: Int!, $patch: BeneficiaryPatch!) {\n    updateBeneficiary(id: $id, expectedVersion: $expectedVersion, patch: $patch) { beneficiary { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeleteBeneficiary($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteBeneficiary(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeleteBeneficiary($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteBeneficiary(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryPairs($code: String!, $period: Period!) {\n    org(code: $code) { id pairs(period: $period, first: 200) { totalCount nodes { id version volunteerName beneficiaryName beneficiaryCategory startedOn endedOn } } }\n  }\n"): (typeof documents)["\n  query EntryPairs($code: String!, $period: Period!) {\n    org(code: $code) { id pairs(period: $period, first: 200) { totalCount nodes { id version volunteerName beneficiaryName beneficiaryCategory startedOn endedOn } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreatePair($input: CreatePairInput!) { createPair(input: $input) { pair { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreatePair($input: CreatePairInput!) { createPair(input: $input) { pair { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdatePair($id: ID!, $expectedVersion: Int!, $patch: PairPatch!) {\n    updatePair(id: $id, expectedVersion: $expectedVersion, patch: $patch) { pair { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdatePair($id: ID!, $expectedVersion: Int!, $patch: PairPatch!) {\n    updatePair(id: $id, expectedVersion: $expectedVersion, patch: $patch) { pair { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeletePair($id: ID!, $expectedVersion: Int!, $reason: String!) { deletePair(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeletePair($id: ID!, $expectedVersion: Int!, $reason: String!) { deletePair(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryDisbursements($code: String!, $period: Period!) {\n    org(code: $code) { id disbursements(period: $period, first: 200) { totalCount nodes { id version recipientName amountYuan paidOn restrictedPurpose } } }\n  }\n"): (typeof documents)["\n  query EntryDisbursements($code: String!, $period: Period!) {\n    org(code: $code) { id disbursements(period: $period, first: 200) { totalCount nodes { id version recipientName amountYuan paidOn restrictedPurpose } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreateDisbursement($input: CreateDisbursementInput!) { createDisbursement(input: $input) { disbursement { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreateDisbursement($input: CreateDisbursementInput!) { createDisbursement(input: $input) { disbursement { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdateDisbursement($id: ID!, $expectedVersion: Int!, $patch: DisbursementPatch!) {\n    updateDisbursement(id: $id, expectedVersion: $expectedVersion, patch: $patch) { disbursement { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdateDisbursement($id: ID!, $expectedVersion: Int!, $patch: DisbursementPatch!) {\n    updateDisbursement(id: $id, expectedVersion: $expectedVersion, patch: $patch) { disbursement { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeleteDisbursement($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDisbursement(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeleteDisbursement($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteDisbursement(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EntryGuarantees($code: String!, $period: Period!) {\n    org(code: $code) { id guarantees(period: $period, first: 200) { totalCount nodes { id version year hasStaff hasOffice hasEquipment hasFunding budgetYuan } } }\n  }\n"): (typeof documents)["\n  query EntryGuarantees($code: String!, $period: Period!) {\n    org(code: $code) { id guarantees(period: $period, first: 200) { totalCount nodes { id version year hasStaff hasOffice hasEquipment hasFunding budgetYuan } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryCreateGuarantee($input: CreateGuaranteeInput!) { createGuarantee(input: $input) { guarantee { id } warnings { detail } } }\n"): (typeof documents)["\n  mutation EntryCreateGuarantee($input: CreateGuaranteeInput!) { createGuarantee(input: $input) { guarantee { id } warnings { detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryUpdateGuarantee($id: ID!, $expectedVersion: Int!, $patch: GuaranteePatch!) {\n    updateGuarantee(id: $id, expectedVersion: $expectedVersion, patch: $patch) { guarantee { id version } warnings { detail } }\n  }\n"): (typeof documents)["\n  mutation EntryUpdateGuarantee($id: ID!, $expectedVersion: Int!, $patch: GuaranteePatch!) {\n    updateGuarantee(id: $id, expectedVersion: $expectedVersion, patch: $patch) { guarantee { id version } warnings { detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EntryDeleteGuarantee($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteGuarantee(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"): (typeof documents)["\n  mutation EntryDeleteGuarantee($id: ID!, $expectedVersion: Int!, $reason: String!) { deleteGuarantee(id: $id, expectedVersion: $expectedVersion, reason: $reason) { deletedId } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;