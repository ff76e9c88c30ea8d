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
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: `What was bought, 1..${MAX_EXPENSE_NAME} characters.` })
  name!: string;

  @Field(() => DateScalar, { description: 'The day of the expense.' })
  date!: string;

  @Field(() => Float, { description: 'Greater than 0.' })
  amount!: number;

  @Field({ description: 'Expense category id (UUID): see `Workspace.expenseCategories`.' })
  categoryId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The project it is for (`Project.projectId`); left out: none.',
  })
  projectId?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${MAX_EXPENSE_NOTE} characters.` })
  note?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Default: the project's billable flag." })
  billable?: boolean | null;
}

@InputType({ description: 'Changes to an expense; fields left out are kept.' })
export class UpdateExpenseInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'Upstream expense id (UUID).' })
  expenseId!: string;

  @Field(() => String, { nullable: true, description: 'What was bought; left out: kept.' })
  name?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the expense; left out: kept.' })
  date?: string | null;

  @Field(() => Float, { nullable: true, description: 'Greater than 0.' })
  amount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Expense category id (UUID, see `Workspace.expenseCategories`); left out: kept.',
  })
  categoryId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The project it is for (`Project.projectId`); left out: kept.',
  })
  projectId?: number | null;

  @Field(() => String, { nullable: true, description: 'Free-text note; left out: kept.' })
  note?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether it is billed to the client; left out: kept.',
  })
  billable?: boolean | null;
}

@InputType({ description: 'The expense to delete (Owners and Executive Managers).' })
export class DeleteExpenseInput {
  @Field(() => Int, {
    description: 'The workspace to act in (`Workspace.workspaceId`); the caller must belong to it.',
  })
  workspaceId!: number;

  @Field({ description: 'Upstream expense id (UUID).' })
  expenseId!: string;
}
