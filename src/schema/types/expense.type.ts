import { Node } from './node.interface.js';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ExpenseBilling, expenseBilling } from '../../catalogue/expenses.enums.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { registerEnum } from '../enums/register-enum.js';

registerEnum(
  expenseBilling,
  'ExpenseBilling',
  'Whether an expense is billed to the client (upstream `type`).',
);

@ObjectType({
  description:
    'An expense (Owners and Executive Managers). WebWork names its project, category and creator by NAME only; `project` and `category` are looked up by that name.',
  implements: Node,
})
export class Expense {
  @Field({ description: 'Upstream expense id (UUID).' })
  expenseId!: string;

  @Field(() => String, { nullable: true, description: 'What was bought (upstream `expense_name`).' })
  name!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The expense date (WebWork sends it formatted, e.g. "Jan 15, 2024"); null when absent.',
  })
  date!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Amount (the currency is not documented); null when absent.',
  })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'Free-text note; null when none.' })
  note!: string | null;

  @Field(() => ExpenseBilling, {
    nullable: true,
    description: 'Whether it is billed to the client; null when WebWork does not say.',
  })
  billing!: ExpenseBilling | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the expense was added (`added_dte`).' })
  addedOn!: string | null;

  @Field(() => String, { nullable: true, description: "Creator's full name, as WebWork sends it." })
  memberName!: string | null;

  @Field(() => String, { nullable: true, description: 'Project name, as WebWork sends it.' })
  projectName!: string | null;

  @Field(() => String, { nullable: true, description: 'Category name, as WebWork sends it.' })
  categoryName!: string | null;
}

@ObjectType({ description: 'An expense category (the `categoryId` of createExpense).', implements: Node })
export class ExpenseCategory {
  @Field({ description: 'Upstream category id (UUID).' })
  categoryId!: string;

  @Field(() => String, { nullable: true, description: 'Category name, e.g. Office Supplies.' })
  name!: string | null;
}

@ObjectType({ description: 'What deleteExpense removed.' })
export class DeletedExpense {
  @Field(() => ID, { description: 'The global id the expense had (`Expense.id`).' })
  id!: string;

  @Field({ description: 'Upstream expense id (UUID).' })
  expenseId!: string;
}
