import { z } from 'zod';
import { AnalysisSchema } from './contract.js';

/** The analysis contract as JSON Schema (draft 2020-12), for users validating output in other languages. */
export function contractJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://triangulate.dev/schema/analysis-v1.json',
    title: 'Triangulate analysis, contract version 1',
    ...(z.toJSONSchema(AnalysisSchema, { target: 'draft-2020-12' }) as Record<string, unknown>),
  };
}
