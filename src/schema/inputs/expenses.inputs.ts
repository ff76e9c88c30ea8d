import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { PageArgs } from './page.args.js';

export const MAX_EXPENSE_NAME = 255;
export const MAX_EXPENSE_NOTE = 1000;

@ArgsType()
export class ExpensesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this expense (UUID).' })
  expenseId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Expenses dated on or after this date.' })
  dateFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Expenses dated on or before this date.' })
  dateTo?: string | null;
}

@InputType({ description: 'A new expense (Owners and Executive Managers).' })
export class CreateExpenseInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field({ description: `What was bought, 1..${MAX_EXPENSE_NAME} characters.` })
  name!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field(() => Float, { description: 'Greater than 0.' })
  amount!: number;

  @Field({ description: 'Expense category id (UUID): see `Workspace.expenseCategories`.' })
  categoryId!: string;

  @Field(() => Int, { nullable: true })
  projectId?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${MAX_EXPENSE_NOTE} characters.` })
  note?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Default: the project's billable flag." })
  billable?: boolean | null;
}

@InputType({ description: 'Changes to an expense; fields left out are kept.' })
export class UpdateExpenseInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field({ description: 'Upstream expense id (UUID).' })
  expenseId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => Float, { nullable: true, description: 'Greater than 0.' })
  amount?: number | null;

  @Field(() => String, { nullable: true })
  categoryId?: string | null;

  @Field(() => Int, { nullable: true })
  projectId?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Boolean, { nullable: true })
  billable?: boolean | null;
}

@InputType()
export class DeleteExpenseInput {
  @Field(() => Int)
  workspaceId!: number;

  @Field({ description: 'Upstream expense id (UUID).' })
  expenseId!: string;
}
