/** The assistant's LLM advisor, in its own root so only AssistantApi bundles the Bedrock SDK. */
import { BedrockConverseAdvisor } from '../adapters/bedrock/converse-advisor.js';
import type { LlmAdvisor } from '../app/ports/llm-advisor.js';
import { cfg, once } from './root.js';

/** Bedrock only when a model is configured; the assistant explains deterministically otherwise. */
export const llmAdvisor = once((): LlmAdvisor | undefined => {
  const c = cfg();
  return c.BEDROCK_MODEL_ID ? new BedrockConverseAdvisor({ modelId: c.BEDROCK_MODEL_ID, region: c.AWS_REGION }) : undefined;
});
