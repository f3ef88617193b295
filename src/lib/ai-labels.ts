/**
 * Labels for artificial intelligence in a story (frontmatter `ai:`), as the press council's
 * 2025 regulation on AI in journalism asks newsrooms to disclose it. The same fact goes to
 * readers (the translated labels) and to machines: schema.org `digitalSourceType`, whose
 * values are the IPTC digital source types (https://schema.org/IPTCDigitalSourceEnumeration).
 */
import type { TranslationKey } from '../i18n/translator.ts';

export type AiUse = 'generated' | 'edited';

/**
 * IPTC's terms: "trained algorithmic media" is made by a generative model; a human's work
 * changed with one is a "composite with trained algorithmic media".
 */
export const DIGITAL_SOURCE_TYPE: Record<AiUse, string> = {
  generated: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource',
  edited: 'https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource',
};

/** The same terms in IPTC's own vocabulary, for feeds (RSS `category` and Media RSS `media:category`). */
export const IPTC_DIGITAL_SOURCE_SCHEME = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
export const IPTC_DIGITAL_SOURCE_CODE: Record<AiUse, string> = {
  generated: 'trainedAlgorithmicMedia',
  edited: 'compositeWithTrainedAlgorithmicMedia',
};

/** The sentence under the story's text and beside its cover. */
export const aiTextLabel = (use: AiUse): TranslationKey => `article.aiText.${use}`;
export const aiCoverLabel = (use: AiUse): TranslationKey => `article.aiCover.${use}`;
/** The short label on a card's picture. */
export const aiCardLabel = (use: AiUse): TranslationKey => `card.aiCover.${use}`;
