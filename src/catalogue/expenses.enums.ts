import { defineEnum, type EnumOf } from './enum-table.js';

/** `type` of an expense (REFERENCE §9.13: "billable", "non-billable"). */
export const expenseBilling = defineEnum({
  BILLABLE: ['billable', 'Billed to the client (upstream `billable`).'],
  NON_BILLABLE: ['non-billable', 'Not billed (upstream `non-billable`).'],
});
export const ExpenseBilling = expenseBilling.values;
export type ExpenseBilling = EnumOf<typeof expenseBilling>;
