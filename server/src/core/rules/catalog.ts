// Every rule, in id order. Ids and names are stable: other tools depend on them.
import { documentStructure } from './IMR000-document-structure';
import { missingRationale } from './IMR001-missing-rationale';
import { missingCitation } from './IMR002-missing-citation';
import { invalidDecision } from './IMR003-invalid-decision';
import { decisionConclusionMismatch } from './IMR004-decision-conclusion-mismatch';
import { missingNecessityStatement } from './IMR005-missing-necessity-statement';
import { missingSection } from './IMR006-missing-section';
import { missingCredentials } from './IMR007-missing-credentials';
import { missingClaimsAdministratorGuideline } from './IMR008-missing-claims-administrator-guideline';
import { nonMtusWithoutReason } from './IMR009-non-mtus-without-reason';
import { duplicateItem } from './IMR010-duplicate-item';
import { headerDateOrder } from './IMR011-header-date-order';
import { injuryDateMismatch } from './IMR012-injury-date-mismatch';
import { citationRegionMismatch } from './IMR013-citation-region-mismatch';
import { probableRedactionGap } from './IMR014-probable-redaction-gap';
import { urVocabulary } from './IMR015-ur-vocabulary';
import { findingsListMismatch } from './IMR016-findings-list-mismatch';
import { misplacedField } from './IMR017-misplaced-field';
import { placeholderText } from './IMR018-placeholder-text';
import { copiedUrSummary } from './IMR019-copied-ur-summary';
import { rationaleGuidelineMismatch } from './IMR020-rationale-guideline-mismatch';
import { itemTextMismatch } from './IMR021-item-text-mismatch';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  documentStructure,
  missingRationale,
  missingCitation,
  invalidDecision,
  decisionConclusionMismatch,
  missingNecessityStatement,
  missingSection,
  missingCredentials,
  missingClaimsAdministratorGuideline,
  nonMtusWithoutReason,
  duplicateItem,
  headerDateOrder,
  injuryDateMismatch,
  citationRegionMismatch,
  probableRedactionGap,
  urVocabulary,
  findingsListMismatch,
  misplacedField,
  placeholderText,
  copiedUrSummary,
  rationaleGuidelineMismatch,
  itemTextMismatch,
];
